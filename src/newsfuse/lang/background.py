"""How common a word is in general text of a language: the topic signatures' reference.

A word far more frequent in a story than in general text names the story
(summarize/signature.py). The frequencies are the language's `background`
(newsfuse.lang.Language: wordfreq's list for English, shipped inside its package,
so it works offline). A `Zipf` table is a model like the others: made and kept by
the config's `Models` (newsfuse.models), never by a module global.
"""

from __future__ import annotations

import numpy as np

from newsfuse.lang import language

# Looked-up words remembered per table; past this many the memo starts again, so a
# long-running server's memory stays bounded (a story's vocabulary is ~1-3 thousand).
MEMO_SIZE = 1 << 16
# wordfreq's floor: zipf 0 is a frequency of 1e-9 (one per billion words).
_FLOOR = 1e-9


class Zipf:
    """Zipf frequency (log10 per billion words) of folded terms in general text of
    one language: that of the term plus its "s" plural, since `fold` merged them;
    0 for words the list has never seen (such as "tu-22m3")."""

    def __init__(self, code: str) -> None:
        self._frequency = language(code).background
        self._memo: dict[str, float] = {}

    def __call__(self, term: str) -> float:
        found = self._memo.get(term)
        if found is None:
            freq = self._frequency(term)
            if not term.endswith("s"):
                freq += self._frequency(term + "s")
            # numpy's log10, not math's: they differ in the last bit for some words
            found = float(np.log10(freq) + 9) if freq > _FLOOR else 0.0
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[term] = found
        return found

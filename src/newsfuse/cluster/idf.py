"""Term weights for clustering: background IDF from general text of the language.

IDF fitted on a batch makes a term's weight depend on the batch: in 100
articles about 10 events an event word ("tsunami") is in 10% of them and
weighs little, in 15k articles it is rare and weighs a lot. Similarities, and
so the merge threshold, then do not transfer between batch sizes
(docs/tuning.md), and they drift as a streaming archive grows. Background IDF,
-ln of the word's frequency in general text of the article's language (its
`background` in newsfuse.lang; wordfreq for English, shipped offline), is the same
for every batch and every moment of a stream.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from newsfuse.lang import ENGLISH, language, scoring_language

# Frequency given to terms general English does not list (typos, rare names,
# junk): as rare as the rarest listed word, which also caps the IDF (-ln 1e-8 = 18.4).
UNKNOWN_FREQ = 1e-8
# Pure numbers ("2016", "1,200", "3.5") identify little on their own, yet wordfreq
# estimates long ones as vanishingly rare; they are held at this frequency or above.
NUMBER_FREQ = 1e-5


def _is_number(term: str) -> bool:
    """Digits with optional separators and no letters: counts, years, amounts."""
    return any(c.isdigit() for c in term) and not any(c.isalpha() for c in term)


def english_frequency(word: str) -> float:
    """wordfreq's `word_frequency(word, "en")`: English's background (newsfuse.lang.en,
    which reads the word list directly for plain lower-case words)."""
    return language(ENGLISH).background(word)


def english_zipf(word: str) -> float:
    """wordfreq's `zipf_frequency(word, "en")` on the same fast path (english_frequency)."""
    from wordfreq import zipf_frequency

    if not (word.isascii() and word.isalpha() and word.islower()):
        return float(zipf_frequency(word, "en"))
    freq = english_frequency(word)
    return round(math.log(freq, 10) + 9, 2) if freq > 0 else 0.0


def background_idf(vocabulary: Sequence[str], codes: Sequence[str] = ()) -> np.ndarray:
    """-ln(frequency in general text of the term's language) per term: `codes[j]` is
    the language of the article term j came from (English when not given), whose
    `background` (newsfuse.lang) is looked up; undetermined text is English's.

    Name features ("@putin") are looked up as the word itself. wordfreq is
    imported on first use: the import and first lookup cost ~0.2 s, paid only
    when background IDF is asked for.
    """
    freqs = np.empty(len(vocabulary))
    codes = codes or [ENGLISH] * len(vocabulary)
    background = {c: scoring_language(c).background for c in set(codes)}
    for j, (term, code) in enumerate(zip(vocabulary, codes, strict=True)):
        word = term.lstrip("@")
        freq = background[code](word)
        floor = UNKNOWN_FREQ if word.isalpha() or not _is_number(term) else NUMBER_FREQ
        freqs[j] = max(freq, floor)
    return np.asarray(-np.log(freqs))

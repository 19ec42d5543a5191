"""Term weights for clustering: background IDF from general English.

IDF fitted on a batch makes a term's weight depend on the batch: in 100
articles about 10 events an event word ("tsunami") is in 10% of them and
weighs little, in 15k articles it is rare and weighs a lot. Similarities, and
so the merge threshold, then do not transfer between batch sizes
(docs/tuning.md), and they drift as a streaming archive grows. Background IDF,
-ln of the word's frequency in general English (wordfreq, shipped offline), is
the same for every batch and every moment of a stream.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

# Frequency given to terms general English does not list (typos, rare names,
# junk): as rare as the rarest listed word, which also caps the IDF (-ln 1e-8 = 18.4).
UNKNOWN_FREQ = 1e-8
# Pure numbers ("2016", "1,200", "3.5") identify little on their own, yet wordfreq
# estimates long ones as vanishingly rare; they are held at this frequency or above.
NUMBER_FREQ = 1e-5


def _is_number(term: str) -> bool:
    """Digits with optional separators and no letters: counts, years, amounts."""
    return any(c.isdigit() for c in term) and not any(c.isalpha() for c in term)


def background_idf(vocabulary: Sequence[str]) -> np.ndarray:
    """-ln(frequency in general English) per term; one wordfreq lookup per term.

    Name features ("@putin") are looked up as the word itself. wordfreq is
    imported here: the import and first lookup cost ~0.2 s, paid only when
    background IDF is asked for.
    """
    from wordfreq import word_frequency

    freqs = np.empty(len(vocabulary))
    for j, term in enumerate(vocabulary):
        freq = word_frequency(term.lstrip("@"), "en")
        floor = NUMBER_FREQ if _is_number(term) else UNKNOWN_FREQ
        freqs[j] = max(freq, floor)
    return np.asarray(-np.log(freqs))

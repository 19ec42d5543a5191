"""Term weights for clustering: batch IDF, background IDF from general English, or a blend.

Batch IDF makes a term's weight depend on the batch: in 100 articles about 10
events an event word ("tsunami") is in 10% of them and weighs little, in 15k
articles it is rare and weighs a lot. Similarities, and so the merge
threshold, then do not transfer between batch sizes (docs/tuning.md), and
they drift as a streaming archive grows. Background IDF, -ln of the word's
frequency in general English (wordfreq, shipped offline), is the same for
every batch. `background` in [0, 1] mixes the two geometrically,
idf = background_idf^w * batch_idf^(1-w): scaling either factor only rescales
every vector, which the L2 normalisation undoes, so the two need no common
scale.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy import sparse

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


def batch_idf(counts: sparse.csr_matrix) -> np.ndarray:
    """Smoothed IDF of the batch, as sklearn computes it: ln((1+n)/(1+df)) + 1."""
    n = counts.shape[0]
    df = np.bincount(counts.indices, minlength=counts.shape[1]).astype(np.float64)
    return np.asarray(np.log((1.0 + n) / (1.0 + df)) + 1.0)


def idf_weights(
    counts: sparse.csr_matrix, vocabulary: Sequence[str], background: float
) -> np.ndarray:
    """Per-column IDF: batch (background=0), background (1) or their geometric mix."""
    if background <= 0.0:
        return batch_idf(counts)
    bg = background_idf(vocabulary)
    if background >= 1.0:
        return bg
    return np.asarray(bg**background * batch_idf(counts) ** (1.0 - background))

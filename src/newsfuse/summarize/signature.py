"""Topic signature: the story's corroborated, specific words, and how much of
them each sentence carries.

After Lin & Hovy (2000) and Conroy et al. (2006): the words that carry an event
are those far more frequent in the story than in general English. "Hamadan",
"Tu-22M3" or "Nusra" name this event; "Iran", "warplanes" or "Tuesday" could
be in any story of the week. General English is wordfreq's frequency list
(shipped inside the package, so it works offline), looked up through the
config's models (`Models.zipf`, newsfuse.lang.background). A word only counts when
at least half the outlets use it (and at least two; in a one-article story: two
sentences), so one outlet's colour or a name a few reports mention in passing
does not become the story's signature. (With "two articles" instead of "half",
10-article Wikinews stories favoured name-dense side stories.)

Each signature word weighs its rarity, `(zipf_cap - zipf) / zipf_cap` clipped
to [0, 1], where zipf is log10 of the word's frequency per billion words (0 for
words wordfreq has never seen, such as "tu-22m3"). A sentence's coverage is the
summed weight of the distinct signature words it contains, divided by the
story's best coverage, so the feature lies in [0, 1] like centrality.
"""

from __future__ import annotations

import numpy as np
from scipy import sparse

from newsfuse.config import BriefOptions
from newsfuse.summarize.features import FloatArray, StoryMatrix

MIN_LETTERS = 2  # "2016", "34" or "u" say nothing on their own


def _wordy(term: str) -> bool:
    """A term that can name something: two letters or more, and not a dotted
    token, which is mostly a web address ("rajanews.com") or a common
    abbreviation ("u.s")."""
    return sum(c.isalpha() for c in term) >= MIN_LETTERS and "." not in term


def _presence(matrix: StoryMatrix) -> sparse.csr_matrix:
    """n x V 0/1 matrix: which terms each sentence uses."""
    return sparse.csr_matrix(matrix.vectors > 0, dtype=np.float64)


def _corroborated(matrix: StoryMatrix, presence: sparse.csr_matrix, share: float) -> FloatArray:
    """Per vocabulary column, 1.0 when at least `share` of the articles (and at
    least two) use the term; in a one-article story, at least two sentences."""
    n, k = matrix.size, len(matrix.articles)
    member = sparse.csr_matrix(
        (np.ones(n), (matrix.article_of, np.arange(n))), shape=(k, n), dtype=np.float64
    )
    units = member @ presence if k > 1 else presence
    spread = np.asarray((sparse.csr_matrix(units) > 0).sum(axis=0)).ravel()
    need = max(2, int(np.ceil(share * k)))
    return np.asarray(spread >= need, dtype=np.float64)


def _weights(matrix: StoryMatrix, presence: sparse.csr_matrix, options: BriefOptions) -> FloatArray:
    """Rarity of each corroborated, wordy term; 0 elsewhere (see module docstring)."""
    cap = options.signature_zipf
    zipf = options.models.zipf()  # general English (newsfuse.lang.background)
    weights = _corroborated(matrix, presence, options.signature_share)
    for j in np.flatnonzero(weights):
        term = matrix.vocabulary[j]
        rarity = (cap - zipf(term)) / cap if _wordy(term) else 0.0
        weights[j] = min(1.0, max(0.0, rarity))
    return weights


def signature_weights(matrix: StoryMatrix, options: BriefOptions) -> FloatArray:
    """Weight of each vocabulary term (column of `matrix.vectors`) in the story's
    topic signature: its rarity if corroborated and wordy, else 0."""
    return _weights(matrix, _presence(matrix), options)


def signature(matrix: StoryMatrix, options: BriefOptions) -> dict[str, float]:
    """The story's signature terms and their weights, heaviest first (for
    inspection and tests; scoring uses `signature_coverage`)."""
    weights = signature_weights(matrix, options)
    order = np.argsort(-weights, kind="stable")
    return {matrix.vocabulary[j]: float(weights[j]) for j in order if weights[j] > 0}


def signature_coverage(matrix: StoryMatrix, options: BriefOptions) -> FloatArray:
    """Per sentence, summed weight of the distinct signature terms it contains,
    over the story's best sentence (all zeros when the story has no signature).

    A sum, not a mean: a sentence naming the place and the aircraft states the
    event more fully than one naming only the place; `quality` already caps
    what very long sentences gain.
    """
    if matrix.size == 0:
        return np.zeros(0)
    presence = _presence(matrix)
    coverage = np.asarray(presence @ _weights(matrix, presence, options)).ravel()
    best = float(coverage.max())
    return coverage / best if best > 0 else coverage

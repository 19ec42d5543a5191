"""The lede tells what the other outlets lead with (issue 20, eighth round).

The learned lede model (newsfuse.summarize.lede) scores a sentence by where it sits and how
central its words are over the whole story. A cluster often holds more than its event: a
round-up of what came before, a side story one outlet ran with it, a second event a
clusterer joined. Each such report's first sentence sits first too, and shares enough of
the story's words for the model to take it for the lede. What the outlets agree on is what
they lead with: among the outlets' first sentences, the one that retells the others' carries
the story's main event, and one that only its own outlet leads with carries that outlet's
angle. `lede_echo` is the bonus for the former. Measured by reading (docs/benchmarks.md, #20).
"""

from __future__ import annotations

import numpy as np

from newsfuse.summarize.features import FloatArray, StoryMatrix

ECHO_WEIGHT = 2.0  # log-odds for a first sentence whose cosine with every other one is 1
MIN_OUTLETS = 3  # articles with a usable sentence: with two, one lede cannot outvote the other


def outlet_ledes(matrix: StoryMatrix, usable: np.ndarray) -> dict[int, int]:
    """Each article's first usable sentence (what the outlet leads with), by article."""
    ledes: dict[int, int] = {}
    for row in sorted(np.flatnonzero(usable), key=lambda r: matrix.sentences[r].index):
        ledes.setdefault(int(matrix.article_of[row]), int(row))
    return ledes


def lede_echo(matrix: StoryMatrix, usable: np.ndarray) -> FloatArray:
    """Log-odds for each article's first usable sentence: ECHO_WEIGHT times its mean cosine
    with the other articles' first usable sentences; 0 for every other sentence.

    Only an outlet's own first sentence gains: a detail deep in one report that happens to
    share the words of another's lede (a dispatcher's call, a suspect's car) took the lede
    from the news when every sentence could (gva_dev: 7 of 19 moved ledes worse, 4 better).
    Only in an untitled story of MIN_OUTLETS or more: where articles have titles,
    `lede_hooks.title_echo` reads the same agreement from them (with both, gva_dev's
    incidents lost 4 ledes to a city's round-up or an arraignment, none gained)."""
    ledes = outlet_ledes(matrix, usable)
    out = np.zeros(matrix.size)
    if len(ledes) < MIN_OUTLETS or any(a.title for a in matrix.articles):
        return out
    rows = list(ledes.values())
    cosines = matrix.similarity[np.ix_(rows, rows)]
    out[rows] = (cosines.sum(axis=1) - np.diag(cosines)) / (len(rows) - 1)
    return np.asarray(ECHO_WEIGHT * out, np.float64)

"""Support citations: which other articles report what a brief sentence says."""

from __future__ import annotations

from newsfuse.summarize.features import StoryMatrix
from newsfuse.types import Citation


def support_for(matrix: StoryMatrix, row: int, threshold: float) -> tuple[Citation, ...]:
    """One citation per other article: its sentence most similar to `row`, kept when
    the TF-IDF cosine reaches `threshold`; most similar first (ties: article order).

    Cosine over content-word TF-IDF rather than containment, so that a long
    sentence sharing a few names with a short one is not taken as a restatement.
    """
    own = int(matrix.article_of[row])
    found: list[tuple[float, int, int]] = []
    for article in range(len(matrix.articles)):
        if article == own:
            continue
        best_row, similarity = matrix.best_in_article(row, article)
        if similarity >= threshold:
            found.append((similarity, article, best_row))
    found.sort(key=lambda item: (-item[0], item[1]))
    return tuple(
        Citation(matrix.articles[a].id, matrix.sentences[r].id, similarity)
        for similarity, a, r in found
    )

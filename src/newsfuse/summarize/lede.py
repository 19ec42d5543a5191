"""The lede: the sentence a brief opens with, the one that says what happened.

A logistic model over the signals the scorers already compute, learned from
Multi-News train, where the editor's first sentence is the lede: the target is
whether a source sentence holds at least LEDE_TARGET of that sentence's content
words (scripts/train_lede.py; weights below, with the figures they gave). A
sentence that cannot stand alone (a quotation, a piece of one, an opening
pronoun) is never a lede.
"""

from __future__ import annotations

import numpy as np

from newsfuse.summarize.features import FloatArray, StoryMatrix
from newsfuse.summarize.select import Components
from newsfuse.summarize.standalone import (
    leans_back,
    mostly_quoted,
    needs_before,
    stems,
    unbalanced,
)

LEDE_TARGET = 0.25  # share of the editor's first sentence's content words
FEATURES = (
    "centrality",
    "support",
    "position",
    "signature",
    "quality",
    "attributed",
    "names",
    "first",
    "relative",
    "log_words",
    "digits",
    "first_article",
)
# `python scripts/train_lede.py --clusters 3000` (log_words held at 0: with it the
# model favours long sentences, which hold more of any reference's words, and a
# long lede eats a short brief; Wikinews 100-word ROUGE-2 fell 3 points with it).
# 50,130 usable sentences, 14.0% ledes.
WEIGHTS = np.array(
    [0.9979, 1.3692, 1.7773, 0.7963, 0.8645, 0.2804, -1.7249, 0.1612, -0.2269, 0.0, 0.7537, 0.0225]
)
BIAS = -3.5117


def lede_features(matrix: StoryMatrix, parts: Components) -> FloatArray:
    """One row of FEATURES per sentence."""
    index = np.array([s.index for s in matrix.sentences], dtype=np.float64)
    sizes = np.diff(np.append(matrix.starts, matrix.size))[matrix.article_of]
    words = np.array([len(s.text.split()) for s in matrix.sentences], dtype=np.float64)
    digits = np.array([any(c.isdigit() for c in s.text) for s in matrix.sentences], float)
    columns = [
        parts.centrality,
        parts.support,
        parts.position,
        parts.coverage,
        parts.quality,
        parts.attributed,
        parts.names,
        (index == 0).astype(np.float64),
        index / np.maximum(sizes, 1),
        np.log1p(words),
        digits,
        (matrix.article_of == 0).astype(np.float64),
    ]
    return np.column_stack(columns) if matrix.size else np.zeros((0, len(FEATURES)))


def standalone_mask(matrix: StoryMatrix, min_words: int) -> np.ndarray:
    """Sentences that can open a brief: long enough, not a quotation, not leaning
    back on a pronoun or on a description its article introduced ("The character
    suits Smith" after the review named the character)."""
    row_stems = [stems(s.text) for s in matrix.sentences]
    return np.array(
        [
            len(s.text.split()) >= min_words
            and not mostly_quoted(s.text)
            and not unbalanced(s.text)
            and not leans_back(s.text)
            and needs_before(matrix, row_stems, [row], set()) is None
            for row, s in enumerate(matrix.sentences)
        ],
        dtype=bool,
    )


def lede_scores(matrix: StoryMatrix, parts: Components) -> FloatArray:
    """The model's log-odds that each sentence is the lede."""
    return np.asarray(lede_features(matrix, parts) @ WEIGHTS + BIAS, dtype=np.float64)

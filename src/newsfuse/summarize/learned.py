"""Learned sentence salience: a small gradient-boosted regressor of what editors keep.

The hand-weighted score (`newsfuse.summarize.select`) is barely above lead on
Multi-News, because its weights were set by hand for a handful of signals. Here
the same signals plus a few cheap surface cues feed a boosted tree ensemble
trained (scripts/train_scorer.py) to predict each sentence's ROUGE overlap with
the editor's summary on Multi-News train. The trees ship as JSON arrays, not a
pickle, so loading the package data cannot execute code; its sha256 is pinned
below and checked at load, so a corrupted or swapped file fails loudly instead
of silently changing every brief.

Features avoid capitalisation (Multi-News is lower-cased then sentence-cased,
so a model trained on it would misread real casing) and relative position
(Multi-News truncates articles, so "the middle" means something else there).
"""

from __future__ import annotations

import re

import numpy as np
from numpy.typing import NDArray

from newsfuse.config import BriefOptions
from newsfuse.forest import Forest, load_forest_file
from newsfuse.summarize.features import FloatArray, StoryMatrix
from newsfuse.summarize.select import DANGLING, Components
from newsfuse.text.tokens import content_words, words

BoolArray = NDArray[np.bool_]
MODEL_FILE = "scorer.json"
MODEL_SHA256 = "8db0ab54825b9931e040d4ced30f0ba6a7d28f52c6bfd7b8a5623e5b9b1e48c6"
FEATURES = (
    "index",
    "paragraph",
    "first",
    "article_rank",
    "articles",
    "length",
    "centrality",
    "support",
    "support_max",
    "support_mean",
    "degree",
    "coverage",
    "density",
    "numbers",
    "attributed",
    "quoted",
    "question",
    "dangling",
    "quality",
    "unsupervised",
)
_QUOTE = re.compile(r"[\"“”«»]|(?:^|\s)['‘’](?=\s|$)")


def _surface(text: str) -> tuple[float, float, float, float, float, float]:
    """Length, content-word share, numbers, quote, question, dangling start:
    cues that need only the sentence (case-insensitive on purpose)."""
    tokens = words(text)
    n = max(len(tokens), 1)
    return (
        float(len(text.split())),
        len(content_words(text)) / n,
        float(sum(any(c.isdigit() for c in t) for t in tokens)),
        float(bool(_QUOTE.search(text))),
        float(text.rstrip().rstrip("\"'”’ ").endswith("?")),
        float(bool(DANGLING.match(text))),
    )


def _cross_article(matrix: StoryMatrix) -> tuple[FloatArray, FloatArray, FloatArray]:
    """Best and mean cosine to other articles' sentences, and mean cosine to
    all other sentences: corroboration and centrality without thresholds."""
    n, k = matrix.size, len(matrix.articles)
    sim = matrix.similarity
    degree = (sim.sum(axis=1) - np.diag(sim)) / max(n - 1, 1)
    if k < 2:
        return np.zeros(n), np.zeros(n), np.asarray(degree, dtype=np.float64)
    other = matrix.article_of[:, None] != matrix.article_of[None, :]
    masked = np.where(other, sim, 0.0)
    best = masked.max(axis=1)
    mean = masked.sum(axis=1) / np.maximum(other.sum(axis=1), 1)
    return best, mean, np.asarray(degree, dtype=np.float64)


def _by_max(values: FloatArray) -> FloatArray:
    """Values over the story's largest, so stories of 3 and of 10 articles (whose
    raw cosines differ in scale) give comparable features."""
    top = float(values.max()) if values.size else 0.0
    return values / top if top > 0 else values


def feature_matrix(matrix: StoryMatrix, parts: Components, unsupervised: FloatArray) -> FloatArray:
    """n x len(FEATURES) design matrix of one story, columns in FEATURES order."""
    sentences = matrix.sentences
    index = np.array([s.index for s in sentences], dtype=np.float64)
    paragraph = np.array([s.paragraph for s in sentences], dtype=np.float64)
    surface = np.array([_surface(s.text) for s in sentences], dtype=np.float64).reshape(-1, 6)
    best, mean, degree = (_by_max(v) for v in _cross_article(matrix))
    columns = [
        np.minimum(index, 40),
        np.minimum(paragraph, 40),
        (index == 0).astype(np.float64),
        np.minimum(matrix.article_of.astype(np.float64), 10),
        np.full(matrix.size, float(min(len(matrix.articles), 5))),
        np.minimum(surface[:, 0], 80),
        parts.centrality,
        parts.support,
        best,
        mean,
        degree,
        parts.coverage,
        surface[:, 1],
        np.minimum(surface[:, 2], 10),
        parts.attributed,
        surface[:, 3],
        surface[:, 4],
        surface[:, 5],
        parts.quality,
        _by_max(unsupervised),
    ]
    return np.column_stack(columns).astype(np.float64)


def load_forest() -> Forest:
    """The shipped model, checked against MODEL_SHA256 (newsfuse.models.Models keeps
    it loaded)."""
    return load_forest_file("newsfuse.summarize.data", MODEL_FILE, MODEL_SHA256, FEATURES)


def learned_scores(
    matrix: StoryMatrix,
    parts: Components,
    unsupervised: FloatArray,
    options: BriefOptions,
    forest: Forest | None = None,
) -> FloatArray:
    """Predicted salience scaled to the story's best (so MMR's redundancy term
    keeps its meaning), blended with the hand-weighted score by
    `options.learned_blend`; sentences `quality` rejects stay at 0 (`forest`: the
    loaded model, `Models.learned`; read from the package when not given)."""
    forest = load_forest() if forest is None else forest
    predicted = forest.predict(feature_matrix(matrix, parts, unsupervised))
    predicted = np.maximum(predicted, 0.0)
    top = float(predicted.max())
    # A sentence predicted to share less with the editor's summary than
    # `learned_floor` costs more words than it brings; the best one always stays.
    predicted[(predicted < options.learned_floor) & (predicted < top)] = 0.0
    learned = predicted / top if top > 0 else predicted
    top_u = float(unsupervised.max())
    hand = unsupervised / top_u if top_u > 0 else unsupervised
    blend = options.learned_blend
    score = (1 - blend) * learned + blend * hand
    return np.asarray(score * (parts.quality > 0) * parts.quality**options.learned_quality)

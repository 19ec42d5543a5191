"""Coverage selection: pick the sentences whose words the editor's summary will hold.

ROUGE counts the summary's word and word-pair hits in the reference, clipped
at the reference's own count, so the expected hits of a candidate summary S are
sum over n-grams g of sum_{j=1..count_S(g)} P(reference holds g at least j
times). This module predicts that probability for every unigram and bigram of
the story (boosted trees over where and how often the story uses the n-gram,
the lexical scorer's opinion of the sentences that hold it, and how often
Multi-News editors kept it when their input had it), then selects greedily the
sentence with the best expected new hits per word (Lin & Bilmes' cost-scaled
greedy for budgeted submodular coverage; `coverage_cost_exponent`). Redundancy
is handled by the clipping itself: an n-gram already covered as often as the
reference is likely to hold it adds nothing.

Unlike a sentence scorer this sees the story as a set: a fact three outlets
report in different sentences is worth covering once. On Multi-News val it
selects better than the lexical sentence scorer it builds on (docs/tuning.md,
"Coverage selection"). Trained by scripts/train_coverage.py; the forest and
the background table ship as package data with pinned sha256 hashes.
"""

from __future__ import annotations

import hashlib
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from io import BytesIO

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import HashingVectorizer

from newsfuse.config import BriefOptions
from newsfuse.forest import Forest, load_forest_file
from newsfuse.summarize.features import FloatArray, StoryMatrix, fold
from newsfuse.text.tokens import STOP_WORDS, words

MODEL_FILE = "coverage.json"
MODEL_SHA256 = "4e0c0e43c8cb64b1f004ea5bca9d6d28f24fadd91c8b89386f8e68d235402557"
TABLE_FILE = "coverage_background.npy"
TABLE_SHA256 = "ee1bff4339af5a3d3876e9677a1e4995184de5f7c966d356c272db3fd0cf1c13"
TABLE_BITS = 20  # hashed n-gram buckets of the background table
MAX_COPIES = 3  # P(reference holds g at least j times) is modelled for j <= 3, 0 beyond
FEATURES = (
    "n",
    "copy",
    "count",
    "articles",
    "article_share",
    "sentences",
    "first_index",
    "first_relative",
    "lexical_max",
    "lexical_mean",
    "lexical_scaled_max",
    "quality_max",
    "stop_words",
    "number",
    "characters",
    "background_inputs",
    "background_kept",
    "story_articles",
    "story_tokens",
    "in_lead",
    "story_sentences",
)
_STOP = frozenset(fold(w) for w in STOP_WORDS) | STOP_WORDS


def sentence_grams(text: str) -> list[str]:
    """The sentence's folded words and adjacent word pairs ("a b"), in order."""
    tokens = [fold(w) for w in words(text)]
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def text_grams(text: str) -> set[str]:
    """Distinct grams of a whole text (a reference summary, a training input)."""
    return set(sentence_grams(text))


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def table_hasher() -> HashingVectorizer:
    """Bucket of each gram in the background table (stateless: never fitted)."""
    return HashingVectorizer(
        n_features=2**TABLE_BITS, analyzer=_identity, alternate_sign=False, norm=None
    )


def buckets(grams: Sequence[str]) -> NDArray[np.int32]:
    """The background-table bucket of each gram, in order."""
    if not grams:
        return np.zeros(0, dtype=np.int32)
    hashed = table_hasher().transform([[g] for g in grams]).tocsr()
    return np.asarray(hashed.indices, dtype=np.int32)


@dataclass
class _Gram:
    count: int
    articles: set[int]
    sentences: set[int]
    first_index: int
    first_relative: float
    lexical_max: float
    lexical_sum: float
    scaled_max: float
    quality_max: float


@dataclass(frozen=True)
class StoryGrams:
    """Each distinct gram of the story with its statistics, and each sentence's
    grams as indices into `grams` (the unit the selection counts)."""

    grams: list[str]
    stats: list[_Gram]
    by_sentence: list[NDArray[np.int64]]


def story_grams(matrix: StoryMatrix, lexical: FloatArray, quality: FloatArray) -> StoryGrams:
    """Gather per-gram statistics in one pass over the story's sentences."""
    sizes = np.diff(np.append(matrix.starts, matrix.size))
    scaled = lexical - lexical.min() + 1e-3
    scaled = scaled / scaled.max() * quality
    index: dict[str, int] = {}
    stats: list[_Gram] = []
    by_sentence = []
    for row, sentence in enumerate(matrix.sentences):
        art = int(matrix.article_of[row])
        relative = sentence.index / max(int(sizes[art]), 1)
        ids = []
        for g in sentence_grams(sentence.text):
            i = index.setdefault(g, len(stats))
            if i == len(stats):
                stats.append(_Gram(0, set(), set(), 10**6, 9.0, -1e9, 0.0, -1e9, 0.0))
            s = stats[i]
            s.count += 1
            s.articles.add(art)
            s.sentences.add(row)
            s.first_index = min(s.first_index, sentence.index)
            s.first_relative = min(s.first_relative, relative)
            s.lexical_max = max(s.lexical_max, float(lexical[row]))
            s.lexical_sum += float(lexical[row])
            s.scaled_max = max(s.scaled_max, float(scaled[row]))
            s.quality_max = max(s.quality_max, float(quality[row]))
            ids.append(i)
        by_sentence.append(np.array(ids, dtype=np.int64))
    return StoryGrams(list(index), stats, by_sentence)


def gram_features(
    matrix: StoryMatrix, story: StoryGrams, table: FloatArray
) -> tuple[FloatArray, NDArray[np.int64]]:
    """One row of FEATURES per (gram, copy j <= min(count, MAX_COPIES)), and the
    gram index of each row."""
    k = len(matrix.articles)
    tokens = math.log1p(sum(len(s.text.split()) for s in matrix.sentences))
    bucket = buckets(story.grams)
    rows, owner = [], []
    for i, (g, s) in enumerate(zip(story.grams, story.stats, strict=True)):
        parts = g.split(" ")
        base = [
            float(len(parts)), 0.0, float(s.count), float(len(s.articles)),
            len(s.articles) / k, float(len(s.sentences)), float(min(s.first_index, 30)),
            s.first_relative, s.lexical_max, s.lexical_sum / s.count, s.scaled_max,
            s.quality_max, float(sum(p in _STOP for p in parts)),
            float(any(c.isdigit() for c in g)), float(len(g) - len(parts) + 1),
            float(table[0, bucket[i]]), float(table[1, bucket[i]]), float(k), tokens,
            float(s.first_index == 0), float(matrix.size),
        ]  # fmt: skip
        for j in range(1, min(s.count, MAX_COPIES) + 1):
            base[1] = float(j)
            rows.append(list(base))
            owner.append(i)
    return np.array(rows, dtype=np.float64).reshape(-1, len(FEATURES)), np.array(owner)


@lru_cache(maxsize=1)
def load_model() -> tuple[Forest, FloatArray]:
    """The shipped forest and background table, checked against their hashes."""
    forest = load_forest_file("newsfuse.summarize.data", MODEL_FILE, MODEL_SHA256, FEATURES)
    data = resources.files("newsfuse.summarize.data").joinpath(TABLE_FILE).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != TABLE_SHA256:
        raise RuntimeError(
            f"{TABLE_FILE} has sha256 {digest}, expected {TABLE_SHA256}: "
            "reinstall newsfuse or retrain with scripts/train_coverage.py"
        )
    table = np.load(BytesIO(data), allow_pickle=False).astype(np.float64)
    if table.shape != (2, 2**TABLE_BITS):
        raise RuntimeError(f"{TABLE_FILE} holds {table.shape}, not (2, {2**TABLE_BITS})")
    return forest, table


def copy_values(story: StoryGrams, features: FloatArray, owner: NDArray[np.int64]) -> FloatArray:
    """grams x (MAX_COPIES + 1): P(reference holds gram at least j times) for
    j = 1..MAX_COPIES, and 0 in the last column (copies beyond are worth nothing)."""
    forest, _ = load_model()
    values = np.zeros((len(story.grams), MAX_COPIES + 1))
    if len(owner):
        p = 1.0 / (1.0 + np.exp(-forest.predict(features)))
        values[owner, features[:, 1].astype(np.int64) - 1] = p
    return values


def _occurrences(ids: NDArray[np.int64]) -> NDArray[np.int64]:
    """For each position, how many earlier positions hold the same gram."""
    order = np.argsort(ids, kind="stable")
    ranked = ids[order]
    starts = np.flatnonzero(np.r_[True, ranked[1:] != ranked[:-1]])
    rank = np.arange(len(ids)) - np.repeat(starts, np.diff(np.r_[starts, len(ids)]))
    out = np.empty_like(ids)
    out[order] = rank
    return out


def greedy_cover(
    values: FloatArray,
    by_sentence: list[NDArray[np.int64]],
    lengths: NDArray[np.int64],
    weight: FloatArray,
    options: BriefOptions,
) -> list[int]:
    """Rows chosen best expected-new-hits-per-word (times `weight`) first, within
    `options.words`; rows of weight 0 never. Like `select`, only the first sentence
    may exceed the budget on its own."""
    n = len(by_sentence)
    flat = np.concatenate(by_sentence) if n else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(n), [len(ids) for ids in by_sentence])
    occurrence = np.concatenate([_occurrences(ids) for ids in by_sentence]) if n else flat
    covered = np.zeros(values.shape[0], dtype=np.int64)
    last = values.shape[1] - 1
    cost = np.maximum(lengths, 1).astype(np.float64) ** options.coverage_cost_exponent
    open_ = weight > 0
    chosen: list[int] = []
    used = 0
    while open_.any():
        fits = open_ & ((lengths + used <= options.words) | (not chosen))
        if not fits.any():
            break
        hit = values[flat, np.minimum(covered[flat] + occurrence, last)]
        gain = np.bincount(owner, weights=hit, minlength=n) * weight / cost
        row = int(np.argmax(np.where(fits, gain, -np.inf)))
        chosen.append(row)
        used += int(lengths[row])
        np.add.at(covered, by_sentence[row], 1)
        open_[row] = False
    return chosen


def coverage_select(matrix: StoryMatrix, options: BriefOptions) -> list[int]:
    """The brief's rows for `BriefOptions(scorer="coverage")`, best first."""
    from newsfuse.summarize.lexical import lexical_scores
    from newsfuse.summarize.select import quality

    if matrix.size == 0:
        return []
    quality_ = np.array([quality(s.text, options.full_length) for s in matrix.sentences])
    story = story_grams(matrix, lexical_scores(matrix), quality_)
    _, table = load_model()
    features, owner = gram_features(matrix, story, table)
    values = copy_values(story, features, owner)
    pairs = np.array([" " in g for g in story.grams], dtype=bool)
    values[pairs] *= options.coverage_bigram_weight
    lengths = np.array([len(s.text.split()) for s in matrix.sentences], dtype=np.int64)
    weight = quality_**options.coverage_quality_exponent * (quality_ > 0)
    return greedy_cover(values, story.by_sentence, lengths, weight, options)

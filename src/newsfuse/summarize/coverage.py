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

The view. Multi-News cut each cluster's input to about 500 words in all, one cut
for every article from its start (a shorter article's unused share to the others),
so every count, position and story size the forest learned from is one of such a
cut. A story of ten full-length articles holds 3,000 words or more: its n-grams
count many times more often, its sentences sit deeper and the story is larger than
any input the forest saw, and its predictions need not mean what they meant on
Multi-News (issue 20: on Wikinews the default scored below the hand-weighted
scorer). With `coverage_view_words` set, the forest reads the same cut of the story
(`view_rows`) and ranks its sentences; the sentences past it follow in the
hand-weighted score's order (newsfuse.summarize.assemble.ranked_rows). On
Multi-News inputs, already cut, the view is all of the story and nothing changes.
It is off by default: measured once, it gained on Multi-News full text (200
clusters) and lost on Wikinews (10), each within or near its noise, so the team's
held-out sets decide (docs/benchmarks.md, #20, "The default scorer beyond
Multi-News").
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray
from sklearn.feature_extraction.text import HashingVectorizer
from sklearn.utils import murmurhash3_32

from newsfuse.config import BriefOptions
from newsfuse.forest import Forest, load_forest_file, load_pinned_array
from newsfuse.summarize.features import FloatArray, StoryMatrix, fold
from newsfuse.summarize.lexical import lexical_scores, pretokenized, word_grams
from newsfuse.summarize.select import Components, components, unsupervised_scores
from newsfuse.text.tokens import STOP_WORDS, has_digit

if TYPE_CHECKING:
    from newsfuse.models import Models

MODEL_FILE = "coverage.json"
MODEL_SHA256 = "5063d59bab2f6396dc4da7d77bf4bed455d9aeddbb3acde6b74a053df0fba79c"
TABLE_FILE = "coverage_background.npy"
TABLE_SHA256 = "ee1bff4339af5a3d3876e9677a1e4995184de5f7c966d356c272db3fd0cf1c13"
TABLE_BITS = 20  # hashed n-gram buckets of the background table
_RETRAIN = "scripts/train_coverage.py"
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


sentence_grams = word_grams  # the lexical model's words and pairs are the n-grams counted


def text_grams(text: str) -> set[str]:
    """Distinct grams of a whole text (a reference summary, a training input)."""
    return set(sentence_grams(text))


def table_hasher() -> HashingVectorizer:
    """Bucket of each gram in the background table (stateless: never fitted)."""
    return HashingVectorizer(
        n_features=2**TABLE_BITS, analyzer=pretokenized, alternate_sign=False, norm=None
    )


def buckets(grams: Sequence[str]) -> NDArray[np.int32]:
    """The background-table bucket of each gram, in order: `table_hasher`'s column,
    |signed murmurhash3_32 of the UTF-8 bytes, seed 0| mod 2**TABLE_BITS (Python's
    abs is exact, so -2**31 lands in sklearn's bucket 0 too). Asking the hasher for a
    one-gram document per gram built ~7,000 small lists and a sparse matrix per brief
    (3.5 -> 0.5 ms a story)."""
    hashes = np.fromiter((murmurhash3_32(g) for g in grams), dtype=np.int64, count=len(grams))
    return np.asarray(np.abs(hashes) % 2**TABLE_BITS, dtype=np.int32)


@dataclass(frozen=True)
class StoryGrams:
    """Each distinct gram of the story with its statistics (arrays indexed by gram),
    and each sentence's grams as indices into `grams` (the unit selection counts)."""

    grams: list[str]
    by_sentence: list[NDArray[np.int64]]
    count: NDArray[np.int64]
    articles: NDArray[np.int64]
    sentences: NDArray[np.int64]
    first_index: NDArray[np.int64]
    first_relative: FloatArray
    lexical_max: FloatArray
    lexical_mean: FloatArray
    scaled_max: FloatArray
    quality_max: FloatArray


def _distinct(gram: NDArray[np.int64], other: NDArray[np.int64], n: int) -> NDArray[np.int64]:
    """Per gram, how many distinct values of `other` occur with it."""
    width = int(other.max()) + 1 if len(other) else 1
    pairs = np.unique(gram * width + other)
    return np.bincount(pairs // width, minlength=n)


def _reduce(
    ufunc: np.ufunc, start: float, gram: NDArray[np.int64], v: FloatArray, n: int
) -> FloatArray:
    out = np.full(n, start)
    ufunc.at(out, gram, v)
    return out


def story_grams(
    matrix: StoryMatrix,
    lexical: FloatArray,
    quality: FloatArray,
    grams: Sequence[list[str]] | None = None,
) -> StoryGrams:
    """Per-gram statistics of the story, computed over all gram occurrences at once
    (`grams`: each sentence's `sentence_grams`, when the caller has them)."""
    grams = grams or [sentence_grams(s.text) for s in matrix.sentences]
    index: dict[str, int] = {}
    by_sentence = [
        np.array([index.setdefault(g, len(index)) for g in sentence], np.int64)
        for sentence in grams
    ]
    n = len(index)
    gram = np.concatenate(by_sentence) if by_sentence else np.zeros(0, np.int64)
    row = np.repeat(np.arange(matrix.size), [len(ids) for ids in by_sentence])
    position = np.array([s.index for s in matrix.sentences], dtype=np.int64)
    sizes = np.diff(np.append(matrix.starts, matrix.size))
    relative = position / np.maximum(sizes[matrix.article_of], 1)
    scaled = lexical - lexical.min() + 1e-3
    scaled = scaled / scaled.max() * quality
    count = np.bincount(gram, minlength=n)
    first = np.full(n, 10**6, dtype=np.int64)
    np.minimum.at(first, gram, position[row])
    return StoryGrams(
        grams=list(index),
        by_sentence=by_sentence,
        count=count,
        articles=_distinct(gram, matrix.article_of[row], n),
        sentences=_distinct(gram, row, n),
        first_index=first,
        first_relative=_reduce(np.minimum, 9.0, gram, relative[row], n),
        lexical_max=_reduce(np.maximum, -1e9, gram, lexical[row], n),
        lexical_mean=np.bincount(gram, weights=lexical[row], minlength=n) / np.maximum(count, 1),
        scaled_max=_reduce(np.maximum, -1e9, gram, scaled[row], n),
        quality_max=_reduce(np.maximum, 0.0, gram, quality[row], n),
    )


def gram_features(
    matrix: StoryMatrix, story: StoryGrams, table: FloatArray
) -> tuple[FloatArray, NDArray[np.int64]]:
    """One row of FEATURES per (gram, copy j <= min(count, MAX_COPIES)), gram by
    gram and j ascending, and the gram index of each row."""
    k = len(matrix.articles)
    n = len(story.grams)
    parts = [g.split(" ") for g in story.grams]
    bucket = buckets(story.grams)
    first = story.first_index.astype(np.float64)
    columns = [
        np.array([len(p) for p in parts], dtype=np.float64), np.zeros(n),
        story.count.astype(np.float64), story.articles.astype(np.float64), story.articles / k,
        story.sentences.astype(np.float64), np.minimum(first, 30), story.first_relative,
        story.lexical_max, story.lexical_mean, story.scaled_max, story.quality_max,
        np.array([sum(map(_STOP.__contains__, p)) for p in parts], dtype=np.float64),
        np.array([has_digit(g) for g in story.grams], dtype=np.float64),
        np.array([len(g) - len(p) + 1 for g, p in zip(story.grams, parts, strict=True)], float),
        table[0, bucket], table[1, bucket], np.full(n, float(k)),
        np.full(n, math.log1p(sum(len(s.text.split()) for s in matrix.sentences))),
        (first == 0).astype(np.float64), np.full(n, float(matrix.size)),
    ]  # fmt: skip
    base = np.column_stack(columns) if n else np.zeros((0, len(FEATURES)))
    copies = np.minimum(story.count, MAX_COPIES)
    owner = np.repeat(np.arange(n), copies)
    rows = base[owner]
    rows[:, 1] = np.arange(len(owner)) - np.repeat(np.cumsum(copies) - copies, copies) + 1
    return rows, owner


def load_model() -> tuple[Forest, FloatArray]:
    """The shipped forest and background table, checked against their hashes
    (newsfuse.models.Models keeps them loaded)."""
    package = "newsfuse.summarize.data"
    forest = load_forest_file(package, MODEL_FILE, MODEL_SHA256, FEATURES)
    shape = (2, 2**TABLE_BITS)
    table = load_pinned_array(package, TABLE_FILE, TABLE_SHA256, shape, _RETRAIN)
    return forest, table


def copy_values(
    story: StoryGrams, features: FloatArray, owner: NDArray[np.int64], forest: Forest | None = None
) -> FloatArray:
    """grams x (MAX_COPIES + 1): P(reference holds gram at least j times) for
    j = 1..MAX_COPIES, and 0 in the last column (copies beyond are worth nothing);
    `forest`: the loaded one (`Models.coverage`), read from the package when not given."""
    forest = load_model()[0] if forest is None else forest
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
    lead: Sequence[int] = (),
) -> list[int]:
    """Rows chosen best expected-new-hits-per-word (times `weight`) first, within
    `options.words`; rows of weight 0 never. Like `select`, only the first sentence
    may exceed the budget on its own. Rows in `lead` are taken first, as given."""
    n = len(by_sentence)
    flat = np.concatenate(by_sentence) if n else np.zeros(0, dtype=np.int64)
    owner = np.repeat(np.arange(n), [len(ids) for ids in by_sentence])
    # (one pass over (sentence, gram) keys, not one per sentence: 7.5 -> 0.6 ms a long story)
    occurrence = _occurrences(owner * values.shape[0] + flat) if n else flat
    covered = np.zeros(values.shape[0], dtype=np.int64)
    last = values.shape[1] - 1
    cost = np.maximum(lengths, 1).astype(np.float64) ** options.coverage_cost_exponent
    open_ = weight > 0
    chosen: list[int] = list(lead)
    used = int(lengths[chosen].sum())
    for row in chosen:
        np.add.at(covered, by_sentence[row], 1)
        open_[row] = False
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


def view_rows(matrix: StoryMatrix, words: int, extra: Sequence[int] = ()) -> NDArray[np.int64]:
    """The rows the forest may read: each article's sentences that start within its
    share of `words` (`water_level`), and the rows of `extra` (the lead)."""
    k = len(matrix.articles)
    lengths = np.array([len(s.text.split()) for s in matrix.sentences], dtype=np.float64)
    before = np.cumsum(lengths) - lengths  # words before each row, story-wide
    offset = before - before[matrix.starts][matrix.article_of]  # ... within its article
    totals = np.asarray(np.bincount(matrix.article_of, lengths, k), dtype=np.float64)
    mask = offset < water_level(totals, words)[matrix.article_of]
    mask[list(extra)] = True
    return np.flatnonzero(mask).astype(np.int64)


def water_level(totals: FloatArray, words: int) -> FloatArray:
    """Per article, the words it keeps when `words` are shared out as Multi-News cut its
    inputs: one cut for all, a shorter article's unused share going to the others (the
    first 2,000 val clusters, of 2 to 10 articles, hold a median of 441-456 words and
    at most 474, and one article of two up to 444)."""
    order = np.sort(totals)
    for i, length in enumerate(order):
        level = (words - order[:i].sum()) / (len(order) - i)
        if length >= level:
            return np.asarray(np.minimum(totals, level), dtype=np.float64)
    return totals


def sub_matrix(matrix: StoryMatrix, rows: NDArray[np.int64]) -> StoryMatrix:
    """The story's matrix restricted to `rows` (each article keeps its first row, so
    `articles` and `article_of` stay as they are)."""
    article_of = matrix.article_of[rows]
    counts = np.bincount(article_of, minlength=len(matrix.articles))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
    return dataclasses.replace(
        matrix,
        sentences=tuple(matrix.sentences[int(r)] for r in rows),
        article_of=article_of,
        starts=starts,
        vectors=matrix.vectors[rows],
        similarity=matrix.similarity[np.ix_(rows, rows)],
    )


def viewed_select(
    matrix: StoryMatrix,
    options: BriefOptions,
    lead: Sequence[int] | None,
    parts: Components,
    models: Models,
) -> list[int]:
    """`coverage_select` over `view_rows` only (see the module docstring, "The view"):
    rows of the whole matrix, best first, none past the cut but the lead."""
    first = list(lead) if lead is not None else []
    if lead is None and options.coverage_lead:
        hand = unsupervised_scores(parts, options)
        first = [int(np.argmax(hand))] if hand.max() > 0 else []
    keep = view_rows(matrix, options.coverage_view_words, first)
    shown = Components(*(getattr(parts, f.name)[keep] for f in dataclasses.fields(parts)))
    inside = {int(r): i for i, r in enumerate(keep)}
    whole = dataclasses.replace(options, coverage_view_words=0)
    chosen = coverage_select(
        sub_matrix(matrix, keep), whole, [inside[r] for r in first], shown, models
    )
    return [int(keep[i]) for i in chosen]


def coverage_select(
    matrix: StoryMatrix,
    options: BriefOptions,
    lead: Sequence[int] | None = None,
    parts: Components | None = None,
    models: Models | None = None,
) -> list[int]:
    """The brief's rows for `BriefOptions(scorer="coverage")`, best first; `lead`,
    when given, taken first instead of the hand-weighted score's best sentence
    (`models`: the loader, `options.models` when not given)."""
    models = options.models if models is None else models
    if matrix.size == 0:
        return []
    parts = parts or components(matrix, options)
    if options.coverage_view_words:  # the forest reads what it was trained on
        return viewed_select(matrix, options, lead, parts, models)
    quality_ = parts.quality
    grams = [sentence_grams(s.text) for s in matrix.sentences]  # tokenized once, used twice
    story = story_grams(matrix, lexical_scores(matrix, grams, models.lexical()), quality_, grams)
    forest, table = models.coverage()
    features, owner = gram_features(matrix, story, table)
    values = copy_values(story, features, owner, forest)
    pairs = np.array([" " in g for g in story.grams], dtype=bool)
    values[pairs] *= options.coverage_bigram_weight
    lengths = np.array([len(s.text.split()) for s in matrix.sentences], dtype=np.int64)
    weight = quality_**options.coverage_quality_exponent * (quality_ > 0)
    if lead is not None:
        return greedy_cover(values, story.by_sentence, lengths, weight, options, lead)
    lead = []
    if options.coverage_lead:  # the sentence that names the event (see select.py) leads
        hand = unsupervised_scores(parts, options)
        lead = [int(np.argmax(hand))] if hand.max() > 0 else []
    return greedy_cover(values, story.by_sentence, lengths, weight, options, lead)

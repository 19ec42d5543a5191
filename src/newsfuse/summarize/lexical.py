"""Lexical salience: a linear model of the words and phrases editors keep.

A ridge regression over hashed word unigrams and bigrams of each sentence, plus
a few layout tokens (position in its article, the article's rank in the story,
length, story size), trained by scripts/train_lexical.py on every Multi-News
train cluster to predict how much of the sentence the editor's summary keeps
(mean ROUGE-1/ROUGE-2 precision against the reference). On Multi-News val this
context-free model alone selects better than boosted trees over centrality,
support and position features (newsfuse.summarize.learned): what a sentence says
("killed", "announced", "percent", "according to a statement") tells more about
whether a summary keeps it than how central it is (docs/tuning.md, #4).

The weights ship as a float16 `.npy` array (no pickle; 512 KiB) whose sha256 is
pinned below and checked at load. Tokens are newsfuse's own lower-cased words
with plurals folded, so cased web text and Multi-News's re-cased text agree.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence

import numpy as np
from sklearn.feature_extraction.text import HashingVectorizer

from newsfuse.config import BriefOptions
from newsfuse.forest import load_pinned_array
from newsfuse.summarize.features import FloatArray, StoryMatrix, fold
from newsfuse.text.tokens import words

MODEL_FILE = "lexical.npy"
MODEL_SHA256 = "3ed80d9a19900130c9b73f4a46adda20c5980023b2ef9990fd6e8a24037a62e5"
HASH_BITS = 18  # 2**18 buckets: 2**20 scored no better on val (45.36 vs 45.39 R1)


def word_grams(text: str) -> list[str]:
    """Folded words, then adjacent word pairs ("a b"), in order: the words this
    model reads and the n-grams coverage selection counts."""
    tokens = [fold(w) for w in words(text)]
    return tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]


def sentence_terms(
    text: str, index: int, article_rank: int, articles: int, grams: list[str] | None = None
) -> list[str]:
    """The model's input tokens: `word_grams` (pass them if already computed) and
    layout tokens (`@pos`, `@art`, `@len`, `@k`, and position within the first
    articles, `@pa`), the last so one linear model can weigh where a sentence
    sits, which words alone cannot tell."""
    grams = word_grams(text) if grams is None else grams
    count = (len(grams) + 1) // 2  # n words and their n - 1 pairs
    layout = [
        f"@pos{min(index, 15)}",
        f"@art{min(article_rank, 5)}",
        f"@len{min(count // 5, 12)}",
        f"@k{min(articles, 6)}",
        f"@pa{min(index, 5)}_{min(article_rank, 3)}",
    ]
    return grams + layout


def vectorizer() -> HashingVectorizer:
    """The hashing of training and prediction (stateless, so it is never fitted
    and cannot drift from the shipped weights)."""
    return HashingVectorizer(
        n_features=2**HASH_BITS,
        analyzer=pretokenized,
        alternate_sign=False,
        norm="l2",
    )


def pretokenized(tokens: Sequence[str]) -> Sequence[str]:
    """HashingVectorizer analyzer for input that is already a token list."""
    return tokens


def story_terms(matrix: StoryMatrix, grams: Sequence[list[str]] | None = None) -> list[list[str]]:
    """`sentence_terms` of every sentence of the story, in matrix order (from the
    sentences' `word_grams`, if given)."""
    articles = len(matrix.articles)
    return [
        sentence_terms(
            s.text, s.index, int(matrix.article_of[row]), articles, grams[row] if grams else None
        )
        for row, s in enumerate(matrix.sentences)
    ]


LexicalModel = tuple[FloatArray, float]


def load_weights() -> LexicalModel:
    """The shipped coefficients and intercept, checked against MODEL_SHA256
    (newsfuse.models.Models keeps them loaded)."""
    array = load_pinned_array(
        "newsfuse.summarize.data",
        MODEL_FILE,
        MODEL_SHA256,
        (2**HASH_BITS + 1,),
        "scripts/train_lexical.py",
    )
    return array[:-1], float(array[-1])


def lexical_scores(
    matrix: StoryMatrix,
    grams: Sequence[list[str]] | None = None,
    model: LexicalModel | None = None,
) -> FloatArray:
    """Predicted share of each sentence an editor would keep (`grams`: the
    sentences' `word_grams`, when the caller has them; `model`: the loaded weights,
    `Models.lexical`, read from the package when not given)."""
    if matrix.size == 0:
        return np.zeros(0)
    coef, intercept = load_weights() if model is None else model
    features = vectorizer().transform(story_terms(matrix, grams))
    return np.asarray(features @ coef + intercept, dtype=np.float64)


def lexical_salience(
    matrix: StoryMatrix,
    quality: FloatArray,
    unsupervised: FloatArray,
    options: BriefOptions,
    model: LexicalModel | None = None,
) -> FloatArray:
    """The brief's sentence scores: lexical predictions shifted to be positive and
    scaled to the story's best (so MMR's redundancy term keeps its meaning),
    blended with the hand-weighted score by `options.lexical_blend`, times
    `quality` (junk stays at 0)."""
    predicted = lexical_scores(matrix, model=model)
    if predicted.size == 0:
        return predicted
    shifted = predicted - predicted.min() + 1e-3
    lexical = shifted / shifted.max()
    top = float(unsupervised.max())
    hand = unsupervised / top if top > 0 else unsupervised
    blend = options.lexical_blend
    return np.asarray(((1 - blend) * lexical + blend * hand) * (quality > 0) * quality)

"""Sentence vectors and similarities for one story.

Sentences are compared as L2-normalised TF-IDF vectors over content words
(stop words dropped, possessives and plurals folded), with IDF taken over the
story's own sentences: a word every outlet repeats in every sentence says
little about which sentence carries the news. One sparse matrix product gives
all pairwise cosines, so a story of a few hundred sentences costs milliseconds.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

import numpy as np
from numpy.typing import NDArray
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

from newsfuse.text.tokens import content_words
from newsfuse.types import Article, Sentence

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]


def fold(word: str) -> str:
    """Crude stem: drop possessive "'s" and a plural "s", so "Iran's"/"Iran" and
    "strikes"/"strike" count as one term (the shared tokenizer keeps them apart)."""
    if not word.endswith(("s", "'")):  # most words: nothing below applies
        return word
    word = word.removesuffix("'s").removesuffix("'")
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Folded content words of `text`: the features every similarity uses."""
    return [fold(w) for w in content_words(text)]


@dataclass(frozen=True)
class StoryMatrix:
    """The story's sentences (article order) with vectors and pairwise cosines.

    Only articles with at least one sentence take part; `article_of` indexes
    `articles`, and each article's sentences are the contiguous rows from
    `starts[k]` on, which lets per-article maxima use `np.maximum.reduceat`.
    `vocabulary[j]` is the term of column j of `vectors`, so story-level term
    statistics (see `newsfuse.summarize.signature`) need no second tokenization.
    """

    articles: tuple[Article, ...]
    sentences: tuple[Sentence, ...]
    article_of: IntArray
    starts: IntArray
    vectors: sparse.csr_matrix
    similarity: FloatArray
    vocabulary: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.sentences)

    @cached_property
    def row_stems(self) -> list[set[str]]:
        """Each sentence's content-word stems (`descriptions.stems`), read once for the
        story: the lede's standalone test, the title echo and the fill each read them
        all (issue 20, latency: three readings of every sentence were ~6 ms of a long
        story's brief). Read-only: callers take unions and intersections, never add."""
        from newsfuse.summarize.descriptions import stems  # it imports this module

        return [stems(s.text) for s in self.sentences]

    def per_article_max(self) -> FloatArray:
        """n x A: each sentence's best cosine with any sentence of each article."""
        return np.asarray(np.maximum.reduceat(self.similarity, self.starts, axis=1))

    def best_in_article(self, row: int, article: int) -> tuple[int, float]:
        """Row index and cosine of the sentence of `article` most like `row`."""
        start = int(self.starts[article])
        stop = int(self.starts[article + 1]) if article + 1 < len(self.starts) else self.size
        sims = self.similarity[row, start:stop]
        best = int(np.argmax(sims))
        return start + best, float(sims[best])


def fit_vectors(texts: Sequence[str]) -> tuple[sparse.csr_matrix, tuple[str, ...]]:
    """L2-normalised sublinear TF-IDF rows and the term of each column; all-zero
    rows (and one nameless column) when nothing is left."""
    vectorizer = TfidfVectorizer(analyzer=terms, sublinear_tf=True, dtype=np.float64)
    try:
        vectors = sparse.csr_matrix(vectorizer.fit_transform(texts))
    except ValueError:  # empty vocabulary: every text is stop words or numbers
        return sparse.csr_matrix((len(texts), 1), dtype=np.float64), ("",)
    return vectors, tuple(str(t) for t in vectorizer.get_feature_names_out())


def vectorize(texts: Sequence[str]) -> sparse.csr_matrix:
    """L2-normalised sublinear TF-IDF rows; all-zero rows when nothing is left."""
    return fit_vectors(texts)[0]


def story_matrix(articles: Sequence[Article]) -> StoryMatrix:
    """Vectors and cosine matrix of all sentences of the articles that have any."""
    kept = tuple(a for a in articles if a.sentences)
    sentences = tuple(s for a in kept for s in a.sentences)
    counts = np.array([len(a.sentences) for a in kept], dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.intp)
    article_of = np.repeat(np.arange(len(kept), dtype=np.intp), counts)
    vectors, vocabulary = fit_vectors([s.text for s in sentences])
    similarity = np.asarray((vectors @ vectors.T).toarray(), dtype=np.float64)
    return StoryMatrix(kept, sentences, article_of, starts, vectors, similarity, vocabulary)

"""Article vectors that do not depend on what comes later: a growing vocabulary,
background IDF, and boilerplate sentences counted as they arrive.

The batch TF-IDF (features.py) fits its vocabulary, document-frequency cuts and
boilerplate list on the whole batch, so an article's vector changes when more
articles arrive. A stream cannot re-vectorize the archive for every article, so
here an article's vector is fixed when it arrives: term weights are sublinear
TF x general-English IDF (idf.py, the same for every batch), new terms get new
columns, and a sentence is boilerplate once `boilerplate_docs` earlier articles
carried it. Batch re-clustering uses these same vectors (stream.py), so batch
and stream score articles alike by design.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from newsfuse.cluster.features import article_tokens
from newsfuse.cluster.idf import background_idf
from newsfuse.config import ClusterOptions
from newsfuse.types import Article, normalize_text

SENTENCE_KEYS = 500_000  # boilerplate counts kept; beyond, sentences seen once are dropped


def _sentence_key(text: str) -> bytes:
    """8-byte digest of a case- and space-normalized sentence (stable across processes)."""
    return hashlib.blake2b(normalize_text(text).lower().encode(), digest_size=8).digest()


class StreamVectorizer:
    """Maps articles to L2-normalized sparse rows over a vocabulary that only grows."""

    def __init__(self, options: ClusterOptions) -> None:
        self.options = options
        self.vocabulary: dict[str, int] = {}
        self._idf = np.empty(0)
        self._sentence_docs: dict[bytes, int] = {}

    @property
    def width(self) -> int:
        return len(self.vocabulary)

    def _kept_sentences(self, article: Article) -> list[str]:
        """Sentences not (yet) seen in `boilerplate_docs` earlier articles; counts updated."""
        texts = [s.text for s in article.sentences] or [article.body]
        limit = self.options.boilerplate_docs
        if limit <= 1:
            return texts
        kept = []
        for text, key in dict(zip(texts, map(_sentence_key, texts), strict=True)).items():
            seen = self._sentence_docs.get(key, 0)
            if seen < limit - 1:
                kept.append(text)
            self._sentence_docs[key] = seen + 1
        if len(self._sentence_docs) > SENTENCE_KEYS:  # bounded memory: forget one-offs
            self._sentence_docs = {k: n for k, n in self._sentence_docs.items() if n > 1}
        return kept

    def _columns(self, tokens: list[str]) -> list[int]:
        vocab = self.vocabulary
        new = [t for t in dict.fromkeys(tokens) if t not in vocab]
        if new:
            for term in new:
                vocab[term] = len(vocab)
            self._idf = np.concatenate([self._idf, background_idf(new)])
        return [vocab[t] for t in tokens]

    def transform(self, articles: Sequence[Article]) -> sparse.csr_matrix:
        """Rows for `articles` in order; later calls may have more columns."""
        indptr, indices, counts = [0], [], []
        for article in articles:
            tokens = article_tokens(article, self._kept_sentences(article), self.options)
            cols, n = np.unique(np.array(self._columns(tokens), dtype=np.int64), return_counts=True)
            indices.append(cols)
            counts.append(n)
            indptr.append(indptr[-1] + len(cols))
        cols_all = np.concatenate(indices) if indices else np.empty(0, dtype=np.int64)
        tf = np.concatenate(counts).astype(np.float64) if counts else np.empty(0)
        weights = (1.0 + np.log(tf)) * self._idf[cols_all]
        matrix = sparse.csr_matrix(
            (weights, cols_all, np.array(indptr)), shape=(len(articles), self.width)
        )
        return sparse.csr_matrix(normalize(matrix))

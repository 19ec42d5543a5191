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
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import numpy as np
from scipy import sparse
from sklearn.preprocessing import normalize

from newsfuse.cluster.features import article_tokens
from newsfuse.cluster.idf import background_idf
from newsfuse.config import ClusterOptions
from newsfuse.summarize.select import furniture
from newsfuse.types import Article, normalize_text

SENTENCE_KEYS = 500_000  # boilerplate counts kept; beyond, sentences seen once are dropped
_TITLE_PARTS = re.compile(r"\s+[-|–—:·]\s+")


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
        self.titles: list[str] = []  # kept titles of the last transformed batch

    # Not in the saved state: the options (a state is reused only under the same ones)
    # and the last batch's titles (read right after `transform`, never across a save).
    TRANSIENT: ClassVar[frozenset[str]] = frozenset({"options", "titles"})

    def to_state(self) -> dict[str, Any]:
        """What a restored vectorizer needs, by field (cluster/state.py stores it; a
        test fails when a field is neither here nor TRANSIENT)."""
        docs = self._sentence_docs
        return {
            "vocabulary": list(self.vocabulary),
            "_idf": self._idf,
            "_sentence_docs": (
                np.frombuffer(b"".join(docs), dtype=np.uint64),
                np.fromiter(docs.values(), np.int64, count=len(docs)),
            ),
        }

    def restore(self, state: Mapping[str, Any]) -> None:
        """Continue from `to_state`'s output."""
        self.vocabulary = {t: i for i, t in enumerate(state["vocabulary"])}
        self._idf = state["_idf"]
        keys, counts = state["_sentence_docs"]
        raw = np.asarray(keys, dtype=np.uint64).tobytes()
        self._sentence_docs = {
            raw[8 * i : 8 * i + 8]: int(n) for i, n in enumerate(counts.tolist())
        }

    @property
    def width(self) -> int:
        return len(self.vocabulary)

    def _kept_sentences(self, article: Article) -> list[str]:
        """Sentences not (yet) seen in `boilerplate_docs` earlier articles; counts updated."""
        texts = [s.text for s in article.sentences] or [article.body]
        if article.sentences and all(furniture(t) for t in texts):
            return []  # a page of furniture only (a sign-in wall, a banner) links to nothing
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

    def _seen(self, key: bytes) -> int:
        """How many earlier articles carried `key`; counts this one."""
        seen = self._sentence_docs.get(key, 0)
        self._sentence_docs[key] = seen + 1
        return seen

    def kept_title(self, article: Article) -> str:
        """The title without what recurs: a series title the outlet used before ("Shot
        in the USA: Gun Violence After Newtown") goes, and so does a trailing part any
        earlier title ended with ("- WMC Action News 5 - Memphis, Tennessee"). Titles
        weigh double and name the event, so outlet furniture there links unrelated
        articles more than anywhere else. Counted with the sentences (`_seen`)."""
        title = article.title or ""
        if not title or self.options.boilerplate_docs <= 1:
            return title
        # A series title needs a known outlet: identical titles from unknown sources
        # (headline feeds) are the same story told twice, the strongest link there is.
        if article.outlet and self._seen(_sentence_key(f"title:{article.outlet}:{title}")):
            return ""
        parts = _TITLE_PARTS.split(title)
        kept = [parts[0]]
        for part in parts[1:]:
            if not self._seen(_sentence_key(f"title-part:{part}")):
                kept.append(part)
        return " - ".join(kept)

    def _add_terms(self, terms: Iterable[str], new: list[str]) -> None:
        """Give unseen `terms` the next columns, in order; they are appended to `new`."""
        vocab = self.vocabulary
        unseen = [t for t in terms if t not in vocab]
        vocab.update(zip(unseen, range(len(vocab), len(vocab) + len(unseen)), strict=True))
        new += unseen

    def transform(self, articles: Sequence[Article]) -> sparse.csr_matrix:
        """Rows for `articles` in order; later calls may have more columns.

        Term counts are gathered for the whole batch and sorted once, and the
        IDF of new terms is looked up once per batch: per-article numpy calls
        and a copy of the IDF array per article cost more than the counting.
        """
        cols: list[int] = []
        tfs: list[int] = []
        lengths: list[int] = []
        new: list[str] = []
        codes: list[str] = []  # the language of the article each new term came from
        self.titles = [self.kept_title(a) for a in articles]
        for article, title in zip(articles, self.titles, strict=True):
            kept = self._kept_sentences(article)
            counts = Counter(article_tokens(article, kept, self.options, title))
            self._add_terms(counts, new)  # Counter keeps first-use order
            codes += [article.language] * (len(new) - len(codes))
            cols += map(self.vocabulary.__getitem__, counts)
            tfs += counts.values()
            lengths.append(len(counts))
        if new:
            self._idf = np.concatenate([self._idf, background_idf(new, codes)])
        rows = np.repeat(np.arange(len(articles)), lengths)
        order = np.lexsort((np.array(cols, dtype=np.int64), rows))
        cols_all = np.array(cols, dtype=np.int64)[order]
        tf = np.array(tfs, dtype=np.float64)[order]
        weights = (1.0 + np.log(tf)) * self._idf[cols_all]
        indptr = np.concatenate([[0], np.cumsum(lengths, dtype=np.int64)])
        matrix = sparse.csr_matrix((weights, cols_all, indptr), shape=(len(articles), self.width))
        if not self.width:  # no article so far had a usable word: nothing to normalise
            return matrix
        return sparse.csr_matrix(normalize(matrix))

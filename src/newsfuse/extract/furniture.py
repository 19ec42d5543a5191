"""Site furniture learned from the archive itself: lines that recur across many
articles of one outlet (tickers, polls, share bars, subscription lines).

Site-level template detection, as boilerplate removers do it: a line printed
verbatim in several articles of one site is the site's, not the article's. In the
raw scrapes sample (../shared/data/scrapes) beforeitsnews.com prints the same
ticker ("Headline: Bitcoin & Blockchain Searches Exceed Trump! Blockchain Stocks
Are Next!") above 119 of 130 articles, canadafreepress.com "Subscribe to Canada
Free Press for FREE"; kept in the bodies, the ticker joined unrelated articles into
one story headed by it.

A short line is furniture when it is in at least MIN_ARTICLES articles of the
outlet and at least MIN_SHARE of them. A longer one (a commenting policy,
canadafreepress.com's in 11 of 24 articles) must be in a fifth of them: an
outlet's series on one event repeats background paragraphs verbatim in a few
articles, and those are text. Paragraphs over MAX_WORDS are never counted. Memory is
bounded: line hashes, not lines, are counted, at most MAX_ENTRIES in all; when
full, lines seen once are forgotten (lossy counting), which can only miss
furniture, never invent it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from newsfuse.extract.boilerplate import more_words_than

# Tickers and polls run to ~15 words ("short"); notices to ~60.
SHORT_WORDS = 20
MAX_WORDS = 80
# A short line: in at least 3 articles of the outlet, and at least 5% of those read;
# a longer one: in at least 5, and at least 20%.
MIN_ARTICLES = 3
MIN_SHARE = 0.05
MIN_ARTICLES_LONG = 5
MIN_SHARE_LONG = 0.2
# Counted line hashes over all outlets (~100 bytes each: ~20 MB).
MAX_ENTRIES = 200_000


def line_key(line: str) -> bytes:
    """A short fixed-size key for a line (its text folded for case and spaces)."""
    folded = " ".join(line.casefold().split())
    return hashlib.blake2b(folded.encode("utf-8"), digest_size=8).digest()


class OutletLines:
    """Per outlet: how many articles were read, and in how many each short line is."""

    def __init__(self) -> None:
        self.articles: Counter[str] = Counter()
        self.lines: dict[str, Counter[bytes]] = {}
        self.long: set[bytes] = set()  # keys of lines over SHORT_WORDS
        self.entries = 0

    def learn(self, outlet: str, lines: Iterable[str]) -> None:
        """Count the distinct short lines of one article of `outlet`."""
        self.articles[outlet] += 1
        keys = set()
        for line in lines:
            if line.strip() and not more_words_than(line, MAX_WORDS):
                keys.add(key := line_key(line))
                if more_words_than(line, SHORT_WORDS):
                    self.long.add(key)
        counts = self.lines.setdefault(outlet, Counter())
        for key in keys:
            if key not in counts:
                self.entries += 1
            counts[key] += 1
        if self.entries > MAX_ENTRIES:
            self._forget_singletons()

    def _forget_singletons(self) -> None:
        for counts in self.lines.values():
            for key in [k for k, n in counts.items() if n == 1]:
                del counts[key]
        self.entries = sum(len(c) for c in self.lines.values())
        self.long = {k for k in self.long if any(k in c for c in self.lines.values())}

    def furniture(self, outlet: str) -> frozenset[bytes]:
        """Keys (line_key) of the lines that are `outlet`'s furniture."""
        n = self.articles.get(outlet, 0)
        if n < MIN_ARTICLES:
            return frozenset()
        least = max(MIN_ARTICLES, MIN_SHARE * n)
        least_long = max(MIN_ARTICLES_LONG, MIN_SHARE_LONG * n)
        return frozenset(
            k
            for k, c in self.lines.get(outlet, Counter()).items()
            if c >= (least_long if k in self.long else least)
        )

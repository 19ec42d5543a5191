"""The terms an article is clustered on: content words, title, and name features.

The title is repeated `title_weight` times because a headline names the event
more densely than any body sentence; capitalized names count again (when the
text keeps its casing), since names identify an event better than common
words. Term weighting and boilerplate removal are in vectorize.py.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from newsfuse.config import ClusterOptions
from newsfuse.text.tokens import STOP_WORDS, content_words
from newsfuse.types import Article

_CASED_WORD = re.compile(r"[^\W\d_][^\W_]+(?:[.'’\-][^\W_]+)*")


def name_tokens(sentences: Sequence[str]) -> list[str]:
    """Capitalized non-initial words ("@putin"): names, when the text keeps its casing.

    Names identify an event better than common words; in lower-cased text
    (Multi-News) almost none are found and the features barely fire.
    """
    out: list[str] = []
    for sentence in sentences:
        if sentence.islower():  # no capital letter at all: nothing to find, cheaply
            continue
        for word in _CASED_WORD.findall(sentence)[1:]:
            if word[0].isupper() and word.lower() not in STOP_WORDS:
                out.append("@" + word.lower())
    return out


def article_tokens(
    article: Article, kept: Sequence[str], options: ClusterOptions, title: str | None = None
) -> list[str]:
    """Content words of the kept sentences, title and name features, weighted by repetition
    (`title`: the title without recurring outlet parts, vectorize.py; default: as is)."""
    tokens = content_words(" ".join(kept))
    title = article.title if title is None else title
    if title:
        tokens = content_words(title) * round(options.title_weight) + tokens
    if options.name_weight > 0:
        tokens = tokens + name_tokens(kept) * round(options.name_weight)
    if options.bigrams:
        tokens = tokens + [f"{a} {b}" for a, b in itertools.pairwise(tokens)]
    return tokens

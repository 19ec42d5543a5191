"""Word tokenization shared by dedupe, clustering and summarization.

One tokenizer so that a sentence counts the same words everywhere. Lower-cased
word characters (keeping inner apostrophes/hyphens/periods as in "al-Assad",
"U.S."), so Multi-News's re-cased, space-tokenized text and raw web text match.
"""

from __future__ import annotations

import re

from newsfuse.lang import ENGLISH, language

_WORD = re.compile(r"[^\W_]+(?:[.'’\-][^\W_]+)*", re.UNICODE)
_ASCII_DIGIT = re.compile("[0-9]")
# English's (newsfuse/lang/en/stop_words.txt): every article scored is English or "und".
STOP_WORDS: frozenset[str] = language(ENGLISH).stop_words


def words(text: str) -> list[str]:
    """Lower-cased word tokens of `text`.

    ASCII text (most news text) is lower-cased whole before matching, the same
    tokens as lower-casing each (ASCII case never changes what is a word
    character, and there is no curly apostrophe): a Python call per word less."""
    if text.isascii():
        return _WORD.findall(text.lower())
    return [w.lower().replace("’", "'") for w in _WORD.findall(text)]


def content_words(text: str) -> list[str]:
    """Tokens minus stop words and pure numbers of one digit."""
    return [w for w in words(text) if w not in STOP_WORDS and not (w.isdigit() and len(w) < 2)]


def has_digit(text: str) -> bool:
    """Any character is a digit (`str.isdigit`, Unicode's digits too). In ASCII only
    0-9 are, and one regex search beats a Python step per character (the coverage
    scorer asks it of a long story's ~5,000 grams: 2.7 -> 0.6 ms)."""
    if text.isascii():
        return _ASCII_DIGIT.search(text) is not None
    return any(c.isdigit() for c in text)

"""Quantities of a story: each number with what it counts ("five ammunition depots").

Numbers are the facts outlets most often disagree on (death tolls, sums pledged),
so each is kept with the noun it counts and the sentence that states it; the
comparison stage (newsfuse.analyze.compare) lines them up across articles.

Works from spaCy Docs parsed once per article by the caller (`docs[i]` is the
parse of `articles[i].body`, so token offsets are body offsets and map straight
to Sentence offsets). spaCy's NER supplies the spans (CARDINAL, MONEY, PERCENT,
QUANTITY) and the parse the counted noun (the head a number is a `nummod` of);
numbers inside DATE/TIME/ORDINAL entities, bare years and numbers outside any
body sentence (captions, furniture the extractor dropped) are skipped.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Span, Token

from newsfuse.types import Article, Citation, Quantity, Sentence

_KEEP_LABELS = {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"}
_SKIP_LABELS = {"DATE", "TIME", "ORDINAL"}
_WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "half": 0.5, "a": 1, "an": 1, "dozen": 12,
}  # fmt: skip
_SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_CURRENCY = {"$": "dollars", "us$": "dollars", "€": "euro", "£": "pounds", "¥": "yen"}
_PERCENT = {"%", "percent", "per cent", "pct"}
_DIGITS = re.compile(r"^\d[\d,]*(?:\.\d+)?$")
_YEAR = re.compile(r"^(1[89]\d\d|20\d\d)s?$")
# Map coordinates ("33.919235 -118.333397" under a report) and phone numbers written with
# dots ("912.764.8888") are not quantities a story states.
_CODE = re.compile(r"^[-−]?\d{1,3}\.\d{4,}$|^\d{3}\.\d{3}\.\d{4}$")
# A telephone number ("253 856-5808", "(253) 856-5808"): NER may call it MONEY.
_AGED = re.compile(r"[- ]years?[- ]old\b", re.IGNORECASE)
_PHONE = re.compile(r"\(?\d{3}\)?[-.\s]\d{3}[-.]\d{4}\b")
_AGE_RANGE = re.compile(r"\b(?:ages?|aged)(?: of| from| between)?\s+(?:\d+\s+(?:and|to)\s+)?$")
_MAX_COUNTED_GAP = 5  # tokens between a number and the noun it counts


def extract_quantities(articles: Sequence[Article], docs: Sequence[Doc]) -> tuple[Quantity, ...]:
    """All quantities of the articles, in article then text order.

    `docs` must be aligned with `articles` (the parse of each body); a length
    mismatch is a caller bug and raises ValueError rather than misattributing.
    """
    if len(articles) != len(docs):
        raise ValueError(f"{len(articles)} articles but {len(docs)} docs")
    found: list[Quantity] = []
    for article, doc in zip(articles, docs, strict=True):
        starts = [s.start for s in article.sentences]
        covered_until = 0  # "three in ten U.S. citizens" is one quantity, not two
        for span in _number_spans(doc):
            sentence = _sentence_at(article.sentences, starts, span.start_char, span.end_char)
            if sentence is None or span.start_char < covered_until:
                continue
            quantity = _quantity(article, sentence, span)
            if quantity is not None:
                found.append(quantity)
                covered_until = span.start_char + len(quantity.text)
    return tuple(found)


def _number_spans(doc: Doc) -> Iterator[Span]:
    """NER number entities, plus numbers the NER missed ("* Sri Lanka - 28,500")."""
    covered: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in _KEEP_LABELS or ent.label_ in _SKIP_LABELS:
            covered.update(range(ent.start, ent.end))
    spans = [ent for ent in doc.ents if ent.label_ in _KEEP_LABELS]
    for token in doc:
        if token.i not in covered and _DIGITS.match(token.text) and token.pos_ == "NUM":
            spans.append(doc[token.i : token.i + 1])
    yield from sorted(spans, key=lambda s: s.start)


def _sentence_at(
    sentences: Sequence[Sentence], starts: list[int], start: int, end: int
) -> Sentence | None:
    """The body sentence that holds [start, end), or None (outside every sentence)."""
    k = bisect.bisect_right(starts, start) - 1
    if k < 0 or sentences[k].end < end:
        return None
    return sentences[k]


def _quantity(article: Article, sentence: Sentence, span: Span) -> Quantity | None:
    """The Quantity of one number span, or None for years, model names and the like."""
    numeric = [t for t in span if _is_numeric(t)]
    if any(_CODE.match(t.text) for t in span):
        return None
    phone = _PHONE.search(article.body, max(0, span.start_char - 6), span.end_char + 10)
    if phone is not None and phone.start() < span.end_char and phone.end() > span.start_char:
        return None  # a tip line's number, not a quantity
    if _AGE_RANGE.search(article.body, max(0, span.start_char - 30), span.start_char):
        return None  # "between the ages of N and M": ages, not a count
    if not numeric or _looks_like_year(span, numeric) or _is_name_part(span):
        return None
    if _AGED.search(span.text) or _AGED.match(article.body, span.end_char):
        return None  # "Thirty-one-year-old" (one span or two): an age, not a count
    anchor = numeric[-1]
    head = _counted_head(anchor, span)
    end_char = span.end_char
    counted: str | None = None
    unit = _unit(span)
    if head is not None and head.idx + len(head.text) <= sentence.end and unit in (None, "money"):
        counted = _noun_phrase_core(head)
        end_char = max(end_char, head.idx + len(head.text))
    else:
        counted = unit
    value = _value(span)
    if value is None and counted is None:
        return None
    text = article.body[span.start_char : end_char]
    if value == 1 and counted is None:  # "one of the ..." is not a quantity
        return None
    return Quantity(
        text=text,
        value=value,
        counted=counted,
        citation=Citation(article_id=article.id, sentence_id=sentence.id),
    )


def _is_numeric(token: Token) -> bool:
    low = token.lower_
    return bool(_DIGITS.match(token.text)) or low in _WORD_VALUES or low in _SCALES


def _looks_like_year(span: Span, numeric: list[Token]) -> bool:
    """A bare four-digit 1800-2099 without a currency or unit is a year, not a count."""
    if len(numeric) != 1 or not _YEAR.match(numeric[0].text):
        return False
    return not any(t.text.lower() in _CURRENCY or t.lower_ in _PERCENT for t in span)


def _is_name_part(span: Span) -> bool:
    """A number right after a capitalized name is part of it ("Flight 447", "Route 66")."""
    if span.start == 0 or not _DIGITS.match(span[0].text):
        return False
    previous = span.doc[span.start - 1]
    return previous.pos_ == "PROPN" and previous.text[:1].isupper()


def _counted_head(anchor: Token, span: Span) -> Token | None:
    """The noun the number counts: its head when it is a nummod of a noun just after."""
    token = anchor
    while token.dep_ in ("compound", "quantmod") and token.head.i > token.i:
        token = token.head  # "5" -> "million" -> "people"
        if token.pos_ in ("NOUN", "PROPN") and token.lower_ not in _SCALES:
            return token if token.i - anchor.i <= _MAX_COUNTED_GAP else None
    head = token.head
    if token.dep_ != "nummod" or head.pos_ not in ("NOUN", "PROPN"):
        return None
    if head.i <= token.i or head.i - token.i > _MAX_COUNTED_GAP:
        return None
    if head.lower_ in _SCALES or head.i < span.end - 1:
        return None
    return head


def _noun_phrase_core(head: Token) -> str:
    """The head noun with its compound modifiers ("ammunition depots"), no adjectives."""
    left = head.i
    for child in reversed(list(head.lefts)):
        if child.dep_ == "compound" and child.i == left - 1:
            left = child.i
        else:
            break
    return head.doc[left : head.i + 1].text


def _unit(span: Span) -> str | None:
    """The unit of a money or percent span: it, not a following noun, is what is
    counted ("$500 million pledge" counts dollars); None for other spans."""
    for token in span:
        low = token.text.lower()
        if low in _CURRENCY:
            return _CURRENCY[low]
        if low in _PERCENT:
            return "percent"
    if span.label_ != "MONEY":
        return None
    nouns = [t for t in span if t.pos_ in ("NOUN", "PROPN") and not _is_numeric(t)]
    return nouns[-1].text if nouns else "money"


def _value(span: Span) -> float | None:
    """Numeric value of a span: "5 million" -> 5e6, "four" -> 4, "$4.5 million" -> 4.5e6."""
    total = 0.0
    current: float | None = None
    digits_seen = False
    for token in span:
        low = token.lower_
        if _DIGITS.match(token.text):
            if digits_seen and current is not None:
                break  # a range ("between 500 and 600", "9.1-9.3"): keep its start
            digits_seen = True
            current = (current or 0.0) + float(token.text.replace(",", ""))
        elif low in _WORD_VALUES and low not in ("a", "an"):
            current = (current or 0.0) + _WORD_VALUES[low]
        elif low in _SCALES:
            scale = _SCALES[low]
            current = (current or 1.0) * scale
            if scale >= 1e3:
                total, current = total + current, None
    if current is None and total == 0.0:
        return None
    return total + (current or 0.0)

"""Quotation marks that do not quote anyone: names, titles, labels, signs and headings.

Why from the words around the marks: a label is marked as one by its context: a naming
verb or noun just before it ("known as "…"", "nicknamed "…"", ", or "…"", "a banner
with "…""), a modifier that makes it part of a longer noun phrase ("a black "…""), the
capitalisation of a title ("Ode to the Motherland"), or a paragraph of its own with no
sentence punctuation (a sub-heading). Reported wording has none of these: it follows a
speech verb, a determiner or a copula ("called it a "…"", "were being "…"").
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsfuse.analyze.lexicon import SPEECH_VERBS
from newsfuse.analyze.nlp import ParsedArticle

Ranges = list[tuple[int, int]]

MAX_LABEL_WORDS = 10  # a label longer than this is rare; a quote that long is speech
_NAMING = re.compile(
    r"(?:\b(?:known|referred to|translated|translates) as|\b(?:nicknamed|dubbed|so-called"
    r"|titled|entitled|termed|named|meaning|literally)|\b(?:an?|the) \w+ called|, or"
    r"|\((?:or|translated|meaning|literally)?|\b(?:banner|sign|placard|poster|slogan|nickname"
    r"|headline|billboard|inscription|sticker|t-shirt|shirt)s?"
    r"(?: (?:with|reading|read|saying|bearing|that reads?|which reads?))?)[\s,:]*$",
    re.IGNORECASE,
)
# Lower-case words a title or a name keeps ("Ode to the Motherland", "El Rey del Mar").
_TITLE_SMALL = {
    "a", "an", "the", "of", "and", "or", "for", "to", "in", "on", "at", "by", "with", "from",
    "de", "del", "la", "le", "les", "el", "los", "las", "y", "von", "van", "der", "du", "da",
    "di", "al",
}  # fmt: skip
_END = (".", "!", "?", "…", ",", ";", ":")


def title_cased(text: str) -> bool:
    """A name or title: 2-8 words, the first and every content word capitalised, no
    sentence punctuation at the end ("Global Human Rights Torch Relay")."""
    words = text.split()
    if not 2 <= len(words) <= 8 or text.rstrip().endswith(_END):
        return False
    content = [w for w in words if w.lower() not in _TITLE_SMALL or w is words[0]]
    return all(w[:1].isupper() or w[:1].isdigit() for w in content)


def _before(pa: ParsedArticle, opened: int) -> str:
    """Body text of the quote's paragraph line before its opening mark."""
    body = pa.article.body
    start = body.rfind("\n", 0, opened - 1) + 1
    return body[start : opened - 1]


def _heading(pa: ParsedArticle, segments: Ranges, text: str) -> bool:
    """A quote that makes up a whole line and ends with no sentence punctuation."""
    body = pa.article.body
    start, end = segments[0][0] - 1, segments[-1][1] + 1
    line_start = body.rfind("\n", 0, start) + 1
    line_end = body.find("\n", end)
    line_end = len(body) if line_end < 0 else line_end
    alone = not body[line_start:start].strip() and not body[end:line_end].strip()
    return alone and len(segments) == 1 and not text.rstrip().endswith(_END)


_NEXT_TERM = re.compile(r"\A[ ,;|]*[\"“]([^\"“”\n]{1,80})[\"”]")
_PREV_TERM = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”][ ,;|]*\Z")


def _listed(pa: ParsedArticle, segments: Ranges, text: str) -> bool:
    """One of a run of quoted terms with nothing but spaces or commas between them and no
    sentence punctuation in any (a page's tags: ""drive by shooting" "Modesto gang"
    "Modesto News""). Speech split by a writer ends its parts with a comma or a stop."""
    if text.rstrip().endswith(_END) or len(segments) > 1:
        return False
    body = pa.article.body
    start, end = segments[0][0] - 1, segments[0][1] + 1
    terms = [_PREV_TERM.search(body[max(0, start - 90) : start]), _NEXT_TERM.match(body[end:])]
    return any(m is not None and not m.group(1).rstrip().endswith(_END) for m in terms)


def _premodified(pa: ParsedArticle, segments: Ranges) -> bool:
    """A noun phrase in marks after an adjective or noun of the writer's ("a black "…""):
    the quoted words are the tail of a longer term, and no speech verb governs them."""
    start, end = segments[0][0], segments[0][1]
    span = pa.doc.char_span(start, end, alignment_mode="contract")
    if span is None or not 1 <= len(span) <= 3 or len(segments) > 1:
        return False
    if any(t.pos_ not in ("NOUN", "PROPN", "ADJ") for t in span):
        return False
    if span.start < 2:
        return False
    mark, prev = span.doc[span.start - 1], span.doc[span.start - 2]
    if prev.pos_ not in ("ADJ", "NOUN") or prev.idx + len(prev) != mark.idx - 1:
        return False
    return not _spoken(span.root)


def _spoken(tok: Token) -> bool:
    """Does a speech verb govern `tok` within two steps?"""
    return any(t.lemma_ in SPEECH_VERBS for t in (tok.head, tok.head.head))


def is_label(pa: ParsedArticle, segments: Ranges, text: str) -> bool:
    """Are these marks around a name, title, label, sign or heading rather than speech?"""
    if len(text.split()) > MAX_LABEL_WORDS:
        return False
    if title_cased(text) or _heading(pa, segments, text) or _listed(pa, segments, text):
        return True
    if _NAMING.search(_before(pa, segments[0][0])):
        return True
    return _premodified(pa, segments)

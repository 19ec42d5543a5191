"""RSS and Atom feeds -> one Article per entry (feedparser), hostile XML refused first.

A feed is XML from someone else's server, so it is checked before any parser
that might expand it sees it: a document that declares entities (the "billion
laughs" bomb, external entities that read local files) is refused whole with
UNSAFE_XML, and one whose structure would cost feedparser unbounded time (tens of
thousands of attributes on one element, millions of elements) with XML_TOO_COMPLEX,
both found by linear scans of the text feedparser will read (extract/xmlcheck.py;
feedparser falls back to a loose parser for broken feeds, and broken XML is common
in the wild, so no well-formed parse is required). Each entry then becomes an article
record as in the JSON schema (title, link, date, author, text), so feeds get
the same cleaning, ids and outlet rules as every other input; one bad entry is
one Failure, the feed's other entries still count.
"""

from __future__ import annotations

import datetime as dt
import html
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from typing import Any

import feedparser
import lxml.html

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.extract.kind import ARTICLE, SHORT
from newsfuse.extract.outlets import url_outlet
from newsfuse.extract.xmlcheck import check_no_entities, check_structure, feedparser_bytes
from newsfuse.types import Article, Failure

_TAG = re.compile(r"<([!?/]?)([A-Za-z][\w:.-]*)")
# Comments and processing instructions before the root (generators write them,
# feedparser's own tests start with one) may mention any tag.
_PROLOG_NOISE = re.compile(r"<!--.*?(?:-->|$)|<\?.*?(?:\?>|$)", re.S)
# RSS, Atom, RSS 1.0 (rdf:RDF) and Microsoft's CDF (<channel>), as feedparser reads.
_FEED_ROOTS = frozenset(("rss", "feed", "rdf", "channel"))
# A field feedparser calls plain text that still holds HTML end tags or escapes
# (Atom 0.3 base64 summaries): read as HTML, else "&lt;" would be stored.
_MARKUP = re.compile(r"</(?:p|div|a|b|i|em|strong|span|li|ul|ol|h\d|blockquote)>|<br\s*/?>", re.I)
# Elements after which the text of an entry's HTML breaks into a new paragraph.
_BLOCKS = frozenset(
    ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
)
# Elements whose content is code or markup, never text a reader sees.
_HIDDEN = frozenset(("script", "style", "noscript", "template"))
_HIDDEN_BLOCK = re.compile(r"<(script|style|noscript|template)\b.*?(?:</\1\s*>|$)", re.I | re.S)
# How far into a document the root element is looked for (comments may be long).
_ROOT_WITHIN = 65536


def looks_like_feed(text: str) -> bool:
    """Whether the first element (after the XML declaration, comments, processing
    instructions and doctype) is an RSS, Atom or RDF root: a page that merely mentions
    <feed> later is not a feed."""
    head = _PROLOG_NOISE.sub("", text[:_ROOT_WITHIN])
    for match in _TAG.finditer(head[:4096]):
        if not match.group(1):
            # Namespace prefixes count for nothing: <r:rss>, <atom:feed>, <rdf:RDF>.
            return match.group(2).lower().rsplit(":", 1)[-1] in _FEED_ROOTS
    return False


def check_safe_xml(data: bytes, text: str | None = None) -> bytes:
    """The bytes feedparser will parse, once checked: UNSAFE_XML for entity declarations
    (in the raw bytes, in feedparser's reading of them or in our decoded `text`),
    XML_TOO_COMPLEX for structure that would take unbounded time (extract/xmlcheck.py).
    Well-formedness is not required: feedparser's loose parser copes with broken feeds."""
    converted = feedparser_bytes(data)
    decoded = text.encode("utf-8", "replace") if text is not None else b""
    check_no_entities(data, converted, decoded)
    check_structure(converted)
    return converted


def html_text(fragment: str) -> str:
    """Text of an entry's HTML, one paragraph per block element, entities decoded once,
    script and style content dropped; text with neither tags nor entities passes."""
    if "<" not in fragment:
        return html.unescape(fragment) if "&" in fragment else fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml on garbage: keep the words, drop the tags
        return html.unescape(re.sub(r"<[^>]*>", " ", _HIDDEN_BLOCK.sub(" ", fragment)))
    for el in list(root.iter()):
        if not isinstance(el.tag, str):
            continue
        if el.tag.lower() in _HIDDEN:
            el.drop_tree()
        elif el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content())


def _field_text(entry: Any, name: str) -> str:
    """An entry field as text: HTML (the type feedparser found) read as HTML, plain
    text as it is (feedparser has decoded its XML escapes already)."""
    detail = entry.get(f"{name}_detail") or {}
    return as_text(entry.get(name, "") or "", detail.get("type", "text/html"))


def as_text(value: str, kind: str) -> str:
    """Text of a field of media type `kind`: plain text as it is, unless it holds
    HTML markup; HTML (and XHTML) read as HTML."""
    if kind == "text/plain" and not _MARKUP.search(value):
        return value
    return html_text(value)


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def _entry_text(entry: Any) -> str:
    """The fullest text an entry carries: content:encoded / Atom content, else summary."""
    bodies = [(c.get("value", "") or "", c.get("type", "")) for c in entry.get("content") or ()]
    summary = entry.get("summary_detail") or {}
    bodies.append((entry.get("summary", "") or "", summary.get("type", "")))
    return as_text(*max(bodies, key=lambda body: len(body[0])))


def entry_record(entry: Any) -> dict[str, str | None]:
    """A feed entry as an article record of the shared JSON schema."""
    link = entry.get("link") or None
    return {
        "title": _field_text(entry, "title") or None,
        "text": _entry_text(entry),
        "url": link,
        "author": entry.get("author") or None,
        "date": _entry_date(entry),
    }


def iter_xml(data: bytes, text: str, ctx: RecordContext) -> Iterator[Article | Failure]:
    """Articles of an XML input (`text` is `data` decoded): checked for entities first
    (UNSAFE_XML), then read as an RSS/Atom feed (UNSUPPORTED for other XML, BAD_FEED for
    a feed with no entries)."""
    check_safe_xml(data, text)  # checks the very reading feedparser makes of `data` below
    if not looks_like_feed(text):
        raise NewsfuseError(ErrorCode.UNSUPPORTED, "XML that is not an RSS/Atom feed")
    # Not sanitized: the HTML is only read for its text (html_text drops scripts).
    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" ({reason})" if reason else ""
        raise NewsfuseError(ErrorCode.BAD_FEED, f"no feed entries found{detail}")
    outlet = url_outlet(parsed.get("feed", {}).get("link")) or ctx.outlet
    entry_ctx = RecordContext(ctx.display, ctx.prefix, outlet, ctx.min_words, ctx.max_bytes)
    for k, entry in enumerate(entries):
        try:
            article = record_article(entry_record(entry), f"{ctx.prefix}#{k}", entry_ctx)
            # A feed's publisher says each entry is an item; a summary-only feed's
            # entries are short but still reports (the notice kinds still apply).
            yield replace(article, kind=ARTICLE) if article.kind == SHORT else article
        except NewsfuseError as exc:
            yield Failure(ctx.display, exc.code.value, f"entry {k}: {exc.message}")

"""RSS and Atom feeds -> one Article per entry (feedparser), hostile XML refused first.

A feed is XML from someone else's server, so it is checked before any parser
that might expand it sees it: a document that declares entities (the "billion
laughs" bomb, external entities that read local files) is refused whole with
UNSAFE_XML, through defusedxml where the XML is well-formed and a plain scan
where it is not (feedparser falls back to a loose parser for broken feeds,
and broken XML is common in the wild). Each entry then becomes an article
record as in the JSON schema (title, link, date, author, text), so feeds get
the same cleaning, ids and outlet rules as every other input; one bad entry is
one Failure, the feed's other entries still count.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterator
from typing import Any

import defusedxml.ElementTree as SafeET
import feedparser
import lxml.html
from defusedxml import DefusedXmlException

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.extract.outlets import url_outlet
from newsfuse.types import Article, Failure

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
_TAG = re.compile(r"<([!?/]?)([A-Za-z][\w:.-]*)")
_FEED_ROOTS = frozenset(("rss", "feed", "rdf:rdf"))
# Elements after which the text of an entry's HTML breaks into a new paragraph.
_BLOCKS = frozenset(
    ("p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "section")
)


def looks_like_feed(text: str) -> bool:
    """Whether the first element (after the XML declaration, comments and doctype) is an
    RSS, Atom or RDF root: a page that merely mentions <feed> later is not a feed."""
    for match in _TAG.finditer(text[:4096]):
        if not match.group(1):
            return match.group(2).lower() in _FEED_ROOTS
    return False


def check_safe_xml(data: bytes) -> None:
    """UNSAFE_XML for entity declarations or external references; well-formedness is not
    required (the loose parser copes), only that nothing can expand or fetch."""
    if _ENTITY_DECL.search(data):
        raise NewsfuseError(
            ErrorCode.UNSAFE_XML, "XML declares entities (refused: possible XML bomb)"
        )
    try:
        SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise NewsfuseError(ErrorCode.UNSAFE_XML, f"unsafe XML refused: {exc}") from None
    except SafeET.ParseError:
        pass  # malformed, but with nothing to expand: feedparser's loose parser decides


def html_text(fragment: str) -> str:
    """Text of an entry's HTML, one paragraph per block element; plain text passes."""
    if "<" not in fragment:
        return fragment
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml on garbage: keep the words, drop the tags
        return re.sub(r"<[^>]*>", " ", fragment)
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n\n" + (el.tail or "")
    return str(root.text_content())


def _entry_date(entry: Any) -> str | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()


def _entry_text(entry: Any) -> str:
    """The fullest text an entry carries: content:encoded / Atom content, else summary."""
    bodies = [c.get("value", "") for c in entry.get("content") or ()]
    bodies.append(entry.get("summary", "") or "")
    return html_text(max(bodies, key=len))


def entry_record(entry: Any) -> dict[str, str | None]:
    """A feed entry as an article record of the shared JSON schema."""
    link = entry.get("link") or None
    return {
        "title": html_text(entry.get("title", "") or "") or None,
        "text": _entry_text(entry),
        "url": link,
        "author": entry.get("author") or None,
        "date": _entry_date(entry),
    }


def iter_xml(data: bytes, text: str, ctx: RecordContext) -> Iterator[Article | Failure]:
    """Articles of an XML input (`text` is `data` decoded): checked for entities first
    (UNSAFE_XML), then read as an RSS/Atom feed (UNSUPPORTED for other XML, BAD_FEED for
    a feed with no entries)."""
    check_safe_xml(data)
    if not looks_like_feed(text):
        raise NewsfuseError(ErrorCode.UNSUPPORTED, "XML that is not an RSS/Atom feed")
    parsed = feedparser.parse(data)
    entries = parsed.get("entries") or []
    if not entries:
        reason = parsed.get("bozo_exception") if parsed.get("bozo") else None
        detail = f" ({reason})" if reason else ""
        raise NewsfuseError(ErrorCode.BAD_FEED, f"no feed entries found{detail}")
    outlet = url_outlet(parsed.get("feed", {}).get("link")) or ctx.outlet
    entry_ctx = RecordContext(ctx.display, ctx.prefix, outlet, ctx.min_words, ctx.max_bytes)
    for k, entry in enumerate(entries):
        try:
            yield record_article(entry_record(entry), f"{ctx.prefix}#{k}", entry_ctx)
        except NewsfuseError as exc:
            yield Failure(ctx.display, exc.code.value, f"entry {k}: {exc.message}")

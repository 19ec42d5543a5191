"""Checks an XML feed passes before any parser sees it: no entities, bounded structure.

feedparser reads bytes in whatever encoding the document declares (Big5, Shift_JIS,
UTF-16 without a byte-order mark, ...), so the checks run on the text feedparser
itself will parse: its own conversion to UTF-8 (feedparser.encodings.convert_to_utf8),
plus the raw bytes. Two things are refused:

- entity declarations (UNSAFE_XML): the "billion laughs" bomb and external entities
  need an <!ENTITY declaration; a plain scan finds one in any encoding feedparser
  can read, whether or not the document is well-formed (feedparser falls back to a
  loose parser for broken feeds);
- structure beyond the limits (XML_TOO_COMPLEX): feedparser's cost is quadratic in the
  attributes of one element (20,000 attributes: 3 s, 50,000: ~20 s) and ~11 us per
  element, so a 10 MB file of empty elements would take ~30 s. One linear pass counts
  elements and the attributes of each, skipping comments and CDATA (HTML inside a
  description is text, not structure), and stops at the first limit passed.
"""

from __future__ import annotations

import re
from typing import Any

from feedparser.encodings import convert_to_utf8

from newsfuse.errors import ErrorCode, NewsfuseError

# A real feed of 500 items has ~15,000 elements; a page of XHTML content a few
# thousand more. feedparser reads 200,000 elements in ~2.5 s.
MAX_ELEMENTS = 200_000
# HTML and feed elements carry a handful of attributes; 256 costs feedparser < 10 ms.
MAX_ATTRIBUTES = 256

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
# One token: a comment, a CDATA section, or a start tag (name, the rest up to the
# next "<" or ">"). A "<name" never closed still counts: feedparser's loose parser
# spends ~11 us on each (2,000,000 "<a" took it 21 s).
_TOKEN = re.compile(rb"<(?:!--|!\[CDATA\[|([A-Za-z_][^\s/<>]*)([^<>]*))")
_CLOSERS = {b"!--": b"-->", b"![CDATA[": b"]]>"}


def feedparser_bytes(data: bytes) -> bytes:
    """`data` as feedparser will parse it: converted to UTF-8 by its own rules."""
    result: dict[str, Any] = {}
    try:
        converted = convert_to_utf8({}, data, result)
    except Exception:  # feedparser keeps the bytes it cannot convert
        return data
    return converted if isinstance(converted, bytes) else data


def check_no_entities(*docs: bytes) -> None:
    """UNSAFE_XML when any of the readings of a document declares an entity."""
    if any(_ENTITY_DECL.search(doc) for doc in docs):
        raise NewsfuseError(
            ErrorCode.UNSAFE_XML, "XML declares entities (refused: possible XML bomb)"
        )


def check_structure(doc: bytes) -> None:
    """XML_TOO_COMPLEX past MAX_ELEMENTS elements or MAX_ATTRIBUTES on one element.

    Linear: each token is found once; a comment or CDATA section is skipped by a
    find of its end, and an unterminated one ends the scan (the rest is text).
    """
    elements = 0
    pos = 0
    while (match := _TOKEN.search(doc, pos)) is not None:
        if match.group(1) is None:
            opener = doc[match.start() + 1 : match.end()]
            end = doc.find(_CLOSERS[opener], match.end())
            if end < 0:
                return
            pos = end + 3
            continue
        elements += 1
        if elements > MAX_ELEMENTS:
            raise NewsfuseError(
                ErrorCode.XML_TOO_COMPLEX,
                f"XML has over {MAX_ELEMENTS:,} elements (refused: too costly to parse)",
            )
        attributes = match.group(2).count(b"=")
        if attributes > MAX_ATTRIBUTES:
            raise NewsfuseError(
                ErrorCode.XML_TOO_COMPLEX,
                f"an XML element has {attributes:,} attributes, over the limit of "
                f"{MAX_ATTRIBUTES} (refused: too costly to parse)",
            )
        pos = match.end()

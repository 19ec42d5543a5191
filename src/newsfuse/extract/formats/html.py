"""HTML pages: the article's text, title, date and outlet (newsfuse.extract.html)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.extract.formats import Input, InputFormat, Item
from newsfuse.extract.html import extract_html

_HTML_TAG = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|title|meta)\b", re.I)


def looks_like_html(head: str) -> bool:
    """Markup with a page's tags (asked after feeds: a feed holds <title> and HTML too)."""
    return head.startswith("<") and bool(_HTML_TAG.search(head))


def read(source: Input) -> Iterator[Item]:
    """One article: from the bytes when named (the page's own charset declaration
    decides), from the text when it was recognised from it."""
    ctx = source.ctx
    data = source.decoded if source.decoded is not None else source.data
    yield extract_html(
        data, source=ctx.prefix, url=source.url, outlet=ctx.outlet, min_words=ctx.min_words
    )


FORMAT = InputFormat(
    name="html",
    read=read,
    suffixes=(".html", ".htm", ".xhtml", ".shtml"),
    media_types=("text/html", "application/xhtml+xml"),
    sniff=lambda head, text: looks_like_html(head),
    rank=20,
    reads_bytes=True,
)

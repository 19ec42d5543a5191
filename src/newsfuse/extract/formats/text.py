"""Plain text: a scrape's lines, with its outlet's recurring furniture removed
(newsfuse.extract.plaintext). The fallback: content no other format claims."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from newsfuse.extract.formats import Input, InputFormat, Item
from newsfuse.extract.plaintext import extract_plaintext

_HTML_START = re.compile(r"\s*<(?:!doctype\s+html|html)\b", re.I)


def read(source: Input) -> Iterator[Item]:
    """One article; a page fetched as text keeps its URL."""
    ctx = source.ctx
    article = extract_plaintext(
        source.text(),
        source=ctx.prefix,
        outlet=ctx.outlet,
        min_words=ctx.min_words,
        furniture=source.furniture,
    )
    yield replace(article, url=source.url) if source.url else article


FORMAT = InputFormat(
    name="text",
    read=read,
    suffixes=(".txt", ".text"),
    media_types=("text/plain",),
    sniff=lambda head, text: True,
    rank=100,
    not_really=lambda text: bool(_HTML_START.match(text)),  # a page saved as .txt
)

"""RSS, Atom and RDF feeds: one article per entry (newsfuse.extract.feeds); other XML
is refused there with E107."""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.extract.feeds import iter_xml, looks_like_feed
from newsfuse.extract.formats import Input, InputFormat, Item
from newsfuse.extract.formats.html import looks_like_html


def read(source: Input) -> Iterator[Item]:
    yield from iter_xml(source.data, source.text(), source.ctx)


def sniff(head: str, text: str) -> bool:
    """A feed root, or an XML declaration on content that is not a page."""
    if not head.startswith("<"):
        return False
    return looks_like_feed(head) or (head.startswith("<?xml") and not looks_like_html(head))


FORMAT = InputFormat(
    name="feed",
    read=read,
    suffixes=(".rss", ".atom", ".xml"),
    media_types=(
        "application/rss+xml",
        "application/atom+xml",
        "application/rdf+xml",
        "application/xml",
        "text/xml",
    ),
    sniff=sniff,
    rank=10,
)

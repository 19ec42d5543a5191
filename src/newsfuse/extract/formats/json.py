"""A JSON document: one article or a list of them (newsfuse.extract.jsonrecords);
JSONL content in a .json file is read as JSONL there."""

from __future__ import annotations

import json
from collections.abc import Iterator

from newsfuse.extract.formats import Input, InputFormat, Item
from newsfuse.extract.jsonrecords import iter_json


def read(source: Input) -> Iterator[Item]:
    yield from iter_json(source.text(), source.ctx)


def sniff(head: str, text: str) -> bool:
    """An object, or a list: "[" also opens Markdown links, so only a list of
    objects (or an empty one) or a text that parses counts."""
    if head.startswith("{"):
        return True
    if not head.startswith("["):
        return False
    if head[1:].lstrip()[:1] in ("{", "]"):
        return True
    try:
        json.loads(text)
    except json.JSONDecodeError:
        return False
    return True


FORMAT = InputFormat(
    name="json", read=read, suffixes=(".json",), media_types=("application/json",), sniff=sniff
)

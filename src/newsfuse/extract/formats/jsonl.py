"""JSON Lines: one article per line, streamed, each line bounded
(newsfuse.extract.jsonrecords). Recognised by name or media type; unnamed JSONL is
found by the json format."""

from __future__ import annotations

import io
from collections.abc import Iterator

from newsfuse.extract.formats import Input, InputFormat, Item
from newsfuse.extract.jsonrecords import iter_jsonl


def read(source: Input) -> Iterator[Item]:
    yield from iter_jsonl(io.BytesIO(source.data), source.ctx)


FORMAT = InputFormat(
    name="jsonl",
    read=read,
    suffixes=(".jsonl", ".ndjson"),
    media_types=("application/x-ndjson",),
    reads_bytes=True,
    stream=iter_jsonl,
)

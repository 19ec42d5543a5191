"""JSON and JSONL records (the ../shared schemas) -> Articles, one Failure per bad record.

Two record shapes, told apart by their keys:
  summarization clusters {"id", "documents": [{"title","text","source","date"}], ...}
    -> one Article per document, source "file.jsonl:LINE#DOCINDEX" (0-based, as
       the Multi-News ids "multinews-val-02116#0" count);
  articles {"id", "title", "text", "source", "date", ...} -> one Article, "file.jsonl:LINE".
JSONL is streamed line by line, so one bad line costs one Failure and a file
that breaks off (truncated gzip) still yields every line read before the break.
"""

from __future__ import annotations

import codecs
import io
import json
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from newsfuse.articles import make_article
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.dates import parse_iso_date
from newsfuse.extract.decoding import decode_bytes
from newsfuse.extract.limits import ByteStream, InflateLimit, megabytes
from newsfuse.extract.outlets import metadata_outlet, url_outlet
from newsfuse.extract.plaintext import check_words, clean_text
from newsfuse.types import Article, Failure

_CHUNK = 1 << 20
_TOO_DEEP = "JSON nested too deeply to read"


@dataclass(frozen=True)
class RecordContext:
    """What all records of one input share."""

    display: str  # the input as users name it: Failure.source
    prefix: str  # start of each Article.source
    outlet: str | None  # fallback outlet (a domain-named folder)
    min_words: int
    max_bytes: int
    max_lines: int = 2_000_000


def _optional_str(record: dict[str, Any], *keys: str) -> str | None:
    """First of `keys` holding a non-empty string; other non-null types are schema errors."""
    for key in keys:
        value = record.get(key)
        if value is None:
            continue
        if not isinstance(value, str):
            raise NewsfuseError(
                ErrorCode.BAD_JSON,
                f'wrong schema: "{key}" must be a string or null, not {type(value).__name__}',
            )
        if value.strip():
            return value.strip()
    return None


def record_article(record: object, source: str, ctx: RecordContext) -> Article:
    """One article record (or cluster document) -> Article; raises NewsfuseError.

    The text is cleaned like a scrape (furniture lines, a leading dateline) but
    its first line is never taken as a title: a record's title is its "title"
    field, and Multi-News texts have no title line to find.
    """
    if not isinstance(record, dict):
        raise NewsfuseError(ErrorCode.BAD_JSON, "wrong schema: expected a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        what = "missing" if text is None else f"not a string ({type(text).__name__})"
        raise NewsfuseError(ErrorCode.BAD_JSON, f'wrong schema: "text" is {what}')
    if not text.strip():
        raise NewsfuseError(ErrorCode.EMPTY, "empty text")
    cleaned = clean_text(text, guess_title=False)
    check_words(cleaned.body, ctx.min_words)
    url = _optional_str(record, "url")
    return make_article(
        body=cleaned.body,
        source=source,
        title=_optional_str(record, "title"),
        outlet=metadata_outlet(_optional_str(record, "source")) or url_outlet(url) or ctx.outlet,
        byline=_optional_str(record, "author", "byline") or cleaned.byline,
        date=parse_iso_date(_optional_str(record, "date")) or cleaned.date,
        url=url,
    )


def _at(where: str, message: str) -> str:
    return f"{where}: {message}" if where else message


def _one(record: object, where: str, source: str, ctx: RecordContext) -> Article | Failure:
    try:
        return record_article(record, source, ctx)
    except NewsfuseError as exc:
        return Failure(ctx.display, exc.code.value, _at(where, exc.message))


def record_articles(
    record: object, where: str, source: str, ctx: RecordContext
) -> Iterator[Article | Failure]:
    """Articles of one top-level record: a cluster's documents, or the record itself."""
    if isinstance(record, dict) and "documents" in record:
        docs = record["documents"]
        if not isinstance(docs, list):
            message = 'wrong schema: "documents" must be a list'
            yield Failure(ctx.display, ErrorCode.BAD_JSON.value, _at(where, message))
            return
        if not docs:
            yield Failure(ctx.display, ErrorCode.EMPTY.value, _at(where, "no documents"))
        for k, doc in enumerate(docs):
            doc_where = f"{where}, document {k}" if where else f"document {k}"
            yield _one(doc, doc_where, f"{source}#{k}", ctx)
    elif isinstance(record, dict) and "text" in record:
        yield _one(record, where, source, ctx)
    else:
        message = 'wrong schema: expected an object with "text" or "documents"'
        yield Failure(ctx.display, ErrorCode.BAD_JSON.value, _at(where, message))


def _line_text(raw: bytes, first: bool) -> str:
    if first and raw.startswith(codecs.BOM_UTF8):
        raw = raw[len(codecs.BOM_UTF8) :]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_bytes(raw)  # a legacy-encoded line; raises UNDECODABLE


def _skip_rest_of_line(stream: ByteStream) -> None:
    while True:
        chunk = stream.readline(_CHUNK)
        if not chunk or chunk.endswith(b"\n"):
            return


def _jsonl_line(raw: bytes, line_no: int, ctx: RecordContext) -> Iterator[Article | Failure]:
    where = f"line {line_no}"
    try:
        record = json.loads(_line_text(raw, line_no == 1))
    except json.JSONDecodeError as exc:
        message = f"{where}: invalid JSON: {exc.msg} (column {exc.colno})"
        yield Failure(ctx.display, ErrorCode.BAD_JSON.value, message)
        return
    except RecursionError:  # one line nested 100,000 deep lost the rest of the file
        yield Failure(ctx.display, ErrorCode.TOO_DEEP.value, f"{where}: {_TOO_DEEP}")
        return
    except NewsfuseError as exc:
        yield Failure(ctx.display, exc.code.value, f"{where}: {exc.message}")
        return
    yield from record_articles(record, where, f"{ctx.prefix}:{line_no}", ctx)


def iter_jsonl(stream: ByteStream, ctx: RecordContext) -> Iterator[Article | Failure]:
    """Articles and per-line Failures of a JSONL stream (blank lines are skipped).

    Raises NewsfuseError when the stream itself breaks (truncated gzip, OS
    error) after yielding everything read before, or EMPTY when it has no record.
    A line longer than max_bytes is one Failure: the limit bounds memory even
    for a .gz that expands far beyond its size on disk.
    """
    line_no = records = 0
    try:
        while raw := stream.readline(ctx.max_bytes + 1):
            line_no += 1
            if isinstance(stream, InflateLimit):
                stream.line = line_no
            if line_no > ctx.max_lines:
                message = f"line {line_no}: more than {ctx.max_lines:,} lines; the rest is not read"
                raise NewsfuseError(ErrorCode.TOO_MANY_LINES, message)
            if len(raw) > ctx.max_bytes and not raw.endswith(b"\n"):
                _skip_rest_of_line(stream)
                message = f"line {line_no}: over the {megabytes(ctx.max_bytes)} limit"
                yield Failure(ctx.display, ErrorCode.TOO_LARGE.value, message)
                records += 1
                continue
            if raw.strip():
                records += 1
                yield from _jsonl_line(raw, line_no, ctx)
    except (EOFError, OSError, zlib.error) as exc:
        raise NewsfuseError(
            ErrorCode.UNREADABLE, f"truncated or corrupt data after line {line_no}: {exc}"
        ) from None
    if records == 0:
        raise NewsfuseError(ErrorCode.EMPTY, "no JSON records")


def iter_json(text: str, ctx: RecordContext) -> Iterator[Article | Failure]:
    """Articles of a JSON document: one record, or a list of records.

    A document that is really JSONL (json reports "Extra data" after the first
    object) is read as JSONL, so stdin and misnamed files work either way.
    """
    try:
        data = json.loads(text)
    except RecursionError:
        raise NewsfuseError(ErrorCode.TOO_DEEP, _TOO_DEEP) from None
    except json.JSONDecodeError as exc:
        if exc.msg == "Extra data" and text.lstrip().startswith("{"):
            yield from iter_jsonl(io.BytesIO(text.encode("utf-8")), ctx)
            return
        raise NewsfuseError(
            ErrorCode.BAD_JSON,
            f"invalid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno})",
        ) from None
    if isinstance(data, list):
        if not data:
            raise NewsfuseError(ErrorCode.EMPTY, "empty JSON list")
        for i, record in enumerate(data):
            yield from record_articles(record, f"item {i}", f"{ctx.prefix}[{i}]", ctx)
    else:
        yield from record_articles(data, "", ctx.prefix, ctx)

"""Sharded input for the batch: one task per input file, rows in ingest's order.

Each shard (a JSONL(.gz) dump, a feed, a folder's file) is extracted by the same
`newsfuse.extract.iter_articles` that `ingest` runs (a Parquet file of records by
the same record reader ingest's JSONL goes through), in a worker, so the batch and
the single process read the same articles. The driver turns each shard's item
count into one arrival order (the order `ingest` would see the same files in).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import json
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from newsfuse.config import ExtractOptions
from newsfuse.extract import iter_articles
from newsfuse.extract.jsonrecords import RecordContext, record_articles
from newsfuse.lang.detect import settled
from newsfuse.models import Models
from newsfuse.types import Article, Failure

_SKIP = {"sentences"}  # recomputed where needed, not shipped between workers


def shard_paths(inputs: Sequence[str]) -> list[str]:
    """Files named by `inputs` (paths, globs, folders, read recursively), each
    folder's or glob's files sorted, in the order given."""
    out: list[str] = []
    for raw in inputs:
        path = Path(raw)
        if path.is_dir():
            out += sorted(str(p) for p in path.rglob("*") if p.is_file())
        elif any(ch in raw for ch in "*?["):
            out += sorted(glob.glob(raw, recursive=True))
        else:
            out.append(raw)
    return out


def article_row(article: Article) -> dict[str, Any]:
    """An article as a flat row (dates as ISO text; sentences left out)."""
    row: dict[str, Any] = {}
    for field in dataclasses.fields(article):
        if field.name in _SKIP:
            continue
        value = getattr(article, field.name)
        row[field.name] = value.isoformat() if isinstance(value, dt.date) else value
    return row


def row_article(row: dict[str, Any]) -> Article:
    """The article a row holds (`article_row`'s inverse; other columns ignored)."""
    values: dict[str, Any] = {}
    for field in dataclasses.fields(Article):
        if field.name in _SKIP or field.name not in row:
            continue
        value = row[field.name]
        if field.name == "date" and value is not None:
            value = dt.date.fromisoformat(str(value))
        values[field.name] = value
    return Article(**values)


def failure_of(text: str) -> Failure:
    """The Failure a row's `failure` column holds."""
    source, code, message = json.loads(text)
    return Failure(source, code, message)


def _parquet(path: str, options: ExtractOptions) -> Iterator[Article | Failure]:
    """Articles of a Parquet file of records (the JSONL records' columns: text,
    title, source, date, url, ...), read as `ingest` reads those records."""
    import pyarrow.parquet as pq

    ctx = RecordContext(path, path, None, options.min_words, options.max_bytes, options.max_lines)
    line = 0
    for batch in pq.ParquetFile(path).iter_batches(batch_size=1024):
        for record in batch.to_pylist():
            line += 1
            clean = {k: v.isoformat() if isinstance(v, dt.date) else v for k, v in record.items()}
            yield from record_articles(clean, f"row {line}", f"{path}:{line}", ctx)


def _items(path: str, options: ExtractOptions) -> Iterator[Article | Failure]:
    if path.endswith(".parquet"):
        return _parquet(path, options)
    return iter_articles([path], options)


def items_of(path: str, options: ExtractOptions, models: Models) -> Iterator[Article | Failure]:
    """The articles and failures of one shard, in order, as `ingest` reads them: an
    article whose language the markers left undetermined is settled by the model
    (a French page is then stored as such, and not clustered)."""
    return settled(_items(path, options), models)

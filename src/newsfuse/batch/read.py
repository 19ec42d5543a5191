"""Sharded input for the batch: one task per input file, rows in ingest's order.

Each shard (a JSONL(.gz) dump, a feed, a folder's file) is extracted by the same
`newsfuse.extract.iter_articles` that `ingest` runs (a Parquet file of records by
the same record reader ingest's JSONL goes through), in a worker, so the batch and
the single process read the same articles. Every row carries its shard number and
its place in the shard; `with_positions` turns them into one arrival order (the
order `ingest` would see the same files in) from per-shard counts, without
bringing the rows to the driver.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import glob
import json
from collections.abc import Iterator, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import ray.data

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


def _extract(
    item: dict[str, Any], options: ExtractOptions, models: Models | None
) -> list[dict[str, Any]]:
    empty = {f.name: None for f in dataclasses.fields(Article) if f.name not in _SKIP}
    rows: list[dict[str, Any]] = []
    items = _items(str(item["path"]), options)
    # as ingest: an article whose language the markers left undetermined is settled
    # by the model (a French page is then stored as such, and not clustered)
    found_items = settled(items, models) if models is not None else items
    for seq, found in enumerate(found_items):
        where = {"shard": item["shard"], "seq": seq}
        if isinstance(found, Failure):  # same columns, so every block has one schema
            failure = json.dumps([found.source, found.code, found.message])
            rows.append({**where, "failure": failure, **empty})
        else:
            rows.append({**where, "failure": None, **article_row(found)})
    return rows


def read(
    paths: Sequence[str], options: ExtractOptions, models: Models | None = None
) -> ray.data.Dataset:
    """Rows of every article and failure of `paths` (shard, seq, failure, fields);
    with `models`, languages settled as `ingest` settles them."""
    items = [{"shard": k, "path": p} for k, p in enumerate(paths)]
    shards = ray.data.from_items(items, override_num_blocks=max(1, len(items)))
    return shards.flat_map(partial(_extract, options=options, models=models))


def _positioned(batch: pa.Table, offsets: np.ndarray) -> pa.Table:
    # Arrow batches, not numpy: an all-null text column would come back as NaN
    shard = batch.column("shard").to_numpy().astype(np.int64)
    seq = batch.column("seq").to_numpy().astype(np.int64)
    return batch.append_column("position", pa.array(offsets[shard] + seq, pa.int64()))


def with_positions(rows: ray.data.Dataset, shards: int) -> ray.data.Dataset:
    """`rows` with a global arrival `position`: the shard's offset (the rows of all
    shards before it, from a count per shard) plus the row's place in its shard."""
    counts = np.zeros(shards, dtype=np.int64)
    for row in rows.groupby("shard", num_partitions=1).count().iter_rows():
        counts[int(row["shard"])] = int(row["count()"])
    offsets = np.concatenate([[0], np.cumsum(counts)[:-1]])
    positioned = rows.map_batches(partial(_positioned, offsets=offsets), batch_format="pyarrow")
    return positioned


def first_positions(rows: ray.data.Dataset) -> np.ndarray:
    """Sorted positions of the articles of `rows` whose content id is seen there for
    the first time (ids and positions only reach the driver: ~50 bytes an article)."""
    cols = rows.filter(_is_article).select_columns(["id", "position"])
    parts = list(cols.iter_batches(batch_format="pyarrow"))
    if not parts:
        return np.zeros(0, dtype=np.int64)
    table = pa.concat_tables(parts).sort_by("position")
    _, first = np.unique(
        np.asarray(table.column("id").to_pylist(), dtype=object), return_index=True
    )
    return np.sort(table.column("position").to_numpy()[first]).astype(np.int64)


def _keep(batch: pa.Table, positions: np.ndarray) -> pa.Table:
    mask = np.isin(batch.column("position").to_numpy(), positions)
    return batch.filter(pa.array(mask))


def keep_positions(rows: ray.data.Dataset, positions: np.ndarray) -> ray.data.Dataset:
    """The rows of `rows` at `positions` (sorted), filtered in the workers."""
    return rows.map_batches(partial(_keep, positions=positions), batch_format="pyarrow")


def articles_once(rows: ray.data.Dataset) -> ray.data.Dataset:
    """The articles of `rows`, each content id once at its first position: a text
    repeated across shards is "already present" in `ingest`, never a copy."""
    return keep_positions(rows, first_positions(rows))


def _is_article(row: dict[str, Any]) -> bool:
    return row["failure"] is None

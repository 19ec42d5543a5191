"""Readers for the benchmark schemas of ../shared/README.md and the protocol's sample.

Summarization files hold one cluster per line ({"id", "documents", "summaries"}),
clustering files one article per line ({"id", ..., "cluster"}); both may be
gzipped. Documents become Articles through the same constructor as production,
so the baselines and newsfuse see identical sentences.
"""

from __future__ import annotations

import gzip
import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, TypeVar

from newsfuse.articles import make_article
from newsfuse.config import ExtractOptions
from newsfuse.errors import NewsfuseError
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.types import Article

T = TypeVar("T")


@dataclass(frozen=True)
class Document:
    """One source document of a summarization cluster."""

    text: str
    title: str | None = None
    source: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class SummaryCluster:
    """A summarization example: its documents and its human summaries."""

    id: str
    documents: tuple[Document, ...]
    summaries: tuple[str, ...]


@dataclass(frozen=True)
class ClusteringRecord:
    """One article of a clustering benchmark with its gold story label."""

    id: str
    text: str
    cluster: str
    title: str | None = None
    source: str | None = None
    date: str | None = None
    lang: str | None = None


def iter_jsonl(path: Path | str) -> Iterator[dict[str, Any]]:
    """JSON objects of a `.jsonl` or `.jsonl.gz` file, skipping blank lines."""
    path = Path(path)
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if not line.strip():
                continue
            record = json.loads(line)
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: expected a JSON object")
            yield record


def open_output(path: Path) -> IO[str]:
    """A text file for writing, gzipped when the name ends in .gz; parents created."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.suffix == ".gz":
        return gzip.open(path, "wt", encoding="utf-8")
    return path.open("w", encoding="utf-8")


def _opt_str(value: object) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _document(raw: dict[str, Any]) -> Document:
    return Document(
        text=str(raw.get("text") or ""),
        title=_opt_str(raw.get("title")),
        source=_opt_str(raw.get("source")),
        date=_opt_str(raw.get("date")),
    )


def read_summary_clusters(path: Path | str, limit: int | None = None) -> list[SummaryCluster]:
    """Clusters of a summarization file in file order (the first `limit` if given)."""
    out: list[SummaryCluster] = []
    for raw in iter_jsonl(path):
        if limit is not None and len(out) >= limit:
            break
        out.append(
            SummaryCluster(
                id=str(raw["id"]),
                documents=tuple(_document(d) for d in raw.get("documents") or ()),
                summaries=tuple(str(s) for s in raw.get("summaries") or ()),
            )
        )
    return out


def read_clustering_records(path: Path | str) -> list[ClusteringRecord]:
    """Articles of a clustering file, in file order (the order they are processed in)."""
    return [
        ClusteringRecord(
            id=str(raw["id"]),
            text=str(raw.get("text") or ""),
            cluster=str(raw["cluster"]),
            title=_opt_str(raw.get("title")),
            source=_opt_str(raw.get("source")),
            date=_opt_str(raw.get("date")),
            lang=_opt_str(raw.get("lang")),
        )
        for raw in iter_jsonl(path)
    ]


def to_article(
    text: str,
    source: str,
    title: str | None = None,
    outlet: str | None = None,
    date: str | None = None,
) -> Article:
    """An Article exactly as production ingest makes one from a JSON record.

    Goes through `extract.jsonrecords.record_article`, so the same cleaning
    applies (furniture lines, a leading dateline as in Wikinews). A text that
    ingest would refuse (empty, under min_words) is kept raw instead: every
    benchmark item must get a summary sentence pool or a cluster label.
    """
    record = {"text": text, "title": title, "source": outlet, "date": date}
    options = ExtractOptions()
    context = RecordContext(source, source, None, options.min_words, options.max_bytes)
    try:
        return record_article(record, source, context)
    except NewsfuseError:
        return make_article(body=text, title=title, outlet=outlet, source=source)


def document_article(document: Document, cluster_id: str, index: int) -> Article:
    """Article of the `index`-th document of a cluster, sourced "<cluster id>#<index>"."""
    return to_article(
        document.text, f"{cluster_id}#{index}", document.title, document.source, document.date
    )


def cluster_articles(cluster: SummaryCluster) -> list[Article]:
    """A summarization cluster's documents as Articles, in document order."""
    return [document_article(d, cluster.id, i) for i, d in enumerate(cluster.documents)]


def clustering_article(record: ClusteringRecord) -> Article:
    """A clustering record as an Article; its gold label is not part of it."""
    return to_article(record.text, record.id, record.title, record.source, record.date)


def sample(records: Sequence[T], n: int, seed: int = 0) -> list[T]:
    """The protocol's "seed-`seed` sample": `n` records, kept in file order.

    Defined as `sorted(random.Random(seed).sample(range(len(records)), n))`
    indices; all of `records` when `n >= len(records)`.
    """
    if n >= len(records):
        return list(records)
    return [records[i] for i in sorted(random.Random(seed).sample(range(len(records)), n))]

"""Annotations that point into ../shared instead of copying its text.

Multi-News (non-commercial research licence) and gva_dev (articles owned by their
publishers) may not be bundled in the project, yet hand annotations of them (brief
sentences, quotes, differing phrases, timeline events) need their words. So an annotation
file under tests/data stores each such text as a reference:

    {"$excerpt": [PART, ...], "sha1": "<first 12 hex of sha1 of the text>"}

where a PART is either [SOURCE, start, end] (characters start:end of one text of a
record of ../shared) or a literal string (the annotator's own glue, such as "[1] vs",
never 8 words of a source). SOURCE is "<dataset>/<record id>/<field>", e.g.
"gva_dev/04dc8ec4.../text" or "multinews_fulltext/multinews-longbench-test-4180#2/title"
or "multinews_fulltext/multinews-longbench-test-4180/summary/0". Resolving joins the
parts and checks the hash, so a changed source fails loudly instead of scoring against
the wrong words. A record holding no reference is returned as it is.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REF = "$excerpt"
DATASETS = {
    "gva_dev": "data/clustering/gva_dev.jsonl.gz",
    "multinews_fulltext": "data/summarization/multinews_fulltext.test.jsonl.gz",
}
ROOT = Path(__file__).resolve().parents[3]


class MissingSource(FileNotFoundError):
    """The annotations reference ../shared, which is absent or changed."""


def digest(text: str) -> str:
    """The short hash stored beside a reference: enough to notice drift, not to recover text."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def default_shared() -> Path:
    """../shared beside the project root, or $NEWSFUSE_SHARED."""
    return Path(os.environ.get("NEWSFUSE_SHARED") or ROOT.parent / "shared")


def near(source: Path) -> Excerpts:
    """Excerpts from the ../shared that holds `source` (".../data/<kind>/<file>"), so an
    evaluation given ../shared/data/clustering/gva_dev.jsonl.gz resolves its annotations
    from that same copy; else from default_shared()."""
    parents = source.resolve().parents
    if len(parents) > 2 and parents[1].name == "data":
        return Excerpts(parents[2])
    return Excerpts()


def _record_texts(dataset: str, record: dict[str, Any]) -> Iterator[tuple[str, str]]:
    """(source key, text) of one record: an article's title and text, or a Multi-News
    cluster's documents (as "<cluster>#<index>") and summaries."""
    rid = str(record.get("id"))
    if "documents" not in record:
        for field in ("title", "text"):
            if isinstance(record.get(field), str):
                yield f"{dataset}/{rid}/{field}", record[field]
        return
    for n, doc in enumerate(record["documents"]):
        for field in ("title", "text"):
            if isinstance(doc.get(field), str):
                yield f"{dataset}/{rid}#{n}/{field}", doc[field]
    for n, summary in enumerate(record.get("summaries") or []):
        yield f"{dataset}/{rid}/summary/{n}", summary


class Excerpts:
    """The referenced texts of ../shared, each dataset read once per instance (make one
    per evaluation run or test session and pass it down)."""

    def __init__(self, shared: Path | None = None) -> None:
        self.shared = shared or default_shared()
        self._texts: dict[str, str] = {}
        self._loaded: set[str] = set()

    def _load(self, dataset: str) -> None:
        path = self.shared / DATASETS[dataset]
        if not path.exists():
            raise MissingSource(f"{path} not found: these annotations reference its text")
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                if line.strip():
                    self._texts.update(_record_texts(dataset, json.loads(line)))
        self._loaded.add(dataset)

    def texts(self, dataset: str) -> dict[str, str]:
        """Every text of a dataset by source key (reads it on first use)."""
        if dataset not in self._loaded:
            self._load(dataset)
        return {k: v for k, v in self._texts.items() if k.startswith(dataset + "/")}

    def text(self, key: str) -> str:
        dataset = key.split("/", 1)[0]
        if dataset not in DATASETS:
            raise MissingSource(f"unknown dataset in reference {key!r}")
        if dataset not in self._loaded:
            self._load(dataset)
        if key not in self._texts:
            raise MissingSource(f"{key!r} not in {DATASETS[dataset]}")
        return self._texts[key]

    def span(self, key: str, start: int, end: int, sha1: str) -> str:
        """One referenced span, checked (a test's sentence of a source that may not be
        bundled)."""
        return str(self.resolve({REF: [[key, start, end]], "sha1": sha1}))

    def resolve(self, value: Any) -> Any:
        """`value` with every reference replaced by its text (lists and dicts walked)."""
        if isinstance(value, list):
            return [self.resolve(item) for item in value]
        if not isinstance(value, dict):
            return value
        if REF not in value:
            return {key: self.resolve(item) for key, item in value.items()}
        parts = [p if isinstance(p, str) else self.text(p[0])[p[1] : p[2]] for p in value[REF]]
        text = "".join(parts)
        if digest(text) != value["sha1"]:
            raise MissingSource(f"reference {value[REF]!r} no longer matches its text (sha1)")
        return text


def has_references(value: Any) -> bool:
    """Whether any reference occurs in `value` (then ../shared is needed to read it)."""
    if isinstance(value, list):
        return any(has_references(item) for item in value)
    if isinstance(value, dict):
        return REF in value or any(has_references(item) for item in value.values())
    return False


def load_annotations(path: Path | str, excerpts: Excerpts | None = None) -> list[dict[str, Any]]:
    """The records of an annotation `.jsonl`, references resolved from ../shared.

    Raises MissingSource when the file references ../shared and it is absent; tests skip
    on that through the shared_dir fixture."""
    lines = Path(path).read_text(encoding="utf-8").splitlines()
    raw = [json.loads(line) for line in lines if line.strip()]
    if not has_references(raw):
        return raw
    return [(excerpts or Excerpts()).resolve(record) for record in raw]

"""Find text of Multi-News or gva_dev bundled in the repository (their licences forbid it).

Multi-News is licensed for non-commercial research only and gva_dev's articles belong to
their publishers: ../shared/README.md says neither may be bundled in the project. This
scans files for any run of SHINGLE words (lower-cased, punctuation dropped, so Multi-News's
tokenizer spacing and curly quotes do not hide a copy) that also occurs in those sources,
and prints file:line for each hit. For the annotation files (.jsonl) it also looks up
every literal string, exactly, in the record it annotates and prints any run of PHRASE or
more words found there ("[phrase]": shorter than a shingle, listed for reading).
The sources' shingles are never stored: the scanned files' shingles are hashed into a
small table and the sources are streamed against it.

    python scripts/audit_bundled_text.py [--shared ../shared] [PATH ...]

Exit status 1 when a shingle is found.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHINGLE = 8
SOURCES = (
    "data/summarization/multinews.train.jsonl.gz",
    "data/summarization/multinews.val.jsonl.gz",
    "data/summarization/multinews.test.jsonl.gz",
    "data/summarization/multinews_fulltext.test.jsonl.gz",
    "data/clustering/multinews_val_pooled.jsonl.gz",
    "data/clustering/multinews_test_pooled.jsonl.gz",
    "data/clustering/gva_dev.jsonl.gz",
)
# Text these may bundle (Wikinews CC BY 2.5, the seeds) or that the quote dev sets annotate
# (WikiRef220): a span they share with Multi-News is theirs, not a copy of Multi-News.
ALLOWED = (
    "data/summarization/wikinews_multiling2011.jsonl",
    "data/clustering/wikinews_pooled.jsonl",
    "data/clustering/wikiref220.jsonl.gz",
    "seeds",
)
SCANNED = ("tests", "examples", "src", "docs")
SUFFIXES = {".py", ".md", ".txt", ".json", ".jsonl", ".tsv", ".csv", ".html", ".xml", ".rst"}
WORD = re.compile(r"[^\W_]+")


def words(text: str) -> list[str]:
    """Lower-cased word tokens: punctuation, spacing and quote styles do not matter."""
    return WORD.findall(text.lower())


def shingles(text: str, size: int = SHINGLE) -> Iterator[int]:
    """Hashes of every run of `size` consecutive words (runs of mostly one word skipped)."""
    tokens = words(text)
    for i in range(len(tokens) - size + 1):
        window = tokens[i : i + size]
        if len(set(window)) < size // 2:  # not "0 0 0 0 ..." table cells or "b b b b ..."
            continue
        if all(token.isdigit() for token in window):  # a label list "[0, 1, 2, ... 7]"
            continue
        yield hash(" ".join(window))


def _texts(record: dict[str, Any]) -> Iterator[str]:
    """Every text of a Multi-News cluster (documents, titles, summaries) or gva article."""
    for key in ("title", "text"):
        value = record.get(key)
        if isinstance(value, str):
            yield value
    for doc in record.get("documents") or []:
        yield from _texts(doc)
    yield from record.get("summaries") or []


def source_texts(shared: Path) -> Iterator[tuple[str, str]]:
    """(source file name, text) over every Multi-News and gva_dev record."""
    for name in SOURCES:
        path = shared / name
        if not path.exists():
            continue
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            for line in lines:
                for text in _texts(json.loads(line)):
                    yield path.name, text


def allowed_shingles(shared: Path) -> set[int]:
    """Shingles of the sources that may be bundled or are annotated in their own right."""
    allowed: set[int] = set()
    for name in ALLOWED:
        path = shared / name
        if path.is_dir():
            for file in sorted(path.glob("*.txt")):
                allowed.update(shingles(file.read_text(encoding="utf-8")))
        elif path.exists():
            opener = gzip.open if path.suffix == ".gz" else open
            with opener(path, "rt", encoding="utf-8") as lines:
                for line in lines:
                    for text in _texts(json.loads(line)):
                        allowed.update(shingles(text))
    return allowed


def scanned_files(paths: Iterable[Path]) -> Iterator[Path]:
    """Text files under the given paths (code, data, documentation)."""
    for path in paths:
        if path.is_file():
            yield path
        elif path.is_dir():
            yield from (p for p in sorted(path.rglob("*")) if p.suffix in SUFFIXES and p.is_file())


def audit(paths: Iterable[Path], shared: Path) -> list[tuple[Path, int, str, str]]:
    """(file, line, source name, the line's start) for each line sharing a shingle with
    Multi-News or gva_dev that no allowed source (ALLOWED) holds."""
    where: dict[int, list[tuple[Path, int]]] = {}
    lines: dict[tuple[Path, int], str] = {}
    allowed = allowed_shingles(shared)
    for path in scanned_files(paths):
        for number, line in enumerate(
            path.read_text(encoding="utf-8", errors="replace").splitlines(), 1
        ):
            for h in set(shingles(line)) - allowed:
                where.setdefault(h, []).append((path, number))
                lines[path, number] = line
    hits: dict[tuple[Path, int], str] = {}
    for name, text in source_texts(shared):
        for h in shingles(text):
            for place in where.get(h, ()):
                hits.setdefault(place, name)
    return [(p, n, src, lines[p, n][:100]) for (p, n), src in sorted(hits.items())]


PHRASE = 5  # words: a shorter run (a name, "critical condition") is a fact, not a copy


def _strings(value: Any) -> Iterator[str]:
    """The literal strings of an annotation record (a reference's glue included)."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, dict):
        for item in value.values():
            if not (isinstance(item, list) and len(item) == 3 and isinstance(item[1], int)):
                yield from _strings(item)


def _longest_run(text: str, sources: list[str]) -> str:
    """The longest run of whole words of `text` found verbatim in one of `sources`."""
    tokens, best = text.split(), ""
    for i in range(len(tokens)):
        for j in range(len(tokens), i + len(best.split()), -1):
            run = " ".join(tokens[i:j])
            if any(run in source for source in sources):
                best = run
                break
    return best


def phrase_hits(files: Iterable[Path], shared: Path) -> list[tuple[Path, int, str]]:
    """(file, line, phrase): a run of PHRASE or more words of an annotation's literal text
    found verbatim in the record it annotates (exact lookup, so shorter than a shingle)."""
    spec = importlib.util.spec_from_file_location(
        "convert", Path(__file__).with_name("convert_excerpts.py")
    )
    assert spec and spec.loader
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    from newsfuse.evaluation.excerpts import Excerpts

    sources = convert.Sources(Excerpts(shared))
    hits = []
    for path in files:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            record = json.loads(line) if line.strip() else {}
            texts = [t for _, t in sources.candidates(record)]
            for string in _strings(record) if texts else ():
                run = _longest_run(string, texts)
                if len(run.split()) >= PHRASE:
                    hits.append((path, number, run))
    return hits


def _shown(path: Path) -> Path:
    path = path.resolve()
    return path.relative_to(ROOT) if path.is_relative_to(ROOT) else path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("paths", type=Path, nargs="*", default=[ROOT / d for d in SCANNED])
    args = parser.parse_args(argv)
    if not (args.shared / SOURCES[-1]).exists():
        print(f"no sources under {args.shared}", file=sys.stderr)
        return 2
    annotations = [p for d in args.paths for p in scanned_files([d]) if p.suffix == ".jsonl"]
    for path, number, phrase in phrase_hits(annotations, args.shared):
        print(f"{_shown(path)}:{number}: [phrase] {phrase}")
    found = audit(args.paths, args.shared)
    for path, number, source, line in found:
        print(f"{_shown(path)}:{number}: [{source}] {line}")
    print(
        f"{len(found)} lines share a {SHINGLE}-word span with Multi-News or gva_dev",
        file=sys.stderr,
    )
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())

"""Replace Multi-News and gva_dev text in tests/data annotations by references (run once).

Each text field of an annotation (a brief sentence, its context, a headline, a quote, a
differing phrase, a judged summary, a timeline expression) is cut greedily into the
longest pieces that occur verbatim in a text of the record it annotates (its gva incident's
articles, or its Multi-News cluster's documents and summaries); each piece becomes
[source, start, end] (newsfuse.evaluation.excerpts), and what no source holds (the
annotator's glue, "[1] vs", an ellipsis) stays literal. Before a file is rewritten, its
converted records are resolved again and compared with the originals: any difference
stops the script.

    python scripts/convert_excerpts.py [--shared ../shared] tests/data/FILE.jsonl ...
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path
from typing import Any

from newsfuse.evaluation.excerpts import DATASETS, REF, Excerpts, digest

FIELDS = {"headline", "text", "before", "references", "key", "values", "summary"}
FIELDS |= {"expression", "sentence_start", "quotes"}
MIN_PIECE = 3  # a shorter match is left literal: it would say nothing about the source


class Sources:
    """gva incidents and Multi-News clusters: the texts a record may quote."""

    def __init__(self, excerpts: Excerpts) -> None:
        self.gva = excerpts.texts("gva_dev")
        self.mn = excerpts.texts("multinews_fulltext")
        self.incident: dict[str, str] = {}
        with gzip.open(excerpts.shared / DATASETS["gva_dev"], "rt", encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                self.incident[record["id"]] = record["cluster"]
        self.members: dict[str, list[str]] = {}
        for rid, cluster in self.incident.items():
            self.members.setdefault(cluster, []).append(rid)

    def _multinews(self, value: str) -> list[tuple[str, str]]:
        """A cluster's documents and summaries, the annotated document first."""
        cluster = "multinews_fulltext/" + value.split("#")[0]
        own = f"multinews_fulltext/{value}/"
        found = [(k, t) for k, t in self.mn.items() if k.startswith((cluster + "#", cluster + "/"))]
        return sorted(found, key=lambda kt: not kt[0].startswith(own))

    def _gva(self, cluster: str, value: str) -> list[tuple[str, str]]:
        """An incident's articles (texts, titles), the annotated article first."""
        ids = sorted(self.members[cluster], key=lambda rid: rid != value)
        keys = [f"gva_dev/{rid}/{field}" for rid in ids for field in ("text", "title")]
        return [(key, self.gva[key]) for key in keys if key in self.gva]

    def candidates(self, record: dict[str, Any]) -> list[tuple[str, str]]:
        """(key, text) the record's texts may come from; empty when not ours to convert
        (Wikinews and WikiRef records keep their text: they may be bundled)."""
        for field in ("incident", "id", "file"):
            value = str(record.get(field, ""))
            if value.startswith("multinews-longbench-test-"):
                return self._multinews(value)
            cluster = value if value.startswith("gva-") else self.incident.get(value)
            if cluster:
                return self._gva(cluster, value)
        return []


def _longest(text: str, start: int, sources: list[tuple[str, str]]) -> tuple[int, list[Any] | None]:
    """The longest prefix of text[start:] found in a source: (its end, [key, s, e])."""
    best_end, best = start, None
    for key, source in sources:
        lo, hi = best_end + 1, len(text)
        if lo > hi:
            break
        if text[start:lo] not in source:
            continue
        while lo < hi:  # the largest end whose prefix occurs (occurrence is monotone)
            mid = (lo + hi + 1) // 2
            if text[start:mid] in source:
                lo = mid
            else:
                hi = mid - 1
        at = source.find(text[start:lo])
        best_end, best = lo, [key, at, at + lo - start]
    return best_end, best


def reference(text: str, sources: list[tuple[str, str]]) -> Any:
    """`text` as a reference, or itself when no source holds a piece of it."""
    parts: list[Any] = []
    i = 0
    while i < len(text):
        end, ref = _longest(text, i, sources)
        if ref is None or end - i < MIN_PIECE:
            if parts and isinstance(parts[-1], str):
                parts[-1] += text[i]
            else:
                parts.append(text[i])
            i += 1
        else:
            parts.append(ref)
            i = end
    if all(isinstance(p, str) for p in parts):
        return text
    return {REF: parts, "sha1": digest(text)}


def convert(value: Any, sources: list[tuple[str, str]], inside: bool = False) -> Any:
    """The record with every string under a text field referenced."""
    if isinstance(value, str):
        return reference(value, sources) if inside and value else value
    if isinstance(value, list):
        return [convert(item, sources, inside) for item in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            here = inside or key in FIELDS
            out[key] = convert(item, sources, here and key not in {"speaker", "kind"})
        return out
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=None)
    parser.add_argument("files", type=Path, nargs="+")
    args = parser.parse_args(argv)
    excerpts = Excerpts(args.shared)
    sources = Sources(excerpts)
    for path in args.files:
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        old = [json.loads(line) for line in lines]
        new = [convert(record, sources.candidates(record)) for record in old]
        back = [excerpts.resolve(json.loads(json.dumps(record))) for record in new]
        if back != old:
            bad = sum(a != b for a, b in zip(back, old, strict=True))
            print(f"{path}: {bad} records do not round-trip; left unchanged", file=sys.stderr)
            return 1
        refs = sum(json.dumps(r).count(REF) for r in new)
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in new)
        path.write_text(text, encoding="utf-8")
        print(f"{path}: {len(old)} records round-trip exactly; {refs} texts now references")
    return 0


if __name__ == "__main__":
    sys.exit(main())

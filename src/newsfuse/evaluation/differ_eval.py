"""Score "where sources differ" against hand annotations (tests/data/differ_gva_*.jsonl).

    python -m newsfuse.evaluation.differ_eval tests/data/differ_gva_dev.jsonl \
        ../shared/data/clustering/gva_dev.jsonl.gz [--show]

Each annotated incident is analysed as one story (its articles in file order, as the
CLI reads them). An annotated difference is *found* when one listed item cites both of
its articles and holds both phrases, in its summary or in the cited sentences (words,
case-insensitive). A listed item is *real* when it finds an annotated difference, or
is a single-source item whose cited sentence holds an annotated key phrase of that
article; anything else (a detail I did not list, furniture, a contrast inside one
article) counts against precision, so it is a strict lower bound. `--show` prints every
item with its verdict, for reading (tests/data/differ_guidelines.md).
"""

from __future__ import annotations

import argparse
import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsfuse.analyze.dossier import Analyzer
from newsfuse.evaluation.excerpts import Excerpts, load_annotations, near
from newsfuse.evaluation.quote_eval import jsonl_articles
from newsfuse.types import Article, Comparison


@dataclass(frozen=True)
class DifferScores:
    listed: int
    real: int
    precision: float
    differences: int
    found: int
    recall: float
    cross_listed: int  # items citing two or more articles
    single_listed: int


def _holds(text: str, phrase: str) -> bool:
    """The phrase's words in order in the text, case-insensitive, at word boundaries."""
    words = [re.escape(w) for w in phrase.lower().split()]
    return re.search(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", text.lower()) is not None


def load(path: Path, excerpts: Excerpts | None = None) -> list[dict[str, Any]]:
    """The annotated incidents (or judged rows) of one file, their phrases resolved from
    ../shared: the annotations store references, not the sources' text (excerpts)."""
    return load_annotations(path, excerpts)


def incident_articles(source: Path) -> dict[str, list[Article]]:
    """Articles grouped by story, in file order: a gva incident (gold cluster) of its
    records, or a Multi-News cluster of its documents ("cluster#k")."""
    import gzip

    with gzip.open(source, "rt", encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    cluster = {r["id"]: r.get("cluster", r["id"]) for r in records}
    by_id = jsonl_articles(source)
    out: dict[str, list[Article]] = {}
    for rid, article in by_id.items():
        out.setdefault(cluster[rid.split("#")[0]], []).append(article)
    for articles in out.values():
        articles.sort(key=lambda a: _position(a.source))
    return out


def _position(source: str) -> tuple[int, int]:
    """(line, document) of an article's source "path:line" or "path:line#k"."""
    line, _, doc = source.rsplit(":", 1)[1].partition("#")
    return int(line), int(doc or 0)


def _record_ids(source: Path) -> dict[str, str]:
    """Article id -> record id."""
    return {a.id: rid for rid, a in jsonl_articles(source).items()}


def _cited(item: Comparison, sentences: dict[str, str], rid: dict[str, str]) -> dict[str, str]:
    """Record id -> the text an item cites of that article (its sentences, joined)."""
    out: dict[str, str] = {}
    for c in item.citations:
        key = rid.get(c.article_id, c.article_id)
        out[key] = out.get(key, "") + " " + sentences.get(c.sentence_id, "")
    return out


def finds(item: Comparison, diff: dict[str, Any], cited: dict[str, str]) -> bool:
    """Does a listed item find one annotated difference?"""
    values: dict[str, str] = diff["values"]
    if not set(values) <= set(cited):
        return False
    return all(_holds(item.summary, v) or _holds(cited[a], v) for a, v in values.items())


def judge(
    item: Comparison, incident: dict[str, Any], cited: dict[str, str]
) -> tuple[bool, int | None]:
    """(real?, index of the difference it finds)."""
    diffs = list(enumerate(incident["differences"]))
    by_summary = [d for d in diffs if all(_holds(item.summary, v) for v in d[1]["values"].values())]
    for n, diff in by_summary + diffs:  # the difference the summary names, first
        if len(cited) >= 2 and finds(item, diff, cited):
            return True, n
    if item.kind == "single_source" and len(cited) == 1:
        (aid, text), *_ = cited.items()
        keys = [s["key"] for s in incident["single_source"] if s["article"] == aid]
        return any(_holds(text, k) for k in keys), None
    return False, None


def evaluate(
    gold_path: Path, source: Path, analyzer: Analyzer | None = None, show: bool = False
) -> DifferScores:
    """Scores of compare_outlets over the annotated incidents of one file."""
    analyzer = analyzer or Analyzer()
    incidents = load(gold_path, near(source))
    stories = incident_articles(source)
    rid = _record_ids(source)
    listed = real = found = differences = cross = 0
    for incident in incidents:
        articles = stories[incident["incident"]]
        sentences = {s.id: s.text for a in articles for s in a.sentences}
        dossier = analyzer.analyze(incident["incident"], articles)
        hit: set[int] = set()
        for item in dossier.comparisons:
            cited = _cited(item, sentences, rid)
            ok, n = judge(item, incident, cited)
            listed, real, cross = listed + 1, real + ok, cross + (len(cited) >= 2)
            if n is not None:
                hit.add(n)
            if show:
                verdict = "REAL" if ok else "no"
                print(f"{incident['incident']}\t{verdict}\t{item.kind}\t{item.summary}")
        differences += len(incident["differences"])
        found += len(hit)
        if show:
            for n, diff in enumerate(incident["differences"]):
                if n not in hit:
                    print(f"{incident['incident']}\tMISSED\t{diff['what']}\t{diff['values']}")
    return DifferScores(
        listed=listed,
        real=real,
        precision=real / listed if listed else 1.0,
        differences=differences,
        found=found,
        recall=found / differences if differences else 1.0,
        cross_listed=cross,
        single_listed=listed - cross,
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Print the scores as JSON (with --show, every item and missed difference first)."""
    parser = argparse.ArgumentParser(description="Score where-sources-differ items.")
    parser.add_argument("gold", type=Path, help="annotations (tests/data/differ_gva_*.jsonl)")
    parser.add_argument("articles", type=Path, help="gva_dev.jsonl.gz or multinews_fulltext")
    parser.add_argument("--show", action="store_true", help="print every item and its verdict")
    args = parser.parse_args(argv)
    scores = evaluate(args.gold, args.articles, show=args.show)
    print(json.dumps(scores.__dict__, indent=2))


if __name__ == "__main__":
    main()

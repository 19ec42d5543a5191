"""Score a story's timeline against events judged by reading (tests/data/timeline_*_judged.jsonl).

(Both files hold references into ../shared for their Multi-News and gva_dev text:
evaluation.excerpts resolves them from the ../shared that holds the articles file.)

    python -m newsfuse.evaluation.timeline_eval tests/data/differ_gva_fresh2.jsonl \
        ../shared/data/clustering/gva_dev.jsonl.gz \
        --judged tests/data/timeline_gva_fresh2_judged.jsonl

Why judged output and not annotations: whether an event "belongs to the story" is a
judgement on each event the system lists (an event of the incident, its people and
place; not statistics, not other incidents a report recalls), and whether its date is
right is read against the article's date. So the system's events are dumped once
(`--dump`), read and judged by hand, and later runs are scored against those
judgements: an event is matched by (incident, expression, start of its sentence); an
event no judgement matches is counted as unjudged and printed, to be read.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from newsfuse.analyze.dossier import Analyzer
from newsfuse.evaluation.differ_eval import incident_articles, load
from newsfuse.evaluation.excerpts import near

_START = 60  # characters of the sentence that identify an event with its expression


def events(gold: Path, source: Path, analyzer: Analyzer | None = None) -> list[dict[str, Any]]:
    """Every timeline event of the annotated stories, as judged-file rows (no verdict)."""
    analyzer = analyzer or Analyzer()
    stories = incident_articles(source)
    out = []
    for incident in load(gold, near(source)):
        name = incident["incident"]
        for e in analyzer.analyze(name, stories[name]).timeline:
            out.append(
                {
                    "incident": name,
                    "date": e.date.isoformat(),
                    "precision": e.precision,
                    "article": e.citation.article_id[:16],
                    "expression": e.expression,
                    "sentence_start": e.text[:_START],
                }
            )
    return out


def _key(row: dict[str, Any]) -> tuple[str, str, str, str]:
    """An event is its incident, expression, sentence start and date: a judgement of a
    date does not carry over to a re-dated event (printed as unjudged, to be read)."""
    return row["incident"], row["expression"], row["sentence_start"][:_START], row["date"]


def score(rows: list[dict[str, Any]], judged: list[dict[str, Any]]) -> dict[str, Any]:
    """Shares of events that belong and of dates right, over the judged events."""
    verdicts = {_key(j): j for j in judged}
    hits = [verdicts[_key(r)] for r in rows if _key(r) in verdicts]
    belongs = sum(bool(j["belongs"]) for j in hits)
    dates = sum(bool(j["date_right"]) for j in hits)
    return {
        "events": len(rows),
        "judged": len(hits),
        "unjudged": len(rows) - len(hits),
        "belongs": belongs / len(hits) if hits else 1.0,
        "dates_right": dates / len(hits) if hits else 1.0,
    }


def main(argv: Sequence[str] | None = None) -> None:
    """Dump the events (--dump) or score them against a judged file."""
    parser = argparse.ArgumentParser(description="Timeline events judged by reading.")
    parser.add_argument("gold", type=Path, help="the stories (tests/data/differ_*.jsonl)")
    parser.add_argument("articles", type=Path, help="gva_dev.jsonl.gz or multinews_fulltext")
    parser.add_argument("--judged", type=Path, help="tests/data/timeline_*_judged.jsonl")
    parser.add_argument("--dump", action="store_true", help="print the events as JSONL")
    args = parser.parse_args(argv)
    rows = events(args.gold, args.articles)
    if args.dump or args.judged is None:
        for row in rows:
            print(json.dumps(row))
        return
    judged = load(args.judged, near(args.articles))
    known = {_key(j) for j in judged}
    for row in rows:
        if _key(row) not in known:
            print("UNJUDGED", json.dumps(row))
    print(json.dumps(score(rows, judged), indent=2))


if __name__ == "__main__":
    main()

"""Run quote extraction over hand-annotated articles (tests/data/quotes_*.jsonl).

    python -m newsfuse.evaluation.quote_eval tests/data/quotes_gold.jsonl \
        examples/articles/en.wikinews.org
    python -m newsfuse.evaluation.quote_eval tests/data/quotes_dev3.jsonl \
        ../shared/data/clustering/wikiref220.jsonl.gz --errors

The articles are a directory (a gold "file" is a file name in it) or a JSONL(.gz) file of
article records (a gold "file" is a record's "id"). Records are read as the CLI reads
them (body = the "text" field, title from "title"), so the annotated body is the one the
analysis sees. `--errors` lists missed, spurious and wrongly attributed quotes.
"""

from __future__ import annotations

import argparse
import gzip
import json
from collections.abc import Sequence
from pathlib import Path

from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.config import AnalyzeOptions, ExtractOptions
from newsfuse.evaluation.excerpts import Excerpts, load_annotations, near
from newsfuse.evaluation.quote_metrics import GoldQuote, QuoteScores, quote_errors, score_quotes
from newsfuse.extract import extract_file, iter_articles
from newsfuse.types import Article


def load_gold(path: Path, excerpts: Excerpts | None = None) -> list[tuple[str, list[GoldQuote]]]:
    """(file name or record id, gold quotes) per annotated article; quotes of Multi-News
    and gva_dev are stored as references into ../shared (evaluation.excerpts)."""
    rows = []
    for record in load_annotations(path, excerpts):
        quotes = [GoldQuote(q["text"], q.get("speaker")) for q in record["quotes"]]
        rows.append((record["file"], quotes))
    return rows


def is_jsonl(path: Path) -> bool:
    """A JSONL file of article records rather than a directory of article files."""
    return path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz"))


def jsonl_articles(path: Path) -> dict[str, Article]:
    """Articles of a JSONL(.gz) file by record "id"; a document of a cluster record
    (Multi-News) is "id#k", k its index in "documents". Records without text are skipped."""
    opener = gzip.open if path.name.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as lines:
        ids = {
            n: str(json.loads(line).get("id")) for n, line in enumerate(lines, 1) if line.strip()
        }
    out = {}
    for article in iter_articles([path], ExtractOptions()):
        if not isinstance(article, Article):
            continue
        line, _, doc = article.source.rsplit(":", 1)[1].partition("#")
        out[ids[int(line)] + (f"#{doc}" if doc else "")] = article
    return out


def read_articles(source: Path, names: Sequence[str]) -> list[list[Article]]:
    """The article(s) of each gold name, from a directory or a JSONL file."""
    if is_jsonl(source):
        records = jsonl_articles(source)
        return [[records[name]] for name in names]
    return [extract_file(source / name, ExtractOptions()) for name in names]


def predict(nlp: NLP, articles: list[Article]) -> list[GoldQuote]:
    """Quotes of one article analysed on its own, as (text, speaker)."""
    parsed = nlp.parse(articles)
    entities = extract_entities(parsed)
    return [GoldQuote(q.text, q.speaker) for q in extract_quotes(parsed, entities)]


def _predictions(
    gold_path: Path, articles: Path, nlp: NLP | None
) -> tuple[list[tuple[str, list[GoldQuote]]], list[list[GoldQuote]]]:
    nlp = nlp or NLP(AnalyzeOptions())
    gold = load_gold(gold_path, near(articles))
    texts = read_articles(articles, [name for name, _ in gold])
    return gold, [predict(nlp, arts) for arts in texts]


def evaluate_quotes(gold_path: Path, articles: Path, nlp: NLP | None = None) -> QuoteScores:
    """Scores of the extractor on one annotation file; `articles` is a directory or JSONL."""
    gold, predicted = _predictions(gold_path, articles, nlp)
    return score_quotes([g for _, g in gold], predicted)


def main(argv: Sequence[str] | None = None) -> None:
    """Print the scores as JSON (and, with --errors, one line per error before them)."""
    parser = argparse.ArgumentParser(description="Score quote and speaker extraction.")
    parser.add_argument("gold", type=Path, help="annotations (tests/data/quotes_*.jsonl)")
    parser.add_argument("articles", type=Path, help="article directory or JSONL(.gz) file")
    parser.add_argument("--errors", action="store_true", help="list each error")
    args = parser.parse_args(argv)
    gold, predicted = _predictions(args.gold, args.articles, None)
    if args.errors:
        for (name, g), p in zip(gold, predicted, strict=True):
            for kind, text, want, got in quote_errors(g, p):
                print(f"{name}\t{kind}\t{text[:70]!r}\tgold={want!r}\tgot={got!r}")
    scores = score_quotes([g for _, g in gold], predicted)
    print(json.dumps(scores.__dict__, indent=2))


if __name__ == "__main__":
    main()

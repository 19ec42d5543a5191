"""Run quote extraction over hand-annotated articles (tests/data/quotes_gold.jsonl).

    python -m newsfuse.evaluation.quote_eval tests/data/quotes_gold.jsonl \
        examples/articles/en.wikinews.org
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.config import AnalyzeOptions, ExtractOptions
from newsfuse.evaluation.quote_metrics import GoldQuote, QuoteScores, score_quotes
from newsfuse.extract import extract_file


def load_gold(path: Path) -> list[tuple[str, list[GoldQuote]]]:
    """(file name, gold quotes) per annotated article."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            quotes = [GoldQuote(q["text"], q.get("speaker")) for q in record["quotes"]]
            rows.append((record["file"], quotes))
    return rows


def predict(nlp: NLP, article_path: Path) -> list[GoldQuote]:
    """Quotes of one article analysed on its own, as (text, speaker)."""
    articles = extract_file(article_path, ExtractOptions())
    parsed = nlp.parse(articles)
    entities = extract_entities(parsed)
    return [GoldQuote(q.text, q.speaker) for q in extract_quotes(parsed, entities)]


def evaluate_quotes(gold_path: Path, articles_dir: Path, nlp: NLP | None = None) -> QuoteScores:
    nlp = nlp or NLP(AnalyzeOptions())
    gold = load_gold(gold_path)
    predicted = [predict(nlp, articles_dir / name) for name, _ in gold]
    return score_quotes([g for _, g in gold], predicted)


if __name__ == "__main__":
    scores = evaluate_quotes(Path(sys.argv[1]), Path(sys.argv[2]))
    print(json.dumps(scores.__dict__, indent=2))

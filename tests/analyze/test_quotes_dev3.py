"""The dev3 quote set (issue #6): quotes and speakers hand-annotated in 25 WikiRef220
articles (tests/data/quotes_dev3.jsonl; the articles are read from ../shared, never copied
here, so these tests skip without it), the evaluator's JSONL reader, and a crash it found.

A first set of speaker rules developed on dev3 (branch wip/dev3-speaker-rules) raised dev3
but lowered both held-out sets, and was not merged. The rules here (second attempt, one
test each below) were checked on the fresh dev4 set before the held-out sets; see
docs/tuning.md "Quotes (2026-11-21, second session)"."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import WIKIREF, speakers_of
from newsfuse.analyze.entities import EntityIndex, extract_entities
from newsfuse.analyze.gender import person_genders
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.quotes import quote_segments
from newsfuse.evaluation.quote_eval import evaluate_quotes, jsonl_articles
from newsfuse.evaluation.quote_metrics import GoldQuote, quote_errors
from newsfuse.types import Article

DEV3 = Path(__file__).resolve().parent.parent / "data" / "quotes_dev3.jsonl"


def test_dev3_scores(nlp_pipeline: NLP, shared_dir: Path) -> None:
    # measured 0.873 / 0.960 / 0.840 (precision / recall / speaker accuracy; 0.722 before)
    s = evaluate_quotes(DEV3, shared_dir / WIKIREF, nlp_pipeline)
    assert s.gold == 150
    assert s.precision >= 0.85
    assert s.recall >= 0.94
    assert s.speaker_accuracy >= 0.80


@pytest.mark.parametrize(
    ("aid", "quote", "speaker"),
    [
        # a name the NER ran over a paragraph break ("Jose Mourinho\n\nShevchenko")
        ("premier.league.140", "I am going from one big club t", "Andriy Shevchenko"),
        ("premier.league.140", "Today is a day when the dream ", "Jose Mourinho"),
        # "which said" speaks for the noun it describes: AC Milan's website
        ("premier.league.140", "AC Milan communicates it has c", "AC Milan"),
        # "Obama" is the Obama the article introduced first, not the commoner "Barry Obama"
        ("barack.obama.24", "in a white classmate's sparkli", "Barack Obama"),
        # "Prof Hawking" (a name the NER missed) is the article's one Hawking
        ("stephen.hawking.275", "It has become my trademark, an", "Stephen Hawking"),
        # the parse made "called" modify the apposition "Germany's finance minister"
        ("greek.elections.113", "forge ahead", "Wolfgang Schaeuble"),
        # a possessed title nobody in the article bears is the speaker as written
        ("ParisAttacks2015 (1)", "The person that was arrested y", "Belgium's federal prosecutor"),
        # "he" after "the broker, David N. Lebenstein, …, said"
        ("wall.street.51", "Building prices are at least 3", "David N. Lebenstein"),
        # "… said the Ukraine captain": a definite title nobody was given -> the last person
        ("premier.league.140", "I am here for the challenge an", "Andriy Shevchenko"),
        # "U2 frontman Bono … he sings"
        ("U2.149", "All the beauty that’s been los", "Bono"),
    ],
)
def test_dev3_speaker_rules(
    nlp_pipeline: NLP, wikiref: dict[str, Article], aid: str, quote: str, speaker: str
) -> None:
    assert speakers_of(nlp_pipeline, wikiref[aid])[quote] == speaker


@pytest.mark.parametrize("aid", ["michelle.obama.127", "premier.league.126", "premier.league.140"])
def test_genders_when_a_name_runs_past_its_sentence(
    nlp_pipeline: NLP, wikiref: dict[str, Article], aid: str
) -> None:
    """The NER ran a name past a sentence's end here; gender votes crashed (spaCy E035)."""
    parsed = nlp_pipeline.parse([wikiref[aid]])
    quoted = [seg for q in quote_segments(parsed[0].article) for seg in q]
    person_genders(parsed[0], EntityIndex(extract_entities(parsed)), quoted)


def test_jsonl_articles_by_record_id(tmp_path: Path) -> None:
    path = tmp_path / "records.jsonl"
    records = [
        {"id": "a-1", "title": "First", "text": "One two three four five six seven."},
        {"id": "b-2", "title": "Second", "text": 'She said "eight nine ten" today.'},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    articles = jsonl_articles(path)
    assert sorted(articles) == ["a-1", "b-2"]
    assert articles["b-2"].title == "Second"
    assert articles["b-2"].body == 'She said "eight nine ten" today.'


def test_quote_errors_lists_each_kind() -> None:
    gold = [GoldQuote("we will win this fight", "Ann Lee"), GoldQuote("never again", None)]
    predicted = [GoldQuote("we will win this fight", "Bo Chan"), GoldQuote("a label", None)]
    assert quote_errors(gold, predicted) == [
        ("speaker", "we will win this fight", "Ann Lee", "Bo Chan"),
        ("missed", "never again", None, None),
        ("spurious", "a label", None, None),
    ]

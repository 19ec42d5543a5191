"""The dev4 quote set (issue #6): 17 WikiRef220 articles annotated by hand
(tests/data/quotes_dev4.jsonl, rules in quotes_dev4.md); the articles are read from
../shared, so these tests skip without it. Scored once with the dev3 rules (speaker
0.814 -> 0.845), then used to tune the rules tested below."""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import WIKIREF, speakers_of
from newsfuse.analyze.nlp import NLP
from newsfuse.evaluation.quote_eval import evaluate_quotes
from newsfuse.types import Article

DEV4 = Path(__file__).resolve().parent.parent / "data" / "quotes_dev4.jsonl"


def test_dev4_scores(nlp_pipeline: NLP, shared_dir: Path) -> None:
    # measured 0.907 / 0.924 / 0.938 (precision / recall / speaker accuracy)
    s = evaluate_quotes(DEV4, shared_dir / WIKIREF, nlp_pipeline)
    assert s.gold == 105
    assert s.precision >= 0.88
    assert s.recall >= 0.90
    assert s.speaker_accuracy >= 0.90


@pytest.mark.parametrize(
    ("aid", "quote", "speaker"),
    [
        # our sentence starts are fixed before parsing: the parser no longer joins the
        # heading "Deep-seated divisions" to "Al Jazeera's Andrew Simmons … said"
        ("greek.elections.115", "The real worry is that if ther", "Andrew Simmons"),
        # "Air Chief Marshal Houston": a rank, and a tie between person and place is a person
        ("malaysia.airlines.flight.134", "running out of time", "Houston"),
        # "Tokyo Electric Power Co" is "Tokyo Electric Power Company"
        ("tohoku.earthquake.tsunami.3", "take measures", "Tokyo Electric Power Company"),
        # "Panagiotis Pierrakis, 48, … said" (the NER missed him), then "he said"
        ("greek.elections.112", "a message", "Panagiotis Pierrakis"),
        # the caption "… Credit John Kolesidis/Reuters" is page furniture, not a person
        ("greek.elections.112", "present in developments from t", "Alexis Tsipras"),
    ],
)
def test_dev4_speaker_rules(
    nlp_pipeline: NLP, wikiref: dict[str, Article], aid: str, quote: str, speaker: str
) -> None:
    assert speakers_of(nlp_pipeline, wikiref[aid])[quote] == speaker


def test_nyt_caption_and_photo_label_are_dropped(wikiref: dict[str, Article]) -> None:
    body = wikiref["greek.elections.112"].body
    assert "Credit John Kolesidis/Reuters" not in body
    assert "\nPhoto\n" not in f"\n{body}\n"
    assert "He added that Syriza would be" in body  # the prose after the caption stays

"""Quote metrics on hand-checked cases, with quotes taken from the annotated gold set."""

from __future__ import annotations

import json
from pathlib import Path

from newsfuse.evaluation.quote_metrics import GoldQuote, same_speaker, score_quotes

GOLD = Path(__file__).parent.parent / "data/quotes_gold.jsonl"


def _gold() -> list[list[GoldQuote]]:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    return [[GoldQuote(q["text"], q["speaker"]) for q in r["quotes"]] for r in rows]


def test_perfect_prediction_scores_one() -> None:
    gold = _gold()
    s = score_quotes(gold, gold)
    assert (s.precision, s.recall, s.speaker_accuracy, s.speaker_exact) == (1, 1, 1, 1)
    assert s.gold == s.predicted == s.matched == sum(map(len, gold)) >= 150


def test_disjoint_prediction_scores_zero() -> None:
    gold = _gold()
    shifted = gold[1:] + gold[:1]  # every article gets another article's quotes
    s = score_quotes(gold, shifted)
    assert s.matched <= 3  # only quotes repeated across articles of one story can match
    assert s.precision < 0.05 and s.recall < 0.05


def test_small_known_example() -> None:
    # Two gold quotes of Wikinews M003-05; predictions: the first with its last word cut
    # (overlap 12/13 >= 0.8: a match, right speaker by surname), and another quote of
    # the same article that is not one of these two.
    first = GoldQuote(
        "It makes me sad. I have the impression the riders will never understand.", "David Millar"
    )
    second = GoldQuote("Jesus Christ, I'm speechless,", "David Millar")
    predicted = [
        GoldQuote("It makes me sad. I have the impression the riders will never", "Millar"),
        GoldQuote("You do not cheat because it is too hard", "Christian Prudhomme"),
    ]
    s = score_quotes([[first, second]], [predicted])
    assert (s.matched, s.gold, s.predicted) == (1, 2, 2)
    assert s.precision == 0.5 and s.recall == 0.5 and s.f1 == 0.5
    assert s.speaker_accuracy == 1.0 and s.speaker_exact == 0.0


def test_speaker_names() -> None:
    assert same_speaker("Ban Ki-moon", "Ban")
    assert same_speaker("Tony Blair", "Prime Minister Tony Blair")
    assert same_speaker("Rachel North", "Ms North") and not same_speaker(
        "Rachel North", "Ms North", exact=True
    )
    assert not same_speaker("Laura Silsby", "Jean Sanbil")
    # Spellings that one article (M006-03) uses for one person each.
    assert same_speaker("Rene Preval", "René Préval", exact=True)
    assert same_speaker("Alain Le Roy", "Alain LeRoy") and not same_speaker(
        "Alain Le Roy", "Alain LeRoy", exact=True
    )
    assert not same_speaker("Alain Le Roy", "Alain Leroyer")
    assert same_speaker(None, None) and not same_speaker("BBC", None)


def test_speaker_middle_initial() -> None:
    # gva_dev 1c6f79…: "Alberto Carvalho" in the text, "Alberto M. Carvalho" in his tweet's byline
    assert same_speaker("Alberto Carvalho", "Alberto M. Carvalho")
    assert not same_speaker("Alberto Carvalho", "Alberto M. Carvalho", exact=True)
    assert not same_speaker("Carvalho", "M. Carvalho Jr")
    assert not same_speaker("Alberto Carvalho", "Alberto J. Smith")

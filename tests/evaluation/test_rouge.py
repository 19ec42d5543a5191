"""The ROUGE protocols, checked against hand-computed values."""

from __future__ import annotations

import pytest

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.evaluation.rouge import (
    RougeScorer,
    bootstrap_ci,
    summarize_scores,
    truncate_words,
)


def test_perfect_prediction_scores_one() -> None:
    text = "The cat sat on the mat.\nIt was happy there."
    assert RougeScorer("multinews").score(text, [text]) == pytest.approx(
        {"rouge1": 1.0, "rouge2": 1.0, "rougeLsum": 1.0}
    )
    assert RougeScorer("100-word").score(text, [text, text]) == pytest.approx(
        {"rouge1_recall": 1.0, "rouge2_recall": 1.0}
    )


def test_disjoint_prediction_scores_zero() -> None:
    scores = RougeScorer("multinews").score("alpha beta gamma", ["delta epsilon zeta"])
    assert scores == {"rouge1": 0.0, "rouge2": 0.0, "rougeLsum": 0.0}
    recall = RougeScorer("100-word").score("alpha beta gamma", ["delta epsilon zeta"])
    assert recall == {"rouge1_recall": 0.0, "rouge2_recall": 0.0}


def test_known_example_by_hand() -> None:
    # reference "the cat sat on the mat": unigrams the x2, cat, sat, on, mat (6);
    #   bigrams the-cat, cat-sat, sat-on, on-the, the-mat (5).
    # prediction "the cat lay on the mat": the x2, cat, lay, on, mat (6);
    #   bigrams the-cat, cat-lay, lay-on, on-the, the-mat (5).
    # R1: clipped hits the 2 + cat + on + mat = 5 -> P = R = F = 5/6.
    # R2: hits the-cat, on-the, the-mat = 3 -> P = R = F = 3/5.
    scores = RougeScorer("multinews").score("the cat lay on the mat", ["the cat sat on the mat"])
    assert scores["rouge1"] == pytest.approx(5 / 6)
    assert scores["rouge2"] == pytest.approx(3 / 5)
    # LCS "the cat on the mat" = 5 of 6 tokens on both sides.
    assert scores["rougeLsum"] == pytest.approx(5 / 6)


def test_stemming_matches_inflections() -> None:
    scores = RougeScorer("multinews").score("bombers struck", ["bomber strikes"])
    assert scores["rouge1"] == pytest.approx(0.5)  # bomber == bombers; struck != strike


def test_truncate_words_keeps_lines() -> None:
    assert truncate_words("a b c\nd e\nf g h", 4) == "a b c\nd"
    assert truncate_words("  a   b \n\n c ", 10) == "a b\nc"
    assert truncate_words("a b", 0) == ""


def test_multinews_cuts_prediction_not_reference() -> None:
    reference = "one two three four"
    prediction = "one two three four five six seven eight"
    cut = RougeScorer("multinews", words=4).score(prediction, [reference])
    assert cut["rouge1"] == pytest.approx(1.0)
    uncut = RougeScorer("multinews", words=100).score(prediction, [reference])
    assert uncut["rouge1"] == pytest.approx(2 * 0.5 / 1.5)  # P 4/8, R 4/4
    # the reference is not cut: a long reference lowers recall
    long_ref = RougeScorer("multinews", words=2).score("one two", [reference])
    assert long_ref["rouge1"] == pytest.approx(2 * 1.0 * 0.5 / 1.5)


def test_hundred_word_cuts_both_sides() -> None:
    words = [f"w{i}" for i in range(150)]
    reference = " ".join(words)
    # the prediction's first 100 words are the reference's first 100: all hit
    assert RougeScorer("100-word").score(reference, [reference])["rouge1_recall"] == 1.0
    extra = " ".join(words[100:])  # words 100..149 fall outside both cuts
    assert RougeScorer("100-word").score(extra, [reference])["rouge1_recall"] == 0.0


def test_hundred_word_sums_over_references_not_averages() -> None:
    # ref A "the cat sat on the mat" (6 unigrams), ref B "a dog sat" (3).
    # prediction "the cat sat": hits A = the, cat, sat = 3; hits B = sat = 1.
    # -f A: (3 + 1) / (6 + 3) = 4/9; the average of recalls would be (3/6 + 1/3) / 2 = 5/12.
    # bigrams: A has 5, hits the-cat, cat-sat = 2; B has 2, hits 0 -> 2/7 (average 1/5).
    scores = RougeScorer("100-word").score("the cat sat", ["the cat sat on the mat", "a dog sat"])
    assert scores["rouge1_recall"] == pytest.approx(4 / 9)
    assert scores["rouge1_recall"] != pytest.approx(5 / 12)
    assert scores["rouge2_recall"] == pytest.approx(2 / 7)


def test_multinews_averages_f1_over_references() -> None:
    scorer = RougeScorer("multinews")
    a = scorer.score("the cat sat", ["the cat sat"])["rouge1"]
    b = scorer.score("the cat sat", ["a dog ran"])["rouge1"]
    both = scorer.score("the cat sat", ["the cat sat", "a dog ran"])["rouge1"]
    assert both == pytest.approx((a + b) / 2) == pytest.approx(0.5)


def test_bootstrap_interval_contains_mean_and_is_deterministic() -> None:
    values = [0.1, 0.4, 0.35, 0.8, 0.5, 0.45, 0.2, 0.6, 0.3, 0.55]
    low, high = bootstrap_ci(values)
    mean = sum(values) / len(values)
    assert low < mean < high
    assert bootstrap_ci(values) == (low, high)
    assert bootstrap_ci(values, seed=1) != (low, high)
    summary = summarize_scores([{"r": v} for v in values], ["r"])["r"]
    assert summary.mean == pytest.approx(mean)
    assert (summary.low, summary.high) == (low, high)


def test_bootstrap_of_constant_is_a_point() -> None:
    assert bootstrap_ci([0.3] * 5) == pytest.approx((0.3, 0.3))


def test_unknown_protocol_and_missing_reference_are_errors() -> None:
    with pytest.raises(NewsfuseError) as unknown:
        RougeScorer("rouge-xyz")  # type: ignore[arg-type]
    assert unknown.value.code is ErrorCode.UNKNOWN_CHOICE
    with pytest.raises(ValueError):
        RougeScorer("multinews").score("a b", [])

"""Clustering metrics against hand-computed values."""

from __future__ import annotations

import pytest

from newsfuse.evaluation import score_clustering


def test_perfect_prediction_scores_one() -> None:
    s = score_clustering(["a", "a", "b", "c", "c"], [7, 7, 1, 2, 2])
    assert (s.bcubed_precision, s.bcubed_recall, s.bcubed_f1) == (1.0, 1.0, 1.0)
    assert (s.pairwise_precision, s.pairwise_recall, s.pairwise_f1) == (1.0, 1.0, 1.0)
    assert s.ari == pytest.approx(1.0)
    assert (s.n_pred, s.n_gold) == (3, 3)


def test_all_singletons_against_one_gold_cluster() -> None:
    s = score_clustering(["g"] * 4, [0, 1, 2, 3])
    assert s.bcubed_precision == 1.0
    assert s.bcubed_recall == pytest.approx(0.25)  # each item finds 1 of its 4 gold mates
    assert s.bcubed_f1 == pytest.approx(0.4)
    assert s.pairwise_recall == 0.0  # no predicted pair, 6 gold pairs
    assert s.pairwise_f1 == 0.0
    assert (s.n_pred, s.n_gold) == (4, 1)


def test_known_small_example() -> None:
    # gold: A={0,1,2}, B={3,4}; pred: X={0,1}, Y={2,3,4}
    # BCubed precision per item: 0,1 -> 2/2; 2 -> 1/3; 3,4 -> 2/3  => (1+1+1/3+2/3+2/3)/5 = 11/15
    # BCubed recall per item:    0,1 -> 2/3; 2 -> 1/3; 3,4 -> 2/2  => (2/3+2/3+1/3+1+1)/5 = 11/15
    # pairs: pred {01, 23, 24, 34} = 4; gold {01, 02, 12, 34} = 4; shared {01, 34} = 2
    s = score_clustering(["A", "A", "A", "B", "B"], ["X", "X", "Y", "Y", "Y"])
    assert s.bcubed_precision == pytest.approx(11 / 15)
    assert s.bcubed_recall == pytest.approx(11 / 15)
    assert s.bcubed_f1 == pytest.approx(11 / 15)
    assert s.pairwise_precision == pytest.approx(0.5)
    assert s.pairwise_recall == pytest.approx(0.5)
    assert s.pairwise_f1 == pytest.approx(0.5)
    # ARI: sum C(n_ij,2)=2, a=4, b=4, C(5,2)=10: (2-1.6)/(4-1.6) = 1/6
    assert s.ari == pytest.approx(1 / 6)


def test_length_mismatch_is_an_error() -> None:
    with pytest.raises(ValueError):
        score_clustering([1, 2], [1])

"""Outlet comparison on real articles: conflicts, number mismatches, single-source facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from conftest import read_articles
from newsfuse.analyze.compare import MAX_SINGLE_SOURCE, compare_outlets
from newsfuse.types import Article, Comparison

EXAMPLES = Path(__file__).resolve().parents[1] / "examples" / "articles"


load = read_articles


def compare(nlp: Any, articles: Sequence[Article]) -> tuple[Comparison, ...]:
    return compare_outlets(articles, [nlp(a.body) for a in articles])


def assert_grounded(articles: Sequence[Article], comparison: Comparison) -> None:
    """Every quoted piece / number phrase of the summary is verbatim in a cited sentence."""
    texts = {s.id: s.text for a in articles for s in a.sentences}
    cited = [texts[c.sentence_id] for c in comparison.citations]
    if comparison.kind == "single_source":
        pieces = [comparison.summary.removesuffix("…")]
    elif comparison.kind == "number_mismatch":
        pieces = re.findall(r"(?:: | vs )(.+?) \[\d+\]", comparison.summary)
    else:
        pieces = [
            p.removesuffix("…") for p in re.findall(r"'(.+?)'(?: vs | / |$)", comparison.summary)
        ]
    assert pieces, comparison
    for piece in pieces:
        assert any(piece in text for text in cited), (piece, comparison)


def test_seed_accounts_of_what_russia_targets_conflict(nlp: Any) -> None:
    articles = load(EXAMPLES / "freebeacon.com")
    found = compare(nlp, articles)
    for comparison in found:
        assert_grounded(articles, comparison)
    conflicts = [c for c in found if c.kind == "conflict"]
    across = [c for c in conflicts if "ISIS" in c.summary and "U.S.-backed" in c.summary]
    assert any({c.article_id for c in x.citations} == {a.id for a in articles} for x in across)
    assert any(
        c.summary.startswith("'Russia has claimed to be primarily targeting ISIS")
        and "has instead hit U.S.-backed rebels" in c.summary
        for c in conflicts
    )
    assert any("nowhere near an agreement" in c.summary for c in conflicts)


def test_wikinews_tsunami_death_tolls_mismatch(nlp: Any) -> None:
    articles = load(*sorted((EXAMPLES / "en.wikinews.org").glob("M000-*.txt")))
    found = compare(nlp, articles)
    tolls = [c for c in found if c.kind == "number_mismatch" and "death" in c.summary]
    assert len(tolls) == 1, found
    assert "80,000 people [1]" in tolls[0].summary and "120,000 [2]" in tolls[0].summary
    sources = {a.id: a.source.rsplit("/", 1)[-1] for a in articles}
    cited = [sources[c.article_id] for c in tolls[0].citations]
    assert cited[:2] == ["M000-07.txt", "M000-09.txt"]
    singles = [c for c in found if c.kind == "single_source"]
    assert 0 < len(singles) <= MAX_SINGLE_SOURCE
    for comparison in found:
        assert_grounded(articles, comparison)


def test_single_article_has_no_single_source_items(nlp: Any) -> None:
    articles = load(EXAMPLES / "en.wikinews.org" / "M000-07.txt")
    assert not [c for c in compare(nlp, articles) if c.kind == "single_source"]

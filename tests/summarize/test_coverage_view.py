"""Coverage reads the story as Multi-News cut its training inputs (coverage, "The view")."""

from __future__ import annotations

import dataclasses
import gzip
import itertools
import json
from pathlib import Path

import numpy as np
import pytest

from conftest import read_articles
from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.summarize import coverage
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.select import components
from newsfuse.types import Article

OPTIONS = BriefOptions(words=300, coverage_view_words=500)


@pytest.fixture(scope="module")
def wikinews_story(examples_dir: Path) -> list[Article]:
    """M000's ten full-length Wikinews reports (CC BY 2.5, bundled)."""
    return read_articles(*sorted((examples_dir / "articles/en.wikinews.org").glob("M000-*.txt")))


@pytest.fixture(scope="module")
def multinews_stories(shared_dir: Path) -> list[list[Article]]:
    path = shared_dir / "data/summarization/multinews.val.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as handle:
        clusters = [json.loads(line) for line in itertools.islice(handle, 12)]
    return [
        [make_article(body=d["text"], source=f"{c['id']}:{n}") for n, d in enumerate(docs)]
        for c in clusters
        for docs in [c["documents"]]
    ]


def test_water_level_shares_the_words_out_like_multinews() -> None:
    """One cut for all; a short article's unused share goes to the longer ones."""
    level = coverage.water_level(np.array([100.0, 1000.0, 1000.0]), 500)
    assert level.tolist() == [100.0, 200.0, 200.0]
    assert coverage.water_level(np.array([300.0, 900.0]), 500).tolist() == [250.0, 250.0]
    assert coverage.water_level(np.array([100.0, 150.0]), 500).tolist() == [100.0, 150.0]


def test_the_view_is_all_of_a_multinews_input(multinews_stories: list[list[Article]]) -> None:
    """Multi-News inputs are already cut to about 450 words: the forest reads all of
    them, and the default chooses what it chose before the view."""
    whole = dataclasses.replace(OPTIONS, coverage_view_words=0)
    for articles in multinews_stories:
        matrix = story_matrix(articles)
        assert coverage.view_rows(matrix, OPTIONS.coverage_view_words).tolist() == list(
            range(matrix.size)
        )
        parts = components(matrix, OPTIONS)
        assert coverage.coverage_select(matrix, OPTIONS, None, parts) == (
            coverage.coverage_select(matrix, whole, None, parts)
        )


def test_the_view_of_full_length_reports_is_each_ones_start(wikinews_story: list[Article]) -> None:
    """Ten full reports of 3,000 words and more: the forest reads each one's opening,
    about 500 words in all, and picks only there (the lead it is given too)."""
    matrix = story_matrix(wikinews_story)
    rows = coverage.view_rows(matrix, 500)
    words = [len(matrix.sentences[r].text.split()) for r in rows]
    total = sum(len(s.text.split()) for s in matrix.sentences)
    assert total > 2000 and 500 <= sum(words) < 1000
    assert set(matrix.starts.tolist()) <= set(rows.tolist())  # every article's first sentence
    assert all(matrix.sentences[r].index < 6 for r in rows)
    deep = int(np.argmax([s.index for s in matrix.sentences]))
    assert deep in coverage.view_rows(matrix, 500, [deep])
    parts = components(matrix, OPTIONS)
    chosen = coverage.coverage_select(matrix, OPTIONS, [deep], parts)
    assert chosen[0] == deep and set(chosen[1:]) <= set(rows.tolist())
    assert sum(len(matrix.sentences[r].text.split()) for r in chosen[1:]) <= OPTIONS.words

"""The coverage scorer's fast parts give exactly the answers of their plain definitions:
the background-table bucket of a gram, and the forest's score of a row (issue 20,
brief latency: a brief must not change by a byte when it gets faster)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import read_articles
from newsfuse.config import BriefOptions
from newsfuse.forest import FloatArray, Forest
from newsfuse.summarize import coverage, learned
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.lexical import lexical_scores
from newsfuse.summarize.select import components

# non-ASCII grams (UTF-8 bytes are hashed), a curly apostrophe, an empty gram
ODD_GRAMS = ["café", "naïve café", "’s", "\u0130stanbul", "日本 語", "", "x" * 300]


@pytest.fixture(scope="module")
def m000(examples_dir: Path) -> StoryMatrix:
    """M000's ten full-length Wikinews reports (CC BY 2.5, bundled)."""
    paths = sorted((examples_dir / "articles/en.wikinews.org").glob("M000-*.txt"))
    return story_matrix(read_articles(*paths))


def gram_rows(matrix: StoryMatrix) -> tuple[list[str], FloatArray]:
    """The story's grams and the coverage forest's feature rows for them."""
    options = BriefOptions()
    grams = [coverage.sentence_grams(s.text) for s in matrix.sentences]
    lexical = lexical_scores(matrix, grams, options.models.lexical())
    story = coverage.story_grams(matrix, lexical, components(matrix, options).quality, grams)
    features, _ = coverage.gram_features(matrix, story, options.models.coverage()[1])
    return story.grams, features


def hasher_buckets(grams: list[str]) -> list[int]:
    """Each gram's column in the background table's HashingVectorizer, one at a time."""
    hasher = coverage.table_hasher()
    return [int(hasher.transform([[g]]).tocsr().indices[0]) for g in grams]


def walked(forest: Forest, x: FloatArray) -> list[float]:
    """Each row's score by walking each tree from its root, trees summed in order."""
    scores = []
    for row in x:
        total = 0.0
        for root in forest.roots:
            node = int(root)
            while not forest.leaf[node]:
                left = row[forest.feature[node]] <= forest.threshold[node]
                node = int(forest.left[node] if left else forest.right[node])
            total += float(forest.value[node])
        scores.append(forest.baseline + total)
    return scores


def test_buckets_are_the_hashers_columns(m000: StoryMatrix) -> None:
    grams = gram_rows(m000)[0][::7] + ODD_GRAMS
    assert coverage.buckets(grams).tolist() == hasher_buckets(grams)
    assert coverage.buckets([]).shape == (0,)


def test_forest_scores_are_the_tree_walks(m000: StoryMatrix) -> None:
    x = gram_rows(m000)[1][::5]
    forest = coverage.load_model()[0]
    assert forest.predict(x).tolist() == walked(forest, x)
    assert forest.predict(np.asfortranarray(x[:3])).tolist() == walked(forest, x[:3])
    assert forest.predict(x[:0]).shape == (0,)


def test_salience_forest_scores_are_the_tree_walks() -> None:
    forest = learned.load_forest()
    rng = np.random.default_rng(20)
    x = rng.normal(size=(200, len(learned.FEATURES))) * 3
    inner = ~forest.leaf
    x[np.arange(50), forest.feature[inner][:50]] = forest.threshold[inner][:50]  # on a split
    assert forest.predict(x).tolist() == walked(forest, x)

"""The brief's scorers and shipped models: pinned files, the trained scorers grounded and
within budget, coverage's expected gain, recurring boilerplate (split from test_summarize.py)."""

from __future__ import annotations

import gzip
import hashlib
import itertools
import json
from importlib import resources
from pathlib import Path

import numpy as np
import pytest

from conftest import bracketed_insertion
from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.summarize import (
    build_brief,
    coverage,
    learned,
    lexical,
    recurring,
)
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.select import quality as select_quality
from newsfuse.summarize.signature import signature
from newsfuse.types import Article

OPTIONS = BriefOptions()


def test_learned_model_file_is_the_pinned_one() -> None:
    """The shipped trees are the ones the hash pins (a swapped file must not load)."""
    data = resources.files("newsfuse.summarize.data").joinpath(learned.MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == learned.MODEL_SHA256
    forest = learned.load_forest()
    assert forest.feature.max() < len(learned.FEATURES)


def test_lexical_model_file_is_the_pinned_one() -> None:
    """The shipped weights are the ones the hash pins, one per hash bucket + intercept."""
    data = resources.files("newsfuse.summarize.data").joinpath(lexical.MODEL_FILE).read_bytes()
    assert hashlib.sha256(data).hexdigest() == lexical.MODEL_SHA256
    coef, intercept = lexical.load_weights()
    assert coef.shape == (2**lexical.HASH_BITS,) and np.isfinite(coef).all()
    assert 0.0 < intercept < 1.0  # a share of the sentence the editor keeps


def test_lexical_terms_carry_words_pairs_and_layout() -> None:
    terms = lexical.sentence_terms("Russian bombers struck targets in Syria.", 0, 1, 2)
    assert terms[:2] == ["russian", "bomber"]  # lower-cased, plural folded
    assert "struck target" in terms and "@pos0" in terms and "@art1" in terms and "@k2" in terms
    # Position is capped, so a late sentence of a long article is still known.
    assert "@pos15" in lexical.sentence_terms("A late sentence here.", 40, 0, 2)


@pytest.mark.parametrize("scorer", ["learned", "lexical", "coverage"])
def test_trained_scorers_grounded_and_within_budget(
    scorer: str,
    seeds: list[Article],
    wikinews: list[tuple[str, list[Article]]],
    multinews: list[tuple[str, list[Article]]],
) -> None:
    """A trained scorer changes which sentences are chosen, never their grounding."""
    stories = [("seed", seeds), *wikinews[:3], *multinews[:5]]
    for words in (100, 300):
        options = BriefOptions(words=words, scorer=scorer)
        for sid, articles in stories:
            brief = build_brief(sid, articles, options)
            assert brief.sentences
            assert brief.word_count <= words or len(brief.sentences) == 1
            by_id = {a.id: a for a in articles}
            for sentence in brief.sentences:
                article = by_id[sentence.source.article_id]
                source = next(s for s in article.sentences if s.id == sentence.source.sentence_id)
                assert sentence.source_text == source.text
                assert source.text == article.body[source.start : source.end]
                assert all(bracketed_insertion(sentence.text, i) for i in sentence.insertions)


def test_unknown_scorer_is_a_numbered_error(seeds: list[Article]) -> None:
    with pytest.raises(NewsfuseError) as error:
        build_brief("seed", seeds, BriefOptions(scorer="oracle"))
    assert error.value.code is ErrorCode.UNKNOWN_COMPONENT
    assert "known: coverage, learned, lexical, unsupervised" in error.value.message


def test_coverage_files_are_the_pinned_ones() -> None:
    """Forest and background table load only under their pinned hashes."""
    forest, table = coverage.load_model()
    assert forest.feature.max() < len(coverage.FEATURES)
    assert table.shape == (2, 2**coverage.TABLE_BITS)
    assert (table[0] >= 0).all() and ((table[1] > 0) & (table[1] <= 1)).all()


def test_coverage_counts_copies_and_chooses_the_best_expected_gain(
    seeds: list[Article], multinews: list[tuple[str, list[Article]]]
) -> None:
    """Each greedy pick has the largest expected new hits per word of the rows that
    fit, recomputed here with plain loops over the grams (the reference)."""
    options = BriefOptions(words=120, scorer="coverage")
    for articles in [seeds] + [a for _, a in multinews[:4]]:
        matrix = story_matrix(articles)
        q = np.array([select_quality(s.text) for s in matrix.sentences])
        story = coverage.story_grams(matrix, lexical.lexical_scores(matrix), q)
        features, owner = coverage.gram_features(matrix, story, coverage.load_model()[1])
        values = coverage.copy_values(story, features, owner)
        for ids in story.by_sentence:
            seen: dict[int, int] = {}
            for pos, g in enumerate(ids.tolist()):
                assert coverage._occurrences(ids)[pos] == seen.get(g, 0)
                seen[g] = seen.get(g, 0) + 1
        lengths = np.array([len(s.text.split()) for s in matrix.sentences])
        rows = coverage.greedy_cover(values, story.by_sentence, lengths, q, options)
        covered: dict[int, int] = {}
        used = 0
        for row in rows:
            best = max(
                (
                    _expected_gain(values, story.by_sentence[r], covered)
                    * q[r]
                    / max(int(lengths[r]), 1) ** options.coverage_cost_exponent
                )
                for r in range(matrix.size)
                if q[r] > 0
                and r not in rows[: rows.index(row)]
                and (used + lengths[r] <= options.words or used == 0)
            )
            mine = _expected_gain(values, story.by_sentence[row], covered) * q[row]
            assert mine / max(int(lengths[row]), 1) ** options.coverage_cost_exponent >= best - 1e-9
            for g in story.by_sentence[row].tolist():
                covered[g] = covered.get(g, 0) + 1
            used += int(lengths[row])
        assert used <= options.words or len(rows) == 1


def _expected_gain(values: np.ndarray, ids: np.ndarray, covered: dict[int, int]) -> float:
    extra: dict[int, int] = {}
    total = 0.0
    for g in ids.tolist():
        j = covered.get(g, 0) + extra.get(g, 0)
        total += float(values[g, min(j, values.shape[1] - 1)])
        extra[g] = extra.get(g, 0) + 1
    return total


def test_coverage_probabilities_fall_with_the_copy(seeds: list[Article]) -> None:
    """P(the summary holds a gram at least j times) must not rise with j for most
    grams: a model that had learned the opposite would be broken."""
    matrix = story_matrix(seeds)
    q = np.array([select_quality(s.text) for s in matrix.sentences])
    story = coverage.story_grams(matrix, lexical.lexical_scores(matrix), q)
    features, owner = coverage.gram_features(matrix, story, coverage.load_model()[1])
    values = coverage.copy_values(story, features, owner)
    many = story.count >= 2
    assert many.sum() > 50
    assert np.mean(values[many, 0] >= values[many, 1]) > 0.95
    assert values[:, -1].max() == 0.0


def test_recurring_sentences_are_archive_boilerplate_not_news(
    shared_dir: Path, seeds: list[Article], wikinews: list[tuple[str, list[Article]]]
) -> None:
    """The shipped list flags the Wayback crawl notes Multi-News val carries and no
    sentence of the seeds or the Wikinews stories (real news)."""
    flagged = []
    with gzip.open(shared_dir / "data/summarization/multinews.val.jsonl.gz", "rt") as handle:
        for line in itertools.islice(handle, 2000):
            for doc in json.loads(line)["documents"]:
                if "These crawls are part of an effort" in doc["text"]:
                    article = make_article(body=doc["text"], source="val")
                    flagged += [s.text for s in article.sentences if recurring.is_recurring(s.text)]
    assert any(t.startswith("These crawls are part of an effort") for t in flagged)
    news = [s.text for a in seeds + [a for _, arts in wikinews for a in arts] for s in a.sentences]
    assert len(news) > 1000
    assert not [t for t in news if recurring.is_recurring(t)]
    assert select_quality(flagged[0]) == 0.0


def test_twitter_embed_widget_is_not_a_brief_sentence(
    shared_dir: Path, seeds: list[Article]
) -> None:
    """Twitter's embed widget ('Tweet with a location ...') opened a brief of the
    Multi-News full-text test sample (issue 20, third pass): it is furniture, read from
    the clusters that carry it; the sentences of the seeds stay usable."""
    path = shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt") as handle:
        docs = [d["text"] for line in handle for d in json.loads(line)["documents"]]
    widget = [
        s.text
        for text in docs
        if "Tweet with a location" in text
        for s in make_article(body=text, source="t").sentences
        if "location information" in s.text or "location history" in s.text
    ]
    assert len(widget) >= 5
    assert all(select_quality(t) == 0.0 for t in widget)
    news = [s.text for a in seeds for s in a.sentences]
    assert sum(select_quality(t) > 0 for t in news) > 0.8 * len(news)


def test_recurring_hash_ignores_spacing_and_case() -> None:
    """Multi-News's tokenizer spacing and web text hash alike; short lines never match."""
    web = "You always have the option to delete your tweet location history."  # Twitter widget
    multinews = "you always have the option to delete your tweet location history ."
    assert recurring.sentence_hash(web) == recurring.sentence_hash(multinews) != 0
    assert recurring.is_recurring(web)
    assert recurring.sentence_hash("He said so.") == 0


def test_seed_signature_prefers_specific_corroborated_words(seeds: list[Article]) -> None:
    weights = signature(story_matrix(seeds), OPTIONS)
    assert weights["tu-22m3"] > weights["hamadan"] > weights.get("iran", 0.0)
    assert weights["hamadan"] > weights.get("warplane", 0.0) > weights.get("tuesday", 0.0)
    assert "nusra" not in weights  # only 000 names Nusra: not corroborated
    assert "2016" not in weights and "u.s" not in weights

"""Events: what tells one shooting from the next (dates, names, titles), on gva_dev.

gva_dev (../shared/data/clustering) holds dated outlet articles about US shooting
incidents, gold = the incident; the tests read real articles from it, never
invented sentences, and skip when ../shared is absent.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from conftest import read_articles
from newsfuse.cluster import StreamClusterer, cluster_batch, cluster_stream
from newsfuse.cluster.levels import (
    cased,
    day_penalty,
    lead_names,
    name_evidence,
    weak_penalty,
)
from newsfuse.cluster.vectorize import StreamVectorizer
from newsfuse.cluster.when import day_evidence
from newsfuse.config import ClusterOptions
from newsfuse.evaluation import score_clustering
from newsfuse.evaluation.cluster_methods import tfidf_agglomerative, tfidf_windowed
from newsfuse.evaluation.datasets import clustering_article, read_clustering_records
from newsfuse.types import Article

FIRST = 600  # articles of gva_dev used here (date order: 2013 to mid-2014)


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> tuple[list[Article], list[str]]:
    records = read_clustering_records(shared_dir / "data/clustering/gva_dev.jsonl.gz")[:FIRST]
    return [clustering_article(r) for r in records], [r.cluster for r in records]


def _labels(groups: list[list[int]], n: int) -> list[int]:
    labels = [-1] * n
    for g, members in enumerate(groups):
        for i in members:
            labels[i] = g
    return labels


def test_series_titles_and_outlet_parts_of_titles_do_not_link(
    gva: tuple[list[Article], list[str]],
) -> None:
    arts, _ = gva
    vectorizer = StreamVectorizer(ClusterOptions())
    kept = {a.id: vectorizer.kept_title(a) for a in arts}
    series = [a for a in arts if (a.title or "").startswith("Shot in the USA: ")]  # a series
    assert len(series) == 2 and series[0].outlet == series[1].outlet
    assert kept[series[0].id] == series[0].title and kept[series[1].id] == ""
    wmc = [a for a in arts if (a.title or "").endswith("WMC Action News 5 - Memphis, Tennessee")]
    assert len(wmc) >= 3
    assert "WMC" in kept[wmc[0].id]  # the first one cannot know the part recurs
    for later in wmc[1:]:
        assert "WMC" not in kept[later.id] and "Memphis" not in kept[later.id]
        assert kept[later.id] and later.title and later.title.startswith(kept[later.id])


def test_names_say_who_and_where_and_dates_weigh_by_distance(
    gva: tuple[list[Article], list[str]],
) -> None:
    arts, gold = gva
    options = ClusterOptions()
    names = [lead_names(a, a.title or "", options.event_name_zipf) for a in arts]
    n = len(arts)
    rows, cols = np.triu_indices(n, 1)
    evidence = name_evidence(rows, cols, names, 0, options.event_conflict_names)
    same = np.array([gold[a] == gold[b] for a, b in zip(rows, cols, strict=True)])
    # Among pairs of reports about one incident, names are shared far more often, and
    # contradict far less often, than among pairs about different incidents.
    assert (evidence[same] > 0).mean() > 0.5 > 10 * (evidence[~same] > 0).mean()
    assert (evidence[same] < 0).mean() < 0.5 * (evidence[~same] < 0).mean()
    gaps = np.array([0.0, 1.0, 30.0, 365.0])
    penalty = day_penalty(gaps, options)
    assert penalty[0] == 0 and np.all(np.diff(penalty) > 0)
    assert penalty[-1] <= options.event_day_penalty  # a decay, never a cut-off


def test_events_beat_both_baselines_and_storylines_hold_whole_events(
    gva: tuple[list[Article], list[str]],
) -> None:
    arts, gold = gva
    options = ClusterOptions()
    batch = score_clustering(gold, _labels(cluster_batch(arts, options, "event"), len(arts)))
    stream = score_clustering(gold, _labels(cluster_stream(arts, options, "event"), len(arts)))
    plain = score_clustering(gold, tfidf_agglomerative(arts))
    windowed = score_clustering(gold, tfidf_windowed(arts))
    for ours in (batch, stream):
        assert ours.bcubed_f1 > max(plain.bcubed_f1, windowed.bcubed_f1)
        assert ours.pairwise_f1 > max(plain.pairwise_f1, windowed.pairwise_f1)
    clusterer = StreamClusterer.batch(arts, options)
    storylines = clusterer.groups("storyline")
    assert len(storylines) <= len(clusterer.groups("event"))
    line_of = {a: k for k, members in enumerate(storylines) for a in members}
    nested = clusterer.storyline_of_events()
    whole = sum(
        len({line_of[a] for a in members}) == 1 for members in clusterer.events.members.values()
    )
    assert whole >= 0.95 * len(nested)  # events nearly always fall inside one storyline


def test_english_frequency_fast_path_is_wordfreq(gva: tuple[list[Article], list[str]]) -> None:
    """The word-list read (idf.english_frequency/english_zipf) gives wordfreq's own
    answers on every word of real articles: lower-case, cased, numbers, hyphens."""
    from wordfreq import word_frequency, zipf_frequency

    from newsfuse.cluster.idf import english_frequency, english_zipf
    from newsfuse.text.tokens import words

    vocabulary = {w for a in gva[0][:150] for w in words(a.body) + a.body.split()[:40]}
    assert len(vocabulary) > 3000
    for word in sorted(vocabulary):
        assert english_frequency(word) == word_frequency(word, "en"), word
        assert english_zipf(word) == zipf_frequency(word, "en"), word


def test_lower_cased_text_names_no_one_and_outlet_text_does(
    shared_dir: Path, gva: tuple[list[Article], list[str]]
) -> None:
    """Multi-News's lower-cased text keeps a few capitals (a missed sentence start), which
    are not names: below `event_name_cased` no lead names are drawn at all."""
    options = ClusterOptions()
    pooled = shared_dir / "data/clustering/multinews_val_pooled.jsonl.gz"
    lower = [clustering_article(r) for r in read_clustering_records(pooled)[:300]]
    arts, _ = gva

    def named(articles: list[Article], min_cased: float) -> float:
        zipf, words = options.event_name_zipf, options.event_lead_words
        found = [lead_names(a, a.title or "", zipf, words, min_cased) for a in articles]
        return sum(map(bool, found)) / len(found)

    before = named(lower, 0.0)
    assert before > 0.05  # without the check, these stray capitals would count as names
    assert named(lower, options.event_name_cased) < 0.2 * before
    assert named(arts, options.event_name_cased) > 0.9
    assert np.median([cased(a) for a in arts]) > 4 * options.event_name_cased


def test_far_apart_reports_need_names_or_a_day_to_stay_one_event(
    gva: tuple[list[Article], list[str]],
) -> None:
    """The weak-evidence penalty: nothing on the day, rising with the days, never more
    than `event_weak_penalty`, and only where fewer than `event_strong_names` lead names
    and no incident day are shared; on real neighbour pairs it falls far more often on
    links between two incidents than on links within one."""
    options = ClusterOptions()
    gaps = np.array([0.0, 3.0, 30.0, 365.0, 365.0, 365.0])
    evidence = np.array([1.0, 1.0, 1.0, 1.0, 2.0, 1.0])
    when = np.array([0.0, -1.0, 0.0, 0.0, 0.0, 1.0])
    lost = weak_penalty(gaps, evidence, when, options)
    assert lost[0] == 0 and lost[1] < lost[2] < lost[3] <= options.event_weak_penalty
    assert lost[4] == 0 and lost[5] == 0  # two shared names, or a shared day, vouch

    arts, gold = gva
    clusterer = StreamClusterer(options)
    batch = clusterer.link(arts)
    rows, cols, base = batch.rows, batch.cols, clusterer.densities.base
    days = clusterer.days[rows - base], clusterer.days[cols - base]
    gap = np.abs(days[0] - days[1]).astype(np.float64)
    evidence = name_evidence(rows, cols, clusterer.lead, base, options.event_conflict_names)
    when = day_evidence(rows, cols, clusterer.when, base)
    hit = weak_penalty(gap, evidence, when, options) > 0.5 * options.event_weak_penalty
    same = np.array([gold[a] == gold[b] for a, b in zip(rows, cols, strict=True)])
    assert hit[~same].mean() > 5 * hit[same].mean()


def test_an_aftershock_months_later_is_not_the_quake_but_stays_in_its_storyline(
    examples_dir: Path,
) -> None:
    """The bundled Wikinews Chile story (CC BY 2.5): the 8.8 quake's report and the
    aftershock reports months later name the quake's day, which alone once made them
    one event running February to November; sharing only "Chile", they are now
    separate events of one storyline."""
    arts = read_articles(examples_dir / "articles" / "en.wikinews.org")
    chile = [i for i, a in enumerate(arts) if "Chile" in (a.title or "")]
    assert len(chile) >= 8
    for mode in (cluster_batch, cluster_stream):
        events = mode(arts, ClusterOptions(), "event")
        spans = []
        for members in events:
            dates = [d for i in members if i in chile and (d := arts[i].date) is not None]
            if len(dates) > 1:
                spans.append((max(dates) - min(dates)).days)
        assert all(span <= 30 for span in spans), spans
        storylines = mode(arts, ClusterOptions(), "storyline")
        assert max(len(set(chile) & set(s)) for s in storylines) >= 0.8 * len(chile)

"""Stories in a database that follow the news: incremental ingest, stable ids, recluster."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import newsfuse
from newsfuse.cluster import cluster_batch, cluster_stream
from newsfuse.config import ClusterOptions, Config
from newsfuse.store import SQLiteStore

WIKINEWS = "en.wikinews.org"


def _config(db: Path) -> Config:
    # Batches of 10: ingest calls split at multiples of 10 see the same batches.
    return Config(db=db, cluster=ClusterOptions(batch_size=10))


def _split(examples_dir: Path, tmp_path: Path) -> tuple[Path, Path]:
    """The bundled Wikinews articles as two folders: 60 files, then the other 40.

    Files are named by story (M001-01 ...), so taking 3 of every 5 puts every
    story in both folders: the second ingest grows the first one's stories.
    """
    files = sorted((examples_dir / "articles" / WIKINEWS).glob("*.txt"))
    early = [f for i, f in enumerate(files) if i % 5 < 3]
    late = [f for i, f in enumerate(files) if i % 5 >= 3]
    halves = (tmp_path / "a" / WIKINEWS, tmp_path / "b" / WIKINEWS)
    for folder, part in zip(halves, (early, late), strict=True):
        folder.mkdir(parents=True)
        for f in part:
            shutil.copy(f, folder / f.name)
    return halves[0].parent, halves[1].parent


def _memberships(db: Path) -> dict[str, str]:
    store = SQLiteStore(db)
    try:
        return store.memberships()
    finally:
        store.close()


def _event_memberships(db: Path) -> dict[str, str]:
    store = SQLiteStore(db)
    try:
        return {member[0]: event for event, member in store.event_members()}
    finally:
        store.close()


def _groups(memberships: dict[str, str]) -> set[frozenset[str]]:
    by: dict[str, set[str]] = {}
    for article, cluster in memberships.items():
        by.setdefault(cluster, set()).add(article)
    return {frozenset(m) for m in by.values()}


def test_two_ingests_equal_one_and_ids_stay_stable(examples_dir: Path, tmp_path: Path) -> None:
    first, second = _split(examples_dir, tmp_path)
    with newsfuse.open(tmp_path / "one.db", _config(tmp_path / "one.db")) as nf:
        nf.ingest([first, second])
    with newsfuse.open(tmp_path / "two.db", _config(tmp_path / "two.db")) as nf:
        report = nf.ingest([first])
        assert report.new_stories >= 10
        before = {s.id: set(s.article_ids) for s in nf.stories()}
        report = nf.ingest([second])
        assert report.ingested == 40 and report.grown_stories > 0
        after = {s.id: set(s.article_ids) for s in nf.stories()}
        merged_away = {e.other_id for e in nf.events() if e.kind == "merge"}
        split = {e.story_id for e in nf.events() if e.kind == "split"}
    # A story keeps its id as it grows; one that disappears was merged, one that lost
    # articles was split (regrouping), and each says so.
    for sid, members in before.items():
        assert sid in after or sid in merged_away
        assert sid not in after or members <= after[sid] or sid in split
    assert _memberships(tmp_path / "one.db") == _memberships(tmp_path / "two.db")
    assert _event_memberships(tmp_path / "one.db") == _event_memberships(tmp_path / "two.db")
    with newsfuse.open(tmp_path / "two.db", _config(tmp_path / "two.db")) as nf:
        assert all(s.headline for s in nf.stories())  # stale headlines recomputed on read


@pytest.mark.parametrize("window", [30, 20])
def test_one_ingest_longer_than_the_window_stores_every_story(
    examples_dir: Path, tmp_path: Path, window: int
) -> None:
    """Stories that open and leave the window within one ingest call are stored whole,
    as the stream made them (articles that left were once named by a wrong index:
    40 of 102 originals had no story at window 30, and window 20 crashed)."""
    options = ClusterOptions(batch_size=10, window=window)
    with newsfuse.Newsfuse(Config(db=tmp_path / "w.db", cluster=options)) as nf:
        nf.ingest([examples_dir / "articles"])
        originals = nf.store.originals()
        stored = nf.store.memberships()
    assert len(stored) == len(originals) == 102
    by_story: dict[str, set[str]] = {}
    for article in originals:
        by_story.setdefault(stored[article.id], set()).add(article.id)
    streamed = cluster_stream(originals, options, "storyline")
    assert sorted(map(sorted, by_story.values())) == sorted(
        sorted(originals[i].id for i in group) for group in streamed
    )


def test_articles_stored_but_not_clustered_are_replayed(examples_dir: Path, tmp_path: Path) -> None:
    first, second = _split(examples_dir, tmp_path)
    db = tmp_path / "a.db"
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([first])  # closing saves the clustering state
    store = SQLiteStore(db)
    saved = store.state.head()
    assert saved is not None and saved[1] == 60
    parts = {n: store.state.part(n) or b"" for n in store.state.names()}
    store.close()
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([second])
    expected = _memberships(db)
    store = SQLiteStore(db)
    store.state.save(*saved, parts, parts)  # as if the process had died before saving
    store.close()
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([])  # loading the tracker replays the 40 unclustered articles
        assert nf.store.memberships() == expected
    assert SQLiteStore(db).state.head()[1] == 100  # type: ignore[index]


def test_recluster_matches_batch_and_keeps_ids(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    config = _config(db)
    with newsfuse.open(db, config) as nf:
        nf.ingest([examples_dir / "articles"])
        before = {s.id: set(s.article_ids) for s in nf.stories()}
        events = nf.recluster()
        after = {s.id: set(s.article_ids) for s in nf.stories()}
        originals = nf.store.originals()
    expected = {
        frozenset(originals[i].id for i in g)
        for g in cluster_batch(originals, config.cluster, "storyline")
    }
    assert {frozenset(m) for m in after.values()} == expected
    # Every batch story that overlaps an old one carries an old id.
    for sid, members in after.items():
        if any(members & old for old in before.values()):
            assert sid in before
    event_ids = set(_event_memberships(db).values())
    for event in events:
        assert event.kind in ("merge", "split") and event.story_id in set(after) | event_ids
    batch_events = {
        frozenset(originals[i].id for i in g)
        for g in cluster_batch(originals, config.cluster, "event")
    }
    assert _groups(_event_memberships(db)) == batch_events
    with newsfuse.open(db, config) as nf:  # the stream continues from the batch result
        assert nf.ingest([examples_dir / "articles"]).already_present == len(originals)


def test_a_later_copy_joins_its_originals_story(examples_dir: Path, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    seeds = examples_dir / "articles" / "freebeacon.com"
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([seeds])
        [story] = nf.stories()
    first = sorted(seeds.glob("*.txt"))[0].read_text(encoding="utf-8")
    copy = tmp_path / "wire" / "copy.txt"
    copy.parent.mkdir()
    copy.write_text("Russian bombers use Iranian base\n\n" + first, encoding="utf-8")
    with newsfuse.open(db, _config(db)) as nf:
        report = nf.ingest([copy.parent])
        assert report.duplicates == 1 and report.new_stories == 0
        [after] = nf.stories()
    assert after.id == story.id and len(after.duplicate_ids) == 1


def test_changed_options_recluster_instead_of_reusing_the_state(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([examples_dir / "articles"])
        ids = {s.id for s in nf.stories()}
    other = Config(db=db, cluster=ClusterOptions(batch_size=10, threshold=0.2))
    with newsfuse.open(db, other) as nf:
        nf.ingest([])
        stories = nf.stories()
        originals = {a.id for a in nf.store.originals()}
    assert {a for s in stories for a in s.article_ids} == originals
    assert len(stories) > len(ids)  # the stricter threshold splits stories here (15 -> more)
    assert any(s.id in ids for s in stories)  # surviving stories keep their ids


def test_events_are_stored_as_streamed_and_sit_in_one_storyline(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    config = _config(db)
    with newsfuse.open(db, config) as nf:
        nf.ingest([examples_dir / "articles"])
        originals = nf.store.originals()
        storylines = {s.id: s for s in nf.stories()}
        nested = {sid: nf.storyline_events(sid) for sid in storylines}
    stored = _event_memberships(db)
    assert set(stored) == {a.id for a in originals}  # every article has an event
    streamed = cluster_stream(originals, config.cluster, "event")
    assert _groups(stored) == {frozenset(originals[i].id for i in g) for g in streamed}
    # Every event is listed under exactly one storyline, and events split storylines
    # (the Wikinews stories are months of coverage), never the other way round.
    listed = [e.id for events in nested.values() for e in events]
    assert sorted(listed) == sorted(set(stored.values()))
    assert len(set(stored.values())) > len(storylines)
    for sid, events in nested.items():
        inside = set(storylines[sid].article_ids)
        assert sum(len(set(e.article_ids) & inside) for e in events) >= len(inside) * 0.9


def test_storyline_brief_is_a_dated_line_per_event_then_the_latest_events_brief(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    with newsfuse.open(db, _config(db)) as nf:
        nf.ingest([examples_dir / "articles" / WIKINEWS])
        haiti = next(s for s in nf.stories() if "Haiti" in (s.headline or ""))
        sb = nf.storyline_brief(haiti.id, words=80)
        event_brief = nf.brief(sb.events[0].id, words=80)
    assert len(sb.events) >= 2 and all(e.headline for e in sb.events)
    starts = [e.first_date for e in sb.events]
    assert None not in starts and starts == sorted(starts)  # type: ignore[type-var]
    # the latest news is the event reported last (not the one that began last)
    newest = max(e.last_date for e in sb.events if e.last_date)
    (latest_event,) = [e for e in sb.events if e.id == sb.latest.story_id]
    assert latest_event.last_date == newest
    latest = set(latest_event.article_ids)
    assert sb.latest.sentences
    assert {c.article_id for s in sb.latest.sentences for c in s.citations} <= latest
    first = set(sb.events[0].article_ids)
    assert {c.article_id for s in event_brief.sentences for c in s.citations} <= first
    text = newsfuse.storylines.render_storyline(sb)
    assert text.count("\n- ") == len(sb.events) and "## Latest: " in text

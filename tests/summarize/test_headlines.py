"""Stored headlines, of storylines and of events: computed by the writer when a story
or event changes, the same as `headline` of its articles, kept when its members do
not change, and only read (never computed nor written) by every view."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsfuse
from newsfuse.check import check, repair
from newsfuse.config import Config
from newsfuse.headlines import CountedParses, story_headlines, storyline_focus
from newsfuse.models import Models
from newsfuse.serve.app import create_app
from newsfuse.store.postgres import SCHEMA_VERSION as POSTGRES_VERSION
from newsfuse.store.sqlite import SCHEMA_VERSION as SQLITE_VERSION
from newsfuse.storylines import UNSTORED, event_line
from newsfuse.summarize import headline

WIKINEWS = "en.wikinews.org"


def _wikinews(examples_dir: Path, tmp_path: Path, part: int) -> Path:
    """Half the bundled Wikinews articles (stories M001, M003... or M002, M004...)."""
    folder = tmp_path / f"part{part}" / WIKINEWS
    folder.mkdir(parents=True)
    for f in sorted((examples_dir / "articles" / WIKINEWS).glob("*.txt")):
        if int(f.name[1:4]) % 2 == part:
            (folder / f.name).write_bytes(f.read_bytes())
    return folder.parent


def test_stored_headlines_are_the_headline_of_the_story(examples_dir: Path, tmp_path: Path) -> None:
    """A storyline's headline is the headline of its focus (`storyline_focus`: the
    event that stands for it), computed alike in batches and alone."""
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        stories = nf.store.stories()
        members = [(s.id, nf.store.articles(s.article_ids)) for s in stories]
        event_of = nf.store.events_of([a.id for _, arts in members for a in arts])
    assert stories and all(s.headline for s in stories)
    members = [(sid, storyline_focus(arts, event_of)) for sid, arts in members]
    nlp = Models().headline_nlp()
    batched = story_headlines(members, nlp)
    for story in stories:
        articles = dict(members)[story.id]
        assert story.headline == batched[story.id] == headline(articles, nlp=nlp)


def test_a_storyline_is_headed_by_its_central_event_not_its_latest_minor_one(
    examples_dir: Path, tmp_path: Path
) -> None:
    """The bundled Wikinews Chile storyline (CC BY 2.5): ten reports from the 8.8 quake
    in February to four minor aftershocks in November. The headline of all ten leaned
    to the latest title (the November aftershocks); the storyline is now headed by an
    event that is central to it, and its latest event heads it only when it is."""
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        stories = nf.store.stories()
        members = {s.id: nf.store.articles(s.article_ids) for s in stories}
        event_of = nf.store.events_of([a.id for arts in members.values() for a in arts])
    chile = next(s for s in stories if sum("Chile" in (a.title or "") for a in members[s.id]) > 5)
    articles = members[chile.id]
    latest = max(articles, key=lambda a: str(a.date))
    assert "aftershock" in (latest.title or "")  # the case: the latest report is minor
    assert chile.headline and chile.headline != latest.title
    assert "Chile" in chile.headline
    focus = storyline_focus(articles, event_of)
    assert latest not in focus and len({event_of[a.id] for a in focus}) == 1
    # undated text has no latest to weigh: the storyline keeps all its articles
    undated = [replace(a, date=None) for a in articles]
    assert storyline_focus(undated, event_of) == undated


def test_a_story_no_article_joined_keeps_its_stored_headline(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 1)])
        before = {s.id: s.article_ids for s in nf.store.stories()}
        for story_id in before:  # a mark that only a recomputation would erase
            nf.store.set_headline(story_id, "kept")
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 0)])
        after = {s.id: s for s in nf.store.stories()}
    unchanged = [sid for sid, ids in before.items() if after[sid].article_ids == ids]
    changed = [sid for sid, ids in before.items() if after[sid].article_ids != ids]
    assert unchanged, "the second half should leave some stories of the first alone"
    assert all(after[sid].headline == "kept" for sid in unchanged)
    assert all(after[sid].headline != "kept" for sid in changed)


def _event_headlines_match(nf: newsfuse.Newsfuse) -> list[str]:
    """Every event's stored headline against `headline` of its originals in the order
    the storyline lists them; returns the stored ones."""
    events = [e for v in nf.storyline_map().values() for e in v]
    nlp = Models().headline_nlp()
    assert events
    for event in events:
        assert event.headline == headline(nf.store.articles(event.article_ids), nlp=nlp)
    return [e.headline or "" for e in events]


def _missing(nf: newsfuse.Newsfuse) -> list[str]:
    """What `check` finds missing among headlines (an open archive's clustering state
    is saved when it closes: "unclustered" until then)."""
    return [i for f in check(nf.store) if f.kind == "missing-headline" for i in f.ids]


def test_event_headlines_are_stored_and_recluster_recomputes_them(
    examples_dir: Path, tmp_path: Path
) -> None:
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        _event_headlines_match(nf)
        assert not _missing(nf)
        nf.recluster()
        _event_headlines_match(nf)
        assert not _missing(nf)


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_an_event_whose_originals_did_not_change_keeps_its_headline(
    backend: str, examples_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    db = _archive(backend, tmp_path, request)
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 1)])
        before = {e.id: e.article_ids for v in nf.storyline_map().values() for e in v}
        nf.store.set_event_headlines([(e, "kept") for e in before])
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 0)])
        after = {e.id: e for v in nf.storyline_map().values() for e in v}
        assert not _missing(nf)
    unchanged = [e for e, ids in before.items() if e in after and after[e].article_ids == ids]
    changed = [e for e, ids in before.items() if e in after and after[e].article_ids != ids]
    assert unchanged and all(after[e].headline == "kept" for e in unchanged)
    assert all(after[e].headline != "kept" for e in changed)
    assert all(e.headline != "kept" for e in after.values() if e.id not in before)


def _archive(backend: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    if backend == "sqlite":
        return str(tmp_path / "a.db")
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_check_finds_a_missing_event_headline_and_repair_stores_it(
    backend: str, examples_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """An archive from before event headlines were stored: the migration leaves a stale
    row per event, `check` reports them, `check --repair` computes them."""
    db = _archive(backend, tmp_path, request)
    version = (
        f"PRAGMA user_version = {SQLITE_VERSION - 1}"
        if backend == "sqlite"
        else f"UPDATE newsfuse_schema SET version = {POSTGRES_VERSION - 1}"
    )
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 1)])
        nf.store.sql("DROP TABLE event_headlines")
        nf.store.sql("DELETE FROM schema_migrations WHERE name = 'event-headlines'")
        nf.store.sql(version)
    with newsfuse.open(db) as nf:  # the migration runs again
        events = nf.store.event_headlines()
        assert events and set(events.values()) == {None}
        found = check(nf.store)
        assert [f.kind for f in found] == ["missing-headline"]
        assert set(found[0].ids) == set(events)
        assert all(UNSTORED in event_line(e) for v in nf.storyline_map().values() for e in v)
        repair(nf.store, nf.config)
        assert not check(nf.store)
        _event_headlines_match(nf)


def _snapshot(nf: newsfuse.Newsfuse) -> tuple[object, ...]:
    rows = nf.store.sql("SELECT id, headline, updated_at FROM stories ORDER BY id")
    events = nf.store.sql("SELECT event_id, headline FROM event_headlines ORDER BY event_id")
    return (nf.store.read_mark(), [tuple(r) for r in rows], [tuple(r) for r in events])


def test_reads_never_write(examples_dir: Path, tmp_path: Path) -> None:
    """Listing, story and event views, storyline briefs and every GET of the HTTP API
    leave the stories' and events' rows (headlines, times) as they were."""
    db = tmp_path / "a.db"
    with newsfuse.open(db) as nf:
        nf.ingest([examples_dir / "articles"])
    with newsfuse.open(db) as nf:  # the ingest's clustering state saved as it closed
        before = _snapshot(nf)
        storylines = nf.storyline_map()
        sid = next(k for k, v in storylines.items() if len(v) > 1)
        eid = storylines[sid][0].id
        nf.stories(), nf.story(sid), nf.story(eid), nf.brief(eid), nf.storyline_brief(sid)
        assert _snapshot(nf) == before
    with TestClient(create_app(Config(db=db))) as client:
        for path in (
            "/api/stories",
            f"/api/stories/{sid}",
            f"/api/stories/{eid}",
            f"/api/stories/{sid}/storyline",
            f"/api/stories/{eid}/brief",
            f"/api/stories/{sid}/changes",
        ):
            assert client.get(path).status_code == 200, path
    with newsfuse.open(db) as nf:
        assert _snapshot(nf) == before


def test_untitled_stories_computed_in_rounds_have_the_headline_of_their_articles(
    examples_dir: Path, tmp_path: Path
) -> None:
    """A story with no title is computed in rounds (each text it needs parsed in a batch
    with the other stories' next texts, none alone): each headline is still `headline`
    of its articles, and some stories needed more than their first lead."""
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        members = [
            (s.id, [replace(a, title=None) for a in nf.store.articles(s.article_ids)])
            for s in nf.store.stories()
        ]
    nlp = Models().headline_nlp()
    counted = CountedParses(nlp)
    batched = story_headlines(members, counted)
    assert batched == {sid: headline(articles, nlp=nlp) for sid, articles in members}
    assert counted.single == 0
    assert counted.piped > len({tuple(a.id for a in arts) for _, arts in members})

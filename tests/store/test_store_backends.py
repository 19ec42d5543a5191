"""Every storage backend keeps the Store contract: the same tests on a real SQLite file
and on a real PostgreSQL server (a throwaway cluster per test session, conftest.py),
and one archive ingested into each gives the same stories, briefs and search results.

Fixtures are the bundled real articles (the seed articles and 100 Wikinews ones)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newsfuse
from legacy_schema import LEGACY
from newsfuse.articles import make_article
from newsfuse.cli import app
from newsfuse.config import Config
from newsfuse.errors import NewsfuseError
from newsfuse.store import Placement, Store, open_store
from newsfuse.store.schema import MIGRATIONS
from newsfuse.summarize import brief_to_dict
from newsfuse.types import Article, Failure, Story, StoryEvent

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
SEED = EXAMPLES / "freebeacon.com"


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    """A new, empty database of each backend."""
    if request.param == "sqlite":
        return tmp_path / "a.db"
    url: str = request.getfixturevalue("postgres_url")
    return url


@pytest.fixture()
def store(db: str | Path) -> Iterator[Store]:
    opened = open_store(Config(db=db))
    yield opened
    opened.close()


def _seed_article() -> tuple[Article, np.ndarray]:
    body = (SEED / "004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    article = make_article(body=body, source="004.txt", outlet="freebeacon.com")
    return article, np.arange(128, dtype=np.uint64)


def test_article_round_trip(store: Store) -> None:
    article, sig = _seed_article()
    store.add_article(article, sig, 321)
    [back] = store.articles()
    assert back == article
    [(aid, sig_back, n)] = list(store.signatures())
    assert aid == back.id and n == 321 and np.array_equal(sig_back, sig)
    assert store.has_article(back.id) and not store.has_article("nope")
    assert store.articles(["nope", back.id]) == [back]


def test_rollback_keeps_nothing(store: Store) -> None:
    article, sig = _seed_article()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article, sig, 1)
        raise RuntimeError("boom")
    assert store.articles() == [] and not store.has_article(article.id)


def test_stories_replace_and_failures_once(store: Store) -> None:
    article, sig = _seed_article()
    store.add_article(article, sig, 1)
    aid = article.id
    story = Story(id="s-1", article_ids=(aid,), headline="H", first_date=dt.date(2016, 8, 16))
    store.replace_stories([story])
    got = store.story("s-1")
    assert got is not None and got.article_ids == (aid,) and got.outlets == ("freebeacon.com",)
    assert got.first_date == article.date  # from the member articles, not the record
    store.replace_stories([])
    assert store.stories() == [] and store.story("s-1") is None
    for _ in range(2):
        store.add_failure(Failure("x.bin", "E102", "binary file"))
    assert store.failures() == [Failure("x.bin", "E102", "binary file")]


def test_assign_merge_events_and_cluster_state(store: Store) -> None:
    article, sig = _seed_article()
    store.add_article(article, sig, 1)
    store.assign([Placement(article.id, "s-a", 0)])
    assert store.story_of(article.id) == "s-a" and store.count_stories() == 1
    story = store.story("s-a")
    assert story is not None and story.headline is None
    store.set_headline("s-a", "H")
    store.assign([Placement(article.id, "s-b", 0)])  # moved: s-b created, s-a left empty
    store.merge_story("s-b", "s-a")
    assert store.story("s-a") is None and store.memberships() == {article.id: "s-b"}
    store.add_event(StoryEvent("merge", "s-b", "s-a", "test"))
    [event] = store.events("s-a")
    assert (event.kind, event.story_id, event.other_id) == ("merge", "s-b", "s-a") and event.at
    assert store.state.head() is None
    store.state.save(b"one", 1, {"p1": b"x", "p2": b"y"}, ["p1", "p2"])
    # p1 is kept without being sent again, p2 is dropped, p3 is new.
    store.state.save(b"two", 2, {"p3": b"z"}, ["p1", "p3"])
    assert store.state.head() == (b"two", 2)
    assert store.state.names() == {"p1", "p3"}
    assert store.state.part("p1") == b"x" and store.state.part("p2") is None
    assert [a.id for a in store.originals()] == [article.id] and store.originals(skip=1) == []


def test_a_read_snapshot_never_sees_a_commit_made_during_it(db: str | Path) -> None:
    """What the server's readers rely on (serve/cache.py): an answer built in `reading()`
    sees one committed state, and `read_mark` (comparable across connections) changes
    with every batch, and when the writer stores a headline after its batch."""
    writer, reader = open_store(Config(db=db)), open_store(Config(db=db))
    try:
        article, sig = _seed_article()
        writer.add_article(article, sig, 1)
        writer.assign([Placement(article.id, "s-a", 0)])
        marks = [reader.read_mark()]
        assert writer.read_mark() == marks[0]  # the same state: the same mark
        with reader.reading():
            before = reader.count_stories()
            with writer.transaction():
                writer.assign([Placement(article.id, "s-b", 0)])
                writer.merge_story("s-b", "s-a")
                writer.add_event(StoryEvent("merge", "s-b", "s-a", "test"))
            assert reader.count_stories() == before and reader.story("s-a") is not None
        assert reader.story("s-a") is None and reader.story("s-b") is not None
        marks.append(reader.read_mark())
        writer.set_headline("s-b", "A headline")  # stored after the batch
        marks.append(reader.read_mark())
        assert len(set(marks)) == 3
    finally:
        writer.close()
        reader.close()


@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    title=st.one_of(
        st.none(), st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1)
    ),
    body=st.text(
        st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1, max_size=400
    ).filter(lambda s: s.strip() != ""),
    day=st.one_of(st.none(), st.dates()),
)
def test_any_text_round_trips(
    store: Store, title: str | None, body: str, day: dt.date | None
) -> None:
    """Any text (NUL aside: extraction drops control characters, and PostgreSQL text
    cannot hold NUL) and any date come back as they went in."""
    article = make_article(body=body, title=title, date=day, source="hypothesis")
    assume(not store.has_article(article.id))  # the store lives across examples
    store.add_article(article, np.zeros(4, dtype=np.uint64), 0)
    assert store.articles([article.id]) == [article]


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory, postgres_server: str) -> list[str | Path]:
    """The bundled examples ingested into an SQLite file and a PostgreSQL database."""
    import psycopg

    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute("CREATE DATABASE archive")
    dbs: list[str | Path] = [
        tmp_path_factory.mktemp("sqlite") / "news.db",
        postgres_server.replace("/postgres?", "/archive?"),
    ]
    for db in dbs:
        with newsfuse.open(db) as nf:
            report = nf.ingest([EXAMPLES])
            assert report.ingested == 102 and not report.failures
    return dbs


def _summary(db: str | Path) -> dict[str, Any]:
    with newsfuse.open(db) as nf:
        stories = nf.stories()
        return {
            "stories": sorted((s.id, s.article_ids, s.headline, s.outlets) for s in stories),
            "by_size": [s.id for s in nf.story_page("size", 100)],
            "by_date": [s.id for s in nf.story_page("recent", 100)],
            "briefs": [brief_to_dict(nf.brief(s.id)) for s in stories],
            "events": nf.events(),
            "duplicates": nf.store.duplicate_pairs(),
        }


def test_one_archive_in_both_backends_is_the_same(archives: list[str | Path]) -> None:
    sqlite, postgres = (_summary(db) for db in archives)
    assert len(sqlite["stories"]) == 12  # storylines: the 10 Wikinews ones, 2 more
    assert sqlite == postgres


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Hamadan", "Russia Deployed Warplanes"),
        ('"air base" iran', "Russia Deployed Warplanes"),
        ("tu-22m3 OR su-34", "Russia Deployed Warplanes"),
        ("bomb* Leeds", "London bombing"),
        ("tsunami -quake", "Tsunami"),
    ],
)
def test_search_finds_the_same_story_in_both(
    archives: list[str | Path], query: str, expected: str
) -> None:
    found = []
    for db in archives:
        with newsfuse.open(db) as nf:
            hits = nf.search(query)
            assert hits, (db, query)
            assert "**" in hits[0].hits[0].snippet
            found.append(hits[0].story.id)
            titles = [a.title or "" for a in nf.articles(hits[0].story.article_ids)]
            assert any(t.startswith(expected) for t in titles), (db, query, titles)
    assert found[0] == found[1]


def test_cli_and_server_take_a_postgres_url(postgres_url: str) -> None:
    runner = CliRunner()
    seed = [str(p) for p in sorted(SEED.glob("*.txt"))]
    ingested = runner.invoke(app, ["ingest", *seed, "--db", postgres_url])
    assert ingested.exit_code == 0, ingested.output
    listed = runner.invoke(app, ["stories", "--db", postgres_url, "--format", "json"])
    [story] = json.loads(listed.stdout)
    assert len(story["articles"]) == 2
    brief = runner.invoke(app, ["brief", story["id"], "--db", postgres_url, "--no-analysis"])
    assert "Hamadan" in brief.stdout


def test_bad_postgres_databases_are_clear_errors(postgres_url: str) -> None:
    import psycopg

    missing = postgres_url.replace("postgresql://newsfuse@", "postgresql://newsfuse:secret@")
    missing = missing.split("?")[0] + "x?" + missing.split("?")[1]
    with pytest.raises(NewsfuseError, match="cannot connect") as caught:
        open_store(Config(db=missing))
    assert "secret" not in str(caught.value) and "***" in str(caught.value)
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE articles (id INTEGER)")
    with pytest.raises(NewsfuseError, match="not a newsfuse database"):
        open_store(Config(db=postgres_url))


def test_newer_postgres_schema_is_refused(postgres_url: str) -> None:
    import psycopg

    open_store(Config(db=postgres_url)).close()
    with psycopg.connect(postgres_url, autocommit=True) as conn:
        conn.execute("UPDATE newsfuse_schema SET version = 99")
    with pytest.raises(NewsfuseError, match="newer than this newsfuse"):
        open_store(Config(db=postgres_url))


def test_an_archive_from_before_named_migrations_upgrades_in_place(db: str | Path) -> None:
    """An archive in the shape of SQLite schema 8 / PostgreSQL schema 2 (story order
    packed in `rank`, no migrations table: tests/legacy_schema.py) gains the named
    migrations when opened, and every story keeps its order; the archive is then
    marked with the new version, which older code refuses."""
    first, sig = _seed_article()
    copy = make_article(body=first.body + " Copy.", source="c.txt")
    second = make_article(
        body=(SEED / "000_3604e5932b19534a.txt").read_text(encoding="utf-8"), source="000.txt"
    )
    store = open_store(Config(db=db))
    store.add_article(first, sig, 1)
    store.add_article(second, sig + 1, 1)
    store.add_article(dataclasses.replace(copy, duplicate_of=first.id), sig, 1)
    store.assign([Placement(second.id, "s-a", 1), Placement(first.id, "s-a", 0)])
    store.assign([Placement(copy.id, "s-a", 2, duplicate=True)])
    before = store.stories()
    legacy = 8 if store.dialect.name == "sqlite" else 2  # type: ignore[attr-defined]
    for statement in LEGACY:
        store.sql(statement)
    if legacy == 8:
        store.sql(f"PRAGMA user_version = {legacy}")
    else:
        store.sql("UPDATE newsfuse_schema SET version = ?", (legacy,))
    assert store.sql("SELECT rank FROM story_articles ORDER BY rank") == [(0,), (2,), (5,)]
    store.close()
    store = open_store(Config(db=db))
    assert store.stories() == before
    rows = store.sql("SELECT article_id, position, duplicate FROM story_articles ORDER BY position")
    assert rows == [(first.id, 0, 0), (second.id, 1, 0), (copy.id, 2, 1)]
    applied = [str(r[0]) for r in store.sql("SELECT name FROM schema_migrations")]
    assert sorted(applied) == sorted(["base", *(s.name for s in MIGRATIONS)])
    store.close()


def test_a_batch_of_articles_is_stored_as_one_by_one(db: str | Path) -> None:
    """add_articles/has_articles (a batch in a few statements) store what add_article
    stores one at a time: the same articles, sentences, signatures and search index."""
    files = sorted((EXAMPLES / "en.wikinews.org").glob("M00*.txt"))[:6]
    articles = [make_article(body=f.read_text(encoding="utf-8"), source=f.name) for f in files]
    copy = make_article(body=articles[0].body + " Copy.", source="copy.txt")
    articles.append(dataclasses.replace(copy, duplicate_of=articles[0].id))
    rows = [(a, np.arange(128, dtype=np.uint64) + i, 10 + i) for i, a in enumerate(articles)]
    one, many = open_store(Config(db=db)), open_store(Config(db=_sibling(db)))
    try:
        for row in rows:
            one.add_article(*row)
        assert many.has_articles([a.id for a in articles]) == set()
        many.add_articles(rows)
        assert many.has_articles([a.id for a in articles[:3]] + ["nope"]) == {
            a.id for a in articles[:3]
        }
        assert many.articles() == one.articles() == articles
        assert [(i, n) for i, _, n in many.signatures()] == [(i, n) for i, _, n in one.signatures()]
        assert many.duplicate_pairs() == [(copy.id, articles[0].id)]
        word = articles[1].body.split()[3]
        assert [h.article_id for h in many.search(word, 5)] == [
            h.article_id for h in one.search(word, 5)
        ]
    finally:
        one.close()
        many.close()


def _sibling(db: str | Path) -> str | Path:
    """A second new database beside `db` (another file, or another PostgreSQL database)."""
    if isinstance(db, Path):
        return db.with_name("b.db")
    import psycopg

    base, _, query = db.partition("?")
    server, _, name = base.rpartition("/")
    with psycopg.connect(db, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}b")
    return f"{server}/{name}b?{query}"

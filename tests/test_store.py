"""SQLite store: round-trips, schema versioning, transactions, on a real file."""

from __future__ import annotations

import datetime as dt
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsfuse.articles import make_article
from newsfuse.errors import NewsfuseError
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore
from newsfuse.types import Article, Failure, Story, StoryEvent

SEED = Path(__file__).resolve().parents[1] / "examples/articles/freebeacon.com"


def _seed_article() -> tuple[Article, np.ndarray]:
    body = (SEED / "004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    article = make_article(body=body, source="004.txt", outlet="freebeacon.com")
    return article, np.arange(128, dtype=np.uint64)


def test_article_round_trip(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    article, sig = _seed_article()
    store.add_article(article, sig, 321)
    [back] = store.articles()
    assert back == article
    [(aid, sig_back, n)] = list(store.signatures())
    assert aid == back.id and n == 321 and np.array_equal(sig_back, sig)
    assert store.has_article(back.id) and not store.has_article("nope")


def test_rollback_keeps_nothing(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    article, sig = _seed_article()
    with pytest.raises(RuntimeError), store.transaction():
        store.add_article(article, sig, 1)
        raise RuntimeError("boom")
    assert store.articles() == []


def test_schema_version_and_newer_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    SQLiteStore(path).close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(NewsfuseError, match="E301"):
        SQLiteStore(path)


def test_schema_2_database_gains_the_state_parts_table(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    store = SQLiteStore(path)
    store.save_cluster_state(b"head", 1, {}, [])
    store.close()
    con = sqlite3.connect(path)  # as a database written before state parts existed
    con.execute("DROP TABLE cluster_state_parts")
    con.execute("PRAGMA user_version = 2")
    con.close()
    store = SQLiteStore(path)
    assert store.cluster_state() == (b"head", 1) and store.cluster_state_parts() == set()
    store.save_cluster_state(b"new", 2, {"p": b"x"}, ["p"])
    assert store.cluster_state_part("p") == b"x"


def test_schema_3_database_moves_signatures_to_their_table(tmp_path: Path) -> None:
    """Before schema 4 the signatures lived in articles.minhash; upgrading keeps them
    (originals only, in ingest order) and the rebuilt index reads the new table."""
    path = tmp_path / "a.db"
    article, sig = _seed_article()
    copy = make_article(body=article.body + " Copy.", source="c.txt")
    copy = replace(copy, duplicate_of=article.id)
    store = SQLiteStore(path)
    store.add_article(article, sig, 321)
    store.add_article(copy, sig + 1, 322)
    store.close()
    con = sqlite3.connect(path)  # as schema 3 wrote it: the blobs in the article rows
    con.execute("UPDATE articles SET minhash = ? WHERE id = ?", (sig.tobytes(), article.id))
    con.execute("UPDATE articles SET minhash = ? WHERE id = ?", ((sig + 1).tobytes(), copy.id))
    con.execute("DROP TABLE signatures")
    con.execute("PRAGMA user_version = 3")
    con.commit()
    con.close()
    store = SQLiteStore(path)
    [(aid, back, n)] = list(store.signatures())
    assert (aid, n) == (article.id, 321) and np.array_equal(back, sig)
    later = make_article(body=article.body + " Later.", source="later.txt")
    store.add_article(later, sig + 2, 7)
    assert [a for a, _, _ in store.signatures(last=1)] == [later.id]
    assert [a for a, _, _ in store.signatures()] == [article.id, later.id]


def test_schema_4_database_moves_sentences_to_their_seq_keyed_table(tmp_path: Path) -> None:
    """Until schema 4, sentences were keyed by content-hash ids; upgrading moves every
    row (text, offsets, ids) to the table keyed by article seq and drops the old one."""
    path = tmp_path / "a.db"
    article, sig = _seed_article()
    store = SQLiteStore(path)
    store.add_article(article, sig, 1)
    store.close()
    con = sqlite3.connect(path)  # as schema 4 wrote it
    con.executescript(
        """
        CREATE TABLE sentences (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER
            NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER
            NOT NULL, text TEXT NOT NULL);
        INSERT INTO sentences SELECT s.id, a.id, s.idx, s.paragraph, s.start, s."end", s.text
            FROM article_sentences s JOIN articles a ON a.seq = s.seq;
        DROP TABLE article_sentences;
        PRAGMA user_version = 4;
        """
    )
    con.close()
    store = SQLiteStore(path)
    [back] = store.articles()
    assert len(article.sentences) > 5 and back.sentences == article.sentences
    later = make_article(body=article.body + " Later.", source="later.txt")
    store.add_article(later, sig + 1, 2)
    assert [a.sentences for a in store.articles([later.id])] == [later.sentences]
    store.close()
    con = sqlite3.connect(path)
    names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert "sentences" not in names and "article_sentences" in names


def test_not_a_database_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    path.write_bytes((SEED / "000_3604e5932b19534a.txt").read_bytes())
    with pytest.raises(NewsfuseError, match="not a newsfuse database"):
        SQLiteStore(path)


def test_stories_replace_and_failures_once(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
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


@settings(max_examples=40, deadline=None)
@given(
    title=st.one_of(st.none(), st.text(min_size=1, max_size=80)),
    body=st.text(min_size=1, max_size=400).filter(lambda s: s.strip() != ""),
    day=st.one_of(st.none(), st.dates()),
)
def test_any_text_round_trips(title: str | None, body: str, day: dt.date | None) -> None:
    store = SQLiteStore(":memory:")
    article = make_article(body=body, title=title, date=day, source="hypothesis")
    store.add_article(article, np.zeros(4, dtype=np.uint64), 0)
    assert store.articles([article.id]) == [article]
    store.close()


def test_assign_merge_events_and_cluster_state(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    article, sig = _seed_article()
    store.add_article(article, sig, 1)
    store.assign([(article.id, "s-a", 0)])
    assert store.story_of(article.id) == "s-a" and store.count_stories() == 1
    assert store.story("s-a") is not None and store.story("s-a").headline is None  # type: ignore[union-attr]
    store.set_headline("s-a", "H")
    store.assign([(article.id, "s-b", 0)])  # moved: s-b created, s-a left empty
    store.merge_story("s-b", "s-a")
    assert store.story("s-a") is None and store.memberships() == {article.id: "s-b"}
    store.add_event(StoryEvent("merge", "s-b", "s-a", "test"))
    [event] = store.events("s-a")
    assert (event.kind, event.story_id, event.other_id) == ("merge", "s-b", "s-a") and event.at
    assert store.cluster_state() is None
    store.save_cluster_state(b"one", 1, {"p1": b"x", "p2": b"y"}, ["p1", "p2"])
    # p1 is kept without being sent again, p2 is dropped, p3 is new.
    store.save_cluster_state(b"two", 2, {"p3": b"z"}, ["p1", "p3"])
    assert store.cluster_state() == (b"two", 2)
    assert store.cluster_state_parts() == {"p1", "p3"}
    assert store.cluster_state_part("p1") == b"x" and store.cluster_state_part("p2") is None
    assert [a.id for a in store.originals()] == [article.id] and store.originals(skip=1) == []


def test_write_tuning_is_set_per_connection(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    db = store._db
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -65536
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 16384
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()

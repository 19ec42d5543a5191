"""SQLite store specifics: schema versions and upgrades, pragmas, on a real file. The
contract every backend keeps is tested in test_store_backends.py."""

from __future__ import annotations

import shutil
import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from legacy_schema import ARCHIVE_8, LEGACY
from newsfuse.articles import make_article
from newsfuse.config import ClusterOptions
from newsfuse.errors import NewsfuseError
from newsfuse.store.schema import MIGRATIONS
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore
from newsfuse.tracking import StoryTracker
from newsfuse.types import Article

SEED = Path(__file__).resolve().parents[2] / "examples/articles/freebeacon.com"


def _seed_article() -> tuple[Article, np.ndarray]:
    body = (SEED / "004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    article = make_article(body=body, source="004.txt", outlet="freebeacon.com")
    return article, np.arange(128, dtype=np.uint64)


def _legacy(path: Path, version: int, script: str = "") -> None:
    """The archive at `path` as newsfuse wrote it at schema `version` (before named
    migrations; `script`: what else that version did differently)."""
    con = sqlite3.connect(path)
    for statement in LEGACY:
        con.execute(statement)
    con.executescript(script)
    con.execute(f"PRAGMA user_version = {version}")
    con.commit()
    con.close()


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
    store.state.save(b"head", 1, {}, [])
    store.close()
    _legacy(path, 2, "DROP TABLE cluster_state_parts")  # before state parts existed
    store = SQLiteStore(path)
    assert store.state.head() == (b"head", 1) and store.state.names() == set()
    store.state.save(b"new", 2, {"p": b"x"}, ["p"])
    assert store.state.part("p") == b"x"


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
    con.commit()
    con.close()
    _legacy(path, 3, "DROP TABLE signatures")
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
    _legacy(  # as schema 4 wrote it
        path,
        4,
        """
        CREATE TABLE sentences (id TEXT PRIMARY KEY, article_id TEXT NOT NULL, idx INTEGER
            NOT NULL, paragraph INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER
            NOT NULL, text TEXT NOT NULL);
        INSERT INTO sentences SELECT s.id, a.id, s.idx, s.paragraph, s.start, s."end", s.text
            FROM article_sentences s JOIN articles a ON a.seq = s.seq;
        DROP TABLE article_sentences;
        """,
    )
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


def test_write_tuning_is_set_per_connection(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    db = store._db
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -65536
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 16384
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_archive_written_by_schema_8_code_upgrades_in_place(tmp_path: Path) -> None:
    """A real archive of the code before named migrations (tests/legacy_schema.py):
    opened, it gains the migrations table and explicit positions, keeps every story
    in its order, and its clustering state is still the tracker's to continue."""
    path = tmp_path / "a.db"
    shutil.copyfile(ARCHIVE_8, path)
    con = sqlite3.connect(path)
    order = "ORDER BY sa.story_id, a.date IS NULL, a.date, sa.rank"
    before = con.execute(
        "SELECT sa.story_id, a.id, sa.rank, a.duplicate_of FROM story_articles sa JOIN articles a"
        f" ON a.id = sa.article_id {order}"
    ).fetchall()
    con.close()
    dups = {(s, a) for s, a, _, dup in before if dup}
    assert any(rank % 2 for _, _, rank, dup in before if dup)  # a duplicate packed in there
    store = SQLiteStore(path)
    after = [(s.id, a) for s in store.stories() for a in (*s.article_ids, *s.duplicate_ids)]
    assert after == sorted(((s, a) for s, a, _, _ in before), key=lambda r: (r[0], r in dups))
    rows = store.sql("SELECT article_id, position, duplicate FROM story_articles")
    assert sorted(rows) == sorted((a, rank // 2, rank % 2) for _, a, rank, _ in before)
    assert {r[1] for r in store.sql("PRAGMA table_info(story_articles)")} == {
        "article_id",
        "story_id",
        "position",
        "duplicate",
    }
    names = [r[0] for r in store.sql("SELECT name FROM schema_migrations ORDER BY name")]
    assert names == sorted(["base", *(s.name for s in MIGRATIONS)])
    tracker = StoryTracker(store, ClusterOptions())
    assert tracker.saved_count == 8 and tracker.clusterer.count == 8  # state reused
    store.close()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    con.close()
    SQLiteStore(path).close()  # nothing left to apply: opens as it is


def test_unknown_migration_is_a_newer_archive(tmp_path: Path) -> None:
    path = tmp_path / "a.db"
    store = SQLiteStore(path)
    store.sql("INSERT INTO schema_migrations VALUES ('from-the-future', 'now')")
    store.sql("PRAGMA user_version = 0")  # the names decide, not the number
    store.close()
    with pytest.raises(NewsfuseError, match=r"E301.*from-the-future"):
        SQLiteStore(path)

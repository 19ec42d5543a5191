"""SQLite store specifics: schema versions and upgrades, pragmas, on a real file. The
contract every backend keeps is tested in test_store_backends.py."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest

from newsfuse.articles import make_article
from newsfuse.errors import NewsfuseError
from newsfuse.store.sqlite import SCHEMA_VERSION, SQLiteStore
from newsfuse.types import Article

SEED = Path(__file__).resolve().parents[1] / "examples/articles/freebeacon.com"


def _seed_article() -> tuple[Article, np.ndarray]:
    body = (SEED / "004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    article = make_article(body=body, source="004.txt", outlet="freebeacon.com")
    return article, np.arange(128, dtype=np.uint64)


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


def test_write_tuning_is_set_per_connection(tmp_path: Path) -> None:
    store = SQLiteStore(tmp_path / "a.db")
    db = store._db
    assert db.execute("PRAGMA cache_size").fetchone()[0] == -65536
    assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == 16384
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()

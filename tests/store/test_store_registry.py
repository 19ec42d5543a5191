"""Stores are chosen by name through the registry (group `newsfuse.stores`): the
database URL's scheme names the backend, the built-ins are declared in pyproject.toml
as an outside package declares its own, and an outside package adds one with a
module and one entry point."""

from __future__ import annotations

import tomllib
from pathlib import Path

import numpy as np
import pytest

from newsfuse.articles import make_article
from newsfuse.config import Config
from newsfuse.store import STORES, SQLiteStore, open_store, store_name

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples/articles/freebeacon.com/004_c474df6a31b86826.txt"


def test_builtins_are_declared_as_entry_points() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    declared = project["project"]["entry-points"]["newsfuse.stores"]
    assert declared == dict(STORES.builtins)


def test_the_scheme_names_the_store(tmp_path: Path) -> None:
    assert store_name("postgresql://u@h/db") == ("postgresql", "postgresql://u@h/db")
    assert store_name("postgres://u@h/db") == ("postgresql", "postgres://u@h/db")
    assert store_name(tmp_path / "a.db") == ("sqlite", tmp_path / "a.db")
    assert store_name("a.db") == ("sqlite", Path("a.db"))
    assert store_name(":memory:") == ("sqlite", Path(":memory:"))
    store = open_store(Config(db=tmp_path / "a.db"))
    assert isinstance(store, SQLiteStore)
    store.close()


OUTSIDE = '''
from newsfuse.store.sqlite import SQLiteStore


class ScratchStore(SQLiteStore):
    """An archive that lives as long as the process: an SQLite store in memory."""

    def __init__(self, url: str) -> None:
        super().__init__(":memory:")
        self.url = url
'''


def test_an_outside_package_adds_a_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One module and one entry point: `scratch://` URLs open the outside store."""
    (tmp_path / "outside_store.py").write_text(OUTSIDE, encoding="utf-8")
    info = tmp_path / "outside_store-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: outside-store\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(
        "[newsfuse.stores]\nscratch = outside_store:ScratchStore\n"
    )
    assert store_name("scratch://one")[0] == "sqlite"  # not registered yet: a file path
    monkeypatch.syspath_prepend(str(tmp_path))
    assert "scratch" in STORES.names()
    store = open_store(Config(db="scratch://one"))
    assert type(store).__name__ == "ScratchStore"
    article = make_article(body=SEED.read_text(encoding="utf-8"), source="004.txt")
    store.add_article(article, np.arange(128, dtype=np.uint64), 1)
    assert [a.id for a in store.articles()] == [article.id]
    store.close()

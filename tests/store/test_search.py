"""Search: any stored story can be found by the words of its articles (#5: "old stories
leave the active window but stay searchable"), through the API, the CLI and an upgrade.

Fixtures are the bundled real articles: the two seed articles and 100 Wikinews ones.
"""

from __future__ import annotations

import json
import re
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

import newsfuse
from legacy_schema import LEGACY
from newsfuse.cli import app
from newsfuse.config import ClusterOptions, Config
from newsfuse.errors import NewsfuseError
from newsfuse.store import SQLiteStore
from newsfuse.store.query import match_expression

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples/articles"
SEEDS = ARTICLES / "freebeacon.com"
_WORD = re.compile(r"\b\w{4,}\b")


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples ingested once, with a clustering window of 20 articles so
    that most stories have left it by the end of the ingest."""
    db = tmp_path_factory.mktemp("search") / "news.db"
    config = Config(db=db, cluster=ClusterOptions(window=20, batch_size=10))
    with newsfuse.Newsfuse(config) as nf:
        report = nf.ingest([ARTICLES])
        assert report.failures == [] and report.ingested == 102
    return db


def _open(db: Path) -> newsfuse.Newsfuse:
    return newsfuse.Newsfuse(Config(db=db, cluster=ClusterOptions(window=20, batch_size=10)))


def test_seed_story_is_found_by_its_place_and_aircraft(archive: Path) -> None:
    with _open(archive) as nf:
        seed_ids = {a.id for a in nf.articles() if a.outlet == "freebeacon.com"}
        assert len(seed_ids) == 2
        for query in ("Hamadan", "tu-22m3 OR su-34", '"air base" iran'):
            found = nf.search(query)
            assert found, query
            best = found[0]
            assert set(best.story.article_ids) == seed_ids, query
            assert best.hits[0].score >= max(h.score for f in found for h in f.hits)
            assert all(h.story_id == best.story.id for h in best.hits)
            assert "**" in best.hits[0].snippet  # the matched words are marked
        # Both seed articles name the base; the stemmer matches "strike" to "strikes".
        assert {h.article_id for h in nf.search("hamadan")[0].hits} == seed_ids
        assert nf.search("strike hamadan") and nf.search("striking hamadan")


def test_query_operators_select_what_they_say(archive: Path) -> None:
    with _open(archive) as nf:
        texts = {a.id: f"{a.title}\n{a.body}".lower() for a in nf.articles()}
        store = nf.store
        tsunami = {h.article_id for h in store.search("tsunami", 500)}
        assert tsunami and all("tsunami" in texts[i] for i in tsunami)
        without_aid = {h.article_id for h in store.search("tsunami -aid", 500)}
        assert without_aid < tsunami
        assert all(not re.search(r"\baids?\b", texts[i]) for i in without_aid)
        either = {h.article_id for h in store.search("tsunami OR hamadan", 500)}
        hamadan = {h.article_id for h in store.search("hamadan", 500)}
        assert either == tsunami | hamadan
        prefix = {h.article_id for h in store.search("bomb*", 500)}
        assert prefix >= {h.article_id for h in store.search("bombers", 500)}
        assert any("bombing" in texts[i] for i in prefix)
        phrase = {h.article_id for h in store.search('"olympic torch"', 500)}
        assert phrase and all("olympic torch" in texts[i] for i in phrase)


def test_story_that_left_the_window_stays_searchable(archive: Path) -> None:
    """The first story ingested (M000, the 2004 tsunami) is no longer in the 20-article
    clustering window, yet search finds it and it can be briefed."""
    with _open(archive) as nf:
        first = nf.articles()[0]
        story_id = nf.store.story_of(first.id)
        assert story_id is not None
        nf.ingest([])  # builds the session, reading the saved window back
        assert nf._session is not None
        assert story_id not in nf._session.tracker.names.values()  # left the window
        opening = '"' + " ".join(re.findall(r"\w+", first.body)[:8]) + '"'  # a phrase
        found = nf.search(opening)
        assert [hit.story.id for hit in found] == [story_id]
        assert [h.article_id for h in found[0].hits] == [first.id]
        assert nf.brief(story_id).sentences


@pytest.mark.parametrize("query", ["", "   ", "*", '""', "-tsunami", "OR", "... !!"])
def test_query_with_nothing_to_find_is_a_clear_error(archive: Path, query: str) -> None:
    with _open(archive) as nf, pytest.raises(NewsfuseError, match="E501"):
        nf.search(query)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=40))
def test_any_typed_text_is_a_valid_query(text: str) -> None:
    """FTS5 syntax errors never reach the user: any text either runs or is E501."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE t USING fts5(body)")
    db.execute("INSERT INTO t (body) VALUES ('Russian bombers flew from Hamadan')")
    try:
        expression = match_expression(text)
    except NewsfuseError as exc:
        assert exc.code == "E501"
        return
    db.execute("SELECT rowid FROM t WHERE t MATCH ?", (expression,)).fetchall()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_article_is_found_by_any_of_its_words(archive: Path, data: st.DataObject) -> None:
    store = SQLiteStore(archive)
    try:
        articles = store.articles()
        article = data.draw(st.sampled_from(articles))
        word = data.draw(st.sampled_from(_WORD.findall(article.body)))
        found = {h.article_id for h in store.search(word, len(articles))}
        assert article.id in found
    finally:
        store.close()


def test_schema_5_database_is_indexed_on_upgrade(archive: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    path.write_bytes(archive.read_bytes())
    con = sqlite3.connect(path)  # as schema 5 wrote it: no full-text index
    for statement in LEGACY:  # nor named migrations (tests/legacy_schema.py)
        con.execute(statement)
    con.execute("DROP TABLE articles_fts")
    con.execute("PRAGMA user_version = 5")
    con.commit()
    con.close()
    store = SQLiteStore(path)
    try:
        assert len(store.search("hamadan", 10)) == 2
        assert len(store.search("tsunami", 500)) == len(SQLiteStore(archive).search("tsunami", 500))
    finally:
        store.close()


def test_cli_search_json_and_errors(archive: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(app, ["search", "--db", str(archive), "-f", "json", "hamadan"])
    assert result.exit_code == 0, result.output
    [story] = json.loads(result.stdout)
    assert story["headline"] and len(story["matches"]) == 2
    assert all("**" in m["snippet"] for m in story["matches"])
    result = runner.invoke(app, ["search", "--db", str(archive), "-n", "3", "olympic"])
    assert result.exit_code == 0 and "Olympic" in result.stdout
    result = runner.invoke(app, ["search", "--db", str(archive), "*"])
    assert result.exit_code == 2 and "E501" in result.stderr
    result = runner.invoke(app, ["search", "--db", str(archive), "zzyzx"])
    assert result.exit_code == 0 and "no story matches" in result.stderr

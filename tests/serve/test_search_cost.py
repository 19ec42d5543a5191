"""A search is refused by its size before it is parsed or run (store/query.py
`refuse_costly`): 10,000 terms joined by OR took about 2 s to be refused (most of it
in the parse), and 10,000 repetitions of one word joined by OR were parsed whole and
then searched. Both are E502 now, on SQLite and PostgreSQL, through the Python API
the CLI and the server use; the server's own 500-character cap answers 422 before it.

Fixtures: Wikinews articles bundled in examples/."""

from __future__ import annotations

from pathlib import Path

import pytest

import newsfuse
from newsfuse.config import Config
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.store.query import MAX_QUERY_CHARS, MAX_TOKENS

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str | Path:
    if request.param == "sqlite":
        return tmp_path / "news.db"
    return str(request.getfixturevalue("postgres_url"))


def test_a_search_of_thousands_of_terms_is_refused_before_it_is_read(db: str | Path) -> None:
    config = Config(db=db)
    with newsfuse.open(config.db, config) as archive:
        archive.ingest([WIKINEWS / "M001-01.txt"])
        title = archive.article(archive.story_page("size", 1, 0)[0].article_ids[0]).title
        assert title
        word = title.split()[0]
        assert archive.search(word)  # the word alone is found
        for text in (
            " OR ".join([word] * 10_000),  # before: parsed whole, then run, found
            " OR ".join(f"word{i}" for i in range(10_000)),  # before: 2 s to refuse
            " ".join([word] * (MAX_TOKENS + 1)),  # short, but more tokens than allowed
        ):
            with pytest.raises(NewsfuseError) as refused:
                archive.search(text)
            assert refused.value.code is ErrorCode.QUERY_TOO_BIG
            assert "refused before it was read" in refused.value.message
        assert len(" OR ".join([word] * 10_000)) > MAX_QUERY_CHARS
        assert archive.search(" OR ".join([word] * 20))  # a long but sane query runs

"""Hostile inputs that got through (issue 24), each now a numbered error for that input
alone, in bounded time, with the inputs after it still read; and output that cannot
be turned against the reader (terminal escapes, Markdown).

Good records are the bundled seed articles (examples/articles/freebeacon.com)."""

from __future__ import annotations

import gzip
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app
from newsfuse.config import Config, ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import iter_articles
from newsfuse.extract.fetch import check_url, fetch
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.lang import language
from newsfuse.store import open_store
from newsfuse.summarize import render_markdown
from newsfuse.terminal import line
from newsfuse.types import Article, Failure

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "articles" / "freebeacon.com"


def _seed_records() -> list[str]:
    """Two real article records (the seed scrapes) as JSONL lines."""
    out = []
    for path in sorted(SEED.glob("*.txt"))[:2]:
        text = path.read_text(encoding="utf-8")
        out.append(json.dumps({"title": path.stem, "text": text}))
    return out


def _read(*paths: Path, **options: object) -> list[Article | Failure]:
    return list(iter_articles(list(paths), ExtractOptions(**options)))  # type: ignore[arg-type]


def test_deeply_nested_jsonl_line_loses_only_that_line(tmp_path: Path) -> None:
    good, other = _seed_records()
    path = tmp_path / "deep.jsonl"
    path.write_text(f"{good}\n{'[' * 100_000}{']' * 100_000}\n{other}\n", encoding="utf-8")
    items = _read(path)
    assert sum(isinstance(i, Article) for i in items) == 2
    [failure] = [i for i in items if isinstance(i, Failure)]
    assert failure.code == ErrorCode.TOO_DEEP.value and failure.message.startswith("line 2:")


def _gzip_bomb(path: Path, byte: bytes, gib: int = 10) -> Path:
    """`gib` GiB of one byte as a gzip of a few MB (one member per MiB, repeated)."""
    member = gzip.compress(byte * (1 << 20), compresslevel=9)
    with path.open("wb") as f:
        for _ in range(gib * 1024):
            f.write(member)
    return path


@pytest.mark.parametrize(("byte", "code"), [(b"\n", "E131"), (b"\0", "E132")])
def test_gzip_of_gigabytes_is_refused_and_the_next_file_read(
    tmp_path: Path, byte: bytes, code: str
) -> None:
    bomb = _gzip_bomb(tmp_path / "bomb.jsonl.gz", byte)
    after = tmp_path / "after.jsonl"
    after.write_text("\n".join(_seed_records()) + "\n", encoding="utf-8")
    items = _read(bomb, after)
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.code for f in failures] == [code]
    assert failures[0].message.startswith("line ")
    assert sum(isinstance(i, Article) for i in items) == 2


def test_too_many_lines_is_a_numbered_error_with_the_line(tmp_path: Path) -> None:
    path = tmp_path / "many.jsonl"
    path.write_text("\n".join(_seed_records()) + "\n" * 50, encoding="utf-8")
    items = _read(path, max_lines=20)
    assert sum(isinstance(i, Article) for i in items) == 2
    assert [(f.code, f.message.split(":")[0]) for f in items if isinstance(f, Failure)] == [
        ("E131", "line 21")
    ]


def test_symlink_loop_is_named(tmp_path: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(tmp_path / "loop.txt")
    [failure] = _read(loop)
    assert isinstance(failure, Failure) and failure.code == ErrorCode.SYMLINK_LOOP.value
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    assert {i.code for i in _read(folder) if isinstance(i, Failure)} == {"E133"}


@pytest.mark.parametrize(
    "url",
    [
        "http://[::127.0.0.1]/",
        "http://[64:ff9b::7f00:1]/",
        "http://[2002:7f00:1::]/",
        "http://224.0.0.1/",
        "http://[ff02::1]/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
def test_embedded_and_multicast_addresses_are_private(url: str) -> None:
    with pytest.raises(NewsfuseError) as caught:
        check_url(url, ExtractOptions())
    assert caught.value.code is ErrorCode.PRIVATE_URL
    [failure] = _read_url(url)
    assert failure.code == "E114"


def _read_url(url: str) -> list[Failure]:
    items = list(iter_articles([url], ExtractOptions()))
    assert all(isinstance(i, Failure) for i in items)
    return [i for i in items if isinstance(i, Failure)]


def test_backslash_in_the_authority_is_a_bad_url() -> None:
    [failure] = _read_url("http://127.0.0.1:8000\\@example.com/")
    assert failure.code == ErrorCode.BAD_URL.value, failure


@pytest.fixture()
def dripping() -> Iterator[str]:
    """A server on loopback that answers one byte every 0.3 s, for a minute."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    stop = threading.Event()

    def serve() -> None:
        conn, _ = server.accept()
        conn.recv(4096)
        conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n")
        for _ in range(200):
            if stop.wait(0.3):
                break
            try:
                conn.sendall(b"a ")
            except OSError:
                break
        conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}/"
    stop.set()
    server.close()


def test_a_dripping_server_is_cut_off_at_the_deadline(dripping: str) -> None:
    options = ExtractOptions(allow_private_urls=True, fetch_deadline=1.5)
    start = time.monotonic()
    with pytest.raises(NewsfuseError) as caught:
        fetch(dripping, options)
    assert caught.value.code is ErrorCode.FETCH_FAILED and "deadline" in caught.value.message
    assert time.monotonic() - start < 10


def test_search_terms_are_bounded(tmp_path: Path) -> None:
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([SEED.parent])
        assert nf.search(" ".join(["iran"] * 80))  # repeats count once
        with pytest.raises(NewsfuseError) as caught:
            nf.search(" OR ".join(f"word{i}" for i in range(100)))
        assert caught.value.code is ErrorCode.QUERY_TOO_BIG
        nf.store.search_seconds = 0.0  # type: ignore[attr-defined]
        with pytest.raises(NewsfuseError) as caught:
            nf.search("the OR said OR was")
        assert caught.value.code is ErrorCode.SEARCH_TIMEOUT


def test_first_article_without_usable_words_is_stored(tmp_path: Path) -> None:
    empty, rest = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    # An article by its shape (60 different words) none of which is a usable word: all
    # stop words. (A line of one word repeated is a 'short' page now, not an article.)
    words = sorted(language("en").stop_words)[:60]
    empty.write_text(json.dumps({"text": " ".join(words) + "."}) + "\n", encoding="utf-8")
    rest.write_text("\n".join(_seed_records()) + "\n", encoding="utf-8")
    with newsfuse.open(tmp_path / "a.db") as nf:
        assert nf.ingest([empty]).ingested == 1  # alone: no word in the vocabulary yet
        report = nf.ingest([rest])
        assert report.ingested == 2 and not report.failures
        stories = nf.stories()
        assert all(s.article_ids for s in stories) and len(stories) == 2  # the seeds are one


def test_postgres_keeps_nul_bytes_out_without_losing_the_batch(postgres_url: str) -> None:
    good, other = _seed_records()
    bad = json.loads(good)
    bad["title"], bad["source"], bad["author"], bad["url"] = (
        "Bombers\x00 at Hamadan",
        "free\x00beacon.com",
        "Staff\x00",
        "https://example.com/\x00a",
    )
    ctx = RecordContext("t.jsonl", "t.jsonl", None, 5, 10_000_000)
    articles = [
        record_article(bad, "t.jsonl:1", ctx),
        record_article(json.loads(other), "t.jsonl:2", ctx),
    ]
    with newsfuse.open(postgres_url) as nf:
        report = nf.ingest_items(articles)
        assert report.ingested == 2
        stored = nf.article(articles[0].id)
        assert stored.title == "Bombers\ufffd at Hamadan"
        assert stored.body == articles[0].body


def test_terminal_lines_escape_control_characters(tmp_path: Path) -> None:
    db = str(tmp_path / "a.db")
    evil = tmp_path / "x\x1b[2J\nfailed: forged.txt"
    evil.write_bytes(b"")
    record = json.loads(_seed_records()[0])
    record["title"] = "Title \x1b]0;owned\x07 here"
    record["source"] = "evil\x1b[31m.com"
    feed = tmp_path / "a.jsonl"
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(evil), str(feed), "--db", db])
    assert "\x1b" not in result.stderr and "\\x1b[2J\\nfailed: forged.txt" in result.stderr
    assert len([ln for ln in result.stderr.splitlines() if ln.startswith("failed:")]) == 1
    listed = CliRunner().invoke(app, ["stories", "--db", db])
    assert listed.exit_code == 0 and "\x1b" not in listed.stdout and "\x07" not in listed.stdout
    as_json = CliRunner().invoke(app, ["stories", "--db", db, "--format", "json"])
    assert json.loads(as_json.stdout)[0]["headline"].startswith("Title \x1b]0;owned")
    assert line("a\u202eb\x9bc") == "a\\u202eb\\x9bc"


def test_unknown_listing_format_is_refused(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["stories", "--db", str(tmp_path / "a.db"), "--format", "xml"])
    assert result.exit_code == 2


def test_markdown_export_carries_no_html_or_links(tmp_path: Path) -> None:
    record = json.loads(_seed_records()[0])
    record["text"] = record["text"].replace(
        "\n", " <script>alert(1)</script> and [here](javascript:alert(2)).\n", 1
    )
    record["title"] = "<img src=x onerror=alert(3)>"
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    [brief] = newsfuse.brief_files([path], words=400)
    text = render_markdown(replace(brief, headline="<b>headline</b>"))
    assert "\\<script>" in text or "script" not in text  # shown, never a tag
    assert not re.search(r"(?<!\\)<(?:script|img|b>)", text)
    assert "](javascript:" not in text


def test_reads_do_not_write(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    with newsfuse.open(db) as nf:
        nf.ingest([SEED])
    store = open_store(Config(db=db))
    store.sql("UPDATE stories SET headline = NULL")  # as a writer leaves them mid-ingest
    connection = store._db  # type: ignore[attr-defined]
    before = connection.total_changes
    nf = newsfuse.Newsfuse(Config(db=db), store=store)
    for story in nf.stories():
        # Read as stored (stale until the writer's end of ingest): a read computes no
        # headline either (#25: headlines are made by the writer when a story changes).
        assert story.headline is None
        nf.story(story.id)
        nf.brief(story.id)
    nf.search("iran")
    assert connection.total_changes == before
    store.close()

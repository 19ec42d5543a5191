"""Following a feed: a real HTTP server on 127.0.0.1 serves an RSS feed of the bundled
Wikinews story M001 that grows between polls; newsfuse polls it conditionally and
ingests only what is new."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from feedkit import rss, serve_folder
from newsfuse import Newsfuse
from newsfuse.cli import app
from newsfuse.config import Config, ExtractOptions
from newsfuse.extract import extract_file
from newsfuse.types import Article
from newsfuse.watch import Watcher

WIKINEWS = Path(__file__).resolve().parents[2] / "examples" / "articles" / "en.wikinews.org"
LOCAL = ExtractOptions(allow_private_urls=True)


@pytest.fixture(scope="module")
def story() -> list[Article]:
    return [extract_file(p, ExtractOptions())[0] for p in sorted(WIKINEWS.glob("M001-*.txt"))]


def publish(folder: Path, articles: list[Article], age: float) -> None:
    """Write the feed, dated `age` seconds ago (Last-Modified has one-second steps, so
    each version gets its own second)."""
    path = folder / "feed.rss"
    path.write_text(rss(articles), encoding="utf-8")
    stamp = time.time() - age
    os.utime(path, (stamp, stamp))


@pytest.fixture()
def site(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    folder = tmp_path / "site"
    folder.mkdir()
    with serve_folder(folder) as base:
        yield folder, base


def test_polls_ingest_only_what_is_new(
    site: tuple[Path, str], story: list[Article], tmp_path: Path
) -> None:
    folder, base = site
    publish(folder, story[:5], age=100)
    feed, missing = f"{base}/feed.rss", f"{base}/gone.rss"
    with Newsfuse(Config(db=tmp_path / "w.db", extract=LOCAL)) as archive:
        watcher = Watcher(archive, [feed, missing])
        first = watcher.poll()
        assert first.report.ingested == 5 and first.unchanged == []
        assert [(f.source, f.code) for f in first.report.failures] == [(missing, "E115")]
        before = {s.id: len(s.article_ids) for s in archive.stories()}
        second = watcher.poll()  # nothing changed: a 304, nothing parsed
        assert second.unchanged == [feed] and second.report.ingested == 0
        assert second.report.already_present == 0 and len(second.report.failures) == 1
        publish(folder, story, age=10)  # five more entries; the first five stay in the feed
        third = watcher.poll()
        assert third.unchanged == [] and third.report.ingested == 5
        assert third.report.already_present == 5
        after = {s.id: len(s.article_ids) for s in archive.stories()}
        assert any(after.get(i, 0) > n for i, n in before.items())  # a poll-1 story grew
        assert sum(after.values()) == 10 and third.report.grown_stories >= 1
        assert "unchanged 0; ingested 5" in third.summary_line()


def test_run_spaces_polls_and_stops(
    site: tuple[Path, str], story: list[Article], tmp_path: Path
) -> None:
    folder, base = site
    publish(folder, story[:3], age=100)
    waits: list[float] = []
    seen: list[int] = []
    with Newsfuse(Config(db=tmp_path / "w.db", extract=LOCAL)) as archive:
        ran = Watcher(archive, [f"{base}/feed.rss"]).run(
            every=30, polls=3, on_poll=lambda p: seen.append(p.report.ingested), sleep=waits.append
        )
    assert ran == 3 and seen == [3, 0, 0]
    assert len(waits) == 2 and all(25 < w <= 30 for w in waits)  # start to start


def test_cli_watch_prints_a_line_per_poll(
    site: tuple[Path, str], story: list[Article], tmp_path: Path
) -> None:
    folder, base = site
    publish(folder, story[:4], age=100)
    db = str(tmp_path / "cli.db")
    args = ["watch", f"{base}/feed.rss", "--db", db, "--polls", "2", "--every", "1"]
    result = CliRunner().invoke(app, [*args, "--allow-private-urls"])
    assert result.exit_code == 0, result.output
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2
    assert "unchanged 0; ingested 4" in lines[0] and "unchanged 1; ingested 0" in lines[1]
    refused = CliRunner().invoke(app, [*args[:4], "--polls", "1"])
    assert "E114" in refused.output  # private address refused without the flag
    assert CliRunner().invoke(app, ["watch", str(folder / "feed.rss")]).exit_code == 2

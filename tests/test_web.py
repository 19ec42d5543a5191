"""The web page in a real browser: Debian's chromium, driven by Playwright, against
`newsfuse serve`'s app on a real uvicorn server on 127.0.0.1.

A user's clone without /usr/bin/chromium skips these tests, saying so; CI installs
chromium (.ci/run), and there a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx2 as httpx
import pytest
import uvicorn
from playwright.sync_api import Browser, Page, expect, sync_playwright

import newsfuse
from feedkit import rss, serve_folder
from newsfuse.config import Config, ExtractOptions, ServeOptions
from newsfuse.extract import extract_file
from newsfuse.serve import create_app

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "articles"
LATE = EXAMPLES / "en.wikinews.org" / "M001-01.txt"  # uploaded through the page
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
# The flags the machine's probe found necessary: no sandbox as root, and no background
# connections (the network is closed, and each refused connection slows the start).
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@contextmanager
def _server(config: Config) -> Iterator[str]:
    """`newsfuse serve`'s app on a real uvicorn server on 127.0.0.1; its base URL."""
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    app = create_app(config)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started and time.monotonic() < deadline:
        time.sleep(0.05)
    assert server.started, "uvicorn did not start"
    try:
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server over the example archive, minus one article left for the upload test."""
    db = tmp_path_factory.mktemp("web") / "news.db"
    paths = [p for p in sorted(EXAMPLES.rglob("*.txt")) if p != LATE]
    with newsfuse.open(db) as nf:
        assert nf.ingest(paths).ingested == 101
    with _server(Config(db=db)) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"no chromium at {CHROMIUM}: .ci/run should have installed it")
        pytest.skip(f"no chromium at {CHROMIUM} (Debian package 'chromium'): web tests skipped")
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture()
def page(browser: Browser, base_url: str) -> Iterator[Page]:
    context = browser.new_context(base_url=base_url)
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()
    assert not errors, errors  # no script error and no failed request on any page


def _api(base_url: str, path: str, **params: str | int) -> Any:
    return httpx.get(base_url + path, params=params).json()


def test_story_list_shows_every_story(page: Page, base_url: str) -> None:
    expected = _api(base_url, "/api/stories", limit=1000)
    page.goto("/")
    items = page.locator("#stories .story-link .headline")
    expect(items).to_have_count(len(expected["stories"]))
    shown = items.all_inner_texts()
    assert shown == [s["headline"] for s in expected["stories"]]
    expect(page.locator("#list-title")).to_have_text(f"Stories ({expected['total']})")


def test_search_then_read_the_cited_brief(page: Page, base_url: str) -> None:
    page.goto("/")
    page.get_by_role("searchbox").fill("hamadan")
    page.get_by_role("searchbox").press("Enter")
    hits = page.locator("#stories .story-link")
    expect(hits).to_have_count(1)
    expect(hits.locator("mark").first).to_have_text("Hamadan")
    hits.first.click()
    [found] = _api(base_url, "/api/search", q="hamadan")["stories"]
    brief = _api(base_url, f"/api/stories/{found['id']}/brief", words=120)
    expect(page.locator("#story h1")).to_have_text(brief["headline"])
    sentences = page.locator("#brief p.sentence")
    expect(sentences).to_have_count(len(brief["sentences"]))
    for i, sentence in enumerate(brief["sentences"]):
        shown = sentences.nth(i)
        assert shown.inner_text().startswith(sentence["text"])
        mark = shown.locator("a.cite").first
        number = sentence["source"]["number"]
        assert mark.inner_text() == f"[{number}]"
        assert page.locator(f"#src-{number}").count() == 1  # every citation has its source
    assert page.url.endswith(f"#story/{found['id']}")
    members = page.locator("#members > li")
    expect(members).to_have_count(len(found["articles"]) + len(found["duplicates"]))


def test_analysis_shows_quotes_and_timeline(page: Page) -> None:
    page.goto("/#search/hamadan")
    page.locator("#stories .story-link").first.click()
    quotes = page.locator("#analysis blockquote footer")
    expect(quotes.filter(has_text="Ali Shamkhani").first).to_be_visible(
        timeout=60_000  # the first analysis loads the spaCy model
    )
    timeline = page.locator("#analysis .date").all_inner_texts()
    assert "2016-08-16" in timeline and "2016-08-15" in timeline
    meta = page.locator(".story-meta")
    before = meta.inner_text()
    page.locator("#words").select_option("60")
    expect(meta).not_to_have_text(before)
    words = int(meta.inner_text().rsplit("·", 1)[1].split()[0])
    assert words <= 60 < int(before.rsplit("·", 1)[1].split()[0])


def test_upload_through_the_page_adds_a_story(page: Page) -> None:
    page.goto("/")
    # 15 stories since issue 22 (M000-01's dateline is read: see test_store_backends).
    expect(page.locator("#list-title")).to_have_text("Stories (15)")
    page.get_by_role("button", name="Add articles").click()
    page.locator("#files").set_input_files(str(LATE))
    page.get_by_role("button", name="Upload").click()
    expect(page.locator("#add-report")).to_contain_text("ingested 1")
    page.goto("/#search/Leeds")
    expect(page.locator("#stories .story-link").first).to_contain_text("London")


def test_the_page_sends_the_token_a_server_asks_for(browser: Browser, tmp_path: Path) -> None:
    with _server(Config(db=tmp_path / "t.db", serve=ServeOptions(token="s3cret"))) as base:
        context = browser.new_context(base_url=base)
        opened = context.new_page()
        opened.goto("/")
        opened.get_by_role("button", name="Add articles").click()
        opened.locator("#files").set_input_files(str(LATE))
        opened.get_by_role("button", name="Upload").click()
        expect(opened.locator("#status")).to_contain_text("E601")
        opened.locator("#token").fill("s3cret")
        opened.get_by_role("button", name="Upload").click()
        expect(opened.locator("#add-report")).to_contain_text("ingested 1")
        context.close()


def test_the_page_says_which_feeds_the_server_follows(browser: Browser, tmp_path: Path) -> None:
    (tmp_path / "feed.rss").write_text(rss([extract_file(LATE, ExtractOptions())[0]]), "utf-8")
    with serve_folder(tmp_path) as feeds:
        follow = ServeOptions(follow=(f"{feeds}/feed.rss",), follow_every=0.2)
        local = ExtractOptions(allow_private_urls=True)
        with _server(Config(db=tmp_path / "f.db", extract=local, serve=follow)) as base:
            context = browser.new_context(base_url=base)
            opened = context.new_page()
            opened.goto("/")
            expect(opened.locator("#following")).to_contain_text("Following 1 feed")
            expect(opened.locator("#following")).to_contain_text("ingested", timeout=30_000)
            opened.reload()  # the story the first poll added is listed
            expect(opened.locator("#stories .story-link")).to_have_count(1)
            context.close()


def test_archive_text_is_never_run_as_html(page: Page) -> None:
    query = '<img src=x onerror="document.title=1">'
    page.goto("/")
    page.get_by_role("searchbox").fill(query)
    page.get_by_role("searchbox").press("Enter")
    expect(page.locator("#status")).to_contain_text(query)
    assert page.locator("img").count() == 0 and page.title() == "newsfuse"

"""The web page in a real browser: Debian's chromium, driven by Playwright, against
`newsfuse serve`'s app on a real uvicorn server on 127.0.0.1.

A user's clone without /usr/bin/chromium skips these tests, saying so; CI installs
chromium (.ci/run), and there a missing browser is a failure, not a skip.
"""

from __future__ import annotations

import datetime as dt
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
from newsfuse.serve.listing import filtered_page
from newsfuse.serve.listing import outlets as list_outlets
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[2]
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


WIDTHS = [1280, 390]  # a desktop and a phone


@pytest.fixture(params=WIDTHS, ids=["desktop", "phone"])
def sized(browser: Browser, base_url: str, request: pytest.FixtureRequest) -> Iterator[Page]:
    """The page at a desktop's and at a phone's width, failing on any script error."""
    width = request.param
    context = browser.new_context(base_url=base_url, viewport={"width": width, "height": 844})
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda exc: errors.append(str(exc)))
    opened.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield opened
    context.close()
    assert not errors, errors


def _fits(page: Page) -> None:
    """No horizontal scrolling: the page is no wider than the viewport."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    assert page.evaluate("document.documentElement.scrollWidth") <= width


def _narrow(page: Page) -> bool:
    return bool(page.viewport_size and page.viewport_size["width"] < 800)


def test_storylines_are_listed_newest_first(sized: Page, base_url: str) -> None:
    expected = _api(base_url, "/api/stories", limit=1000, sort="recent")
    sized.goto("/")
    items = sized.locator("#stories .story-link .headline")
    expect(items).to_have_count(len(expected["stories"]))
    assert items.all_inner_texts() == [s["headline"] for s in expected["stories"]]
    latest = [s["last_date"] for s in expected["stories"] if s["last_date"]]
    assert latest == sorted(latest, reverse=True) and len(set(latest)) > 3
    expect(sized.locator("#list-title")).to_have_text(f"Storylines ({expected['total']})")
    _fits(sized)


def _longest_storyline(base_url: str) -> dict[str, Any]:
    """The bundled examples' storyline with the most events (Chile's earthquake: 5)."""
    ids = [s["id"] for s in _api(base_url, "/api/stories", limit=1000)["stories"]]
    lines = [_api(base_url, f"/api/stories/{i}/storyline") for i in ids]
    return max(lines, key=lambda line: len(line["events"]))


def test_a_storyline_is_a_timeline_of_its_events(sized: Page, base_url: str) -> None:
    line = _longest_storyline(base_url)
    assert len(line["events"]) >= 3
    sized.goto("/")
    sized.locator(f'#stories .story-link[data-id="{line["id"]}"]').click()
    expect(sized.locator("#story h1")).to_have_text(line["headline"])
    events = sized.locator("#timeline .event-link")
    expect(events).to_have_count(len(line["events"]))
    for i, event in enumerate(line["events"]):
        shown = events.nth(i)
        expect(shown.locator(".date")).to_contain_text(event["first_date"])
        expect(shown.locator(".headline")).to_have_text(event["headline"])
        n = len(event["articles"]) + len(event["duplicates"])
        expect(shown.locator(".meta")).to_have_text(f"{n} article{'' if n == 1 else 's'}")
    latest = line["latest"]  # shown first, then any event chosen on the timeline
    expect(sized.locator("#event-title")).to_have_text(latest["headline"])
    if _narrow(sized):  # one view at a time, and the brief starts on the first screen
        expect(sized.locator("#list")).to_be_hidden()
        assert sized.locator("#event-title").bounding_box()["y"] < 844  # type: ignore[index]
    _fits(sized)
    chosen = line["events"][0]
    events.first.click()
    brief = _api(base_url, f"/api/stories/{chosen['id']}/brief")
    expect(sized.locator("#event-title")).to_have_text(brief["headline"])
    expect(sized.locator("#brief p.sentence")).to_have_count(len(brief["sentences"]))
    expect(events.first).to_have_attribute("aria-current", "true")
    _fits(sized)
    if _narrow(sized):
        sized.get_by_role("button", name="All storylines").click()
        expect(sized.locator("#list")).to_be_visible()
        expect(sized.locator("#story")).to_be_hidden()


def test_an_article_opens_in_the_page(sized: Page, base_url: str) -> None:
    hamadan = "s-e457d4609948"
    detail = _api(base_url, f"/api/stories/{hamadan}")
    [untitled] = [m for m in detail["members"] if not m["title"]]
    article = _api(base_url, f"/api/articles/{untitled['id']}")
    sized.goto(f"/#story/{hamadan}")
    member = sized.locator(f'#members li[data-id="{untitled["id"]}"] .read')
    expect(member).to_have_text(f"“{untitled['lead']}”")  # its first words, never a path
    expect(member.locator("xpath=..")).to_contain_text(untitled["outlet"])  # and its outlet
    expected_name = f"{untitled['outlet']}: “{untitled['lead']}”"
    assert ".txt" not in sized.locator("#story").inner_text()
    member.click()
    reader = sized.locator("#reader")
    expect(reader).to_be_visible()
    expect(sized.locator("#reader-title")).to_have_text(expected_name)
    first = article["body"].split("\n\n")[0].strip()
    expect(sized.locator("#reader-body p").first).to_have_text(first)
    assert sized.url.endswith(f"#story/{hamadan}")  # read inside the page, not at the API
    _fits(sized)
    sized.get_by_role("button", name="Close").click()
    expect(reader).to_be_hidden()


def test_filters_narrow_the_list(sized: Page, base_url: str) -> None:
    everything = _api(base_url, "/api/stories", limit=1000)["total"]
    by_outlet = _api(base_url, "/api/stories", outlet="freebeacon.com", limit=1000)
    dates = {"since": "2009-01-01", "until": "2009-12-31"}
    in_2009 = _api(base_url, "/api/stories", **dates, sort="recent", limit=1000)
    assert 0 < by_outlet["total"] < everything and 0 < in_2009["total"] < everything
    sized.goto("/")
    items = sized.locator("#stories .story-link")
    expect(items).to_have_count(everything)
    sized.locator("#outlet").select_option("freebeacon.com")
    expect(items).to_have_count(by_outlet["total"])
    expect(items.first).to_contain_text("freebeacon.com")
    sized.get_by_role("button", name="Clear").click()
    expect(items).to_have_count(everything)
    sized.locator("#since").fill("2009-01-01")
    sized.locator("#until").fill("2009-12-31")
    expect(items).to_have_count(in_2009["total"])
    for i, story in enumerate(in_2009["stories"]):  # the API's, in the page's order
        expect(items.nth(i)).to_have_attribute("data-id", story["id"])
    for story in in_2009["stories"]:  # every one reaches into 2009
        assert story["first_date"] <= "2009-12-31" and story["last_date"] >= "2009-01-01"
    _fits(sized)


def test_search_then_read_the_cited_brief(page: Page, base_url: str) -> None:
    page.goto("/")
    page.get_by_role("searchbox").fill("hamadan")
    page.get_by_role("searchbox").press("Enter")
    hits = page.locator("#stories .story-link")
    expect(hits).to_have_count(1)
    expect(hits.locator("mark").first).to_have_text("Hamadan")
    hits.first.click()
    [found] = _api(base_url, "/api/search", q="hamadan")["stories"]
    line = _api(base_url, f"/api/stories/{found['id']}/storyline")
    brief = _api(base_url, f"/api/stories/{line['latest']['story_id']}/brief", words=120)
    expect(page.locator("#story h1")).to_have_text(found["headline"])
    expect(page.locator("#event-title")).to_have_text(brief["headline"])
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
    event = _api(base_url, f"/api/stories/{brief['story_id']}")
    expect(members).to_have_count(len(event["articles"]) + len(event["duplicates"]))


def test_analysis_shows_quotes_and_timeline(page: Page) -> None:
    page.goto("/#search/hamadan")
    page.locator("#stories .story-link").first.click()
    quotes = page.locator("#analysis blockquote footer")
    expect(quotes.filter(has_text="Ali Shamkhani").first).to_be_visible(
        timeout=60_000  # the first analysis loads the spaCy model
    )
    timeline = page.locator("#analysis .date").all_inner_texts()
    assert "2016-08-16" in timeline and "2016-08-15" in timeline
    meta = page.locator("#event-meta")
    before = meta.inner_text()
    page.locator("#words").select_option("60")
    expect(meta).not_to_have_text(before)
    words = int(meta.inner_text().rsplit("·", 1)[1].split()[0])
    assert words <= 60 < int(before.rsplit("·", 1)[1].split()[0])


def test_upload_through_the_page_adds_a_story(page: Page) -> None:
    page.goto("/")
    expect(page.locator("#list-title")).to_have_text("Storylines (12)")
    page.get_by_role("button", name="Add articles").click()
    page.locator("#files").set_input_files(str(LATE))
    page.get_by_role("button", name="Upload").click()
    # ingesting (extract, cluster, index) can pass the 5 s default on a busy machine
    expect(page.locator("#add-report")).to_contain_text("ingested 1", timeout=30_000)
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
        expect(opened.locator("#add-report")).to_contain_text("ingested 1", timeout=30_000)
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


def test_an_article_read_in_the_page_is_text_never_html(browser: Browser, tmp_path: Path) -> None:
    """A real article with markup planted in its title and body: the reader shows the
    markup as characters, and nothing of it runs."""
    hostile = '<img src=x onerror="document.title=1">'
    lines = LATE.read_text("utf-8").splitlines()
    planted = tmp_path / "planted.txt"
    planted.write_text("\n".join([lines[0] + hostile, *lines[1:3], hostile, *lines[3:]]), "utf-8")
    with newsfuse.open(tmp_path / "x.db") as nf:
        nf.ingest([planted])
        [story] = nf.story_page("recent", 10)
    with _server(Config(db=tmp_path / "x.db")) as base:
        context = browser.new_context(base_url=base)
        opened = context.new_page()
        opened.goto(f"/#story/{story.id}")
        opened.locator("#members .read").first.click()
        expect(opened.locator("#reader-title")).to_contain_text(hostile)
        expect(opened.locator("#reader-body")).to_contain_text(hostile)
        assert opened.locator("img").count() == 0 and opened.title() == "newsfuse"
        context.close()


Filters = tuple[str | None, dt.date | None, dt.date | None]


def _passes(found: list[Article], filters: Filters) -> bool:
    """Whether a storyline of articles `found` passes (outlet, since, until), read directly."""
    outlet, since, until = filters
    days = [a.date.isoformat()[:10] for a in found if a.date]
    return (
        (not outlet or any(a.outlet == outlet for a in found))
        and (not since or (bool(days) and max(days) >= since.isoformat()))
        and (not until or (bool(days) and min(days) <= until.isoformat()))
    )


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_list_filters_mean_the_same_on_both_backends(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """The filters behind the page (serve/listing.py's SQL) against a reading of every
    storyline's articles, on SQLite and on PostgreSQL (whose dates are DATEs)."""
    db = tmp_path / "l.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    wikinews = sorted((EXAMPLES / "en.wikinews.org").glob("*.txt"))[:30]
    cases: list[Filters] = [
        ("freebeacon.com", None, None),
        (None, dt.date(2007, 1, 1), None),
        ("en.wikinews.org", dt.date(2006, 1, 1), dt.date(2007, 6, 30)),
    ]
    with newsfuse.open(db) as nf:
        nf.ingest([*wikinews, *sorted((EXAMPLES / "freebeacon.com").glob("*.txt"))])
        every = nf.story_page("recent", 1000)
        members = {s.id: nf.articles([*s.article_ids, *s.duplicate_ids]) for s in every}
        for filters in cases:
            expected = [s.id for s in every if _passes(members[s.id], filters)]
            page = filtered_page(nf, "recent", 1000, 0, filters)
            assert [s["id"] for s in page["stories"]] == expected and page["total"] == len(expected)
            assert 0 < len(expected) < len(every)
            two = filtered_page(nf, "recent", 2, 1, filters)
            assert [s["id"] for s in two["stories"]] == expected[1:3]  # paginated
        outlets = list_outlets(nf, 10, 0)["outlets"]
        assert [o["outlet"] for o in outlets] == ["en.wikinews.org", "freebeacon.com"]

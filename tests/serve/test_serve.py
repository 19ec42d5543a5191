"""The HTTP API, in process (datasette-style): the same archive through the Python API
and through HTTP gives the same stories, briefs and search results; bad requests and
bad uploads get numbered errors; one bad document never loses the others.

Fixtures: the bundled example articles (the two seed articles and 100 Wikinews
articles), ingested once into a temporary SQLite archive."""

from __future__ import annotations

import gzip
import json
import re
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

import newsfuse
from feedkit import rss, serve_folder
from newsfuse.config import Config, ExtractOptions, ServeOptions
from newsfuse.extract import extract_file
from newsfuse.serve import create_app
from newsfuse.summarize import brief_to_dict

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples" / "articles"
WIKINEWS = EXAMPLES / "en.wikinews.org"
JSON_TYPE = {"Content-Type": "application/json"}


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "news.db"
    with newsfuse.open(path) as nf:
        report = nf.ingest([EXAMPLES])
    assert report.ingested == 102 and not report.failures
    return path


@pytest.fixture(scope="module")
def client(db: Path) -> Iterator[TestClient]:
    with TestClient(create_app(Config(db=db))) as test_client:
        yield test_client


@pytest.fixture()
def fresh(tmp_path: Path) -> Iterator[TestClient]:
    """A client over an empty archive, for the tests that write."""
    with TestClient(create_app(Config(db=tmp_path / "fresh.db"))) as test_client:
        yield test_client


def _seed_story(client: TestClient) -> dict[str, object]:
    found = client.get("/api/search", params={"q": "hamadan"}).json()["stories"]
    assert found, "the seed story is not found by 'hamadan'"
    story: dict[str, object] = found[0]
    return story


def test_story_list_matches_the_python_api(client: TestClient, db: Path) -> None:
    with newsfuse.open(db) as nf:
        expected = {s.id: s for s in nf.stories()}
    info = client.get("/api").json()
    assert info["stories"] == len(expected)
    pages = [
        client.get("/api/stories", params={"limit": 5, "offset": offset}).json()
        for offset in range(0, len(expected), 5)
    ]
    listed = [s for page in pages for s in page["stories"]]
    assert all(page["total"] == len(expected) for page in pages)
    assert sorted(s["id"] for s in listed) == sorted(expected)  # every story once
    sizes = [len(s["articles"]) + len(s["duplicates"]) for s in listed]
    assert sizes == sorted(sizes, reverse=True)
    for story in listed:
        assert story["headline"] == expected[story["id"]].headline
    recent = client.get("/api/stories", params={"sort": "recent", "limit": 1000}).json()
    last = [s["last_date"] for s in recent["stories"] if s["last_date"]]
    assert last == sorted(last, reverse=True)


def test_brief_is_the_python_brief_and_every_sentence_is_in_its_source(
    client: TestClient, db: Path
) -> None:
    story = _seed_story(client)
    data = client.get(f"/api/stories/{story['id']}/brief", params={"words": 120}).json()
    with newsfuse.open(db) as nf:
        assert {k: v for k, v in data.items() if k != "markdown"} == brief_to_dict(
            nf.brief(str(story["id"]), words=120)
        )
        assert data["markdown"] == newsfuse.render_markdown(nf.brief(str(story["id"]), words=120))
    assert "base in Iran" in data["sentences"][0]["text"]  # the wire lede (#20)
    for sentence in data["sentences"]:
        source = sentence["source"]
        article = client.get(f"/api/articles/{source['article_id']}").json()
        [span] = [s for s in article["sentences"] if s["id"] == source["sentence_id"]]
        assert article["body"][span["start"] : span["end"]] == sentence["text"]
        assert source["number"] in {s["number"] for s in data["sources"]}


def test_brief_with_analysis_names_the_seed_speakers(client: TestClient) -> None:
    story = _seed_story(client)
    url = f"/api/stories/{story['id']}/brief"
    data = client.get(url, params={"analysis": "true"}).json()
    speakers = {q["speaker"] for q in data["analysis"]["quotes"]}
    assert {"Ali Shamkhani", "Sergei Shoigu", "Franz Klintsevich"} <= speakers
    assert "## Quotes" in data["markdown"]
    again = client.get(url, params={"analysis": "true", "words": 60}).json()  # cached dossier
    assert again["analysis"] == data["analysis"]
    assert again["word_count"] <= 60 < data["word_count"]


def test_story_detail_lists_members_that_resolve(client: TestClient) -> None:
    story = _seed_story(client)
    detail = client.get(f"/api/stories/{story['id']}").json()
    members = [m["id"] for m in detail["members"]]
    assert members == [*detail["articles"], *detail["duplicates"]]
    for member in detail["members"]:
        assert "body" not in member
        article = client.get(f"/api/articles/{member['id']}").json()
        assert article["title"] == member["title"] and len(article["body"].split()) > 50
    assert client.get(f"/api/stories/{story['id']}/changes").json() == []


def test_search_marks_matches_and_rejects_empty_queries(client: TestClient) -> None:
    found = client.get("/api/search", params={"q": "Su-34 OR Tu-22M3"}).json()
    assert found["stories"][0]["headline"].startswith("Russia Deployed Warplanes")
    snippets = [m["snippet"] for m in found["stories"][0]["matches"]]
    assert any("**Su-34**" in s or "**Tu-22M3**" in s for s in snippets), snippets
    bad = client.get("/api/search", params={"q": "-"})
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "E501"
    assert client.get("/api/search").status_code == 422


@pytest.mark.parametrize(
    ("path", "status", "code"),
    [
        ("/api/stories/s-nope", 404, "E201"),
        ("/api/stories/s-nope/brief", 404, "E201"),
        ("/api/stories/s-nope/events", 404, "E201"),
        ("/api/stories/s-nope/changes", 404, "E201"),
        ("/api/stories/s-nope/storyline", 404, "E201"),
        ("/api/articles/nope", 404, "E202"),
        ("/api/stories?limit=0", 422, None),
        ("/api/stories?sort=alphabet", 422, None),
        ("/api/stories?offset=81020545439069741514752", 422, None),  # found by schemathesis
        ("/api/stories/s-x/brief?words=5", 422, None),
    ],
)
def test_bad_requests_get_clear_errors(
    client: TestClient, path: str, status: int, code: str | None
) -> None:
    response = client.get(path)
    assert response.status_code == status
    if code:
        assert response.json()["error"]["code"] == code


def test_upload_ingests_and_reports_bad_documents(fresh: TestClient) -> None:
    first = WIKINEWS / "M001-01.txt"
    report = fresh.post("/api/articles", params={"name": first.name}, content=first.read_bytes())
    assert report.status_code == 200
    assert report.json()["ingested"] == 1 and report.json()["new_stories"] == 1
    again = fresh.post("/api/articles", params={"name": first.name}, content=first.read_bytes())
    assert again.json()["already_present"] == 1 and again.json()["ingested"] == 0
    binary = fresh.post("/api/articles", params={"name": "x.txt"}, content=b"\x00\x01PK\x03" * 64)
    assert binary.status_code == 200 and binary.json()["failures"][0]["code"] == "E102"
    empty = fresh.post("/api/articles", content=b"")
    assert empty.json()["failures"][0]["code"] == "E101"
    assert {f["code"] for f in fresh.get("/api/failures").json()} == {"E101", "E102"}
    stories = fresh.get("/api/stories").json()
    assert stories["total"] == 1 and stories["stories"][0]["articles"] == [
        fresh.get("/api/search", params={"q": "Leeds"}).json()["stories"][0]["articles"][0]
    ]


def test_upload_of_jsonl_keeps_good_lines_and_of_gzip(fresh: TestClient) -> None:
    records = [
        {"title": p.read_text(encoding="utf-8").split("\n", 1)[0], "text": p.read_text("utf-8")}
        for p in sorted(WIKINEWS.glob("M002-0[1-3].txt"))
    ]
    lines = [json.dumps(r) for r in records]
    lines.insert(1, '{"title": "cut off", "text": ')
    body = ("\n".join(lines) + "\n").encode()
    report = fresh.post("/api/articles", params={"name": "dump.jsonl"}, content=body).json()
    assert report["ingested"] == 3 and report["failed"] == 1
    [failure] = report["failures"]
    assert failure["code"] == "E105" and failure["message"].startswith("line 2:")
    packed = gzip.compress((WIKINEWS / "M002-04.txt").read_bytes())
    zipped = fresh.post("/api/articles", params={"name": "a.txt.gz"}, content=packed).json()
    assert zipped["ingested"] == 1


def test_upload_over_the_size_limit_is_413(tmp_path: Path) -> None:
    config = Config(db=tmp_path / "small.db", extract=ExtractOptions(max_bytes=1_000))
    body = (WIKINEWS / "M001-01.txt").read_bytes()
    assert len(body) > 1_000
    with TestClient(create_app(config)) as small:
        response = small.post("/api/articles", content=body)
        assert response.status_code == 413 and response.json()["error"]["code"] == "E103"
        assert small.get("/api").json()["stories"] == 0


@pytest.fixture()
def examples_server() -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 serving the bundled example articles."""
    with serve_folder(EXAMPLES) as base:
        yield base


def test_fetch_refuses_paths_and_private_hosts(fresh: TestClient, examples_server: str) -> None:
    local = fresh.post("/api/fetch", json={"urls": [str(WIKINEWS / "M001-01.txt")]})
    assert local.status_code == 422  # only http(s) URLs; a server never reads its own files
    hostless = fresh.post("/api/fetch", json={"urls": ["http://"]}).json()
    assert hostless["failures"][0]["code"] == "E113"
    url = f"{examples_server}/en.wikinews.org/M001-01.txt"
    report = fresh.post("/api/fetch", json={"urls": [url]}).json()
    assert report["ingested"] == 0 and report["failures"][0]["code"] == "E114"
    assert fresh.post("/api/fetch", json={"urls": []}).status_code == 422
    cut = fresh.post("/api/fetch", content=b'{"urls": ["http://', headers=JSON_TYPE)
    assert cut.status_code == 422  # FastAPI's own validation answer: json_invalid
    latin1 = fresh.post("/api/fetch", content=b'{"urls": ["\xff"]}', headers=JSON_TYPE)
    assert latin1.status_code == 400 and latin1.json()["error"]["code"] == "E105"


def test_fetch_ingests_pages_when_private_hosts_are_allowed(
    tmp_path: Path, examples_server: str
) -> None:
    config = Config(db=tmp_path / "f.db", extract=ExtractOptions(allow_private_urls=True))
    urls = [f"{examples_server}/en.wikinews.org/M001-0{i}.txt" for i in (1, 2)]
    urls.append(f"{examples_server}/missing.txt")
    with TestClient(create_app(config)) as allowed:
        report = allowed.post("/api/fetch", json={"urls": urls}).json()
        assert report["ingested"] == 2 and [f["code"] for f in report["failures"]] == ["E115"]
        stories = allowed.get("/api/stories").json()["stories"]
        ids = [i for s in stories for i in s["articles"]]
        fetched = {allowed.get(f"/api/articles/{i}").json()["url"] for i in ids}
        assert fetched == set(urls[:2])


def test_page_and_static_files_are_served(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "/static/app.js" in page.text
    script = client.get("/static/app.js")
    assert script.status_code == 200 and "/api/stories" in script.text
    assert client.get("/openapi.json").json()["info"]["title"] == "newsfuse"


def test_a_token_guards_writes_but_not_reads(tmp_path: Path) -> None:
    body = (WIKINEWS / "M001-01.txt").read_bytes()
    config = Config(db=tmp_path / "t.db", serve=ServeOptions(token="s3cret"))
    with TestClient(create_app(config)) as guarded:
        for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": "s3cret"}):
            refused = guarded.post("/api/articles", content=body, headers=headers)
            assert refused.status_code == 401 and refused.json()["error"]["code"] == "E601"
            fetch = guarded.post("/api/fetch", json={"urls": ["http://"]}, headers=headers)
            assert fetch.status_code == 401
        assert guarded.get("/api").json()["stories"] == 0  # nothing was added
        allowed = guarded.post(
            "/api/articles", content=body, headers={"Authorization": "Bearer s3cret"}
        )
        assert allowed.status_code == 200 and allowed.json()["ingested"] == 1
        assert guarded.get("/api/stories").status_code == 200  # reading needs no token


@pytest.fixture(scope="module")
def uploads(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    db = tmp_path_factory.mktemp("uploads") / "u.db"
    with TestClient(create_app(Config(db=db))) as client:
        yield client


@settings(max_examples=60, deadline=None)
@given(
    body=st.one_of(
        st.binary(max_size=2_000),
        st.text(max_size=2_000).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.sampled_from(sorted(WIKINEWS.glob("M00[23]-0*.txt"))).map(lambda p: p.read_bytes()),
    ),
    name=st.sampled_from(["upload", "a.txt", "a.html", "a.json", "a.jsonl", "a.rss", "a.gz"]),
)
def test_any_upload_is_ingested_or_reported(uploads: TestClient, body: bytes, name: str) -> None:
    """Whatever the bytes and the name, an upload is answered 200 with each document
    either stored or reported with a numbered input error; never a server error."""
    response = uploads.post("/api/articles", params={"name": name}, content=body)
    assert response.status_code == 200, response.text
    report = response.json()
    accounted = report["ingested"] + report["duplicates"] + report["already_present"]
    assert accounted + report["failed"] >= 1
    assert all(re.fullmatch(r"E1\d\d", f["code"]) for f in report["failures"])


def test_a_server_follows_feeds_while_serving(tmp_path: Path) -> None:
    """--follow: the server polls a feed (real HTTP server, RSS of Wikinews M002) in the
    background, and the stories appear without any request adding them."""
    site = tmp_path / "site"
    site.mkdir()
    story = [extract_file(p, ExtractOptions())[0] for p in sorted(WIKINEWS.glob("M002-*.txt"))]
    (site / "feed.rss").write_text(rss(story), encoding="utf-8")
    with serve_folder(site) as base:
        follow = ServeOptions(follow=(f"{base}/feed.rss",), follow_every=0.2)
        config = Config(db=tmp_path / "f.db", extract=ExtractOptions(allow_private_urls=True))
        with TestClient(create_app(replace(config, serve=follow))) as following:
            deadline = time.monotonic() + 60
            info = following.get("/api").json()
            while not (info["following"]["last_poll"] or "").count("unchanged 1"):
                assert time.monotonic() < deadline, info
                time.sleep(0.1)
                info = following.get("/api").json()
            assert info["following"]["urls"] == [f"{base}/feed.rss"]
            stories = following.get("/api/stories").json()["stories"]
            assert sum(len(s["articles"]) for s in stories) == len(story) == 10

"""The server's guard (issue 24): strict Content-Security-Policy on every answer, writes
refused cross-origin without a token, the Host header checked, an empty token refused,
bodies bounded before they are read, failures paginated, a broken story a numbered
error. In process through FastAPI's TestClient, on the bundled example articles."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app as cli
from newsfuse.config import Config, ServeOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.serve import create_app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "articles" / "freebeacon.com"
SEED_TEXT = sorted(SEED.glob("*.txt"))[0].read_bytes()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    path = tmp_path / "a.db"
    with newsfuse.open(path) as nf:
        nf.ingest([SEED])
    return path


def _client(db: Path, **serve: object) -> TestClient:
    return TestClient(create_app(Config(db=db, serve=ServeOptions(**serve))))  # type: ignore[arg-type]


@pytest.fixture()
def client(db: Path) -> Iterator[TestClient]:
    with _client(db) as test_client:
        yield test_client


def _code(response: object) -> str:
    return str(response.json()["error"]["code"])  # type: ignore[attr-defined]


def test_every_answer_has_a_strict_content_security_policy(client: TestClient) -> None:
    for path in ("/", "/api", "/api/stories", "/static/app.js", "/api/stories/nope"):
        policy = client.get(path).headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert "frame-ancestors 'none'" in policy


def test_cross_origin_writes_are_refused_without_a_token(client: TestClient) -> None:
    page = {"Content-Type": "text/plain", "Origin": "https://evil.example"}
    answer = client.post("/api/articles", content=SEED_TEXT, headers=page)
    assert answer.status_code == 403 and _code(answer) == ErrorCode.CROSS_ORIGIN.value
    fetched = {"Sec-Fetch-Site": "cross-site", "Content-Type": "application/json"}
    answer = client.post("/api/fetch", content=b'{"urls": ["http://x.example/"]}', headers=fetched)
    assert answer.status_code == 403
    own = {"Content-Type": "text/plain", "Origin": "http://testserver"}
    assert client.post("/api/articles", content=SEED_TEXT, headers=own).status_code == 200
    assert client.post("/api/articles", content=SEED_TEXT).status_code == 200  # curl: no Origin


def test_the_host_header_must_name_the_served_address(db: Path) -> None:
    with _client(db, hosts=("127.0.0.1", "localhost")) as client:
        answer = client.get("/api/stories", headers={"Host": "rebound.example:8000"})
        assert answer.status_code == 421 and _code(answer) == ErrorCode.BAD_HOST.value
        assert client.get("/api/stories", headers={"Host": "127.0.0.1:8000"}).status_code == 200
        assert client.get("/api/stories", headers={"Host": "localhost"}).status_code == 200


def test_an_empty_token_is_refused_at_start(db: Path) -> None:
    with pytest.raises(NewsfuseError) as caught:
        create_app(Config(db=db, serve=ServeOptions(token="")))
    assert caught.value.code is ErrorCode.EMPTY_TOKEN
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)], env={"NEWSFUSE_TOKEN": ""})
    assert result.exit_code == 2 and "E604" in result.stderr


def test_bodies_are_refused_before_they_are_read(db: Path) -> None:
    huge = {"Content-Length": str(300_000_000), "Content-Type": "application/json"}
    with _client(db, token="s3cret") as client:
        answer = client.post("/api/fetch", content=b"{}", headers=huge)  # no token: 401 first
        assert answer.status_code == 401
        with_token = {**huge, "Authorization": "Bearer s3cret"}
        answer = client.post("/api/fetch", content=b"{}", headers=with_token)
        assert answer.status_code == 413 and _code(answer) == ErrorCode.TOO_LARGE.value
        answer = client.post("/api/articles", content=b"x", headers=with_token)
        assert answer.status_code == 413


def test_failures_are_paginated(client: TestClient) -> None:
    lines = b"\n".join([b"{not json"] * 30)
    report = client.post("/api/articles?name=bad.jsonl", content=lines).json()
    assert len(report["failures"]) == 30
    page = client.get("/api/failures", params={"limit": 10, "offset": 25}).json()
    assert len(page) == 5 and page[0]["message"].startswith("line 26:")
    assert len(client.get("/api/failures").json()) == 30
    assert client.get("/api/failures", params={"limit": 100_000}).status_code == 422


def test_a_broken_story_is_a_numbered_error(db: Path) -> None:
    with newsfuse.open(db) as nf:
        nf.store.sql("INSERT INTO stories (id, headline, updated_at) VALUES ('s-x', NULL, 'x')")
    with _client(db) as client:
        answer = client.get("/api/stories/s-x/brief")
        assert answer.status_code == 409 and _code(answer) == ErrorCode.BROKEN_STORY.value


def test_an_upload_without_usable_words_first_is_stored(tmp_path: Path) -> None:
    record = json.dumps({"text": " ".join(["a"] * 60)}).encode()
    with _client(tmp_path / "fresh.db") as client:
        answer = client.post("/api/articles?name=a.jsonl", content=record)
        assert answer.status_code == 200 and answer.json()["ingested"] == 1

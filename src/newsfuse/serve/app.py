"""The HTTP API and the web page: a thin FastAPI layer over the `Newsfuse` archive.

Every answer is JSON in the shapes of `newsfuse.views` (the CLI's `--format json`
gives the same keys). Errors are `{"error": {"code": "E201", "message": ...}}`
with the status below; one unreadable document in an upload is a failure inside
a 200 report, as in `newsfuse ingest`, never an error of the request.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import secrets
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager, suppress
from enum import StrEnum
from importlib.resources import files
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import FileResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field, StringConstraints
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsfuse import __version__
from newsfuse.analyze.render import dossier_sections
from newsfuse.app import Newsfuse
from newsfuse.config import Config
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.limits import too_large
from newsfuse.serve import listing, writer
from newsfuse.serve.archive import Archive
from newsfuse.serve.follow import Follower
from newsfuse.serve.guard import Guard, Rules
from newsfuse.storylines import render_storyline
from newsfuse.summarize import render_markdown
from newsfuse.views import (
    article_to_dict,
    event_to_dict,
    failure_to_dict,
    hit_to_dict,
    report_to_dict,
    result_to_dict,
    story_to_dict,
    storyline_to_dict,
)

STATUS = {  # HTTP status of each error code a request itself can cause; others are 400
    ErrorCode.NO_STORY: 404,
    ErrorCode.NO_ARTICLE: 404,
    ErrorCode.TOO_LARGE: 413,
    ErrorCode.BAD_DB: 500,
    ErrorCode.LOCKED: 503,
    ErrorCode.BROKEN_STORY: 409,
    ErrorCode.MODEL: 503,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.TIMEOUT: 504,
    ErrorCode.CLOSING: 503,
    ErrorCode.SEARCH_TIMEOUT: 504,
    ErrorCode.BAD_HOST: 421,
    ErrorCode.CROSS_ORIGIN: 403,
}
BODY_LIMIT = 1_000_000  # bytes of any request body but an upload (a fetch's URL list)
FAILURES_PAGE = 100
STATIC = Path(str(files("newsfuse.serve") / "static"))
Json = dict[str, Any]


class Sort(StrEnum):
    size = "size"  # most articles (duplicates included) first
    recent = "recent"  # latest article date first, undated stories last


Url = Annotated[str, StringConstraints(pattern=r"^[Hh][Tt][Tt][Pp][Ss]?://", max_length=2000)]


class FetchRequest(BaseModel):
    urls: list[Url] = Field(min_length=1, max_length=100, description="http(s) URLs")


class ErrorDetail(BaseModel):
    code: str = Field(description="numbered error code (newsfuse.errors), e.g. E201")
    message: str


class ErrorBody(BaseModel):
    error: ErrorDetail


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI entries for the error answers a route can give."""
    return {status: {"model": ErrorBody} for status in statuses}


MISSING = _errors(404)


def _error(exc: NewsfuseError) -> JSONResponse:
    body = {"error": {"code": exc.code.value, "message": exc.message}}
    return JSONResponse(body, status_code=STATUS.get(exc.code, 400))


def _json(value: Any) -> bytes:
    """`value` as the JSON bytes FastAPI would send (starlette's JSONResponse.render).
    The shared cache keeps these bytes, so a cached answer is not encoded again on
    every request (the event loop did that for every read: issue 24)."""
    return json.dumps(
        value, ensure_ascii=False, allow_nan=False, indent=None, separators=(",", ":")
    ).encode("utf-8")


def _answer(body: bytes) -> Response:
    return Response(body, media_type="application/json")


def _story_page(archive: Newsfuse, sort: Sort, limit: int, offset: int) -> Json:
    found = archive.story_page(sort.value, limit, offset)
    return {"total": archive.count_stories(), "stories": [story_to_dict(s) for s in found]}


def _story_detail(archive: Newsfuse, story_id: str) -> Json:
    story = archive.story(story_id)
    members = archive.articles([*story.article_ids, *story.duplicate_ids])
    return {**story_to_dict(story), "members": [article_to_dict(a, body=False) for a in members]}


async def _read_body(request: Request, limit: int) -> bytes:
    """The request body, refused (E103) as soon as it passes `limit` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise too_large("upload", int(declared), limit)
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise too_large("upload", None, limit)
        chunks.append(chunk)
    return b"".join(chunks)


def _info_route(app: FastAPI, archive: Archive, follower: Follower | None) -> None:
    """What the server is and follows."""

    @app.get("/api")
    async def info() -> Json:
        """The server's version, how many stories the archive holds, and the feeds it
        follows with its last poll."""
        count = await archive.read(("count",), lambda nf: nf.count_stories())
        following = {"urls": list(follower.urls), "last_poll": follower.last} if follower else None
        return {
            "name": "newsfuse",
            "version": __version__,
            "stories": count,
            "following": following,
        }


def _story_routes(app: FastAPI, archive: Archive, follower: Follower | None) -> None:
    """The read-only endpoints of the archive and its stories."""
    _info_route(app, archive, follower)

    @app.get("/api/stories", response_model=Json)
    async def stories(
        sort: Sort = Sort.size,
        limit: Annotated[int, Query(ge=1, le=1000)] = 50,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
        outlet: Annotated[str | None, Query(min_length=1, max_length=300)] = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
    ) -> Response:
        """One page of the stories, biggest or most recent first, and their total;
        with `outlet`, only those with an article from it; with `since`/`until`
        (YYYY-MM-DD), only those whose article dates reach into that range."""
        filters = (outlet, since, until)
        if any(filters):
            key = ("filtered", sort, limit, offset, *filters)
            make = lambda nf: _json(listing.filtered_page(nf, sort, limit, offset, filters))  # noqa: E731
            return _answer(await archive.read(key, make))
        page = lambda nf: _json(_story_page(nf, sort, limit, offset))  # noqa: E731
        return _answer(await archive.read(("page", sort, limit, offset), page))

    @app.get("/api/stories/{story_id}", responses=MISSING, response_model=Json)
    async def story(story_id: str) -> Response:
        """A story and its member articles (originals, then near-duplicates), no bodies."""
        make = lambda nf: _json(_story_detail(nf, story_id))  # noqa: E731
        return _answer(await archive.read(("story", story_id), make))

    @app.get("/api/stories/{story_id}/brief", responses=_errors(404, 503))
    async def brief(
        story_id: str,
        words: Annotated[int, Query(ge=10, le=2000)] = 120,
        analysis: bool = False,
    ) -> Json:
        """The story's cited brief of at most `words` words, as JSON and as Markdown;
        with `analysis`, also entities, quotes, claims, numbers, timeline and where
        sources differ (the first analysis of a story takes a second or two)."""
        found, dossier = await archive.run(lambda nf: archive.report(nf, story_id, words, analysis))
        sections = dossier_sections(dossier, found.number_of) if dossier else []
        return {**result_to_dict(found, dossier), "markdown": render_markdown(found, sections)}

    _change_routes(app, archive)


def _change_routes(app: FastAPI, archive: Archive) -> None:
    """How a storyline or event came to be: its recorded changes, its events."""

    @app.get("/api/stories/{story_id}/changes", responses=MISSING)
    async def changes(story_id: str) -> list[Json]:
        """The merges and splits recorded for the storyline or event, oldest first."""
        found = await archive.run(lambda nf: (nf.story(story_id), nf.changes(story_id))[1])
        return [event_to_dict(e) for e in found]

    @app.get("/api/stories/{story_id}/events", responses=MISSING, include_in_schema=False)
    async def events(story_id: str) -> list[Json]:
        """The old path of /changes (before events were a clustering level)."""
        return await changes(story_id)

    @app.get("/api/stories/{story_id}/storyline", responses=MISSING)
    async def storyline(story_id: str, words: Annotated[int, Query(ge=10, le=2000)] = 120) -> Json:
        """The storyline's events (id, headline, articles, dates; oldest first) and the
        brief of its latest event, as JSON and as Markdown. Storylines are the stories
        listed by /api/stories; an event id (`e-...`) works wherever a story id does."""
        found = await archive.run(lambda nf: nf.storyline_brief(story_id, words))
        return {**storyline_to_dict(found), "markdown": render_storyline(found)}


def _lookup_routes(app: FastAPI, archive: Archive) -> None:
    """The read-only endpoints beside the stories: articles, search, failures."""

    @app.get("/api/articles/{article_id}", responses=MISSING)
    async def article(article_id: str) -> Json:
        """An article: metadata, body, and its sentences' spans (citations name them)."""
        return article_to_dict(await archive.run(lambda nf: nf.article(article_id)))

    @app.get("/api/outlets", response_model=Json)
    async def outlets(
        limit: Annotated[int, Query(ge=1, le=1000)] = 200,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    ) -> Response:
        """The outlets of the archive's articles, most articles first (one page), and
        how many there are: the choices of the page's outlet filter."""
        key = ("outlets", limit, offset)
        make = lambda nf: _json(listing.outlets(nf, limit, offset))  # noqa: E731
        return _answer(await archive.read(key, make))

    @app.get("/api/search", responses=_errors(400))
    async def search(
        q: Annotated[str, Query(min_length=1, max_length=500)],
        limit: Annotated[int, Query(ge=1, le=100)] = 10,
    ) -> Json:
        """Stories whose articles match `q`: words (all must occur), "phrases", word*,
        a OR b, -word; best first, with each matching article's passage."""
        found = await archive.run(lambda nf: nf.search(q, limit))
        return {"query": q, "stories": [hit_to_dict(h) for h in found]}

    @app.get("/api/failures")
    async def failures(
        limit: Annotated[int, Query(ge=1, le=1000)] = FAILURES_PAGE,
        offset: Annotated[int, Query(ge=0, le=1_000_000_000)] = 0,
    ) -> list[Json]:
        """The inputs that could not be read, with their error codes, oldest first: one
        page of `limit` from `offset` (one large feed recorded 15.5 MB of them)."""
        found = await archive.run(lambda nf: nf.store.failures(limit, offset))
        return [failure_to_dict(f) for f in found]


def _token_check(token: str | None) -> Callable[[Request], None]:
    """A dependency that lets a request through only with `Authorization: Bearer
    <token>` (compared in constant time); no check when the server has no token."""

    def check(request: Request) -> None:
        if token is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(given.encode(), token.encode()):
            raise NewsfuseError(ErrorCode.UNAUTHORIZED, "adding articles needs this server's token")

    return check


def _write_routes(app: FastAPI, archive: Archive, token: str | None) -> None:
    """The endpoints that add articles: an uploaded document, or URLs to fetch. With a
    `token`, they need it; reading never does."""
    guard = [Depends(_token_check(token))]

    @app.post("/api/articles", responses=_errors(401, 413), dependencies=guard)
    async def upload(
        request: Request, name: Annotated[str, Query(max_length=300)] = "upload"
    ) -> Json:
        """Ingest one document sent as the request body: plain text, HTML, JSON/JSONL
        (gzip too) or an RSS/Atom feed; its format from Content-Type, else `name`'s
        extension, else sniffed. Bad documents or records are failures in the report."""
        data = await _read_body(request, archive.config.extract.max_bytes)
        media = request.headers.get("content-type")
        report = await archive.write(writer.ingest_data, data, name, media)
        return report_to_dict(report)

    @app.post("/api/fetch", responses=_errors(400, 401), dependencies=guard)
    async def fetch(body: FetchRequest) -> Json:
        """Fetch and ingest pages or feeds by URL (private addresses refused unless the
        server allows them). The schema admits http(s) URLs only, never a path."""
        report = await archive.write(writer.ingest_urls, list(body.urls))
        return report_to_dict(report)


def _error_handlers(app: FastAPI) -> None:
    """Numbered errors as JSON with their status; malformed bodies as E105."""

    @app.exception_handler(NewsfuseError)
    async def newsfuse_error(_: Request, exc: NewsfuseError) -> JSONResponse:
        return _error(exc)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if exc.status_code == 400:  # FastAPI's "error parsing the body": malformed JSON
            return _error(NewsfuseError(ErrorCode.BAD_JSON, f"request body: {exc.detail}"))
        return await http_exception_handler(request, exc)


def create_app(config: Config | None = None) -> FastAPI:
    """The ASGI app serving the archive of `config.db`: API under /api, page at /.
    `config.serve` says whether adding articles needs a token, and which feeds the
    server follows in the background."""
    config = config or Config()
    options = config.serve
    if options.token is not None and not options.token.strip():
        message = "an empty token would leave writes open; give one or none"
        raise NewsfuseError(ErrorCode.EMPTY_TOKEN, message)
    archive = Archive(config)
    follower = Follower(archive, options.follow, options.follow_every) if options.follow else None

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        task = asyncio.create_task(follower.run()) if follower else None
        yield
        if task:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
        archive.close()

    app = FastAPI(title="newsfuse", version=__version__, lifespan=lifespan, docs_url=None)
    _error_handlers(app)
    _story_routes(app, archive, follower)
    _lookup_routes(app, archive)
    _write_routes(app, archive, options.token)

    @app.get("/", include_in_schema=False)
    async def page() -> FileResponse:
        return FileResponse(STATIC / "index.html")

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    rules = Rules(
        token=options.token,
        hosts=frozenset(h.lower() for h in options.hosts),
        upload_limit=config.extract.max_bytes,
        body_limit=BODY_LIMIT,
    )
    app.add_middleware(Guard, rules=rules)
    return app

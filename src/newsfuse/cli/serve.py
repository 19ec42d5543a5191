"""The serve command: the web page and the HTTP API over one archive."""

from __future__ import annotations

import os
from typing import Annotated

import typer

from newsfuse.cli.common import (
    DEFAULT_DB,
    DbOption,
    PrivateUrlsOption,
    err,
    fail,
    only_urls,
    opened,
    settings,
)
from newsfuse.config import ServeOptions
from newsfuse.errors import ErrorCode, NewsfuseError

_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _hosts(host: str) -> tuple[str, ...]:
    """The Host header names a server on `host` answers to (none checked on a wildcard
    address, which has no one name)."""
    if host in _LOOPBACK:
        return _LOOPBACK
    return () if host in ("0.0.0.0", "::", "") else (host,)


def _token(token: str | None) -> str | None:
    """The bearer token, from --token or NEWSFUSE_TOKEN; an empty one is refused."""
    if token is None and os.environ.get("NEWSFUSE_TOKEN") is not None:
        token = os.environ["NEWSFUSE_TOKEN"]  # click reads an empty variable as unset
    if token is not None and not token.strip():
        message = "an empty --token (or NEWSFUSE_TOKEN) would leave writes open; give one or none"
        raise fail(NewsfuseError(ErrorCode.EMPTY_TOKEN, message))
    return token


def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="NEWSFUSE_TOKEN", help="Adding articles needs this bearer token."),
    ] = None,
    follow: Annotated[
        list[str] | None,
        typer.Option("--follow", help="A feed or page URL to poll in the background (repeat)."),
    ] = None,
    every: Annotated[
        float, typer.Option("--every", min=1.0, help="Seconds between polls of --follow.")
    ] = 300.0,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Serve the archive: the web page at / and the HTTP API under /api (docs/http.md);
    with --follow, also poll feeds and ingest what is new while serving."""
    import uvicorn  # heavy optional library: loaded only by the command that serves

    from newsfuse.serve import create_app  # fastapi: likewise

    if host not in _LOOPBACK:
        who = "read the archive" if token else "read the archive and add articles to it"
        err().print(
            f"warning: listening on {host}: anyone who can reach it can {who}", markup=False
        )
    only_urls(follow or [])
    token = _token(token)
    served = ServeOptions(
        token=token, follow=tuple(follow or ()), follow_every=every, hosts=_hosts(host)
    )
    # A request waits at most 60 s for a CLI writer.
    config = settings(db, allow_private_urls=allow_private_urls, serve=served, lock_wait=60.0)
    with opened(config):
        pass  # a bad database is reported now, not at the first request
    uvicorn.run(create_app(config), host=host, port=port, log_level="info")

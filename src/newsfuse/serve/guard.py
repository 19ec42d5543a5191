"""What every request passes before a route sees it (an ASGI middleware).

- The Host header must name the served address when the server knows it (a page
  on another site that rebinds its DNS name to 127.0.0.1 sends its own name): E602.
- A write (any method but GET/HEAD/OPTIONS) needs the token when the server has one,
  checked before the body is read (a 300 MB body to /api/fetch grew the server to
  1.18 GB before its 401: issue 24); without a token, a write from another web
  origin (Origin or Sec-Fetch-Site say so) is refused: any page the user visits could
  otherwise POST articles (E603).
- The body is bounded before it is read: a declared length over the route's limit is
  E103 at once; a body without a declared length is counted as it arrives.
- Every answer carries a strict Content-Security-Policy (scripts and styles from
  /static only, no framing) and tells browsers not to sniff types or send referrers.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from newsfuse.errors import ErrorCode
from newsfuse.extract.limits import megabytes

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
App = Callable[[Scope, Receive, Send], Awaitable[None]]

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:;"
    " connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]
READS = frozenset({"GET", "HEAD", "OPTIONS"})
STATUS = {
    ErrorCode.BAD_HOST: 421,
    ErrorCode.CROSS_ORIGIN: 403,
    ErrorCode.UNAUTHORIZED: 401,
    ErrorCode.TOO_LARGE: 413,
}


@dataclass(frozen=True)
class Rules:
    """The guard's settings: the token (None: none), the host names the server answers
    to (empty: any), the body limit of uploads and of every other request."""

    token: str | None
    hosts: frozenset[str]
    upload_limit: int
    body_limit: int
    upload_path: str = "/api/articles"


def _hostname(host: str) -> str:
    """The name part of a Host header value ("127.0.0.1:8000" -> "127.0.0.1")."""
    if host.startswith("["):
        return host[1 : host.find("]")].lower() if "]" in host else host.lower()
    return host.rsplit(":", 1)[0].lower() if host.count(":") == 1 else host.lower()


def refusal(
    rules: Rules, method: str, path: str, headers: dict[str, str]
) -> tuple[ErrorCode, str] | None:
    """Why a request is refused before its body is read, or None."""
    if rules.hosts and _hostname(headers.get("host", "")) not in rules.hosts:
        return ErrorCode.BAD_HOST, "this server does not answer to that host name"
    if method in READS:
        return None
    if rules.token is not None:
        scheme, _, given = headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not secrets.compare_digest(
            given.encode(), rules.token.encode()
        ):
            return ErrorCode.UNAUTHORIZED, "adding articles needs this server's token"
    else:
        origin = headers.get("origin")
        site = headers.get("sec-fetch-site", "")
        foreign = (
            origin is not None
            and urlsplit(origin).netloc.lower() != headers.get("host", "").lower()
        )
        if foreign or site in ("cross-site", "same-site"):
            return ErrorCode.CROSS_ORIGIN, "writes from another web origin need the server's token"
    limit = rules.upload_limit if path == rules.upload_path else rules.body_limit
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return ErrorCode.TOO_LARGE, f"request body is over the {megabytes(limit)} limit"
    return None


async def _answer(send: Send, code: ErrorCode, message: str) -> None:
    body = json.dumps({"error": {"code": code.value, "message": message}}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": STATUS.get(code, 400),
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
                *HEADERS,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


class Guard:
    """The ASGI middleware applying `rules` (module doc)."""

    def __init__(self, app: App, rules: Rules) -> None:
        self.app = app
        self.rules = rules

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refused = refusal(self.rules, scope["method"], scope["path"], headers)
        if refused is not None:
            await _drain(receive, headers.get("content-length", ""))
            await _answer(send, *refused)
            return

        async def secured(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *HEADERS]
            await send(message)

        if scope["method"] in READS:
            await self.app(scope, receive, secured)
            return
        path = scope["path"]
        limit = self.rules.upload_limit if path == self.rules.upload_path else self.rules.body_limit
        await self.app(scope, _counted(receive, limit), secured)


DRAIN = 1 << 20  # a refused body up to this size is read (and dropped) before the answer


async def _drain(receive: Receive, declared: str) -> None:
    """Read and drop a small refused body: a browser still sending it when the
    connection closes may lose the numbered answer (seen as a bare "HTTP 401").
    Larger or undeclared bodies are never read: the answer goes out at once."""
    if not declared.isdigit() or int(declared) > DRAIN:
        return
    more = True
    while more:
        message = await receive()
        more = message["type"] == "http.request" and bool(message.get("more_body"))


def _counted(receive: Receive, limit: int) -> Receive:
    """`receive` that ends the body (as a disconnect) once it passes `limit` bytes; the
    upload route counts too and answers E103 (app._read_body)."""
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit + 65536:
                return {"type": "http.disconnect"}
        return message

    return counted

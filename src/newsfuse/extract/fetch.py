"""Fetch an article page or feed by URL, refusing private networks unless allowed.

A URL handed to a server-side fetcher can point inside the network it runs in
(cloud metadata at 169.254.169.254, an admin page on 127.0.0.1): the
server-side request forgery that OWASP lists. So every host is resolved
before connecting and, unless `ExtractOptions.allow_private_urls`, refused
when any of its addresses is not globally routable; every redirect is checked
the same way. The body is read up to `max_bytes` (a larger one is refused,
not truncated) within `fetch_timeout` seconds per network operation.
"""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.limits import too_large

_SCHEMES = ("http", "https")
_MAX_REDIRECTS = 5
USER_AGENT = "newsfuse/0.1"


@dataclass(frozen=True)
class Fetched:
    """A response body with what tells its format."""

    url: str  # after redirects
    body: bytes
    content_type: str  # media type only, lower-cased ("" when not given)
    charset: str | None


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return text.split(":", 1)[0].lower() in _SCHEMES and "://" in text


def check_url(url: str, options: ExtractOptions) -> None:
    """BAD_URL for what cannot be fetched, PRIVATE_URL for non-public hosts."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise NewsfuseError(ErrorCode.BAD_URL, f"not an http(s) URL with a host: {url}")
    if options.allow_private_urls:
        return
    try:
        port = parts.port or (443 if parts.scheme.lower() == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as exc:
        message = f"cannot resolve {parts.hostname}: {exc}"
        raise NewsfuseError(ErrorCode.FETCH_FAILED, message) from None
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not address.is_global:
            raise NewsfuseError(
                ErrorCode.PRIVATE_URL,
                f"{parts.hostname} is a private or local address ({address}); refused "
                "(--allow-private-urls fetches it)",
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most _MAX_REDIRECTS redirects, each to a URL that passes check_url."""

    max_redirections = _MAX_REDIRECTS

    def __init__(self, options: ExtractOptions) -> None:
        self.options = options

    def redirect_request(
        self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> Any:
        check_url(newurl, self.options)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _read_body(response: Any, limit: int) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise too_large("response", int(length), limit)
    body: bytes = response.read(limit + 1)
    if len(body) > limit:
        raise too_large("response", None, limit)
    return body


def fetch(url: str, options: ExtractOptions) -> Fetched:
    """The body at `url`; NewsfuseError (BAD_URL, PRIVATE_URL, FETCH_FAILED, TOO_LARGE)."""
    check_url(url, options)
    opener = urllib.request.build_opener(_CheckedRedirects(options))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=options.fetch_timeout) as response:
            body = _read_body(response, options.max_bytes)
            headers = response.headers
            return Fetched(
                url=response.geturl(),
                body=body,
                content_type=(headers.get_content_type() if "Content-Type" in headers else ""),
                charset=headers.get_content_charset(),
            )
    except urllib.error.HTTPError as exc:
        raise NewsfuseError(ErrorCode.FETCH_FAILED, f"HTTP {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise NewsfuseError(ErrorCode.FETCH_FAILED, f"cannot fetch: {exc.reason}") from None
    except (TimeoutError, OSError) as exc:
        raise NewsfuseError(ErrorCode.FETCH_FAILED, f"cannot fetch: {exc}") from None

"""Fetch an article page or feed by URL, refusing private networks unless allowed.

A URL handed to a server-side fetcher can point inside the network it runs in
(cloud metadata at 169.254.169.254, an admin page on 127.0.0.1): the
server-side request forgery that OWASP lists. So, unless
`ExtractOptions.allow_private_urls`, every connection (the first and each
redirect's) resolves its host and is refused when any of its addresses is not
globally routable, and connects to an address it checked (`_GuardedHTTP`). A
name checked first and resolved again by the HTTP client could answer
differently the second time (DNS rebinding), so the check lives in the
connection itself; for the same reason no proxy is used: the address checked
must be the one connected to. `check_url` makes the same check up front. The
body is read up to `max_bytes` (a larger one is refused, not truncated) within
`fetch_timeout` seconds per network operation.
"""

from __future__ import annotations

import contextlib
import http.client
import ipaddress
import re
import socket
import ssl
import threading
import urllib.error
import urllib.request
from dataclasses import dataclass
from functools import partial
from http.client import HTTPMessage
from typing import IO, Any
from urllib.parse import urlsplit

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.limits import too_large

_SCHEMES = ("http", "https")
# `http://127.0.0.1:P\@example.com/`: urlsplit reads host example.com, http.client
# another; such an authority is refused, not guessed (issue 24).
_BAD_AUTHORITY = re.compile(r"[\\\s\x00-\x1f\x7f]")
_MAX_REDIRECTS = 5
USER_AGENT = "newsfuse/0.1"


@dataclass(frozen=True)
class Fetched:
    """A response body with what tells its format."""

    url: str  # after redirects
    body: bytes
    content_type: str  # media type only, lower-cased ("" when not given)
    charset: str | None
    # Validators for the next conditional request (RFC 9110 13.1), and whether this
    # answer was 304 Not Modified (no body: nothing new since those validators).
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False


@dataclass(frozen=True)
class Validators:
    """What a previous answer said about its version, sent back to ask only for news."""

    etag: str | None = None
    last_modified: str | None = None

    def headers(self) -> dict[str, str]:
        found = {"If-None-Match": self.etag, "If-Modified-Since": self.last_modified}
        return {k: v for k, v in found.items() if v}


def is_url(text: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return text.split(":", 1)[0].lower() in _SCHEMES and "://" in text


_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded(address: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address an IPv6 one carries and may be routed to: 6to4 (2002::/16),
    NAT64 (64:ff9b::/96, 64:ff9b:1::/48), IPv4-compatible (::a.b.c.d), mapped."""
    if address.sixtofour is not None:
        return address.sixtofour
    if address.ipv4_mapped is not None:
        return address.ipv4_mapped
    if any(address in net for net in (*_NAT64, _IPV4_COMPATIBLE)):
        return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return None


def is_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    """Globally routable unicast, also the IPv4 address an IPv6 one embeds (issue 24:
    [::127.0.0.1], 64:ff9b::7f00:1, 2002:7f00:1:: and 224.0.0.1 got through)."""
    if address.is_multicast or not address.is_global:
        return False
    if isinstance(address, ipaddress.IPv6Address):
        inner = _embedded(address)
        if inner is not None and not is_public(inner):
            return False
    return True


def _refuse_private(host: str, infos: list[Any]) -> None:
    """PRIVATE_URL if any resolved address of `host` is not globally routable."""
    for info in infos:
        address = ipaddress.ip_address(str(info[4][0]).split("%", 1)[0])
        if not is_public(address):
            raise NewsfuseError(
                ErrorCode.PRIVATE_URL,
                f"{host} is a private or local address ({address}); refused "
                "(--allow-private-urls fetches it)",
            )


def _resolve(host: str, port: int) -> list[Any]:
    try:
        return socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, ValueError) as exc:
        raise NewsfuseError(ErrorCode.FETCH_FAILED, f"cannot resolve {host}: {exc}") from None


def _host_port(url: str) -> tuple[str, int]:
    """BAD_URL unless `url` is http(s) with a host (and a valid port, if it names one)."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise NewsfuseError(ErrorCode.BAD_URL, f"not an http(s) URL with a host: {url}")
    if _BAD_AUTHORITY.search(parts.netloc):  # parsers disagree on its host: refuse it
        message = f"backslash, space or control character in the host part of {url!r}"
        raise NewsfuseError(ErrorCode.BAD_URL, message)
    try:
        return parts.hostname, parts.port or (443 if parts.scheme.lower() == "https" else 80)
    except ValueError as exc:
        raise NewsfuseError(ErrorCode.BAD_URL, f"bad port in {url}: {exc}") from None


def check_url(url: str, options: ExtractOptions) -> None:
    """BAD_URL for what cannot be fetched, PRIVATE_URL for non-public hosts (resolved
    now; `fetch` leaves that to the guarded connection, which resolves only once)."""
    host, port = _host_port(url)
    if not options.allow_private_urls:
        _refuse_private(host, _resolve(host, port))


class _Deadline:
    """The overall time of one fetch: when it is up, the fetch's sockets are shut, which
    wakes whatever read waits on them. A per-operation timeout alone let a server that
    sends one byte every 5 s hold a fetch for 75 s (issue 24)."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.expired = False
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True

    def add(self, sock: socket.socket) -> None:
        with self._lock:
            if self.expired:
                raise TimeoutError(f"over {self.seconds:g} s")
            self._sockets.append(sock)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            for sock in self._sockets:
                with contextlib.suppress(OSError):
                    sock.shutdown(socket.SHUT_RDWR)

    def __enter__(self) -> _Deadline:
        self._timer.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._timer.cancel()


class _GuardedHTTP(http.client.HTTPConnection):
    """An HTTP connection that checks the address it opens, not a name resolved earlier."""

    def __init__(
        self,
        *args: Any,
        allow_private: bool = False,
        deadline: _Deadline | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.allow_private = allow_private
        self.deadline = deadline

    def connect(self) -> None:
        infos = _resolve(self.host, self.port)
        if not self.allow_private:
            _refuse_private(self.host, infos)
        error: OSError = OSError(f"no address for {self.host}")
        for family, kind, proto, _, address in infos:
            sock = socket.socket(family, kind, proto)
            if self.deadline is not None:
                self.deadline.add(sock)
            try:
                if isinstance(self.timeout, int | float):  # else the socket default
                    sock.settimeout(self.timeout)
                sock.connect(address)
            except OSError as exc:
                sock.close()
                error = exc
                continue
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.sock = sock
            return
        raise error


class _GuardedHTTPS(http.client.HTTPSConnection, _GuardedHTTP):
    """HTTPS over _GuardedHTTP's checked TCP connection (TLS still verifies the name):
    HTTPSConnection.connect opens TCP through super(), i.e. _GuardedHTTP.connect."""

    def __init__(
        self,
        *args: Any,
        allow_private: bool = False,
        deadline: _Deadline | None = None,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)  # HTTPSConnection takes neither keyword
        self.allow_private = allow_private
        self.deadline = deadline


class _GuardedHandler(urllib.request.HTTPHandler, urllib.request.HTTPSHandler):
    """Opens http and https URLs through the guarded connections."""

    def __init__(self, options: ExtractOptions, deadline: _Deadline) -> None:
        urllib.request.HTTPHandler.__init__(self)
        self.context = ssl.create_default_context()
        urllib.request.HTTPSHandler.__init__(self, context=self.context)
        self.allow_private = options.allow_private_urls
        self.deadline = deadline

    def http_open(self, req: Any) -> Any:
        guarded = partial(_GuardedHTTP, allow_private=self.allow_private, deadline=self.deadline)
        return self.do_open(guarded, req)

    def https_open(self, req: Any) -> Any:
        guarded = partial(_GuardedHTTPS, allow_private=self.allow_private, deadline=self.deadline)
        return self.do_open(guarded, req, context=self.context)


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows at most _MAX_REDIRECTS redirects, each to an http(s) URL with a host (its
    address is checked when the guarded connection opens)."""

    max_redirections = _MAX_REDIRECTS

    def redirect_request(
        self, req: Any, fp: IO[bytes], code: int, msg: str, headers: HTTPMessage, newurl: str
    ) -> Any:
        _host_port(newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _media_type(headers: HTTPMessage) -> str:
    return headers.get_content_type() if "Content-Type" in headers else ""


def _read_body(response: Any, limit: int) -> bytes:
    length = response.headers.get("Content-Length")
    if length and length.isdigit() and int(length) > limit:
        raise too_large("response", int(length), limit)
    body: bytes = response.read(limit + 1)
    if len(body) > limit:
        raise too_large("response", None, limit)
    return body


def fetch(url: str, options: ExtractOptions, since: Validators | None = None) -> Fetched:
    """The body at `url`; NewsfuseError (BAD_URL, PRIVATE_URL, FETCH_FAILED, TOO_LARGE).
    With `since` (a previous answer's validators) the request is conditional, and an
    unchanged resource comes back as `not_modified`, without a body. The whole fetch,
    redirects included, takes at most `options.fetch_deadline` seconds."""
    _host_port(url)  # the address is checked by the guarded connection, as it connects
    late = NewsfuseError(
        ErrorCode.FETCH_FAILED, f"cannot fetch: over the {options.fetch_deadline:g} s deadline"
    )
    with _Deadline(options.fetch_deadline) as deadline:
        try:
            fetched = _fetch(url, options, since, deadline)
        except NewsfuseError:
            if deadline.expired:
                raise late from None
            raise
        except Exception as exc:
            raise (late if deadline.expired else _fetch_error(exc)) from None
    if deadline.expired:  # a shut socket reads as the end of the body: not a whole one
        raise late
    return fetched


def _fetch_error(exc: Exception) -> Exception:
    """The numbered error of what went wrong fetching (other exceptions unchanged)."""
    if isinstance(exc, http.client.InvalidURL):
        return NewsfuseError(ErrorCode.BAD_URL, f"bad URL: {exc}")
    if isinstance(exc, urllib.error.HTTPError):
        return NewsfuseError(ErrorCode.FETCH_FAILED, f"HTTP {exc.code} {exc.reason}")
    if isinstance(exc, urllib.error.URLError):
        if isinstance(exc.reason, NewsfuseError):
            return exc.reason
        return NewsfuseError(ErrorCode.FETCH_FAILED, f"cannot fetch: {exc.reason}")
    if isinstance(exc, OSError | http.client.HTTPException):
        return NewsfuseError(ErrorCode.FETCH_FAILED, f"cannot fetch: {exc or type(exc).__name__}")
    return exc


def _fetch(
    url: str, options: ExtractOptions, since: Validators | None, deadline: _Deadline
) -> Fetched:
    opener = urllib.request.build_opener(
        urllib.request.ProxyHandler({}), _GuardedHandler(options, deadline), _CheckedRedirects()
    )
    headers = {"User-Agent": USER_AGENT, **(since.headers() if since else {})}
    request = urllib.request.Request(url, headers=headers)
    try:
        with opener.open(request, timeout=options.fetch_timeout) as response:
            body = _read_body(response, options.max_bytes)
            return Fetched(
                url=response.geturl(),
                body=body,
                content_type=_media_type(response.headers),
                charset=response.headers.get_content_charset(),
                etag=response.headers.get("ETag"),
                last_modified=response.headers.get("Last-Modified"),
            )
    except urllib.error.HTTPError as exc:
        if exc.code == 304 and since is not None:  # urllib reports 304 as an error
            return Fetched(url, b"", "", None, since.etag, since.last_modified, not_modified=True)
        raise

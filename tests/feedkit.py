"""Feeds of real articles for the tests: RSS and Atom wrappers (written by the tests)
around the text of bundled Wikinews articles, served by a real HTTP server."""

from __future__ import annotations

import datetime as dt
import html
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from email.utils import format_datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from newsfuse.types import Article


def link(article: Article) -> str:
    slug = (article.title or article.id).replace(" ", "_")
    return f"https://en.wikinews.org/wiki/{html.escape(slug)}"


def _content(article: Article) -> str:
    return html.escape("".join(f"<p>{html.escape(p)}</p>" for p in article.body.split("\n\n")))


def rss(articles: list[Article]) -> str:
    items = "".join(
        f"<item><title>{html.escape(a.title or '')}</title><link>{link(a)}</link>"
        f"<pubDate>{format_datetime(_noon(a))}</pubDate>"
        f"<content:encoded>{_content(a)}</content:encoded>"
        f"<description>{html.escape(a.body[:80])}</description></item>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" '
        'xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel>'
        "<title>Wikinews</title><link>https://en.wikinews.org/</link>"
        f"{items}</channel></rss>"
    )


def atom(articles: list[Article]) -> str:
    entries = "".join(
        f"<entry><title>{html.escape(a.title or '')}</title><link href='{link(a)}'/>"
        f"<id>{link(a)}</id><updated>{_noon(a).isoformat()}</updated>"
        f"<author><name>Wikinews</name></author>"
        f"<content type='html'>{_content(a)}</content></entry>"
        for a in articles
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'
        f"<title>Wikinews</title><id>urn:wikinews</id>{entries}</feed>"
    )


def _noon(article: Article) -> dt.datetime:
    assert article.date is not None
    return dt.datetime.combine(article.date, dt.time(12), tzinfo=dt.UTC)


class QuietHandler(SimpleHTTPRequestHandler):
    """Files of a folder (with Last-Modified / If-Modified-Since), without logging."""

    def log_message(self, *args: object) -> None:
        pass


@contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """Base URL of a real HTTP server on 127.0.0.1 serving `folder`."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(QuietHandler, directory=str(folder)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()

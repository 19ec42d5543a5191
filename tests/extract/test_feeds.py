"""RSS/Atom feeds and URLs: real feeds of the bundled Wikinews articles, served by a real
HTTP server on 127.0.0.1; hostile XML and private-network URLs refused, one line each."""

from __future__ import annotations

import html
import shutil
import ssl
import subprocess
import threading
from collections.abc import Iterator
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from feedkit import atom, link, rss
from newsfuse.cli import app
from newsfuse.config import Config, ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import extract_file, iter_articles
from newsfuse.extract.feeds import looks_like_feed
from newsfuse.extract.fetch import _GuardedHTTP, _GuardedHTTPS, check_url, fetch, is_url
from newsfuse.store import open_store
from newsfuse.types import Article, Failure

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"
SEEDS = ROOT / "examples" / "articles" / "freebeacon.com"
LOCAL = ExtractOptions(allow_private_urls=True)
BOMB = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
<rss version="2.0"><channel><title>t</title><item><title>&d;</title>
<description>&d;&d;&d;&d;</description></item></channel></rss>"""


@pytest.fixture(scope="module")
def story() -> list[Article]:
    """The ten articles of Wikinews story M001 as the plain-text extractor reads them."""
    return [extract_file(p, ExtractOptions())[0] for p in sorted(WIKINEWS.glob("M001-*.txt"))]


def _articles(items: list[Article | Failure]) -> list[Article]:
    return [i for i in items if isinstance(i, Article)]


class _Handler(SimpleHTTPRequestHandler):
    """Files of a folder, plus /redirect/NAME (302 to NAME), /loop and /missing (404)."""

    # The base class declares it an instance attribute; a ClassVar would contradict it.
    extensions_map = {  # noqa: RUF012
        ".rss": "application/rss+xml",
        ".atom": "application/atom+xml",
        "": "",
    }

    def do_GET(self) -> None:
        if self.path.startswith("/redirect/"):
            self.send_response(302)
            self.send_header("Location", "/" + self.path.split("/", 2)[2])
            self.end_headers()
        elif self.path == "/loop":
            self.send_response(302)
            self.send_header("Location", "/loop")
            self.end_headers()
        else:
            super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture()
def server(tmp_path: Path, story: list[Article]) -> Iterator[str]:
    """Base URL of a real HTTP server on 127.0.0.1 serving feeds and pages of real text."""
    (tmp_path / "wikinews.rss").write_text(rss(story), encoding="utf-8")
    (tmp_path / "wikinews.atom").write_text(atom(story), encoding="utf-8")
    (tmp_path / "bomb.rss").write_text(BOMB, encoding="utf-8")
    [seed] = extract_file(sorted(SEEDS.glob("*.txt"))[0], ExtractOptions())
    title = html.escape(seed.title or "")
    page = "".join(f"<p>{html.escape(p)}</p>" for p in seed.body.split("\n\n"))
    (tmp_path / "seed.html").write_text(
        f"<!DOCTYPE html><html><head><title>{title}</title></head>"
        f"<body><article><h1>{title}</h1>{page}</article></body></html>",
        encoding="utf-8",
    )
    handler = partial(_Handler, directory=str(tmp_path))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.mark.parametrize("build, name", [(rss, "feed.rss"), (atom, "feed.atom")])
def test_feed_entries_are_the_articles(story, build, name, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / name
    path.write_text(build(story), encoding="utf-8")
    got = _articles(list(iter_articles([path], ExtractOptions())))
    assert [a.title for a in got] == [a.title for a in story]
    assert [a.date for a in got] == [a.date for a in story]
    assert [a.body for a in got] == [a.body for a in story]  # paragraphs kept
    assert {a.outlet for a in got} == {"en.wikinews.org"}
    assert [a.url for a in got] == [html.unescape(link(a)) for a in story]


def test_feed_by_url_is_ingested_and_briefed(server: str, story, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db = tmp_path / "f.db"
    url = f"{server}/wikinews.rss"
    result = CliRunner().invoke(app, ["ingest", url, "--db", str(db), "--allow-private-urls"])
    assert result.exit_code == 0, result.output
    store = open_store(Config(db=db))
    stored = store.articles([a.id for a in _articles(list(iter_articles([url], LOCAL)))])
    assert sorted(a.body for a in stored) == sorted(a.body for a in story)
    store.close()
    brief = CliRunner().invoke(app, ["brief", url, "--allow-private-urls", "--no-analysis"])
    assert brief.exit_code == 0, brief.output
    assert "London" in brief.output and "[1]" in brief.output


def test_private_url_refused_by_default_and_batch_goes_on(server: str, tmp_path: Path) -> None:
    good = sorted(WIKINEWS.glob("M002-*.txt"))[0]
    items = list(iter_articles([f"{server}/wikinews.rss", str(good)], ExtractOptions()))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.code for f in failures] == [ErrorCode.PRIVATE_URL.value]
    assert "127.0.0.1" in failures[0].message
    assert [a.source for a in _articles(items)] == [str(good)]


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://localhost:8080/x",
        "http://10.1.2.3/",
        "http://[::1]/",
        "http://169.254.169.254/latest/meta-data/",  # cloud instance metadata
        "http://0.0.0.0/",
    ],
)
def test_local_and_private_hosts_are_refused(url: str) -> None:
    with pytest.raises(NewsfuseError) as err:
        check_url(url, ExtractOptions())
    assert err.value.code is ErrorCode.PRIVATE_URL


@pytest.mark.parametrize("connection", [_GuardedHTTP, _GuardedHTTPS])
def test_each_connection_checks_the_address_it_opens(server: str, connection: type) -> None:
    """The check at connect time, which a DNS answer changed after check_url (rebinding)
    cannot get past: a guarded connection to a loopback address is refused before any
    byte is sent."""
    refused = connection("127.0.0.1", int(server.rsplit(":", 1)[1]), timeout=5)
    with pytest.raises(NewsfuseError) as err:
        refused.connect()
    assert err.value.code is ErrorCode.PRIVATE_URL and refused.sock is None


@pytest.fixture()
def tls_server(server: str, tmp_path: Path) -> Iterator[tuple[int, ssl.SSLContext]]:
    """The feeds over HTTPS on 127.0.0.1 (a throwaway self-signed certificate), and a
    client context that trusts it."""
    if shutil.which("openssl") is None:
        pytest.skip("openssl is needed to make the test certificate")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subject = ["-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"]
    files = ["-keyout", str(key), "-out", str(cert)]
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            *subject,
            *files,
        ],
        check=True,
        capture_output=True,
    )
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Handler, directory=str(tmp_path)))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    httpd.socket = context.wrap_socket(httpd.socket, server_side=True)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield httpd.server_address[1], ssl.create_default_context(cafile=str(cert))
    httpd.shutdown()
    httpd.server_close()


def test_https_goes_through_the_guarded_connection(tls_server: tuple[int, ssl.SSLContext]) -> None:
    port, trusted = tls_server
    allowed = _GuardedHTTPS("127.0.0.1", port, timeout=5, context=trusted, allow_private=True)
    allowed.request("GET", "/wikinews.rss")
    assert isinstance(allowed.sock, ssl.SSLSocket)  # TLS over the guarded TCP connection
    assert allowed.getresponse().status == 200
    allowed.close()
    untrusted = _GuardedHTTPS("127.0.0.1", port, timeout=5, allow_private=True)
    with pytest.raises(ssl.SSLCertVerificationError):  # TLS still checks the certificate
        untrusted.connect()
    # fetch() opens https through the same class: the system's CAs refuse this certificate.
    with pytest.raises(NewsfuseError) as err:
        fetch(f"https://127.0.0.1:{port}/wikinews.rss", ExtractOptions(allow_private_urls=True))
    assert err.value.code is ErrorCode.FETCH_FAILED and "CERTIFICATE_VERIFY_FAILED" in str(
        err.value
    )


def test_what_is_not_an_http_url() -> None:
    assert is_url("https://en.wikinews.org/wiki/X") and not is_url("examples/articles")
    with pytest.raises(NewsfuseError) as err:
        check_url("http://", LOCAL)
    assert err.value.code is ErrorCode.BAD_URL


def test_xml_bomb_is_refused_from_a_file_and_a_url(server: str, story, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "bomb.xml").write_text(BOMB, encoding="utf-8")
    (tmp_path / "in" / "good.rss").write_text(rss(story[:2]), encoding="utf-8")
    items = list(iter_articles([tmp_path / "in", f"{server}/bomb.rss"], LOCAL))
    failures = [i for i in items if isinstance(i, Failure)]
    assert [f.code for f in failures] == [ErrorCode.UNSAFE_XML.value] * 2
    assert len(_articles(items)) == 2


def test_redirects_http_errors_and_size_limit(server: str, story) -> None:  # type: ignore[no-untyped-def]
    got = _articles(list(iter_articles([f"{server}/redirect/wikinews.atom"], LOCAL)))
    assert [a.title for a in got] == [a.title for a in story]
    for path in ("/missing.rss", "/loop"):
        with pytest.raises(NewsfuseError) as err:
            fetch(server + path, LOCAL)
        assert err.value.code is ErrorCode.FETCH_FAILED
    small = ExtractOptions(allow_private_urls=True, max_bytes=1000)
    with pytest.raises(NewsfuseError) as err:
        fetch(f"{server}/wikinews.rss", small)
    assert err.value.code is ErrorCode.TOO_LARGE


def test_html_page_by_url(server: str) -> None:
    [article] = _articles(list(iter_articles([f"{server}/seed.html"], LOCAL)))
    assert "Hamadan" in article.body
    assert article.url == f"{server}/seed.html"
    assert article.title and "Russia" in article.title


def test_cut_off_feed_keeps_its_whole_entries(story, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    text = rss(story[:3])
    cut = text[: text.index("<item>", text.index("</item>") + 1) + 40]  # into the second
    (tmp_path / "cut.rss").write_text(cut, encoding="utf-8")
    items = list(iter_articles([tmp_path / "cut.rss"], ExtractOptions()))
    assert [a.title for a in _articles(items)][:1] == [story[0].title]


def test_feed_sniffing_reads_the_root_element() -> None:
    assert looks_like_feed('<?xml version="1.0"?>\n<!-- c --><rss version="2.0">')
    assert looks_like_feed("<feed xmlns='http://www.w3.org/2005/Atom'>")
    assert not looks_like_feed("<!DOCTYPE html><html><body><feed>")
    assert not looks_like_feed('<?xml version="1.0"?><urlset>')

"""The peers' own test suites: feedparser's corpus read file by file as feedparser reads
it; hostile XML (attribute floods, deep nesting, element floods) refused in one linear
pass with a numbered error; wide encodings without a byte-order mark read as text."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode
from newsfuse.extract import extract_file, iter_articles
from newsfuse.extract.decoding import binary_kind, decode_bytes
from newsfuse.extract.feeds import html_text, looks_like_feed
from newsfuse.extract.xmlcheck import MAX_ATTRIBUTES, MAX_ELEMENTS
from newsfuse.types import Article, Failure
from peerfeeds import compare_corpus

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"
# Documents of feedparser's corpus that declare entities: refused by design (E112).
ENTITY_DOCUMENTS = {"doctype_contains_entity_decl.xml", "entity_in_doctype.xml"}


def test_feedparser_corpus_same_entries_as_feedparser(shared_dir: Path) -> None:
    corpus = shared_dir / "data" / "peers" / "feedparser-tests" / "tests"
    report = compare_corpus(corpus)
    assert report.files > 2000
    assert report.unexpected == []
    assert report.differ == []
    assert report.undecoded == []
    assert {Path(p).name for p in report.refused_entities} == ENTITY_DOCUMENTS
    # Every difference left is by design: script text dropped, HTML in a "plain" field.
    assert report.compared >= 30
    assert report.same + len(report.scripts_dropped) + len(report.markup_read) == report.compared
    assert ErrorCode.UNREADABLE.value not in report.codes


def test_feedparser_corpus_script_text_dropped(shared_dir: Path) -> None:
    path = (
        shared_dir / "data/peers/feedparser-tests/tests/wellformed/sanitize/entry_content_crazy.xml"
    )
    (article,) = extract_file(path, ExtractOptions())
    assert "executeMe" not in article.body
    assert "I will execute here, too, if you mouse over me" in article.body


@pytest.mark.parametrize(
    ("name", "root"),
    [
        ("wellformed/atom/entry_summary_base64_2.xml", True),  # leading comment naming <p>
        ("wellformed/namespace/rss2.0NSwithModulesNoDefNS.xml", True),  # <r:rss>
        ("wellformed/cdf/item_title.xml", True),  # Microsoft CDF <channel>
        ("illformed/rss_empty_document.xml", False),
    ],
)
def test_feed_root_after_comments(shared_dir: Path, name: str, root: bool) -> None:
    data = (shared_dir / "data/peers/feedparser-tests/tests" / name).read_bytes()
    assert looks_like_feed(decode_bytes(data)) is root


@pytest.mark.parametrize(
    ("name", "code"),
    [
        ("big5.xml", ErrorCode.EMPTY),  # declared Big5, read; its one channel has no item
        ("euc-kr.xml", ErrorCode.BAD_FEED),
        ("bozo_bogus_encoding.xml", ErrorCode.BAD_FEED),  # encoding="bogus"
        ("utf-16le.xml", ErrorCode.BAD_FEED),  # no byte-order mark: read, not "binary"
        ("utf-32be.xml", ErrorCode.BAD_FEED),
    ],
)
def test_declared_and_wide_encodings_get_the_right_code(
    shared_dir: Path, name: str, code: ErrorCode
) -> None:
    path = shared_dir / "data/peers/feedparser-tests/tests/encoding" / name
    (item,) = list(iter_articles([path], ExtractOptions()))
    assert isinstance(item, Failure)
    assert item.code in (code.value, ErrorCode.EMPTY.value, ErrorCode.BAD_FEED.value)
    assert item.code != ErrorCode.UNREADABLE.value
    assert "unexpected" not in item.message


def _wikinews() -> list[Article]:
    return [extract_file(p, ExtractOptions())[0] for p in sorted(WIKINEWS.glob("M001-*.txt"))]


def test_entities_decoded_once(tmp_path: Path) -> None:
    """A WordPress-style CDATA description with numeric references, and an escaped
    ampersand in a title, are stored as the characters they stand for."""
    article = _wikinews()[0]
    body = article.body.split("\n\n")[0]
    quoted = body.replace(" ", " &#8220;", 1).replace(" ", "&#8221; ", 2)
    item = (
        "<item><title>Smith &amp;amp; Wesson: a title</title>"
        f"<description><![CDATA[{quoted}]]></description></item>"
    )
    (tmp_path / "wp.rss").write_bytes(_feed(item))
    (stored,) = extract_file(tmp_path / "wp.rss", ExtractOptions())
    assert stored.title == "Smith & Wesson: a title"
    assert "&#" not in stored.body and "\u201c" in stored.body
    assert html_text("&#8220;fair&#8221;") == "\u201cfair\u201d"


def test_bomless_utf16_text_is_text(tmp_path: Path) -> None:
    text = (WIKINEWS / "M001-01.txt").read_text(encoding="utf-8")
    for encoding in ("utf-16-le", "utf-16-be", "utf-32-le"):
        data = text.encode(encoding)
        assert binary_kind(data[:8192]) is None
        path = tmp_path / f"{encoding}.txt"
        path.write_bytes(data)
        (article,) = extract_file(path, ExtractOptions())
        assert article.body == extract_file(WIKINEWS / "M001-01.txt", ExtractOptions())[0].body
    assert binary_kind(bytes(range(256)) * 4) is not None


def _feed(items: str) -> bytes:
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    ).encode()


def _one_failure(tmp_path: Path, data: bytes) -> Failure:
    path = tmp_path / "hostile.xml"
    path.write_bytes(data)
    items = list(iter_articles([path], ExtractOptions()))
    assert len(items) == 1 and isinstance(items[0], Failure)
    return items[0]


@pytest.mark.parametrize("broken", [False, True])
def test_attribute_flood_refused(tmp_path: Path, broken: bool) -> None:
    """50,000 attributes on one item: feedparser alone takes ~20 s (quadratic)."""
    attrs = " ".join(f'a{i}="v"' for i in range(50_000))
    title = "<title>a & b</title>" if broken else "<title>a</title>"
    failure = _one_failure(
        tmp_path, _feed(f"<item {attrs}>{title}<description>x</description></item>")
    )
    assert failure.code == ErrorCode.XML_TOO_COMPLEX.value
    assert f"over the limit of {MAX_ATTRIBUTES}" in failure.message


def test_million_nested_elements_refused(tmp_path: Path) -> None:
    n = 1_000_000
    data = _feed("<item><title>a</title>" + "<x>" * n + "</x>" * n + "</item>")
    failure = _one_failure(tmp_path, data)
    assert failure.code == ErrorCode.XML_TOO_COMPLEX.value
    assert f"over {MAX_ELEMENTS:,} elements" in failure.message


def test_element_flood_in_cdata_is_text(tmp_path: Path) -> None:
    """Markup inside CDATA is text, not structure: a long description is not refused."""
    body = " ".join(a.body for a in _wikinews())
    html = "".join(f"<p>{w}</p>" for w in body.split()) * 70
    assert html.count("<p>") > MAX_ELEMENTS
    data = _feed(f"<item><title>a</title><description><![CDATA[{html}]]></description></item>")
    path = tmp_path / "long.xml"
    path.write_bytes(data)
    (article,) = extract_file(path, ExtractOptions())
    assert article.body.split()[:3] == body.split()[:3]


def test_unterminated_tags_scan_linearly(tmp_path: Path) -> None:
    """Two million "<a" with no ">": feedparser's loose parser alone takes 21 s; the
    scan (which must not backtrack to the end from each "<") counts them as elements."""
    data = _feed("<item><title>a</title><description>" + "<a" * 2_000_000 + "</description></item>")
    failure = _one_failure(tmp_path, data)
    assert failure.code == ErrorCode.XML_TOO_COMPLEX.value


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_entity_bomb_in_wide_encoding_refused(tmp_path: Path, encoding: str) -> None:
    """A bomb in UTF-16/32 without a byte-order mark has no ASCII "<!ENTITY" in its
    bytes; the scan of feedparser's own reading finds it."""
    from test_feeds import BOMB

    failure = _one_failure(tmp_path, BOMB.encode(encoding))
    assert failure.code == ErrorCode.UNSAFE_XML.value


def test_summary_only_feed_entry_is_an_article(tmp_path: Path) -> None:
    """A feed of summaries (20 words an entry) is a feed of reports: not "short" pages."""
    article = _wikinews()[0]
    summary = " ".join(article.body.split()[:20])
    item = f"<item><title>{article.title}</title><description>{summary}</description></item>"
    (tmp_path / "summary.rss").write_bytes(_feed(item))
    (stored,) = extract_file(tmp_path / "summary.rss", ExtractOptions())
    assert stored.kind == "article"

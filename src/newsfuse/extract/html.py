"""HTML pages -> Article with trafilatura (body, metadata) and htmldate (date).

trafilatura finds the main text and drops navigation, share bars and footers;
its date comes from htmldate, asked for the original publication date without
"extensive search": on a page whose only date is a "Copyright 2016" footer,
extensive search answers 2016-01-01, a date the page never states. A dateline
at the top of the extracted text is the fallback; otherwise the date is None.
"""

from __future__ import annotations

from typing import Any

import trafilatura

from newsfuse.articles import make_article
from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.dates import parse_iso_date
from newsfuse.extract.decoding import declared_html_charset, decode_bytes
from newsfuse.extract.kind import ARTICLE, classify
from newsfuse.extract.outlets import domain_outlet, metadata_outlet, url_outlet
from newsfuse.extract.plaintext import CleanText, check_words, clean_text
from newsfuse.types import Article, normalize_text

_DATE_PARAMS: dict[str, Any] = {"original_date": True, "extensive_search": False}


def _decode(data: bytes | str) -> str:
    if isinstance(data, str):
        return data
    return decode_bytes(data, declared=declared_html_charset(data))


def _run_trafilatura(text: str, url: str | None, *, precise: bool = True) -> Any:
    """trafilatura's Document, or None; any parser error becomes BAD_HTML.

    precise: favor_precision without tables (the first try); otherwise trafilatura's
    balanced default with tables, the fallback.
    """
    try:
        return trafilatura.bare_extraction(
            text,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=not precise,
            favor_precision=precise,
            date_extraction_params=dict(_DATE_PARAMS),
        )
    except Exception as exc:  # lxml/trafilatura internals: report, never raise
        raise NewsfuseError(
            ErrorCode.BAD_HTML, f"HTML could not be parsed ({type(exc).__name__}: {exc})"
        ) from None


def _text_field(doc: Any, name: str) -> str | None:
    value = getattr(doc, name, None)
    if isinstance(value, str) and value.strip():
        return " ".join(value.split())
    return None


def _without_title(paragraphs: tuple[str, ...], title: str | None) -> tuple[str, ...]:
    """trafilatura keeps the <h1> as the first line; it is the title, not body."""
    if title and paragraphs and normalize_text(paragraphs[0]).casefold() == title.casefold():
        return paragraphs[1:]
    return paragraphs


def _body(doc: Any) -> tuple[CleanText, str]:
    raw_text = getattr(doc, "text", None)
    if not isinstance(raw_text, str) or not raw_text.strip():
        return clean_text("", guess_title=False), ""
    cleaned = clean_text(raw_text, guess_title=False)
    title = _text_field(doc, "title")
    return cleaned, "\n\n".join(_without_title(cleaned.paragraphs, title))


def _extract(text: str, url: str | None) -> tuple[Any, CleanText, str]:
    """(document, cleaned text, body): the precise extraction, else the fallback.

    favor_precision returns nothing on some pages (thespacereview.com in the
    ScrapingHub benchmark), only a reprint notice on others (barrons.com: "This copy
    is for your personal, non-commercial use only"), or a few lines of a table page.
    When the precise body is not an article (extract/kind.py: empty, a notice, too
    little text), trafilatura's balanced extraction with tables is tried, and kept if
    it is an article. Benchmark F1 0.959 -> 0.966 (docs/benchmarks.md); the second
    call costs time only on those pages.
    """
    doc = _run_trafilatura(text, url)
    cleaned, body = _body(doc)
    if body and classify(body) == ARTICLE:
        return doc, cleaned, body
    second = _run_trafilatura(text, url, precise=False)
    cleaned2, body2 = _body(second)
    if body2 and (not body or classify(body2) == ARTICLE):
        return second, cleaned2, body2
    if not body:
        raise NewsfuseError(
            ErrorCode.BAD_HTML, "no article text found in the HTML (malformed or empty page)"
        )
    return doc, cleaned, body


def extract_html(
    data: bytes | str,
    *,
    source: str,
    url: str | None = None,
    outlet: str | None = None,
    min_words: int = ExtractOptions.min_words,
) -> Article:
    """Article from an HTML page.

    `outlet` is the fallback when neither the page (og:site_name, its URL) nor
    `url` names one. Raises NewsfuseError: BAD_HTML when no text can be found,
    NO_TEXT when the text found is too short, UNDECODABLE for unknown bytes.
    """
    text = _decode(data)
    if not text.strip():
        raise NewsfuseError(ErrorCode.EMPTY, "empty HTML")
    doc, cleaned, body = _extract(text, url)
    title = _text_field(doc, "title")
    check_words(body, min_words)
    page_url = url or _text_field(doc, "url")
    return make_article(
        body=body,
        source=source,
        title=title,
        outlet=metadata_outlet(_text_field(doc, "sitename"))
        or url_outlet(page_url)
        or domain_outlet(_text_field(doc, "hostname") or "")
        or outlet,
        byline=_text_field(doc, "author") or cleaned.byline,
        date=parse_iso_date(_text_field(doc, "date")) or cleaned.date,
        url=page_url,
    )

"""Reader-facing forms of a brief: Markdown with numbered citations, and a JSON dict."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any

from newsfuse.types import Brief, BriefSentence, Citation, SourceRef


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _md(text: str) -> str:
    """Source text inert in Markdown: no raw HTML tag or autolink (`<` escaped) and no
    inline link (`](` broken), so an exported brief rendered as HTML runs nothing from
    its sources and links nowhere they chose (issue 24). Brackets stay readable."""
    return text.replace("\\<", "<").replace("<", "\\<").replace("](", "]\\(")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def meta_line(brief: Brief) -> str:
    """Story id, article and (known) outlet counts, date range; unknowns omitted."""
    parts = [f"Story {brief.story_id}", _plural(len(brief.sources), "article")]
    outlets = {ref.outlet for ref in brief.sources if ref.outlet}
    if outlets:
        parts.append(_plural(len(outlets), "outlet"))
    first, last = brief.first_date, brief.last_date
    if first and last and first != last:
        parts.append(f"{first.isoformat()} to {last.isoformat()}")
    elif first or last:
        parts.append(str(_iso(first or last)))
    return " · ".join(parts)


def locator(target: str) -> str:
    """A URL as a Markdown autolink `<url>`; anything else (a file path, "<stdin>")
    as inline code, since in angle brackets Markdown reads it as an HTML tag and
    the reader sees nothing."""
    if target.startswith(("http://", "https://")) and not any(c in target for c in " <>"):
        return f"<{target}>"
    fence = "``" if "`" in target else "`"
    pad = " " if fence == "``" else ""
    return f"{fence}{pad}{target}{pad}{fence}"


def source_line(ref: SourceRef, label: str) -> str:
    """`[n] Outlet — "Title" (YYYY-MM-DD) <url>` (or the source in backticks when
    there is no URL), unknown parts left out."""
    line = f"[{ref.number}] {_md(ref.outlet or label)}"
    if ref.title:
        line += f' — "{_md(ref.title)}"'
    if ref.date:
        line += f" ({ref.date.isoformat()})"
    return f"{line} {locator(ref.url or ref.source)}"


def _label(source: str) -> str:
    """Article.label's fallback for a source: its file name."""
    return source.rsplit("/", 1)[-1]


def _passages(brief: Brief) -> list[tuple[str, list[int]]]:
    """The brief's paragraphs: a sentence joined to the one before (one reading unit,
    e.g. a quotation of several sentences) shares its paragraph, and the passage's
    citations come once, at its end, not between the sentences of one quotation."""
    out: list[tuple[str, list[int]]] = []
    for sentence in brief.sentences:
        numbers = [brief.number_of(c.article_id) for c in sentence.citations]
        if sentence.joined and out:
            text, before = out[-1]
            out[-1] = (
                f"{text} {_md(sentence.text)}",
                before + [n for n in numbers if n not in before],
            )
        else:
            out.append((_md(sentence.text), numbers))
    return out


NO_ARTICLE_TEXT = (
    "(No brief: the sources hold no article text, only pages such as archive notices,"
    " consent or error pages, widgets or paywall notices.)"
)


def render_markdown(brief: Brief, sections: Sequence[str] = ()) -> str:
    """The brief as Markdown: headline, meta line, cited sentences, then any extra
    `sections` (the story analysis), then the numbered sources they all cite."""
    lines = [f"# {_md(brief.headline)}", "", f"*{_md(meta_line(brief))}*", ""]
    if brief.no_article_text:
        lines.append(NO_ARTICLE_TEXT)
    for text, numbers in _passages(brief):
        lines.append(f"{text} {''.join(f'[{n}]' for n in numbers)}")
    for section in sections:
        lines += ["", section.rstrip("\n")]
    lines += ["", "## Sources", ""]
    lines += [source_line(ref, _label(ref.source)) for ref in brief.sources]
    return "\n".join(lines) + "\n"


def _citation_dict(brief: Brief, citation: Citation) -> dict[str, Any]:
    return {
        "number": brief.number_of(citation.article_id),
        "article_id": citation.article_id,
        "sentence_id": citation.sentence_id,
        "similarity": round(citation.similarity, 4),
    }


def _sentence_dict(brief: Brief, sentence: BriefSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "source": _citation_dict(brief, sentence.source),
        "support": [_citation_dict(brief, c) for c in sentence.support],
        "joined": sentence.joined,
        "insertions": [
            {
                "start": i.start,
                "end": i.end,
                "text": sentence.text[i.start : i.end],
                "replaces": i.replaces,
            }
            for i in sentence.insertions
        ],
    }


def _source_dict(ref: SourceRef) -> dict[str, Any]:
    return {
        "number": ref.number,
        "article_id": ref.article_id,
        "outlet": ref.outlet,
        "title": ref.title,
        "date": _iso(ref.date),
        "url": ref.url,
        "source": ref.source,
    }


def brief_to_dict(brief: Brief) -> dict[str, Any]:
    """JSON-ready dict with stable keys; dates as ISO strings, unknowns as null."""
    return {
        "story_id": brief.story_id,
        "headline": brief.headline,
        "word_budget": brief.word_budget,
        "word_count": brief.word_count,
        "first_date": _iso(brief.first_date),
        "last_date": _iso(brief.last_date),
        "sentences": [_sentence_dict(brief, s) for s in brief.sentences],
        "sources": [_source_dict(ref) for ref in brief.sources],
        "no_article_text": brief.no_article_text,
    }

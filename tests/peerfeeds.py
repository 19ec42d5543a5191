"""Compare newsfuse with feedparser over feedparser's own test corpus, file by file.

The reference is what feedparser itself reads from a file: its entries, each with
the title, link, date (published, else updated) and the fullest text the entry
carries (content, else summary) as plain text. An entry with at least `min_words`
words of text must come out of newsfuse as an article with the same four fields
(text and title compared with whitespace folded); a file whose entries have less
text must give no article. Documents that declare entities are refused by design
(E112) and reported apart; any failure other than a numbered error is "unexpected".
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import feedparser

from newsfuse.config import ExtractOptions
from newsfuse.extract import iter_articles
from newsfuse.extract.feeds import html_text
from newsfuse.types import Article, Failure

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "data" / "peers" / "feedparser-tests" / "tests"
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.I)
# A character reference left in stored text: "&amp;", "&#8220;", "&#x201C;".
_ENTITY_REF = re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]{1,7});", re.I)


@dataclass
class Report:
    files: int = 0
    compared: int = 0
    same: int = 0
    refused_entities: list[str] = field(default_factory=list)
    differ: list[tuple[str, str]] = field(default_factory=list)
    unexpected: list[tuple[str, str]] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    scripts_dropped: list[str] = field(default_factory=list)
    markup_read: list[str] = field(default_factory=list)
    undecoded: list[str] = field(default_factory=list)  # stored text holding "&amp;" etc.


def _fold(text: str | None) -> str:
    return " ".join((text or "").split())


def _date(entry: Any) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not isinstance(parsed, time.struct_time):
        return None
    return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)


def _as_text(value: str, kind: str) -> str:
    """Plain text of a field of the type feedparser says it has."""
    return _fold(value if kind == "text/plain" else html_text(value))


def reference(data: bytes, min_words: int) -> list[tuple[str, str, dt.date | None, str]]:
    """(title, link, date, text) of each entry feedparser reads with enough text."""
    out = []
    for entry in feedparser.parse(data).get("entries") or []:
        bodies = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content") or ()]
        summary = entry.get("summary_detail") or {}
        bodies.append((entry.get("summary", "") or "", summary.get("type", "")))
        text = _as_text(*max(bodies, key=lambda body: len(body[0])))
        if len(text.split()) >= min_words:
            detail = entry.get("title_detail") or {}
            title = _as_text(entry.get("title", "") or "", detail.get("type", ""))
            out.append((title, entry.get("link") or "", _date(entry), text))
    return out


def _is_subsequence(short: list[str], long: list[str]) -> bool:
    it = iter(long)
    return all(word in it for word in short)


def scripts_dropped(data: bytes, ref: list[Any], ours: list[Any]) -> bool:
    """The one difference by design: feedparser's sanitizer keeps the text of <script>
    and <style> elements ("function executeMe() {"); newsfuse drops it. Same entries,
    our text a subsequence of feedparser's."""
    if not re.search(rb"(?:<|&lt;)(?:script|style)", data, re.I) or len(ref) != len(ours):
        return False
    return all(
        a[:3] == b[:3] and _is_subsequence(b[3].split(), a[3].split())
        for a, b in zip(ref, ours, strict=True)
    )


def _ours(
    items: Iterable[Article | Failure],
) -> tuple[list[tuple[str, str, Any, str]], list[Failure]]:
    arts, fails = [], []
    for item in items:
        if isinstance(item, Article):
            arts.append((_fold(item.title), item.url or "", item.date, _fold(item.body)))
        else:
            fails.append(item)
    return arts, fails


def _why(ref: list[Any], ours: list[Any], fails: list[Failure]) -> str:
    if not ours:
        return "; ".join(f"{f.code} {f.message}" for f in fails)[:200] or "no articles"
    if len(ref) != len(ours):
        return f"{len(ref)} entries with text, {len(ours)} articles"
    for a, b in zip(ref, ours, strict=True):
        for name, x, y in zip(("title", "link", "date", "text"), a, b, strict=True):
            if x != y:
                return f"{name}: feedparser {str(x)[:80]!r} / newsfuse {str(y)[:80]!r}"
    return "?"


def _markup_read(data: bytes, ref: list[Any], ours: list[Any]) -> bool:
    """The other difference by design: a field feedparser calls text/plain that holds
    HTML markup (an Atom 0.3 base64 summary: "<p>History of the &lt;blink&gt; tag</p>")
    is read as HTML, so no "&lt;" is stored."""
    if len(ref) != len(ours):
        return False
    return all(
        a[:3] == b[:3] and html_text(a[3]).split() == b[3].split()
        for a, b in zip(ref, ours, strict=True)
    )


def compare_file(path: Path, report: Report, options: ExtractOptions) -> None:
    """Add one file's comparison to `report`."""
    data = path.read_bytes()
    report.files += 1
    try:
        ref = reference(data, options.min_words)
    except Exception as exc:  # feedparser itself fails: nothing to compare
        ref = []
        report.unexpected.append((str(path), f"feedparser: {exc}"))
    ours, fails = _ours(iter_articles([path], options))
    if any(_ENTITY_REF.search(title + " " + text) for title, _, _, text in ours):
        report.undecoded.append(str(path))
    report.codes.extend(f.code for f in fails)
    for f in fails:
        if "unexpected" in f.message:
            report.unexpected.append((str(path), f.message))
    if _ENTITY_DECL.search(data):
        report.refused_entities.append(str(path))
        return
    if not ref:
        if ours:
            report.differ.append((str(path), f"{len(ours)} articles, feedparser none with text"))
        return
    report.compared += 1
    if ours == ref:
        report.same += 1
    elif scripts_dropped(data, ref, ours):
        report.scripts_dropped.append(str(path))
    elif _markup_read(data, ref, ours):
        report.markup_read.append(str(path))
    else:
        report.differ.append((str(path), _why(ref, ours, fails)))


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.suffix in (".xml", ".rdf"))


def compare_corpus(corpus: Path = CORPUS, options: ExtractOptions | None = None) -> Report:
    report = Report()
    opts = options or ExtractOptions()
    for path in corpus_files(corpus):
        compare_file(path, report, opts)
    return report

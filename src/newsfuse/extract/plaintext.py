"""Scraped plain text -> title, dateline, byline and clean body paragraphs.

The input is what a scraper saves (see ../shared/seeds): a few header lines
(ad marker, headline, photo caption and credit, dateline) above the body, one
paragraph per line or per blank-line-separated block. The header is read from
the top only and stops at the first line that is none of title, dateline or
byline; past that, only a dateline glued to or directly under that first line
and a "By NAME" line within the first five are taken. Nothing is taken from
deeper in the body. When unsure, a line stays in the body and the field stays
None: nothing is invented.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from newsfuse.articles import make_article
from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract.boilerplate import furniture_mask, is_short_caption, more_words_than
from newsfuse.extract.dates import find_dateline, parse_dateline, split_glued_dateline
from newsfuse.extract.furniture import line_key
from newsfuse.types import Article

# Headline: at most ~20 words (the seed's has 12; news headlines rarely pass
# 15), at least 2 (a lone word is a section label such as "Politics").
_MAX_TITLE_WORDS = 20
_MIN_TITLE_WORDS = 2
_MAX_TITLE_CHARS = 200
# The headline is among the first few non-empty lines of a scrape (seed 000:
# the third line, after "ADVERTISEMENT" and a blank).
_TITLE_WITHIN_LINES = 5
# A dateline below the header is among the first few lines (beforeitsnews.com
# scrapes: title, poll line, ticker, title again, byline, then the date: the 6th).
_DATE_WITHIN_LINES = 8
# A headline does not end like a sentence or a lead-in; "?" and "!" do occur.
_TITLE_BAD_ENDINGS = frozenset(".,:;")
# A hard-wrapped text (e-mail, terminal copy) has no line longer than its wrap
# width, usually 72-80 characters.
_MAX_WRAP_WIDTH = 100
_SENTENCE_END = frozenset('.!?"”’)')

_BYLINE = re.compile(
    r"^by\s+(?P<name>[A-Z][\w.'’/-]*(?:(?:\s+|,\s*|\s+(?:and|&)\s+)"
    r"(?:[A-Z][\w.'’/-]*|de|da|van|von|der|del|la|le|bin|al))*)$",
    re.I,
)
_MAX_BYLINE_WORDS = 10
# Horizontal whitespace of any kind (NBSP in seed 000: "country\xa0 in").
_SPACES = re.compile(r"[^\S\n]+")
# C0 control characters and zero-width marks that scrapes carry along.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")
# C1 "controls" in news text are Windows-1252 bytes read as Latin-1: Multi-News
# val has "\x93my sister had trusted me with him,\x94" and "can\x92t".
_C1 = re.compile(r"[\x80-\x9f]")


def _cp1252_char(match: re.Match[str]) -> str:
    # The five bytes cp1252 leaves undefined (0x81, 0x8D, ...) are dropped.
    return bytes([ord(match.group())]).decode("cp1252", errors="ignore")


@dataclass(frozen=True)
class CleanText:
    """What the cleaner found: header fields (None = not found) and body paragraphs."""

    title: str | None
    date: dt.date | None
    byline: str | None
    paragraphs: tuple[str, ...]

    @property
    def body(self) -> str:
        return "\n\n".join(self.paragraphs)


def normalize_lines(text: str) -> list[str]:
    """NFC, one kind of newline and space, no control characters, stripped lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = _C1.sub(_cp1252_char, _CONTROL.sub("", text))
    return [_SPACES.sub(" ", line).strip() for line in text.split("\n")]


def parse_byline(line: str) -> str | None:
    """The name(s) of a "By NAME" line, else None."""
    if more_words_than(line, _MAX_BYLINE_WORDS):
        return None
    match = _BYLINE.match(line)
    if match is None:
        return None
    name = match.group("name")
    # "By Tuesday" or "by then" is prose: a name is at least two capitalized words.
    capitalized = [w for w in re.split(r"[\s,&]+", name) if w[:1].isupper()]
    return name if len(capitalized) >= 2 else None


def _looks_like_title(line: str) -> bool:
    words = line.split()
    if not _MIN_TITLE_WORDS <= len(words) <= _MAX_TITLE_WORDS or len(line) > _MAX_TITLE_CHARS:
        return False
    if line[-1] in _TITLE_BAD_ENDINGS or not any(c.isalpha() for c in line):
        return False
    first = line.lstrip("\"'“‘")[:1]
    return first.isupper() or first.isdigit()


def _followed_by_blank(lines: list[str | None], i: int) -> bool:
    """True when the next kept line after i is blank (dropped lines are skipped)."""
    for nxt in lines[i + 1 :]:
        if nxt is None:
            continue
        return nxt == ""
    return False


def _next_content(lines: list[str | None], i: int) -> int | None:
    for j in range(i + 1, len(lines)):
        if lines[j]:
            return j
    return None


def _take_date(lines: list[str | None], i: int) -> dt.date | None:
    """Date of a dateline at line i (whole line, or glued to the text after it).

    Consumes what it reads: the dateline line becomes None, a glued dateline is
    cut from the start of its line.
    """
    line = lines[i] or ""
    if (date := parse_dateline(line)) is not None:
        lines[i] = None
        return date
    if (glued := split_glued_dateline(line)) is not None:
        lines[i] = glued[1]
        return glued[0]
    return None


def _read_header(
    lines: list[str | None], guess_title: bool
) -> tuple[str | None, dt.date | None, str | None]:
    """(title, date, byline) from the top lines, which are set to None when consumed.

    The header ends at the first line that is none of dateline, byline or
    title. That line may still carry a glued dateline, or be a short caption
    directly above the dateline (Wikinews: "Countries affected by the 2004
    Indian Ocean tsunami" over "Tuesday, January 18, 2005..."); the caption
    then stays in the body, the date is taken.
    """
    title: str | None = None
    date: dt.date | None = None
    byline: str | None = None
    seen = 0
    for i, line in enumerate(lines):
        if not line:  # blank or dropped furniture
            continue
        seen += 1
        if date is None and (found := _take_date(lines, i)) is not None:
            date = found
            if lines[i] is not None:  # glued: the rest of the line is body
                break
        elif title is not None and line == title:  # the headline printed twice
            lines[i] = None
        elif byline is None and (name := parse_byline(line)) is not None:
            byline, lines[i] = name, None
        elif (
            guess_title
            and title is None
            and seen <= _TITLE_WITHIN_LINES
            and _looks_like_title(line)
            and _followed_by_blank(lines, i)
        ):
            title, lines[i] = line, None
        else:
            nxt = _next_content(lines, i)
            if date is None and is_short_caption(line) and nxt is not None:
                date = _take_date(lines, nxt)
            break
    if byline is None:
        byline = _take_byline(lines)
    if date is None:
        date = _find_date(lines)
    return title, date, byline


def _find_date(lines: list[str | None]) -> dt.date | None:
    """A dateline among the first few lines below the header (raw scrapes put one under
    a byline, a source line or a ticker: "[January 24, 2018 - ZurichTimes.net]",
    "By Looking at Lyme Disease on Friday Dec 29 2017 04:24"). A line that is only a
    dateline is consumed; a place-and-date prefix stays with its sentence."""
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _DATE_WITHIN_LINES:
            return None
        if (found := find_dateline(line)) is not None:
            if found[1]:
                lines[i] = None
            return found[0]
    return None


def _take_byline(lines: list[str | None]) -> str | None:
    """A "By NAME" line among the first few, even below a summary or promo line.

    Seen in the Multi-News full texts: "By Terry Wade" under two Reuters summary
    bullets, "By Yuliya Talmazan" under an NBC newsletter promo. A line that is
    only "By" and capitalized names is never article prose.
    """
    seen = 0
    for i, line in enumerate(lines):
        if not line:
            continue
        seen += 1
        if seen > _TITLE_WITHIN_LINES:
            return None
        if (name := parse_byline(line)) is not None:
            lines[i] = None
            return name
    return None


def _is_hard_wrapped(lines: list[str | None]) -> bool:
    """Lines broken at a fixed width, not at paragraph ends.

    Such text has no line longer than the wrap width, and most lines that
    continue in a next line stop mid-sentence; one-paragraph-per-line text
    (seeds, Wikinews) has long lines that end with sentence punctuation.
    """
    kept = [line for line in lines if line is not None]
    if max((len(line) for line in kept), default=0) > _MAX_WRAP_WIDTH:
        return False
    inner = [a for a, b in pairwise(kept) if a and b]
    if len(inner) < 2:
        return False
    open_ends = sum(1 for line in inner if line[-1] not in _SENTENCE_END)
    return open_ends > len(inner) / 2


def _paragraphs(lines: list[str | None], wrapped: bool) -> tuple[str, ...]:
    """Body paragraphs: one per line, or per blank-separated block if hard-wrapped."""
    if not wrapped:
        return tuple(line for line in lines if line)
    paragraphs: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line is None:
            continue
        if line:
            block.append(line)
        elif block:
            paragraphs.append(_unwrap(block))
            block = []
    return tuple(paragraphs)


def _unwrap(block: list[str]) -> str:
    """Join wrapped lines; a line broken after a hyphen ("al Qaeda-" / "linked")
    is joined without a space, as wrappers break compounds at their hyphen."""
    out = block[0]
    for line in block[1:]:
        glue = "" if len(out) > 1 and out[-1] == "-" and not out[-2].isspace() else " "
        out = f"{out}{glue}{line}"
    return out


def clean_text(
    text: str, *, guess_title: bool, furniture: frozenset[bytes] = frozenset()
) -> CleanText:
    """Split scraped text into header fields and body paragraphs.

    guess_title=False for texts whose title is known or absent by construction
    (JSON records, HTML): their first line is then never taken as a title.
    `furniture`: keys (extract/furniture.py) of the lines its outlet prints on every
    page, learned from the other articles of the batch; dropped before anything else.
    """
    raw = normalize_lines(text)
    drop = furniture_mask(raw)
    if furniture:
        drop = [d or (bool(x) and line_key(x) in furniture) for x, d in zip(raw, drop, strict=True)]
    lines: list[str | None] = [None if d else line for line, d in zip(raw, drop, strict=True)]
    title, date, byline = _read_header(lines, guess_title)
    wrapped = _is_hard_wrapped(lines)
    return CleanText(title, date, byline, _paragraphs(lines, wrapped))


def check_words(body: str, min_words: int) -> None:
    """Raise NO_TEXT when the body is too short to be an article."""
    # Words are counted up to min_words + 1: a long body is not split in full.
    words = len(body.split(maxsplit=max(min_words, 0)))
    if words == 0:
        raise NewsfuseError(ErrorCode.NO_TEXT, "no article text")
    if words < min_words:
        raise NewsfuseError(
            ErrorCode.NO_TEXT, f"too little text: {words} words, need at least {min_words}"
        )


def extract_plaintext(
    text: str,
    *,
    source: str,
    outlet: str | None = None,
    min_words: int = ExtractOptions.min_words,
    furniture: frozenset[bytes] = frozenset(),
) -> Article:
    """Article from scraped plain text; raises NewsfuseError(NO_TEXT) if too short."""
    cleaned = clean_text(text, guess_title=True, furniture=furniture)
    check_words(cleaned.body, min_words)
    return make_article(
        body=cleaned.body,
        source=source,
        title=cleaned.title,
        outlet=outlet,
        byline=cleaned.byline,
        date=cleaned.date,
    )

"""Detectors of what a reader stumbles on in a brief, sentence by sentence.

Each detector looks at one brief sentence in its place: the brief before it
(headline included, since the reader has read it) and the sentences that
preceded it in its own source article (what the outlet's reader had and the
brief's reader may not). The definitions are those of
tests/data/read_guidelines.md, and their precision and recall against the hand
labels there are in docs/benchmarks.md ("Briefs as a reader reads them").

- dangling: the sentence opens on (or has as subject) a pronoun, demonstrative
  or definite description whose referent the brief has not introduced;
- broken_quote: unbalanced quotation marks (a fragment of a longer quotation),
  or a quotation of five words or more with no speaker in the sentence or in
  the source sentence just before it when that sentence is also in the brief;
- non_article: page furniture, captions, credits, notices, fragments;
- redundant: says again what an earlier brief sentence said;
- chronology: in a story spanning several days, a sentence (after the lede)
  from an earlier day than one shown before it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from newsfuse.summarize.recurring import is_recurring
from newsfuse.summarize.standalone import (
    PRONOUN_SPEAKER as _PRONOUN_SPEAKER,
)
from newsfuse.summarize.standalone import (
    QUOTE_WORDS,
    has_speaker,
    opening,
    quoted_spans,
    referring_opening,
    unbalanced,
)
from newsfuse.text.tokens import content_words, words

_CAPTION_BEFORE = re.compile(r"\bimage \d+ of \d+|\bcaption\b|^photo:|\bphoto credit", re.I)
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", "…")
_FURNITURE = re.compile(
    r"click here|follow (?:us|him|her|them|@)|sign up|subscribe|newsletter|all rights reserved"
    r"|copyright|©|photo(?:graph)? (?:by|credit)|getty images|\bap photo"
    r"|image (?:via|credit|copyright)"
    r"|read more|related:|advertisement|share this|cookies|javascript|terms of (?:use|service)"
    r"|privacy policy|contact us|https?://|www\.|\S+@\S+\.\w+|contributed to this report"
    r"|this (?:story|article) (?:has been|was) (?:updated|corrected)"
    r"|^(?:updated|published|posted)\b"
    r"|^(?:watch|video|photos?|listen|caption|image|gallery|editor'?s note)\s*[:|-]"
    r"|\bcaption\b|\(photo\b|\bclose\b.*\bvideo\b|^advertisement|please (?:enable|update|note)"
    r"|your browser|log in to|sign in to|rights reserved|reprint|e-?mail (?:this|us|to a friend)"
    r"|\b(?:posted|updated|published):|read the (?:full|updated|original|latest) (?:story|article)"
    r"|^(?:directed|written|produced|edited) by\b|^starring\b|on sale now|don'?t forget"
    r"|find out (?:all )?(?:about|more)|^\(source:|^\S+ \S+ (?:talks|speaks) (?:about|to|with)\b"
    r"|comments? (?:are|is) (?:closed|moderated)|\bfile photo\b|\(ap\)\s*$",
    re.I,
)
MIN_WORDS = 5  # fewer words: a heading, caption or dateline, not a news sentence
MULTI_DAY = 3  # distinct article dates: a developing story, not one event's follow-ups
REDUNDANT = 0.6  # share of the shorter sentence's content words found in an earlier one


@dataclass(frozen=True)
class ReadSentence:
    """A brief sentence with what the detectors need: the sentences before it in
    its source article (nearest last) and its article's date (ISO, or None)."""

    text: str
    before: tuple[str, ...] = ()
    date: str | None = None


@dataclass(frozen=True)
class ReadBrief:
    """A brief as read: headline, sentences, the story's dates, and the editor's
    first sentence (the main event) when a reference or the titles give one."""

    id: str
    method: str
    headline: str
    sentences: tuple[ReadSentence, ...]
    story_dates: tuple[str, ...] = ()
    references: tuple[str, ...] = ()  # editors' ledes (or the articles' titles)
    labels: dict[str, list[int]] = field(default_factory=dict)


SENTENCE_DEFECTS = ("dangling", "broken_quote", "non_article", "redundant", "chronology")


def _folded(text: str) -> set[str]:
    return {w[:6] for w in content_words(text)}


def _context(brief: ReadBrief, i: int) -> str:
    """What the reader has read before sentence `i`: headline and earlier sentences."""
    return " ".join([brief.headline, *(s.text for s in brief.sentences[:i])])


def _adjacent(brief: ReadBrief, i: int) -> bool:
    """Sentence `i` follows, in the brief, the sentence before it in its article."""
    s = brief.sentences[i]
    return i > 0 and bool(s.before) and s.before[-1].strip() == brief.sentences[i - 1].text.strip()


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
_PERSON = re.compile(
    r"(?:^|(?<=\s))(?!The |A |An |In |On )[A-Z][a-z]+\.? [A-Z][a-z]+\b"
    r"(?! (?:Ave|Avenue|Street|St|Road|County|City|Park|States|Bureau|Department))"
)
_SPEAKER_NAME = re.compile(r"\b[A-Z][a-z]+ (?:said|says|told|added)\b|\bsaid [A-Z][a-z]+")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that) (incident|decision|move|attack|case|deal|agreement|plan|house"
    r"|numbers|operation|companies|anniversary|character|one|same)\b"
)


def anaphor(text: str) -> str | None:
    """A noun that points back wherever it stands ("into the incident"), unless
    the sentence itself introduced it before ("a new deal ... the deal")."""
    match = _ANAPHOR.search(text)
    if match is None:
        return None
    noun = match.group(1).lower()
    return None if noun[:6] in _folded(text[: match.start()]) else noun


def definite_head(text: str) -> str | None:
    """The noun of an opening definite description whose referent came earlier in
    the source ("The yacht sank" after the article named the yacht), else None."""
    tokens = opening(text)
    if len(tokens) < 2 or tokens[0].lower() not in ("the", "this", "that", "these", "those"):
        return None
    if text.lstrip()[:1] in "\"“‘'" or tokens[1].lower() in _VERBS:
        return None  # the speaker's own words, or "This is ..." (no noun to resolve)
    for token in tokens[1:3]:
        if token[:1].isupper() or not token.isalpha():
            return None
        if len(token) > 3 and token.lower() not in ("same", "other", "first", "last", "latest"):
            return token.lower()
    return None


_VERBS = frozenset(
    [
        "is",
        "was",
        "are",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "could",
        "can",
        "may",
        "might",
        "should",
        "must",
        "does",
        "did",
    ]
)


def _named_person(text: str) -> bool:
    """A name a personal pronoun can take: two capitalised words after the first
    word, or a capitalised word saying something ("Watson said")."""
    return bool(_PERSON.search(text)) or bool(_SPEAKER_NAME.search(text))


def dangling(brief: ReadBrief, i: int) -> bool:
    """An opening pronoun, a pronoun speaker ("..., he said") or a description
    ("the decision", "this agreement") the brief never introduced; a sentence
    read right after its own predecessor is fine, and a personal pronoun is
    taken as resolved when one of the two sentences before names a person."""
    s = brief.sentences[i]
    if _adjacent(brief, i) or non_article(s.text, s.before):
        return False
    if _PRONOUN_SPEAKER.search(s.text):
        return True
    quoted = s.text.lstrip()[:1] in "\"“‘'"  # the speaker's own "this" or "it"
    pronoun = None if quoted else referring_opening(s.text)
    if pronoun in _PERSONAL:
        return i == 0 or not _named_person(brief.sentences[i - 1].text)
    if pronoun is not None:
        return True
    context = _folded(_context(brief, i))
    noun = definite_head(s.text)
    if noun is not None:
        demonstrative = opening(s.text)[0].lower() != "the"
        in_source = any(noun[:6] in _folded(b) for b in s.before)
        return noun[:6] not in context and (demonstrative or in_source)
    noun = anaphor(s.text)
    if noun == "incident" and i > 0:
        return False  # "the incident" after the brief has told one
    return noun is not None and noun[:6] not in context


def _passage(brief: ReadBrief, i: int) -> str:
    """Sentence `i` with the brief sentences around it that follow one another in
    their source: a quotation over several sentences is read as one."""
    first = last = i
    while _adjacent(brief, first):
        first -= 1
    while last + 1 < len(brief.sentences) and _adjacent(brief, last + 1):
        last += 1
    return " ".join(s.text for s in brief.sentences[first : last + 1])


def broken_quote(brief: ReadBrief, i: int) -> bool:
    """Unbalanced marks, or a real quotation whose speaker the reader cannot find,
    in the passage the sentence is read in (itself and its source neighbours)."""
    text = _passage(brief, i)
    if unbalanced(text):
        return True
    spans = [q for q in quoted_spans(text) if len(q.split()) >= QUOTE_WORDS]
    if not spans or sum(len(q.split()) for q in spans) < 0.5 * len(text.split()):
        return False  # no quotation, or one the sentence itself frames (a title, a phrase)
    return not has_speaker(text)


def non_article(text: str, before: Sequence[str] = ()) -> bool:
    """Furniture: credits, captions, notices, links, fragments, recurring widget text."""
    tokens = words(text)
    if len(tokens) < MIN_WORDS or _FURNITURE.search(text) or is_recurring(text):
        return True
    if not text.rstrip().endswith(_TERMINAL):
        return True  # a heading, a bullet, a title: no sentence ends that way
    capitals = [w for w in text.split() if w[:1].isalpha()]
    if len(capitals) >= 4 and sum(w[0].isupper() for w in capitals) > 0.75 * len(capitals):
        return True  # Title Case: a headline of this or another story
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)


def _caption(s: ReadSentence) -> bool:
    """The source sentence before it is a photo credit or gallery counter that runs
    on into this one (a caption split by the sentence splitter)."""
    if not s.before or not _CAPTION_BEFORE.search(s.before[-1]):
        return False
    return not s.before[-1].rstrip().endswith(_TERMINAL)  # the credit runs into this text


def redundant(brief: ReadBrief, i: int) -> bool:
    """Most of this sentence's content words (or of an earlier one's) are shared."""
    mine = _folded(brief.sentences[i].text)
    if len(mine) < 3:
        return False
    for other in brief.sentences[:i]:
        theirs = _folded(other.text)
        if len(theirs) >= 3 and len(mine & theirs) >= REDUNDANT * min(len(mine), len(theirs)):
            return True
    return False


def lede_passage(brief: ReadBrief) -> int:
    """How many sentences open the brief as one passage of the lede's article, each the
    next sentence of that article after the one shown before it. The brief shows the
    lede's passage first, whatever its date (`assemble.joins`), so it is the lede."""
    n = 1
    while n < len(brief.sentences) and brief.sentences[n].before[-1:] == (
        brief.sentences[n - 1].text,
    ):
        n += 1
    return n


def chronology(brief: ReadBrief, i: int) -> bool:
    """In a multi-day story, a sentence after the lede's passage dated before one shown
    earlier (after that passage)."""
    lede = lede_passage(brief)
    if i < lede + 1 or len(set(brief.story_dates)) < MULTI_DAY:
        return False
    date = brief.sentences[i].date
    shown = [s.date for s in brief.sentences[lede:i] if s.date]
    return date is not None and any(date < d for d in shown)


def sentence_flags(brief: ReadBrief) -> list[dict[str, bool]]:
    """Every sentence defect of every brief sentence."""
    return [
        {
            "dangling": dangling(brief, i),
            "broken_quote": broken_quote(brief, i),
            "non_article": non_article(s.text, s.before) or _caption(s),
            "redundant": redundant(brief, i),
            "chronology": chronology(brief, i),
        }
        for i, s in enumerate(brief.sentences)
    ]


def lede_overlap(first: str, references: Sequence[str]) -> float:
    """The best share of a reference lede's content words the first sentence has."""
    mine = _folded(first)
    best = 0.0
    for reference in references:
        theirs = _folded(reference)
        if theirs:
            best = max(best, len(mine & theirs) / len(theirs))
    return best

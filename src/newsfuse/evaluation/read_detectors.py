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
from newsfuse.text.tokens import content_words, words

PRONOUN = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|him|them|this|these|those|that|such)$", re.I
)
_CONNECTIVE = re.compile(
    r"^(?:but|and|so|also|however|meanwhile|instead|still|yet|then|now|later|earlier"
    r"|in addition|separately|in fact|indeed|moreover|thus|as a result)\b,?\s*",
    re.I,
)
_TIME_WORDS = frozenset(
    [
        "week",
        "month",
        "year",
        "morning",
        "afternoon",
        "evening",
        "night",
        "weekend",
        "time",
        "season",
        "summer",
        "spring",
        "fall",
        "winter",
        "day",
        "decade",
        "century",
    ]
)
# "It" with no referent is the expletive in these; a reader needs nothing before.
_EXPLETIVE = re.compile(
    r"^it(?:'s| is| was| has been| had been| will be| would be| remains| seems| appears)"
    r"\s+(?:not\s+)?(?:unclear|clear|known|unknown|likely|unlikely|possible|impossible"
    r"|expected|believed|thought|estimated|reported|the first|the second|the latest|time"
    r"|too early|hard|difficult|important|illegal|rare|a\b|an\b)|^it looks like\b",
    re.I,
)
_LEADING_QUOTE = re.compile(r"^[\s\"“”‘'«(]+")
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|wrote|writes|stated|asked|asks"
    r"|explained|explains|noted|notes|insisted|argued|claimed|claims|warned|warns|announced"
    r"|tweeted|posted|recalled|recalls|continued|replied|responded|testified|declared"
    r"|acknowledged|admitted|conceded|remarked|quipped|added|urged|vowed|pleaded)\b",
    re.I,
)
_CAPTION_BEFORE = re.compile(r"\bimage \d+ of \d+|\bcaption\b|^photo:|\bphoto credit", re.I)
_TERMINAL = (".", "!", "?", '"', "”", "’", "'", ")", "…")
_DOUBLE = re.compile(r"\"([^\"]*)\"|“([^”“]*)”")
QUOTE_WORDS = 5  # a shorter quoted span is a term or a phrase, not a quotation
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


def opening(text: str) -> list[str]:
    """The sentence's first words, past quote marks, connectives and a short
    fronted adverbial ("On Tuesday, he said" -> ["he", "said", ...])."""
    rest = _LEADING_QUOTE.sub("", text)
    rest = _CONNECTIVE.sub("", rest)
    head, comma, tail = rest.partition(", ")
    if comma and len(head.split()) <= 5 and not _ATTRIBUTION.search(head):
        tail_words = tail.split()
        if tail_words and PRONOUN.match(tail_words[0].strip(",.")):
            rest = tail
    return [w.strip(",.;:\"“”'’") for w in rest.split()[:4]]


_PERSONAL = frozenset({"he", "she", "his", "her", "him"})
_PERSON = re.compile(
    r"(?:^|(?<=\s))(?!The |A |An |In |On )[A-Z][a-z]+\.? [A-Z][a-z]+\b"
    r"(?! (?:Ave|Avenue|Street|St|Road|County|City|Park|States|Bureau|Department))"
)
_SPEAKER_NAME = re.compile(r"\b[A-Z][a-z]+ (?:said|says|told|added)\b|\bsaid [A-Z][a-z]+")
_PRONOUN_SPEAKER = re.compile(r"[,\"”’]\s+(?:he|she|they) (?:said|says|added|told)\b")
_ANAPHOR = re.compile(
    r"\b(?:the|this|that) (incident|decision|move|attack|case|deal|agreement|plan|house"
    r"|numbers|operation|companies|anniversary|character|one|same)\b"
)


def referring_opening(text: str) -> str | None:
    """The pronoun or demonstrative the sentence opens on, or None."""
    tokens = opening(text)
    if not tokens or not PRONOUN.match(tokens[0]):
        return None
    first = tokens[0].lower()
    demonstrative = first in ("this", "that", "these", "those") and len(tokens) > 1
    if demonstrative and tokens[1].lower().removesuffix("'s").removesuffix("’s") in _TIME_WORDS:
        return None
    if first == "it" and _EXPLETIVE.match(" ".join(opening(text))):
        return None
    if first == "that" and len(tokens) > 1 and tokens[1].lower() in ("is", "was", "'s"):
        return first  # "That is why ..."
    return first


def anaphor(text: str) -> str | None:
    """A noun that points back wherever it stands ("into the incident")."""
    match = _ANAPHOR.search(text)
    return match.group(1).lower() if match else None


def definite_head(text: str) -> str | None:
    """The noun of an opening definite description whose referent came earlier in
    the source ("The yacht sank" after the article named the yacht), else None."""
    tokens = opening(text)
    if len(tokens) < 2 or tokens[0].lower() not in ("the", "this", "that", "these", "those"):
        return None
    for token in tokens[1:3]:
        if token[:1].isupper() or not token.isalpha():
            return None
        if len(token) > 3 and token.lower() not in ("same", "other", "first", "last", "latest"):
            return token.lower()
    return None


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


def quoted_spans(text: str) -> list[str]:
    """The text inside balanced double quotation marks."""
    return [m.group(1) or m.group(2) or "" for m in _DOUBLE.finditer(text)]


def unbalanced(text: str) -> bool:
    """An odd number of double quote marks (straight and curly mixed, as outlets
    mix them): a piece of a longer quotation."""
    return (text.count('"') + text.count("“") + text.count("”")) % 2 == 1


def has_speaker(text: str) -> bool:
    """An attribution outside the quotation marks ("said", "according to", a colon)."""
    outside = _DOUBLE.sub(" ", text)
    return bool(_ATTRIBUTION.search(outside)) or bool(re.search(r":\s*[\"“]", text))


def broken_quote(brief: ReadBrief, i: int) -> bool:
    """Unbalanced marks, or a real quotation whose speaker the reader cannot find."""
    s = brief.sentences[i]
    if unbalanced(s.text):
        return True
    spans = [q for q in quoted_spans(s.text) if len(q.split()) >= QUOTE_WORDS]
    if not spans or sum(len(q.split()) for q in spans) < 0.5 * len(s.text.split()):
        return False  # no quotation, or one the sentence itself frames (a title, a phrase)
    if has_speaker(s.text):
        return False
    return not (_adjacent(brief, i) and has_speaker(brief.sentences[i - 1].text))


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
    """The source sentence before it is a photo credit or gallery counter: a caption."""
    return bool(s.before) and bool(_CAPTION_BEFORE.search(s.before[-1]))


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


def chronology(brief: ReadBrief, i: int) -> bool:
    """In a multi-day story, a sentence after the lede dated before one shown earlier."""
    if i < 2 or len(set(brief.story_dates)) < MULTI_DAY:
        return False
    date = brief.sentences[i].date
    shown = [s.date for s in brief.sentences[1:i] if s.date]
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

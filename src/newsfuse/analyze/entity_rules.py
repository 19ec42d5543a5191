"""Corrections to the small NER model's entity kinds, as general rules (issue #6).

Each rule names the real article text that motivated it (Wikinews story and seed
articles of ../shared, judged in tests/data/entities_audit.md) and is tested on that
text in tests/analyze/test_entity_rules.py. A rule looks only at the span, its neighbours and
the story's own text: no story-specific strings.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spacy.tokens import Doc, Span

# Time-zone abbreviations are not organisations or people: "near Kings Cross station at
# 8:50 a.m. BST (0750 UTC)" (Wikinews M001; NER: BST = PERSON, and ORG in M002, M003).
TIME_ZONES = {
    "UTC", "GMT", "BST", "IST", "CET", "CEST", "EET", "EEST", "WET", "MSK", "EST", "EDT",
    "CST", "CDT", "MST", "MDT", "PST", "PDT", "AKST", "AKDT", "HST", "AST", "ADT", "NST",
    "JST", "KST", "HKT", "SGT", "AEST", "AEDT", "ACST", "ACDT", "AWST", "NZST", "NZDT",
    "ET", "CT", "PT",  # "just after 3 a.m. CT" (Multi-News; NER: PERSON)
}  # fmt: skip
_OFFSET = re.compile(r"^(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d\d)?$")  # "UTC+1", "GMT-3"

# Holidays, alone or coordinated, are not places: "on the occasion of Easter and
# Passover" (Wikinews M002; NER: GPE). "Easter Island", "Christmas Island" stay places.
HOLIDAYS = {
    "easter", "passover", "christmas", "ramadan", "eid", "eid al fitr", "eid al adha",
    "hanukkah", "chanukah", "thanksgiving", "diwali", "lent", "pentecost", "halloween",
    "new year", "new years", "yom kippur", "rosh hashanah", "good friday", "ash wednesday",
    "boxing day", "nowruz", "purim", "holi", "vesak", "epiphany", "whitsun", "advent",
}  # fmt: skip
_HOLIDAY_TAILS = ("day", "eve", "sunday", "monday")
_COORDINATION = re.compile(r"\s*(?:,|&|\band\b|\bor\b)\s*")

# A nationality with a title is a person's role, not a place or organisation: "talks
# with the Iranian Consul in London" (Wikinews M002; NER: FAC, and ORG in "The Iranian
# Consul said").
ROLE_WORDS = {
    "consul", "consul-general", "envoy", "ambassador", "attache", "attaché", "minister",
    "president", "prime", "foreign", "secretary", "general", "premier", "chancellor",
    "spokesman", "spokeswoman", "spokesperson", "official", "officials", "diplomat",
    "diplomats", "leader", "leaders", "king", "queen", "prince", "defense", "defence",
}  # fmt: skip

# Names of events, by their first or last word, are events, not organisations or places:
# "the Tour de France", "the Tour" (Wikinews M003; NER: ORG), "the United Nations Climate
# Change Conference" (M004; ORG), "2004 Tsunami" (M000; GPE).
EVENT_FIRST = {"tour", "battle", "siege", "summit"}
EVENT_LAST = {
    "conference", "summit", "games", "olympics", "championship", "championships", "cup",
    "festival", "tsunami", "earthquake", "hurricane", "war", "election", "elections",
    "marathon", "meeting", "talks",
}  # fmt: skip

# Named documents are not people or organisations: "the so called Bali Roadmap has been
# agreed on" (Wikinews M004; NER: PERSON).
DOCUMENT_LAST = {"roadmap", "protocol", "treaty", "accord", "accords", "charter", "manifesto"}

# Streets, squares, parks and stations are places whatever NER calls them: "Trafalgar
# Square", "Jubilee Gardens" (Wikinews M003; NER: PERSON); "Kings Cross station" (M001; ORG).
PLACE_LAST = {
    "square", "gardens", "street", "avenue", "boulevard", "road", "lane", "station",
    "stadium", "airport", "beach", "cathedral", "abbey",
    # outlet text: "Stroger Hospital" (NER: PERSON), "Bancroft Avenues", "Sandy Blvd" (ORG)
    "avenues", "streets", "blvd", "drive", "parkway", "highway", "hospital",
    # #23: "Sagebrush Trail", "Pingree Ave" (NER: ORG), street suffixes of outlet text
    "trail", "circle", "terrace", "pike", "plaza", "ave", "st", "rd", "dr", "ln", "ct",
}  # fmt: skip
_POSSESSIVE = {"'s", "’s"}
RANKS = {
    "det.", "sgt.", "lt.", "capt.", "cpl.", "officer", "deputy", "trooper", "detective",
    "sergeant", "dr.", "mr.", "mrs.", "ms.", "sheriff", "chief",
}  # fmt: skip
PLACE_NEXT = {"station", "area", "district", "neighbourhood", "neighborhood", "square", "airport"}


# A contraction's tail ("We're", "They'll", "I'm", "Don't"); not a possessive "'s" nor
# an Irish or Italian name ("O'Neill", "D'Angelo": capital after the apostrophe).
CONTRACTION = re.compile(r"(?:\b\w+['’](?:re|ve|ll|m|d)|n['’]t)\b", re.IGNORECASE)


def is_time_zone(text: str) -> bool:
    """ "BST", "UTC", "UTC+1": a time-zone abbreviation (exact case)."""
    return text in TIME_ZONES or bool(_OFFSET.match(text))


def is_holiday(text: str) -> bool:
    """ "Easter and Passover", "Christmas Day": only holidays, maybe coordinated."""
    parts = [p for p in _COORDINATION.split(text.lower().replace("'s", "")) if p]
    for tail in _HOLIDAY_TAILS:
        parts = [p.removesuffix(" " + tail) if p != tail else p for p in parts]
    return bool(parts) and all(p.replace("-", " ") in HOLIDAYS for p in parts)


def is_role(span: Span, nationality: Iterable[str]) -> bool:
    """ "Iranian Consul": a nationality word and only title words."""
    adjectives = {w.lower() for w in nationality}
    words = [t.lower_ for t in span if not t.is_punct]
    return (
        len(words) >= 2
        and any(w in adjectives for w in words)
        and all(w in adjectives or w in ROLE_WORDS for w in words)
    )


def corrected_kind(span: Span, kind: str, nationality: Iterable[str]) -> str | None:
    """The kind a rule gives a trimmed NER span (None: not an entity), else `kind`."""
    if kind not in ("person", "organization", "place"):
        return kind
    text = span.text
    if is_time_zone(text) or is_holiday(text) or is_role(span, nationality):
        return None
    if CONTRACTION.search(text):
        return None  # "We're", "Don't": a pronoun or verb with a contraction is never a name
    words = [t.lower_ for t in span if t.is_alpha]
    if not words:
        return kind
    if words[-1] in EVENT_LAST or (words[0] in EVENT_FIRST and span[0].is_title):
        return "event"
    if words[-1] in DOCUMENT_LAST:
        return None
    if kind != "place" and len(words) > 1 and words[-1] in PLACE_LAST and span[-1].is_title:
        return "place"
    if kind != "place" and len(words) > 2 and words[-1] == "park" and span[-1].is_title:
        return "place"  # "Martin Luther King Jr. Memorial Park" (gva_dev; NER: PERSON)
    if kind == "organization" and len(span) > 2 and span[0].lower_ in RANKS and span[1].is_title:
        return "person"  # "Police spokesman Det. Daniel Ferrin" (gva_dev; NER: ORG)
    return kind


def place_by_next_word(span: Span) -> bool:
    """ "Kings Cross station": a name followed by a lower-case place noun."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if following is not None and following.text in _POSSESSIVE and span.end + 1 < len(doc):
        following = doc[span.end + 1]
    return following is not None and following.text in PLACE_NEXT


def common_noun_acronyms(docs: Iterable[Doc]) -> set[str]:
    """Acronyms the story defines by a lower-case phrase, so not names: "greenhouse gas
    (GHG)", "the major emitters meeting (MEM)" (Wikinews M004; NER: ORG)."""
    found: set[str] = set()
    for doc in docs:
        for tok in doc[2:-1]:
            if tok.nbor(-1).text != "(" or tok.nbor(1).text != ")" or not tok.is_upper:
                continue
            letters = tok.text.replace(".", "").lower()
            words = [t for t in doc[max(0, tok.i - 1 - len(letters)) : tok.i - 1] if t.is_alpha]
            n = acronym_words(letters, [w.lower_ for w in words])
            if n and all(w.is_lower for w in words[-n:]):
                found.add(tok.text)
    return found


def acronym_words(letters: str, words: list[str]) -> int:
    """How many of the last `words` the acronym abbreviates (0: none): its letters appear
    in them in order, the first one starting a word (Schwartz & Hearst 2003), so "ghg"
    abbreviates the 2 words "greenhouse gas"."""
    text = " ".join(words)
    pos = len(text)
    for n, ch in enumerate(reversed(letters)):
        first = n == len(letters) - 1
        pos -= 1
        while pos >= 0 and not (
            text[pos] == ch and (not first or pos == 0 or text[pos - 1] == " ")
        ):
            pos -= 1
        if pos < 0:
            return 0
    return text[pos:].count(" ") + 1

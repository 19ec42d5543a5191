"""Evidence that a name the small NER model called a person or an organisation is a place.

Why: en_core_web_sm types many towns it has not seen as PERSON or ORG ("Pichilemu" 30
times a person and "Concepción" an organisation in the bundled Wikinews Chile storyline;
"Lolol", "Curicó", "Medicine Hat", "Pangkalan Bun" on outlet text), and a dossier that
lists a town among its people misleads. A reader tells a place by how the text uses the
name, the evidence a gazetteer-free tagger would use:

- a locative word before it: "in X", "near X", "southwest of X", "the town of X",
  "the 1500 block of X";
- a place after it: "X, Chile", "X, Kansas", "X (O'Higgins Region)" (a country or one of
  its subdivisions, from pycountry's ISO 3166 data, or a name the model typed a place);
- an appositive that says so: "X, a coastal town in ...";
- a list of places it stands in: "Santiago, Viña del Mar, Lolol, Santa Cruz".

Each cue votes for its mention; entity_linking.places_and_people turns a name into a
place when its cued mentions outnumber those that look like a person's (a title, "X
said") and make at least a third of its mentions, so one "in Jordan" does not turn a
Mr. Jordan into the country.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Span

_BEFORE = {"in", "near", "outside", "across", "around", "throughout"}
_DIRECTIONS = {
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "north-northwest", "north-northeast", "south-southwest", "south-southeast",
    "west-northwest", "west-southwest", "east-northeast", "east-southeast", "outskirts",
}  # fmt: skip
_PLACE_NOUNS = {
    "city", "town", "village", "region", "province", "commune", "municipality", "county",
    "state", "capital", "suburb", "port", "island", "district", "borough", "hamlet",
    "resort", "neighborhood", "neighbourhood", "township", "parish", "department",
}  # fmt: skip
# Institutions written "in X" as often as places are: not re-typed by a cue.
_INSTITUTIONS = {
    "congress", "parliament", "senate", "house", "court", "assembly", "council", "cabinet",
    "government", "army", "navy", "police", "church", "college", "university", "school",
}  # fmt: skip
_APPOSITIVE = re.compile(
    r"^\s*,\s+(?:a|an|the)\s+(?:(?:small|large|coastal|southern|northern|eastern|western|"
    r"central|rural|seaside|mountain|nearby|neighbouring|neighboring|fishing|border|"
    r"industrial|port|beach|resort)\s+)*(?:" + "|".join(sorted(_PLACE_NOUNS)) + r")\b"
)
_SAID = re.compile(r"^\s*(?:,\s*)?(?:said|says|told|added|explained|asked|wrote)\b")


def region_names() -> frozenset[str]:
    """Lower-case names of countries and their subdivisions (ISO 3166-1 and -2, pycountry's
    shipped data): "chile", "kansas", "british columbia", "maule". Built once per
    analysis by its caller (4 ms once pycountry has read its data), never cached at
    module level (tests/app/test_config_honoured.py)."""
    import pycountry

    names = {c.name.lower() for c in pycountry.countries}
    names |= {getattr(c, "common_name", c.name).lower() for c in pycountry.countries}
    names |= {s.name.lower() for s in pycountry.subdivisions}
    return frozenset(names)


def is_region(text: str, regions: frozenset[str]) -> bool:
    """A country or a first-level subdivision of one, by its ISO 3166 name (`regions`:
    `region_names()`)."""
    return text.strip().lower() in regions


def place_cue(span: Span, regions: frozenset[str]) -> bool:
    """Does the text around a mention say it is a place (see the module docstring)?"""
    doc = span.doc
    if any(t.lower_ in _INSTITUTIONS for t in span) or span.text.isupper():
        return False
    prev = doc[span.start - 1] if span.start > 0 else None
    prev2 = doc[span.start - 2] if span.start > 1 else None
    if prev is not None and prev.lower_ in _BEFORE and not _possessive_after(span):
        return True
    located = prev2 is not None and prev2.lower_ in _DIRECTIONS | _PLACE_NOUNS | {"block"}
    if prev is not None and prev.lower_ == "of" and located:
        return True
    return _place_after(span, regions)


def _possessive_after(span: Span) -> bool:
    """ "in Smith's house": the name is the owner, not the place."""
    return span.end < len(span.doc) and span.doc[span.end].text in ("'s", "’s")


def _place_after(span: Span, regions: frozenset[str]) -> bool:
    """ "X, Chile" / "X (O'Higgins Region)" / "X, a coastal town"."""
    doc: Doc = span.doc
    rest = doc.text[span.end_char : span.end_char + 80]
    if _APPOSITIVE.match(rest) or _SAID.match(rest):
        return bool(_APPOSITIVE.match(rest))
    tail = re.match(r"^\s*(?:,|\()\s*([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})", rest)
    if tail is None:
        return False
    name = tail.group(1).rstrip(".,")  # the whole capitalised run: not "X, Indonesia AirAsia chief"
    return is_region(name, regions) or is_region(name.removesuffix(" Region"), regions)


_AGE_BEFORE = re.compile(r"\b\d{1,3}-year-old\s+$")


def person_cue(span: Span) -> bool:
    """A mention used as a person's: followed by a verb of saying ("X said")."""
    return bool(_SAID.match(span.doc.text[span.end_char : span.end_char + 20]))


def age_cue(span: Span) -> bool:
    """A name after an age ("10-year-old X"): a person, whatever the model typed."""
    return bool(_AGE_BEFORE.search(span.doc.text[max(0, span.start_char - 20) : span.start_char]))

"""Entities of a story: one canonical entry per real entity, with every mention.

Why rules on top of spaCy's NER: news names the same actor many ways ("Sergei
Shoigu", "Shoigu", "Russia's defense minister"; "Moscow's defense ministry",
"Russian Defense Ministry"), and the small model misses or splits these. This module
finds the mentions (NER cleaned, country-qualified organisation and title phrases);
entity_linking.py links them, deliberately simply and linearly (normalised keys,
surname-to-full-name); entity_vocab.py holds the words both match on.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsfuse.analyze.entity_index import EntityIndex
from newsfuse.analyze.entity_linking import Raw, build, link, places_and_people
from newsfuse.analyze.entity_rules import common_noun_acronyms, corrected_kind, place_by_next_word
from newsfuse.analyze.entity_vocab import (
    ADJECTIVES,
    ALIASES,
    COUNTRY_ADJ,
    LABEL_KIND,
    ORG_HEADS,
    TITLE_HEADS,
    TITLE_WORDS,
    country_adjective,
    norm,
)
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.analyze.place_cues import age_cue, person_cue, place_cue, region_names
from newsfuse.types import Entity

__all__ = [
    "ADJECTIVES",
    "ALIASES",
    "COUNTRY_ADJ",
    "LABEL_KIND",
    "ORG_HEADS",
    "TITLE_HEADS",
    "TITLE_WORDS",
    "EntityIndex",
    "country_adjective",
    "extract_entities",
    "norm",
]

_DEPARTMENTS = {"defense", "defence", "foreign", "interior", "finance", "justice", "health"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
# "This Intergovernmental Panel on Climate Change (IPCC) had presented" (Wikinews M004)
_DETERMINERS = {"the", "a", "an", "this", "these", "those"}


def _trim(span: Span, person: bool) -> Span | None:
    """Drop leading determiners/titles and a trailing possessive or punctuation."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (
        doc[start].lower_ in _DETERMINERS
        or (person and end - start > 1 and doc[start].lower_ in TITLE_WORDS)
    ):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct):
        end -= 1
    return doc[start:end] if end > start else None


def _lines(ent: Span) -> list[Span]:
    """An entity cut at line breaks: the small model sometimes runs one name into the next
    paragraph ("Jose Mourinho\n\nShevchenko"), and a name never spans paragraphs."""
    if "\n" not in ent.text:
        return [ent]
    out = []
    for found in re.finditer(r"[^\n]+", ent.text):
        start, end = ent.start_char + found.start(), ent.start_char + found.end()
        part = ent.doc.char_span(start, end, label=ent.label)
        if part is not None and part.text.strip():
            out.append(part)
    return out


def _ner_mentions(pa: ParsedArticle, common: set[str], regions: frozenset[str]) -> list[Raw]:
    """spaCy (and ruler) entities of the kinds a dossier lists, cleaned and corrected by
    the rules of entity_rules; `common` are acronyms of lower-case phrases ("GHG");
    `regions` the country and region names place cues read (place_cues.region_names)."""
    out = []
    for ent in (part for whole in pa.doc.ents for part in _lines(whole)):
        kind = LABEL_KIND.get(ent.label_)
        span = _trim(ent, kind == "person") if kind else None
        if kind is None or span is None or not any(c.isupper() or c.isdigit() for c in span.text):
            continue
        if kind == "organization" and all(t.lower_ in _DEPARTMENTS for t in span):
            continue  # "Defense" of "Defense Minister"
        kind = None if span.text in common else corrected_kind(span, kind, ADJECTIVES)
        if kind is None:
            continue
        raw = Raw(pa, span.start_char, span.end_char, span.text, kind, span.text)
        raw.placed = kind in ("organization", "person") and place_by_next_word(span)
        raw.place_cue = kind in ("organization", "person") and place_cue(span, regions)
        raw.person_cue = kind == "person" and person_cue(span)
        raw.aged = kind == "organization" and age_cue(span)
        if kind == "person":
            raw.title, first = _title_prefix(span)
            raw.start = pa.doc[first].idx  # the mention is "Russian Defense Minister Sergei Shoigu"
            raw.text = pa.article.body[raw.start : raw.end]
        out.append(raw)
    people = [(r.start, r.end) for r in out if r.kind == "person"]
    out = [r for r in out if r.kind == "person" or not any(s <= r.start < e for s, e in people)]
    _listed_with_places(out, pa.article.body)
    return out


_LIST_GLUE = re.compile(r"^\s*(?:,\s*(?:and\s+|or\s+)?|(?:and|or)\s+)$")


def _listed_with_places(raws: list[Raw], body: str) -> None:
    """The names of a list (mentions joined by commas or "and") at least half of which
    are places are places ("Santiago, Viña del Mar, Lolol, Santa Cruz, Curicó"; NER: Lolol
    and Curicó organisations): each person or organisation of it is cued a place. Two
    names only when joined by "and"/"or": "Sunu Widyatmoko, Indonesia AirAsia chief" is a
    person and an appositive, not a list."""
    ordered = sorted(raws, key=lambda r: r.start)
    chains: list[list[Raw]] = []
    for raw in ordered:
        last = chains[-1][-1] if chains else None
        if last is not None and _LIST_GLUE.match(body[last.end : raw.start]):
            chains[-1].append(raw)
        else:
            chains.append([raw])
    for chain in chains:
        places = sum(r.kind == "place" or r.place_cue for r in chain)
        pair = len(chain) == 2 and re.search(r"\b(?:and|or)\b", body[chain[0].end : chain[1].start])
        if (len(chain) > 2 or pair) and 2 * places >= len(chain):
            for raw in chain:
                raw.place_cue = raw.place_cue or raw.kind in ("organization", "person")


def _qualifier(head: Token) -> tuple[str | None, list[Token], int]:
    """Country adjective, lowercase modifiers and start index of a head noun's phrase."""
    country, mods, start = None, [], head.i
    for child in head.lefts:
        adj = country_adjective(child.text) if child.dep_ in ("poss", "amod", "compound") else None
        if child.dep_ == "poss" and adj is None:
            adj = country_adjective(pa_text(child))
        if adj and country is None:
            country, start = adj, min(start, child.left_edge.i)
        elif child.dep_ in ("compound", "amod") and child.is_alpha:
            mods.append(child)
            start = min(start, child.i)
    return country, mods, start


def pa_text(token: Token) -> str:
    """Text of a token's subtree (a possessor such as "the United States'")."""
    return token.doc[token.left_edge.i : token.i + 1].text


def _title_prefix(span: Span) -> tuple[tuple[str | None, frozenset[str], str] | None, int]:
    """Title before a person's name ("Russian Defense Minister"), as a matching key."""
    doc, i = span.doc, span.start
    words: list[str] = []
    country = None
    while i > 0 and doc[i - 1].pos_ in ("PROPN", "NOUN", "ADJ") and not doc[i - 1].is_punct:
        tok = doc[i - 1]
        adj = country_adjective(tok.text)
        if adj and country is None:
            country = adj
        elif tok.lower_ in TITLE_WORDS or tok.is_title:
            words.append(tok.lower_)
        else:
            break
        i -= 1
    heads = [w for w in words if w in TITLE_HEADS]
    if not heads:
        return None, span.start
    return (country, frozenset(words), heads[0]), i


def _rule_mentions(pa: ParsedArticle, persons: set[int]) -> list[Raw]:
    """Country-qualified organisations and role phrases (not "Minister for London")."""
    out = []
    for tok in pa.doc:
        low = tok.lower_
        if tok.i in persons or tok.dep_ == "compound" or low not in ORG_HEADS | TITLE_HEADS:
            continue
        country, mods, start = _qualifier(tok)
        text = pa.doc[start : tok.i + 1].text
        start_char = pa.doc[start].idx
        if low in ORG_HEADS:
            if country is None:
                continue
            name = " ".join([country, *(m.text.title() for m in mods), tok.text.title()])
            out.append(Raw(pa, start_char, tok.idx + len(tok), text, "organization", name))
        elif not any(c.dep_ in ("prep", "appos") for c in tok.children):
            words = frozenset(m.lower_ for m in mods) | {low}
            raw = Raw(pa, start_char, tok.idx + len(tok), text, "role", text)
            raw.title = (country, words, low)
            out.append(raw)
    return out


def _matches(
    role: tuple[str | None, frozenset[str], str], title: tuple[str | None, frozenset[str], str]
) -> bool:
    """A role phrase fits a person's title: same head, fewer words, same country if both say."""
    (rc, rw, rh), (tc, tw, th) = role, title
    return rh == th and rw <= tw | {rh} and (rc is None or tc is None or rc == tc)


def _resolve_roles(raws: list[Raw]) -> list[Raw]:
    """Role phrases become mentions of the titled person they describe (nearest first)."""
    titled = [r for r in raws if r.kind == "person" and r.title]
    out = []
    for raw in raws:
        if raw.kind != "role":
            out.append(raw)
            continue
        assert raw.title is not None
        fits = [p for p in titled if p.title and _matches(raw.title, p.title)]
        same = [p for p in fits if p.pa is raw.pa]
        before = [p for p in same if p.start < raw.start]
        pick = before[-1] if before else (same[0] if same else None)
        if pick is None and len({norm(p.name) for p in fits}) == 1:
            pick = fits[0]
        if pick is not None:
            out.append(Raw(raw.pa, raw.start, raw.end, raw.text, "person", pick.name))
    return out


def _drop_overlaps(ner: list[Raw], rules: list[Raw]) -> list[Raw]:
    """Rule organisations win over NER pieces inside them (except places: 'Russia's')."""
    orgs = [r for r in rules if r.kind == "organization"]
    keep = [
        n
        for n in ner
        if n.kind == "place" or not any(o.start <= n.start and n.end <= o.end for o in orgs)
    ]
    taken = [(n.start, n.end) for n in keep if n.kind not in ("place", "group")]
    extra = [r for r in rules if not any(s < r.end and r.start < e for s, e in taken)]
    return keep + extra


def extract_entities(parsed: Sequence[ParsedArticle]) -> tuple[Entity, ...]:
    """People, organisations, places, equipment and groups of a story, most mentioned first."""
    raws: list[Raw] = []
    common = common_noun_acronyms(pa.doc for pa in parsed)
    regions = region_names()
    for pa in parsed:
        ner = _ner_mentions(pa, common, regions)
        persons = {
            t.i for r in ner if r.kind == "person" for t in pa.doc.char_span(r.start, r.end) or ()
        }
        raws += _drop_overlaps(ner, _rule_mentions(pa, persons))
    raws = _resolve_roles(raws)
    places_and_people(raws)
    link(raws)
    entities = build(raws)
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return tuple(entities)

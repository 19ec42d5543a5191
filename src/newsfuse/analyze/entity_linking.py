"""Linking a story's mentions into entities: kind evidence across the story, matching
keys, surnames and first names to full names, acronyms, then one Entity per key.

Why apart from finding mentions (entities.py): finding looks at one sentence's parse,
linking at the whole story's mentions at once; each changes for its own reasons.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from newsfuse.analyze.aliases import (
    admin_base,
    expand_leading_alias,
    given_name_of,
    nickname_of,
    plural_map,
    spelling_map,
    undotted,
)
from newsfuse.analyze.entity_vocab import ALIASES, COUNTRY_ADJ, ORG_HEADS, ORG_PREFIXES, norm
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.types import Entity, Mention, content_hash

__all__ = ["Raw", "build", "link", "places_and_people"]


@dataclass
class Raw:
    """One mention before linking."""

    pa: ParsedArticle
    start: int
    end: int
    text: str
    kind: str
    name: str
    title: tuple[str | None, frozenset[str], str] | None = None  # (country, words, head)
    placed: bool = False  # followed by a place noun ("Kings Cross station")
    place_cue: bool = False  # "in X", "X, Chile", a list of places (analyze/place_cues.py)
    person_cue: bool = False  # "X said"
    aged: bool = False  # "10-year-old X"
    key: str = field(default="", init=False)


def places_and_people(raws: list[Raw]) -> None:
    """Story-level kind evidence before linking. A name once followed by a place noun is a
    place in every mention ("King's Cross station", then "arrive at King's Cross": Wikinews
    M001, NER: ORG). An "organisation" made of a given name and the surname of a person of
    the story is that person: "Yvo de Boer" (ORG) beside "De Boer" (PERSON) (Wikinews
    M004). Not a word before a full name ("Pichilemu Roberto Córdova", a town and its
    mayor: quotes_test2), nor a lone word that starts one ("Hasib" beside "Hasib Hussain",
    M001, would be right, but the town is not)."""
    places = {norm(r.name) for r in raws if r.placed} | _cued_places(raws)
    aged = {norm(r.name) for r in raws if r.aged}  # "10-year-old Vynnitra Dobbs" (NER: ORG)
    surnames = {
        norm(r.name)
        for r in raws
        if r.kind == "person" and len([w for w in r.name.split() if w not in _PARTICLES]) == 1
    }
    for raw in raws:
        key = norm(raw.name)
        if key in aged and raw.kind == "organization":
            raw.kind = "person"
        elif key in places and raw.kind in ("organization", "person"):
            raw.kind = "place"
        elif raw.kind == "organization" and _person_shaped(raw.name):
            toks = key.split()
            if len(toks) > 1 and " ".join(toks[1:]) in surnames:
                raw.kind = "person"


def _cued_places(raws: list[Raw]) -> set[str]:
    """Names the text uses as places (place_cues.py): the mentions with a place cue or
    typed a place by the model outnumber those used as a person's (a title, "X said") and
    make a third of the name's mentions ("Pichilemu", 33 mentions: 8 typed a place, 9 "in
    Pichilemu", "southwest of Pichilemu", "Pichilemu, Chile"; 16 typed a person)."""
    total: Counter[str] = Counter()
    cued: Counter[str] = Counter()
    context: Counter[str] = Counter()
    personal: Counter[str] = Counter()
    for raw in raws:
        key = norm(raw.name)
        total[key] += 1
        cued[key] += raw.place_cue or raw.kind == "place"
        context[key] += raw.place_cue
        personal[key] += raw.person_cue or raw.title is not None
    return {
        k
        for k, n in cued.items()
        if context[k] and n > personal[k] and 3 * n >= total[k]  # a cue, not the model alone
    }


def _person_shaped(name: str) -> bool:
    """One to four capitalised words (name particles allowed), no acronym or org noun."""
    words = name.split()
    return 1 <= len(words) <= 4 and all(
        (w[:1].isupper() and w[1:].islower() and w.lower() not in ORG_HEADS) or w in _PARTICLES
        for w in words
    )


_PARTICLES = {"de", "van", "von", "der", "da", "di", "al", "bin", "la", "le", "du", "del"}


def _key(name: str, kind: str) -> str:
    """A name's matching key: aliases ("U.N." = "UN" = "United Nations"), dotted acronyms
    undotted, an aliased acronym opening an organisation's name spelled out."""
    key = norm(name)
    key = norm(ALIASES.get(key) or ALIASES.get(undotted(key)) or undotted(key))
    return expand_leading_alias(key, ORG_PREFIXES) if kind == "organization" else key


def _merge_keys(raws: list[Raw]) -> None:
    """Story-level merges of keys before linking (rules of analyze/aliases.py): a place
    and its lower-case "X province", singular and plural organisations, and people's
    names spelled two ways (with their lone surnames)."""
    places = {r.key for r in raws if r.kind == "place"}
    orgs = plural_map(Counter(r.key for r in raws if r.kind == "organization"))
    for raw in raws:
        if raw.kind == "place":
            raw.key = admin_base(raw.key, raw.name, places)
        elif raw.kind == "organization":
            raw.key = orgs.get(raw.key, raw.key)
    people = [r for r in raws if r.kind == "person"]
    spelled = spelling_map(Counter(r.key for r in people if " " in r.key))
    for raw in people:
        raw.key = spelled.get(raw.key, raw.key)


def _alone(
    raw: Raw, full: dict[str, list[str]], counts: Counter[str], places: set[str]
) -> str | None:
    """The full name a lone word that is no surname stands for: a person's first name
    ("Ban" -> "Ban Ki-moon"), an organisation word that is one ("Hasib"), a nickname."""
    if raw.kind == "person":
        cands = [f for f in full if full[f][0] == raw.key][:2]
        if len(cands) == 1:
            return cands[0]
        return None if cands else nickname_of(raw.key, full)
    return given_name_of(raw.key, full, counts, places) if raw.kind == "organization" else None


def link(raws: list[Raw]) -> None:
    """Set each mention's canonical key: aliases, surname -> full name, generic -> qualified."""
    for raw in raws:
        raw.key = _key(raw.name, raw.kind)
    _merge_keys(raws)
    full = {r.key: r.key.split() for r in raws if r.kind == "person" and " " in r.key}
    surnames: dict[str, list[str]] = defaultdict(list)
    for key, toks in full.items():
        surnames[toks[-1]].append(key)
    counts = Counter(r.key for r in raws)
    places = {r.key for r in raws if r.kind == "place"}
    starts: dict[tuple[int, str], list[int]] = defaultdict(list)
    for r in raws:
        if r.key in full:
            starts[(id(r.pa), r.key)].append(r.start)
    for raw in raws:
        toks = raw.key.split()
        if raw.kind == "person" or (len(toks) == 1 and raw.key not in COUNTRY_ADJ):
            cands = [f for f in surnames.get(toks[-1], []) if full[f][-len(toks) :] == toks]
            if not cands and len(toks) == 1 and raw.key not in surnames:
                found = _alone(raw, full, counts, places)
                cands = [found] if found else []
            if cands:  # the longest; then the one its article named last before, the commonest
                order = {f: _antecedent(starts.get((id(raw.pa), f), []), raw.start) for f in cands}
                raw.key = max(cands, key=lambda f: (len(full[f]), order[f], counts[f]))
                raw.kind = "person"
    _link_acronyms(raws)
    qualified: dict[str, set[str]] = defaultdict(set)
    for raw in raws:
        if raw.kind == "organization" and raw.name != raw.text:
            qualified[raw.key.split(" ", 1)[-1]].add(raw.key)
    for raw in raws:
        generic = qualified.get(raw.key)
        if raw.kind == "organization" and generic and len(generic) == 1:
            raw.key = next(iter(generic))


def _antecedent(starts: list[int], at: int) -> int:
    """Rank of a full name for a lone surname at `at`: its nearest mention before (news
    names the father, then "Dobbs said" is him, even if the daughter was named first);
    else its first mention after, ranked below any before."""
    before = [s for s in starts if s < at]
    if before:
        return max(before)
    return -min(starts) - (1 << 40) if starts else -(1 << 41)


def _link_acronyms(raws: list[Raw]) -> None:
    """ "EU" -> "European Union" when exactly one organisation of the story has those initials."""
    initials: dict[str, set[str]] = defaultdict(set)
    for r in (r for r in raws if r.kind == "organization" and " " in r.key):
        initials["".join(w[0] for w in r.name.split() if w[0].isupper()).lower()].add(r.key)
    for raw in raws:
        if undotted(norm(raw.name)) in ALIASES:
            continue  # "U.S." is the country, not "UNFCCC Secretariat" (Wikinews M004)
        found = initials.get(raw.text.replace(".", "").lower(), set())
        if raw.text.isupper() and len(found) == 1:
            raw.key, raw.kind = next(iter(found)), "organization"


def _display(name: str) -> str:
    """The name an alias stands for ("U.N." -> "United Nations"), else the name."""
    key = norm(name)
    return ALIASES.get(key) or ALIASES.get(undotted(key)) or name


def build(raws: list[Raw]) -> list[Entity]:
    """Group linked mentions into Entities; name = most common canonical form."""
    groups: dict[str, list[Raw]] = defaultdict(list)
    for raw in raws:
        groups[raw.key].append(raw)
    entities = []
    for key, members in groups.items():
        kinds = Counter(m.kind for m in members)  # a tie goes to person ("Marshal Houston")
        kind = max(kinds, key=lambda k: (kinds[k], k == "person"))
        forms = ((_display(m.name), m.kind) for m in members)
        names = Counter(f for f, k in forms if _key(f, k) == key)
        name = names.most_common(1)[0][0] if names else members[0].name
        mentions = []
        for m in sorted(members, key=lambda m: (m.pa.article.id, m.start)):
            sentence = m.pa.sentence_at(m.start)
            if sentence is not None:
                mentions.append(Mention(m.pa.article.id, sentence.id, m.start, m.end, m.text))
        if mentions:
            texts = [m.text for m in mentions]
            seen = [name] if any(name in t for t in texts) else []
            aliases = tuple(dict.fromkeys([*seen, *texts]))
            eid = "e-" + content_hash(kind, name, length=10)
            entities.append(Entity(eid, name, kind, aliases, tuple(mentions)))
    return entities

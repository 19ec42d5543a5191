"""Entities of a story: one canonical entry per real entity, with every mention.

Why rules on top of spaCy's NER: news names the same actor many ways ("Sergei
Shoigu", "Shoigu", "Russia's defense minister"; "Moscow's defense ministry",
"Russian Defense Ministry"), and the small model misses or splits these. Linking is
deliberately simple and linear: normalised keys, surname-to-full-name, and
country-qualified organisation and title phrases.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsfuse.analyze.aliases import (
    admin_base,
    expand_leading_alias,
    given_name_of,
    nickname_of,
    plural_map,
    spelling_map,
    undotted,
)
from newsfuse.analyze.entity_rules import common_noun_acronyms, corrected_kind, place_by_next_word
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.types import Entity, Mention, content_hash

LABEL_KIND = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "EQUIPMENT": "equipment",
    "NORP": "group",
    "EVENT": "event",
}

# Country (or its capital, standing for its government) -> adjective used in canonical names.
_COUNTRIES = {
    "Russian": "russia moscow kremlin",
    "Iranian": "iran tehran",
    "U.S.": "united states|u.s.|us|usa|america|washington|white house",
    "Syrian": "syria damascus",
    "British": "britain|united kingdom|uk|u.k.|london",
    "Chinese": "china beijing",
    "Israeli": "israel jerusalem",
    "Turkish": "turkey ankara",
    "French": "france paris",
    "German": "germany berlin",
    "Iraqi": "iraq baghdad",
    "Ukrainian": "ukraine kyiv kiev",
    "Japanese": "japan tokyo",
    "Indian": "india|new delhi",
    "Pakistani": "pakistan islamabad",
    "Saudi": "saudi arabia|riyadh",
    "Egyptian": "egypt cairo",
    "Afghan": "afghanistan kabul",
    "North Korean": "north korea|pyongyang",
    "South Korean": "south korea|seoul",
    "Australian": "australia canberra",
    "Canadian": "canada ottawa",
    "Italian": "italy rome",
    "Spanish": "spain madrid",
    "Lebanese": "lebanon beirut",
    "Libyan": "libya tripoli",
    "Qatari": "qatar doha",
    "Mexican": "mexico",
    "Brazilian": "brazil",
    "Polish": "poland warsaw",
    "Greek": "greece athens",
}
COUNTRY_ADJ: dict[str, str] = {
    name: adj
    for adj, names in _COUNTRIES.items()
    for name in (names.split("|") if "|" in names else names.split())
}
ADJECTIVES: dict[str, str] = {adj.lower(): adj for adj in _COUNTRIES} | {"american": "U.S."}

# Normalised surface -> canonical name, for names spaCy gives in several forms.
ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "usa": "United States",
    "u.s.a.": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
    "isis": "Islamic State",
    "isil": "Islamic State",
    "is": "Islamic State",
    "daesh": "Islamic State",
    "islamic state": "Islamic State",
    "islamic state group": "Islamic State",
    "islamic state of iraq and syria": "Islamic State",
    "islamic state of iraq and the levant": "Islamic State",
    "jabhat al nusra": "Jabhat al Nusra",
    "nusra front": "Jabhat al Nusra",
    "al nusra front": "Jabhat al Nusra",
    "al qaeda": "al Qaeda",
    "associated press": "Associated Press",
    "ap": "Associated Press",
    # "The UN says the toll is nearing 150,000", "U.N. warns of delays" (Wikinews M000)
    "un": "United Nations",
    "united nations": "United Nations",
}
# Aliases that may open an organisation's name ("UN Security Council"); not countries,
# whose organisations the rules name by adjective ("U.S. Government").
_ORG_PREFIXES = {k: v for k, v in ALIASES.items() if k not in COUNTRY_ADJ}
ORG_HEADS = {"ministry", "government", "military", "army", "navy", "parliament", "cabinet"}
TITLE_HEADS = {
    "minister", "senator", "president", "secretary", "chairman", "premier", "governor",
    "mayor", "ambassador", "general", "commander", "chancellor", "king", "queen", "prince",
    "representative", "congressman", "congresswoman", "envoy", "chief", "director", "judge",
    "prosecutor", "captain",
}  # fmt: skip
TITLE_WORDS = TITLE_HEADS | {
    "prime", "defense", "defence", "foreign", "interior", "finance", "deputy", "first",
    "vice", "state", "national", "security", "sen.", "rep.", "gen.", "dr.", "mr.", "mrs.",
    "ms.", "lt.", "col.", "adviser", "advisor", "supreme", "leader", "former", "u.s.",
    "mr", "ms", "mrs", "dr", "sir", "dame", "capt", "captain", "major", "colonel", "lieutenant",
    "sergeant", "sgt", "admiral", "doctor", "professor", "prof", "prof.", "spokesman",
    "spokeswoman", "spokesperson", "marshal", "commodore", "brigadier", "corporal", "inspector",
    "superintendent", "detective", "constable", "rev", "rev.", "reverend", "gov", "gov.",
    "sgt.", "det.", "cpl.", "capt.", "ofc.", "ofcr.", "insp.", "supt.", "cmdr.", "maj.", "atty.",
    "dep.", "tpr.", "pvt.", "spc.", "cpt.", "officer", "trooper", "sheriff", "lt", "det",
}  # fmt: skip
_DEPARTMENTS = {"defense", "defence", "foreign", "interior", "finance", "justice", "health"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
# "This Intergovernmental Panel on Climate Change (IPCC) had presented" (Wikinews M004)
_DETERMINERS = {"the", "a", "an", "this", "these", "those"}
_SPACES = re.compile(r"\s+")
_SUFFIXES = {"co": "company", "corp": "corporation", "cos": "companies"}
_COMPANY = re.compile(r"(?<=\w )(co|corp|cos)\.?$")


def norm(text: str) -> str:
    """Matching key: lower case, no accents, straight apostrophes, no hyphens/'the'."""
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("’s", "s").replace("'s", "s").replace("-", " ").lower().strip()
    text = _SPACES.sub(" ", text)
    text = _COMPANY.sub(lambda m: _SUFFIXES[m.group(1)], text)  # "Power Co" = "Power Company"
    return text[4:] if text.startswith("the ") else text


def country_adjective(text: str) -> str | None:
    """ "Russia", "Moscow", "Russian" -> "Russian"; None when it names no known country."""
    key = norm(text.removesuffix("’s").removesuffix("'s"))
    return COUNTRY_ADJ.get(key) or ADJECTIVES.get(key)


@dataclass
class _Raw:
    """One mention before linking."""

    pa: ParsedArticle
    start: int
    end: int
    text: str
    kind: str
    name: str
    title: tuple[str | None, frozenset[str], str] | None = None  # (country, words, head)
    placed: bool = False  # followed by a place noun ("Kings Cross station")
    key: str = field(default="", init=False)


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


def _ner_mentions(pa: ParsedArticle, common: set[str]) -> list[_Raw]:
    """spaCy (and ruler) entities of the kinds a dossier lists, cleaned and corrected by
    the rules of entity_rules; `common` are acronyms of lower-case phrases ("GHG")."""
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
        raw = _Raw(pa, span.start_char, span.end_char, span.text, kind, span.text)
        raw.placed = kind in ("organization", "person") and place_by_next_word(span)
        if kind == "person":
            raw.title, first = _title_prefix(span)
            raw.start = pa.doc[first].idx  # the mention is "Russian Defense Minister Sergei Shoigu"
            raw.text = pa.article.body[raw.start : raw.end]
        out.append(raw)
    people = [(r.start, r.end) for r in out if r.kind == "person"]
    return [r for r in out if r.kind == "person" or not any(s <= r.start < e for s, e in people)]


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


def _rule_mentions(pa: ParsedArticle, persons: set[int]) -> list[_Raw]:
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
            out.append(_Raw(pa, start_char, tok.idx + len(tok), text, "organization", name))
        elif not any(c.dep_ in ("prep", "appos") for c in tok.children):
            words = frozenset(m.lower_ for m in mods) | {low}
            raw = _Raw(pa, start_char, tok.idx + len(tok), text, "role", text)
            raw.title = (country, words, low)
            out.append(raw)
    return out


def _matches(
    role: tuple[str | None, frozenset[str], str], title: tuple[str | None, frozenset[str], str]
) -> bool:
    """A role phrase fits a person's title: same head, fewer words, same country if both say."""
    (rc, rw, rh), (tc, tw, th) = role, title
    return rh == th and rw <= tw | {rh} and (rc is None or tc is None or rc == tc)


def _resolve_roles(raws: list[_Raw]) -> list[_Raw]:
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
            out.append(_Raw(raw.pa, raw.start, raw.end, raw.text, "person", pick.name))
    return out


def _drop_overlaps(ner: list[_Raw], rules: list[_Raw]) -> list[_Raw]:
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


def _places_and_people(raws: list[_Raw]) -> None:
    """Story-level kind evidence before linking. A name once followed by a place noun is a
    place in every mention ("King's Cross station", then "arrive at King's Cross": Wikinews
    M001, NER: ORG). An "organisation" made of a given name and the surname of a person of
    the story is that person: "Yvo de Boer" (ORG) beside "De Boer" (PERSON) (Wikinews
    M004). Not a word before a full name ("Pichilemu Roberto Córdova", a town and its
    mayor: quotes_test2), nor a lone word that starts one ("Hasib" beside "Hasib Hussain",
    M001, would be right, but the town is not)."""
    places = {norm(r.name) for r in raws if r.placed}
    surnames = {
        norm(r.name)
        for r in raws
        if r.kind == "person" and len([w for w in r.name.split() if w not in _PARTICLES]) == 1
    }
    for raw in raws:
        key = norm(raw.name)
        if key in places and raw.kind in ("organization", "person"):
            raw.kind = "place"
        elif raw.kind == "organization" and _person_shaped(raw.name):
            toks = key.split()
            if len(toks) > 1 and " ".join(toks[1:]) in surnames:
                raw.kind = "person"


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
    return expand_leading_alias(key, _ORG_PREFIXES) if kind == "organization" else key


def _merge_keys(raws: list[_Raw]) -> None:
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
    raw: _Raw, full: dict[str, list[str]], counts: Counter[str], places: set[str]
) -> str | None:
    """The full name a lone word that is no surname stands for: a person's first name
    ("Ban" -> "Ban Ki-moon"), an organisation word that is one ("Hasib"), a nickname."""
    if raw.kind == "person":
        cands = [f for f in full if full[f][0] == raw.key][:2]
        if len(cands) == 1:
            return cands[0]
        return None if cands else nickname_of(raw.key, full)
    return given_name_of(raw.key, full, counts, places) if raw.kind == "organization" else None


def _link(raws: list[_Raw]) -> None:
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
    first = {(id(r.pa), r.key): -r.start for r in reversed(raws) if r.key in full}
    for raw in raws:
        toks = raw.key.split()
        if raw.kind == "person" or (len(toks) == 1 and raw.key not in COUNTRY_ADJ):
            cands = [f for f in surnames.get(toks[-1], []) if full[f][-len(toks) :] == toks]
            if not cands and len(toks) == 1 and raw.key not in surnames:
                found = _alone(raw, full, counts, places)
                cands = [found] if found else []
            if cands:  # the longest; then the one its article introduced first, then the commonest
                order = {f: first.get((id(raw.pa), f), -(1 << 40)) for f in cands}
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


def _link_acronyms(raws: list[_Raw]) -> None:
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


def _build(raws: list[_Raw]) -> list[Entity]:
    """Group linked mentions into Entities; name = most common canonical form."""
    groups: dict[str, list[_Raw]] = defaultdict(list)
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


def extract_entities(parsed: Sequence[ParsedArticle]) -> tuple[Entity, ...]:
    """People, organisations, places, equipment and groups of a story, most mentioned first."""
    raws: list[_Raw] = []
    common = common_noun_acronyms(pa.doc for pa in parsed)
    for pa in parsed:
        ner = _ner_mentions(pa, common)
        persons = {
            t.i for r in ner if r.kind == "person" for t in pa.doc.char_span(r.start, r.end) or ()
        }
        raws += _drop_overlaps(ner, _rule_mentions(pa, persons))
    raws = _resolve_roles(raws)
    _places_and_people(raws)
    _link(raws)
    entities = _build(raws)
    entities.sort(key=lambda e: (-len(e.mentions), e.name))
    return tuple(entities)


class EntityIndex:
    """Find the entity at a span of an article, or the person mentioned last before it."""

    def __init__(self, entities: Sequence[Entity]) -> None:
        self._by_article: dict[str, list[tuple[int, int, Entity]]] = defaultdict(list)
        for ent in entities:
            for m in ent.mentions:
                self._by_article[m.article_id].append((m.start, m.end, ent))
        for spans in self._by_article.values():
            spans.sort(key=lambda s: s[0])

    def at(self, article_id: str, start: int, end: int) -> Entity | None:
        """The entity with the largest mention overlap with [start, end)."""
        best, overlap = None, 0
        for s, e, ent in self._by_article.get(article_id, ()):
            o = min(e, end) - max(s, start)
            if o > overlap:
                best, overlap = ent, o
        return best

    def spans(self, article_id: str) -> list[tuple[int, int, Entity]]:
        """(start, end, entity) of every mention in one article, in text order."""
        return list(self._by_article.get(article_id, ()))

    def person_before(self, article_id: str, pos: int) -> Entity | None:
        """The person mentioned last before `pos` (for "he", "she", "the minister")."""
        found = None
        for s, _, ent in self._by_article.get(article_id, ()):
            if s >= pos:
                break
            if ent.kind == "person":
                found = ent
        return found

"""Differences between outlets on the same fact: a time, an age, a count, an address, a name.

Why slots and not sentence pairs: two outlets rarely word a fact alike (a woman "was
also wounded" in one report, "was also shot in the left hand" in another, aged
differently), but they fill the
same slots of an incident report: when it happened, how old each person is, how many were
shot or held, on which block, what the people are called. Each article's first value of a
slot is compared with the other articles' first values; a difference is listed only when
two articles fill one slot differently, each side cited with its verbatim phrase. Values
written differently but compatible are not differences: "about 4 a.m." and "4:15 a.m.",
"the 1400 block" and "1400 Laurel Street", "Malik Cosey" and "Malik Cosey Jr.".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsfuse.analyze.age_match import held_age_differences, identified_ages
from newsfuse.analyze.ages import (
    AGE,
    NAMED_AGE,
    NUM,
    age_fills,
    citation_at,
    fired_ages,
    lead_age,
    number,
    shared_ages,
    shooter_and_shot,
    stated_ages,
    suspect_age,
    two_ages,
    two_people,
)
from newsfuse.analyze.background import off_story
from newsfuse.analyze.clocks import clock_differences
from newsfuse.analyze.custody import held_statements
from newsfuse.analyze.days import day_differences
from newsfuse.analyze.fills import Fill as _Fill
from newsfuse.analyze.fills import name_variants
from newsfuse.analyze.grazes import graze_differences
from newsfuse.analyze.injuries import hurts, join_people
from newsfuse.analyze.people import StoryPeople
from newsfuse.analyze.places import scene_differences
from newsfuse.analyze.relations import relation_differences
from newsfuse.analyze.status import status_differences
from newsfuse.analyze.streets import street_differences
from newsfuse.analyze.updates import pair
from newsfuse.analyze.weekdates import date_differences
from newsfuse.types import Article, Citation, Comparison

_TIME = re.compile(
    r"(?P<qual>\b(?:about|around|approximately|shortly|just|before|after|near)\s+"
    r"(?:before\s+|after\s+)?)?\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap])\.?m\b\.?",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:shoot|shot|shooting|happen|occur|fired|open(?:ed)? fire|gunfire|called|respond"
    r"|erupt|broke out|dispatched|reported|found)",
    re.IGNORECASE,
)
_NOT_SHOT = re.compile(
    r"\b(?:pronounced|died|arrested|booked|released|discharged|arraigned)\b", re.IGNORECASE
)
_BLOCK = re.compile(
    r"\b(?P<n>\d{2,5}) block of (?P<street>(?:[NSEW]\.? )?(?:[A-Z][\w.']*\s?){1,3})"
)
_ADDRESS = re.compile(
    r"\b(?P<n>\d{2,5}) (?P<street>(?:[NSEW]\.? )?(?:[A-Z][\w']*\s){0,2}"
    r"(?:Street|St\.|Avenue|Ave\.|Road|Rd\.|Drive|Dr\.|Boulevard|Blvd\.|Lane|Way|Court|Place))"
)
_STREET_WORDS = {"street", "st.", "avenue", "ave.", "road", "rd.", "drive", "dr.", "boulevard",
                 "blvd.", "lane", "way", "court", "place", "n.", "s.", "e.", "w.", "north",
                 "south", "east", "west", "n", "s", "e", "w"}  # fmt: skip
_WAYS = _STREET_WORDS - {
    "n.",
    "s.",
    "e.",
    "w.",
    "north",
    "south",
    "east",
    "west",
    "n",
    "s",
    "e",
    "w",
}
_COUNT = re.compile(
    rf"\b(?P<n>{NUM})\s+(?P<who>people|persons|men|women|victims|teens|teenagers|children|"
    rf"adults|males|females)\b(?P<rest>[^.;]{{0,60}}?)\b(?P<verb>shot|wounded|injured|hurt|"
    rf"killed|dead|custody|wounds)\b",
    re.IGNORECASE,
)
# The count as an object: "a shooting that injured four people".
_COUNT_OBJECT = re.compile(
    rf"\b(?P<verb>shot|wounded|injured|hurt|killed)\s+(?:at least\s+)?(?P<n>{NUM})\s+"
    rf"(?P<who>people|persons|men|women|victims|teens|teenagers|children|adults)\b",
    re.IGNORECASE,
)
# A toll of many incidents (eight killed and 12 wounded "in Chicago shootings" all day, a
# city's count): a round-up's count, not this shooting's.
TALLY = re.compile(
    r"\bshootings (?:across|around|throughout|in the city)\b|\bin [A-Z][a-z]+ shootings\b|"
    r"\b(?:across|around) the city\b|\bcity-?wide\b|\bthroughout the (?:day|weekend|city)\b|"
    r"\bso far this year\b",
)
# A count that includes the shooter: "three dead, including the gunman" is "two victims".
WITH_SHOOTER = re.compile(
    r"\bincluding (?:the|a|one|an alleged|the suspected) (?:gunman|shooter|suspect|attacker)\b",
    re.IGNORECASE,
)
_VERB_CLASS = {"shot": "shot", "wounded": "shot", "injured": "shot", "hurt": "shot",
               "killed": "killed", "dead": "killed", "custody": "in custody",
               "wounds": "shot"}  # fmt: skip
_KINDS = {"place": "name_mismatch", "arres": "conflict",  # by the slot's first letters
          "condi": "conflict", "wound": "conflict"}  # fmt: skip
_UPDATED = re.compile(r"(?:upgraded|downgraded|updated) to\b")
_VENUE = re.compile(
    r"\b(?P<owner>[A-Z][a-z]+['’]s) (?P<kind>Bar|Lounge|Pub|Club|Tavern|Grill|Inn|Motel|"
    r"Hotel|Restaurant|Cafe|Liquor)\b"
)


def _sentence(article: Article, cite: Citation) -> str:
    return next((s.text for s in article.sentences if s.id == cite.sentence_id), "")


def _times(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """The first clock time of an event sentence ("at about 9:20 p.m. Friday")."""
    for sentence in article.sentences:
        if not _EVENT.search(sentence.text):
            continue
        for m in _TIME.finditer(sentence.text):
            if _NOT_SHOT.search(sentence.text[max(0, m.start() - 40) : m.start()]):
                continue  # "pronounced dead at 1:02 a.m.": not when the shots were fired
            minutes = (int(m["h"]) % 12 + (12 if m["ap"].lower() == "p" else 0)) * 60
            minutes += int(m["m"] or 0)
            qual = (m["qual"] or "").lower().split()
            side = "-" if "before" in qual else "+" if "after" in qual else ""
            cite = Citation(article.id, sentence.id)
            loose = bool(qual) and not side  # "about 4 a.m.", "around 2:25 a.m."
            yield _Fill(k, "time", f"{minutes}{side}", m.group(0).strip(), cite, loose)
            return


def _counts(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """How many were shot, killed, held ("Seven people were wounded", "three men in custody")."""
    found = [*_COUNT.finditer(article.body), *_COUNT_OBJECT.finditer(article.body)]
    for m in sorted(found, key=lambda m: m.start()):
        rest = m.groupdict().get("rest") or ""
        if re.search(rf"\b(?:other|others|another|more|of)\b|\band {NUM}\b", rest, re.I):
            continue  # "Three people died and two were wounded": the two are the wounded
        if re.search(r"\band\s+$", article.body[max(0, m.start() - 5) : m.start()]):
            continue  # "a man and two women … shot": one part of the count
        cite = citation_at(article, starts, m.start())
        if cite is not None and not TALLY.search(text := _sentence(article, cite)):
            slot = _VERB_CLASS[m["verb"].lower()]
            shooter = bool(WITH_SHOOTER.search(text))  # "Three … dead, including the gunman"
            yield _Fill(k, slot, str(number(m["n"])), m.group(0), cite, shooter)


def _hurts(k: int, article: Article, people: StoryPeople) -> Iterator[_Fill]:
    """Each person's condition and wounds (injuries.py), "condition of the boy"; keyed by
    the story's named person (people.py) when the name or the role and age is theirs."""
    found: list[_Fill] = []
    for hurt in hurts(article, people.words(k)):
        cite = Citation(article.id, hurt.sentence.id)
        name = people.role(hurt.person) if not hurt.person.startswith("name:") else None
        name = people.label(k, hurt.person[5:]) if hurt.person.startswith("name:") else name
        slot = f"{hurt.kind} of {name if name is not None else 'the ' + hurt.person}"
        if _UPDATED.match(hurt.phrase):  # "… had been updated to good condition": the
            found = [f for f in found if f.slot != slot]  # report's own latest state
        found.append(_Fill(k, slot, hurt.value, hurt.phrase, cite))
    yield from found


def _custody(k: int, article: Article) -> Iterator[_Fill]:
    """The article's first statement of whether anyone is held for the incident."""
    for sentence, value, text in held_statements(article):
        words = text.split()
        phrase = " ".join(words[:14]).rstrip(" ,;:.") + ("…" if len(words) > 14 else "")
        yield _Fill(k, "arrests", value, phrase, Citation(article.id, sentence.id))
        return


def _street(name: str) -> str:
    """A street's key: its name without direction or kind of way, cut after the kind of
    way ("Noon Road Sunday evening" is Noon Road; the weekday is not the street's)."""
    words = name.lower().split()
    way = next((i for i, w in enumerate(words) if w in _WAYS), len(words))
    return " ".join(w for w in words[: way + 1] if w not in _STREET_WORDS)


def _places(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """Blocks and addresses by street; venues by owner ("Wanda's Bar" / "Wanda's Lounge")."""
    for pattern, kind in ((_BLOCK, "block"), (_ADDRESS, "address")):
        for m in pattern.finditer(article.body):
            cite = citation_at(article, starts, m.start())
            if cite is not None and _street(m["street"]):
                value = f"{kind}:{int(m['n'])}"
                words = m.group(0).split()
                way = next((i for i, w in enumerate(words[2:], 2) if w.lower() in _WAYS), None)
                phrase = " ".join(words if way is None else words[: way + 1])
                yield _Fill(k, f"block of {_street(m['street'])}", value, phrase, cite)
    for m in _VENUE.finditer(article.body):
        cite = citation_at(article, starts, m.start())
        if cite is not None:
            yield _Fill(k, f"place {m['owner'].lower()}", m["kind"], m.group(0), cite)


def _names(k: int, article: Article, doc: Doc, starts: list[int]) -> Iterator[_Fill]:
    """Every full name of a person (two or three words): the NER's, and those an age gives
    ("Daneka Lotts, 24,", "24-year-old Deneka Lotts") where the small model missed one."""
    found = [(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"]
    found += [(m["name"], m.start("name")) for m in NAMED_AGE.finditer(article.body)]
    found += [(m["name"].strip(), m.start("name")) for m in AGE.finditer(article.body) if m["name"]]
    for text, start in found:
        text = re.sub(r"['’]s?$", "", text)  # "Melody Cuerros' family": her name
        words = text.split()
        if not 2 <= len(words) <= 3 or "\n" in text:
            continue
        if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            continue
        cite = citation_at(article, starts, start)
        if cite is not None:
            yield _Fill(k, "name", text, text, cite)


def _compatible(slot: str, a: _Fill, b: _Fill) -> bool:
    """Two values of one slot that do not contradict each other."""
    if a.value == b.value:
        return True
    if slot.startswith("wound of"):  # "shoulder and chest" / "upper chest": one wound
        return bool(set(a.value.split(",")) & set(b.value.split(",")))
    if slot == "time":
        return _times_agree(a, b)
    if slot in ("shot", "killed") and (a.loose or b.loose):  # one count holds the shooter
        return abs(int(a.value) - int(b.value)) <= 1
    if slot == "age of the suspect" and "juvenile" in (a.value, b.value):
        other = b.value if a.value == "juvenile" else a.value
        return other == "juvenile" or int(other) < 18
    if slot.startswith("block of"):
        (ka, na), (kb, nb) = a.value.split(":"), b.value.split(":")
        if ka == kb:
            return ka == "address"  # two addresses on one street may be two places
        block, house = (int(na), int(nb)) if ka == "block" else (int(nb), int(na))
        return house // 100 * 100 == block  # "108 Dee Dee Place" is in "the 100 block"
    return False


def _times_agree(a: _Fill, b: _Fill) -> bool:
    """Clock times that can be one time: equal, more than 3 h apart (another event), or
    one inside the other's range: "shortly before 2:30" holds 2:27, "after 9" 9:20,
    "about 4 a.m." 4:15 (a round time, half an hour)."""
    va, vb = int(a.value.rstrip("+-")), int(b.value.rstrip("+-"))
    if va == vb:  # "just before 11 p.m." vs "just after 11 p.m." differ
        return {a.value[-1], b.value[-1]} != {"+", "-"}
    if a.loose != b.loose and abs(va - vb) <= 10:  # "8:24" / "about 8:25": one time
        return True
    return abs(va - vb) > 180 or _holds_time(a, vb) or _holds_time(b, va)


def _holds_time(fill: _Fill, minutes: int) -> bool:
    """Is `minutes` within the range a qualified time stands for?"""
    value = int(fill.value.rstrip("+-"))
    if fill.value.endswith("-"):
        return value - 30 <= minutes <= value
    if fill.value.endswith("+"):
        return value <= minutes <= value + 30
    if fill.loose:  # "about 9:25" vs "about 9:20" stay a difference (annotated so)
        return value % 30 == 0 and abs(value - minutes) <= 30
    return False


def _label(slot: str, phrase: str) -> str:
    """The slot as a reader should see it: a name as the report writes it ("age of
    Williams", from its lower-cased key "age of williams")."""
    named = re.fullmatch(r"age of (?!the )(?P<name>\S+)", slot)
    written = named and re.search(re.escape(named["name"]), phrase, re.IGNORECASE)
    if written:
        return "age of " + written.group(0)
    aged = re.fullmatch(r"(?P<what>\w+) of the (?P<role>\w+) \((?P<age>\d+)\)", slot)
    if aged:  # "condition of the boy (3)" reads "condition of the 3-year-old boy"
        return f"{aged['what']} of the {aged['age']}-year-old {aged['role']}"
    if slot.startswith("block of"):
        return "address"
    return "name of the place" if slot.startswith("place") else slot


def _mismatch(
    slot: str,
    fills: Sequence[_Fill],
    dates: Sequence[str],
    ages: Sequence[set[str]],
    fired: set[str],
) -> Comparison | None:
    """One item when two articles' first values of a slot contradict each other. An age
    of "the victim" said of a man and of a girl is two people, not a disagreement (a man
    killed and a girl grazed in one shooting, each report naming one of them).
    Sides from reports of different days carry their dates: the later report may be an
    update, and a reader should see that."""
    firsts: dict[int, _Fill] = {}
    for fill in fills:
        firsts.setdefault(fill.article, fill)
    chosen = list(firsts.values())
    for i, a in enumerate(chosen):
        for b in chosen[i + 1 :]:
            if _compatible(slot, a, b):
                continue
            if slot == "age of the victim" and two_people(a, b):
                continue
            if two_ages(slot, fills, a, b, ages) or shooter_and_shot(slot, a, b, fired):
                continue
            sides = (
                (a.phrase, a.citation, dates[a.article]),
                (b.phrase, b.citation, dates[b.article]),
            )
            summary, cites = pair(_label(slot, a.phrase), *sides)
            return Comparison(_KINDS.get(slot[:5], "number_mismatch"), summary, cites)
    return None


def slot_differences(articles: Sequence[Article], docs: Sequence[Doc]) -> list[Comparison]:
    """Contradicting values of the same slot in two articles, one item per slot."""
    by_slot: dict[str, list[_Fill]] = {}
    names: list[_Fill] = []
    offs = [off_story(a) for a in articles]  # a round-up's other incidents, background
    people = StoryPeople(articles)
    for k, (article, doc, off) in enumerate(zip(articles, docs, offs, strict=True)):
        starts = [s.start for s in article.sentences]
        twins = tuple(f"the {who}" for who in shared_ages(article.body))
        for fill in [
            *_times(k, article, starts),
            *age_fills(k, article, starts),
            *identified_ages(k, article, starts),
            *lead_age(k, article),
            *suspect_age(k, article),
            *_counts(k, article, starts),
            *_places(k, article, starts),
            *_custody(k, article),
            *_hurts(k, article, people),
        ]:
            if fill.citation.sentence_id not in off and not fill.slot.endswith(twins):
                by_slot.setdefault(fill.slot, []).append(fill)
        names += [f for f in _names(k, article, doc, starts) if f.citation.sentence_id not in off]
    by_slot = join_people(by_slot)
    dates = [a.date.isoformat() if a.date else "" for a in articles]
    ages = [stated_ages(a.body) for a in articles]
    fired = fired_ages([a.body for a in articles])
    found = [
        c
        for slot, fills in by_slot.items()
        if (c := _mismatch(slot, fills, dates, ages, fired)) is not None
    ]
    found += name_variants(names, [a.body for a in articles])
    found += scene_differences(articles, [set(o) for o in offs], dates)
    found += status_differences(articles, [set(o) for o in offs], dates)
    found += day_differences(articles, [set(o) for o in offs], dates)
    more_slots = (clock_differences, date_differences, graze_differences, relation_differences)
    for more in (*more_slots, street_differences, held_age_differences):
        found += more(articles, [set(o) for o in offs], dates)
    return found

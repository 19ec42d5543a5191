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

import bisect
import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc

from newsfuse.analyze.background import off_story
from newsfuse.analyze.custody import held_statements
from newsfuse.analyze.fills import Fill as _Fill
from newsfuse.analyze.fills import name_variants
from newsfuse.analyze.injuries import hurts, join_people
from newsfuse.analyze.places import scene_differences
from newsfuse.analyze.status import status_differences
from newsfuse.analyze.updates import pair
from newsfuse.types import Article, Citation, Comparison

_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
_NUM = r"(?:\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")"
_TIME = re.compile(
    r"(?P<qual>\b(?:about|around|approximately|shortly|just|before|after|near)\s+"
    r"(?:before\s+|after\s+)?)?\b(?P<h>\d{1,2})(?::(?P<m>\d{2}))?\s*(?P<ap>[ap])\.?m\b\.?",
    re.IGNORECASE,
)
_EVENT = re.compile(
    r"\b(?:shoot|shot|shooting|happen|occur|fired|gunfire|called|respond|erupt|broke out|"
    r"dispatched|reported|found)",
    re.IGNORECASE,
)
_NOT_SHOT = re.compile(
    r"\b(?:pronounced|died|arrested|booked|released|discharged|arraigned)\b", re.IGNORECASE
)
_NAME = r"(?:[A-Z][a-z'’]+\s?){1,3}"
_AGE = re.compile(
    rf"\b(?P<n>(?i:{_NUM}))[- ]years?[- ]old(?:\s+(?P<noun>[a-z]+))?(?:\s+(?P<name>{_NAME}))?"
)
_NAMED_AGE = re.compile(r"\b(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){1,2}), (?P<n>\d{1,3}),")
# Kinship nouns stay their own slot: "Banks' 7-year-old daughter" is not "the 8-year-old girl".
_ROLES = {
    "girl": "girl", "boy": "boy", "woman": "woman", "female": "woman", "man": "man",
    "male": "man", "child": "child", "toddler": "child", "infant": "child", "baby": "child",
    "kid": "child", "teen": "teen", "teenager": "teen", "student": "teen", "son": "son",
    "daughter": "daughter", "mother": "mother", "father": "father", "wife": "wife",
    "husband": "husband", "brother": "brother", "sister": "sister",
}  # fmt: skip
_VICTIM = re.compile(r"\b(?:shot|killed|wounded|injured|hurt|died|dies|dead)\b", re.IGNORECASE)
_NOT_VICTIM = re.compile(r"\b(?:arrest|charg|booked|suspect|sentenc|accused)", re.IGNORECASE)
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
_COUNT = re.compile(
    rf"\b(?P<n>{_NUM})\s+(?P<who>people|persons|men|women|victims|teens|teenagers|children|"
    rf"adults|males|females)\b(?P<rest>[^.;]{{0,60}}?)\b(?P<verb>shot|wounded|injured|hurt|"
    rf"killed|dead|custody)\b",
    re.IGNORECASE,
)
_VERB_CLASS = {"shot": "shot", "wounded": "shot", "injured": "shot", "hurt": "shot",
               "killed": "killed", "dead": "killed", "custody": "in custody"}  # fmt: skip
_KINDS = {"place": "name_mismatch", "arres": "conflict",  # by the slot's first letters
          "condi": "conflict", "wound": "conflict"}  # fmt: skip
_VENUE = re.compile(
    r"\b(?P<owner>[A-Z][a-z]+['’]s) (?P<kind>Bar|Lounge|Pub|Club|Tavern|Grill|Inn|Motel|"
    r"Hotel|Restaurant|Cafe|Liquor)\b"
)


def _citation(article: Article, starts: list[int], pos: int) -> Citation | None:
    """The sentence holding `pos`; None for a headline, teaser or table line (no final
    stop, as a headline repeated in the body has)."""
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0 or article.sentences[k].end < pos:
        return None
    if article.sentences[k].text.rstrip()[-1:] not in ".!?\"”'’":
        return None
    return Citation(article.id, article.sentences[k].id)


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[text.lower()]


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


def _ages(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """Ages by the named person (surname) or by role ("40-year-old woman")."""
    body = article.body
    for m in _NAMED_AGE.finditer(body):
        cite = _citation(article, starts, m.start())
        if cite is not None:
            surname = m["name"].split()[-1].lower()
            yield _Fill(k, f"age of {surname}", str(int(m["n"])), m.group(0).rstrip(","), cite)
    for m in _AGE.finditer(body):
        cite = _citation(article, starts, m.start())
        if cite is None:
            continue
        if m["name"] and m["name"].split()[-1][:1].isupper() and not m["noun"]:
            surname = m["name"].split()[-1].lower()
            yield _Fill(k, f"age of {surname}", str(_number(m["n"])), m.group(0).strip(), cite)
        role = _ROLES.get((m["noun"] or "").lower())
        if role is not None:
            phrase = body[m.start() : m.end("noun")]
            yield _Fill(k, f"age of the {role}", str(_number(m["n"])), phrase, cite)


def _lead_age(k: int, article: Article) -> Iterator[_Fill]:
    """The age in the first sentence that reports someone shot and nobody arrested: the
    victim the story is about ("A 7-year-old was released …" / "A 8-year-old girl was shot")."""
    for sentence in article.sentences:
        m = _AGE.search(sentence.text)
        if m is None or not _VICTIM.search(sentence.text):
            continue
        if not _NOT_VICTIM.search(sentence.text):
            role = m["noun"] and m["noun"].lower() in _ROLES
            phrase = sentence.text[m.start() : m.end("noun") if role else _age_end(m)]
            cite = Citation(article.id, sentence.id)
            yield _Fill(k, "age of the victim", str(_number(m["n"])), phrase.strip(), cite)
        return


def _age_end(m: re.Match[str]) -> int:
    """End of "N-year-old" / "N years old" in a match of _AGE (was cut: "28 years ol")."""
    return m.start() + len(re.match(r"\S+[- ]years?[- ]old", m.group(0)).group(0))  # type: ignore[union-attr]


def _suspect_age(k: int, article: Article) -> Iterator[_Fill]:
    """The age given to the person arrested, charged or suspected: a number, or "juvenile"
    ("the suspect is also a juvenile" / "An N-year-old man has been arrested")."""
    for sentence in article.sentences:
        if not _NOT_VICTIM.search(sentence.text):
            continue
        m = _AGE.search(sentence.text)
        young = re.search(r"\b(?:a|also a|is a) juvenile\b", sentence.text)
        cite = Citation(article.id, sentence.id)
        if m is not None and not _VICTIM.search(sentence.text[: m.start()]):
            phrase = sentence.text[m.start() : _age_end(m)]
            yield _Fill(k, "age of the suspect", str(_number(m["n"])), phrase, cite)
            return
        if young is not None:
            yield _Fill(k, "age of the suspect", "juvenile", young.group(0), cite)
            return


def _counts(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """How many were shot, killed, held ("Seven people were wounded", "three men in custody")."""
    for m in _COUNT.finditer(article.body):
        if re.search(r"\b(?:other|others|another|more|of)\b", m["rest"], re.IGNORECASE):
            continue
        cite = _citation(article, starts, m.start())
        if cite is not None:
            slot = _VERB_CLASS[m["verb"].lower()]
            yield _Fill(k, slot, str(_number(m["n"])), m.group(0), cite)


def _hurts(k: int, article: Article) -> Iterator[_Fill]:
    """Each person's condition and wounds (injuries.py), "condition of the boy"."""
    for hurt in hurts(article):
        cite = Citation(article.id, hurt.sentence.id)
        yield _Fill(k, f"{hurt.kind} of the {hurt.person}", hurt.value, hurt.phrase, cite)


def _custody(k: int, article: Article) -> Iterator[_Fill]:
    """The article's first statement of whether anyone is held for the incident."""
    for sentence, value, text in held_statements(article):
        words = text.split()
        phrase = " ".join(words[:14]).rstrip(" ,;:.") + ("…" if len(words) > 14 else "")
        yield _Fill(k, "arrests", value, phrase, Citation(article.id, sentence.id))
        return


def _street(name: str) -> str:
    words = [w for w in name.lower().split() if w not in _STREET_WORDS]
    return " ".join(words)


def _places(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """Blocks and addresses by street; venues by owner ("Wanda's Bar" / "Wanda's Lounge")."""
    for pattern, kind in ((_BLOCK, "block"), (_ADDRESS, "address")):
        for m in pattern.finditer(article.body):
            cite = _citation(article, starts, m.start())
            if cite is not None and _street(m["street"]):
                value = f"{kind}:{int(m['n'])}"
                phrase = m.group(0).strip()
                yield _Fill(k, f"block of {_street(m['street'])}", value, phrase, cite)
    for m in _VENUE.finditer(article.body):
        cite = _citation(article, starts, m.start())
        if cite is not None:
            yield _Fill(k, f"place {m['owner'].lower()}", m["kind"], m.group(0), cite)


def _names(k: int, article: Article, doc: Doc, starts: list[int]) -> Iterator[_Fill]:
    """Every full name of a person (two or three words): the NER's, and those an age gives
    ("Daneka Lotts, 24,", "24-year-old Deneka Lotts") where the small model missed one."""
    found = [(e.text, e.start_char) for e in doc.ents if e.label_ == "PERSON"]
    found += [(m["name"], m.start("name")) for m in _NAMED_AGE.finditer(article.body)]
    found += [
        (m["name"].strip(), m.start("name")) for m in _AGE.finditer(article.body) if m["name"]
    ]
    for text, start in found:
        words = text.split()
        if not 2 <= len(words) <= 3 or "\n" in text:
            continue
        if not all(w[:1].isupper() and w.replace("-", "").isalpha() for w in words):
            continue
        cite = _citation(article, starts, start)
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


def _label(slot: str) -> str:
    aged = re.fullmatch(r"(?P<what>\w+) of the (?P<role>\w+) \((?P<age>\d+)\)", slot)
    if aged:  # "condition of the boy (3)" reads "condition of the 3-year-old boy"
        return f"{aged['what']} of the {aged['age']}-year-old {aged['role']}"
    if slot.startswith("block of"):
        return "address"
    return "name of the place" if slot.startswith("place") else slot


def _stated_ages(body: str) -> set[str]:
    """Every age an article gives anyone ("44-year-old", "two 10-year-olds", "Ana Cruz, 38,")."""
    found = {str(_number(m["n"])) for m in _AGE.finditer(body)}
    return found | {str(int(m["n"])) for m in _NAMED_AGE.finditer(body)}


def _two_ages(
    slot: str, fills: Sequence[_Fill], a: _Fill, b: _Fill, ages: Sequence[set[str]]
) -> bool:
    """Two ages that are two people, not a disagreement: each report gives both ages (to
    someone: the other is a second victim or the suspect), or a report gives this role two
    ages itself ("a 44-year-old man and a 40-year-old man"). One report giving both is not
    enough: "a 7-year-old girl" killed years before, recalled beside this 8-year-old."""
    if not slot.startswith("age of"):
        return False
    if a.value in ages[b.article] and b.value in ages[a.article]:
        return True
    return any(len({f.value for f in fills if f.article == k}) > 1 for k in (a.article, b.article))


def _mismatch(
    slot: str, fills: Sequence[_Fill], dates: Sequence[str], ages: Sequence[set[str]]
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
            if slot == "age of the victim" and _two_people(a, b):
                continue
            if _two_ages(slot, fills, a, b, ages):
                continue
            sides = (
                (a.phrase, a.citation, dates[a.article]),
                (b.phrase, b.citation, dates[b.article]),
            )
            summary, cites = pair(_label(slot), *sides)
            return Comparison(_KINDS.get(slot[:5], "number_mismatch"), summary, cites)
    return None


def _two_people(a: _Fill, b: _Fill) -> bool:
    """Both phrases name a role ("man", "girl") and the roles differ."""
    ra, rb = (_ROLES.get(f.phrase.split()[-1].lower()) for f in (a, b))
    return ra is not None and rb is not None and ra != rb


def slot_differences(articles: Sequence[Article], docs: Sequence[Doc]) -> list[Comparison]:
    """Contradicting values of the same slot in two articles, one item per slot."""
    by_slot: dict[str, list[_Fill]] = {}
    names: list[_Fill] = []
    offs = [off_story(a) for a in articles]  # a round-up's other incidents, background
    for k, (article, doc, off) in enumerate(zip(articles, docs, offs, strict=True)):
        starts = [s.start for s in article.sentences]
        for fill in [
            *_times(k, article, starts),
            *_ages(k, article, starts),
            *_lead_age(k, article),
            *_suspect_age(k, article),
            *_counts(k, article, starts),
            *_places(k, article, starts),
            *_custody(k, article),
            *_hurts(k, article),
        ]:
            if fill.citation.sentence_id not in off:
                by_slot.setdefault(fill.slot, []).append(fill)
        names += [f for f in _names(k, article, doc, starts) if f.citation.sentence_id not in off]
    by_slot = join_people(by_slot)
    dates = [a.date.isoformat() if a.date else "" for a in articles]
    ages = [_stated_ages(a.body) for a in articles]
    found = [
        c
        for slot, fills in by_slot.items()
        if (c := _mismatch(slot, fills, dates, ages)) is not None
    ]
    found += name_variants(names, [a.body for a in articles])
    found += scene_differences(articles, [set(o) for o in offs], dates)
    found += status_differences(articles, [set(o) for o in offs], dates)
    return found

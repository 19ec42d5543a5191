"""A wounded person's condition and wounds, as each report states them.

Why slots of their own: after the count and the ages, what outlets most often state
differently about a shooting is how badly someone was hurt: "in critical condition" in
one report and "has died" in the next day's, "serious" against "critical", a bullet "in
the hip" against one "in the back". A reader needs both sides, dated.

Why keyed by the person: one shooting often leaves a man dead and a woman in stable
condition, so a condition is compared only with the same person's in another report.
The person is the nearest role noun before the phrase in its sentence ("a 3-year-old
boy … has died", "the remaining victim, a female, … critical condition"), or, for a
sentence that opens with "He"/"She", the previous sentence's ("A 63-year-old man
suffered … He is listed in critical condition"), with the age given beside it when
there is one. A person the sentence does not name by role is not compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TypeVar

from newsfuse.types import Article, Sentence

T = TypeVar("T")
Names = Mapping[str, str] | None  # a name word -> the full name of the one person it names
_NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
# Role nouns and the person they stand for; kinship nouns stay their own person.
ROLES = {
    "girl": "girl", "boy": "boy", "woman": "woman", "female": "woman", "man": "man",
    "male": "man", "child": "child", "toddler": "child", "infant": "child", "baby": "child",
    "kid": "child", "teen": "teen", "teenager": "teen", "student": "teen", "son": "son",
    "daughter": "daughter", "mother": "mother", "father": "father", "wife": "wife",
    "husband": "husband", "brother": "brother", "sister": "sister", "guard": "guard",
    "officer": "officer", "deputy": "deputy", "clerk": "clerk", "driver": "driver",
}  # fmt: skip
_ROLE = re.compile(
    r"\b(?:(?P<age>\d{1,3}|"
    + "|".join(_NUMBER_WORDS)
    + r")[- ]years?[- ]old\s+)?(?:[a-z]+\s+)?(?P<role>"
    + "|".join(ROLES)
    + r")(?:'s)?\b",
    re.IGNORECASE,
)
# An age said of nobody by role ("a 16-year-old who …"): that person, by age only.
_AGED = re.compile(
    r"\b(?P<age>\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")[- ]years?[- ]olds?\b"
    r"(?!\s+(?:[a-z]+\s+)?(?:" + "|".join(ROLES) + r")\b)",
    re.IGNORECASE,
)
_CONDITION = re.compile(
    r"\b(?:in|listed in|remains? in|remained in|(?:upgraded|downgraded|updated) to)\s+"
    r"(?:an?\s+)?(?:very\s+)?"
    r"(?P<c>critical|serious|stable|good|fair|grave|satisfactory)(?:[- ]but[- ]stable)?"
    r"\s+condition\b|\b(?P<hurt>seriously|critically|severely|gravely)\s+"
    r"(?:injured|wounded|hurt)\b"
    r"|\b(?:suffered|sustained|with)\s+(?P<injuries>critical|serious|minor)\s+injuries\b"
    r"|(?P<mild>\bnon-?\s?life[- ]threatening|\bnot (?:considered )?"
    r"life[- ]threatening)|(?P<grave>\blife[- ]threatening)|(?P<died>\b(?:has|had) (?:now |since )?"
    r"died\b|"
    r"\bdied (?:at|from|of|later|in|on|shortly|Sunday|Monday|Tuesday|Wednesday|Thursday|"
    r"Friday|Saturday)\b|\bwas pronounced dead\b|\bsuccumbed\b)",
)
_CLASS = {"critical": "critical", "grave": "critical", "serious": "serious"}
_PART = (
    r"(?:(?:left|right|upper|lower)\s+)?(?P<{n}>head|face|neck|chest|back|stomach|abdomen|"
    r"hip|legs?|arms?|foot|feet|hands?|shoulders?|thigh|buttocks|side|torso|knee|ankle|"
    r"wrist|jaw|groin|eye|cheek|elbow|calf|pelvis)"
)
_WOUND = re.compile(
    r"\b(?:shot|struck|hit|wounded|grazed)(?:\s+(?!and\b|but\b)[\w.]+){0,4}?\s+in\s+"
    r"(?:the|his|her)\s+"
    + _PART.format(n="p1")
    + r"|\bwounds?\s+(?:to|in)\s+(?:the|his|her)\s+"
    + _PART.format(n="p2")
    + r"(?:\s+and\s+(?:(?:left|right|upper|lower)\s+)?(?P<p3>head|face|neck|chest|back|"
    r"stomach|abdomen|hip|legs?|arms?|shoulders?|thigh|side))?",
    re.IGNORECASE,
)
_SAME_PART = {"legs": "leg", "arms": "arm", "feet": "foot", "hands": "hand",
              "shoulders": "shoulder", "abdomen": "stomach", "face": "head", "jaw": "head",
              "cheek": "head", "eye": "head"}  # fmt: skip
_OPENING = 60  # a pronoun stands for the previous sentence's person in its opening clause
_PRONOUN = re.compile(r"^\W*(?:He|She)\b")
_SUSPECT = re.compile(r"\b(?:suspect|gunman|shooter|arrest|charg|booked)", re.IGNORECASE)


@dataclass(frozen=True)
class Hurt:
    """One statement of a person's condition or wound in one sentence."""

    kind: str  # "condition" | "wound"
    person: str  # "man", "man (63)"
    value: str  # "died", "critical", "serious", "stable"; or "chest,head"
    phrase: str  # verbatim
    sentence: Sentence


def _named(text: str, names: Names) -> list[str]:
    """The full names that `text`'s capitalised words stand for (`names`, people.py)."""
    if not names:
        return []
    return [names[w] for w in re.findall(r"[A-Z][\w'’-]+", text) if w in names]


def _person(
    text: str, end: int, previous: str | None, lead: str | None = None, names: Names = None
) -> str | None:
    """The nearest role (with its age) before `end`; else a word of a named person's name
    (`names`, people.py: "<First> had been updated to good condition"); else, after "the
    victim", the report's first person given an age (`lead`: "a 14-year-old boy was shot …
    that victim … was in good condition"); else the previous sentence's last role when this
    one opens with a pronoun."""
    found = list(_ROLE.finditer(text[max(0, end - 120) : end]))
    if found:
        return _key(found[-1])
    window = text[max(0, end - 120) : end]
    named = _named(window, names)
    if named:
        return "name:" + named[-1]
    aged = list(_AGED.finditer(window))
    if aged and re.search(r"\b(?:other|both|two|three)\s+$", window[: aged[-1].start()]):
        return None  # "the other 18-year-old": one of two people of that age
    if aged:  # "A 16-year-old who … was shot … died" (no role noun)
        n = aged[-1]["age"]
        age = int(n) if n.isdigit() else _NUMBER_WORDS[n.lower()]
        return lead if lead is not None and lead.endswith(f"({age})") else f"person ({age})"
    if lead is not None and re.search(r"\bvictim\b", text[max(0, end - 120) : end], re.I):
        return lead  # "the victim": the report's first person given an age
    if previous is not None and end < _OPENING and _PRONOUN.search(text):
        found = list(_ROLE.finditer(previous))
        if found:
            return _key(found[-1])
        said = set(_named(previous, names))
        return "name:" + said.pop() if len(said) == 1 else None  # "<Name> was … She is …"
    return None


def _key(m: re.Match[str]) -> str:
    role = ROLES[m["role"].lower()]
    age = m["age"]
    if not age:
        return role
    return f"{role} ({int(age) if age.isdigit() else _NUMBER_WORDS[age.lower()]})"


def _value(m: re.Match[str]) -> str:
    said = (
        m["c"]
        or m["injuries"]
        or (m["hurt"] and ("critical" if m["hurt"][0] in "cg" else "serious"))
    )
    if said:
        return _CLASS.get(said.lower(), "stable")
    if m["mild"]:
        return "stable"
    return "critical" if m["grave"] else "died"


def _parts(m: re.Match[str]) -> str:
    parts = {p.lower() for p in (m["p1"], m["p2"], m["p3"]) if p}
    return ",".join(sorted({_SAME_PART.get(p, p) for p in parts}))


def hurts(article: Article, names: Names = None) -> Iterator[Hurt]:
    """Every condition and wound statement of the article, keyed by person (a role, or
    "name:<Full Name>" for a word of `names`), in order."""
    previous: str | None = None
    aged = (m for m in _ROLE.finditer(article.body) if m["age"])
    lead = next((_key(m) for m in aged), None)
    for sentence in article.sentences:
        text = sentence.text
        if not _SUSPECT.search(text):
            yield from _conditions(sentence, previous, lead, names)
            for m in _WOUND.finditer(text):
                person = _person(text, m.start(), previous, None, names)
                if person is not None:
                    yield Hurt("wound", person, _parts(m), m.group(0), sentence)
        previous = text


def _conditions(
    sentence: Sentence, previous: str | None, lead: str | None, names: Names
) -> Iterator[Hurt]:
    """A sentence's conditions; a person who "was in critical condition … has now died"
    has died (the sentence's latest state)."""
    found: dict[str, Hurt] = {}
    for m in _CONDITION.finditer(sentence.text):
        person = _person(sentence.text, m.start(), previous, lead, names)
        if person is None:
            continue
        if person not in found or _value(m) == "died":
            phrase = m.group(0)
            if re.search(r"\b(?:at|from|of|in|on)$", phrase):  # "died on" -> "died on Tuesday"
                tail = re.split(r"[,;:.]", sentence.text[m.end() :], maxsplit=1)[0]
                phrase = " ".join([phrase, *tail.split()[:3]])
            found[person] = Hurt("condition", person, _value(m), phrase, sentence)
    yield from found.values()


def same_person_ages(slots: dict[str, list[T]]) -> dict[str, str]:
    """Slot renames so a person named without an age ("the man") joins the first aged
    slot of that role ("man (63)"), when the story gives that role one age only."""
    renames: dict[str, str] = {}
    for slot in slots:
        kind, _, person = slot.partition(" of the ")
        if "(" in person:
            continue
        aged = [s for s in slots if s.startswith(f"{kind} of the {person} (")]
        if len(aged) == 1:
            renames[slot] = aged[0]
    return renames


def join_people(by_slot: dict[str, list[T]]) -> dict[str, list[T]]:
    """One person's slots joined: "the man" with "the man (63)" when the story gives one
    man's age (same_person_ages), and a child's age with the boy's or the girl's
    when the story speaks of only one of them ("a 4-year-old child" / "a three-year-old
    boy")."""
    renames = same_person_ages({s: [] for s in by_slot})
    for slot in by_slot:  # "the 16-year-old" is the one person of that age named by role
        kind, _, person = slot.partition(" of the person ")
        if person:
            roles = [s for s in by_slot if s.startswith(f"{kind} of the ") and s.endswith(person)]
            roles = [s for s in roles if s != slot]
            if len(roles) == 1:
                renames[slot] = roles[0]
    kids = [r for r in ("boy", "girl") if f"age of the {r}" in by_slot]
    if "age of the child" in by_slot and len(kids) == 1:
        renames["age of the child"] = f"age of the {kids[0]}"
    out: dict[str, list[T]] = {}
    for slot, fills in by_slot.items():
        out.setdefault(renames.get(slot, slot), []).extend(fills)
    return out

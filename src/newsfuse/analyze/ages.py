"""Ages of the people of an incident report, as slots (slots.py's age fills).

Why apart: ages are the slot outlets most often fill for two different people (a
victim and the relative who fired, a girl and her father, a suspect and a woman charged
later), so the rules that tell whose age a sentence gives live together here: by name
("Jacory Wesley, 21,"), by role ("a 40-year-old woman"), the lead victim's (the first
sentence reporting someone hurt, when that age is the one hurt) and the suspect's.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence

from newsfuse.analyze.fills import Fill as _Fill
from newsfuse.types import Article, Citation

NUMBER_WORDS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
}  # fmt: skip
NUM = r"(?:\d{1,3}|" + "|".join(NUMBER_WORDS) + r")"
_NAME = r"(?:[A-Z][a-z'’]+\s?){1,3}"
AGE = re.compile(
    rf"\b(?P<n>(?i:{NUM}))[- ]years?[- ]old(?:\s+(?P<noun>[a-z]+))?(?:\s+(?P<name>{_NAME}))?"
)
# "Jacory Wesley, 21," and in lists "…, 21;" or "…, 24 was shot in the chest"
NAMED_AGE = re.compile(
    r"\b(?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){1,2}), (?P<n>\d{1,3})(?:[,;]|(?= was\b))"
)
# Kinship nouns stay their own slot: "Banks' 7-year-old daughter" is not "the 8-year-old girl".
ROLES = {
    "girl": "girl", "boy": "boy", "woman": "woman", "female": "woman", "man": "man",
    "male": "man", "child": "child", "toddler": "child", "infant": "child", "baby": "child",
    "kid": "child", "teen": "teen", "teenager": "teen", "student": "teen", "son": "son",
    "daughter": "daughter", "mother": "mother", "father": "father", "wife": "wife",
    "husband": "husband", "brother": "brother", "sister": "sister",
}  # fmt: skip
# A relative's age says whose relative only with its owner: "his six-year-old brother" in
# one report and "his 15 year old brother" in another are two boys' brothers (gva_dev).
_KIN = {"son", "daughter", "mother", "father", "wife", "husband", "brother", "sister"}
_OWNER = re.compile(
    r"\b(?P<name>[A-Z][a-z]+)(?:['’]s?|s['’])\s+(?:(?:own|younger|older|little|"
    r"big|baby|eldest|oldest|youngest)\s+)?$"
)
# A woman of 24 killed, then a woman of 24 and a man of 36 hurt, in one report: two
# people one report introduces by the same role and age ("a 24-year-old woman" twice).
_INTRO = re.compile(rf"\b(?:a|an|another)\s+(?P<n>{NUM})[- ]years?[- ]old\s+(?P<noun>[a-z]+)", re.I)
_ROLE_AFTER = re.compile(r"\s*(?:" + "|".join(ROLES) + r")\b")
# People an age names who are seldom the one hurt: the lead victim is not "an 18-year-old
# relative played with a handgun".
_NOT_THE_HURT = {"relative", "cousin", "uncle", "aunt", "nephew", "friend", "boyfriend",
                 "girlfriend", "suspect", "shooter", "gunman", "neighbor", "neighbour",
                 "roommate", "acquaintance"}  # fmt: skip
_VICTIM = re.compile(r"\b(?:shot|killed|wounded|injured|hurt|died|dies|dead)\b", re.IGNORECASE)
_HURT_AFTER = re.compile(
    r"[^,;]{0,20}?\b(?:was|were|is|who was|who were)\s+(?:\w+\s+)?(?:shot|killed|wounded|"
    r"injured|hurt|struck|hit|found dead|fatally)\b",
    re.IGNORECASE,
)
_NOT_VICTIM = re.compile(r"\b(?:arrest|charg|booked|suspect|sentenc|accused)", re.IGNORECASE)


def citation_at(article: Article, starts: list[int], pos: int) -> Citation | None:
    """The sentence holding `pos`; None for a headline, teaser or table line (no final
    stop, as a headline repeated in the body has)."""
    k = bisect.bisect_right(starts, pos) - 1
    if k < 0 or article.sentences[k].end < pos:
        return None
    if article.sentences[k].text.rstrip()[-1:] not in ".!?\"”'’":
        return None
    return Citation(article.id, article.sentences[k].id)


def number(text: str) -> int:
    return int(text) if text.isdigit() else NUMBER_WORDS[text.lower()]


def age_fills(k: int, article: Article, starts: list[int]) -> Iterator[_Fill]:
    """Ages by the named person (surname) or by role ("40-year-old woman")."""
    body = article.body
    for m in NAMED_AGE.finditer(body):
        cite = citation_at(article, starts, m.start())
        if cite is not None:
            surname = m["name"].split()[-1].lower()
            yield _Fill(k, f"age of {surname}", str(int(m["n"])), m.group(0).rstrip(",;"), cite)
    for m in AGE.finditer(body):
        cite = citation_at(article, starts, m.start())
        if cite is None:
            continue
        placed = _ROLE_AFTER.match(body, m.end())  # "a 22-year-old <City> man": no name
        if m["name"] and m["name"].split()[-1][:1].isupper() and not m["noun"] and not placed:
            surname = m["name"].split()[-1].lower()
            yield _Fill(k, f"age of {surname}", str(number(m["n"])), m.group(0).strip(), cite)
        role = ROLES.get((m["noun"] or "").lower())
        if role is not None:
            phrase = body[m.start() : m.end("noun")]
            if role in _KIN:  # whose brother? a name's ("Banks' son") or no slot
                owner = _OWNER.search(body[max(0, m.start() - 40) : m.start()])
                if owner is None:
                    continue
                role = f"{owner['name'].lower()}'s {role}"
            yield _Fill(k, f"age of the {role}", str(number(m["n"])), phrase, cite)


def lead_age(k: int, article: Article) -> Iterator[_Fill]:
    """The age in the first sentence that reports someone shot and nobody arrested: the
    victim the story is about ("A 7-year-old was released …" / "A 8-year-old girl was shot")."""
    for sentence in article.sentences:
        m = AGE.search(sentence.text)
        if m is None or not _VICTIM.search(sentence.text):
            continue
        if (m["noun"] or "").lower() in _NOT_THE_HURT or not _first_hurt(sentence.text, m):
            return  # whose age? (a father of 35 mourning his daughter of 16; a boy hit
            # while an 18-year-old relative handled a gun)
        if not _NOT_VICTIM.search(sentence.text):
            role = m["noun"] and m["noun"].lower() in ROLES
            phrase = sentence.text[m.start() : m.end("noun") if role else _age_end(m)]
            cite = Citation(article.id, sentence.id)
            yield _Fill(k, "age of the victim", str(number(m["n"])), phrase.strip(), cite)
        return


def _first_hurt(text: str, m: re.Match[str]) -> bool:
    """Is the sentence's first age the one hurt: the only age, or one whose victim verb
    comes before the next age ("A 8-year-old girl was shot … a vigil for a 14-year-old")?"""
    later = [a.start() for a in (*AGE.finditer(text), *NAMED_AGE.finditer(text))]
    later = [at for at in later if at > m.start()]
    if not later:
        return True
    return _VICTIM.search(text[m.end() : min(later)]) is not None


def _age_end(m: re.Match[str]) -> int:
    """End of "N-year-old" / "N years old" in a match of AGE (was cut: "28 years ol")."""
    return m.start() + len(re.match(r"\S+[- ]years?[- ]old", m.group(0)).group(0))  # type: ignore[union-attr]


def suspect_age(k: int, article: Article) -> Iterator[_Fill]:
    """The age given to the person arrested, charged or suspected: a number, or "juvenile"
    ("the suspect is also a juvenile" / "An N-year-old man has been arrested")."""
    for sentence in article.sentences:
        if not _NOT_VICTIM.search(sentence.text):
            continue
        m = AGE.search(sentence.text)
        young = re.search(r"\b(?:a|also a|is a) juvenile\b", sentence.text)
        cite = Citation(article.id, sentence.id)
        if m is not None and m["name"] and not m["noun"]:
            return  # a named person's age is the named slot's ("26-year-old Lashell Crawford")
        if m is not None and _HURT_AFTER.match(sentence.text[_age_end(m) : _age_end(m) + 50]):
            continue  # "… arrested after a one-year-old was shot": the age is the victim's
        if m is not None and not _VICTIM.search(sentence.text[: m.start()]):
            phrase = sentence.text[m.start() : _age_end(m)]
            yield _Fill(k, "age of the suspect", str(number(m["n"])), phrase, cite)
            return
        if young is not None:
            yield _Fill(k, "age of the suspect", "juvenile", young.group(0), cite)
            return


def stated_ages(body: str) -> set[str]:
    """Every age an article gives anyone ("44-year-old", "two 10-year-olds", "Ana Cruz, 38,")."""
    found = {str(number(m["n"])) for m in AGE.finditer(body)}
    return found | {str(int(m["n"])) for m in NAMED_AGE.finditer(body)}


def two_ages(
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


# A child who fired: "<age>-year-old shot a <younger age>-year-old", "<age>-year-old
# daughter accidentally shot her brother".
_FIRED = re.compile(
    rf"\b(?P<n>(?i:{NUM}))[- ]years?[- ]old(?:\s+[a-z]+){{0,2}}?\s+(?:accidentally\s+|"
    r"apparently\s+)?(?:shot|fired at)\s+(?:his|her|their|a|an|the)\b",
    re.IGNORECASE,
)


def fired_ages(bodies: Sequence[str]) -> set[str]:
    """The ages of children the reports say fired (under 18)."""
    found = {number(m["n"]) for body in bodies for m in _FIRED.finditer(body)}
    return {str(n) for n in found if n < 18}


def shooter_and_shot(slot: str, a: _Fill, b: _Fill, fired: set[str]) -> bool:
    """Two children's ages of which one is the child who fired and the other not: the
    child shot and the sibling who shot, two people joined by a role ("age of the boy:
    1-year-old boy / three-year-old child", read on gva_dev)."""
    if not slot.startswith("age of the ") or slot == "age of the suspect":
        return False
    young = a.value.isdigit() and b.value.isdigit() and max(int(a.value), int(b.value)) < 18
    return young and (a.value in fired) != (b.value in fired)


def two_people(a: _Fill, b: _Fill) -> bool:
    """Both phrases name a role ("man", "girl") and the roles differ."""
    ra, rb = (ROLES.get(f.phrase.split()[-1].lower()) for f in (a, b))
    return ra is not None and rb is not None and ra != rb


def shared_ages(body: str) -> set[str]:
    """Role and age ("woman (24)") a report gives two people, each introduced with "a":
    a wound or condition keyed by it is two people's, not one's (two women of 24, one
    killed by a shot to the chest, the other shot in the leg, read as one woman's wound)."""
    after: dict[str, set[str]] = {}
    for m in _INTRO.finditer(body):
        role = ROLES.get(m["noun"].lower())
        if role is not None:  # a repeated caption or headline is the same words again
            key = f"{role} ({number(m['n'])})"
            after.setdefault(key, set()).add(" ".join(body[m.end() : m.end() + 40].split()))
    return {key for key, tails in after.items() if len(tails) > 1}

"""The people of a story, matched across its reports by name, age and gender.

Why: reports of one shooting rarely name a person the same way. A first report speaks of
a woman or a girl by role and age only; a later one names her ("<First> <Surname>,
14,") and then calls her by first name only ("<First> had been updated to good
condition"). A wound or a condition keyed by role in one report and by name in another is
one person's, and only when both are keyed to her can the two values be compared.

Each report's named people are read from the forms that give an age or a role beside a
name ("<Name>, 43,", "43-year-old <Name>", "his 43-year-old wife, <Name>", "identified the
14-year-old as <Name>"), with a gender from the role noun or the first personal pronoun
after the name. Named people of two reports are one person when their first and last
names agree, or when their first names agree, each report has only one person of that
first name, and no age or gender says otherwise. A role with an age ("woman (43)") is a
named person only when exactly one person of the story has that age and the role's gender
is known of them; anything ambiguous stays unlinked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from newsfuse.analyze.ages import AGE, NAMED_AGE, ROLES, number
from newsfuse.types import Article

_FEMALE = {"woman", "girl", "mother", "daughter", "wife", "sister"}
_MALE = {"man", "boy", "father", "son", "husband", "brother"}
_NAME = r"(?P<name>[A-Z][a-z'’]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2})"
# "his 43-year-old wife, <Name>", "a 14-year-old girl, <Name>,", "identified the
# 14-year-old girl as <Name>".
_ROLE_NAME = re.compile(
    r"\b(?P<n>\d{1,3})[- ]years?[- ]old (?P<role>[a-z]+)(?:,| (?:as|was identified as))? " + _NAME
)
_IDENTIFIED = re.compile(
    r"\bidentified (?:the|a) (?P<n>\d{1,3})[- ]years?[- ]old(?: (?P<role>[a-z]+))? as " + _NAME
)
_PRONOUN = re.compile(r"\b(?P<f>she|her|hers|herself)\b|\b(?:he|him|his|himself)\b", re.I)
_AFTER = 160  # a pronoun this far after a name, with no other name between, is its own


@dataclass(frozen=True)
class Named:
    """A person a report names, with what the report says of their age and gender."""

    article: int
    name: str  # as printed: "Erin Lee Jordan"
    first: str  # lower case
    last: str
    age: int | None
    gender: str | None  # "f" | "m"


def _gender(role: str | None) -> str | None:
    word = (role or "").lower()
    return "f" if word in _FEMALE else "m" if word in _MALE else None


def _pronoun_gender(body: str, end: int) -> str | None:
    """The first personal pronoun after a name, unless another name comes first."""
    tail = body[end : end + _AFTER]
    m = _PRONOUN.search(tail)
    if m is None or re.search(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", tail[: m.start()]):
        return None
    return "f" if m["f"] else "m"


def named_people(k: int, article: Article) -> list[Named]:
    """Every person the report names beside an age or a role, once per full name."""
    body = article.body
    found: dict[str, Named] = {}
    hits: list[tuple[str, int | None, str | None, int]] = []
    for m in NAMED_AGE.finditer(body):
        hits.append((m["name"], int(m["n"]), None, m.end()))
    for m in AGE.finditer(body):
        placed = re.match(r"\s*(?:" + "|".join(ROLES) + r")\b", body[m.end() :])
        if m["name"] and not m["noun"] and len(m["name"].split()) >= 2 and not placed:
            hits.append((m["name"].strip(), number(m["n"]), None, m.end()))
    for pattern in (_ROLE_NAME, _IDENTIFIED):
        for m in pattern.finditer(body):
            role = m["role"]
            if role is None or role.lower() in ROLES:
                hits.append((m["name"], int(m["n"]), _gender(role), m.end()))
    for name, age, gender, end in hits:
        words = name.split()
        if len(words) < 2:
            continue
        gender = gender or _pronoun_gender(body, end)
        old = found.get(name)
        if old is not None:
            age = old.age if old.age is not None else age
            gender = old.gender or gender
        found[name] = Named(k, name, words[0].lower(), words[-1].lower(), age, gender)
    return [p if p.gender else _later_gender(body, p) for p in found.values()]


def _later_gender(body: str, person: Named) -> Named:
    """A gender from the pronoun after a later mention ("After <First> was shot, she ran")."""
    for word in {person.name.split()[0], person.name.split()[-1]}:
        for m in re.finditer(rf"\b{re.escape(word)}\b", body):
            gender = _pronoun_gender(body, m.end())
            if gender is not None:
                return replace(person, gender=gender)
    return person


def _agree(a: Named, b: Named, firsts: dict[tuple[int, str], int]) -> bool:
    """Can two reports' named people be one person?"""
    if a.age is not None and b.age is not None and a.age != b.age:
        return (a.first, a.last) == (b.first, b.last)  # one man aged two ways: a difference
    if a.gender and b.gender and a.gender != b.gender:
        return False
    if (a.first, a.last) == (b.first, b.last):
        return True
    # "<First> <Married name>" / "<First> <Own name>": one first name in each report.
    return a.first == b.first and firsts[(a.article, a.first)] == firsts[(b.article, b.first)] == 1


class StoryPeople:
    """The named people of a story's reports, joined into story-wide persons."""

    def __init__(self, articles: Sequence[Article]) -> None:
        self.named = [named_people(k, a) for k, a in enumerate(articles)]
        every = [p for people in self.named for p in people]
        firsts: dict[tuple[int, str], int] = {}
        for p in every:
            firsts[(p.article, p.first)] = firsts.get((p.article, p.first), 0) + 1
        self._group: dict[tuple[int, str], int] = {}
        groups: list[list[Named]] = []
        for p in every:
            joined = [
                g
                for g, members in enumerate(groups)
                if not any(q.article == p.article for q in members)
                and all(_agree(p, q, firsts) for q in members)
            ]
            if len(joined) == 1:
                groups[joined[0]].append(p)
                self._group[(p.article, p.name)] = joined[0]
            else:
                self._group[(p.article, p.name)] = len(groups)
                groups.append([p])
        self.groups = groups

    def words(self, k: int) -> dict[str, str]:
        """Name words of report k that stand for one named person ("Shalece" -> her full
        name); a word two people share (a couple's surname) stands for nobody."""
        owners: dict[str, set[str]] = {}
        for p in self.named[k]:
            for word in p.name.split():
                if len(word) > 2 and not word.endswith("."):
                    owners.setdefault(word, set()).add(p.name)
        return {w: next(iter(o)) for w, o in owners.items() if len(o) == 1}

    def label(self, k: int, name: str) -> str:
        """The story-wide label of report k's named person: the group's first name."""
        group = self._group.get((k, name))
        return name if group is None else self.groups[group][0].name

    def role(self, key: str) -> str | None:
        """The label of the one person of the story a role and age ("woman (43)") can be."""
        m = re.fullmatch(r"(?P<role>\w+) \((?P<age>\d+)\)", key)
        if m is None:
            return None
        age, gender = int(m["age"]), _gender(m["role"])
        fits = {
            g
            for g, members in enumerate(self.groups)
            if any(p.age == age for p in members)
            and not any(p.age not in (None, age) for p in members)
            and not (gender and any(p.gender not in (None, gender) for p in members))
            and (gender is None or any(p.gender == gender for p in members))
        }
        return self.groups[fits.pop()][0].name if len(fits) == 1 else None

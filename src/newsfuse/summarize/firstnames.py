"""A surname the brief never introduced gets its first name, in square brackets.

Outlets name a person in full once ("Jane Doe, the victim's sister") and by surname
after ("Doe said Saturday"). A brief that takes the later sentence alone shows a
reader a "Doe" nobody introduced: the most frequent dangling reference on the
integrator's held-out reading of the third round (7 of 13 in 64 sentences). The
editor's remedy is the one the brief already uses for pronouns: insert the missing
words in brackets ("[Jane Doe] said" for "Doe said", as "[Shoigu] said" stands for
"He said"), taken from the same article and recorded as an insertion, so every word
outside the brackets is still the source's. The brief's word budget counts the
sources' words (`Brief.word_count`), not the bracketed ones.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.summarize.features import StoryMatrix
from newsfuse.text.tokens import STOP_WORDS

_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-z]+(?:-[A-Z][a-z]+)?"
_CAPITAL = re.compile(rf"\b({_WORD})(?:'s|’s)?\b")
# a capitalised word right before, possessives included ("Comer Children's Hospital")
_PREVIOUS = re.compile(r"([A-Z][A-Za-z.'’]*)\s+$")
_NEXT = re.compile(r"\s+[A-Z]")  # and one right after
# Words that open a sentence or name a role, never a first name ("When Doe ...",
# "Sgt. Doe", "Police Chief Doe").
_NOT_FIRST = frozenset(
    [
        *("mr", "mrs", "ms", "dr", "sgt", "det", "lt", "capt", "gen", "gov", "sen", "rep"),
        *("officer", "officers", "chief", "deputy", "judge", "justice", "mayor", "sheriff"),
        *("president", "senator", "coach", "police", "prosecutor", "attorney", "agent"),
        *("sergeant", "detective", "lieutenant", "captain", "trooper", "pastor", "rev"),
        *("governor", "secretary", "minister", "director", "professor", "commissioner"),
        *("spokesman", "spokeswoman", "spokesperson", "superintendent", "corporal", "cpl"),
        *("major", "colonel", "col", "general", "admiral", "marshal", "inspector", "constable"),
        *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    ]
)

# Words that end the name of a place or a body, never a surname: "Cook County
# Hospital" is no person's full name, nor "Virginia Beach" ("Beach" is no surname).
_INSTITUTION = frozenset(
    [
        *("hospital", "center", "centre", "clinic", "street", "avenue", "boulevard", "road"),
        *("county", "university", "college", "school", "academy", "institute", "department"),
        *("office", "airport", "stadium", "arena", "hotel", "mall", "station", "prison", "jail"),
        *("beach", "city", "heights", "springs", "falls", "harbor", "island", "valley"),
    ]
)


def _full_names(text: str, surname: str, common: set[str]) -> set[str]:
    """The first names `text` gives `surname` ("Jane Doe" -> "Jane"). The
    name must be exactly two words: "New York Jets" gives "Jets" no first name, and
    "Actor Tom Cruise" none to "Tom"; a first name that is also a common word of
    the article ("a miracle", "the suspect") is a headline's capital, not a name."""
    found = set()
    for match in re.finditer(rf"\b({_WORD})\s+{re.escape(surname)}\b", text):
        first = match.group(1)
        if first.lower() in STOP_WORDS or first.lower() in _NOT_FIRST | common:
            continue
        previous = _PREVIOUS.search(text[: match.start()])
        if previous and previous.group(1).lower().rstrip(".") not in _NOT_FIRST:
            continue  # "New York Jets"; a title before is fine ("Sheriff Leon Lott")
        if _NEXT.match(text[match.end() :]):
            continue
        found.add(first)
    return found


def first_name_insertion(
    matrix: StoryMatrix, rows: Sequence[int], k: int, text: str
) -> tuple[str, int, int, str] | None:
    """`text` (brief sentence `k`, source row `rows[k]`) with its first bare surname
    that its own article earlier gave in full, and no earlier brief sentence names,
    replaced by the full name in brackets: (new text, start, end, replaced surname),
    start/end locating "[First Surname]"; None when there is none to make."""
    row = rows[k]
    article = int(matrix.article_of[row])
    start = int(matrix.starts[article])
    earlier = [matrix.sentences[r].text for r in range(start, row)]
    told = " ".join(matrix.sentences[r].text for r in rows[:k])
    lower = set(re.findall(r"\b[a-z]+\b", " ".join([*earlier, text])))
    for match in _CAPITAL.finditer(text):
        surname = match.group(1)
        if _PREVIOUS.search(text[: match.start()]) or surname.lower() in lower:
            continue  # part of a longer name ("Jane Doe"), or a common word
        if surname.lower() in STOP_WORDS | _NOT_FIRST | _INSTITUTION:
            continue
        if re.search(rf"\b{re.escape(surname)}\b", told) or surname in text[: match.start()]:
            continue  # the reader has met this name in the brief already
        if _NEXT.match(text[match.end() :]):
            continue  # "the York University Foundation": a name of several words
        firsts = set().union(*(_full_names(e, surname, lower) for e in earlier))
        if len(firsts) != 1:
            continue  # none, or two people of one surname (a family): which one?
        first = firsts.pop()
        if first in text[: match.start()]:
            continue
        insert = f"[{first} {surname}]"
        at, end = match.span(1)
        return text[:at] + insert + text[end:], at, at + len(insert), surname
    return None

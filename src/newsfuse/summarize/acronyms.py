"""An acronym the brief shows first gets the expansion a source gave it, in brackets.

Outlets spell an agency out once ("the National Transportation Safety Board (NTSB)") and
use its letters after. A brief that takes a later sentence shows a reader letters that
stand for nothing they were told: the integrator's eighth reading counted such an
acronym among the dangling references. The editor's remedy is the bracket the brief
already uses for names: "NTSB [National Transportation Safety Board]", the expansion a
source's own words, recorded as an insertion. Letters every reader knows (FBI, NFL) are
left as they are; so is an acronym no source of the story spells out.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.summarize.features import StoryMatrix

# Letters a reader knows without their words; outlets rarely spell them out either.
KNOWN = frozenset(
    [
        *("US", "USA", "UK", "UN", "EU", "FBI", "CIA", "NSA", "NASA", "NFL", "NBA", "NHL"),
        *("MLB", "NCAA", "CEO", "TV", "GOP", "AP", "CNN", "BBC", "ABC", "NBC", "CBS", "FOX"),
        *("DNA", "HIV", "AIDS", "ISIS", "NATO", "LA", "NYC", "DC", "AM", "PM", "ID", "OK"),
        *("GPS", "IT", "PC", "CD", "DVD", "ATM", "SUV", "MP", "IRS", "IQ", "AI", "PR", "ER"),
        *("ICU", "FDA", "CPR", "DUI", "SWAT", "NYPD", "LAPD", "MSNBC", "ESPN", "HBO", "PBS"),
        *("UFO", "WWII", "WWI", "VIP", "RSVP", "DJ", "MVP", "UCLA", "USC", "MIT", "NPR"),
        *("CNBC", "EPA", "NRA", "PTSD", "MRI", "ISIL", "CDC", "WHO", "OPEC", "AFP", "UPI"),
    ]
)
_ACRONYM = re.compile(r"(?<![\w\[\-])([A-Z]{3,6})(?![\w\-])(?!\s*[\[(])")
_FILLER = frozenset(["of", "and", "for", "the", "on", "in", "&", "to", "at"])
# a run of capitalised words, fillers between; a short all-capitals word gives all its
# letters ("US Geological Survey" spells USGS)
_NAME = r"(?:[A-Z][a-z]+|[A-Z]{2,3}(?=\s+[A-Z][a-z]))"
_RUN = re.compile(rf"\b{_NAME}(?:[-\s]+(?:(?:of|and|for|the|on|in|&|to|at)\s+)*{_NAME})*")
_POSSESSIVE = re.compile(r"(?:'s|’s)?")
MAX_WORDS = 8  # an expansion longer than this is a sentence's capitals, not a name


def _initials(phrase: str) -> str:
    words = re.split(r"[-\s]+", phrase)
    return "".join(w if w.isupper() else w[0] for w in words if w and w[0].isupper())


def expansions(texts: Sequence[str], acronym: str) -> Counter[str]:
    """The runs of capitalised words the story's sentences give whose initials spell
    `acronym` ("Federal Aviation Administration" for FAA), with how often each occurs:
    a run's tail is tried from each of its words, so a sentence's opening capital
    ("Yesterday Federal Aviation Administration ...") is not part of it."""
    found: Counter[str] = Counter()
    for text in texts:
        if acronym[0] not in text:
            continue
        for run in _RUN.finditer(text):
            words = run.group(0).split()
            for i in range(len(words)):
                tail = " ".join(words[i:])
                if words[i].lower() in _FILLER or len(words) - i > MAX_WORDS:
                    continue
                if _initials(tail) == acronym:
                    found[tail] += 1
                    break
    return found


def acronym_insertions(
    matrix: StoryMatrix, rows: Sequence[int], k: int, text: str, edits: list[tuple[int, int, str]]
) -> tuple[str, list[tuple[int, int, str]]]:
    """Each acronym of brief sentence `k` outside the insertions already made (`edits`,
    (start, end, replaced)) that no earlier brief sentence shows, not KNOWN, and spelled
    out by a source of the story, followed by its expansion in brackets: the new text
    and every edit, the span " [National Transportation Safety Board]" after "NTSB" (or
    after its possessive "'s") standing for nothing of the source's."""
    told = " ".join(matrix.sentences[r].text for r in rows[:k])
    texts = [s.text for s in matrix.sentences]
    edits = list(edits)
    for match in list(_ACRONYM.finditer(text))[::-1]:
        acronym = match.group(1)
        if acronym in KNOWN or re.search(rf"\b{acronym}\b", told):
            continue
        if any(s <= match.start() < e for s, e, _ in edits):
            continue
        if text[match.start() - 1 : match.start()] == "(":
            continue  # a wire's credit ("(AP)") or the letters after their own words
        if re.search(rf"\b{acronym}\b", text[: match.start()]):
            continue  # the sentence's later mention: the first takes the bracket
        found = expansions(texts, acronym)
        if not found or any(e in told or e in text for e in found):
            continue  # no source spells it out, or the reader has read the words
        possessive = _POSSESSIVE.match(text, match.end(1))
        at = possessive.end() if possessive else match.end(1)
        insert = f" [{found.most_common(1)[0][0]}]"
        text = text[:at] + insert + text[at:]
        edits = [
            (s + len(insert), e + len(insert), r) if s >= at else (s, e, r) for s, e, r in edits
        ]
        edits.append((at, at + len(insert), ""))
    return text, sorted(edits)

"""What a compressed headline keeps that the lede's parse would let go (issue 20, ninth
round).

Two cuts a reader stumbles on. An infinitive right after the verb's object says what
the act was for or led to ("a judge sentenced <whom> | to spend a night in jail",
"lawmakers issued a subpoena | to compel <whom> to appear"); the parser makes it an
adverbial clause, which compression dropped as an aside, leaving a headline cut before
its news. It is kept when there is room, and trimmed whole like a restrictive clause
when not. And a pronoun inside the subject's relative clause ("A mother whose son was
taken from her ... has regained custody") refused the whole lede, as if the subject
were one only the context resolves, though the clause goes when the headline is
trimmed: the fallback was the lede clipped with "…". Only the words kept count.

And two lines that are no lede at all: a photo caption in the present tense with its full
date ("<Name> speaks during a news conference, Thursday, <Month> <d>, <year>, in ..."),
which the "(2nd L)" and "pictured" marks of headline_check miss, and a clause the parser
gave two subjects (a relative clause's object taken for a second subject) or a subject
reaching past its verb, whose headline came out garbled ("The lawyer <film> director
<Name> of ... produced photos").
"""

from __future__ import annotations

import re
from typing import Any

from newsfuse.summarize.headline_check import has_to

# A caption's date: weekday, month, day and year ("Thursday, Feb. 16, 2017"); a report
# says "on Thursday" and rarely the year of its own week.
_CAPTION_DATE = re.compile(
    r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? (?:jan|feb|march|april|may|june|july"
    r"|aug|sept?|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}\b",
    re.IGNORECASE,
)
_PRESENT = frozenset(["VBZ", "VBP"])
_PERSONAL = frozenset(
    [
        *("i", "we", "you", "he", "she", "it", "they", "this", "that", "these", "those"),
        *("my", "our", "your", "his", "her", "its", "their", "us"),
    ]
)


def purpose_infinitive(token: Any) -> bool:
    """`token` is an infinitive with its own "to", no subordinator, attached to a verb
    and starting right after that verb's object ("sentenced <whom> | to spend ...")."""
    if token.dep_ not in ("advcl", "xcomp") or str(token.tag_) != "VB" or not has_to(token):
        return False
    verb = token.head
    if verb.pos_ not in ("VERB", "AUX") or any(c.dep_ == "mark" for c in token.children):
        return False
    start = min(t.i for t in token.subtree)
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative") and c.i < token.i]
    return any(max(t.i for t in obj.subtree) + 1 == start for obj in objects)


def unresolved_subject(doc: Any, subject: Any, keep: set[int]) -> bool:
    """A kept word of the subject is a personal or demonstrative pronoun ("They", "his
    family", "that decision"): only the article's context says who. Words of the
    subject's trimmed clauses do not count."""
    return any(doc[t.i].lower_ in _PERSONAL for t in subject.subtree if t.i in keep)


def pronoun_clauses(subject: Any) -> set[int]:
    """The words of the subject's own clauses (relative, participial) that hold a
    pronoun: the headline without them names its subject by its noun alone."""
    gone: set[int] = set()
    for clause in (t for t in subject.subtree if t.dep_ in ("relcl", "acl")):
        words = {t.i for t in clause.subtree}
        if any(subject.doc[i].lower_ in _PERSONAL for i in words):
            gone |= words
    return gone


def no_lede(sentence: str, main: Any) -> bool:
    """A dated photo caption (its verb in the simple present, "is shown" too, and a
    caption's full date), or a misparse: two subjects, or a subject reaching past its
    verb (an appositive after the verb taken for the subject's: "<things> have been
    unearthed <Name>")."""
    subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass")]
    if len(subjects) > 1 or any(t.i > main.i for s in subjects for t in s.subtree):
        return True  # two subjects, or a subject's word after its verb (an aside's name)
    tense = {str(main.tag_)} | {str(c.tag_) for c in main.children if c.dep_ == "auxpass"}
    return bool(tense & _PRESENT) and bool(_CAPTION_DATE.search(sentence))


# An abbreviation's own full stop: "U.S.", "D.C.", "Jr.", "Inc." keep it at a headline's
# end (the read15 reading met "... led the U.S" where the stop was stripped as the
# sentence's).
_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Za-z]\.){2,}|\b(?:Jr|Sr|Inc|Corp|Co|Ltd|Bros|St|Ave|Blvd|Mt|Ft)\.)$"
)


def unpunctuated(text: str) -> str:
    """A headline without the commas, colons and full stop its trimmed clause ended
    on, save the stop that belongs to an abbreviation."""
    kept = text.rstrip(",;:").rstrip()
    if _ABBREVIATION.search(kept):
        return kept
    return kept.rstrip(",;:.").strip()

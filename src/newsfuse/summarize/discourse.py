"""Sentences that answer a sentence before them: connectives, comparisons, follow-ups.

"However, the chief said police need more support", "Two men then approached",
"By comparison, ..." and "At the time, ..." each reply to the sentence their writer
put before them: what is set against, what came first, which time. Read in a brief
after some other outlet's sentence they answer nothing, or the wrong thing (issue 20,
eighth round: "However" after a cab driver's account). `standalone.unit_rows` takes such
a sentence with the one before it in its article, or leaves it out; a unit whose
sentence before is already in the brief joins it there, so the pair reads as it ran.

The opening connectives are the lede's (`lede_hooks` reads this list: a sentence
that leans on one before is no lede either).
"""

from __future__ import annotations

import re

from newsfuse.summarize.features import StoryMatrix
from newsfuse.summarize.pronouns import leans_back

# An opening connective ties the sentence to one before it: "But", "And yet", "Still, ...".
CONNECTIVE = re.compile(
    r"^[\"“]?(?:but|and|nor|yet|still|however|nonetheless|nevertheless|meanwhile|instead|also"
    r"|so|besides|moreover|furthermore|indeed|in fact|even so|then again|after all)\b",
    re.IGNORECASE,
)
# Words the connective list holds that also open sentences that answer nothing: "So far",
# "Still photos", "Yet to be named", "And/But" in a name or title are rare; these are not.
_NOT_CONNECTIVE = re.compile(
    r"^(?:so (?:far|much|many|long)|still (?:photos?|images?)|instead of)\b", re.I
)
# A comparison or a follow-up whose first half is the sentence before: "By comparison",
# "At the time" (which time?), "Two men then approached", "Since then".
_ANSWERS = re.compile(
    r"^(?:by|in) (?:comparison|contrast)\b|^(?:similarly|likewise|otherwise|afterwards?"
    r"|conversely|then\b(?![-–])|by then|since then|until then|back then"
    r"|at the time,)",
    re.IGNORECASE,
)
# "then" among a sentence's first words ("Two men then approached"), not "then-<title>".
_EARLY_THEN = re.compile(r"^(?:\S+\s+){1,4}?then\b(?![-–])", re.IGNORECASE)
_LEADING_QUOTE = re.compile(r"^[\s\"“”‘'«(]+")


def answers_before(text: str) -> bool:
    """The sentence, outside any quotation, opens on a connective, a comparison or a
    follow-up that answers the sentence before it in its article. A quotation's own
    "But ..." is left alone: its speaker's words, attributed, read as speech."""
    if text.lstrip()[:1] in "\"“‘'":
        return False
    body = _LEADING_QUOTE.sub("", text)
    if _NOT_CONNECTIVE.match(body):
        return False
    return bool(CONNECTIVE.match(body) or _ANSWERS.match(body) or _EARLY_THEN.match(body))


# The cosine at which a sentence taken tells what the sentence before a connective
# told: two outlets' accounts of one claim share its few content words, not the
# redundancy cut's half (tuning, gva_dev: 0.30 between "the mother ... originally
# stated the child was playing outside" and another outlet's "the mother ... told
# them the child had been hit ...").
TOLD_SIMILARITY = 0.25


def told_in_brief(matrix: StoryMatrix, unit: list[int], row: int, taken: list[int]) -> list[int]:
    """`unit` without the sentence before `row` when that sentence was taken in only
    for `row`'s connective and the brief has already told it in another outlet's words
    (its cosine to a sentence taken reaches TOLD_SIMILARITY): the connective answers
    that sentence, and the pair would be refused as a repeat (tuning, gva_dev: "However,
    detectives say ... that was not the case" after another outlet's account of the
    mother's first story). Else `unit` unchanged."""
    text = matrix.sentences[row].text
    if not taken or unit != [row - 1, row] or leans_back(text) or not answers_before(text):
        return unit
    if matrix.similarity[row - 1, taken].max() >= TOLD_SIMILARITY:
        return [row]
    return unit

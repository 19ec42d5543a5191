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

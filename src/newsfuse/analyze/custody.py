"""Whether anyone is held for an incident, as each report states it.

Why a slot of its own: between dated reports the commonest change is custody ("No
arrests have been made" on Monday, "Police have arrested the suspected shooter" on
Tuesday), and between outlets of one day a suspect detained in one and still sought in
the other; a reader needs both sides. A held statement about an earlier or another case
("arrested on unrelated charges", "previously arrested") does not count. "No arrests have
been made, but two men are in custody" (held for questioning, not yet charged) says
someone is held.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.types import Article, Sentence

# Whether anyone is held: "No arrests have been made" against "Police have arrested the
# suspected shooter" (often an update between dated reports). Held statements about an
# earlier or another case ("arrested on unrelated charges", "previously arrested") do not count.
# "The suspect remains at large" is not "nobody held": someone else (a girlfriend who hid
# him) may be, and is not a disagreement.
_NONE_HELD = re.compile(
    r"\b(?:no arrests? (?:has|have|had) been made|no one (?:is|was|has been|had been) "
    r"(?:in custody|arrested)|nobody (?:is|was|has been) (?:in custody|arrested)|"
    r"no suspects? (?:is|are|was|were) in custody|no arrests? (?:was|were) made|"
    r"(?:are|were|remain) (?:still )?(?:searching|looking) for the (?:shooting )?"
    r"(?:suspect|shooter|gunman|gunmen)s?|"
    r"(?:has|have|had) not (?:yet )?been (?:arrested|taken into custody|apprehended)|"
    r"(?:not|nor) (?:yet )?made any arrests?|(?:there (?:have|has|had) been|with) no arrests?)\b",
    re.IGNORECASE,
)
_HELD = re.compile(
    r"\b(?:(?:has|have|had) (?:been )?(?:arrested|detained)|(?:is|are|was|were) "
    r"(?:arrested|detained|in custody|booked)|taken into custody|(?:police|officers|deputies) "
    r"arrested|(?:has|have|had) been charged|filed (?:\w+ )?charges against|"
    r"turned (?:himself|herself) in(?:to)?)\b",
    re.IGNORECASE,
)
_GLUE = re.compile(r"(?<=[a-z][.!?])(?=[A-Z])")
_THAT_CASE = re.compile(r"\b(?:in|for) (?:that|either|each|those) \w+", re.IGNORECASE)
_NOT_THIS_CASE = re.compile(
    r"\b(?:unrelated|separate|previously|earlier this|prior|in (?:19|20)\d\d|last year|no one|"
    r"nobody|not been|no arrests?|until|unless|once)\b",
    re.IGNORECASE,
)


def held_statements(article: Article) -> Iterator[tuple[Sentence, str, str]]:
    """(sentence, "nobody held" | "someone held", the clause that says so) for each
    custody statement, in order. The clause is the piece of a run of glued sentences
    ("…a dispatcher.No officers were injured.Police are still searching…") that holds it."""
    for sentence in article.sentences:
        for piece in _GLUE.split(sentence.text):
            none = _NONE_HELD.search(piece)
            if none and _HELD.search(piece, none.end()):  # "No arrests …, but two … in custody"
                yield sentence, "someone held", piece
            elif none and not _THAT_CASE.search(piece):
                yield sentence, "nobody held", piece
            elif _HELD.search(piece) and not _NOT_THIS_CASE.search(piece):
                yield sentence, "someone held", piece
            else:
                continue
            break

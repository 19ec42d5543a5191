"""Ages a report gives a person by naming the age first: "identified the 25-year-old as
<First> <Surname>".

Why its own fill: a first report gives ages without names ("a 25-year-old man was
killed"), and a later one names the person ("the medical examiner identified the
25-year-old as …"); another report's "<Surname>, 24," then disagrees with it, yet the
named-age fill (ages.py) reads only "<Name>, N," and "N-year-old <Name>". This fill puts
the age under the same slot ("age of <surname>") so the two are compared.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.analyze.ages import citation_at
from newsfuse.analyze.fills import Fill
from newsfuse.types import Article

_IDENTIFIED = re.compile(
    r"\bidentified (?:the|a) (?P<n>\d{1,3})[- ]years?[- ]old(?: (?:man|woman|boy|girl|male|"
    r"female|victim|teen|teenager))? as (?P<name>[A-Z][a-z'’]+(?: [A-Z][a-z'’]+){1,2})\b"
)


def identified_ages(k: int, article: Article, starts: list[int]) -> Iterator[Fill]:
    """Fills "age of <surname>" from "identified the N-year-old as <Name>"."""
    for m in _IDENTIFIED.finditer(article.body):
        cite = citation_at(article, starts, m.start())
        if cite is not None:
            surname = m["name"].split()[-1].lower()
            yield Fill(k, f"age of {surname}", str(int(m["n"])), m.group(0), cite)

"""One group counted two ways: "three died and two were wounded" are the "five shot".

Why: outlets count the same people by parts or as a whole ("two kids and two teens"
wounded against "4 kids injured"; "three people died and two were wounded" against "five
people were shot"). Set side by side, a part and the whole read as a disagreement on the
count, though both reports agree (read on gva_dev, issue 23). A count is compatible with
another when its own sentence holds two counts joined by "and" that add up to it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.analyze.ages import NUM, number
from newsfuse.types import Quantity

# "two kids and two teens", "three people died and two were wounded"; not ages (children
# "ages 5 and 9", a man of 30 and a woman of 25) nor clock times.
_NOT_COUNT = r"(?![- ]years?[- ]old|[:.]\d|\s*[ap]\.?m\b|\s*(?:percent|%|block|p\.m))"
_PARTS = re.compile(
    rf"(?<![\w$.,:-])(?P<a>{NUM}){_NOT_COUNT}\s+(?:[a-z]+\s+){{0,3}}?(?:and|plus)\s+"
    rf"(?:(?:a|an|the)\s+)?(?P<b>{NUM}){_NOT_COUNT}\b",
    re.IGNORECASE,
)
_AGES = re.compile(r"\b(?:ages?|aged)\s*$", re.IGNORECASE)


def in_parts(sentence: str, total: int) -> bool:
    """Does the sentence count `total` people as two parts ("two kids and two teens")?"""
    for m in _PARTS.finditer(sentence):
        if _AGES.search(sentence[: m.start()]):
            continue
        if number(m["a"]) + number(m["b"]) == total:
            return True
    return False


def one_group(items: Sequence[tuple[Quantity, str]], texts: dict[str, str]) -> bool:
    """Of two counts (with their sentences by id), is one the other's parts?"""
    pair = [(int(q.value), texts.get(q.citation.sentence_id, "")) for q, _ in items if q.value]
    if len(pair) != 2 or len(items) != 2:
        return False
    (va, sa), (vb, sb) = pair
    return (va < vb and in_parts(sa, vb)) or (vb < va and in_parts(sb, va))

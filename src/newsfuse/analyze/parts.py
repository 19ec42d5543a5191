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
_RANGE = re.compile(rf"\b(?P<a>{NUM})\s*(?:to|or|-)\s*(?P<b>{NUM})\b", re.IGNORECASE)
_PHONE = re.compile(r"\d-\d{3,4}\b|\d{3}[-.)]\s?\d{3}")
# What a count of charges counts: the charge after "of", up to a comma or "and"
_CHARGE = re.compile(r"\s+of\s+(?P<charge>[^,;.]+?)(?=\s*(?:[,;.]|\band\b|\bin\b|$))", re.I)


def in_parts(sentence: str, total: int) -> bool:
    """Does the sentence count `total` people as two parts ("two kids and two teens")?"""
    for m in _PARTS.finditer(sentence):
        if _AGES.search(sentence[: m.start()]):
            continue
        if number(m["a"]) + number(m["b"]) == total:
            return True
    return False


def one_group(items: Sequence[tuple[Quantity, str]], texts: dict[str, str]) -> bool:
    """Of two counts (with their sentences by id), is one the other's parts, or a range
    that holds it ("four to five young men" / "five men")?"""
    pair = [(int(q.value), texts.get(q.citation.sentence_id, "")) for q, _ in items if q.value]
    if len(pair) != 2 or len(items) != 2:
        return False
    if _holds(items[0][0].text, pair[1][0]) or _holds(items[1][0].text, pair[0][0]):
        return True
    (va, sa), (vb, sb) = pair
    return (va < vb and in_parts(sa, vb)) or (vb < va and in_parts(sb, va))


def noun_measure(quantity: Quantity, sentence: str, head: list[str]) -> tuple[str, str]:
    """(key, label) of a counted noun. Counts of charges are keyed by their charge: "one
    count of murder" and "two counts of conspiracy" are two charges, not one count given
    two ways (read on gva_dev: a grandmother's charges, set against each other); a phone
    number is keyed by itself (a tip line written two ways is no difference)."""
    key, label = "noun:" + " ".join(head), quantity.counted or ""
    if _PHONE.search(quantity.text):  # a tip line's number, no count ("55-5123-TIPS")
        return f"{key}:{quantity.text}", label
    if head not in (["count"], ["counts"]):
        return key, label
    at = sentence.find(quantity.text)
    charge = _CHARGE.match(sentence, at + len(quantity.text)) if at >= 0 else None
    what = " ".join(charge["charge"].lower().replace("-", " ").split()) if charge else ""
    return f"{key}:{what}", f"counts of {what}" if what else label


def _holds(text: str, value: int) -> bool:
    """Is the count `text` a range ("four to five", "6 or 7") that holds `value`?"""
    m = _RANGE.search(text)
    return m is not None and number(m["a"]) <= value <= number(m["b"])

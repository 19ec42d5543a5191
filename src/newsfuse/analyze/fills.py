"""One article's value for one slot, and one person named two ways (slots.py's parts).

Why apart: slots.py lists what each report says per slot; these are the value it keeps
and the one comparison that looks at names rather than slots.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from newsfuse.types import Citation, Comparison


@dataclass(frozen=True)
class Fill:
    """One article's value for one slot, with the phrase and sentence that give it."""

    article: int
    slot: str  # "time", "age of woman", "shot", "block of murray hill", "name:lotts"
    value: str  # comparable value
    phrase: str  # verbatim
    citation: Citation
    loose: bool = False  # "about 4 a.m.": an approximate time (see _holds_time)


def name_variants(fills: Sequence[Fill], bodies: Sequence[str]) -> Iterator[Comparison]:
    """One person spelled two ways by two outlets ("Daneka Lotts" / "Deneka Lotts"): names
    alike (ratio >= 0.84) but not equal, neither a form of the other, each absent from the
    other article."""
    lowered = [b.lower() for b in bodies]
    unique = list({(f.article, f.value.lower()): f for f in fills}.items())
    seen: set[frozenset[str]] = set()
    for i, ((ka, la), a) in enumerate(unique):
        for (kb, lb), b in unique[i + 1 :]:
            if ka == kb or la == lb or abs(len(la) - len(lb)) > 2 or la in lb or lb in la:
                continue
            matcher = difflib.SequenceMatcher(None, la, lb)
            if matcher.real_quick_ratio() < 0.84 or matcher.quick_ratio() < 0.84:
                continue
            if la in lowered[kb] or lb in lowered[ka] or frozenset((la, lb)) in seen:
                continue
            if matcher.ratio() >= 0.84:
                seen.add(frozenset((la, lb)))
                summary = f"name: {a.phrase} [1] vs {b.phrase} [2]"
                yield Comparison("name_mismatch", summary, (a.citation, b.citation))

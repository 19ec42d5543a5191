"""One article's value for one slot, and one person named two ways (slots.py's parts).

Why apart: slots.py lists what each report says per slot; these are the value it keeps
and the one comparison that looks at names rather than slots.
"""

from __future__ import annotations

import difflib
import re
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
    loose: bool = False  # "about 4 a.m." (see _holds_time); a count with the shooter


def name_variants(fills: Sequence[Fill], bodies: Sequence[str]) -> Iterator[Comparison]:
    """One person spelled two ways by two outlets: names alike (ratio >= 0.84) but not
    equal and neither a form of the other ("Daneka Lotts" / "Deneka Lotts"), or one first
    name with surnames alike ("Rolandreon Marquis Fischer" / "Rolandreon Fisher"). At
    least one side's spelling is absent from the other article: a report that prints both
    (a caption's "Cuerros" beside its text's "Cerros") still differs from one that prints
    only one."""
    lowered = [b.lower() for b in bodies]
    unique = list({(f.article, f.value.lower()): f for f in fills}.items())
    seen: set[frozenset[str]] = set()
    for i, ((ka, la), a) in enumerate(unique):
        for (kb, lb), b in unique[i + 1 :]:
            if ka == kb or la == lb or la in lb or lb in la:
                continue
            variants = _variants(la, lb)
            if variants is None or frozenset(variants) in seen:
                continue
            va, vb = variants
            if _has(lowered[kb], va) and _has(lowered[ka], vb):
                continue
            seen.add(frozenset(variants))
            summary = f"name: {a.phrase} [1] vs {b.phrase} [2]"
            yield Comparison("name_mismatch", summary, (a.citation, b.citation))


def _variants(la: str, lb: str) -> tuple[str, str] | None:
    """The two spellings that differ (whole names, or the surnames), or None."""
    if abs(len(la) - len(lb)) <= 2:
        matcher = difflib.SequenceMatcher(None, la, lb)
        if matcher.real_quick_ratio() >= 0.84 and matcher.ratio() >= 0.84:
            return la, lb
    wa, wb = la.split(), lb.split()
    sa, sb = (re.sub(r"['’]s?$", "", w[-1]) for w in (wa, wb))
    if wa[0] != wb[0] or sa == sb or min(len(sa), len(sb)) < 4:
        return None
    if difflib.SequenceMatcher(None, sa, sb).ratio() >= 0.75:
        return sa, sb
    return None


def _has(body: str, words: str) -> bool:
    return re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", body) is not None

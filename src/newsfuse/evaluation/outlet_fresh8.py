"""The fifth round's held-out sets for the dossier (issue #23), drawn before any code changed.

Why a separate module: outlet_sets.py holds the earlier rounds' rules and is near its size
limit. The rule is fresh7's (`outlet_sets._outlet_pick`: 8 gva_dev incidents of 2-5
articles from 2+ outlets, 2 Multi-News clusters of 2-4 documents, 100-800 words each),
under three seeds drawn in order, each disjoint from every earlier set and from the draws
before it:

- "23-fresh8a": where sources differ, the items listed (precision);
- "23-fresh8b": where sources differ, the annotated differences found (recall);
- "23-fresh8t": the timeline and the story's own sentences (round-ups, teasers).
"""

from __future__ import annotations

from typing import Any

from newsfuse.evaluation import outlet_sets as sets

SEEDS = ("23-fresh8a", "23-fresh8b", "23-fresh8t")
Taken = tuple[set[str], set[str], set[str]]


def taken_before(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> Taken:
    """The gva incidents, quoted articles and Multi-News clusters every set up to fresh7 holds.

    Why: each later round draws disjoint from all of these, so the rule lives in one place.
    """
    first = sets.fresh(gva, used, old)
    earlier = [first, sets.fresh2(gva, mn, used, old), sets.fresh3(gva, mn, used, old)]
    earlier += [sets.fresh4(gva, mn, used, old), sets.fresh5(gva, mn, used, old)]
    earlier += [sets.fresh6(gva, mn, used, old, seed=s) for s in ("23-fresh6", "23-fresh6t")]
    earlier += [sets.fresh7(gva, mn, used, old), sets.fresh7t(gva, mn, used, old)]
    taken = set(old).union(*(part["gva_incidents"] for part in earlier))
    quoted = used | set(first["gva_quotes"])
    mn_taken = {c for part in earlier[1:] for c in part["multinews"]}
    return taken, quoted, mn_taken


def draw(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], before: Taken, seeds: tuple[str, ...]
) -> dict[str, dict[str, list[str]]]:
    """One set per seed, in order, each disjoint from `before` and the draws before it."""
    taken, quoted, mn_taken = (set(part) for part in before)
    out: dict[str, dict[str, list[str]]] = {}
    for seed in seeds:
        part = sets._outlet_pick(gva, mn, 2, taken, quoted, mn_taken, seed=seed)
        taken |= set(part["gva_incidents"])
        mn_taken |= set(part["multinews"])
        out[seed.removeprefix("23-") + "_heldout"] = part
    return out


def fresh8(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, dict[str, list[str]]]:
    """The three fifth-round sets, keyed "fresh8a_heldout", "fresh8b_heldout", "fresh8t_heldout"."""
    return draw(gva, mn, taken_before(gva, mn, used, old), SEEDS)

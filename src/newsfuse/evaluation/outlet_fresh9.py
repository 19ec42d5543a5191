"""The sixth round's held-out sets for the dossier (issue #23), drawn before any code changed.

The rule is fresh8's (`outlet_fresh8.draw` over `outlet_sets._outlet_pick`: 8 gva_dev
incidents of 2-5 articles from 2+ outlets, 2 Multi-News clusters of 2-4 documents), under
three new seeds drawn in order, each disjoint from every earlier set, fresh8's three
included, and from the draws before it:

- "23-fresh9a": where sources differ, the items listed (precision);
- "23-fresh9b": where sources differ, the annotated differences found (recall);
- "23-fresh9t": the timeline (belonging and dates).
"""

from __future__ import annotations

from typing import Any

from newsfuse.evaluation import outlet_fresh8 as f8

SEEDS = ("23-fresh9a", "23-fresh9b", "23-fresh9t")


def fresh9(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, dict[str, list[str]]]:
    """The three sixth-round sets, keyed "fresh9a_heldout", "fresh9b_heldout", "fresh9t_heldout"."""
    taken, quoted, mn_taken = f8.taken_before(gva, mn, used, old)
    fifth = f8.draw(gva, mn, (taken, quoted, mn_taken), f8.SEEDS)
    for part in fifth.values():
        taken |= set(part["gva_incidents"])
        mn_taken |= set(part["multinews"])
    return f8.draw(gva, mn, (taken, quoted, mn_taken), SEEDS)

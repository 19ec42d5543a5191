"""The fixed selection of the outlet-text annotation sets (tests/data/outlet_*.jsonl).

Why a rule in code: the sets were chosen before any system output was read, by a rule
anyone can re-run, and split into a development part and a held-out part by the same
rule, so nobody can pick easy articles or move hard ones out of the held-out part.

    python -m newsfuse.evaluation.outlet_sets ../shared

Rule (seed 23): an article is eligible for the quote sets when its text has at least 6
double quotation marks and 150-600 words. Candidates are ordered by sha1("23:" + id);
gva_dev gives the first 40 (at most one per incident), Multi-News full text the first 10
documents (at most one per cluster). In that order, even positions are development,
odd positions held-out. Incidents for the disagreement set have 2 or 3 articles, each of
100-600 words, none of them in the quote sets; the first 30 in sha1("23:" + incident)
order, alternately development and held-out.

Fresh held-out (added in the second pass, fixed before any output on it was read, since
the first held-out parts had been looked at twice): the next 10 gva_dev quote articles
in the same order (positions 40-49, same eligibility, one per incident) and the next 5
incidents in the same order that share no article with any quote set, old or fresh.

Second fresh held-out (third pass, fixed before any output on it was read, because the
first fresh set held only 4 differences): the next 10 gva_dev incidents in the same order
after the first fresh five, and the first 3 Multi-News full-text clusters in
sha1("23:" + cluster) order with 2-3 documents of 100-600 words each, none of them in the
Multi-News quote set.

Third fresh held-out (fourth pass, fixed before any output on it was read): the first 8
gva_dev incidents in sha1("23:" + incident) order reported by at least 3 different outlets
(`source`), 3-5 articles of 100-800 words each, no article in any quote set and no incident
in an earlier disagreement set; and the first 2 Multi-News full-text clusters in the same
order with 3-4 documents of 100-800 words, none in the Multi-News quote set or fresh2.

Fourth fresh held-out (fifth pass, fixed before any output on it was read): the first 8
gva_dev incidents in sha1("23:" + incident) order reported by at least 2 different outlets,
2-5 articles of 100-800 words each, no article in any quote set and no incident in an
earlier disagreement set (dev, held-out, fresh, fresh2, fresh3); and the first 2 Multi-News
full-text clusters in the same order with 2-4 documents of 100-800 words, none in the
Multi-News quote set, fresh2 or fresh3.

Fifth fresh held-out (sixth pass, fixed before any output on it was read): fourth's rule,
ordered by sha1("23-fresh5:" + name) instead, excluding fresh4's incidents and clusters too.

Sixth fresh held-out (seventh pass, fixed before any output on it was read): the same rule
under seed "23-fresh6", excluding fresh5's incidents and clusters too.

Timeline held-out "fresh6t" (issue #23's timeline pass, fixed before any output on it was
read): fourth's rule ordered by sha1("23-fresh6t:" + name), excluding fresh5's incidents
and clusters too (it may overlap fresh6: both were drawn in one round, apart).

Seventh fresh held-out (eighth pass, fixed before any output on it was read): the same rule
under seed "23-fresh7", excluding fresh6's and fresh6t's incidents and clusters too.

Timeline held-out "fresh7t" (issue #23's fourth-round timeline pass, fixed before any output
on it was read): the same rule ordered by sha1("23-fresh7t:" + name), excluding fresh6's and
fresh6t's incidents and clusters, and whatever seed "23-fresh7" draws (another pass's set),
with or without fresh6 and fresh6t excluded first.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

SEED = "23"
_MARKS = re.compile(r"[\"“”]")


def _key(name: str) -> str:
    return hashlib.sha1(f"{SEED}:{name}".encode()).hexdigest()


def _eligible(text: str, low: int = 150, high: int = 600) -> bool:
    return len(_MARKS.findall(text)) >= 6 and low <= len(text.split()) <= high


def _records(path: Path) -> list[dict[str, Any]]:
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def _split(names: list[str]) -> dict[str, list[str]]:
    return {"dev": names[0::2], "heldout": names[1::2]}


def gva_quotes(records: list[dict[str, Any]], n: int = 40) -> dict[str, list[str]]:
    """Record ids of the gva_dev quote set, split into dev and held-out."""
    chosen: list[str] = []
    seen: set[str] = set()
    for r in sorted(records, key=lambda r: _key(r["id"])):
        if r["cluster"] not in seen and _eligible(r["text"]) and len(chosen) < n:
            chosen.append(r["id"])
            seen.add(r["cluster"])
    return _split(chosen)


def multinews_quotes(records: list[dict[str, Any]], n: int = 10) -> dict[str, list[str]]:
    """Document keys ("cluster id#document index") of the Multi-News quote set."""
    best: list[tuple[str, str]] = []
    for r in records:
        docs = [(f"{r['id']}#{k}", d) for k, d in enumerate(r["documents"])]
        keyed = sorted((_key(name), name) for name, d in docs if _eligible(d.get("text") or ""))
        if keyed:
            best.append(keyed[0])
    return _split([name for _, name in sorted(best)[:n]])


def gva_incidents(
    records: list[dict[str, Any]], exclude: set[str], n: int = 30
) -> dict[str, list[str]]:
    """Incidents (gold clusters) of the disagreement set, split into dev and held-out."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in records:
        members[r["cluster"]].append(r)
    ok = [
        c
        for c, rs in members.items()
        if 2 <= len(rs) <= 3
        and all(100 <= len(r["text"].split()) <= 600 for r in rs)
        and not any(r["id"] in exclude for r in rs)
    ]
    return _split(sorted(ok, key=_key)[:n])


def fresh(records: list[dict[str, Any]], used: set[str], old: list[str]) -> dict[str, list[str]]:
    """The fresh held-out: 10 more quote articles and 5 more incidents, in the same order."""
    quotes = gva_quotes(records, n=50)
    articles = [r for r in quotes["dev"] + quotes["heldout"] if r not in used]
    articles.sort(key=_key)
    pool = gva_incidents(records, used | set(articles), n=len(records))
    incidents = [c for c in pool["dev"] + pool["heldout"] if c not in old]
    return {"gva_quotes": articles, "gva_incidents": sorted(incidents, key=_key)[:5]}


def _multinews_clusters(records: list[dict[str, Any]], exclude: set[str], n: int) -> list[str]:
    """Multi-News clusters of 2-3 documents of 100-600 words, none in `exclude`."""
    ok = []
    for r in records:
        docs = [d.get("text") or "" for d in r["documents"]]
        sizes_ok = all(100 <= len(d.split()) <= 600 for d in docs)
        if 2 <= len(docs) <= 3 and sizes_ok and r["id"] not in exclude:
            ok.append(r["id"])
    return sorted(ok, key=_key)[:n]


def fresh2(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The second fresh held-out: 10 more gva_dev incidents and 3 Multi-News clusters."""
    first = fresh(gva, used, old)
    articles = set(first["gva_quotes"])
    pool = gva_incidents(gva, used | articles, n=len(gva))
    taken = set(old) | set(first["gva_incidents"])
    incidents = sorted((c for c in pool["dev"] + pool["heldout"] if c not in taken), key=_key)
    quoted = {name.split("#")[0] for part in multinews_quotes(mn).values() for name in part}
    return {"gva_incidents": incidents[:10], "multinews": _multinews_clusters(mn, quoted, 3)}


def fresh3(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The third fresh held-out: 8 gva_dev incidents of 3+ outlets, 2 Multi-News clusters."""
    first, second = fresh(gva, used, old), fresh2(gva, mn, used, old)
    taken = set(old) | set(first["gva_incidents"]) | set(second["gva_incidents"])
    quoted = used | set(first["gva_quotes"])
    return _outlet_pick(gva, mn, 3, taken, quoted, set(second["multinews"]))


def fresh4(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The fourth fresh held-out: 8 gva_dev incidents of 2+ outlets, 2 Multi-News clusters."""
    first, second = fresh(gva, used, old), fresh2(gva, mn, used, old)
    third = fresh3(gva, mn, used, old)
    taken = set(old).union(first["gva_incidents"], second["gva_incidents"], third["gva_incidents"])
    quoted = used | set(first["gva_quotes"])
    return _outlet_pick(gva, mn, 2, taken, quoted, set(second["multinews"] + third["multinews"]))


def fresh5(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The fifth fresh held-out: fresh4's rule under a new seed ("23-fresh5"), disjoint from
    every earlier set (the seed-23 order's head was read in earlier passes)."""
    first, second = fresh(gva, used, old), fresh2(gva, mn, used, old)
    third, fourth = fresh3(gva, mn, used, old), fresh4(gva, mn, used, old)
    earlier = (first, second, third, fourth)
    taken = set(old).union(*(part["gva_incidents"] for part in earlier))
    quoted = used | set(first["gva_quotes"])
    mn_taken = {c for part in (second, third, fourth) for c in part["multinews"]}
    return _outlet_pick(gva, mn, 2, taken, quoted, mn_taken, seed="23-fresh5")


def fresh6(
    gva: list[dict[str, Any]],
    mn: list[dict[str, Any]],
    used: set[str],
    old: list[str],
    seed: str = "23-fresh6",
) -> dict[str, list[str]]:
    """The sixth fresh held-out: fresh5's rule under seed "23-fresh6", disjoint from every
    earlier set, fresh5 included (the timeline pass's "fresh6t": the same under its own
    seed)."""
    first, second = fresh(gva, used, old), fresh2(gva, mn, used, old)
    third, fourth = fresh3(gva, mn, used, old), fresh4(gva, mn, used, old)
    fifth = fresh5(gva, mn, used, old)
    earlier = (first, second, third, fourth, fifth)
    taken = set(old).union(*(part["gva_incidents"] for part in earlier))
    quoted = used | set(first["gva_quotes"])
    mn_taken = {c for part in (second, third, fourth, fifth) for c in part["multinews"]}
    return _outlet_pick(gva, mn, 2, taken, quoted, mn_taken, seed=seed)


def fresh7(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The seventh fresh held-out: fresh6's rule under seed "23-fresh7", disjoint from every
    earlier set, fresh6 and the timeline's fresh6t included."""
    sixth, sixth_t = fresh6(gva, mn, used, old), fresh6(gva, mn, used, old, seed="23-fresh6t")
    earlier = [fresh(gva, used, old), fresh2(gva, mn, used, old), fresh3(gva, mn, used, old)]
    earlier += [fresh4(gva, mn, used, old), fresh5(gva, mn, used, old), sixth, sixth_t]
    taken = set(old).union(*(part["gva_incidents"] for part in earlier))
    quoted = used | set(earlier[0]["gva_quotes"])
    mn_taken = {c for part in earlier[1:] for c in part["multinews"]}
    return _outlet_pick(gva, mn, 2, taken, quoted, mn_taken, seed="23-fresh7")


def fresh7t(
    gva: list[dict[str, Any]], mn: list[dict[str, Any]], used: set[str], old: list[str]
) -> dict[str, list[str]]:
    """The timeline's fourth-round held-out (see the module docstring): disjoint from every
    earlier set and from seed "23-fresh7"'s draw however that is computed."""
    parts = [fresh6(gva, mn, used, old, seed=s) for s in ("23-fresh6", "23-fresh6t", "23-fresh7")]
    first, second = fresh(gva, used, old), fresh2(gva, mn, used, old)
    third, fourth = fresh3(gva, mn, used, old), fresh4(gva, mn, used, old)
    fifth = fresh5(gva, mn, used, old)
    earlier = [first, second, third, fourth, fifth, *parts]
    taken = set(old).union(*(part["gva_incidents"] for part in earlier))
    quoted = used | set(first["gva_quotes"])
    mn_taken = {c for part in earlier[1:] for c in part["multinews"]}
    seventh = _outlet_pick(
        gva,
        mn,
        2,
        taken - set(parts[2]["gva_incidents"]),
        quoted,
        mn_taken - set(parts[2]["multinews"]),
        seed="23-fresh7",
    )
    taken |= set(seventh["gva_incidents"])
    mn_taken |= set(seventh["multinews"])
    return _outlet_pick(gva, mn, 2, taken, quoted, mn_taken, seed="23-fresh7t")


def _outlet_pick(
    gva: list[dict[str, Any]],
    mn: list[dict[str, Any]],
    least: int,
    taken: set[str],
    quoted: set[str],
    mn_taken: set[str],
    seed: str = SEED,
) -> dict[str, list[str]]:
    """8 gva_dev incidents of `least` to 5 articles from at least `least` outlets, and 2
    Multi-News clusters of `least` to 4 documents, each of 100-800 words, none taken or
    quoted in an earlier set (fresh3 and fresh4 differ only in `least`)."""
    members: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in gva:
        members[r["cluster"]].append(r)
    ok = [
        c
        for c, rs in members.items()
        if least <= len(rs) <= 5
        and len({r.get("source") for r in rs}) >= least
        and all(100 <= len(r["text"].split()) <= 800 for r in rs)
        and not any(r["id"] in quoted for r in rs)
        and c not in taken
    ]
    mn_quoted = {name.split("#")[0] for part in multinews_quotes(mn).values() for name in part}
    mn_ok = [
        r["id"]
        for r in mn
        if least <= len(r["documents"]) <= 4
        and all(100 <= len((d.get("text") or "").split()) <= 800 for d in r["documents"])
        and r["id"] not in mn_quoted | mn_taken
    ]

    def key(name: str) -> str:
        return hashlib.sha1(f"{seed}:{name}".encode()).hexdigest()

    return {"gva_incidents": sorted(ok, key=key)[:8], "multinews": sorted(mn_ok, key=key)[:2]}


def main(argv: list[str] | None = None) -> None:
    """Print the selection as JSON."""
    shared = Path((argv or sys.argv[1:] or ["../shared"])[0])
    gva = _records(shared / "data/clustering/gva_dev.jsonl.gz")
    mn = _records(shared / "data/summarization/multinews_fulltext.test.jsonl.gz")
    quotes = gva_quotes(gva)
    used = set(quotes["dev"] + quotes["heldout"])
    out = {
        "gva_quotes": quotes,
        "multinews_quotes": multinews_quotes(mn),
        "gva_incidents": gva_incidents(gva, used),
    }
    old = out["gva_incidents"]["dev"] + out["gva_incidents"]["heldout"]
    out["fresh_heldout"] = fresh(gva, used, old)
    out["fresh2_heldout"] = fresh2(gva, mn, used, old)
    out["fresh3_heldout"] = fresh3(gva, mn, used, old)
    out["fresh4_heldout"] = fresh4(gva, mn, used, old)
    out["fresh5_heldout"] = fresh5(gva, mn, used, old)
    out["fresh6_heldout"] = fresh6(gva, mn, used, old)
    out["fresh6t_heldout"] = fresh6(gva, mn, used, old, seed="23-fresh6t")
    out["fresh7t_heldout"] = fresh7t(gva, mn, used, old)
    out["fresh7_heldout"] = fresh7(gva, mn, used, old)
    from newsfuse.evaluation.outlet_fresh8 import fresh8  # imports this module
    from newsfuse.evaluation.outlet_fresh9 import fresh9

    out |= fresh8(gva, mn, used, old) | fresh9(gva, mn, used, old)
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()

"""Article or not: the selection rule of the report sample (issue 22, third round).

The held-out sample (kinds_heldout_sample.py) had its misses read before kind.py
gained its structural signals (repeated text, interface lines, link and timestamp
lists), so its figure is no longer a clean one. This rule draws 220 inputs nobody
read while changing the classifier, fixed and committed with their labels
(tests/data/kinds_report_labels.tsv) before the changed classifier was run on them:

- 100 documents of the shortened Multi-News val and test splits (outside the 200
  full-text clusters) under SHORT_WORDS words or holding a cue word, the same rule
  as the held-out sample, so enough non-articles are present; then 50 uniformly
  among the rest of those splits;
- 30 gva_dev outlet articles and 40 raw scrapes of scrapes/fakenewscorpus_sample.

Every id already in kinds_labels.tsv, kinds_fresh_labels.tsv or
kinds_heldout_labels.tsv is excluded. The Multi-News full-text documents and the
181 benchmark pages are all in kinds_labels.tsv already, so none is left for a
fresh draw. Seeded (2601), so the list is reproducible. With --dump it prints each
input's text for the annotator (never a classifier output).

--round 2 draws the second report sample (tests/data/kinds_report2_labels.tsv, issue 22,
fourth round): the same strata and rule, seed 2612, 90 cue + 50 uniform Multi-News
documents, 30 gva_dev articles and 30 raw scrapes, among inputs in no labels file of
the earlier rounds (kinds_report_labels.tsv included, whose misses were read). It was
drawn, committed and labelled before kind.py changed in that round.

    python benchmarks/kinds_report_sample.py [--round 2] [--dump]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
from pathlib import Path
from typing import cast

from kinds_heldout_sample import CUES, FULLTEXT, GVA, SCRAPES, SHORT_WORDS, _jsonl

ROOT = Path(__file__).resolve().parents[1]
SUMM = ROOT.parent / "shared" / "data" / "summarization"
SPLITS = (SUMM / "multinews.val.jsonl.gz", SUMM / "multinews.test.jsonl.gz")
LABELLED = tuple(
    ROOT / "tests" / "data" / f"kinds_{name}.tsv"
    for name in ("labels", "fresh_labels", "heldout_labels")
)
SEED = 2601
CUE_DOCS, RANDOM_DOCS, GVA_DOCS, SCRAPE_DOCS = 100, 50, 30, 40
# The second report sample: its seed, sizes and the labels files it avoids.
ROUND2_SEED = 2612
ROUND2_SIZES = (90, 50, 30, 30)
ROUND2_LABELLED = (*LABELLED, ROOT / "tests" / "data" / "kinds_report_labels.tsv")


def _labelled(files: tuple[Path, ...] = LABELLED) -> set[str]:
    lines = (line for path in files for line in path.read_text().splitlines())
    return {line.split("\t")[0] for line in lines if line and line[0] != "#"}


def documents(labelled: tuple[Path, ...] = LABELLED) -> dict[str, str]:
    """Every candidate input not labelled before: id -> text."""
    full = {str(row["id"]).rsplit("-", 1)[1] for row in _jsonl(FULLTEXT)}
    docs: dict[str, str] = {}
    for path in SPLITS:
        for row in _jsonl(path):
            if "test" in path.name and str(row["id"]).rsplit("-", 1)[1] in full:
                continue
            for k, doc in enumerate(cast(list[dict[str, str]], row["documents"])):
                docs[f"multinews:{row['id']}#{k}"] = doc.get("text") or ""
    with gzip.open(GVA, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs[f"gva:{row['id']}"] = f"{row.get('title') or ''}\n\n{row['text']}"
    for path in sorted(SCRAPES.glob("*/*.txt")):
        docs[f"scrape:{path.parent.name}/{path.name}"] = path.read_text(errors="replace")
    done = _labelled(labelled)
    return {k: v for k, v in docs.items() if k not in done}


def sample(
    docs: dict[str, str],
    seed: int = SEED,
    sizes: tuple[int, int, int, int] = (CUE_DOCS, RANDOM_DOCS, GVA_DOCS, SCRAPE_DOCS),
) -> list[tuple[str, str]]:
    """(id, stratum) pairs in a fixed order: cue, random, gva, scrape."""
    rng = random.Random(seed)
    mn = sorted(k for k in docs if k.startswith("multinews:"))
    likely = [k for k in mn if len(docs[k].split()) < SHORT_WORDS or CUES.search(docs[k])]
    cue = rng.sample(likely, sizes[0])
    taken = set(cue)
    rest = rng.sample([k for k in mn if k not in taken], sizes[1])
    gva = rng.sample(sorted(k for k in docs if k.startswith("gva:")), sizes[2])
    scrape = rng.sample(sorted(k for k in docs if k.startswith("scrape:")), sizes[3])
    strata = (("cue", cue), ("random", rest), ("gva", gva), ("scrape", scrape))
    return [(k, name) for name, keys in strata for k in keys]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print each input's text")
    ap.add_argument("--round", type=int, choices=(1, 2), default=1, help="which report sample")
    args = ap.parse_args()
    if args.round == 2:
        docs = documents(ROUND2_LABELLED)
        drawn = sample(docs, ROUND2_SEED, ROUND2_SIZES)
    else:
        docs = documents()
        drawn = sample(docs)
    for key, stratum in drawn:
        if args.dump:
            text = docs[key]
            print(f"=== {key} [{stratum}] {len(text.split())} words\n{text}\n")
        else:
            print(f"{key}\t{stratum}")


if __name__ == "__main__":
    main()

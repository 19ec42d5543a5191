"""Article or not: the selection rule of the second held-out labelled sample.

The fresh sample (kinds_fresh_sample.py, tests/data/kinds_fresh_labels.tsv) is
what the notice forms of extract/kind.py were tuned on in a second round, so its
figure became a training figure too. This rule draws 240 inputs from three
sources nobody tuned the classifier on, fixed and committed (with the labels,
tests/data/kinds_heldout_labels.tsv) before kind.py was changed again:

- 100 documents of the shortened Multi-News test split (outside the 200 clusters
  whose full text is in kinds_labels.tsv), among those under SHORT_WORDS words or
  holding a cue word, so enough non-articles are present; then 60 uniformly among
  the rest of that split;
- 40 outlet articles of gva_dev (US shooting reports from 712 local outlets);
- 40 raw scrapes of scrapes/fakenewscorpus_sample (15 sites, furniture left in).

Seeded (2522, not the fresh sample's 22), so the list is reproducible. With
--dump it prints each input's text for the annotator (never a classifier output).

    python benchmarks/kinds_heldout_sample.py [--dump]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path
from typing import cast

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
TEST = DATA / "summarization" / "multinews.test.jsonl.gz"
FULLTEXT = DATA / "summarization" / "multinews_fulltext.test.jsonl.gz"
GVA = DATA / "clustering" / "gva_dev.jsonl.gz"
SCRAPES = DATA / "scrapes" / "fakenewscorpus_sample"
SEED = 2522
CUE_DOCS, RANDOM_DOCS, GVA_DOCS, SCRAPE_DOCS = 100, 60, 40, 40
SHORT_WORDS = 80
CUES = re.compile(
    r"wayback|internet archive|cookie|javascript|subscribe|reprint|\b404\b|sign up"
    r"|video|newsletter|browser|tweet",
    re.IGNORECASE,
)


def _jsonl(path: Path) -> list[dict[str, object]]:
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def documents() -> dict[str, str]:
    """Every candidate input: id -> text (ids say where each comes from)."""
    full = {str(row["id"]).rsplit("-", 1)[1] for row in _jsonl(FULLTEXT)}
    docs: dict[str, str] = {}
    for row in _jsonl(TEST):
        if str(row["id"]).rsplit("-", 1)[1] in full:
            continue
        for k, doc in enumerate(cast(list[dict[str, str]], row["documents"])):
            docs[f"multinews:{row['id']}#{k}"] = doc.get("text") or ""
    for row in _jsonl(GVA):
        docs[f"gva:{row['id']}"] = f"{row.get('title') or ''}\n\n{row['text']}"
    for path in sorted(SCRAPES.glob("*/*.txt")):
        docs[f"scrape:{path.parent.name}/{path.name}"] = path.read_text(errors="replace")
    return docs


def sample(docs: dict[str, str]) -> list[tuple[str, str]]:
    """(id, stratum) pairs in a fixed order: cue, random, gva, scrape."""
    rng = random.Random(SEED)
    mn = [k for k in docs if k.startswith("multinews:")]
    likely = [k for k in mn if len(docs[k].split()) < SHORT_WORDS or CUES.search(docs[k])]
    cue = rng.sample(likely, CUE_DOCS)
    taken = set(cue)
    rest = rng.sample([k for k in mn if k not in taken], RANDOM_DOCS)
    gva = rng.sample([k for k in docs if k.startswith("gva:")], GVA_DOCS)
    scrape = rng.sample([k for k in docs if k.startswith("scrape:")], SCRAPE_DOCS)
    strata = (("cue", cue), ("random", rest), ("gva", gva), ("scrape", scrape))
    return [(k, name) for name, keys in strata for k in keys]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print each input's text")
    args = ap.parse_args()
    docs = documents()
    for key, stratum in sample(docs):
        if args.dump:
            text = docs[key]
            print(f"=== {key} [{stratum}] {len(text.split())} words\n{text}\n")
        else:
            print(f"{key}\t{stratum}")


if __name__ == "__main__":
    main()

"""Article or not: the selection rule of the fresh, held-out labelled sample.

The first labelled sample (tests/data/kinds_labels.tsv) is the one kind.py's
notice forms were written from, so its figure is a training figure. This rule,
fixed and committed before the classifier was run on any of these documents,
draws about 300 other documents from the shortened Multi-News val and train
splits (each document of a cluster is one input):

- 150 "likely non-article" documents, uniformly among those with fewer than
  SHORT_WORDS words or a cue word (CUES), so enough non-articles are present;
- 150 documents uniformly among all the remaining documents.

Ids already in kinds_labels.tsv are excluded (none match: those are full-text
test ids). Seeded, so the list is reproducible. With --dump it prints each
document's text for the annotator (never any classifier output).

    python benchmarks/kinds_fresh_sample.py [--dump]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SUMM = ROOT.parent / "shared" / "data" / "summarization"
SPLITS = (SUMM / "multinews.val.jsonl.gz", SUMM / "multinews.train.jsonl.gz")
OLD_LABELS = ROOT / "tests" / "data" / "kinds_labels.tsv"
SEED = 22
PER_STRATUM = 150
SHORT_WORDS = 80
CUES = re.compile(
    r"wayback|internet archive|cookie|javascript|subscribe|reprint|\b404\b|sign up"
    r"|video|newsletter|browser|tweet",
    re.IGNORECASE,
)


def documents() -> dict[str, str]:
    """Every document of the two splits: id -> text, in file order."""
    docs: dict[str, str] = {}
    for path in SPLITS:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                row = json.loads(line)
                for k, doc in enumerate(row["documents"]):
                    docs[f"multinews:{row['id']}#{k}"] = doc.get("text") or ""
    return docs


def sample(docs: dict[str, str]) -> list[tuple[str, str]]:
    """(id, stratum) pairs: 'cue' for the oversampled stratum, 'random' for the rest."""
    old = {line.split("\t")[0] for line in OLD_LABELS.read_text().splitlines() if line[:1] != "#"}
    keys = [key for key in docs if key not in old]
    likely = [k for k in keys if len(docs[k].split()) < SHORT_WORDS or CUES.search(docs[k])]
    rng = random.Random(SEED)
    cue = rng.sample(likely, PER_STRATUM)
    taken = set(cue)
    rest = rng.sample([k for k in keys if k not in taken], PER_STRATUM)
    return [(k, "cue") for k in cue] + [(k, "random") for k in rest]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dump", action="store_true", help="print each document's text")
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

"""Draw a fresh reading sample by a fixed rule and write its briefs (issue 20, fourth pass).

The rule: stories no tests/data/read_labels*.jsonl file holds, ordered by
sha1(SALT + id): the first N_MN clusters of multinews_fulltext.test and the first N_GVA
gva_dev incidents of three or more articles from three or more outlets. Every story is
briefed by each method at 120 words and written as `newsfuse eval read` writes briefs
(text included: the output is for reading in /tmp, never for the repository; labels are
committed by reference, scripts/convert_excerpts.py).

    python scripts/read_sample.py OUT.jsonl [-m newsfuse -m lead] [--shared ../shared]
        [--own read_labels_fresh4.jsonl]   (the sample again, once its labels are written)
        [--salt read6]                     (each pass draws with its own salt)
        [--skip-pinned]                    (also skip every id pinned in docs/heldout/*_ids.txt)

--skip-pinned keeps a new sample disjoint from every earlier held-out sample, labelled or not:
the integrator's read12 and read13 labels live outside tests/data, so without it read13's
draw would have taken one of read12's incidents again.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
from pathlib import Path

from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import ReadStory, brief_dict, brief_for, load_stories

SALT = "read5"  # the fifth pass; earlier passes drew with "read4" (fresh3)
N_MN, N_GVA = 8, 5


def _key(name: str, salt: str = SALT) -> str:
    return hashlib.sha1((salt + name).encode()).hexdigest()


def labelled_ids(data: Path, own: str | None = None) -> set[str]:
    """Story ids of every existing label file but the sample's own (`own`: the file
    its labels went to, so the sample is briefed again at the end of the pass)."""
    ids: set[str] = set()
    for path in sorted(data.glob("read_labels*.jsonl")):
        if path.name == own:
            continue
        ids |= {json.loads(line)["id"] for line in path.read_text().splitlines() if line}
    return ids


PINNED = re.compile(r"\b(?:multinews-[a-z]+-[a-z]+-\d+|gva-\d+)\b")


def pinned_ids(heldout: Path) -> set[str]:
    """Story ids named anywhere in docs/heldout: id files carry labels and reasons after
    the id on the same line (read13-o_ids.txt), and some samples were pinned in files
    not named *_ids.txt, so a whole-line match let read14-t draw 11 of 25 stories that
    earlier passes had held out."""
    ids: set[str] = set()
    for path in sorted(heldout.iterdir()):
        if path.is_file():
            ids |= set(PINNED.findall(path.read_text(errors="replace")))
    return ids


def sample(shared: Path, used: set[str], salt: str = SALT) -> list[ReadStory]:
    """The stories of the fixed rule, Multi-News first."""
    mn = load_stories(shared / "data/summarization/multinews_fulltext.test.jsonl.gz")
    gva = load_stories(shared / "data/clustering/gva_dev.jsonl.gz")
    mn_ok = sorted((s for s in mn if s.id not in used), key=lambda s: _key(s.id, salt))
    gva_ok = [
        s
        for s in gva
        if s.id not in used and len(s.articles) >= 3 and len({a.outlet for a in s.articles}) >= 3
    ]
    gva_ok.sort(key=lambda s: _key(s.id, salt))
    return mn_ok[:N_MN] + gva_ok[:N_GVA]


def main(argv: list[str] | None = None) -> None:
    """Brief the sample with each method, one JSON line per brief."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("-m", "--method", action="append")
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--own", help="the sample's label file (read_labels_fresh4.jsonl)")
    parser.add_argument("--salt", default=SALT, help="the draw's salt (each pass its own)")
    parser.add_argument("--skip-pinned", action="store_true", help="skip docs/heldout ids")
    args = parser.parse_args(argv)
    used = labelled_ids(Path("tests/data"), args.own)
    if args.skip_pinned:
        used |= pinned_ids(Path("docs/heldout"))
    stories = sample(args.shared, used, args.salt)
    base = BriefOptions()
    with args.out.open("w") as out:
        for story in stories:
            for method in args.method or ["newsfuse", "lead"]:
                brief = brief_for(method, story, 120, base)
                out.write(json.dumps(brief_dict(brief)) + "\n")


if __name__ == "__main__":
    main()

"""Draw a fresh headline sample by a fixed rule and print what a labeller reads (issue 20).

The rule (as scripts/read_sample.py, salt "read5h"): stories that no
tests/data/read_labels*.jsonl or headline_labels*.jsonl file holds, ordered by
sha1(SALT + id): the first N_MN clusters of multinews_fulltext.test, the first N_GVA
gva_dev incidents of three or more articles from three or more outlets and the first
N_WN Wikinews clusters. Each story is briefed by the default at 120 words; one JSON line
per story gives its headline, its article titles and dates, the brief's first sentence
and its number of sentences: text for reading in /tmp, never for the repository (labels
are committed by reference, scripts/convert_excerpts.py).

    python scripts/headline_sample.py OUT.jsonl [--shared ../shared] [--salt head11-f]
    python scripts/headline_sample.py OUT.jsonl --again tests/data/headline_labels_fresh5h.jsonl

`--again FILE`: the stories of a labelled sample, in its order (to brief it again at
the end, with the code then).
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import ReadStory, load_stories
from newsfuse.summarize import build_brief

SALT = "read5h"
N_MN, N_GVA, N_WN = 12, 8, 4


def _key(name: str, salt: str = SALT) -> str:
    return hashlib.sha1((salt + name).encode()).hexdigest()


def labelled_ids(data: Path) -> set[str]:
    """Story ids of every existing read or headline label file."""
    ids: set[str] = set()
    for pattern in ("read_labels*.jsonl", "headline_labels*.jsonl"):
        for path in sorted(data.glob(pattern)):
            ids |= {json.loads(line)["id"] for line in path.read_text().splitlines() if line}
    return ids


def sample(
    shared: Path, used: set[str], limit: bool | None = True, salt: str = SALT
) -> list[ReadStory]:
    """The stories of the fixed rule: Multi-News, gva_dev, Wikinews (`limit=None`:
    every candidate, not only the first of each)."""
    summ = shared / "data/summarization"
    mn = load_stories(summ / "multinews_fulltext.test.jsonl.gz")
    wn = load_stories(summ / "wikinews_multiling2011.jsonl")
    gva = load_stories(shared / "data/clustering/gva_dev.jsonl.gz")
    gva = [s for s in gva if len(s.articles) >= 3 and len({a.outlet for a in s.articles}) >= 3]
    picked: list[ReadStory] = []
    for stories, n in ((mn, N_MN), (gva, N_GVA), (wn, N_WN)):
        fresh = sorted((s for s in stories if s.id not in used), key=lambda s: _key(s.id, salt))
        picked += fresh[:n] if limit else fresh
    return picked


def main(argv: list[str] | None = None) -> None:
    """One JSON line per story of the sample."""
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--shared", type=Path, default=Path("../shared"))
    parser.add_argument("--again", type=Path)
    parser.add_argument("--salt", default=SALT, help="the draw's salt (each pass its own)")
    args = parser.parse_args(argv)
    options = BriefOptions(words=120)
    stories = sample(args.shared, labelled_ids(Path("tests/data")), salt=args.salt)
    if args.again is not None:
        ids = [json.loads(line)["id"] for line in args.again.read_text().splitlines() if line]
        everything = sample(args.shared, set(), limit=None)
        found = {s.id: s for s in everything}
        stories = [found[i] for i in ids]
    with args.out.open("w") as out:
        for story in stories:
            brief = build_brief(story.id, story.articles, options)
            row = {
                "id": story.id,
                "headline": brief.headline,
                "titles": [
                    [a.date.isoformat() if a.date else None, a.outlet, a.title]
                    for a in story.articles
                ],
                "first": brief.sentences[0].text if brief.sentences else "",
                "sentences": len(brief.sentences),
                "references": list(story.references[:1]),
            }
            out.write(json.dumps(row) + "\n")


if __name__ == "__main__":
    main()

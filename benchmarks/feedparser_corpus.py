"""newsfuse against feedparser's own test corpus, file by file (issue 22).

For every file of feedparser's test corpus (../shared/data/peers/feedparser-tests/tests),
feedparser itself is run on the file and its entries with text (at least `min_words`
words, as newsfuse counts them) are compared with the articles newsfuse reads from the
same file: title, link, date and text. Every file where they differ is listed with the
reason; documents that declare entities are refused by design (E112) and listed apart.

    python benchmarks/feedparser_corpus.py [--show 20]
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from peerfeeds import CORPUS, compare_corpus


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=20)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    args = ap.parse_args()
    report = compare_corpus(args.corpus)
    print(
        f"files: {report.files}; compared (feedparser reads entries with text): {report.compared}"
    )
    print(f"same: {report.same}; entity-declaring (E112 by design): {len(report.refused_entities)}")
    print(f"same but for script/style text dropped by design: {len(report.scripts_dropped)}")
    print(f"same but for HTML in a text/plain field read as HTML: {report.markup_read}")
    print(f"codes: {dict(collections.Counter(report.codes).most_common())}")
    print(f"tracebacks/unexpected: {len(report.unexpected)}; differences: {len(report.differ)}")
    for path, why in report.differ[: args.show]:
        print(f"  DIFF {path}: {why}")
    for path, why in report.unexpected[: args.show]:
        print(f"  UNEXPECTED {path}: {why}")
    for path in report.refused_entities:
        print(f"  E112 {path}")


if __name__ == "__main__":
    main()

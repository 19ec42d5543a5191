"""CPU of reading a page into a report: `make_article` (segmentation and page kind) and
`pagetext.article_sentences` (what on the page is not its reporting), on up to 1,000
documents of multinews_fulltext.test (cased outlet pages; the file holds 570). CPU
seconds (process time), so that six engineers on two cores do not skew it; run it beside
main's source in the same minutes:

    PYTHONPATH=src python benchmarks/bench_pagetext.py --shared ../shared
    PYTHONPATH=/work/main/src python benchmarks/bench_pagetext.py --shared ../shared
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from pathlib import Path

from newsfuse.articles import make_article
from newsfuse.extract.pagetext import article_sentences

FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"
PASSES = 3


def documents(shared: Path, limit: int) -> list[str]:
    texts: list[str] = []
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        for line in lines:
            texts += [d["text"] for d in json.loads(line)["documents"] if d["text"]]
            if len(texts) >= limit:
                break
    return texts[:limit]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=Path("../shared"))
    ap.add_argument("--limit", type=int, default=1000)
    args = ap.parse_args()
    texts = documents(args.shared, args.limit)
    for text in texts[:50]:  # warm the segmenter
        make_article(body=text, source="warm")
    start = time.process_time()
    articles = [make_article(body=text, source="bench") for text in texts]
    made = time.process_time()
    for _ in range(PASSES):
        for article in articles:
            article_sentences(article.sentences)
    read = (time.process_time() - made) / PASSES
    print(
        f"{len(texts)} pages: make_article {made - start:.2f} s CPU, "
        f"article_sentences {read:.3f} s CPU (mean of {PASSES} passes)"
    )


if __name__ == "__main__":
    main()

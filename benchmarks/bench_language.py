"""Language detection: its cost per article on the ingest path, and what it says
about English news (it must almost never call an English article something else,
since such an article would then be kept out of stories).

Reads gva_dev's 2,451 outlet articles and the first N documents of the shortened
Multi-News test split (lower-cased text), runs newsfuse.lang.detect on each body
as ingest does, and prints the time per article (model load apart) and the
codes found, with the first words of every article not detected as "en".

    python benchmarks/bench_language.py [--limit 3000] [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
import time
from collections import Counter
from pathlib import Path

from newsfuse.lang.detect import DETECT_CHARS, by_markers, detect_language
from newsfuse.models import Models

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def texts(limit: int) -> dict[str, list[str]]:
    """Bodies by corpus: gva_dev (cased outlet text) and Multi-News test (lower-cased)."""
    with gzip.open(DATA / "clustering" / "gva_dev.jsonl.gz", "rt", encoding="utf-8") as fh:
        gva = [json.loads(line)["text"] for line in fh]
    multinews: list[str] = []
    path = DATA / "summarization" / "multinews.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            multinews.extend(d["text"] for d in json.loads(line)["documents"])
            if len(multinews) >= limit:
                break
    return {"gva_dev": gva, "multinews_test": multinews[:limit]}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=3000, help="Multi-News documents")
    ap.add_argument("--show", action="store_true", help="print each non-'en' article")
    args = ap.parse_args()
    models = Models()  # the config's loader (BriefOptions.models), as ingest uses it
    start = time.perf_counter()
    models.language_identifier()
    print(f"model load (with SHA-256 check): {time.perf_counter() - start:.2f} s")
    for name, bodies in texts(args.limit).items():
        start = time.perf_counter()
        codes = [detect_language(b, models) for b in bodies]
        spent = time.perf_counter() - start
        counts = Counter(codes)
        words = sum(len(b.split()) for b in bodies) / len(bodies)
        model = sum(by_markers(b[:DETECT_CHARS]) is None for b in bodies)
        print(
            f"{name}: {len(bodies)} articles ({words:.0f} words on average), "
            f"{spent / len(bodies) * 1e3:.2f} ms per article, {model} read by the model; "
            f"codes {dict(counts.most_common())}"
        )
        if args.show:
            for code, body in zip(codes, bodies, strict=True):
                if code != "en":
                    print(f"  {code}: {body[:120]!r}")


if __name__ == "__main__":
    main()

"""Article or not: precision and recall of extract/kind.py on the hand-labelled sample.

tests/data/kinds_labels.tsv labels all 570 full-text Multi-News test documents and
the 181 pages of the ScrapingHub extraction benchmark (ids only). Each input goes
through the real extraction path (a Multi-News document as a JSON record, a page
through extract_html); an input refused as too short (E101/E108) counts as "not an
article" too, since it is never stored as one. The positive class is "not an
article": precision = predicted non-articles that are, recall = non-articles found.

    python benchmarks/eval_kinds.py [--show]
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path

from newsfuse.config import ExtractOptions
from newsfuse.errors import NewsfuseError
from newsfuse.extract.html import extract_html
from newsfuse.extract.jsonrecords import RecordContext, record_article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LABELS = ROOT / "tests" / "data" / "kinds_labels.tsv"
MULTINEWS = SHARED / "summarization" / "multinews_fulltext.test.jsonl.gz"
PAGES = SHARED / "peers" / "article-extraction-benchmark" / "html"


def labels() -> dict[str, str]:
    rows = (line.split("\t") for line in LABELS.read_text().splitlines() if line[:1] != "#")
    return {key: kind.strip() for key, kind in rows}


def predictions() -> dict[str, tuple[str, str]]:
    """id -> (predicted kind or error code, first words of the text)."""
    out: dict[str, tuple[str, str]] = {}
    opts = ExtractOptions()
    ctx = RecordContext("mn", "mn", None, opts.min_words, opts.max_bytes)
    with gzip.open(MULTINEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for k, doc in enumerate(row["documents"]):
                key = f"multinews:{row['id']}#{k}"
                try:
                    article = record_article(doc, key, ctx)
                    out[key] = (article.kind, article.body[:100])
                except NewsfuseError as exc:
                    out[key] = (exc.code.value, doc.get("text", "")[:100])
    for page in sorted(PAGES.glob("*.html.gz")):
        key = "aeb:" + page.name.split(".")[0]
        try:
            article = extract_html(gzip.decompress(page.read_bytes()), source=key)
            out[key] = (article.kind, article.body[:100])
        except NewsfuseError as exc:
            out[key] = (exc.code.value, "")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each error")
    args = ap.parse_args()
    gold, pred = labels(), predictions()
    tp = fp = fn = 0
    for key, label in gold.items():
        kind, text = pred[key]
        truth, guess = label != "article", kind != "article"
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
        if args.show and truth != guess:
            print(f"{'FP' if guess else 'FN'} {key} gold={label} pred={kind}: {text!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    print(
        f"inputs {len(gold)}, non-articles {tp + fn}: precision {precision:.3f} "
        f"recall {recall:.3f} (tp {tp}, fp {fp}, fn {fn})"
    )


if __name__ == "__main__":
    main()

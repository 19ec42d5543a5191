"""Article or not: precision and recall of extract/kind.py on the hand-labelled sample.

tests/data/kinds_labels.tsv labels all 570 full-text Multi-News test documents and
the 181 pages of the ScrapingHub extraction benchmark (ids only). Each input goes
through the real extraction path (a Multi-News document as a JSON record, a page
through extract_html); an input refused as too short (E101/E108) counts as "not an
article" too, since it is never stored as one. The positive class is "not an
article": precision = predicted non-articles that are, recall = non-articles found.

--labels scores another labels file instead: tests/data/kinds_fresh_labels.tsv
(Multi-News val/train documents drawn by benchmarks/kinds_fresh_sample.py and
labelled before the classifier was run on them; kind.py was then tuned on it) and
tests/data/kinds_heldout_labels.tsv, the held-out measure (Multi-News test, gva_dev
and raw scrapes drawn by benchmarks/kinds_heldout_sample.py, labelled before that
tuning and never tuned on); tests/data/kinds_report_labels.tsv and
tests/data/kinds_report2_labels.tsv (benchmarks/kinds_report_sample.py, rounds 1 and 2:
the first's misses were read in the next round, the second is the clean report sample).

    python benchmarks/eval_kinds.py [--show] [--labels tests/data/kinds_heldout_labels.tsv]
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from newsfuse.config import ExtractOptions
from newsfuse.errors import NewsfuseError
from newsfuse.extract.html import extract_html
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.extract.sources import iter_articles
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
LABELS = ROOT / "tests" / "data" / "kinds_labels.tsv"
MULTINEWS = SHARED / "summarization" / "multinews_fulltext.test.jsonl.gz"
# Where the fresh and held-out samples' documents come from (shortened Multi-News
# val, train and test; gva_dev outlet articles; raw scrapes).
SPLITS = tuple(
    SHARED / "summarization" / f"multinews.{s}.jsonl.gz" for s in ("val", "train", "test")
)
GVA = SHARED / "clustering" / "gva_dev.jsonl.gz"
SCRAPES = SHARED / "scrapes" / "fakenewscorpus_sample"
PAGES = SHARED / "peers" / "article-extraction-benchmark" / "html"


def labels(path: Path = LABELS) -> dict[str, str]:
    """id -> kind; a third column (an annotator's note) is ignored."""
    rows = (line.split("\t") for line in path.read_text().splitlines() if line[:1] != "#")
    return {row[0]: row[1].strip() for row in rows}


def _multinews(path: Path, wanted: set[str] | None, out: dict[str, tuple[str, str]]) -> None:
    """Predict each document of a Multi-News file (only the wanted ids, if given)."""
    opts = ExtractOptions()
    ctx = RecordContext("mn", "mn", None, opts.min_words, opts.max_bytes)
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for k, doc in enumerate(row["documents"]):
                key = f"multinews:{row['id']}#{k}"
                if wanted is not None and key not in wanted:
                    continue
                try:
                    article = record_article(doc, key, ctx)
                    out[key] = (article.kind, article.body[:100])
                except NewsfuseError as exc:
                    out[key] = (exc.code.value, (doc.get("text") or "")[:100])


def _gva(wanted: set[str], out: dict[str, tuple[str, str]]) -> None:
    """Predict the wanted gva_dev articles, read as JSON records (title, text, source)."""
    opts = ExtractOptions()
    ctx = RecordContext("gva", "gva", None, opts.min_words, opts.max_bytes)
    with gzip.open(GVA, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            key = f"gva:{row['id']}"
            if key in wanted:
                try:
                    article = record_article(row, key, ctx)
                    out[key] = (article.kind, article.body[:100])
                except NewsfuseError as exc:
                    out[key] = (exc.code.value, row["text"][:100])


def _scrapes(wanted: set[str], out: dict[str, tuple[str, str]]) -> None:
    """Predict the wanted raw scrapes as `newsfuse ingest` reads the folder (each
    outlet's recurring lines learned from the folder first)."""
    for item in iter_articles([SCRAPES], ExtractOptions()):
        path = Path(item.source)
        key = f"scrape:{path.parent.name}/{path.name}"
        if key in wanted:
            got = (item.kind, item.body[:100]) if isinstance(item, Article) else (item.code, "")
            out[key] = got


def predictions(wanted: set[str] | None = None) -> dict[str, tuple[str, str]]:
    """id -> (predicted kind or error code, first words of the text)."""
    out: dict[str, tuple[str, str]] = {}
    if wanted is not None:
        for path in SPLITS:
            if any(k.startswith(f"multinews:multinews-{path.name.split('.')[1]}-") for k in wanted):
                _multinews(path, wanted, out)
        if any(k.startswith("gva:") for k in wanted):
            _gva(wanted, out)
        if any(k.startswith("scrape:") for k in wanted):
            _scrapes(wanted, out)
        return out
    _multinews(MULTINEWS, None, out)
    for page in sorted(PAGES.glob("*.html.gz")):
        key = "aeb:" + page.name.split(".")[0]
        try:
            article = extract_html(gzip.decompress(page.read_bytes()), source=key)
            out[key] = (article.kind, article.body[:100])
        except NewsfuseError as exc:
            out[key] = (exc.code.value, "")
    return out


SETS = {
    "dev": LABELS,
    "fresh (tuned on)": ROOT / "tests" / "data" / "kinds_fresh_labels.tsv",
    "held-out (misses read)": ROOT / "tests" / "data" / "kinds_heldout_labels.tsv",
    "report (misses read)": ROOT / "tests" / "data" / "kinds_report_labels.tsv",
    "report2": ROOT / "tests" / "data" / "kinds_report2_labels.tsv",
}


def all_predictions(gold: dict[str, dict[str, str]]) -> dict[str, tuple[str, str]]:
    """Predictions for every labelled set: the dev set's own path, the rest by id."""
    out = predictions()
    wanted = {k for name, g in gold.items() if name != "dev" for k in g}
    out.update(predictions(wanted))
    return out


def _baseline(ref: str) -> dict[str, tuple[str, str]]:
    """The predictions of the code at git `ref`, run in a child process on an export
    of that revision's src/ (the real extraction path of then, not a patched one)."""
    with tempfile.TemporaryDirectory() as tmp:
        tar = subprocess.run(
            ["git", "-C", str(ROOT), "archive", ref, "src"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=tar, check=True)
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src")}
        cmd = [sys.executable, str(Path(__file__).resolve()), "--json"]
        got = subprocess.run(cmd, env=env, check=True, capture_output=True, text=True).stdout
    return {k: (v[0], v[1]) for k, v in json.loads(got).items()}


def score(
    gold: dict[str, str], pred: dict[str, tuple[str, str]], errors: list[str] | None = None
) -> tuple[float, float, int, int, int]:
    """(precision, recall, tp, fp, fn) with "not an article" as the positive class; each
    error is appended to `errors` if given."""
    tp = fp = fn = 0
    for key, label in gold.items():
        kind, text = pred[key]
        truth, guess = label != "article", kind != "article"
        tp += truth and guess
        fp += guess and not truth
        fn += truth and not guess
        if errors is not None and truth != guess:
            errors.append(f"  {'FP' if guess else 'FN'} {key} gold={label} pred={kind}: {text!r}")
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return precision, recall, tp, fp, fn


def _line(name: str, result: tuple[float, float, int, int, int]) -> str:
    p, r, tp, fp, fn = result
    return f"{name:28} precision {p:.3f} ({tp}/{tp + fp})  recall {r:.3f} ({tp}/{tp + fn})"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", action="store_true", help="print each error and the confusion")
    ap.add_argument("--labels", type=Path, help="score only this labels file")
    ap.add_argument("--baseline", metavar="GITREF", help="also score the code at this revision")
    ap.add_argument("--json", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sets = {args.labels.name: args.labels} if args.labels else SETS
    gold = {name: labels(path) for name, path in sets.items()}
    if args.json:
        print(json.dumps(all_predictions({n: labels(p) for n, p in SETS.items()})))
        return
    pred = predictions(set(gold[args.labels.name])) if args.labels else all_predictions(gold)
    base = _baseline(args.baseline) if args.baseline else None
    for name, g in gold.items():
        if base is not None:
            print(_line(f"{name}, {args.baseline}", score(g, base)))
        errors: list[str] = []
        print(_line(f"{name}, now", score(g, pred, errors)))
        if args.show:
            print("\n".join(errors))
            for key in g if base is not None else ():
                assert base is not None
                if (base[key][0] == "article") != (pred[key][0] == "article"):
                    print(f"  flip {key} gold={g[key]} {base[key][0]} -> {pred[key][0]}")
            confusion = Counter((label, pred[k][0]) for k, label in g.items())
            for (label, kind), count in sorted(confusion.items()):
                print(f"    gold {label:8} predicted {kind:8} {count}")


if __name__ == "__main__":
    main()

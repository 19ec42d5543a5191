"""Raw scrapes read like an editor: titles, dates and furniture left in bodies.

The sample (../shared/data/scrapes/fakenewscorpus_sample, Apache-2.0: 140 raw
scrapes of 16 sites with their site furniture) is ingested as a folder, so that
recurring lines are learned per outlet (extract/furniture.py). Reported:

- titles against the sample's metadata titles: right, none, wrong (each wrong one
  printed, to be read);
- dates against the hand-read datelines of tests/data/scrapes_dates.tsv;
- the share of stored bodies (and of the full-text Multi-News test documents') that
  still hold a furniture line of each kind the
  issue lists (poll line, "Headline:" ticker, "Source:" line, bare URL, caption).

    python benchmarks/eval_scrapes.py [--sample DIR] [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import re
from pathlib import Path

from newsfuse.config import ExtractOptions
from newsfuse.errors import NewsfuseError
from newsfuse.extract import iter_articles
from newsfuse.extract.jsonrecords import RecordContext, record_article
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT.parent / "shared" / "data" / "scrapes" / "fakenewscorpus_sample"
DATES = ROOT / "tests" / "data" / "scrapes_dates.tsv"
MULTINEWS = ROOT.parent / "shared/data/summarization/multinews_fulltext.test.jsonl.gz"
KINDS = {
    "poll": re.compile(r"^% of readers think this story is Fact", re.M),
    "ticker": re.compile(r"^Headline: ", re.M),
    "source": re.compile(r"^Source: ", re.M),
    "bare URL": re.compile(r"^\(?(?:https?://|www\.)\S+\)?$", re.M),
    "caption": re.compile(r"^\((?:Screenshot|Photo|Image|Video)s?:", re.M | re.I),
}


def _fold(text: str | None) -> str:
    return " ".join((text or "").replace("’", "'").split()).casefold()


def read(sample: Path) -> dict[str, Article]:
    out = {}
    for item in iter_articles([sample], ExtractOptions()):
        if isinstance(item, Article):
            out[str(Path(item.source).relative_to(sample))] = item
    return out


def gold_dates() -> dict[str, dt.date]:
    rows = [x.split("\t") for x in DATES.read_text().splitlines() if x[:1] != "#"]
    return {row[0]: dt.date.fromisoformat(row[1]) for row in rows}


def multinews_bodies() -> list[str]:
    """Bodies of the 570 full-text Multi-News test documents as stored (JSON records)."""
    opts = ExtractOptions()
    ctx = RecordContext("mn", "mn", None, opts.min_words, opts.max_bytes)
    out = []
    with gzip.open(MULTINEWS, "rt", encoding="utf-8") as fh:
        for line in fh:
            for doc in json.loads(line)["documents"]:
                try:
                    out.append(record_article(doc, "mn", ctx).body)
                except NewsfuseError:
                    continue
    return out


def furniture_shares(bodies: list[str], what: str) -> None:
    for kind, pattern in KINDS.items():
        n = sum(1 for body in bodies if pattern.search(body))
        print(f"{what}: furniture '{kind}' in {n} of {len(bodies)} bodies ({n / len(bodies):.1%})")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=Path, default=SAMPLE)
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    meta = json.loads((args.sample / "metadata.json").read_text())
    arts = read(args.sample)
    right = none = 0
    wrong = []
    for name, article in sorted(arts.items()):
        if article.title is None:
            none += 1
        elif _fold(article.title) == _fold(meta.get(name, {}).get("title")):
            right += 1
        else:
            wrong.append((name, article.title, meta.get(name, {}).get("title")))
    print(f"stored {len(arts)} of {len(meta)} files")
    print(f"titles: {right} right, {none} none, {len(wrong)} wrong")
    if args.show:
        for name, got, want in wrong:
            print(f"  {name}: {got!r} (metadata: {want!r})")
    dates = gold_dates()
    found = sum(1 for k, d in dates.items() if k in arts and arts[k].date == d)
    stored = sum(1 for k in dates if k in arts)
    print(
        f"dates: {found} of {stored} stored files carrying one found"
        f" ({len(dates) - stored} more refused: no article text)"
    )
    for k, d in dates.items():
        if args.show and (k not in arts or arts[k].date != d):
            print(f"  missed {k}: {d} (got {arts[k].date if k in arts else 'not stored'})")
    furniture_shares([a.body for a in arts.values()], "scrapes")
    furniture_shares(multinews_bodies(), "multinews full text")


if __name__ == "__main__":
    main()

"""Raw scrapes read like an editor: datelines in the forms scrapes print them (each
taken from a real file of ../shared/data/scrapes), furniture learned per outlet from
the batch itself, and titles never taken from furniture."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from newsfuse.config import ExtractOptions
from newsfuse.extract import iter_articles
from newsfuse.extract.dates import find_dateline
from newsfuse.extract.furniture import MAX_ENTRIES, OutletLines, line_key
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[2]
DATES = ROOT / "tests" / "data" / "scrapes_dates.tsv"
SAMPLE = "data/scrapes/fakenewscorpus_sample"


def _dated_lines() -> list[tuple[str, str, dt.date]]:
    rows = [x.split("\t") for x in DATES.read_text().splitlines() if x[:1] != "#"]
    return [(r[0], r[2], dt.date.fromisoformat(r[1])) for r in rows]


@pytest.mark.parametrize(("name", "line", "date"), _dated_lines())
def test_dateline_forms_of_real_scrapes(
    shared_dir: Path, name: str, line: str, date: dt.date
) -> None:
    """Each form, as the file prints it: the line is read from the file itself."""
    text = (shared_dir / SAMPLE / name).read_text(encoding="utf-8")
    prefix = line.removesuffix(" ...")
    (real,) = [x for x in text.splitlines() if x.startswith(prefix)]
    found = find_dateline(real)
    assert found is not None and found[0] == date


@pytest.mark.parametrize(
    "line",
    [
        # prose that mentions a date is not a dateline (beforeitsnews.com 13842, 17100)
        "On Dec. 28, Russian Ministry of Foreign Affairs said Russia limits the scope of US",
        "Four more ‘pearls’ photographed on Dec. 10, 2016 in the planet’s South Temperate Belt",
    ],
)
def test_dates_in_prose_are_not_datelines(line: str) -> None:
    assert find_dateline(line) is None


@pytest.fixture(scope="module")
def sample(shared_dir: Path) -> dict[str, Article]:
    root = shared_dir / SAMPLE
    out = {}
    for item in iter_articles([root], ExtractOptions()):
        if isinstance(item, Article):
            out[str(Path(item.source).relative_to(root))] = item
    return out


def test_dates_found_in_the_sample(sample: dict[str, Article]) -> None:
    rows = [(n, d) for n, _, d in _dated_lines() if n in sample]
    assert len(rows) >= 8
    assert all(sample[n].date == d for n, d in rows)


_FURNITURE = re.compile(
    r"^(?:% of readers think|Headline: |Source: |\(?(?:https?://|www\.)\S+\)?$|\(Screenshot:)",
    re.M,
)


def test_furniture_left_in_at_most_two_percent_of_bodies(sample: dict[str, Article]) -> None:
    with_furniture = [n for n, a in sample.items() if _FURNITURE.search(a.body)]
    assert len(sample) > 120
    assert len(with_furniture) <= 0.02 * len(sample), with_furniture


def test_no_title_from_furniture(sample: dict[str, Article]) -> None:
    titles = [a.title for a in sample.values() if a.title]
    ticker = "Headline: Bitcoin & Blockchain Searches Exceed Trump! Blockchain Stocks Are Next!"
    assert titles and ticker not in titles
    assert not [t for t in titles if _FURNITURE.search(t) or "©" in t or "Click Here" in t]


def test_ticker_learned_only_from_enough_articles(shared_dir: Path, tmp_path: Path) -> None:
    """Two beforeitsnews.com scrapes alone teach nothing (a line in 2 articles may be a
    quotation); the whole outlet folder teaches the ticker."""
    outlet = shared_dir / SAMPLE / "beforeitsnews.com"
    folder = tmp_path / "beforeitsnews.com"
    folder.mkdir()
    for name in ("10657.txt", "11727.txt"):
        shutil.copy(outlet / name, folder / name)
    few = [a for a in iter_articles([folder], ExtractOptions()) if isinstance(a, Article)]
    assert any("Headline: Bitcoin" in a.body for a in few)
    many = [a for a in iter_articles([outlet], ExtractOptions()) if isinstance(a, Article)]
    assert len(many) > 60 and not any("Headline: Bitcoin" in a.body for a in many)


def test_learning_is_bounded(shared_dir: Path) -> None:
    """Lines seen once are forgotten when the count passes MAX_ENTRIES; recurring ones stay."""
    text = (shared_dir / SAMPLE / "beforeitsnews.com" / "10657.txt").read_text(encoding="utf-8")
    ticker = next(x for x in text.splitlines() if x.startswith("Headline: "))
    learned = OutletLines()
    for i in range(MAX_ENTRIES // 2 + 10):
        learned.learn("beforeitsnews.com", [ticker, f"line {i} of a page", f"other {i} line"])
    assert learned.entries <= MAX_ENTRIES
    assert line_key(ticker) in learned.furniture("beforeitsnews.com")

"""Article or not: pages that are not reports (crawl notices, error and widget pages,
reprint notices, tweets) are classified, stored and reported, but never clustered,
never a headline, never in a brief. Texts are real: Multi-News full-text documents
and the bundled Wikinews articles."""

from __future__ import annotations

import gzip
import json
import sys
from pathlib import Path

import numpy as np
import pytest

from legacy_schema import LEGACY, execute
from newsfuse.app import Newsfuse, brief_inputs
from newsfuse.articles import make_article
from newsfuse.config import Config, ExtractOptions
from newsfuse.extract import extract_file
from newsfuse.extract.kind import ARCHIVE, ARTICLE, ERROR, NOTICE, SHORT, WIDGET, classify
from newsfuse.store import open_store

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"
sys.path.insert(0, str(ROOT / "benchmarks"))


def _documents(shared_dir: Path) -> dict[str, str]:
    path = shared_dir / "data" / "summarization" / "multinews_fulltext.test.jsonl.gz"
    out = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            for k, doc in enumerate(row["documents"]):
                out[f"{row['id'][-4:]}#{k}"] = doc["text"]
    return out


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("5464#0", ARCHIVE),  # "Starting in 1996, Alexa Internet has been donating..."
        ("0057#1", ARCHIVE),  # "These crawls are part of an effort to archive pages..."
        ("1376#2", ARCHIVE),  # Archive-IT collection notice
        ("1646#0", ERROR),  # "Sorry, the page you requested was not found."
        ("0293#3", ERROR),  # "We've detected that JavaScript is disabled..."
        ("0842#0", WIDGET),  # "The interactive transcript could not be loaded."
        ("5151#1", WIDGET),  # "Tweet with a location"
        ("1138#1", NOTICE),  # "Dow Jones Reprints: This copy is for your personal..."
        ("3262#2", SHORT),  # a tweet
        ("4445#4", ARTICLE),  # a crawl notice above 500 words of the page's own text
        ("1990#7", ARTICLE),  # NPR story ending in its copyright line
        ("2257#0", ARTICLE),  # "Please enable JavaScript to view the comments..." inside
    ],
)
def test_kinds_of_real_documents(shared_dir: Path, key: str, kind: str) -> None:
    assert classify(_documents(shared_dir)[key]) == kind


def test_labelled_sample_precision_and_recall(shared_dir: Path) -> None:
    """All 570 full-text Multi-News test documents and 181 benchmark pages, labelled by
    hand (tests/data/kinds_labels.tsv); the issue's target is 0.95 each."""
    from eval_kinds import labels, predictions

    gold, pred = labels(), predictions()
    truth = {k for k, v in gold.items() if v != ARTICLE}
    guess = {k for k in gold if pred[k][0] != ARTICLE}
    precision = len(truth & guess) / len(guess)
    recall = len(truth & guess) / len(truth)
    assert len(truth) >= 50
    assert precision >= 0.95 and recall >= 0.95, (precision, recall)


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("train-33158#2", WIDGET),  # YouTube: a video's "Published on" description
        ("train-24576#2", WIDGET),  # a profile page: "Personal quote: i ' m pretty much..."
        ("train-00976#1", WIDGET),  # "Add this tweet to your website by copying the code..."
    ],
)
def test_kinds_of_fresh_sample_pages(shared_dir: Path, key: str, kind: str) -> None:
    """Forms added from the fresh sample's misses (shortened Multi-News train)."""
    from eval_kinds import predictions

    key = f"multinews:multinews-{key}"
    assert predictions({key})[key][0] == kind


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("multinews:multinews-test-1657#1", WIDGET),  # an e-mail notification dialog
        ("multinews:multinews-test-1651#1", WIDGET),  # a sign-up and comment form
        ("multinews:multinews-test-0633#0", WIDGET),  # a wire photo caption, cut and repeated
        ("multinews:multinews-test-0040#2", SHORT),  # a forecast repeated on one line
        ("multinews:multinews-test-4564#7", ARCHIVE),  # a web-archiving project notice
        ("multinews:multinews-test-2859#0", WIDGET),  # a critic's blurb with its rating
        ("multinews:multinews-test-4041#0", ARTICLE),  # a wire lead (dateline) among captions
        ("scrape:beforeitsnews.com/33698.txt", SHORT),  # a feed excerpt ending in [...]
        ("scrape:21stcenturywire.com/21902.txt", WIDGET),  # a video show's timestamped rundown
        ("scrape:beforeitsnews.com/37647.txt", WIDGET),  # a list of titles and their links
    ],
)
def test_kinds_by_page_structure(shared_dir: Path, key: str, kind: str) -> None:
    """Signals of page structure (repeats, interface text, captions, link lines, rundowns,
    excerpts), each on a real page of the held-out sample that was read as an article."""
    from eval_kinds import predictions

    assert predictions({key})[key][0] == kind


@pytest.mark.parametrize(
    ("key", "kind"),
    [
        ("multinews:multinews-val-00118#2", ARTICLE),  # a lead cut mid-sentence at 46 words
        ("multinews:multinews-train-16057#1", ARTICLE),  # a lead cut at 46 words (fresh)
        ("multinews:multinews-test-0869#4", WIDGET),  # a photo caption cut mid-sentence
        ("multinews:multinews-val-00291#1", ARCHIVE),  # a crawl-collection description
        ("multinews:multinews-test-0620#2", NOTICE),  # a paywall, one interface term a sentence
        ("scrape:canadafreepress.com/11741.txt", WIDGET),  # an author page of dated teasers
    ],
)
def test_kinds_by_page_signals(shared_dir: Path, key: str, kind: str) -> None:
    """The signals of the fourth round (cut leads, crawl-notice openings, soft interface
    text, dated indexes), each on a real page of the earlier samples it was read on."""
    from eval_kinds import predictions

    assert predictions({key})[key][0] == kind


@pytest.mark.parametrize(
    ("name", "size", "least_precision", "least_recall"),
    [
        # Multi-News test, gva_dev, raw scrapes: misses read for the structure signals
        ("kinds_heldout_labels.tsv", 240, 0.98, 0.95),
        # Multi-News val/test, gva_dev, raw scrapes; misses read in the fourth round
        ("kinds_report_labels.tsv", 220, 0.95, 0.90),
        # the second report sample, drawn and labelled before the fourth round's changes
        ("kinds_report2_labels.tsv", 200, 0.93, 0.90),
    ],
)
def test_labelled_sample_floor(
    shared_dir: Path, name: str, size: int, least_precision: float, least_recall: float
) -> None:
    """Floors just under the measured figures (docs/benchmarks.md, #22), so a change that
    loses non-articles or calls reports pages shows."""
    from eval_kinds import ROOT as BENCH_ROOT
    from eval_kinds import labels, predictions

    gold = labels(BENCH_ROOT / "tests" / "data" / name)
    pred = predictions(set(gold))
    truth = {k for k, v in gold.items() if v != ARTICLE}
    guess = {k for k in gold if pred[k][0] != ARTICLE}
    assert len(gold) == size and len(truth) >= 45
    assert len(truth & guess) / len(guess) >= least_precision
    assert len(truth & guess) / len(truth) >= least_recall


def test_non_articles_stored_never_in_a_story(shared_dir: Path, tmp_path: Path) -> None:
    docs = _documents(shared_dir)
    folder = tmp_path / "in"
    folder.mkdir()
    for name in ("M001-01.txt", "M001-02.txt", "M001-03.txt"):
        (folder / name).write_bytes((WIKINEWS / name).read_bytes())
    records = [{"text": docs[k], "title": None} for k in ("5464#0", "0842#0", "3512#0")]
    (folder / "pages.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    config = Config(db=tmp_path / "n.db")
    with Newsfuse(config) as nf:
        store = nf.store
        report = nf.ingest([folder])
        assert report.ingested == 6 and report.non_articles == 3
        assert "(3 not articles)" in report.summary_line()
        kinds = sorted(a.kind for a in store.articles())
        assert kinds == sorted([ARCHIVE, NOTICE, WIDGET, ARTICLE, ARTICLE, ARTICLE])
        in_stories = {i for s in store.stories() for i in s.article_ids + s.duplicate_ids}
        pages = {a.id for a in store.articles() if a.kind != ARTICLE}
        assert in_stories and not in_stories & pages
    results, _ = brief_inputs([folder], config)
    cited = {c.article_id for brief, _ in results for s in brief.sentences for c in s.citations}
    sourced = {ref.article_id for brief, _ in results for ref in brief.sources}
    assert cited and not (cited | sourced) & pages


def test_wikinews_articles_are_articles() -> None:
    for path in sorted(WIKINEWS.glob("*.txt")):
        (article,) = extract_file(path, ExtractOptions())
        assert article.kind == ARTICLE, path.name


@pytest.mark.parametrize("backend", ["sqlite", "postgres"])
def test_archive_of_the_previous_schema_gains_kind(
    backend: str, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """An archive written before Article.kind (SQLite schema 6, PostgreSQL 1) opens, its
    articles read as articles, and new pages keep their kind."""
    db: str | Path = (
        tmp_path / "old.db" if backend == "sqlite" else request.getfixturevalue("postgres_url")
    )
    (first,) = extract_file(WIKINEWS / "M001-01.txt", ExtractOptions())
    store = open_store(Config(db=db))
    store.add_article(first, np.zeros(4, dtype=np.uint64), 0)
    store.close()
    downgrade = [
        *LEGACY,  # before named migrations too (tests/legacy_schema.py)
        "ALTER TABLE articles DROP COLUMN kind",
        "PRAGMA user_version = 6"
        if backend == "sqlite"
        else "UPDATE newsfuse_schema SET version = 1",
    ]
    execute(db, downgrade)
    store = open_store(Config(db=db))
    try:
        assert [a.kind for a in store.articles()] == [ARTICLE]
        page = make_article(body="Sorry, the page you requested was not found.", source="x")
        store.add_article(page, np.zeros(4, dtype=np.uint64), 0)
        assert {a.id: a.kind for a in store.articles()}[page.id] == ERROR
        assert [a.id for a in store.originals()] == [first.id]
    finally:
        store.close()

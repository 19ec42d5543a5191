"""No silently empty brief (issue 20, item 7): a story whose every source is a page
that is no report (crawl notices, a paywall) says so; pages that are not reports
never fill nor head a brief; every other story's brief has sentences; and a brief
shows the headline the archive stores for its story."""

from __future__ import annotations

import gzip
import itertools
import json
from pathlib import Path

import newsfuse
from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize import build_brief, render_markdown
from newsfuse.summarize.brief import NOT_REPORTS, reports
from newsfuse.summarize.render import NO_ARTICLE_TEXT, brief_to_dict
from newsfuse.types import Article

OPTIONS = BriefOptions(words=120)
FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"


def _clusters(shared: Path, limit: int) -> list[tuple[str, list[Article]]]:
    """The first `limit` full-text Multi-News test clusters, as the evaluations read them."""
    out = []
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        for record in map(json.loads, itertools.islice(lines, limit)):
            docs = record["documents"]
            articles = [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(docs)]
            out.append((record["id"], articles))
    return out


def _cluster(shared: Path, suffix: str) -> list[Article]:
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(record["documents"])]


def test_a_cluster_of_crawl_notices_says_it_holds_no_article_text(shared_dir: Path) -> None:
    """Multi-News test 5119 (read from ../shared): its documents are the Internet
    Archive's crawl notices only. Its brief was empty and headed by a notice ("These
    crawls are part of an effort to archive pages ..." clipped); now it has no sentence,
    says why, in Markdown and JSON, and its headline is no notice's sentence."""
    articles = _cluster(shared_dir, "test-5119")
    assert articles and all(a.kind in NOT_REPORTS for a in articles)
    brief = build_brief("5119", articles, OPTIONS)
    assert brief.no_article_text and brief.sentences == ()
    assert "crawl" not in brief.headline.lower() and brief.headline
    assert NO_ARTICLE_TEXT in render_markdown(brief)
    assert brief_to_dict(brief)["no_article_text"] is True
    assert {s.article_id for s in brief.sources} == {a.id for a in articles}  # still listed


def test_paywall_copies_of_an_incident_say_so_under_their_own_title(shared_dir: Path) -> None:
    """gva_dev incident 539758: both reports are the outlet's zip-code paywall page
    ("Sorry, this zipcode is not in our deliverable area ..."), titled with the story.
    The headline is that title, and the brief says there is no article text."""
    story = next(
        s
        for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
        if s.id == "gva-539758"
    )
    brief = build_brief(story.id, story.articles, OPTIONS)
    assert brief.no_article_text and not brief.sentences
    assert brief.headline == story.articles[0].title


def test_no_brief_of_real_reports_is_empty_nor_fed_by_notices(shared_dir: Path) -> None:
    """The first 60 full-text Multi-News test clusters: a brief is empty only when
    every source is a notice page (and then says so); no sentence of a brief comes from
    a page that is no report, nor is its headline a notice's sentence."""
    for cid, articles in _clusters(shared_dir, 60):
        brief = build_brief(cid, articles, OPTIONS)
        pages = {a.id for a in articles if a.kind in NOT_REPORTS}
        assert bool(brief.sentences) != brief.no_article_text, cid
        assert brief.no_article_text == (not reports(articles)), cid
        assert not {s.source.article_id for s in brief.sentences} & pages, cid
        notices = {s.text for a in articles if a.id in pages for s in a.sentences}
        assert not any(brief.headline.rstrip(" …") in n for n in notices), cid


def test_the_brief_shows_the_headline_the_archive_lists(examples_dir: Path, tmp_path: Path) -> None:
    """Every story of the bundled examples: the brief's headline is the stored one (the
    story list, the HTTP API and the brief show one headline for one story)."""
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        stories = nf.store.stories()
        assert stories
        for story in stories:
            assert nf.brief(story.id).headline == story.headline, story.id


def test_eval_read_counts_a_story_of_notices_apart(shared_dir: Path) -> None:
    """`eval read` on the gva_dev paywall incident: its brief is counted under "no
    article text", not as an empty brief (the read table's empty-brief rate is of
    stories that had reports to brief)."""
    from newsfuse.analyze.nlp import load_nlp
    from newsfuse.config import AnalyzeOptions
    from newsfuse.evaluation.read_eval import ReadReport, brief_for

    story = next(
        s
        for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
        if s.id == "gva-539758"
    )
    report = ReadReport("newsfuse")
    brief = brief_for("newsfuse", story, 120, OPTIONS)
    report.add(brief, load_nlp(AnalyzeOptions()), not reports(story.articles))
    rates = report.rates()
    assert not brief.sentences
    assert rates["empty_briefs"] == 0 and rates["no_article_text"] == 100

"""The lede leads with the incident, not its aftermath (issue 20, fourth round). Real
stories read from ../shared (gva_dev is evaluation only, Multi-News is not bundled):
nothing of their text is in this file; what they say is paraphrased."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import ReadStory, load_stories
from newsfuse.summarize import build_brief
from newsfuse.summarize.lede import ANNOUNCES, strip_dateline_text
from newsfuse.summarize.lede_news import EVENT, FOLLOW_UP, repeats_itself, reports_incident
from newsfuse.types import Article

FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"
OPTIONS = BriefOptions(words=120)


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> dict[str, ReadStory]:
    stories = load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
    return {s.id: s for s in stories}


def _cluster(shared: Path, suffix: str) -> list[Article]:
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(record["documents"])]


@pytest.mark.parametrize("incident", ["gva-460726", "gva-413001", "gva-571859", "gva-709686"])
def test_a_follow_up_does_not_lead_when_an_outlet_led_with_the_shooting(
    gva: dict[str, ReadStory], incident: str
) -> None:
    """Hawthorne (the victim's name released), Ocala and Denver (arrests), Wichita (a boy
    accused): main opened on the later development though another outlet's lede
    reported the shooting itself; the brief now opens on a report of the shooting."""
    story = gva[incident]
    lede = build_brief(story.id, story.articles, OPTIONS).sentences[0].text
    assert reports_incident(lede) and not FOLLOW_UP.search(lede), lede


def test_a_follow_up_leads_when_no_outlet_reported_the_incident(
    gva: dict[str, ReadStory],
) -> None:
    """The Ocala reports of the later arrests alone (the first day's report left out):
    no outlet led with the shooting, so the arrests are the news and may lead."""
    story = gva["gva-413001"]
    later = [a for a in story.articles if a.date and a.date.month == 10]
    assert 0 < len(later) < len(story.articles)
    lede = build_brief(story.id, later, OPTIONS).sentences[0].text
    assert FOLLOW_UP.search(lede), lede


def test_notices_and_announcements_never_lead(gva: dict[str, ReadStory]) -> None:
    """Bastrop: a funeral home's visitation notice opened the brief; Naples: a school's
    line announcing the statement it posted below. Neither leads now, and both match."""
    for incident, opening in (("gva-610379", "Visitation"), ("gva-668250", "following")):
        story = gva[incident]
        texts = [s.text for a in story.articles for s in a.sentences]
        assert any(ANNOUNCES.search(t) and opening in t for t in texts)
        lede = build_brief(story.id, story.articles, OPTIONS).sentences[0].text
        assert not ANNOUNCES.search(lede), lede


def test_an_agency_tag_does_not_hide_a_hook(shared_dir: Path) -> None:
    """Multi-News test 0057: CNN's hook under its tag ("(CNN) It was ...") opened the
    brief once the tag hid the "It was" from the hook rule; the tag is stripped first."""
    brief = build_brief("0057", _cluster(shared_dir, "test-0057"), OPTIONS)
    assert not strip_dateline_text(brief.sentences[0].text).startswith("It was")


def test_a_title_glued_twice_reports_no_incident(gva: dict[str, ReadStory]) -> None:
    """Bastrop: a page's title glued twice to its first line (a witness's account) repeats a
    run of five words; it reports the shooting but gets no incident bonus."""
    texts = [s.text for a in gva["gva-610379"].articles for s in a.sentences]
    glued = [t for t in texts if repeats_itself(t) and EVENT.search(t)]
    assert glued and not any(reports_incident(t) for t in glued)

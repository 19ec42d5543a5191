"""Another event's lines stay out of a brief and never lead it (issue 20, ninth round): a
list of a state's earlier mass shootings, a protest over another state's shooting, a
club's earlier shootings, two other children shot days before; a follow-up's day of the
story's own incident stays. Stories of gva_dev, read from ../shared at run time; the
sentences below are paraphrases (no gva_dev text is bundled)."""

from __future__ import annotations

import datetime as dt

from newsfuse.config import BriefOptions
from newsfuse.summarize.brief import build_brief, reporting, reports
from newsfuse.summarize.events_in_story import another_event, earlier_day, other_event_rows
from newsfuse.summarize.features import story_matrix
from newsfuse.types import Article

MARCH = dt.date(2013, 3, 21)


def _brief(articles: list[Article]) -> list[str]:
    brief = build_brief("story", articles, BriefOptions(words=120))
    assert brief.sentences
    return [s.source_text for s in brief.sentences]


def _flagged(articles: list[Article]) -> list[str]:
    read = [a for a in map(reporting, reports(articles)) if a.sentences]
    matrix = story_matrix(read)
    return [matrix.sentences[r].text for r in sorted(other_event_rows(matrix))]


def test_a_day_weeks_before_the_first_report() -> None:
    """A month and day with no year is read in the report's year, or the year before when
    its month comes later ("Dec. 27" in a March report); a day or two late is the story's."""
    assert earlier_day("A man was shot and killed outside a store on Dec. 27.", MARCH)
    assert earlier_day("Two men were shot there in December 2011.", MARCH)
    assert not earlier_day("Seven people were shot on March 20, police said.", MARCH)
    assert not earlier_day("He was shot in 2013 at the club.", MARCH)


def test_the_writers_markers_of_another_victim() -> None:
    story = {"Englewood"}
    assert another_event("Prior to that shooting, a man was shot in the arm nearby.", None, story)
    assert another_event(
        "On Monday two children were shot blocks away from the incident.", None, story
    )
    assert not another_event("Prior to that shooting, the two men had argued.", None, story)
    assert not another_event("The boy was shot on Dec. 27 in Englewood.", MARCH, story)


def test_an_earlier_years_list_item_no_longer_leads(
    gva_incidents: dict[str, list[Article]],
) -> None:
    """gva-150299 (a Miami apartment shooting): a page listing the state's earlier mass
    shootings, each "<Month> <year>: …" and one naming the story's city, led main's brief
    and filled a second line; the brief now opens on the shooting itself."""
    shown = _brief(gva_incidents["gva-150299"])
    assert not [t for t in shown if t[:12].split()[0] in {"August", "November"}]
    assert "apartment complex" in shown[0]


def test_another_states_protest_and_earlier_shootings_stay_out(
    gva_incidents: dict[str, list[Article]],
) -> None:
    """gva-598192 (an officer ambushed): a protest "stoked by another fatal shooting";
    gva-693624 (a club's fatal shooting): the shootings there two years before; gva-597003
    (a boy shot): two children shot "blocks away" two days before, and a boy shot "the same
    day" right after them."""
    assert not [t for t in _brief(gva_incidents["gva-598192"]) if "protesters" in t]
    assert not [t for t in _brief(gva_incidents["gva-693624"]) if "2014" in t]
    shown = _brief(gva_incidents["gva-597003"])
    assert not [t for t in shown if "blocks away" in t or "same day" in t]


def test_a_follow_ups_day_of_the_storys_own_incident(
    gva_incidents: dict[str, list[Article]],
) -> None:
    """gva-762247: the arrest, reported in March, of the man who shot three on a day in
    January, the day of the story's first report: the story's own incident."""
    assert not [t for t in _flagged(gva_incidents["gva-762247"]) if "Jan. 27" in t]

"""Where a case stands (analyze/status.py) and conditions worded as injuries, on real
gva_dev reports: an open matter in one report against a later report that settles it."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.background import off_story
from newsfuse.analyze.injuries import hurts
from newsfuse.analyze.status import status_differences
from newsfuse.evaluation.differ_eval import incident_articles, load
from newsfuse.types import Article, Comparison

GVA = "data/clustering/gva_dev.jsonl.gz"
DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(scope="module")
def incidents(shared_dir: Path) -> dict[str, list[Article]]:
    return incident_articles(shared_dir / GVA)


def statuses(articles: list[Article]) -> list[Comparison]:
    dates = [a.date.isoformat() if a.date else "" for a in articles]
    return status_differences(articles, [off_story(a) for a in articles], dates)


def test_open_then_settled_is_an_update(incidents: dict[str, list[Article]]) -> None:
    # gva-749058 (paraphrased): in January charges were left to the district attorney; in
    # March the mother faces manslaughter charges. gva-699070: the boy's identity withheld,
    # two days later he is named. Each side cited, the earlier first, the later labelled.
    charges = {c.summary.split(",")[0]: c for c in statuses(incidents["gva-749058"])}["charges"]
    assert charges.summary.startswith("charges, updated: It will be up to the DA")
    assert "(reported 2017-01-13); later " in charges.summary
    assert "felony manslaughter" in charges.summary
    assert len({c.article_id for c in charges.citations}) == 2
    identity = [c for c in statuses(incidents["gva-699070"]) if c.summary.startswith("identity")]
    assert len(identity) == 1 and "later Caden Randolph [2]" in identity[0].summary


def test_unsure_then_accidental(incidents: dict[str, list[Article]]) -> None:
    # gva-645170: police unsure whether the shooting was intentional; December's report
    # calls it the accidental shooting
    found = [c.summary for c in statuses(incidents["gva-645170"])]
    assert any(s.startswith("accidental or not, updated:") and "unsure" in s for s in found)


def test_no_status_item_on_the_dev_incidents_but_one_real_update(
    incidents: dict[str, list[Article]], shared_dir: Path
) -> None:
    # the 15 dev incidents: the only status item is gva-337111's (no charges filed yet,
    # then the father charged with neglect four days later), read as a real update
    listed = {
        rec["incident"]: [c.summary for c in statuses(incidents[rec["incident"]])]
        for rec in load(DATA / "differ_gva_dev.jsonl")
    }
    assert {k for k, v in listed.items() if v} == {"gva-337111"}
    assert listed["gva-337111"][0].startswith("charges, updated: but no charges have been filed")


def test_seriously_injured_is_a_condition(incidents: dict[str, list[Article]]) -> None:
    # gva-645170: "in good condition" after "the victim" (the report's 14-year-old boy)
    # in September; the boy "seriously injured" in December
    found = {(h.person, h.value) for a in incidents["gva-645170"] for h in hurts(a)}
    assert ("boy (14)", "stable") in found and ("boy (14)", "serious") in found


def test_one_person_released_another_charged_is_not_an_update(
    incidents: dict[str, list[Article]],
) -> None:
    # gva-695239 (paraphrased): the first report says the girl's boyfriend will be released
    # without charges; the next day another teen is charged with homicide. Two people: no
    # "charges" item pairs them (the status is keyed by the people its sentence names).
    found = [c.summary for c in statuses(incidents["gva-695239"])]
    assert not any("released without charges" in s for s in found)


def test_an_age_without_a_role_is_that_aged_person(incidents: dict[str, list[Article]]) -> None:
    # gva-692931: "a 16-year-old boy" in critical condition on Friday; four days later the
    # 16-year-old (no role noun) is reported dead (paraphrased)
    found = {(h.person, h.value) for a in incidents["gva-692931"] for h in hurts(a)}
    assert ("boy (16)", "critical") in found
    assert any(p in ("boy (16)", "person (16)") and v == "died" for p, v in found)

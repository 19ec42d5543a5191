"""People matched across a story's reports (people.py) and the per-person slots that use
them, on real reports read from ../shared at run time.

Incidents are of the tuning sets (gva_dev fresh7, fresh8b); no text of them is bundled
here beyond a few words of a value."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from newsfuse.analyze.people import StoryPeople, named_people
from newsfuse.analyze.slots import slot_differences
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.types import Article, Comparison

GVA = "data/clustering/gva_dev.jsonl.gz"


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> dict[str, list[Article]]:
    return incident_articles(shared_dir / GVA)


def _items(articles: list[Article], starts: str) -> list[Comparison]:
    nlp = spacy.blank("en")  # no entities: the name slot is not what is tested here
    found = slot_differences(articles, [nlp.make_doc(a.body) for a in articles])
    return [c for c in found if c.summary.startswith(starts)]


def test_a_role_and_age_is_the_one_named_person_of_that_age(
    gva: dict[str, list[Article]],
) -> None:
    # gva-756869 (fresh8b): two reports speak of "a 14-year-old girl"; the third names her
    people = StoryPeople(gva["gva-756869"])
    named = {p.name: p for ps in people.named for p in ps if p.age == 14}
    (girl,) = named.values()
    assert girl.gender == "f"  # from the pronoun after a later mention of her first name
    assert people.role("girl (14)") == girl.name
    assert people.role("boy (14)") is None  # the wrong gender links nobody
    assert people.role("girl (15)") is None


def test_critical_then_updated_to_good_by_first_name(gva: dict[str, list[Article]]) -> None:
    # gva-756869: critical in the first reports; "<First> had been updated to good
    # condition" six days later (the report's own caption still says critical)
    (item,) = _items(gva["gva-756869"], "condition of ")
    assert ", updated: in critical condition [1]" in item.summary
    assert "later updated to good condition [2]" in item.summary
    assert len({c.article_id for c in item.citations}) == 2


def test_a_wound_by_name_against_the_same_woman_by_role(gva: dict[str, list[Article]]) -> None:
    # gva-377486 (fresh8b): one report names her with her age, another says "the
    # 43-year-old woman"; a third gives her first name with another surname
    (item,) = _items(gva["gva-377486"], "wound of ")
    assert "left shoulder [1]" in item.summary and "chest [2]" in item.summary
    assert len({c.article_id for c in item.citations}) == 2


def test_a_surname_two_people_share_names_nobody(gva: dict[str, list[Article]]) -> None:
    # gva-377486: the husband and the wife share a surname in one report
    articles = gva["gva-377486"]
    people = StoryPeople(articles)
    checked = 0
    for k, article in enumerate(articles):
        named = named_people(k, article)
        surnames = [p.last for p in named]
        words = people.words(k)
        for p in named:
            if surnames.count(p.last) > 1:
                assert p.name.split()[-1] not in words
                assert words[p.name.split()[0]] == p.name
                checked += 1
    assert checked == 2


def test_two_women_of_one_age_and_a_man_aged_two_ways_link_nobody(
    gva: dict[str, list[Article]],
) -> None:
    # gva-422064 (fresh7): the first report has two women of 24 (one killed, one hurt)
    # and a man identified as 25 whom the later report gives 24: no role link
    people = StoryPeople(gva["gva-422064"])
    assert people.role("woman (24)") is None
    assert people.role("man (24)") is None
    assert people.role("man (25)") is None

"""The comparison slots of the ninth pass (clocks, relations, streets, grazes, weekdates,
age_match, custody's charges), on real reports read from ../shared at run time.

Incidents are of the tuning sets (gva_dev; fresh7 was tuned on in this pass); no text of
them is bundled here beyond a few words of a summary."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

import pytest

from newsfuse.analyze.age_match import held_age_differences, identified_ages
from newsfuse.analyze.background import off_story
from newsfuse.analyze.clocks import clock_differences
from newsfuse.analyze.custody import held_statements
from newsfuse.analyze.grazes import graze_differences
from newsfuse.analyze.relations import relation_differences
from newsfuse.analyze.slots import _places
from newsfuse.analyze.streets import street_differences
from newsfuse.analyze.weekdates import date_differences
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.types import Article, Comparison

GVA = "data/clustering/gva_dev.jsonl.gz"
Slot = Callable[[Sequence[Article], Sequence[set[str]], Sequence[str]], Iterator[Comparison]]


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> dict[str, list[Article]]:
    return incident_articles(shared_dir / GVA)


def _items(slot: Slot, articles: list[Article]) -> list[Comparison]:
    dates = [a.date.isoformat() if a.date else "" for a in articles]
    return list(slot(articles, [set(off_story(a)) for a in articles], dates))


def test_two_times_of_one_death_are_listed(gva: dict[str, list[Article]]) -> None:
    # gva-141382 (fresh7): a boy pronounced dead at 1:19 in one report, 1:35 in the next
    (item,) = _items(clock_differences, gva["gva-141382"])
    assert item.summary.startswith("time of death, updated:")
    assert "1:19 a.m. [1]" in item.summary and "1:35 a.m. [2]" in item.summary
    assert len({c.article_id for c in item.citations}) == 2


def test_a_call_in_the_morning_against_one_at_1_pm(gva: dict[str, list[Article]]) -> None:
    # gva-314973 (fresh7): officers called about 1 p.m. / a 911 call that morning
    (item,) = _items(clock_differences, gva["gva-314973"])
    assert item.summary.startswith("time police were called")
    assert "1 p.m. [1]" in item.summary and "morning [2]" in item.summary


def test_one_report_alone_gives_no_clock_item(gva: dict[str, list[Article]]) -> None:
    # gva-422064 (fresh7): only the later report gives a time of death
    assert _items(clock_differences, gva["gva-422064"]) == []


def test_sister_against_brother_of_one_age(gva: dict[str, list[Article]]) -> None:
    # gva-663789 (fresh7): the 15-year-old grazed is a sister in one report, a brother
    # in the next day's
    (item,) = _items(relation_differences, gva["gva-663789"])
    assert item.summary.startswith("relation of the 15-year-old")
    assert "sister [1]" in item.summary and "brother [2]" in item.summary


def test_street_against_avenue_of_one_name(gva: dict[str, list[Article]]) -> None:
    # gva-141382 (fresh7): one victim's block on a Street in one report, an Avenue in
    # the other
    (item,) = _items(street_differences, gva["gva-141382"])
    assert item.kind == "name_mismatch"
    assert "Street [1]" in item.summary and "Avenue [2]" in item.summary


def test_a_street_without_its_kind_of_way_is_no_difference(
    gva: dict[str, list[Article]],
) -> None:
    # gva-626998 (fresh6): "South <Name> Avenue" in one report, "South <Name>" in another
    assert _items(street_differences, gva["gva-626998"]) == []


def test_grazed_against_shot_in_the_foot(gva: dict[str, list[Article]]) -> None:
    # gva-663789 (fresh7): a 15-year-old shot in the foot (first report), grazed (later);
    # the report that speaks of another 15-year-old gives no value
    (item,) = _items(graze_differences, gva["gva-663789"])
    assert item.summary.startswith("wound of the 15-year-old, updated:")
    assert "foot [1]" in item.summary and "grazed [2]" in item.summary


def test_a_date_and_the_weekday_of_that_date_agree(gva: dict[str, list[Article]]) -> None:
    # gva-422064 (fresh7): the first report's first day of the shooting is the weekday on
    # which the later report's date fell (its "early Monday" elsewhere is the report's own
    # contrast, not this slot's)
    assert _items(date_differences, gva["gva-422064"]) == []


def test_the_one_held_aged_by_name_against_an_unnamed_age(
    gva: dict[str, list[Article]],
) -> None:
    # gva-377878 (fresh7): a man named with his age, later "taken into custody" by his
    # surname, against the other outlet's unnamed 19-year-old held
    (item,) = _items(held_age_differences, gva["gva-377878"])
    assert ", 20 [1]" in item.summary and "19-year-old" in item.summary
    assert "taken into custody [2]" in item.summary
    assert len(item.citations) == 3  # the name's age and its custody sentence, apart


def test_a_victims_age_before_an_arrest_is_not_the_held_age(
    gva: dict[str, list[Article]],
) -> None:
    # gva-525119 (fresh2): a girl of 15 shot and killed and a boy of 16 arrested, in one
    # sentence (paraphrased): the 15 is the victim's
    assert _items(held_age_differences, gva["gva-525119"]) == []


def test_identified_the_age_as_a_name(gva: dict[str, list[Article]]) -> None:
    # gva-422064 (fresh7): the first report identifies the 25-year-old by name
    first = gva["gva-422064"][0]
    starts = [s.start for s in first.sentences]
    fills = list(identified_ages(0, first, starts))
    assert [f.value for f in fills] == ["25"]
    assert fills[0].slot.startswith("age of ")


def test_a_charge_says_someone_is_held(gva: dict[str, list[Article]]) -> None:
    # gva-422064 (fresh7): two months later, "<Name> has been charged with three counts"
    later = gva["gva-422064"][-1]
    statements = [value for _, value, _ in held_statements(later)]
    assert statements[:1] == ["someone held"]


def test_a_weekday_after_the_road_is_not_the_roads_name(gva: dict[str, list[Article]]) -> None:
    # gva-377486 (fresh8b, the held-out; fixed after it was scored, "seen"): "the 5300
    # block of <Name> Road Sunday evening" against the next day's "5000 block of <Name>
    # Road": one road, two blocks (the weekday was read as part of the road's name)
    articles = gva["gva-377486"]
    fills = [
        f
        for k, a in enumerate(articles)
        for f in _places(k, a, [s.start for s in a.sentences])
        if f.slot.startswith("block of")
    ]
    assert len({f.slot for f in fills}) == 1
    assert {f.value for f in fills} == {"block:5300", "block:5000"}
    assert all(f.phrase.endswith("Road") for f in fills)

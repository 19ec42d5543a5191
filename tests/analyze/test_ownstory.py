"""The story's own sentences, on real pages of gva_dev (read from ../shared at run time):
a round-up line, another subject's video, a round-up page's other shootings and a
suspect's old charge are another incident's; a lead, a related second scene and a victim
only the last report names are the story's."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.ownstory import drop_other, other_incident, per_article
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.types import Article, Citation, Comparison


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> dict[str, list[Article]]:
    return incident_articles(shared_dir / "data/clustering/gva_dev.jsonl.gz")


def _marked(articles: list[Article]) -> list[str]:
    other = other_incident(articles)
    return [s.text for a in articles for s in a.sentences if s.id in other]


def test_a_round_up_line_and_another_subjects_video(gva: dict[str, list[Article]]) -> None:
    """gva-387194 (a drive-by; a station's page): "comes after another shooting" names none
    of the story; a video of a night out has no crime in it; a lead is never marked."""
    marked = _marked(gva["gva-387194"])
    assert [t for t in marked if "another shooting on" in t]
    assert [t for t in marked if "Night Out" in t]
    leads = {a.sentences[0].text for a in gva["gva-387194"]} - {marked[0]}
    assert not leads & set(marked[1:])
    assert not [t for t in marked if "pregnant" in t]


def test_a_round_up_pages_other_shootings(gva: dict[str, list[Article]]) -> None:
    """gva-141382: a weekend round-up whose first shooting is the story; the next ones
    (each opened with a victim in a neighbourhood of its own) are other incidents until the
    story is named again; the story's own victims and wounds are not."""
    page = gva["gva-141382"][0]
    other = other_incident(gva["gva-141382"])
    paragraphs = sorted({s.paragraph for s in page.sentences if s.id in other})
    assert paragraphs and paragraphs[0] >= 6 and len(paragraphs) >= 8
    assert not [s for s in page.sentences if s.id in other and "buttocks" in s.text]


def test_a_suspects_old_charge_in_another_killing(gva: dict[str, list[Article]]) -> None:
    """gva-453738: a relative's charge, years before, in the death of someone neither
    report otherwise names, is another incident; the story's lead is not."""
    marked = _marked(gva["gva-453738"])
    assert [t for t in marked if "shooting death of" in t and "2010" in t]
    assert not [t for t in marked if "thankful" in t]


def test_a_related_second_scene_and_a_lead_round_up_stay(gva: dict[str, list[Article]]) -> None:
    """gva-662548: "another shooting … they believe is related" is the story's second scene;
    gva-772760: a lead telling two girls shot "in separate shootings" is the story's, and
    so is the rest of its one-paragraph page."""
    assert not [t for t in _marked(gva["gva-662548"]) if "related" in t]
    assert not _marked(gva["gva-772760"])


def test_a_victim_only_the_last_report_names_stays(gva: dict[str, list[Article]]) -> None:
    """gva-689020: a third man's death that only a later report names, told in no earlier
    time, is the story's."""
    assert not [t for t in _marked(gva["gva-689020"]) if "death of" in t]


def test_one_page_alone(gva: dict[str, list[Article]]) -> None:
    """The brief's form: one round-up page read alone still marks its other shooting."""
    page = next(a for a in gva["gva-299344"] if "separate shooting" in a.body)
    marked = [s.text for s in page.sentences if s.id in per_article(page)]
    assert [t for t in marked if t.startswith("In a separate shooting")]


def test_an_item_citing_another_incident_is_dropped(gva: dict[str, list[Article]]) -> None:
    articles = gva["gva-387194"]
    other = other_incident(articles)
    first = articles[0]
    inside = next(s for s in first.sentences if s.id in other)
    own = first.sentences[2]
    items = [
        Comparison("single_source", "x", (Citation(first.id, inside.id),)),
        Comparison("single_source", "y", (Citation(first.id, own.id),)),
    ]
    assert [c.summary for c in drop_other(items, articles)] == ["y"]

"""Ledes that are not the news, seventh round (issue 20): a definition, a columnist's first
person, a scene-setting clause, and a vigil over the incident. Wikinews (examples/, CC BY
2.5) is quoted; Multi-News and gva_dev stories are read from ../shared at run time and
paraphrased here, never quoted."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from conftest import read_articles
from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize import build_brief
from newsfuse.summarize.lede import strip_dateline_text
from newsfuse.summarize.lede_hooks import DEFINITION, FIRST_PERSON, SCENE, hook_penalty
from newsfuse.summarize.lede_news import CEREMONY, reports_event
from newsfuse.types import Article

OPTIONS = BriefOptions(words=120)
WIKINEWS = Path(__file__).resolve().parents[2] / "examples" / "articles" / "en.wikinews.org"


def test_no_wikinews_lede_reads_as_a_hook() -> None:
    """Every first sentence of the 100 Wikinews reports states what happened: none is
    taken for a definition, a first-person column or a scene-setting clause."""
    for path in sorted(WIKINEWS.glob("M*.txt")):
        (article,) = read_articles(path)
        body = strip_dateline_text(article.sentences[0].text)
        assert not (DEFINITION.match(body) or FIRST_PERSON.search(body) or SCENE.match(body)), (
            path.name,
            body,
        )


def test_explainers_columns_and_scenes_lose() -> None:
    """The patterns, on sentences written for this test, and the near misses that are news."""
    assert hook_penalty("The Example memo is a document written by a committee's staff.") > 0
    assert hook_penalty("The actor is currently known for playing a young king.") > 0
    assert hook_penalty("Long before the rest of us woke, the council passed a new tax.") > 0
    assert hook_penalty("Say it with me now: the old cable sounds better.") > 0
    assert hook_penalty("When the teacher met the boy in 1981, she could not stand him.") > 0
    assert hook_penalty("A probe reached the edge of our solar system on Tuesday, NASA said.") == 0
    assert hook_penalty("providers slowed data to thousands of us businesses, a study said.") == 0
    assert hook_penalty("A memorial to the dead of World War I opened on Sunday.") == 0
    assert hook_penalty("There is a crime scene with two dead, the police chief said.") == 0


def test_a_vigil_is_aftermath_and_a_reward_lede_is_the_event() -> None:
    """A lede that tells of the killing and of a reward for an arrest still reports the
    event; a vigil held for the victim does not, however it retells the shooting."""
    assert reports_event("Police offer a reward for an arrest in the killing of a boy shot Monday.")
    assert not reports_event("Friends held a candlelight vigil Thursday for a boy shot Monday.")
    assert CEREMONY.search("The pupils of a small school are mourning a classmate.")
    assert not CEREMONY.search("Two guests were hurt while attending a funeral in a park.")


def test_a_vigil_gives_way_to_the_shooting(shared_dir: Path) -> None:
    """gva_dev 741187 (a boy shot in a car; a reward offered; a vigil three days later):
    main led with the vigil, as the only outlet leading with the shooting also told of the
    reward for an arrest; the brief now opens on the shooting."""
    stories = load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
    story = next(s for s in stories if s.id == "gva-741187")
    lede = build_brief(story.id, story.articles, OPTIONS).sentences[0].text
    assert not CEREMONY.search(lede) and reports_event(lede), lede


def _cluster(shared: Path, suffix: str) -> list[Article]:
    path = shared / "data/summarization/multinews_fulltext.test.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(record["documents"])]


@pytest.mark.parametrize("suffix", ["test-0427", "test-1968"])
def test_a_column_gives_way(shared_dir: Path, suffix: str) -> None:
    """Multi-News test 0427 led with a politician's first-person post quoted without
    quotation marks, 1968 with a feature's "When <she> met <him> ..." scene: neither leads
    now."""
    lede = strip_dateline_text(
        build_brief(suffix, _cluster(shared_dir, suffix), OPTIONS).sentences[0].text
    )
    assert not FIRST_PERSON.search(lede) and not SCENE.match(lede), lede

"""Other incidents and background in outlet reports (issue 23), on dev gva_dev articles
(none from the held-out sets), read from ../shared."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.background import off_story, roundup_start, teaser_strip
from newsfuse.analyze.dossier import Analyzer
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.evaluation.quote_eval import jsonl_articles
from newsfuse.types import Article

GVA = "data/clustering/gva_dev.jsonl.gz"


@pytest.fixture(scope="module")
def gva(shared_dir: Path) -> dict[str, Article]:
    return jsonl_articles(shared_dir / GVA)


def test_roundup_starts_at_the_other_incident(gva: dict[str, Article]) -> None:
    article = gva["94a118b1fd689aef45c64620a9cd004a"]
    k = roundup_start(article)
    assert article.sentences[k].text.startswith("In a separate shooting early Sunday")
    assert all(s.id in off_story(article) for s in article.sentences[k:])
    assert article.sentences[0].id not in off_story(article)


@pytest.mark.parametrize(
    "aid",
    [
        "2b5f066f37a034842761ce85b87bc910",  # a quote: “In a second, two generations of …”
        "dd945fb165591e269336732ec0e3013a",  # "In a separate call, …": the same incident
    ],
)
def test_not_a_roundup(gva: dict[str, Article], aid: str) -> None:
    assert roundup_start(gva[aid]) == len(gva[aid].sentences)


def test_background_is_not_a_single_source_fact(shared_dir: Path) -> None:
    # dev incident gva-778397: a suspect's arrest "In 2010" and "this wasn't the first
    # time" are background, not what one outlet adds about the shooting
    articles = incident_articles(shared_dir / GVA)["gva-778397"]
    items = Analyzer().analyze("gva-778397", articles).comparisons
    lone = [c.summary for c in items if c.kind == "single_source"]
    assert lone and not [s for s in lone if s.startswith(("In 2010", "WREG discovered"))]


def test_teaser_strip_is_off_the_story(gva: dict[str, Article]) -> None:
    # a Louisville station's page opens with other stories' teasers, each printed twice in
    # a row (a robbery "on March 3", a company's pay "last year"); the report follows them
    article = gva["11a2dd0ca66a0e077b158da05bbc3c3d"]
    strip = teaser_strip(article)
    report = next(s for s in article.sentences if s.text.startswith("LOUISVILLE, Ky."))
    assert len(strip) >= 10 and report.id not in strip
    assert all(s.id in strip for s in article.sentences[: report.index])
    assert strip <= off_story(article)
    assert not teaser_strip(gva["94a118b1fd689aef45c64620a9cd004a"])

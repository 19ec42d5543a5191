"""Place evidence for names the small model types as people or organisations
(analyze/place_cues.py, #23), on the real text a reader met it in: the bundled Wikinews
Chile earthquake storyline (examples/, M005, tuned on), and outlet text of ../shared
(gva_dev and Multi-News full text, read by reference: skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

from conftest import EXAMPLES, read_articles
from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.place_cues import is_region, region_names
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.evaluation.quote_eval import jsonl_articles
from newsfuse.types import Entity

GVA = Path("data") / "clustering" / "gva_dev.jsonl.gz"
MULTINEWS = Path("data") / "summarization" / "multinews_fulltext.test.jsonl.gz"


def kinds(entities: tuple[Entity, ...]) -> dict[str, str]:
    return {e.name: e.kind for e in entities}


def test_chile_towns_are_places(nlp_pipeline: NLP) -> None:
    """ "in Pichilemu", "southwest of Pichilemu", "Pichilemu, Chile" outvote the model's
    PERSON; "Lolol", "Curicó" and "Concepción" stand in lists of cities."""
    articles = read_articles(*sorted((EXAMPLES / "articles/en.wikinews.org").glob("M005-*")))
    found = kinds(extract_entities(nlp_pipeline.parse(articles)))
    for town in ("Pichilemu", "Lolol", "Curicó", "Concepción", "Constitución"):
        assert found[town] == "place", town
    assert found["Diego Grez"] == "person"
    assert found["Roberto Córdova"] == "person"


def test_regions_are_iso_names() -> None:
    regions = region_names()
    assert is_region("Chile", regions) and is_region("Kansas", regions)
    assert is_region("British Columbia", regions)
    assert not is_region("Indonesia AirAsia", regions) and not is_region("Pichilemu", regions)


def test_outlet_towns_streets_and_people(nlp_pipeline: NLP, shared_dir: Path) -> None:
    """Multi-News (third-round audit stories): "Medicine Hat" (NER: PERSON) and "Pangkalan
    Bun" (ORG) are towns; "Sunu Widyatmoko, Indonesia AirAsia chief" stays a person (an
    appositive, not a list of places)."""
    docs = jsonl_articles(shared_dir / MULTINEWS)
    for cluster, town in (("5016", "Medicine Hat"), ("2088", "Pangkalan Bun")):
        story = [a for k, a in docs.items() if k.startswith(f"multinews-longbench-test-{cluster}#")]
        found = kinds(extract_entities(nlp_pipeline.parse(story)))
        assert found[town] == "place"
    assert found["Sunu Widyatmoko"] == "person"


def test_a_lone_surname_is_the_person_named_last_before(
    nlp_pipeline: NLP, shared_dir: Path
) -> None:
    """gva-774294: a girl ("10-year-old …", NER: ORG) and her father share a surname; the
    lone surname after the father is named is his; the girl is a person."""
    story = incident_articles(shared_dir / GVA)["gva-774294"]
    found = {e.name: e for e in extract_entities(nlp_pipeline.parse(story))}
    assert found["Vynnitra Dobbs"].kind == "person"
    assert len(found["Vincent Dobbs"].mentions) > len(found["Vynnitra Dobbs"].mentions)

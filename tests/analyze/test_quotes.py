"""Quotes and claims on the real seed articles (bundled copies) and a real Wikinews article."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.claims import extract_claims
from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP, ParsedArticle
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.analyze.speaker_context import according_to
from newsfuse.config import ExtractOptions
from newsfuse.evaluation.excerpts import Excerpts
from newsfuse.extract import iter_articles
from newsfuse.types import Article, Claim, Entity, Quote


@pytest.fixture(scope="session")
def nlp(nlp_pipeline: NLP) -> NLP:
    return nlp_pipeline


def articles(*paths: Path) -> list[Article]:
    return [a for a in iter_articles(list(paths), ExtractOptions()) if isinstance(a, Article)]


Story = tuple[tuple[ParsedArticle, ...], tuple[Entity, ...], tuple[Quote, ...], tuple[Claim, ...]]


@pytest.fixture(scope="session")
def story(
    nlp: NLP, examples_dir: Path
) -> tuple[tuple[ParsedArticle, ...], tuple[Entity, ...], tuple[Quote, ...], tuple[Claim, ...]]:
    parsed = nlp.parse(articles(examples_dir / "articles" / "freebeacon.com"))
    entities = extract_entities(parsed)
    return parsed, entities, extract_quotes(parsed, entities), extract_claims(parsed, entities)


def quote(quotes: tuple[Quote, ...], start: str) -> Quote:
    found = [q for q in quotes if q.text.startswith(start)]
    assert len(found) == 1, [q.text[:40] for q in quotes]
    return found[0]


def test_shamkhani_quote_with_channel(story: Story) -> None:
    _, entities, quotes, _ = story
    q = quote(quotes, "With constructive and extended cooperation")
    assert q.speaker == "Ali Shamkhani"
    assert q.speaker_id == next(e.id for e in entities if e.name == "Ali Shamkhani")
    assert q.channel == "according to the Associated Press"
    assert q.text.endswith("complete destruction of them")


def test_shoigu_quotes_including_he_said(story: Story) -> None:
    quotes = story[2]
    assert quote(quotes, "to find common ground").speaker == "Sergei Shoigu"
    assert quote(quotes, "in a very active stage of talks").speaker == "Sergei Shoigu"


def test_klintsevich_two_sentence_quote_and_added(story: Story) -> None:
    quotes = story[2]
    q = quote(quotes, "In my opinion, now we have all grounds")
    assert q.speaker == "Franz Klintsevich"
    assert q.channel == "told journalists"
    assert len(q.citations) == 2
    assert "can soon be expected" in q.text
    assert quote(quotes, "Finally and maybe most importantly").speaker == "Franz Klintsevich"


def test_partial_quotes(story: Story) -> None:
    quotes = story[2]
    assert quote(quotes, "anti-terrorist coalition").speaker == "Franz Klintsevich"
    assert quote(quotes, "numerous militants").speaker == "Russian Defense Ministry"


def claims_of(claims: tuple[Claim, ...], source: str) -> list[Claim]:
    return [c for c in claims if c.source == source]


def test_defense_ministry_claims_share_one_source(story: Story) -> None:
    _, entities, _, claims = story
    ministry = next(e for e in entities if e.name == "Russian Defense Ministry")
    mine = claims_of(claims, "Russian Defense Ministry")
    assert {c.source_id for c in mine} == {ministry.id}
    texts = [c.claim for c in mine]
    assert any(t.startswith("Long-range Russian Tu-22M3 and Su-34") for t in texts)
    assert any("five major ammunition depots" in t for t in texts)
    assert any(t.startswith("it had used Iran’s Hamadan air base") for t in texts)
    bodies = {pa.article.id: pa.article.body for pa in story[0]}
    assert all(c.claim in bodies[c.citation.article_id] for c in claims)


def test_unnamed_official_claim(story: Story) -> None:
    (claim,) = claims_of(story[3], "An unnamed U.S. official")
    assert claim.source_id is None
    assert claim.verb == "told the Associated Press"
    assert claim.claim.startswith("the two countries are still negotiating")


def test_wikinews_quotes(nlp: NLP, examples_dir: Path) -> None:
    parsed = nlp.parse(articles(examples_dir / "articles" / "en.wikinews.org" / "M001-09.txt"))
    quotes = extract_quotes(parsed, extract_entities(parsed))
    assert quote(quotes, "Each one casts a shadow").speaker == "Tessa Jowell"
    assert quote(quotes, "a unique person and a unique grief").speaker == "Tessa Jowell"


WIKINEWS_SPEAKERS = [
    # "…," X, the leader of …, said. However, he added that "…" (pronoun -> last speaker)
    ("M008-08.txt", "it is premature for the time being", "Paul-Lois Arslanian"),
    # "X, a former forensic expert for <ORG> said that …": the subject, not the apposed ORG
    ("M008-08.txt", "typically, if you see intact bodies", "Frank Ciacco"),
    # "…," said the statement released by the EU / The statement added: issuer, full name
    ("M002-05.txt", "The European Union deplores", "European Union"),
    ("M002-05.txt", "all evidence clearly indicated", "European Union"),
    # inverted attribution with a title: "…," said Rabobank spokesman Jacob Bergsma.
    ("M003-02.txt", "Michael Rasmussen has been sent home", "Jacob Bergsma"),
    # "The spokesperson said" after "A spokesperson for the International Olympic Committee"
    (
        "M009-08.txt",
        "The International Olympic Committee has expressed",
        "International Olympic Committee",
    ),
    # "Egeland later recanted his statement, adding that … was "…"": subject of the main verb
    ("M000-03.txt", "one of the most generous pledges", "Jan Egeland"),
    # "…," said Doctor Green, chairman for …: title stripped
    ("M006-06.txt", "We have 100 critically ill patients", "Green"),
    # "X, Director of <ORG> said that it is a "late aftershock"": person, not the ORG
    ("M005-05.txt", "late aftershock", "Sergio Barrientos"),
    # "according to Paris' mayor Bertrand Delanoë" after a partial quote
    ("M009-08.txt", "by Chinese officials", "Bertrand Delanoë"),
]


@pytest.mark.parametrize(("name", "start", "speaker"), WIKINEWS_SPEAKERS)
def test_wikinews_dev_speakers(
    nlp: NLP, examples_dir: Path, name: str, start: str, speaker: str
) -> None:
    parsed = nlp.parse(articles(examples_dir / "articles" / "en.wikinews.org" / name))
    quotes = extract_quotes(parsed, extract_entities(parsed))
    assert quote(quotes, start).speaker == speaker


def test_colon_and_continued_paragraphs(nlp: NLP, examples_dir: Path) -> None:
    # "Before today's stage, …, Rasmussen said: "…"" -> the full name from the article
    parsed = nlp.parse(articles(examples_dir / "articles" / "en.wikinews.org" / "M003-02.txt"))
    quotes = extract_quotes(parsed, extract_entities(parsed))
    assert quote(quotes, "I want to make absolutely clear").speaker == "Michael Rasmussen"


DEV2_SPEAKERS = [
    # "…," he said. after "Bahonar … has stated that …": the speaker, not "the British
    # government" inside the quote
    ("M002-08.txt", "If it is proven that a mistake", "Mohammad Reza Bahonar"),
    # "Officials … have not confirmed … and Tony Blair called … "…"": the verb governing the quote
    ("M002-08.txt", "wrong and illegal", "Tony Blair"),
    # a country speaking is recorded as written, not by its canonical name
    ("M002-08.txt", "completely unacceptable", "Britain"),
    # "said the Executive Clerk of …, Óscar Acuña": the apposed name, not the title
    ("M005-04.txt", "Their attitude is a clear sample", "Óscar Acuña"),
    # "the UN, whose World Food Program … calls the current operation "…""
    ("M006-04.txt", "the most complex operation", "World Food Program"),
    # "Byrs called the decision "heartbreaking"": one reported word, surname in full
    ("M006-04.txt", "heartbreaking", "Elizabeth Byrs"),
    # "Army charge sheets accuse …": a document's issuer
    ("M007-10.txt", "directing, encouraging", "Army"),
    # "The first report, by … Sir Rob Fulton, looked at "…""
    ("M002-06.txt", "operational circumstances", "Rob Fulton"),
    # "a Confucius' saying, "…""
    ("M009-02.txt", "How Happy We Are", "Confucius"),
    # "The French government … have urged caution, saying … French navy spokesman … commented"
    ("M008-10.txt", "[I]t's like trying", "Hugues du Plessis d'Argentre"),
]


@pytest.mark.parametrize(("name", "start", "speaker"), DEV2_SPEAKERS)
def test_wikinews_dev2_speakers(
    nlp: NLP, examples_dir: Path, name: str, start: str, speaker: str
) -> None:
    parsed = nlp.parse(articles(examples_dir / "articles" / "en.wikinews.org" / name))
    quotes = extract_quotes(parsed, extract_entities(parsed))
    assert quote(quotes, start).speaker == speaker


def test_seconds_marks_are_not_quotes(nlp: NLP, examples_dir: Path) -> None:
    # "by 19' 36" and Team CSC by 22' 10'." / "in a time of 3h 51' 03"."
    parsed = nlp.parse(articles(examples_dir / "articles" / "en.wikinews.org" / "M003-04.txt"))
    assert extract_quotes(parsed, extract_entities(parsed)) == ()


def test_according_to_a_share_is_not_a_source(
    nlp: NLP, excerpts: Excerpts, seeds_dir: Path
) -> None:
    """A Multi-News report on Egypt's vote (read from ../shared), where seats go to
    parties "according to" the votes each won, named the parties' vote share as a
    claim's source; 'according to a report in Russia's TASS news agency'
    (the seed) still names one."""
    key = "multinews_fulltext/multinews-longbench-test-2257#1/text"
    parse = nlp.language
    share = parse(excerpts.span(key, 1203, 1396, "519dae194651"))
    assert [according_to(t) for t in share if t.lower_ == "according"] == [None]
    body = (seeds_dir / "004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    line = next(p for p in body.splitlines() if "according to a report" in p)
    (source,) = [according_to(t) for t in parse(line) if t.lower_ == "according"]
    assert source is not None and source.text == "report"

"""Outlet comparison on real articles: conflicts, number mismatches, single-source facts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from conftest import outlet_compare, read_articles
from newsfuse.analyze.compare import MAX_SINGLE_SOURCE, compare_outlets
from newsfuse.analyze.nlp import NLP
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.types import Article, Comparison

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


load = read_articles


def compare(nlp: Any, articles: Sequence[Article]) -> tuple[Comparison, ...]:
    return compare_outlets(articles, [nlp(a.body) for a in articles])


def assert_grounded(articles: Sequence[Article], comparison: Comparison) -> None:
    """Every quoted piece / number phrase of the summary is verbatim in a cited sentence."""
    texts = {s.id: s.text for a in articles for s in a.sentences}
    cited = [texts[c.sentence_id] for c in comparison.citations]
    if comparison.kind == "single_source":
        pieces = [comparison.summary.removesuffix("…")]
    elif comparison.kind == "number_mismatch":
        pieces = re.findall(r"(?:: | vs )(.+?) \[\d+\]", comparison.summary)
    else:
        pieces = [
            p.removesuffix("…") for p in re.findall(r"'(.+?)'(?: vs | / |$)", comparison.summary)
        ]
    assert pieces, comparison
    for piece in pieces:
        assert any(piece in text for text in cited), (piece, comparison)


def test_seed_accounts_of_what_russia_targets_conflict(nlp: Any) -> None:
    articles = load(EXAMPLES / "freebeacon.com")
    found = compare(nlp, articles)
    for comparison in found:
        assert_grounded(articles, comparison)
    conflicts = [c for c in found if c.kind == "conflict"]
    across = [c for c in conflicts if "ISIS" in c.summary and "U.S.-backed" in c.summary]
    assert any({c.article_id for c in x.citations} == {a.id for a in articles} for x in across)
    # issue 23: a contrast made inside one article is labelled as that report's own, not
    # set against the other outlet (it cites one article only)
    within = [c for c in found if c.kind == "in_article"]
    assert any(
        c.summary.startswith("'Russia has claimed to be primarily targeting ISIS")
        and "has instead hit U.S.-backed rebels" in c.summary
        for c in within
    )
    assert all(len({x.article_id for x in c.citations}) == 1 for c in within)
    assert all(len({x.article_id for x in c.citations}) > 1 for c in conflicts)
    assert any("nowhere near an agreement" in c.summary for c in conflicts + within)


def test_wikinews_tsunami_death_tolls_mismatch(nlp: Any) -> None:
    articles = load(*sorted((EXAMPLES / "en.wikinews.org").glob("M000-*.txt")))
    found = compare(nlp, articles)
    tolls = [c for c in found if c.kind == "number_mismatch" and "death" in c.summary]
    assert len(tolls) == 1, found
    assert "80,000 people [1]" in tolls[0].summary and "120,000 [2]" in tolls[0].summary
    sources = {a.id: a.source.rsplit("/", 1)[-1] for a in articles}
    cited = [sources[c.article_id] for c in tolls[0].citations]
    assert cited[:2] == ["M000-07.txt", "M000-09.txt"]
    singles = [c for c in found if c.kind == "single_source"]
    assert 0 < len(singles) <= MAX_SINGLE_SOURCE
    for comparison in found:
        assert_grounded(articles, comparison)


def test_single_article_has_no_single_source_items(nlp: Any) -> None:
    articles = load(EXAMPLES / "en.wikinews.org" / "M000-07.txt")
    assert not [c for c in compare(nlp, articles) if c.kind == "single_source"]


# --- outlet text (issue 23): gva_dev incidents reported by two or three outlets ---

FURNITURE = re.compile(r"anyone with information|copyright|javascript|read or share|@", re.I)


@pytest.fixture(scope="module")
def incidents(gva_incidents: dict[str, list[Article]]) -> dict[str, list[Article]]:
    return gva_incidents


@pytest.mark.parametrize(
    ("incident", "kind", "pieces"),
    [
        # two outlets give the time of the shooting five minutes apart, and name the bar two ways
        ("gva-693307", "number_mismatch", ("around 9:25 p.m. [1]", "about 9:20 p.m. [2]")),
        ("gva-693307", "name_mismatch", ("Wanda's Bar [1]", "Wanda's Lounge [2]")),
        # a victim spelled two ways by one station a week apart
        ("gva-757697", "name_mismatch", ("Daneka Lotts [1]", "Deneka Lotts [2]")),
        # the wounded woman is 40 in one report, 36 in the other
        ("gva-635394", "number_mismatch", ("40-year-old woman [1]", "36-year-old woman [2]")),
        # the girl is 7 in one, 8 in the other, though the second also recalls a girl of 7
        # killed years before (one report giving both ages is not two people)
        ("gva-635394", "number_mismatch", ("7-year-old [1]", "8-year-old girl [2]")),
    ],
)
def test_outlets_differ_on_one_slot(
    nlp_pipeline: NLP,
    incidents: dict[str, list[Article]],
    incident: str,
    kind: str,
    pieces: tuple[str, str],
) -> None:
    articles = incidents[incident]
    found = [c for c in outlet_compare(nlp_pipeline, articles) if c.kind == kind]
    item = next(c for c in found if all(p in c.summary for p in pieces))
    assert len({c.article_id for c in item.citations}) == 2
    texts = {s.id: s.text for a in articles for s in a.sentences}
    for piece, citation in zip(pieces, item.citations, strict=True):
        assert piece.rsplit(" [", 1)[0] in texts[citation.sentence_id]


def test_compatible_values_are_not_differences(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # "100 block of Dee Dee Place" / "108 Dee Dee Place"; "Around 12:27 a.m." / "Shortly
    # after midnight"; the same article twice (gva-724566)
    for incident in ("gva-755757", "gva-724566"):
        found = outlet_compare(nlp_pipeline, incidents[incident])
        assert not [c for c in found if c.kind in ("number_mismatch", "name_mismatch")], found
    assert not outlet_compare(nlp_pipeline, incidents["gva-724566"])


def test_single_source_facts_are_not_furniture(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    listed = []
    for incident in ("gva-180138", "gva-221164", "gva-486434", "gva-635394", "gva-337111"):
        found = outlet_compare(nlp_pipeline, incidents[incident])
        listed += [c.summary for c in found if c.kind == "single_source"]
    assert listed
    assert not [s for s in listed if FURNITURE.search(s) or '"' in s or "“" in s], listed
    # the charge and bail only the Post-Tribune gives are listed
    assert any("bail was set at $45,000" in s for s in listed)
    assert any("Mary Carolina Mabire, 28, has been charged" in s for s in listed)


def test_differ_eval_matches_words_not_substrings() -> None:
    from newsfuse.evaluation.differ_eval import judge
    from newsfuse.types import Citation

    incident = {
        "differences": [{"what": "who", "values": {"a": "mother", "b": "grandmother"}}],
        "single_source": [{"article": "b", "key": "Diane Nellums"}],
    }
    item = Comparison("conflict", "mother [1] vs grandmother [2]", (Citation("x", "1"),))
    cited = {"a": "the child's mother said", "b": "The grandmother was charged"}
    assert judge(item, incident, cited) == (True, 0)
    # "grandmother" holds "mother" as a substring only: no match for article a
    same = Comparison("conflict", "grandmother [1] vs grandmother [2]", item.citations)
    assert judge(same, incident, {"a": "his grandmother", "b": "The grandmother"}) == (False, None)
    lone = Comparison("single_source", "Diane Nellums was charged", (Citation("x", "2"),))
    assert judge(lone, incident, {"b": "Diane Nellums was charged"}) == (True, None)
    assert judge(lone, incident, {"a": "Diane Nellums was charged"}) == (False, None)


def test_custody_between_dated_reports(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # gva-663624: "No arrests have been made" on Monday, "Police have arrested the suspected
    # shooter" on Tuesday (myfox8): an update a reader must see, each side dated, the
    # earlier first and the later one labelled so
    found = outlet_compare(nlp_pipeline, incidents["gva-663624"])
    item = next(c for c in found if c.summary.startswith("arrests"))
    assert item.kind == "conflict" and len({c.article_id for c in item.citations}) == 2
    assert item.summary.startswith("arrests, updated: No arrests have been made [1]")
    assert "[1] (reported 2016-09-26); later " in item.summary
    assert item.summary.endswith("[2] (reported 2016-09-27)")


def test_two_victims_and_an_age_range_are_not_differences(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # gva-626998: a man of 22 killed and a girl of 6 grazed, told in either order by two
    # reports; gva-682298: the victims' age range ("between the ages of …") is not a count
    for incident in ("gva-626998", "gva-682298"):
        found = outlet_compare(nlp_pipeline, incidents[incident])
        assert not [c for c in found if c.summary.startswith(("age of the victim", "victims"))]


def test_interview_lines_are_not_single_source_facts(shared_dir: Path, nlp_pipeline: NLP) -> None:
    # multinews 3338: an NBC interview transcript (the anchor's questions, the guest's
    # first-person answers) beside a Slate article
    stories = incident_articles(shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz")
    found = outlet_compare(nlp_pipeline, stories["multinews-longbench-test-3338"])
    singles = [c.summary for c in found if c.kind == "single_source"]
    assert not [s for s in singles if s.endswith("?") or ": " in s[:30] or " I " in f" {s}"]


def test_a_repeated_report_makes_each_claim_once(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # gva-663624: myfox8's update re-runs its first report's paragraphs (the victims at
    # home when an SUV drove past): one claim, credited to the first report
    from newsfuse.analyze.claims import extract_claims
    from newsfuse.analyze.entities import extract_entities

    parsed = nlp_pipeline.parse(incidents["gva-663624"])
    claims = extract_claims(parsed, extract_entities(parsed))
    keys = [(c.source.lower(), c.claim) for c in claims]
    assert claims and len(keys) == len(set(keys))
    first = parsed[0].article.id
    assert any(c.citation.article_id == first and "dark SUV" in c.claim for c in claims)
    assert not any(c.citation.article_id != first and "dark SUV" in c.claim for c in claims)


def test_two_peoples_ages_are_not_compared(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # gva-299344: a man of 44 wounded at the hall and a man of 53 shot on the same street
    # earlier (a report gives "the man" two ages); gva-386225: a mother and her daughter of one
    # surname (ages 25 and 6) were one "age of jessie"
    for incident, slot in (("gva-299344", "age of the man"), ("gva-386225", "age of jessie")):
        found = outlet_compare(nlp_pipeline, incidents[incident])
        assert not [c for c in found if c.summary.startswith(slot)], incident


def test_fresh5_slot_fixes(incidents: dict[str, list[Article]], nlp_pipeline: NLP) -> None:
    # gva-406848: the city's toll that day (eight / ten dead) and the relative who fired
    # (18) are not this boy's; gva-763313: a suspect's home block is not a count, a woman
    # charged later is not the first suspect, and the victim's surname is spelled two ways
    # (Fischer / Fisher); gva-575607: "three people suffered … wounds" against a later
    # "injured four people"
    toll = [c.summary for c in outlet_compare(nlp_pipeline, incidents["gva-406848"])]
    assert not any(s.startswith(("killed", "wounded", "age of the victim")) for s in toll)
    named = [c.summary for c in outlet_compare(nlp_pipeline, incidents["gva-763313"])]
    assert not any(s.startswith(("block", "age of the suspect")) for s in named)
    assert any(s.startswith("name:") and "Fisher" in s and "Fischer" in s for s in named)
    counts = [c.summary for c in outlet_compare(nlp_pipeline, incidents["gva-575607"])]
    assert any("Three people" in s and "injured four people" in s for s in counts)
    # gva-695239: no suspect named and no arrest on Monday (paraphrased), against the same
    # day's other report of homicide charges filed (a charge says someone is held: custody.py)
    held = [c.summary for c in outlet_compare(nlp_pipeline, incidents["gva-695239"])]
    assert any(s.startswith("arrests:") and "nor made any arrests" in s for s in held)


@pytest.mark.parametrize(
    ("incident", "label"),
    [
        # fresh6 (tuned on): "two victims" shot and killed against "Three people are dead,
        # including the gunman": the same dead
        ("gva-572696", "killed"),
        # fresh6: "No arrests have been made, but … two individuals are in custody" and
        # that two men were held for questioning (paraphrased): both say two are held
        ("gva-572513", "arrests"),
    ],
)
def test_the_same_fact_said_two_ways_is_no_difference(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]], incident: str, label: str
) -> None:
    found = outlet_compare(nlp_pipeline, incidents[incident])
    assert not [c for c in found if c.summary.startswith(label)]
    assert found  # the story still has its items


def test_an_interview_setting_is_not_a_lone_fact(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    # fresh6 gva-377047: where a station's reporter spoke to the wounded man is about the
    # reporting, not the shooting
    found = outlet_compare(nlp_pipeline, incidents["gva-377047"])
    assert not [c for c in found if "reporter" in c.summary]


def test_a_tip_line_number_is_no_amount(
    nlp_pipeline: NLP, incidents: dict[str, list[Article]]
) -> None:
    """gva-324644 (read by the integrator, not tuned on): one report gives a tip line's
    telephone number, which was set against another report's reward as money."""
    found = outlet_compare(nlp_pipeline, incidents["gva-324644"])
    assert not any("5808" in c.summary for c in found)

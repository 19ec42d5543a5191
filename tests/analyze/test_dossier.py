"""The story analysis as users get it: `newsfuse brief` Markdown/JSON and the Python API.

On the two seed articles, every acceptance point of the analysis issue is checked
through the public output, not through internals.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "examples/articles/freebeacon.com"


@pytest.fixture(scope="module")
def analysis() -> dict[str, Any]:
    result = CliRunner().invoke(app, ["brief", str(SEEDS), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    data: dict[str, dict[str, Any]] = json.loads(result.stdout)
    return data["analysis"]


def test_quotes_have_their_speakers(analysis: dict[str, Any]) -> None:
    speakers = {q["text"][:30]: q["speaker"] for q in analysis["quotes"]}
    assert speakers["With constructive and extended"] == "Ali Shamkhani"
    assert speakers["to find common ground and star"] == "Sergei Shoigu"
    assert speakers["in a very active stage of talk"] == "Sergei Shoigu"
    assert speakers["In my opinion, now we have all"] == "Franz Klintsevich"
    assert speakers["Finally and maybe most importa"] == "Franz Klintsevich"
    shamkhani = next(q for q in analysis["quotes"] if q["text"].startswith("With constructive"))
    assert shamkhani["channel"] == "according to the Associated Press"


def test_defense_ministry_claims_are_attributed_to_one_entity(analysis: dict[str, Any]) -> None:
    ministry = [c for c in analysis["claims"] if "Defense Ministry" in c["source"]]
    assert len({c["source_id"] for c in ministry}) == 1
    text = " ".join(c["claim"] for c in ministry)
    for fact in ("to target ISIS", "five major ammunition depots", "three command posts"):
        assert fact in text


def test_equipment_and_places_are_entities(analysis: dict[str, Any]) -> None:
    kinds = {e["name"]: e["kind"] for e in analysis["entities"]}
    assert kinds["Tu-22M3"] == kinds["Su-34"] == "equipment"
    assert kinds["Hamadan air base"] == "place"
    shoigu = next(e for e in analysis["entities"] if e["name"] == "Sergei Shoigu")
    assert len(shoigu["aliases"]) >= 2 and shoigu["mentions"] >= 3


def test_timeline_resolves_tuesday_and_monday(analysis: dict[str, Any]) -> None:
    by_date: dict[str, list[str]] = {}
    for event in analysis["timeline"]:
        by_date.setdefault(event["date"], []).append(event["text"])
    assert any("Tu-22M3" in t for t in by_date["2016-08-16"])
    assert any("defense minister said Monday" in t for t in by_date["2016-08-15"])


def test_differing_accounts_of_targets(analysis: dict[str, Any]) -> None:
    conflicts = [c for c in analysis["comparisons"] if c["kind"] == "conflict"]
    targets = [
        c
        for c in conflicts
        if "target" in c["summary"] and re.search(r"rebels|opposition", c["summary"])
    ]
    assert targets, conflicts
    assert any({x["number"] for x in c["citations"]} == {1, 2} for c in targets)


def test_markdown_sections_cite_numbered_sources() -> None:
    result = CliRunner().invoke(app, ["brief", str(SEEDS)])
    out = result.stdout
    for heading in (
        "## Who and what",
        "## Quotes",
        "## Claims",
        "## Timeline",
        "## Where sources differ",
        "## Sources",
    ):
        assert heading in out
    assert out.index("## Quotes") < out.index("## Sources")
    quotes = out.split("## Quotes")[1].split("##")[0]
    assert all(re.search(r"\[\d\]$", ln) for ln in quotes.strip().splitlines())
    no_analysis = CliRunner().invoke(app, ["brief", str(SEEDS), "--no-analysis"]).stdout
    assert "## Quotes" not in no_analysis and "## Sources" in no_analysis


def test_python_api_analyzes_a_stored_story(tmp_path: Path) -> None:
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([SEEDS])
        [story] = nf.stories()
        dossier = nf.analyze(story.id)
        assert dossier.story_id == story.id
        assert {q.speaker for q in dossier.quotes} >= {"Ali Shamkhani", "Franz Klintsevich"}
        body = {a.id: a.body for a in nf.articles()}
        for claim in dossier.claims:  # grounded: the claim is text of its article
            assert claim.claim in body[claim.citation.article_id]


def test_a_number_several_outlets_give_is_one_line_citing_them_all() -> None:
    """Wikinews' reports of the 15 British sailors held by Iran (bundled examples): the
    same count in five reports was five lines a reader took for five facts; it is one
    line with every source's mark."""
    folder = ROOT / "examples/articles/en.wikinews.org"
    files = [str(p) for p in sorted(folder.glob("M000-*.txt"))]
    out = CliRunner().invoke(app, ["brief", *files]).stdout
    lines = out.split("## Numbers")[1].split("##")[0].strip().splitlines()
    texts = [re.sub(r"(\[\d+\])+$", "", ln).strip() for ln in lines]
    assert len(texts) == len(set(texts))
    assert any(len(re.findall(r"\[\d+\]", ln)) >= 2 for ln in lines)

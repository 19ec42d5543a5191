"""Issue 20, ninth round: names a reader cannot place.

An acronym the brief shows first gets the expansion a source of the story gives it, in
brackets ("WFP [World Food Program]"); letters every reader knows do not. A surname the
brief completes in brackets takes the role its source gave with the full name
("[defense attorney <First> <Surname>]"). Wikinews (examples/, CC BY 2.5) may be quoted.
"""

from __future__ import annotations

import re
from pathlib import Path

from conftest import read_articles
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize.acronyms import acronym_insertions, expansions
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.firstnames import first_name_insertion
from newsfuse.summarize.roles import role_after, role_before


def _haiti(examples_dir: Path) -> StoryMatrix:
    """The bundled Wikinews cluster on the 2010 Haiti earthquake."""
    paths = sorted((examples_dir / "articles/en.wikinews.org").glob("M006-*.txt"))
    return story_matrix(read_articles(*paths))


def _row(matrix: StoryMatrix, start: str) -> int:
    return next(r for r, s in enumerate(matrix.sentences) if s.text.startswith(start))


def test_an_acronym_shown_first_gets_a_sources_expansion(examples_dir: Path) -> None:
    """ "The WFP gave 25kg ..." opens a brief: one report of the cluster spelled the
    agency out, another gives only its letters; main showed the letters alone."""
    matrix = _haiti(examples_dir)
    row = _row(matrix, "The WFP gave")
    text = matrix.sentences[row].text
    new, edits = acronym_insertions(matrix, [row], 0, text, [])
    assert [(new[s:e], r) for s, e, r in edits] == [(" [World Food Program]", "")] or [
        (new[s:e], r) for s, e, r in edits
    ] == [(" [World Food Programme]", "")]
    assert new.startswith("The WFP [World Food Program")
    ((start, end, _),) = edits
    assert new[:start] + new[end:] == text  # every other word still the source's


def test_an_acronym_the_brief_has_shown_is_not_spelled_out_again(examples_dir: Path) -> None:
    """The second brief sentence with "WFP" reads after the first: no second bracket;
    and a wire service's letters (AFP) are left as they are."""
    matrix = _haiti(examples_dir)
    first, second = _row(matrix, "The Director of the WFP"), _row(matrix, "The WFP gave")
    text = matrix.sentences[second].text
    assert acronym_insertions(matrix, [first, second], 1, text, []) == (text, [])
    wire = _row(matrix, '"It is Haitian law')
    said = matrix.sentences[wire].text
    assert acronym_insertions(matrix, [wire], 0, said, []) == (said, [])


def test_an_expansion_is_the_run_of_capitals_that_spells_the_letters() -> None:
    """A short capitals word gives all its letters ("US Geological Survey"); a sentence's
    opening capital before the name is no part of it."""
    found = expansions(
        ["Early Federal Aviation Administration data", "the US Geological Survey"], "FAA"
    )
    assert list(found) == ["Federal Aviation Administration"]
    assert list(expansions(["according to the US Geological Survey (USGS)."], "USGS")) == [
        "US Geological Survey"
    ]


def test_a_role_is_read_before_the_name_or_in_apposition_after_it(examples_dir: Path) -> None:
    """ "According to USGS analyst Dale Grant, ..." (Wikinews): "USGS analyst" is his role;
    an age or a relative clause after a name is none."""
    matrix = _haiti(examples_dir)
    text = matrix.sentences[_row(matrix, "According to USGS analyst")].text
    assert role_before(text, text.index("Dale Grant")) == "USGS analyst"
    assert role_after("Jane Doe, a spokeswoman for the agency, said", 8) == (
        "a spokeswoman for the agency"
    )
    assert role_after("Jane Doe, 34, of Tampa, died", 8) is None
    assert role_after("Jane Doe, who lives nearby, said", 8) is None


def _all_insertions(shared_dir: Path, story: str) -> tuple[str, list[tuple[str, str]]]:
    """The incident's sources joined, and every (sentence, inserted words) that
    `first_name_insertion` makes when a sentence of it opens a brief."""
    found = [
        s for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz") if s.id == story
    ]
    matrix = story_matrix(list(found[0].articles))
    made = []
    for row, sentence in enumerate(matrix.sentences):
        named = first_name_insertion(matrix, [row], 0, sentence.text)
        if named is not None:
            made.append((named[0], named[0][named[1] + 1 : named[2] - 1]))
    return " ".join(s.text for s in matrix.sentences), made


def test_a_bracketed_name_takes_the_title_its_source_gave(shared_dir: Path) -> None:
    """gva_dev 700526, 662832: "<Surname> said" after "<City> Police Cmdr. <First>
    <Surname>" and "<City> Mayor <First> <Surname>": main's "[<First> <Surname>] said"
    told the reader nothing of who spoke. The role is the source's own span."""
    for story in ("gva-700526", "gva-662832"):
        sources, made = _all_insertions(shared_dir, story)
        assert any(len(inside.split()) >= 4 for _, inside in made), story
        assert all(inside[1:] in sources for _, inside in made), story


def test_an_apposition_role_closes_before_the_sentences_stop(shared_dir: Path) -> None:
    """gva_dev 725323: a mother quoted, "said <Surname>." — her full name and ", the
    victim's mother" as the source wrote them, no comma left before the full stop."""
    sources, made = _all_insertions(shared_dir, "gva-725323")
    with_role = [(text, inside) for text, inside in made if ", the " in inside]
    assert with_role
    for text, inside in with_role:
        assert inside[1:].rstrip(",") in sources
        assert ",]." not in text and ",]," not in text


def test_a_sentence_that_places_the_name_gets_no_role(shared_dir: Path) -> None:
    """gva_dev 633436: "The elder <Surname> said ..." already says who he is."""
    _, made = _all_insertions(shared_dir, "gva-633436")
    elder = [inside for text, inside in made if text.startswith("The elder [")]
    assert elder and all(len(inside.split()) == 2 for inside in elder)


def test_a_names_tail_after_an_apostrophe_is_no_first_name(shared_dir: Path) -> None:
    """gva_dev 559313: "Cpl. L’<Name> <Surname>": main inserted "[<Name> <Surname>]"."""
    sources, made = _all_insertions(shared_dir, "gva-559313")
    for _, inside in made:
        assert not re.search(rf"[A-Za-z]['’]{re.escape(inside)}\b", sources)

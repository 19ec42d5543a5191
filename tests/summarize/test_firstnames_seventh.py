"""Issue 20, seventh round: people named but never introduced.

A first name alone ("<First> collapsed ...") gets the surname its article (or, in a
person's context, the story's other articles) gave it; a surname given with a suffix
("<First> <Surname> Jr.") still gets its first name; of two people of one surname, a
"<Surname> said" is the one the sources quote. A city or a demonym opening a phrase is
no first name. gva_dev incidents are read from ../shared at test time (never bundled).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.firstnames import first_name_insertion


def _insertion(
    shared_dir: Path, story: str, opens: Callable[[list[str]], bool]
) -> tuple[StoryMatrix, str, tuple[str, int, int, str] | None]:
    """The incident's matrix, the first sentence whose words `opens` accepts, and the
    insertion `first_name_insertion` makes in it as a brief's first sentence."""
    found = [
        s for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz") if s.id == story
    ]
    matrix = story_matrix(list(found[0].articles))
    texts = [s.text for s in matrix.sentences]
    row = next(r for r, text in enumerate(texts) if opens(text.split()))
    return matrix, texts[row], first_name_insertion(matrix, [row], 0, texts[row])


def test_a_first_name_alone_gets_its_surname(shared_dir: Path) -> None:
    """gva_dev 780071: a teenager named in full once, then "<First> collapsed from a
    gunshot wound": main showed a first name nobody introduced."""
    _, text, named = _insertion(shared_dir, "gva-780071", lambda w: w[1:2] == ["collapsed"])
    assert named is not None
    new, at, end, replaced = named
    assert replaced == text.split()[0] and new[at:end].startswith(f"[{replaced} ")
    assert new[at:end].count(" ") == 1 and new[end:] == text[len(replaced) :]


def test_a_surname_given_with_a_suffix_gets_its_first_name(shared_dir: Path) -> None:
    """gva_dev 778389: "<First> <Surname> Jr." once, then "<Surname> was arrested"."""
    _, _, named = _insertion(shared_dir, "gva-778389", lambda w: w[1:3] == ["was", "arrested"])
    assert named is not None
    new, at, end, replaced = named
    assert new[at:end].endswith(f" {replaced}]") and "Jr" not in new[at:end]


def test_of_two_people_of_one_surname_the_quoted_one_speaks(shared_dir: Path) -> None:
    """gva_dev 616948: a grandmother and her granddaughter share a surname; "<Surname>
    said that according to her granddaughter ..." is the grandmother, whom the sources
    quote by full name ("<First> <Surname> told ...")."""
    matrix, _, named = _insertion(
        shared_dir, "gva-616948", lambda w: w[1:4] == ["said", "that", "according"]
    )
    assert named is not None
    full = named[0][named[1] + 1 : named[2] - 1]
    sources = " ".join(s.text for s in matrix.sentences)
    assert re.search(rf"{full} (?:told|said)\b|\bsaid {full}\b", sources)


def test_a_city_before_police_is_no_first_name(shared_dir: Path) -> None:
    """gva_dev 222841: "<City> police identified ..." — the city also opens a school
    district's name elsewhere in the story, which is no surname."""
    _, _, named = _insertion(shared_dir, "gva-222841", lambda w: w[1:3] == ["police", "identified"])
    assert named is None

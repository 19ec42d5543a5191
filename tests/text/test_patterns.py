"""AnyOf answers as its whole pattern does: the furniture check's speed-up changes no verdict."""

from __future__ import annotations

import re
from pathlib import Path

from newsfuse.summarize.select import _BOILERPLATE, _FURNITURE
from newsfuse.text.patterns import AnyOf, alternatives, required_word

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"
# Invented furniture, one line per kind of alternative (a word, a mark, an anchor, a
# case-sensitive part, a lookbehind) and the letters IGNORECASE folds to ASCII ones
# (ſ for "s", the Kelvin sign for "k", dotted and dotless i): the pattern's answer.
LINES = [
    "Click HERE to read the full story.",
    "Please ſign up today",
    "Photo: a \u212aelvin-sign clic\u212a here",
    "HANDOUT V\u0130A the ministry",
    "Sıgn up for alerts",
    "CLOSE Video of the scene",
    "Close to 40 people were hurt.",
    "1:48 Fresno zoo's new elephant",
    "foo_bar|baz",
    "The crowd gathers outside the court, Monday, June 3, 2019.",
    "The court heard the case on Monday, June 3, 2019.",
    "Jane Doe is a staff reporter for the paper.",
    "[Related: The storm's path]",
    "© 2019 The Paper",
    "He went home. (AP)",
]


def _lines() -> list[str]:
    paths = sorted(EXAMPLES.rglob("*.txt"))
    assert paths
    return [line for p in paths for line in p.read_text(encoding="utf-8").splitlines()] + LINES


def test_any_of_answers_as_the_whole_pattern() -> None:
    lines = _lines()
    for pattern in (_FURNITURE, _BOILERPLATE):
        split = AnyOf.of(pattern)
        assert len(split.gated) > 0.8 * len(alternatives(pattern.pattern))  # most: by word
        verdicts = [split.found(line) for line in lines]
        assert verdicts == [pattern.search(line) is not None for line in lines]
    hits = [AnyOf.of(_FURNITURE).found(line) or _BOILERPLATE.search(line) for line in LINES]
    assert sum(map(bool, hits)) >= 12  # the invented lines do exercise the patterns


def test_alternatives_split_at_the_top_level_only() -> None:
    assert alternatives(r"a(b|c)|[|]|\|d|[]|]e") == ["a(b|c)", "[|]", r"\|d", "[]|]e"]
    assert alternatives("plain") == ["plain"]


def test_required_word_is_a_literal_every_match_holds() -> None:
    assert required_word(r"\bsign (?:up|in)\b", re.I) == "sign "
    assert required_word(r"(?-i:^CLOSE\s)", re.I) == "close"
    assert required_word(r"\w+_\w+\|") == "_"  # a mark alone tells
    assert required_word(r"^\d{1,2}:\d\d\s") == ":"
    assert required_word(r"(?:images?|photos?)") == ""  # no word every match holds
    assert required_word(r"ab?") == ""  # too short to tell


def test_a_pattern_whose_parts_do_not_compile_alone_is_searched_whole() -> None:
    pattern = re.compile(r"(a)x|\1b")
    split = AnyOf.of(pattern)
    assert split.gated == () and split.ungated is pattern
    assert split.found("ax") and not split.found("b")

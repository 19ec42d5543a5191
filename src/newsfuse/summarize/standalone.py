"""Sentences that stand alone: whole quotations, speakers, no dangling pronouns.

A source sentence read outside its article can lean on the sentences before
it: it may be the last sentence of a quotation that began two sentences
earlier (`... can soon be expected," Klintsevich told journalists`), a
quotation whose speaker the previous sentence named, or open on "He" or "The
decision". The brief takes such a sentence as a *unit* with what it needs
(the rest of the quotation, the sentence naming the speaker or the referent,
at most MAX_UNIT sentences of the same article, in article order), or not at
all (`BriefOptions.standalone`). The rules here are also what the read
instrument (newsfuse.evaluation.read_detectors) applies to a finished brief;
its agreement with hand labels is in docs/benchmarks.md.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from newsfuse.summarize.descriptions import (
    bridged,
    description_heads,
    introduced_elsewhere,
    named_things,
    needs_before,
    stems,
    unmet_group,
)
from newsfuse.summarize.discourse import answers_before
from newsfuse.summarize.features import StoryMatrix
from newsfuse.summarize.pronouns import (
    PRONOUN,
    bracketed,
    first_person,
    leans_back,
    names_someone,
    opening,
    person_named,
    referring_opening,
)
from newsfuse.summarize.quotes import (
    ATTRIBUTION,
    PRONOUN_SPEAKER,
    QUOTE_WORDS,
    closes_first,
    has_speaker,
    mostly_quoted,
    open_quote_start,
    quote_marks,
    quoted_out,
    quoted_spans,
    unbalanced,
)

__all__ = [
    "ATTRIBUTION",
    "MAX_UNIT",
    "PRONOUN",
    "PRONOUN_SPEAKER",
    "QUOTE_WORDS",
    "bracketed",
    "closes_first",
    "continues_split",
    "description_heads",
    "has_speaker",
    "leans_back",
    "mostly_quoted",
    "named_things",
    "names_someone",
    "needs_before",
    "opening",
    "person_named",
    "quote_marks",
    "quoted_spans",
    "referring_opening",
    "stems",
    "unbalanced",
    "unit_rows",
    "with_referents",
]

MAX_UNIT = 3  # sentences in one unit: a quotation longer than this is left out
SPLIT_WORDS = 7  # a "sentence" this short after an initialism is the end of the one before
_INITIALISM = re.compile(r"(?:\b[A-Z]\.){2,}$")


def continues_split(matrix: StoryMatrix, row: int) -> bool:
    """The sentence splitter cut after an initialism inside a sentence ("... spoke at
    the U.N." + "Security Council on Friday.", invented): the short second piece, capitalised,
    is no sentence and gives a pronoun after it no antecedent (issue 20, fourth round:
    a brief read such a tail, then "He said ..."). Taken with the piece
    before it, or not at all."""
    if row == 0 or matrix.article_of[row] != matrix.article_of[row - 1]:
        return False
    text = matrix.sentences[row].text
    before = matrix.sentences[row - 1].text.rstrip()
    return (
        bool(_INITIALISM.search(before)) and len(text.split()) <= SPLIT_WORDS and text[:1].isupper()
    )


def _split_span(matrix: StoryMatrix, row: int, same: Callable[[int], bool]) -> tuple[int, int]:
    """The first and last rows of the sentence `row` is part of: a splitter's cut
    after an initialism joined back, and a quotation opened before it taken from its
    opening on (`same`: is a row of the same article?)."""
    first, last = row, row
    while continues_split(matrix, first) and same(first - 1):
        first -= 1  # the tail ("Security Council on Friday.") ends the sentence before
    while same(last + 1) and continues_split(matrix, last + 1):
        last += 1  # and "... attended the U.N." goes on in it
    opener = open_quote_start(matrix, row)
    return (opener if opener is not None else first), last


def unit_rows(matrix: StoryMatrix, row: int, mode: str) -> list[int] | None:
    """The rows to take so that `row` reads on its own, in article order, or None
    when it cannot (`mode`: "antecedent" takes the sentences before; "bracket"
    inserts the person an opening "He"/"She" means, in square brackets, when the
    sentence before names one, else takes the sentences before; "drop" leaves out
    a sentence that needs them; "off" takes every sentence as it is)."""
    if mode == "off":
        return [row]
    article = int(matrix.article_of[row])

    def same(r: int) -> bool:
        return 0 <= r < matrix.size and int(matrix.article_of[r]) == article

    first, last = _split_span(matrix, row, same)
    text = " ".join(s.text for s in matrix.sentences[first : last + 1])
    while unbalanced(text):  # a piece of a quotation: take the rest of it
        if closes_first(matrix.sentences[first].text) and same(first - 1):
            first -= 1
        elif same(last + 1):
            last += 1
        else:
            return None
        if last - first + 1 > MAX_UNIT:
            return None
        text = " ".join(s.text for s in matrix.sentences[first : last + 1])
    if mostly_quoted(text) and not has_speaker(text):
        if not (same(first - 1) and has_speaker(matrix.sentences[first - 1].text)):
            return None
        first -= 1
    if any(PRONOUN_SPEAKER.search(matrix.sentences[r].text) for r in range(first + 1, last + 1)):
        # a quotation of several sentences closing on ", she said": who she is was
        # said before it opened (gva_dev, Four Hills: the unit read as an unnamed
        # "she"); take that sentence too, or leave the quotation out
        if mode == "drop" or not same(first - 1) or last - first + 1 >= MAX_UNIT:
            return None
        first -= 1
    while leaning(matrix, first, first == row):
        if mode == "bracket" and bracketed(matrix, first) is not None:
            break  # "[Klintsevich] told journalists": the brief inserts the referent
        if mode == "drop" or not same(first - 1) or last - first + 1 >= MAX_UNIT:
            return None
        first -= 1
    while mode == "antecedent" and unnamed_speaker(matrix, first, last):
        if not same(first - 1) or last - first + 1 >= MAX_UNIT:
            return None  # who "he" is was said further back than a unit reaches
        first -= 1
    if unbalanced(" ".join(s.text for s in matrix.sentences[first : last + 1])):
        return None
    return list(range(first, last + 1))


def leaning(matrix: StoryMatrix, row: int, own: bool = True) -> bool:
    """The sentence reads only after the one before it: a pronoun, a splitter's
    tail, or (`own`: the sentence the unit is for) a connective, comparison or
    follow-up (`discourse.answers_before`). A connective in a sentence a unit took as
    an antecedent is left as main left it: reaching back past it too cost an op-ed's
    three-sentence passage on Multi-News val (tuning)."""
    text = matrix.sentences[row].text
    connective = own and answers_before(text)
    return leans_back(text) or continues_split(matrix, row) or connective


def with_referents(
    matrix: StoryMatrix,
    unit: list[int],
    context: set[str],
    row_stems: list[set[str]],
    mode: str,
) -> list[int] | None:
    """The unit widened back to the sentences that introduce what its definite
    descriptions mean (mode "antecedent"/"bracket"), at most MAX_UNIT sentences,
    or None when that does not fit or `mode` is "drop"."""
    if mode == "off":
        return unit
    for _ in range(MAX_UNIT):
        need = needs_before(matrix, row_stems, unit, context)
        if need is None:
            lost = introduced_elsewhere(matrix, unit, context) or unmet_group(matrix, unit, context)
            if lost:
                return None
            if not bridged(matrix, unit, context):
                return unit
            need = unit[0] - 1  # "The search ...": with the sentence its writer leaned on
            if int(matrix.article_of[need]) != int(matrix.article_of[unit[0]]):
                return None
        if mode == "drop" or unit[-1] - need + 1 > MAX_UNIT:
            return None
        before = unit_rows(matrix, need, mode)
        if before is None or before[0] > need:
            return None
        unit = list(range(before[0], max(before[-1], unit[-1]) + 1))
        if len(unit) > MAX_UNIT:
            return None
    return None


# A full name inside a sentence: the text is cased, so a name would show. Multi-News as
# distributed is lower-cased but for some weekdays and titles ("Friday", "Mr."),
# where a speaker named "<first> <last>" in lower case reads as no one.
_CASED = re.compile(r"[a-z,]\s+[A-Z][a-z]+\s+[A-Z][a-z]+")


def unnamed_speaker(matrix: StoryMatrix, first: int, last: int) -> bool:
    """A sentence of rows `first`..`last` names its speaker by pronoun ('"...," he
    explained') and no sentence of the unit before it names anyone: the sentence
    the antecedent rule took before the quotation does not say who he is (the
    integrator's held-out reading read10: "he explained" after a sentence on the
    planet, the astronomer named two sentences later)."""
    start = max(first - MAX_UNIT, int(matrix.starts[int(matrix.article_of[first])]))
    # lower-cased text (Multi-News as distributed) has no names to read; a capital "I"
    # is cased text however few names it has (an essay's "I knew ...", seventh round)
    cased = any(_CASED.search(matrix.sentences[r].text) for r in range(start, last + 1))
    for r in range(first, last + 1):
        text = matrix.sentences[r].text
        speaker = PRONOUN_SPEAKER.search(text) if cased else None
        said = "" if speaker is None else quoted_out(text[: speaker.start()])
        unnamed = speaker is not None and not names_someone(said, True)
        if unnamed or first_person(text):  # an "I"/"we" needs someone saying or writing:
            sayer = not unnamed  # a place's two capitals name no one (read13-l, seen)
            return not any(names_someone(matrix.sentences[q].text, sayer) for q in range(first, r))
    return False

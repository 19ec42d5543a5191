"""Issue 20, eighth round: sentences that answer the sentence before them.

An opening "However", "By comparison", "At the time" or an early "then" replies to
the sentence its writer put before it; a brief takes the two together or neither.
Wikinews articles are bundled (examples/, CC BY 2.5) and quoted; the other sentences
are invented.
"""

from __future__ import annotations

from pathlib import Path

from conftest import row_starting, wikinews_matrix
from newsfuse.summarize.discourse import answers_before
from newsfuse.summarize.lede_hooks import hook_penalty
from newsfuse.summarize.standalone import unit_rows


def test_a_however_is_taken_with_the_sentence_it_answers(examples_dir: Path) -> None:
    """Wikinews M003-05: "However, Astana Team ... had two other riders in the top
    ten" sets itself against the favourite's fall told the sentence before; alone it
    answers whatever the brief showed before it. "drop" leaves it out."""
    article, matrix = wikinews_matrix(examples_dir, "M003-05.txt")
    row = row_starting(article, "However, Astana Team")
    assert unit_rows(matrix, row, "antecedent") == [row - 1, row]
    assert matrix.sentences[row - 1].text.startswith("Vinokourov was a pre-Tour favorite")
    assert unit_rows(matrix, row, "drop") is None
    assert unit_rows(matrix, row, "off") == [row]


def test_comparisons_and_follow_ups_answer_the_sentence_before() -> None:
    """A comparison's first half, "which time", and an event's step before are in
    the sentence before (invented sentences)."""
    assert answers_before("By comparison, the county lost 4 percent.")
    assert answers_before("At the time, the story was broken when the capture was announced.")
    assert answers_before("Two men then approached the car.")
    assert answers_before("Then the lights went out.")
    assert answers_before("Meanwhile, an earthquake hit the area.")


def test_what_answers_nothing_before_it() -> None:
    """ "So far", a "then-" title, "At the time of" with its time, and a quotation's own
    "But" (its speaker's words, attributed) read on their own."""
    assert not answers_before("So far, no arrests have been made.")
    assert not answers_before("Then-Governor Smith signed the bill.")
    assert not answers_before("The then-mayor declined to comment.")
    assert not answers_before("At the time of the shooting, the store was closed.")
    assert not answers_before('"But we will rebuild," the mayor said.')
    assert not answers_before("The council met on a Tuesday to weigh the budget.")


def test_the_lede_reads_the_same_connective_list() -> None:
    """A connective opener is no lede: the lede's penalty reads the list moved here."""
    assert hook_penalty("However, the council approved the donation.") > 0
    assert hook_penalty("The council approved the donation on Friday.") == 0

"""Headlines, ninth round (issue 20): an infinitive right after the verb's object stays
with its verb when there is room ("sentenced <whom> to spend ..."); a pronoun inside the
subject's relative clause no longer refuses the lede, whose headline goes without that
clause; a dated photo caption is no lede; a teaser title loses to one that reports. The
sentences and titles are made up."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from newsfuse.config import BriefOptions
from newsfuse.summarize.compress import graded
from newsfuse.summarize.compress_keep import unpunctuated
from newsfuse.summarize.headline import best_title
from newsfuse.summarize.headline_teaser import teaser
from newsfuse.types import Article


@pytest.fixture(scope="module")
def nlp() -> Any:
    return BriefOptions().models.headline_nlp()


def _article(title: str, body: str) -> Article:
    return Article("a", title, body, "site", None, dt.date(2020, 1, 1), None, "test")


def test_an_infinitive_after_the_object_is_kept(nlp: Any) -> None:
    """Main cut before what the sentence was for ("sentenced a former sailor")."""
    made, weak = graded(
        "A district judge sentenced a former sailor to spend two nights in a cell for a "
        "parole breach, and the sailor later thanked the court in a letter.",
        14,
        nlp,
    )
    assert made is not None
    assert made.startswith("A district judge sentenced a former sailor to spend two nights")
    assert not weak


def test_an_infinitive_after_the_object_goes_whole_for_room(nlp: Any) -> None:
    """With no room, the infinitive is trimmed whole, never cut inside."""
    made, _ = graded(
        "Police used a ladder to reach the roof of the burning building on Main Street "
        "early Sunday.",
        14,
        nlp,
    )
    assert made == "Police used a ladder"


def test_a_pronoun_in_the_subjects_clause_does_not_refuse_the_lede(nlp: Any) -> None:
    """Main refused the lede for "her" and "it" in the relative clause, and fell back
    to the lede clipped with an ellipsis."""
    sentence = (
        "A retired teacher whose dog was taken from her two weeks ago after it began "
        "barking at night has regained custody of the animal."
    )
    assert graded(sentence, 14, nlp) == (
        "A retired teacher has regained custody of the animal",
        False,
    )
    short = "A retired teacher whose dog was taken from her has regained custody of the animal."
    assert graded(short, 14, nlp)[0] == "A retired teacher has regained custody of the animal"


def test_a_pronoun_subject_is_still_refused(nlp: Any) -> None:
    """A subject the context alone resolves is no headline."""
    assert (
        graded("They have regained custody of the animal after a long fight.", 14, nlp)[0] is None
    )
    assert graded("Their lawyer filed a motion to dismiss the case on Monday.", 14, nlp)[0] is None


def test_a_dated_photo_caption_is_no_lede(nlp: Any) -> None:
    """A caption in the present tense with its full date headed a brief on main."""
    caption = (
        "The governor speaks to reporters at a briefing, Monday, March 6, 2017, at the state "
        "capitol in the north wing."
    )
    assert graded(caption, 14, nlp) == (None, False)
    report = "Police said the gunman shot two men on Thursday, Feb. 16, 2017, in the parking lot."
    assert graded(report, 14, nlp)[0] is not None


@pytest.mark.parametrize(
    "title",
    [
        "What we know in quadruple shooting at a downtown bar",
        "Accidental death or domestic violence? Family unsure",
        "Live updates: gunman opens fire at a shopping mall",
        "5 things to know about the shooting at the county fair",
    ],
)
def test_a_teaser_title_does_not_head_its_story(title: str) -> None:
    assert teaser(title)


def test_a_reporting_title_is_no_teaser() -> None:
    assert not teaser("What began as a drug deal ended in a fatal shooting, detective testifies")
    assert not teaser("Man charged in shooting at a downtown bar")


def test_a_teaser_loses_to_a_title_that_reports(nlp: Any) -> None:
    """The teaser's article is the closest to the story's centroid; the report heads it."""
    body = "Two men were shot outside a downtown bar on Friday night. One of them died."
    teasing = _article("What we know about the shooting outside a downtown bar", body * 3)
    report = _article("One dead, one hurt in shooting outside downtown bar", body)
    assert best_title([teasing, report], nlp) == report.title


def test_a_fit_cut_before_a_word_it_needed_trims_further(nlp: Any) -> None:
    """Main gave up on "... after more reports" (cut before "describing") and clipped the
    lede with an ellipsis; the phrase now goes whole."""
    made, _ = graded(
        "The senator lashed out at the press on Sunday after more reports describing "
        "turmoil inside her campaign.",
        14,
        nlp,
    )
    assert made is not None and made.startswith("The senator lashed out at the press")
    assert not made.endswith(("reports", "…"))


def test_an_abbreviation_keeps_its_full_stop_at_a_headline_end() -> None:
    """A trimmed clause ending on "U.S." keeps the abbreviation whole (read15: a
    headline ended "... led the U.S", the stop taken for the sentence's)."""
    assert unpunctuated("The president led the U.S.") == "The president led the U.S."
    assert unpunctuated("The firm sold its stake to Acme Inc.,") == (
        "The firm sold its stake to Acme Inc."
    )
    assert unpunctuated("Police closed the road.") == "Police closed the road"
    assert unpunctuated("Police closed the road,") == "Police closed the road"

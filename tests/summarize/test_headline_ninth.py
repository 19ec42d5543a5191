"""Headlines, ninth round (issue 20): an infinitive right after the verb's object stays
with its verb when there is room ("sentenced <whom> to spend ..."); a pronoun inside the
subject's relative clause no longer refuses the lede, whose headline goes without that
clause. The sentences are made up."""

from __future__ import annotations

from typing import Any

import pytest

from newsfuse.config import BriefOptions
from newsfuse.summarize.compress import graded


@pytest.fixture(scope="module")
def nlp() -> Any:
    return BriefOptions().models.headline_nlp()


def test_an_infinitive_after_the_object_is_kept(nlp: Any) -> None:
    """Main cut before what the sentence was for ("sentenced a veteran")."""
    made, weak = graded(
        "A county judge sentenced a veteran to spend one night in jail for a probation "
        "violation, but the soldier was shocked when the judge served the time with him.",
        14,
        nlp,
    )
    assert made == "A county judge sentenced a veteran to spend one night in jail"
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

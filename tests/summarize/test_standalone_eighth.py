"""Issue 20, eighth round: events and groups a brief never told ("the rise", "that offer").

An event told by a noun, a group of people by its role and "the other <noun>" point
back wherever they stand in the sentence; when the article told them in an earlier
sentence the unit takes it or is left out, and a demonstrative the article never
told is left out. The examples are invented; Multi-News is read from ../shared at
test time (its text is never bundled).
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import brief_options, load_stories
from newsfuse.summarize import build_brief
from newsfuse.summarize.descriptions import ALONE, needs_before, stems, unmet_group, unresolved
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.referents import referring, told_before

FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"


def _nouns(text: str) -> list[str]:
    return [noun for _, noun, _, _ in referring(text)]


def test_event_nouns_groups_and_the_other_point_back_anywhere() -> None:
    """Objects too: "blocked that joint bid", "met the drivers", "hit the other car",
    "inside the van"."""
    assert _nouns("Regulators blocked that joint bid on Monday.") == ["bid"]
    assert _nouns("Police later met the drivers at the station.") == ["drivers"]
    assert _nouns("Her truck then hit the other car.") == ["car"]
    assert _nouns("The mayor said the rise was welcome.") == ["rise"]
    assert _nouns("Two men were later seen inside the van.") == ["van"]


def test_what_reads_in_place_is_no_pointer() -> None:
    """Its own words say which ("the offer of $5", "the decision to"), a speaker's
    words inside quotation marks, an idiom ("on the other hand"), "that" as a
    conjunction or a relative pronoun before its verb."""
    assert not _nouns("On the other hand, the offer of $5 was low.")
    assert not _nouns("The board defended the decision to close the plant.")
    assert not _nouns('"The deal is dead," the senator said.')
    assert not _nouns("The chief said that officers were hurt.")
    assert not _nouns("Players that move their arms score higher.")


def test_a_told_event_is_met_in_its_verbs_words() -> None:
    """ "the rise" after "prices rose", "the verdict" after "found guilty", "the
    daycare workers" after "a daycare" (its workers come with it), a room after a
    home and "the club" after "a bar" are met; "the other four" is a count."""
    assert not told_before("He blamed the rise on rain.", "", stems("Prices rose in May."), ALONE)
    verdict = stems("A jury found him guilty on Friday.")
    assert not told_before("His mother wept after the verdict.", "", verdict, ALONE)
    daycare = stems("Two women worked at a daycare.")
    assert not told_before("Police questioned the daycare workers.", "", daycare, ALONE)
    assert told_before("He blamed the rise on rain.", "", stems("Prices fell."), ALONE)
    home = stems("A boy found a gun in his home.")
    assert not told_before("A bullet hit the bedroom wall.", "", home, ALONE)
    bar = stems("Shots were fired inside a bar.")
    assert not told_before("A woman inside the club called 911.", "", bar, ALONE)
    assert not referring("The other four victims were released.")


def test_the_unit_takes_the_sentence_that_told_the_event_or_is_left_out() -> None:
    """ "the rise" deep in its sentence (no subject) reaches back to the sentence
    that says prices rose; a
    demonstrative whose event the article never told is left out."""
    body = (
        "Bread prices rose by a fifth in March. Bakers were surprised."
        " Grocers in the north of the country blamed rain for the rise."
    )
    matrix = story_matrix([make_article(body=body, source="t")])
    row_stems = [stems(s.text) for s in matrix.sentences]
    assert unresolved(matrix, [2], set())
    assert needs_before(matrix, row_stems, [2], set()) == 0
    assert not unresolved(matrix, [2], stems("Bread prices rose by a fifth."))
    body = "Bakers met on Monday. Grocers said they would fight that joint bid in court."
    matrix = story_matrix([make_article(body=body, source="t")])
    assert unmet_group(matrix, [1], set())


def test_a_brief_meets_no_demonstrative_event_it_never_told(shared_dir: Path) -> None:
    """Multi-News test 1420 (an exchange's takeover): main's brief said a department
    threatened to block "that" joint offer, no offer told before; every event noun
    after a demonstrative the brief now shows has its event told above it."""
    story = next(s for s in load_stories(shared_dir / FULLTEXT) if s.id.endswith("test-1420"))
    brief = build_brief(story.id, story.articles, brief_options("newsfuse", 120, BriefOptions()))
    told = stems(brief.headline)
    for sentence in brief.sentences:
        assert not told_before(sentence.text, "", told, ALONE), sentence.text[:40]
        told |= stems(sentence.text)

"""The eighth round's page lines (issue 20): a caption that closes on its credit in
brackets, a wire caption the page cut ("... (Associated Press)"), a caption placing a
named person "(left)", share buttons, a contact line by pronoun and a line opening on a
hashtag; and the dossier's timeline leaves out what the brief does."""

from __future__ import annotations

from pathlib import Path

from conftest import FULLTEXT, page_lines_dropped, story_bodies
from newsfuse.analyze.story_events import not_reporting
from newsfuse.articles import make_article
from newsfuse.extract.pagelines import form_lines
from newsfuse.text.sentences import split_sentences


def _dropped(text: str) -> list[str]:
    sentences = split_sentences("a", text)
    return [sentences[k].text for k in sorted(form_lines(sentences))]


def test_a_caption_closing_on_its_credit_goes() -> None:
    """A caption with its photographer's credit on the same line, with or without the
    wire's tag after it; a report's sentence closing on a wire tag alone stays."""
    caption = "A rescuer walks among coffins at the main hospital (Jane Roe/AP)"
    tagged = "The candidate waves as he leaves an event. (AP Photo/John Doe) (Associated Press)"
    report = "Both sides agreed to the pause, the statement said (Reuters)"
    assert _dropped(f"{caption}\n{report}") == [caption]
    assert _dropped(tagged) == ["(AP Photo/John Doe) (Associated Press)"]


def test_a_cut_wire_caption_goes_and_a_named_position_too() -> None:
    """A wire caption cut by the page closes on "..." and the agency; a caption placing
    "<Name> (left)" says nothing a report says, unless someone is reported saying it."""
    cut = "Police in the capital arrested... (Associated Press)"
    placed = "Jane Roe (left) and Ann Doe were shot at the party overnight."
    said = "Jane Roe (left) said the party was quiet until midnight."
    assert _dropped(f"{cut}\n{placed}\n{said}") == [cut, placed]


def test_share_buttons_a_reporter_reached_by_pronoun_and_hashtag_lines_go() -> None:
    """A page's share buttons, "Reach him at <address> or <phone>." closing a report, and
    a post's text or tags opening on a hashtag are no report's sentences; a report's
    "reached him at home" and a hashtag inside a sentence stay."""
    lines = [
        "Click to share on Mastodon (Opens in new window)",
        "Reach him at jdoe@example.com or 555-320-7826.",
        "#breaking A body is found inside a supermarket's column #lasd",
        "#Police #Shooting #Crime",
    ]
    kept = [
        "Reporters reached him at home on Monday, and he declined to comment.",
        "The hashtag #NeverAgain spread after the shooting, organisers said.",
    ]
    assert _dropped("\n".join(lines + kept)) == lines


def test_a_story_with_wire_captions_loses_them(shared_dir: Path) -> None:
    """Multi-News test 2714: a gallery of cut wire captions ("... (Associated Press)"),
    every one read; none of the page's report sentences goes with them."""
    dropped = page_lines_dropped(
        story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-2714")
    )
    cut = [t for t in dropped if t.endswith("(Associated Press)")]
    assert len(cut) >= 10
    assert all("..." in t or "…" in t for t in cut)


def test_the_timeline_leaves_out_the_captions_the_brief_does() -> None:
    """A caption dated to its picture's day was a timeline event (story_events read every
    sentence); it is now one of the lines the story's events leave out."""
    body = (
        "Police said two men were arrested on Monday.\n"
        "A rescuer walks among coffins on Sunday (Jane Roe/AP)"
    )
    article = make_article(body=body, source="a")
    assert not_reporting([article]) == {article.sentences[1].id}

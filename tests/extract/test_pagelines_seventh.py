"""The seventh round's forms of text that is not reporting (issue 20): a link's label
opening a line, a list item with no verb, a photo credit alone and a publisher's inline
related-links widget. gva_dev and Multi-News text is read from ../shared at run time and
paraphrased here."""

from __future__ import annotations

from pathlib import Path

from conftest import FULLTEXT, GVA, page_lines_dropped, story_bodies


def test_video_labels_and_a_verbless_list_go(shared_dir: Path) -> None:
    """gva_dev 519541: six "Video: <title>" links and a bulleted list of three guns,
    each a weapon's name with no verb. All go."""
    dropped = page_lines_dropped(story_bodies(shared_dir, GVA, "gva-519541"))
    assert len([t for t in dropped if t.startswith("Video:")]) == 6
    assert len([t for t in dropped if t.startswith("• A ")]) == 3


def test_bulleted_facts_with_a_verb_stay(shared_dir: Path) -> None:
    """Multi-News test 4392: a report's bulleted facts (figures on a health trend), each
    a sentence with its verb, stay."""
    articles = story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-4392")
    bullets = [s.text for a in articles for s in a.sentences if s.text.startswith("•")]
    assert len(bullets) >= 5
    assert not [t for t in page_lines_dropped(articles) if t.startswith("•")]


def test_a_credit_alone_goes_and_a_slashed_dateline_stays(shared_dir: Path) -> None:
    """gva_dev 592629: nine lines "<Name>/<Station>" under pictures go. Multi-News test
    2088 opens on a dateline of two cities joined by "/" and its report; it stays (the
    one "/" line that goes is a caption closing on its credit, "(<Name>/AP)")."""
    credits = [
        t for t in page_lines_dropped(story_bodies(shared_dir, GVA, "gva-592629")) if "/" in t
    ]
    assert len(credits) == 9
    assert all(len(t.split()) <= 3 for t in credits)
    dateline = page_lines_dropped(
        story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-2088")
    )
    assert [t[-4:] for t in dateline if "/" in t] == ["/AP)"]


def test_an_inline_related_links_widget_takes_its_sentence(shared_dir: Path) -> None:
    """Multi-News test 4937: two sentences carry a publisher's widget after a name (the
    name again, run on into a link's title, more titles, "MORE"); no reader can take
    them as written, so they go."""
    widgets = [
        t
        for t in page_lines_dropped(
            story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-4937")
        )
    ]
    assert len([t for t in widgets if " MORE" in t]) == 2


def test_contact_lines_and_date_led_captions_go(shared_dir: Path) -> None:
    """gva_dev 567788 closes on two "Contact <Name> at <address> or <phone>" lines; Multi-
    News test 3690 holds a gallery of quotes, each captioned "<day> <Month>, <year>, ...".
    Both kinds go; the gallery's report sentences that open "In <Month> <year>" do not."""
    contacts = [
        t
        for t in page_lines_dropped(story_bodies(shared_dir, GVA, "gva-567788"))
        if t[:8] == "Contact "
    ]
    assert len(contacts) == 2
    dropped = page_lines_dropped(
        story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-3690")
    )
    assert len([t for t in dropped if t[:1].isdigit() and ", 19" in t[:20]]) >= 4
    assert not [t for t in dropped if t.startswith("In ")]

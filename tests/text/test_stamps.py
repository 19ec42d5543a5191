"""A page's stamp glued before a report's sentence ("UPDATE (<date>):", "PREVIOUS
STORY:", "(Video from <station>)") is cut off it by the splitter; the stamp alone is no
report text (issue 20, ninth round). Invented text, and gva_dev read from ../shared."""

from __future__ import annotations

from pathlib import Path

from conftest import GVA
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.extract.pagelines import form_lines
from newsfuse.extract.pagetext import article_sentences, not_report_text
from newsfuse.text.sentences import split_sentences
from newsfuse.text.stamps import stamp_alone, stamp_end


def _texts(body: str) -> list[str]:
    return [s.text for s in article_sentences(split_sentences("x", body))]


def test_an_update_stamp_is_cut_and_the_report_kept() -> None:
    """Every form of the update's time or date seen on local pages; the report after the
    stamp is the sentence, with its offsets into the body."""
    stamped = [
        "UPDATE (1/3/17): The sheriff says the teen is in fair condition.",
        "UPDATE @ 4:43 p.m. (Oct. 28): Prosecutors approved charges against two men.",
        "Update, 8:15 a.m. Monday: A teenager was charged on Sunday, deputies said.",
        "Updated at 2:10 p.m. ET: The county named the two people who died.",
        "UPDATE: 3:10 p.m.: The father has been charged with reckless endangerment.",
        "UPDATE: 6:04 P.M. – A spokesperson confirmed the deputy was shot.",
        "[UPDATE May 2, 2015] No one has been charged yet, the county says.",
        "(Updated 1:05 p.m.) A 16-year-old girl is hurt after a crash.",
        "PREVIOUS STORY: A double homicide is under investigation.",
        "(Video from Channel 9) The owner of the gun was charged on Friday.",
    ]
    for line in stamped:
        body = f"The police chief spoke on Monday.\n{line}"
        sentences = split_sentences("x", body)
        report = line[stamp_end(line) :]
        assert [s.text for s in sentences] == ["The police chief spoke on Monday.", report]
        assert body[sentences[1].start : sentences[1].end] == report
        assert sentences[1].index == 1  # the stamp is in no sentence: no index moves


def test_what_is_not_a_stamp_is_left_whole() -> None:
    """The sentence's own words after "Update:" ("On Aug. 6, ..." keeps its date), an
    update's word in prose, a time with no closing mark, and a note about the story
    itself (extract.pagetext leaves that out whole by its stamp)."""
    assert _texts("Update: On Aug. 6, the man was convicted.") == [
        "On Aug. 6, the man was convicted."
    ]
    for whole in (
        "Updated figures show a rise in shootings.",
        "Earlier, police said the man was armed.",
        "Update #30 on the boy... we are tired.",
    ):
        assert _texts(whole) == [whole]
    note = "UPDATE: 1:45 p.m.: A reader wrote to us about two points in this story."
    assert _texts(f"The raid came at dawn.\n{note}") == ["The raid came at dawn."]


def test_a_stamp_alone_is_not_report_text() -> None:
    """A stamp on its own line, and a timestamp line, are left out; "See more videos"
    under a player is a prompt."""
    for alone in (
        "UPDATE (5:30 p.m.):",
        "UPDATE @ 10:45 p.m.",
        "***UPDATED at 9:05 A.M. (EST) on Monday, May 4th***",
        "PREVIOUS STORY:",
        "Updated: Friday, March 3, 2017 @ 9:10 AM",
    ):
        assert stamp_alone(alone) or not_report_text(split_sentences("x", alone)), alone
        assert _texts(f"{alone}\nThe man was arrested on Friday.") == [
            "The man was arrested on Friday."
        ]
    sentences = split_sentences("x", "(Video from Channel 9) See more videos")
    assert [s.text for s in sentences] == ["See more videos"]
    assert form_lines(sentences) == {0}


def test_a_reporters_phone_line_is_a_contact_line() -> None:
    """ "Call <Paper> reporter <Name> at <phone>." closes a report as "Contact ..." does."""
    body = "The officer was shot in the foot.\nCall Star reporter Jane Roe at (317) 555-0100."
    assert form_lines(split_sentences("x", body)) == {1}


def test_gva_dev_stamps_leave_their_reports_verbatim(shared_dir: Path) -> None:
    """Over gva_dev every cut leaves a sentence that opens where the stamp ended, and
    the text is still the body's own span."""
    cuts = 0
    for story in load_stories(shared_dir / GVA):
        for article in story.articles:
            for s in split_sentences(article.id, article.body):
                assert article.body[s.start : s.end] == s.text
                line_start = article.body.rfind("\n", 0, s.start) + 1
                head = article.body[line_start : s.start]
                if head.strip() and stamp_end(head + s.text) == len(head):
                    cuts += 1
    assert cuts >= 30  # the tuning stories outside every sample alone hold 86

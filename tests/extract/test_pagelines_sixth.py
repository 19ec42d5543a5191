"""The sixth round's forms of text that is not reporting (issue 20): two lines glued with
no stop, a credit with no bracket ahead of its line, and a caption with no verb. Wikinews
text (CC BY 2.5, examples/) is quoted; gva_dev and Multi-News text is read from ../shared
at run time and paraphrased here."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import FULLTEXT, GVA, page_lines_dropped, story_bodies
from newsfuse.config import BriefOptions, ExtractOptions
from newsfuse.extract.sources import extract_file
from newsfuse.summarize import build_brief

ROOT = Path(__file__).resolve().parents[2]


def test_a_verbless_caption_no_longer_leads_the_memorial_brief() -> None:
    """Wikinews M001-09 (the London memorial): main's brief opened on the picture's
    caption, a line of its own with no verb. It goes; the report's first sentence leads."""
    path = ROOT / "examples/articles/en.wikinews.org/M001-09.txt"
    (article,) = extract_file(path, ExtractOptions())
    assert page_lines_dropped([article]) == [
        "Ambulances at Russell Square, London after the July 7, 2005 bombings."
    ]
    brief = build_brief("M001-09", [article], BriefOptions(words=120))
    assert brief.sentences[0].text.startswith("A permanent memorial")


def test_two_lines_glued_with_no_stop_go(shared_dir: Path) -> None:
    """gva_dev 751911 and 501233: a sentence that runs into the next with no stop (a
    lower-case word, then "When"/"They"/"According" opening the next), each half a whole
    line. Both pages lose those lines (each half of which has four words or more)."""
    glue = re.compile(r"[a-z]{3,} (?:When|They|According) ")
    for story in ("gva-751911", "gva-501233"):
        articles = story_bodies(shared_dir, GVA, story)
        dropped = page_lines_dropped(articles)
        glued = [t for t in dropped if glue.search(t)]
        assert glued
        for text in glued:
            match = glue.search(text)
            assert match is not None
            head, tail = text[: match.start()], text[match.end() :]
            assert len(head.split()) >= 3 and len(tail.split()) >= 4


def test_a_bracketless_credit_line_goes_and_a_report_of_a_paper_stays(shared_dir: Path) -> None:
    """gva_dev 330611: three lines open on "<Name> for New York Daily News", the
    photographer's credit glued to the text after it; they go. A Multi-News report whose
    writer covered an award "for the Washington Post" (test 5391), and a page that writes
    "He" capitalised after "and" (gva 548527), keep those sentences."""
    credited = [
        t
        for t in page_lines_dropped(story_bodies(shared_dir, GVA, "gva-330611"))
        if " for New York" in t
    ]
    assert len(credited) == 3
    kept = page_lines_dropped(story_bodies(shared_dir, FULLTEXT, "multinews-longbench-test-5391"))
    assert not [t for t in kept if "for the Washington Post" in t]
    assert not [
        t
        for t in page_lines_dropped(story_bodies(shared_dir, GVA, "gva-548527"))
        if " and He " in t
    ]

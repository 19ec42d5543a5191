"""Ledes a reader cannot start on (issue 20, third round): a pronoun fused with its verb,
the first or second person, a part of a group not yet met, a hook's imperative. Real text
from ../shared (never bundled), paraphrased here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.summarize import build_brief
from newsfuse.summarize.lede import PERSONAL_LEDE
from newsfuse.types import Article

FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"
OPTIONS = BriefOptions(words=120)


def _cluster(shared: Path, suffix: str) -> list[Article]:
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(record["documents"])]


def test_the_richmond_brief_does_not_open_on_one_of_the_suspects(shared_dir: Path) -> None:
    """Multi-News test 1769 (the homecoming-dance gang rape in Richmond): the brief opened
    on the arrest of "one of the suspects", suspects of a crime it had not told; it now
    opens on a sentence that tells the crime."""
    brief = build_brief("1769", _cluster(shared_dir, "test-1769"), OPTIONS)
    lede = brief.sentences[0].text
    assert not lede.startswith("One of the suspects")
    assert "rape" in lede or "15-year-old" in lede


def test_the_columnists_first_person_never_opens_a_brief(shared_dir: Path) -> None:
    """Multi-News test 1940 (the iPhone 7 without a headphone jack): a column opens "I've
    been at or watched every Apple keynote ... since 1998"; every sentence of its first
    three matches, and no brief of the cluster opens on one."""
    articles = _cluster(shared_dir, "test-1940")
    column = next(a for a in articles if a.sentences and a.sentences[0].text.startswith("I've"))
    assert all(PERSONAL_LEDE.match(s.text) for s in column.sentences[:3] if " I" in " " + s.text)
    brief = build_brief("1940", articles, OPTIONS)
    assert not PERSONAL_LEDE.match(brief.sentences[0].text)


def test_personal_ledes_spare_the_news() -> None:
    """Partitives that say who they are, names that open on "I" or "We", and the
    expletive "There's" are ledes still."""
    spared = (
        "One of the Secret Service supervisors ousted in the scandal joked on Facebook.",
        "Iran said on Tuesday that Russian bombers had used its Hamadan base.",
        "Wells Fargo's chief executive resigned on Wednesday.",
        "There's some exciting news in Hollywood: the comedian is expecting her first child.",
        "I-95 was closed in both directions after the crash, police said.",
    )
    assert not any(PERSONAL_LEDE.match(t) for t in spared)
    caught = ("She's sitting this one out.", "One of the suspects, a 21-year-old, was held.")
    assert all(PERSONAL_LEDE.match(t) for t in caught)

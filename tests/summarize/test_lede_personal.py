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


def test_personal_ledes_spare_the_news(shared_dir: Path) -> None:
    """Real first sentences: a partitive that says who they are (the Secret Service
    supervisors ousted in the prostitution scandal), the expletive "There's" (the
    comedian's pregnancy news), and the seed reports' ledes are ledes still; a pronoun
    fused with its verb is not."""
    firsts: list[str] = []
    with gzip.open(shared_dir / FULLTEXT, "rt", encoding="utf-8") as lines:
        for record in map(json.loads, lines):
            for doc in record["documents"]:
                article = make_article(body=doc.get("text") or "", source="t")
                firsts += [s.text for s in article.sentences[:3]]
    spared = [
        t
        for t in firsts
        if t.startswith(("One of the Secret Service supervisors ousted", "There's some exciting"))
    ]
    assert len(spared) >= 2 and not any(PERSONAL_LEDE.match(t) for t in spared)
    fused = [t for t in firsts if t.startswith(("She's sitting", "I've been at"))]
    assert fused and all(PERSONAL_LEDE.match(t) for t in fused)
    seeds = sorted((shared_dir / "seeds").glob("*.txt"))
    ledes = [make_article(body=p.read_text(), source=p.name).sentences[0].text for p in seeds]
    assert ledes and not any(PERSONAL_LEDE.match(t) for t in ledes)

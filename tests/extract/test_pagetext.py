"""What on a page is not the report (issue 20, third round): a fundraising campaign's
page is a page kind that never fills a brief; inside an article, its notes about itself,
embeds and credited photo captions neither fill a brief nor open it. Real text, read
from ../shared (never bundled); what it says is paraphrased here."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from newsfuse.articles import make_article
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.extract.kind import ARTICLE, classify
from newsfuse.extract.pagetext import APPEAL, appeal_page, article_sentences, not_report_text
from newsfuse.summarize import build_brief
from newsfuse.summarize.brief import NOT_REPORTS
from newsfuse.types import Article

OPTIONS = BriefOptions(words=120)
FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"
GVA = "data/clustering/gva_dev.jsonl.gz"


def _cluster(shared: Path, suffix: str) -> list[Article]:
    with gzip.open(shared / FULLTEXT, "rt", encoding="utf-8") as lines:
        record = next(r for r in map(json.loads, lines) if r["id"].endswith(suffix))
    return [make_article(body=d["text"], source=f"{k}") for k, d in enumerate(record["documents"])]


def _brief_rows(articles: list[Article], suffix: str) -> list[tuple[Article, int]]:
    """(article, sentence index) of each brief sentence."""
    brief = build_brief(suffix, articles, OPTIONS)
    by_id = {a.id: a for a in articles}
    rows = []
    for sentence in brief.sentences:
        article = by_id[sentence.source.article_id]
        index = next(s.index for s in article.sentences if s.id == sentence.source.sentence_id)
        rows.append((article, index))
    return rows


def test_a_gofundme_campaign_page_is_an_appeal_and_fills_no_brief(shared_dir: Path) -> None:
    """Multi-News test 4445: one "document" is the campaign's own GoFundMe page (its
    appeal for the rapper's debts, closing on the share bar); its sentences filled two
    of the brief's five. The outlets' reports of the campaign stay articles."""
    articles = _cluster(shared_dir, "test-4445")
    appeals = [a for a in articles if a.kind == APPEAL]
    assert len(appeals) == 1 and APPEAL in NOT_REPORTS
    assert sum(a.kind == ARTICLE for a in articles) >= 3  # the reports about it
    cited = {a.id for a, _ in _brief_rows(articles, "4445")}
    assert cited and appeals[0].id not in cited


def test_only_a_page_that_closes_on_the_share_bar_is_an_appeal(shared_dir: Path) -> None:
    """A report quoting the campaign (it names GoFundMe in every paragraph) is no appeal;
    the campaign page is, by its closing share bar alone."""
    articles = _cluster(shared_dir, "test-4445")
    for article in articles:
        assert appeal_page(article.body) == (article.kind == APPEAL)
    report = next(a for a in articles if "gofundme" in a.body.lower() and a.kind == ARTICLE)
    assert classify(report.body) == ARTICLE


def test_an_editors_note_about_the_story_neither_fills_nor_opens_the_brief(
    shared_dir: Path,
) -> None:
    """Multi-News test 0870 (NPR on the Gibson raid): the page opens on an update note (an
    advocate wrote to NPR about two points in the story) and two paragraphs quoting her
    correction; the brief opened on the note and held three of its sentences. The note
    and its quotation are left out; the report after it is read."""
    articles = _cluster(shared_dir, "test-0870")
    npr = max(articles, key=lambda a: a.word_count)
    dropped = not_report_text(npr.sentences)
    # the photo's "toggle caption" line above the note goes too (extract.pagelines)
    paragraphs = {npr.sentences[k].paragraph for k in dropped}
    paragraphs -= {
        p
        for p in paragraphs
        if p
        < min(
            npr.sentences[k].paragraph
            for k in dropped
            if "toggle caption" not in npr.sentences[k].text
        )
    }
    assert len(paragraphs) == 3  # the note and the two paragraphs quoting its writer
    after = [s for s in article_sentences(npr.sentences) if s.paragraph > min(paragraphs)]
    assert after[0].paragraph == max(paragraphs) + 1 and "raided" in after[0].text
    rows = _brief_rows(articles, "0870")
    assert rows and all(a.sentences[i].paragraph not in paragraphs for a, i in rows if a is npr)


def test_credited_captions_and_video_embeds_are_not_report_text(shared_dir: Path) -> None:
    """gva_dev: the Daily News report of the Brooklyn playground shooting (incident
    579786) runs photo captions each before or after a "(Photographer/New York Daily
    News)" credit; two of them were brief sentences. ABC13's report of the Houston spree
    (813821) opens on its video embed line ("EMBED >More News Videos" and the video's
    caption). Each is left out; the reports' ledes are kept."""
    stories = {
        s.id: s for s in load_stories(shared_dir / GVA) if s.id in {"gva-579786", "gva-813821"}
    }
    daily = next(a for a in stories["gva-579786"].articles if a.outlet == "nydailynews.com")
    kept = article_sentences(daily.sentences)
    assert kept[0] == daily.sentences[0]  # the lede
    assert not any(s.text.startswith("(") for s in kept)
    assert len(daily.sentences) - len(kept) >= 6  # the captions and their credits
    abc = next(a for a in stories["gva-813821"].articles if a.outlet == "abc13.com")
    assert abc.sentences[0].text.startswith("EMBED")
    # Since the fourth round the sheriff's embedded tweet goes with the short paragraph
    # its handle line closes (an update line of another page glued into it included):
    # the report then opens on its own lede, the murder-suicide (extract.pagelines).
    lede = article_sentences(abc.sentences)[0]
    assert lede.index > 1 and "murder-suicide" in lede.text
    brief = build_brief("579786", list(stories["gva-579786"].articles), OPTIONS)
    assert brief.sentences and not any("Maisel" in s.text for s in brief.sentences)


def test_a_report_sentence_after_a_credit_stays_and_a_teaser_goes(shared_dir: Path) -> None:
    """Multi-News test 1797 (the Shermans' deaths): CBC's credit ends its caption and
    the report goes on after it in the same line (the memorial set up over the weekend):
    the caption goes, the report's sentence stays. Another page's related-story teaser (a
    short question over an unended line) is no report either."""
    articles = _cluster(shared_dir, "test-1797")
    for article in articles:
        kept = {s.index for s in article_sentences(article.sentences)}
        for k, s in enumerate(article.sentences):
            if s.text.startswith("(") and "/CBC)" in s.text and len(s.text) > 40:
                nxt = article.sentences[k + 1] if k + 1 < len(article.sentences) else None
                if nxt is None or not nxt.text.startswith("("):
                    assert s.index in kept  # credit, then the report's own sentence
    teasers = [
        (a, s) for a in articles for s in a.sentences if s.text.startswith("What happened to")
    ]
    assert teasers and all(
        s.index not in {t.index for t in article_sentences(a.sentences)} for a, s in teasers
    )
    assert any("/CBC)" in s.text for a in articles for s in a.sentences)  # the page is there

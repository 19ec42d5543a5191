"""build_brief: one story's articles in, one cited extractive brief out."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from newsfuse.config import BriefOptions
from newsfuse.extract.kind import ARCHIVE, ERROR, NOTICE, WIDGET
from newsfuse.extract.pagetext import APPEAL, REFERENCE, article_sentences
from newsfuse.summarize.acronyms import acronym_insertions
from newsfuse.summarize.assemble import assemble, follows
from newsfuse.summarize.cite import support_for
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.firstnames import first_name_insertions
from newsfuse.summarize.headline import clean_title, headline
from newsfuse.summarize.standalone import bracketed, leans_back
from newsfuse.types import Article, Brief, BriefSentence, Citation, Insertion, SourceRef


def reading_order(matrix: StoryMatrix, rows: Sequence[int], rank: dict[str, int]) -> list[int]:
    """The lead (best-scoring, `rows[0]`) first so the main fact comes first; then
    the rest as the story unfolded: article date (undated last), the article's
    rank in the story, position in the article."""
    if not rows:
        return []

    def key(row: int) -> tuple[bool, dt.date, int, int]:
        article = matrix.articles[int(matrix.article_of[row])]
        return (
            article.date is None,
            article.date or dt.date.min,
            rank[article.id],
            matrix.sentences[row].index,
        )

    return [rows[0], *sorted(rows[1:], key=key)]


def number_sources(
    sentences: Sequence[BriefSentence], articles: Sequence[Article]
) -> tuple[SourceRef, ...]:
    """Sources numbered by first citation in the brief, then the uncited articles
    in story order, so every article of the story is listed once."""
    order: list[str] = []
    for sentence in sentences:
        order += [c.article_id for c in sentence.citations if c.article_id not in order]
    order += [a.id for a in articles if a.id not in order]
    by_id = {a.id: a for a in articles}
    return tuple(
        SourceRef(
            number=n,
            article_id=aid,
            outlet=by_id[aid].outlet,
            title=by_id[aid].title,
            date=by_id[aid].date,
            url=by_id[aid].url,
            source=by_id[aid].source,
        )
        for n, aid in enumerate(order, start=1)
    )


def brief_sentence(
    matrix: StoryMatrix, rows: Sequence[int], k: int, options: BriefOptions
) -> BriefSentence:
    """The `k`-th brief sentence: its source sentence, cited, joined to the one
    before when it continues it, with a bracketed referent when `standalone` is
    "bracket" and it opens on a pronoun (newsfuse.summarize.standalone), and a
    surname the brief has not introduced with its first name (and the role a source
    gave it) in brackets (newsfuse.summarize.firstnames, roles), and an acronym the
    brief shows first with a source's expansion (newsfuse.summarize.acronyms)."""
    row = rows[k]
    joined = k > 0 and rows[k - 1] == row - 1 and follows(matrix, row)
    text = matrix.sentences[row].text
    insertions: tuple[Insertion, ...] = ()
    if options.standalone == "bracket" and not joined and leans_back(text):
        edit = bracketed(matrix, row)
        if edit is not None:
            text, start, end, replaced = edit
            insertions = (Insertion(start, end, replaced),)
    if options.standalone != "off":  # "[Jane Doe] said" for "Doe said", past a "[Shoigu]"
        after = insertions[0].end if insertions else 0
        text, named = first_name_insertions(matrix, rows, k, text, after)
        insertions += tuple(Insertion(*edit) for edit in named)
        spans = [(i.start, i.end, i.replaces) for i in insertions]
        text, spans = acronym_insertions(matrix, rows, k, text, spans)
        insertions = tuple(Insertion(*edit) for edit in spans)
    article = matrix.articles[int(matrix.article_of[row])]
    return BriefSentence(
        text=text,
        source=Citation(article.id, matrix.sentences[row].id, 1.0),
        support=support_for(matrix, row, options.support),
        joined=joined,
        insertions=insertions,
    )


# Pages that are not reports (extract.kind): crawl and archive notices, consent and
# error pages, players and widgets, paywall and reprint notices, a fundraising
# campaign's own page, an encyclopedia's page (extract.pagetext). An archive never
# puts them in a story; an evaluation's gold cluster may hold them, and they must
# neither fill its brief nor head it. Short texts (a tweet) stay: they are the outlet's words.
NOT_REPORTS = frozenset({ARCHIVE, ERROR, WIDGET, NOTICE, APPEAL, REFERENCE})


def reports(articles: Sequence[Article]) -> list[Article]:
    """The articles that are reports, in order (see NOT_REPORTS)."""
    return [a for a in articles if a.kind not in NOT_REPORTS]


def reporting(article: Article) -> Article:
    """The article with its reporting's sentences only: its notes about itself, embeds
    and photo captions (extract.pagetext) must neither fill a brief nor open it."""
    kept = article_sentences(article.sentences)
    if len(kept) == len(article.sentences):
        return article
    return dataclasses.replace(article, sentences=kept)


def no_article_brief(story_id: str, pages: Sequence[Article], options: BriefOptions) -> Brief:
    """The brief of a story whose every source is a page that is no report: no sentence
    (none of theirs is news), flagged `no_article_text` so that a reader, and an
    evaluation, is told so rather than shown a silently empty brief; the headline is a
    page's own title, else its outlet or file name (never a notice's sentence)."""
    titles = [clean_title(a.title) for a in pages if a.title]
    dates = [a.date for a in pages if a.date]
    return Brief(
        story_id=story_id,
        headline=titles[0] if titles else pages[0].label,
        sentences=(),
        sources=number_sources((), pages),
        word_budget=options.words,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
        no_article_text=True,
    )


def build_brief(
    story_id: str, articles: Sequence[Article], options: BriefOptions, title: str | None = None
) -> Brief:
    """The cited brief of one story (its original articles, in story order).

    Every brief sentence is a verbatim source sentence cited as such, plus the
    other articles that report the same thing (see `support_for`); which ones,
    and in what order, is `newsfuse.summarize.assemble`'s choice. Only reports are
    read (`reports`); a story of none gets `no_article_brief`. The headline is
    `title`, the one the archive lists for a stored story (newsfuse.headlines: a
    storyline's is its focus event's), not computed again; else `headline(articles)`.
    """
    if not articles:
        raise ValueError(f"story {story_id} has no articles to brief")
    unique = list({a.id: a for a in articles}.values())
    read = reports(unique)
    if not read:
        return _titled(no_article_brief(story_id, unique, options), title)
    rank = {a.id: i for i, a in enumerate(read)}
    # a page whose every sentence is no reporting (extract.pagelines: text cut at its
    # lines) gives the matrix nothing; a story of such pages only has no article text
    texts = [text for text in map(reporting, read) if text.sentences]
    if not texts:
        return _titled(no_article_brief(story_id, unique, options), title)
    matrix = story_matrix(texts)
    rows = assemble(matrix, options, rank)
    sentences = tuple(brief_sentence(matrix, rows, k, options) for k in range(len(rows)))
    dates = [a.date for a in read if a.date]
    lede = matrix.sentences[rows[0]].text if rows else None
    models = options.models
    return Brief(
        story_id=story_id,
        headline=title
        or headline(read, nlp=models.headline_nlp(), recurring=models.recurring(), lede=lede),
        sentences=sentences,
        sources=number_sources(sentences, unique),  # the pages not read listed too
        word_budget=options.words,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
    )


def _titled(brief: Brief, title: str | None) -> Brief:
    """`brief` under the archive's headline `title`, when there is one."""
    return dataclasses.replace(brief, headline=title) if title else brief

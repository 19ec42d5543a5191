"""build_brief: one story's articles in, one cited extractive brief out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from newsfuse.config import BriefOptions
from newsfuse.summarize.assemble import assemble, follows
from newsfuse.summarize.cite import support_for
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.headline import headline
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
    "bracket" and it opens on a pronoun (newsfuse.summarize.standalone)."""
    row = rows[k]
    joined = k > 0 and rows[k - 1] == row - 1 and follows(matrix, row)
    text = matrix.sentences[row].text
    insertions: tuple[Insertion, ...] = ()
    if options.standalone == "bracket" and not joined and leans_back(text):
        edit = bracketed(matrix, row)
        if edit is not None:
            text, start, end, replaced = edit
            insertions = (Insertion(start, end, replaced),)
    article = matrix.articles[int(matrix.article_of[row])]
    return BriefSentence(
        text=text,
        source=Citation(article.id, matrix.sentences[row].id, 1.0),
        support=support_for(matrix, row, options.support),
        joined=joined,
        insertions=insertions,
    )


def build_brief(story_id: str, articles: Sequence[Article], options: BriefOptions) -> Brief:
    """The cited brief of one story (its original articles, in story order).

    Every brief sentence is a verbatim source sentence cited as such, plus the
    other articles that report the same thing (see `support_for`); which ones,
    and in what order, is `newsfuse.summarize.assemble`'s choice.
    """
    if not articles:
        raise ValueError(f"story {story_id} has no articles to brief")
    unique = list({a.id: a for a in articles}.values())
    rank = {a.id: i for i, a in enumerate(unique)}
    matrix = story_matrix(unique)
    rows = assemble(matrix, options, rank)
    sentences = tuple(brief_sentence(matrix, rows, k, options) for k in range(len(rows)))
    dates = [a.date for a in unique if a.date]
    lead = sentences[0].text if sentences else None
    return Brief(
        story_id=story_id,
        headline=headline(
            unique,
            lead=lead,
            others=[s.text for s in sentences[1:]],
            nlp=options.models.headline_nlp(),
        ),
        sentences=sentences,
        sources=number_sources(sentences, unique),
        word_budget=options.words,
        first_date=min(dates) if dates else None,
        last_date=max(dates) if dates else None,
    )

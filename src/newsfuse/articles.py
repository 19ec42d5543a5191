"""Building Article values: the single place ids and sentences are assigned."""

from __future__ import annotations

import datetime as dt

from newsfuse.extract.kind import classify
from newsfuse.lang.detect import guess_language
from newsfuse.text.sentences import split_sentences
from newsfuse.types import Article, article_id


def make_article(
    *,
    body: str,
    source: str,
    title: str | None = None,
    outlet: str | None = None,
    byline: str | None = None,
    date: dt.date | None = None,
    url: str | None = None,
) -> Article:
    """An Article with its content-hash id and split sentences; its language as far
    as known without a model ("und" for ingest to settle: newsfuse.lang.detect)."""
    title = title.strip() or None if title else None
    aid = article_id(title, body, outlet, url)
    return Article(
        id=aid,
        title=title,
        body=body,
        outlet=outlet,
        byline=byline,
        date=date,
        url=url,
        source=source,
        sentences=split_sentences(aid, body),
        kind=classify(body),
        language=guess_language(body),  # settled by ingest (lang.detect.settled)
    )

"""JSON-ready views of the core types, shared by the CLI's `--format json` and the HTTP
API so that both give the same keys for the same thing.

Dates are ISO strings and unknown values null; scores are rounded to 4 places.
Briefs and dossiers have their own views (summarize/render.py, analyze/render.py).
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from newsfuse.analyze.render import dossier_to_dict
from newsfuse.summarize.render import brief_to_dict
from newsfuse.types import (
    Article,
    Brief,
    Dossier,
    Failure,
    IngestReport,
    Story,
    StoryEvent,
    StoryHit,
)

if TYPE_CHECKING:  # a type only: storylines builds briefs (scikit-learn), views never do
    from newsfuse.storylines import StorylineBrief


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def story_to_dict(story: Story) -> dict[str, Any]:
    return {
        "id": story.id,
        "headline": story.headline,
        "articles": list(story.article_ids),
        "duplicates": list(story.duplicate_ids),
        "outlets": list(story.outlets),
        "first_date": _iso(story.first_date),
        "last_date": _iso(story.last_date),
    }


def hit_to_dict(hit: StoryHit) -> dict[str, Any]:
    """A search result: the story, its best score and each matching article's passage
    (matched words between `**`)."""
    return {
        **story_to_dict(hit.story),
        "score": round(hit.score, 4),
        "matches": [
            {"article_id": h.article_id, "score": round(h.score, 4), "snippet": h.snippet}
            for h in hit.hits
        ],
    }


LEAD_WORDS = 12


def lead(text: str, words: int = LEAD_WORDS) -> str:
    """The first `words` words of `text` (with "…" when cut): what names an article
    that has no title, instead of its file path."""
    found = text.split(maxsplit=words)
    return " ".join(found[:words]) + (" …" if len(found) > words else "")


def article_to_dict(article: Article, body: bool = True) -> dict[str, Any]:
    """An article's metadata, its first words ("lead") and (with `body`) its text and
    sentence spans, so that a citation's sentence id can be found in the body."""
    data: dict[str, Any] = {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "byline": article.byline,
        "date": _iso(article.date),
        "url": article.url,
        "source": article.source,
        "duplicate_of": article.duplicate_of,
        "lead": lead(article.body),
    }
    if body:
        data["body"] = article.body
        data["sentences"] = [
            {"id": s.id, "paragraph": s.paragraph, "start": s.start, "end": s.end}
            for s in article.sentences
        ]
    return data


def failure_to_dict(failure: Failure) -> dict[str, Any]:
    return {"source": failure.source, "code": failure.code, "message": failure.message}


def event_to_dict(event: StoryEvent) -> dict[str, Any]:
    return {
        "kind": event.kind,
        "story_id": event.story_id,
        "other_id": event.other_id,
        "detail": event.detail,
        "at": event.at,
    }


def report_to_dict(report: IngestReport) -> dict[str, Any]:
    return {
        "ingested": report.ingested,
        "duplicates": report.duplicates,
        "already_present": report.already_present,
        "failed": report.failed,
        "stories": report.stories,
        "new_stories": report.new_stories,
        "grown_stories": report.grown_stories,
        "failures": [failure_to_dict(f) for f in report.failures],
        "events": [event_to_dict(e) for e in report.events],
        "summary": report.summary_line(),
    }


def result_to_dict(brief: Brief, dossier: Dossier | None) -> dict[str, Any]:
    """A brief, with the story analysis under "analysis" when there is one."""
    data = brief_to_dict(brief)
    if dossier is not None:
        data["analysis"] = dossier_to_dict(dossier, brief.number_of)
    return data


def storyline_events(events: dict[str, list[Story]], story: Story) -> list[dict[str, Any]]:
    """The events of storyline `story` (storylines.events_by_storyline's map), oldest first."""
    return [story_to_dict(e) for e in events.get(story.id, [])]


def storyline_to_dict(sb: StorylineBrief, dossier: Dossier | None = None) -> dict[str, Any]:
    """A storyline brief: the storyline, its events (with headlines, oldest first) and
    the latest event's brief (with its analysis when there is one)."""
    return {
        **story_to_dict(sb.storyline),
        "events": [story_to_dict(e) for e in sb.events],
        "latest": result_to_dict(sb.latest, dossier),
    }

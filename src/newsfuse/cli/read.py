"""Commands that read the archive: stories, search, changes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from newsfuse.cli.brief import Result, result_markdown, storyline_markdown
from newsfuse.cli.common import (
    DEFAULT_DB,
    DEFAULT_SCORER,
    AnalysisOption,
    DbOption,
    Listing,
    ListingOption,
    ScorerOption,
    WordsOption,
    cell,
    echo_json,
    err,
    event_line,
    opened,
    settings,
    table,
    wide_console,
)
from newsfuse.terminal import block, line
from newsfuse.types import Brief, Story, StoryHit

if TYPE_CHECKING:
    from newsfuse.app import StorylineAndDossier
from newsfuse.views import (
    hit_to_dict,
    result_to_dict,
    story_to_dict,
    storyline_events,
    storyline_to_dict,
)


def _story_row(s: Story, indent: str = "") -> list[str]:
    return [
        indent + cell(s.id),
        cell(s.headline),
        str(len(s.article_ids) + len(s.duplicate_ids)),
        cell(", ".join(s.outlets)),
        s.first_date.isoformat() if s.first_date else "",
        s.last_date.isoformat() if s.last_date else "",
    ]


def _stories_table(stories: list[Story], events: dict[str, list[Story]]) -> Table:
    """Storylines, each followed by its events (indented, oldest first) when it has
    more than one."""
    found = table(
        ("id", {"no_wrap": True}),
        ("headline", {"ratio": 1}),
        ("articles", {"justify": "right"}),
        ("outlets", {}),
        ("first", {"no_wrap": True}),
        ("last", {"no_wrap": True}),
    )
    for s in stories:
        found.add_row(*_story_row(s))
        inner = events.get(s.id, [])
        for event in inner if len(inner) > 1 else []:
            found.add_row(*_story_row(event, "  "), style="dim")
    return found


def stories(
    db: DbOption = DEFAULT_DB,
    fmt: ListingOption = Listing.table,
    briefs: Annotated[bool, typer.Option("--briefs", help="Print each story's brief too.")] = False,
    words: WordsOption = 120,
    scorer: ScorerOption = DEFAULT_SCORER,
    analysis: AnalysisOption = False,
) -> None:
    """List the storylines, each with its events: id, headline, articles, outlets, first
    and last date."""
    with opened(settings(db, words=words, scorer=scorer)) as archive:
        found = sorted(archive.stories(), key=lambda s: (-len(s.article_ids), s.id))
        events = archive.storyline_map()
        # a storyline of several events as `brief s-ID` shows it (a line per event, the
        # latest event's brief), not one brief mixing events months apart
        results = [
            archive.storyline_and_analyze(s.id, analysis)
            if len(events.get(s.id, [])) > 1
            else archive.brief_and_analyze(s.id, analysis=analysis)
            for s in found
            if briefs
        ]
    if fmt is Listing.json:
        rows = [story_to_dict(s) | {"events": storyline_events(events, s)} for s in found]
        for row, result in zip(rows, results, strict=False):
            row["brief"] = _result_dict(result)
        echo_json(rows)
        return
    wide_console().print(_stories_table(found, events))
    for result in results:
        typer.echo("\n" + block(_result_markdown(result)))


def _result_markdown(result: Result | StorylineAndDossier) -> str:
    first, dossier = result
    if isinstance(first, Brief):
        return result_markdown(first, dossier)
    return storyline_markdown(first, dossier)


def _result_dict(result: Result | StorylineAndDossier) -> dict[str, Any]:
    first, dossier = result
    if isinstance(first, Brief):
        return result_to_dict(first, dossier)
    return storyline_to_dict(first, dossier)


def _marked(snippet: str) -> str:
    """A snippet's `**matched**` words in bold (rich markup; the rest escaped)."""
    parts = snippet.split("**")
    return "".join(f"[bold]{cell(p)}[/bold]" if i % 2 else cell(p) for i, p in enumerate(parts))


def _hits_table(found: list[StoryHit]) -> Table:
    hits = table(
        ("id", {"no_wrap": True}),
        ("headline / best match", {"ratio": 1}),
        ("matching", {"justify": "right"}),
        ("first", {"no_wrap": True}),
        ("last", {"no_wrap": True}),
        lines=True,
    )
    for hit in found:
        s = hit.story
        size = len(s.article_ids) + len(s.duplicate_ids)
        hits.add_row(
            cell(s.id),
            f"[bold]{cell(s.headline)}[/bold]\n{_marked(hit.hits[0].snippet)}",
            f"{len(hit.hits)} of {size}",
            s.first_date.isoformat() if s.first_date else "",
            s.last_date.isoformat() if s.last_date else "",
        )
    return hits


def search(
    query: Annotated[
        list[str],
        typer.Argument(
            help='Words (all must occur), "quoted phrases", word* (prefix), a OR b, -word.'
        ),
    ],
    db: DbOption = DEFAULT_DB,
    limit: Annotated[int, typer.Option("--limit", "-n", min=1, help="Most stories to list.")] = 10,
    fmt: ListingOption = Listing.table,
) -> None:
    """Find stories by the words of their articles, best match first (any stored story,
    also those older than the clustering window)."""
    with opened(settings(db)) as archive:
        found = archive.search(" ".join(query), limit)
    if fmt is Listing.json:
        echo_json([hit_to_dict(h) for h in found])
        return
    if not found:
        err().print(f"no story matches {line(' '.join(query))!r}", markup=False)
        return
    wide_console().print(_hits_table(found))


def changes(
    story: Annotated[
        str | None, typer.Argument(help="Only changes naming this storyline or event id.")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show the recorded merges and splits of storylines (s-...) and events (e-...),
    oldest first."""
    with opened(settings(db)) as archive:
        found = archive.changes(story)
    for event in found:
        typer.echo(event_line(event))

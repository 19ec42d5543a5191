"""The brief command: a stored storyline or event by id, or files and URLs directly."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsfuse.analyze.render import dossier_sections
from newsfuse.cli.common import (
    DEFAULT_DB,
    DEFAULT_SCORER,
    AnalysisOption,
    DbOption,
    Format,
    FormatOption,
    PrivateUrlsOption,
    ScorerOption,
    WordsOption,
    echo_json,
    err,
    fail,
    opened,
    report_failure,
    settings,
)
from newsfuse.config import Config
from newsfuse.errors import NewsfuseError
from newsfuse.lazy import lazy_module
from newsfuse.summarize.render import render_markdown
from newsfuse.terminal import block
from newsfuse.types import Brief, Dossier
from newsfuse.views import result_to_dict, storyline_to_dict

if TYPE_CHECKING:
    from newsfuse import app as application
    from newsfuse import storylines
    from newsfuse.storylines import StorylineBrief
else:  # numpy, scikit-learn, spaCy...: loaded when a brief is made
    application = lazy_module("newsfuse.app")
    storylines = lazy_module("newsfuse.storylines")

Result = tuple[Brief, Dossier | None]


def result_markdown(brief: Brief, dossier: Dossier | None) -> str:
    sections = dossier_sections(dossier, brief.number_of) if dossier else []
    return render_markdown(brief, sections)


def _print_results(results: list[Result], fmt: Format) -> None:
    if fmt is Format.json:
        data = [result_to_dict(*r) for r in results]
        echo_json(data[0] if len(data) == 1 else data)
    else:
        typer.echo(block("\n\n".join(result_markdown(*r) for r in results)))


def brief(
    targets: Annotated[
        list[str],
        typer.Argument(help="A storyline or event id from the database, or files/folders/URLs/-."),
    ],
    db: DbOption = DEFAULT_DB,
    words: WordsOption = 120,
    scorer: ScorerOption = DEFAULT_SCORER,
    fmt: FormatOption = Format.md,
    analysis: AnalysisOption = True,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Brief a stored storyline (s-...: one dated line per event, then the latest event's
    brief) or event (e-...) by id, or brief the given files or URLs directly (no database)."""
    config = settings(db, words=words, scorer=scorer, allow_private_urls=allow_private_urls)
    if all(t == "-" or application.is_url(t) or Path(t).exists() for t in targets):
        return _brief_inputs(targets, config, analysis, fmt)
    if len(targets) != 1:
        raise typer.BadParameter(f"not files, and not one story id: {' '.join(targets)}")
    with opened(config) as archive:
        if targets[0].startswith("s-"):  # a storyline: its events, the latest's brief
            storyline, dossier = archive.storyline_and_analyze(targets[0], analysis)
        else:
            result = archive.brief_and_analyze(targets[0], analysis=analysis)
    if not targets[0].startswith("s-"):
        return _print_results([result], fmt)
    if fmt is Format.json:
        typer.echo(json.dumps(storyline_to_dict(storyline, dossier), indent=2, ensure_ascii=False))
    else:
        typer.echo(storyline_markdown(storyline, dossier))


def storyline_markdown(storyline: StorylineBrief, dossier: Dossier | None) -> str:
    """A storyline as `brief s-ID` prints it: a dated line per event, then the latest
    event's brief (and its analysis)."""
    sections = dossier_sections(dossier, storyline.latest.number_of) if dossier else []
    return str(storylines.render_storyline(storyline, sections))


def _brief_inputs(targets: list[str], config: Config, analysis: bool, fmt: Format) -> None:
    """Brief files, folders, URLs or stdin directly; exit status 1 if any failed."""
    try:
        results, failures = application.brief_inputs(
            targets, config, stdin=sys.stdin.buffer, analysis=analysis
        )
    except NewsfuseError as exc:
        raise fail(exc) from exc
    console = err()
    for failure in failures:
        report_failure(console, failure)
    if results:
        _print_results(results, fmt)
    if failures or not results:
        if not results:
            console.print("no article could be read", markup=False)
        raise typer.Exit(1)

"""What the commands share: their options, the one place a Config is assembled
from them, the archive opened (and always closed) through the application layer,
and the console helpers.

The application layer (newsfuse.app) is loaded lazily (newsfuse.lazy): it pulls
in numpy, scikit-learn, spaCy and trafilatura, which `newsfuse --help` and the
light commands never need.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsfuse.config import BriefOptions, Config, ExtractOptions, ServeOptions, database
from newsfuse.errors import NewsfuseError
from newsfuse.lazy import lazy_module
from newsfuse.summarize.scoring import SCORERS
from newsfuse.terminal import json_text, line
from newsfuse.types import Failure, StoryEvent

if TYPE_CHECKING:
    from newsfuse import app as application
else:
    application = lazy_module("newsfuse.app")


class Format(StrEnum):
    md = "md"
    json = "json"


class Listing(StrEnum):
    table = "table"
    json = "json"


DEFAULT_SCORER = BriefOptions.scorer


def registered_scorer(name: str) -> str:
    """`--scorer`, checked against every registered scorer, built-in or from another
    package (newsfuse.summarize.scoring), when a command runs: not as choices made at
    start-up, which would scan the installed packages' entry points (importlib.metadata,
    more than `newsfuse --help` itself costs) for every command, even `--help`."""
    try:
        SCORERS.target(name)
    except NewsfuseError as error:
        raise typer.BadParameter(str(error)) from error
    return name


# Options shared by several commands (declared once, as datasette groups them).
DbOption = Annotated[
    str,
    typer.Option(
        "--db",
        envvar="NEWSFUSE_DB",
        help="SQLite database file, or a postgresql:// URL.",
        show_default=True,
    ),
]
WordsOption = Annotated[
    int, typer.Option("--words", "-w", min=10, max=5000, help="Word budget of each brief.")
]
FormatOption = Annotated[Format, typer.Option("--format", "-f", help="Output format.")]
ListingOption = Annotated[Listing, typer.Option("--format", "-f", help="table or json.")]
PrivateUrlsOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="Fetch URLs on private, loopback or link-local addresses (refused by default).",
    ),
]
ScorerOption = Annotated[
    str,
    typer.Option(
        "--scorer",
        metavar="NAME",
        callback=registered_scorer,
        help="Sentence selection: coverage (default: the set of sentences with the most "
        "expected summary words, built on lexical), unsupervised (centrality, support, "
        "position), lexical "
        "(words editors keep; best on short Multi-News-like stories, poor on long "
        "multi-event ones, docs/tuning.md), learned (boosted trees), or one another package "
        "registers (entry-point group newsfuse.scorers).",
    ),
]
AnalysisOption = Annotated[
    bool,
    typer.Option(
        "--analysis/--no-analysis",
        help="Add the story analysis: entities, quotes, claims, numbers, timeline, differences.",
    ),
]
DEFAULT_DB = "newsfuse.db"


def settings(
    db: str,
    *,
    words: int | None = None,
    scorer: str | None = None,
    allow_private_urls: bool = False,
    serve: ServeOptions | None = None,
    lock_wait: float | None = None,
) -> Config:
    """The one Config of a command, from its options (those it does not have: defaults)."""
    config = Config(
        db=database(db),
        extract=ExtractOptions(allow_private_urls=allow_private_urls),
        serve=serve or ServeOptions(),
    )
    if lock_wait is not None:
        config = replace(config, lock_wait=lock_wait)
    if words is not None:
        config = config.with_words(words, scorer)
    return config


@contextmanager
def opened(config: Config) -> Iterator[application.Newsfuse]:
    """The archive of `config`, closed however the block ends; a NewsfuseError (a bad
    database, a locked archive, an unknown story) becomes exit status 2."""
    try:
        with application.Newsfuse(config) as archive:
            yield archive
    except NewsfuseError as exc:
        raise fail(exc) from exc


def err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def fail(exc: NewsfuseError) -> typer.Exit:
    err().print(f"[red]error:[/red] {escape(line(str(exc)))}", markup=True)
    return typer.Exit(2)


def report_failure(console: Console, failure: Failure) -> None:
    console.print(f"failed: {line(str(failure))}", markup=False)


def cell(text: str | None) -> str:
    """A table cell from source text: one line, no control characters, no rich markup."""
    return escape(line(text or ""))


def echo_json(data: object) -> None:
    typer.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))


def table(*columns: tuple[str, dict[str, object]], lines: bool = False) -> Table:
    found = Table(show_lines=lines)
    for name, kw in columns:
        found.add_column(name, **kw)  # type: ignore[arg-type]
    return found


def wide_console() -> Console:
    """stdout; when piped, wide enough that headlines do not wrap."""
    out = Console()
    return out if out.is_terminal else Console(width=160)


def event_line(event: StoryEvent) -> str:
    verb = "absorbed" if event.kind == "merge" else "gave articles to"
    text = f"{event.kind}: {event.story_id} {verb} {event.other_id} ({event.detail})"
    return line(f"{event.at} {text}" if event.at else text)


def only_urls(urls: list[str]) -> None:
    bad = [u for u in urls if not application.is_url(u)]
    if bad:
        raise typer.BadParameter(f"not an http(s) URL: {bad[0]}")

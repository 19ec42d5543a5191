"""The `newsfuse` command line: a thin layer over newsfuse.pipeline.

Exit status: 0 on success, 1 when some inputs failed (each reported on stderr
in one line), 2 for a usage error or an error such as an unknown story id.
"""

from __future__ import annotations

import json
import logging
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table

from newsfuse import pipeline
from newsfuse.analyze.dossier import Analyzer
from newsfuse.analyze.render import dossier_sections
from newsfuse.config import (
    BriefOptions,
    Config,
    ExtractOptions,
    ServeOptions,
    database,
    describe_database,
)
from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.evaluation.cli import eval_app
from newsfuse.extract.fetch import is_url
from newsfuse.store import Store, open_store
from newsfuse.storylines import (
    StorylineBrief,
    events_by_storyline,
    render_storyline,
    with_headlines,
)
from newsfuse.summarize import render_markdown
from newsfuse.summarize.scoring import SCORERS
from newsfuse.terminal import block, json_text, line
from newsfuse.types import Article, Brief, Dossier, Failure, Story, StoryEvent, StoryHit
from newsfuse.views import (
    hit_to_dict,
    result_to_dict,
    story_to_dict,
    storyline_events,
    storyline_to_dict,
)

app = typer.Typer(
    name="newsfuse",
    help="Turn the news about an event, from many outlets, into one cited brief.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

app.add_typer(eval_app, name="eval")


class Format(StrEnum):
    md = "md"
    json = "json"


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
PrivateUrlsOption = Annotated[
    bool,
    typer.Option(
        "--allow-private-urls",
        help="Fetch URLs on private, loopback or link-local addresses (refused by default).",
    ),
]


# Every registered scorer, built-in or from another package (newsfuse.summarize.scoring).
Scorer = StrEnum("Scorer", {name: name for name in SCORERS.names()})  # type: ignore[misc]
DEFAULT_SCORER = Scorer(BriefOptions.scorer)


ScorerOption = Annotated[
    Scorer,
    typer.Option(
        "--scorer",
        help="Sentence selection: coverage (default: the set of sentences with the most "
        "expected summary words, built on lexical), unsupervised (centrality, support, "
        "position), lexical "
        "(words editors keep; best on short Multi-News-like stories, poor on long "
        "multi-event ones, docs/tuning.md) or learned (boosted trees).",
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


def _err() -> Console:
    return Console(stderr=True, highlight=False, soft_wrap=True)


def _open(db: str) -> Store:
    return open_store(Config(db=database(db)))


def _fail(exc: NewsfuseError) -> typer.Exit:
    _err().print(f"[red]error:[/red] {escape(line(str(exc)))}", markup=True)
    return typer.Exit(2)


def _report_failure(console: Console, failure: Failure) -> None:
    console.print(f"failed: {line(str(failure))}", markup=False)


def _cell(text: str | None) -> str:
    """A table cell from source text: one line, no control characters, no rich markup."""
    return escape(line(text or ""))


def _echo_json(data: object) -> None:
    typer.echo(json_text(json.dumps(data, indent=2, ensure_ascii=False)))


class Listing(StrEnum):
    table = "table"
    json = "json"


ListingOption = Annotated[Listing, typer.Option("--format", "-f", help="table or json.")]


@app.command()
def ingest(
    paths: Annotated[list[str], typer.Argument(help="Files, folders, URLs, or - for stdin.")],
    db: DbOption = DEFAULT_DB,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Ingest articles (.txt, .html, .json/.jsonl[.gz], RSS/Atom, http(s) URLs) and update
    the stories."""
    console = _err()
    try:
        store = _open(db)
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    progress = Progress(
        SpinnerColumn(),
        TextColumn("ingesting"),
        BarColumn(bar_width=None),
        MofNCompleteColumn(),
        TextColumn("{task.fields[last]}"),
        console=console,
        transient=True,
        disable=not console.is_terminal,
    )
    with progress:
        task = progress.add_task("ingest", total=None, last="")

        def tick(item: Article | Failure) -> None:
            if isinstance(item, Failure):
                _report_failure(console, item)
            progress.update(task, advance=1, last=_cell(item.source[-50:]))

        config = Config(
            db=database(db), extract=ExtractOptions(allow_private_urls=allow_private_urls)
        )
        try:
            report = pipeline.ingest(paths, config, store, stdin=sys.stdin.buffer, progress=tick)
        except NewsfuseError as exc:  # the archive, not an input: E302 (locked), E301
            store.close()
            raise _fail(exc) from exc
    store.close()
    console.print(report.summary_line(), markup=False)
    if report.failed:
        raise typer.Exit(1)


def _table(*columns: tuple[str, dict[str, object]], lines: bool = False) -> Table:
    table = Table(show_lines=lines)
    for name, kw in columns:
        table.add_column(name, **kw)  # type: ignore[arg-type]
    return table


def _wide_console() -> Console:
    """stdout; when piped, wide enough that headlines do not wrap."""
    out = Console()
    return out if out.is_terminal else Console(width=160)


def _story_row(s: Story, indent: str = "") -> list[str]:
    return [
        indent + _cell(s.id),
        _cell(s.headline),
        str(len(s.article_ids) + len(s.duplicate_ids)),
        _cell(", ".join(s.outlets)),
        s.first_date.isoformat() if s.first_date else "",
        s.last_date.isoformat() if s.last_date else "",
    ]


def _stories_table(stories: list[Story], events: dict[str, list[Story]]) -> Table:
    """Storylines, each followed by its events (indented, oldest first) when it has
    more than one."""
    table = _table(
        ("id", {"no_wrap": True}),
        ("headline", {"ratio": 1}),
        ("articles", {"justify": "right"}),
        ("outlets", {}),
        ("first", {"no_wrap": True}),
        ("last", {"no_wrap": True}),
    )
    for s in stories:
        table.add_row(*_story_row(s))
        inner = events.get(s.id, [])
        for event in inner if len(inner) > 1 else []:
            table.add_row(*_story_row(event, "  "), style="dim")
    return table


@app.command()
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
    config = Config(db=database(db)).with_words(words, scorer.value)
    analyzer = Analyzer(config.analyze) if analysis else None
    try:
        store = _open(db)
        found = sorted(pipeline.stories(store, config), key=lambda s: (-len(s.article_ids), s.id))
        events = {  # headlines read the events' articles: only where a storyline has several
            k: with_headlines(store, v) if len(v) > 1 else v
            for k, v in events_by_storyline(store).items()
        }
        results = (
            [pipeline.brief_and_analyze(store, s.id, config, analyzer) for s in found]
            if briefs
            else []
        )
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    store.close()
    if fmt is Listing.json:
        rows = [story_to_dict(s) | {"events": storyline_events(events, s)} for s in found]
        for row, result in zip(rows, results, strict=False):
            row["brief"] = result_to_dict(*result)
        _echo_json(rows)
        return
    out = _wide_console()
    out.print(_stories_table(found, events))
    for result in results:
        typer.echo("\n" + block(_result_markdown(*result)))


def _marked(snippet: str) -> str:
    """A snippet's `**matched**` words in bold (rich markup; the rest escaped)."""
    parts = snippet.split("**")
    return "".join(f"[bold]{_cell(p)}[/bold]" if i % 2 else _cell(p) for i, p in enumerate(parts))


def _hits_table(found: list[StoryHit]) -> Table:
    table = _table(
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
        table.add_row(
            _cell(s.id),
            f"[bold]{_cell(s.headline)}[/bold]\n{_marked(hit.hits[0].snippet)}",
            f"{len(hit.hits)} of {size}",
            s.first_date.isoformat() if s.first_date else "",
            s.last_date.isoformat() if s.last_date else "",
        )
    return table


@app.command()
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
    try:
        store = _open(db)
        found = pipeline.search(store, " ".join(query), limit)
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    store.close()
    if fmt is Listing.json:
        _echo_json([hit_to_dict(h) for h in found])
        return
    if not found:
        _err().print(f"no story matches {line(' '.join(query))!r}", markup=False)
        return
    _wide_console().print(_hits_table(found))


@app.command()
def recluster(db: DbOption = DEFAULT_DB) -> None:
    """Re-cluster the whole archive as a batch (same scoring as ingest's stream).

    Story ids stay where the story survives; merges and splits are recorded
    (see `newsfuse events`) and printed.
    """
    try:
        store = _open(db)
        before = store.count_stories()
        changes = pipeline.recluster(store, Config(db=database(db)))
        after = store.count_stories()
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    store.close()
    for event in changes:
        typer.echo(_event_line(event))
    merges = sum(e.kind == "merge" for e in changes)
    splits = sum(e.kind == "split" for e in changes)
    typer.echo(f"stories: {before} before, {after} after; {merges} merged, {splits} split")


@app.command()
def check(
    db: DbOption = DEFAULT_DB,
    repair: Annotated[
        bool, typer.Option("--repair", help="Repair what is found (story ids are kept).")
    ] = False,
) -> None:
    """Verify the archive's invariants: no empty story, no membership of a missing
    article, every article in one story (a duplicate in its original's), a clustering
    state that knows the stored articles. Exit status 1 if something is (still) broken."""
    from newsfuse import check as checking

    config = Config(db=database(db))
    try:
        store = _open(db)
        found = checking.repair(store, config) if repair else checking.check(store)
        left = checking.check(store) if repair else found
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    store.close()
    for finding in found:
        typer.echo(line(("repaired " if repair and finding not in left else "") + finding.line()))
    where = line(describe_database(db))
    typer.echo(f"{'broken' if left else 'ok'}: {len(left)} problem(s) in {where}")
    if left:
        raise typer.Exit(1)


def _event_line(event: StoryEvent) -> str:
    verb = "absorbed" if event.kind == "merge" else "gave articles to"
    text = f"{event.kind}: {event.story_id} {verb} {event.other_id} ({event.detail})"
    return line(f"{event.at} {text}" if event.at else text)


@app.command()
def changes(
    story: Annotated[
        str | None, typer.Argument(help="Only changes naming this storyline or event id.")
    ] = None,
    db: DbOption = DEFAULT_DB,
) -> None:
    """Show the recorded merges and splits of storylines (s-...) and events (e-...),
    oldest first."""
    try:
        store = _open(db)
        found = store.events(story)
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    store.close()
    for event in found:
        typer.echo(_event_line(event))


app.command("events", hidden=True, help="The old name of `changes`.")(changes)


Result = pipeline.BriefAndDossier


def _result_markdown(brief: Brief, dossier: Dossier | None) -> str:
    sections = dossier_sections(dossier, brief.number_of) if dossier else []
    return render_markdown(brief, sections)


def _print_results(results: list[Result], fmt: Format) -> None:
    if fmt is Format.json:
        data = [result_to_dict(*r) for r in results]
        _echo_json(data[0] if len(data) == 1 else data)
    else:
        typer.echo(block("\n\n".join(_result_markdown(*r) for r in results)))


@app.command()
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
    extract = ExtractOptions(allow_private_urls=allow_private_urls)
    config = Config(db=database(db), extract=extract).with_words(words, scorer.value)
    analyzer = Analyzer(config.analyze) if analysis else None
    is_files = all(t == "-" or is_url(t) or Path(t).exists() for t in targets)
    try:
        if is_files:
            results, failures = pipeline.brief_paths(
                targets, config, stdin=sys.stdin.buffer, analyzer=analyzer
            )
        else:
            if len(targets) != 1:
                raise typer.BadParameter(f"not files, and not one story id: {' '.join(targets)}")
            store = _open(db)
            if targets[0].startswith("s-"):  # a storyline: its events, the latest's brief
                storyline = _storyline(store, targets[0], config, analyzer)
                store.close()
                return _print_storyline(*storyline, fmt)
            results, failures = (
                [pipeline.brief_and_analyze(store, targets[0], config, analyzer)],
                [],
            )
            store.close()
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    console = _err()
    for failure in failures:
        _report_failure(console, failure)
    if results:
        _print_results(results, fmt)
    if failures or not results:
        if not results:
            console.print("no article could be read", markup=False)
        raise typer.Exit(1)


def _storyline(
    store: Store, story_id: str, config: Config, analyzer: Analyzer | None
) -> tuple[StorylineBrief, Dossier | None]:
    sb = pipeline.storyline(store, story_id, config)
    latest = sb.events[-1]
    dossier = analyzer.analyze(latest.id, store.articles(latest.article_ids)) if analyzer else None
    return sb, dossier


def _print_storyline(sb: StorylineBrief, dossier: Dossier | None, fmt: Format) -> None:
    if fmt is Format.json:
        typer.echo(json.dumps(storyline_to_dict(sb, dossier), indent=2, ensure_ascii=False))
    else:
        sections = dossier_sections(dossier, sb.latest.number_of) if dossier else []
        typer.echo(render_storyline(sb, sections))


def _only_urls(urls: list[str]) -> None:
    bad = [u for u in urls if not is_url(u)]
    if bad:
        raise typer.BadParameter(f"not an http(s) URL: {bad[0]}")


@app.command()
def watch(
    urls: Annotated[list[str], typer.Argument(help="http(s) URLs of feeds or pages.")],
    db: DbOption = DEFAULT_DB,
    every: Annotated[
        float, typer.Option("--every", min=1.0, help="Seconds from one poll to the next.")
    ] = 300.0,
    polls: Annotated[
        int | None, typer.Option("--polls", min=1, help="Stop after this many polls.")
    ] = None,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Follow feeds and pages: poll them, ingest new articles into their stories, print
    one line per poll (conditional requests: an unchanged feed is not re-read).
    Ctrl-C stops, saving the clustering state."""
    from newsfuse import Newsfuse
    from newsfuse.watch import Poll, Watcher

    _only_urls(urls)
    config = Config(db=database(db), extract=ExtractOptions(allow_private_urls=allow_private_urls))
    console = _err()

    def report(poll: Poll) -> None:
        for failure in poll.report.failures:
            _report_failure(console, failure)
        typer.echo(line(poll.summary_line()))

    try:
        with Newsfuse(config) as archive:
            try:
                Watcher(archive, urls).run(every, polls, on_poll=report)
            except KeyboardInterrupt:
                console.print("stopped; clustering state saved", markup=False)
    except NewsfuseError as exc:
        raise _fail(exc) from exc


_LOOPBACK = ("127.0.0.1", "localhost", "::1")


def _hosts(host: str) -> tuple[str, ...]:
    """The Host header names a server on `host` answers to (none checked on a wildcard
    address, which has no one name)."""
    if host in _LOOPBACK:
        return _LOOPBACK
    return () if host in ("0.0.0.0", "::", "") else (host,)


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=0, max=65535, help="Port to listen on.")] = 8000,
    token: Annotated[
        str | None,
        typer.Option(envvar="NEWSFUSE_TOKEN", help="Adding articles needs this bearer token."),
    ] = None,
    follow: Annotated[
        list[str] | None,
        typer.Option("--follow", help="A feed or page URL to poll in the background (repeat)."),
    ] = None,
    every: Annotated[
        float, typer.Option("--every", min=1.0, help="Seconds between polls of --follow.")
    ] = 300.0,
    allow_private_urls: PrivateUrlsOption = False,
) -> None:
    """Serve the archive: the web page at / and the HTTP API under /api (docs/http.md);
    with --follow, also poll feeds and ingest what is new while serving."""
    import uvicorn  # only this command needs the server

    from newsfuse.serve import create_app

    if host not in _LOOPBACK:
        who = "read the archive" if token else "read the archive and add articles to it"
        _err().print(
            f"warning: listening on {host}: anyone who can reach it can {who}", markup=False
        )
    _only_urls(follow or [])
    if token is None and os.environ.get("NEWSFUSE_TOKEN") is not None:
        token = os.environ["NEWSFUSE_TOKEN"]  # click reads an empty variable as unset
    if token is not None and not token.strip():
        message = "an empty --token (or NEWSFUSE_TOKEN) would leave writes open; give one or none"
        raise _fail(NewsfuseError(ErrorCode.EMPTY_TOKEN, message))
    config = Config(
        db=database(db),
        extract=ExtractOptions(allow_private_urls=allow_private_urls),
        serve=ServeOptions(
            token=token, follow=tuple(follow or ()), follow_every=every, hosts=_hosts(host)
        ),
        lock_wait=60.0,  # a request waits at most this long for a CLI writer
    )
    try:
        _open(db).close()  # a bad database is reported now, not at the first request
    except NewsfuseError as exc:
        raise _fail(exc) from exc
    uvicorn.run(create_app(config), host=host, port=port, log_level="info")


def main() -> None:
    """Console-script entry point."""
    # trafilatura/htmldate log per-page chatter ("discarding data") as warnings;
    # failures reach users as Failure lines instead.
    for name in ("trafilatura", "htmldate", "courlan"):
        logging.getLogger(name).setLevel(logging.ERROR)
    app()

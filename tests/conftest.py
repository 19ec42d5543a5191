"""Shared fixtures. Tests that read ../shared skip with a reason on a user's clone."""

from __future__ import annotations

import datetime as dt
import gzip
import itertools
import json
import os
import pwd
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from newsfuse.analyze.compare import compare_outlets
from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.articles import make_article
from newsfuse.config import ExtractOptions
from newsfuse.evaluation.differ_eval import incident_articles
from newsfuse.evaluation.excerpts import Excerpts
from newsfuse.evaluation.quote_eval import jsonl_articles
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.extract import iter_articles
from newsfuse.extract.pagelines import form_lines
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.types import Article, Comparison, Insertion

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
WIKIREF = Path("data") / "clustering" / "wikiref220.jsonl.gz"  # relative to ../shared
GVA = "data/clustering/gva_dev.jsonl.gz"  # relative to ../shared
FULLTEXT = "data/summarization/multinews_fulltext.test.jsonl.gz"
SEED_TITLE = "Russia Deployed Warplanes From Base in Iran to Strike ISIS, Syrian Militants"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project (always present in CI), else skip."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: benchmark data is only in CI/dev checkouts")
    return SHARED


@pytest.fixture(scope="session")
def excerpts(shared_dir: Path) -> Excerpts:
    """Resolves tests/data annotations that reference Multi-News or gva_dev text in
    ../shared (not bundled: their licences); one per session, so each is read once."""
    return Excerpts(shared_dir)


@pytest.fixture(scope="session")
def seeds_dir(shared_dir: Path) -> Path:
    return shared_dir / "seeds"


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    """Example articles bundled in the repository (always present)."""
    return EXAMPLES


@pytest.fixture(scope="session")
def nlp_pipeline() -> NLP:
    """The verified spaCy pipeline of the analysis stage, loaded once per test session."""
    return NLP()


@pytest.fixture(scope="session")
def nlp(nlp_pipeline: NLP) -> Language:
    """The spaCy Language of the analysis pipeline, for tests that parse bodies themselves."""
    return nlp_pipeline.language


def read_articles(*paths: Path) -> list[Article]:
    """Articles of files or folders, through the production extractor."""
    return [a for a in iter_articles(list(paths), ExtractOptions()) if isinstance(a, Article)]


@pytest.fixture(scope="session")
def gva_incidents(shared_dir: Path) -> dict[str, list[Article]]:
    """gva_dev's articles by incident (issue 23's outlet text), read once a session."""
    return incident_articles(shared_dir / "data/clustering/gva_dev.jsonl.gz")


def outlet_compare(nlp_pipeline: NLP, articles: Sequence[Article]) -> tuple[Comparison, ...]:
    """ "Where sources differ" for `articles`, parsed by the session's pipeline."""
    parsed = nlp_pipeline.parse(articles)
    return compare_outlets([p.article for p in parsed], [p.doc for p in parsed])


@pytest.fixture(scope="session")
def wikiref(shared_dir: Path) -> dict[str, Article]:
    """WikiRef220 articles by record id, read as the CLI reads them (quote dev sets 3, 4)."""
    return jsonl_articles(shared_dir / WIKIREF)


def speakers_of(nlp: NLP, article: Article) -> dict[str, str | None]:
    """Quote text (first 30 characters) -> speaker, for one article analysed alone."""
    parsed = nlp.parse([article])
    return {q.text[:30]: q.speaker for q in extract_quotes(parsed, extract_entities(parsed))}


def _postgres_bindir() -> Path | None:
    """The newest installed PostgreSQL server's binaries (Debian's layout), if any."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: p.parts[-3])
    return found[-1].parent if found else None


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[str]:
    """A throwaway PostgreSQL server for this test session: a new cluster in a temporary
    folder, listening on a Unix socket there only, removed at the end. Skips (saying
    so) where PostgreSQL is not installed; under CI it must be (.ci/run installs it)."""
    bindir = _postgres_bindir()
    if bindir is None:
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL is not installed: .ci/run should have installed it")
        pytest.skip("PostgreSQL server not installed (Debian package postgresql)")
    root = Path(tempfile.mkdtemp(prefix="newsfuse-pg-"))
    as_user: list[str] = []
    if os.geteuid() == 0:  # initdb refuses to run as root: run the server as postgres
        owner = pwd.getpwnam("postgres")
        os.chown(root, owner.pw_uid, owner.pw_gid)
        as_user = ["runuser", "-u", "postgres", "--"]
    data = root / "data"
    init = [str(bindir / "initdb"), "-D", str(data), "-A", "trust", "-U", "newsfuse"]
    subprocess.run([*as_user, *init, "-E", "UTF8", "--no-sync"], check=True, capture_output=True)
    options = f"-k {root} -c listen_addresses='' -c fsync=off -c full_page_writes=off"
    ctl = [*as_user, str(bindir / "pg_ctl"), "-D", str(data), "-w", "-l", str(root / "log")]
    subprocess.run([*ctl, "-o", options, "start"], check=True, capture_output=True)
    try:
        yield f"postgresql://newsfuse@/postgres?host={root}"
    finally:
        subprocess.run([*ctl, "-m", "immediate", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture()
def postgres_url(postgres_server: str) -> str:
    """A new, empty database on the session's server, for one test."""
    import psycopg

    name = f"t{uuid.uuid4().hex[:12]}"
    with psycopg.connect(postgres_server, autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return postgres_server.replace("/postgres?", f"/{name}?")


@pytest.fixture(scope="session")
def gva_bodies(shared_dir: Path) -> list[str]:
    """gva_dev bodies in file order, each distinct text once (a repeated text has
    the same content id and is "already present" in an archive, never a copy)."""
    path = shared_dir / "data" / "clustering" / "gva_dev.jsonl.gz"
    seen: set[str] = set()
    bodies: list[str] = []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            body = json.loads(line)["text"]
            article_id = make_article(body=body, source="gva").id
            if article_id not in seen:
                seen.add(article_id)
                bodies.append(body)
    return bodies


# The summarizer's stories (tests/summarize: test_summarize.py, test_scorers.py).
@pytest.fixture(scope="session")
def seeds(seeds_dir: Path) -> list[Article]:
    """The two seed scrapes as articles, non-body lines of 000 removed by hand."""
    first = next(seeds_dir.glob("000_*.txt"))
    second = next(seeds_dir.glob("004_*.txt"))
    body = "\n".join(first.read_text(encoding="utf-8").splitlines()[7:])
    return [
        make_article(body=body, source=str(first), title=SEED_TITLE, date=dt.date(2016, 8, 16)),
        make_article(body=second.read_text(encoding="utf-8"), source=str(second)),
    ]


def _stories(path: Path, limit: int) -> list[tuple[str, list[Article]]]:
    opener: Any = gzip.open if path.suffix == ".gz" else open
    out = []
    with opener(path, "rt", encoding="utf-8") as handle:
        for line in itertools.islice(handle, limit):
            cluster = json.loads(line)
            articles = [
                make_article(
                    body=doc["text"],
                    source=f"{cluster['id']}:{i}",
                    title=doc.get("title"),
                    date=dt.date.fromisoformat(doc["date"]) if doc.get("date") else None,
                    outlet=doc.get("source"),
                )
                for i, doc in enumerate(cluster["documents"])
            ]
            out.append((cluster["id"], articles))
    return out


@pytest.fixture(scope="session")
def wikinews(shared_dir: Path) -> list[tuple[str, list[Article]]]:
    return _stories(shared_dir / "data/summarization/wikinews_multiling2011.jsonl", 10)


@pytest.fixture(scope="session")
def multinews(shared_dir: Path) -> list[tuple[str, list[Article]]]:
    return _stories(shared_dir / "data/summarization/multinews.val.jsonl.gz", 15)


def bracketed_insertion(text: str, insertion: Insertion) -> bool:
    """An insertion is words in square brackets, as editors mark them."""
    inserted = text[insertion.start : insertion.end].strip()
    return inserted.startswith("[") and inserted.endswith("]")


def wikinews_matrix(examples_dir: Path, name: str) -> tuple[Article, StoryMatrix]:
    """A bundled Wikinews article (examples/, CC BY 2.5) and its one-article matrix."""
    (article,) = read_articles(examples_dir / "articles/en.wikinews.org" / name)
    return article, story_matrix([article])


def row_starting(article: Article, start: str) -> int:
    """The index of the article's sentence that opens with `start`."""
    return next(i for i, s in enumerate(article.sentences) if s.text.startswith(start))


def story_bodies(shared: Path, path: str, story: str) -> list[Article]:
    """One story's articles of a ../shared file, made again from their bodies (the text
    the page-line rules read; its text is never bundled)."""
    found = next(s for s in load_stories(shared / path) if s.id == story)
    return [make_article(body=a.body, source=a.id) for a in found.articles]


def page_lines_dropped(articles: list[Article]) -> list[str]:
    """The sentences `extract.pagelines.form_lines` reads as no report text."""
    return [a.sentences[k].text for a in articles for k in sorted(form_lines(a.sentences))]

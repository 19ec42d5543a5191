"""Shared fixtures. Tests that read ../shared skip with a reason on a user's clone."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.config import ExtractOptions
from newsfuse.evaluation.quote_eval import jsonl_articles
from newsfuse.extract import iter_articles
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
WIKIREF = Path("data") / "clustering" / "wikiref220.jsonl.gz"  # relative to ../shared


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared beside the project (always present in CI), else skip."""
    if not SHARED.is_dir():
        pytest.skip(f"../shared not found at {SHARED}: benchmark data is only in CI/dev checkouts")
    return SHARED


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
def wikiref(shared_dir: Path) -> dict[str, Article]:
    """WikiRef220 articles by record id, read as the CLI reads them (quote dev sets 3, 4)."""
    return jsonl_articles(shared_dir / WIKIREF)


def speakers_of(nlp: NLP, article: Article) -> dict[str, str | None]:
    """Quote text (first 30 characters) -> speaker, for one article analysed alone."""
    parsed = nlp.parse([article])
    return {q.text[:30]: q.speaker for q in extract_quotes(parsed, extract_entities(parsed))}

"""Shared fixtures. Tests that read ../shared skip with a reason on a user's clone."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.analyze.nlp import NLP

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


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

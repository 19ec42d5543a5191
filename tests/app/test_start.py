"""Fast start: `newsfuse --help` and the light commands load none of the heavy
libraries (their import time is measured in benchmarks/bench_start.py, not here)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsfuse.check import _npz_bytes
from newsfuse.config import Config
from newsfuse.store import open_store

HEAVY = (
    "numpy",
    "scipy",
    "sklearn",
    "spacy",
    "trafilatura",
    "fastapi",
    "pandas",
    "nltk",
    "pydantic",
)


@pytest.fixture(scope="module")
def examples_db(examples_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled examples ingested once by the CLI, as a user's archive (read only)."""
    db = tmp_path_factory.mktemp("start") / "a.db"
    command = [sys.executable, "-m", "newsfuse", "ingest", str(examples_dir / "articles")]
    subprocess.run([*command, "--db", str(db)], check=True, capture_output=True)
    return db


def _loaded(code: str) -> list[str]:
    """The heavy top-level modules loaded after running `code` in a fresh interpreter
    (a module named through newsfuse.lazy but never used is not loaded: it stays a
    LazyLoader placeholder until its first attribute access)."""
    loaded = "[m for m, v in sys.modules.items() if type(v).__name__ != '_LazyModule']"
    probe = f"{code}\nimport sys, json\nprint(json.dumps(sorted({loaded})))"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    modules = json.loads(out.stdout.strip().splitlines()[-1])
    return sorted({m.split(".")[0] for m in modules} & set(HEAVY))


def test_import_and_help_load_no_heavy_library() -> None:
    assert _loaded("import newsfuse") == []
    help_run = (
        "import sys\nfrom newsfuse.cli import app\nsys.argv = ['newsfuse', '--help']\n"
        "try:\n    app()\nexcept SystemExit:\n    pass"
    )
    assert _loaded(help_run) == []


def test_light_commands_load_no_model_library(examples_db: Path) -> None:
    """Opening an archive, checking it, listing its changes, its storylines with their
    events and searching it need no heavy library, numpy included (the store's
    signatures are only read by ingest; check reads the saved clustering state without
    it; event headlines are stored by the writer, not computed by `stories`)."""
    commands = (["check"], ["changes"], ["search", "police"], ["stories"])
    for command in (*commands, ["stories", "--format", "json"]):
        run = (
            "import sys\nfrom newsfuse.cli import app\n"
            f"sys.argv = ['newsfuse', *{command!r}, '--db', {str(examples_db)!r}]\n"
            "try:\n    app()\nexcept SystemExit as e:\n    assert not e.code, e.code"
        )
        assert _loaded(run) == [], command


def test_check_reads_the_saved_state_as_numpy_does(examples_db: Path) -> None:
    """`check` reads the clustering state's metadata from the .npz without numpy
    (check._npz_bytes): the same bytes numpy reads, from a real ingest's state."""
    store = open_store(Config(db=examples_db))
    try:
        saved = store.state.head()
    finally:
        store.close()
    assert saved is not None
    with np.load(io.BytesIO(saved[0]), allow_pickle=False) as z:
        assert _npz_bytes(saved[0], "meta") == z["meta"].tobytes()
        assert json.loads(_npz_bytes(saved[0], "meta"))["ids"]

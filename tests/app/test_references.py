"""Generated references stay current, and the README's Python example runs as written."""

from __future__ import annotations

import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _script(name: str) -> object:
    spec = importlib.util.spec_from_file_location(name[:-3], ROOT / "scripts" / name)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    ("script", "doc"),
    [
        ("cli_reference.py", "cli.md"),
        ("http_reference.py", "http.md"),
        ("config_reference.py", "config.md"),
        ("errors_reference.py", "errors.md"),
    ],
)
def test_generated_reference_is_current(script: str, doc: str) -> None:
    """docs/cli.md, http.md, config.md and errors.md are generated from the typer app,
    the OpenAPI schema, config.py and errors.py; regenerate them (python scripts/SCRIPT)
    when a command, endpoint, option or error code changes."""
    current = (ROOT / "docs" / doc).read_text(encoding="utf-8")
    assert current == _script(script).reference(), f"docs/{doc} is stale: python scripts/{script}"  # type: ignore[attr-defined]


def test_every_option_and_code_is_in_the_references() -> None:
    from dataclasses import fields

    from newsfuse.config import BriefOptions, ClusterOptions, ExtractOptions
    from newsfuse.errors import ErrorCode

    config = (ROOT / "docs" / "config.md").read_text(encoding="utf-8")
    for section, cls in (
        ("extract", ExtractOptions),
        ("cluster", ClusterOptions),
        ("brief", BriefOptions),
    ):
        for item in fields(cls):
            assert (f"`{section}.{item.name}`" in config) == item.compare, item.name
    assert "`coverage`, `learned`, `lexical`, `unsupervised`" in config
    errors = (ROOT / "docs" / "errors.md").read_text(encoding="utf-8")
    assert all(f"| {code.value} | `{code.name}` |" in errors for code in ErrorCode)


def test_the_readme_python_example_runs(tmp_path: Path) -> None:
    """The example of README.md's Python section, run as written in a fresh folder
    holding the repository's examples/ (its "a.txt", "b.html" do not exist: brief_files
    skips inputs it cannot read, which the example relies on)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```python\n(.+?)\n```", readme, flags=re.S)
    example = next(b for b in blocks if "newsfuse.open(" in b)
    (tmp_path / "examples").symlink_to(ROOT / "examples")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-c", example],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert "articles" in done.stdout and (tmp_path / "news.db").exists()

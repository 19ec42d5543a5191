"""The README's quick start stays true: CI runs its test command, and the demo command exists."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _quick_start_commands() -> list[str]:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```sh\n(.+?)\n```", section)


def test_quick_start_has_exactly_two_commands() -> None:
    commands = _quick_start_commands()
    assert len(commands) == 2, commands
    demo, tests = commands
    assert "newsfuse ingest examples/articles" in demo and "stories --briefs" in demo
    assert tests.endswith("python -m pytest -q")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert _quick_start_commands()[1] in ci


def test_constraints_pin_every_direct_dependency() -> None:
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    constraints = (ROOT / "constraints.txt").read_text(encoding="utf-8").lower()
    pins = re.findall(r'"([A-Za-z0-9_.\-]+)==([^"]+)"', pyproject)
    assert pins
    for name, version in pins:
        normalized = name.lower().replace("_", "-")
        assert f"{normalized}=={version}" in constraints.replace("_", "-"), name

"""Shared output step of the benchmark scripts: print a Markdown section, append it to a doc."""

from __future__ import annotations

from pathlib import Path


def emit(text: str, out: Path | None) -> None:
    """Print `text`; with `out`, also append it (after a blank line) to that Markdown file."""
    print(text)
    if out:
        with out.open("a", encoding="utf-8") as fh:
            fh.write("\n" + text)

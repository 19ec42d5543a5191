"""`newsfuse batch` builds a new archive: an archive that holds articles is refused
before any engine starts (exit 2, a numbered error), so `batch` never replaces the
stories `ingest` made."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from newsfuse.cli import app


def test_batch_refuses_an_archive_with_articles(examples_dir: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "archive.db")
    source = str(examples_dir / "articles" / "freebeacon.com")
    runner = CliRunner()
    assert runner.invoke(app, ["ingest", source, "--db", db]).exit_code == 0
    result = runner.invoke(app, ["batch", source, "--db", db])
    assert result.exit_code == 2
    assert "E301" in result.output and "already holds articles" in result.output

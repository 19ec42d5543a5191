"""The component registry: names resolve through entry points the way an outside
package registers one, unknown and broken names are numbered errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.registry import registry


def _install_outside_package(root: Path, group: str) -> None:
    """A real distribution on sys.path: a module and a dist-info declaring one entry point."""
    (root / "outside_thing.py").write_text("def make():\n    return 'made outside'\n")
    info = root / "outside_thing-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: outside-thing\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{group}]\nthing = outside_thing:make\n")


def test_an_outside_package_registers_by_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = "newsfuse.test_things"
    things = registry("thing", group, {"builtin": "newsfuse.errors:ErrorCode"})
    assert things.names() == ["builtin"]
    _install_outside_package(tmp_path, group)
    monkeypatch.syspath_prepend(str(tmp_path))
    assert things.names() == ["builtin", "thing"]
    make = things.load("thing")
    assert callable(make) and make() == "made outside"
    assert things.load("builtin") is ErrorCode


def test_unknown_and_broken_names_are_numbered_errors() -> None:
    things = registry("thing", "newsfuse.test_none", {"gone": "newsfuse.errors:Nothing"})
    with pytest.raises(NewsfuseError) as unknown:
        things.load("nope")
    assert unknown.value.code is ErrorCode.UNKNOWN_COMPONENT
    assert "known: gone" in unknown.value.message
    with pytest.raises(NewsfuseError) as broken:
        things.load("gone")
    assert broken.value.code is ErrorCode.BROKEN_COMPONENT

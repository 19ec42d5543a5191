"""scripts/read_sample.py's --skip-pinned (issue 20, eighth round): an id pinned in
docs/heldout is skipped wherever it stands on its line, so a new held-out draw never takes
a story an earlier pass held out."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[2]


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("read_sample", ROOT / "scripts/read_sample.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_ids_followed_by_labels_are_pinned(tmp_path: Path) -> None:
    """An id file that carries labels after each id (as read13-o_ids.txt does) and a sample
    pinned in a file of another name both pin their ids; a comment's words do not."""
    (tmp_path / "pass_ids.txt").write_text(
        "# held-out ids, labels after each\nmultinews-longbench-test-0042 1 0  a reason\n"
    )
    (tmp_path / "heldout-pass.txt").write_text("gva-123456\n")
    assert _script().pinned_ids(tmp_path) == {"multinews-longbench-test-0042", "gva-123456"}

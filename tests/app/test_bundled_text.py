"""No text of Multi-News or gva_dev in tests/data (their licences forbid bundling it).

../shared/README.md: Multi-News is for non-commercial research, "do not bundle it in the
project"; gva_dev's articles "belong to their publishers: evaluation only, never bundle
them". Annotations of them store references (newsfuse.evaluation.excerpts); this runs
scripts/audit_bundled_text.py over tests/data so a copied sentence cannot come back."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from newsfuse.evaluation.excerpts import REF, Excerpts, digest, has_references, load_annotations

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"


def _audit_module() -> ModuleType:
    spec = importlib.util.spec_from_file_location("audit", ROOT / "scripts/audit_bundled_text.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def audited(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[tuple[Path, int]]:
    """One audit run (a minute: it streams every Multi-News split) over tests/data and a
    file holding one pasted gva sentence, the instrument's own check."""
    audit = _audit_module()
    texts = Excerpts(shared_dir).texts("gva_dev")
    article = next(t for k, t in sorted(texts.items()) if k.endswith("/text") and len(t) > 400)
    copied = tmp_path_factory.mktemp("audit") / "copied.md"
    copied.write_text("intro\n" + " ".join(article[100:300].split()) + "\n", encoding="utf-8")
    return [(path, n) for path, n, _, _ in audit.audit([DATA, copied], shared_dir)]


def test_tests_data_holds_no_eight_word_span_of_multinews_or_gva(
    audited: list[tuple[Path, int]],
) -> None:
    found = [f"{p.name}:{n}" for p, n in audited if p.name != "copied.md"]
    assert not found, found


def test_audit_finds_a_copied_sentence(audited: list[tuple[Path, int]]) -> None:
    assert [(p.name, n) for p, n in audited if p.name == "copied.md"] == [("copied.md", 2)]


# An annotator's note may quote a few words to say why (kept: the judgement as written).
NOTES_QUOTING = {("timeline_gva_fresh2_judged.jsonl", 28, "supposed to have surgery on")}


def test_annotations_hold_no_shorter_phrase_of_their_record(shared_dir: Path) -> None:
    """Exact lookup of each literal string in the record it annotates: 5+ words."""
    audit = _audit_module()
    found = audit.phrase_hits(sorted(DATA.glob("*.jsonl")), shared_dir)
    assert {(p.name, n, phrase) for p, n, phrase in found} <= NOTES_QUOTING


REFERENCED = sorted(p.name for p in DATA.glob("*.jsonl") if REF in p.read_text(encoding="utf-8"))


def test_referencing_files_are_the_multinews_and_gva_annotations() -> None:
    # read_labels_fresh2 and _fresh3 (#20, third and fourth passes), six fresh3 files (#23,
    # fourth pass), five fresh4 files and fresh3's after-judgements (#23, fifth pass),
    # six fresh5 files (#23, sixth pass: two annotations, four judgements),
    # headline_labels_fresh5h and its after-labels (#20, headlines), and
    # read_labels_fresh4 (#20, fifth pass), four fresh6 files (#23, differ: two
    # annotations, two judgements) and timeline_gva_fresh6t_judged (#23, timeline),
    # timeline_gva_fresh7t_judged (#23, timeline, fourth round) and
    # four fresh7 files (#23, differ, eighth pass: two annotations, two judgements),
    # timeline_{gva,multinews}_fresh8t_judged (#23, timeline, fifth round), four
    # fresh8b and four fresh8a files (#23, differ recall and precision, fifth round: two
    # annotations, two judgements each) and read_labels_fresh5d (#20, standing alone),
    # timeline_gva_fresh9t_judged (#23, timeline, sixth round), four fresh9b files
    # (#23, differ recall, sixth round) and four fresh9a files (#23, differ precision,
    # sixth round), each two annotations and two judgements
    assert len(REFERENCED) == 76
    starts = ("read_labels", "headline_labels")
    assert all("gva" in n or "multinews" in n or n.startswith(starts) for n in REFERENCED)


@pytest.mark.parametrize("name", REFERENCED)
def test_references_resolve(name: str, excerpts: Excerpts) -> None:
    records = load_annotations(DATA / name, excerpts)
    assert records and not has_references(records)


def test_a_changed_source_is_refused(excerpts: Excerpts) -> None:
    key = next(iter(excerpts.texts("gva_dev")))
    good = {REF: [[key, 0, 20]], "sha1": digest(excerpts.text(key)[:20])}
    assert excerpts.resolve(json.loads(json.dumps(good))) == excerpts.text(key)[:20]
    with pytest.raises(FileNotFoundError, match="no longer matches"):
        excerpts.resolve({REF: [[key, 1, 21]], "sha1": good["sha1"]})

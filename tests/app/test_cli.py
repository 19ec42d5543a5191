"""End to end through the CLI, as a new user would run it, on the bundled real articles.

Each test maps to an acceptance criterion of the foundation issue.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

import newsfuse
from newsfuse.cli import app
from newsfuse.config import ExtractOptions
from newsfuse.evaluation.cluster_metrics import score_clustering
from newsfuse.extract import iter_articles
from newsfuse.types import Article

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = ROOT / "examples/articles"
SEEDS = sorted((ARTICLES / "freebeacon.com").glob("*.txt"))
WIKINEWS = ARTICLES / "en.wikinews.org"


def run(*args: str, input: bytes | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args), input=input)
    if result.exception and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout, result.stderr


def _summary_lines(markdown: str) -> list[str]:
    """The cited summary sentences of a Markdown brief (lines ending in [n] markers)."""
    body = markdown.split("## Sources")[0]
    return [ln for ln in body.splitlines() if re.search(r"\[\d+\]\s*$", ln)]


def test_seed_brief_one_shot() -> None:
    code, out, err = run("brief", *map(str, SEEDS), "--format", "md")
    assert code == 0, err
    first = _summary_lines(out)[0]
    assert "Hamadan" in first or "Iran" in first
    assert re.search(r"Tu-22M3|Su-34|bomber|warplane", first)
    assert re.search(r"Islamic State|ISIS|Nusra|Syria", first)
    assert "ADVERTISEMENT" not in out
    assert "Hassan Rouhani, Vladimir Putin" not in out
    assert "None" not in out
    # Facts that both outlets report cite both articles.
    assert any(re.search(r"\[1\]\[2\]|\[2\]\[1\]", ln) for ln in _summary_lines(out))


@pytest.mark.parametrize("scorer", ["lexical", "learned", "coverage"])
def test_seed_brief_with_a_trained_scorer(scorer: str) -> None:
    """--scorer changes which sentences are chosen; each is still a cited source sentence."""
    code, out, err = run("brief", *map(str, SEEDS), "--scorer", scorer, "-f", "json")
    assert code == 0, err
    brief = json.loads(out)
    bodies = [a.body for a in iter_articles(SEEDS, ExtractOptions()) if isinstance(a, Article)]
    assert brief["sentences"]
    for sentence in brief["sentences"]:
        assert any(sentence["text"] in body for body in bodies)
    code, _, err = run("brief", *map(str, SEEDS), "--scorer", "oracle")
    assert code != 0 and "oracle" in err


def test_seed_brief_json_metadata() -> None:
    code, out, err = run("brief", *map(str, SEEDS), "--format", "json")
    assert code == 0, err
    brief = json.loads(out)
    sources = {Path(s["source"]).name: s for s in brief["sources"]}
    first = sources["000_3604e5932b19534a.txt"]
    second = sources["004_c474df6a31b86826.txt"]
    assert first["title"] == (
        "Russia Deployed Warplanes From Base in Iran to Strike ISIS, Syrian Militants"
    )
    assert first["date"] == "2016-08-16"
    assert second.get("title") is None and second.get("date") is None
    for sentence in brief["sentences"]:
        assert sentence["source"]["article_id"] in {s["article_id"] for s in brief["sources"]}


def _gold(path: Path) -> str:
    return path.name.split("-")[0]


def test_wikinews_stories_match_gold(tmp_path: Path) -> None:
    db = str(tmp_path / "w.db")
    code, _, err = run("ingest", str(WIKINEWS), "--db", db)
    assert code == 0, err
    assert "ingested 100" in err
    with newsfuse.open(db) as nf:
        stories = nf.stories()
        by_id = {a.id: Path(a.source) for a in nf.articles()}
        gold, pred = [], []
        for story in stories:
            for aid in (*story.article_ids, *story.duplicate_ids):
                gold.append(_gold(by_id[aid]))
                pred.append(story.id)
        assert len(gold) == 100
        scores = score_clustering(gold, pred)
        assert scores.bcubed_f1 >= 0.95, scores
        for story in stories:
            brief = nf.brief(story.id, words=80)
            assert 0 < brief.word_count <= 80 or len(brief.sentences) == 1
            assert brief.word_count >= 40 or len(story.article_ids) == 1


def test_reingest_adds_nothing_and_near_copy_is_a_duplicate(tmp_path: Path) -> None:
    db = str(tmp_path / "d.db")
    assert run("ingest", str(WIKINEWS), "--db", db)[0] == 0
    code, _, err = run("ingest", str(WIKINEWS), "--db", db)
    assert code == 0 and "ingested 0, duplicates 0, already present 100" in err
    # A wire copy: new headline, and one sentence from another real article added.
    original = WIKINEWS / "M005-01.txt"
    lines = original.read_text(encoding="utf-8").splitlines()
    extra = (WIKINEWS / "M005-02.txt").read_text(encoding="utf-8").splitlines()[3]
    copy_dir = tmp_path / "wire"
    copy_dir.mkdir()
    copy = ["Chile hit by massive earthquake", *lines[1:], "", extra.split(". ")[0] + "."]
    (copy_dir / "copy.txt").write_text("\n".join(copy), encoding="utf-8")
    code, _, err = run("ingest", str(copy_dir), "--db", db)
    assert code == 0 and "ingested 0, duplicates 1" in err
    with newsfuse.open(db) as nf:
        arts = {Path(a.source).name: a for a in nf.articles()}
        assert arts["copy.txt"].duplicate_of == arts["M005-01.txt"].id
        assert len(arts) == 101
        story = next(s for s in nf.stories() if arts["copy.txt"].id in s.duplicate_ids)
        assert arts["M005-01.txt"].id in story.article_ids


def _bad_folder(tmp: Path) -> tuple[Path, int]:
    folder = tmp / "mixed"
    folder.mkdir()
    good = sorted(WIKINEWS.glob("M002-*.txt"))[:3]
    for g in good:
        shutil.copy(g, folder / g.name)
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(gzip.compress(good[0].read_bytes()))
    seed = SEEDS[0].read_text(encoding="utf-8").replace("ADVERTISEMENT", "")
    (folder / "cp1252.txt").write_bytes(seed.encode("cp1252"))
    huge = SEEDS[1].read_bytes()
    with (folder / "huge.txt").open("wb") as fh:
        for _ in range(50_000_000 // len(huge) + 1):
            fh.write(huge)
    wiki = [
        {
            "id": f"w{i}",
            "title": p.read_text(encoding="utf-8").splitlines()[0],
            "text": "\n".join(p.read_text(encoding="utf-8").splitlines()[2:]),
            "source": "Wikinews",
        }
        for i, p in enumerate(sorted(WIKINEWS.glob("M003-*.txt"))[:2])
    ]
    lines = [json.dumps(wiki[0]), '{"id": "broken", "text": "unterminated', json.dumps(wiki[1])]
    (folder / "dump.jsonl").write_text("\n".join(lines), encoding="utf-8")
    (folder / "broken.html").write_text("<html><body><div><p><div></span><table>", "utf-8")
    return folder, len(good) + 1 + 2  # txt copies, the cp1252 seed, two good JSONL lines


def test_bad_inputs_are_reported_and_good_ones_kept(tmp_path: Path) -> None:
    folder, n_good = _bad_folder(tmp_path)
    db = str(tmp_path / "b.db")
    code, _, err = run("ingest", str(folder), "--db", db)
    assert code == 1
    failed = [ln for ln in err.splitlines() if ln.startswith("failed:")]
    assert Counter(Path(ln.split(":")[1].strip()).name.split(".")[0] for ln in failed) == {
        "empty": 1,
        "binary": 1,
        "huge": 1,
        "dump": 1,
        "broken": 1,
    }, failed
    assert "Traceback" not in err
    assert f"ingested {n_good}" in err
    with newsfuse.open(db) as nf:
        seed = next(a for a in nf.articles() if a.source.endswith("cp1252.txt"))
        assert "Moscow’s military involvement" in seed.body
        assert len(nf.store.failures()) == 5


def test_unknown_story_is_a_clear_error(tmp_path: Path) -> None:
    code, _, err = run("brief", "s-doesnotexist", "--db", str(tmp_path / "x.db"))
    assert code == 2 and "E201" in err and "Traceback" not in err


def test_console_script_runs_the_quick_start(tmp_path: Path) -> None:
    """The installed entry point, in a real subprocess, on the bundled seeds."""
    db = tmp_path / "q.db"
    exe = [sys.executable, "-m", "newsfuse"]
    ingest = subprocess.run(
        [*exe, "ingest", str(ARTICLES / "freebeacon.com"), "--db", str(db)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert ingest.returncode == 0, ingest.stderr
    out = subprocess.run(
        [*exe, "stories", "--db", str(db), "--briefs", "--words", "60"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert "base in Iran" in out.stdout and "## Sources" in out.stdout  # the wire lede (#20)


@pytest.mark.parametrize("fmt", ["json", "table"])
def test_stories_listing(tmp_path: Path, fmt: str) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(ARTICLES / "freebeacon.com"), "--db", db)
    code, out, _ = run("stories", "--db", db, "--format", fmt)
    assert code == 0
    if fmt == "json":
        [story] = json.loads(out)
        assert len(story["articles"]) == 2 and story["first_date"] == "2016-08-16"
    else:
        assert "freebeacon.com" in out and "2016-08-16" in out


def test_ingest_from_stdin(tmp_path: Path) -> None:
    db = str(tmp_path / "in.db")
    code, _, err = run("ingest", "-", "--db", db, input=SEEDS[0].read_bytes())
    assert code == 0 and "ingested 1" in err, err
    with newsfuse.open(db) as nf:
        [article] = nf.articles()
        assert article.source == "<stdin>" and article.date is not None
        assert article.title and article.title.startswith("Russia Deployed Warplanes")


def test_python_api_briefs_files_without_a_database() -> None:
    [brief] = newsfuse.brief_files(SEEDS, words=60)
    assert brief.word_count <= 60 and brief.headline.startswith("Russia Deployed Warplanes")
    articles = {
        a.id: a
        for a in iter_articles(SEEDS, newsfuse.Config().extract)
        if isinstance(a, newsfuse.Article)
    }
    for sentence in brief.sentences:  # grounded: verbatim in the cited article
        assert sentence.source_text in articles[sentence.source.article_id].body
        for support in sentence.support:
            assert support.article_id in articles


def test_stories_briefs_show_a_storyline_as_its_events(tmp_path: Path) -> None:
    """`stories --briefs` shows a storyline of several events as `brief s-ID` does (a
    dated line per event, then the latest event's brief), not one brief mixing reports
    months apart (the bundled Wikinews Haiti storyline: the earthquake, the missionaries
    charged weeks later, the UN's toll two months later)."""
    db = str(tmp_path / "w.db")
    run("ingest", str(ARTICLES / "en.wikinews.org"), "--db", db)
    code, out, _ = run("stories", "--db", db, "--briefs", "--words", "60")
    assert code == 0
    assert "*Storyline s-" in out and "## Latest: " in out
    code, listing, _ = run("stories", "--db", db, "--briefs", "--format", "json")
    storylines = [s for s in json.loads(listing) if len(s["events"]) > 1]
    assert storylines and all("latest" in s["brief"] for s in storylines)
    assert all("sentences" in s["brief"] for s in json.loads(listing) if len(s["events"]) < 2)

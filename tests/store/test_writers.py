"""The write path by batch (issue 26) and many writers on one PostgreSQL archive.

The batch reads (`stories_of`, `events_of`, `stories_by_ids`, `iter_originals`) must
say what the per-item reads say; a `recluster` keeps the stored headline of a story it
did not change and recomputes the rest, each equal to `headline` of its articles; and
four `newsfuse ingest` processes started together on one PostgreSQL archive, with
overlapping inputs, leave every article stored once, no empty story and a clean
`newsfuse check`.

Input: the first Multi-News validation clusters (../shared), a few hundred articles.
"""

from __future__ import annotations

import gzip
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from test_faults import _cli, _env, assert_ingested, assert_sound

import newsfuse
from newsfuse.config import Config
from newsfuse.lang import scored
from newsfuse.store import open_store
from newsfuse.summarize import headline

MULTINEWS_VAL = Path("data") / "summarization" / "multinews.val.jsonl.gz"
CLUSTERS = 120


@pytest.fixture(scope="module")
def quarters(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """The first CLUSTERS clusters of Multi-News val as four JSONL files, each with the
    first cluster of the next as well (so that two writers meet the same articles)."""
    folder = tmp_path_factory.mktemp("writers")
    with gzip.open(shared_dir / MULTINEWS_VAL, "rt", encoding="utf-8") as f:
        lines = [next(f) for _ in range(CLUSTERS)]
    size = CLUSTERS // 4
    paths = []
    for k in range(4):
        path = folder / f"q{k}.jsonl"
        part = lines[k * size : (k + 1) * size] + lines[((k + 1) % 4) * size :][:1]
        path.write_text("".join(part), encoding="utf-8")
        paths.append(path)
    return paths


@pytest.fixture(params=["sqlite", "postgres"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "a.db")
    url: str = request.getfixturevalue("postgres_url")
    return url


def test_batch_reads_say_what_per_item_reads_say(db: str, quarters: list[Path]) -> None:
    with newsfuse.open(db) as nf:
        nf.ingest(quarters[:2])
        store = nf.store
        ids = [a.id for a in store.articles()]
        assert store.stories_of([*ids, "nope"]) == {
            i: s for i in ids if (s := store.story_of(i)) is not None
        }
        assert store.events_of(ids) == {i: e for i in ids if (e := store.event_of(i)) is not None}
        stories = store.stories()
        wanted = [s.id for s in reversed(stories)] + ["s-nope"]
        assert store.stories_by_ids(wanted) == list(reversed(stories))
        originals = store.originals()
        seqs = [seq for seq, _ in store.iter_originals(page=7)]
        assert [a for _, a in store.iter_originals(page=7)] == originals
        assert seqs == sorted(seqs) and len(set(seqs)) == len(seqs)
        middle = seqs[len(seqs) // 2]
        part = [a.id for _, a in store.iter_originals(after=middle, limit=5, page=2)]
        assert part == [a.id for a in originals[len(seqs) // 2 + 1 :][:5]]


def test_replacing_stories_keeps_the_headlines_of_unchanged_ones(
    db: str, quarters: list[Path]
) -> None:
    """replace_stories (recluster's write) keeps a stored headline where the story's
    originals are what they were, and leaves it to recompute where they changed."""
    with newsfuse.open(db) as nf:
        nf.ingest(quarters[:2])
        stories = nf.store.stories()
        big = next(s for s in stories if len(s.article_ids) > 1)
        other = next(s for s in stories if s.id != big.id)
        moved = big.article_ids[-1]
        changed = {
            big.id: replace(big, article_ids=big.article_ids[:-1], headline=None),
            other.id: replace(other, article_ids=(*other.article_ids, moved), headline=None),
        }
        nf.store.replace_stories([changed.get(s.id, replace(s, headline=None)) for s in stories])
        after = {s.id: s.headline for s in nf.store.stories()}
        assert after == {s.id: None if s.id in changed else s.headline for s in stories}
        assert all(s.headline for s in stories)


def test_recluster_headlines_are_those_of_the_articles(db: str, quarters: list[Path]) -> None:
    nlp = Config().brief.models.headline_nlp()
    with newsfuse.open(db) as nf:
        nf.ingest(quarters)
        nf.recluster()
        for story in nf.store.stories():
            assert story.headline == headline(nf.store.articles(story.article_ids), nlp=nlp)


def test_four_writers_on_one_postgres_archive(
    postgres_url: str, quarters: list[Path], tmp_path: Path
) -> None:
    """Four ingests started together on one archive take turns under its writer lock;
    the archive holds what one ingest of all four inputs holds."""
    with newsfuse.open(tmp_path / "ref.db") as nf:
        nf.ingest(quarters)
        expected = {a.id for a in nf.articles()}
    children = [
        subprocess.Popen(
            _cli("ingest", str(path), "--db", postgres_url),
            env=_env(),
            stderr=subprocess.PIPE,
            text=True,
        )
        for path in quarters
    ]
    for child in children:
        _, err = child.communicate(timeout=600)
        assert_ingested(child.returncode, err)
    assert_sound(postgres_url, expected)
    store = open_store(Config().with_db(postgres_url))
    try:
        clustered = {a.id for a in store.articles() if a.kind == "article" and scored(a.language)}
        assert clustered and set(store.memberships()) == clustered
    finally:
        store.close()

"""Stored headlines: computed by the writer when a story changes, the same as
`headline` of the story's articles, and kept when a story's members do not change."""

from __future__ import annotations

from pathlib import Path

import newsfuse
from newsfuse.headlines import story_headlines
from newsfuse.models import Models
from newsfuse.summarize import headline

WIKINEWS = "en.wikinews.org"


def _wikinews(examples_dir: Path, tmp_path: Path, part: int) -> Path:
    """Half the bundled Wikinews articles (stories M001, M003... or M002, M004...)."""
    folder = tmp_path / f"part{part}" / WIKINEWS
    folder.mkdir(parents=True)
    for f in sorted((examples_dir / "articles" / WIKINEWS).glob("*.txt")):
        if int(f.name[1:4]) % 2 == part:
            (folder / f.name).write_bytes(f.read_bytes())
    return folder.parent


def test_stored_headlines_are_the_headline_of_the_story(examples_dir: Path, tmp_path: Path) -> None:
    with newsfuse.open(tmp_path / "a.db") as nf:
        nf.ingest([examples_dir / "articles"])
        stories = nf.store.stories()
        members = [(s.id, nf.store.articles(s.article_ids)) for s in stories]
    assert stories and all(s.headline for s in stories)
    nlp = Models().headline_nlp()
    batched = story_headlines(members, nlp)
    for story in stories:
        articles = dict(members)[story.id]
        assert story.headline == batched[story.id] == headline(articles, nlp=nlp)


def test_a_story_no_article_joined_keeps_its_stored_headline(
    examples_dir: Path, tmp_path: Path
) -> None:
    db = tmp_path / "a.db"
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 1)])
        before = {s.id: s.article_ids for s in nf.store.stories()}
        for story_id in before:  # a mark that only a recomputation would erase
            nf.store.set_headline(story_id, "kept")
    with newsfuse.open(db) as nf:
        nf.ingest([_wikinews(examples_dir, tmp_path, 0)])
        after = {s.id: s for s in nf.store.stories()}
    unchanged = [sid for sid, ids in before.items() if after[sid].article_ids == ids]
    changed = [sid for sid, ids in before.items() if after[sid].article_ids != ids]
    assert unchanged, "the second half should leave some stories of the first alone"
    assert all(after[sid].headline == "kept" for sid in unchanged)
    assert all(after[sid].headline != "kept" for sid in changed)

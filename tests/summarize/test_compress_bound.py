"""A participle keeps the preposition it is bound to, or goes whole (issue 20, headlines,
fourth round). Real text read from ../shared (Multi-News is not bundled)."""

from __future__ import annotations

from pathlib import Path

from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize.compress import compress
from newsfuse.summarize.headline import incomplete_headline, story_leads


def test_a_bound_participle_is_not_left_without_its_phrase(shared_dir: Path) -> None:
    """Multi-News test 3376 (a fraternity suing students linked to a hazing death): the
    headline ended on "... students connected", its "with ..." trimmed; the participle
    now goes with its phrase, and the headline is complete."""
    stories = load_stories(shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz")
    story = next(s for s in stories if s.id.endswith("test-3376"))
    nlp = BriefOptions().models.headline_nlp()
    lead = story_leads(story.articles)[0]
    assert " connected with " in lead
    short = compress(lead, 14, nlp)
    assert short and not short.endswith("connected") and not incomplete_headline(short, nlp)

"""Issue 20, third round: brief sentences that stand alone, on real text only.

A brief sentence that leans on a sentence before it (an opening pronoun, "According
to X, it ...", a fronted "his", an early object "him", a subject description its
article introduced: "the aftershock", "the witness", "..., the woman said") must
come with that sentence (`joined`), or not at all. Checked on the bundled Wikinews
Chile storyline (examples/, CC BY 2.5) and on gva_dev incidents a reader met
(read from ../shared at test time: their text is never bundled).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import read_articles
from newsfuse.config import BriefOptions
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize import build_brief
from newsfuse.summarize.descriptions import description_heads, stems
from newsfuse.summarize.pronouns import leans_back, opening
from newsfuse.types import Article, Brief

CHILE = ("M005-01", "M005-03", "M005-05", "M005-06", "M005-07", "M005-08")


def stumbles(brief: Brief, articles: list[Article]) -> list[str]:
    """Brief sentences a reader meets without what they lean on: not joined to the
    sentence before them in their article, and opening on a pronoun, or with a
    subject description that its article introduced before it and neither the
    headline nor the brief above did ("the aftershock", not "the last artists")."""
    texts = {a.id: [s.text for s in a.sentences] for a in articles}
    context = stems(brief.headline)
    found = []
    for sentence in brief.sentences:
        text = sentence.source_text
        article, index = sentence.source.sentence_id.rsplit(":", 1)
        earlier = stems(" ".join(texts[article][: int(index)]))
        if not sentence.joined:
            unresolved = any(
                heads & earlier and not (heads & context or heads & stems(text[:position]))
                for position, heads in description_heads(text)
            )
            if leans_back(text) or unresolved:
                found.append(text)
        context |= stems(text)
    return found


@pytest.fixture(scope="module")
def chile(examples_dir: Path) -> list[Article]:
    folder = examples_dir / "articles" / "en.wikinews.org"
    return [a for name in CHILE for a in read_articles(folder / f"{name}.txt")]


def test_the_chile_brief_introduces_what_it_refers_to(chile: list[Article]) -> None:
    """The storyline's brief said "the aftershock" right after a lede on the main
    earthquake, and "According to the University of Chile, it had a magnitude of 5.6"
    with no "it" before; neither may stand alone now."""
    brief = build_brief("chile", chile, BriefOptions(words=120))
    assert brief.sentences
    assert stumbles(brief, chile) == []


def test_according_to_opens_on_its_pronoun() -> None:
    """The fronted attribution is read past, like a short adverbial (bundled text)."""
    text = "According to the University of Chile, it had a magnitude of 5.6."
    assert opening(text)[0] == "it" and leans_back(text)


@pytest.mark.parametrize("incident", ["gva-775531", "gva-317264"])
def test_gva_briefs_a_reader_stumbled_on(shared_dir: Path, incident: str) -> None:
    """A fronted "his", a witness and a woman only their article had introduced, and
    a judge who "denied him bail": each now comes with its referent or is left out."""
    stories = load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
    story = next(s for s in stories if s.id == incident)
    brief = build_brief(story.id, story.articles, BriefOptions(words=120))
    assert brief.sentences
    assert stumbles(brief, list(story.articles)) == []

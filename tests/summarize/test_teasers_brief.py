"""Another story's teaser printed inside a report stays out of the brief (issue 20,
seventh round, the integrator's read13): a Louisville station's page repeats each
teaser of its strip (caption, then headline), and main's brief of the shooting showed
two of them ("the suspect ... committed the robbery") as this story's news. The text
is gva_dev's, read from ../shared at run time."""

from __future__ import annotations

from newsfuse.analyze.background import teaser_strip
from newsfuse.config import BriefOptions
from newsfuse.summarize.brief import build_brief
from newsfuse.types import Article

INCIDENT = "gva-786251"


def test_a_teaser_strip_never_reaches_the_brief(gva_incidents: dict[str, list[Article]]) -> None:
    articles = gva_incidents[INCIDENT]
    strip = {s.text for a in articles for s in a.sentences if s.id in teaser_strip(a)}
    assert strip  # the station's strip is read as one
    brief = build_brief(INCIDENT, articles, BriefOptions(words=120))
    shown = {s.source_text for s in brief.sentences}
    assert brief.sentences
    assert not shown & strip

"""Sentences of an outlet's report that are not about the story's incident.

Why: local reports end with other incidents (a weekend's round-up: "In a separate
shooting…", "Elsewhere…", "It has been a … summer for …") and add background (a
suspect's earlier arrest "In 2010", "Just last year, …", "the fourth homicide this
year"). Compared
slot by slot with another outlet, or listed as what only one outlet reports, they look
like disagreements or salient facts about the incident and are neither; on a timeline
they are other events. The markers are the writer's own: a paragraph that opens another
incident ends the report of this one; a sentence set in an earlier time frame or
counting incidents is background.
"""

from __future__ import annotations

import itertools
import re

from newsfuse.types import Article

_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_DAYPART = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|morning|night|weekend)"
_INCIDENT = r"(?:incident|shooting|attack|case|killing|homicide|stabbing|robbery)s?\b"
# A sentence that opens another incident: the rest of the article reports other events.
_ROUNDUP = re.compile(
    r"^\W*(?:In (?:a|an|another) (?:separate|unrelated|other|different|second|third)"
    rf"(?: \w+){{0,3}} {_INCIDENT}|In another {_INCIDENT}|In unrelated\b"
    r"|Elsewhere\b|Separately\b|In other (?:news|shootings|incidents)\b"
    rf"|Also (?:on |early |late |this |last |)(?:{_DAYPART})\b[^.]*\b(?:shot|killed|wounded)\b"
    r"|Another (?:shooting|homicide|killing|stabbing) (?:happened|occurred|took place|was)\b"
    r"|It (?:has|had|'s) been an? (?:\w+ )?(?:violent|brutal|deadly|bloody|tough|rough) "
    r"(?:year|summer|weekend|month|week|stretch|spring|winter)\b)"
)
# A sentence set before the incident, or counting incidents: background.
_EARLIER = re.compile(
    rf"^\W*(?:Just |Also |And )?(?:[Ii]n|Since|Back in|By) (?:{_MONTH},? )?(?:19|20)\d\d\b"
    r"|\blast year\b|\byears? ago\b|\bpreviously\b"
    r"|\b(?:was|is)n['’]t the first\b|\bnot the first time\b"
    r"|\bhas a (?:long |lengthy )?(?:criminal )?history\b|\bprior (?:arrests?|convictions?)\b"
    r"|\b(?:so far|(?:the )?(?:first|second|third|fourth|fifth|\d+(?:st|nd|rd|th)) \w+)"
    r" (?:this|in) (?:year|month)\b"
    r"|\bthis (?:year|month) (?:alone|has|have)\b|\bthe (?:\w+ )?(?:homicide|killing|shooting)s?"
    r" (?:of|in|this) (?:the year|\d{4}|year)\b|\bgun ?violence ?(?:archive)?\.(?:org|com)\b"
    r"|\bin (?:separate|other|unrelated) (?:incidents|shootings|attacks|cases)\b"
    r"|\bhad (?:previously )?(?:pleaded|been convicted|been sentenced|served)\b"
    r"|\bearlier this (?:month|year)\b|\ba series of\b|\bthis year has included\b"
    r"|\bmarks the (?:\w+ )?(?:homicide|killing|shooting|death)\b"
    r"|\b(?:death|killing|shooting) (?:was|is) the (?:first|second|third|fourth|fifth|\d+th)\b",
    re.IGNORECASE,
)


def roundup_start(article: Article) -> int:
    """Index of the first sentence that opens another incident (len(sentences) if none);
    never the first sentence, which is the report's own lead."""
    for sentence in article.sentences[1:]:
        if _ROUNDUP.search(sentence.text):
            return sentence.index
    return len(article.sentences)


def off_story(article: Article) -> set[str]:
    """Ids of the sentences about other incidents or earlier times (see the docstring),
    and of a teaser strip's."""
    cut = roundup_start(article)
    return {
        s.id
        for s in article.sentences
        if s.index >= cut or (s.index > 0 and _EARLIER.search(s.text) is not None)
    } | teaser_strip(article)


def teaser_strip(article: Article) -> set[str]:
    """Sentences of a strip of other stories' teasers: a page that prints each teaser twice
    in a row (a caption and its headline, "Police say the suspect admitted …" twice, then
    the next one) has two or more paragraphs repeated by the next; those paragraphs are
    other stories, not this report (read on gva_dev: a Louisville station's page)."""
    texts: dict[int, list[str]] = {}
    for s in article.sentences:
        texts.setdefault(s.paragraph, []).append(s.text)
    order = sorted(texts)
    doubled = {
        p
        for p, q in itertools.pairwise(order)
        if " ".join(texts[p]).strip() == " ".join(texts[q]).strip()
    }
    if len(doubled) < 2:
        return set()
    doubled |= {order[order.index(p) + 1] for p in doubled}
    return {s.id for s in article.sentences if s.paragraph in doubled}

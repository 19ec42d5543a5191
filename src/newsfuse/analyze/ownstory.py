"""The story's own sentences: which sentences of a story's pages report another incident.

Why: outlet pages carry other stories' text, and every consumer that reads sentence by
sentence takes it for the story: a round-up line ("the drive-by comes after another
shooting on Sunday"), a station's video caption of another story (a protest, a night
out), a suspect's old charge in another killing (another victim, another year). Dated,
they become timeline events; compared, "differences"; selected, brief sentences.

The writer's own markers say so ("another shooting", "in a separate incident", a
video's "(Published …)" line), and the story's articles say what the story is: the
names (people, streets, places) that two of its reports print. A sentence is another
incident's when it carries such a marker and none of the story's names, when it is the
death of someone no other report names, or when it follows a count of incidents ("the
second shooting in a week") with a victim and a name of its own. `per_article` works
on one page alone (the names it repeats stand for the other reports), so the brief,
which builds candidates article by article, can ask the same question.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from newsfuse.types import Article, Comparison, Sentence

_INCIDENT = r"(?:shooting|homicide|killing|stabbing|slaying|murder|incident|attack|robbery)s?"
# The writer's marker of another incident: "another shooting", "in a separate incident",
# "unrelated shootings", "earlier this month … also"; not "another shooting victim".
_MARKER = re.compile(
    rf"(?<!yet )(?<!before )(?<!prevent )\banother (?:\w+ )?{_INCIDENT}\b"
    r"(?! (?:victim|suspect|scene|occurs|happens))"
    rf"|\b(?:separate|unrelated|earlier|previous|prior) (?:\w+ )?{_INCIDENT}\b"
    r"(?! (?:victim|suspect|scene))"
    r"|\bearlier this (?:week|month|year)\b[^.]*\balso\b"
    r"|\balso\b[^.]*\bearlier this (?:week|month|year)\b",
    re.IGNORECASE,
)
# A death or shooting of a named person: "the Sept. 16 shooting death of <First Last>".
_DEATH_OF = re.compile(
    r"\b(?:death|killing|murder|slaying|shooting|homicide) of (?P<name>[A-Z][a-z]+"
    r"(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+)+)"
)
# An earlier time in the sentence of a death: another year, "previously".
_OLD = re.compile(
    r"\b(?P<year>(?:19|20)\d\d)\b|\b(?:previously|earlier|prior|years? ago|last year)\b"
)
# A count of incidents: the sentence after it tells the other one ("The shooting was the
# second … in a week. On Thursday, police found the body of …").
_COUNT = re.compile(
    r"\b(?:second|third|fourth|fifth|latest|another)\b[^.]{0,40}\b(?:in|this|within) "
    r"(?:a |less than a |just over a |the past |the last )?(?:week|month|days?|weekend)\b",
    re.IGNORECASE,
)
# A place of the sentence's own: "in the Irving Park neighborhood", "the 4200 block of South
# Princeton Avenue": where a round-up's other shootings happened.
_PLACE = re.compile(
    r"\bin the (?P<hood>(?:[A-Z][\w.'’-]* ){1,3})neighborhood\b"
    r"|\b\d+ block of (?P<block>(?:[A-Z][\w.'’-]*\.? ?){1,4})"
)
_VICTIM = re.compile(
    r"\b(?:shot|killed|wounded|stabbed|slain|body|bodies|found dead|died|murdered)\b",
    re.IGNORECASE,
)
# A station's video block: a "(Published Monday, Aug. 3, 2015)" line or "<Name> reports …"
# (a video of another story as often as of this one; the article's text tells its own).
_VIDEO = re.compile(r"\(Published [A-Z]|^\W*[A-Z][a-z]+ [A-Z][a-z'’]+ reports(?: on\b|\W*$)")
# "another shooting … they believe is related": the story's second scene, not another story.
_RELATED = re.compile(r"(?<!not )(?<!n['’]t )\b(?:related|connected|linked)\b")
_BYLINE = re.compile(r"\([^)]*\)")
_CRIME = re.compile(
    r"shoot|shot|kill|dead|death|die|wound|victim|gun|murder|arrest|suspect|police|stab|slay",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<![\w.])[A-Z][a-z'’]+(?:-[A-Z][a-z]+)?")
# Capitalised words that name no one: days, months, titles, stock openers.
_COMMON = frozenset(
    str.split(
        "Police Officers Officer Sunday Saturday Friday Thursday Wednesday Tuesday Monday "
        "December November October September August July June May April March February "
        "January The This That These Those There Their They When Where What While After "
        "Before According Authorities Detectives Investigators Sheriff Deputies Chief Capt "
        "Sgt Lt Street Avenue Road Drive Boulevard Lane Court Place County City North South "
        "East West Mr Mrs Ms Dr He She It His Her We Our In On At For From With Anyone "
        "Anybody Officials Department Hospital Medical Center News Report Reports Photo Video"
    )
)


def names(text: str) -> set[str]:
    """The capitalised words of a text that may name someone or somewhere."""
    return {w for w in _NAME.findall(text) if len(w) >= 3 and w not in _COMMON}


def story_names(articles: Sequence[Article]) -> set[str]:
    """The names that two of the story's reports print (the story's people, streets,
    places); a story of one report: the names it prints twice or in its title. A word the
    story also writes in lower case is no name ("Out", "Killed" of a headline)."""
    if len(articles) > 1:
        spread: Counter[str] = Counter()
        for article in articles:
            spread.update(names(f"{article.title or ''} {article.body}"))
        common = _lower_words(a.body for a in articles)
        return {w for w, n in spread.items() if n > 1 and w.lower() not in common}
    return per_article_names(articles[0]) if articles else set()


def per_article_names(article: Article) -> set[str]:
    """One page's own evidence: the names of its title and lead, and those two of its
    paragraphs print (a round-up's other shooting repeats its street within its own)."""
    spread: dict[str, set[int]] = {}
    for s in article.sentences:
        for w in names(s.text):
            spread.setdefault(w, set()).add(s.paragraph)
    lead = " ".join(s.text for s in article.sentences[:2])
    found = {w for w, ps in spread.items() if len(ps) > 1} | names(f"{article.title or ''} {lead}")
    return found - {w for w in found if w.lower() in _lower_words([article.body])}


def _lower_words(bodies: Iterable[str]) -> set[str]:
    return {w for body in bodies for w in re.findall(r"(?<![\w.])[a-z]{3,}", body)}


def other_incident(articles: Sequence[Article]) -> set[str]:
    """Ids of the sentences of the story's articles that report another incident."""
    story = story_names(articles)
    multi = len(articles) > 1
    return {sid for article in articles for sid in _article_other(article, story, multi)}


def per_article(article: Article) -> set[str]:
    """`other_incident` of one page read alone (the brief's candidates)."""
    return _article_other(article, per_article_names(article))


def _video(article: Article) -> set[int]:
    """Paragraphs of a station's video block."""
    return {s.paragraph for s in article.sentences if _VIDEO.search(s.text)}


def _other_video(article: Article, story: set[str]) -> set[int]:
    """Video blocks of another subject: none of the story's names and no word of a crime
    (a night out's marches on a shooting's page). Words shared with the story do not
    tell a caption of the story's own shooting from another's (read on gva_dev: a
    story's own captions share a third to three quarters of their words with its other
    reports, another story's a third to a half), so a crime's caption is kept."""
    out = set()
    for p in _video(article):
        text = " ".join(s.text for s in article.sentences if s.paragraph == p)
        text = _BYLINE.sub(" ", text)
        if names(text) and not names(text) & story and not _CRIME.search(text):
            out.add(p)
    return out


def _marked(text: str, own: set[str], story: set[str]) -> bool:
    """A marker of another incident, with none of the story's names and no link to it."""
    return bool(_MARKER.search(text)) and not own & story and not _RELATED.search(text)


def _elsewhere(s: Sentence, previous: Sentence | None) -> bool:
    """A paragraph that opens with a victim somewhere the sentence names on its own (the
    caller checks the story's names, and that the page told of other incidents before):
    a round-up's next shooting."""
    if previous is not None and previous.paragraph == s.paragraph:
        return False
    places = [m["hood"] or m["block"] for m in _PLACE.finditer(s.text)]
    return bool(_VICTIM.search(s.text)) and any(names(p) for p in places)


def _article_other(article: Article, story: set[str], multi: bool = False) -> set[str]:
    """One article's sentences of other incidents, judged against the story's names: a
    marked sentence (never the report's lead, which is the story's own) and, when it
    opens its paragraph, the rest of that paragraph until a sentence names the story."""
    out: set[str] = set()
    video = _other_video(article, story)
    marked_paragraph = -1
    roundup = False
    seen = False  # a page that told of other incidents (its lead a round-up's)
    previous: Sentence | None = None
    for s in article.sentences:
        own = names(s.text)
        seen = seen or bool(_MARKER.search(s.text) and not _RELATED.search(s.text))
        if s.index > 0 and s.paragraph not in video and _marked(s.text, own, story):
            opens = previous is None or previous.paragraph != s.paragraph
            marked_paragraph = s.paragraph if opens else -1
            out.add(s.id)
        elif s.paragraph == marked_paragraph and own & story:
            marked_paragraph = -1
        elif roundup and own & story:
            roundup = False
        elif multi and seen and not own & story and _elsewhere(s, previous):
            roundup = True  # a round-up's next shooting: on until the story is named again
        if roundup:
            out.add(s.id)
        here = s.paragraph in video or s.paragraph == marked_paragraph
        if here or _other_victim(s, previous, story, article.date):
            out.add(s.id)
        if s.paragraph != marked_paragraph:
            marked_paragraph = -1
        previous = s
    return out


def _other_victim(
    s: Sentence, previous: Sentence | None, story: set[str], date: dt.date | None
) -> bool:
    """The death of someone the story does not name, told in an earlier time; a victim
    and a name of its own right after a count of incidents."""
    if _death_of_other(s.text, story, date):
        return True
    return _after_count(s, previous) and bool(_VICTIM.search(s.text) and names(s.text) - story)


def _death_of_other(text: str, story: set[str], date: dt.date | None) -> bool:
    """The death of someone none of the story's names name, told in an earlier time (a
    suspect's old charge in another killing, "the 2007 shooting death of …"): a death
    without one may be the story's own, a victim only the last report names."""
    old = [
        m
        for m in _OLD.finditer(text)
        if not m["year"] or date is None or int(m["year"]) < date.year
    ]
    return bool(old) and any(
        not names(m["name"]) & story and names(m["name"]) for m in _DEATH_OF.finditer(text)
    )


def _after_count(sentence: Sentence, previous: Sentence | None) -> bool:
    """Does the sentence follow, in its paragraph, a count of incidents?"""
    return (
        previous is not None
        and previous.paragraph == sentence.paragraph
        and _COUNT.search(previous.text) is not None
    )


def drop_other(
    items: Iterable[Comparison], articles: Sequence[Article], other: set[str] | None = None
) -> list[Comparison]:
    """The items of "where sources differ" none of whose sides is another incident's;
    `other`: `other_incident(articles)`, if the caller has it."""
    other = other_incident(articles) if other is None else other
    return [c for c in items if not any(cite.sentence_id in other for cite in c.citations)]

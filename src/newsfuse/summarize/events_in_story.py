"""Which of a story's sentences report another event than the story's, kept out of its brief.

Why: a cluster's pages carry other events' lines: a round-up's other shootings, another
state's protest "stoked by another fatal shooting", a list of earlier mass shootings
("<Month> <year>: Four killed at a gathering …"), a club's earlier shootings. In a brief
they read as the story's news, and a reader meets "the ordeal" or "the victim was 11" of
an event never introduced (issue 20, ninth round). The dossier already drops such
sentences from its timeline and its "where sources differ" (analyze.ownstory); the brief
asks its main question here (a writer's marker of another incident, "another shooting",
with none of the story's names), of the sentences that tell of a victim only, and adds
markers ownstory does not read ("prior to that shooting", "blocks away from <day>'s
incident") and two rules of its own: a list's item that opens on an earlier month and
year (a list of a state's earlier mass shootings under the story's, which names the
story's city, led a tuning brief), and a shooting or death set on a day well before the
story's first report (a week or two's margin: the incident itself is told a day or two
late), naming none of the story's names. A follow-up's "shot three males on Jan. 27"
(the story's own incident, its arrest reported in March) is dated after the story's first
report's day less the margin, so it stays.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from newsfuse.analyze.ownstory import _marked, names, story_names
from newsfuse.summarize.features import StoryMatrix

EARLIER_DAYS = 14  # a day this long before the story's first report is another event's
_MONTHS = tuple(m.lower() for m in calendar.month_abbr[1:])  # "jan" … "dec"
_VICTIM = re.compile(  # as analyze.ownstory reads a victim
    r"\b(?:shot|killed|wounded|stabbed|slain|body|bodies|found dead|died|murdered)\b",
    re.IGNORECASE,
)
# The writer's words for a victim of another shooting than the story's ("Prior to that
# shooting, police were called … for a man who was shot", "… were shot just blocks away from
# Wednesday's incident", "<Name>'s death followed that of a boy who …", "The same day, <Name>
# was also shot and killed"), which ownstory's markers ("another shooting") do not read.
_ANOTHER = re.compile(
    r"\bprior to (?:that|the|this) (?:shooting|incident|attack)\b"
    r"|\bblocks? (?:away )?from (?:\w+['’]s|the|that|this) (?:incident|shooting|attack)\b"
    r"|\b(?:death|killing|shooting) (?:followed|came after) that of\b"
    r"|\b(?:the|that) same day\b[^.]*\balso\b|\balso\b[^.]*\b(?:the|that) same day\b",
    re.IGNORECASE,
)
# A victim introduced anew: "An 11-year-old boy was shot …", "A man was found …".
_NEW_VICTIM = re.compile(r"^\W*An? (?:\d+-year-old|man|woman|boy|girl|teen)\b")
# A list's item of an earlier event: "<Month> <year>: Four killed at …".
_LISTED = re.compile(
    rf"^\W*(?:{'|'.join(calendar.month_name[1:])}),? (?P<year>(?:19|20)\d\d)\s*[:–—-]"
)
_DAY = re.compile(
    rf"\b(?P<month>{'|'.join(calendar.month_abbr[1:])})[a-z]*\.? (?P<day>\d{{1,2}})"
    r"(?:st|nd|rd|th)?\b(?!,? \d{4})|\b(?P<year>(?:19|20)\d\d)\b"
)


def other_event_rows(matrix: StoryMatrix) -> set[int]:
    """Rows of `matrix` that report another event (see the module docstring), and the
    sentences right after one in its paragraph that go on with a victim and none of the
    story's names, or a new victim ("A boy of 11 was shot in <a neighbourhood of
    the story's city> the same day", after another day's shooting: alone, it reads as
    the story's day). A report's first sentence is its own story's, unless it is an
    earlier year's list item. Only sentences with a victim are read: ownstory's whole
    reading of every page cost 20-45 ms of CPU a brief (half a brief's time)."""
    victims = [r for r, s in enumerate(matrix.sentences) if _VICTIM.search(s.text)]
    if not victims:
        return set()
    first = min((a.date for a in matrix.articles if a.date is not None), default=None)
    story = story_names(matrix.articles)
    rows: set[int] = set()
    for r in victims:
        sentence = matrix.sentences[r]
        text = sentence.text
        new = not names(text) & story or _NEW_VICTIM.match(text) is not None
        goes_on = r - 1 in rows and _same_paragraph(matrix, r) and new
        if (
            goes_on
            or listed_earlier(text, first)
            or (sentence.index > 0 and another_event(text, first, story))
        ):
            rows.add(r)
    return rows


def _same_paragraph(matrix: StoryMatrix, row: int) -> bool:
    before, here = matrix.sentences[row - 1], matrix.sentences[row]
    same_article = matrix.article_of[row - 1] == matrix.article_of[row]
    return bool(same_article) and before.paragraph == here.paragraph


def listed_earlier(text: str, first: dt.date | None) -> bool:
    """An earlier year's list item ("<Month> <year>: Four killed at …"): a list of a
    state's earlier shootings under the story's names the story's city."""
    listed = _LISTED.match(text)
    return listed is not None and first is not None and int(listed["year"]) < first.year


def another_event(text: str, first: dt.date | None, story: set[str]) -> bool:
    """A victim of another event: the writer's marker (`_ANOTHER`, or ownstory's
    "another shooting" with none of the story's names), or a day weeks
    before the story's first report (`first`) in a sentence that names none of the
    story's names (`story`)."""
    if not _VICTIM.search(text):
        return False
    if _ANOTHER.search(text) or _marked(text, names(text), story):
        return True
    return first is not None and not names(text) & story and earlier_day(text, first)


def earlier_day(text: str, first: dt.date) -> bool:
    """`text` names a day (or a year) more than EARLIER_DAYS before `first`: a month and
    day without a year is read in `first`'s year, or the year before when its month
    comes later in the year than `first`'s ("Dec. 27" in a March report)."""
    for match in _DAY.finditer(text):
        if match["year"]:
            if int(match["year"]) < first.year:
                return True
            continue
        month = _MONTHS.index(match["month"].lower()) + 1
        year = first.year if month <= first.month else first.year - 1
        try:
            day = dt.date(year, month, int(match["day"]))
        except ValueError:
            continue
        if (first - day).days > EARLIER_DAYS:
            return True
    return False

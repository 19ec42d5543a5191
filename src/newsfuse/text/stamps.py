"""A page's stamp glued before a report's sentence, cut off as a sentence of its own
(issue 20, ninth round).

Local pages update a story in place and mark each update on the line it opens: "UPDATE
(<date>): <the news of the hour>", "UPDATE @ <time> (<month> <day>): <the news>",
"Updated at <time> <zone>: <the news>", and keep the older text under "PREVIOUS STORY:",
"EARLIER:" or "FIRST REPORT:". A video embed prefixes its caption, "(Video from
<station>) <the caption>". The stamp is the page speaking about its own text; the
sentence after it is the report. A brief that showed the line showed the stamp (a
reader stumbles on "UPDATE (<date>):" before the news), and a rule that dropped the
line would lose the report and re-rank the story. So the splitter cuts the stamp off
(`stamp_end`) and puts it in no sentence: the report stays a verbatim span of the body
and no later sentence's index moves; a stamp on a line of its own (`stamp_alone`) is
text that is not the article's reporting (extract.pagetext leaves it out).

A stamp's words are the update's word and a time or a date only (a clock time, a month, a
weekday, "at", "on", "@", a zone): "Update: On Aug. 6, <Name> was convicted ..." keeps its
"On Aug. 6" (a capitalised "On" is the sentence's); "Updated figures show ..." has no
closing mark and is no stamp.
"""

from __future__ import annotations

import re

# A note about the article itself, not an update of the news (extract.pagetext's notes).
ABOUT_STORY = re.compile(
    r"\b(?:this|the) (?:story|article|piece|interview)\b|\bearlier version\b"
    r"|\bwrote to (?:us|npr|the)\b|\bincorrectly\b|\bmisstated\b|\bmis-?spoke\b",
    re.IGNORECASE,
)
_MONTH = r"(?:J(?:an|u[nl])|Feb|Ma[ry]|A(?:pr|ug)|Sep|Oct|Nov|Dec)[a-z]{0,6}\.?"
_TOKEN = (
    r"(?:\d{1,2}(?: ?: ?\d{2}){0,2}(?: ?[ap]\.?m\.?| ?[AP]\.?M\.?)?|\d{1,2}/\d{1,2}(?:/\d{2,4})?"
    rf"|\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)|{_MONTH}|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"|at|on|@|noon|midnight|[ECMP][SD]?T)"
)
_SEP = r"[\s,():]*"
# The update's word, its time or date, and the mark that closes the stamp.
_UPDATE = (
    r"[\[(*]{0,3}(?:UPDATE[SD]?|Update[sd]?)(?: COVERAGE)?"
    rf"(?:{_SEP}{_TOKEN}){{0,8}}{_SEP}(?:[:\]–—)-](?=\s)|\*{{3}})"
)
# The older text's label, in capitals only ("Earlier, police said ..." is prose).
_EARLIER = r"(?:PREVIOUS(?: STORY| REPORT)?|EARLIER|FIRST REPORT|ORIGINAL STORY) ?:"
# A video embed's caption prefix: "(Video from <station>)", "(Video courtesy <station>)".
_VIDEO = r"\(Video (?:from|courtesy(?: of)?|by) [^()]{1,40}\)"
_STAMP = re.compile(rf"(?:{_UPDATE}|{_EARLIER}|{_VIDEO})[\s*]*")
# What opens the report after a stamp: a capital, a figure or a quotation mark.
# (Not the rest of a clock time the stamp cut: Multi-News spaces "Updated 2: 00 p.m.".)
_REPORT_OPENS = re.compile(r"(?!\d{1,2}(?: ?: ?\d{2})? ?[aApP]\.?[mM]\b)[A-Z0-9\"“‘']")
_UPDATE_ALONE = re.compile(
    rf"[\[(*]{{0,3}}(?:UPDATE[SD]?|Update[sd]?)(?: COVERAGE)?(?:{_SEP}{_TOKEN}){{0,8}}{_SEP}"
    r"(?:[:\]–—.-]|\*{3})?\W*"
)
_LABEL_ALONE = re.compile(rf"{_EARLIER}|{_VIDEO}")
STAMP_FIRSTS = frozenset("UPEFO([*")  # the letters a stamp opens on, looked at first


def stamp_end(text: str) -> int:
    """The length of the stamp that opens `text` with a report's sentence after it (its
    closing mark and the spaces after it included), or 0 when none does. A note about the
    article ("UPDATE: <Name> wrote to us about this story ...") keeps its stamp, by which
    extract.pagetext knows it and leaves it out whole."""
    if text[:1] not in STAMP_FIRSTS or stamp_alone(text):
        return 0  # a stamp alone ("Updated: <weekday>, <date> @ <time>") is one line
    match = _STAMP.match(text)
    if match is None or not _REPORT_OPENS.match(text, match.end()) or ABOUT_STORY.search(text):
        return 0
    return match.end()


def stamp_alone(text: str) -> bool:
    """True for a line that is a stamp and nothing else ("UPDATE (5:30 p.m.):", "UPDATE @
    10:45 p.m.", "PREVIOUS STORY:"), and for an embed's caption prefix alone."""
    if text[:1] not in STAMP_FIRSTS:
        return False
    stripped = text.strip()
    return bool(_UPDATE_ALONE.fullmatch(stripped) or _LABEL_ALONE.fullmatch(stripped))

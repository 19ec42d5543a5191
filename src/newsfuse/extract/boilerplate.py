"""Which lines of a scraped text are page furniture, not article text.

Conservative by design: a line is dropped only when its whole form says it is
furniture (a call to action, an ad marker, a photo credit, a caption). Every
pattern is anchored to the whole line and the call-to-action ones only apply to
short lines, so a real sentence that happens to start with "Read more" or
"Subscribers" stays. Evidence for each rule is noted beside it.
"""

from __future__ import annotations

import re

# Calls to action and ad markers are short; a long line is prose.
_MAX_FURNITURE_WORDS = 15
# Captions are a few names or a phrase; longer lines are treated as prose.
_MAX_CAPTION_WORDS = 20
# A caption with its credit at the end is one to three sentences (AP captions
# run to ~50 words); a longer line is a whole paragraph or, in Multi-News, a
# whole article on one line, and is never dropped.
_MAX_CREDITED_CAPTION_WORDS = 60

_FURNITURE = re.compile(
    r"""^(?:[-–—•*]\s*)?(?:
        [-–—\s]*advertisement[-–—\s]*            # seed 000 line 1: "ADVERTISEMENT"
        # page tools (barrons.com in the ScrapingHub benchmark: "- Order Reprints")
      | (?:order\s+reprints|print\s+(?:this\s+)?article|email\s+this(?:\s+article)?)
      | this\s+article\s+has\s+been\s+sent\s+to
      | story\s+continues\s+below(?:\s+advertisement)?
      | share\s+this(?:\s+(?:article|story|page))?\s*:?
      | share\s+(?:on|via|to)\s+(?:facebook|twitter|x|email|linkedin|whatsapp|reddit|pinterest)\b.*
      | subscribe\b.*
      | click\s+here\b.*
        # raw scrapes (../shared/data/scrapes): "Listen to the Podcast Audio: Click Here",
        # beforeitsnews.com's poll "% of readers think this story is Fact. Add your two cents."
      | .{1,80}?:\s*click\s+here\.?
      | %\s+of\s+readers\s+think\s+this\s+story\s+is\s+fact\b.*
      | sign\s+up\s+(?:for|to|now)\b.*
      | read\s+more\b.*
      | continue\s+reading\b.*
    )$""",
    re.I | re.X,
)

# Upper-case section labels between paragraphs of newspaper pages, e.g.
# "PHOTOS: Occupy L.A.", "RELATED:", "FULL COVERAGE: ..." in the Multi-News
# full-text test set (LA Times). Case-sensitive: "Related:" in prose is rare
# but not impossible, the all-caps label form is furniture.
_LABEL = re.compile(r"^(?:RELATED|PHOTOS?|VIDEOS?|FULL COVERAGE|SEE ALSO|READ MORE|MORE)\s*:.*$")

_AGENCY = (
    r"(?:AP|AFP|Reuters|Getty\s+Images|Getty|EPA|EPA-EFE|Bloomberg|Shutterstock|"
    r"Associated\s+Press|Xinhua|TASS|Sputnik|UPI|Pool|AFP/Getty\s+Images|Wikimedia\s+Commons)"
)
# Alone on a line, only names that are never a section heading.
_AGENCY_ALONE = r"(?:AP|AFP|Reuters|Getty\s+Images|AFP/Getty\s+Images|EPA|Associated\s+Press)"

_CREDIT = re.compile(
    rf"""^(?:
        # seed 000: "Hassan Rouhani, Vladimir Putin / AP" (caption / agency)
        [^/]{{1,120}}?\s/\s{_AGENCY}
        # "(Photo: Reuters)", "Photo by Jane Doe/AFP", "Image: Getty Images"
      | \(?\s*(?:photo|image|picture|photograph|screenshot|screen\s+shot)s?
        (?:\s+credit)?\s*(?::|by)\s*[^()]{{1,80}}\)?
        # "AP Photo/Evan Vucci", "(AP Photo/Natalia Kolesnikova, Pool, file)"
      | \(?\s*(?:AP|AFP|Reuters|EPA)\s+Photo\s*/[^()]{{1,80}}\)?
        # an agency name alone on its line: "Getty Images", "(Reuters)"
      | \(?\s*{_AGENCY_ALONE}\s*\)?
        # the label "Photo" alone on the line above a caption (WikiRef220, NYT pages)
      | (?:photo|video|image)
    )$""",
    re.I | re.X,
)

# A caption that carries its credit at its end, as in the Multi-News full-text
# documents: "... on site at City Hall ... (David M Warren / Staff Photographer)",
# "... in Moscow. (AP Photo/<photographer>, Pool, file)",
# and AP teasers cut with an ellipsis: "... hearing... (Associated Press)".
# A caption that opens with its credit (christianpost.com in the scrapes sample:
# "(Screenshot: YouTube) Andrew, Luis and Kevin Palau give a health update, ...").
_CREDIT_FIRST = re.compile(
    r"^\((?:photo|image|screenshot|screen\s+shot|video|credit)s?\s*:[^()]{1,80}\)\s", re.I
)

_CAPTION_WITH_CREDIT = re.compile(
    r"""(?:
        \([^()]*\b(?:AP\s+Photo|Photo|Photographer|Getty\s+Images)\b[^()]*\)
      | (?:\.\.\.|…)\s*\((?:Associated\s+Press|AP|Reuters|AFP)\)
        # New York Times captions (WikiRef220 greek.elections.112): "A woman cast her
        # ballot at a polling station in Athens on Sunday. Credit John Kolesidis/Reuters"
      | \bCredit\s+(?:[A-Z][\w.'’-]*\s){1,4}?[A-Z][\w.'’-]*
        (?:\s*/\s*[A-Z][\w.'’ -]{1,40}|\s+for\s+The\s+New\s+York\s+Times)
    )\s*$""",
    re.X,
)

_TERMINAL = frozenset('.!?:;"”’)')


# Lines a page prints around every article, never part of it: a bare URL (113 of 113
# in the scrapes sample), a reprint notice ("This copy is for your personal,
# non-commercial use only. To order presentation-ready copies ... djreprints.com"),
# a copyright line ("Copyright ©2019 Dow Jones & Company, Inc. All Rights Reserved").
_PAGE_LINE = re.compile(
    r"""^(?:
        \(?(?:https?://|www\.)\S+\)?
      | .*\bfor\s+your\s+personal,?\s+non-commercial\s+use\b.*
      | .*\bdjreprints\.com\b.*
      | (?:copyright\s*)?(?:©|\(c\)|copyright)\s*\d{4}\b.*\ball\s+rights\s+reserved\.?
        # a site name with its copyright sign ("Before It's News ©")
      | [^.!?]{1,60}©
        # a source line under a reposted text: "Source: http://silveristhenew.com/2018/..."
      | (?:source|via|originally\s+published\s+(?:at|on|by))\s*:?\s*(?:https?://|www\.)\S+
    )$""",
    re.I | re.X,
)
_MAX_PAGE_LINE_WORDS = 60


def more_words_than(line: str, n: int) -> bool:
    """len(line.split()) > n, without splitting a long line (a paragraph) in full."""
    return len(line.split(maxsplit=n)) > n


def is_furniture(line: str) -> bool:
    """An ad marker, share/subscribe/read-more call, section label, bare URL, reprint
    notice or copyright line."""
    if not more_words_than(line, _MAX_PAGE_LINE_WORDS) and _PAGE_LINE.match(line):
        return True
    if _LABEL.match(line):
        return not more_words_than(line, _MAX_FURNITURE_WORDS)
    return not more_words_than(line, _MAX_FURNITURE_WORDS) and bool(_FURNITURE.match(line))


def is_credit(line: str) -> bool:
    """A line that is only a photo credit (a credit never ends like a sentence)."""
    if not line or line[-1] in ".!?" or more_words_than(line, _MAX_CAPTION_WORDS):
        return False
    return bool(_CREDIT.match(line))


def is_captioned_credit(line: str) -> bool:
    """A caption line ending in its photo credit."""
    if more_words_than(line, _MAX_CREDITED_CAPTION_WORDS):
        return False
    return bool(_CAPTION_WITH_CREDIT.search(line) or _CREDIT_FIRST.match(line))


def is_short_caption(line: str) -> bool:
    """Short and without terminal punctuation: may be the caption of a credit below it."""
    words = len(line.split(maxsplit=_MAX_CAPTION_WORDS))
    return 0 < words <= _MAX_CAPTION_WORDS and line[-1] not in _TERMINAL


def furniture_mask(lines: list[str]) -> list[bool]:
    """True for each line to drop: furniture, credits, and the caption above a credit.

    The caption rule needs the credit directly below it (no blank line between),
    as in seed 000: "Hassan Rouhani, Vladimir Putin" then ".../ AP".
    """
    drop = [is_furniture(line) or is_credit(line) or is_captioned_credit(line) for line in lines]
    for i in range(1, len(lines)):
        if is_credit(lines[i]) and not drop[i - 1] and is_short_caption(lines[i - 1]):
            drop[i - 1] = True
    return drop

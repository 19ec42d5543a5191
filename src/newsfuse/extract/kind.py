"""Is an input an article, or another kind of page that a scraper saved?

Scrapes and archives carry pages that are not reports: the Wayback Machine's
crawl notices ("Starting in 1996, Alexa Internet has been donating their crawl
data to the Internet Archive..."), consent and error pages ("Sorry, the page you
requested was not found"), player and widget pages ("The interactive transcript
could not be loaded."; Twitter's "Add a location to your Tweets"), reprint and
paywall notices ("Dow Jones Reprints: This copy is for your personal,
non-commercial use only"), and texts too short to report anything (a tweet).
In the full-text Multi-News test documents they became stories of their own
and headed briefs.

A page is read paragraph by paragraph: a paragraph in one of the known notice
forms counts for its kind, repeats of a paragraph count once, and what is left
is the page's own text. A page whose own text is under MIN_OWN_WORDS words is
not an article: it is of the kind of its notices, else "short". Notices inside
a real article (an NPR copyright line, "Please enable JavaScript to view the
comments") leave plenty of own text, so the article stays an article.
"""

from __future__ import annotations

import re

ARTICLE = "article"
# Kinds of non-article pages, as stored in Article.kind.
ARCHIVE = "archive"  # web-archive crawl or collection notice
ERROR = "error"  # error, consent, "JavaScript is disabled" or login page
WIDGET = "widget"  # video player, social-media widget, index of headlines
NOTICE = "notice"  # reprint, paywall or share-by-email notice
SHORT = "short"  # too little text to be a report
KINDS = (ARTICLE, ARCHIVE, ERROR, WIDGET, NOTICE, SHORT)

# Words of a page's own text (notices and repeats removed) below which it is not
# an article. Multi-News full-text test: the shortest real reports run 60+ words;
# tweets and widget blurbs 20-45.
MIN_OWN_WORDS = 50
# A notice paragraph is short; a long paragraph that mentions cookies is prose.
_MAX_NOTICE_WORDS = 120

# The notice forms, each with its kind; a paragraph in one of them is not own text.
# Alternatives are searched in a short paragraph (one alternative per line).
_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (ARCHIVE, (r"internet archive", r"wayback machine", r"archive-it", r"web captures?",
               r"crawl(?:s| data)\b", r"warcs?\b")),
    (ERROR, (r"page (?:you requested )?(?:was |could )?not (?:be )?found", r"404\b",
             r"page (?:is )?no longer available", r"javascript is disabled",
             r"enable javascript", r"your browser does not support", r"access denied",
             r"we use cookies", r"accept (?:all )?cookies", r"cookie (?:policy|settings)",
             r"your privacy choices", r"consent", r"click here to go to the home page",
             r"check the url", r"try again later")),
    (NOTICE, (r"this copy is for your personal,? non-commercial use", r"order reprints",
              r"djreprints", r"subscribe (?:now )?to (?:continue|read)", r"to continue reading",
              r"already a subscriber", r"subscribers? only", r"spreading the word about",
              r"recommending the page", r"not junk mail")),
    (WIDGET, (r"interactive transcript", r"rating is available when the video",
              r"this feature is not available right now", r"tweet with a location",
              r"add a location to your tweets", r"location information to your tweets",
              r"twitter stores that location", r"tomatometer", r"legacy twitter",
              r"more from this journal", r"latest headlines",
              r"published on [a-z]{3} \d{1,2}, \d{4}$",
              # a share bar's or a dialog's lone words, one per line
              r"^(?:yes|no|close|×|share|embed|follow|facebook|twitter|linkedin|google\+?"
              r"|email|reddit|pinterest|whatsapp|print|tumblr)$",
              r"^(?:share this|like this)\s*:")),
)  # fmt: skip
_NOTICES = tuple(
    (kind, re.compile(r"\b(?:" + "|".join(forms) + ")", re.I)) for kind, forms in _FORMS
)


# Scripts written without spaces between words (Chinese, Japanese, Thai): there
# a word is counted per two letters, about the mean length of a Japanese word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def _words(paragraph: str) -> int:
    return len(paragraph.split()) + len(_UNSPACED.findall(paragraph)) // 2


def _notice_kind(paragraph: str) -> str | None:
    if len(paragraph.split(maxsplit=_MAX_NOTICE_WORDS)) > _MAX_NOTICE_WORDS:
        return None
    for kind, pattern in _NOTICES:
        if pattern.search(paragraph):
            return kind
    return None


def classify(body: str) -> str:
    """ARTICLE, or the kind of page `body` (paragraphs split by blank lines) is."""
    own = 0
    notices: dict[str, int] = {}
    seen: set[str] = set()
    for paragraph in body.split("\n"):
        paragraph = paragraph.strip()
        if not paragraph or paragraph in seen:
            continue
        seen.add(paragraph)
        words = _words(paragraph)
        kind = _notice_kind(paragraph)
        if kind is None:
            own += words
            if own >= MIN_OWN_WORDS:
                return ARTICLE
        else:
            notices[kind] = notices.get(kind, 0) + words
    if notices:
        return max(notices, key=lambda k: notices[k])
    return SHORT


def is_article(kind: str) -> bool:
    return kind == ARTICLE

"""Is an input an article, or another kind of page that a scraper saved?

Scrapes and archives carry pages that are not reports: the Wayback Machine's crawl
notices ("Starting in 1996, Alexa Internet has been donating their crawl data to the
Internet Archive..."), consent and error pages ("Sorry, the page you requested was not
found"), player and widget pages ("The interactive transcript could not be loaded.";
Twitter's "Add a location to your Tweets"), reprint and paywall notices ("Dow Jones
Reprints: This copy is for your personal, non-commercial use only"), texts too short to
report anything (a tweet), campaign pages (extract.pagetext). In the full-text
Multi-News test documents they became stories of their own and headed briefs.

A page is read paragraph by paragraph: a paragraph in one of the known notice
forms counts for its kind, repeats of a paragraph count once, and what is left
is the page's own text. A page whose own text is under MIN_OWN_WORDS words is
not an article: it is of the kind of its notices, else "short". Notices inside
a real article (an NPR copyright line, "Please enable JavaScript to view the
comments") leave plenty of own text, so the article stays an article.

Pages that are not articles by their structure rather than by a notice (sign-up and
notification dialogs, wire photo-caption pages, forecasts, link lists, a video show's
rundown, feed excerpts) are read the same way, sentence by sentence: text already seen on
the page, interface text, captions, link lines and timestamp rundowns are not own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from newsfuse.extract.pagetext import APPEAL, REFERENCE, page_form

ARTICLE = "article"
# Kinds of non-article pages, as stored in Article.kind (and extract.pagetext's two).
ARCHIVE = "archive"  # web-archive crawl or collection notice
ERROR = "error"  # error, consent, "JavaScript is disabled" or login page
WIDGET = "widget"  # video player, social-media widget, index of headlines
NOTICE = "notice"  # reprint, paywall or share-by-email notice
SHORT = "short"  # too little text to be a report
KINDS = (ARTICLE, ARCHIVE, ERROR, WIDGET, NOTICE, SHORT, APPEAL, REFERENCE)

# Words of a page's own text (notices and repeats removed) below which it is not
# an article. Multi-News full-text test: the shortest real reports run 60+ words;
# tweets and widget blurbs 20-45. The fresh sample's leads cut at 46-48 words by
# Multi-News's shortening are read as "short" at 50; 45 fixed those but lost a page
# on the first sample and three (a 48-word sign-up dialog, a 47-word reuse notice,
# a 48-word fragment) on the held-out one, so 50 stays.
MIN_OWN_WORDS = 50
# A notice paragraph is short; a long paragraph that mentions cookies is prose.
_MAX_NOTICE_WORDS = 120

# The notice forms, each with its kind; a paragraph in one of them is not own text.
# Alternatives are searched in a short paragraph (one alternative per line).
_FORMS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (ARCHIVE, (r"internet archive", r"wayback machine", r"archive-it", r"web captures?",
               r"crawl(?:s| data| of|ed)\b", r"warcs?\b",
               r"\bweb archiv", r"\barchiving\b", r"^the seed for \S+ was",
               r"(?:properties of|for) this collection", r"not publicly accessible")),
    (ERROR, (r"page (?:you requested )?(?:was |could )?not (?:be )?found", r"404\b",
             r"page (?:is )?no longer available", r"javascript is disabled",
             r"enable javascript", r"your browser does not support", r"access denied",
             r"we use cookies", r"accept (?:all )?cookies", r"cookie (?:policy|settings)",
             r"your privacy choices", r"consent", r"click here to go to the home page",
             r"check the url", r"try again later", r"trouble locating",
             r"what you're looking for", r"advanced search", r"need more assistance")),
    (NOTICE, (r"this copy is for your personal,? non-commercial use", r"order reprints",
              r"djreprints", r"subscribe (?:now )?to (?:continue|read)", r"to continue reading",
              r"already a subscriber", r"subscribers? only", r"subscriber content",
              r"spreading the word about",
              r"recommending the page", r"not junk mail")),
    (WIDGET, (r"interactive transcript", r"rating is available when the video",
              r"this feature is not available right now", r"tweet with a location",
              r"add a location to your tweets", r"location information to your tweets",
              r"twitter stores that location", r"tomatometer", r"legacy twitter",
              r"add this (?:tweet|video) to your website", r"embedding twitter content",
              r"more from this journal", r"latest headlines",
              r"\brating: \d+(?:\.\d)?/\d",  # a review aggregator's critic blurb
              r"published on [a-z]{3} \d{1,2}, \d{4}$",
              # a share bar's or a dialog's lone words, one per line
              r"^(?:yes|no|close|×|share|embed|follow|facebook|twitter|linkedin|google\+?"
              r"|email|reddit|pinterest|whatsapp|print|tumblr)$",
              r"^(?:share this|like this)\s*:")),
)  # fmt: skip
# Each form on its own, searched in the lower-cased paragraph: a pattern that opens
# with a literal is found by a fast scan, where one alternation of all the forms
# costs ~200 us over a 150-word paragraph (the ingest benchmark's documents).
_NOTICES = tuple((kind, re.compile(form)) for kind, forms in _FORMS for form in forms)
# A literal in every form above but the lone-word ones (which need a short line): a
# paragraph holding none of them is no notice, and `in` is faster still.
_KEYWORDS: tuple[str, ...] = (
    "archiv", "wayback", "crawl", "warc", "capture", "found", "404", "no longer",
    "javascript", "browser", "denied", "cookie", "privacy", "consent", "home page",
    "url", "try again", "trouble locating", "looking for", "advanced search",
    "assistance", "non-commercial", "reprint", "subscri", "continue reading",
    "spreading", "recommending", "junk mail", "transcript", "video", "feature",
    "tweet", "tomatometer", "twitter", "journal", "headlines", "published on", "seed", "rating",
    "collection", "publicly",
)  # fmt: skip
# Each form with the keywords it holds: a form is searched only when one of its
# keywords is in the unit (a common word such as "found" no longer runs all forms).
_FORM_KEYS = tuple(
    (kind, pattern, frozenset(k for k in _KEYWORDS if k in pattern.pattern))
    for kind, pattern in _NOTICES
)
# Pages known by how they open, whatever follows: a YouTube description page ("Published
# on Aug 15, 2018" then the uploader's blurb and links) and a profile page's "Personal
# quote:" (fresh sample: 6 such pages of 50-200 words, each read as an article).
_PAGE_OPENINGS = re.compile(r"(?:published on [a-z]{3} \d{1,2}, \d{4}\b|personal quote:)")
_LONE_WORDS = 3

# Interface text: a unit that speaks to the reader about the site rather than the news
# (sign-up, log-in and notification dialogs, comment forms, forum controls, share and
# donate prompts). Two distinct interface terms, or one in a short unit, make a unit
# interface text. A report that
# mentions an e-mail or an account keeps its other sentences, so only short pages of
# interface text become non-articles (held-out: the sign-up and e-mail notification
# dialogs, a forum thread's controls, a submission page's instructions).
_UI_TERMS = re.compile(
    r"\b(?:sign(?:ing)? ?(?:up|in)|log ?in|log ?out|register(?:ing)?|registration|account"
    r"|password|username|e-?mail|inbox|notifications?|subscri(?:be|ption)|newsletters?"
    r"|terms of (?:use|service)|privacy policy|click(?:ing)?|download|browser|profile"
    r"|verification|activate|submission|comments|(?:de)?select post|link to post"
    r"|back to top|posts: \d|follow us|see more|paypal|donat(?:e|ion))\b"
)
_UI_SHORT = 8
# A sentence holding one of these and no other interface term is "soft" interface text: it
# counts as own text only while the page holds at least as much plain prose (a paywall's
# "... you can purchase a subscription and continue to enjoy ...", each sentence with one
# term; report sample). Words common in news ("account", "comments", "profile", "e-mail",
# "password", "notifications", "donation", "PayPal") are not among them: a report may
# mention one in every sentence (Multi-News train: a PayPal story, a layoff's notices).
_SOFT_TERMS = re.compile(
    r"\b(?:subscri(?:be|bers?|ption)|sign(?:ing)? ?(?:up|in)|log ?in|newsletters?|inbox"
    r"|click(?:ing)?|verification)\b"
)
SOFT = "soft"  # a unit marker, never a page's kind
_SOFT_MAX_WORDS = 40  # a longer sentence is prose that mentions a subscription
_LOGIN = frozenset(("account", "password", "username", "registration"))
# Literals, one in every form of the patterns above and below: `in` scans are ~10x
# faster than the patterns, and most sentences hold none.
_UI_KEYWORDS: tuple[str, ...] = (
    "sign", "log", "regist", "account", "password", "username", "mail", "inbox",
    "notification", "subscri", "newsletter", "terms of", "privacy policy", "click",
    "download", "browser", "profile", "verification", "activate", "submission",
    "comments", "post", "back to top", "follow us", "see more", "paypal", "donat",
)  # fmt: skip
_CAPTION_KEYWORDS: tuple[str, ...] = ("photo", "press", "image", "getty", "credit")
_URL_KEYWORDS: tuple[str, ...] = ("http", "www.", "pic.twitter.com/")
_CUES = _KEYWORDS + _UI_KEYWORDS + _CAPTION_KEYWORDS + _URL_KEYWORDS + (":", "[")
# Own words past which a page whose long or cue-free paragraphs reach them is an
# article at once (held-out non-articles: 30-190 words, mostly under 100).
PLAIN_WORDS = 150
# A photo caption (a wire photo's "File - in this ... file photo" and credits): a page of
# captions is a photo or gallery page (held-out: two AP caption pages, cut and repeated).
_CAPTION = re.compile(
    r"\bfile photo\b|\(\s*ap photo|\(\s*associated press\s*\)|\bimage (?:caption|copyright)\b"
    r"|\bphotos? ?(?:credit)?:|\bgetty images\b|\bcredit:"
)
# A link line (a title and its address) and a video rundown's timestamps ("6:30 The ...")
# are an index, not prose.
_URL = re.compile(r"https?://|\bwww\.|pic\.twitter\.com/")
_LINK_WORDS = 25
_TIMESTAMP = re.compile(r"\b\d{1,2}: ?\d\d\b")
_RUNDOWN_STAMPS = 2
_RUNDOWN_WORDS_PER_STAMP = 15
# A wire dateline ("Washington (AP) —") opens a report: a page whose own text opens with
# one is a report's lead even when cut short, so half of MIN_OWN_WORDS suffices.
_WIRE_DATELINE = re.compile(
    r"[a-z][a-z .,'-]{1,40}\(\s*(?:ap|reuters|afp|upi|cnn|bloomberg)\s*\)\s*[-—–]"
)
# A feed excerpt ends in a bracketed ellipsis (WordPress's "[…]" after 55 words): such a
# page must carry twice the own text of another to be an article.
_EXCERPT = re.compile(r"\[\s*(?:…|\.\s?\.\s?\.)\s*\]")
# Repeats: a word counts as the page's own text only if the SHINGLE words it starts were
# not seen earlier on the page (a caption or a forecast repeated on one line).
_SHINGLE = 5
# A paragraph with a notice in it is read sentence by sentence past this many words.
_SPLIT_WORDS = 30
# Also after Urdu's full stop and question mark (a tweet-embed page in Urdu).
_SENTENCE_END = re.compile(r"(?<=[.!?\u06d4\u061f])\s+")

# A lead cut mid-sentence by a shortener (Multi-News keeps a document's first words and
# stops inside a sentence), all prose, is a report's lead, not a tweet or a dialog, so
# fewer own words suffice (dev, fresh and report samples: leads cut at 41-48 words read as "short").
CUT_LEAD_WORDS = 40
_CUT_SENTENCE_WORDS = 4  # the cut sentence
_CUT_TAIL_WORDS = 20  # the paragraph it ends
# An index of dated teasers: at least _INDEX_DATES short lines that open with a date, one
# per _INDEX_WORDS_PER_DATE words of the page or more.
_DATE_LINE = re.compile(
    r"\s*(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d{1,2},? \d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4})\b"
)
_INDEX_DATES = 3
_INDEX_WORDS_PER_DATE = 40

# Scripts written without spaces between words (Chinese, Japanese, Thai): there
# a word is counted per two letters, about the mean length of a Japanese word.
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u0e00-\u0e7f]")


def _words(paragraph: str) -> int:
    """Words of a paragraph, counted up to MIN_OWN_WORDS when spaces already reach it
    (Multi-News holds whole articles on one line: no need to count them all)."""
    spaced = len(paragraph.split(maxsplit=MIN_OWN_WORDS))
    if spaced >= MIN_OWN_WORDS:
        return spaced
    return spaced + len(_UNSPACED.findall(paragraph)) // 2


def _structure_kind(low: str, words: int) -> str | None:
    """The kind of a unit by its structure: interface text, a caption, a link line or a
    rundown of timestamps; None for prose."""
    soft = False
    if any(k in low for k in _UI_KEYWORDS):
        terms = {m.group() for m in _UI_TERMS.finditer(low)}
        if len(terms) >= 2 or (terms and words <= _UI_SHORT):
            return ERROR if terms & _LOGIN else WIDGET
        soft = words <= _SOFT_MAX_WORDS and _SOFT_TERMS.search(low) is not None
    if words <= _SPLIT_WORDS and any(k in low for k in _CAPTION_KEYWORDS) and _CAPTION.search(low):
        return WIDGET
    if words <= _LINK_WORDS and any(k in low for k in _URL_KEYWORDS):
        return WIDGET
    if ":" in low:
        stamps = len(_TIMESTAMP.findall(low))
        if stamps >= _RUNDOWN_STAMPS and words <= stamps * _RUNDOWN_WORDS_PER_STAMP:
            return WIDGET
    return SOFT if soft else None


def _notice_kind(paragraph: str, words: int) -> str | None:
    if (
        words >= MIN_OWN_WORDS
        and len(paragraph.split(maxsplit=_MAX_NOTICE_WORDS)) > _MAX_NOTICE_WORDS
    ):
        return None
    low = paragraph.lower()
    found = {k for k in _KEYWORDS if k in low}
    if words <= _LONE_WORDS or found:
        for kind, pattern, keys in _FORM_KEYS:
            if (words <= _LONE_WORDS or not keys or keys & found) and pattern.search(low):
                return kind
    return _structure_kind(low, words)


def _sentences(paragraph: str) -> Iterator[str]:
    """The sentences of a paragraph, lazily: an article's own text is usually found in
    its first few, and Multi-News keeps whole pages on one line."""
    start = 0
    for match in _SENTENCE_END.finditer(paragraph):
        yield paragraph[start : match.start()]
        start = match.end()
    yield paragraph[start:]


def _parts(paragraph: str, words: int) -> Iterator[tuple[str, int, str | None]]:
    """A paragraph as (text, words, kind) units: itself when short, else its sentences.
    "Please enable Javascript to watch this video" followed by the article's dateline and
    lead on one line is a notice sentence, then the article; a caption repeated on one
    line is read once."""
    if words <= _SPLIT_WORDS:
        yield paragraph, words, _notice_kind(paragraph, words)
        return
    for sentence in _sentences(paragraph):
        if sentence.strip():
            yield from _uncaptioned(sentence)


def _uncaptioned(sentence: str) -> Iterator[tuple[str, int, str | None]]:
    """A long sentence as units: Multi-News runs a photo caption into the lead without a
    sentence end ("... ( ap photo/name ) washington ( ap ) — ..."), so what precedes the
    last caption credit is a caption and what follows is read on its own."""
    n = _words(sentence)
    low = sentence.lower()
    if (
        n > _SPLIT_WORDS
        and any(k in low for k in _CAPTION_KEYWORDS)
        and (credits := list(_CAPTION.finditer(low)))
    ):
        cut = credits[-1].end()
        head, tail = sentence[:cut], sentence[cut:]
        yield head, _words(head), WIDGET
        if tail.strip():
            m = _words(tail)
            yield tail, m, _notice_kind(tail, m)
        return
    yield sentence, n, _notice_kind(sentence, n)


def _novel_words(text: str, words: int, seen: set[tuple[str, ...]]) -> int:
    """Words of `text` that start a run of _SHINGLE words not seen before on the page."""
    tokens = text.lower().split()
    # every run of _SHINGLE words, then the shorter runs at the end
    runs = list(zip(*(tokens[i:] for i in range(_SHINGLE)), strict=False))
    runs += [tuple(tokens[i:]) for i in range(len(runs), len(tokens))]
    novel = 0
    for run in runs:
        if run not in seen:
            seen.add(run)
            novel += 1
    return novel + max(0, words - len(tokens))


def _plainly_prose(paragraphs: list[str]) -> bool:
    """True when the page holds PLAIN_WORDS words in paragraphs that are long (a notice
    is short) or hold no cue of a notice, interface text, caption, link or timestamp:
    such a page is an article without reading it sentence by sentence (the careful
    reading costs ~4x more, and most reports pass here)."""
    own = 0
    for paragraph in paragraphs:
        n = len(paragraph.split())
        low = paragraph.lower()
        if n > _MAX_NOTICE_WORDS or not any(k in low for k in _CUES):
            own += n
            if own >= PLAIN_WORDS:
                return True
    return False


def _dated_index(body: str) -> bool:
    """True for an index of dated teasers (an author or archive page: a date-and-byline
    line above each one-sentence teaser), which reads as short prose paragraphs."""
    if body.count("\n") < 2 * _INDEX_DATES:
        return False
    lines = body.lower().split("\n")
    dates = sum(1 for line in lines if _DATE_LINE.match(line) and len(line.split()) <= 10)
    return dates >= _INDEX_DATES and dates * _INDEX_WORDS_PER_DATE >= len(body.split())


def _needed(body: str) -> int:
    """Own words that make the page an article: twice MIN_OWN_WORDS for a feed excerpt or a
    page that opens with a crawl notice."""
    if _EXCERPT.search(body):
        return 2 * MIN_OWN_WORDS
    first_line = body.lstrip()[:300].split("\n", 1)[0]
    _, _, first = next(_parts(first_line, _words(first_line)), ("", 0, None))
    return 2 * MIN_OWN_WORDS if first == ARCHIVE else MIN_OWN_WORDS


def _cut_mid_sentence(body: str) -> bool:
    """True when the text stops inside a sentence of prose, as a shortener cuts a lead (a
    tweet's closing hashtag, a caption or a critic's rating cut off is no lead)."""
    tail = body.rstrip()[-300:].rsplit("\n", 1)[-1]
    if not (tail[-1:].isalnum() or tail[-1:] in ",;(-—") or _URL.search(tail.lower()):
        return False
    last = _SENTENCE_END.split(tail)[-1]
    words = _words(last)
    return (
        len(tail.split()) >= _CUT_TAIL_WORDS
        and words >= _CUT_SENTENCE_WORDS
        and _notice_kind(last, words) is None
    )


def classify(body: str) -> str:
    """ARTICLE, or the kind of page `body` (paragraphs split by blank lines) is."""
    if _PAGE_OPENINGS.match(body.lstrip()[:40].lower()):
        return WIDGET
    if form := page_form(body):
        return form
    if _dated_index(body):
        return WIDGET
    # Distinct paragraphs, longest first: an article's own text reaches MIN_OWN_WORDS
    # in a paragraph or two, before the notice forms are tried on many short lines.
    paragraphs = sorted({p.strip() for p in body.split("\n")} - {""}, key=len, reverse=True)
    if _plainly_prose(paragraphs):
        return ARTICLE
    needed = _needed(body)
    own = soft = repeated = 0
    clean = True  # prose only: no notice, interface text or caption
    notices: dict[str, int] = {}
    seen: set[tuple[str, ...]] = set()
    for paragraph in paragraphs:
        for text, words, kind in _parts(paragraph, _words(paragraph)):
            if kind is None:
                if _WIRE_DATELINE.match(text.lower()):
                    needed = min(needed, MIN_OWN_WORDS // 2)
                novel = _novel_words(text, words, seen)
                repeated += words - novel
                own += novel
                if own >= needed:
                    return ARTICLE
            elif kind == SOFT:
                soft += _novel_words(text, words, seen)
                clean = False
            else:
                notices[kind] = notices.get(kind, 0) + words
                clean = False
    if own + soft >= needed and own >= soft:
        return ARTICLE
    clean = clean and repeated < _SHINGLE  # a repeated run of words is no lead's
    if clean and own >= CUT_LEAD_WORDS and _cut_mid_sentence(body):
        return ARTICLE
    if notices:
        return max(notices, key=lambda k: notices[k])
    return WIDGET if soft > own else SHORT


def is_article(kind: str) -> bool:
    return kind == ARTICLE

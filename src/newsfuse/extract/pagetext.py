"""What on a page is not the report: a campaign's own page, and inside an article the
editor's notes, embedded players and photo captions.

`extract.kind` tells a report from a page that is none by its notices and structure.
Two things it cannot see that a reader met in briefs (issue 20, fifth pass):

- a fundraising campaign's page (GoFundMe) is prose, on topic and long, yet it is the
  campaign's appeal, not anyone's reporting ("... needs our help! ... We must open our
  hearts and wallets"). GoFundMe's pages end on its share bar ("Help spread the word!
  Share Tweet 300k shares on Facebook"): 1 page in multinews_fulltext.test, 14 in
  Multi-News train, every one a campaign's own text; such a page is of kind APPEAL;
- inside a real article, units that are not its reporting: a correction or editor's note
  (an NPR page opened on an "UPDATE:" in which an advocate had written to the network
  about two points of its story, then paragraphs quoting her), ABC's video embed line ("EMBED >More
  News Videos <the video's caption>"), a player's controls ("Video Loading Video
  Unavailable Click to play"), and photo captions known by their credit ("(Name/Outlet)"
  after or before them) or by NPR's "Enlarge" image block. `article_sentences` leaves
  them out, so they neither fill a brief nor open one.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from newsfuse.extract.pagelines import form_lines
from newsfuse.text.patterns import AnyOf
from newsfuse.text.stamps import ABOUT_STORY, stamp_alone
from newsfuse.types import Sentence

APPEAL = "appeal"  # a fundraising campaign's own page (Article.kind)
REFERENCE = "reference"  # an encyclopedia's page (Article.kind): not anyone's report
_APPEAL_END = re.compile(r"help spread the word!?\s+share\s+tweet\b", re.IGNORECASE)
_APPEAL_TAIL = 400  # characters: the share bar closes the page


def appeal_page(body: str) -> bool:
    """True for a crowdfunding campaign's page: it closes on GoFundMe's share bar."""
    return bool(_APPEAL_END.search(body[-_APPEAL_TAIL:]))


# An encyclopedia's page filed in a story as if it were a report (fourth round: gva_dev
# holds three Wikipedia pages on shootings, multinews_fulltext.test a medical topic page
# whose sentences, "[10]" and all, filled a brief about a celebrity): it opens on the
# encyclopedia's own lines, or it carries footnote marks ("[12]") densely, one per
# _WORDS_PER_CITE words or more and at least _MIN_CITES (a column's "[1]" does not).
_REFERENCE_OPENING = re.compile(
    r"from wikipedia, the free encyclopedia|\" redirects here\b|\bfor other uses, see\b"
    r"|^this article is about\b",
    re.IGNORECASE,
)
_CITE = re.compile(r"\[\d{1,3}\]")
_MIN_CITES = 8
_WORDS_PER_CITE = 120
_REFERENCE_HEAD = 400  # characters


def reference_page(body: str) -> bool:
    """True for an encyclopedia's page: its opening lines or dense footnote marks."""
    if _REFERENCE_OPENING.search(body.lstrip()[:_REFERENCE_HEAD]):
        return True
    cites = len(_CITE.findall(body))
    return cites >= _MIN_CITES and cites * _WORDS_PER_CITE >= len(body.split())


def page_form(body: str) -> str | None:
    """APPEAL or REFERENCE when the page is of that form whatever its prose, else None."""
    if appeal_page(body):
        return APPEAL
    return REFERENCE if reference_page(body) else None


# A note about the article itself: a correction, clarification or editor's note always;
# an "UPDATE:" only when it speaks of the story (an update of the news is the news:
# gva_dev's local reports open "UPDATE: Police have identified the victim ...").
_NOTE = re.compile(
    r"^(?:correction|clarification|editor'?s'?|editors[’']|editor’s)\b[^:]{0,40}:",
    re.IGNORECASE,
)
_UPDATE = re.compile(r"^update[sd]?\b[^:]{0,40}:", re.IGNORECASE)
# Who the note quotes: the first name of two or more capitalised words ("Andrea Johnson").
_NAME = re.compile(r"\b[A-Z][a-z]+(?: [A-Z]\.)? ([A-Z][a-z]{2,})\b")
_NOTE_SPEAKS = re.compile(r"\b(?:she|he|they) (?:writes|wrote|says|said|adds|added)\b")
_NOTE_PARAGRAPHS = 3  # paragraphs after the note that may go on quoting its writer
_BLOCK_SENTENCES = 4  # a longer paragraph is a page kept on one line (Multi-News)

# Players and embeds inside an article.
_EMBED = re.compile(
    r"^embed\b|\bmore news videos\b|\bvideo (?:loading|unavailable)\b|\b(?:click|tap) to play\b"
    r"|\bthe video will start in\b|^watch the (?:full )?(?:report|video|story) (?:from|on)\b",
    re.IGNORECASE,
)
# (its alternatives searched only when their word is in the text: every sentence of a
# brief's articles is asked, and the whole pattern cost 8 us a sentence, AnyOf's 3)
_EMBEDS = AnyOf.of(_EMBED)
# A wire photo's caption ("FILE - In this ... file photo, ...", "This undated photo shows
# ..."), an embedded tweet (its picture link, its "— Name (@handle) May 10, 2016" line)
# and a bare web address in parentheses ("(wearelumos.org/letstalklumos)", an author's
# tagline). A report's own "a police photo shows ..." is not matched.
_CAPTION_TEXT = re.compile(
    r"(?:^|\) )file\s*[-–—]\s"
    r"|^this (?:[\w.,'’-]+ ){0,6}(?:photo|image|picture)(?: provided by [^,]{1,40})?"
    r",? shows?\b|pic\.twitter\.com/|\(@\w{1,20}\) [a-z]{3,9}\.? \d{1,2}, \d{4}"
    r"|\((?:www\.)?[\w-]+\.(?:org|com|net|gov|edu)/[^\s)]*\)",
    re.IGNORECASE,
)
# A photo credit in parentheses, "(Todd Maisel/New York Daily News)", "(Peter Dawson/FOX5)".
_CREDIT = re.compile(r"^\((?:[A-Z][\w.'’-]*\.? ?){1,4}/ ?[A-Z][^()]{1,50}\)")
_ENLARGE = re.compile(r"^enlarge\b", re.IGNORECASE)


def _short_paragraphs(sentences: Sequence[Sentence]) -> set[int]:
    """Paragraphs of at most _BLOCK_SENTENCES sentences: there a rule may take the whole
    paragraph. Multi-News keeps a page on one line, so a note opening it must not take
    the report that follows on the same line."""
    sizes: dict[int, int] = {}
    for s in sentences:
        sizes[s.paragraph] = sizes.get(s.paragraph, 0) + 1
    return {p for p, n in sizes.items() if n <= _BLOCK_SENTENCES}


def _notes(sentences: Sequence[Sentence], short: set[int]) -> set[int]:
    """Indices of the article's notes about itself: a short paragraph opening on a note,
    with the short paragraphs after it that go on quoting the person it names (at most
    _NOTE_PARAGRAPHS); in a long paragraph, the note's sentence only."""
    firsts: dict[int, int] = {}
    texts: dict[int, str] = {}
    for k, s in enumerate(sentences):
        firsts.setdefault(s.paragraph, k)
        texts[s.paragraph] = texts.get(s.paragraph, "") + " " + s.text
    notes: set[int] = set()
    for paragraph, first in firsts.items():
        text = sentences[first].text.lstrip("*[( ")
        if not (_NOTE.match(text) or (_UPDATE.match(text) and ABOUT_STORY.search(text))):
            continue
        if paragraph not in short:
            notes.add(first)
            continue
        taken = {paragraph}
        name = _NAME.search(text.partition(":")[2] or text)
        for after in sorted(p for p in firsts if p > paragraph)[:_NOTE_PARAGRAPHS]:
            said = texts[after]
            if after not in short or not (
                (name and name.group(1) in said) or _NOTE_SPEAKS.search(said)
            ):
                break
            taken.add(after)
        notes |= {k for k, s in enumerate(sentences) if s.paragraph in taken}
    return notes


_ENDS = (".", "!", "?", '"', "”", "'", "’", ")")
_TEASER_WORDS = 12  # a related story's question ("What happened to <the couple>?")
_DEK_WORDS = 15  # and the unended line under it ("What we know so far about ...")


def _teaser(s: Sentence, nxt: Sentence | None) -> bool:
    """A short question followed in its paragraph by a short unended line: a related
    story's teaser, a prompt ("Have a tip we should know?") or a widget's title (22 in
    multinews_fulltext.test and 4 in gva_dev, each read: none a report's sentence)."""
    text = s.text.rstrip()
    return (
        nxt is not None
        and nxt.paragraph == s.paragraph
        and text.endswith("?")
        and len(text.split()) <= _TEASER_WORDS
        and not nxt.text.rstrip().endswith(_ENDS)
        and len(nxt.text.split()) <= _DEK_WORDS
    )


def _captions(sentences: Sequence[Sentence]) -> set[int]:
    """Indices (into `sentences`) of photo captions: a sentence followed in its paragraph
    by a credit, a credit alone, and in a paragraph holding NPR's "Enlarge" image widget
    every sentence up to its last "Enlarge" (the report may go on after it on one line)."""
    out: set[int] = set()
    last_enlarge = {s.paragraph: k for k, s in enumerate(sentences) if _ENLARGE.match(s.text)}
    for k, s in enumerate(sentences):
        nxt = sentences[k + 1] if k + 1 < len(sentences) else None
        credit_next = nxt is not None and nxt.paragraph == s.paragraph and _CREDIT.match(nxt.text)
        # A sentence after a credit is the next caption only in a run of captions (the
        # Daily News' "(Name/New York Daily News) <caption>" lines); CBC's credit ends its
        # caption and the report goes on after it ("(Name/CBC) Over the weekend, ...").
        if k <= last_enlarge.get(s.paragraph, -1) or credit_next or _teaser(s, nxt):
            out.add(k)
        elif (credit := _CREDIT.match(s.text)) and len(s.text) - credit.end() < 3:
            out.add(k)  # the credit alone
    return out


def not_report_text(sentences: Sequence[Sentence]) -> set[int]:
    """Indices (into `sentences`, one article's in order) of the sentences that are not
    its reporting: notes about the article, embeds and players, photo captions, the
    lines extract.pagelines knows by their form (prompts, posts, fragments, bylines), and
    a page's stamp on a line of its own ("UPDATE (5:30 p.m.):", text.stamps)."""
    short = _short_paragraphs(sentences)
    out = _notes(sentences, short) | _captions(sentences) | form_lines(sentences)
    out |= {
        k
        for k, s in enumerate(sentences)
        if _EMBEDS.found(s.text) or _CAPTION_TEXT.search(s.text) or stamp_alone(s.text)
    }
    return out


def article_sentences(sentences: Sequence[Sentence]) -> tuple[Sentence, ...]:
    """The article's sentences without those that are not its reporting."""
    drop = not_report_text(sentences)
    if not drop:
        return tuple(sentences)
    return tuple(s for k, s in enumerate(sentences) if k not in drop)

"""Sentence splitting with English's splitter (newsfuse.lang.en: nupunkt, Punkt
trained on legal/news-heavy text), and the joins Punkt misses.

Measured on abbreviations, quotes and numbers in tests/text/test_sentences.py. The
splitter runs per paragraph, so a paragraph break always ends a sentence even
when the scrape lost the final period (headlines, captions, datelines).
"""

from __future__ import annotations

import re

from newsfuse.lang import ENGLISH, language
from newsfuse.text.stamps import STAMP_FIRSTS, stamp_end
from newsfuse.types import Sentence

# (text) -> (start, end) spans; every article scored is English or "und".
_spans = language(ENGLISH).sentence_spans
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")
# Punkt ends a sentence at a title or "St." before a name ("said Lt. | Kenny Park said",
# "two St. | Mary Parish deputies"): a span ending so is joined to the next one. "St."
# after a capitalised word is a street and may end a sentence ("on Oak St. He is 20").
# "Mr.", "Mrs." and "Ms." Punkt knows, except after an opening quote or a dash ("'Mr. |
# <Name> is guilty'", "a tour called \"Mrs. | <Name> ...\"", "-Sen. | <Name>"): a quotation
# cut there is two broken quotations in a brief. ("Dr." may be a street's Drive.)
_TITLES = frozenset(
    ("Lt", "Sgt", "Det", "Capt", "Cpl", "Col", "Gen", "Gov", "Sen", "Rep", "Mt", "Ft", "Supt",
     "Insp", "Cmdr", "Mr", "Mrs", "Ms", "Messrs")
)  # fmt: skip
_SAINT = frozenset(("St", "Ste"))
_ARTICLES = frozenset(("A", "An", "The", "In", "Of", "At", "To", "From"))
# A scrape that lost a paragraph break glues two sentences ("their names.<Name> has
# been charged"): a lower-case word, its period (and a closing quote), then a
# capitalised word (or "I", "A") with no space between; a capitalised word ending the
# first ("... Monday.Police say") too, unless an abbreviation. Punkt leaves about half
# of them whole (374 sentences of gva_dev); a domain ("Radio-Info.com"), an initialism
# ("U.S.Army") or a mojibake question mark ("anti?Trump") does not match.
_ABBREVIATIONS = frozenset(
    ("Dept", "Sept", "Blvd", "Corp", "Supt", "Insp", "Cmdr", "Capt", "Prof", "Bros", "Assn",
     "Univ", "Pkwy", "Hwy", "Mass", "Calif", "Conn", "Penn", "Tenn", "Wash", "Wisc", "Mich")
)  # fmt: skip
_FUSED = re.compile(r"[.!][\"”’]?(?=(?:[A-Z][a-z]+|[AI])[\s,])")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; a newline separates paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def _glued(text: str, s: int, e: int) -> bool:
    """Does the span text[s:e] end in a title, or in "St." not after a capitalised word?
    String look-ups only: this runs on every span and must not slow splitting."""
    while e > s and text[e - 1].isspace():
        e -= 1
    if e - s < 3 or text[e - 1] != ".":
        return False
    k = max(text.rfind(" ", s, e), s - 1)
    word = text[k + 1 : e - 1].lstrip("\"'“‘(–—-")
    if word in _TITLES or ("-" in word and word.rpartition("-")[2] in _SAINT):
        return True  # "Minneapolis-St. | Paul"
    if word not in _SAINT:
        return False
    before = text[max(text.rfind(" ", s, k), s - 1) + 1 : k]
    return k < s or before[:1].islower() or not before[-1:].isalnum() or before in _ARTICLES


def _joined(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Punkt's spans, a span ending in a title or a saint's "St." joined to the next."""
    out: list[tuple[int, int]] = []
    glue = False
    for s, e in spans:
        if glue and out:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
        glue = _glued(paragraph, s, e)
    return out


def _fused_word(paragraph: str, end: int) -> bool:
    """Is the word ending at `end` (its period excluded) one that ends a sentence: lower
    case, 2+ characters ("names", "26th"), or a capitalised word of 4+ letters that is no
    abbreviation ("Monday", "Avenue"; not "Sgt", "Dept"), after a space, a bracket or a
    quote mark? ("U.S", "Info.com" no)."""
    start = end
    while start > 0 and paragraph[start - 1].isalnum():
        start -= 1
    word = paragraph[start:end]
    if start > 0 and paragraph[start - 1] not in ' \t("“':
        return False
    if len(word) >= 2 and word[-1].islower() and not any(c.isupper() for c in word):
        return True
    return len(word) >= 4 and word.istitle() and word.isalpha() and word not in _ABBREVIATIONS


def _unfused(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Each span cut after every fused sentence end in it (`_FUSED` at the end of a
    lower-case word). The regex looks for the punctuation first: one fast scan."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        for match in _FUSED.finditer(paragraph, s, e):
            if _fused_word(paragraph, match.start()):
                out.append((s, match.end()))
                s = match.end()
        out.append((s, e))
    return out


# A quotation mark that opens the next sentence, left by Punkt at the end of this one:
# text set with spaced marks ('... the plan. " we will not wait, " she said.', as
# Multi-News is distributed) puts 1 sentence in 20 of the val set's first 300 stories
# so, and both pieces then read as broken quotations (the unit rules refused them).
QUOTE_SPANS = 3  # a quotation that opens on a mark Punkt misplaced closes within these
_TRAILING_OPENER = re.compile(r"[.!?,;:][\"”’']?\s+(?:\"|“)$")


def _requoted(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a trailing opening mark (`_TRAILING_OPENER`) moved to the next span in
    the paragraph. A straight mark opens when the marks before it in the paragraph, and
    in its own span, are even in number (a closing one, '... go on. "', is left), see
    `_opens`."""
    out = list(spans)
    for k in range(len(out) - 1):
        s, e = out[k]
        while e > s and paragraph[e - 1].isspace():
            e -= 1
        if not _TRAILING_OPENER.search(paragraph, s, e):
            continue
        mark = e - 1
        if paragraph[mark] == '"' and not _opens(paragraph, out, k, mark):
            continue
        out[k] = (s, mark)
        out[k + 1] = (mark, out[k + 1][1])
    return out


def _opens(paragraph: str, spans: list[tuple[int, int]], k: int, mark: int) -> bool:
    """The straight mark ending span `k` opens a quotation: the marks before it in the
    paragraph, and in its own span, are even in number, and the paragraph's marks are
    too or one closes it within the next QUOTE_SPANS spans (a source's doubled mark,
    '""no one', or a caption's stray one leaves it where it is), or the paragraph is cut
    mid-sentence (`_cut`): then its odd count is the cut's, a quotation it left open."""
    if paragraph.count('"', 0, mark) % 2 or paragraph.count('"', spans[k][0], mark) % 2:
        return False
    end = spans[min(k + QUOTE_SPANS, len(spans) - 1)][1]
    if paragraph.count('"') % 2 == 0 or _cut(paragraph):
        return True
    return paragraph.count('"', mark + 1, end) % 2 == 1


def _cut(paragraph: str) -> bool:
    """The paragraph stops mid-sentence, on a word or a comma: Multi-News cut each
    input to about 500 words wherever that fell, often inside a quotation whose
    closing mark it cut off (4 of 5 documents of val's first 300 stories end so)."""
    last = paragraph.rstrip()[-1:]
    return last.isalnum() or last in ",;"


def _unstamped(paragraph: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans with a page's stamp ("UPDATE (<date>):", "PREVIOUS STORY:", "(Video from
    <station>)") cut off the report's sentence it opens (newsfuse.text.stamps): the report
    stays whole and verbatim, and the stamp is in no sentence. (Not a sentence of its own:
    every later sentence's index would move, and with it the story's position features.)"""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        while s < e and paragraph[s].isspace():
            s += 1
        cut = stamp_end(paragraph[s:e]) if paragraph[s : s + 1] in STAMP_FIRSTS else 0
        out.append((s + cut if cut < e - s else s, e))
    return out


def split_sentences(article_id: str, body: str) -> tuple[Sentence, ...]:
    """Sentences of `body` with offsets, paragraph numbers and stable ids."""
    out: list[Sentence] = []
    for para_no, (p_start, p_end) in enumerate(paragraph_spans(body)):
        paragraph = body[p_start:p_end]
        spans = _unfused(paragraph, _joined(paragraph, _spans(paragraph)))
        for s, e in _unstamped(paragraph, _requoted(paragraph, spans)):
            raw = paragraph[s:e]
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            if not text:
                continue
            start = p_start + s + lead
            index = len(out)
            out.append(
                Sentence(
                    id=f"{article_id}:{index}",
                    index=index,
                    paragraph=para_no,
                    start=start,
                    end=start + len(text),
                    text=text,
                )
            )
    return tuple(out)

"""Lines of a report that are not its reporting, known by their form (issue 20, fourth
round): what `extract.pagetext` did not yet see, as read in briefs.

The integrator's held-out reading found 14 non-article sentences per 100 in briefs; a
wide reading of main's briefs (160 stories of multinews_fulltext.test and gva_dev) and of
the sentences those articles hold showed the same kinds:

- a prompt to the reader: "Click here ...", a pointer to the video above or below, a
  parenthesised "(Watch ...)", "(Read ...)", "(See ...)" or "(Also on <outlet>: <a
  title>)", a prompt to look up one's local time, sign-up, app, follow-us and "text
  <word> to <number>" lines;
- a photo caption with no credit: a gallery's "Image 2 of 10 ..." and "Buy Photo" lines,
  a player's "(Published <weekday>, <date>)", and the wire caption's form itself: a
  present-tense picture verb after a short subject (officers who "investigate" the
  scene, a passer-by who "passes" a mural) with the caption's full date ("<weekday>,
  <month> <day>, <year>"), a position marker ("(left)"), or the same sentence twice on
  the page (galleries repeat their captions);
- an embedded post: Instagram's "A post shared by <name> (@handle) on <date>", Twitter's
  card "<NAME> (@handle) <text>", a handle line in another language's date, and the
  tweet's own text: the short paragraph the "— Name (@handle) <date>" line closes;
- a sentence that starts mid-phrase (lower case in a cased page: a cut after a child's
  age, a PDF's text cut at its lines), or after an ellipsis;
- a byline's tail: "— With assistance by <name>", "— <Name>", "<outlet> contributed to
  this report", "— Contact <name> at <address>".

Sixth round (issue 20), as read in briefs and timelines:

- two lines glued with no stop between them ("... a missing girl last week On <date>,
  <Name> ..."): a lower-case word, then a capitalised sentence opener. No reader can
  take it as one sentence, and a brief may not insert the stop;
- a photographer's credit with no bracket ahead of its caption or sentence ("<Name>
  for <Paper> Police investigate ...");
- a caption with no verb, a line of its own with the picture's full date ("Ambulances
  at <square>, London after the July 7, 2005 bombings.", a Wikinews page).

Eighth round: captions closing on their bracketed credit or cut by the wire ("...
(Associated Press)"), a named person placed "(left)", share buttons, "Reach him at ...",
lines opening on a hashtag; the dossier's timeline now leaves these lines out too.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from newsfuse.types import Sentence

# A prompt: the page speaking to its reader about itself. Each form is anchored or
# specific: "click here" and "sign up for our newsletter" never report news; "watch"
# only as the video's prompt ("the video above/below", "Take a look at this video").
_PROMPT = re.compile(
    r"\bclick here\b|\bclick (?:the )?(?:link|below|above)\b|\btap here\b"
    r"|\b(?:in |see |watch )?the (?:video|clip|player|gallery) (?:above|below)\b"
    r"|\btake a look at (?:this|the) video\b|\bwatch the (?:full )?(?:video|clip) (?:above|below)"
    r"|^watch (?:the |our |his |her |their )?(?:full |entire )?"
    r"(?:video|clip|interview|report|segment|story)\b"
    r"|\b(?:check|look up|find) (?:your|the) local [\w ]{0,20}times?\b"
    r"|\bsign up (?:for|to|here|today|now)\b|\bnewsletters?\b.{0,40}\bsign up\b"
    r"|^(?:email )?newsletters?\b|\bsubscribe to (?:our|the|\w+'s)\b.{0,40}newsletter"
    r"|\bdownload (?:our|the) (?:free )?(?:\w+ )?(?:mobile )?apps?\b|^download our apps?\b"
    r"|^download the (?:[\w.&'-]+ ){1,5}apps?\b[^.]{0,40}\.?$"
    r"|\bfollow (?:us|him|her|them)\b.{0,30}\b(?:on )?(?:twitter|facebook|instagram)\b"
    r"|^follow (?:us|@)|\blike us on facebook\b|^text \"?\w+\"? to \d{5}\b"
    r"|^for (?:more|updates|the latest|full story)\b.{0,60}\b(?:click|follow us|download)\b"
    r"|^click to (?:share|email|print|tweet)\b|\(opens in (?:a )?new window\)|\bsee more videos\b"
)  # searched in the lower-cased sentence
# A parenthesized pointer to another page: "(Read ...)", "(Watch ...)", "(Also on
# POLITICO: ...)", "(RELATED: ...)", "(See ...)".
_POINTER = re.compile(
    r"^\(\s*(?:read|watch|see|listen|click|related|also on|also see|more|photos?|video)\b"
    r"[^()]*\)\.?$",
    re.IGNORECASE,
)
# A gallery's and a player's lines.
_GALLERY = re.compile(
    r"^image \d+ of \d+\b|^buy photo\b|\bcaption close\b|^\(?published (?:on )?\w+day,"
    r"|^(?:updated|published|posted):? \w+day,",
)
# A credit with a bar, "(Kelsey Thomas | KSNV)", alone or after a date.
_BAR_CREDIT = re.compile(r"^[\d/. ]*\((?:[A-Z][\w.'’-]*\.? ?){1,4}\|\s?[A-Z][^()]{1,40}\)\.?$")
# A caption that opens with its photographer's credit, "(<Name> / <Paper>) <caption> on
# <Month> <day>, <year>, ...": the full date says it is a picture's (a report's sentence
# after a credit that ends the caption before it, "(<Name>/CBC) Over the weekend, ...",
# gives none).
_LEAD_CREDIT = re.compile(r"^\((?:[A-Z][\w.'’-]*\.? ?){1,4}/ ?[A-Z][^()]{1,40}\) ")
_FULL_DATE = re.compile(
    r"\b(?:apr|aug|dec|feb|jan|jul|jun|mar|may|nov|oct|sep)[a-z]*\.? \d{1,2}, \d{4}\b", re.I
)
# The caption's picture verbs in the present tense (a report says "are investigating" or
# "investigated"; a caption "investigate"), right after a short subject.
_PICTURE_VERB = (  # none that is also a common noun ("works", "surveys", "places")
    r"(?:investigates?|block|exit|looks? (?:on|over|at|out)|gathers?|stands?|holds?|walks?"
    r"|pass(?:es)?|waits?|prays?"
    r"|reacts?|hugs?|embraces?|mourns?|leaves?|arrives?|speaks?|talks?|attends?|sits?"
    r"|watch(?:es)?|carr(?:y|ies)|comforts?|kneels?|poses?|gestures?|smiles?|listens?"
    r"|consoles?|wipes?|(?:is|are) (?:seen|pictured|shown|escorted|led|photographed))"
)
_CAPTION_HEAD = re.compile(
    r"^(?:[A-Z][\w.'’-]*|an?|the|two|three|four|several|members|family|friends|people)"
    r"(?: [\w.'’,()-]+){0,7}? " + _PICTURE_VERB + r"\b",
)
_REPORTING = re.compile(r"\b(?:says?|said|told|tells|according to|reported|reports)\b")
_CAPTION_DATE = re.compile(
    r"\b(?:sun|mon|tues|wednes|thurs|fri|satur)day,? "
    r"(?:dec|nov|oct|sep|aug|jul|jun|may|apr|mar|feb|jan)[a-z]*\.?,? \d{1,2},? \d{4}\b",
    re.IGNORECASE,
)
_POSITION = re.compile(r"\((?:left|right|center|centre|l|r|c|above|top|bottom)\)|\bfrom left\b")
_REPEAT_WORDS = 6
_DEIXIS = re.compile(
    r"\b(?:this|the) (?:spot|scene) (?:where|at)\b|\bnear this spot\b|\bpictured\b"
)
# Two lines glued with no stop: a lower-case word (not one that a title or a capitalised
# pronoun follows in a sentence: "dubbed", "and He") and a word only a sentence opens on.
_GLUED = re.compile(
    r"\b(?!(?:and|or|but|nor|that|as|of|the|an?|to|said|says|told|called|named|titled|dubbed"
    r"|read|reads|like|than)\b)[a-z]{3,} (?:On|In|At|After|When|While|But|He|She|They|We"
    r"|There|According) (?=\S)"
)
# A credit with no bracket: "<Name> for <Paper>" opening the line (a report's "covered
# the gala for the Washington Post" is inside a sentence).
_FOR_CREDIT = re.compile(
    r"^(?:[A-Z][\w.'’-]+ ){1,3}for (?:The |the )?(?:[A-Z][\w.&-]+ ){0,3}(?:Times|Post|Journal"
    r"|News|Herald|Tribune|Globe|Guardian|Telegraph|Press|Chronicle|Gazette|Star|Sun|Inquirer"
    r"|Independent|Observer|Reuters|Bloomberg|Getty Images|Magazine)\b"
)
# A caption with no verb: a finite or participle form, an auxiliary or an irregular past
# (a report's one-line paragraph has one: "<Name> made his debut on <date>").
_VERB_FORM = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|should|must"
    r"|do|does|did|said|says|told|according|fell|became|made|took|came|went|gave|got|left"
    r"|ran|saw|shot|won|lost|found|held|met|sent|set|put|hit|paid|kept|began|broke|brought"
    r"|bought|built|caught|chose|drove|fought|flew|grew|knew|led|rose|sold|spoke|stood"
    r"|struck|threw|wrote|taken|given|seen|shown|known|done|gone|born)\b|\b[a-z]{2,}(?:ed|ing)\b",
    re.IGNORECASE,
)
_CAPTION_WORDS = 20
# A link's label opening the line (on the tuning sets, 165 lines, every one a link's or
# a gallery's title, some with a caption run on after it).
_LINK_LABEL = re.compile(
    r"^(?:related|watch|videos?|photos?|photo gallery|gallery|listen|read more|more|see also)"
    r"\s?:",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[•·▪●■◦*]|- )")
# A credit alone: capitalised words on both sides of each "/", nothing else on the line
# (a dateline's "GAZA/JERUSALEM <report>" goes on in lower case).
_CREDIT_WORD = r"[A-Z][\w.’'&-]*\.?"
_SLASH_CREDIT = re.compile(
    rf"(?:By )?{_CREDIT_WORD}(?: {_CREDIT_WORD}){{0,4}}"
    rf"(?: ?/ ?{_CREDIT_WORD}(?: {_CREDIT_WORD}){{0,5}})+\.?"
)
# The writer's contact line closing a report: "Contact <Name> at <address or phone>",
# "Call <Paper> reporter <Name> at <phone>",
# "Follow <Name> on Twitter @<handle>", "E-mail the author at <address>".
_CONTACT = re.compile(
    r"^(?:[Ff]ollow|[Cc]ontact|[Rr]each|[Ee]-?mail|[Cc]all) (?:the (?:author|writer|reporter) "
    r"|(?:him|her|them|me) |(?:[A-Z]\w+ )?(?:reporter )?(?:[A-Z][\w.’-]+ ){1,4})(?:on|at|via)\b"
    r".{0,80}(?:[Tt]witter|[Ff]acebook|@|\d{3}-\d{4})"
)
# A gallery's caption line opening on a bare date ("<day> <Month>, <year>, during ...",
# "<Month> <year>, as ..."): prose says "In <Month> <year>, ..." (a full "<Month> <day>,
# <year>, was ..." is not matched).
_DATE_CAPTION = re.compile(
    r"^(?:\d{1,2} )?(?:Apr|Aug|Dec|Feb|Jan|Jul|Jun|Mar|May|Nov|Oct|Sep)[a-z]{0,6},? \d{4}, "
)
# A related-links widget: a word run on into a capitalised one ("<Name>Poll") and the
# widget's closing "MORE" further on.
_WIDGET = re.compile(r"[a-z][A-Z][a-z].{5,400} MORE\b")
# A caption that closes on its credit in brackets on the same line ("<caption> (<Name>/<Agency>)",
# "... (AP Photo/<Name>) (Associated Press)"), or a wire caption cut by the page ("<caption>...
# (Associated Press)"): a report's sentence that ends on a wire tag ("..., the statement said
# (Reuters)") has no slash and no cut.
_WIRE = r"\((?:Associated Press|AP|Reuters|AFP|Getty Images)\)"
_TAIL_CREDIT = re.compile(
    rf"\((?:{_CREDIT_WORD} ?){{1,4}}/ ?[A-Z][^()]{{1,50}}\)(?: ?{_WIRE})?\W{{0,2}}$"
    rf"|(?:\.\.\.|…) ?{_WIRE}\W{{0,2}}$"
)
# A caption that places a named person in its picture ("<Name> (left) and <Name> ..."); a
# report's pointer to the picture above ("... the houses (above).") is its sentence, kept.
_NAMED_POSITION = re.compile(r"[A-Z][\w'’-]+,? \((?:left|right|center|centre)\)")
# A post's text or tags shown as a line: it opens on a hashtag ("#<tag> A video posted by
# <Name> (@<handle>) ...", a run of tags, a post's "#breaking <text> #<tag> ...").
_HASHTAG_OPENING = re.compile(r"^#[A-Za-z]\w*\b")
# A picture's label with no verb: "A <family> photo of <Name>, 17."
_PHOTO_OF = re.compile(r"^(?:An?|The) (?:[\w-]+ ){0,2}(?:photo|image|picture)s? of\b")
# Embedded posts.
_POST = re.compile(
    r"\ba (?:post|video|photo) shared by .{1,60}\(@\w{1,30}\)|\ba (?:video|photo) posted by "
    r".{1,60}\(@\w{1,30}\)|^(?:[A-Z][\w.'’-]*\s){1,4}\(@\w{1,20}\) [A-Z@#\"“]"
    r"|—\s?[^—]{1,60}\(@\w{1,20}\)\s+\S{1,12}\s.{0,20}\d{4}",
)
_HANDLE_LINE = re.compile(
    r"—\s?[^—]{0,60}\(@\w{1,20}\)[^—]{0,40}\d{4}\b[^—]{0,6}$|pic\.twitter\.com/"
)
_TWEET_SENTENCES = 5  # a paragraph the handle line closes is the tweet when this short
_TWEET_CHARS = 280
# A byline's tail.
_BYLINE = re.compile(
    r"^[—–-]\s?(?:with (?:assistance|reporting) (?:by|from)\b|contact\b"
    r"|(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+\.?$|[\d-]{7,}$|\S+@\S+$)"
    r"|\bcontributed to this (?:report|story)\.?$",
)
# A cased page (its inner words capitalise names), where a lower-case opening is a cut.
_CASED_WORDS = 30
# A page a third of whose sentences open mid-phrase is text cut at its lines (a PDF's: a
# memorandum filed as a document in multinews_fulltext.test); its other "sentences" are
# cut too, so none from the first cut on is read.
_BROKEN_SHARE = 1 / 3
_BROKEN_MIN = 10
_INNER_CAPITALS = 0.06  # lower-cased Multi-News: at most 0.055 of inner words (val)
_LOWER_START = re.compile(r"^(?:\.\.\.|…|\(\s?)?\s?([a-z][a-z'’-]*)\b")
_INNER_CAPITAL = re.compile(r"^[a-z]+[A-Z]")  # iPhone, eBay: brands open in lower case
# Particles that open a name ("de Blasio said ...").
_PARTICLES = frozenset(("de", "van", "von", "al", "el", "le", "la", "da", "di", "du", "bin", "dos"))


# Literals, one in every form of _PROMPT and _GALLERY: most sentences hold none, and an
# `in` scan of the lower-cased sentence is ~10x faster than the patterns.
_PROMPT_KEYS = (
    "click", "tap here", "video", "clip", "player", "gallery", "watch", "local", "sign up",
    "newsletter", "subscribe", "download", "follow", "like us", "text ", "new window",
    "more videos",
)  # fmt: skip
_GALLERY_KEYS = ("image", "buy photo", "caption", "published", "updated", "posted")


def _prompt(text: str) -> bool:
    if text.startswith("(") and _POINTER.match(text):
        return True
    low = text.lower()
    return bool(
        (any(k in low for k in _PROMPT_KEYS) and _PROMPT.search(low))
        or (any(k in low for k in _GALLERY_KEYS) and _GALLERY.search(low))
    )


def _caption(text: str, repeated: bool) -> bool:
    """A caption with no credit: a present-tense picture verb after a short subject,
    with the caption's full date, a position marker, or repeated on the page."""
    if "|" in text and _BAR_CREDIT.match(text):
        return True
    if text[:1] == "(" and _LEAD_CREDIT.match(text) and _FULL_DATE.search(text):
        return True
    # the cheap conditions first: most sentences have no weekday, bracket or repeat
    if not (repeated or "day" in text or "(" in text or "from left" in text):
        return False
    if not _CAPTION_HEAD.match(text) or _REPORTING.search(text):
        return False
    return bool(repeated or _CAPTION_DATE.search(text) or _POSITION.search(text))


def _verbless_caption(text: str) -> bool:
    """A one-line paragraph of at most _CAPTION_WORDS words that gives the picture's full
    date and has no verb (the caller checks it is alone in its paragraph). On
    multinews_fulltext.test, gva_dev and the Wikinews clusters every such line ending in a
    stop is a caption or a source line (3 of 3 read)."""
    if len(text.split()) > _CAPTION_WORDS or not text.endswith((".", ")")):
        return False
    date = _FULL_DATE.search(text)
    if date is None:
        return False
    return not _VERB_FORM.search(text[: date.start()] + text[date.end() :])


def _pointing_caption(text: str) -> bool:
    """A caption that points at its picture (the place "near this spot") with its date."""
    return bool(_DEIXIS.search(text) and _CAPTION_DATE.search(text))


def _cased(sentences: Sequence[Sentence]) -> bool:
    """True for a cased page: names are capitalised inside its sentences. (The segmenter
    capitalises a lower-cased text's sentence openings, as Multi-News's are, so the
    openings do not tell; a PDF's text cut at its lines opens half its "sentences" in
    lower case.)"""
    inner = [w for s in sentences for w in s.text.split()[1:] if w[:1].isalpha()]
    return len(inner) >= _CASED_WORDS and sum(w[0].isupper() for w in inner) >= (
        _INNER_CAPITALS * len(inner)
    )


# The attribution after a quotation ending in "?" or "!" ('"Why?" she asked.') is split
# off by the segmenter: the quotation's speaker, kept with it.
_ATTRIBUTION = re.compile(
    r"^(?:\S+ ){0,2}(?:said|says|asked|asks|added|adds|recalled|told|wrote|writes|explained"
    r"|continued|noted|described|replied|insisted|shouted|yelled|according)\b"
)


def _fragment(text: str) -> bool:
    """A sentence that starts mid-phrase: lower case (not a brand's "iPhone"), or after
    an ellipsis."""
    stripped = text.lstrip()
    if stripped.startswith(("...", "…")) and not stripped.lstrip(".… ")[:1].isupper():
        return True
    match = _LOWER_START.match(stripped)
    return bool(
        match
        and match.group(1) not in _PARTICLES
        and not _INNER_CAPITAL.match(stripped.lstrip(".…( "))
    )


def _tweets(sentences: Sequence[Sentence]) -> set[int]:
    """Embedded posts, and the tweet text a handle line closes: the sentences before it
    in its paragraph when that paragraph is short (Multi-News keeps a page on one line,
    so a long paragraph gives up only the line itself), as far back as a tweet's length
    (_TWEET_CHARS, its own words on the handle line included)."""
    out = {k for k, s in enumerate(sentences) if "(@" in s.text and _POST.search(s.text)}
    sizes = Counter(s.paragraph for s in sentences)
    for k, s in enumerate(sentences):
        if not ("(@" in s.text or "pic.twitter" in s.text) or not _HANDLE_LINE.search(s.text):
            continue
        out.add(k)
        if sizes[s.paragraph] > _TWEET_SENTENCES:
            continue
        j, length = k - 1, len(s.text.split("—")[0])
        while j >= 0 and sentences[j].paragraph == s.paragraph and j not in out:
            length += len(sentences[j].text) + 1
            if length > _TWEET_CHARS:
                break
            out.add(j)
            j -= 1
    return out


def _glued_or_credited(sentences: Sequence[Sentence], sizes: Counter[int]) -> set[int]:
    """Indices of two lines glued with no stop, of lines a bracketless credit opens, and
    of verbless captions alone in their paragraph (the sixth round's forms)."""
    return {
        k
        for k, s in enumerate(sentences)
        if _GLUED.search(s.text)
        or (" for " in s.text and _FOR_CREDIT.match(s.text.strip()))
        or (sizes[s.paragraph] == 1 and _verbless_caption(s.text.strip()))
    }


def _labelled_or_listed(text: str) -> bool:
    """A link's label, a list item with no verb, a credit alone, an inline widget, a
    contact line or a date-led caption (the seventh round's forms); a caption closing on
    its credit, placing a named person "(left)", labelling a photo with no verb, or a post
    opening on a hashtag (the eighth round's)."""
    return bool(
        (":" in text[:13] and _LINK_LABEL.match(text))
        or (_BULLET.match(text) and not _VERB_FORM.search(text))
        or ("/" in text and _SLASH_CREDIT.fullmatch(text))
        or (" MORE" in text and _WIDGET.search(text))
        or _CONTACT.match(text)
        or _DATE_CAPTION.match(text)
        or (text.endswith(")") and _TAIL_CREDIT.search(text))
        or ("(" in text and _NAMED_POSITION.search(text) and not _REPORTING.search(text))
        or (_PHOTO_OF.match(text) is not None and not _VERB_FORM.search(text))
        or (text[:1] == "#" and _HASHTAG_OPENING.match(text) is not None)
    )


def form_lines(sentences: Sequence[Sentence]) -> set[int]:
    """Indices (into `sentences`, one article's in order) of prompts, uncredited
    captions, embedded posts, mid-phrase fragments and byline tails."""
    counts = Counter(s.text.strip() for s in sentences if s.text.count(" ") >= _REPEAT_WORDS - 1)
    sizes = Counter(s.paragraph for s in sentences)
    out = _tweets(sentences) | _glued_or_credited(sentences, sizes)
    fragments = []
    for k, s in enumerate(sentences):
        text = s.text.strip()
        if (
            _prompt(text)
            or _caption(text, counts[text] > 1)
            or (("this spot" in text or "pictured" in text) and _pointing_caption(text))
            or ((text[:1] in "—–-" or "contributed" in text) and bool(_BYLINE.search(text)))
            or _labelled_or_listed(text)
        ):
            out.add(k)
        elif text.startswith(("...", "…")) and _fragment(text):
            out.add(k)  # an ellipsis opening: cut in any case
        elif not text[:1].isupper() and _fragment(text) and not _ATTRIBUTION.match(text):
            fragments.append(k)
    if fragments and _cased(sentences):  # read the page's case only when it matters
        left = len(sentences) - len(out)  # a link or a tweet opening in lower case is out
        fragments = [k for k in fragments if k not in out]
        if left >= _BROKEN_MIN and len(fragments) >= _BROKEN_SHARE * left:
            # text cut at its lines from its first cut on: none of it reads whole (the
            # page's own lines above it stay, so that its story is not left empty)
            return out | set(range(min(fragments), len(sentences)))
        out.update(fragments)
    return out

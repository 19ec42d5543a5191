"""The brief's headline: a real title when there is one, else the lead, shortened."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from newsfuse.summarize.features import vectorize
from newsfuse.summarize.headline_check import caption_like, headline_form
from newsfuse.summarize.headline_check import incomplete_headline as incomplete_headline
from newsfuse.summarize.headline_cut import site_cut
from newsfuse.summarize.headline_teaser import teaser
from newsfuse.summarize.recurring import RecurringTable, load_hashes
from newsfuse.summarize.select import quality
from newsfuse.types import Article

_CLAUSE_END = (",", ";", ":")
# Someone's own words: the first or second person, or a quote mark (compress._voiced).
_VOICE = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b|[\"“”]")
_DASHES = {"—", "–", "-", "--"}
# A lead's cut that is only its fronted phrase ("In the face of new allegations of ...",
# "While jogging on a ..."): no report, whatever the parse of the fragment says.
_FRONTED = re.compile(
    r"^(?:In|On|At|After|Before|While|When|As|Despite|Following|Amid|During|With|Without"
    r"|Since|Until|If|Although|Though|Because|Unlike|Like|Except)\b"
)
MIN_CLAUSE_WORDS = 5
# A title that reports the event ("<n> shot", "<victim> killed": headline_form) is taken
# over a closer one that does not ("Family of <victim> seeks answers", "Friends react")
# when its score is within this fraction of the closer one's (eighth round).
REPORT_MARGIN = 0.8
# A court's outcome reports the story as it stands, though headline-ese has no report word in it.
_OUTCOME = re.compile(
    r"\b(?:guilty|convicted|sentenced|indicted|acquitted|arraigned|pleads?|pleaded|in court)\b",
    re.IGNORECASE,
)


def most_central_titled(articles: Sequence[Article]) -> Article | None:
    """The titled article whose title + body is closest to the centroid of all
    the story's articles (ties: the earlier article); None when none has a title."""
    titled = np.array([bool(a.title) for a in articles])
    if not titled.any():
        return None
    vectors = vectorize([f"{a.title or ''}\n{a.body}" for a in articles])
    centroid = np.asarray(vectors.mean(axis=0)).ravel()
    closeness = np.asarray(vectors @ centroid).ravel()
    return articles[int(np.argmax(np.where(titled, closeness, -np.inf)))]


def short_form(sentence: str, max_words: int = 14) -> str:
    """`sentence` cut at its last clause boundary within `max_words` words.

    Only the sentence's own words, in order: a headline must not invent. With
    no boundary in reach, the first `max_words` - 1 words and an ellipsis (the headline
    stays within `max_words` as printed).
    """
    tokens = sentence.split()
    if len(tokens) <= max_words:
        return sentence.rstrip(" .")
    cut = 0
    for i, token in enumerate(tokens[:max_words], start=1):
        if i >= MIN_CLAUSE_WORDS and token.endswith(_CLAUSE_END):
            cut = i
        elif i > MIN_CLAUSE_WORDS and token in _DASHES:
            cut = i - 1
    if cut:
        return " ".join(tokens[:cut]).rstrip(",;:")
    return " ".join(tokens[: max_words - 1]).rstrip(",;:.") + " …"


_SITE = re.compile(
    r"\s+(?:[|–—-]|::)\s+[^|–—]*?(?:\.com|\.org|\bnews\b|\btimes\b|\bpost\b|\bherald\b"
    r"|\btribune\b|\btv\b|\bradio\b|\bjournal\b|\bgazette\b)[^|]*(?:\|.*)?$",
    re.IGNORECASE,
)


_SITE_TAIL = re.compile(r"\s+(?:[|–—-]|::?)\s*((?:(?! - )[^|–—:]){1,30})$")
# An update stamp or kicker before the title ("UPDATE: ...", "UPDATED May 15: ...",
# "Breaking News: ..."): the page's furniture, not the headline (61 gva_dev titles).
_STAMP = re.compile(
    r"^(?:UPDATED?|LATEST(?: UPDATE)?|BREAKING(?: NEWS)?|DEVELOPING|WATCH|VIDEO|PHOTOS?"
    r"|EXCLUSIVE)\b[^:|–—-]{0,20}?\s*[:|–—-]\s*",
    re.IGNORECASE,
)


# A station or site named before the title ("CBS 58 - ...", "<City>, Kansas News, Weather,
# Sports - ..."): call letters, a network with its channel, or a line naming its sections.
_SITE_HEAD = re.compile(
    r"^(?:[A-Z]{3,5}(?:-TV)?(?: \d{1,2})?|[^|–—-]{0,40}\bNews, Weather\b[^|–—-]{0,20})"
    r"\s+[|–—-]\s+"
)


def clean_title(title: str) -> str:
    """A title without the site's name after it ("... - KLTV.com - Tyler |ETX News",
    "... - KCTV5", "... : News"): a tail of at most three words after a separator;
    and without an update stamp before it ("UPDATE: ...")."""
    title = _SITE.sub("", title.strip()).strip()
    stamp = _STAMP.match(title)
    if stamp and len(title[stamp.end() :].split()) >= 4:
        title = title[stamp.end() :]
    for _ in range(2):  # "... - KPTV - FOX 12": a station and its network
        tail = _SITE_TAIL.search(title)
        if tail and len(tail.group(1).split()) <= 3 and len(title[: tail.start()].split()) >= 4:
            title = title[: tail.start()].strip()
    head = _SITE_HEAD.match(title)
    if head and len(title[head.end() :].split()) >= 4:
        title = title[head.end() :]
    return title


def best_title(articles: Sequence[Article], nlp: Any) -> str | None:
    """The complete title (a verb, at most 14 words, not cut by its writer nor by its
    site: `site_cut`, no `teaser`) that best describes the story now: closeness of its
    article to the story's centroid, weighted up to 1.5x for the most recent article; a
    title reporting the event (`headline_form`) or a court's outcome first, when within
    REPORT_MARGIN of the best complete one (a follow-up's title is often the closest:
    the family, a vigil, a reaction). None when no title is complete."""
    titled = [a for a in articles if a.title]
    if not titled:
        return None
    vectors = vectorize([f"{a.title or ''}\n{a.body}" for a in titled])
    closeness = np.asarray(vectors @ np.asarray(vectors.mean(axis=0)).ravel()).ravel()
    dates = [a.date.toordinal() if a.date else None for a in titled]
    known = [d for d in dates if d is not None]
    span = (max(known) - min(known)) if known else 0
    recency = [((d - min(known)) / span) if d is not None and span else 0.0 for d in dates]
    score = [c * (1 + 0.5 * r) for c, r in zip(closeness, recency, strict=True)]
    seen: set[str] = set()
    first: tuple[str, float] | None = None
    for k in sorted(range(len(titled)), key=lambda k: -score[k]):  # best first, parse lazily
        if first is not None and score[k] < REPORT_MARGIN * first[1]:
            break
        title = clean_title(titled[k].title or "")
        cut = title in seen or teaser(title) or incomplete_headline(title, nlp)
        cut = cut or site_cut(title, articles)
        seen.add(title)
        if not cut and (headline_form(title) or _OUTCOME.search(title)):
            return title
        first = first or ((title, score[k]) if not cut else None)
    return first[0] if first else None


def headline(
    articles: Sequence[Article],
    *,
    lead: str | None = None,
    others: Sequence[str] = (),
    max_words: int = 14,
    nlp: Any,
    recurring: RecurringTable | None = None,
    memo: Memo | None = None,
    lede: str | None = None,
) -> str:
    """The best complete title (see `best_title`); else a lead compressed by its parse
    (newsfuse.summarize.compress): `lead` and `others` when given (a baseline's own
    sentences, in evaluation), else the articles' leads (`story_leads`) and then their
    next sentences (`later_sentences`), the first that compresses to a report
    (`_first_compressed`); else the most central title, a lead cut at a clause
    boundary, or the first article's label: never empty, never made up. A function of
    the articles alone when `lead` is not given, so the brief and the archive show one headline.
    `nlp`: the headline pipeline (`Models.headline_nlp`) or a callable returning its
    parses (`headlines.SharedParses`); `recurring`: the recurring-sentence hashes
    (`Models.recurring`), loaded per call when not given; `memo`: what this refresh
    computed before (`Memo`), added to; `lede`: the brief's lede, tried before the
    leads (the learned lede says the news where the lead most outlets share is a
    hook, a caption or a side story)."""
    title = best_title(articles, nlp)
    if title:
        return title

    table = load_hashes() if recurring is None and lead is None else recurring
    leads = iter([lead, *others]) if lead is not None else _leads(articles, table, memo)
    more = (
        later_sentences(articles, table, memo) if lead is None and table is not None else iter(())
    )
    tried: list[str] = []
    first = [lede] if lede is not None and lead is None else []
    sentences = itertools.chain(first, leads, more)
    found = _first_compressed(sentences, tried, max_words, nlp, memo, len(first))
    if found:
        return found
    best = most_central_titled(articles)
    if best is not None and best.title:
        return clean_title(best.title)
    return _cut_lead(articles, tried, max_words, nlp)


def _cut_lead(articles: Sequence[Article], tried: list[str], max_words: int, nlp: Any) -> str:
    """The fallback when nothing compresses: a sentence tried, cut at a clause boundary
    (`short_form`); a whole clause before a clipped one, and never a fronted phrase
    alone, a widget's lower-case line or someone's own words when another is there."""
    from newsfuse.summarize.compress import strip_dateline

    cuts = [short_form(strip_dateline(s), max_words) for s in tried if not caption_like(s)]
    whole = (
        cut
        for cut in cuts
        if not cut.endswith("…")
        and not _VOICE.search(cut)
        and not _FRONTED.match(cut)
        and cut[:1].isupper()  # "moms Classroom ...": a links widget's line
        and not incomplete_headline(cut, nlp)
    )
    plain = (c for c in cuts if c[:1].isupper() and not _FRONTED.match(c))  # the lede's first
    return next(whole, next(plain, cuts[0])) if cuts else (articles[0].label if articles else "")


def headline_texts(
    articles: Sequence[Article],
    table: RecurringTable | None = None,
    leads: int = 1,
    memo: Memo | None = None,
) -> list[str]:
    """The texts `headline` may parse for `articles`: their cleaned titles and the
    first `leads` leads (for `headlines.SharedParses`, which parses them ahead in one batch)."""
    from newsfuse.summarize.compress import strip_dateline

    texts = [clean_title(a.title) for a in articles if a.title]
    first = itertools.islice(_leads(articles, table, memo), leads)
    return texts + [strip_dateline(lead) for lead in first]


def story_lead(articles: Sequence[Article]) -> str | None:
    """The first of `story_leads`, or None."""
    leads = story_leads(articles)
    return leads[0] if leads else None


MAX_LEADS = 4  # sentences tried before the fallbacks: each costs a parse
LEAD_DEPTH = 3  # an article's sentences read for its lead (below them: not its lead)
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")


@dataclass
class Memo:
    """What headlines of one refresh (newsfuse.headlines) compute once, each a function
    of its key alone: a sentence's quality (a story's leads are read for its storyline,
    each of its events and its later sentences), a story's leads by its articles' ids,
    and a sentence's compression (a story computed in rounds runs its headline again)."""

    quality: dict[str, float] = field(default_factory=dict)
    leads: dict[tuple[str, ...], list[str]] = field(default_factory=dict)
    compressed: dict[tuple[str, int], tuple[str | None, bool]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.quality) + len(self.leads) + len(self.compressed)

    def clear(self) -> None:
        self.quality.clear()
        self.leads.clear()
        self.compressed.clear()


def _first_compressed(
    sentences: Iterator[str],
    tried: list[str],
    max_words: int,
    nlp: Any,
    memo: Memo | None,
    extra: int = 0,
) -> str | None:
    """The first sentence that compresses to a strong headline (`compress.graded`), else
    the first weak one once MAX_LEADS were tried, else None after 2 * MAX_LEADS (a story
    whose leads are captions or quotations); `extra` sentences before the leads (the
    brief's lede) do not count. Every sentence parsed is added to `tried`."""
    weak = None
    for sentence in itertools.islice(_once(sentences), 2 * MAX_LEADS + extra):
        if len(tried) >= MAX_LEADS + extra and weak:
            return weak
        tried.append(sentence)
        short, is_weak = _compress(sentence, max_words, nlp, memo)
        if short and not is_weak:
            return short
        weak = weak or short
    return weak


def _once(sentences: Iterator[str]) -> Iterator[str]:
    """Each sentence once, lazily (the brief's lede is often an article's lead too)."""
    seen: set[str] = set()
    for sentence in sentences:
        if sentence not in seen:
            seen.add(sentence)
            yield sentence


def _compress(
    sentence: str, max_words: int, nlp: Any, memo: Memo | None
) -> tuple[str | None, bool]:
    """`compress.graded`, from `memo` when computed before."""
    from newsfuse.summarize.compress import graded

    if memo is None:
        return graded(sentence, max_words, nlp)
    key = (sentence, max_words)
    if key not in memo.compressed:
        memo.compressed[key] = graded(sentence, max_words, nlp)
    return memo.compressed[key]


def _quality(text: str, table: RecurringTable, memo: Memo | None) -> float:
    """`select.quality` of a sentence, from `memo` when computed before."""
    if memo is None:
        return quality(text, recurring=table)
    found = memo.quality.get(text)
    if found is None:
        found = memo.quality[text] = quality(text, recurring=table)
    return found


def _usable(
    article: Article, table: RecurringTable, skip: int = 0, memo: Memo | None = None
) -> str | None:
    """The article's first sentence among its first LEAD_DEPTH, after `skip` usable
    ones, that a brief could take (select.quality: not a caption, credit, widget or
    notice line such as "Enlarge image … /Getty Images …"); read lazily (quality is
    the cost of a lead)."""
    lead = article.sentences[:LEAD_DEPTH]
    found = (s.text for s in lead if _quality(s.text, table, memo) > 0)
    return next(itertools.islice(found, skip, None), None)


def _shared_words(lead: str, others: Sequence[set[str]]) -> float:
    """How many of the other articles' opening words the lead uses, per other article:
    the lead several outlets agree on names the event (a hook or a profile does not)."""
    own = {w.lower() for w in _WORD.findall(lead)}
    return sum(len(own & other) for other in others) / max(len(others), 1)


def story_leads(articles: Sequence[Article], table: RecurringTable | None = None) -> list[str]:
    """The sentences a headline without a title is made from, best first: the
    articles' leads (first usable sentences, `_usable`), the lead that uses most of the
    words of the other articles' openings (first two sentences) first (ties: story
    order), at most MAX_LEADS. When no article has one, the first article's first sentence.
    `table`: the recurring-sentence hashes (`Models.recurring`), loaded when not given."""
    return list(itertools.islice(_leads(articles, table), MAX_LEADS))


def _leads(
    articles: Sequence[Article], table: RecurringTable | None, memo: Memo | None = None
) -> Iterator[str]:
    """`story_leads`, as a generator (a caller stops at the first that compresses);
    from `memo` when computed before (what is yielded is computed whole first)."""
    key = tuple(a.id for a in articles) if memo is not None else ()
    if memo is not None and key in memo.leads:
        yield from memo.leads[key]
        return
    table = load_hashes() if table is None else table
    found = list(_all_leads(articles, table, memo))
    if memo is not None:
        memo.leads[key] = found
    yield from found


def _all_leads(
    articles: Sequence[Article], table: RecurringTable, memo: Memo | None
) -> Iterator[str]:
    """`_leads`, computed."""
    leads = [(k, lead) for k, a in enumerate(articles) if (lead := _usable(a, table, 0, memo))]
    if not leads:
        yield from (a.sentences[0].text for a in articles[:1] if a.sentences)
        return
    if len(leads) > 1:
        openings = [
            {w.lower() for s in a.sentences[:2] for w in _WORD.findall(s.text)} for a in articles
        ]
        leads.sort(key=lambda kl: -_shared_words(kl[1], openings[: kl[0]] + openings[kl[0] + 1 :]))
    yield from dict.fromkeys(lead for _, lead in leads)


def later_sentences(
    articles: Sequence[Article], table: RecurringTable, memo: Memo | None = None
) -> Iterator[str]:
    """Each article's next usable sentence after its lead, in story order: what a
    headline is made from when no lead compresses (a lead of 40 words, a quotation),
    rather than a lead clipped mid-clause."""
    for article in articles:
        found = _usable(article, table, 1, memo)
        if found:
            yield found

"""The brief's headline: a real title when there is one, else the lead, shortened."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np

from newsfuse.summarize.features import vectorize
from newsfuse.summarize.select import quality
from newsfuse.types import Article

_CLAUSE_END = (",", ";", ":")
_DASHES = {"—", "–", "-", "--"}
MIN_CLAUSE_WORDS = 5


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
    no boundary in reach, the first `max_words` words and an ellipsis.
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
    return " ".join(tokens[:max_words]).rstrip(",;:.") + " …"


_SITE = re.compile(
    r"\s+(?:[|–—-]|::)\s+[^|–—]*?(?:\.com|\.org|\bnews\b|\btimes\b|\bpost\b|\bherald\b"
    r"|\btribune\b|\btv\b|\bradio\b|\bjournal\b|\bgazette\b)[^|]*(?:\|.*)?$",
    re.IGNORECASE,
)


_SITE_TAIL = re.compile(r"\s+(?:[|–—-]|::?)\s*([^|–—:]{1,30})$")


def clean_title(title: str) -> str:
    """A title without the site's name after it ("... - KLTV.com - Tyler |ETX News",
    "... - KCTV5", "... : News"): a tail of at most three words after a separator."""
    title = _SITE.sub("", title.strip()).strip()
    tail = _SITE_TAIL.search(title)
    if tail and len(tail.group(1).split()) <= 3 and len(title[: tail.start()].split()) >= 4:
        title = title[: tail.start()].strip()
    return title


def best_title(articles: Sequence[Article], nlp: Any) -> str | None:
    """The complete title (a verb, at most 14 words, not cut) that best describes
    the story now: closeness of its article to the story's centroid, weighted up
    to 1.5x for the most recent article. None when no title is complete."""
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
    for k in sorted(range(len(titled)), key=lambda k: -score[k]):  # best first, parse lazily
        title = clean_title(titled[k].title or "")
        if title not in seen and not incomplete_headline(title, nlp):
            return title
        seen.add(title)
    return None


def headline(
    articles: Sequence[Article],
    *,
    lead: str | None = None,
    others: Sequence[str] = (),
    max_words: int = 14,
    nlp: Any,
) -> str:
    """The best complete title (see `best_title`); else `lead` (default: the
    first sentence of the first article that has one) compressed by its parse
    (newsfuse.summarize.compress), or failing that one of `others` (the brief's
    other sentences); else the most central title, the lead cut at a clause boundary, or
    the first article's label: never empty, never made up. `nlp`: the headline
    pipeline (`Models.headline_nlp`) or a callable returning its parses (`Parses`)."""
    title = best_title(articles, nlp)
    if title:
        return title
    if lead is None:
        lead = story_lead(articles)
    if lead:
        from newsfuse.summarize.compress import compress

        for sentence in (lead, *others):
            short = compress(sentence, max_words, nlp)
            if short:
                return short
    best = most_central_titled(articles)
    if best is not None and best.title:
        return clean_title(best.title)
    if lead:
        return short_form(lead, max_words)
    return articles[0].label if articles else ""


_DANGLING_END = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "with",
        "by",
        "from",
        "and",
        "or",
        "but",
        "as",
        "that",
        "which",
        "who",
        "whose",
        "than",
        "its",
        "his",
        "her",
        "their",
        "our",
        "your",
        "this",
        "these",
        "those",
        "into",
        "over",
        "after",
        "before",
        "about",
        "against",
        "during",
    ]
)


def incomplete_headline(text: str, nlp: Any) -> bool:
    """A headline a reader would stop at: empty, over 14 words, cut (an ellipsis,
    a trailing function word or comma), site furniture ("Page | Site"), or no verb
    (`nlp`: a spaCy pipeline with a tagger)."""
    tokens = text.split()
    if not tokens or len(tokens) > 14 or text.rstrip().endswith(("…", "...", ",", ":", ";")):
        return True
    if tokens[-1].lower().strip("\"'“”") in _DANGLING_END or " | " in text:
        return True
    return not any(t.pos_ in ("VERB", "AUX") for t in nlp(text))


def headline_texts(articles: Sequence[Article]) -> list[str]:
    """The texts `headline` may parse for `articles`: their cleaned titles and the
    lead (for `Parses`, which parses them ahead in one batch)."""
    from newsfuse.summarize.compress import strip_dateline

    texts = [clean_title(a.title) for a in articles if a.title]
    lead = story_lead(articles)
    return [*texts, strip_dateline(lead)] if lead else texts


def story_lead(articles: Sequence[Article]) -> str | None:
    """The sentence a headline without a title is made from: the first article's
    lead that the brief would take (select.quality: not a caption, credit or widget
    line such as "Enlarge image … /Getty Images …" or "Photo Advertisement Continue
    reading the main story"), else the first article's lead."""
    leads = [a.sentences[0].text for a in articles if a.sentences]
    return next((lead for lead in leads if quality(lead) > 0), leads[0] if leads else None)

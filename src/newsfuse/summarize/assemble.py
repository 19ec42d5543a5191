"""From ranked sentences to a brief a reader can follow: lede, units, order.

The scorers rank sentences for what the editor's summary will hold; a reader
also needs the first sentence to say what happened, every sentence to stand
alone, no fact told twice, and an order to follow. So:

- the lede is the best hand-weighted sentence (centrality, support, position,
  signature: the sentence several outlets lead with, that names the event)
  among the first `lede_sentences` of each article, that stands alone and is
  not a quotation. Outlets put the news first (the inverted pyramid); a lede
  taken from deep in an article is background or reaction. Measured on
  Multi-News val against the editor's first sentence (docs/benchmarks.md);
- each ranked sentence is taken as its reading unit (newsfuse.summarize.
  standalone) if it fits the word budget and no sentence of it is too like one
  already taken (`options.redundancy`, cosine as in MMR);
- a story with no selectable sentence still gets its longest real sentence,
  so no story of real articles is shown with an empty brief;
- units keep their order; the lede first; then, for a story spanning several
  days, the order of events (article date, then position), else by importance.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from collections.abc import Sequence

import numpy as np

from newsfuse.analyze.background import teaser_strip
from newsfuse.config import BriefOptions
from newsfuse.summarize.descriptions import counts
from newsfuse.summarize.events_in_story import other_event_rows
from newsfuse.summarize.features import StoryMatrix
from newsfuse.summarize.lede import lede_scores, standalone_mask, with_datelines
from newsfuse.summarize.lede_hooks import title_echo, without_hooks
from newsfuse.summarize.lede_news import news_first
from newsfuse.summarize.recurring import RecurringTable, is_recurring
from newsfuse.summarize.redundancy import counts_told, retells_counts, tells_lede_again
from newsfuse.summarize.select import (
    _BOILERPLATE,
    Components,
    components,
    furniture,
    heading,
    unsupervised_scores,
)
from newsfuse.summarize.standalone import stems, unit_rows, with_referents

LEDE_MIN_WORDS = 8  # a shorter first sentence cannot say who did what, where
_PAYWALL = re.compile(r"subscription|digital access|zip ?code|log in|sign in", re.IGNORECASE)
NOVEL_SHARE = 0.2  # a unit with no more new content words than this share retells the brief
RANK_DEPTH = 3  # rank sentences for this many budgets, so units have choices


def lede_row(
    matrix: StoryMatrix,
    options: BriefOptions,
    parts: Components | None = None,
    off: set[int] | None = None,
) -> int | None:
    """The sentence to lead with (see the module docstring), or None for an
    empty or all-furniture story; never another event's line (`off`:
    `other_event_rows(matrix)`, if the caller has it)."""
    if matrix.size == 0:
        return None
    parts = parts or components(matrix, options)
    hand = unsupervised_scores(parts, options)
    score = hand
    fit = standalone_mask(matrix, LEDE_MIN_WORDS)
    fit[sorted(other_event_rows(matrix) if off is None else off)] = False
    if options.lede == "learned":  # the model's shortlist, the hand score's pick
        usable = (hand > 0) & fit
        learned = with_datelines(matrix, lede_scores(matrix, parts), usable)
        learned = without_hooks(matrix, news_first(matrix, learned, usable))
        learned = learned + title_echo(matrix)
        if usable.any():
            top = learned[usable].max()
            score = np.where(learned >= top - options.lede_margin, hand, hand - 1e3)
    index = np.array([s.index for s in matrix.sentences])
    for mask in (fit & (index < options.lede_sentences), fit, np.ones(matrix.size, bool)):
        candidates = np.where(mask & (hand > 0), score, -np.inf)
        if np.isfinite(candidates).any():
            return int(np.argmax(candidates))
    return None


def ranked_rows(
    matrix: StoryMatrix, options: BriefOptions, lede: int | None, parts: Components | None = None
) -> list[int]:
    """The scorer's choice for RANK_DEPTH budgets, best first, the lede first, then
    the rest of the usable sentences."""
    deeper = dataclasses.replace(options, words=options.words * RANK_DEPTH)
    scorer = options.models.scorer(options.scorer)  # resolved once per config
    shared = components(matrix, options) if parts is None else parts
    rows = scorer.choose(matrix, deeper, shared, [] if lede is None else [lede])
    rows = rows if lede is None else [lede, *(r for r in rows if r != lede)]
    if parts is not None:  # then every other usable sentence, by the hand-weighted score,
        hand = unsupervised_scores(parts, options)  # so units that need room can be replaced
        listed = set(rows)
        rows += [
            int(r) for r in np.argsort(-hand, kind="stable") if hand[r] > 0 and r not in listed
        ]
    return rows


def fill_units(
    matrix: StoryMatrix, ranked: Sequence[int], options: BriefOptions, off: set[int] | None = None
) -> list[list[int]]:
    """Reading units in rank order within `options.words` (the first may exceed it).
    A unit that shares sentences with one already taken (its antecedent is in the
    brief) joins it: only its new sentences count against the budget."""
    lengths = [len(s.text.split()) for s in matrix.sentences]
    units: list[list[int]] = []
    taken: set[int] = set()
    context: set[str] = set()  # what the reader has read, in fill (= importance) order
    row_stems = matrix.row_stems
    memo = other_stories(matrix, off)  # unfit's verdicts: teasers', other events' rows
    used = 0
    told: list[str] = []  # the units' new text, in fill order (the lede's first)
    for row in ranked:
        if row in taken or (units and used + lengths[row] > options.words):
            continue  # (a unit holds its row: one whose row alone overfills cannot fit)
        unit = unit_rows(matrix, row, options.standalone)
        if unit is not None:  # "the officer": with the sentence that introduced one
            unit = with_referents(matrix, unit, context, row_stems, options.standalone)
        if unit is None or unfit(matrix, unit, memo):
            continue
        new = [r for r in unit if r not in taken]
        words = sum(lengths[r] for r in new)
        if units and used + words > options.words:
            continue
        if taken and matrix.similarity[np.ix_(new, sorted(taken))].max() >= options.redundancy:
            continue
        if taken and retold(set().union(*(row_stems[r] for r in new)), context):
            continue
        text = " ".join(matrix.sentences[r].text for r in new)
        if units and retells(matrix, new, text, told):
            continue
        touching = [k for k, u in enumerate(units) if joins(matrix, u, unit, k == 0)]
        merged = sorted(set(unit).union(*(units[k] for k in touching)))
        units = [u for k, u in enumerate(units) if k not in touching]
        units.insert(min(touching, default=len(units)), merged)
        taken.update(new)
        told.append(text)
        used += words
        for r in new:
            context |= row_stems[r]
        context |= counts(text)  # "two men" told: "The two" reads
    return units


def other_stories(matrix: StoryMatrix, off: set[int] | None = None) -> dict[int, bool]:
    """Rows of another story's teaser printed inside the report (analyze.background's
    teaser strip: a station's page repeats each teaser, caption then headline), marked
    unfit: the dossier's timeline already left them out, and in a brief they read as
    this story's news (a robbery suspect's arrest in a Louisville shooting's brief,
    read13); and the lines of another event (`off`, else `other_event_rows`: a
    round-up's other shootings, an earlier year's list item, ninth round)."""
    strip = set().union(*(teaser_strip(a) for a in matrix.articles))
    memo = {r: True for r, s in enumerate(matrix.sentences) if s.id in strip}
    return memo | dict.fromkeys(other_event_rows(matrix) if off is None else off, True)


def joins(matrix: StoryMatrix, taken: list[int], unit: list[int], lede: bool = False) -> bool:
    """`unit` shares a sentence with a unit taken, or goes on from it or right into it
    in the same article: the two are one passage and are shown as their article ran
    (issue 20, "a second statement shown before the first": fill goes by importance,
    and a sentence taken first can be the one after the sentence it leans on). The
    lede's unit (`lede`) is joined only by what follows it: the lede stays first (a
    dateline's "It's a harrowing story" had opened a tuning brief)."""
    if set(taken) & set(unit):
        return True
    ends = ((taken[-1], unit[0]),) if lede else ((taken[-1], unit[0]), (unit[-1], taken[0]))
    return any(b == a + 1 and follows(matrix, b) for a, b in ends)


def unfit(matrix: StoryMatrix, unit: list[int], memo: dict[int, bool]) -> bool:
    """The unit holds furniture (a caption that introduced "the scene" is no context
    to give) or a heading (a one-word label over an embed is no antecedent). `memo`:
    each row's verdict, read once per brief (the furniture pattern is long; main read it
    again for every unit). Keeping also sentences the scorer would never take (an
    outlet's headline) out of units was tried: it cost 0.04 ROUGE-1 on Multi-News val
    and the headline it was for is not one by `quality`."""
    for r in unit:
        if r not in memo:
            text = matrix.sentences[r].text
            memo[r] = furniture(text) or heading(text)
        if memo[r]:
            return True
    return False


def retold(unit_stems: set[str], context: set[str]) -> bool:
    """Nearly every content word of the unit is already in the brief ("Three other
    people were injured in the shooting." after a lede of a shooting that left two dead
    and three injured): it tells the reader nothing new, though its wording is too
    unlike any one sentence for the cosine to see it."""
    return len(unit_stems - context) <= NOVEL_SHARE * len(unit_stems)


_UNITS = "zero one two three four five six seven eight nine ten eleven twelve thirteen"
_TEENS = "fourteen fifteen sixteen seventeen eighteen nineteen twenty"
_COUNT_WORDS = {
    **{w: str(n) for n, w in enumerate(f"{_UNITS} {_TEENS}".split())},
    **{"dozen": "12", "half-dozen": "6"},
}
_NUMBER = re.compile(r"\b(?:\d+(?:[.,]\d+)?|" + "|".join(_COUNT_WORDS) + r")\b", re.IGNORECASE)
LEDE_SHARE = 0.4  # of a unit's content words found in the lede


def numbers(text: str) -> set[str]:
    """The counts a sentence states, spelled or in digits ("two" = "2")."""
    return {_COUNT_WORDS.get(m.lower(), m) for m in _NUMBER.findall(text)}


def capitalised(text: str) -> set[str]:
    """Stems of the capitalised words after the first: the names a sentence brings."""
    return {w.strip(".,;:\"“”'’()").lower()[:6] for w in text.split()[1:] if w[:1].isupper()}


def restates_lede(text: str, lede: str, told: str) -> bool:
    """The unit tells the lede's fact again in other words: the same count as the
    lede ("two men who died ... injured three others" after "left two people dead and
    three others injured"), no count or name the brief has not told, and a good share
    of its content words from the lede. A unit adding a name, an age or a new count
    is news; one that only renames the same event is not (issue 20, fifth pass: 8 of
    8 hits on the earlier label files are labelled redundant)."""
    own = stems(text)
    said = numbers(text)
    if not own or not said & numbers(lede) or said - numbers(told):
        return False
    if capitalised(text) - (capitalised(told) | stems(told)):
        return False
    return len(own & stems(lede)) >= LEDE_SHARE * len(own)


def retells(matrix: StoryMatrix, new: list[int], text: str, told: list[str]) -> bool:
    """The unit's new sentences (`text`) tell again what the brief has told (`told`, its
    units' text, the lede's first): the lede's fact in other words, counts already
    given ("four shot, one fatally"), or, among them, another outlet's opening sentence
    that is its lede for the same news (`tells_lede_again`; as a unit's antecedent it
    had come in with the sentence that leaned on it, read14), unless the unit's other
    sentences bring counts of their own (a film's budget and its Oscars after "Twenty
    years ago ...", Multi-News val)."""
    said = " ".join(told)
    if restates_lede(text, told[0], said) or retells_counts(text, said):
        return True
    openings = (matrix.sentences[r] for r in new)
    again = any(s.index == 0 and tells_lede_again(s.text, said) for s in openings)
    return again and counts_told(text, said)


def fallback_row(matrix: StoryMatrix, recurring: RecurringTable | None = None) -> list[list[int]]:
    """For a story with no selectable sentence (all short, all quotation, ...):
    its longest sentence that ends like one and is not page furniture, so the
    story is not shown empty; none when every sentence is furniture (a paywall
    or consent page is no article, and its brief stays empty)."""
    usable = [
        r
        for r, s in enumerate(matrix.sentences)
        if s.text.rstrip().endswith((".", "!", '"', "”"))
        and not _BOILERPLATE.search(s.text)
        and not _PAYWALL.search(s.text)
        and not is_recurring(s.text, recurring)
    ]
    if not usable:
        return []
    return [[max(usable, key=lambda r: len(matrix.sentences[r].text.split()))]]


def order_units(matrix: StoryMatrix, units: Sequence[list[int]], rank: dict[str, int]) -> list[int]:
    """The lede unit first; then the order of events for a story spanning days,
    else rank order (importance)."""
    if not units:
        return []
    dates = {matrix.articles[int(matrix.article_of[u[0]])].date for u in units}
    rest = list(units[1:])
    if len(dates - {None}) > 1:

        def key(unit: list[int]) -> tuple[bool, dt.date, int, int]:
            article = matrix.articles[int(matrix.article_of[unit[0]])]
            return (
                article.date is None,
                article.date or dt.date.min,
                rank[article.id],
                matrix.sentences[unit[0]].index,
            )

        rest.sort(key=key)
    return [row for unit in (units[0], *rest) for row in unit]


def follows(matrix: StoryMatrix, row: int) -> bool:
    """`row` is the next sentence, in the same article, after `row - 1`."""
    return row > 0 and bool(matrix.article_of[row] == matrix.article_of[row - 1])


def assemble(matrix: StoryMatrix, options: BriefOptions, rank: dict[str, int]) -> list[int]:
    """The brief's rows in reading order."""
    parts = components(matrix, options) if matrix.size else None
    off = other_event_rows(matrix)  # another event's lines: read once for lede and fill
    lede = lede_row(matrix, options, parts, off)
    units = fill_units(matrix, ranked_rows(matrix, options, lede, parts), options, off)
    fallback = units or fallback_row(matrix, options.models.recurring())
    return order_units(matrix, fallback, rank)

"""Ledes that are not the news: a hook, background, a question (issue 20, fifth round).

The learned lede model (newsfuse.summarize.lede) was fit on lower-cased, shortened
Multi-News, where an editor's first sentence is the target: it sees where a sentence sits
and how central its words are, not what kind of sentence it is. On full-length outlet text
a feature's first sentence is often its hook ("Plenty of <places> hold <things>, but ...")
or the background the news changes ("Doctors frequently recommend <a drug> ..."), and the
model takes it for the lede because it is first. A news lede states an event; these
sentences state what is usual, ask the reader, speak to the reader, or lean on a sentence
before them ("But <her> debut wasn't enough ..."). They lose log-odds here, so an outlet's
report of the event, when there is one, leads instead; when every candidate is such a
sentence the order among them is the model's. And where the articles have titles, a
sentence that retells what they name gains (`title_echo`): the model, learned on untitled
text, never saw a title. Measured by reading (docs/benchmarks.md, #20).
"""

from __future__ import annotations

import re

import numpy as np

from newsfuse.summarize.discourse import CONNECTIVE
from newsfuse.summarize.features import FloatArray, StoryMatrix
from newsfuse.summarize.lede import WHEN, one_event, strip_dateline_text
from newsfuse.summarize.standalone import stems

# Speaks to the reader: "If you've ever ...", "Own a <device>?", "your child".
SECOND_PERSON = re.compile(r"\b(?:you|your|you['’](?:ve|re|d|ll))\b", re.IGNORECASE)
# What is usual or has long been so, not what happened: the background the news changes.
BACKGROUND = re.compile(
    r"\b(?:(?:has|have|had) long\b|in recent (?:years|decades|months)|for (?:years|decades"
    r"|generations|centuries)\b|over the (?:years|decades)\b|plenty of|frequently|often"
    r"|usually|typically|traditionally|historically|commonly|routinely|tend to"
    r"|(?:is|are)(?: (?:currently|best|widely|perhaps|now|mostly|probably))? known (?:for|as)\b)",
    re.IGNORECASE,
)
# A definition heads an explainer, not a report: "<The term> is a <thing> that ...", with no
# day in it (seventh round). A name's profile is lede.PROFILE_LEDE's, never a lede at all.
DEFINITION = re.compile(
    r"^(?!there )(?:the |an? )?(?:[\w'’.-]+ ){1,4}(?:is|are) (?:an?|one of the) ", re.I
)
# A columnist's first person ("the rest of us", "say it with me"), outside quotation marks:
# "us" only after a preposition and before no noun (Multi-News is lower-cased: "us" is also
# the country), "I" before a lower-case word and after none capitalised ("World War I"); not
# "our" ("a ninth planet in our solar system" is news).
FIRST_PERSON = re.compile(
    r"\b(?:me|my|we|ourselves)\b|\b(?:We|My)\b|(?:^|[,;:\"“(] ?|\b[a-z]+ )I(?= [a-z]|['’])"
    r"|\b(?:rest|all|both|most|many|some|none) of us\b"
    r"|\b(?:of|to|for|with|from|among|let) us(?=[,.;:!?)]|$| (?:were|are|was|is|have|had"
    r"|all|who|that|and|to|in|at|on|about|for|an?|the)\b)"
)
# A feature's scene-setting clause before its main clause ("When <she> met <her son> in
# 1981, ...", "When <he> leaves prison ..."). Not "While" or "Although": a Wikinews lede
# sets the news against what came before with them.
SCENE = re.compile(r"^(?:when|whether|if|once|unless)\b", re.I)
NOT_NEWS_PENALTY = 2.0  # log-odds: a connective, a question or a second-person hook
BACKGROUND_PENALTY = 1.5  # log-odds: a background marker


def hook_penalty(text: str) -> float:
    """The log-odds a sentence loses as a lede for the kind of sentence it is (0 for a
    sentence that could state news). Its dateline, if any, is not read."""
    body = strip_dateline_text(text).strip()
    outside = re.sub(r"[\"“][^\"”]*[\"”]", " ", body)  # a quotation may address its hearer
    penalty = 0.0
    if (
        CONNECTIVE.match(body)
        or body.rstrip("\"”’' ").endswith("?")
        or SECOND_PERSON.search(outside)
        or FIRST_PERSON.search(outside)
        or SCENE.match(body)
    ):
        penalty += NOT_NEWS_PENALTY
    if BACKGROUND.search(outside) or (DEFINITION.match(body) and not WHEN.search(body)):
        penalty += BACKGROUND_PENALTY
    return penalty


def without_hooks(matrix: StoryMatrix, scores: FloatArray) -> FloatArray:
    """`scores` less each sentence's `hook_penalty`."""
    down = np.array([hook_penalty(s.text) for s in matrix.sentences], dtype=np.float64)
    return np.asarray(scores - down, np.float64)


# log-odds for a sentence holding every content word of every title: gva_dev, 1.5 over
# 1.0 gave 3 better ledes of 5 moved, none worse; over a storyline of weeks (Wikinews) it
# moved two ledes from one side event to another, ROUGE-1 -0.2, so there it is 1.0.
TITLE_WEIGHT = 1.5
STORYLINE_TITLE_WEIGHT = 1.0


def title_echo(matrix: StoryMatrix) -> FloatArray:
    """Log-odds for each sentence: its weight times the mean over the story's titles of
    the share of a title's content words it holds. A title says what its article is
    about, and a lede that retells what the titles agree on states the main event, not a
    detail of it (a Wikinews storyline's latest event led with how many teams marched
    into the stadium, not the ceremonies its titles name). The mean, not the best title:
    in a storyline each title names its own day's event (the best title took an air
    crash's lede from the wreckage found to a later pledge to fund the search)."""
    titles = [stems(a.title) for a in matrix.articles if a.title]
    titles = [t for t in titles if t]
    out = np.zeros(matrix.size)
    if not titles:
        return out
    for row, words in enumerate(matrix.row_stems):
        out[row] = sum(len(words & t) / len(t) for t in titles) / len(titles)
    return out * (TITLE_WEIGHT if one_event(matrix) else STORYLINE_TITLE_WEIGHT)

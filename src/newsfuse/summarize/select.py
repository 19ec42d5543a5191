"""Content selection: score every sentence, then pick greedily by MMR.

The signals here are shared by every scorer; which scorer a brief uses is chosen by
name (newsfuse.summarize.scoring, built-ins in newsfuse.summarize.scorers).

Score = (w_c * centrality + w_s * support + w_p * position
         + w_n * specificity + w_a * attributed + w_g * signature) * quality, where
- centrality: cosine to the story centroid (mean of per-article centroids, so a
  long article does not outvote the others);
- support: over the OTHER articles, how strongly each has a sentence like this
  one (best cosine / the support threshold, capped at 1, averaged). In
  multi-document news, a fact several outlets report is the main fact;
- position: 1 / (1 + i / 2) for the i-th sentence after the article's first
  `lead_sentences`, because outlets lead with the news;
- specificity (names, numbers) and attribution ("said", "according to"): small
  bonuses for concrete, sourced statements (weights tuned on Multi-News val and
  Wikinews; specificity is off by default, it promoted quotes' context);
- signature (w_g): coverage of the story's topic signature, words rare in
  general English that at least half the outlets use ("Hamadan", "Tu-22M3"),
  so the sentence that names the event beats one that paraphrases it
  ("a base in Iran"); see `newsfuse.summarize.signature`;
- quality in [0, 1]: length normalisation and junk penalties (see `quality`).
Selection is maximal marginal relevance under the word budget, never taking a
sentence whose cosine to a chosen one reaches `options.redundancy`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from newsfuse.config import BriefOptions
from newsfuse.summarize.features import FloatArray, StoryMatrix
from newsfuse.summarize.recurring import RecurringTable, is_recurring
from newsfuse.summarize.signature import signature_coverage
from newsfuse.text.patterns import AnyOf
from newsfuse.text.tokens import words

# A photo caption of a name and a role, split from its credit ("Vinay Chopra, a former
# Apotex worker. (CBC)"): a name, a comma, "a/an/the" and a phrase with no verb's comma
# or clause after it. A sentence about the person goes on ("…, said …"): not matched.
_CAPTION = re.compile(
    r"(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+, (?:a|an|the) [^,.;:!?\"“”]{1,80}\.$"
)
_BOILERPLATE = re.compile(
    r"click here|follow (?:us|him|her|them|@)|sign up|subscribe|newsletter|all rights reserved"
    r"|copyright|©|photo(?:graph)? (?:by|credit)|getty images|\bap photo|image (?:via|credit)"
    r"|read more|related:|advertisement|share this|cookies|javascript|terms of (?:use|service)"
    r"|privacy policy|contact us|\(?(?:file )?photo\)?$|/\s*(?:ap|afp|reuters|getty)\s*$",
    re.IGNORECASE,
)
# Page furniture inside the text: links, markup, video playlists ("1:48 Fresno zoo's ..."),
# footnote marks, gallery widgets, redirect notices, credits (issue 20, read on gva_dev).
_FURNITURE = re.compile(
    r"https?://|www\.\w|&amp;|&[a-z]+;|</?[a-z]+[^>]*>|^\d{1,2}:\d\d\s|^(?:\[[^\]]{1,8}\])+$"
    r"|\w+_\w+\||contributed to this report|previous page is sending you|^\(source:"
    r"|\b\d{1,2}:\d\d\s?(?:am|pm|a\.m\.|p\.m\.)\s?(?:et|edt|est|pt|pdt|ct|gmt|utc)?\s+by\b"
    r"|\bmpaa\b|running length:"
    # photo and video widgets, teaser boxes and author bios read in briefs (issue 20)
    r"|^(?:view|enlarge) (?:images?|photos?|gallery)\b|^story highlights\b|\bhide caption\b"
    r"|\b\d+ of \d+ (?:photos?|images?)\b|\bimage \d+ of\b|\bback to gallery\b"
    r"|^\s*[×✕]|(?-i:^CLOSE\s)|\bautoplay\b"
    r"|\bin this (?:[\w,-]+ ){0,5}(?:photo|image|picture|handout|video still)\b"
    r"|^courtesy\b|\bhandout via\b|^@\w+|\b\d+ (?:retweets?|likes)\b|^fig(?:ure)?\.? \d+\b"
    # Twitter's embed widget, opened a brief of the Multi-News test sample (issue 20)
    r"|\blocation information to your tweets\b|\btweet location history\b"
    # the same widget mid-page, and an author-alert prompt (gva_dev, fifth pass)
    r"|\btweet with a location\b|\bposts new content, you'll get an email\b"
    # ABC's topic widget, related-link teasers in brackets ("[Related: ...]", "[Q&A: ...]"),
    # credits ending a caption or an AP teaser ("... (Associated Press)", "(Photo: ...)",
    # "Image copyright ... Image caption ..."), paywall and newsletter prompts, and
    # pointers a brief cannot follow ("can be read here"). Issue 20, fourth pass: every
    # pattern checked against all 18,715 multinews_fulltext.test sentences (hits read).
    r"|^tweet with a location\b|^interested in [^?]{1,40}\?$|\badd [^.]{1,40} as an interest\b"
    r"|^\s*\[[^\]]{3,}\]\W*$|\((?:the )?(?:associated press|ap|reuters|afp|getty images)\)\s*$"
    r"|^buy photo\b|\bbuy photo$|^image copyright\b|\b(?:image|media) caption\b"
    r"|\(credit: [^)]*\)\s*$|^\(photo: [^)]*\)"
    r"|(?:\.\.\.|…)\s*\((?:associated press|ap|reuters|afp)\)"
    r"|\b(?:log|sign) in to (?:continue|read|view|access)\b|\bplease (?:log|sign) in\b"
    r"|\bsubscribers? only\b|\bfull (?:text|story|article) (?:is )?available\b|\bdigital access\b"
    r"|\bread the (?:entire|full|rest of the) (?:story|article)\b"
    r"|\balready a (?:subscriber|member)\b"
    r"|\bcontinue reading the main story\b|\bthe button below\b|\bthank you for subscribing\b"
    r"|\bdirectly to your inbox\b|\b(?:can|may) be (?:read|seen|found|viewed|watched) here\b"
    r"|^(?:watch|read|see) the \w+ below\b|\bmedia playback is (?:unsupported|not supported)\b"
    # an AP-style photo caption: a scene ending on its full date (", <place>,
    # <weekday>, <month> <day>, <year>."); reporting dates "on Friday" (42 hits, all captions)
    r"|(?<!\bon )(?<!\bsince )\b(?:mon|tues|wednes|thurs|fri|satur|sun)day,? (?:jan|feb|march"
    r"|april|may|june|july|aug|sept?|oct|nov|dec)[a-z]*\.?,? \d{1,2},? \d{4}"
    r"(?:,? in (?-i:[A-Z])[\w. ]{1,30})?\.?\s*$"
    r"|(?:(?-i:^(?:[A-Z][\w.'’-]+ ){1,3}[A-Z][\w.'’-]+)|^the author) is (?:a |an |the )?"
    r"[^,;]{0,40}?\b(?:editor|"
    r"correspondent|reporter|writer|columnist|contributor|producer)\b[^;]{0,60}\.$",
    re.IGNORECASE,
)
# The two searched by alternative, each only when its word is in the text (text.patterns:
# the same answer, a tenth of the time; issue 20's latency)
_BOILERPLATES, _FURNITURES = AnyOf.of(_BOILERPLATE), AnyOf.of(_FURNITURE)
_ATTRIBUTION = re.compile(
    r"\b(?:said|says|told|tells|added|adds|according|wrote|writes|stated|asked"
    r"|explained|noted|insisted|argued|claimed|warned|announced|tweeted|reported)\b",
    re.IGNORECASE,
)
_QUOTED = re.compile(r"[\"“”«»]([^\"“”«»]*)[\"“”«»]|(?:^|\s)['‘]\s(.*?)\s['’](?=\s|$)")
_END = (".", "!", "?", '"', "'", "”", "’", ")", "]", "…")
# A sentence opening on a word that points back ("It", "But", "Meanwhile"): scored down
# here and a feature of the learned scorer (one definition for both).
DANGLING = re.compile(
    r"^[\"“'‘]?\s*(?:it|he|she|they|this|that|these|those|his|her|their|its|but|and|so|also"
    r"|however|meanwhile|instead|still|yet|then)\b",
    re.IGNORECASE,
)
_NAME = re.compile(r"(?<=\s)(?:[A-Z]|\S*\d)")
_KICKER = re.compile(r"^[A-Z][\w.'’&-]{1,15}(?: [A-Z][\w.'’&-]{1,15})?: \S")
KICKER_WORDS = 10
UNENDED_WORDS = 20  # a shorter line with no final stop is a heading or caption, not news
MIN_WORDS = 6  # shorter sentences are fragments: captions, datelines, bylines


def furniture(text: str) -> bool:
    """Page furniture a reader should never see in a brief: boilerplate, credits,
    widgets, captions (also what a sentence pulled in as context must not be)."""
    return _BOILERPLATES.found(text) or _FURNITURES.found(text) or bool(_CAPTION.match(text))


def heading(text: str) -> bool:
    """A line too short to be a sentence and not ended like one: a heading, a label or
    a platform's name over an embed ("Instagram", a species' name over its paragraph).
    `quality` already refuses it alone; a unit must not bring it in as context."""
    return len(words(text)) < MIN_WORDS and not text.rstrip().endswith(_END)


def quality(text: str, full_length: int = 12, recurring: RecurringTable | None = None) -> float:
    """How usable a sentence is as a brief sentence, 0 (never) to 1.

    Catches what extraction leaves in and a reader should not see: boilerplate
    and credits, sentences known to recur across unrelated stories (archive and
    widget text, newsfuse.summarize.recurring), all-caps lines, fragments,
    questions (they raise, not report), and quotes with no speaker (a brief must
    say who claims what). `recurring`: the loaded hashes (`Models.recurring`), if
    the caller holds them.
    """
    tokens = words(text)
    if len(tokens) < MIN_WORDS or furniture(text) or is_recurring(text, recurring):
        return 0.0
    letters = list(filter(str.isalpha, text))  # (map and filter: no Python step a letter)
    if letters and sum(map(str.isupper, letters)) > 0.6 * len(letters):
        return 0.0
    if _KICKER.match(text) and len(tokens) < KICKER_WORDS:
        return 0.0  # a headline in the kicker style ("SAPD: Teenager shot in the head.")
    if title_case(text):
        return 0.0  # a headline, of this story or (a widget's) another
    score = min(1.0, len(tokens) / full_length) * min(1.0, 50 / len(tokens))
    stripped = text.rstrip()
    if stripped.rstrip("\"'”’ ").endswith("?"):
        score *= 0.3
    if not stripped.endswith(_END):  # truncated, a heading, a bullet or a caption
        if len(tokens) < UNENDED_WORDS:  # ("Anjum S. Coffland, 46 years old"): furniture
            return 0.0
        score *= 0.2
    if DANGLING.match(text):
        score *= 0.7  # leans on a sentence the reader will not see
    quoted = sum(len(m.group(0)) for m in _QUOTED.finditer(text))
    if quoted > 0.5 * len(text):
        outside = _QUOTED.sub(" ", text)
        if not _ATTRIBUTION.search(outside):
            score *= 0.3
    return score


def title_case(text: str) -> bool:
    """Most words capitalised, as in a headline ("Pussycat Dolls Deny Band Member's
    Claims"), and more than a name: four or more such words."""
    alpha = [w for w in text.split() if w[:1].isalpha()]
    capital = sum(w[0].isupper() for w in alpha)
    return capital >= 4 and capital > 0.75 * len(alpha)


def specificity(text: str) -> float:
    """Share of words after the first that are names or numbers (capitalised or
    with a digit), scaled so 1/3 counts fully: who, where and how many."""
    tokens = text.split()
    if len(tokens) < 2:
        return 0.0
    return min(1.0, 3 * len(_NAME.findall(text)) / (len(tokens) - 1))


@dataclass(frozen=True)
class Components:
    """The per-sentence signals the unsupervised score weighs (see module
    docstring); the learned scorer reads them as features, so both scorers
    see identical centrality, support and signature values."""

    centrality: FloatArray
    support: FloatArray
    position: FloatArray
    names: FloatArray
    attributed: FloatArray
    coverage: FloatArray
    quality: FloatArray


def _centrality(matrix: StoryMatrix) -> FloatArray:
    """Cosine to the mean of per-article centroids, scaled so the best is 1."""
    n, k = matrix.size, len(matrix.articles)
    counts = np.bincount(matrix.article_of, minlength=k)
    member = sparse.csr_matrix(
        (1.0 / counts[matrix.article_of], (matrix.article_of, np.arange(n))), shape=(k, n)
    )
    per_article = sparse.csr_matrix(member @ matrix.vectors)
    centroid = np.asarray(per_article.mean(axis=0)).ravel()
    norm = float(np.linalg.norm(centroid))
    centrality = np.asarray(matrix.vectors @ (centroid / norm)).ravel() if norm else np.zeros(n)
    if centrality.max() > 0:
        centrality = centrality / centrality.max()
    return np.asarray(centrality, dtype=np.float64)


def components(matrix: StoryMatrix, options: BriefOptions) -> Components:
    """Every unweighted signal of every sentence (the story must be non-empty)."""
    n, k = matrix.size, len(matrix.articles)
    support = np.zeros(n)
    if k > 1:
        best = matrix.per_article_max()
        best[np.arange(n), matrix.article_of] = 0.0
        support = np.minimum(best / max(options.support, 1e-9), 1.0).sum(axis=1) / (k - 1)
    index = np.array([s.index for s in matrix.sentences], dtype=np.float64)
    texts = [s.text for s in matrix.sentences]
    recurring = options.models.recurring()
    return Components(
        centrality=_centrality(matrix),
        support=support,
        position=1.0 / (1.0 + np.maximum(index - options.lead_sentences + 1, 0) / 2.0),
        names=np.array([specificity(t) for t in texts]),
        attributed=np.array([bool(_ATTRIBUTION.search(t)) for t in texts], dtype=np.float64),
        coverage=signature_coverage(matrix, options),
        quality=np.array([quality(t, options.full_length, recurring) for t in texts]),
    )


def unsupervised_scores(parts: Components, options: BriefOptions) -> FloatArray:
    """The hand-weighted salience of the module docstring, times quality."""
    base = (
        options.centrality_weight * parts.centrality
        + options.support_weight * parts.support
        + options.position_weight * parts.position
        + options.specificity_weight * parts.names
        + options.attribution_weight * parts.attributed
        + options.signature_weight * parts.coverage
    )
    return np.asarray(base * parts.quality, dtype=np.float64)


def select(matrix: StoryMatrix, scores: FloatArray, options: BriefOptions) -> list[int]:
    """Rows chosen by MMR, best first, within `options.words` words.

    A sentence that does not fit is skipped so a shorter one can fill the rest;
    only the very first sentence may exceed the budget on its own (a brief with
    no sentence at all helps nobody).
    """
    lengths = np.array([len(s.text.split()) for s in matrix.sentences])
    open_ = scores > 0
    chosen: list[int] = []
    used = 0
    redundancy = np.zeros(matrix.size)
    while open_.any():
        fits = open_ & ((lengths + used <= options.words) | (not chosen))
        if not fits.any():
            break
        mmr = options.mmr_lambda * scores - (1 - options.mmr_lambda) * redundancy
        row = int(np.argmax(np.where(fits, mmr, -np.inf)))
        chosen.append(row)
        used += int(lengths[row])
        redundancy = np.maximum(redundancy, matrix.similarity[row])
        open_ &= redundancy < options.redundancy
        open_[row] = False
    return chosen

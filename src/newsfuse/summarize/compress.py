"""A headline compressed from the lede by its parse: who did what, no clipping.

Editors shorten a lede to its main clause: subject, verb, object and the
phrases that say where or to whom, dropping subordinate and relative clauses,
appositions, fronted adverbials and coordinated clauses. A reported statement
("X did Y, police said") keeps its content clause and, when short, its source
("..., police said"). Phrases are dropped whole, right to left, until the
headline has at most `max_words` words; if the main clause alone is longer,
there is no headline from the parse (the caller falls back). Every word is the
lede's own, in its order. Parsed with the pinned spaCy model of
newsfuse.analyze.nlp (hash-checked at load), tagger and parser only.
"""

from __future__ import annotations

import re
from typing import Any

from newsfuse.config import AnalyzeOptions
from newsfuse.summarize import compress_keep as ck
from newsfuse.summarize.compress_names import naming, with_marks
from newsfuse.summarize.compress_report import speaker_pronoun, speaker_tokens
from newsfuse.summarize.headline_check import (
    caption_like,
    cut_short,
    cut_words,
    has_to,
    lost_object,
    lost_phrase,
    no_clause,
    quoted,
    stray_object,
    weak,
)

_DROP = frozenset(
    {"advcl", "relcl", "appos", "parataxis", "acl", "meta", "cc", "conj", "mark", "npadvmod"}
)
_TRIM = ("npadvmod", "advmod", "prep", "agent")  # complements (objects) are never trimmed
_REPORTING = frozenset(
    [
        "say",
        "tell",
        "report",
        "announce",
        "add",
        "state",
        "confirm",
        "claim",
        "write",
        "tweet",
        "note",
        "warn",
        "conclude",
        "determine",
    ]
)
# Their inflected forms, so that the headline pipeline runs without spaCy's
# lemmatizer (a quarter of its parse time at ingest, where stale headlines are made).
_REPORTING_FORMS = frozenset(
    [
        *(f"{v}{end}" for v in _REPORTING for end in ("", "s")),
        *(f"{v.removesuffix('e')}{end}" for v in _REPORTING for end in ("ed", "ing")),
        *("said", "told", "wrote", "written", "concluded", "determined"),
    ]
)


def _reporting(token: Any) -> bool:
    """A reporting verb ("said", "tells", "announced")."""
    return str(token.text).lower() in _REPORTING_FORMS


_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj")
_OPEN_ENDS = frozenset({"AUX", "ADP", "DET", "CCONJ", "SCONJ", "PART", "PRON"})
MAX_SOURCE_WORDS = 3  # "police", "the ministry", "Defense Ministry officials"


def load_headline_nlp(model: str = AnalyzeOptions().model) -> Any:
    """The pinned spaCy pipeline, verified, without the entity recognizer. Loaded once
    per application by its `Models` (newsfuse.models), never cached here."""
    import spacy

    from newsfuse.analyze.nlp import model_dir, verify_model

    directory = model_dir(model)
    verify_model(model, directory)
    return spacy.load(directory, exclude=["ner", "senter", "lemmatizer"])


def _subtree(token: Any) -> set[int]:
    return {t.i for t in token.subtree}


def _main_clause(root: Any) -> tuple[Any, Any | None]:
    """The clause to keep, and the source of a reported statement (or None)."""
    if _reporting(root):
        content = [c for c in root.children if c.dep_ == "ccomp" and c.pos_ in ("VERB", "AUX")]
        subjects = [c for c in root.children if c.dep_ in _SUBJECTS]
        if content:
            return content[0], (subjects[0] if subjects else None)
    return root, None


def _restrictive(token: Any) -> bool:
    """A clause that says which one ("blasts targeting the army's headquarters",
    "the man who shot ..."): an acl or relcl of a noun, not set off by a comma. It is
    kept when the headline has room, and trimmed like a phrase when not."""
    if token.dep_ not in ("acl", "relcl") or token.head.pos_ in ("VERB", "AUX"):
        return False
    first = min(_subtree(token))
    return first == 0 or token.doc[first - 1].text not in (",", "(", "—", "–")


def _complement(token: Any) -> bool:
    """A participle or infinitive right after its verb that completes it ("lay
    bleeding", "worked to free"): dropping it leaves the verb without its sense."""
    return ck.purpose_infinitive(token) or (
        token.dep_ in ("advcl", "xcomp")
        and token.head.pos_ in ("VERB", "AUX")
        and min(_subtree(token)) <= token.head.i + 2
        and token.i > token.head.i
        and not any(c.dep_ == "mark" for c in token.children)
        and str(token.tag_) in ("VBG", "VB", "VBN")
    )


def _droppable(token: Any) -> bool:
    """A clause or aside to drop: not a conjunct inside a name ("Caufield & Byers"),
    not a restrictive clause (trimmed only for room), not a verb's complement."""
    if token.dep_ not in _DROP or _restrictive(token) or _complement(token) or naming(token):
        return False
    if token.dep_ in ("conj", "cc"):
        return bool(token.head.pos_ in ("VERB", "AUX"))
    if token.dep_ == "mark":  # "that" of a content clause; never "if", "as" inside one
        return bool(token.head.dep_ == "ROOT" or token.lower_ == "that")
    if token.dep_ == "npadvmod" and (token.head.dep_ != "ROOT" or token.i < token.head.i):
        return False  # "Chicago-based", "this week" before the verb: not an aside
    if token.dep_ in ("appos", "npadvmod"):  # ", a move that ...", "(AP)"
        first = min(_subtree(token))
        return first > 0 and token.doc[first - 1].text in (",", "(", "—", "–")
    return True


def _core(main: Any) -> set[int]:
    """The main clause without dropped clauses and phrases, and without what
    stands before its subject (fronted adverbials)."""
    keep = _subtree(main)
    for token in list(main.subtree):
        if token.i in keep and token is not main and (_droppable(token) or stray_object(token)):
            keep -= _span(token)
    subjects = [c for c in main.children if c.dep_ in _SUBJECTS]
    start = min(_subtree(subjects[0])) if subjects else main.i
    keep = {i for i in keep if i >= start}
    return {i for i in keep if not main.doc[i].is_punct or main.doc[i].text in ("'", "’", "-")}


def _span(token: Any) -> set[int]:
    """What goes when `token`'s clause goes: its subtree; for an infinitive that says
    what a noun of a verb's phrase is for ("in a bid to unlock ..."), the whole phrase,
    which without it says nothing ("in a bid")."""
    noun = token.head
    infinitive = token.dep_ == "acl" and any(c.tag_ == "TO" for c in token.children)
    if infinitive and noun.dep_ == "pobj" and noun.head.dep_ == "prep":
        return _subtree(noun.head)
    return _subtree(token)


def _clause_of(main: Any, token: Any) -> Any:
    """The restrictive clause `token` is a phrase of, if any (trimming "of beating a
    reporter" from "who was accused of beating a reporter" leaves "who was accused":
    the clause goes whole), else `token`; not an infinitive's ("a bone to pick" stands
    without "with <whom>", and without "to pick" it is cut)."""
    found, node = token, token
    while node.i != main.i and node.head.i != node.i:
        node = node.head
        if (
            _restrictive(node)
            and not _infinitive_of(node, token)
            and (node.dep_ == "relcl" or node.tag_ != "VBN" or _needs_its_preposition(node, token))
        ):
            found = node  # "people killed" stands without "in the attack"
    return found


def _infinitive_of(clause: Any, token: Any) -> bool:
    """`token` is a phrase of the infinitive `clause` itself ("to pick | with ...")."""
    return token.head.i == clause.i and has_to(clause)


_BOUND = frozenset(["with", "to", "as"])  # "connected with", "linked to", "known as"


def _needs_its_preposition(participle: Any, token: Any) -> bool:
    """`token` is the participle's own "with", "to" or "as" phrase: students "connected"
    without what they are connected with say nothing (Multi-News test 3376's headline),
    while "people killed" stands without "in the attack"."""
    return bool(token.head.i == participle.i and token.lower_ in _BOUND)


def _lost_complement(main: Any, keep: set[int]) -> bool:
    """The headline ends on its verb though the verb had words after it ("An inquest
    has heard", "The Muslim Brotherhood worked"): the words that said what were dropped."""
    words = [i for i in keep if not main.doc[i].is_punct]
    after = [t for t in main.children if t.i > main.i and not t.is_punct]
    if any(t.dep_ == "ccomp" and t.i not in keep for t in main.children):
        return True  # what was found, concluded, heard went with a fronted clause
    return bool(words) and max(words) == main.i and bool(after)


def _trim(
    main: Any, keep: set[int], max_words: int, clauses_first: bool = False
) -> set[int] | None:
    """Drop trimmable phrases right to left until the headline fits (`clauses_first`:
    which-clauses before the verb's phrases, so "died because of the drugs" keeps
    its cause when "who suffered ... during a visit" can go instead)."""
    candidates = sorted(
        (
            t
            for t in main.subtree
            if t.i in keep
            and (
                (t.dep_ in _TRIM and t.head.pos_ in ("VERB", "AUX"))
                or ((_restrictive(t) or naming(t) or ck.purpose_infinitive(t)) and t.head.i in keep)
            )
        ),  # phrases of a verb (a noun's, "in the wake of ...", stay whole), which-clauses
        key=lambda t: (naming(t), clauses_first and not _restrictive(t), -t.i),
    )
    for token in candidates:
        if _words(main.doc, keep) <= max_words:
            break
        if token.i not in keep:
            continue  # went with a phrase trimmed before
        span = _span(_clause_of(main, token))
        doc = main.doc
        if (min(span) > 0 and doc[min(span) - 1].text == "-") or (
            max(span) + 1 < len(doc) and doc[max(span) + 1].text == "-"
        ):
            continue  # part of a hyphenated word ("15-year-old")
        keep -= span
    return keep if _words(main.doc, keep) <= max_words else None


def _words(doc: Any, keep: set[int]) -> int:
    """Words as printed: a token joined to the kept one before it ("'s", "n't", the
    figure after "$") is no word of its own (the budget counted "$ 3,000" as two)."""
    joined = {i for i in keep if i - 1 in keep and not doc[i - 1].whitespace_}
    return sum(1 for i in keep - joined if not doc[i].is_punct)


def _text(doc: Any, keep: set[int]) -> str:
    """The kept tokens, spaced as in the source where adjacent, else by one space."""
    order = sorted(keep)
    parts = []
    for k, i in enumerate(order):
        gap = k + 1 < len(order) and (order[k + 1] != i + 1 or bool(doc[i].whitespace_))
        parts.append(doc[i].text + (" " if gap else ""))
    text = ck.unpunctuated("".join(parts).strip())
    return text[:1].upper() + text[1:]


_DATELINE = re.compile(
    r"^(?:\(\w+\)\s*)?(?:[A-Z][A-Z.' -]+"
    r"(?:,\s*[A-Z][\w.]*\.?(?:\s[A-Z][\w.]*)?(?:\s\d{1,2})?)?\s*)?"  # "LIMA, Dec 1"
    r"(?:\([^)]{1,30}\)\s*)?[—–-]{1,2}\s+|^\(\w+\)\s+"
    # a wire release: "CHICAGO, Nov. 30, 2018 /PRNewswire/ -- "
    r"|^[A-Z][A-Z.' -]+,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*"
    r"(?:/[^/]{1,30}/)?\s*[—–-]{1,2}\s+"
)


# A dateline whose separator the scrape lost: capitals only, five letters or more, or
# two places ("<CAPITAL> <Subject> is ...", "<CITY>/<CITY> Israel's cabinet ...").
_BARE_DATELINE = re.compile(r"^(?:[A-Z]{5,}|[A-Z]{2,}(?:[/ ][A-Z]{2,})+)\s+(?=[A-Z][a-z])")


def strip_dateline(sentence: str) -> str:
    """The sentence without a leading dateline ("DOUGLASVILLE, Ga. (AP) — ", "(CNN) ")."""
    return _BARE_DATELINE.sub("", _DATELINE.sub("", sentence, count=1), count=1)


def _fitted_text(
    doc: Any, main: Any, keep: set[int], max_words: int
) -> tuple[str, set[int]] | None:
    """The trimmed clause's text within `max_words` words as printed, and its tokens."""
    for clauses_first in (False, True):
        found = _fitted(doc, main, keep, max_words, clauses_first)
        if found is not None:
            return found
    return None


def _fitted(
    doc: Any, main: Any, keep: set[int], max_words: int, clauses_first: bool
) -> tuple[str, set[int]] | None:
    """`_fitted_text` with one order of trimming."""
    for target in range(max_words, 2, -1):
        fitted = _trim(main, keep, target, clauses_first)
        if fitted is None:
            return None
        last = max((i for i in fitted if not doc[i].is_punct), default=None)
        if last is None or doc[last].pos_ in _OPEN_ENDS or _lost_complement(main, fitted):
            return None  # "..., was", "... to": cut mid-clause
        if cut_short(doc, fitted):
            continue  # "after more stories | describing ...": the phrase goes whole
        text = _text(doc, with_marks(doc, fitted))
        if len(text.split()) <= max_words:
            return text, fitted
    return None


_VOICE = re.compile(r"\b(?:I|[Mm]e|[Mm]y|[Ww]e|us|[Oo]ur|[Yy]ou|[Yy]our)\b|[\"“”]")


def _voiced(headline: str) -> bool:
    """Someone's own words ("Matt Damon grabbed my butt", from a quotation inside a
    column's sentence): a headline in the first or second person, or holding a quote
    mark, states as news what one person said."""
    return bool(_VOICE.search(headline))


def compress(sentence: str, max_words: int, nlp: Any) -> str | None:
    """The lede's main clause as a headline of at most `max_words` words with its
    verb, or None when the parse gives none (`nlp`: the headline pipeline, or a
    callable returning its parses, see `headlines.SharedParses`)."""
    return graded(sentence, max_words, nlp)[0]


# A finding reported last ("<what died>, figures published by <group> today reveal."):
# the parser takes the finding's verb for a clause of "reveal" and keeps "Figures ...
# reveal" as the headline (the README quick start's tsunami report, sixth round).
_FOUND_BY = re.compile(
    r",\s+((?:[\w'’.-]+\s+){1,8}?)(reveals?|revealed|shows?|showed|suggests?|suggested"
    r"|finds|found|indicates?|indicated)\s*\.?\s*$"
)
MAX_FINDER_WORDS = 3  # "a new study", "the survey"


def _finding(sentence: str, max_words: int, nlp: Any) -> tuple[str | None, bool] | None:
    """The headline of a sentence that reports a finding last: its finding compressed,
    with "a new study suggests" when it is short and fits, or no headline when the
    finding gives none (what is left, "Figures ... reveal", says nothing); None when it
    is no such sentence."""
    found = _FOUND_BY.search(sentence)
    if not found:
        return None
    short, is_weak = graded(sentence[: found.start()] + ".", max_words, nlp)
    if short is None:
        return None, False
    who = found.group(1).strip()
    attributed = f"{short}, {who[:1].lower() + who[1:]} {found.group(2)}"
    if len(who.split()) <= MAX_FINDER_WORDS and len(attributed.split()) <= max_words:
        return attributed, is_weak
    return short, is_weak


def graded(sentence: str, max_words: int, nlp: Any) -> tuple[str | None, bool]:
    """`compress`, and whether the headline is weak (`headline_check.weak`: it
    describes rather than reports). None for a caption, a clause cut before a word it
    needed, or quoted words without their marks (`headline_check`)."""
    if caption_like(sentence):
        return None, False
    finding = _finding(sentence, max_words, nlp)
    if finding is not None:
        return finding
    doc = nlp(strip_dateline(sentence))
    root = next(iter(doc.sents)).root
    main, source = _main_clause(root)
    if main.pos_ not in ("VERB", "AUX") or (main is root and _reporting(root)) or no_clause(main):
        return None, False  # no clause, or "X said" without what was said
    subjects = [c for c in main.children if c.dep_ in _SUBJECTS]
    if ck.no_lede(sentence, main):
        return None, False  # a dated photo caption, or a parse with two subjects
    own = bool(subjects) and speaker_pronoun(source, subjects[0])  # "<Name> said he ..."
    core = _core(main) | (speaker_tokens(root, source) if own else set())
    fitted = _fitted_text(doc, main, core, max_words) if subjects else None
    if fitted and not own and ck.unresolved_subject(doc, subjects[0], fitted[1]):
        fitted = _fitted_text(doc, main, core - ck.pronoun_clauses(subjects[0]), max_words)
    if fitted is None or (not own and ck.unresolved_subject(doc, subjects[0], fitted[1])):
        return None, False  # no subject, or one only the context resolves ("I", "our work")
    headline, keep = fitted
    if (
        _voiced(headline)
        or quoted(doc, keep, main.i)
        or cut_short(doc, keep)
        or lost_object(doc, keep)
        or cut_words(headline)
    ):
        return None, False  # someone's words, a cut clause, "... according"
    if source is not None and not own and len(list(source.subtree)) <= MAX_SOURCE_WORDS:
        who = "".join(t.text_with_ws for t in source.subtree).strip()
        if source.i == 0 and source.pos_ != "PROPN":
            who = who[:1].lower() + who[1:]  # "Police say" opened the sentence
        attributed = f"{headline}, {who} {root.text}"
        if len(attributed.split()) <= max_words:
            headline = attributed
    return headline, weak(main, subjects[0]) or lost_phrase(doc, keep)

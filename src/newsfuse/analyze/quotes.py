"""Direct quotations and who said them.

Why characters, then the parse: quotation marks are exact in the text (and follow the
news convention that a quote running over paragraphs reopens each paragraph without
closing the previous one), while speakers need the dependency parse: the subject of a
speech verb outside the quote, in the quote's sentence or next to it. Attribution
helpers here are shared with claims.py.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby

from spacy.tokens import Span, Token

from newsfuse.analyze.attribution import find_speaker
from newsfuse.analyze.entities import TITLE_HEADS, EntityIndex
from newsfuse.analyze.lexicon import OPEN_MARKS, PRONOUNS, SPEECH_VERBS
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.analyze.speaker_context import (
    Context,
    Ranges,
    Source,
    according_to,
    inside,
    subject_phrase,
)
from newsfuse.analyze.terms import is_label
from newsfuse.types import Article, Citation, Entity, Quote, Sentence

__all__ = ["Ranges", "inside", "quote_segments", "resolve", "speaker_token"]

CLOSE_MARKS = {'"', "”"}
_CHANNEL_NOUNS = {"statement", "interview", "briefing", "conference", "post", "tweet", "letter"}


def _paragraphs(article: Article) -> list[tuple[int, int]]:
    """(start, end) offsets of each paragraph, from its sentences."""
    out = []
    for _, group in groupby(article.sentences, key=lambda s: s.paragraph):
        sents = list(group)
        out.append((sents[0].start, sents[-1].end))
    return out


def quote_segments(article: Article) -> list[Ranges]:
    """Each quotation as the body ranges inside its marks (several for multi-paragraph ones)."""
    body = article.body  # a mark right after a digit is seconds or inches (3h 51' 03")
    quotes: list[Ranges] = []
    carry: Ranges = []
    paras = _paragraphs(article)
    for n, (pstart, pend) in enumerate(paras):
        opened: int | None = None
        for i in range(pstart, pend):
            ch = body[i]
            if opened is None and ch in OPEN_MARKS and not body[i - 1 : i].isdigit():
                opened = i + 1
            elif opened is not None and ch in CLOSE_MARKS:
                quotes.append([*carry, (opened, i)])
                carry, opened = [], None
        if opened is not None:
            carry.append((opened, pend))
            following = body[paras[n + 1][0]] if n + 1 < len(paras) else ""
            if following not in OPEN_MARKS:
                quotes.append(carry)
                carry = []
    if carry:
        quotes.append(carry)
    return quotes


def _is_speech(text: str) -> bool:
    """Keep quotes of two or more words that are not short titles or names of works."""
    words = text.split()
    if len(words) < 2:
        return False
    return not (len(words) <= 4 and all(w[:1].isupper() for w in words))


def _reported_word(pa: ParsedArticle, held: list[Sentence], segments: Ranges) -> bool:
    """A one-word quote that repeats someone's wording: a speech verb governs it within two
    steps ("called the decision "heartbreaking"", "said it "accidentally" donated")."""
    span = pa.span_of(held[0])
    word = next((t for t in span or () if inside(segments, t.idx) and t.is_alpha), None)
    if word is None or not word.text.islower():
        return False
    steps = [word.head, word.head.head]
    return any(t.lemma_ in SPEECH_VERBS and not inside(segments, t.idx) for t in steps)


def resolve(pa: ParsedArticle, head: Token, index: EntityIndex) -> Source:
    """Canonical entity for a subject token: pronouns and bare titles to the last person."""
    aid = pa.article.id
    if head.lower_ in PRONOUNS:
        last = index.person_before(aid, head.idx)
        return (last.name, last.id) if last else (None, None)
    chain = [head]
    if head.pos_ == "PROPN":  # "Sergei Shoigu"; not "U.S." of "a U.S. official"
        chain += [c for c in head.children if c.dep_ in ("compound", "flat")]
    start, end = min(t.idx for t in chain), max(t.idx + len(t) for t in chain)
    ent: Entity | None = index.at(aid, start, end)
    if ent is None and head.lower_ in TITLE_HEADS and any(c.lower_ == "the" for c in head.lefts):
        ent = index.person_before(aid, head.idx)
    if ent is not None:
        return ent.name, ent.id
    if head.pos_ == "PRON":
        return None, None
    return subject_phrase(head), None


def speaker_token(verb: Token, quoted: Ranges) -> Token | None:
    """Subject of a speech verb; else the noun just before it ("..., Russia's ministry said")."""
    subj = next((c for c in verb.lefts if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and inside(quoted, subj.idx):
        subj = None
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("AUX", "ADV", "PART"):
        i -= 1
    near = verb.doc[i] if i >= 0 else None
    if near is None or near.pos_ not in ("NOUN", "PROPN", "PRON") or inside(quoted, near.idx):
        return subj
    if subj is None:
        return near
    # "<clause with its own subject>, Moscow's defense ministry said": the model may take
    # the clause's subject; the noun phrase right before the verb, after a comma, wins.
    between = verb.doc[subj.i : near.left_edge.i]
    return near if subj.i < near.i and any(t.text == "," for t in between) else subj


def channel(span: Span, quoted: Ranges) -> str | None:
    """How the words reached the writer: "according to X", "told X", "in a statement"."""
    for tok in span:
        if inside(quoted, tok.idx):
            continue
        pobj = according_to(tok)
        if pobj is not None and subject_phrase(pobj):  # never "(according to )"
            return f"according to {subject_phrase(pobj)}"
        if tok.lemma_ == "tell":
            obj = next((c for c in tok.rights if c.dep_ in ("dobj", "dative")), None)
            if obj is not None and subject_phrase(obj):
                return f"{tok.text} {subject_phrase(obj)}"
        if tok.lower_ == "in" and tok.head.lemma_ in SPEECH_VERBS:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_ in _CHANNEL_NOUNS:
                return f"in {subject_phrase(pobj)}"
    return None


def _sentences(article: Article, segments: Ranges) -> list[Sentence]:
    """Sentences that hold any part of the quotation."""
    return [s for s in article.sentences if any(s.start < e and a < s.end for a, e in segments)]


def _channel(pa: ParsedArticle, held: list[Sentence], quoted: Ranges) -> str | None:
    """The first channel phrase in the quote's own sentences."""
    for sentence in held:
        span = pa.span_of(sentence)
        found = channel(span, quoted) if span is not None else None
        if found:
            return found
    return None


def extract_quotes(
    parsed: Sequence[ParsedArticle], entities: Sequence[Entity]
) -> tuple[Quote, ...]:
    """Direct quotations of a story with canonical speakers, in article order."""
    index = EntityIndex(entities)
    out = []
    for pa in parsed:
        quotes = quote_segments(pa.article)
        quoted = [seg for q in quotes for seg in q]
        ctx = Context(pa, index, quoted)
        for segments in quotes:
            text = " ".join(pa.article.body[s:e].strip() for s, e in segments).strip(" ,")
            held = _sentences(pa.article, segments)
            if not held or not (_is_speech(text) or _reported_word(pa, held, segments)):
                continue
            if is_label(pa, segments, text):
                continue
            ctx.current = segments
            name, sid = find_speaker(ctx, held)
            chan = _channel(pa, held, quoted) if name is not None else None
            cites = tuple(Citation(pa.article.id, s.id) for s in held)
            out.append(Quote(text, name, sid, chan, cites))
    return tuple(out)

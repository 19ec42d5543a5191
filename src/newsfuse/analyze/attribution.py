"""Which sentence attributes a quote, and which of its words is the speaker: speech
verbs and their subjects, "according to", a colon, the neighbouring sentences, and an
unattributed quote paragraph continuing the last speaker (news convention).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from newsfuse.analyze.lexicon import _DOCUMENTS, OPEN_MARKS, SPEECH_VERBS
from newsfuse.analyze.speaker_context import (
    Context,
    Ranges,
    Source,
    according_to,
    entity_of,
    inside,
    past_dateline,
)
from newsfuse.analyze.speakers import issuer, resolve_head
from newsfuse.types import Sentence

_SHARED = {"advcl", "xcomp", "conj", "pcomp"}  # verbs that share their head's subject


def subjects(verb: Token, quoted: Ranges) -> list[Token]:
    """Candidate speakers of a speech verb: its subject on either side, the agent of a
    passive ("as quoted by AP"), then the noun right before it."""
    out = [
        c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") and not inside(quoted, c.idx)
    ]
    for agent in (c for c in verb.children if c.dep_ == "agent"):
        out += [c for c in agent.children if c.dep_ == "pobj"]
    i = verb.i - 1
    while i >= 0 and verb.doc[i].pos_ in ("AUX", "ADV", "PART"):
        i -= 1
    near = verb.doc[i] if i >= 0 else None
    if near is not None and near.pos_ in ("NOUN", "PROPN") and not inside(quoted, near.idx):
        between = verb.doc[out[0].i : near.left_edge.i] if out else verb.doc[0:0]
        apposed = out and near in list(out[0].subtree)
        if out and not apposed and out[0].i < near.i and any(t.text == "," for t in between):
            out.insert(0, near)  # "<clause with its own subject>, Moscow's ministry said"
        elif near not in out:
            out.append(near)
    if not out and verb.dep_ == "acl" and verb.tag_ in ("VBD", "VBZ", "VBP", "VBG"):
        noun = verb.head.head if verb.head.dep_ == "appos" else verb.head
        return [] if inside(quoted, noun.idx) else [noun]  # "Schaeuble, …, called": active
    if not out and verb.dep_ in _SHARED:
        head = verb.head
        while head.dep_ in ("prep", "pcomp") and head.head is not head:
            head = head.head  # "has provided meals to starving people and calls …"
        if head.pos_ in ("VERB", "AUX"):
            return subjects(head, quoted)  # "Egeland recanted ..., adding that"
    return out


def speech_verbs(ctx: Context, span: Span) -> list[Token]:
    """Speech verbs outside quotes; those governing the current quotation first, nearest
    first ("Officials have not confirmed … and Blair called the detention "…"")."""
    verbs = [
        t
        for t in span
        if t.lemma_ in SPEECH_VERBS and t.pos_ == "VERB" and not inside(ctx.quoted, t.idx)
    ]
    held = [t.i for t in span if inside(ctx.current, t.idx)]
    if not held:
        return verbs
    governing = {a.i for t in span if inside(ctx.current, t.idx) for a in t.ancestors}
    for v in verbs:  # "calls the operation "…"": an object complement the parse misattached
        obj = next((c for c in v.children if c.dep_ in ("dobj", "oprd")), None)
        if obj is not None and 0 < held[0] - obj.right_edge.i <= 2:
            governing.add(v.i)
    return sorted(verbs, key=lambda v: (v.i not in governing, min(abs(v.i - i) for i in held)))


def verb_speaker(ctx: Context, span: Span, lead: int = 999) -> Source | None:
    """Speaker from a speech verb outside quotes (within the first `lead` tokens)."""
    for tok in speech_verbs(ctx, span[:lead]):
        for subj in subjects(tok, ctx.quoted):
            head = past_dateline(ctx, subj)
            found = resolve_head(ctx, head) if head is not None else None
            if found is not None:
                return found
    return None


def other_speaker(ctx: Context, span: Span) -> Source | None:
    """ "according to X", "X: "…"", or a named subject of the sentence's main verb."""
    for tok in span:
        if inside(ctx.quoted, tok.idx):
            continue
        pobj = according_to(tok)
        found = resolve_head(ctx, pobj) if pobj is not None else None
        if found is not None:
            return found
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if tok.text == ":" and nxt is not None and inside(ctx.quoted, nxt.idx + 1):
            ent = entity_of(ctx, tok.nbor(-1)) if tok.i > 0 else None
            if ent is not None and ent.kind != "place":
                return ent.name, ent.id
    return _document_source(ctx, span) or _root_subject(ctx, span)


def _document_source(ctx: Context, span: Span) -> Source | None:
    """The issuer of a document or saying that holds the quote: "a Confucius' saying, "…"",
    "The first report, by X, looked at "…""."""
    heads = [
        t.head for t in span if inside(ctx.current, t.idx) and not inside(ctx.current, t.head.idx)
    ]
    subj = next((c for c in span.root.children if c.dep_ == "nsubj"), None)
    for tok in [h for h in heads if h.pos_ == "NOUN"] + ([subj] if subj is not None else []):
        if tok.lemma_.lower() in _DOCUMENTS and not inside(ctx.quoted, tok.idx):
            found = issuer(ctx, tok)
            if found is not None and found[0] is not None:
                return found
    return None


def _root_subject(ctx: Context, span: Span) -> Source | None:
    """A named person or organisation as subject of the main verb ("Clinton promised …")."""
    subj = next((c for c in span.root.children if c.dep_ == "nsubj"), None)
    subj = past_dateline(ctx, subj) if subj is not None else None
    if subj is not None and not inside(ctx.quoted, subj.idx):
        ent = entity_of(ctx, subj)
        if ent is not None and ent.kind in ("person", "organization"):
            return ent.name, ent.id
    return None


def in_sentence(ctx: Context, sentence: Sentence, lead: int = 999) -> Source | None:
    """Speaker named in one sentence."""
    span = ctx.pa.span_of(sentence)
    if span is None:
        return None
    found = verb_speaker(ctx, span, lead)
    if found is None and lead == 999:
        found = other_speaker(ctx, span)
    return found


def _neighbours(ctx: Context, held: list[Sentence]) -> Source | None:
    """A colon before, the lead of the next sentence, then the previous sentence."""
    sents, body = ctx.pa.article.sentences, ctx.pa.article.body
    first, last = held[0], held[-1]
    initial = body[first.start] in OPEN_MARKS
    prev = sents[first.index - 1] if first.index > 0 else None
    if prev is not None and initial and prev.text.rstrip().endswith(":"):
        found = in_sentence(ctx, prev)
        if found is not None:
            return found
    after = sents[last.index + 1] if last.index + 1 < len(sents) else None
    if after is not None and initial and after.paragraph == last.paragraph:
        found = in_sentence(ctx, after, lead=8)
        if found is not None:
            return found
    if prev is not None and initial and prev.paragraph == first.paragraph:
        found = in_sentence(ctx, prev)
        if found is not None and found[0] is not None:
            return found
    return None


def find_speaker(ctx: Context, held: list[Sentence]) -> Source:
    """Speaker of a quote held by `held` sentences; updates the last speaker."""
    found = next((f for s in held if (f := in_sentence(ctx, s)) is not None), None)
    if found is None:
        found = _neighbours(ctx, held)
    first = held[0]
    initial = ctx.pa.article.body[first.start] in OPEN_MARKS
    if found is None and initial and ctx.last_at >= first.paragraph - 1 and _same_topic(ctx, first):
        found = ctx.last  # a quote paragraph without attribution continues the last speaker
    if found is None and initial and first.index > 0:
        prev = ctx.pa.article.sentences[first.index - 1]
        if prev.paragraph == first.paragraph - 1:
            found = in_sentence(ctx, prev)
    found = found if found is not None else (None, None)
    if found[0] is not None:
        ctx.last, ctx.last_at, ctx.last_sent = found, held[-1].paragraph, held[-1].index
    return found


def _same_topic(ctx: Context, first: Sentence) -> bool:
    """No sentence since the last speaker's quote has a subject naming someone else."""
    for sent in ctx.pa.article.sentences[ctx.last_sent + 1 : first.index]:
        span = ctx.pa.span_of(sent)
        subj = _root_subject(ctx, span) if span is not None else None
        if subj is not None and subj[1] != ctx.last[1]:
            return False
    return True

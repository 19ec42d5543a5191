"""Who said a quotation: the subject of a speech verb, resolved to a canonical entity.

Why a candidate is resolved before it is accepted: the small model's subject of "said"
is often a non-speaker ("the communique", "today") or a description ("a spokesman for
the IOC", "the minister, Lord Triesman"); only people, organisations and the few nouns
that stand for them may speak. Quotes with no attribution in their own sentence follow
news convention: a colon introduces the next paragraph, an attribution may sit in the
neighbouring sentence, and an unattributed quote paragraph continues the last speaker.
This module resolves one subject token (a name, a title, a pronoun) to a speaker;
attribution.py finds the sentence and the subject; speaker_context.py holds the state.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from newsfuse.analyze.entities import TITLE_HEADS
from newsfuse.analyze.entity_rules import CONTRACTION
from newsfuse.analyze.gender import describing, pronoun_gender
from newsfuse.analyze.lexicon import (
    _DOCUMENTS,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _SPOKES,
    KIN,
    PRONOUNS,
    SPEECH_VERBS,
)
from newsfuse.analyze.speaker_context import (
    Context,
    Ranges,
    Source,
    as_written,
    entity_of,
    inside,
    is_name_part,
    past_dateline,
    subject_phrase,
    surname_person,
)

__all__ = [
    "Context",
    "Ranges",
    "Source",
    "antecedent",
    "inside",
    "issuer",
    "past_dateline",
    "resolve_head",
    "subject_phrase",
]

_FIRST_SECOND = {"we", "i", "you"}  # speakers the quote's own text names, or nobody
_PAPERS = {"report", "document", "affidavit"}
_POLICE_PAPERS = re.compile(
    r"\bpolice (?:report|records?|documents?|narratives?)|\b(?:incident|arrest|probable[- ]cause"
    r"|police) (?:report|affidavit|document|statement)s?\b",
    re.IGNORECASE,
)
_STOP = {"the", "a", "an", "said", "says", "and", "but", "on", "in", "of", "by", "mr", "ms"}
_COLLECTIVE = {"they", "it"}  # pronouns for organisations, resolved among them only
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_RANKS = {"deputy", "vice", "assistant", "associate", "former", "acting"}  # "the deputy mayor"


def _named(ctx: Context, head: Token) -> Source | None:
    """A name in the phrase: the head, an apposition ("the minister, Lord Triesman") or a
    compound name ("Pentagon spokesman Mark Ballesteros")."""
    own = entity_of(ctx, head)
    if own is None and head.pos_ == "PROPN":
        own = surname_person(ctx, head)  # "Shevchenko, former European Footballer of …,"
    bare = own is None or own.kind != "person" or " " not in own.name  # "the Executive Clerk"
    near = [c for c in head.children if c.dep_ in ("compound", "flat", "nmod")]
    for child in near + [t for t in head.subtree if t.dep_ == "appos"]:
        ent = entity_of(ctx, child)
        if ent is not None and ent.kind == "person" and ent is not own and bare:
            return ent.name, ent.id
    if own is not None and (own.kind != "place" or head.pos_ == "PROPN"):
        return (as_written(ctx, own, head) if own.kind == "place" else own.name), own.id
    return None


def issuer(ctx: Context, head: Token) -> Source | None:
    """Whom a spokesman or a statement speaks for: "for/of/by/from X", "X's", "X spokesman",
    or the subject of the verb that issued the document."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _named(ctx, pobj) or issuer(ctx, pobj)
        if child.dep_ in ("poss", "compound", "nmod", "amod"):
            found = _named(ctx, child)
            if found:
                return found
        if child.dep_ == "acl":  # "the statement released by the EU"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent else None
            if pobj is not None:
                return _named(ctx, pobj)
    if head.lemma_ in _DOCUMENTS and head.dep_ in ("dobj", "pobj"):
        verb = head.head if head.dep_ == "dobj" else head.head.head
        subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return _named(ctx, subj)
    return None


def _fuller(ctx: Context, name: str) -> str:
    """The longest capitalised form of a name the NER missed ("Egeland" -> "Jan Egeland")."""
    pattern = r"(?:[A-Z][\w'-]+ ){1,3}" + re.escape(name) + r"\b"
    forms = re.findall(pattern, ctx.pa.article.body)
    forms = [f for f in forms if not any(w.lower() in _STOP for w in f.split())]
    return max(forms, key=len) if forms else name


def _earlierissuer(ctx: Context, head: Token) -> Source | None:
    """Issuer of the last earlier mention of the same noun ("A spokesperson for the IOC")."""
    for tok in reversed(ctx.pa.doc[max(0, head.i - 150) : head.i]):
        if tok.lemma_ == head.lemma_:
            found = issuer(ctx, tok)
            if found is not None:
                return found
    return None


def _described_by(ctx: Context, start: int, end: int) -> set[str]:
    """Lower-case words and lemmas of the person mentioned at [start, end) and of the words
    that describe them ("Foreign Ministry spokesman X", "X, the UN spokeswoman,")."""
    span = ctx.pa.doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return set()
    words = [*span, *describing(span, before=4)]
    return {t.lower_ for t in words} | {t.lemma_.lower() for t in words}


def _titled_person(ctx: Context, head: Token) -> Source | None:
    """The nearest person named before a definite title who bears that title, with its
    modifiers ("… spokesman Mohammad Ali Hosseini … The spokesman said", not "the mayor"
    for "the deputy mayor, Barry Lewis")."""
    mods = {c.lower_ for c in head.lefts if c.dep_ in ("amod", "compound") and c.is_lower}
    title = head.lemma_.lower()
    for start, end, ent in reversed(ctx.index.spans(ctx.pa.article.id)):
        if start >= head.idx or ent.kind != "person" or inside(ctx.quoted, start):
            continue
        words = _described_by(ctx, start, end)
        if title in _SPOKESPEOPLE and words & _SPOKESPEOPLE:
            words.add(title)  # "the UN spokeswoman, …" -> "The spokesperson said"
        if title in words and mods <= words and not (_RANKS & words) - mods:
            return ent.name, ent.id
    return None


def resolve_head(ctx: Context, head: Token) -> Source | None:
    """Speaker for a subject token; None when the token cannot be a speaker at all."""
    low = head.lower_
    if low in PRONOUNS or low == "they":
        return antecedent(ctx, head)
    if low == "it":  # "It said" for an organisation; else "it" is not a speaker at all
        org = antecedent(ctx, head)
        return org if org[0] is not None else None
    if low in ("who", "which", "that") and head.head.dep_ == "relcl" and head.head.head != head:
        return resolve_head(ctx, head.head.head)  # "AC Milan's website, which said: …"
    word = head.doc[head.i : head.i + 2].text  # "We're" is two tokens
    if head.pos_ == "PRON" or low in _FIRST_SECOND or CONTRACTION.search(word):
        return (None, None) if low in _FIRST_SECOND else None  # "We're" is never a name
    found = _named(ctx, head)
    if found is not None:
        return found
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in ("the", "this") for c in head.lefts)
    if lemma in _SPOKES or lemma in _DOCUMENTS:
        found = issuer(ctx, head)
        if found is None and definite and lemma not in _DOCUMENTS:
            found = _titled_person(ctx, head)  # "The spokesman said": the one named before
        if found is None and definite:
            found = _earlierissuer(ctx, head)  # "The statement added", "the spokesperson"
        if found is None and definite:
            found = _police_papers(ctx, head)
        if found is None and definite and ctx.last[0] is not None:
            return ctx.last
        return found if found is not None else (None, None) if lemma in _SPOKES else None
    if lemma in _ORG_NOUNS:
        return _resolve_org(ctx, head, definite)
    if lemma == "police" and not any(c.dep_ == "det" and not definite for c in head.lefts):
        return _police(ctx, head)
    if lemma in _PERSON_NOUNS or lemma in KIN:
        return _resolve_title(ctx, head, definite)
    if low == "latter" and definite:  # "the latter said": the person named last
        return _last_person(ctx, head.idx, None)
    if definite and _aged(head):  # "the 69-year-old singer said": the person named last
        return _titled_person(ctx, head) or _last_person(ctx, head.idx, None)
    if head.pos_ == "PROPN" and head.text[:1].isupper():
        return _fuller(ctx, subject_phrase(head)), None  # a name the NER missed
    if head.pos_ == "NOUN" and head.text.istitle() and _fuller(ctx, head.text) != head.text:
        return _fuller(ctx, head.text), None  # "Byrs called": a surname tagged as a noun
    return None


def _police(ctx: Context, head: Token) -> Source:
    """ "police said": the police force of the story speaking as an organisation, the one
    police organisation the article names ("Chicago Police"), else "police" as written."""
    forces = {
        ent.id: ent
        for _, _, ent in ctx.index.spans(ctx.pa.article.id)
        if ent.kind == "organization" and "police" in ent.name.lower().split()
    }
    if len(forces) == 1:
        ent = next(iter(forces.values()))
        return ent.name, ent.id
    return "police", None


def _names(lemma: str, name: str) -> bool:
    """Does an organisation's name contain the noun ("the airline": "Malaysia Airlines")?"""
    words = name.lower().split()
    return lemma in words or lemma + "s" in words


def _aged(head: Token) -> bool:
    """ "the 29-year-old", "the 69-year-old singer": an age stands for a person."""
    olds = [head] if head.lower_ == "old" else [c for c in head.children if c.lower_ == "old"]
    return any(c.lower_ == "year" for old in olds for c in old.children)


def _resolve_org(ctx: Context, head: Token, definite: bool) -> Source:
    """ "the council", "the ministry's": the one organisation named before whose name has
    that noun ("the union" -> "European Union"), else the phrase as written; "a ministry":
    null. Two such organisations ("Iranian", "British Government") are not guessed between."""
    if not (definite or any(c.dep_ == "poss" for c in head.children)):
        return None, None
    lemma = head.lemma_.lower()
    named = {
        ent.id: ent
        for start, _, ent in ctx.index.spans(ctx.pa.article.id)
        if start < head.idx and ent.kind == "organization" and _names(lemma, ent.name)
    }
    if definite and len(named) == 1:
        ent = next(iter(named.values()))
        return ent.name, ent.id
    return subject_phrase(head), None


def _resolve_title(ctx: Context, head: Token, definite: bool) -> Source:
    """ "the spokesman", "the president": the person named before with that title; a fully
    qualified title nobody bears is the speaker as written ("the Iranian Consul in Basra");
    a bare title falls back on the last person named outside quotes; "officials": null."""
    owner = any(c.dep_ == "poss" for c in head.children)  # "Belgium's federal prosecutor"
    definite = definite or owner
    titled = _titled_person(ctx, head) if definite and head.tag_ not in ("NNS", "NNPS") else None
    if titled is None and owner and head.lemma_.lower() in KIN and head.tag_ == "NN":
        return _described(head), None  # "the child's mother", never named: as written
    if titled is not None or not definite or head.lemma_.lower() not in TITLE_HEADS:
        return titled or (None, None)
    if owner or any(c.dep_ == "prep" for c in head.children):
        return subject_phrase(head), None
    return _last_person(ctx, head.idx, None)


def _described(head: Token) -> str:
    """An unnamed person's description as written, without its article or asides."""
    return re.sub(r"^(?:the|The) ", "", subject_phrase(head))


def _police_papers(ctx: Context, head: Token) -> Source | None:
    """ "The report says", "the document says" in a story told from police papers (a
    police or arrest report, a probable-cause document, an affidavit): the police."""
    if head.lemma_.lower() not in _PAPERS or not _POLICE_PAPERS.search(ctx.pa.article.body):
        return None
    return _police(ctx, head)


def _plausible(ctx: Context, tok: Token, pron: Token) -> bool:
    """Can `tok` be what the pronoun refers to? he/she: a person or someone speaking for an
    organisation; they: an organisation or group, never an unnamed plural of people."""
    ent = entity_of(ctx, tok)
    lemma = tok.lemma_.lower()
    if pron.lower_ == "it":  # "It said": a company, a ministry or a document's issuer
        return (ent is not None and ent.kind == "organization") or lemma in _ORG_NOUNS | _DOCUMENTS
    if pron.lower_ == "they":
        return (ent is not None and ent.kind in ("organization", "group")) or lemma in _ORG_NOUNS
    if ent is None and tok.pos_ == "PROPN":
        ent = surname_person(ctx, tok)  # "Prof Hawking concedes": a name the NER missed
        if ent is None and _speaking(tok) and any(is_name_part(c) for c in tok.children):
            return True  # "Panagiotis Pierrakis, 48, … said": a full name the NER missed
    if ent is None:  # "the broker, David N. Lebenstein, …, said": a name set off by commas
        named = (entity_of(ctx, t) for t in tok.children if t.dep_ == "appos")
        ent = next((e for e in named if e is not None and e.kind == "person"), None)
        ent = ent if ent is not None and tok.nbor(1).text == "," else None
    if ent is not None:  # "Arslanian, the leader of …": a person the NER took for an org
        described = any(c.dep_ == "appos" and c.lemma_ in _PERSON_NOUNS for c in tok.children)
        return ent.kind == "person" or (ent.kind == "organization" and described)
    if tok.lower_ in PRONOUNS:  # "she said … he added": not the same person
        theirs, mine = pronoun_gender(tok.text), pronoun_gender(pron.text)
        return theirs is None or mine is None or theirs == mine
    return lemma in _SPOKES | TITLE_HEADS


def _speaking(tok: Token) -> bool:
    """Is `tok` the subject of a speech verb ("X reaffirmed …, but said …" included)?"""
    verbs = [tok.head, *(c for c in tok.head.children if c.dep_ == "conj")]
    return any(v.lemma_ in SPEECH_VERBS for v in verbs)


def _subject_candidates(ctx: Context, pron: Token) -> list[Token]:
    """Subjects outside quotes in this and the 3 previous sentences, nearest first; in this
    and the previous sentence the subjects of speech verbs before the others (the last
    speaker is the likeliest referent), and those before anything further back (a speaker
    three sentences up does not outrank "She wanted …" just before "… she told")."""
    sent = ctx.pa.sentence_at(pron.idx)
    first = max(0, (sent.index if sent else 0) - 3)
    start = ctx.pa.article.sentences[first].start
    span = ctx.pa.doc.char_span(start, pron.idx, alignment_mode="expand")
    found = [
        head
        for t in reversed(span if span is not None else ())
        if t.dep_ in ("nsubj", "nsubjpass") and t.i < pron.i and not inside(ctx.quoted, t.idx)
        if (head := past_dateline(ctx, t)) is not None
    ]
    here = sent.index if sent else 0

    def far(tok: Token) -> bool:
        held = ctx.pa.sentence_at(tok.idx)
        return held is not None and here - held.index > 1

    # then the same pronoun ("She defended … She claimed") and a main clause's subject
    # before one in a clause it embeds ("… asserting that pastor Jean Sanbil allowed …")
    return sorted(
        found,
        key=lambda t: (far(t), not _speaking(t), t.lower_ != pron.lower_, t.head.dep_ != "ROOT"),
    )


def antecedent(ctx: Context, pron: Token) -> Source:
    """He/she/they: the nearest plausible subject before it, preferring the subject of the
    previous speech verb and skipping people of the other gender; he/she fall back on the
    last such person named outside quotes, they on null."""
    if ctx.depth > 3:
        return None, None
    ctx.depth += 1
    gender = pronoun_gender(pron.text)
    try:
        for tok in _subject_candidates(ctx, pron):
            if not _plausible(ctx, tok, pron):
                continue
            found = resolve_head(ctx, tok)
            if found is None or found[0] is None:
                continue
            if gender is None or ctx.gender(found[1]) in (None, gender):
                return found
        if pron.lower_ in _COLLECTIVE:
            return None, None
        return _last_person(ctx, pron.idx, gender)
    finally:
        ctx.depth -= 1


def _last_person(ctx: Context, pos: int, gender: str | None) -> Source:
    """The person named last before `pos` outside quotations, of `gender` when known."""
    for start, _, ent in reversed(ctx.index.spans(ctx.pa.article.id)):
        if start >= pos or ent.kind != "person" or inside(ctx.quoted, start):
            continue
        if gender is None or ctx.gender(ent.id) in (None, gender):
            return ent.name, ent.id
    return None, None

"""Who said a quotation: the subject of a speech verb, resolved to a canonical entity.

Why a candidate is resolved before it is accepted: the small model's subject of "said"
is often a non-speaker ("the communique", "today") or a description ("a spokesman for
the IOC", "the minister, Lord Triesman"); only people, organisations and the few nouns
that stand for them may speak. Quotes with no attribution in their own sentence follow
news convention: a colon introduces the next paragraph, an attribution may sit in the
neighbouring sentence, and an unattributed quote paragraph continues the last speaker.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from newsfuse.analyze.entities import TITLE_HEADS, EntityIndex
from newsfuse.analyze.gender import describing, person_genders, pronoun_gender
from newsfuse.analyze.lexicon import (
    _DOCUMENTS,
    _ORG_NOUNS,
    _PERSON_NOUNS,
    _SPOKES,
    OPEN_MARKS,
    PRONOUNS,
    SPEECH_VERBS,
)
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.types import Entity, Sentence

_SHARED = {"advcl", "xcomp", "conj", "pcomp"}  # verbs that share their head's subject
_SUBJECT_DROP = {"relcl", "appos", "punct", "acl", "advmod", "cc"}
_SPEAKER_KINDS = {"person", "organization", "group", "place"}
_STOP = {"the", "a", "an", "said", "says", "and", "but", "on", "in", "of", "by", "mr", "ms"}
Source = tuple[str | None, str | None]  # (canonical name or phrase, entity id)
Ranges = list[tuple[int, int]]
_COLLECTIVE = {"they", "it"}  # pronouns for organisations, resolved among them only
_SPOKESPEOPLE = {"spokesman", "spokeswoman", "spokesperson"}
_RANKS = {"deputy", "vice", "assistant", "associate", "former", "acting"}  # "the deputy mayor"
# Capitalised place words (commas, an agency in brackets) then a dash: "LONDON, England (AP) — "
_DATELINE = re.compile(r"[A-Z][\w.'’-]*(?:,? \(?[A-Z][\w.'’-]*\)?){0,6},? ?[–—-]{1,2} ")


def dateline_end(body: str) -> int:
    """End offset of a dateline opening the body ("Meadow Lake, Saskatchewan – "), or -1."""
    found = _DATELINE.match(body)
    return found.end() if found else -1


def past_dateline(ctx: Context, tok: Token) -> Token | None:
    """`tok`, or for a subject the parse rooted in the dateline ("Meadow Lake, …– The council
    … said") the head of its noun phrase after the dash; None when nothing is after it."""
    if tok.idx >= ctx.dateline:
        return tok
    return next(
        (
            t
            for t in tok.subtree
            if t.idx >= ctx.dateline
            and t.head.idx < ctx.dateline
            and t.pos_ in ("NOUN", "PROPN", "PRON")
        ),
        None,
    )


def inside(ranges: Ranges, pos: int) -> bool:
    """Is body offset `pos` within quotation marks?"""
    return any(s <= pos < e for s, e in ranges)


def subject_phrase(head: Token) -> str:
    """The subject noun phrase without relative clauses, appositions and asides."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in _SUBJECT_DROP and child.text not in ("-", "–"):
            drop.update(t.i for t in child.subtree)
    toks = [t for t in head.subtree if t.i not in drop]
    dashes = [t.i for t in toks if t.text in ("–", "—") and t.i < head.i]
    toks = [t for t in toks if not dashes or t.i > max(dashes)]  # "Place – The council"
    text = "".join(t.text_with_ws for t in toks)
    return text.split("\n")[-1].strip(" ,")  # a parse never spans paragraphs for a name


@dataclass
class Context:
    """One article's attribution state: the index and the last speaker found."""

    pa: ParsedArticle
    index: EntityIndex
    quoted: Ranges
    last: Source = (None, None)
    last_at: int = -1  # paragraph of the last attributed quote
    last_sent: int = -1  # its last sentence
    depth: int = field(default=0)
    current: Ranges = field(default_factory=list)  # the quotation being attributed
    genders: dict[str, str] | None = None  # person id -> "m"/"f", computed on first use
    dateline: int = field(default=-1, init=False)  # end of a "Place, Region – " opening

    def __post_init__(self) -> None:
        self.dateline = dateline_end(self.pa.article.body)

    def gender(self, eid: str | None) -> str | None:
        """The gender the article gives a person, if it gives one."""
        if self.genders is None:
            self.genders = person_genders(self.pa, self.index, self.quoted)
        return self.genders.get(eid) if eid is not None else None


def entity_of(ctx: Context, tok: Token) -> Entity | None:
    """The entity whose mention covers `tok` (a name's head or one of its compounds)."""
    ent = ctx.index.at(ctx.pa.article.id, tok.idx, tok.idx + len(tok))
    return ent if ent is not None and ent.kind in _SPEAKER_KINDS else None


def surname_person(ctx: Context, tok: Token) -> Entity | None:
    """The one person of the article whose name ends with this word ("Prof Hawking" when the
    NER found only "Stephen Hawking")."""
    found = {
        ent.id: ent
        for _, _, ent in ctx.index.spans(ctx.pa.article.id)
        if ent.kind == "person" and " " in ent.name and ent.name.split()[-1] == tok.text
    }
    return next(iter(found.values())) if len(found) == 1 else None


def _is_name_part(tok: Token) -> bool:
    """A capitalised proper noun compounded with a name's head ("Panagiotis" of "Pierrakis")."""
    return tok.dep_ in ("compound", "flat") and tok.pos_ == "PROPN" and tok.text.istitle()


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


def as_written(ctx: Context, ent: Entity, tok: Token) -> str:
    """A country speaking is recorded as written ("Britain", not the canonical "United Kingdom")."""
    body, aid = ctx.pa.article.body, ctx.pa.article.id
    for m in ent.mentions:
        if m.article_id == aid and m.start <= tok.idx < m.end:
            return re.sub(r"^(?:the|The) ", "", body[m.start : m.end])
    return ent.name


def _issuer(ctx: Context, head: Token) -> Source | None:
    """Whom a spokesman or a statement speaks for: "for/of/by/from X", "X's", "X spokesman",
    or the subject of the verb that issued the document."""
    for child in head.children:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "by", "from"):
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return _named(ctx, pobj) or _issuer(ctx, pobj)
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


def _earlier_issuer(ctx: Context, head: Token) -> Source | None:
    """Issuer of the last earlier mention of the same noun ("A spokesperson for the IOC")."""
    for tok in reversed(ctx.pa.doc[max(0, head.i - 150) : head.i]):
        if tok.lemma_ == head.lemma_:
            found = _issuer(ctx, tok)
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
    if head.pos_ == "PRON":
        return (None, None) if low in ("we", "i", "you") else None
    found = _named(ctx, head)
    if found is not None:
        return found
    lemma = head.lemma_.lower()
    definite = any(c.lower_ in ("the", "this") for c in head.lefts)
    if lemma in _SPOKES or lemma in _DOCUMENTS:
        found = _issuer(ctx, head)
        if found is None and definite and lemma not in _DOCUMENTS:
            found = _titled_person(ctx, head)  # "The spokesman said": the one named before
        if found is None and definite:
            found = _earlier_issuer(ctx, head)  # "The statement added", "the spokesperson"
        if found is None and definite and ctx.last[0] is not None:
            return ctx.last
        return found if found is not None else (None, None) if lemma in _SPOKES else None
    if lemma in _ORG_NOUNS:
        return _resolve_org(ctx, head, definite)
    if lemma == "police" and not any(c.dep_ == "det" and not definite for c in head.lefts):
        return _police(ctx, head)
    if lemma in _PERSON_NOUNS:
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
    if titled is not None or not definite or head.lemma_.lower() not in TITLE_HEADS:
        return titled or (None, None)
    if owner or any(c.dep_ == "prep" for c in head.children):
        return subject_phrase(head), None
    return _last_person(ctx, head.idx, None)


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
        if ent is None and _speaking(tok) and any(_is_name_part(c) for c in tok.children):
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
        if tok.lower_ == "according":
            to = next((c for c in tok.children if c.lower_ == "to"), None)
            pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
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
            found = _issuer(ctx, tok)
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

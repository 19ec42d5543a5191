"""The state and token helpers the speaker rules share: one article's attribution
context, quotation ranges, datelines, subject phrases and the entity under a token.

Why apart: both the resolution of a subject (speakers.py) and the search for the
sentence that attributes a quote (attribution.py) read tokens through these.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Token

from newsfuse.analyze.entities import EntityIndex
from newsfuse.analyze.gender import person_genders
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.types import Entity

_SUBJECT_DROP = {"relcl", "appos", "punct", "acl", "advmod", "cc"}
# "according to" that measures or follows instead of citing: "seats allocated according
# to their share of the vote", "went according to plan". Their object is never a source.
_NOT_SOURCES = frozenset(
    {
        *("share", "plan", "plans", "rule", "rules", "schedule", "formula", "proportion"),
        *("size", "need", "needs", "standard", "standards", "custom", "tradition"),
        *("pattern", "script", "design", "order", "law", "laws"),
    }
)


def according_to(tok: Token) -> Token | None:
    """The X of "according to X" at `tok` when X can be a source (a name, a pronoun, a
    person or body), else None. Quotes, claims and speakers all read it here."""
    if tok.lower_ != "according":
        return None
    to = next((c for c in tok.children if c.lower_ == "to"), None)
    pobj = next((c for c in to.children if c.dep_ == "pobj"), None) if to else None
    if pobj is None or (pobj.lemma_.lower() in _NOT_SOURCES and pobj.pos_ != "PROPN"):
        return None
    return pobj


_SPEAKER_KINDS = {"person", "organization", "group", "place"}
Source = tuple[str | None, str | None]  # (canonical name or phrase, entity id)
Ranges = list[tuple[int, int]]
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


def is_name_part(tok: Token) -> bool:
    """A capitalised proper noun compounded with a name's head ("Panagiotis" of "Pierrakis")."""
    return tok.dep_ in ("compound", "flat") and tok.pos_ == "PROPN" and tok.text.istitle()


def as_written(ctx: Context, ent: Entity, tok: Token) -> str:
    """A country speaking is recorded as written ("Britain", not the canonical "United Kingdom")."""
    body, aid = ctx.pa.article.body, ctx.pa.article.id
    for m in ent.mentions:
        if m.article_id == aid and m.start <= tok.idx < m.end:
            return re.sub(r"^(?:the|The) ", "", body[m.start : m.end])
    return ent.name

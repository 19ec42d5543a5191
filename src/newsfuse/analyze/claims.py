"""Statements attributed to a source without quotation marks (reported speech).

Why both parse and surface rules: "X said (that) <clause>" is a clean ccomp in the
parse, but the news order "<clause>, X said Tuesday" is often mis-parsed by the small
model, so the clause is then taken verbatim from the sentence start to the comma
before the source. The claim is always a verbatim span of the article body.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

from newsfuse.analyze.entities import EntityIndex
from newsfuse.analyze.nlp import ParsedArticle
from newsfuse.analyze.quotes import Ranges, inside, quote_segments, resolve, speaker_token
from newsfuse.analyze.speaker_context import according_to
from newsfuse.types import Citation, Claim, Entity, Sentence

CLAIM_VERBS = {
    "say", "tell", "claim", "warn", "deny", "announce", "state", "add", "insist", "confirm",
    "acknowledge", "argue", "allege", "assert", "admit", "report", "note", "explain",
    "suggest", "predict", "estimate", "reveal", "indicate",
}  # fmt: skip
_XCOMP_VERBS = {"claim", "deny", "promise", "vow", "threaten"}
_MIN_WORDS = 3


_SUBJECTS = ("nsubj", "nsubjpass", "expl", "csubj", "csubjpass")


def _clause_after(verb: Token, quoted: Ranges) -> tuple[int, int] | None:
    """Character range of the verb's clausal complement when it follows the verb."""
    deps = ("ccomp", "xcomp") if verb.lemma_ in _XCOMP_VERBS else ("ccomp",)
    comp = next((c for c in verb.rights if c.dep_ in deps), None)
    if comp is None:
        return None
    if comp.dep_ == "ccomp" and not any(c.dep_ in _SUBJECTS for c in comp.children):
        return None  # "in what police say is …": its subject is outside it
    toks = [t for t in comp.subtree if not (t.dep_ == "mark" and t.lower_ == "that")]
    while toks and (toks[-1].is_punct and toks[-1].text not in '"”'):
        toks.pop()
    if not toks:
        return None
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def _clause_before(span: Span, subject: Token) -> tuple[int, int] | None:
    """Clause of "<clause>, <source> said": sentence start to the comma before the source."""
    left = subject.left_edge.i
    if left - 1 <= span.start or span.doc[left - 1].text != ",":
        return None
    first = span.doc[span.start]
    last = span.doc[left - 2]
    return first.idx, last.idx + len(last)


def _verb_phrase(verb: Token) -> str:
    """ "said", "told the Associated Press", "claimed"."""
    if verb.lemma_ == "tell":
        obj = next((c for c in verb.rights if c.dep_ in ("dobj", "dative")), None)
        if obj is not None:
            return " ".join([verb.text, *(t.text for t in obj.subtree)])
    return verb.text


def _quoted_share(quoted: Ranges, start: int, end: int) -> float:
    """Share of [start, end) inside quotation marks."""
    inner = sum(max(0, min(e, end) - max(s, start)) for s, e in quoted)
    return inner / max(1, end - start)


def _sentence_claims(
    pa: ParsedArticle, sentence: Sentence, quoted: Ranges, index: EntityIndex
) -> list[Claim]:
    """Claims of one sentence: one per speech verb with a source and a clause."""
    span = pa.span_of(sentence)
    out: list[Claim] = []
    if span is None:
        return out
    body = pa.article.body
    for verb in span:
        if verb.lemma_ not in CLAIM_VERBS or verb.pos_ != "VERB" or inside(quoted, verb.idx):
            continue
        subject = speaker_token(verb, quoted)
        if subject is None:
            continue
        if subject.i < verb.i and subject.left_edge.i > span.start + 2:
            where = _clause_after(verb, quoted) or _clause_before(span, subject)
        else:
            where = _clause_after(verb, quoted)
        if where is None:
            continue
        start, end = where
        text = body[start:end]
        if len(text.split()) < _MIN_WORDS or _quoted_share(quoted, start, end) > 0.5:
            continue
        name, sid = resolve(pa, subject, index)
        if name is None:
            continue
        cite = Citation(pa.article.id, sentence.id)
        out.append(Claim(name, sid, _verb_phrase(verb), text, cite))
    return out + ([] if out else _according_to(pa, span, sentence, quoted, index))


def _according_to(
    pa: ParsedArticle, span: Span, sentence: Sentence, quoted: Ranges, index: EntityIndex
) -> list[Claim]:
    """ "According to X, <clause>" / "<clause>, according to X"."""
    for tok in span:
        pobj = according_to(tok)
        if pobj is None or inside(quoted, tok.idx):
            continue
        end_of_source = pobj.right_edge.i + 1
        if tok.i == span.start:
            rest = span.doc[end_of_source : span.end]
            if len(rest) and rest[0].text == ",":
                rest = rest[1:]
        else:
            rest = span.doc[span.start : tok.i]
        rest_text = rest.text.strip(" ,.")
        if len(rest_text.split()) < _MIN_WORDS:
            continue
        start = pa.article.body.find(rest_text, sentence.start)
        if _quoted_share(quoted, start, start + len(rest_text)) > 0.5:
            continue
        name, sid = resolve(pa, pobj, index)
        if name is not None:
            cite = Citation(pa.article.id, sentence.id)
            return [Claim(name, sid, "according to", rest_text, cite)]
    return []


def extract_claims(
    parsed: Sequence[ParsedArticle], entities: Sequence[Entity]
) -> tuple[Claim, ...]:
    """Reported-speech claims of a story with canonical sources, in article order. A claim
    a later article repeats word for word (a syndicated copy the de-duplicator let through,
    a station's update re-running its first report) is kept once, at its first report: a
    copy is not a second outlet making the claim."""
    index = EntityIndex(entities)
    out: list[Claim] = []
    seen: set[tuple[str, str]] = set()
    for pa in parsed:
        quoted = [seg for q in quote_segments(pa.article) for seg in q]
        for sentence in pa.article.sentences:
            for claim in _sentence_claims(pa, sentence, quoted, index):
                key = (claim.source.lower(), " ".join(claim.claim.lower().split()))
                if key not in seen:
                    seen.add(key)
                    out.append(claim)
    return tuple(out)

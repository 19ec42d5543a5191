"""Where the outlets of a story differ: lone facts, conflicting claims, differing numbers.

A brief shows what sources agree on; a reader also needs where they do not.
Three kinds of Comparison, in this order:

- conflict: (a) one sentence that sets a claim against what happened ("has
  claimed to be ... but has instead ...", "... an incident that Moscow has
  denied", "contrary to"); (b) "nowhere near" an agreement vs "inching closer"
  / "nearing" one; (c) the same predicate of the same subject with different
  objects ("[Russian bombers] target ISIS" vs "Russian warplanes have targeted
  U.S.-backed Syrian opposition forces"), from the spaCy parse; subjects match
  when they share a name root (first five letters, so "Russian" ~ "Russia");
- number_mismatch: different values for the same measure (a death toll, or the
  same counted noun in similar sentences) in different articles; and, from
  slots.py, the same slot of an incident filled differently by two outlets
  (a time, an age, a count of people shot or held, a block);
- name_mismatch (slots.py): one person or place named two ways by two outlets;
- in_article: a conflict all of whose sides are in one article, labelled as the
  contrast of one report rather than a difference between outlets;
- single_source (lone.py): the salient facts only one article reports (names,
  charges, wounds, numbers no other article's text has), never furniture.

Every summary is made of verbatim pieces of the cited sentences joined by
labels ("vs", ":", "[n]"); "[n]" is the n-th citation of that Comparison.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from spacy.tokens import Doc, Token

from newsfuse.analyze.lone import MAX_SINGLE_SOURCE, single_source
from newsfuse.analyze.numbers import extract_quantities
from newsfuse.analyze.parts import noun_measure, one_group
from newsfuse.analyze.slots import TALLY, WITH_SHOOTER, slot_differences
from newsfuse.config import BriefOptions
from newsfuse.summarize.features import StoryMatrix, story_matrix, terms
from newsfuse.types import Article, Citation, Claim, Comparison, Quantity, Sentence

SINGLE_SOURCE_THRESHOLD = BriefOptions.support  # the default; the caller passes its config's
__all__ = ["MAX_SINGLE_SOURCE", "compare_outlets"]
MAX_PREDICATE_CONFLICTS = 3
_END = r"(?=[;,]|\.(?:\s|$)|$)"  # clause end; the period of "U.S." is not one
_CONTRAST = re.compile(
    rf"^(?P<a>.*?\bclaim(?:s|ed)?\b.*?),?\s+but\s+(?P<b>(?:has |have |had )?instead\b.+?){_END}"
)
_DENIAL = re.compile(
    r"^(?P<a>.*?),\s+(?P<b>(?:an? \w+ |a claim )?(?:that|which)\s+[^,]*?\b"
    r"(?:has |have |had )?(?:denied|denies|disputed|disputes|rejected|rejects))\b"
)
_CONTRARY = re.compile(rf"^(?P<a>[Cc]ontrary to [^,]+),\s+(?P<b>.+?){_END}")
_NEAR_NOT = re.compile(
    r"\b(?:are|is|were|was)?\s*(?:nowhere near|far from|no closer to)\s+\w+\s+\w+"
)
_NEAR = re.compile(
    r"\b(?:are|is|were|was)?\s*(?:inching closer to|closer to|nearing)\s+\w+(?:\s+\w+)?"
)
_DEATH_WORDS = r"death toll|death count|toll|deaths|death|dead|killed|victims|casualties"
_MEASURES: dict[str, re.Pattern[str]] = {
    "death toll": re.compile(rf"\b(?:{_DEATH_WORDS})\b", re.IGNORECASE),
    "missing": re.compile(r"\bmissing\b", re.IGNORECASE),
    "homeless": re.compile(r"\bhomeless\b", re.IGNORECASE),
    "injured": re.compile(r"\b(?:injured|wounded|hurt)\b", re.IGNORECASE),
}
_PEOPLE = {None, "people", "persons", "victims", "deaths", "dead", "death", "bodies"}
# Verbs whose object outlets dispute (who struck, backed or blamed whom); other verbs
# with different objects ("promote the Torch" / "promoted Beijing") are not conflicts.
_CONTESTED_VERBS = {
    "target", "attack", "hit", "bomb", "strike", "kill", "shell", "blame", "accuse",
    "support", "back", "fund", "arm", "capture", "seize", "shoot", "invade", "occupy",
}  # fmt: skip
_SUBJECT_DEPS = ("nsubj", "nsubjpass")
_NAME_ENTS = ("NORP", "GPE", "ORG", "PERSON", "LOC", "FAC")
_ROOT_LEN = 5
_COUNT_WORD = re.compile(
    r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)\b",
    re.IGNORECASE,
)
_AGE_RANGE = re.compile(r"\b(?:ages?|aged)(?: of| from| between)?\s+(?:\d+\s+(?:and|to)\s+)?$")


def compare_outlets(
    articles: Sequence[Article],
    docs: Sequence[Doc],
    claims: Sequence[Claim] = (),
    *,
    quantities: Sequence[Quantity] | None = None,
    support: float = SINGLE_SOURCE_THRESHOLD,
) -> tuple[Comparison, ...]:
    """Conflicts, number mismatches and single-source facts of one story.

    `docs[i]` is the spaCy parse of `articles[i].body`. `claims` (attributed
    claims, when the caller has them) add a conflict for each denial; pass
    `quantities` if already extracted to avoid doing it twice.
    """
    if len(articles) != len(docs):
        raise ValueError(f"{len(articles)} articles but {len(docs)} docs")
    matrix = story_matrix(articles)
    if quantities is None:
        quantities = extract_quantities(articles, docs)
    found: list[Comparison] = []
    found += _contrast_conflicts(articles)
    found += _progress_conflicts(matrix)
    found += _predicate_conflicts(articles, docs)
    found += _claim_conflicts(articles, claims)
    found += _number_mismatches(articles, quantities, matrix, support)
    found += slot_differences(articles, docs)
    found = [_within(c) for c in found]
    found.sort(key=lambda c: c.kind == "in_article")  # between outlets first
    found += single_source(articles, docs, matrix, support)
    return tuple(_once(found))


def _once(found: list[Comparison]) -> list[Comparison]:
    """One item per summary, the first: a lead repeated as a subhead, or one sentence in
    two copies, is one fact (it was listed twice)."""
    first: dict[str, Comparison] = {}
    for item in found:
        first.setdefault(item.summary, item)
    return list(first.values())


def _within(item: Comparison) -> Comparison:
    """A contrast whose every side is in one article is labelled so, not set against other
    outlets ("Russia has claimed … but has instead hit …" is one outlet's own contrast)."""
    if item.kind == "single_source" or len({c.article_id for c in item.citations}) > 1:
        return item
    return Comparison("in_article", item.summary, item.citations)


def _cite(article: Article, sentence: Sentence) -> Citation:
    return Citation(article_id=article.id, sentence_id=sentence.id)


def _clip(text: str, words: int = 14) -> str:
    """At most `words` words of a verbatim piece, without trailing punctuation."""
    parts = text.split()
    clipped = " ".join(parts[:words]).strip(" ,;:")
    return clipped + "…" if len(parts) > words else clipped


# --- conflicts ---


def _contrast_conflicts(articles: Sequence[Article]) -> Iterator[Comparison]:
    """One sentence that states a claim and what contradicts it."""
    for article in articles:
        for sentence in article.sentences:
            for pattern in (_CONTRAST, _DENIAL, _CONTRARY):
                match = pattern.search(sentence.text)
                if match:
                    a, b = _clip(match["a"]), _clip(match["b"])
                    summary = f"'{a}' vs '{b}'"
                    yield Comparison("conflict", summary, (_cite(article, sentence),))
                    break


def _progress_conflicts(matrix: StoryMatrix) -> Iterator[Comparison]:
    """ "nowhere near an agreement" against the most similar "inching closer" per article."""
    near: dict[int, str] = {}
    for i, candidate in enumerate(matrix.sentences):
        progress = _NEAR.search(candidate.text)
        if progress and not _NEAR_NOT.search(candidate.text):
            near[i] = progress.group(0)
    for row, sentence in enumerate(matrix.sentences):
        denial = _NEAR_NOT.search(sentence.text)
        if not denial:
            continue
        best: dict[int, int] = {}
        for other in near:
            k = int(matrix.article_of[other])
            if k not in best or matrix.similarity[row, other] > matrix.similarity[row, best[k]]:
                best[k] = other
        if not best:
            continue
        rows = sorted(best.values())
        pieces = [_clip(near[r]) for r in rows]
        summary = " / ".join(f"'{p}'" for p in pieces) + f" vs '{_clip(denial.group(0))}'"
        cites = [
            _cite(matrix.articles[int(matrix.article_of[r])], matrix.sentences[r]) for r in rows
        ]
        cites.append(_cite(matrix.articles[int(matrix.article_of[row])], sentence))
        yield Comparison("conflict", summary, tuple(cites))


def _claim_conflicts(articles: Sequence[Article], claims: Sequence[Claim]) -> Iterator[Comparison]:
    """An attributed denial ("Moscow denied that ...") is a conflict by itself."""
    by_id = {s.id: s for a in articles for s in a.sentences}
    for claim in claims:
        sentence = by_id.get(claim.citation.sentence_id)
        if sentence is None or not re.search(r"\b(?:den|disput|reject)", claim.verb, re.I):
            continue
        if claim.verb in sentence.text and claim.claim in sentence.text:
            summary = f"{claim.verb}: '{_clip(claim.claim)}'"
            yield Comparison("conflict", summary, (claim.citation,))


class _Predicate:
    """A verb with its subject's name roots and its object phrase, in one sentence."""

    def __init__(
        self, article: int, sentence: Sentence, verb: Token, obj: Token, roots: frozenset[str]
    ) -> None:
        self.article, self.sentence, self.lemma = article, sentence, verb.lemma_.lower()
        self.roots = roots
        left = min([verb.i, *(c.i for c in verb.lefts if c.dep_ in ("aux", "advmod", "neg"))])
        start = obj.left_edge.i if obj.left_edge.i > verb.i else obj.i
        self.object_terms = frozenset(terms(obj.doc[start : obj.i + 1].text))
        self.text = obj.doc[left : obj.i + 1].text
        self.named = any(
            t.pos_ == "PROPN" or t.ent_type_ in _NAME_ENTS for t in obj.doc[start : obj.i + 1]
        )


def _subject_roots(verb: Token) -> frozenset[str]:
    """Name roots of the verb's subject, looking up through xcomp/advcl/conj/relcl."""
    token = verb
    for _ in range(4):
        subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
        if token.dep_ == "relcl" and (not subjects or subjects[0].tag_ in ("WDT", "WP")):
            subjects = [token.head]
        if subjects:
            words = subjects[0].subtree if token.dep_ != "relcl" else [token.head]
            return frozenset(
                t.lower_[:_ROOT_LEN]
                for t in words
                if t.pos_ == "PROPN" or t.ent_type_ in ("NORP", "GPE", "ORG")
            )
        if token.dep_ not in ("xcomp", "advcl", "conj") or token.head is token:
            break
        token = token.head
    return frozenset()


def _predicates(articles: Sequence[Article], docs: Sequence[Doc]) -> Iterator[_Predicate]:
    """Contested-verb objects of every body sentence whose subject names someone."""
    for k, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        for sentence in article.sentences:
            span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
            if span is None:
                continue
            for verb in span:
                if verb.pos_ != "VERB" or verb.lemma_.lower() not in _CONTESTED_VERBS:
                    continue
                roots = _subject_roots(verb)
                for obj in (c for c in verb.children if c.dep_ == "dobj"):
                    if roots:
                        yield _Predicate(k, sentence, verb, obj, roots)


def _predicate_conflicts(articles: Sequence[Article], docs: Sequence[Doc]) -> list[Comparison]:
    """Same verb, subjects sharing a name root, objects sharing no term: one item per verb."""
    groups: dict[str, list[_Predicate]] = {}
    for predicate in _predicates(articles, docs):
        groups.setdefault(predicate.lemma, []).append(predicate)
    found: list[tuple[bool, Comparison]] = []
    for items in groups.values():
        pair = _opposed_pair(items)
        if pair is None:
            continue
        a, b = pair
        summary = f"'{_clip(a.text)}' vs '{_clip(b.text)}'"
        cites = (_cite(articles[a.article], a.sentence), _cite(articles[b.article], b.sentence))
        found.append((a.article != b.article, Comparison("conflict", summary, cites)))
    found.sort(key=lambda f: not f[0])  # cross-article first
    return [c for _, c in found[:MAX_PREDICATE_CONFLICTS]]


def _opposed_pair(items: list[_Predicate]) -> tuple[_Predicate, _Predicate] | None:
    """Two mentions of one verb whose subjects share a root and whose objects share no
    term and both name something; a cross-article pair is preferred."""
    best: tuple[_Predicate, _Predicate] | None = None
    for i, a in enumerate(items):
        for b in items[i + 1 :]:
            if a.sentence.id == b.sentence.id or not (a.roots & b.roots):
                continue
            if a.object_terms & b.object_terms or not (a.named and b.named):
                continue
            if not a.object_terms or not b.object_terms:
                continue
            if a.article != b.article:
                return a, b
            best = best or (a, b)
    return best


# --- numbers ---


def _measure(quantity: Quantity, sentence: str) -> tuple[str, str] | None:
    """(key, label) of what a quantity measures: a death toll etc. named before it in
    its sentence or just after (label as written), else its counted noun's head."""
    at = sentence.find(quantity.text)
    if quantity.counted in _PEOPLE and at >= 0:
        named = _named_measure(sentence, at, at + len(quantity.text))
        if named is not None:
            return named
    if quantity.counted is None or quantity.value is None:
        return None
    return noun_measure(quantity, sentence, terms(quantity.counted)[-1:])


def _named_measure(sentence: str, start: int, end: int) -> tuple[str, str] | None:
    """The measure word nearest a count, after it ("four people wounded") or else before it
    ("the death toll rose to 5"), with no other number between: in "two men dead and four
    others injured" the four are the injured, and in "one dead, 5 people injured" the five
    are not the dead (each was read as a differing death toll)."""
    after, before = sentence[end : end + 40], sentence[:start]
    hits = [(m.start(), key, m) for key, p in _MEASURES.items() for m in p.finditer(after)]
    if hits:
        at, key, match = min(hits, key=lambda h: h[0])
        return None if _COUNT_WORD.search(after[:at]) else (key, match.group(0))
    hits = [(m.end(), key, m) for key, p in _MEASURES.items() for m in p.finditer(before)]
    if hits:
        at, key, match = max(hits, key=lambda h: h[0])
        return None if _COUNT_WORD.search(before[at:]) else (key, match.group(0))
    return None


def _number_mismatches(
    articles: Sequence[Article],
    quantities: Sequence[Quantity],
    matrix: StoryMatrix,
    support: float = SINGLE_SOURCE_THRESHOLD,
) -> Iterator[Comparison]:
    """Per measure, each article's first value; differing values make one item.

    A counted-noun measure (not a named toll) also needs the two sentences to be
    alike (cosine >= the single-source threshold), so "$350 million in aid" and
    "$177 million spent every day in Iraq" are not set against each other.
    """
    texts = {s.id: s.text for a in articles for s in a.sentences}
    row_of = {s.id: i for i, s in enumerate(matrix.sentences)}
    firsts: dict[str, dict[str, tuple[Quantity, str]]] = {}
    for quantity in quantities:
        if not _a_total(quantity, texts):
            continue
        measure = _measure(quantity, texts.get(quantity.citation.sentence_id, ""))
        if measure is not None and quantity.value is not None:
            per_article = firsts.setdefault(measure[0], {})
            per_article.setdefault(quantity.citation.article_id, (quantity, measure[1]))
    for key, per_article in firsts.items():
        chosen = _distinct_values(list(per_article.values()))
        if key.startswith("noun:") and not _alike(chosen, row_of, matrix, support):
            continue
        if len(chosen) < 2 or one_group(chosen, texts):  # "two kids and two teens" / "4 kids"
            continue
        label = chosen[0][1]
        parts = [f"{q.text} [{n}]" for n, (q, _) in enumerate(chosen, 1)]
        summary = f"{label}: " + " vs ".join(parts)
        yield Comparison("number_mismatch", summary, tuple(q.citation for q, _ in chosen))


def _a_total(quantity: Quantity, texts: dict[str, str]) -> bool:
    """Not "two other victims", "three more hurt", "the ages of N and M", a block, a city's
    toll of many shootings, "three dead, including the gunman" (not a count of victims)."""
    sentence = texts.get(quantity.citation.sentence_id, "")
    at = sentence.find(quantity.text)
    after = sentence[at + len(quantity.text) :][:12] if at >= 0 else ""
    if re.search(r"\b(?:other|others|another|more)\b", f"{quantity.text} {after[:7]}", re.I):
        return False
    if _AGE_RANGE.search(_before(quantity, texts)):
        return False
    blocks = (quantity.counted or "").split()[-1:] in (["block"], ["blocks"])
    return not (blocks or TALLY.search(sentence) or WITH_SHOOTER.search(sentence))


def _before(quantity: Quantity, texts: dict[str, str]) -> str:
    """Up to 30 characters of its sentence before a quantity."""
    sentence = texts.get(quantity.citation.sentence_id, "")
    at = sentence.find(quantity.text)
    return sentence[max(0, at - 30) : at] if at >= 0 else ""


def _distinct_values(items: list[tuple[Quantity, str]]) -> list[tuple[Quantity, str]]:
    """Items (one per article) with values more than 5% apart, smallest first, at most 4."""
    items = sorted(items, key=lambda item: item[0].value or 0.0)
    kept: list[tuple[Quantity, str]] = []
    for item in items:
        value = item[0].value or 0.0
        if not kept or value > 1.05 * (kept[-1][0].value or 0.0):
            kept.append(item)
    return kept[:4]


def _alike(
    items: list[tuple[Quantity, str]],
    row_of: dict[str, int],
    matrix: StoryMatrix,
    support: float = SINGLE_SOURCE_THRESHOLD,
) -> bool:
    """All cited sentences pairwise alike: the same counted noun in unrelated sentences
    is usually a different thing, not a disagreement."""
    rows = [row_of[q.citation.sentence_id] for q, _ in items if q.citation.sentence_id in row_of]
    if len(rows) < 2:
        return False
    sims = [matrix.similarity[a, b] for i, a in enumerate(rows) for b in rows[i + 1 :]]
    return bool(min(sims) >= support)

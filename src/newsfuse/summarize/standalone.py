"""Sentences that stand alone: whole quotations, speakers, no dangling pronouns.

A source sentence read outside its article can lean on the sentences before
it: it may be the last sentence of a quotation that began two sentences
earlier (`... can soon be expected," Klintsevich told journalists`), a
quotation whose speaker the previous sentence named, or open on "He" or "The
decision". The brief takes such a sentence as a *unit* with what it needs
(the rest of the quotation, the sentence naming the speaker or the referent,
at most MAX_UNIT sentences of the same article, in article order), or not at
all (`BriefOptions.standalone`). The rules here are also what the read
instrument (newsfuse.evaluation.read_detectors) applies to a finished brief;
its agreement with hand labels is in docs/benchmarks.md.
"""

from __future__ import annotations

import re

from newsfuse.summarize.features import StoryMatrix
from newsfuse.text.tokens import content_words

MAX_UNIT = 3  # sentences in one unit: a quotation longer than this is left out
PRONOUN = re.compile(
    r"^(?:he|she|they|it|his|her|their|its|him|them|this|these|those|that|such)$", re.I
)
_CONNECTIVE = re.compile(
    r"^(?:but|and|so|also|however|meanwhile|instead|still|yet|then|now|later|earlier"
    r"|in addition|separately|in fact|indeed|moreover|thus|as a result)\b,?\s*",
    re.I,
)
_TIME_WORDS = frozenset(
    [
        *("week", "month", "year", "morning", "afternoon", "evening", "night", "weekend"),
        *("time", "season", "summer", "spring", "fall", "winter", "day", "decade", "century"),
    ]
)
# "It" with no referent is the expletive in these; a reader needs nothing before.
_EXPLETIVE = re.compile(
    r"^it(?:'s| is| was| has been| had been| will be| would be| remains| seems| appears)"
    r"\s+(?:not\s+)?(?:unclear|clear|known|unknown|likely|unlikely|possible|impossible"
    r"|expected|believed|thought|estimated|reported|the first|the second|the latest|time"
    r"|too early|hard|difficult|important|illegal|rare|a\b|an\b)|^it looks like\b",
    re.I,
)
_SUBORDINATOR = re.compile(
    r"^(?:when|after|before|while|as|if|although|though|because|since|once|until|whenever)$",
    re.I,
)
_PERSONAL = re.compile(r"^(?:he|she|they|his|her|their)$", re.I)
_LEADING_QUOTE = re.compile(r"^[\s\"“”‘'«(]+")
ATTRIBUTION = re.compile(
    r"\b(?:said|says|say|told|tells|added|adds|according to|wrote|writes|stated|asked|asks"
    r"|explained|explains|noted|notes|insisted|argued|claimed|claims|warned|warns|announced"
    r"|tweeted|posted|recalled|recalls|continued|replied|responded|testified|declared"
    r"|acknowledged|admitted|conceded|remarked|quipped|urged|vowed|pleaded)\b",
    re.I,
)
PRONOUN_SPEAKER = re.compile(r"[,\"”’]\s+(?:he|she|they) (?:said|says|added|told)\b")
_DOUBLE = re.compile(r"\"([^\"]*)\"|“([^”“]*)”")
QUOTE_WORDS = 5  # a shorter quoted span is a term or a phrase, not a quotation


def opening(text: str) -> list[str]:
    """The sentence's first words, past quote marks, connectives and a short
    fronted adverbial ("On Tuesday, he said" -> ["he", "said", ...])."""
    rest = _LEADING_QUOTE.sub("", text)
    rest = _CONNECTIVE.sub("", rest)
    head, comma, tail = rest.partition(", ")
    if comma and len(head.split()) <= 5 and not ATTRIBUTION.search(head):
        tail_words = tail.split()
        if tail_words and PRONOUN.match(tail_words[0].strip(",.")):
            rest = tail
    return [w.strip(",.;:\"“”'’") for w in rest.split()[:4]]


def referring_opening(text: str) -> str | None:
    """The pronoun or demonstrative the sentence opens on, or None."""
    tokens = opening(text)
    if len(tokens) > 1 and _SUBORDINATOR.match(tokens[0]) and _PERSONAL.match(tokens[1]):
        main = text.partition(", ")[2].lstrip('"“ ')  # "After he was shot, Smith fled":
        if not main[:1].isupper() or PRONOUN.match(main.split()[0].strip(",.")):  # resolved
            tokens = tokens[1:]  # "When she realizes ..., she begs him": it leans back too
    if not tokens or not PRONOUN.match(tokens[0]):
        return None
    first = tokens[0].lower()
    demonstrative = first in ("this", "that", "these", "those") and len(tokens) > 1
    if demonstrative and tokens[1].lower().removesuffix("'s").removesuffix("’s") in _TIME_WORDS:
        return None
    if first == "it" and _EXPLETIVE.match(" ".join(opening(text))):
        return None
    return first


def quoted_spans(text: str) -> list[str]:
    """The text inside balanced double quotation marks."""
    return [m.group(1) or m.group(2) or "" for m in _DOUBLE.finditer(text)]


def quote_marks(text: str) -> int:
    """Double quotation marks, straight and curly (outlets mix them)."""
    return text.count('"') + text.count("“") + text.count("”")


def unbalanced(text: str) -> bool:
    """An odd number of double quote marks: a piece of a longer quotation."""
    return quote_marks(text) % 2 == 1


def has_speaker(text: str) -> bool:
    """An attribution outside the quotation marks ("said", "according to", a colon)."""
    outside = _DOUBLE.sub(" ", text)
    return bool(ATTRIBUTION.search(outside)) or bool(re.search(r":\s*[\"“]", text))


def mostly_quoted(text: str) -> bool:
    """A quotation of QUOTE_WORDS or more that is at least half the sentence."""
    spans = [q for q in quoted_spans(text) if len(q.split()) >= QUOTE_WORDS]
    return bool(spans) and sum(len(q.split()) for q in spans) >= 0.5 * len(text.split())


def closes_first(text: str) -> bool:
    """The sentence's first quote mark closes a quotation opened before it."""
    for i, char in enumerate(text):
        if char == "“":
            return False
        if char == "”":
            return True
        if char == '"':
            after = text[i + 1 : i + 2]
            return i > 0 and (not after or after.isspace() or after in ",.;:")
    return False


def leans_back(text: str) -> bool:
    """Opens on a pronoun or names its speaker by one (", he said"): the referent
    is in a sentence before it."""
    quoted = text.lstrip()[:1] in "\"“‘'"
    return bool(PRONOUN_SPEAKER.search(text)) or (
        not quoted and referring_opening(text) is not None
    )


def open_quote_start(matrix: StoryMatrix, row: int) -> int | None:
    """The row that opened a quotation still open when `row` begins, in the same
    paragraph, or None. A middle sentence of `The committee said: "We condemn ...
    The flame belongs to the world and these actions ... They are bound to fail."`
    has no quote mark of its own, yet it is the committee's words, not the
    reporter's: it must be taken with its opening and its speaker."""
    here = matrix.sentences[row]
    article = int(matrix.article_of[row])
    start = row
    while (
        start > 0
        and int(matrix.article_of[start - 1]) == article
        and matrix.sentences[start - 1].paragraph == here.paragraph
    ):
        start -= 1
    opener: int | None = None
    for r in range(start, row):
        if unbalanced(matrix.sentences[r].text):
            opener = r if opener is None else None
    return opener


def unit_rows(matrix: StoryMatrix, row: int, mode: str) -> list[int] | None:
    """The rows to take so that `row` reads on its own, in article order, or None
    when it cannot (`mode`: "antecedent" takes the sentences before; "bracket"
    inserts the person an opening "He"/"She" means, in square brackets, when the
    sentence before names one, else takes the sentences before; "drop" leaves out
    a sentence that needs them; "off" takes every sentence as it is)."""
    if mode == "off":
        return [row]
    article = int(matrix.article_of[row])

    def same(r: int) -> bool:
        return 0 <= r < matrix.size and int(matrix.article_of[r]) == article

    first, last = row, row
    opener = open_quote_start(matrix, row)
    if opener is not None:  # inside a quotation opened before it: from its opening on
        first = opener
    text = " ".join(s.text for s in matrix.sentences[first : last + 1])
    while unbalanced(text):  # a piece of a quotation: take the rest of it
        if closes_first(matrix.sentences[first].text) and same(first - 1):
            first -= 1
        elif same(last + 1):
            last += 1
        else:
            return None
        if last - first + 1 > MAX_UNIT:
            return None
        text = " ".join(s.text for s in matrix.sentences[first : last + 1])
    if mostly_quoted(text) and not has_speaker(text):
        if not (same(first - 1) and has_speaker(matrix.sentences[first - 1].text)):
            return None
        first -= 1
    if any(PRONOUN_SPEAKER.search(matrix.sentences[r].text) for r in range(first + 1, last + 1)):
        # a quotation of several sentences closing on ", she said": who she is was
        # said before it opened (gva_dev, Four Hills: the unit read as an unnamed
        # "she"); take that sentence too, or leave the quotation out
        if mode == "drop" or not same(first - 1) or last - first + 1 >= MAX_UNIT:
            return None
        first -= 1
    while leans_back(matrix.sentences[first].text):
        if mode == "bracket" and bracketed(matrix, first) is not None:
            break  # "[Klintsevich] told journalists": the brief inserts the referent
        if mode == "drop" or not same(first - 1) or last - first + 1 >= MAX_UNIT:
            return None
        first -= 1
    if unbalanced(" ".join(s.text for s in matrix.sentences[first : last + 1])):
        return None
    return list(range(first, last + 1))


_NAME = re.compile(r"\b(?:[A-Z][a-z]+(?:-[A-Z][a-z]+)?\s){1,2}[A-Z][a-z]+(?:-[A-Z][a-z]+)?\b")
_TITLE = re.compile(
    r"(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Capt|Sgt|Det|Officer|Senator|President|Minister"
    r"|Secretary|Chief|Judge|Justice|Mayor|Sheriff|Coach|Prime Minister)\.?\s$"
)
_SPEECH = re.compile(r"^,?\s*(?:who\b|said|says|told|tells|added|,)")
_SUBJECT_PRONOUN = re.compile(
    r"(?:^[\"“]?|[,\"”’]\s+)(He|She|he|she)\b(?=\s+(?:said|says|told|added|\w+ed\b))"
)


def person_named(text: str) -> str | None:
    """The surname of the person a sentence is about: a name that opens it, follows
    a title ("Senator Franz Klintsevich") or says something ("Ali Shamkhani said")."""
    matches = list(_NAME.finditer(text))
    for match in matches:  # a name that speaks or carries a title
        if _TITLE.search(text[: match.start()]) or _SPEECH.match(text[match.end() :]):
            return match.group(0).split()[-1]
    for match in matches[:1]:  # else the name the sentence opens on
        last = match.group(0).split()[-1]
        if match.start() == 0 and not _TITLE.search(last + " "):
            return last
    return None


def bracketed(matrix: StoryMatrix, row: int) -> tuple[str, int, int, str] | None:
    """The sentence with its opening "He"/"She" (or speaker ", he said") replaced by
    the referent in square brackets, as editors do: (text, start, end, replaced),
    start/end locating "[Name]" in the text; None when the sentence before in the
    same article names no one."""
    text = matrix.sentences[row].text
    match = _SUBJECT_PRONOUN.search(text)
    if match is None or row == 0 or matrix.article_of[row - 1] != matrix.article_of[row]:
        return None
    name = person_named(matrix.sentences[row - 1].text)
    if name is None:
        return None
    start, end = match.span(1)
    insert = f"[{name}]"
    return text[:start] + insert + text[end:], start, start + len(insert), match.group(1)


_GENERIC = frozenset(["same", "other", "first", "last", "latest", "following", "world", "united"])


def stems(text: str) -> set[str]:
    """Content-word stems (first six letters), the unit of "mentioned before"."""
    return {w[:6] for w in content_words(text)}


def describes_back(matrix: StoryMatrix, row: int, context: set[str]) -> bool:
    """Opens on a definite description ("The firefighters ...", "The decision ...")
    whose noun its own article introduced earlier and `context` (the stems of what
    the reader has read) does not hold: the reader cannot tell which one is meant."""
    tokens = opening(matrix.sentences[row].text)
    if len(tokens) < 2 or tokens[0].lower() not in ("the", "this", "these", "that", "those"):
        return False
    noun = next((t for t in tokens[1:3] if len(t) > 3 and t.isalpha()), None)
    if noun is None or noun[0].isupper() or noun.lower() in _GENERIC:
        return False
    stem = noun.lower()[:6]
    if stem in context:
        return False
    start = int(matrix.starts[int(matrix.article_of[row])])
    return any(stem in stems(matrix.sentences[r].text) for r in range(start, row))


_DESCRIPTION = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Tt]hese|[Tt]hose)\s+([a-z][a-z'’-]*)(?:\s+([a-z][a-z'’-]*))?"
)
_RESTRICTED = re.compile(
    r"^\s*(?:of|who|whose|which|where|against|between|involving|called|named|known as)\b"
)
_SUBJECT_SLOT = re.compile(r"(?:\bsaid|\bsays|\btold \w+|\bthat)\s+$")
SUBJECT_WORDS = 4  # a description after at most this many words is the subject (or near it)
# Nouns a reader resolves from the story or general knowledge ("the police", "the
# country", "the first"), or that rarely point back to one thing the article named.
_KNOWN = frozenset(
    [
        *("police", "govern", "countr", "city", "state", "nation", "world", "public", "people"),
        *("presid", "media", "news", "area", "region", "number", "end", "past", "rest", "part"),
        *("way", "fact", "future", "top", "side", "moment", "situat", "issue", "author"),
        *("first", "last", "latest", "follow", "same", "other", "second", "third", "next"),
        *("new", "former", "entire", "whole", "local", "federa", "united", "white", "economy"),
        *("most", "best", "biggest", "largest", "only", "main", "very", "previo"),
    ]
)


def description_heads(text: str) -> list[tuple[int, set[str]]]:
    """(position, head stems) of each definite description in subject position
    ("The officer ...", "Police said the suspect ...", "These suspicious visitors")
    not restricted in the sentence itself ("the mother of ...", "the man who ..."):
    the one or two lower-case words after the article. Objects are left alone: a
    reader stumbles on "the yacht sank", much less on "police went to the house".
    """
    found = []
    for match in _DESCRIPTION.finditer(text):
        if _RESTRICTED.match(text[match.end() :]):
            continue
        before = text[: match.start()]
        if len(before.split()) > SUBJECT_WORDS and not _SUBJECT_SLOT.search(before):
            continue  # an object or a phrase deep in the sentence: it reads on
        heads = stems(" ".join(g for g in match.groups() if g)) - _KNOWN
        heads = {h for h in heads if h not in _TIME_WORDS and len(h) > 3}
        if heads:
            found.append((match.start(), heads))
    return found


def needs_before(
    matrix: StoryMatrix, row_stems: list[set[str]], unit: list[int], context: set[str]
) -> int | None:
    """The earliest sentence before `unit`, in its article, that a definite
    description in the unit points back to ("the officer" after "an officer was
    shot") and the reader has not met (`context`: the stems of what the brief has
    told), or None when every description is resolved or a first mention."""
    first = unit[0]
    start = int(matrix.starts[int(matrix.article_of[first])])
    text = " ".join(matrix.sentences[r].text for r in unit)
    need: int | None = None
    for position, heads in description_heads(text):
        if heads & context or heads & stems(text[:position]):
            continue
        rows = [r for r in range(first - 1, start - 1, -1) if heads & row_stems[r]]
        if rows:
            need = rows[0] if need is None else min(need, rows[0])
    for position, name in named_things(text):  # "the Glock" after "bought a Glock"
        if name.lower()[:6] in context or name in text[:position]:
            continue
        introduced = re.compile(rf"\b(?:[Aa]n?|[Hh]is|[Hh]er|[Tt]heir)\s+{re.escape(name)}\b")
        rows = [
            r
            for r in range(first - 1, start - 1, -1)
            if introduced.search(matrix.sentences[r].text)
        ]
        if rows:
            need = rows[0] if need is None else min(need, rows[0])
    return need


# "the" + a capitalised word used as a noun: what follows is punctuation, a preposition,
# an auxiliary or a past tense ("the <Brand> in ...", "the <Brand> also ..."), not a noun
# it would qualify ("the Israeli military", "the Facebook page").
_NAMED_THING = re.compile(
    r"\b[Tt]he\s+(?!(?:North|South|East|West)\b)([A-Z][a-z]{2,})"
    r"(?=[,.;:]|\s+(?:in|on|at|with|from|to|into|inside|near|was|is|had|has|also|and|\w+ed)\b)"
)


def named_things(text: str) -> list[tuple[int, str]]:
    """(position, word) of "the" + one capitalised word in subject position ("Police
    found the Glock ..."): a thing its article introduced as "a Glock" (checked by the
    caller) points back like "the yacht"; "the Pentagon", met first as "the Pentagon",
    is known to the reader and is left alone."""
    found = []
    for match in _NAMED_THING.finditer(text):
        before = text[: match.start()]
        if len(before.split()) > SUBJECT_WORDS and not _SUBJECT_SLOT.search(before):
            continue
        found.append((match.start(), match.group(1)))
    return found


def with_referents(
    matrix: StoryMatrix, unit: list[int], context: set[str], row_stems: list[set[str]], mode: str
) -> list[int] | None:
    """The unit widened back to the sentences that introduce what its definite
    descriptions mean (mode "antecedent"/"bracket"), at most MAX_UNIT sentences,
    or None when that does not fit or `mode` is "drop"."""
    if mode == "off":
        return unit
    for _ in range(MAX_UNIT):
        need = needs_before(matrix, row_stems, unit, context)
        if need is None:
            return unit
        if mode == "drop" or unit[-1] - need + 1 > MAX_UNIT:
            return None
        before = unit_rows(matrix, need, mode)
        if before is None or before[0] > need:
            return None
        unit = list(range(before[0], max(before[-1], unit[-1]) + 1))
        if len(unit) > MAX_UNIT:
            return None
    return None

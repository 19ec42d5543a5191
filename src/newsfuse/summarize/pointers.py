"""Words that point back wherever they stand: "this picture", "the 25-year-old".

A definite description in subject position is `descriptions.description_heads`'s;
an object ("police went to the house") mostly reads on. Two kinds do not, in any
place of the sentence: a demonstrative with its noun ("... if there hadn't first
been this picture") says the reader has just met the thing, and an age used as a
noun ("examiners identified the 25-year-old as ...") says the reader has met the
person. The seventh round's tuning briefs (Multi-News full text, gva_dev) showed
both after sentences that never introduced them.
"""

from __future__ import annotations

import re

from newsfuse.text.tokens import STOP_WORDS

_DEMONSTRATIVE = re.compile(
    r"\b([Tt]his|[Tt]hese|[Tt]hose)\s+([a-z][a-z'’-]+)(?:\s+([a-z][a-z'’-]+))?"
)
# "this breach of law", "those courageous enough", "those who": its own words say what
_SAYS_WHAT = re.compile(r"\s+(?:of|who|whose|which|enough)\b")
_AGE = re.compile(r"\b[Tt]he\s+(\d+-year-old)(?![\w-])")
_QUOTED = re.compile(r"[\"“][^\"”]*(?:[\"”]|$)")
# "<Name>, the 17-year-old", "the 17-year-old who ...": the age is told right there
_APPOSED = re.compile(r"(?:\s+[a-z]+)?\s+(?:who|whose|of|from|named)\b")
# the age is the noun ("identified the 25-year-old as ...") or qualifies a person's:
# "the 25-year-old church" (Wikinews M006-08) is a thing's age, told in place
_AS_NOUN = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:man|woman|men|women|boy|girl|victim|suspect|driver|mother"
    r"|father|son|daughter|teen|teenager|student|gunman|shooter|resident|[a-z]+ed|as|was|is"
    r"|had|has|and|also|allegedly|remains|told|said|says)\b"
)
_NAMED_BEFORE = re.compile(r"[A-Z][a-z]+,\s+$")
_ONE_OF = re.compile(r"\bone of\s+$", re.I)
# What a demonstrative does not point back with: the report itself ("this story",
# "this video"), idioms ("at this point", "this kind of"), and times, which
# `pronouns.TIME_WORDS` holds.
_NOT_BACK = frozenset(
    [
        *("story", "article", "piece", "post", "column", "video", "site", "website", "page"),
        *("podcast", "episode", "report", "interview", "point", "stage", "kind", "sort"),
        *("nature", "sense", "regard", "respect", "matter", "end", "time", "moment"),
        *("type", "way", "one", "ones", "country", "world", "city", "nation", "town"),
        *("state", "year's", "week's", "summer's", "season's", "weekend's", "morning's"),
        *("includes", "include", "included", "remain", "remains", "things", "thing"),
    ]
)
# "this means", "this comes": a singular demonstrative before a word in -s is a
# pronoun before its verb (but "this crisis", "this status", "this news").
_VERB_S = re.compile(r"(?<![su])s$")
_SINGULAR_S = frozenset(["news", "series", "species", "campus", "bus", "virus", "status"])


def pointers(text: str, times: frozenset[str]) -> list[tuple[int, str]]:
    """(position, noun) of each demonstrative with its noun and each "the <age>"
    (`times`: nouns of time, "this week", that point at the calendar, not back)."""
    text = _QUOTED.sub(lambda m: " " * len(m.group(0)), text)  # a speaker's "this" is
    found = [  # the scene they speak of ("up this creek bed"), not a word the brief left out
        (m.start(), m.group(1))
        for m in _AGE.finditer(text)
        if _AS_NOUN.match(text, m.end())
        and not (_APPOSED.match(text, m.end()) or _NAMED_BEFORE.search(text[: m.start()]))
    ]
    for match in _DEMONSTRATIVE.finditer(text):
        after = (text[match.end(2) :], text[match.end() :])
        if _ONE_OF.search(text[: match.start()]) or any(map(_SAYS_WHAT.match, after)):
            continue  # "one of those strange cases": a kind; "this breach of law" says what
        noun = match.group(2).lower()
        bare = noun.removesuffix("'s").removesuffix("’s")
        then = (match.group(3) or "").lower().removesuffix("'s").removesuffix("’s")
        if noun in STOP_WORDS or noun in _NOT_BACK or bare.endswith("ed") or then in _NOT_BACK:
            continue
        if bare in times or then in times:  # "this difficult time"
            continue
        singular = match.group(1).lower() == "this"
        if singular and _VERB_S.search(noun) and noun not in _SINGULAR_S:
            continue
        found.append((match.start(), f"{bare} {then}".strip()))  # "this popular <car>"
    return sorted(found)

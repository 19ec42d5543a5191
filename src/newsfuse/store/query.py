"""Search text as people type it, turned into a full-text query that cannot fail.

SQLite's FTS5 has its own query language, where a stray quote, a bare `AND`,
`*`, `NEAR(` or `a:b` (read as a column filter) is a syntax error (checked on
SQLite 3.40). Users type names and phrases, not that language, so the search
box speaks a small, forgiving one instead:

- words: every word must occur (`hamadan bombers`); letters are folded and words
  stemmed by the index (`strikes` finds "strike");
- "quoted phrases": the words in that order (`"air base"`); an unclosed quote
  runs to the end;
- `word*`: any word starting with it (`bomb*`);
- `OR` between two terms: either one (`Su-34 OR Tu-22M3`);
- `-word`: no article with that word (`iran -nuclear`).

The text is parsed once (`parse`) into terms made of letters and digits only, then
written in each backend's language: FTS5 quoted strings (`match_expression`), or
PostgreSQL tsquery lexemes (`tsquery_expression`). So no punctuation ever reaches
either parser ("Tu-22M3" becomes the phrase "tu 22m3"). Terms with no letter or
digit are dropped; a query left with nothing to look for is an error (E501), not
"everything".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsfuse.errors import ErrorCode, NewsfuseError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TERM = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')


_WORDS = re.compile(r"[^\W_]+")
# Bounded cost (issue 24: 80 repetitions of "the" took 23 s, 10,000 ORs over 120 s):
# repeated terms count once, a query may name at most MAX_TERMS words (E502), a prefix
# needs MIN_PREFIX letters (`a*` matched every article), and a search runs at most
# SEARCH_SECONDS before it is cut off (E503, in each backend).
MAX_TERMS = 32
# Refused by size before any parsing (E502): a query of 10,000 ORs took 2 s to refuse,
# most of it in the parse (each OR rebuilt its group), and one of 10,000 repetitions
# of a word joined by OR was parsed whole and then run. MAX_TERMS words need about
# twice as many tokens (an OR between each two); repeats count once, so the server's
# 500 characters of common words (some 130 tokens) are still read.
MAX_QUERY_CHARS = 2000
MAX_TOKENS = 8 * MAX_TERMS
MIN_PREFIX = 3
SEARCH_SECONDS = 5.0


@dataclass(frozen=True)
class Term:
    """A word or phrase to look for: its words in order; `prefix`: the last may go on."""

    words: tuple[str, ...]
    prefix: bool = False


@dataclass(frozen=True)
class Query:
    """Parsed search text: every group must match (a group is one term, or terms joined
    by OR); no excluded term may."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...]


def _term(text: str, star: str) -> Term | None:
    words = tuple(w.lower() for w in _WORDS.findall(text))
    return Term(words, bool(star) and len(words[-1]) >= MIN_PREFIX) if words else None


def _terms(text: str) -> list[tuple[str, Term | None]]:
    """(kind, term) pairs: kind is "+" (required), "-" (excluded) or "OR"."""
    out: list[tuple[str, Term | None]] = []
    for negated, phrase, star, word in _TERM.findall(text):
        if word == "OR":
            out.append(("OR", None))
            continue
        if word:
            negated, star = (
                ("-" if word.startswith("-") else ""),
                ("*" if word.endswith("*") else ""),
            )
            phrase = word.removeprefix("-").rstrip("*")
        term = _term(phrase, star)
        if term is not None:
            out.append((negated or "+", term))
    return out


def refuse_costly(text: str) -> None:
    """E502 for search text longer than MAX_QUERY_CHARS characters or MAX_TOKENS
    whitespace-separated tokens, in time bounded by those limits (the split stops
    after MAX_TOKENS), before any other work."""
    tokens = 0 if len(text) > MAX_QUERY_CHARS else len(text.split(None, MAX_TOKENS))
    if len(text) > MAX_QUERY_CHARS or tokens > MAX_TOKENS:
        what = f"{len(text):,} characters" if tokens == 0 else f"over {MAX_TOKENS} tokens"
        message = (
            f"search of {what} refused before it was read; at most {MAX_QUERY_CHARS:,}"
            f" characters and {MAX_TOKENS} tokens ({MAX_TERMS} words) are looked for"
        )
        raise NewsfuseError(ErrorCode.QUERY_TOO_BIG, message)


def parse(text: str) -> Query:
    """The search text `text` parsed (see the module doc).

    Raises NewsfuseError E501 when `text` has no word to look for, E502 when it is
    too long to be worth reading (`refuse_costly`) or names too many words.
    """
    refuse_costly(text)
    required: list[tuple[Term, ...]] = []
    excluded: list[Term] = []
    pending_or = False
    # SQLite reads a string only up to a NUL; other control characters match nothing.
    for kind, term in _terms(_CONTROL.sub(" ", text)):
        if term is None:
            pending_or = bool(required)
        elif kind == "-":
            excluded.append(term)
        elif pending_or:
            required[-1] = (*required[-1], term)
            pending_or = False
        else:
            required.append((term,))
    if not required:
        what = "only excluded words" if excluded else "no word to look for"
        raise NewsfuseError(ErrorCode.BAD_QUERY, f"search {text[:80]!r} has {what}")
    query = Query(
        tuple(dict.fromkeys(tuple(dict.fromkeys(g)) for g in required)),
        tuple(dict.fromkeys(excluded)),
    )
    words = sum(len(t.words) for g in query.required for t in g)
    words += sum(len(t.words) for t in query.excluded)
    if words > MAX_TERMS:
        message = f"search names {words} words; at most {MAX_TERMS} are looked for"
        raise NewsfuseError(ErrorCode.QUERY_TOO_BIG, message)
    return query


def _fts5(term: Term) -> str:
    return '"' + " ".join(term.words) + '"' + ("*" if term.prefix else "")


def match_expression(text: str) -> str:
    """The FTS5 MATCH expression for the search text `text`: every term a quoted
    string, so its punctuation never reaches FTS5's parser. E501 if nothing to find."""
    query = parse(text)
    groups = [" OR ".join(_fts5(t) for t in group) for group in query.required]
    expression = " AND ".join(f"({g})" if " OR " in g else g for g in groups)
    for term in query.excluded:
        expression = f"({expression}) NOT {_fts5(term)}"
    return expression


def _tsquery(term: Term) -> str:
    """Words are letters and digits only (_WORDS), so they need no quoting rules."""
    last = len(term.words) - 1
    words = [
        f"'{w}'" + (":*" if term.prefix and i == last else "") for i, w in enumerate(term.words)
    ]
    return "(" + " <-> ".join(words) + ")"


def tsquery_expression(text: str) -> str:
    """The same query for PostgreSQL's `to_tsquery` (stemming, stop words and the
    phrase operator <-> as PostgreSQL applies them). E501 if nothing to find."""
    query = parse(text)
    groups = ["(" + " | ".join(_tsquery(t) for t in group) + ")" for group in query.required]
    expression = " & ".join(groups)
    for term in query.excluded:
        expression = f"({expression}) & !{_tsquery(term)}"
    return expression

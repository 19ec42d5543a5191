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

Every term is passed to FTS5 as a quoted string, so its own punctuation never
reaches the parser ("Tu-22M3" becomes the phrase "tu 22m3"). Terms with no
letter or digit are dropped; a query left with nothing to look for is an error
(E501), not "everything".
"""

from __future__ import annotations

import re

from newsfuse.errors import ErrorCode, NewsfuseError

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_TERM = re.compile(r'(-?)"([^"]*)"?(\*?)|(\S+)')


def _quoted(text: str) -> str | None:
    """`text` as one FTS5 string, or None when it holds nothing to match."""
    if not any(c.isalnum() for c in text):
        return None
    return '"' + text.replace('"', '""') + '"'


def _terms(text: str) -> list[tuple[str, str]]:
    """(kind, FTS5 string) pairs: kind is "+" (required), "-" (excluded) or "OR"."""
    out: list[tuple[str, str]] = []
    for negated, phrase, star, word in _TERM.findall(text):
        if word == "OR":
            out.append(("OR", ""))
            continue
        if word:
            negated, star = (
                ("-" if word.startswith("-") else ""),
                ("*" if word.endswith("*") else ""),
            )
            phrase = word.removeprefix("-").rstrip("*")
        quoted = _quoted(phrase)
        if quoted is not None:
            out.append((negated or "+", quoted + star))
    return out


def match_expression(text: str) -> str:
    """The FTS5 MATCH expression for the search text `text` (see the module doc).

    Raises NewsfuseError E501 when `text` has no word to look for.
    """
    required: list[str] = []
    excluded: list[str] = []
    pending_or = False
    # SQLite reads a string only up to a NUL; other control characters match nothing.
    for kind, term in _terms(_CONTROL.sub(" ", text)):
        if kind == "OR":
            pending_or = bool(required)
        elif kind == "-":
            excluded.append(term)
        elif pending_or:
            required[-1] = f"({required[-1]} OR {term})"
            pending_or = False
        else:
            required.append(term)
    if not required:
        what = "only excluded words" if excluded else "no word to look for"
        raise NewsfuseError(ErrorCode.BAD_QUERY, f"search {text!r} has {what}")
    expression = " AND ".join(required)
    for term in excluded:
        expression = f"({expression}) NOT {term}"
    return expression

"""A name in apposition, kept in a compressed headline (issue 20, seventh round).

"<Firm> did unveil a new name — <Name> — for <project>, the ..." compressed to
"<Firm> did unveil a new name": the appositive, set off by dashes, was dropped as an
aside, and with it the one word that said what was named (the integrator's read12
sample). An appositive whose head word is a proper name and whose noun is a common
one ("a new name — <Name>", "the company's chief, <Name>,") names what the headline
would otherwise leave vague, and a name is news where a "when" or "where" may wait: it
is kept when the headline has room, trimmed only after the verb's phrases when not, and
printed with its marks.

The commas of a list go the same way unless kept: "four wounds to his chest stomach and
legs" (eighth round) read as a stumble; a comma between two kept members of a list
whose members are all kept around it is printed.
"""

from __future__ import annotations

from typing import Any

_MARKS = frozenset([",", "—", "–"])


def naming(token: Any) -> bool:
    """A proper name in apposition to a common noun, set off by a comma or dash."""
    if token.dep_ != "appos" or token.pos_ != "PROPN" or token.head.pos_ != "NOUN":
        return False
    first = min(t.i for t in token.subtree)
    return first > 0 and token.doc[first - 1].text in _MARKS


def with_marks(doc: Any, keep: set[int]) -> set[int]:
    """`keep` and the marks around each kept naming appositive: the one before it, those
    inside what is kept of it, and the one after it when the headline goes on."""
    marks: set[int] = set()
    last_kept = max(keep, default=-1)
    for token in (doc[i] for i in keep):
        if not naming(token):
            continue
        span = sorted(i for i in keep if i in {t.i for t in token.subtree})
        first, last = min(t.i for t in token.subtree), span[-1]
        marks.add(first - 1)
        marks |= {i for i in range(first, last) if doc[i].text in _MARKS}
        after = last + 1
        if after < len(doc) and doc[after].text in _MARKS and after < last_kept:
            marks.add(after)
    return keep | marks | list_commas(doc, keep)


def list_commas(doc: Any, keep: set[int]) -> set[int]:
    """The commas of a kept list ("his chest, stomach and legs"): a comma whose neighbours
    are kept and whose head has a kept conjunct after it, the list closed by a kept "and"
    or "or" (a parser's conjunct without one is often a name in apposition, whose
    second comma is gone: "the shooter, <Name> walked")."""
    return {
        t.i
        for t in doc
        if t.text == ","
        and t.i - 1 in keep
        and t.i + 1 in keep
        and t.head.i in keep
        and any(c.dep_ == "conj" and c.i > t.i and c.i in keep for c in t.head.children)
        and any(c.dep_ == "cc" and c.i > t.i and c.i in keep for c in t.head.subtree)
    }

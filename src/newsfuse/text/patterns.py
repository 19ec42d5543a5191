"""A long alternation of page-furniture patterns, asked "is any of them in this text?" fast.

Python's `re` tries every alternative of `a|b|c` at every position of a text, and under
IGNORECASE none of them can be skipped on its first letter: summarize.select's furniture
patterns (some 60 alternatives) cost about 0.3 ms a sentence, the largest share of a
long story's brief (issue 20's latency target, ≤ 150 ms). Nearly every alternative needs
a literal word ("newsletter", "caption", " in to "), and nearly every sentence holds none
of them. `AnyOf` looks for each alternative's word in the lower-cased text first (a
substring test) and runs only the alternatives whose word is there, with those that need
no word. The answer is the pattern's own (`pattern.search(text) is not None`); only the
work done to reach it changes.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

# The non-ASCII letters that re.IGNORECASE matches to ASCII ones (İ and ı to "i", ſ to
# "s", the Kelvin sign to "k"): a text holding one is searched whole, since its
# lower-cased form need not hold the word the pattern matched in it.
_FOLDING = frozenset("\u0130\u0131\u017f\u212a")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
MIN_WORD = 3  # a shorter word ("a", "of") is in too many texts to spare the search


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of `pattern` (split at each "|" outside groups and
    character classes)."""
    parts: list[str] = []
    start, depth, in_class, k = 0, 0, False, 0
    while k < len(pattern):
        char = pattern[k]
        if char == "\\":
            k += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
            k += 2 if pattern[k + 1 : k + 2] == "]" or pattern[k + 1 : k + 3] == "^]" else 1
            continue
        elif char in "()":
            depth += 1 if char == "(" else -1
        elif char == "|" and depth == 0:
            parts.append(pattern[start:k])
            start = k + 1
        k += 1
    return [*parts, pattern[start:]]


def _runs(items: Iterable[tuple[Any, Any]]) -> list[str]:
    """The runs of ASCII literal characters every match of the parsed `items` holds."""
    runs, current = [], ""
    for op, value in items:
        name = str(op)
        if name == "LITERAL" and value < 128:
            current += chr(value)
            continue
        runs.append(current)
        current = ""
        if name == "SUBPATTERN":  # a group: its content is matched once
            runs += _runs(value[3])
        elif name in _REPEATS and value[0] >= 1:  # repeated at least once
            runs += _runs(value[2])
    return [*runs, current]


def required_word(pattern: str, flags: int = 0) -> str:
    """The longest literal text (lower-cased) that every match of `pattern` holds, ""
    when it has none of MIN_WORD characters or of marks only ("_", "("). Read from
    `re`'s own parse of the pattern (`re._parser`: the module that compiles every
    pattern, no copy of its grammar)."""
    parser = importlib.import_module("re._parser")
    runs = _runs(parser.parse(pattern, flags))
    return max((run.lower() for run in runs if _telling(run)), key=len, default="")


def _telling(run: str) -> bool:
    """A run worth testing: MIN_WORD characters, or marks only ("_", "(")."""
    return len(run) >= MIN_WORD or (bool(run) and not any(c.isalnum() or c.isspace() for c in run))


@dataclass(frozen=True)
class AnyOf:
    """`whole` split into its alternatives: those with a required word (`gated`, each
    searched only when its word is in the lower-cased text) and the rest (`ungated`,
    one pattern, always searched)."""

    whole: re.Pattern[str]
    gated: tuple[tuple[str, re.Pattern[str]], ...]
    ungated: re.Pattern[str] | None

    @classmethod
    def of(cls, whole: re.Pattern[str]) -> AnyOf:
        """The split of `whole`; a pattern whose parts do not compile alone (a back
        reference), or a Python whose `re` parses elsewhere, is not split: `found`
        then searches it whole."""
        try:
            parts = [(required_word(p, whole.flags), p) for p in alternatives(whole.pattern)]
            gated = tuple((w, re.compile(p, whole.flags)) for w, p in parts if w)
            rest = [p for w, p in parts if not w]
            ungated = re.compile("|".join(rest), whole.flags) if rest else None
        except (re.error, ImportError, AttributeError):
            return cls(whole, (), whole)
        return cls(whole, gated, ungated)

    def found(self, text: str) -> bool:
        """Whether `whole` matches anywhere in `text`."""
        if not _FOLDING.isdisjoint(text):
            return self.whole.search(text) is not None
        if self.ungated is not None and self.ungated.search(text):
            return True
        low = text.lower()  # the words first (a list, no generator step), then in order
        present = [pattern for word, pattern in self.gated if word in low]
        return any(pattern.search(text) for pattern in present)

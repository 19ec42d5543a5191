"""A title that teases instead of reporting (issue 20, ninth round).

"What we know in <place> shooting", "<Who> shot? Family unsure", "Live updates: ...",
"5 things to know about ...": the page's promise of news, not the news. Such a title has
its verb and is not cut, so it passed every check a headline has; a reader learns from
it only that something happened. It loses to any complete title that reports, and to a
lede compressed by its parse when no title reports.
"""

from __future__ import annotations

import re

_TEASER = re.compile(
    r"\?"  # a question, at its end or before a kicker ("... violence? Family unsure")
    r"|\bwhat (?:we|you) (?:know|knew|need to know)\b|^here'?s what\b|^everything (?:we|you)\b"
    r"|^(?:\d+|three|four|five|six|seven|ten) (?:things|questions)\b"
    r"|\blive(?: updates?| blog| coverage| video| stream)\b|^(?:watch|listen)\b",
    re.IGNORECASE,
)


def teaser(title: str) -> bool:
    """A question, a "what we know", a list of things, live coverage or "watch"."""
    return bool(_TEASER.search(title))

"""Two sides of one fact, worded as a reader needs them: a difference, or an update.

Why its own module: outlets of one day that state different values disagree, but a later
report that states a new value (critical condition, then died; no arrest, then a charge)
is most often an update, not a disagreement. Each side keeps its citation; sides of
different days are put in date order and the later one is labelled "later", so a reader
sees what changed and when.
"""

from __future__ import annotations

from collections.abc import Iterator

from newsfuse.types import Article, Citation, Sentence

_ENDS = ".!?\"”'’"


def ended_sentences(article: Article, off: set[str]) -> Iterator[Sentence]:
    """The article's sentences that end as a sentence does, less those of another
    incident (`off`): a headline or a caption cut short gives no side of a difference."""
    for sentence in article.sentences:
        if sentence.id not in off and sentence.text.rstrip()[-1:] in _ENDS:
            yield sentence


def pair(
    label: str,
    a: tuple[str, Citation, str],
    b: tuple[str, Citation, str],
) -> tuple[str, tuple[Citation, Citation]]:
    """(summary, citations) for two sides (phrase, citation, report date as ISO or "").

    Same day or undated: "label: A [1] vs B [2]". Different days, earliest first:
    "label, updated: A [1] (reported d1); later B [2] (reported d2)"."""
    (pa, ca, da), (pb, cb, db) = a, b
    if not (da and db and da != db):
        return f"{label}: {pa} [1] vs {pb} [2]", (ca, cb)
    if db < da:
        (pa, ca, da), (pb, cb, db) = b, a
    return f"{label}, updated: {pa} [1] (reported {da}); later {pb} [2] (reported {db})", (ca, cb)

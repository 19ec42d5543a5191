"""Which language an article is written in: langid.py's model (py3langid), offline.

The naive Bayes model (97 languages, byte n-grams) ships inside the py3langid
wheel; its SHA-256 is checked when it is first loaded, so a changed model is an
error, not a silent drift. Only the opening DETECT_CHARS characters are read:
the language of a news article is settled in its first paragraphs, and the
cost stays flat however long the body.

The model walks its byte automaton in Python, ~2.5 ms an article: as much as the
rest of ingest (392 articles/s, docs/benchmarks.md), and ~1-3 s to load. English
prose is known cheaper: in its first 100 words, English function words no other
Latin-script language uses as words (ENGLISH_MARKERS) make 19-20% at the median
of gva_dev and Multi-News test, under 6% in 0.3-0.4% of them (listings, video
indexes), and 0% in the Italian and Dutch news of Multi-News test. Text that
clears ENGLISH_SHARE is English without the model; a short ASCII text (a caption,
a share bar) is "und" without it; the rest goes to the model.

The model is loaded by the config's `Models` (newsfuse.models), not kept in a
module global. Making an Article (newsfuse.articles) has no config, so it takes the
cheap answer (`guess_language`: "en", or "und" for the rest); ingest, which has the
config, settles the undetermined ones with the model (`settled`) before anything
is stored or scored.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lang import ENGLISH, UNDETERMINED
from newsfuse.types import Article

if TYPE_CHECKING:
    from newsfuse.models import Models

Item = TypeVar("Item")

DETECT_CHARS = 1000
ENGLISH_MARKERS = frozenset(
    [
        "the",
        "and",
        "of",
        "to",
        "that",
        "with",
        "for",
        "from",
        "this",
        "were",
        "are",
        "have",
        "has",
        "been",
        "which",
        "their",
        "they",
        "would",
        "could",
        "should",
        "will",
        "said",
        "who",
        "what",
        "when",
        "after",
        "about",
        "there",
        "than",
    ]
)
ENGLISH_SHARE = 0.06
_MARKER_WORDS = 100
# Below this many letters the guess is too unsteady: the article is "und".
MIN_LETTERS = 40
# Normalised probability the best language needs; under it, "und" (scored as English).
MIN_CONFIDENCE = 0.90
MODEL_SHA256 = "f4f4a2c3465ca1f081541037f9cac23021d68151c2f709c55ae5eedfca522963"


def load_identifier() -> Any:
    """py3langid's model, hash-checked (~0.3 s, 25 MB: `Models.language_identifier`
    keeps it loaded)."""
    from py3langid import langid

    path = Path(langid.__file__).parent / langid.MODEL_FILE
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != MODEL_SHA256:
        raise NewsfuseError(
            ErrorCode.BROKEN_COMPONENT,
            f"language model {path} has SHA-256 {digest[:12]}..., expected "
            f"{MODEL_SHA256[:12]}... (py3langid changed: pin it as constraints.txt says)",
        )
    return langid.LanguageIdentifier.from_model_file(path, norm_probs=True)


def by_markers(head: str) -> str | None:
    """ "en" when English function words make ENGLISH_SHARE of the opening words,
    "und" when there are fewer than 20 words (no model is loaded for a caption or a
    share bar), else None: the model decides."""
    words = head.lower().split(maxsplit=_MARKER_WORDS)[:_MARKER_WORDS]
    if len(words) < 20:
        return UNDETERMINED
    if sum(w in ENGLISH_MARKERS for w in words) >= ENGLISH_SHARE * len(words):
        return ENGLISH
    return None


def guess_language(text: str) -> str:
    """What `detect_language` says without the model: "en" when the markers say so,
    else "und" (short, or not yet settled: `settled` asks the model)."""
    return by_markers(text[:DETECT_CHARS]) or UNDETERMINED


def detect_language(text: str, models: Models) -> str:
    """ISO 639-1 code of `text`'s language, or "und" when too short or unsure."""
    head = text[:DETECT_CHARS]
    known = by_markers(head)
    if known is not None:
        return known
    if sum(c.isalpha() for c in head) < MIN_LETTERS:
        return UNDETERMINED
    code, confidence = models.language_identifier().classify(head)
    if confidence < MIN_CONFIDENCE:
        return UNDETERMINED
    return str(code) if code else ENGLISH


def settled(items: Iterable[Item], models: Models) -> Iterator[Item]:
    """`items` with each undetermined Article's language detected (with the model
    `guess_language` went without); anything else passes unchanged."""
    for item in items:
        if isinstance(item, Article) and item.language == UNDETERMINED:
            code = detect_language(item.body, models)
            if code != UNDETERMINED:
                yield replace(item, language=code)
                continue
        yield item

"""Languages as data: each language's resources in one folder, looked up by code.

newsfuse's scoring (tokens, sentences, IDF, topic signatures, the spaCy pipeline,
search) was written for English and assumed it everywhere. Every article now
carries the language its text is detected in (newsfuse.lang.detect), and what
English needs sits behind one small interface, newsfuse.lang.en.LANGUAGE. Adding
a language is adding a folder newsfuse/lang/<code>/ whose __init__ defines
LANGUAGE; until a folder exists for an article's language, the article is stored
and searchable, marked with its code, and kept out of English scoring (never
clustered, so never in a story or a brief).
"""

from __future__ import annotations

import importlib
import importlib.util
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from newsfuse.errors import ErrorCode, NewsfuseError

ENGLISH = "en"
# ISO 639's "undetermined": too little text (or too mixed) to tell. Such articles
# are scored as English, the language everything was scored in before.
UNDETERMINED = "und"
_CODE = re.compile(r"[a-z]{2,3}\Z")


@dataclass(frozen=True)
class Language:
    """One language's resources, as the scoring code reaches them."""

    code: str  # ISO 639-1 (or -3) code, the folder's name
    name: str
    stop_words: frozenset[str]  # tokens dropped before vectors and overlaps
    # Sentence splitter: (text) -> (start, end) character spans.
    sentence_spans: Callable[[str], list[tuple[int, int]]]
    # Background frequency of a word in general text of the language (0 = unseen):
    # the topic signatures' and IDF fallback's reference.
    background: Callable[[str], float]
    spacy_model: str  # the spaCy pipeline (a PyPI package, works offline)
    # The shipped scorer models trained on this language's news (summarize/data:
    # coverage.json, lexical.npy, scorer.json, coverage_background.npy).
    models: Path
    postgres_search: str  # PostgreSQL text search configuration (to_tsvector)
    sqlite_tokenizer: str  # SQLite FTS5 tokenize= option
    # Month names January..December and weekday names Monday..Sunday as the language
    # writes them (dates in datelines and timelines).
    month_names: tuple[str, ...] = ()
    weekday_names: tuple[str, ...] = ()


def available(code: str) -> bool:
    """Whether a resources folder newsfuse/lang/<code>/ exists (cheap: no import)."""
    return bool(_CODE.match(code)) and (importlib.util.find_spec(f"{__name__}.{code}") is not None)


def language(code: str) -> Language:
    """The resources of language `code`; E704 when no folder holds them. Cheap once
    the folder is imported (the import system's own table, no cache of ours): the
    per-word lookups of IDF call it per batch."""
    loaded = sys.modules.get(f"{__name__}.{code}") if _CODE.match(code) else None
    if loaded is None and not available(code):
        raise NewsfuseError(
            ErrorCode.UNKNOWN_LANGUAGE,
            f"no resources for language {code!r}: add a folder newsfuse/lang/{code}/ "
            f"defining LANGUAGE (known: {ENGLISH})",
        )
    module = loaded or importlib.import_module(f"{__name__}.{code}")
    found = getattr(module, "LANGUAGE", None)
    if not isinstance(found, Language):
        raise NewsfuseError(
            ErrorCode.UNKNOWN_LANGUAGE, f"newsfuse/lang/{code}/ defines no LANGUAGE"
        )
    return found


def scoring_language(code: str) -> Language:
    """The resources an article in `code` is scored with: its language's, English's
    for undetermined text (scored as English, as before); E704 without a folder."""
    return language(ENGLISH if code == UNDETERMINED else code)


def scored(code: str) -> bool:
    """Whether articles in `code` are clustered and briefed: a language with a
    resources folder, or undetermined text (scored as English, as before)."""
    return code == UNDETERMINED or available(code)


def scored_codes() -> tuple[str, ...]:
    """Every code `scored` accepts: the resources folders present, and "und" (for
    the stores' queries of the articles to cluster)."""
    import pkgutil

    folders = (m.name for m in pkgutil.iter_modules(__path__) if m.ispkg)
    return (UNDETERMINED, *sorted(f for f in folders if _CODE.match(f)))

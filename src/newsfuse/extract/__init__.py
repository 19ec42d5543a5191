"""Ingest and extraction: files, folders and stdin -> Articles, or one Failure each.

Formats: scraped plain text (.txt and unknown text files), HTML (trafilatura),
JSON/JSONL (optionally gzip) in the ../shared record schemas. See sources.py
for the order of checks and plaintext.py for the header/boilerplate heuristics.

The names below are loaded on first use (PEP 562 module `__getattr__`), so that
importing one light module of this package (`fetch`, `kind`, `limits`) neither loads
trafilatura nor imports `newsfuse.articles` back (which uses `kind`).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.extract.html import extract_html
    from newsfuse.extract.plaintext import extract_plaintext
    from newsfuse.extract.sources import extract_file, iter_articles

_WHERE = {
    "extract_html": "newsfuse.extract.html",
    "extract_plaintext": "newsfuse.extract.plaintext",
    "extract_file": "newsfuse.extract.sources",
    "iter_articles": "newsfuse.extract.sources",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (then kept here)."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'newsfuse.extract' has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


__all__ = ["extract_file", "extract_html", "extract_plaintext", "iter_articles"]

"""Ingest and extraction: files, folders and stdin -> Articles, or one Failure each.

Formats: scraped plain text (.txt and unknown text files), HTML (trafilatura),
JSON/JSONL (optionally gzip) in the ../shared record schemas. See sources.py
for the order of checks and plaintext.py for the header/boilerplate heuristics.
"""

from __future__ import annotations

from newsfuse.extract.html import extract_html
from newsfuse.extract.plaintext import extract_plaintext
from newsfuse.extract.sources import extract_file, iter_articles

__all__ = ["extract_file", "extract_html", "extract_plaintext", "iter_articles"]

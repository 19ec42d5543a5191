"""Sentence splitting with nupunkt (Punkt trained on legal/news-heavy text).

Measured on abbreviations, quotes and numbers in tests/test_sentences.py. The
splitter runs per paragraph, so a paragraph break always ends a sentence even
when the scrape lost the final period (headlines, captions, datelines).
"""

from __future__ import annotations

import re

import nupunkt

from newsfuse.types import Sentence

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


def paragraph_spans(body: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph; a newline separates paragraphs."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for match in _PARAGRAPH_BREAK.finditer(body):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, len(body)))
    return [(a, b) for a, b in spans if body[a:b].strip()]


def split_sentences(article_id: str, body: str) -> tuple[Sentence, ...]:
    """Sentences of `body` with offsets, paragraph numbers and stable ids."""
    out: list[Sentence] = []
    for para_no, (p_start, p_end) in enumerate(paragraph_spans(body)):
        paragraph = body[p_start:p_end]
        for _, (s, e) in nupunkt.sent_spans_with_text(paragraph):
            raw = paragraph[s:e]
            lead = len(raw) - len(raw.lstrip())
            text = raw.strip()
            if not text:
                continue
            start = p_start + s + lead
            index = len(out)
            out.append(
                Sentence(
                    id=f"{article_id}:{index}",
                    index=index,
                    paragraph=para_no,
                    start=start,
                    end=start + len(text),
                    text=text,
                )
            )
    return tuple(out)

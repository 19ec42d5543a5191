"""Sentence splitting on real paragraphs with the hard cases of news text.

Each paragraph is copied from a bundled Wikinews article or a seed; the expected
splits were decided by hand. The cases: abbreviations inside and at the end of a
sentence ("U.S.", "Jan. 1.", "a.m.", "Mr."), decimals, quotations ending a
sentence, and a sentence that ends with "p.m.".
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from newsfuse.text.sentences import split_sentences

ARTICLES = Path(__file__).resolve().parents[2] / "examples/articles"

CASES = [
    (  # M000: "Jan. 1." ends a sentence; "U.S." inside one
        "en.wikinews.org/M000-02.txt",
        [
            "After the U.S. increased it's funding donation to 350 million USD, Japanese Prime "
            "Minister Junichiro Koizumi announced a half-billion dollar donation on Saturday, "
            "Jan. 1.",
            "China has promised 60.5 million USD, after Japan and the U.S., the United Kingdom and "
            "Sweden for largest single-nation donation.",
        ],
    ),
    (  # M000: "Jan. 10 meeting" is not a boundary
        "en.wikinews.org/M000-06.txt",
        [
            "The council approved the donation during a Jan. 10 meeting by 3 votes to 2.",
            "However, the mayor was in the hospital and the deputy mayor, Barry Lewis, who "
            "substituted didn't realize he could vote.",
            "If he had voted, it would have been against the donation.",
        ],
    ),
    (  # M002: a quotation, then "Mr." before a name at the end
        "en.wikinews.org/M002-03.txt",
        [
            "Iranian state television had ran live video showing Mr Ahmadinejad smiling, chatting "
            "and shaking the hands of some of the detainees.",
            '"We are grateful for your forgiveness," one servicemen said to Mr. Ahmadinejad.',
        ],
    ),
    (  # M004: "Mr. Ban" starts a sentence
        "en.wikinews.org/M004-05.txt",
        [
            "Delegates from about 190 nations, now holding high-level meetings, are split over "
            "whether targets should be set now or later.",
            "Mr. Ban recognizes the divisions.",
        ],
    ),
    (  # seed: "U.S.-backed" mid-sentence, two sentences
        "freebeacon.com/004_c474df6a31b86826.txt",
        [
            "His statements come as the Obama administration is seeking to work closer with Russia "
            "to combat ISIS in Syria.",
            "Russian warplanes have targeted U.S.-backed Syrian opposition forces fighting Syrian "
            "President Bashar al-Assad’s regime.",
        ],
    ),
]


def test_sentences_a_scrape_glued_are_split() -> None:
    """M001-05 lost the breaks between a quotation's paragraphs ("raised.The words",
    "peace of mind.I have been told"); Punkt keeps each pair as one sentence."""
    text = (ARTICLES / "en.wikinews.org/M001-05.txt").read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if "raised.The words" in line)
    got = [s.text for s in split_sentences("a", paragraph)]
    assert any(s.endswith("where I was born and raised.") for s in got)
    assert any(s.startswith("The words he spoke of are words similar") for s in got)
    assert any(s.endswith("by public inquiry for peace of mind.") for s in got)
    assert any(s.startswith("I have been told that I am looking for justice") for s in got)
    assert not any("raised.The" in s or "mind.I" in s for s in got)


def _glued_report(shared_dir: Path, incident: str, glue: str) -> list[str]:
    """The sentences of the gva_dev report of `incident` (read from ../shared, never
    bundled) whose text holds `glue`, two sentences with no space between."""
    with gzip.open(shared_dir / "data/clustering/gva_dev.jsonl.gz", "rt") as lines:
        bodies = [r["text"] for r in map(json.loads, lines) if r["cluster"] == incident]
    glued = [b for b in bodies if glue in b]
    assert glued, "one report glues the two sentences"
    return [s.text for s in split_sentences("a", glued[0])]


def test_an_ordinal_ends_a_glued_sentence(shared_dir: Path) -> None:
    """gva-604744 (read from ../shared): a report glues "... on July 26th." to the
    police's next sentence; a date's ordinal is a lower-case word like any other."""
    got = _glued_report(shared_dir, "gva-604744", "26th.Police")
    assert any(s.endswith("on July 26th.") for s in got)
    assert any(s.startswith("Police say he was") for s in got)


@pytest.mark.parametrize(("path", "expected"), CASES, ids=[c[0] for c in CASES])
def test_real_paragraphs_split_where_a_reader_would(path: str, expected: list[str]) -> None:
    text = (ARTICLES / path).read_text(encoding="utf-8")
    paragraph = next(line for line in text.splitlines() if line.startswith(expected[0][:40]))
    got = [s.text for s in split_sentences("a", paragraph)]
    assert got[: len(expected)] == expected


def test_offsets_ids_and_paragraphs() -> None:
    body = (ARTICLES / "freebeacon.com/004_c474df6a31b86826.txt").read_text(encoding="utf-8")
    sentences = split_sentences("abc", body)
    assert [s.index for s in sentences] == list(range(len(sentences)))
    for s in sentences:
        assert body[s.start : s.end] == s.text and s.id == f"abc:{s.index}"
    assert sentences[-1].paragraph == body.strip().count("\n")  # one paragraph per line here


def test_titles_and_saints_do_not_end_sentences(shared_dir: Path) -> None:
    """gva_dev outlet text: Punkt ended sentences at "said Lt." (143 times), "two St." and
    "Minneapolis-St." before a name; a street's "St." may still end one."""
    import gzip
    import json
    import re

    path = shared_dir / "data/clustering/gva_dev.jsonl.gz"
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        texts = [json.loads(line)["text"] for line in lines if line.strip()]
    glued = re.compile(r"(?:\b(?:Lt|Sgt|Det|Capt)|\b[a-z]+ St|\bA St|-St)\.$")
    ends = [
        s.text
        for text in texts
        if re.search(r"\b(?:Lt|Sgt|Det|Capt|St)\. [A-Z]", text)
        for s in split_sentences("x", text)
    ]
    assert ends and not [e for e in ends if glued.search(e)]
    streets = [e for e in ends if re.search(r"\b\d+\w* [A-Z]\w+ St\.$", e)]
    assert streets  # "… in the vicinity of 175 Willow St." still ends its sentence


def test_a_capitalised_word_ends_a_glued_sentence(shared_dir: Path) -> None:
    """gva-455142 (read from ../shared): a report glues "... in court Monday." to the
    deputies' next sentence; a weekday is a capitalised word that ends a sentence."""
    got = _glued_report(shared_dir, "gva-455142", "Monday.Deputies")
    assert any(s.endswith("in court Monday.") for s in got)
    assert not any("Monday.Deputies" in s for s in got)


def test_a_quoted_or_dashed_title_does_not_end_a_sentence() -> None:
    """Punkt knows "Mr." and "Mrs." but ended sentences at them after an opening quote
    mark or a dash (six articles of multinews_fulltext.test and gva_dev: a tour's name,
    "'Mr. <Name> is guilty'", "–Sen. <Name>"); each cut was a quotation broken in two."""
    texts = [
        "She is touring with her \u201cMrs. Brown\u201d show, which ends in December.",
        "\u201cMr. Jones had not been named a suspect until months later,\u201d he said.",
        "Nobody will hear 'Mr. Smith is guilty' from me, the judge said.",
        "The leading proponent \u2013Sen. Ann Roe of Ohio \u2014 has said she is against it.",
    ]
    for text in texts:
        assert [s.text for s in split_sentences("x", text)] == [text]
    street = "He lives on Oak St. He is 20."
    assert len(split_sentences("x", street)) == 2

"""Issue 20, fifth round: a quotation's pronoun speaker after any verb of saying, named
in the unit or not taken; "The two" and "A second ..." point back; "Also ..." adds to a
sentence before; a month is no surname.

Wikinews articles are bundled (examples/, CC BY 2.5) and quoted; gva_dev is read from
../shared at test time (its text is never bundled; comments paraphrase).
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from conftest import read_articles, row_starting, wikinews_matrix
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize.descriptions import (
    ALONE,
    counts,
    description_heads,
    needs_before,
    stems,
)
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.firstnames import _CAPITAL, _candidate
from newsfuse.summarize.pronouns import first_person, leans_back
from newsfuse.summarize.quotes import PRONOUN_SPEAKER
from newsfuse.summarize.standalone import unit_rows, with_referents

WIKINEWS = Path("articles/en.wikinews.org")


def test_a_quotation_noted_by_he_is_taken_with_its_speaker(examples_dir: Path) -> None:
    """Wikinews M006-03: '"To rescue people that are buried ... ," he noted.' follows
    the sentence naming the WFP's director. Main read only "said/told/added/wrote" as
    a pronoun speaker and took the quotation alone, its "he" unnamed."""
    article, matrix = wikinews_matrix(examples_dir, "M006-03.txt")
    row = row_starting(article, '"To rescue people')
    assert PRONOUN_SPEAKER.search(article.sentences[row].text)
    assert "Charles Vincent" in article.sentences[row - 1].text
    assert unit_rows(matrix, row, "antecedent") == [row - 1, row]
    assert unit_rows(matrix, row, "drop") is None


def test_a_speaker_named_in_the_sentence_itself_needs_nothing_before(
    examples_dir: Path,
) -> None:
    """Wikinews M006-01: 'According to USGS analyst Dale Grant, this tremor was "..."; the
    last strong quake was in 1984, ..., he noted.' names its "he" itself."""
    article, matrix = wikinews_matrix(examples_dir, "M006-01.txt")
    row = row_starting(article, "According to USGS analyst Dale Grant")
    assert PRONOUN_SPEAKER.search(article.sentences[row].text)
    assert not leans_back(article.sentences[row].text)
    assert unit_rows(matrix, row, "antecedent") == [row]


def test_an_unnamed_speaker_is_not_taken(shared_dir: Path) -> None:
    """gva-547639 (read at run time): a local station's report tells that a woman known
    only by her surname talked to it, then quotes her over two sentences closing on
    ", she said". The sentence before the quotation names no one a reader met, and a
    unit holds three sentences at most: main took the three, with a surname nobody
    introduced and an unnamed "she"; the quotation is now left out."""
    (story,) = [
        s
        for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
        if s.id == "gva-547639"
    ]
    checked = 0
    for article in story.articles:
        matrix = story_matrix([article])
        lowered = [dataclasses.replace(s, text=s.text.lower()) for s in article.sentences]
        lower = story_matrix([dataclasses.replace(article, sentences=tuple(lowered))])
        for row, sentence in enumerate(article.sentences):
            if sentence.text.endswith("she said.") and "17-year-old" in sentence.text:
                checked += 1
                assert unit_rows(matrix, row, "antecedent") is None
                # lower-cased text (Multi-News as distributed) has no names to read:
                # the rule stands aside (it cost 0.14 ROUGE-1 on Multi-News val)
                assert unit_rows(lower, row, "antecedent") is not None
    assert checked, "the report quotes her on how a teenager gets a gun"


def test_the_two_points_back_to_the_two_named(examples_dir: Path) -> None:
    """Wikinews M003-07: "The two extend their lead on Cadel Evans ..." after the
    sentence naming the race leader and the rider behind him. Main read "The two
    extend" as a description of "extend" (nothing to look for); it now needs the
    sentence naming the two unless the brief has told two of them."""
    article, matrix = wikinews_matrix(examples_dir, "M003-07.txt")
    row = row_starting(article, "The two extend")
    ((position, heads),) = description_heads(article.sentences[row].text)
    assert position == 0 and "#2" in heads
    row_stems = [stems(s.text) for s in article.sentences]
    assert needs_before(matrix, row_stems, [row], set()) == row - 1
    told = counts(article.sentences[row - 1].text)
    assert told == {"#2"}  # two full names in one sentence
    assert needs_before(matrix, row_stems, [row], told) is None


def test_also_leans_on_the_sentence_before(examples_dir: Path) -> None:
    """Wikinews M004-02: "Also today the Greenpeace ship ... arrived in Bali." adds to
    the sentence before it; taken with it, or not at all."""
    article, matrix = wikinews_matrix(examples_dir, "M004-02.txt")
    row = row_starting(article, "Also today")
    assert leans_back(article.sentences[row].text)
    assert unit_rows(matrix, row, "antecedent") == [row - 1, row]
    assert unit_rows(matrix, row, "drop") is None
    assert not leans_back("Alsop said the talks went on.")  # a name, not the adverb


def test_a_counted_group_with_its_noun_reads_by_the_noun(examples_dir: Path) -> None:
    """Wikinews M001-06: "The four suicide bombers were all UK residents ..." after a
    lede on the suicide bombings: "the four" is resolved by the bombers the reader
    met (a first version wanted a count of four told and cost the Wikinews brief the
    sentence: ROUGE-1 -0.9 over the ten stories)."""
    heads = description_heads("The four suicide bombers were all UK residents.")
    assert heads == [(0, {"#4", "suicid"})]


def test_a_second_one_needs_the_first() -> None:
    """'A second statement' (the integrator's held-out reading read10, paraphrased)
    points back like 'the statement'; 'Another large aftershock of the February 27 ...
    earthquake' (Wikinews M005-05, its lede) is restricted by its own "of"."""
    ((position, heads),) = description_heads("A second statement suggested otherwise.")
    assert position == 0 and "statem" in heads
    lede = "Another large aftershock of the February 27 8.8 earthquake rocked Chile."
    assert description_heads(lede) == []


def test_a_month_is_no_surname(examples_dir: Path) -> None:
    """Wikinews M000-02: "... on Saturday, Jan. 1." Main took "Jan" for a bare surname
    (a film listing's "Opens Dec. 11" in another article of the held-out sample
    read11-d gave a quotation's "Dec. 6" the first name "[Opens Dec]")."""
    (article,) = read_articles(examples_dir / WIKINEWS / "M000-02.txt")
    (text,) = [s.text for s in article.sentences if "Saturday, Jan. 1" in s.text]
    (match,) = [m for m in _CAPITAL.finditer(text) if m.group(1) == "Jan"]
    lower = set(re.findall(r"\b[a-z]+\b", text))
    assert not _candidate(text, match, "", lower)


def test_a_bare_the_two_nobody_introduced_is_not_taken(shared_dir: Path) -> None:
    """multinews_fulltext.test 3370 (read at run time): a broadcaster's page opens on a
    widget's loading line, then "The two were covering ..." about two of its
    journalists it names only after. Main's brief showed it, the two never met; a bare
    count with no sentence before to say who they are is now left out."""
    (story,) = [
        s
        for s in load_stories(shared_dir / "data/summarization/multinews_fulltext.test.jsonl.gz")
        if s.id == "multinews-longbench-test-3370"
    ]
    matrix = story_matrix(list(story.articles))
    row_stems = [stems(s.text) for s in matrix.sentences]
    rows = [r for r, s in enumerate(matrix.sentences) if s.text.startswith("The two were")]
    assert rows, "the page's sentence on the two"
    for row in rows:
        assert ALONE in description_heads(matrix.sentences[row].text)[0][1]
        unit = unit_rows(matrix, row, "antecedent")
        assert unit is not None
        assert with_referents(matrix, unit, set(), row_stems, "antecedent") is None
        assert with_referents(matrix, unit, {"#2"}, row_stems, "antecedent") == unit


def test_she_asked_a_man_for_help_is_no_attribution(shared_dir: Path) -> None:
    """gva-809048 (read at run time): a report tells that a woman, bothered by the
    gunman, asked a bouncer for help (", she asked <Name> ..."): no quotation, so no
    pronoun speaker. Read as one while tuning, it cost the brief that sentence."""
    (story,) = [
        s
        for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz")
        if s.id == "gva-809048"
    ]
    texts = [s.text for a in story.articles for s in a.sentences if ", she asked" in s.text]
    assert texts, "the report's sentence on the bouncer"
    assert not any(PRONOUN_SPEAKER.search(t) for t in texts)


def test_an_answer_in_the_first_person_needs_its_speaker(examples_dir: Path) -> None:
    """Wikinews M003-06 (seen fix, after the held-out reading read11-d, where an
    interview's answer "I think that ..." stood in a brief that never said whose):
    the rider's words as a quotation's last sentence are the quote rules' (a closing
    mark); the same words set without marks, as transcripts print answers, open on
    an "I" nobody named, and lean back like a pronoun speaker."""
    (article,) = read_articles(examples_dir / WIKINEWS / "M003-06.txt")
    (quoted,) = [s.text for s in article.sentences if s.text.startswith("I was a bit")]
    assert quoted.endswith('"') and not first_person(quoted)
    bare = quoted.rstrip('"')
    assert first_person(bare) and leans_back(bare)
    # the seventh round reads an "I" inside a sentence too (an essay's "..., where I
    # started, ..."); a roman numeral after a capital is no speaker
    assert first_person("In the first 15 km I was a bit in trouble.")
    assert not first_person("The First World War I memorial was restored.")
    assert leans_back("Either this was a new planet, or the old one was in trouble.")

"""Issue 20, sixth round: "The search ..." with nothing before it, two units of one
article that run on from each other, surnames of two words and with a nickname.

Wikinews articles are bundled (examples/, CC BY 2.5) and quoted; gva_dev is read from
../shared at test time (its text is never bundled; comments paraphrase).
"""

from __future__ import annotations

from pathlib import Path

from conftest import read_articles, row_starting, wikinews_matrix
from newsfuse.evaluation.read_eval import load_stories
from newsfuse.summarize.assemble import joins
from newsfuse.summarize.descriptions import bridged, stems
from newsfuse.summarize.features import StoryMatrix, story_matrix
from newsfuse.summarize.firstnames import first_name_insertion

WIKINEWS = Path("articles/en.wikinews.org")


def test_the_search_nobody_introduced_is_a_bridge(examples_dir: Path) -> None:
    """Wikinews M008-09: "The search is still underway for the plane's cockpit voice
    and flight data recorders ..." after a brief that told of the crash but of no
    search: the reader meets "the search" unintroduced. Once the brief has told of a
    search it reads; the brief's first sentence is the lede's choice."""
    article, matrix = wikinews_matrix(examples_dir, "M008-09.txt")
    row = row_starting(article, "The search is still underway")
    crash = stems("An Air France plane crashed in the Atlantic Ocean with 228 people on board.")
    assert bridged(matrix, [row], crash)
    assert not bridged(matrix, [row], crash | stems("Ships began a search for the wreckage."))
    assert not bridged(matrix, [row], set())


def test_the_torch_told_before_is_no_bridge(examples_dir: Path) -> None:
    """Wikinews M009-04: "The torch was then spotted again ..." in a brief of the torch
    relay reads; "The route for the torch ..." is restricted by its own words."""
    article, matrix = wikinews_matrix(examples_dir, "M009-04.txt")
    relay = stems("The Olympic torch relay went through San Francisco.")
    assert not bridged(matrix, [row_starting(article, "The torch was then spotted")], relay)
    assert not bridged(matrix, [row_starting(article, "The route for the torch")], relay)


def test_units_running_on_in_one_article_join(examples_dir: Path) -> None:
    """Two units of the same article whose sentences follow each other are one
    passage (shown in article order); a gap or another article keeps them apart."""
    _, matrix = wikinews_matrix(examples_dir, "M006-03.txt")
    assert joins(matrix, [3], [4]) and joins(matrix, [4], [3])
    assert joins(matrix, [3, 4], [4, 5])
    assert not joins(matrix, [3], [5])
    two = story_matrix(
        [
            *read_articles(examples_dir / WIKINEWS / "M006-03.txt"),
            *read_articles(examples_dir / WIKINEWS / "M006-01.txt"),
        ]
    )
    last = int(two.starts[1]) - 1
    assert not joins(two, [last], [last + 1])


def _incident(shared_dir: Path, story: str) -> StoryMatrix:
    found = [
        s for s in load_stories(shared_dir / "data/clustering/gva_dev.jsonl.gz") if s.id == story
    ]
    return story_matrix(list(found[0].articles))


def _surname_insertion(shared_dir: Path, story: str, verb: str) -> tuple[str, int, int, str]:
    """The first-name insertion for the incident's sentence opening on "De " with `verb`."""
    matrix = _incident(shared_dir, story)
    texts = [s.text for s in matrix.sentences]
    row = next(r for r, text in enumerate(texts) if text.startswith("De ") and verb in text)
    named = first_name_insertion(matrix, [row], 0, texts[row])
    assert named is not None
    return named


def test_a_surname_of_two_words_gets_its_first_name(shared_dir: Path) -> None:
    """gva_dev 380538: a police sergeant named in full ("<Title> <First> De <Name>")
    and then "De <Name> said ...": main read "De" and "<Name>" as two capitals and
    inserted nothing; the particle belongs to the surname."""
    named = _surname_insertion(shared_dir, "gva-380538", " said ")
    text, at, end, surname = named
    assert surname.startswith("De ") and text[at:end].endswith(f" {surname}]")


def test_a_nickname_between_first_and_surname_is_left_out(shared_dir: Path) -> None:
    """gva_dev 616102: an officer named '<First> "<Nick>" De <Name>' once, then "De
    <Name> died ...": the first name is the one before the nickname."""
    named = _surname_insertion(shared_dir, "gva-616102", " died ")
    text, at, end, _ = named
    assert '"' not in text[at:end] and text[at:end].count(" ") == 2


def test_the_lede_unit_is_joined_only_by_what_follows_it(examples_dir: Path) -> None:
    """A sentence right before the lede in its article would have opened the brief
    once joined to the lede's unit; it stays a unit of its own."""
    _, matrix = wikinews_matrix(examples_dir, "M006-03.txt")
    assert joins(matrix, [3], [4], lede=True)
    assert not joins(matrix, [4], [3], lede=True)


def test_a_heading_is_no_antecedent(examples_dir: Path) -> None:
    """A one-word label over a paragraph or an embed ("Instagram" over a post; a
    species' name over its paragraph) was brought into two of the integrator's read12
    briefs as the "context" of the sentence after it (seen there). `quality` never takes
    it alone; `unfit` now refuses a unit holding it. A short line that ends like a
    sentence is no heading."""
    from newsfuse.summarize.select import heading

    assert heading("Instagram") and heading("Brachiosaurus") and heading("Related Coverage")
    (article,) = read_articles(examples_dir / WIKINEWS / "M008-09.txt")
    assert not any(heading(s.text) for s in article.sentences if len(s.text.split()) >= 6)
    assert not heading("He died.") and not heading('"It is over," she said.')

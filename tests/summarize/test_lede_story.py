"""The lede tells what the other outlets lead with (issue 20, eighth round): among the
outlets' first sentences, the one retelling the others' gains. Wikinews (examples/, CC BY
2.5): the first reports of two stories, their titles left off as Multi-News leaves them."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from conftest import read_articles
from newsfuse.articles import make_article
from newsfuse.summarize.features import story_matrix
from newsfuse.summarize.lede_story import lede_echo, outlet_ledes
from newsfuse.types import Article

WIKINEWS = Path(__file__).resolve().parents[2] / "examples" / "articles" / "en.wikinews.org"


def untitled(name: str) -> Article:
    """A Wikinews report without its title, as a Multi-News cluster's source."""
    (article,) = read_articles(WIKINEWS / name)
    return make_article(body=article.body, source=name, outlet=name)


def test_the_second_event_lede_gains_least() -> None:
    """Three reports of the tsunami and one of the London bombings in one cluster: only
    an outlet's first sentence gains, and the bombing's gains least."""
    names = ["M000-01.txt", "M000-02.txt", "M000-03.txt", "M001-01.txt"]
    matrix = story_matrix([untitled(n) for n in names])
    usable = np.ones(matrix.size, dtype=bool)
    ledes = outlet_ledes(matrix, usable)
    echo = lede_echo(matrix, usable)
    assert not np.delete(echo, list(ledes.values())).any()
    assert all(echo[ledes[3]] < echo[ledes[k]] for k in range(3))


def test_no_echo_with_titles_or_two_outlets() -> None:
    """Titles say what the outlets agree on (`title_echo`); two outlets cannot outvote
    each other."""
    body = untitled("M000-01.txt").body
    title = "Tsunami aid donations in 2005 deductible for 2004 in the U.S."
    titled = make_article(body=body, source="M000-01.txt", title=title)
    three = story_matrix([titled, untitled("M000-02.txt"), untitled("M000-03.txt")])
    assert not lede_echo(three, np.ones(three.size, dtype=bool)).any()
    two = story_matrix([untitled("M000-02.txt"), untitled("M000-03.txt")])
    assert not lede_echo(two, np.ones(two.size, dtype=bool)).any()

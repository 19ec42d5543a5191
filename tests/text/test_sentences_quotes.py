"""A quotation mark Punkt leaves at the end of the sentence before the quotation it
opens (text set with spaced marks, as Multi-News is distributed). Invented text."""

from __future__ import annotations

from newsfuse.text.sentences import split_sentences


def texts(body: str) -> list[str]:
    return [s.text for s in split_sentences("x", body)]


def test_an_opening_mark_goes_with_the_quotation_it_opens() -> None:
    body = 'the mayor defended it. " we will not wait, " she said. " it is time. " then she went.'
    assert texts(body) == [
        "the mayor defended it.",
        '" we will not wait, " she said.',
        '" it is time. "',
        "then she went.",
    ]


def test_a_closing_mark_stays_with_its_quotation() -> None:
    body = 'the mayor said, " we will not wait. " Then she left.'
    assert texts(body) == ['the mayor said, " we will not wait. "', "Then she left."]


def test_a_curly_opening_mark_moves_too() -> None:
    body = "The mayor defended the plan. “ We will not wait,” she said."
    assert texts(body) == ["The mayor defended the plan.", "“ We will not wait,” she said."]


def test_a_stray_mark_that_nothing_closes_is_left() -> None:
    """A source's doubled mark makes the count odd: the mark is left where it is."""
    body = 'she said, ""no one will see it. They know it. " the line drew cheers. It did.'
    assert texts(body)[2] == "the line drew cheers."


def test_offsets_still_point_at_the_text() -> None:
    body = 'the mayor defended the plan. " we will not wait, " she said.'
    for sentence in split_sentences("x", body):
        assert body[sentence.start : sentence.end] == sentence.text


def test_a_quotation_the_cut_left_open_still_takes_its_opening_mark() -> None:
    """Cut mid-sentence, inside a quotation it had opened (Multi-News cut its inputs to
    about 500 words): the odd count is the cut's, and the mark opens that quotation."""
    body = (
        'the plan was passed. " we will not wait, " the mayor said. " it is time to build the new'
    )
    assert texts(body) == [
        "the plan was passed.",
        '" we will not wait, " the mayor said.',
        '" it is time to build the new',
    ]


def test_a_stray_mark_in_a_paragraph_that_ends_whole_is_left() -> None:
    """The same odd count in a paragraph that ends on a full stop: no cut explains it."""
    body = 'the plan was passed. " we will not wait, " the mayor said. " it is time. she left.'
    assert texts(body)[1].endswith('said. "')

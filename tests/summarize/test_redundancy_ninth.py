"""Issue 20, ninth round: another outlet's lede told again (`tells_lede_again`).

The sentences below are invented to show the rule; the label-file test reads the
earlier hand labels (tests/data/read_labels*.jsonl) from ../shared at run time.
"""

from __future__ import annotations

from pathlib import Path

from newsfuse.evaluation.excerpts import Excerpts, load_annotations
from newsfuse.summarize.redundancy import tells_lede_again

DATA = Path(__file__).parents[1] / "data"
LEDE = (
    "SPRINGDALE, Ore. (AP) — County police are looking for a man suspected of posing "
    "as a courier and taking more than $30,000 worth of laptops from a warehouse."
)


def test_an_outlets_own_lede_for_the_same_news_is_told_again() -> None:
    """The same sum, the same man and laptops; the state named at its own grain and a
    weekday do not make it news."""
    again = (
        "Detectives in Oregon on Tuesday were looking for a man who posed as a courier "
        "and took more than $30,000 worth of laptops."
    )
    assert tells_lede_again(again, LEDE)


def test_a_new_count_a_quotation_or_no_count_is_kept() -> None:
    """A second sum is a new fact; a witness's words are a voice; a sentence with no
    count is beyond what the rule can tell from a new fact."""
    assert not tells_lede_again(
        "The man took more than $30,000 worth of laptops and 12 phones from the warehouse.",
        LEDE,
    )
    assert not tells_lede_again('"He took $30,000 worth of laptops," a clerk said.', LEDE)
    assert not tells_lede_again("Police are looking for a man who posed as a courier.", LEDE)


def test_dates_and_times_are_not_counts() -> None:
    """Dates ("Jan. 14") and times ("4 a.m.") say when, not how many: the count of
    the lede is all it states."""
    lede = "Two men were hurt in a fire at a bakery on Main Street on Jan. 14."
    assert tells_lede_again("At 4 a.m. on January 14, two men were hurt in a bakery fire.", lede)


def test_openings_it_flags_are_redundant_by_hand(excerpts: Excerpts) -> None:
    """Over every earlier hand-labelled brief, each opening sentence of an article (no
    sentence before it in its source) that the rule flags against the brief sentences
    above it was labelled redundant (4 of 4 when written)."""
    hits = agreed = 0
    for path in sorted(DATA.glob("read_labels*.jsonl")):
        for brief in load_annotations(path, excerpts):
            redundant = set(brief.get("labels", {}).get("redundant", []))
            shown = brief["sentences"]
            for k in range(1, len(shown)):
                opening = not shown[k].get("before")
                told = " ".join(s["text"] for s in shown[:k])
                if opening and tells_lede_again(shown[k]["text"], told):
                    hits += 1
                    agreed += k in redundant
    assert hits >= 3 and agreed == hits, (agreed, hits)


def test_a_flight_number_is_no_count_told_again() -> None:
    """A Wikinews storyline (CC BY 2.5) names its flight in every report: a later
    opening with news of its own (the tail recovered) is no retelling of the lede."""
    lede = (
        "Air France Flight 447 carrying 228 people from Rio de Janeiro, Brazil to "
        "Paris-Charles de Gaulle Airport is reported missing off the Brazilian coast."
    )
    later = (
        "A search team from Brazil has recovered a part of the tail section of Air "
        "France Flight 447, which crashed in the Atlantic on June 1."
    )
    assert not tells_lede_again(later, lede)

"""The sentence-scorer seam: what a scorer is, and how one is found by name.

A scorer decides which sentences a brief is built from. It is given the story's
sentence matrix, the options, the per-sentence signals every scorer shares
(`newsfuse.summarize.select.Components`) and the rows the brief must open with (the
lede), and returns the rows it would choose, best first, within `options.words`.
The brief's assembly (newsfuse.summarize.assemble) turns them into reading units.

Scorers are registered by name in the entry-point group ``newsfuse.scorers`` (the
built-ins too, in pyproject.toml and the table below). A registered name is a
factory: called with the application's `newsfuse.models.Models`, it returns a
`Scorer`, so a scorer with model files loads them through the one loader. The
scorer is resolved once per config (`Models.scorer`), not per brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.registry import registry

if TYPE_CHECKING:
    from newsfuse.config import BriefOptions
    from newsfuse.models import Models
    from newsfuse.summarize.features import StoryMatrix
    from newsfuse.summarize.select import Components


@runtime_checkable
class Scorer(Protocol):
    """Chooses a story's brief sentences."""

    def choose(
        self,
        matrix: StoryMatrix,
        options: BriefOptions,
        parts: Components,
        lead: Sequence[int] | None,
    ) -> list[int]:
        """Rows of `matrix`, best first, within `options.words` words (only the
        first may exceed it alone). `lead`: rows to take first, as given; None lets
        the scorer pick its own opening. `parts` are `select.components(matrix,
        options)`, computed once for every stage of the brief."""
        ...


SCORERS = registry(
    "scorer",
    "newsfuse.scorers",
    {
        "coverage": "newsfuse.summarize.scorers:CoverageScorer",
        "learned": "newsfuse.summarize.scorers:LearnedScorer",
        "lexical": "newsfuse.summarize.scorers:LexicalScorer",
        "unsupervised": "newsfuse.summarize.scorers:UnsupervisedScorer",
    },
)


def load_scorer(name: str, models: Models) -> Scorer:
    """The scorer registered as `name`, made with `models` (E701 unknown name,
    E702 a registration that does not make a scorer)."""
    factory = SCORERS.load(name)
    made = factory(models) if callable(factory) else None
    if not isinstance(made, Scorer):
        raise NewsfuseError(
            ErrorCode.BROKEN_COMPONENT,
            f"scorer {name!r} ({SCORERS.target(name)}) did not make a scorer (no choose method)",
        )
    return made

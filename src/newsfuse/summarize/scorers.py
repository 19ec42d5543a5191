"""The built-in sentence scorers, registered by name (newsfuse.summarize.scoring).

"unsupervised", "lexical" and "learned" score each sentence and select by MMR
(`newsfuse.summarize.select.select`); "coverage" selects the set of sentences with
the most expected summary n-grams (newsfuse.summarize.coverage). `BriefOptions.scorer`
documents when each is best.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.config import BriefOptions
from newsfuse.models import Models
from newsfuse.summarize.coverage import coverage_select
from newsfuse.summarize.features import FloatArray, StoryMatrix
from newsfuse.summarize.learned import learned_scores
from newsfuse.summarize.lexical import lexical_salience
from newsfuse.summarize.select import Components, select, unsupervised_scores


class UnsupervisedScorer:
    """The hand-weighted salience (select.py's docstring), selected by MMR."""

    def __init__(self, models: Models) -> None:
        self.models = models

    def scores(self, matrix: StoryMatrix, options: BriefOptions, parts: Components) -> FloatArray:
        """Each sentence's salience (0 for junk)."""
        return unsupervised_scores(parts, options)

    def choose(
        self,
        matrix: StoryMatrix,
        options: BriefOptions,
        parts: Components,
        lead: Sequence[int] | None,
    ) -> list[int]:
        """MMR over `scores`; the lead is left to the caller to put first."""
        if matrix.size == 0:
            return []
        return select(matrix, self.scores(matrix, options, parts), options)


class LexicalScorer(UnsupervisedScorer):
    """A linear model of the words editors keep (newsfuse.summarize.lexical)."""

    def scores(self, matrix: StoryMatrix, options: BriefOptions, parts: Components) -> FloatArray:
        hand = unsupervised_scores(parts, options)
        return lexical_salience(matrix, parts.quality, hand, options, self.models.lexical())


class LearnedScorer(UnsupervisedScorer):
    """Boosted trees over the shared signals (newsfuse.summarize.learned)."""

    def scores(self, matrix: StoryMatrix, options: BriefOptions, parts: Components) -> FloatArray:
        hand = unsupervised_scores(parts, options)
        return learned_scores(matrix, parts, hand, options, self.models.learned())


class CoverageScorer:
    """Budgeted coverage of expected summary n-grams (newsfuse.summarize.coverage)."""

    def __init__(self, models: Models) -> None:
        self.models = models

    def choose(
        self,
        matrix: StoryMatrix,
        options: BriefOptions,
        parts: Components,
        lead: Sequence[int] | None,
    ) -> list[int]:
        """Coverage selection, `lead` first (else the hand-weighted best, per
        `options.coverage_lead`)."""
        return coverage_select(matrix, options, lead, parts, self.models)

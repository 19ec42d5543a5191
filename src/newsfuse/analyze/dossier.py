"""The story dossier: parse a story once, run every analysis on that parse.

The spaCy pipeline is the expensive part (load ~0.3-0.9 s, parse ~0.1 s per
article), so an `Analyzer` loads it on first use and is passed down by the
caller (one per process or command), never kept in a module global.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsfuse.analyze.claims import extract_claims
from newsfuse.analyze.compare import compare_outlets
from newsfuse.analyze.entities import extract_entities
from newsfuse.analyze.nlp import NLP
from newsfuse.analyze.numbers import extract_quantities
from newsfuse.analyze.ownstory import drop_other, other_incident
from newsfuse.analyze.quotes import extract_quotes
from newsfuse.analyze.story_events import story_timeline
from newsfuse.analyze.timeline import build_timeline
from newsfuse.config import AnalyzeOptions, BriefOptions
from newsfuse.types import Article, Dossier


class Analyzer:
    """Entities, quotes, claims, numbers, timeline and comparison of one story."""

    def __init__(
        self, options: AnalyzeOptions | None = None, brief: BriefOptions | None = None
    ) -> None:
        self.options = options or AnalyzeOptions()
        # The config's support threshold decides what another outlet also reports.
        self.support = (brief or BriefOptions()).support
        self._nlp: NLP | None = None

    @property
    def nlp(self) -> NLP:
        """The verified spaCy pipeline, loaded on first use."""
        if self._nlp is None:
            self._nlp = NLP(self.options)
        return self._nlp

    def analyze(self, story_id: str, articles: Sequence[Article]) -> Dossier:
        parsed = self.nlp.parse(articles)
        ordered = [p.article for p in parsed]
        docs = [p.doc for p in parsed]
        entities = extract_entities(parsed)
        claims = extract_claims(parsed, entities)
        quantities = extract_quantities(ordered, docs)
        other = other_incident(ordered)  # sentences of other incidents (a round-up's)
        return Dossier(
            story_id=story_id,
            entities=entities,
            quotes=extract_quotes(parsed, entities),
            claims=claims,
            quantities=quantities,
            timeline=story_timeline(build_timeline(ordered, docs), ordered, entities, other),
            # an item with a side from another incident (a round-up's shooting) is none
            comparisons=tuple(
                drop_other(
                    compare_outlets(
                        ordered, docs, claims, quantities=quantities, support=self.support
                    ),
                    ordered,
                    other,
                )
            ),
        )

"""Options the user sets reach the code that reads them (nothing frozen at import)."""

from __future__ import annotations

import pickle
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from conftest import read_articles
from newsfuse.analyze.compare import compare_outlets
from newsfuse.config import BriefOptions, Config
from newsfuse.models import Models

EXAMPLES = Path(__file__).resolve().parents[2] / "examples" / "articles"


def test_comparison_uses_the_configured_support(nlp: Any) -> None:
    """What counts as reported by one outlet alone follows BriefOptions.support: a
    near-identical threshold finds more lone facts than a loose one (compare.py used
    to freeze the default at import)."""
    articles = read_articles(EXAMPLES / "freebeacon.com")[:4]
    docs = [nlp(a.body) for a in articles]

    def lone(support: float) -> int:
        found = compare_outlets(articles, docs, support=support)
        return sum(c.kind == "single_source" for c in found)

    assert lone(0.05) < lone(0.95)


def test_the_models_belong_to_a_config() -> None:
    """Each config has its own loader; a changed option keeps it; copies and pickles
    (worker processes) never carry loaded models; it is not an option."""
    first, second = Config(), Config()
    assert first.brief.models is not second.brief.models
    assert first.brief == second.brief  # not compared, not an option
    changed = first.with_words(50)
    assert changed.brief.models is first.brief.models
    assert replace(first.brief, scorer="lexical").models is first.brief.models
    first.brief.models.recurring()
    assert asdict(first.brief)["models"] is first.brief.models
    fresh = pickle.loads(pickle.dumps(first.brief.models))
    assert isinstance(fresh, Models) and fresh is not first.brief.models
    scorer = first.brief.models.scorer("coverage")
    assert first.brief.models.scorer("coverage") is scorer  # resolved once per config
    assert BriefOptions().models.scorer("coverage") is not scorer

"""Options the user sets reach the code that reads them (nothing frozen at import)."""

from __future__ import annotations

import ast
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


def test_language_model_and_word_frequencies_belong_to_a_config() -> None:
    """The language identifier and the topic signatures' word frequencies are loaded
    by a config's Models like the shipped models (they were process-wide caches):
    once per config, never shared between two."""
    first, second = Config().brief.models, Config().brief.models
    identifier = first.language_identifier()
    assert first.language_identifier() is identifier
    assert second.language_identifier() is not identifier
    zipf = first.zipf()
    assert first.zipf() is zipf and second.zipf() is not zipf
    assert zipf("the") > zipf("bombers") > zipf("tu-22m3") == 0.0


def test_no_module_level_cache_of_a_model() -> None:
    """No function of the package memoises at module level (functools.cache or
    lru_cache): what a process loads is held by a config's Models (newsfuse.models)."""
    src = Path(__file__).resolve().parents[2] / "src" / "newsfuse"
    found = []
    for path in sorted(src.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                names = {ast.unparse(d).split("(")[0] for d in node.decorator_list}
                if names & {"cache", "lru_cache", "functools.cache", "functools.lru_cache"}:
                    found.append(f"{path.relative_to(src)}:{node.lineno} {node.name}")
    assert found == []

"""newsfuse: the news about an event, from many outlets, as one cited brief.

The Python API is the application layer (newsfuse.app), which the CLI, the HTTP
server and `watch` use too::

    import newsfuse
    with newsfuse.open("news.db") as nf:
        report = nf.ingest(["examples/articles"])
        for story in nf.stories():
            print(newsfuse.render_markdown(nf.brief(story.id)))

    briefs = newsfuse.brief_files(["a.txt", "b.html"], words=120)  # no database

Names are loaded on first use (PEP 562 module `__getattr__`): the application
layer pulls in numpy, scikit-learn, spaCy and trafilatura, about 2 s of imports,
which `newsfuse --help` and the light commands never need (docs/benchmarks.md,
"Fast start").
"""

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.analyze.dossier import Analyzer
    from newsfuse.analyze.render import dossier_to_dict
    from newsfuse.app import Newsfuse, analyze_files, brief_files, brief_inputs, open
    from newsfuse.config import Config
    from newsfuse.errors import ErrorCode, NewsfuseError
    from newsfuse.storylines import StorylineBrief
    from newsfuse.summarize.render import brief_to_dict, render_markdown
    from newsfuse.types import (
        Article,
        Brief,
        Citation,
        Dossier,
        Failure,
        IngestReport,
        SearchHit,
        Sentence,
        Story,
        StoryEvent,
        StoryHit,
    )

__version__ = "0.1.0"

_TYPES = [
    "Article",
    "Brief",
    "Citation",
    "Dossier",
    "Failure",
    "IngestReport",
    "SearchHit",
    "Sentence",
    "Story",
    "StoryEvent",
    "StoryHit",
]
_WHERE: dict[str, str] = {
    "Analyzer": "newsfuse.analyze.dossier",
    "dossier_to_dict": "newsfuse.analyze.render",
    "Newsfuse": "newsfuse.app",
    "analyze_files": "newsfuse.app",
    "brief_files": "newsfuse.app",
    "brief_inputs": "newsfuse.app",
    "open": "newsfuse.app",
    "Config": "newsfuse.config",
    "ErrorCode": "newsfuse.errors",
    "NewsfuseError": "newsfuse.errors",
    "StorylineBrief": "newsfuse.storylines",
    "brief_to_dict": "newsfuse.summarize.render",
    "render_markdown": "newsfuse.summarize.render",
    **dict.fromkeys(_TYPES, "newsfuse.types"),
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (then kept here)."""
    where = _WHERE.get(name)
    if where is None:  # a submodule, as when this package imported them all
        if name.startswith("_") or importlib.util.find_spec(f"newsfuse.{name}") is None:
            raise AttributeError(f"module 'newsfuse' has no attribute {name!r}")
        return importlib.import_module(f"newsfuse.{name}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


__all__ = [
    "Analyzer",
    "Article",
    "Brief",
    "Citation",
    "Config",
    "Dossier",
    "ErrorCode",
    "Failure",
    "IngestReport",
    "Newsfuse",
    "NewsfuseError",
    "SearchHit",
    "Sentence",
    "Story",
    "StoryEvent",
    "StoryHit",
    "StorylineBrief",
    "analyze_files",
    "brief_files",
    "brief_inputs",
    "brief_to_dict",
    "dossier_to_dict",
    "open",
    "render_markdown",
]

"""Extractive, cited brief of one story: select, cite, order, render.

The names below are loaded on first use (PEP 562 module `__getattr__`): building a
brief needs scikit-learn and numpy, rendering one (`render`) does not, and the
command line renders without building (docs/benchmarks.md, "Fast start").
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from newsfuse.summarize.brief import build_brief
    from newsfuse.summarize.headline import headline
    from newsfuse.summarize.render import brief_to_dict, render_markdown

_WHERE = {
    "build_brief": "newsfuse.summarize.brief",
    "headline": "newsfuse.summarize.headline",
    "brief_to_dict": "newsfuse.summarize.render",
    "render_markdown": "newsfuse.summarize.render",
}


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (then kept here)."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'newsfuse.summarize' has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


__all__ = ["brief_to_dict", "build_brief", "headline", "render_markdown"]

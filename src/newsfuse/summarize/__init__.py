"""Extractive, cited brief of one story: select, cite, order, render.

The names below are loaded on first use (PEP 562 module `__getattr__`): building a
brief needs scikit-learn and numpy, rendering one (`render`) does not, and the
command line renders without building (docs/benchmarks.md, "Fast start").
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType
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


class _Package(ModuleType):
    """This package, whose `headline` stays the function: the import system binds a
    submodule loaded later (summarize/headline.py) to its name here, and without an
    eager import it would hide the function of the same name."""

    def __setattr__(self, name: str, value: Any) -> None:
        if name in _WHERE and isinstance(value, ModuleType):
            return  # the module stays reachable in sys.modules
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package


def __getattr__(name: str) -> Any:
    """A public name, imported from its module on first use (then kept here)."""
    where = _WHERE.get(name)
    if where is None:
        raise AttributeError(f"module 'newsfuse.summarize' has no attribute {name!r}")
    value = getattr(importlib.import_module(where), name)
    globals()[name] = value
    return value


__all__ = ["brief_to_dict", "build_brief", "headline", "render_markdown"]

"""A module loaded on first attribute access (importlib.util.LazyLoader).

For the application layer and the libraries behind it (numpy, scikit-learn, spaCy,
trafilatura: about 2 s of imports), which `newsfuse --help` and the light
commands never touch: the importing module names it at module level, as usual,
and pays for it only when it is used. Not a way around an import cycle: the module
is imported whole at its first use, exactly as a plain import would have.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType


def lazy_module(name: str) -> ModuleType:
    """Module `name`, executed at its first attribute access (at once if already loaded)."""
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"no module named {name!r}", name=name)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:  # as an import binds it: `newsfuse.storylines` works
        setattr(sys.modules[parent], child, module)
    return module

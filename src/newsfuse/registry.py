"""Components chosen by name: scorers, input formats, clusterers and stores.

A component is found the way spaCy and datasette find theirs: by a name in an
entry-point group (``newsfuse.scorers``, ``newsfuse.formats``, ``newsfuse.clusterers``,
``newsfuse.stores``). newsfuse's own built-ins are declared in pyproject.toml exactly as
another package declares its own, so adding one from outside is one module and one
``[project.entry-points."newsfuse.scorers"]`` line. Each registry also carries its
built-ins as ``module:attribute`` strings so that a source checkout whose package
metadata is stale still finds them (tests check both lists agree).

Nothing here is mutable: a registry is a frozen description; :meth:`Registry.load`
imports on demand, so naming a component never imports the heavy ones it does not use.
Resolve a component once, where the config is turned into a running application,
not per article (scanning entry points costs about a millisecond).
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import TYPE_CHECKING

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.lazy import lazy_module

if TYPE_CHECKING:
    from importlib import metadata
    from importlib.metadata import EntryPoint
else:  # importing it costs more than `newsfuse --help` itself: loaded at the first scan
    metadata = lazy_module("importlib.metadata")


def _frozen(table: Mapping[str, str]) -> Mapping[str, str]:
    return MappingProxyType(dict(table))


@dataclass(frozen=True)
class Registry:
    """Named components of one kind: built-ins plus every installed entry point."""

    kind: str  # "scorer", "format", ... (in messages)
    group: str  # the entry-point group
    builtins: Mapping[str, str] = field(default_factory=dict)  # name -> "module:attr"

    def _entry_points(self) -> dict[str, EntryPoint]:
        return {ep.name: ep for ep in metadata.entry_points(group=self.group)}

    def names(self) -> list[str]:
        """Every name this registry can load, sorted (for --help, docs and errors)."""
        return sorted(set(self.builtins) | set(self._entry_points()))

    def target(self, name: str) -> str:
        """The ``module:attribute`` a name resolves to (an installed entry point wins
        over the built-in table, so a package can replace a built-in)."""
        found = self._entry_points().get(name)
        if found is not None:
            return str(found.value)
        if name in self.builtins:
            return self.builtins[name]
        known = ", ".join(self.names()) or "none"
        raise NewsfuseError(
            ErrorCode.UNKNOWN_COMPONENT, f"no {self.kind} named {name!r} (known: {known})"
        )

    def load(self, name: str) -> object:
        """The object registered as `name`, imported now (E701 unknown, E702 broken)."""
        target = self.target(name)
        module, _, attribute = target.partition(":")
        try:
            value: object = importlib.import_module(module)
            for part in filter(None, attribute.split(".")):
                value = getattr(value, part)
        except (ImportError, AttributeError) as error:
            raise NewsfuseError(
                ErrorCode.BROKEN_COMPONENT,
                f"{self.kind} {name!r} ({target}) could not be loaded: {error}",
            ) from error
        return value


def registry(kind: str, group: str, builtins: Mapping[str, str]) -> Registry:
    """A registry whose built-in table cannot be changed after it is made."""
    return Registry(kind, group, _frozen(builtins))

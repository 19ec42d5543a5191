"""The clusterer seam: what a clusterer is, and how one is found by name.

A clusterer groups articles, as they arrive, into events and the storylines that
hold them. It is registered by name in the entry-point group ``newsfuse.clusterers``
(the built-in "stream", newsfuse.cluster.stream.StreamClusterer, in pyproject.toml
and the table below) and chosen by `ClusterOptions.clusterer`. A registered name is
a class (or factory): called with the ClusterOptions it returns an empty clusterer,
and its `batch` builds one from a whole archive at once (recluster).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from newsfuse.errors import ErrorCode, NewsfuseError
from newsfuse.registry import registry

if TYPE_CHECKING:
    from newsfuse.config import ClusterOptions
    from newsfuse.types import Article

CLUSTERERS = registry(
    "clusterer", "newsfuse.clusterers", {"stream": "newsfuse.cluster.stream:StreamClusterer"}
)


@runtime_checkable
class Clusterer(Protocol):
    """Assigns arriving articles (numbered in arrival order) to events and storylines."""

    @property
    def count(self) -> int:
        """Articles added so far."""
        ...

    def add(self, articles: Sequence[Article]) -> object:
        """Assign the next articles; what changed (newsfuse.cluster.stream.Assignment)."""
        ...

    def groups(self, level: str) -> list[list[int]]:
        """Article numbers grouped at `level` ("event" or "storyline")."""
        ...


@runtime_checkable
class ClustererFactory(Protocol):
    """What a clusterer registration names: made empty from options, or in batch."""

    def __call__(self, options: ClusterOptions) -> Clusterer: ...

    def batch(self, articles: Sequence[Article], options: ClusterOptions) -> Clusterer: ...


def clusterer_factory(options: ClusterOptions) -> ClustererFactory:
    """The clusterer `options.clusterer` names (E701 unknown, E702 not a clusterer)."""
    found = CLUSTERERS.load(options.clusterer)
    if not (callable(found) and callable(getattr(found, "batch", None))):
        raise NewsfuseError(
            ErrorCode.BROKEN_COMPONENT,
            f"clusterer {options.clusterer!r} ({CLUSTERERS.target(options.clusterer)}) "
            "has no batch constructor",
        )
    factory: ClustererFactory = found  # type: ignore[assignment]
    return factory

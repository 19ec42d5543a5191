"""The Ray Data de-duplication stage in local mode gives the single-process links.

Skips when the optional `ray` extra is not installed (CI installs it)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from newsfuse.config import DedupeOptions
from newsfuse.dedupe.sharded import links_in_process

ray = pytest.importorskip("ray", reason="the optional extra: pip install -e '.[ray]'")
batch_dedupe = pytest.importorskip("newsfuse.batch.dedupe")


@pytest.fixture(scope="module")
def local_ray() -> Iterator[None]:
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield
    ray.shutdown()


def test_ray_links_equal_single_process(local_ray: None, gva_bodies: list[str]) -> None:
    bodies = gva_bodies[:600]
    options = DedupeOptions()
    expected = links_in_process(bodies, options)
    assert len(expected) >= 3
    rows = ray.data.from_items(
        [{"position": i, "body": b} for i, b in enumerate(bodies)], override_num_blocks=4
    )
    assert batch_dedupe.links(rows, options, partitions=2) == expected

"""Saving and restoring a StreamClusterer, so `ingest` continues where it stopped.

The state is numpy arrays in one `.npz` byte string (no pickle: loading it must
not execute code), stored by the storage backend next to the articles. Its size
follows the active window, not the archive: index chunks, densities and story
links of the last `window` articles, the vocabulary and the boilerplate
sentence counts. A state saved under different clustering options is not
reused (the caller re-clusters instead), since its vectors and weights would
mean something else.
"""

from __future__ import annotations

import io
import json
from dataclasses import asdict
from typing import Any

import numpy as np
from scipy import sparse

from newsfuse.cluster.index import _Chunk
from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions

FORMAT = 2


def _options_key(options: ClusterOptions) -> str:
    return json.dumps(asdict(options), sort_keys=True)


def _csr_arrays(prefix: str, m: sparse.csr_matrix) -> dict[str, np.ndarray]:
    return {
        f"{prefix}.data": m.data,
        f"{prefix}.indices": m.indices,
        f"{prefix}.indptr": m.indptr,
        f"{prefix}.shape": np.array(m.shape),
    }


def _csr(arrays: Any, prefix: str) -> sparse.csr_matrix:
    shape = tuple(int(v) for v in arrays[f"{prefix}.shape"])
    return sparse.csr_matrix(
        (arrays[f"{prefix}.data"], arrays[f"{prefix}.indices"], arrays[f"{prefix}.indptr"]),
        shape=shape,
    )


def _graph_arrays(c: StreamClusterer) -> dict[str, np.ndarray]:
    g = c.graph
    keys = np.array(list(g.members), dtype=np.int64)
    sizes = np.array([len(g.members[k]) for k in keys], dtype=np.int64)
    flat = [a for k in keys.tolist() for a in g.members[k]]
    links = [(a, b, w) for a, row in g.links.items() for b, w in row.items() if a < b]
    return {
        "story.keys": keys,
        "story.sizes": sizes,
        "story.members": np.array(flat, dtype=np.int64),
        "story.within": np.array([g.within[k] for k in keys.tolist()]),
        "story.newest": np.array([c.newest.get(k, -1) for k in keys.tolist()], dtype=np.int64),
        "links.a": np.array([x[0] for x in links], dtype=np.int64),
        "links.b": np.array([x[1] for x in links], dtype=np.int64),
        "links.w": np.array([x[2] for x in links], dtype=np.float64),
    }


def dump_state(c: StreamClusterer, names: dict[int, str]) -> bytes:
    """The clusterer (and the external story id of each active story key) as bytes."""
    v = c.vectorizer
    meta = {
        "format": FORMAT,
        "options": _options_key(c.options),
        "count": c.index.count,
        "base": c.densities.base,
        "chunks": [ch.first for ch in c.index.chunks],
        "vocabulary": list(v.vocabulary),
        "names": {str(k): n for k, n in names.items() if k in c.graph.members},
        "ids": c.ids,
    }
    arrays: dict[str, np.ndarray] = {
        "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
        "idf": v._idf,
        "sentences.keys": np.frombuffer(b"".join(v._sentence_docs), dtype=np.uint64),
        "sentences.counts": np.array(list(v._sentence_docs.values()), dtype=np.int64),
        "top_df": c.index.top_df,
        "densities": c.densities.values,
        "days": c.days,
        "edges.rows": np.concatenate([e[0] for e in c.edges] or [np.empty(0, np.int64)]),
        "edges.cols": np.concatenate([e[1] for e in c.edges] or [np.empty(0, np.int64)]),
        "edges.weights": np.concatenate([e[2] for e in c.edges] or [np.empty(0)]),
    }
    for i, ch in enumerate(c.index.chunks):
        arrays |= _csr_arrays(f"chunk{i}.full", ch.full) | _csr_arrays(
            f"chunk{i}.pruned", ch.pruned
        )
    arrays |= _graph_arrays(c)
    out = io.BytesIO()
    np.savez(out, **arrays)  # type: ignore[arg-type]
    return out.getvalue()


def _restore_graph(c: StreamClusterer, z: Any) -> None:
    g = c.graph
    offset = 0
    for key, size, within, newest in zip(
        z["story.keys"].tolist(),
        z["story.sizes"].tolist(),
        z["story.within"].tolist(),
        z["story.newest"].tolist(),
        strict=True,
    ):
        g.set_story(key, z["story.members"][offset : offset + size].tolist(), within)
        offset += size
        if newest >= 0:
            c.newest[key] = newest
    for a, b, w in zip(
        z["links.a"].tolist(), z["links.b"].tolist(), z["links.w"].tolist(), strict=True
    ):
        g.links[a][b] = w
        g.links[b][a] = w


def load_state(
    data: bytes, options: ClusterOptions
) -> tuple[StreamClusterer, dict[int, str]] | None:
    """The saved clusterer and story names, or None if saved under other options."""
    z = np.load(io.BytesIO(data), allow_pickle=False)
    meta = json.loads(z["meta"].tobytes())
    if meta.get("format") != FORMAT or meta.get("options") != _options_key(options):
        return None
    c = StreamClusterer(options)
    v = c.vectorizer
    v.vocabulary = {t: i for i, t in enumerate(meta["vocabulary"])}
    v._idf = z["idf"]
    keys = z["sentences.keys"].tobytes()
    v._sentence_docs = {
        keys[8 * i : 8 * i + 8]: int(n) for i, n in enumerate(z["sentences.counts"].tolist())
    }
    c.index.top_df = z["top_df"]
    c.index.count = int(meta["count"])
    c.index.chunks = [
        _Chunk(first, _csr(z, f"chunk{i}.full"), _csr(z, f"chunk{i}.pruned"))
        for i, first in enumerate(meta["chunks"])
    ]
    c.densities.values = z["densities"]
    c.densities.base = int(meta["base"])
    c.days = z["days"]
    c.ids = list(meta["ids"])
    c.edges = [(z["edges.rows"], z["edges.cols"], z["edges.weights"])]
    _restore_graph(c, z)
    return c, {int(k): n for k, n in meta["names"].items()}

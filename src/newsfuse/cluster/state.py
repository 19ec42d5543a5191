"""Saving and restoring a StreamClusterer, so `ingest` continues where it stopped.

The state is numpy arrays in `.npz` byte strings (no pickle: loading it must
not execute code), stored by the storage backend next to the articles. Its size
follows the active window, not the archive: index chunks, densities and story
links of the last `window` articles, the vocabulary and the boilerplate
sentence counts. A state saved under different clustering options is not
reused (the caller re-clusters instead), since its vectors and weights would
mean something else.

It is saved in parts so that a save writes what changed, not the whole window
(at 80k articles one 140 MB blob took 5.4 s per save, 0.27 ms per ingested
article: docs/benchmarks.md, "Where the ingest curve rises"). The head holds
what changes with every batch (vocabulary, densities, stories and their links)
and names the other parts, which are content-addressed: an index chunk does not
change until an LSM merge replaces it, and the positive edges are an
append-only log cut into segments of SEGMENT article ids. A part already stored
under its name is not written again.
"""

from __future__ import annotations

import hashlib
import io
import itertools
import json
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
from scipy import sparse

from newsfuse.cluster.stream import StreamClusterer
from newsfuse.config import ClusterOptions

FORMAT = 8  # 4: two levels (events and storylines) and lead names; 5: incident days;
# 6: outlet keys; 7: storyline names (ages as negative keys); 8: the window's term counts
SEGMENT = 16_384  # article ids per saved edge segment (the last one is rewritten)

EdgeRun = tuple[np.ndarray, np.ndarray, np.ndarray]


@dataclass(frozen=True)
class SavedState:
    """A state to store: its head, the parts it names, and which of them are new."""

    head: bytes
    names: list[str]  # every part the head needs, in order
    parts: dict[str, bytes]  # the parts not yet in the store, by name


def _options_key(options: ClusterOptions) -> str:
    return json.dumps(asdict(options), sort_keys=True)


def _npz(arrays: dict[str, np.ndarray]) -> bytes:
    out = io.BytesIO()
    np.savez(out, **arrays)  # type: ignore[arg-type]
    return out.getvalue()


def _digest(kind: str, fields: Iterable[Sequence[np.ndarray]]) -> str:
    """Content name of a part: a hash of each field's type, length and bytes, a field
    being the concatenation of its pieces (so one edge run or several hash alike)."""
    h = hashlib.blake2b(digest_size=16)
    for pieces in fields:
        h.update(f"{pieces[0].dtype.str}{sum(p.size for p in pieces)};".encode())
        for p in pieces:
            h.update(np.ascontiguousarray(p).data)
    return f"{kind}-{h.hexdigest()}"


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


def _graph_arrays(level: dict[str, Any], prefix: str) -> dict[str, np.ndarray]:
    g = level["graph"]
    members, links, within = g["members"], g["links"], g["within"]
    keys = np.fromiter(members, dtype=np.int64, count=len(members))
    sizes = np.fromiter((len(m) for m in members.values()), dtype=np.int64, count=len(keys))
    rows = links.values()
    a = np.repeat(np.fromiter(links, dtype=np.int64), [len(r) for r in rows])
    b = np.fromiter(itertools.chain.from_iterable(rows), dtype=np.int64, count=len(a))
    w = np.fromiter(itertools.chain.from_iterable(r.values() for r in rows), float, len(a))
    once = a < b
    arrays = {
        "story.keys": keys,
        "story.sizes": sizes,
        "story.members": np.fromiter(
            itertools.chain.from_iterable(members.values()), np.int64, int(sizes.sum())
        ),
        "story.within": np.array([within[k] for k in members]),
        "story.newest": np.array([level["newest"].get(k, -1) for k in members], dtype=np.int64),
        "links.a": a[once],
        "links.b": b[once],
        "links.w": w[once],
    }
    return {prefix + k: v for k, v in arrays.items()}


def _lead_arrays(lead: list[frozenset[int]], prefix: str = "lead") -> dict[str, np.ndarray]:
    """Sets of integers (lead names, incident days) as sizes and their keys in a row."""
    sizes = np.fromiter(map(len, lead), dtype=np.int64, count=len(lead))
    keys = np.fromiter(itertools.chain.from_iterable(lead), np.int64, int(sizes.sum()))
    return {f"{prefix}.sizes": sizes, f"{prefix}.keys": keys}


def _sets(z: Any, prefix: str) -> list[frozenset[int]]:
    """`_lead_arrays` read back."""
    sizes, keys = z[f"{prefix}.sizes"].tolist(), z[f"{prefix}.keys"].tolist()
    ends = list(itertools.accumulate(sizes, initial=0))
    return [frozenset(keys[ends[i] : ends[i + 1]]) for i in range(len(sizes))]


def _edge_segments(edges: list[EdgeRun]) -> list[list[EdgeRun]]:
    """The positive-edge log cut by the id of each batch's first new article."""
    segments: dict[int, list[EdgeRun]] = {}
    for run in edges:
        if len(run[0]):
            segments.setdefault(int(run[0].min()) // SEGMENT, []).append(run)
    return list(segments.values())


def _edge_part(runs: list[EdgeRun], stored: Collection[str], out: dict[str, bytes]) -> str:
    name = _digest("edges", [[r[i] for r in runs] for i in range(3)])
    if name not in stored:
        rows, cols, weights = (np.concatenate(x) for x in zip(*runs, strict=True))
        out[name] = _npz({"rows": rows, "cols": cols, "weights": weights})
    return name


def _chunk_part(chunk: dict[str, Any], stored: Collection[str], out: dict[str, bytes]) -> str:
    arrays = _csr_arrays("full", chunk["full"]) | _csr_arrays("pruned", chunk["pruned"])
    arrays["first"] = np.array([chunk["first"]])
    name = _digest("chunk", [[a] for a in arrays.values()])
    if name not in stored:
        out[name] = _npz(arrays)
    return name


def dump_state(
    c: StreamClusterer,
    names: dict[int, str],
    stored: Collection[str] = (),
    event_names: dict[int, str] | None = None,
) -> SavedState:
    """The clusterer (and the external id of each active storyline and event key), as
    a head and parts; parts named in `stored` are not serialised again. What is saved
    is what each component's `to_state` gives; this only lays it out."""
    state = c.to_state()
    v, index = state["vectorizer"], state["index"]
    parts: dict[str, bytes] = {}
    chunks = [_chunk_part(ch, stored, parts) for ch in index["chunks"]]
    edges = {
        name: [_edge_part(runs, stored, parts) for runs in _edge_segments(level["edges"])]
        for name, level in state["levels"].items()
    }
    meta = {
        "format": FORMAT,
        "options": _options_key(c.options),
        "count": index["count"],
        "base": state["densities"]["base"],
        "chunks": chunks,
        "edges": edges,  # per level
        "vocabulary": v["vocabulary"],
        "names": {str(k): n for k, n in names.items() if k in c.graph.members},
        "event_names": {str(k): n for k, n in (event_names or {}).items() if k in c.events.members},
        "ids": state["ids"],
    }
    keys, counts = v["_sentence_docs"]
    arrays: dict[str, np.ndarray] = {
        "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
        "idf": v["_idf"],
        "sentences.keys": keys,
        "sentences.counts": counts,
        "top_df": index["top_df"],
        "df": index["df"],
        "densities": state["densities"]["values"],
        "days": state["days"],
        "outlets": state["outlets"],
    }
    for name, level in state["levels"].items():
        arrays |= _graph_arrays(level, "" if name == "storyline" else f"{name}.")
    arrays |= _lead_arrays(state["lead"]) | _lead_arrays(state["when"], "when")
    arrays |= _lead_arrays(state["story_names"], "story_names")
    return SavedState(_npz(arrays), chunks + [e for run in edges.values() for e in run], parts)


def _level_state(z: Any, p: str, edges: list[Any]) -> dict[str, Any]:
    """One level's `Level.to_state` from the head's arrays and its edge parts."""
    flat = z[p + "story.members"].tolist()  # read once: each z[...] re-reads the zip entry
    ends = list(itertools.accumulate(z[p + "story.sizes"].tolist(), initial=0))
    keys = z[p + "story.keys"].tolist()
    members = {k: flat[ends[i] : ends[i + 1]] for i, k in enumerate(keys)}
    links: dict[int, dict[int, float]] = {k: {} for k in keys}
    for a, b, w in zip(
        z[p + "links.a"].tolist(), z[p + "links.b"].tolist(), z[p + "links.w"].tolist(), strict=True
    ):
        links[a][b] = w
        links[b][a] = w
    newest = z[p + "story.newest"].tolist()
    return {
        "graph": {
            "members": members,
            "within": dict(zip(keys, z[p + "story.within"].tolist(), strict=True)),
            "links": links,
        },
        "newest": {k: n for k, n in zip(keys, newest, strict=True) if n >= 0},
        "edges": [(e["rows"], e["cols"], e["weights"]) for e in edges],
    }


def _load_npz(data: bytes | None) -> Any:
    return None if data is None else np.load(io.BytesIO(data), allow_pickle=False)


def _clusterer_state(z: Any, meta: dict[str, Any], chunks: list[Any], edges: Any) -> dict[str, Any]:
    """`StreamClusterer.to_state` as `dump_state` laid it out."""
    return {
        "vectorizer": {
            "vocabulary": meta["vocabulary"],
            "_idf": z["idf"],
            "_sentence_docs": (z["sentences.keys"], z["sentences.counts"]),
        },
        "index": {
            "chunks": [
                {
                    "first": int(ch["first"][0]),
                    "full": _csr(ch, "full"),
                    "pruned": _csr(ch, "pruned"),
                }
                for ch in chunks
            ],
            "top_df": z["top_df"],
            "df": z["df"],
            "count": int(meta["count"]),
        },
        "densities": {"values": z["densities"], "base": int(meta["base"])},
        "levels": {
            name: _level_state(z, "" if name == "storyline" else f"{name}.", runs)
            for name, runs in edges.items()
        },
        "days": z["days"],
        "outlets": z["outlets"],
        "lead": _sets(z, "lead"),
        "when": _sets(z, "when"),
        "story_names": _sets(z, "story_names"),
        "ids": list(meta["ids"]),
    }


def load_state(
    head: bytes, options: ClusterOptions, part: Callable[[str], bytes | None]
) -> tuple[StreamClusterer, dict[int, str], dict[int, str]] | None:
    """The saved clusterer, storyline names and event names, or None if saved under
    other options or in another format, or if a part it names is missing (`part`
    reads one by name)."""
    z = _load_npz(head)
    meta = json.loads(z["meta"].tobytes())
    if meta.get("format") != FORMAT or meta.get("options") != _options_key(options):
        return None
    chunks = [_load_npz(part(name)) for name in meta["chunks"]]
    edges = {k: [_load_npz(part(name)) for name in v] for k, v in meta["edges"].items()}
    if any(x is None for x in chunks + [e for run in edges.values() for e in run]):
        return None
    c = StreamClusterer(options)
    c.restore(_clusterer_state(z, meta, chunks, edges))
    names = {int(k): n for k, n in meta["names"].items()}
    return c, names, {int(k): n for k, n in meta["event_names"].items()}

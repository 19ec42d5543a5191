"""Gradient-boosted trees shipped as JSON arrays, evaluated with numpy.

Both learned models (sentence salience in summarize/learned.py, story links in
cluster/edges.py) are scikit-learn HistGradientBoosting ensembles exported to
plain arrays: loading package data must not execute code (no pickle), and
walking every tree at once with numpy needs no scikit-learn at run time.
Each file's sha256 is pinned by its user and checked at load, so a corrupted
or swapped file fails loudly instead of silently changing results.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from importlib import resources
from io import BytesIO
from typing import Any

import numpy as np
from numpy.typing import NDArray

FloatArray = NDArray[np.float64]
IntArray = NDArray[np.intp]
BoolArray = NDArray[np.bool_]


@dataclass(frozen=True)
class Forest:
    """All trees of the ensemble as flat arrays: node j of the forest splits on
    `feature[j]` at `threshold[j]` (go left when x <= threshold) unless it is a
    leaf, whose output is `value[j]`; `roots` holds each tree's first node."""

    baseline: float
    roots: IntArray
    feature: IntArray
    threshold: FloatArray
    left: IntArray
    right: IntArray
    value: FloatArray
    leaf: BoolArray
    depth: int

    def predict(self, x: FloatArray) -> FloatArray:
        """Sum of tree outputs plus the baseline (raw score: log-odds for a classifier).

        Every tree walks all rows at once (trees x rows nodes). A leaf leads to itself
        either way, so a walk needs no leaf test; the roots' split is read by column,
        and the deeper ones from the flattened rows (one gather each, not a pair of
        index arrays). A node's children sit side by side (`2 * node + goes_right`: one
        gather, not two and a choice), and every gather is `np.take` in "clip" mode:
        the indices are in range by construction, so numpy's bounds check was pure cost
        (a long story's coverage forest, ~7,000 gram rows: 15 -> 10 ms). The sum over
        trees is the same, in the same order."""
        n, width = x.shape
        node_ids = np.arange(len(self.leaf), dtype=np.intp)
        children = np.empty(2 * len(self.leaf), dtype=np.intp)
        children[0::2] = np.where(self.leaf, node_ids, self.left)
        children[1::2] = np.where(self.leaf, node_ids, self.right)
        feature = np.where(self.leaf, 0, self.feature)
        flat = np.ascontiguousarray(x).ravel()
        offsets = (np.arange(n, dtype=np.intp) * width)[None, :]
        roots = self.roots[:, None]
        at_root = x[:, feature[self.roots]].T  # trees x rows
        node = np.take(children, 2 * roots + ~(at_root <= self.threshold[roots]), mode="clip")
        for _ in range(self.depth - 1):
            at = np.take(feature, node, mode="clip")
            at += offsets
            go_left = np.take(flat, at, mode="clip") <= np.take(self.threshold, node, mode="clip")
            node *= 2
            node += ~go_left
            node = np.take(children, node, mode="clip")
        leaves = np.take(self.value, node, mode="clip")
        return np.asarray(self.baseline + leaves.sum(axis=0), dtype=np.float64)


def forest_from_json(raw: dict[str, Any]) -> Forest:
    """A Forest from the layout `export_forest` writes."""
    roots, offset = [], 0
    cols: dict[str, list[float]] = {k: [] for k in ("feature", "threshold", "left", "right")}
    values: list[float] = []
    leaves: list[bool] = []
    for tree in raw["trees"]:
        roots.append(offset)
        cols["feature"] += tree["feature"]
        cols["threshold"] += tree["threshold"]
        cols["left"] += [c + offset for c in tree["left"]]
        cols["right"] += [c + offset for c in tree["right"]]
        values += tree["value"]
        leaves += [bool(v) for v in tree["leaf"]]
        offset += len(tree["value"])
    return Forest(
        baseline=float(raw["baseline"]),
        roots=np.array(roots, dtype=np.intp),
        feature=np.array(cols["feature"], dtype=np.intp),
        threshold=np.array(cols["threshold"], dtype=np.float64),
        left=np.array(cols["left"], dtype=np.intp),
        right=np.array(cols["right"], dtype=np.intp),
        value=np.array(values, dtype=np.float64),
        leaf=np.array(leaves, dtype=bool),
        depth=int(raw["depth"]),
    )


def export_forest(model: Any, features: tuple[str, ...]) -> dict[str, Any]:
    """A fitted HistGradientBoosting{Regressor,Classifier} (binary) as plain arrays."""
    trees, depth = [], 0
    for (predictor,) in model._predictors:
        nodes = predictor.nodes
        depth = max(depth, int(nodes["depth"].max()))
        trees.append(
            {
                "feature": [int(v) for v in nodes["feature_idx"]],
                "threshold": [float(v) for v in nodes["num_threshold"]],
                "left": [int(v) for v in nodes["left"]],
                "right": [int(v) for v in nodes["right"]],
                "value": [round(float(v), 8) for v in nodes["value"]],
                "leaf": [int(v) for v in nodes["is_leaf"]],
            }
        )
    baseline = float(np.ravel(model._baseline_prediction)[0])
    return {"features": list(features), "baseline": baseline, "depth": depth, "trees": trees}


def dump_forest(raw: dict[str, Any]) -> bytes:
    """Canonical bytes of an exported forest (what the pinned sha256 is taken over)."""
    return json.dumps(raw, separators=(",", ":"), sort_keys=True).encode()


def load_forest_file(package: str, name: str, sha256: str, features: tuple[str, ...]) -> Forest:
    """The forest `package/name`, refused unless its sha256 and feature list match."""
    raw = json.loads(read_pinned(package, name, sha256, "its scripts/train_*.py"))
    if tuple(raw["features"]) != features:
        raise RuntimeError(f"{name}: features {raw['features']} != {features}")
    return forest_from_json(raw)


def read_pinned(package: str, name: str, sha256: str, retrain: str) -> bytes:
    """The bytes of package data `package/name`, refused unless its sha256 matches
    (`retrain` names the script that rebuilds it, for the error message)."""
    data = resources.files(package).joinpath(name).read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    if digest != sha256:
        raise RuntimeError(
            f"{name} has sha256 {digest}, expected {sha256}: "
            f"reinstall newsfuse or retrain with {retrain}"
        )
    return data


def load_pinned_array(
    package: str, name: str, sha256: str, shape: tuple[int, ...], retrain: str
) -> FloatArray:
    """The .npy array `package/name` as float64, refused unless its sha256 and shape
    match (see `read_pinned`)."""
    data = read_pinned(package, name, sha256, retrain)
    array: FloatArray = np.load(BytesIO(data), allow_pickle=False).astype(np.float64)
    if array.shape != shape:
        raise RuntimeError(f"{name} holds {array.shape}, not {shape}")
    return array

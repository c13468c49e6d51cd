"""Turn the check form's input (pasted text, an uploaded file, a URL) into an engine report.

The web's door to `sources.intake`, the same intake `kb check` uses, so a page gives the same
sentences on the command line and on the web. Around it, the bounds of a public service:

* one rate limit per client address for checking, whichever door (`/check` or `/api/check`):
  `CHECK_RATE_LIMIT`, 429 with Retry-After when spent;
* intake and checking run in the app's `WorkPool` (webui/workpool.py): a few at a time, one per
  client, with a deadline; 503 with Retry-After when busy;
* intake failures become HTTP errors with intake's message: 400 (empty, fetch refused),
  413 (too large), 415 (unsupported file).
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from flask import abort, current_app, request
from werkzeug.exceptions import HTTPException, TooManyRequests

from webui import engine as kbe
from webui.checkprocs import CheckProcesses, WorkerLost
from webui.workpool import PoolBusy, PoolTimeout, WorkPool

POOL_KEY = "evidence_work_pool"
PROCS_KEY = "evidence_check_processes"
LIMITER_KEY = "evidence_check_limiter"
STATUS_OF_REASON = {"empty": 400, "fetch": 400, "not_found": 400, "too_large": 413, "unsupported": 415}


@dataclass
class CheckInput:
    kind: str  # "text" | "file" | "url"
    label: str
    text: str | None = None
    filename: str | None = None
    data: bytes | None = None
    content_type: str | None = None
    url: str | None = None


@dataclass
class CheckOutcome:
    report: dict[str, Any]
    text: str | None  # the text the sentence offsets refer to, when known
    label: str


class ServiceBusy(HTTPException):
    code = 503
    description = "The checker is busy. Try again in a few seconds."

    def __init__(self, description: str, retry_after: int):
        super().__init__(description)
        self.retry_after = retry_after

    def get_headers(self, environ=None, scope=None):
        return super().get_headers(environ, scope) + [("Retry-After", str(self.retry_after))]


def init_app(app) -> None:
    """The app's work pool and check-rate counter (one per app, so tests do not share them)."""
    from limits.storage import MemoryStorage
    from limits.strategies import MovingWindowRateLimiter

    cfg = app.config
    app.extensions[POOL_KEY] = WorkPool(cfg["WORK_POOL_WORKERS"], cfg["WORK_POOL_QUEUE"], cfg["WORK_PER_CLIENT"],
                                        cfg["WORK_DEADLINE_S"])
    app.extensions[LIMITER_KEY] = MovingWindowRateLimiter(MemoryStorage())
    if cfg.get("WORK_IN_PROCESSES"):
        app.extensions[PROCS_KEY] = CheckProcesses(cfg["WORK_POOL_WORKERS"])
    app.before_request(refuse_when_busy)


CHECK_PATHS = ("/check", "/api/check")


def refuse_when_busy() -> None:
    """A check POST that the pool would refuse is answered before its body is read and parsed: a client
    flooding the checker with large uploads costs the server almost nothing beyond its one running job."""
    if request.method != "POST" or request.path not in CHECK_PATHS:
        return None
    reason = current_app.extensions[POOL_KEY].refusal(client_address())
    if reason:
        raise ServiceBusy(reason, 5)
    return None


def client_address() -> str:
    return request.remote_addr or "unknown"


def count_check(client: str) -> None:
    """One check-rate budget per client for /check and /api/check together (429 when spent)."""
    if not current_app.config.get("RATELIMIT_ENABLED", True):
        return
    from limits import parse

    strategy = current_app.extensions[LIMITER_KEY]
    item = parse(current_app.config["CHECK_RATE_LIMIT"])
    if strategy.hit(item, "check", client):
        return
    reset = strategy.get_window_stats(item, "check", client).reset_time
    retry = max(1, int(reset - time.time() + 0.999))
    exc = TooManyRequests(f"You have run {item.amount} checks in the last {item.get_expiry()} s, the most allowed. "
                          f"Try again in {retry} s.")
    exc.retry_after = retry  # type: ignore[attr-defined]
    raise exc


def read_input(inp: CheckInput, allow_hosts: tuple[str, ...]):
    """The form's input through `sources.intake` (on a server thread, or in a check worker process)."""
    from sources import intake

    if inp.kind == "text":
        return intake.read_text(inp.text or "", label=inp.label or "Pasted text")
    if inp.kind == "file":
        return intake.read_file(inp.filename or "upload", inp.data or b"", inp.content_type, label=inp.label)
    return intake.read_url(inp.url or "", allow_hosts=allow_hosts)


def check_extracted(engine: Any, label: str, extracted: Any) -> Any:
    """engine.check on intake's text and units (a checker without `units` gets the text alone)."""
    import inspect

    accepts = inspect.signature(engine.check).parameters
    if "source" not in accepts and hasattr(engine, "check_document"):  # an engine of the older contract
        report = engine.check_document(label, extracted)
    else:
        extra = {"source": label, "units": getattr(extracted, "units", None)}
        report = engine.check(extracted.text, **{k: v for k, v in extra.items() if k in accepts})
    if getattr(extracted, "truncated", False) and hasattr(report, "truncated"):
        report.truncated = True
    return report


def check_input(inp: CheckInput, engine: Any, allow_hosts: tuple[str, ...]) -> tuple[Any, dict[str, Any]]:
    """(intake, report dict) for one input: on a server thread, or in a check worker process."""
    taken = read_input(inp, allow_hosts)
    return taken, finish_report(taken, check_extracted(engine, taken.label, taken.extracted))


def finish_report(taken: Any, report: Any) -> dict[str, Any]:
    """The report as a dict, saying so when intake cut the text."""
    from sources.intake import truncation_notice

    out = report.to_dict()
    if taken.truncated:
        out["truncated"] = True
        out["truncation"] = truncation_notice(taken.extracted)
    return out


def _build_path(engine: Any) -> Path | None:
    """The index build a worker process should check against; None for an engine without one (tests)."""
    try:
        path = engine.snapshot().path
    except Exception:  # noqa: BLE001 - no usable snapshot: the check runs on a thread and reports itself
        return None
    return path if isinstance(path, Path) else None


def run_check(inp: CheckInput) -> CheckOutcome:
    from sources.intake import IntakeError

    if inp.kind not in ("text", "file", "url"):
        abort(400, description="Paste text, upload a file or give a web address.")
    if inp.kind == "text" and not (inp.text or "").strip():
        abort(400, description="Paste some text to check.")
    engine = kbe.get_engine()
    client = client_address()
    count_check(client)
    allow_hosts = tuple(current_app.config["FETCH_ALLOW_HOSTS"])

    procs: CheckProcesses | None = current_app.extensions.get(PROCS_KEY)
    build = _build_path(engine) if procs is not None else None
    if build is not None:
        def job():
            return procs.run(build, inp, allow_hosts)
    else:
        def job():
            return check_input(inp, engine, allow_hosts)

    pool: WorkPool = current_app.extensions[POOL_KEY]
    try:
        taken, report = pool.run(client, job)
    except IntakeError as exc:
        abort(STATUS_OF_REASON.get(exc.reason, 400), description=exc.message)
    except PoolBusy as exc:
        raise ServiceBusy(exc.message, exc.retry_after) from None
    except PoolTimeout as exc:
        raise ServiceBusy(str(exc), 30) from None
    except WorkerLost as exc:
        raise ServiceBusy(str(exc), 5) from None
    text = report.get("text") if isinstance(report.get("text"), str) else taken.extracted.text
    label = taken.label if inp.kind == "url" else inp.label
    return CheckOutcome(report, text, label)

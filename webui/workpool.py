"""A small bounded pool for the expensive requests (checks, uploads, URL fetches).

Waitress has a fixed number of threads for every request. If expensive work ran on them, one
client sending eight uploads would hold all eight and `/healthz` would stop answering. Instead a
request thread hands the work to this pool and waits for it:

* at most `workers` jobs run at once, and at most `queue` more wait; beyond that the answer is
  503 at once (with Retry-After), so waiting requests never pile up on the waitress threads;
* one client (address) may have at most `per_client` jobs running or waiting, so a single client
  cannot take every worker however fast it sends;
* the request thread waits at most `deadline` seconds; if the job is not done by then the client
  gets 503 and the thread goes back to serving pages. The job itself keeps its worker (Python
  cannot stop a thread) and its client's share until it ends, so the bound still holds.

Pages and health checks never enter the pool, so they always have the remaining threads.
"""
from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any, Callable


class PoolBusy(Exception):
    """Refused before running: the pool is full, or this client already has its share."""

    def __init__(self, message: str, retry_after: int = 5):
        super().__init__(message)
        self.message = message
        self.retry_after = retry_after


class PoolTimeout(Exception):
    """The job did not finish within the deadline."""


class WorkPool:
    def __init__(self, workers: int, queue: int, per_client: int, deadline: float):
        self.workers, self.queue, self.per_client, self.deadline = workers, queue, per_client, deadline
        self._executor = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="evidence-kb-work")
        self._lock = threading.Lock()
        self._in_flight = 0
        self._by_client: dict[str, int] = {}

    def stats(self) -> dict[str, int]:
        with self._lock:
            return {"in_flight": self._in_flight, "clients": len(self._by_client), "workers": self.workers,
                    "queue": self.queue}

    def refusal(self, client: str) -> str | None:
        """Why a new job from `client` would be refused right now, or None (a cheap look, no admission)."""
        with self._lock:
            if self._by_client.get(client, 0) >= self.per_client:
                return "You already have a check running. Wait for it to finish, then try again."
            if self._in_flight >= self.workers + self.queue:
                return "The checker is busy with other requests right now. Try again in a few seconds."
        return None

    def _admit(self, client: str) -> None:
        with self._lock:
            if self._by_client.get(client, 0) >= self.per_client:
                raise PoolBusy("You already have a check running. Wait for it to finish, then try again.")
            if self._in_flight >= self.workers + self.queue:
                raise PoolBusy("The checker is busy with other requests right now. Try again in a few seconds.")
            self._in_flight += 1
            self._by_client[client] = self._by_client.get(client, 0) + 1

    def _release(self, client: str) -> None:
        with self._lock:
            self._in_flight -= 1
            left = self._by_client.get(client, 1) - 1
            if left > 0:
                self._by_client[client] = left
            else:
                self._by_client.pop(client, None)

    def run(self, client: str, job: Callable[[], Any]) -> Any:
        """Run `job` in the pool on behalf of `client` and return its result (or raise its exception).

        Raises PoolBusy (not started) or PoolTimeout (still running after the deadline).
        """
        self._admit(client)

        def counted():
            # Released in the worker before the result is handed over, so a client that sends its
            # next request as soon as it has the answer finds its share free again.
            try:
                return job()
            finally:
                self._release(client)

        try:
            future: Future = self._executor.submit(counted)
        except BaseException:
            self._release(client)
            raise
        try:
            return future.result(timeout=self.deadline)
        except FutureTimeout:
            if future.cancel():  # never started: free its place now; a running job frees it when it ends
                self._release(client)
            raise PoolTimeout(f"The check took longer than {self.deadline:g} s and was stopped. "
                              "Check a shorter text.") from None

    def shutdown(self) -> None:
        self._executor.shutdown(wait=False, cancel_futures=True)

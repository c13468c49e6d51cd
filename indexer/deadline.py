"""A search time limit that reads the clock instead of starting a thread.

Whoosh's TimeLimitCollector can only use SIGALRM in the main thread, so in request threads it
starts a `threading.Timer` for every search: a new thread per uncached search (about 2 % of
the server's time under load), which then sleeps out the whole limit. This collector checks a
deadline as it collects matches and raises the same `TimeLimit`, so callers are unchanged.
"""
from __future__ import annotations

import time

from whoosh.collectors import TimeLimit, TimeLimitCollector


class DeadlineCollector(TimeLimitCollector):
    def __init__(self, child, timelimit: float):
        super().__init__(child, timelimit, greedy=False, use_alarm=False)
        self.deadline = 0.0

    def prepare(self, top_searcher, q, context):
        self.child.prepare(top_searcher, q, context)
        self.timedout = False
        self.deadline = time.monotonic() + self.timelimit

    def collect_matches(self):
        child, deadline, clock = self.child, self.deadline, time.monotonic
        for sub_docnum in child.matches():
            if clock() > deadline:
                self.timedout = True
                raise TimeLimit
            child.collect(sub_docnum)

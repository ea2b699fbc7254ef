"""Answers to the costly aggregate queries (statistics, timeline, network, map, actors), kept
until the store changes.

A read-only store never changes while served, and a writable one changes only through the
server's own ingest, which bumps the database's generation: an answer from an older
generation is never returned. Paged event and article lists are not cached; they are fast.
"""
from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any

from .database import Database


class Answers:
    def __init__(self, db: Database, size: int = 256):
        self.db = db
        self.size = size
        self._lock = threading.Lock()
        self._generation = db.generation
        self._answers: OrderedDict[Hashable, Any] = OrderedDict()

    def get(self, key: Hashable, compute: Callable[[], Any]) -> Any:
        with self._lock:
            if self._generation != self.db.generation:
                self._answers.clear()
                self._generation = self.db.generation
            if key in self._answers:
                self._answers.move_to_end(key)
                return self._answers[key]
            generation = self._generation
        value = compute()  # outside the lock: one slow query must not hold up the others
        with self._lock:
            if generation == self.db.generation:
                self._answers[key] = value
                while len(self._answers) > self.size:
                    self._answers.popitem(last=False)
        return value

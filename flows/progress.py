"""Progress on a terminal: articles and sentences processed.

Thread-safe (extract batches run in Prefect's thread pool).  Writes one
carriage-return line to stderr when enabled; silent otherwise.
"""

from __future__ import annotations

import sys
import threading
import time


class Progress:
    def __init__(self, enabled: bool | None = None, stream=None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.total_articles = 0
        self.articles = 0
        self.sentences = 0
        self._lock = threading.Lock()
        self._last = 0.0

    def start(self, total_articles: int) -> None:
        with self._lock:
            self.total_articles, self.articles, self.sentences = total_articles, 0, 0
        self._draw(force=True)

    def article_done(self, sentences: int) -> None:
        with self._lock:
            self.articles += 1
            self.sentences += sentences
        self._draw(force=self.articles == self.total_articles)

    def stage(self, name: str) -> None:
        if self.enabled:
            self.stream.write(f"\r\033[K{name}...")
            self.stream.flush()

    def done(self) -> None:
        if self.enabled:
            self.stream.write("\r\033[K")
            self.stream.flush()

    def _draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not force and now - self._last < 0.1:
            return
        self._last = now
        self.stream.write(
            f"\r\033[Kextract: {self.articles}/{self.total_articles} articles, {self.sentences} sentences"
        )
        self.stream.flush()


# The process-wide reporter; the CLI enables it, tasks update it.
PROGRESS = Progress(enabled=False)


def configure(enabled: bool | None) -> Progress:
    global PROGRESS
    PROGRESS = Progress(enabled=enabled)
    return PROGRESS

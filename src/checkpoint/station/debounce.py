"""Scanning the same code twice within a window counts once (qutebrowser ``misc/throttle`` idea)."""

from __future__ import annotations

import time
from collections.abc import Callable

DEFAULT_WINDOW_S = 3.0


class Debouncer:
    """Accepts a payload unless the same payload was accepted less than ``window_s`` ago.

    The clock is injected (``time.monotonic`` in the station, a fake in tests). A code that stays in front
    of the camera keeps being seen: each sighting extends the window, so it is counted once until it
    has been away for ``window_s``.
    """

    def __init__(self, window_s: float = DEFAULT_WINDOW_S, clock: Callable[[], float] | None = None) -> None:
        self._window_s = window_s
        self._clock = clock or time.monotonic
        self._last_seen: dict[str, float] = {}

    @property
    def window_s(self) -> float:
        return self._window_s

    def set_window_s(self, window_s: float) -> None:
        """A new window (the device settings): applies from the next payload on."""
        self._window_s = max(0.0, window_s)

    def accept(self, payload: str) -> bool:
        now = self._clock()
        self._forget_older_than(now - self._window_s)
        seen = payload in self._last_seen
        self._last_seen[payload] = now
        return not seen

    def reset(self) -> None:
        self._last_seen.clear()

    def _forget_older_than(self, limit: float) -> None:
        stale = [key for key, at in self._last_seen.items() if at < limit]
        for key in stale:
            del self._last_seen[key]

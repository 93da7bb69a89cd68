"""The same code twice within the window counts once; the clock is injected."""

from __future__ import annotations

from checkpoint.station.debounce import Debouncer


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_same_code_within_window_counts_once() -> None:
    clock = FakeClock()
    debouncer = Debouncer(3.0, clock)
    assert debouncer.accept("HC1:ABC")
    clock.now += 1.0
    assert not debouncer.accept("HC1:ABC")


def test_other_code_is_accepted_at_once() -> None:
    debouncer = Debouncer(3.0, FakeClock())
    assert debouncer.accept("A")
    assert debouncer.accept("B")


def test_code_held_in_view_stays_counted_once_until_it_goes_away() -> None:
    clock = FakeClock()
    debouncer = Debouncer(3.0, clock)
    assert debouncer.accept("A")
    for _ in range(10):  # seen every second for ten seconds: still one person
        clock.now += 1.0
        assert not debouncer.accept("A")
    clock.now += 3.5  # away long enough: the next sighting is a new scan
    assert debouncer.accept("A")

"""Keyboard-wedge scanners, told from people by typing speed, whatever widget has the focus.

A USB or Bluetooth scanner in keyboard mode "types" its payload: printable keys a few milliseconds apart,
usually followed by Enter or Tab. ``WedgeDetector`` is an application-wide event filter (installed on the
QApplication) that holds back every printable key press at the focused widget until it knows who typed it:

- the next key comes within ``max_gap_ms``: still a possible scan, keep holding;
- ``min_length`` characters came that fast: a scanner. The burst is swallowed (it never reaches a text field);
  a terminator (Enter, Return, Tab) ends it and ``scanned(payload)`` is emitted. A burst that stops without
  its terminator is half a payload: ``partial(text)`` (unless ``require_terminator`` is off, for scanners
  configured without a suffix, when a pause ends the payload);
- a slower key, a pause, or a non-printable key before that: a person typing. The held keys are delivered
  to the widget they were meant for, in their order, and typing goes on as normal (a held key waits at most
  ``pause_ms``, which a typist does not notice);
- a few fast characters ended at once by a terminator (too short for a payload, too fast for a person):
  ``partial(text)``, swallowed too.

Scanners in "Unicode" / Alt-code mode send key events whose ``text()`` is a Chinese character (or several):
any printable text counts. Key events are examined only at the focused widget (or at the window when
nothing has the focus), so events forwarded inside compound widgets and propagated to parents are not
counted twice.

Timing: the gap between two keys is measured between the key events' own timestamps
(``QKeyEvent.timestamp()``, milliseconds, set by the window system when the key was typed), not when the
application gets round to handling them. When the GUI thread stalls in the middle of a burst (a slow
paint, a garbage collection, a disk flush), the rest of the burst waits in the event queue and then
arrives all at once: timed on arrival it would look like a pause (half a payload) followed by a second
"scan" of the rest; timed by its timestamps it is one burst. The pause timer that settles a burst is
treated the same way: when it fires late (the loop was stalled, keys may be waiting behind it), it waits
once more before settling. Key events without a timestamp (0: synthesised by other code) fall back to the
injected clock.

Shortcuts: once a burst is under way its keys are kept from triggering shortcuts. The first key of a scan
cannot be told from a person pressing that key, so a shortcut bound to a bare printable key on a widget that
is not a text field fires on it: bind station shortcuts to F-keys or modifier combinations.

Settings (``WedgeConfig.from_settings``): ``scanner/wedge`` (on/off, default on),
``scanner/wedge_max_gap_ms`` (30), ``scanner/wedge_min_length`` (6), ``scanner/wedge_pause_ms`` (80),
``scanner/wedge_require_terminator`` (true).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer, Signal, SignalInstance, Slot
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget

ENABLED_KEY = "scanner/wedge"
MAX_GAP_KEY = "scanner/wedge_max_gap_ms"
MIN_LENGTH_KEY = "scanner/wedge_min_length"
PAUSE_KEY = "scanner/wedge_pause_ms"
REQUIRE_TERMINATOR_KEY = "scanner/wedge_require_terminator"

# A pause timer that fires this much later than asked was held up by a stalled event loop: keys typed
# meanwhile may still be queued behind it, so it waits once more before settling (at most this often).
LATE_TIMER_S = 0.040
MAX_LATE_WAITS = 3

# Fewer fast characters than min_length but at least this many, ended at once by a terminator: no person
# types that, so it is half a payload.
PARTIAL_MIN_LENGTH = 3

_TERMINATORS = frozenset({Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab})
_MODIFIER_KEYS = frozenset(
    {
        Qt.Key.Key_Shift,
        Qt.Key.Key_Control,
        Qt.Key.Key_Alt,
        Qt.Key.Key_AltGr,
        Qt.Key.Key_Meta,
        Qt.Key.Key_CapsLock,
        Qt.Key.Key_NumLock,
    }
)
_COMMAND_MODIFIERS = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.MetaModifier


@dataclass(frozen=True, slots=True)
class WedgeConfig:
    """How fast and how long a burst must be to count as a scanner."""

    enabled: bool = True
    max_gap_ms: int = 30  # between two keys of one burst
    min_length: int = 6  # characters before a burst counts as a scanner
    pause_ms: int = 80  # silence that ends a burst (and how long a typed key is held back at most)
    require_terminator: bool = True  # a payload must end with Enter/Return/Tab

    def __post_init__(self) -> None:
        if self.max_gap_ms <= 0 or self.pause_ms <= 0:
            raise ValueError("wedge gap and pause must be positive")
        if self.min_length < PARTIAL_MIN_LENGTH:
            raise ValueError(f"wedge min_length must be at least {PARTIAL_MIN_LENGTH}")

    @classmethod
    def from_settings(cls, settings: QSettings) -> WedgeConfig:
        """The config from the settings file; a missing or nonsensical value falls back to its default."""
        default = cls()

        def number(key: str, fallback: int, low: int, high: int) -> int:
            try:
                value = int(str(settings.value(key, fallback)))
            except ValueError:
                return fallback
            return value if low <= value <= high else fallback

        return cls(
            enabled=bool(settings.value(ENABLED_KEY, default.enabled, type=bool)),
            max_gap_ms=number(MAX_GAP_KEY, default.max_gap_ms, 1, 500),
            min_length=number(MIN_LENGTH_KEY, default.min_length, PARTIAL_MIN_LENGTH, 1000),
            pause_ms=number(PAUSE_KEY, default.pause_ms, 1, 2000),
            require_terminator=bool(
                settings.value(REQUIRE_TERMINATOR_KEY, default.require_terminator, type=bool)
            ),
        )


@dataclass(frozen=True, slots=True)
class _HeldKey:
    type: QEvent.Type
    key: int
    modifiers: Qt.KeyboardModifier
    text: str


@dataclass(frozen=True, slots=True)
class _Moment:
    """When a key was typed: the event's own timestamp (ms; 0 when it has none) and the clock reading."""

    clock_s: float
    stamp_ms: int


def _elapsed_s(before: _Moment, after: _Moment) -> float:
    """Seconds between two keys: by their timestamps when both have one, else by the clock. Timestamps
    that go backwards (the window system's 32-bit clock wrapped, or it restarted) count as a long pause."""
    if before.stamp_ms and after.stamp_ms:
        delta = after.stamp_ms - before.stamp_ms
        return delta / 1000.0 if delta >= 0 else float("inf")
    return after.clock_s - before.clock_s


def _is_printable(event: QKeyEvent) -> bool:
    text = event.text()
    return (
        bool(text)
        and text.isprintable()
        and not event.isAutoRepeat()
        and not (event.modifiers() & _COMMAND_MODIFIERS)
    )


class WedgeDetector(QObject):
    """Application-wide event filter recognising keyboard-wedge scanners by typing speed.

    Signals:
        scanned(str): a payload typed by a scanner and ended by its terminator (or by a pause, when no
            terminator is required). Its keys never reached any widget.
        partial(str): a scanner burst that ended without its terminator, or ended too soon: half a payload
            (the UI says "scan again"). Its keys never reached any widget either.
    """

    scanned = Signal(str)
    partial = Signal(str)

    def __init__(
        self,
        config: WedgeConfig | None = None,
        clock: Callable[[], float] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._config = config or WedgeConfig()
        self._clock = clock or time.monotonic
        self._held: list[_HeldKey] = []
        self._text = ""
        self._target: QObject | None = None
        self._last = _Moment(0.0, 0)  # the last key of the burst being held
        self._swallow_releases: set[int] = set()
        self._trailer: _Moment | None = None  # the terminator that ended the last payload
        self._replaying = False
        self._timer_started = 0.0
        self._late_waits = 0
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def config(self) -> WedgeConfig:
        return self._config

    def set_config(self, config: WedgeConfig) -> None:
        """Applies new settings; a burst in progress is settled first."""
        self._settle_by_pause()
        self._config = config

    def install(self, app: QApplication) -> None:
        app.installEventFilter(self)

    def uninstall(self, app: QApplication) -> None:
        self._settle_by_pause()
        app.removeEventFilter(self)

    def holding(self) -> bool:
        """True while keys are held back (a burst is being judged)."""
        return bool(self._held)

    # -- the filter -----------------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._replaying or not self._config.enabled:
            return False
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            return False
        if not self._is_first_receiver(watched):
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.ShortcutOverride:
            return self._on_shortcut_override(event)
        if kind == QEvent.Type.KeyRelease:
            return self._on_key_release(event)
        return self._on_key_press(watched, event)

    @staticmethod
    def _is_first_receiver(watched: QObject) -> bool:
        if not watched.isWidgetType():
            return False  # the QWindow sees key events before forwarding them to the focus widget
        focus = QApplication.focusWidget()
        if focus is None:
            return isinstance(watched, QWidget) and watched.isWindow()
        return watched is focus

    def _moment(self, event: QKeyEvent) -> _Moment:
        return _Moment(self._clock(), int(event.timestamp()))

    def _on_shortcut_override(self, event: QKeyEvent) -> bool:
        # Within a burst, printable keys and the terminator go to us, not to a shortcut.
        in_burst = bool(self._held) and _elapsed_s(self._last, self._moment(event)) <= self._gap_s()
        if in_burst and (_is_printable(event) or event.key() in _TERMINATORS):
            event.accept()
            return True
        return False

    def _on_key_release(self, event: QKeyEvent) -> bool:
        if event.isAutoRepeat():
            return bool(self._held)
        if self._held:
            self._hold(event)
            return True
        if event.key() in self._swallow_releases:
            self._swallow_releases.discard(event.key())
            return True
        return False

    def _on_key_press(self, watched: QObject, event: QKeyEvent) -> bool:
        now = self._moment(event)
        if self._held and _elapsed_s(self._last, now) > self._gap_s():
            self._settle_by_pause()
        key = event.key()
        trailer = self._trailer
        if (
            not self._held
            and key in _TERMINATORS
            and trailer is not None
            and _elapsed_s(trailer, now) <= self._gap_s()
        ):
            # A second terminator of the payload just scanned (CR LF as two Returns, Tab then Enter).
            self._swallow_releases.add(key)
            return True
        if key in _MODIFIER_KEYS:
            if self._held:
                self._hold(event)
                return True
            return False
        if _is_printable(event):
            if not self._held:
                self._target = watched
            self._hold(event)
            self._text += event.text()
            self._last = now
            self._start_timer()
            return True
        if not self._held:
            return False
        if key in _TERMINATORS and not event.modifiers() & _COMMAND_MODIFIERS:
            if len(self._text) >= self._config.min_length:
                self._finish(self.scanned, terminator=key, now=now)
                return True
            if len(self._text) >= PARTIAL_MIN_LENGTH:
                self._finish(self.partial, terminator=key, now=now)
                return True
        # Any other key, or a terminator after one or two quick keys: a person; or the end of a burst.
        if self._recognised():
            self._finish(self.partial)
        else:
            self._replay()
        return False

    # -- settling a burst -----------------------------------------------------------------------------

    def _start_timer(self) -> None:
        self._late_waits = 0
        self._timer_started = self._clock()
        self._timer.start(self._config.pause_ms)

    @Slot()
    def _on_timer_timeout(self) -> None:
        late = self._clock() - self._timer_started - self._config.pause_ms / 1000.0
        if self._held and late > LATE_TIMER_S and self._late_waits < MAX_LATE_WAITS:
            # The event loop was stalled: the rest of the burst may be queued behind this timer. Its keys
            # carry their typing times, so give them the chance to arrive before calling this a pause.
            self._late_waits += 1
            self._timer_started = self._clock()
            self._timer.start(self._config.pause_ms)
            return
        self._settle_by_pause()

    def _settle_by_pause(self) -> None:
        self._timer.stop()
        if not self._held:
            return
        if not self._recognised():
            self._replay()
        elif self._config.require_terminator:
            self._finish(self.partial)
        else:
            self._finish(self.scanned)

    def _recognised(self) -> bool:
        return len(self._text) >= self._config.min_length

    def _finish(
        self, signal: SignalInstance, terminator: int | None = None, now: _Moment | None = None
    ) -> None:
        """Drops the held keys (they were a scanner's) and reports the burst."""
        text = self._text
        pressed: set[int] = set()
        for held in self._held:
            if held.type == QEvent.Type.KeyPress:
                pressed.add(held.key)
            else:
                pressed.discard(held.key)
        self._swallow_releases |= pressed
        if terminator is not None:
            self._swallow_releases.add(terminator)
            self._trailer = now
        self._reset()
        signal.emit(text)

    def _replay(self) -> None:
        """Delivers the held keys to the widget they were typed into: a person was typing."""
        held, target = self._held, self._target
        self._reset()
        if target is None or not shiboken6.isValid(target):
            return
        self._replaying = True
        try:
            for key in held:
                QApplication.sendEvent(target, QKeyEvent(key.type, key.key, key.modifiers, key.text))
        finally:
            self._replaying = False

    def _reset(self) -> None:
        self._timer.stop()
        self._held = []
        self._text = ""
        self._target = None

    def _hold(self, event: QKeyEvent) -> None:
        self._held.append(_HeldKey(event.type(), event.key(), event.modifiers(), event.text()))

    def _gap_s(self) -> float:
        return self._config.max_gap_ms / 1000.0

"""Between the domain's timezone-aware datetimes and Qt's date-time widgets (one place for the rule).

The station's From / To fields show minutes (``yyyy-MM-dd HH:mm``). What they select is what they show:
**From** starts at second :00 of its minute, **To** includes its whole minute (the window ends, exclusive,
at the next minute). A field keeps no hidden seconds: "From 11:07" finds a passage at 11:07:37, and
"To 11:42" one at 11:42:59. A "To" that stands for *now* follows the station's clock (``FollowClock``)
instead of freezing at the time its screen was opened.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QDateTime, QObject, QTimer, Slot
from PySide6.QtWidgets import QDateTimeEdit

MINUTE = timedelta(minutes=1)
FOLLOW_INTERVAL_MS = 1000  # a field that follows the clock is at most this late (it shows minutes)


def to_qdatetime(value: datetime) -> QDateTime:
    """An aware datetime as a QDateTime (shown in the system's local time)."""
    return QDateTime.fromSecsSinceEpoch(int(value.timestamp()))


def from_qdatetime(value: QDateTime) -> datetime:
    """A QDateTime as an aware UTC datetime, to the second."""
    return datetime.fromtimestamp(value.toSecsSinceEpoch(), UTC)


def floor_minute(value: datetime) -> datetime:
    """The start of ``value``'s minute."""
    return value.replace(second=0, microsecond=0)


def minute_start(value: QDateTime) -> datetime:
    """A From field's bound: second :00 of the minute it shows (inclusive)."""
    return floor_minute(from_qdatetime(value))


def minute_end(value: QDateTime) -> datetime:
    """A To field's bound: the end of the minute it shows (exclusive: the next minute's :00)."""
    return minute_start(value) + MINUTE


def show_minute(edit: QDateTimeEdit, value: datetime) -> None:
    """Puts ``value`` in a minutes field without hidden seconds (what it holds is what it shows)."""
    edit.setDateTime(to_qdatetime(floor_minute(value)))


class FollowClock(QObject):
    """Keeps a To field on the station's current minute while it stands for *now*.

    A field that is given "now" once shows the time its screen was opened for as long as the screen stays
    open; while ``following``, this one is set to the clock's minute at once and every few seconds.
    Signals are blocked while it is set, so the screen's "edited" handlers see only the operator's edits.
    """

    def __init__(self, edit: QDateTimeEdit, clock: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent or edit)
        self._edit = edit
        self._clock = clock
        self._timer = QTimer(self)
        self._timer.setInterval(FOLLOW_INTERVAL_MS)
        self._timer.timeout.connect(self._on_timer_timeout)

    @property
    def following(self) -> bool:
        return self._timer.isActive()

    def set_following(self, on: bool) -> None:
        """Follow the clock (the field shows now's minute), or stop: the field then shows now's minute
        once more (the default the operator edits from) and keeps what it is given."""
        if self._timer.isActive() or on:
            self._show_now()
        if on:
            self._timer.start()
        else:
            self._timer.stop()

    @Slot()
    def _on_timer_timeout(self) -> None:
        self._show_now()

    def _show_now(self) -> None:
        blocked = self._edit.blockSignals(True)
        show_minute(self._edit, self._clock())
        self._edit.blockSignals(blocked)

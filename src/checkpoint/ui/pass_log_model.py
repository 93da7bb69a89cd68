"""The pass log as a lazy table model (Anki ``browser/table/model.py``): a row index, rows on demand.

The model knows the current filter's rows through ``LogRows`` (a count, and the passages' sequence numbers
read a page at a time for a large result). Passages are fetched from the ``LogService`` in batches about
a screen high when the view paints them, and a bounded number stay cached, so a log of millions of
passages opens as fast as it is counted. A newly recorded passage is inserted at the top with
``beginInsertRows``; only a filter change resets the model.
"""

from __future__ import annotations

import enum
from collections import Counter, OrderedDict
from collections.abc import Iterable
from typing import TypeAlias

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Slot,
)
from PySide6.QtGui import QBrush, QColor

from checkpoint.domain.masking import mask_name, matches_sealed
from checkpoint.domain.records import CodeColour, Outcome, Passage
from checkpoint.domain.rules import Thresholds
from checkpoint.station.log import LogRows, LogService, PassageFilter
from checkpoint.station.texts import (
    enum_text,
)

BATCH_SIZE = 50  # passages fetched at once: about one screen of rows
CACHE_LIMIT = 5000

Index: TypeAlias = QModelIndex | QPersistentModelIndex


class Column(enum.IntEnum):
    TIME = 0
    DIRECTION = 1
    SUBJECT = 2
    PLATE = 3
    PERSONS = 4
    NAMES = 5
    COLOURS = 6
    TEMPERATURE = 7
    OUTCOME = 8
    REASONS = 9


# made once: the view asks for a cell's brush every time it paints the cell
_OUTCOME_BACKGROUND = {
    Outcome.PASS: QBrush(QColor("#1e5a2a")),
    Outcome.RECHECK: QBrush(QColor("#1f4f7a")),
    Outcome.TURN_BACK: QBrush(QColor("#8a5300")),
    Outcome.HOLD: QBrush(QColor("#8f1f18")),
}
_COLOUR_BACKGROUND = {
    CodeColour.GREEN: QBrush(QColor("#1e5a2a")),
    CodeColour.YELLOW: QBrush(QColor("#8a7000")),
    CodeColour.RED: QBrush(QColor("#8f1f18")),
}
_COLOUR_SEVERITY = {CodeColour.NONE: 0, CodeColour.GREEN: 1, CodeColour.YELLOW: 2, CodeColour.RED: 3}
_FEVER_BACKGROUND = QBrush(QColor("#8f1f18"))
_WHITE = QBrush(QColor("#ffffff"))
_ALIGN_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# the roles whose answer depends on the passage (the others are answered without fetching it)
_CELL_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.BackgroundRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.ToolTipRole,
    }
)


def matches(passage: Passage, passage_filter: PassageFilter) -> bool:
    """Whether a newly recorded passage belongs to the filtered log (the storage query's rule, in memory)."""
    f = passage_filter
    if f.since is not None and passage.at < f.since:
        return False
    if f.until is not None and passage.at >= f.until:
        return False
    if f.shift_id is not None and passage.shift_id != f.shift_id:
        return False
    if f.gate_id is not None and passage.gate_id != f.gate_id:
        return False
    if f.flagged and not is_flagged(passage):
        return False
    if f.plate.strip() and (passage.vehicle is None or passage.vehicle.plate != f.plate.strip().upper()):
        return False
    for wanted, field in ((f.id_number, "id_number"), (f.phone, "phone"), (f.name, "name")):
        if wanted.strip() and all(getattr(person, field) != wanted.strip() for person in passage.persons):
            return False
    return text_matches(passage, f.text)


def text_matches(passage: Passage, text: str) -> bool:
    """The free-text rule of ``db.passages.passage_keys``: a fragment of the plate, a name or the note, or a
    whole ID number or phone (they are stored sealed: never a fragment of those)."""
    needle = text.strip()
    if not needle:
        return True
    lowered = needle.lower()
    if any(lowered in value.lower() for value in _searchable(passage)):
        return True
    return any(matches_sealed(needle, person.id_number, person.phone) for person in passage.persons)


def _searchable(passage: Passage) -> Iterable[str]:
    if passage.vehicle is not None:
        yield passage.vehicle.plate
    yield passage.note
    for person in passage.persons:
        yield person.name  # ID numbers and phones: whole numbers only (matches_sealed)


FLAG_MARK = "⚑"


def is_flagged(passage: Passage) -> bool:
    """A person check of the passage carries a flag (degraded mode): to be re-checked later."""
    return any(person.flags for person in passage.persons)


def worst_colour(passage: Passage) -> CodeColour:
    colours = [person.code_colour for person in passage.persons] or [CodeColour.NONE]
    return max(colours, key=lambda colour: _COLOUR_SEVERITY[colour])


def max_temperature(passage: Passage) -> float | None:
    readings = [p.temperature for p in passage.persons if p.temperature is not None]
    return max(readings) if readings else None


class PassLogModel(QAbstractTableModel):
    """Passages of the current filter, newest first, fetched in batches of ``BATCH_SIZE`` as painted."""

    def __init__(
        self,
        log: LogService,
        passage_filter: PassageFilter | None = None,
        *,
        batch_size: int = BATCH_SIZE,
        cache_limit: int = CACHE_LIMIT,
        fever_c: float | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._log = log
        self._fever_c = Thresholds().fever_c if fever_c is None else fever_c
        self._batch_size = batch_size
        self._cache_limit = max(cache_limit, batch_size)
        self._filter = passage_filter or PassageFilter(since=None, until=None)
        self._cache: OrderedDict[int, Passage] = OrderedDict()
        self.fetches = 0  # batches loaded from the log service (for tests and the benchmark)
        self._rows: LogRows = self._open_rows()

    # The filter ------------------------------------------------------------------------------------

    @property
    def passage_filter(self) -> PassageFilter:
        return self._filter

    def set_filter(self, passage_filter: PassageFilter) -> None:
        """Reloads the keys for another filter (the only operation that resets the model)."""
        self.beginResetModel()
        self._filter = passage_filter
        self._rows = self._open_rows()
        self.endResetModel()

    def refresh(self) -> None:
        self.set_filter(self._filter)

    def set_fever_threshold(self, celsius: float) -> None:
        """The gate profile's fever threshold, for the temperature column's highlight."""
        if celsius != self._fever_c:
            self._fever_c = celsius
            if len(self._rows):
                column = int(Column.TEMPERATURE)
                self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def _open_rows(self) -> LogRows:
        self._cache.clear()
        return self._log.rows(self._filter)

    @property
    def rows(self) -> LogRows:
        """The current filter's row index (how it reads its keys: tests and the benchmark)."""
        return self._rows

    # Rows ------------------------------------------------------------------------------------------

    @Slot(object)
    def append_passage(self, passage: Passage) -> None:
        """A passage just recorded: inserted at the top when it matches the filter."""
        if not matches(passage, self._filter):
            return
        if not self._rows.is_new(passage.seq):
            return  # already a row: the rows were read after the commit, before this signal arrived
        self.beginInsertRows(QModelIndex(), 0, 0)  # the row count changes between begin and end
        self._rows.add(passage.seq)
        self._remember(passage)
        self.endInsertRows()

    def passage(self, row: int) -> Passage | None:
        """The passage shown in ``row`` (fetching its batch if needed), None when it is no longer on
        record (purged since the rows were read); IndexError outside the rows."""
        key = self._rows.key(row)
        if key is None:
            return None
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        self._fetch_batch(row)
        return self._cache.get(key)

    def cached_rows(self) -> int:
        return len(self._cache)

    def _fetch_batch(self, row: int) -> None:
        start = row - row % self._batch_size
        wanted = [key for key in self._rows.keys(start, start + self._batch_size) if key not in self._cache]
        self.fetches += 1
        for passage in self._log.fetch(wanted):
            self._remember(passage)

    def _remember(self, passage: Passage) -> None:
        self._cache[passage.seq] = passage
        self._cache.move_to_end(passage.seq)
        while len(self._cache) > self._cache_limit:
            self._cache.popitem(last=False)

    # Qt model API ----------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        column = Column(index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column in (Column.PERSONS, Column.TEMPERATURE):
                return _ALIGN_RIGHT
            return None
        if role not in _CELL_ROLES:
            return None
        passage = self.passage(index.row())
        if passage is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(passage, column)
        if role == Qt.ItemDataRole.BackgroundRole:
            return self._background(passage, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            if self._background(passage, column) is not None:
                return _WHITE
            return None
        if column in (Column.REASONS, Column.NAMES, Column.COLOURS):  # the tool tip: the whole text
            return self._display(passage, column)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        if not 0 <= section < len(Column):
            return None
        return self._header(Column(section))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def retranslate(self) -> None:
        """The language changed: headers and cells are words, so repaint them (no reset, no refetch)."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)
        if len(self._rows):
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(Column) - 1))

    # Cells -----------------------------------------------------------------------------------------

    def _header(self, column: Column) -> str:
        translate = QCoreApplication.translate
        if column is Column.TIME:
            return translate("PassLogModel", "Time")
        # short headings: the columns are narrow at 1366x768 (a heading wider than its column is cut)
        if column is Column.DIRECTION:
            return translate("PassLogModel", "In/out")
        if column is Column.SUBJECT:
            return translate("PassLogModel", "Kind")
        if column is Column.PLATE:
            return translate("PassLogModel", "Plate")
        if column is Column.PERSONS:
            return translate("PassLogModel", "People")
        if column is Column.NAMES:
            return translate("PassLogModel", "Names")
        if column is Column.COLOURS:
            return translate("PassLogModel", "Health code")
        if column is Column.TEMPERATURE:
            return translate("PassLogModel", "\u00b0C")
        if column is Column.OUTCOME:
            return translate("PassLogModel", "Outcome")
        return translate("PassLogModel", "Reasons")

    def _display(self, passage: Passage, column: Column) -> str:
        if column is Column.TIME:
            return passage.at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
        if column is Column.DIRECTION:
            return enum_text(passage.direction)
        if column is Column.SUBJECT:
            return enum_text(passage.subject)
        if column is Column.PLATE:
            return passage.vehicle.plate if passage.vehicle else ""
        if column is Column.PERSONS:
            return str(passage.person_count)
        if column is Column.NAMES:
            names = ", ".join(mask_name(person.name) for person in passage.persons if person.name)
            if is_flagged(passage):
                flags = dict.fromkeys(flag for person in passage.persons for flag in person.flags)
                names = f"{FLAG_MARK} {names} ({', '.join(enum_text(flag) for flag in flags)})"
            return names
        if column is Column.COLOURS:
            counts = Counter(person.code_colour for person in passage.persons)
            parts = []
            for colour in sorted(counts, key=lambda c: -_COLOUR_SEVERITY[c]):
                count = counts[colour]
                parts.append(enum_text(colour) + (f" ×{count}" if count > 1 else ""))
            return ", ".join(parts)
        if column is Column.TEMPERATURE:
            reading = max_temperature(passage)
            return f"{reading:.1f}" if reading is not None else ""
        if column is Column.OUTCOME:
            return enum_text(passage.outcome)
        return "; ".join(enum_text(reason) for reason in passage.reasons)

    def _background(self, passage: Passage, column: Column) -> QBrush | None:
        if column is Column.OUTCOME:
            return _OUTCOME_BACKGROUND[passage.outcome]
        if column is Column.COLOURS:
            return _COLOUR_BACKGROUND.get(worst_colour(passage))
        if column is Column.TEMPERATURE:
            reading = max_temperature(passage)
            if reading is not None and reading >= self._fever_c:
                return _FEVER_BACKGROUND
        return None

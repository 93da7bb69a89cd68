"""A small table model over a list that is replaced whole (search results, the audit trail).

Subclasses give the column enum and ``data``/``headerData``; this holds the rows and a lookup of names
(operators, gates) that came with them, and answers the row and column counts. The pass log does not
use it: it is lazy over millions of rows (``pass_log_model.py``).
"""

from __future__ import annotations

import enum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Row = TypeVar("Row")


class RowsModel(QAbstractTableModel, Generic[Row]):
    columns: ClassVar[type[enum.IntEnum]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._names: dict[Any, str] = {}

    @property
    def rows(self) -> list[Row]:
        return list(self._rows)

    def set_rows(self, rows: list[Row], names: dict[Any, str]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._names = dict(names)
        self.endResetModel()

    def row_at(self, index: QModelIndex | QPersistentModelIndex) -> Row | None:
        """The row an index points at, or None for an invalid or stale index."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        return self._rows[index.row()]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def retranslate(self) -> None:
        """The language changed: headers and every cell are read again (the rows stay)."""
        last_column = len(self.columns) - 1
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, last_column)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, last_column))

"""The Residents tab: the registry's households and their members (ID numbers and phones masked), searched
by name or household, each member's status visible (home quarantine and no-exit in red)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, Slot
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from checkpoint.domain.masking import mask_name, mask_number, mask_phone
from checkpoint.domain.residents import RESTRICTED, Household, Member, ResidentStatus, household_code
from checkpoint.domain.watchlist import normalise_name
from checkpoint.station.residents import ResidentService
from checkpoint.station.texts import enum_text

ALARM_RED = QColor("#c62828")
MOVED_OUT_GREY = QColor("#8a8f98")  # readable on the night and the day theme


class ResidentsView(QWidget):
    """Given the residents service; reads the registry through it when shown and after an import. A member's
    status is the one at the station's time (``clock``)."""

    def __init__(
        self, service: ResidentService, parent: QWidget | None = None, *, clock: Callable[[], datetime]
    ) -> None:
        super().__init__(parent)
        self._service = service
        self._clock = clock
        self._households: list[Household] = []
        self._members: list[Member] = []
        self._problem = ""
        self.search_edit = QLineEdit(self)
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.textChanged.connect(self._on_search_edit_text_changed)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.count_label = QLabel(self)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(6)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        service.listed.connect(self._on_service_listed)
        service.list_failed.connect(self._on_service_list_failed)
        service.imported.connect(lambda _plan: self.refresh())

        top = QHBoxLayout()
        top.addWidget(self.search_edit, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.count_label)
        layout.addWidget(self.tree, 1)
        self.retranslate_ui()

    @Slot()
    def refresh(self) -> None:
        """Reads the registry again (on the writer's thread; ``listed`` brings it)."""
        self._service.load()

    def showEvent(self, event: QShowEvent) -> None:
        self.refresh()
        super().showEvent(event)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.search_edit.setPlaceholderText(self.tr("Search by name or household (e.g. 3-2-501)"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.tree.setHeaderLabels(
            [
                self.tr("Household / name"),
                self.tr("Relation"),
                self.tr("Resident / tenant"),
                self.tr("ID number"),
                self.tr("Phone"),
                self.tr("Status"),
            ]
        )
        self._populate()

    def _matches(self, household: Household | None, code: str, members: list[Member]) -> list[Member]:
        wanted = self.search_edit.text().strip()
        if not wanted:
            return members
        as_code = household_code(wanted)
        if (as_code and code.startswith(as_code)) or wanted.upper() in code:
            return members
        if household is not None and wanted in household.address:
            return members
        name = normalise_name(wanted)
        return [m for m in members if name and name in normalise_name(m.name)]

    def _populate(self) -> None:
        self.tree.clear()
        if self._problem:
            self.count_label.setText(self._problem)
            return
        by_household: dict[str, list[Member]] = {}
        for member in self._members:
            by_household.setdefault(member.household, []).append(member)
        households = {h.code: h for h in self._households}
        codes = sorted(set(households) | set(by_household), key=_code_order)
        now = self._clock()
        shown_households = shown_members = restricted = 0
        for code in codes:
            household = households.get(code)
            members = self._matches(household, code, by_household.get(code, []))
            if self.search_edit.text().strip() and not members:
                continue
            shown_households += 1
            item = QTreeWidgetItem(self.tree, [self._household_title(code, household)])
            item.setFirstColumnSpanned(True)
            for member in members:
                status = member.status_at(now)
                text = enum_text(status)
                if member.status_until is not None and status in RESTRICTED:
                    until = member.status_until.astimezone()
                    text += " " + self.tr("until {when}").format(when=f"{until:%Y-%m-%d %H:%M}")
                elif member.status_from is not None and status is ResidentStatus.MOVED_OUT:
                    since = member.status_from.astimezone()
                    text += " " + self.tr("since {when}").format(when=f"{since:%Y-%m-%d}")
                child = QTreeWidgetItem(
                    item,
                    [
                        mask_name(member.name),
                        member.relation,
                        enum_text(member.residency),
                        mask_number(member.id_number),
                        mask_phone(member.phone) if member.phone else "",
                        text,
                    ],
                )
                if status in RESTRICTED:
                    restricted += 1
                    child.setForeground(5, QBrush(ALARM_RED))
                elif status is ResidentStatus.MOVED_OUT:  # listed for the record, no longer living here
                    for column in range(self.tree.columnCount()):
                        child.setForeground(column, QBrush(MOVED_OUT_GREY))
                shown_members += 1
        self.tree.expandAll()
        for column in range(self.tree.columnCount()):
            self.tree.resizeColumnToContents(column)
        self.count_label.setText(
            self.tr("{households} households, {members} members; {restricted} must not leave.").format(
                households=shown_households, members=shown_members, restricted=restricted
            )
        )

    def _household_title(self, code: str, household: Household | None) -> str:
        parts = [code]
        if household is not None and household.address:
            parts.append(household.address)
        if household is not None and household.exit_every_days is not None:
            parts.append(
                self.tr("exit quota: {exits} per {days} days").format(
                    exits=household.exits_per_period, days=household.exit_every_days
                )
            )
        if household is not None and household.notes:
            parts.append(household.notes)
        return " · ".join(parts)

    @Slot(str)
    def _on_search_edit_text_changed(self, _text: str) -> None:
        self._populate()

    @Slot(object, object)
    def _on_service_listed(self, households: list[Household], members: list[Member]) -> None:
        self._households, self._members, self._problem = households, members, ""
        self._populate()

    @Slot(str)
    def _on_service_list_failed(self, message: str) -> None:
        self._problem = message
        self._populate()


def _code_order(code: str) -> tuple[tuple[int, str], ...]:
    """3-2-501 before 10-1-101: numeric parts compare as numbers."""
    return tuple((int(part), "") if part.isdigit() else (1 << 30, part) for part in code.split("-"))

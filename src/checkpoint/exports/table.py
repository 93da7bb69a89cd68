"""The passage and anomaly tables of a handover, as columns of plain values shared by XLSX and CSV.

Times are naive local datetimes in the report's window timezone (spreadsheets have no timezones); the
time column's header names the zone, e.g. "时间 (UTC+08:00)".
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from uuid import UUID

from checkpoint.domain.handover import HandoverReport, HandoverRow
from checkpoint.domain.overrides import Override
from checkpoint.exports.labels import HandoverLabels


class ColumnKind(enum.Enum):
    INTEGER = "integer"
    TEXT = "text"
    DATETIME = "datetime"
    TEMPERATURE = "temperature"


Value = str | int | float | datetime | None


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    kind: ColumnKind
    value: Callable[[HandoverRow], Value]


def zone_caption(report: HandoverReport) -> str:
    """The window's UTC offset as people read it: "UTC+08:00" (two offsets if the window spans a change)."""
    offsets = {_offset_text(report.window_start.utcoffset()), _offset_text(report.window_end.utcoffset())}
    return "/".join(sorted(offsets))


def _offset_text(offset: timedelta | None) -> str:
    minutes = int((offset or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours:02d}:{rest:02d}"


def override_text(override: Override | None, enum_text: Callable[[enum.Enum], str]) -> str:
    """An override in one cell: "劝返 → 放行 · 带班领导批准 · what the operator typed" ("" for none)."""
    if override is None:
        return ""
    parts = [f"{enum_text(override.proposed)} → {enum_text(override.chosen)}", enum_text(override.reason)]
    if override.detail:
        parts.append(override.detail)
    return " · ".join(parts)


def local_naive(value: datetime, zone: tzinfo | None) -> datetime:
    """``value`` as wall-clock time in ``zone``, without tzinfo (what a spreadsheet cell can hold)."""
    return value.astimezone(zone).replace(tzinfo=None)


class TableBuilder:
    """Builds the columns of the passages and anomalies tables for one report and one set of labels."""

    def __init__(
        self, report: HandoverReport, labels: HandoverLabels, operator_names: Mapping[UUID, str] | None
    ) -> None:
        self.report = report
        self.labels = labels
        self._zone = report.window_start.tzinfo
        self._operator_names = dict(operator_names or {})
        self._seq_by_uuid = {row.uuid: row.seq for row in report.rows}

    def local(self, value: datetime) -> datetime:
        return local_naive(value, self._zone)

    def operator_name(self, operator_id: UUID) -> str:
        return self._operator_names.get(operator_id) or str(operator_id)[:8]

    def _join_enums(self, values: Iterable[enum.Enum]) -> str:
        return self.labels.separator.join(self.labels.enum_text(v) for v in values)

    def _reference(self, ref: UUID | None) -> str | int | None:
        """Another passage by its number when it is in this report, else by its record id."""
        if ref is None:
            return None
        return self._seq_by_uuid.get(ref, str(ref))

    def _all_columns(self) -> dict[str, Column]:
        lab = self.labels
        text = lab.enum_text
        return {
            "number": Column(lab.number, ColumnKind.INTEGER, lambda r: r.seq),
            "time": Column(
                f"{lab.time} ({zone_caption(self.report)})", ColumnKind.DATETIME, lambda r: self.local(r.at)
            ),
            "direction": Column(lab.direction, ColumnKind.TEXT, lambda r: text(r.direction)),
            "subject": Column(lab.subject, ColumnKind.TEXT, lambda r: text(r.subject)),
            "plate": Column(lab.plate, ColumnKind.TEXT, lambda r: r.plate),
            "vehicle_kind": Column(
                lab.vehicle_kind,
                ColumnKind.TEXT,
                lambda r: lab.vehicle_kind_text(r.vehicle_kind) if r.vehicle_kind else "",
            ),
            "origin": Column(lab.origin, ColumnKind.TEXT, lambda r: r.origin),
            "destination": Column(lab.destination, ColumnKind.TEXT, lambda r: r.destination),
            "person_count": Column(lab.person_count, ColumnKind.INTEGER, lambda r: r.persons),
            "names": Column(
                lab.names, ColumnKind.TEXT, lambda r: lab.separator.join(n for n in r.names if n)
            ),
            "code_colour": Column(lab.code_colour, ColumnKind.TEXT, lambda r: self._join_enums(r.colours)),
            "itinerary": Column(lab.itinerary, ColumnKind.TEXT, lambda r: self._join_enums(r.itineraries)),
            "max_temperature": Column(
                lab.max_temperature, ColumnKind.TEMPERATURE, lambda r: r.max_temperature
            ),
            "outcome": Column(lab.outcome, ColumnKind.TEXT, lambda r: text(r.outcome)),
            "anomaly": Column(lab.anomaly, ColumnKind.TEXT, lambda r: self._join_enums(r.anomalies)),
            "reasons": Column(lab.reasons, ColumnKind.TEXT, lambda r: self._join_enums(r.reasons)),
            "operator": Column(lab.operator, ColumnKind.TEXT, lambda r: self.operator_name(r.operator_id)),
            "note": Column(lab.note, ColumnKind.TEXT, lambda r: r.note),
            "correction_of": Column(
                lab.correction_of, ColumnKind.TEXT, lambda r: self._reference(r.corrects)
            ),
            "correction_reason": Column(
                lab.correction_reason, ColumnKind.TEXT, lambda r: r.correction_reason
            ),
            "corrected_by": Column(
                lab.corrected_by, ColumnKind.TEXT, lambda r: self._reference(r.corrected_by)
            ),
            "record_id": Column(lab.record_id, ColumnKind.TEXT, lambda r: str(r.uuid)),
            "override": Column(lab.override, ColumnKind.TEXT, lambda r: override_text(r.override, text)),
        }

    def columns(self, keys: Sequence[str]) -> list[Column]:
        """The named columns (see ``PASSAGE_COLUMNS`` and ``ANOMALY_COLUMNS``), in that order."""
        available = self._all_columns()
        return [available[key] for key in keys]


PASSAGE_COLUMNS: tuple[str, ...] = (
    "number",
    "time",
    "direction",
    "subject",
    "plate",
    "vehicle_kind",
    "origin",
    "destination",
    "person_count",
    "names",
    "code_colour",
    "itinerary",
    "max_temperature",
    "outcome",
    "reasons",
    "operator",
    "note",
    "correction_of",
    "correction_reason",
    "corrected_by",
    "record_id",
    "override",  # last: the columns before it keep their places for scripts that read them by position
)

ANOMALY_COLUMNS: tuple[str, ...] = (
    "number",
    "time",
    "direction",
    "subject",
    "plate",
    "origin",
    "destination",
    "person_count",
    "names",
    "code_colour",
    "itinerary",
    "max_temperature",
    "outcome",
    "anomaly",
    "reasons",
    "operator",
    "note",
    "override",
)

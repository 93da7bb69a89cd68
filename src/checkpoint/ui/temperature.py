"""The temperature entry: 34.0-42.0 °C in 0.1 steps, blank until measured, red from the gate profile's
fever threshold."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal, Slot
from PySide6.QtWidgets import QDoubleSpinBox, QWidget

from checkpoint.domain.rules import Thresholds
from checkpoint.ui.style import repolish

LOWEST_C = 34.0
HIGHEST_C = 42.0
STEP_C = 0.1
FIRST_STEP_C = 36.5  # stepping up from blank starts at a normal reading, not at 34.0

_BLANK = LOWEST_C - STEP_C  # the spin box's minimum stands for "not measured"


class TemperatureEntry(QDoubleSpinBox):
    """A spin box whose lowest position means "not measured" (shown as a dash).

    Signals:
        temperature_changed(object): the reading in °C, or None when cleared.
    """

    temperature_changed = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("temperatureEntry")
        self.setDecimals(1)
        self.setRange(_BLANK, HIGHEST_C)
        self.setSingleStep(STEP_C)
        self.setSpecialValueText("—")
        self.setValue(_BLANK)
        self.setProperty("fever", False)
        self._fever_c = Thresholds().fever_c
        self.valueChanged.connect(self._on_value_changed)
        self.retranslate_ui()

    def temperature(self) -> float | None:
        value = round(self.value(), 1)
        return None if value < LOWEST_C else value

    def set_temperature(self, celsius: float | None) -> None:
        """Shows a reading without emitting ``temperature_changed``."""
        self.blockSignals(True)
        self.setValue(_BLANK if celsius is None else celsius)
        self.blockSignals(False)
        self._update_fever()

    @property
    def fever_threshold(self) -> float:
        return self._fever_c

    def set_fever_threshold(self, celsius: float) -> None:
        """The gate profile's fever threshold (``profile.thresholds.fever_c``)."""
        if celsius != self._fever_c:
            self._fever_c = celsius
            self.retranslate_ui()
            self._update_fever()

    def is_fever(self) -> bool:
        reading = self.temperature()
        return reading is not None and reading >= self._fever_c

    def stepBy(self, steps: int) -> None:
        if self.temperature() is None and steps > 0:
            self.setValue(FIRST_STEP_C)
            return
        super().stepBy(steps)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setSuffix(" °C")
        self.setToolTip(
            self.tr("Body temperature; {threshold} °C and above is a fever.").format(
                threshold=f"{self._fever_c:.1f}"
            )
        )

    @Slot(float)
    def _on_value_changed(self, _value: float) -> None:
        self._update_fever()
        self.temperature_changed.emit(self.temperature())

    def _update_fever(self) -> None:
        fever = self.is_fever()
        if bool(self.property("fever")) != fever:
            self.setProperty("fever", fever)
            repolish(self)

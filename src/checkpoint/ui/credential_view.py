"""What the scanned code proves, in plain words: verified by signature (✔) versus attested by the operator.

A DCC shows its holder, date of birth and certificate type; a station pass its kind, holder, household and
validity; a health code the platform it comes from and that it cannot be verified offline. Forged, expired,
revoked and untrusted credentials are said in words, never as an error code. Personal data is masked.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import PassKind, PassVerdict
from checkpoint.domain.masking import mask_name, mask_number, mask_phone
from checkpoint.domain.records import CodeKind
from checkpoint.station.credentials import Verification
from checkpoint.station.session import DraftState
from checkpoint.station.texts import (
    certificate_type_text,
    dcc_status_text,
    enum_text,
    verified_fact_text,
)
from checkpoint.ui.style import repolish

_STYLE = """
CredentialView QLabel#credentialStatus { font-size: 14pt; font-weight: bold; }
CredentialView[state="ok"] QLabel#credentialStatus { color: #3fb950; }
CredentialView[state="bad"] QLabel#credentialStatus { color: #ff6b5e; }
CredentialView[state="warn"] QLabel#credentialStatus { color: #e3a008; }
CredentialView QLabel#credentialDetails { font-size: 11pt; }
"""


def _time(value: datetime | None) -> str:
    return value.astimezone().strftime("%m-%d %H:%M") if value is not None else "?"


class CredentialView(QFrame):
    """Given drafts by the station view (``show_draft``); holds no state of its own beyond the texts."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("credentialView")
        self.setStyleSheet(_STYLE)
        self.setProperty("state", "none")
        self.status = QLabel(self)
        self.status.setObjectName("credentialStatus")
        self.status.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("credentialDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        for label in (self.status, self.details):
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 2, 0, 2)
        layout.setSpacing(2)
        layout.addWidget(self.status)
        layout.addWidget(self.details)
        self._draft = DraftState()
        self.show_draft(self._draft)

    @property
    def state(self) -> str:
        return str(self.property("state"))

    def text(self) -> str:
        return f"{self.status.text()}\n{self.details.text()}".strip()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.show_draft(self._draft)
        super().changeEvent(event)

    def show_draft(self, draft: DraftState) -> None:
        self._draft = draft
        state, status, lines = self._describe(draft)
        if draft.manual is not None:
            manual = draft.manual
            who = " · ".join(
                part
                for part in (
                    mask_name(manual.name),
                    mask_number(manual.id_number),
                    mask_phone(manual.phone) if manual.phone else "",
                )
                if part
            )
            lines.append(
                self.tr("Typed by hand: {who} · {flags} — flagged for a later re-check").format(
                    who=who, flags=", ".join(enum_text(flag) for flag in draft.flags)
                )
            )
            if manual.seen_at is not None:
                lines.append(
                    self.tr("This person was already recorded at {time} in this shift.").format(
                        time=manual.seen_at.astimezone().strftime("%H:%M")
                    )
                )
            if state == "none":
                state, status = "warn", self.tr("Degraded mode: identity typed by hand")
        verified = draft.verification.verified_facts() if draft.verification else ()
        attested = self._attested(draft)
        if verified or attested:
            lines.append(
                self.tr("Verified: {verified}   Attested by the operator: {attested}").format(
                    verified="✔ " + ", ".join(verified_fact_text(f) for f in verified) if verified else "—",
                    attested=", ".join(attested) if attested else "—",
                )
            )
        if self.property("state") != state:
            self.setProperty("state", state)
            repolish(self)
            repolish(self.status)
        self.status.setText(status)
        self.details.setText("\n".join(lines))

    def _attested(self, draft: DraftState) -> list[str]:
        names = []
        if draft.colour.value != "none":
            names.append(self.tr("code colour"))
        if draft.itinerary.value != "none":
            names.append(self.tr("itinerary"))
        if draft.test_age_days is not None:
            names.append(self.tr("test"))
        if draft.temperature is not None:
            names.append(self.tr("temperature"))
        return names

    def _describe(self, draft: DraftState) -> tuple[str, str, list[str]]:
        v = draft.verification
        if v is None:
            return "none", "", []
        lines: list[str] = []
        if v.previous_scan is not None:
            lines.append(
                self.tr("This code was scanned before at {time} in this shift.").format(
                    time=v.previous_scan.astimezone().strftime("%H:%M")
                )
            )
        if v.kind is CodeKind.STATION_PASS:
            state, status = self._pass(v, lines)
        elif v.kind is CodeKind.DCC:
            state, status = self._dcc(v, lines)
        elif v.kind is CodeKind.HEALTH_CODE:
            platform = v.platform
            name = "" if platform is None else self._platform_name(platform.name_zh, platform.name_en)
            status = (
                self.tr("Health code from {platform}").format(platform=name)
                if name
                else enum_text(CodeKind.HEALTH_CODE)
            )
            lines.insert(0, self.tr("Cannot be verified offline: attest the colour the phone shows."))
            state = "warn" if v.previous_scan is not None else "none"
        else:
            state, status = "warn", self.tr("Unrecognised code: check the person by hand.")
        return state, status, lines

    def _platform_name(self, name_zh: str, name_en: str) -> str:
        return name_zh if QLocale().language() is QLocale.Language.Chinese else name_en

    def _pass(self, v: Verification, lines: list[str]) -> tuple[str, str]:
        verdict = v.pass_verdict or PassVerdict.NOT_A_PASS
        kind = enum_text(v.pass_kind) if v.pass_kind is not None else enum_text(CodeKind.STATION_PASS)
        ok = verdict is PassVerdict.VALID
        mark = "✔" if ok else "✘"
        status = f"{mark} {kind}: {enum_text(verdict)}"
        if v.keys_missing and verdict is PassVerdict.WRONG_KEY:
            status = f"✘ {kind}: " + self.tr(
                "Cannot be checked: this gate has no pass key (ask the administrator)."
            )
        if v.pass_kind is not None:
            parts = [self.tr("Holder: {name}").format(name=mask_name(v.holder_name))]
            if v.household:
                parts.append(self.tr("Household: {id}").format(id=v.household))
            parts.append(
                self.tr("Valid {start} – {end}").format(start=_time(v.valid_from), end=_time(v.valid_until))
            )
            if v.issuer:
                parts.append(self.tr("Issuer: {issuer}").format(issuer=v.issuer))
            lines.insert(0, " · ".join(parts))
        if v.pass_kind is PassKind.EXIT_SLIP and v.signature_valid:
            lines.append(
                self.tr("Household exits in the last {days} days: {count}").format(
                    days=v.quota_days, count=v.exits_in_window
                )
            )
            if v.out_since is not None:
                lines.append(
                    self.tr("Out since {time} (back within {hours} h)").format(
                        time=_time(v.out_since), hours=v.return_hours
                    )
                )
        if ok:
            return "ok", status
        return ("bad" if verdict is not PassVerdict.NOT_YET_VALID else "warn"), status

    def _dcc(self, v: Verification, lines: list[str]) -> tuple[str, str]:
        words = dcc_status_text(v.signature.value, v.code.expired, v.trust_missing)
        ok = v.signature is Signature.VALID and not v.code.expired
        status = f"{'✔' if ok else '✘'} {enum_text(CodeKind.DCC)}: {words}"
        if v.code.payload is not None:
            parts = [self.tr("Name: {name}").format(name=mask_name(v.holder_name) or "?")]
            if v.birth_date:
                parts.append(self.tr("Born: {date}").format(date=v.birth_date))
            if v.certificate_type:
                parts.append(certificate_type_text(v.certificate_type))
            lines.insert(0, " · ".join(parts))
        return ("ok" if ok else "bad"), status

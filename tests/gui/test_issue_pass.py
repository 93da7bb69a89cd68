"""Issuing a pass from the GUI (File > Issue pass...), as a shift leader at a compound gate does it: the
kind and its fields, Issue, the QR shown large once the pass is on record, printed or saved as a PNG that
verifies. Passes could be issued only with ``checkpoint passes issue`` before."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from checkpoint.camera.scan_command import Verification, scan_image_file
from checkpoint.domain.credentials import PassKind, PassVerdict, StationKeys, pass_verdict
from checkpoint.domain.records import AuditAction, Operator, Role
from checkpoint.station.services import StationServices
from checkpoint.storage.keys import create_deployment_key
from checkpoint.ui.main_window import MainWindow
from checkpoint.ui.pass_dialog import CARD_SIDE, IssuePassDialog

TIMEOUT = 10_000


@pytest.fixture()
def leader(services: StationServices) -> Operator:
    operator = services.writer.database.operators.ensure_operator("带班王", Role.SHIFT_LEADER)
    services.auth.adopt(operator)
    return operator


def open_dialog(qtbot: QtBot, window: MainWindow) -> IssuePassDialog:
    assert window.issue_pass_action.isEnabled() and window.issue_pass_action in window.file_menu.actions()
    window.issue_pass_action.trigger()
    dialog = window.findChild(IssuePassDialog)
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    return dialog


def issue_exit_slip(qtbot: QtBot, dialog: IssuePassDialog, services: StationServices) -> None:
    dialog.set_kind(PassKind.EXIT_SLIP)
    fields = dialog.inputs[PassKind.EXIT_SLIP]
    qtbot.keyClicks(fields["household_id"], "3-2-501")
    qtbot.keyClicks(fields["member_name"], "Li Lei")  # QTest types ASCII only
    with qtbot.waitSignal(dialog._service.issued, timeout=TIMEOUT):
        qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)


def test_a_leader_issues_an_exit_slip_and_saves_a_card_that_verifies(
    qtbot: QtBot, window: MainWindow, services: StationServices, leader: Operator, tmp_path: Path
) -> None:
    key = create_deployment_key()
    dialog = open_dialog(qtbot, window)
    assert not dialog.print_button.isEnabled()  # nothing to print before it is on record
    qtbot.mouseClick(dialog.issue_button, Qt.MouseButton.LeftButton)
    assert "Fill in" in dialog.error_label.text()  # empty fields: nothing signed
    issue_exit_slip(qtbot, dialog, services)

    card = dialog.card
    assert card is not None and card.content.kind is PassKind.EXIT_SLIP
    pixmap = dialog.card_label.pixmap()
    assert not pixmap.isNull() and min(pixmap.width(), pixmap.height()) >= CARD_SIDE  # the QR, large
    database = services.writer.database
    [issued] = database.passes.issued_passes()
    assert issued.pass_id == str(card.content.pass_id) and issued.household == "3-2-501"
    audit = [e for e in database.audit.audit_entries() if e.action is AuditAction.PASS_ISSUED]
    assert audit[-1].operator_id == leader.id

    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.save_dialog is not None and dialog.save_dialog.isVisible())
    saving = dialog.save_dialog
    assert isinstance(saving, QFileDialog)
    target = tmp_path / "exit-slip.png"
    saving.selectFile(str(target))
    saving.accept()
    qtbot.waitUntil(target.is_file)
    verification = Verification(station_keys=StationKeys.of([key.public_key()]), at=services.clock())
    [code] = scan_image_file(target, verification)
    assert code.text == card.payload
    assert pass_verdict(code) is PassVerdict.VALID


def test_the_card_prints_on_one_page_through_the_print_dialog(
    qtbot: QtBot, window: MainWindow, services: StationServices, leader: Operator, tmp_path: Path
) -> None:
    create_deployment_key()
    dialog = open_dialog(qtbot, window)
    issue_exit_slip(qtbot, dialog, services)
    out = tmp_path / "card.pdf"
    dialog.printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    dialog.printer.setOutputFileName(str(out))
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.print_dialog is not None and dialog.print_dialog.isVisible())
    assert isinstance(dialog.print_dialog, QPrintDialog)
    dialog.print_dialog.reject()  # the leader looks, then prints without it (no printer here)
    dialog.print_card(dialog.printer)
    document = QPdfDocument()
    document.load(str(out))
    assert document.pageCount() == 1


def test_without_a_signing_key_the_dialog_says_how_to_make_one(
    qtbot: QtBot, window: MainWindow, services: StationServices, leader: Operator
) -> None:
    dialog = open_dialog(qtbot, window)
    dialog.set_kind(PassKind.SUPPLY_VEHICLE)
    for name, text in (("plate", "A12345"), ("route", "G4"), ("company", "Xiangyun")):
        qtbot.keyClicks(dialog.inputs[PassKind.SUPPLY_VEHICLE][name], text)
    with qtbot.waitSignal(dialog._service.failed, timeout=TIMEOUT):
        qtbot.keyClick(dialog.inputs[PassKind.SUPPLY_VEHICLE]["company"], Qt.Key.Key_Return)
    assert "passes keygen" in dialog.error_label.text()
    assert dialog.card is None and services.writer.database.passes.issued_passes() == []


@pytest.mark.expected_log  # the refusal is said on the message bus, which logs it
def test_an_operator_is_not_offered_the_dialog(
    qtbot: QtBot, window: MainWindow, services: StationServices
) -> None:
    services.auth.adopt(services.writer.database.operators.ensure_operator("小王", Role.OPERATOR))
    assert not window.issue_pass_action.isEnabled()
    assert window.open_issue_pass_dialog() is None

"""The first run: the gate, the first administrator with a PIN, and the deployment's keys.

Due while the database has no enabled administrator with a PIN (a new station, or one from before PINs).
The wizard (``ui/first_run.py``) collects a :class:`FirstRunSetup`; :func:`complete_first_run` checks it
and writes everything, so the command line and tests run the same steps without the wizard. The wizard
calls it through :class:`FirstRunService`, which says why a write failed without a storage error.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSettings

from checkpoint.domain.credentials.passes import key_id
from checkpoint.domain.records import AuditAction, Operator, Role
from checkpoint.domain.roles import PinProblem, new_recovery_code, pin_problem
from checkpoint.domain.validators import PROVINCES
from checkpoint.station.device_settings import HOME_PROVINCE_KEY
from checkpoint.station.profiles import ProfileStore
from checkpoint.station.texts import enum_text
from checkpoint.storage.database import Database
from checkpoint.storage.errors import StorageError
from checkpoint.storage.keys import (
    KeyExistsError,
    KeyFileError,
    create_deployment_key,
    data_key_path,
    keys_dir,
    load_data_key,
    load_private_key,
)
from checkpoint.storage.operators import OperatorRefusal, OperatorRefusedError
from checkpoint.storage.pii import PiiCipher

PROFILES = ("highway-exit", "compound-gate")


class SetupProblem(enum.StrEnum):
    NO_GATE_NAME = "no_gate_name"
    UNKNOWN_PROFILE = "unknown_profile"
    NO_ADMIN_NAME = "no_admin_name"
    NAME_TAKEN = "name_taken"
    ADMINISTRATOR_EXISTS = "administrator_exists"  # another administrator is on record: give their name
    PIN = "pin"


class FirstRunError(ValueError):
    """The setup cannot be completed as given; ``problem`` (and ``pin``) say why, ``text()`` in words."""

    def __init__(self, problem: SetupProblem, pin: PinProblem | None = None) -> None:
        super().__init__(problem.value if pin is None else f"{problem.value}: {pin.value}")
        self.problem = problem
        self.pin = pin

    def text(self) -> str:
        if self.pin is not None:
            return enum_text(self.pin)
        return {
            SetupProblem.NO_GATE_NAME: QCoreApplication.translate("FirstRun", "Give the gate a name."),
            SetupProblem.UNKNOWN_PROFILE: QCoreApplication.translate("FirstRun", "Choose the gate's kind."),
            SetupProblem.NO_ADMIN_NAME: QCoreApplication.translate(
                "FirstRun", "Give the administrator's name."
            ),
            SetupProblem.NAME_TAKEN: QCoreApplication.translate(
                "FirstRun", "This name belongs to an operator who is not an administrator: choose another."
            ),
            SetupProblem.ADMINISTRATOR_EXISTS: QCoreApplication.translate(
                "FirstRun",
                "This station already has an administrator: type their name to give them a new PIN.",
            ),
            SetupProblem.PIN: "",
        }[self.problem]


@dataclass(frozen=True, slots=True)
class FirstRunSetup:
    gate_name: str
    profile: str  # one of PROFILES
    admin_name: str
    pin: str
    pin_again: str
    # the administrator's recovery code (``domain.roles.new_recovery_code``): the wizard shows it before
    # Finish, the database keeps only its hash
    recovery_code: str = field(default_factory=new_recovery_code)
    home_province: str = ""  # the plate character preset for every vehicle (one of PROVINCES); "": none


def needs_first_run(database: Database) -> bool:
    """No enabled administrator with a PIN: nobody could manage operators, so the wizard runs."""
    return not database.operators.has_administrator()


def check_setup(setup: FirstRunSetup) -> None:
    """Raises :class:`FirstRunError` for the first thing wrong with ``setup``."""
    if not setup.gate_name.strip():
        raise FirstRunError(SetupProblem.NO_GATE_NAME)
    if setup.profile not in PROFILES:
        raise FirstRunError(SetupProblem.UNKNOWN_PROFILE)
    if not setup.admin_name.strip():
        raise FirstRunError(SetupProblem.NO_ADMIN_NAME)
    problem = pin_problem(setup.pin, setup.pin_again)
    if problem is not None:
        raise FirstRunError(SetupProblem.PIN, problem)


def create_deployment_keys(database: Database, at: datetime, by: Operator | None) -> list[str]:
    """Creates the deployment's keys, each audited ``key_created``; returns what was done, one line each.

    The one place a new deployment's keys are made: the Ed25519 pass-signing key (``storage/keys.py``;
    an existing key is kept, passes signed with it keep verifying) and the data key that seals ID numbers
    and phones (``storage/pii.py``; opening the database made it already when the database had none: it
    is named here so the administrator knows to back it up).
    """
    done: list[str] = []
    try:
        key = create_deployment_key()
        verb = "created"
    except KeyExistsError:
        key = load_private_key()
        verb = "kept"
    kid = key_id(key.public_key()).hex()
    database.audit.append_audit(
        AuditAction.KEY_CREATED, f"deployment key {kid} ({verb})", at, by.id if by else None
    )
    done.append(f"pass-signing key {kid} {verb}")
    data_kid = PiiCipher(load_data_key()).key_id
    database.audit.append_audit(
        AuditAction.KEY_CREATED, f"data key {data_kid} at {data_key_path()}", at, by.id if by else None
    )
    done.append(
        f"data key {data_kid} at {data_key_path()} (back it up: without it ID numbers and phones are lost)"
    )
    return done


def complete_first_run(
    database: Database, settings: QSettings, setup: FirstRunSetup, at: datetime
) -> tuple[Operator, list[str]]:
    """Writes the gate (settings and record), the first administrator with their PIN and the keys.

    Returns the administrator and the key lines. Raises :class:`FirstRunError` (nothing written),
    ``StorageError`` or ``KeyFileError``.
    """
    check_setup(setup)
    gate_name, admin_name = setup.gate_name.strip(), setup.admin_name.strip()
    ProfileStore().load(setup.profile)  # never a gate on rules that cannot be read
    existing = {a.operator.name: a for a in database.operators.operator_accounts()}
    account = existing.get(admin_name)
    if account is not None and account.operator.role is not Role.ADMINISTRATOR:
        raise FirstRunError(SetupProblem.NAME_TAKEN)
    if account is None:  # refused (nothing written) if the station has an administrator meanwhile
        try:
            admin = database.operators.add_first_administrator(
                admin_name, setup.pin, at, recovery_code=setup.recovery_code
            )
        except OperatorRefusedError as error:
            if error.reason is not OperatorRefusal.ADMINISTRATOR_EXISTS:
                raise
            raise FirstRunError(SetupProblem.ADMINISTRATOR_EXISTS) from error
    else:  # an administrator from before PINs (or disabled): give them the PIN and enable them
        admin = account.operator
        database.operators.set_operator_pin(admin.id, setup.pin, at, None)
        if not account.enabled:
            database.operators.set_operator_enabled(admin.id, True, at, None)
        database.operators.set_recovery_code(admin.id, setup.recovery_code, at, None)
    gate = database.gates.ensure_gate(gate_name, setup.profile)
    if gate.profile != setup.profile:
        database.gates.set_gate_profile(gate.id, setup.profile, at, admin.id)
    settings.setValue("gate/name", gate_name)
    settings.setValue("gate/profile", setup.profile)
    if len(setup.home_province) == 1 and setup.home_province in PROVINCES:
        settings.setValue(HOME_PROVINCE_KEY, setup.home_province)
    settings.sync()
    return admin, create_deployment_keys(database, at, admin)


class SetupRefusedError(Exception):
    """The database refused the set-up (disk full, locked, read-only...); ``reason`` says why in words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class KeysNotWrittenError(Exception):
    """A deployment key file could not be written; the message says why."""


class FirstRunService:
    """The first run on the database, for the wizard: given the database, the settings (where the gate is
    written) and the station's clock (when the set-up is recorded). It runs on the GUI thread, before the
    writer starts: nothing else runs yet."""

    def __init__(self, database: Database, settings: QSettings, *, clock: Callable[[], datetime]) -> None:
        self._database = database
        self._settings = settings
        self._clock = clock

    @property
    def keys_folder(self) -> Path:
        """Where the deployment's pass-signing key is made (and kept, if there is one)."""
        return keys_dir()

    @property
    def data_key_file(self) -> Path:
        """The data key that seals ID numbers and phones: to be backed up."""
        return data_key_path()

    def complete(self, setup: FirstRunSetup) -> tuple[Operator, list[str]]:
        """:func:`complete_first_run` now; returns the administrator and the key lines. Raises
        :class:`FirstRunError` (nothing written), :class:`SetupRefusedError` or
        :class:`KeysNotWrittenError`."""
        try:
            return complete_first_run(self._database, self._settings, setup, self._clock())
        except StorageError as error:
            raise SetupRefusedError(enum_text(error.kind)) from error
        except KeyFileError as error:
            raise KeysNotWrittenError(str(error)) from error

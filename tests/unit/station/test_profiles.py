"""Profile files: shipped ones load, a save validates, bumps the version, keeps the old one readable, writes
to the config folder only, audits RULES_CHANGED and tells the session, which decides under the new rules."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from checkpoint import paths
from checkpoint.app import build_session
from checkpoint.domain.records import AuditAction, CodeColour, Itinerary, Outcome, Reason, Role
from checkpoint.domain.rules import ProblemCode, ProfileError
from checkpoint.station.profiles import ProfileNotFoundError, ProfileStore, shipped_profiles_dir
from checkpoint.station.writer import RecordWriter
from checkpoint.storage.database import Database, open_database

NOW = datetime(2026, 11, 22, 9, 30, tzinfo=UTC)


@pytest.fixture()
def database(tmp_path: Path) -> Iterator[Database]:
    db = open_database(f"sqlite:///{tmp_path / 'station.sqlite3'}")
    yield db
    db.close()


@pytest.fixture()
def writer(qapp: object, database: Database) -> Iterator[RecordWriter]:
    w = RecordWriter(database)
    w.start()
    yield w
    w.stop()


@pytest.fixture()
def store(writer: RecordWriter) -> ProfileStore:
    return ProfileStore(writer, clock=lambda: NOW)


def wait_audit(qtbot: QtBot, writer: RecordWriter) -> None:
    if writer.pending:
        with qtbot.waitSignal(writer.busy_changed, timeout=5000, check_params_cb=lambda busy: not busy):
            pass


def test_shipped_profiles_are_available_and_valid(store: ProfileStore) -> None:
    assert {"highway-exit", "compound-gate"} <= set(store.available())
    for name in ("highway-exit", "compound-gate"):
        profile = store.load(name)
        assert profile.name == name
        assert profile.rules
        assert not store.is_edited(name)
    with pytest.raises(ProfileNotFoundError):
        store.load("no-such-gate")
    with pytest.raises(ProfileNotFoundError):
        store.load("../etc/passwd")


def test_save_bumps_version_keeps_old_one_and_audits(
    qtbot: QtBot, store: ProfileStore, writer: RecordWriter, database: Database
) -> None:
    shipped_before = (shipped_profiles_dir() / "highway-exit.toml").read_bytes()
    text = store.text("highway-exit").replace("fever_c = 37.3", "fever_c = 37.5")
    operator = database.operators.ensure_operator("王建国", Role.SHIFT_LEADER)
    with qtbot.waitSignal(store.profile_changed, timeout=2000) as changed:
        saved = store.save("highway-exit", text, operator.id)
    assert changed.args == ["highway-exit"]
    assert saved.version == "2"
    assert saved.rules_version == "highway-exit/2"
    assert saved.thresholds.fever_c == 37.5
    current = store.text("highway-exit")
    assert "version = 2" in current
    assert "# Highway exit gate" in current  # comments survive the version bump
    assert store.is_edited("highway-exit")
    assert (paths.config_dir() / "profiles" / "highway-exit.toml").is_file()
    assert (shipped_profiles_dir() / "highway-exit.toml").read_bytes() == shipped_before

    again = store.save("highway-exit", current.replace("fever_c = 37.5", "fever_c = 37.6"))
    assert again.version == "3"
    assert store.versions("highway-exit") == ["1", "2", "3"]
    assert store.load_version("highway-exit", "2").thresholds.fever_c == 37.5
    assert store.load_version("highway-exit", "1").thresholds.fever_c == 37.3
    assert store.load("highway-exit").thresholds.fever_c == 37.6
    with pytest.raises(ProfileNotFoundError):
        store.load_version("highway-exit", "9")

    wait_audit(qtbot, writer)
    audits = [e for e in database.audit.audit_entries() if e.action is AuditAction.RULES_CHANGED]
    assert [e.detail for e in audits] == [
        "profile highway-exit: version 1 -> 2 (highway-exit/2)",
        "profile highway-exit: version 2 -> 3 (highway-exit/3)",
    ]
    assert audits[0].operator_id == operator.id
    assert audits[0].at == NOW
    assert database.verify().ok


def test_invalid_profile_is_refused_and_nothing_is_written(store: ProfileStore, database: Database) -> None:
    bad = store.text("compound-gate").replace('outcome = "hold"', 'outcome = "maybe"', 1)
    with pytest.raises(ProfileError) as info:
        store.save("compound-gate", bad)
    assert [p.code for p in info.value.problems] == [ProblemCode.UNKNOWN_OUTCOME]
    assert not store.is_edited("compound-gate")
    assert not store.edited_dir.exists() or not any(store.edited_dir.iterdir())
    assert not [e for e in database.audit.audit_entries() if e.action is AuditAction.RULES_CHANGED]


def test_a_profile_cannot_be_saved_under_another_name(store: ProfileStore) -> None:
    with pytest.raises(ProfileError) as info:
        store.save("compound-gate", store.text("highway-exit"))
    assert info.value.problems[0].code is ProblemCode.NAME_MISMATCH


def test_a_higher_version_chosen_by_the_leader_is_kept(store: ProfileStore) -> None:
    text = store.text("compound-gate").replace("version = 3", 'version = "4.0.0"')
    assert store.save("compound-gate", text).version == "4.0.0"
    assert store.save("compound-gate", store.text("compound-gate")).version == "4.0.1"


def test_an_edited_file_broken_by_hand_is_kept_and_versions_count_on(store: ProfileStore) -> None:
    store.edited_dir.mkdir(parents=True)
    (store.edited_dir / "highway-exit.toml").write_text("broken [", encoding="utf-8")
    with pytest.raises(ProfileError):
        store.load("highway-exit")
    saved = store.save("highway-exit", store.shipped_text("highway-exit"))
    assert saved.version == "2"
    assert store.load("highway-exit").version == "2"


def test_read_only_store_refuses_to_save(qapp: object) -> None:
    with pytest.raises(RuntimeError):
        ProfileStore().save("highway-exit", ProfileStore().text("highway-exit"))


def test_session_decides_under_the_gate_profile_and_follows_a_save(
    qtbot: QtBot, store: ProfileStore, writer: RecordWriter, database: Database
) -> None:
    gate = database.gates.ensure_gate("Gate 1", "highway-exit")
    operator = database.operators.ensure_operator("李明", Role.SHIFT_LEADER)
    shift = database.shifts.open_shift(gate.id, operator.id, NOW, "day")
    session = build_session(writer, gate, operator, shift, profiles=store, clock=lambda: NOW)
    assert session.profile.rules_version == "highway-exit/1"
    session.set_colour(CodeColour.GREEN)
    session.set_itinerary(Itinerary.GREEN)
    session.set_test_age(3)
    assert (session.draft.proposed, session.draft.reasons) == (Outcome.TURN_BACK, (Reason.TEST_TOO_OLD,))

    text = store.text("highway-exit").replace("max_test_age_days = 2", "max_test_age_days = 3")
    with qtbot.waitSignal(session.draft_changed, timeout=2000):
        store.save("highway-exit", text, operator.id)
    assert session.profile.rules_version == "highway-exit/2"
    assert (session.draft.proposed, session.draft.reasons) == (Outcome.PASS, (Reason.ALL_CHECKS_CLEAR,))

    with qtbot.waitSignal(session.passage_recorded, timeout=5000) as recorded:
        session.confirm(Outcome.PASS)
    assert recorded.args[0].rules_version == "highway-exit/2"
    assert recorded.args[0].reasons == (Reason.ALL_CHECKS_CLEAR,)


def test_session_on_a_compound_gate(
    qtbot: QtBot, store: ProfileStore, writer: RecordWriter, database: Database
) -> None:
    gate = database.gates.ensure_gate("East gate", "compound-gate")
    operator = database.operators.ensure_operator("李明", Role.OPERATOR)
    shift = database.shifts.open_shift(gate.id, operator.id, NOW, "day")
    session = build_session(writer, gate, operator, shift, profiles=store)
    assert session.profile.rules_version == "compound-gate/3"
    # someone with no pass and no host coming in is a visitor who is not registered
    assert session.draft.proposed is Outcome.TURN_BACK
    assert session.draft.reasons == (Reason.VISITOR_NOT_REGISTERED,)


@pytest.mark.expected_log  # the unusable profile is an error
def test_session_with_an_unknown_profile_falls_back_to_the_highway_rules(
    store: ProfileStore, writer: RecordWriter, database: Database
) -> None:
    gate = database.gates.ensure_gate("Odd gate", "no-such-profile")
    operator = database.operators.ensure_operator("李明", Role.OPERATOR)
    shift = database.shifts.open_shift(gate.id, operator.id, NOW, "day")
    session = build_session(writer, gate, operator, shift, profiles=store)
    assert session.profile.rules_version == "highway-exit/1"


@pytest.mark.parametrize(
    "bomb",
    [
        "x = " + "[" * 200_000 + "]" * 200_000,  # the attack: RecursionError when the station loads it
        "# " + "x" * (6 * 1024 * 1024),  # larger than any profile: read no further than the limit
    ],
    ids=["nested", "oversized"],
)
def test_an_edited_profile_bomb_is_refused_and_the_station_falls_back(
    store: ProfileStore, writer: RecordWriter, database: Database, caplog: pytest.LogCaptureFixture, bomb: str
) -> None:
    folder = paths.config_dir() / "profiles"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "highway-exit.toml").write_text(bomb, encoding="utf-8")
    with pytest.raises(ProfileError) as refused:
        store.load("highway-exit")
    assert refused.value.problems[0].code is ProblemCode.SYNTAX
    assert refused.value.problems[0].value.startswith("refused: ")
    gate = database.gates.ensure_gate("Gate 1", "highway-exit")
    operator = database.operators.ensure_operator("李明", Role.SHIFT_LEADER)
    shift = database.shifts.open_shift(gate.id, operator.id, NOW, "day")
    session = build_session(writer, gate, operator, shift, profiles=store, clock=lambda: NOW)
    assert session.profile.rules_version == "highway-exit/1"  # the shipped rules, not a crash
    assert any("highway-exit" in record.getMessage() for record in caplog.records)

"""The residents registry on disk: versions round-trip, changes supersede, re-imports write nothing, the
chain covers every version and an edited row is named by ``verify``."""

from __future__ import annotations

import sqlite3
from datetime import timedelta
from pathlib import Path

from checkpoint.domain.demo_history import resident_id_check_digit
from checkpoint.domain.records import AuditAction
from checkpoint.domain.residents import ImportAction, ImportedRow, ResidentStatus
from checkpoint.domain.residents_import import parse_residents
from checkpoint.storage.database import Database
from checkpoint.storage.integrity import ChainProblem
from tests.unit.storage.storage_helpers import T0, Post

HEADER = "户号,姓名,身份证号,手机号,与户主关系,状态,开始日期,结束日期,出门周期,出门次数,地址"


def id_number(serial: int) -> str:
    first17 = f"11010519800101{serial:03d}"
    return first17 + resident_id_check_digit(first17)


def rows(*lines: str) -> list[ImportedRow]:
    report = parse_residents("\n".join((HEADER, *lines)).encode(), today=T0.date())
    assert report.ok and not report.rejected, report.rejected
    return report.rows


def test_an_import_round_trips_and_is_audited(db: Database, post: Post) -> None:
    plan = db.residents.store_import(
        rows(
            f"3-2-501,张三,{id_number(1)},13800138000,户主,正常,,,2,1,阳光小区3栋",
            f"3-2-501,李四,{id_number(2)},,配偶,居家隔离,2026-11-20,2026-11-27,,,",
        ),
        T0,
        post.leader.id,
        source="住户.xlsx",
    )
    assert plan.count(ImportAction.NEW) == 2
    households, members = db.residents.registry()
    assert [(h.code, h.address, h.exit_every_days, h.exits_per_period) for h in households] == [
        ("3-2-501", "阳光小区3栋", 2, 1)
    ]
    assert members == list(plan.members)  # every field, the dates in UTC, comes back as written
    assert members[1].status is ResidentStatus.HOME_QUARANTINED and members[1].status_until is not None
    audit = db.audit.audit_entries()[-1]
    assert audit.action is AuditAction.RESIDENTS_IMPORTED and audit.operator_id == post.leader.id
    assert audit.detail == "2 new, 0 updated members, 1 household versions from 住户.xlsx"
    assert db.verify().ok


def test_a_change_supersedes_and_the_same_file_again_writes_nothing(db: Database, post: Post) -> None:
    first = rows(f"3-2-501,张三,{id_number(1)},13800138000,户主,正常,,,,,")
    db.residents.store_import(first, T0, None)
    before = db.verify().records_checked
    again = db.residents.store_import(first, T0 + timedelta(hours=1), None)
    assert again.count(ImportAction.UNCHANGED) == 1 and db.verify().records_checked == before
    changed = db.residents.store_import(
        rows(f"3-2-501,张三,{id_number(1)},,,禁止外出,,,,,"), T0 + timedelta(hours=2), None
    )
    assert changed.count(ImportAction.UPDATED) == 1
    [member] = db.residents.members_by_id(id_number(1).lower())
    assert member.status is ResidentStatus.NO_EXIT and member.phone == "13800138000"  # kept: cell empty
    assert member.supersedes == changed.rows[0].member.supersedes is not None
    raw = sqlite3.connect(db.url.removeprefix("sqlite:///"))
    try:
        versions = raw.execute("SELECT status FROM resident ORDER BY seq").fetchall()
    finally:
        raw.close()
    assert versions == [("normal",), ("no_exit",)]  # the old version is still there, untouched
    assert db.verify().ok


def test_an_id_number_registered_under_another_name_is_not_imported(db: Database, post: Post) -> None:
    db.residents.store_import(rows(f"3-2-501,张三,{id_number(1)},,,,,,,,"), T0, None)
    plan = db.residents.store_import(rows(f"3-2-501,张叁,{id_number(1)},,,,,,,,"), T0, None)
    assert [(line, old.name) for line, _row, old in plan.conflicts] == [(2, "张三")]
    assert [m.name for m in db.residents.registry()[1]] == ["张三"]


def test_search_by_id_uses_one_key_function(db: Database) -> None:
    assert db.residents.id_search_key(" 11010519800101001x ") == db.residents.id_search_key(
        "11010519800101001X"
    )
    assert db.residents.id_search_key("") == ""
    assert db.residents.members_by_id("") == [] and db.residents.members_by_id(id_number(5)) == []


def test_an_edited_resident_row_breaks_the_chain(db: Database, db_path: Path) -> None:
    db.residents.store_import(rows(f"3-2-501,张三,{id_number(1)},,,居家隔离,,,,,"), T0, None)
    raw = sqlite3.connect(db_path)
    try:
        raw.execute("UPDATE resident SET status = 'normal'")
        raw.commit()
    finally:
        raw.close()
    report = db.verify()
    assert report.first_break is not None and report.first_break.kind == "resident"
    assert report.first_break.problem is ChainProblem.HASH_MISMATCH

"""The log's free-text search index (SQLite FTS5, trigram tokenizer), kept in step by triggers.

One index row per searchable text of a passage: each person's **name**, the vehicle's **plate** and the
passage's **note**. ID numbers, phones and code texts are never indexed: they are personal data the
station stores protected, and they are found by exact (indexed) match instead. The trigram tokenizer
matches any substring of three characters or more, case-insensitively, so a fragment of a Chinese name
("建国") or of a plate ("A12") finds its passages without scanning the log. Shorter fragments cannot use a
trigram index; the query falls back to a scan bounded by the view's time window (see ``database``).

Index rows are keyed by their source row (``rowid`` = the source row's id * 4 + 1 for a person, + 2 for a
vehicle, + 3 for a note) and carry the passage's integer id, so triggers add and remove them with the rows
they index: an insert through any code path is searchable, and a retention purge removes its index rows
with its passages. PostgreSQL has no FTS5; there the filter keeps its ``LIKE`` scan.

The SQL here is what migration 0008 runs: it is frozen like a migration (a change needs a new revision).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

FTS_TABLE = "passage_fts"

# The virtual table and the shadow tables FTS5 creates beside it (not ORM models).
FTS_TABLES = frozenset(
    {FTS_TABLE, *(f"{FTS_TABLE}_{part}" for part in ("data", "idx", "content", "docsize", "config"))}
)


def include_name(name: str | None, type_: str, _parents: object) -> bool:
    """For Alembic's model comparison: the index's tables are built by SQL, not from the models."""
    return not (type_ == "table" and name in FTS_TABLES)


MIN_FRAGMENT = 3  # characters a trigram MATCH needs

_CREATE = f"""
CREATE VIRTUAL TABLE {FTS_TABLE} USING fts5(body, passage_id UNINDEXED, tokenize='trigram')
"""

_TRIGGERS = (
    f"""CREATE TRIGGER {FTS_TABLE}_person_ai AFTER INSERT ON person_check WHEN new.name <> '' BEGIN
        INSERT INTO {FTS_TABLE}(rowid, body, passage_id)
        VALUES (new.id * 4 + 1, new.name, (SELECT id FROM passage WHERE uuid = new.passage_uuid));
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_person_ad AFTER DELETE ON person_check BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id * 4 + 1;
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_vehicle_ai AFTER INSERT ON vehicle WHEN new.plate <> '' BEGIN
        INSERT INTO {FTS_TABLE}(rowid, body, passage_id)
        VALUES (new.id * 4 + 2, new.plate, (SELECT id FROM passage WHERE uuid = new.passage_uuid));
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_vehicle_ad AFTER DELETE ON vehicle BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id * 4 + 2;
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_note_ai AFTER INSERT ON passage WHEN new.note <> '' BEGIN
        INSERT INTO {FTS_TABLE}(rowid, body, passage_id) VALUES (new.id * 4 + 3, new.note, new.id);
    END""",
    f"""CREATE TRIGGER {FTS_TABLE}_note_ad AFTER DELETE ON passage BEGIN
        DELETE FROM {FTS_TABLE} WHERE rowid = old.id * 4 + 3;
    END""",
)

_SOURCES = (
    """SELECT pc.id * 4 + 1, pc.name, p.id FROM person_check pc JOIN passage p ON p.uuid = pc.passage_uuid
        WHERE pc.name <> ''""",
    """SELECT v.id * 4 + 2, v.plate, p.id FROM vehicle v JOIN passage p ON p.uuid = v.passage_uuid
        WHERE v.plate <> ''""",
    """SELECT id * 4 + 3, note, id FROM passage WHERE note <> ''""",
)
"""The index rows the records call for, (rowid, body, passage_id): what the triggers add, the backfill
writes and ``check_index`` compares with what the index holds."""

_BACKFILL = tuple(f"INSERT INTO {FTS_TABLE}(rowid, body, passage_id)\n    {source}" for source in _SOURCES)


def trigram_supported(connection: Connection) -> bool:
    """Whether this SQLite has FTS5 with the trigram tokenizer (SQLite 3.34 or newer, FTS5 compiled in)."""
    try:
        connection.exec_driver_sql("CREATE VIRTUAL TABLE temp.fts_probe USING fts5(x, tokenize='trigram')")
    except Exception:
        return False
    connection.exec_driver_sql("DROP TABLE temp.fts_probe")
    return True


def create_index(connection: Connection) -> bool:
    """Create the index, its triggers and the rows for everything already recorded (migration 0008).

    Returns False (and creates nothing) on PostgreSQL or an SQLite without trigram support: the filter
    then keeps scanning with ``LIKE``.
    """
    if connection.dialect.name != "sqlite" or not trigram_supported(connection):
        return False
    connection.exec_driver_sql(_CREATE)
    for statement in (*_TRIGGERS, *_BACKFILL):
        connection.exec_driver_sql(statement)
    return True


_TRIGGER_NAMES = tuple(
    f"{FTS_TABLE}_{name}"
    for name in ("person_ai", "person_ad", "vehicle_ai", "vehicle_ad", "note_ai", "note_ad")
)


def suspend(connection: Connection) -> None:
    """Stop keeping the index in step (a bulk load: one rebuild at the end costs far less than a trigger
    per row). :func:`repair` rebuilds it; ``open_database`` repairs an index a load left suspended."""
    for name in _TRIGGER_NAMES:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")


def needs_repair(connection: Connection) -> bool:
    """The index exists but its triggers do not (a bulk load was cut off before it rebuilt them)."""
    if not has_index(connection):
        return False
    found = connection.execute(
        text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE :prefix"),
        {"prefix": f"{FTS_TABLE}_%"},
    ).scalar_one()
    return int(found) < len(_TRIGGER_NAMES)


def repair(connection: Connection) -> None:
    """Rebuild the index from the records and restore its triggers."""
    suspend(connection)
    connection.exec_driver_sql(f"DELETE FROM {FTS_TABLE}")
    for statement in (*_TRIGGERS, *_BACKFILL):
        connection.exec_driver_sql(statement)


def drop_index(connection: Connection) -> None:
    if connection.dialect.name == "sqlite":
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {FTS_TABLE}")
        suspend(connection)


def has_index(connection: Connection) -> bool:
    """Whether the database has the index (SQLite after migration 0008 with trigram support)."""
    if connection.dialect.name != "sqlite":
        return False
    found = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = :name"), {"name": FTS_TABLE}
    ).first()
    return found is not None


def match_phrase(fragment: str) -> str:
    """The FTS5 query for a literal fragment: one quoted phrase (quotes doubled), no operators."""
    return '"' + fragment.replace('"', '""') + '"'


@dataclass(frozen=True, slots=True)
class IndexCheck:
    """The search index against the records (``check_index``).

    ``missing``: index rows a passage's texts call for that are absent or hold another text or passage;
    ``extra``: index rows no passage text accounts for; ``index_ok``: FTS5's inverted index (what a
    search reads) agrees with the index rows. ``first_passage`` names the first passage (seq, uuid) a
    missing or extra row concerns, when there is one.
    """

    rows: int
    missing: int
    extra: int
    index_ok: bool
    first_passage: tuple[int, str] | None = None

    @property
    def ok(self) -> bool:
        return self.missing == 0 and self.extra == 0 and self.index_ok


_CHECK = "checkpoint_fts_check"  # temporary tables of check_index, in the connection's temp schema
_COMPARE_BATCH = 5000  # index entries compared per fetch
_ACCOUNTED = """CASE f.rowid % 4
    WHEN 1 THEN EXISTS (SELECT 1 FROM person_check pc JOIN passage p ON p.uuid = pc.passage_uuid
                        WHERE pc.id = f.rowid / 4 AND pc.name <> '')
    WHEN 2 THEN EXISTS (SELECT 1 FROM vehicle v JOIN passage p ON p.uuid = v.passage_uuid
                        WHERE v.id = f.rowid / 4 AND v.plate <> '')
    WHEN 3 THEN EXISTS (SELECT 1 FROM passage WHERE id = f.rowid / 4 AND note <> '')
    ELSE 0 END"""


def check_index(connection: Connection) -> IndexCheck:
    """Compare the index with the records, read-only as far as the database file goes (``db verify``).

    1. **Rows.** For each kind of text (names, plates, notes) one pass over the records, each looking up
       its index row by rowid (an integer key): the row must be there with the same text and passage.
       Rowids are unique on both sides, so ``extra = index rows - (expected - absent)`` counts the rows no
       record accounts for without a second pass; only when there are some is one of them looked for.
    2. **The inverted index** (what a search reads) against those rows: FTS5's own ``integrity-check``
       needs the write lock, which would stop the station's writer, so instead the rows are indexed again
       into a temporary table (the connection's temp schema, not the database file) and the two indexes'
       every (trigram, row, column, offset) are compared as two sorted streams (``fts5vocab``).

    Cost: a few seconds per 100,000 passages (see README, "Retention" and ``db verify``).
    """
    rows = int(connection.exec_driver_sql(f"SELECT count(*) FROM {FTS_TABLE}").scalar_one())
    expected = absent = missing = 0
    first: int | None = None
    for source in _SOURCES:
        n, gone, wrong, passage = connection.exec_driver_sql(
            f"""WITH s(rid, body, pid) AS ({source})
            SELECT count(*), coalesce(sum(f.rowid IS NULL), 0),
                   coalesce(sum(f.rowid IS NULL OR f.body IS NOT s.body OR f.passage_id IS NOT s.pid), 0),
                   min(CASE WHEN f.rowid IS NULL OR f.body IS NOT s.body OR f.passage_id IS NOT s.pid
                            THEN s.pid END)
            FROM s LEFT JOIN {FTS_TABLE} f ON f.rowid = s.rid"""
        ).one()
        expected, absent, missing = expected + int(n), absent + int(gone), missing + int(wrong)
        if passage is not None:
            first = int(passage) if first is None else min(first, int(passage))
    extra = rows - (expected - absent)
    if extra and first is None:
        first = connection.exec_driver_sql(
            f"SELECT passage_id FROM {FTS_TABLE} f WHERE NOT ({_ACCOUNTED}) LIMIT 1"
        ).scalar_one_or_none()
    named = None
    if first is not None:
        found = connection.exec_driver_sql("SELECT seq, uuid FROM passage WHERE id = ?", (first,)).first()
        named = None if found is None else (int(found[0]), str(found[1]))
    return IndexCheck(rows, missing, extra, _inverted_index_agrees(connection), named)


def _inverted_index_agrees(connection: Connection) -> bool:
    """Whether the index's trigram lists are exactly those of its rows (see :func:`check_index`)."""
    names = (f"temp.{_CHECK}", f"temp.{_CHECK}_index", f"temp.{_CHECK}_rebuilt")
    for name in names:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")
    try:
        connection.exec_driver_sql(
            f"CREATE VIRTUAL TABLE {names[0]} USING fts5(body, passage_id UNINDEXED, tokenize='trigram')"
        )
        connection.exec_driver_sql(
            f"INSERT INTO {names[0]}(rowid, body, passage_id) SELECT rowid, body, passage_id FROM {FTS_TABLE}"
        )
        for name, schema, table in ((names[1], "main", FTS_TABLE), (names[2], "temp", _CHECK)):
            vocab = f"fts5vocab({schema}, {table}, 'instance')"
            connection.exec_driver_sql(f"CREATE VIRTUAL TABLE {name} USING {vocab}")
        # Two plain DB-API cursors on this connection (its transaction), compared a batch at a time.
        stored, rebuilt = connection.connection.cursor(), connection.connection.cursor()
        try:
            stored.execute(f"SELECT term, doc, col, offset FROM {names[1]}")
            rebuilt.execute(f"SELECT term, doc, col, offset FROM {names[2]}")
            while True:
                batch = stored.fetchmany(_COMPARE_BATCH)
                if batch != rebuilt.fetchmany(_COMPARE_BATCH):
                    return False
                if not batch:
                    return True
        finally:
            stored.close()
            rebuilt.close()
    finally:
        for name in reversed(names):
            connection.exec_driver_sql(f"DROP TABLE IF EXISTS {name}")

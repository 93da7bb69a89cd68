"""The order the schema revisions apply in is written where a reader meets them, and it is Alembic's."""

from __future__ import annotations

import re
from pathlib import Path

from alembic.script import ScriptDirectory

import checkpoint.storage

MIGRATIONS = Path(checkpoint.storage.__file__).resolve().parent / "migrations"


def _alembic_order() -> list[str]:
    """Every revision from the first to the head, as ``alembic upgrade head`` applies them."""
    script = ScriptDirectory(str(MIGRATIONS))
    return [revision.revision for revision in reversed(list(script.walk_revisions()))]


def _written_order(text: str) -> list[str]:
    """The one "0001 → 0002 → ..." sequence in a text (it may wrap over lines)."""
    flat = re.sub(r"\s*\n\s*", " ", text)
    matches: list[str] = re.findall(r"\d{4}(?: → \d{4})+", flat)
    assert len(matches) == 1, matches
    return matches[0].split(" → ")


def test_the_versions_readme_lists_alembics_order() -> None:
    assert (
        _written_order((MIGRATIONS / "versions" / "README.md").read_text(encoding="utf-8"))
        == _alembic_order()
    )


def test_the_env_docstring_lists_alembics_order() -> None:
    assert _written_order((MIGRATIONS / "env.py").read_text(encoding="utf-8")) == _alembic_order()


def test_the_readme_table_has_every_revision_in_order() -> None:
    rows = re.findall(
        r"^\| (\d+) \| (\d{4}) \| `(r\d{4}_\w+\.py)` \|",
        (MIGRATIONS / "versions" / "README.md").read_text(encoding="utf-8"),
        re.MULTILINE,
    )
    assert [revision for _n, revision, _file in rows] == _alembic_order()
    assert [int(n) for n, _revision, _file in rows] == list(range(1, len(rows) + 1))
    assert sorted(file for _n, _revision, file in rows) == sorted(
        p.name for p in (MIGRATIONS / "versions").glob("r*.py")
    )

"""Fixtures for the command-line tests: a database with staff who have PINs (see ``cli_staff``)."""

from __future__ import annotations

import pytest

from checkpoint import paths
from tests.cli.cli_staff import add_staff


@pytest.fixture
def staffed_default_db() -> str:
    """The default database of this test's home (no ``--db``), with ``cli_staff``'s staff."""
    url = paths.default_db_url()
    add_staff(url)
    return url

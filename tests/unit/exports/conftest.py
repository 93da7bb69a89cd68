"""Fixtures of the export tests; the helpers live in ``exports_fixtures``."""

from __future__ import annotations

import pytest

from checkpoint.domain.handover import HandoverReport
from tests.unit.exports.exports_fixtures import demo_shift


@pytest.fixture(scope="session")
def report() -> HandoverReport:
    """The last day shift of a demo highway history, names in full."""
    return demo_shift()

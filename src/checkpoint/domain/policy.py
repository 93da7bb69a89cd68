"""What is left of the built-in rule: the fever threshold the screens highlight until they read it from
the gate's profile (``StationSession.profile.thresholds.fever_c``).

Decisions are made by ``checkpoint.domain.rules`` under the gate's profile (rules as data); this module
goes away once ``ui/temperature.py`` and ``ui/pass_log_model.py`` take the threshold from the profile.
"""

from __future__ import annotations

from checkpoint.domain.rules import Thresholds

FEVER_THRESHOLD_C = Thresholds().fever_c
MAX_TEST_AGE_DAYS = Thresholds().max_test_age_days

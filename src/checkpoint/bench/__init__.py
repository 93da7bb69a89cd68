"""The benches behind ``checkpoint bench ...``: each measures the code the station runs.

* ``decode``: each decoder and the camera pipeline on public image sets (found codes, time per image).
* ``pipeline`` with ``probes``: the real station offscreen on the demo camera (scan-to-verdict latency,
  frame rates, GUI stalls, memory, start-up).
* ``log``: the log screen, tracing and handover exports on a (large) database.
* ``verify``: the time to verify one DCC and one station pass.

The package sits above the layers, beside ``app`` and ``cli``: a bench may build the station from every
layer, and no layer imports a bench (import-linter checks both). Importing this package loads none of its
modules: ``bench decode`` needs OpenCV only, ``bench log`` and ``bench pipeline`` need Qt.
"""

from __future__ import annotations


class BenchError(Exception):
    """A bench cannot run: a bad figure, missing or empty data, a station that would not start (one line)."""

"""``checkpoint bench verify``: the time to verify one DCC and one station pass (the target: under 5 ms).

The DCC is the first test vector under ``--data`` (the dgc-testdata layout) that verifies with its own
certificate at its own validation clock, else a self-signed P-256 sample; the station pass is an exit slip
signed with a fresh Ed25519 key. Each is verified once to warm up, then ``repeat`` times, timed one by one.
"""

from __future__ import annotations

import base64
import json
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from checkpoint.bench import BenchError
from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import TrustListError, TrustStore, inspect_payload
from checkpoint.domain.credentials.samples import signed_dcc, signed_exit_slip

TARGET_MS = 5.0


@dataclass(frozen=True, slots=True)
class Timing:
    """One payload's verification times over the repeats, in milliseconds."""

    source: str
    median_ms: float
    p95_ms: float
    max_ms: float

    def to_json(self) -> dict[str, object]:
        return {
            "source": self.source,
            "median_ms": self.median_ms,
            "p95_ms": self.p95_ms,
            "max_ms": self.max_ms,
        }


@dataclass(frozen=True, slots=True)
class VerifyBenchReport:
    dcc: Timing
    station_pass: Timing
    repeat: int

    def to_json(self) -> dict[str, object]:
        return {
            "dcc": self.dcc.to_json(),
            "station_pass": self.station_pass.to_json(),
            "repeat": self.repeat,
            "target_ms": TARGET_MS,
        }


def dcc_from_vectors(folder: Path) -> tuple[str, str, TrustStore, datetime]:
    """The first test vector whose DCC verifies with its own certificate at its own clock."""
    for path in sorted(folder.glob("**/2DCode/raw/*.json")):
        try:
            vector = json.loads(path.read_text(encoding="utf-8"))
            trust = TrustStore()
            trust.add_certificate_bytes(base64.b64decode(vector["TESTCTX"]["CERTIFICATE"]))
            at = datetime.fromisoformat(vector["TESTCTX"]["VALIDATIONCLOCK"])
            payload = vector["PREFIX"]
        except (OSError, ValueError, KeyError, TypeError, TrustListError):
            continue
        if inspect_payload(payload, trust=trust, at=at).signature is Signature.VALID:
            return str(path.relative_to(folder)), payload, trust, at
    raise BenchError(f"no DCC test vector that verifies under {folder}")


def _timing(source: str, run: Callable[[], object], repeat: int) -> Timing:
    run()  # warm-up
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return Timing(
        source,
        median_ms=round(statistics.median(times), 3),
        p95_ms=round(times[min(len(times) - 1, int(len(times) * 0.95))], 3),
        max_ms=round(times[-1], 3),
    )


def run_verify_bench(data: Path | None, repeat: int, now: datetime) -> VerifyBenchReport:
    """Times both verifications ``repeat`` times at ``now`` (the DCC at its vector's own clock)."""
    if repeat < 1:
        raise BenchError("--repeat must be at least 1")
    if data is not None:
        if not data.is_dir():
            raise BenchError(f"not a folder: {data}")
        source, dcc, trust, dcc_at = dcc_from_vectors(data)
    else:
        sample = signed_dcc(now)
        source, dcc, trust, dcc_at = "self-signed P-256 sample", sample.payload, sample.trust, now
    station = signed_exit_slip(now)
    return VerifyBenchReport(
        dcc=_timing(source, lambda: inspect_payload(dcc, trust=trust, at=dcc_at), repeat),
        station_pass=_timing(
            "exit slip, fresh Ed25519 key",
            lambda: inspect_payload(station.payload, trust=None, at=now, station_keys=station.station_keys),
            repeat,
        ),
        repeat=repeat,
    )


def format_verify_bench(report: VerifyBenchReport) -> str:
    lines = [
        f"{name:13} median {t.median_ms:.3f} ms  p95 {t.p95_ms:.3f} ms  max {t.max_ms:.3f} ms  ({t.source})"
        for name, t in (("dcc", report.dcc), ("station_pass", report.station_pass))
    ]
    lines.append(f"{report.repeat} verifications each; target under {TARGET_MS:.0f} ms")
    return "\n".join(lines)

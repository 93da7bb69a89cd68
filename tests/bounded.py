"""Running an attack in a child process whose address space is capped (``RLIMIT_AS``): a bomb that the
code under test does not bound ends in ``MemoryError`` there, not in the test machine's OOM killer."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

MEBIBYTE = 1024 * 1024


def run_bounded(code: str, *, memory_mib: int, timeout: float = 300) -> dict[str, object]:
    """Runs ``code`` (a script that prints one JSON object as its last line) with at most ``memory_mib``
    of address space; returns that object, or ``{"crashed": <stderr's last line>}`` when it failed."""
    prelude = textwrap.dedent(
        f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, ({memory_mib * MEBIBYTE}, {memory_mib * MEBIBYTE}))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", prelude + textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if done.returncode != 0:
        lines = done.stderr.strip().splitlines() or [f"exit {done.returncode}"]
        return {"crashed": lines[-1]}
    result: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return result

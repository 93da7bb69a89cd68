"""Classifying a scanned text costs time linear in its length, and a text longer than any code is not
looked at: a 30,000-character URL-like text took 1 to 2.6 s on the GUI thread (a quadratic pattern)."""

from __future__ import annotations

import random
import re
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from checkpoint.domain import codes
from checkpoint.domain.codes import MAX_CODE_CHARS, Platform, classify, parse_platforms
from checkpoint.domain.credentials import inspect_payload
from checkpoint.domain.records import CodeKind

ROOT = Path(__file__).resolve().parents[3]
_FORMER_GENERIC = (  # the patterns classification used before (the first one is quadratic)
    re.compile(r"^https?://[^/\s]*(jkm|health|hsa|ykm|skm|jiankangma|healthcode)[^/\s]*\.", re.IGNORECASE),
    re.compile(r"^https?://[^\s]*(healthcode|jkm|ykm|skm|suikang|yuekang|hmm)[^\s]*", re.IGNORECASE),
    re.compile(r"^(jkm|hc|skm|ykm)[:_-][0-9a-z]{8,}$", re.IGNORECASE),
)
_PATTERN_NAMES = ("_HOST_WORDS", "_URL_WORDS", "_TOKEN", "_URL_START", "_HOST_END", "_SPACE")


class Recorder:
    """A compiled pattern that counts the characters each call may look at."""

    def __init__(self, pattern: re.Pattern[str], seen: list[int]) -> None:
        self._pattern = pattern
        self._seen = seen

    def _call(self, method: str, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        end = len(text) if endpos is None else min(endpos, len(text))
        self._seen.append(max(0, end - pos))
        if method == "search":  # tried at every start: only a quantifier-free pattern stays linear
            assert not re.search(r"[*+?{]", self._pattern.pattern), self._pattern.pattern
        return getattr(self._pattern, method)(text, pos, end)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("search", text, pos, endpos)

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("match", text, pos, endpos)

    def fullmatch(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        return self._call("fullmatch", text, pos, endpos)


@pytest.fixture
def scanned(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The characters every classification pattern was given, call by call."""
    seen: list[int] = []
    for name in _PATTERN_NAMES:
        monkeypatch.setattr(codes, name, Recorder(getattr(codes, name), seen))
    return seen


ADVERSARIAL = [
    "http://" + "jkm" * 3000,  # a word again and again in a host without a dot: the quadratic case
    "https://" + "health" * 2000 + "/",
    "http://" + "jkm" * 1500 + " " + "x" * 3000,
    "https://" + "a." * 3000 + "hsa",
    "jkm-" + "a" * 7000 + "!",
]


@pytest.mark.parametrize("text", ADVERSARIAL, ids=range(len(ADVERSARIAL)))
def test_each_pattern_reads_the_text_at_most_once(scanned: list[int], text: str) -> None:
    text = text[:MAX_CODE_CHARS]
    classify(text)
    assert 0 < len(scanned) <= len(_PATTERN_NAMES)  # a fixed number of calls ...
    assert max(scanned) <= len(text)  # ... each over at most the text once: linear work


def test_a_text_longer_than_any_code_is_not_looked_at(scanned: list[int]) -> None:
    # The attack: 30,000 characters of URL typed or pasted into the scan field.
    text = "http://" + "jkm" * 10_000
    platform_calls: list[int] = []
    platform = Platform("p", "平台", "Platform", (Recorder(re.compile("jkm"), platform_calls),))  # type: ignore[arg-type]
    assert classify(text, [platform]) is CodeKind.UNKNOWN
    assert scanned == [] and platform_calls == []
    code = inspect_payload("HC1:" + "A" * 30_000, trust=None, at=datetime(2026, 11, 22, tzinfo=UTC))
    assert code.kind is CodeKind.UNKNOWN and code.errors == ("too-large",)


def test_classification_says_what_it_said_before() -> None:
    rng = random.Random(20261122)
    alphabet = "ab./: \tjkmhealthHTTPShttps-_0129skmykmsuikang"
    samples = ["https://jkm.gd.gov.cn/x", "http://www.healthcode.cn", "https://a.b/jkm?x", "jkm:0123abcd"]
    samples += [
        rng.choice(["http://", "https://", "", "HTTPS://"])
        + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        for _ in range(5_000)
    ]
    for text in samples:
        before = any(p.search(text.strip()) for p in _FORMER_GENERIC)
        assert (classify(text) is CodeKind.HEALTH_CODE) == before, text


def test_the_shipped_platform_patterns_match_what_they_matched_before() -> None:
    shipped = parse_platforms((ROOT / "resources" / "platforms.toml").read_text(encoding="utf-8"))
    words = "jkm|health|hsa|jiankangma|healthcode"
    former = re.compile(r"^https?://[^/\s]*(" + words + r")[^/\s]*\.", re.IGNORECASE)
    [current] = [p for p in shipped[-1].patterns if p.pattern.startswith("^https")]
    rng = random.Random(7)
    for _ in range(5_000):
        text = rng.choice(["http://", "https://", ""]) + "".join(
            rng.choice("jkmhealthsa./ x-") for _ in range(rng.randint(0, 30))
        )
        assert bool(current.search(text)) == bool(former.search(text)), text

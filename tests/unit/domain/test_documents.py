"""JSON and TOML from outside are refused above a size and a nesting depth, before the parser runs."""

from __future__ import annotations

import json
import tomllib

import pytest

from checkpoint.domain.codes import PlatformsError, parse_platforms
from checkpoint.domain.documents import (
    DocumentLimitError,
    Limit,
    json_depth,
    load_json,
    load_toml,
    toml_depth,
)
from checkpoint.domain.rules import ProblemCode, ProfileError, parse_profile


@pytest.mark.parametrize(
    ("text", "depth"),
    [
        ("[]", 1),
        ('{"a": [1, {"b": 2}]}', 3),
        ('["[[[[", "\\"[[[", {"k\\\\": "]]]"}]', 2),  # brackets in strings and after escapes do not count
        ('"no brackets"', 0),
    ],
)
def test_json_depth_counts_the_structure_only(text: str, depth: int) -> None:
    assert json_depth(text, 100) == depth
    assert json_depth(text, 100) == _real_json_depth(json.loads(text))


def _real_json_depth(value: object) -> int:
    if isinstance(value, dict):
        return 1 + max((_real_json_depth(v) for v in value.values()), default=0)
    if isinstance(value, list):
        return 1 + max((_real_json_depth(v) for v in value), default=0)
    return 0


def test_toml_depth_skips_strings_and_comments() -> None:
    text = (
        'a = [[1], {x = "[[[" }]\n# [[[[[\nb = """ [[[ \n ]]] """\n'
        "c = '[[['\nd = '''[['''\n[t]\n"
        'e = "\\"["\n'
    )
    tomllib.loads(text)  # it is TOML
    assert toml_depth(text, 100) == 2


@pytest.mark.parametrize(
    "bomb",
    ["[" * 500_000 + "]" * 500_000, '{"a":' * 200_000 + "1" + "}" * 200_000],
    ids=["arrays", "objects"],
)
def test_deep_json_is_refused_before_parsing(bomb: str, monkeypatch: pytest.MonkeyPatch) -> None:
    # The attack: a trust list nested past the interpreter's recursion limit (RecursionError before).
    monkeypatch.setattr(json, "loads", _never)
    with pytest.raises(DocumentLimitError) as refused:
        load_json(bomb, max_chars=10_000_000, max_depth=32)
    assert refused.value.limit is Limit.TOO_DEEP and str(refused.value) == "nested deeper than 32"


def test_deep_toml_is_refused_before_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(tomllib, "loads", _never)
    with pytest.raises(DocumentLimitError, match="nested deeper than 8"):
        load_toml("a = " + "[" * 300_000 + "]" * 300_000, max_chars=10_000_000, max_depth=8)
    with pytest.raises(DocumentLimitError, match="nested deeper than 8"):
        load_toml("a = " + "{b = " * 100_000 + "1" + "}" * 100_000, max_chars=10_000_000, max_depth=8)


def test_large_documents_are_refused_unread(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(json, "loads", _never)
    with pytest.raises(DocumentLimitError) as refused:
        load_json("[" + "1," * 600 + "1]", max_chars=1000, max_depth=32)
    assert refused.value.limit is Limit.TOO_LARGE


def test_documents_within_the_limits_read_as_usual() -> None:
    assert load_json('{"a": [1, 2]}', max_chars=100, max_depth=2) == {"a": [1, 2]}
    assert load_toml("a = [1, [2]]", max_chars=100, max_depth=2) == {"a": [1, [2]]}


def test_platform_and_profile_bombs_are_clear_errors() -> None:
    # The attack: the admin-editable TOML files, deeply nested (RecursionError before).
    with pytest.raises(PlatformsError, match="refused: nested deeper than"):
        parse_platforms("x = " + "[" * 200_000 + "]" * 200_000)
    with pytest.raises(ProfileError) as refused:
        parse_profile("x = " + "[" * 200_000 + "]" * 200_000)
    problem = refused.value.problems[0]
    assert problem.code is ProblemCode.SYNTAX and "nested deeper than" in problem.value


def _never(*_args: object, **_kwargs: object) -> object:
    raise AssertionError("the parser was called")

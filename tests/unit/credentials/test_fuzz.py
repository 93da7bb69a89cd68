"""Every payload parser survives arbitrary and mutated input (hypothesis).

Each parser either returns a result or raises :class:`CredentialError` with a known code; the whole
``inspect_payload`` never raises and never reports an internal error. A mutated signed payload is never
accepted with content other than what was signed. Counts: ``FUZZ_COUNTS`` (printed by -s); the total is
asserted to be at least 100,000 inputs.
"""

from __future__ import annotations

import random
import zlib
from collections import Counter
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import base45, cbor, cose, errors, hcert, passes
from checkpoint.domain.credentials.inspect import inspect_payload
from checkpoint.domain.credentials.samples import signed_dcc, signed_exit_slip

pytestmark = pytest.mark.slow

AT = datetime(2026, 11, 22, 8, 0, tzinfo=UTC)
DCC = signed_dcc(AT)
PASS = signed_exit_slip(AT)
DCC_COSE = hcert.unwrap(DCC.payload)
PASS_COSE = hcert.unwrap(PASS.payload, "CPS1:")
DCC_CLAIMS = cose.decode_sign1(DCC_COSE).payload
PASS_CLAIMS = cose.decode_sign1(PASS_COSE).payload
KNOWN_CODES = {v for k, v in vars(errors).items() if k.startswith("ERROR_")}
FUZZ_COUNTS: Counter[str] = Counter()
BATCH = 16  # inputs per hypothesis example: the drawn one and 15 seeded mutations
EXAMPLES = {  # hypothesis examples per parser (x BATCH inputs, except inspect-text: one each)
    "base45": 1_200,
    "zlib": 1_000,
    "cose": 1_200,
    "cbor-hcert": 1_000,
    "station-pass": 1_000,
    "inspect-text": 4_000,
    "inspect-mutated": 1_100,
}
SEED = st.integers(0, 2**32 - 1)


def fast(name: str) -> settings:
    return settings(
        max_examples=EXAMPLES[name], deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few flipped bytes, a truncation, insertions or deletions."""
    data = bytearray(base)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "truncate", "insert", "delete", "set"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if op == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 8))]
        else:
            data[at] = draw(st.integers(0, 255))
    return bytes(data)


def random_mutation(rng: random.Random, base: bytes) -> bytes:
    """The same operations as :func:`mutated`, from a seeded generator (cheap: no hypothesis draw)."""
    data = bytearray(base)
    for _ in range(rng.randint(1, 4)):
        if not data:
            break
        op = rng.choice(("flip", "truncate", "insert", "delete", "set"))
        at = rng.randrange(len(data))
        if op == "flip":
            data[at] ^= 1 << rng.randrange(8)
        elif op == "truncate":
            del data[at:]
        elif op == "insert":
            data[at:at] = rng.randbytes(rng.randint(1, 8))
        elif op == "delete":
            del data[at : at + rng.randint(1, 8)]
        else:
            data[at] = rng.randrange(256)
    return bytes(data)


def batch(rng_seed: int, drawn: bytes, bases: tuple[bytes, ...]) -> list[bytes]:
    """The drawn input plus ``BATCH - 1`` seeded mutations of the valid bases and random bytes."""
    rng = random.Random(rng_seed)
    out = [drawn]
    while len(out) < BATCH:
        if rng.random() < 0.2:
            out.append(rng.randbytes(rng.randint(0, 200)))
        else:
            out.append(random_mutation(rng, rng.choice(bases)))
    return out


def _expect_known(error: errors.CredentialError) -> None:
    assert error.code in KNOWN_CODES


B45_DCC = base45.encode(hcert.deflate(DCC_COSE)).encode("ascii")


@fast("base45")
@given(st.one_of(st.text(alphabet=base45.ALPHABET + "abc~é", max_size=120), st.text(max_size=60)), SEED)
def test_base45_decode(text: str, seed: int) -> None:
    inputs = [text, *(b.decode("latin-1") for b in batch(seed, b"", (B45_DCC,))[1:])]
    for item in inputs:
        FUZZ_COUNTS["base45"] += 1
        try:
            data = base45.decode(item)
        except errors.CredentialError as error:
            _expect_known(error)
            continue
        assert base45.encode(data) == item  # what decodes re-encodes to the same text


ZLIB_BASES = (zlib.compress(DCC_COSE), zlib.compress(b"\0" * 200_000))


@fast("zlib")
@given(st.one_of(st.binary(max_size=200), *(mutated(b) for b in ZLIB_BASES)), SEED)
def test_inflate(data: bytes, seed: int) -> None:
    for item in batch(seed, data, ZLIB_BASES):
        FUZZ_COUNTS["zlib"] += 1
        try:
            out = hcert.inflate(item)
        except errors.CredentialError as error:
            _expect_known(error)
            continue
        assert len(out) <= hcert.MAX_INFLATED


@fast("cose")
@given(st.one_of(st.binary(max_size=200), mutated(DCC_COSE), mutated(PASS_COSE)), SEED)
def test_cose_decode_and_verify(data: bytes, seed: int) -> None:
    [key] = PASS.station_keys.by_kid.values()
    for item in batch(seed, data, (DCC_COSE, PASS_COSE)):
        FUZZ_COUNTS["cose"] += 1
        try:
            message = cose.decode_sign1(item)
        except errors.CredentialError as error:
            _expect_known(error)
            continue
        if cose.verify(message, key):
            assert message.payload == PASS_CLAIMS  # only the signed content verifies


@fast("cbor-hcert")
@given(st.one_of(st.binary(max_size=200), mutated(DCC_CLAIMS)), SEED)
def test_hcert_claims(data: bytes, seed: int) -> None:
    for item in batch(seed, data, (DCC_CLAIMS,)):
        FUZZ_COUNTS["cbor-hcert"] += 1
        try:
            claims = hcert.decode_claims(item)
        except errors.CredentialError as error:
            _expect_known(error)
            continue
        assert isinstance(cbor.to_json(claims.hcert), dict)


@fast("station-pass")
@given(st.one_of(st.binary(max_size=200), mutated(PASS_CLAIMS)), SEED)
def test_station_pass_claims(data: bytes, seed: int) -> None:
    for item in batch(seed, data, (PASS_CLAIMS,)):
        FUZZ_COUNTS["station-pass"] += 1
        try:
            content = passes.decode_claims(item)
        except errors.CredentialError as error:
            _expect_known(error)
            continue
        assert content.to_json()["kind"] in {k.value for k in passes.PassKind}


CONTEXTS = ({"trust": DCC.trust}, {"trust": None, "station_keys": PASS.station_keys})
ORIGINAL = {
    prefix: [inspect_payload(payload, at=AT, **c).payload for c in CONTEXTS]
    for prefix, payload in (("HC1:", DCC.payload), ("CPS1:", PASS.payload))
}


def _check_inspected(text: str) -> None:
    for index, context in enumerate(CONTEXTS):
        code = inspect_payload(text, at=AT, **context)  # type: ignore[arg-type]
        assert all(e in KNOWN_CODES for e in code.errors), code.errors  # never ERROR_INTERNAL
        if code.payload is None:
            assert code.signature is Signature.NONE
        if code.signature is Signature.VALID:
            # Only an unchanged signed content is ever accepted.
            prefix = "HC1:" if text.lstrip().startswith("HC1:") else "CPS1:"
            assert code.payload == ORIGINAL[prefix][index]


@fast("inspect-text")
@given(
    st.one_of(
        st.text(max_size=80),
        st.text(alphabet=base45.ALPHABET, max_size=200).map(lambda t: "HC1:" + t),
        st.text(alphabet=base45.ALPHABET, max_size=200).map(lambda t: "CPS1:" + t),
    )
)
def test_inspect_random_text(text: str) -> None:
    FUZZ_COUNTS["inspect-text"] += 1
    _check_inspected(text)


PAYLOAD_BASES = (DCC.payload.encode("ascii"), PASS.payload.encode("ascii"))


@fast("inspect-mutated")
@given(st.one_of(*(mutated(b) for b in PAYLOAD_BASES)), SEED)
def test_inspect_mutated_payloads(data: bytes, seed: int) -> None:
    for item in batch(seed, data, PAYLOAD_BASES):
        FUZZ_COUNTS["inspect-mutated"] += 1
        _check_inspected(item.decode("latin-1"))


def test_zz_fuzz_total_is_at_least_100000() -> None:
    """Runs last in this module (pytest keeps file order): the counts of the tests above."""
    if len(FUZZ_COUNTS) < len(EXAMPLES):
        pytest.skip("run the whole module to count")
    print(dict(FUZZ_COUNTS), sum(FUZZ_COUNTS.values()))
    assert sum(FUZZ_COUNTS.values()) >= 100_000

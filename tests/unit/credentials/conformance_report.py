"""Run the EU DCC public test vectors through the real pipeline and score every expectation they carry.

Used by ``test_conformance.py`` and, as a script, writes ``docs/conformance.md``:

    .venv/bin/python tests/unit/credentials/conformance_report.py [DCC_DIR] [--out docs/conformance.md]

Each vector (``*/2DCode/raw/*.json``) carries some ``EXPECTED*`` booleans (see the upstream README);
:func:`observe` computes what this project finds for each one, with the same code the station runs:
``decode_image`` on the PNG, ``hcert.unprefix``, ``base45.decode``, ``hcert.inflate``,
``inspect_payload`` with a trust store holding the vector's certificate, ``dcc_schema``.
"""

from __future__ import annotations

import argparse
import base64
import binascii
import json
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from checkpoint.camera.decode import decode_image
from checkpoint.domain.codes import Signature
from checkpoint.domain.credentials import base45, cbor, cose, hcert
from checkpoint.domain.credentials.dcc_schema import schema_problems
from checkpoint.domain.credentials.errors import (
    ERROR_EXPIRED,
    ERROR_KEY_USAGE,
    ERROR_NOT_YET_VALID,
    ERROR_SIGNER_VALIDITY,
    CredentialError,
)
from checkpoint.domain.credentials.inspect import inspect_payload
from checkpoint.domain.credentials.trust import TrustListError, TrustStore

DEFAULT_DATA = Path(__file__).resolve().parents[4] / "shared" / "testdata" / "dcc"

EXPECTATIONS = (
    "EXPECTEDPICTUREDECODE",
    "EXPECTEDUNPREFIX",
    "EXPECTEDB45DECODE",
    "EXPECTEDCOMPRESSION",
    "EXPECTEDVERIFY",
    "EXPECTEDDECODE",
    "EXPECTEDVALIDJSON",
    "EXPECTEDEXPIRATIONCHECK",
    "EXPECTEDKEYUSAGE",
    "EXPECTEDSCHEMAVALIDATION",
    "EXPECTEDVALIDOBJECT",
    "EXPECTEDENCODE",
)
# Keys some vectors carry that the upstream README does not define: not scored, listed in the report.
UNDEFINED_KEYS = ("EXPTECTEDEXPIRED", "EXPECTEDRESULTS")


class UnavailableError(Exception):
    """The vector carries an expectation without the field the step needs."""


@dataclass(frozen=True)
class Vector:
    name: str  # e.g. "common/CO5"
    data: Mapping[str, Any]

    @property
    def expected(self) -> dict[str, bool]:
        results = self.data.get("EXPECTEDRESULTS") or {}
        return {k: bool(v) for k, v in results.items() if k in EXPECTATIONS}

    @property
    def clock(self) -> datetime:
        return datetime.fromisoformat(self.data["TESTCTX"]["VALIDATIONCLOCK"])

    def field(self, key: str) -> Any:
        if self.data.get(key) in (None, ""):
            raise UnavailableError(f"no {key}")
        return self.data[key]

    def hex_field(self, key: str) -> bytes:
        try:
            return bytes.fromhex(self.field(key))
        except (ValueError, TypeError) as error:
            raise UnavailableError(f"{key} is not hex") from error

    def trust(self) -> TrustStore:
        store = TrustStore()
        try:
            store.add_certificate_bytes(base64.b64decode(self.data["TESTCTX"]["CERTIFICATE"]))
        except (KeyError, TrustListError, binascii.Error, ValueError) as error:
            raise UnavailableError(f"certificate: {error}") from error
        return store

    def cose(self) -> bytes:
        """The COSE bytes: the COSE field, else unwrapped from PREFIX."""
        if self.data.get("COSE"):
            return self.hex_field("COSE")
        return hcert.unwrap(self.field("PREFIX"))


def load_vectors(root: Path) -> list[Vector]:
    vectors = []
    for path in sorted(root.glob("*/2DCode/raw/*.json")):
        vectors.append(Vector(f"{path.parts[-4]}/{path.stem}", json.loads(path.read_text(encoding="utf-8"))))
    return vectors


def _same(a: object, b: object) -> bool:
    return json.dumps(cbor.to_json(a), sort_keys=True) == json.dumps(cbor.to_json(b), sort_keys=True)


def _dgc_of(item: object) -> object:
    """The DCC in a CBOR field that holds either the DCC itself or the whole CWT claims."""
    if isinstance(item, Mapping) and hcert.CLAIM_HCERT in item:
        return hcert.decode_claims(cbor.dumps(item)).hcert
    return item


def picture_decode(v: Vector) -> bool:
    png = base64.b64decode(v.field("2DCODE"))
    image = cv2.imdecode(np.frombuffer(png, np.uint8), cv2.IMREAD_COLOR)
    if image is None:
        return False
    return any(code.text == v.field("PREFIX") for code in decode_image(image))


def unprefix(v: Vector) -> bool:
    text = hcert.unprefix(v.field("PREFIX"))
    return "BASE45" not in v.data or text == v.data["BASE45"]


def b45_decode(v: Vector) -> bool:
    data = base45.decode(v.field("BASE45"))
    return "COMPRESSED" not in v.data or data == v.hex_field("COMPRESSED")


def compression(v: Vector) -> bool:
    data = hcert.inflate(v.hex_field("COMPRESSED"))
    return "COSE" not in v.data or data == v.hex_field("COSE")


def _inspect(v: Vector) -> Any:
    return inspect_payload(hcert.wrap(v.cose()), trust=v.trust(), at=v.clock)


def verify(v: Vector) -> bool:
    code = _inspect(v)
    # Cryptographic verification with the vector's certificate; certificate-validity and key-usage
    # verdicts are other expectations.
    return code.signature is Signature.VALID or (
        code.signature is Signature.UNTRUSTED and set(code.errors) <= {ERROR_SIGNER_VALIDITY, ERROR_KEY_USAGE}
    )


def decode(v: Vector) -> bool:
    given = _dgc_of(cbor.loads(v.hex_field("CBOR")))
    if not isinstance(given, Mapping):
        return False
    if "COSE" in v.data or "PREFIX" in v.data:
        found = hcert.decode_claims(cose.decode_sign1(v.cose()).payload).hcert
        if not _same(found, given):
            return False
    return "JSON" not in v.data or _same(given, v.data["JSON"])


def valid_json(v: Vector) -> bool:
    expected = v.field("JSON")
    code = inspect_payload(v.field("PREFIX"), trust=None, at=v.clock)
    return code.payload is not None and _same(code.payload, expected)


def expiration(v: Vector) -> bool:
    code = _inspect(v)
    return code.payload is not None and not {ERROR_EXPIRED, ERROR_NOT_YET_VALID} & set(code.errors)


def key_usage(v: Vector) -> bool:
    code = _inspect(v)
    return code.signature is Signature.VALID or (
        code.signature is Signature.UNTRUSTED and set(code.errors) <= {ERROR_SIGNER_VALIDITY}
    )


def _chain_dgc(v: Vector) -> object:
    if "COSE" in v.data or "PREFIX" in v.data:
        return hcert.decode_claims(cose.decode_sign1(v.cose()).payload).hcert
    return _dgc_of(cbor.loads(v.hex_field("CBOR")))


def schema_validation(v: Vector) -> bool:
    return not schema_problems(cbor.to_json(_chain_dgc(v)))


def valid_object(v: Vector) -> bool:
    return not schema_problems(v.field("JSON"))


def encode(v: Vector) -> bool:
    ours = cbor.loads(cbor.dumps(v.field("JSON")))
    return _same(ours, _dgc_of(cbor.loads(v.hex_field("CBOR"))))


STEPS: dict[str, Callable[[Vector], bool]] = {
    "EXPECTEDPICTUREDECODE": picture_decode,
    "EXPECTEDUNPREFIX": unprefix,
    "EXPECTEDB45DECODE": b45_decode,
    "EXPECTEDCOMPRESSION": compression,
    "EXPECTEDVERIFY": verify,
    "EXPECTEDDECODE": decode,
    "EXPECTEDVALIDJSON": valid_json,
    "EXPECTEDEXPIRATIONCHECK": expiration,
    "EXPECTEDKEYUSAGE": key_usage,
    "EXPECTEDSCHEMAVALIDATION": schema_validation,
    "EXPECTEDVALIDOBJECT": valid_object,
    "EXPECTEDENCODE": encode,
}


def observe(v: Vector, expectation: str) -> bool | None:
    """What the project finds for one step: True (succeeds), False (fails), None (field missing)."""
    try:
        return STEPS[expectation](v)
    except UnavailableError:
        return None
    except CredentialError:
        return False


_NO_PICTURE = "carries EXPECTEDPICTUREDECODE=true but has no 2DCODE field, so there is no picture to decode"
_FR_JSON = (
    "its JSON says sc 2021-05-16T12:34:56Z and dr 2021-05-17T12:45:01Z, but the signed CBOR (and the QR "
    "payload) say 14:34:56Z and 14:45:01Z: the JSON was written in another time zone and does not match"
)
_ES_ALG = (
    "the protected header says alg -7 (ES256: P-256 with SHA-256, a 64-byte signature), but the "
    "certificate's key is P-384 and the signature is 96 bytes; it verifies only as ECDSA P-384 with SHA-256, "
    "which no COSE algorithm denotes (ES384 is -35 with SHA-384, and fails too)"
)
_BG_SCHEMA = (
    "its DCC has t and r set to null (the schema wants arrays, and exactly one of v, t, r) and dob "
    "'1978-01-26T00:00:00' with a time (the schema wants a date); the vector itself says 'old version'"
)

# (vector, expectation) -> (what this project observes, why the vector is faulty)
FAULTY: dict[tuple[str, str], tuple[bool | None, str]] = {
    ("BG/1", "EXPECTEDSCHEMAVALIDATION"): (False, _BG_SCHEMA),
    ("BG/1", "EXPECTEDVALIDOBJECT"): (False, _BG_SCHEMA),
    ("BG/2", "EXPECTEDSCHEMAVALIDATION"): (False, _BG_SCHEMA),
    ("BG/2", "EXPECTEDVALIDOBJECT"): (False, _BG_SCHEMA),
    ("BG/5", "EXPECTEDCOMPRESSION"): (
        None,
        "carries EXPECTEDCOMPRESSION=true but has no COMPRESSED field to decompress",
    ),
    ("ES/401", "EXPECTEDVERIFY"): (False, _ES_ALG),
    ("ES/402", "EXPECTEDVERIFY"): (False, _ES_ALG),
    ("ES/403", "EXPECTEDVERIFY"): (False, _ES_ALG),
    ("FR/test_pcr_ok", "EXPECTEDDECODE"): (False, _FR_JSON),
    ("FR/test_pcr_ok", "EXPECTEDVALIDJSON"): (False, _FR_JSON),
    ("IS/3", "EXPECTEDKEYUSAGE"): (
        True,
        "its certificate's extended key usage holds only 2.23.136.1.1.14.2 (no DCC type OID); the hcert "
        "specification lets such a signer sign every type, as common/CO15 ('no OID present') expects, so "
        "false contradicts CO15",
    ),
    **{
        (f"LV/{n}", "EXPECTEDPICTUREDECODE"): (None, _NO_PICTURE + " (the vector renamed it '_2DCODE')")
        for n in (1, 2, 3)
    },
    **{
        (name, "EXPECTEDPICTUREDECODE"): (None, _NO_PICTURE)
        for name in [
            "common/B1",
            "FR/recovery_ok",
            "FR/test_pcr_ok",
            "FR/vaccin_ok",
            *(f"FR/DGC_QrCode_{n:05d}_Raw" for n in range(1, 19)),
        ]
    },
}


@dataclass(frozen=True)
class Score:
    carried: int = 0
    agreed: int = 0
    faulty: int = 0


def score(vectors: list[Vector]) -> tuple[dict[str, Score], list[tuple[str, str, bool, bool | None]]]:
    """Per expectation: how many vectors carry it, how many we agree with, how many are known faulty;
    and every disagreement that is not in :data:`FAULTY` (name, expectation, expected, observed)."""
    scores = {e: Score() for e in EXPECTATIONS}
    unexpected = []
    for v in vectors:
        for expectation, expected in v.expected.items():
            observed = observe(v, expectation)
            s = scores[expectation]
            if observed == expected:
                scores[expectation] = Score(s.carried + 1, s.agreed + 1, s.faulty)
            elif (v.name, expectation) in FAULTY and FAULTY[v.name, expectation][0] == observed:
                scores[expectation] = Score(s.carried + 1, s.agreed, s.faulty + 1)
            else:
                scores[expectation] = Score(s.carried + 1, s.agreed, s.faulty)
                unexpected.append((v.name, expectation, expected, observed))
    return scores, unexpected


def report(root: Path) -> str:
    vectors = load_vectors(root)
    scores, unexpected = score(vectors)
    undefined = sorted(
        {
            f"{v.name}: {k}"
            for v in vectors
            for k in (v.data.get("EXPECTEDRESULTS") or {})
            if k in UNDEFINED_KEYS
        }
    )
    lines = [
        "# Conformance to the EU DCC public test vectors",
        "",
        f"Generated by `.venv/bin/python tests/unit/credentials/conformance_report.py` from "
        f"{len(vectors)} vectors (`*/2DCode/raw/*.json` of eu-digital-green-certificates/dgc-testdata, "
        "commit 4a62c8d, in `../shared/testdata/dcc/`). `tests/unit/credentials/test_conformance.py` "
        "checks the same figures: every expectation a vector carries either agrees with this project or is "
        "listed below as faulty, with the disagreement pinned.",
        "",
        "Each step runs the station's own code: the PNG through `checkpoint.camera.decode.decode_image`, "
        "then `unprefix`, Base45, zlib, COSE_Sign1 with a trust store holding the vector's certificate "
        "(`inspect_payload` at the vector's validation clock), CBOR, and the DCC structure check.",
        "",
        "| expectation | carried | agreed | known faulty | score |",
        "|---|---|---|---|---|",
    ]
    total = Score()
    for expectation in EXPECTATIONS:
        s = scores[expectation]
        total = Score(total.carried + s.carried, total.agreed + s.agreed, total.faulty + s.faulty)
        lines.append(
            f"| {expectation} | {s.carried} | {s.agreed} | {s.faulty} | {s.agreed}/{s.carried - s.faulty} |"
        )
    lines.append(
        f"| **all** | **{total.carried}** | **{total.agreed}** | **{total.faulty}** | "
        f"**{total.agreed}/{total.carried - total.faulty}** |"
    )
    lines += [
        "",
        "*score*: agreed out of the vectors that are not faulty. Unexplained disagreements: "
        f"**{len(unexpected)}**.",
        "",
        "Notes on the steps:",
        "",
        "- **EXPECTEDSCHEMAVALIDATION / EXPECTEDVALIDOBJECT** use a focused structural check "
        "(`checkpoint.domain.credentials.dcc_schema`: `ver`, `nam.fnt` and name patterns, `dob`, "
        "exactly one of "
        "`v`/`t`/`r` with one or more entries and each entry's required fields and types), not a full JSON "
        "Schema validator: jsonschema is not a dependency. Value sets (vaccine and country codes) are not "
        "checked.",
        "- **EXPECTEDVERIFY** is the cryptographic check with the vector's certificate (the kid must match "
        "the certificate's); certificate validity at the clock and key usage are their own steps.",
        "- **EXPECTEDEXPIRATIONCHECK** fails when the clock is before `iat` or after `exp`.",
        "- **EXPECTEDKEYUSAGE**: a signer whose certificate carries DCC type OIDs "
        "(1.3.6.1.4.1.1847.2021.1.1-3 or the 1.3.6.1.4.1.0.1847.2021.1.1-3 variants) may sign only those "
        "types; one without any may sign all.",
        "",
        "## Faulty vectors",
        "",
        "| vector | expectation | vector says | we find | why the vector is wrong |",
        "|---|---|---|---|---|",
    ]
    by_name = {v.name: v for v in vectors}
    for (name, expectation), (observed, reason) in sorted(FAULTY.items()):
        expected = by_name[name].expected.get(expectation) if name in by_name else None
        found = "step cannot run" if observed is None else str(observed).lower()
        lines.append(f"| {name} | {expectation} | {str(expected).lower()} | {found} | {reason} |")
    lines += [
        "",
        "Keys that some vectors carry but the upstream README does not define (not scored): "
        + ", ".join(f"`{u}`" for u in undefined)
        + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="score the DCC test vectors and write docs/conformance.md")
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).resolve().parents[3] / "docs" / "conformance.md"
    )
    args = parser.parse_args(argv)
    text = report(args.data)
    args.out.write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Signed credentials: EU Digital COVID Certificates and the deployment's own passes.

Pure computation (cbor2, cryptography, zlib): no files, no network, no Qt; time is an argument.
"""

from __future__ import annotations

from checkpoint.domain.credentials import base45, cbor, cose, hcert
from checkpoint.domain.credentials.errors import CredentialError
from checkpoint.domain.credentials.inspect import PassVerdict, inspect_payload, pass_verdict
from checkpoint.domain.credentials.passes import (
    ExitSlip,
    PassContentError,
    PassKind,
    ResidentPass,
    StationKeys,
    StationPass,
    SupplyVehiclePass,
    VisitorPass,
    issue_pass,
)
from checkpoint.domain.credentials.trust import TrustListError, TrustStore

__all__ = [
    "CredentialError",
    "ExitSlip",
    "PassContentError",
    "PassKind",
    "PassVerdict",
    "ResidentPass",
    "StationKeys",
    "StationPass",
    "SupplyVehiclePass",
    "TrustListError",
    "TrustStore",
    "VisitorPass",
    "base45",
    "cbor",
    "cose",
    "hcert",
    "inspect_payload",
    "issue_pass",
    "pass_verdict",
]

"""Why a payload could not be read or trusted: stable machine codes the UI translates.

Every parser in this package raises :class:`CredentialError` (never anything else) on bad input; its
``code`` is one of the ``ERROR_*`` values below and is what ``checkpoint scan --json`` prints in
``errors``.
"""

from __future__ import annotations

ERROR_PREFIX = "prefix"  # not HC1: / CPS1:, or an unsupported context such as HC2:
ERROR_BASE45 = "base45"  # not valid Base45
ERROR_ZLIB = "zlib"  # not a zlib stream, or a broken one
ERROR_COSE = "cose"  # not a COSE_Sign1 structure
ERROR_CBOR = "cbor"  # not CBOR, or CBOR of the wrong shape (CWT claims, hcert, pass content)
ERROR_ALGORITHM = "algorithm"  # a signature algorithm we do not verify
ERROR_SIGNATURE = "signature"  # the signature does not match: the payload was changed or forged
ERROR_UNTRUSTED_KID = "untrusted-kid"  # no trusted key has this key id
ERROR_NO_KID = "no-kid"  # neither header carries a key id
ERROR_SIGNER_VALIDITY = "signer-not-valid"  # the signer's certificate is not valid at the clock
ERROR_KEY_USAGE = "key-usage"  # the signer's certificate may not sign this kind of certificate
ERROR_EXPIRED = "expired"  # past its expiry (exp / valid until)
ERROR_NOT_YET_VALID = "not-yet-valid"  # issued after the clock, or valid from a later time
ERROR_REVOKED = "revoked"  # a station pass the deployment revoked
ERROR_NO_TRUST = "no-trust-list"  # nothing to check the signature against
ERROR_TOO_LARGE = "too-large"  # a payload bigger than any QR code can carry


class CredentialError(Exception):
    """A payload that cannot be decoded at some step; ``code`` says which (an ``ERROR_*`` value)."""

    def __init__(self, code: str, detail: str) -> None:
        super().__init__(f"{code}: {detail}")
        self.code = code
        self.detail = detail

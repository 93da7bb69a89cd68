"""Base45 (RFC 9285): the QR-alphanumeric text encoding of the EU DCC and of our own passes."""

from __future__ import annotations

from checkpoint.domain.credentials.errors import ERROR_BASE45, CredentialError

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:"
_VALUES = {c: i for i, c in enumerate(ALPHABET)}


def encode(data: bytes) -> str:
    """Two bytes become three characters, a last odd byte two (RFC 9285 section 4)."""
    out: list[str] = []
    for i in range(0, len(data) - 1, 2):
        n = data[i] * 256 + data[i + 1]
        e, rest = divmod(n, 45 * 45)
        d, c = divmod(rest, 45)
        out.append(ALPHABET[c] + ALPHABET[d] + ALPHABET[e])
    if len(data) % 2:
        d, c = divmod(data[-1], 45)
        out.append(ALPHABET[c] + ALPHABET[d])
    return "".join(out)


def decode(text: str) -> bytes:
    """The bytes a Base45 string encodes; :class:`CredentialError` ("base45") names what is wrong."""
    if len(text) % 3 == 1:
        raise CredentialError(ERROR_BASE45, f"length {len(text)} leaves one character over")
    try:
        values = [_VALUES[c] for c in text]
    except KeyError as error:
        raise CredentialError(ERROR_BASE45, f"character {error.args[0]!r} is not Base45") from None
    out = bytearray()
    full = len(values) - len(values) % 3
    for i in range(0, full, 3):
        n = values[i] + values[i + 1] * 45 + values[i + 2] * 45 * 45
        if n > 0xFFFF:
            raise CredentialError(ERROR_BASE45, f"triplet at {i} is {n}, above 65535")
        out += n.to_bytes(2, "big")
    if full != len(values):
        n = values[full] + values[full + 1] * 45
        if n > 0xFF:
            raise CredentialError(ERROR_BASE45, f"last pair is {n}, above 255")
        out.append(n)
    return bytes(out)

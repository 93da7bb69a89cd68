"""Anchors: a station's log pinned, outside the file, by the number and hash of its newest record.

The hash chain (``domain.chain``) has no key: whoever can run the station's code can edit a record and
recompute every later hash, and the chain is whole again. What they cannot change is a copy of a hash
that left the PC. An **anchor** is that copy: the station's id, the sequence number of the chain's head
when a sheet was made and that record's hash. Every handover sheet, anomaly hand-off and shift close
carries one (as text where the leaders sign and, on the PDF, as a QR code), and
``checkpoint db verify --anchor`` fails, naming the anchor, when the log no longer holds that record
with that hash: a rewritten and rechained history, renumbered records and a cut tail all change it.

The record an anchor names is the ``anchor_issued`` audit entry the station appends as it issues it
(``storage.anchors``): audit entries are never purged, and cutting the log back to before a sheet was made
removes the very record the sheet names.

The text form, which is also the QR code's content and what ``--anchor`` takes::

    CPA1:<station uuid>:<seq>:<hash>       e.g. CPA1:0b6f…-…:2917:3fa2c0de…(64 hex digits)

``--anchor`` also takes ``<seq>:<hash>`` and ``<station uuid>:<seq>:<hash>``, and a hash shortened to its
first 16 hex digits or more (what someone types from a printed sheet).
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass
from datetime import datetime

PREFIX = "CPA1"
"""The anchor text's first field: a station anchor, format 1 (kept apart from passes' ``CPS1:``)."""

MIN_HASH_DIGITS = 16
"""The fewest hex digits of a hash an anchor may give: 64 bits, beyond anyone's forging."""

HASH_DIGITS = 64

_SEQ = re.compile(r"^[1-9][0-9]{0,17}$")
_HASH = re.compile(r"^[0-9a-f]{16,64}$")


class AnchorError(ValueError):
    """Text that is not an anchor; the message says what is wrong with it."""


@dataclass(frozen=True, slots=True)
class Anchor:
    """Record ``seq`` of a station's chain had the hash ``hash`` (lowercase hex, possibly shortened).

    ``station_id`` is None for an anchor given as ``SEQ:HASH`` only (it then applies to the database's own
    station).
    """

    seq: int
    hash: str
    station_id: uuid.UUID | None = None

    def __post_init__(self) -> None:
        if isinstance(self.seq, bool) or not isinstance(self.seq, int) or self.seq < 1:
            raise AnchorError(f"an anchor's record number is a whole number from 1: {self.seq!r}")
        if not isinstance(self.hash, str) or not _HASH.match(self.hash):
            raise AnchorError(
                f"an anchor's hash is {MIN_HASH_DIGITS} to {HASH_DIGITS} lowercase hex digits: {self.hash!r}"
            )

    @property
    def is_full(self) -> bool:
        """Whether the whole hash is given (an anchor the station issued always is)."""
        return len(self.hash) == HASH_DIGITS

    def text(self) -> str:
        """The exact form ``--anchor`` takes and the QR code holds: ``CPA1:STATION:SEQ:HASH`` (or
        ``SEQ:HASH`` without a station)."""
        if self.station_id is None:
            return f"{self.seq}:{self.hash}"
        return f"{PREFIX}:{self.station_id}:{self.seq}:{self.hash}"

    def short(self) -> str:
        """For a sentence or a note by hand: ``2917:3fa2c0de91b4e7a5``, the record and the hash's first 16
        digits, itself an anchor ``--anchor`` takes (for this database's station)."""
        return f"{self.seq}:{self.hash[:MIN_HASH_DIGITS]}"

    def grouped_hash(self) -> str:
        """The hash in groups of eight for reading off paper: ``3fa2c0de 91b4e7a5 …``."""
        return " ".join(self.hash[i : i + 8] for i in range(0, len(self.hash), 8))

    def matches(self, stored_hash: str) -> bool:
        """Whether ``stored_hash`` (a full hash) is this anchor's (its prefix, for a shortened one)."""
        return stored_hash.startswith(self.hash)


def parse_anchor(text: str) -> Anchor:
    """The anchor in ``text``: ``CPA1:STATION:SEQ:HASH``, ``STATION:SEQ:HASH`` or ``SEQ:HASH``.

    Spaces inside the hash (read off a sheet in groups) are dropped and hex digits may be upper case.
    Raises :class:`AnchorError` saying what is wrong.
    """
    if not isinstance(text, str):
        raise AnchorError(f"not an anchor: {text!r}")
    parts = [part.strip() for part in text.strip().split(":")]
    if parts and parts[0].upper() == PREFIX:
        parts = parts[1:]
        if len(parts) != 3:
            raise AnchorError(f"an anchor is {PREFIX}:STATION:SEQ:HASH: {text!r}")
    if len(parts) not in (2, 3):
        raise AnchorError(f"an anchor is SEQ:HASH, STATION:SEQ:HASH or {PREFIX}:STATION:SEQ:HASH: {text!r}")
    station: uuid.UUID | None = None
    if len(parts) == 3:
        try:
            station = uuid.UUID(parts[0])
        except ValueError as error:
            raise AnchorError(f"not a station id: {parts[0]!r} in {text!r}") from error
    seq_text, hash_text = parts[-2], "".join(parts[-1].split()).lower()
    if not _SEQ.match(seq_text):
        raise AnchorError(f"not a record number: {seq_text!r} in {text!r}")
    if not _HASH.match(hash_text):
        raise AnchorError(
            f"not a hash ({MIN_HASH_DIGITS} to {HASH_DIGITS} hex digits): {parts[-1]!r} in {text!r}"
        )
    return Anchor(int(seq_text), hash_text, station)


@dataclass(frozen=True, slots=True)
class IssuedAnchor:
    """An anchor the station gave out. The anchor *is* the chained audit entry (``anchor_issued``) that
    records it: its seq and hash, over ``purpose`` (``handover pdf PATH``, ``anomalies csv PATH``,
    ``shift close SHIFT``), who and when. So the entry saying a sheet went out is itself pinned by it."""

    anchor: Anchor
    at: datetime
    operator_id: uuid.UUID | None
    purpose: str

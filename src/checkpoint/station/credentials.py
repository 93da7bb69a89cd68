"""Verification at scan time: what a scanned code proves, and what the log and the watchlists add.

The :class:`Verifier` holds what a gate checks against: the DCC trust store (certificates and trust
lists an administrator puts in ``config_dir()/trust``), the deployment's pass keys (``storage.keys``),
the health-code platforms (``resources/platforms.toml``, overridden by ``config_dir()/platforms.toml``),
the watchlist entries in force (cached, refreshed every minute and after an import), the residents
registry (``ResidentRegistry``, likewise) and the revoked passes.

For one scan it returns a :class:`Verification`: the inspected code, the pass or certificate content, the
household's exits in the quota window, an open exit (for the overdue check), the watchlist hits and the
last time the same token was scanned in this shift. It never raises for a payload; a trust folder or key
that cannot be read is reported in :attr:`Verifier.problems` and the station keeps working (passes are
then "untrusted", which the screen says in plain words).

Qt-free: the session calls it on the GUI thread; every read is one indexed query (about a millisecond).
"""

from __future__ import annotations

import dataclasses
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from uuid import UUID

from checkpoint import paths
from checkpoint.domain.codes import (
    MAX_PLATFORMS_CHARS,
    Platform,
    PlatformsError,
    ScannedCode,
    Signature,
    parse_platforms,
    platform_of,
)
from checkpoint.domain.credentials import PassKind, PassVerdict, StationKeys, TrustListError, TrustStore
from checkpoint.domain.credentials.inspect import inspect_payload, pass_verdict, signed_content_id
from checkpoint.domain.records import CodeKind, PersonCheck
from checkpoint.domain.residents import ResidentMatch
from checkpoint.domain.rules import GateFacts, Thresholds, WatchAction
from checkpoint.domain.watchlist import WatchlistAction, WatchlistEntry, WatchlistHit, WatchlistKind, match
from checkpoint.station.resident_registry import ResidentRegistry
from checkpoint.storage.database import Database
from checkpoint.storage.keys import KeyFileError, keys_dir, load_station_keys, load_trust_store

_log = logging.getLogger(__name__)

WATCHLIST_REFRESH = timedelta(minutes=1)
_CONTENT_ID_CACHE = 20_000  # earlier scans' signed-content ids kept (a busy shift has a few thousand)
PLATFORMS_FILE = "platforms.toml"


def trust_dir() -> Path:
    """Where the administrator puts DCC signer certificates and trust lists."""
    return paths.config_dir() / "trust"


def shipped_platforms_path() -> Path:
    return paths.resources_dir() / PLATFORMS_FILE


def configured_platforms_path() -> Path:
    return paths.config_dir() / PLATFORMS_FILE


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """Something the verifier could not read; ``what`` is ``trust``, ``keys`` or ``platforms``."""

    what: str
    detail: str


@dataclass(frozen=True, slots=True)
class Verification:
    """What one scanned code proves and what the log and the watchlists say about its holder."""

    code: ScannedCode
    kind: CodeKind  # the kind with the configured platforms applied (a platform's token is a health code)
    platform: Platform | None = None
    pass_verdict: PassVerdict | None = None  # station passes only
    pass_kind: PassKind | None = None
    pass_id: str = ""
    household: str = ""
    holder_name: str = ""  # as the pass or certificate says (verified only if the signature is valid)
    issuer: str = ""
    valid_from: datetime | None = None
    valid_until: datetime | None = None
    birth_date: str = ""  # DCC
    certificate_type: str = ""  # DCC: "v" vaccination, "t" test, "r" recovery
    exits_in_window: int = 0  # the household's exits in the quota window before this scan
    quota_days: int = 0
    out_since: datetime | None = None  # the holder's last exit without a return
    return_hours: int = 0
    return_overdue: bool = False
    previous_scan: datetime | None = None  # the same token recorded earlier in this shift
    keys_missing: bool = False  # this gate holds no pass key: station passes cannot be trusted
    trust_missing: bool = False  # no DCC signer is trusted

    @property
    def signature(self) -> Signature:
        return self.code.signature

    @property
    def signature_valid(self) -> bool:
        return self.code.signature is Signature.VALID

    @property
    def quota_exceeded(self) -> bool:
        return self.exits_in_window >= 1

    @property
    def not_yet_valid(self) -> bool:
        return self.valid_from is not None and "not-yet-valid" in self.code.errors

    def verified_facts(self) -> tuple[str, ...]:
        """Names of the facts a signature proves (the record's ``verified``)."""
        facts: list[str] = []
        if self.kind is CodeKind.DCC and self.signature_valid:
            facts.append("dcc_signature")
            if self.code.expired is False:
                facts.append("dcc_validity")
            if self.holder_name:
                facts.append("name")
        if self.kind is CodeKind.STATION_PASS and self.signature_valid:
            facts.append("pass_signature")
            if self.pass_verdict is PassVerdict.VALID:
                facts.append("pass_validity")
            if self.holder_name:
                facts.append("name")
            if self.household:
                facts.append("household")
        return tuple(facts)


@dataclass(frozen=True, slots=True)
class Screening:
    """The watchlist hits for a person (and plate) at a time, and what the residents registry says."""

    hits: tuple[WatchlistHit, ...] = ()
    resident: ResidentMatch | None = None  # None: nothing registered (or no person to look up)

    @property
    def quarantined(self) -> bool:
        return any(hit.entry.kind is WatchlistKind.HOME_QUARANTINE for hit in self.hits)

    @property
    def action(self) -> WatchAction:
        """What persons and plates of interest ask for (quarantine is its own fact: coming home is fine)."""
        hits = [hit for hit in self.hits if hit.entry.kind is not WatchlistKind.HOME_QUARANTINE]
        if any(hit.entry.action is WatchlistAction.BLOCK for hit in hits):
            return WatchAction.BLOCK
        if hits:
            return WatchAction.NOTIFY
        return WatchAction.NONE


def gate_facts(
    base: GateFacts, verification: Verification | None, screening: Screening, manual_id: bool
) -> GateFacts:
    """The rules' facts: the operator's attestations (``base``) plus what was verified and looked up."""
    changes: dict[str, object] = {
        "quarantined": screening.quarantined,
        "watchlist_action": screening.action,
        "manual_id": manual_id,
    }
    v = verification
    if v is not None and v.kind is CodeKind.DCC:
        changes["dcc_signature"] = v.signature
        changes["dcc_expired"] = bool(v.code.expired)
    if v is not None and v.kind is CodeKind.STATION_PASS:
        # an unreadable pass is still a pass shown: it counts as a resident's pass whose signature does
        # not hold, so the profile's pass rules turn it back
        signature = v.signature if v.pass_kind is not None else Signature.INVALID
        changes.update(
            pass_signature=signature,
            pass_revoked=v.pass_verdict is PassVerdict.REVOKED,
            pass_expired=bool(v.code.expired) or v.pass_verdict is PassVerdict.NOT_YET_VALID,
            pass_kind=v.pass_kind if v.pass_kind is not None else PassKind.RESIDENT,
            is_resident=v.pass_kind in (PassKind.EXIT_SLIP, PassKind.RESIDENT, None),
            quota_exceeded=v.pass_kind is PassKind.EXIT_SLIP and v.signature_valid and v.quota_exceeded,
            return_overdue=v.signature_valid and v.return_overdue,
        )
    resident = screening.resident
    if resident is not None:
        known = resident.known  # listed and living here: a member who moved out is not
        changes.update(
            resident_known=known,
            resident_status=resident.status if resident.member is not None else None,
            household_unknown=resident.household_unknown,
        )
        if known:
            changes["is_resident"] = True
            changes["quota_exceeded"] = bool(changes.get("quota_exceeded")) or resident.quota_exceeded
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _dcc_details(payload: object) -> tuple[str, str, str]:
    """Name, date of birth and certificate type ("v", "t", "r") from a DCC's JSON."""
    if not isinstance(payload, dict):
        return "", "", ""
    names = payload.get("nam")
    name = ""
    if isinstance(names, dict):
        family = _text(names.get("fn")) or _text(names.get("fnt"))
        given = _text(names.get("gn")) or _text(names.get("gnt"))
        name = " ".join(part for part in (family, given) if part)
    kind = next((key for key in ("v", "t", "r") if isinstance(payload.get(key), list)), "")
    return name, _text(payload.get("dob")), kind


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


class Verifier:
    """Inspects scanned codes against the gate's trust material and the log (see the module docstring)."""

    def __init__(
        self,
        database: Database,
        *,
        clock: Callable[[], datetime] | None = None,
        trust_folder: Path | None = None,
        keys_folder: Path | None = None,
        platforms_paths: Sequence[Path] | None = None,
    ) -> None:
        self._database = database
        self._clock = clock or (lambda: datetime.now(UTC))
        self._trust_folder = trust_folder or trust_dir()
        self._keys_folder = keys_folder or keys_dir()
        self._platforms_paths = (
            tuple(platforms_paths)
            if platforms_paths is not None
            else (configured_platforms_path(), shipped_platforms_path())
        )
        self._trust = TrustStore()
        self._keys = StationKeys.of([])
        self._platforms: tuple[Platform, ...] = ()
        self._problems: list[LoadProblem] = []
        self._watchlist: list[WatchlistEntry] = []
        self._watchlist_at: datetime | None = None
        self._residents = ResidentRegistry(database, clock=self._clock)
        self._content_ids: dict[str, str | None] = {}
        self.reload()

    # -- what it checks against --------------------------------------------------------------------------

    @property
    def problems(self) -> tuple[LoadProblem, ...]:
        return tuple(self._problems)

    @property
    def trust(self) -> TrustStore:
        return self._trust

    @property
    def station_keys(self) -> StationKeys:
        return self._keys

    @property
    def platforms(self) -> tuple[Platform, ...]:
        return self._platforms

    @property
    def residents(self) -> ResidentRegistry:
        return self._residents

    def reload(self) -> tuple[LoadProblem, ...]:
        """Reads the trust folder, the pass keys and the platforms again; returns what could not be read."""
        self._problems = []
        self._trust = self._load_trust()
        self._keys = self._load_keys()
        self._platforms = self._load_platforms()
        for problem in self._problems:
            _log.warning("verifier: %s: %s", problem.what, problem.detail)
        return tuple(self._problems)

    def _load_trust(self) -> TrustStore:
        folder = self._trust_folder
        if not folder.is_dir() or not any(p.is_file() for p in folder.rglob("*")):
            return TrustStore()
        skipped: list[TrustListError] = []  # a bad file is left out: the others still count
        try:
            store = load_trust_store([folder], skipped)
        except TrustListError as error:
            self._problems.append(LoadProblem("trust", str(error)))
            return TrustStore()
        self._problems.extend(LoadProblem("trust", str(error)) for error in skipped)
        return store

    def _load_keys(self) -> StationKeys:
        try:
            return load_station_keys(self._keys_folder)
        except KeyFileError as error:
            self._problems.append(LoadProblem("keys", str(error)))
            return StationKeys.of([])

    def _load_platforms(self) -> tuple[Platform, ...]:
        for path in self._platforms_paths:
            if not path.is_file():
                continue
            try:
                if path.stat().st_size > MAX_PLATFORMS_CHARS * 4:  # UTF-8: at most 4 bytes a character
                    raise PlatformsError(f"refused: larger than {MAX_PLATFORMS_CHARS} characters")
                return parse_platforms(path.read_text(encoding="utf-8"))
            except (OSError, UnicodeDecodeError, PlatformsError) as error:
                self._problems.append(LoadProblem("platforms", f"{path}: {error}"))
        return ()

    def watchlist(self, at: datetime | None = None) -> list[WatchlistEntry]:
        """The entries in force, from a cache at most a minute old."""
        now = at or self._clock()
        stale = self._watchlist_at is None or abs(now - self._watchlist_at) >= WATCHLIST_REFRESH
        if stale:
            self.refresh_watchlist(now)
        return self._watchlist

    def person_seen_in_shift(self, shift_id: UUID, id_number: str, phone: str) -> datetime | None:
        """When this ID number (else this phone) was last recorded in the shift: a person checked twice.
        Compared through the keyed hash; the log holds no plain ID numbers."""
        return self._database.passages.person_seen_in_shift(shift_id, id_number=id_number, phone=phone)

    def refresh_watchlist(self, at: datetime | None = None) -> None:
        """Reads the entries in force now (after an import, and every minute)."""
        now = at or self._clock()
        self._watchlist = self._database.watchlists.watchlist_entries(now)
        self._watchlist_at = now

    # -- one scan -----------------------------------------------------------------------------------------

    def verify(
        self,
        text: str,
        thresholds: Thresholds,
        *,
        shift_id: UUID | None = None,
        at: datetime | None = None,
    ) -> Verification:
        """Everything the gate can establish about one scanned payload at ``at``."""
        now = at or self._clock()
        revoked = (
            self._database.passes.revoked_pass_ids(now) if text.strip().startswith("CPS1:") else frozenset()
        )
        code = inspect_payload(text, trust=self._trust, at=now, station_keys=self._keys, revoked=revoked)
        platform = platform_of(text, self._platforms)
        kind = CodeKind.HEALTH_CODE if code.kind is CodeKind.UNKNOWN and platform else code.kind
        previous = self._seen_before(text, code, shift_id) if shift_id is not None else None
        result = Verification(
            code=code,
            kind=kind,
            platform=platform if kind is CodeKind.HEALTH_CODE else None,
            previous_scan=previous,
            keys_missing=not len(self._keys),
            trust_missing=not len(self._trust),
        )
        if kind is CodeKind.DCC and code.payload is not None:
            name, born, certificate = _dcc_details(code.payload)
            result = dataclasses.replace(
                result, holder_name=name, birth_date=born, certificate_type=certificate
            )
        if kind is CodeKind.STATION_PASS:
            result = self._pass_facts(result, thresholds, now)
        return result

    def _seen_before(self, text: str, code: ScannedCode, shift_id: UUID) -> datetime | None:
        """When this code was last recorded in the shift. A token by its text; a signed code (DCC,
        station pass) by what its signature covers, and a station pass whose signature holds also by its
        pass id: one signed code re-encoded into another text is still the same code."""
        same_text = self._database.passages.code_seen_in_shift(text, shift_id)
        content = signed_content_id(text) if code.kind in (CodeKind.DCC, CodeKind.STATION_PASS) else None
        if content is None:
            return same_text
        pass_id = ""
        if code.kind is CodeKind.STATION_PASS and code.signature is Signature.VALID:
            payload = code.payload
            pass_id = _text(payload.get("id")) if isinstance(payload, dict) else ""
        times = [same_text] if same_text is not None else []
        for earlier, earlier_pass, at in self._database.passages.codes_in_shift(shift_id, code.kind):
            if (pass_id and earlier_pass == pass_id) or self._content_id(earlier) == content:
                times.append(at)
        return max(times, default=None)

    def _content_id(self, text: str) -> str | None:
        """``signed_content_id`` of an earlier scan, remembered (a shift's codes are compared at every
        scan; each is unwrapped once)."""
        if text not in self._content_ids:
            if len(self._content_ids) >= _CONTENT_ID_CACHE:
                self._content_ids.clear()
            self._content_ids[text] = signed_content_id(text)
        return self._content_ids[text]

    def _pass_facts(self, result: Verification, thresholds: Thresholds, now: datetime) -> Verification:
        payload = result.code.payload
        verdict = pass_verdict(result.code)
        if not isinstance(payload, dict):
            return dataclasses.replace(result, pass_verdict=verdict)
        try:
            kind: PassKind | None = PassKind(_text(payload.get("kind")))
        except ValueError:
            kind = None
        holder = (
            _text(payload.get("member_name"))
            or _text(payload.get("name"))
            or _text(payload.get("visitor_name"))
            or _text(payload.get("plate"))
        )
        household = _text(payload.get("household_id")) or _text(payload.get("host_household_id"))
        result = dataclasses.replace(
            result,
            pass_verdict=verdict,
            pass_kind=kind,
            pass_id=_text(payload.get("id")),
            household=household if kind is not PassKind.VISITOR else "",
            holder_name=holder,
            issuer=_text(payload.get("issuer")),
            valid_from=_when(payload.get("valid_from")),
            valid_until=_when(payload.get("valid_until")),
        )
        if kind is not PassKind.EXIT_SLIP or not result.signature_valid:
            return result
        # the stricter of the profile and the slip: the profile may tighten a slip issued earlier
        every = payload.get("exit_every_days")
        within = payload.get("return_within_hours")
        days = max(thresholds.exit_slip_days, every if isinstance(every, int) else 0)
        hours = min(thresholds.return_hours, within if isinstance(within, int) else thresholds.return_hours)
        exits = self._database.passes.count_exits(household, now - timedelta(days=days)) if household else 0
        out_since = (
            self._database.passes.last_exit_without_return(pass_id=result.pass_id) if result.pass_id else None
        )
        overdue = out_since is not None and now - out_since > timedelta(hours=hours)
        return dataclasses.replace(
            result,
            exits_in_window=exits,
            quota_days=days,
            out_since=out_since,
            return_hours=hours,
            return_overdue=overdue,
        )

    def screen(
        self, person: PersonCheck, plate: str = "", *, at: datetime | None = None, host_household: str = ""
    ) -> Screening:
        """The watchlist hits for this person (name, ID number, phone) and plate, and the registry's word
        on them (by ID number, or by the household and name of their pass; a visitor's host household)."""
        if not (person.name or person.id_number or person.phone or plate or host_household):
            return Screening()
        now = at or self._clock()
        hits = tuple(match(self.watchlist(now), person, plate, at=now))
        resident = None
        if person.id_number or person.household or host_household:
            resident = self._residents.match(person, at=now, host_household=host_household)
        return Screening(hits, resident)

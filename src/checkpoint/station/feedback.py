"""Sounds and spoken prompts for the verdict: one short WAV per kind, pre-rendered phrases per language.

The files live in ``resources/sounds/<kind>.wav`` and ``resources/voice/<language>/<phrase>.wav`` (made by
``scripts/make-sounds``). ``FeedbackPlayer`` plays them through ``QSoundEffect``. A station without an audio
output (a headless PC, a kiosk with its speaker unplugged) keeps working silently: the player notices there is
no output, logs it once and plays nothing, and it starts playing when an output appears.

Settings (read on every call, so a change in the settings screen applies to the next verdict):
``feedback/sound`` (bool, default on), ``feedback/voice`` (bool, default off), ``feedback/volume`` (0-100).
"""

from __future__ import annotations

import contextlib
import enum
import logging
import wave
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import (
    QMessageLogContext,
    QObject,
    QSettings,
    QTimer,
    QtMsgType,
    QUrl,
    Signal,
    Slot,
    qInstallMessageHandler,
)
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

from checkpoint import paths
from checkpoint.domain.records import Outcome

_log = logging.getLogger(__name__)

SOUND_KEY = "feedback/sound"
VOICE_KEY = "feedback/voice"
VOLUME_KEY = "feedback/volume"
DEFAULT_VOLUME = 80

LANGUAGES = ("zh_CN", "en")
DEFAULT_LANGUAGE = "en"

# Between the tone and the spoken phrase of one announcement.
_VOICE_GAP_MS = 120


class FeedbackKind(enum.StrEnum):
    """The tones: their values are the file names in ``resources/sounds``."""

    PASS = "pass"  # a bright two-tone chime
    CHECK = "check"  # a neutral double beep: recheck, look again
    DENY = "deny"  # a low buzz: turn back, hold
    ALARM = "alarm"  # quarantine, watchlist, overdue: until acknowledged


class Phrase(enum.StrEnum):
    """The fixed spoken phrases: their values are the file names in ``resources/voice/<language>``."""

    PASS = "pass"  # 放行
    RECHECK = "recheck"  # 请复检
    TURN_BACK = "turn_back"  # 劝返
    HOLD = "hold"  # 请留观
    SHOW_CODE = "show_code"  # 请出示健康码
    FEVER = "fever"  # 体温异常


_KIND_FOR_OUTCOME = {
    Outcome.PASS: FeedbackKind.PASS,
    Outcome.RECHECK: FeedbackKind.CHECK,
    Outcome.TURN_BACK: FeedbackKind.DENY,
    Outcome.HOLD: FeedbackKind.DENY,
}
_PHRASE_FOR_OUTCOME = {
    Outcome.PASS: Phrase.PASS,
    Outcome.RECHECK: Phrase.RECHECK,
    Outcome.TURN_BACK: Phrase.TURN_BACK,
    Outcome.HOLD: Phrase.HOLD,
}


def kind_for_outcome(outcome: Outcome) -> FeedbackKind:
    return _KIND_FOR_OUTCOME[outcome]


def phrase_for_outcome(outcome: Outcome) -> Phrase:
    return _PHRASE_FOR_OUTCOME[outcome]


def voice_language(language: str) -> str:
    """The prompt language for a UI language: ``zh``, ``zh_CN``, ``zh-Hans-CN`` -> zh_CN; else en."""
    return "zh_CN" if language.replace("-", "_").lower().startswith("zh") else DEFAULT_LANGUAGE


def sound_path(kind: FeedbackKind, resources: Path | None = None) -> Path:
    return (resources or paths.resources_dir()) / "sounds" / f"{kind.value}.wav"


def voice_path(phrase: Phrase, language: str, resources: Path | None = None) -> Path:
    root = resources or paths.resources_dir()
    return root / "voice" / voice_language(language) / f"{phrase.value}.wav"


def wav_duration_ms(path: Path) -> int:
    """The length of a WAV file in milliseconds (0 when it cannot be read)."""
    try:
        with wave.open(str(path), "rb") as src:
            return int(1000 * src.getnframes() / src.getframerate())
    except (OSError, wave.Error, ZeroDivisionError):
        return 0


_backend_probed = False


def _qt_message_to_debug_log(mode: QtMsgType, context: QMessageLogContext, message: str) -> None:
    _log.debug("QtMultimedia: %s", message)


@contextlib.contextmanager
def _backend_messages_to_debug_log() -> Iterator[None]:
    """The first use of QtMultimedia loads its backend, which warns about every optional library it
    cannot find (VA-API, PipeWire, PulseAudio on a PC without sound): noise for an operator's log, so
    those messages go to the debug log, once per process."""
    global _backend_probed
    if _backend_probed:
        yield
        return

    previous = qInstallMessageHandler(_qt_message_to_debug_log)
    try:
        yield
    finally:
        qInstallMessageHandler(previous)
        _backend_probed = True


def audio_output_present() -> bool:
    with _backend_messages_to_debug_log():
        return bool(QMediaDevices.audioOutputs())


class FeedbackPlayer(QObject):
    """Plays the verdict tones and spoken prompts; silent and quiet without an audio output.

    Signals:
        cue(str): the path of the file chosen for a tone or phrase that the settings allow, emitted whether
            or not an audio output is there to play it (what a test, or a visual indicator, can follow).
    """

    cue = Signal(str)

    def __init__(
        self,
        settings: QSettings,
        resources: Path | None = None,
        audio_available: bool | None = None,
        parent: QObject | None = None,
    ) -> None:
        """``audio_available`` None: ask QtMultimedia (and follow outputs being plugged in and out)."""
        super().__init__(parent)
        self._settings = settings
        self._resources = resources
        self._effects: dict[Path, QSoundEffect] = {}
        self._broken: set[Path] = set()
        self._said_silent = False
        self._devices: QMediaDevices | None = None
        if audio_available is None:
            with _backend_messages_to_debug_log():
                self._devices = QMediaDevices(self)
                self._available = audio_output_present()
            self._devices.audioOutputsChanged.connect(self._on_devices_audio_outputs_changed)
        else:
            self._available = audio_available
        self._pending_voice = QTimer(self)
        self._pending_voice.setSingleShot(True)
        self._pending_voice.timeout.connect(self._on_pending_voice_timeout)
        self._pending_voice_path: Path | None = None

    @property
    def available(self) -> bool:
        """True when an audio output is there to play on."""
        return self._available

    def sound_enabled(self) -> bool:
        return bool(self._settings.value(SOUND_KEY, True, type=bool))

    def voice_enabled(self) -> bool:
        return bool(self._settings.value(VOICE_KEY, False, type=bool))

    def volume(self) -> float:
        """0.0 to 1.0, from ``feedback/volume`` (0-100; nonsense counts as the default)."""
        raw = self._settings.value(VOLUME_KEY, DEFAULT_VOLUME)
        try:
            value = int(str(raw))
        except ValueError:
            value = DEFAULT_VOLUME
        return max(0, min(100, value)) / 100.0

    def play(self, kind: FeedbackKind) -> None:
        """The tone for ``kind``, when sounds are on."""
        if self.sound_enabled():
            self._play(sound_path(kind, self._resources))

    def speak(self, phrase: Phrase, language: str) -> None:
        """The spoken ``phrase`` in ``language`` (zh_CN or en), when spoken prompts are on."""
        if self.voice_enabled():
            self._pending_voice.stop()
            self._play(voice_path(phrase, language, self._resources))

    def announce(self, outcome: Outcome, language: str) -> None:
        """The verdict: its tone, then (when prompts are on) its phrase once the tone has finished."""
        self._pending_voice.stop()
        tone_ms = 0
        if self.sound_enabled():
            path = sound_path(kind_for_outcome(outcome), self._resources)
            self._play(path)
            tone_ms = wav_duration_ms(path) + _VOICE_GAP_MS
        if not self.voice_enabled():
            return
        phrase_file = voice_path(phrase_for_outcome(outcome), language, self._resources)
        if tone_ms == 0:
            self._play(phrase_file)
        else:
            self._pending_voice_path = phrase_file
            self._pending_voice.start(tone_ms)

    def stop(self) -> None:
        """Silences whatever is playing and drops a phrase still waiting for its tone to end."""
        self._pending_voice.stop()
        for effect in self._effects.values():
            effect.stop()

    def _play(self, path: Path) -> None:
        self.cue.emit(str(path))
        if not self._available:
            if not self._said_silent:
                _log.info("no audio output: feedback sounds and prompts are silent")
                self._said_silent = True
            return
        if path in self._broken:
            return
        if not path.is_file():
            _log.warning("feedback sound missing: %s", path)
            self._broken.add(path)
            return
        effect = self._effects.get(path)
        if effect is None:
            with _backend_messages_to_debug_log():
                effect = QSoundEffect(self)
                effect.statusChanged.connect(self._on_effect_status_changed)
                effect.setSource(QUrl.fromLocalFile(str(path)))
            self._effects[path] = effect
        effect.setVolume(self.volume())
        effect.play()  # while still loading, QSoundEffect plays it as soon as it is loaded

    @Slot()
    def _on_effect_status_changed(self) -> None:
        for path, effect in list(self._effects.items()):
            if effect.status() == QSoundEffect.Status.Error and path not in self._broken:
                _log.warning("feedback sound cannot be played on this output: %s", path)
                self._broken.add(path)

    @Slot()
    def _on_pending_voice_timeout(self) -> None:
        if self._pending_voice_path is not None:
            self._play(self._pending_voice_path)
            self._pending_voice_path = None

    @Slot()
    def _on_devices_audio_outputs_changed(self) -> None:
        available = audio_output_present()
        if available != self._available:
            _log.info("audio output %s", "found" if available else "gone")
            self._available = available
            self._said_silent = False
            # Effects loaded for the old output (or failed on it) are made again for the new one.
            for effect in self._effects.values():
                effect.deleteLater()
            self._effects.clear()
            self._broken.clear()

"""Feedback sounds and spoken prompts: the committed files, which file each verdict picks, and silence
without an audio output (this test machine has none: QtMultimedia lists no outputs and a QSoundEffect on
it ends in status Error)."""

from __future__ import annotations

import logging
import wave
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import QSettings
from PySide6.QtMultimedia import QMediaDevices, QSoundEffect
from pytestqt.qtbot import QtBot

from checkpoint import paths
from checkpoint.domain.records import Outcome
from checkpoint.station.feedback import (
    LANGUAGES,
    SOUND_KEY,
    VOICE_KEY,
    VOLUME_KEY,
    FeedbackKind,
    FeedbackPlayer,
    Phrase,
    kind_for_outcome,
    sound_path,
    voice_language,
    voice_path,
)

RESOURCES = paths.resources_dir()


def _samples(path: Path) -> tuple[np.ndarray, int]:
    with wave.open(str(path), "rb") as src:
        assert src.getnchannels() == 1, f"{path} is not mono"
        assert src.getsampwidth() == 2, f"{path} is not 16-bit"
        assert src.getcomptype() == "NONE", f"{path} is not PCM"
        rate = src.getframerate()
        data = np.frombuffer(src.readframes(src.getnframes()), dtype="<i2").astype(np.float64)
    return data, rate


def _dominant_hz(path: Path) -> float:
    data, rate = _samples(path)
    spectrum = np.abs(np.fft.rfft(data))
    return float(np.fft.rfftfreq(len(data), 1.0 / rate)[int(np.argmax(spectrum))])


@pytest.fixture()
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.mark.parametrize("kind", list(FeedbackKind))
def test_every_tone_is_a_short_audible_16_bit_mono_wav(kind: FeedbackKind) -> None:
    data, rate = _samples(sound_path(kind))
    seconds = len(data) / rate
    assert 0.15 <= seconds <= 1.5
    assert np.max(np.abs(data)) > 0.5 * 32767  # loud enough for a gate, without clipping
    assert np.max(np.abs(data)) < 32767


def test_pass_check_and_deny_sound_different_a_bright_chime_and_a_low_buzz() -> None:
    contents = {kind: sound_path(kind).read_bytes() for kind in FeedbackKind}
    assert len(set(contents.values())) == len(FeedbackKind)
    pass_hz = _dominant_hz(sound_path(FeedbackKind.PASS))
    check_hz = _dominant_hz(sound_path(FeedbackKind.CHECK))
    deny_hz = _dominant_hz(sound_path(FeedbackKind.DENY))
    assert pass_hz > 1200 > check_hz > 500 > 300 > deny_hz


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("phrase", list(Phrase))
def test_every_phrase_is_pre_rendered_at_16_khz_mono_in_both_languages(phrase: Phrase, language: str) -> None:
    path = voice_path(phrase, language)
    assert path.parent.name == language
    data, rate = _samples(path)
    assert rate == 16000
    assert 0.2 <= len(data) / rate <= 4.0
    assert np.max(np.abs(data)) > 0.3 * 32767  # speech, not silence


def test_the_phrases_of_one_language_differ_and_the_languages_differ() -> None:
    for language in LANGUAGES:
        files = {voice_path(p, language).read_bytes() for p in Phrase}
        assert len(files) == len(Phrase)
    assert voice_path(Phrase.PASS, "zh_CN").read_bytes() != voice_path(Phrase.PASS, "en").read_bytes()


def test_ui_languages_map_to_the_prompt_languages() -> None:
    assert voice_language("zh_CN") == voice_language("zh") == voice_language("zh-Hans-CN") == "zh_CN"
    assert voice_language("en") == voice_language("en_GB") == voice_language("fr") == "en"


@pytest.mark.parametrize(
    ("outcome", "language", "tone", "phrase"),
    [
        (Outcome.PASS, "zh_CN", "pass", "pass"),
        (Outcome.RECHECK, "en", "check", "recheck"),
        (Outcome.TURN_BACK, "zh_CN", "deny", "turn_back"),
        (Outcome.HOLD, "en", "deny", "hold"),
    ],
)
def test_a_verdict_plays_its_tone_then_its_phrase_in_the_operator_language(
    qtbot: QtBot, settings: QSettings, outcome: Outcome, tone: str, phrase: str, language: str
) -> None:
    settings.setValue(VOICE_KEY, True)
    player = FeedbackPlayer(settings, audio_available=False)
    cues: list[str] = []
    player.cue.connect(cues.append)
    with qtbot.waitSignals([player.cue, player.cue], timeout=3000):
        player.announce(outcome, language)
    assert cues == [
        str(RESOURCES / "sounds" / f"{tone}.wav"),
        str(RESOURCES / "voice" / language / f"{phrase}.wav"),
    ]
    assert all(Path(cue).is_file() for cue in cues)
    assert kind_for_outcome(outcome).value == tone


def test_spoken_prompts_are_off_by_default_and_sounds_on(qtbot: QtBot, settings: QSettings) -> None:
    player = FeedbackPlayer(settings, audio_available=False)
    cues: list[str] = []
    player.cue.connect(cues.append)
    player.speak(Phrase.SHOW_CODE, "zh_CN")
    player.announce(Outcome.TURN_BACK, "zh_CN")
    assert cues == [str(sound_path(FeedbackKind.DENY))]


def test_sound_off_and_voice_on_speaks_at_once(settings: QSettings) -> None:
    settings.setValue(SOUND_KEY, False)
    settings.setValue(VOICE_KEY, True)
    player = FeedbackPlayer(settings, audio_available=False)
    cues: list[str] = []
    player.cue.connect(cues.append)
    player.play(FeedbackKind.ALARM)
    player.announce(Outcome.HOLD, "en")
    player.speak(Phrase.FEVER, "zh")
    assert cues == [str(voice_path(Phrase.HOLD, "en")), str(voice_path(Phrase.FEVER, "zh_CN"))]


def test_settings_read_back_from_the_ini_file_apply_to_the_next_call(tmp_path: Path) -> None:
    writer = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    writer.setValue(SOUND_KEY, False)
    writer.setValue(VOLUME_KEY, 250)
    writer.sync()
    player = FeedbackPlayer(
        QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat), audio_available=False
    )
    assert not player.sound_enabled()
    assert player.volume() == 1.0
    player._settings.setValue(VOLUME_KEY, "loud")
    assert player.volume() == 0.8


def test_without_an_audio_output_playing_is_silent_and_logged_once(
    settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    player = FeedbackPlayer(settings, audio_available=False)
    with caplog.at_level(logging.INFO, logger="checkpoint.station.feedback"):
        for kind in FeedbackKind:
            player.play(kind)
            player.play(kind)
    assert [r.getMessage() for r in caplog.records] == [
        "no audio output: feedback sounds and prompts are silent"
    ]
    assert not player.available


def test_the_player_asks_qtmultimedia_whether_there_is_an_output(settings: QSettings) -> None:
    player = FeedbackPlayer(settings)
    assert player.available == bool(QMediaDevices.audioOutputs())


@pytest.mark.qt_log_ignore("QSoundEffect: playback of this format is not supported")
def test_an_output_that_cannot_play_degrades_to_silence_without_crashing(
    qtbot: QtBot, settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    # Forced "available" on a machine whose output cannot play (here: none at all): the effect loads,
    # fails, is logged once and is not tried again.
    if QMediaDevices.audioOutputs():
        pytest.skip("this machine has an audio output: the failure path cannot be provoked")
    player = FeedbackPlayer(settings, audio_available=True)
    with caplog.at_level(logging.WARNING, logger="checkpoint.station.feedback"):
        player.play(FeedbackKind.PASS)
        effect = player._effects[sound_path(FeedbackKind.PASS)]
        assert effect.volume() == pytest.approx(0.8)
        qtbot.waitUntil(lambda: effect.status() == QSoundEffect.Status.Error, timeout=5000)
        player.play(FeedbackKind.PASS)
        player.play(FeedbackKind.PASS)
    assert [r.getMessage() for r in caplog.records] == [
        f"feedback sound cannot be played on this output: {sound_path(FeedbackKind.PASS)}"
    ]


def test_a_missing_file_is_reported_once_and_never_crashes(
    tmp_path: Path, settings: QSettings, caplog: pytest.LogCaptureFixture
) -> None:
    player = FeedbackPlayer(settings, resources=tmp_path, audio_available=True)
    with caplog.at_level(logging.WARNING, logger="checkpoint.station.feedback"):
        player.play(FeedbackKind.DENY)
        player.play(FeedbackKind.DENY)
    assert len(caplog.records) == 1
    assert "missing" in caplog.records[0].getMessage()

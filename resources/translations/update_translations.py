"""Refresh the translation catalogues from the source, finish English, compile both.

    .venv/bin/python resources/translations/update_translations.py

1. ``pyside6-lupdate`` extracts every ``tr()`` / ``QCoreApplication.translate`` string of ``src/checkpoint``
   into ``checkpoint_zh_CN.ts`` and ``checkpoint_en.ts`` (existing translations are kept; strings that left
   the source are kept as "vanished" and come back translated if they return).
2. English is the source language: every English entry is the source text itself (plural forms from the
   ``(s)`` convention: "%n passage(s)" -> "%n passage" / "%n passages"), marked finished.
3. ``pyside6-lrelease`` compiles both to ``.qm`` beside them (the app loads those).
4. Prints the zh_CN entries still to translate (edit them with ``pyside6-linguist``), exit status 1 if any.
"""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
LANGUAGES = ("zh_CN", "en")
_PLURAL = re.compile(r"(\w+)\((\w+)\)")


def ts_path(language: str) -> Path:
    return HERE / f"checkpoint_{language}.ts"


def qm_path(language: str) -> Path:
    return HERE / f"checkpoint_{language}.qm"


def lupdate() -> None:
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-extensions",
            "py",
            "-locations",
            "none",
            "-silent",
            "-no-obsolete",
            str(ROOT / "src" / "checkpoint"),
            "-ts",
            *(str(ts_path(lang)) for lang in LANGUAGES),
        ],
        check=True,
    )


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([str(BIN / "pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def english_forms(source: str) -> tuple[str, str]:
    """Singular and plural of a "(s)" source text."""
    singular = _PLURAL.sub(lambda m: m.group(1), source)
    plural = _PLURAL.sub(lambda m: m.group(1) + m.group(2), source)
    return singular, plural


def _write(tree: ET.ElementTree, path: Path) -> None:
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def finish_english() -> None:
    path = ts_path("en")
    tree = ET.parse(path)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        source = message.findtext("source") or ""
        if translation is None or translation.get("type") in ("vanished", "obsolete"):
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            for form in list(translation):
                translation.remove(form)
            translation.text = None
            for text in english_forms(source):
                ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = source
    _write(tree, path)


def unfinished(language: str) -> list[str]:
    tree = ET.parse(ts_path(language))
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            texts = [translation.text] if translation is not None and message.get("numerus") != "yes" else []
            if translation is not None and message.get("numerus") == "yes":
                texts = [form.text for form in translation.iter("numerusform")]
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not texts
                or not all(t and t.strip() for t in texts)
            ):
                missing.append(f"{name}: {message.findtext('source')!r}")
    return missing


def main() -> int:
    lupdate()
    finish_english()
    for language in LANGUAGES:
        lrelease(ts_path(language), qm_path(language))
    missing = unfinished("zh_CN")
    for entry in missing:
        print(f"zh_CN unfinished: {entry}")
    return 1 if missing else 0


if __name__ == "__main__":
    raise SystemExit(main())

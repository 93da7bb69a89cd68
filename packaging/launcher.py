"""Entry point of the PyInstaller bundle: the same as the ``checkpoint`` console script.

The bundle carries every library it links but glibc's (packaging/checkpoint.spec) and assumes a few packages
of the station's Debian desktop (README, "Packaging"). Before the GUI starts, this checks those, a display and
that Qt loads, and says in one line what to do or install, instead of Qt's abort, a traceback or a window
without text. Other commands need none of it and are not checked.
"""

import ctypes
import os
import sys
from collections.abc import Mapping

FONT_PACKAGE = "fonts-wqy-microhei"


def _is_gui(args: list[str]) -> bool:
    return (not args or args[0] == "gui") and not {"-h", "--help"} & set(args)


def _bundled(name: str) -> str:
    return os.path.join(getattr(sys, "_MEIPASS", ""), name)


def _chinese_fonts() -> int | None:
    """How many fonts fontconfig has for Chinese, or None when fontconfig cannot be asked."""
    try:
        fc = ctypes.CDLL(_bundled("libfontconfig.so.1"))
    except OSError:
        return None
    fc.FcInitLoadConfigAndFonts.restype = ctypes.c_void_p
    fc.FcNameParse.restype = ctypes.c_void_p
    fc.FcNameParse.argtypes = [ctypes.c_char_p]
    fc.FcObjectSetCreate.restype = ctypes.c_void_p
    fc.FcObjectSetAdd.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    fc.FcFontList.restype = ctypes.POINTER(ctypes.c_int)  # FcFontSet: int nfont first
    fc.FcFontList.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p]
    for name in ("FcFontSetDestroy", "FcObjectSetDestroy", "FcPatternDestroy", "FcConfigDestroy"):
        getattr(fc, name).argtypes = [ctypes.c_void_p]
    config = fc.FcInitLoadConfigAndFonts()
    pattern = fc.FcNameParse(b":lang=zh-cn")
    objects = fc.FcObjectSetCreate()
    fc.FcObjectSetAdd(objects, b"file")
    fonts = fc.FcFontList(config, pattern, objects)
    count = fonts[0] if fonts else 0
    if fonts:
        fc.FcFontSetDestroy(fonts)
    fc.FcObjectSetDestroy(objects)
    fc.FcPatternDestroy(pattern)
    fc.FcConfigDestroy(config)
    return count


def missing_for_gui(environ: Mapping[str, str]) -> str | None:
    """What stops the GUI from starting, in one line naming what to do; None when nothing does."""
    platform = environ.get("QT_QPA_PLATFORM", "")
    display, wayland = environ.get("DISPLAY"), environ.get("WAYLAND_DISPLAY")
    if not platform and not display and not wayland:
        return (
            "no display to show the station on (neither DISPLAY nor WAYLAND_DISPLAY is set): start it in "
            "the desktop session, or set QT_QPA_PLATFORM=offscreen to run it without a screen"
        )
    # The Qt libraries and the platform plugin link only bundled libraries and glibc: this fails on a broken
    # bundle or a machine older than Debian 12, and says which library is missing instead of a traceback.
    qt = ["PySide6/Qt/lib/libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Multimedia.so.6"]
    # Unset on Wayland: Qt picks wayland, or xcb (XWayland) on a machine without libwayland.
    name = platform.partition(":")[0] or ("" if wayland else "xcb")
    if name in ("xcb", "offscreen"):
        qt.append(f"PySide6/Qt/plugins/platforms/libq{name}.so")
    for library in qt:
        try:
            ctypes.CDLL(_bundled(library))
        except OSError as error:  # PyInstaller's ctypes hook hides the loader's message in the cause
            return f"{library} does not load ({error.__cause__ or error}); the bundle is made for Debian 12"
    config = environ.get("FONTCONFIG_FILE") or "/etc/fonts/fonts.conf"
    if not os.path.isfile(config) and not environ.get("FONTCONFIG_PATH"):
        return f"no font configuration ({config}), so no text can be drawn: sudo apt install fontconfig"
    return None


def font_warning() -> str | None:
    """A line naming the font package when fontconfig knows no Chinese font; None otherwise."""
    if _chinese_fonts() == 0:
        return f"no Chinese font, Chinese text shows as boxes: sudo apt install {FONT_PACKAGE}"
    return None


def main() -> int:
    if _is_gui(sys.argv[1:]) and getattr(sys, "frozen", False):
        problem = missing_for_gui(os.environ)
        if problem:
            print(f"checkpoint: {problem}", file=sys.stderr)
            return 1
        warning = font_warning()
        if warning:
            print(f"checkpoint: {warning}", file=sys.stderr)
    from checkpoint.cli import main as checkpoint_main

    return checkpoint_main()


if __name__ == "__main__":
    sys.exit(main())

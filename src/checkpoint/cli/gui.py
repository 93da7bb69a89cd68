"""``checkpoint gui`` (also ``checkpoint`` alone): start the station."""

from __future__ import annotations

import argparse

from checkpoint.cli.common import add_db, db_url


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--camera", metavar="SPEC", help="device index, RTSP/HTTP URL, video file, image folder or 'demo'"
    )
    add_db(parser)
    parser.add_argument(
        "--profile", metavar="NAME", default=None, help="gate profile (highway-exit, compound-gate)"
    )
    parser.add_argument("--lang", choices=["zh_CN", "en"], help="interface language (default: system locale)")
    parser.add_argument("--fullscreen", action="store_true", help="start in full-screen mode")


def run(args: argparse.Namespace) -> int:
    # The one import inside a function: the station (every layer, Qt Multimedia, the camera) loads to
    # run, not for ``checkpoint gui --help``, which stays instant and as quiet as it was (Qt Multimedia
    # logs its search for audio back-ends when it loads).
    from checkpoint.app import run_gui

    return run_gui(
        camera=args.camera,
        db_url=db_url(args),
        profile=args.profile,
        language=args.lang,
        fullscreen=args.fullscreen,
    )

"""``checkpoint bench decode``: each decoder and the camera pipeline on image folders."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from checkpoint.bench import BenchError
from checkpoint.bench.decode import format_decode_bench, run_decode_bench
from checkpoint.cli.common import EXIT_OK, CommandError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, metavar="DIR")
    parser.add_argument(
        "--max-side", type=int, metavar="N", help="scale images to at most N pixels on the long side"
    )
    parser.add_argument("--frames", type=int, default=3, metavar="N", help="camera frames per still image")
    parser.add_argument(
        "--no-code-frames",
        type=int,
        default=150,
        metavar="N",
        help="1280x720 frames without a code (0: skip)",
    )
    parser.add_argument("--json", action="store_true")


def run(args: argparse.Namespace) -> int:
    if not args.data.is_dir():
        raise CommandError(f"not a folder: {args.data}")
    try:
        report = run_decode_bench(
            args.data, args.max_side, frames=args.frames, no_code_frames=args.no_code_frames
        )
    except BenchError as error:
        raise CommandError(str(error)) from error
    if args.json:
        print(json.dumps(report.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_decode_bench(report))
    return EXIT_OK

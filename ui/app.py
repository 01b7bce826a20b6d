"""Starting the desktop: QApplication, appearance, language, the store, sign-in, the window, and
the qasync event loop that joins asyncio to Qt.

``main(argv_or_namespace)`` is what the CLI's ``gui`` command calls (``add_arguments`` adds its
options to that command's parser); ``python -m ui.app --data-dir DIR`` works as well.
"""

import argparse
import asyncio
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from caseworker.display import one_line
from caseworker.errors import CaseworkerError

DEMO_CITIZENS = 20_000


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--demo",
        action="store_true",
        help=f"seed a demo council ({DEMO_CITIZENS:,} citizens) into an empty store first",
    )
    parser.add_argument("--screenshot", type=Path, metavar="OUT.png", help="render, save, exit")
    parser.add_argument(
        "--open",
        metavar="RECORD",
        help="open this record at start: a citizen id, a case id or a case reference",
    )
    parser.add_argument(
        "--view",
        metavar="NAME",
        help="show this view or dialog at start, e.g. citizen, my-work, note (a wrong name lists "
        "them all)",
    )
    parser.add_argument("--size", default="1400x900", metavar="WxH", help="window size")
    parser.add_argument("--lang", choices=("en", "cy"), help="English or Welsh (default: system)")
    parser.add_argument("--theme", choices=("light", "dark"), help="default: follow the system")
    parser.add_argument("--as", dest="as_user", metavar="USERNAME", help="sign in as this user")
    parser.add_argument(
        "--measure-startup",
        action="store_true",
        help="print the time to the first paint of a usable window, then exit (for bench ui)",
    )


def parse_size(text: str) -> tuple[int, int]:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as exc:
        raise CaseworkerError(f"--size must look like 1400x900, not {text!r}") from exc
    if not (320 <= width <= 10_000 and 240 <= height <= 10_000):
        raise CaseworkerError(f"--size {text} is out of range")
    return width, height


def _namespace(argv_or_namespace: Sequence[str] | argparse.Namespace | None) -> argparse.Namespace:
    if isinstance(argv_or_namespace, argparse.Namespace):
        args = argv_or_namespace
        defaults = argparse.ArgumentParser()
        add_arguments(defaults)
        for key, value in vars(defaults.parse_args([])).items():
            if not hasattr(args, key):
                setattr(args, key, value)
        return args
    parser = argparse.ArgumentParser(prog="caseworker gui", description="The Caseworker window.")
    parser.add_argument("--data-dir", type=Path, required=True)
    add_arguments(parser)
    return parser.parse_args(list(argv_or_namespace or sys.argv[1:]))


def main(argv_or_namespace: Sequence[str] | argparse.Namespace | None = None) -> int:
    """Run the window until it closes; returns the process exit code."""
    args = _namespace(argv_or_namespace)
    try:
        size = parse_size(args.size)
    except CaseworkerError as exc:
        print(f"caseworker gui: {one_line(str(exc))}", file=sys.stderr)
        return 2
    if args.screenshot is not None or args.measure_startup:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from ui.launch import Launcher  # Qt is imported only from here on

    launcher = Launcher(args, size)
    try:
        return launcher.run()
    except CaseworkerError as exc:
        print(f"caseworker gui: {one_line(str(exc))}", file=sys.stderr)
        return 1
    finally:
        launcher.shutdown()


def run_event_loop(app: Any, until: "asyncio.Event") -> None:
    """Run Qt and asyncio together (qasync) until ``until`` is set."""
    import qasync
    from PySide6.QtCore import QTimer

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(until.wait())
    finally:
        asyncio.set_event_loop(None)
        # A stopped qasync loop leaves Qt's quit flag set; let Qt finish it cleanly.
        QTimer.singleShot(0, app.quit)
        app.exec()


if __name__ == "__main__":
    sys.exit(main())

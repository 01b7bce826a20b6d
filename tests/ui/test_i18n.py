"""English and Welsh: the Welsh translation loads and changes what the window says, and every
string the window can show has a finished translation in both languages."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from pytestqt.qtbot import QtBot

from ui import labels
from ui.context import UiContext
from ui.main_window import MainWindow
from ui.theme import Theme

ROOT = Path(__file__).resolve().parents[2]
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")


def test_welsh_changes_what_the_window_says(
    qtbot: QtBot, welsh: str, ctx: UiContext, theme: Theme
) -> None:
    assert welsh == "cy"
    window = MainWindow(ctx, theme)
    qtbot.addWidget(window)
    assert window.rail.buttons["my_work"].text().startswith("Fy ngwaith")
    assert window.tabs.tabText(0) == "Fy ngwaith"
    assert "Chwilio" in window.omnibox.accessibleName()
    assert labels.status("assigned") != "Assigned"
    assert labels.channel("phone") == "Ffôn"
    qtbot.waitUntil(lambda: ctx.worker.pending == 0, timeout=10_000)


def _messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    tree = ET.parse(ts)
    found = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            found[(name, message.findtext("source") or "")] = message
    return found


def test_every_string_has_a_finished_translation(tmp_path: Path) -> None:
    current = tmp_path / "current.ts"
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run([str(LUPDATE), *sources, "-ts", str(current)], check=True, capture_output=True)
    wanted = set(_messages(current))
    assert len(wanted) > 100
    for lang in ("en", "cy"):
        messages = _messages(ROOT / "resources" / f"caseworker_{lang}.ts")
        missing = sorted(wanted - set(messages))
        assert not missing, (
            f"{lang}: not in the .ts yet (run scripts/build-translations --update): {missing[:10]}"
        )
        unfinished = []
        for key in wanted:
            translation = messages[key].find("translation")
            assert translation is not None
            forms = [f.text for f in translation.iter("numerusform")] or [translation.text]
            if translation.get("type") in ("unfinished", "vanished", "obsolete") or not all(forms):
                unfinished.append(key)
        assert not unfinished, f"{lang}: untranslated: {sorted(unfinished)[:10]}"

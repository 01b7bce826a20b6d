"""Choosing and installing the interface language: English or Welsh (Cymraeg).

Translations are compiled from resources/caseworker_<lang>.ts into .qm files by
scripts/build-translations (run by the install step); strings come from ``tr()`` calls in ui/
and from the vocabulary in ui/labels.py.
"""

import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from caseworker import language
from ui import theme

LANGUAGES = ("en", "cy")
RESOURCES = Path(theme.STYLESHEET).parent
log = logging.getLogger(__name__)

_installed: list[QTranslator] = []


def system_language() -> str:
    return "cy" if QLocale.system().language() == QLocale.Language.Welsh else "en"


def qm_path(lang: str) -> Path:
    return RESOURCES / f"caseworker_{lang}.qm"


def install(app: QCoreApplication, lang: str | None = None) -> str:
    """Install the translation for ``lang`` (default: the system's) and return the language in
    effect. A missing compiled translation falls back to English and says so in the log."""
    wanted = lang or system_language()
    if wanted not in LANGUAGES:
        raise ValueError(f"language must be one of {', '.join(LANGUAGES)}, not {wanted!r}")
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    translator = QTranslator(app)
    if not translator.load(str(qm_path(wanted))) and wanted != "en":
        log.warning(
            "no compiled %s translation at %s (run scripts/build-translations); showing English",
            wanted,
            qm_path(wanted),
        )
        wanted = "en"
        translator.load(str(qm_path("en")))  # English plural forms; the source text otherwise
    if not translator.isEmpty():
        app.installTranslator(translator)
        _installed.append(translator)
    language.set_language(wanted)  # catalogue names (services, queues) in the same language
    locale = QLocale.Language.Welsh if wanted == "cy" else QLocale.Language.English
    QLocale.setDefault(QLocale(locale, QLocale.Country.UnitedKingdom))
    return wanted

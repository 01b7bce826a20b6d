"""A pytest plugin: no log and no stderr written during the run holds a seeded citizen's name,
phone number or email address (issue 12: "logs never hold personal data").

What is scanned, at the end of the whole run:
- every test's captured stderr, captured log records and Qt messages (pytest captures at the
  file-descriptor level, so a command or a server process that inherits stderr is included);
- the log of every development CouchDB server (``sync.devserver``) alive during the run, read
  as it grows (they are deleted when the server closes);
- every ``*.log`` file left under the run's temporary folder.

Captured stdout is not scanned: a command that shows a record prints it there on purpose.

What counts as a seeded citizen's data is worked out from the seed's own reference data,
without seeding: a given name followed by a family name from ``caseworker/data/people.json``
(the demo staff's names are left out: they are the users, and the window says who is signed
in), a phone number in Ofcom's drama ranges the seed uses, and an email address of the seed's
shape (``given.family<n>@example.org``). Any find fails the run (exit 1), listing where.
"""

import contextlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from caseworker.seed.reference import EMAIL_DOMAINS, staff

MAX_FILE_BYTES = 50_000_000  # a log larger than this is read up to here


@dataclass(frozen=True)
class Finding:
    where: str
    kind: str
    text: str


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def seeded_patterns() -> dict[str, re.Pattern[str]]:
    """The shapes of seeded citizens' names, phones and emails."""
    people = json.loads(
        resources.files("caseworker").joinpath("data/people.json").read_text(encoding="utf-8")
    )
    given = _alternation([*people["given_en"], *people["given_cy"]])
    family = _alternation(people["family"])
    domains = _alternation(EMAIL_DOMAINS)
    return {
        "name": re.compile(rf"\b(?:{given})\s+(?:{family})\b"),
        "phone": re.compile(r"(?:\+44\s?|\b0)(?:7700\s?900|1632\s?960)\s?\d{3}\b"),
        "email": re.compile(rf"[\w'-]+\.[\w'-]+\d+@(?:{domains})\b", re.IGNORECASE),
    }


_STAFF_NAMES = frozenset(member.name for member in staff())


class PersonalDataScan:
    """Collects finds during the run; fails it at the end if there are any."""

    def __init__(self) -> None:
        self.patterns = seeded_patterns()
        self.findings: list[Finding] = []
        self._read_upto: dict[Path, int] = {}

    def scan(self, text: str, where: str) -> list[Finding]:
        found = [
            Finding(where, kind, match.group(0))
            for kind, pattern in self.patterns.items()
            for match in pattern.finditer(text)
            if not (kind == "name" and " ".join(match.group(0).split()) in _STAFF_NAMES)
        ]
        self.findings.extend(found)
        return found

    def scan_file(self, path: Path, where: str) -> None:
        """The part of a file not read before (a log that grows is read on from there)."""
        start = self._read_upto.get(path, 0)
        try:
            with path.open("rb") as handle:
                handle.seek(start)
                data = handle.read(MAX_FILE_BYTES)
        except OSError:
            return
        self._read_upto[path] = start + len(data)
        self.scan(data.decode("utf-8", errors="replace"), where)

    @pytest.hookimpl(trylast=True)
    def pytest_runtest_logreport(self, report: pytest.TestReport) -> None:
        for title, content in report.sections:
            lowered = title.lower()
            if "stderr" in lowered or " log " in f" {lowered} " or "qt messages" in lowered:
                self.scan(content, f"{report.nodeid} ({title})")
        if report.when == "teardown":
            self._scan_servers(report.nodeid)

    def _scan_servers(self, nodeid: str) -> None:
        from sync.devserver import process

        for server in list(process._live_servers):
            self.scan_file(server.log_path, f"the development server's log (after {nodeid})")

    def scan_logs_under(self, folder: Path) -> None:
        if folder.is_dir():
            for path in sorted(folder.rglob("*.log")):
                if path.is_file():
                    self.scan_file(path, str(path))

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session: pytest.Session) -> None:
        self._scan_servers("the last test")
        factory = getattr(session.config, "_tmp_path_factory", None)
        if factory is not None:
            with contextlib.suppress(OSError):  # no temporary folder was made
                self.scan_logs_under(factory.getbasetemp())
        if self.findings:
            session.exitstatus = pytest.ExitCode.TESTS_FAILED

    def pytest_terminal_summary(self, terminalreporter: pytest.TerminalReporter) -> None:
        if not self.findings:
            return
        terminalreporter.section("personal data in logs or stderr", sep="=", red=True)
        seen: set[Finding] = set()
        for finding in self.findings:
            if finding not in seen:
                seen.add(finding)
                terminalreporter.line(f"{finding.where}: {finding.kind} {finding.text!r}")


def pytest_configure(config: pytest.Config) -> None:
    if not config.pluginmanager.has_plugin("personal-data-scan"):
        config.pluginmanager.register(PersonalDataScan(), "personal-data-scan")

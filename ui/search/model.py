"""Search hits as a Qt list model, and the controller that keeps them in step with typing.

Every keystroke searches at once (no debounce delay): first on the GUI thread under a hard
time budget (``ui.search.quick``), when the controller has one, and if that runs out, or
without one, on the database worker. Answers to an older question are dropped by a generation
counter, and while one worker search runs only the newest of the questions typed meanwhile
waits, so fast typing never queues up stale work on the worker.
"""

from collections.abc import Callable
from datetime import date, datetime
from time import perf_counter
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from shiboken6 import isValid

from caseworker.services.context import ChangeSet
from caseworker.services.search import (
    COUNTED,
    DirectorySummary,
    Execute,
    SearchHit,
    SearchResults,
    directory_summary,
    find_with,
    session_execute,
)
from ui import icons
from ui.bus import ChangeBus
from ui.labels import shown, status
from ui.search.quick import GuiReader
from ui.worker import DbWorker

Index = QModelIndex | QPersistentModelIndex
KIND_ROLE = Qt.ItemDataRole.UserRole
ID_ROLE = Qt.ItemDataRole.UserRole + 1
DETAIL_ROLE = Qt.ItemDataRole.UserRole + 2
# The tag a directory hit carries ("Directory summary"), None for full records.
SUMMARY_ROLE = Qt.ItemDataRole.UserRole + 3
RESULT_LIMIT = 20
# Four-digit years in both languages (Qt's short Welsh date has two); day first, as in the UK.
DATE_FORMAT = "dd/MM/yyyy"


def day_text(iso: str | None) -> str:
    """A stored date or UTC moment as the day it was here ("06/05/1978"); "" if none."""
    if not iso:
        return ""
    try:
        if len(iso) == 10:
            day = date.fromisoformat(iso)
        else:
            day = datetime.fromisoformat(iso).astimezone().date()
    except ValueError:
        return shown(iso)  # not a date: shown as it is, never dropped
    return QLocale().toString(QDate(day.year, day.month, day.day), DATE_FORMAT)


class SearchResultsModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def detail(self, hit: SearchHit) -> str:
        """The second line: what tells namesakes apart (born, last contact, open cases, then
        postcode, phone, email); a case's service and status, in words."""
        if hit.kind == "case":
            return " · ".join(x for x in (shown(hit.detail), status(hit.status)) if x)
        if hit.kind != "citizen":
            return shown(hit.detail)
        facts = []
        if hit.date_of_birth:
            facts.append(self.tr("Born %1").replace("%1", day_text(hit.date_of_birth)))
        if hit.last_contact:
            facts.append(self.tr("Last contact %1").replace("%1", day_text(hit.last_contact)))
        if hit.open_cases == 1:
            facts.append(self.tr("1 open case"))
        elif hit.open_cases:
            facts.append(self.tr("%1 open cases").replace("%1", str(hit.open_cases)))
        return " · ".join([*facts, *([shown(hit.detail)] if hit.detail else [])])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return shown(hit.title)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if hit.summary:
                return (
                    self.tr("Directory summary: %1. %2. The full record is not on this laptop.")
                    .replace("%1", shown(hit.title))
                    .replace("%2", shown(hit.detail))
                )
            kind = self.tr("Citizen") if hit.kind == "citizen" else self.tr("Case")
            return f"{kind}: {shown(hit.title)}. {self.detail(hit)}"
        if role == Qt.ItemDataRole.ToolTipRole:
            if hit.summary:
                note = self.tr(
                    "A summary from the citizen directory: this person's full record is not "
                    "on this laptop. Enter shows the summary."
                )
                return "\n".join(x for x in (shown(hit.detail), note) if x)
            return self.detail(hit) or None
        if role == SUMMARY_ROLE:
            return self.tr("Directory summary") if hit.summary else None
        if role == Qt.ItemDataRole.DecorationRole:
            return icons.icon("case" if hit.kind == "case" else "citizen")
        if role == KIND_ROLE:
            return hit.kind
        if role == ID_ROLE:
            return hit.id
        if role == DETAIL_ROLE:
            return self.detail(hit)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


def _timed_find(execute: Execute, query: str) -> tuple[SearchResults, float]:
    """The search, on the GUI thread's connection or the worker's session, and its time."""
    started = perf_counter()
    results = find_with(execute, query, RESULT_LIMIT)
    return results, (perf_counter() - started) * 1000


class SearchController(QObject):
    """Runs the searches for what is typed; ``results_ready`` fires once the model holds them."""

    results_ready = Signal(str, int)  # the query the rows answer, how many rows
    failed = Signal(str)

    def __init__(
        self,
        worker: DbWorker,
        parent: QObject | None = None,
        bus: ChangeBus | None = None,
        quick: GuiReader | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = SearchResultsModel(self)
        if bus is not None:
            bus.changed.connect(self._on_changed)
        self._worker = worker
        self.quick = quick
        self._generation = 0
        self._in_flight = False
        self._waiting: tuple[int, str] | None = None
        self.query = ""
        self.answered = ""  # the query the model's rows answer
        self.last_search_ms = 0.0  # time spent in the database for the latest answer
        self.total = 0  # how many match the answered query in all (above ``bound``: "more")
        self.bound = COUNTED

    def search(self, text: str) -> None:
        self._generation += 1
        self.query = text.strip()
        if not self.query:
            self._waiting = None
            self.answered = ""
            self.total = 0
            self.model.set_hits([])
            self.results_ready.emit("", 0)
            return
        if self.quick is not None:
            query = self.query
            done, answer = self.quick.run(lambda execute: _timed_find(execute, query))
            if done and answer is not None:
                self._waiting = None  # an older question still waiting is overtaken
                self._show(query, answer)
                return
        if self._in_flight:
            self._waiting = (self._generation, self.query)  # only the newest waits
            return
        self._submit(self._generation, self.query)

    def _on_changed(self, changes: ChangeSet) -> None:
        """A citizen, case or directory entry changed (here or through sync): ask again."""
        kinds = ("citizen", "case", "directory")
        if self.query and any(changes.ids_of(kind) for kind in kinds):
            self.search(self.query)

    @property
    def settled(self) -> bool:
        """True when the rows shown answer what is typed now."""
        return self.answered == self.query

    def _submit(self, generation: int, query: str) -> None:
        self._in_flight = True
        self._worker.read(
            lambda session: _timed_find(session_execute(session), query),
            lambda result: self._arrived(generation, query, result),
            lambda error: self._failed(generation, error),
        )

    def load_summary(
        self, entry_id: str, on_done: Callable[[DirectorySummary | None], None]
    ) -> None:
        """Read a directory hit's summary on the database worker; ``on_done`` gets it."""

        def arrived(summary: DirectorySummary | None) -> None:
            if isValid(self):
                on_done(summary)

        self._worker.read(lambda session: directory_summary(session, entry_id), arrived)

    def _next(self) -> None:
        self._in_flight = False
        if self._waiting is not None:
            generation, query = self._waiting
            self._waiting = None
            self._submit(generation, query)

    def _arrived(self, generation: int, query: str, result: tuple[SearchResults, float]) -> None:
        if not isValid(self):
            return  # the window closed while the search ran
        self._next()
        if generation != self._generation:
            return  # typed on since: a newer answer is shown or on its way
        self._show(query, result)

    def _show(self, query: str, result: tuple[SearchResults, float]) -> None:
        results, self.last_search_ms = result
        self.answered = query
        self.total, self.bound = results.total, results.bound
        self.model.set_hits(results.hits)
        self.results_ready.emit(query, len(results.hits))

    def _failed(self, generation: int, error: Exception) -> None:
        if not isValid(self):
            return
        self._next()
        if generation == self._generation:
            self.answered = self.query
            self.total = 0
            self.model.set_hits([])
            self.failed.emit(str(error))

    def found_text(self, query: str, count: int) -> str:
        """What the page says above the rows: how many are shown of how many match, and how
        to narrow a long list ("20 of 315 for “williams”: add a postcode or date of birth…")."""
        if self.total <= count:
            # The page's own words (translated already, with their plural forms).
            return QCoreApplication.translate(
                "SearchPage", "%n result(s) for “%1”. Up and Down choose, Enter opens.", "", count
            ).replace("%1", query)
        locale = QLocale()
        total = locale.toString(self.total)
        if self.total > self.bound:
            total = self.tr("%1+").replace("%1", locale.toString(self.bound))
        return (
            self.tr(
                "%1 of %2 for “%3”: add a postcode or date of birth to narrow it. "
                "Up and Down choose, Enter opens."
            )
            .replace("%1", locale.toString(count))
            .replace("%2", total)
            .replace("%3", query)
        )

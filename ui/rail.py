"""The navigation rail down the left of the window, and which pages each role sees."""

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from caseworker import vocab
from caseworker.access.channels import EVERYTHING, MENTIONS, shared_roots
from caseworker.access.people import Person
from ui import icons

# Every page the rail can offer, in order, with its icon and its Ctrl+digit shortcut.
PAGES = ("my_work", "queues", "search", "mentions", "dashboard")
_ICONS = {
    "my_work": "nav-my-work",
    "queues": "nav-queues",
    "search": "nav-search",
    "mentions": "nav-mentions",
    "dashboard": "nav-dashboard",
}


def pages_for(role: str) -> tuple[str, ...]:
    """The pages a role works with, from what the access rules let it hold: cases in queues for
    every known role, social-media mentions for those who hold them (agents, supervisors), the
    dashboard for supervisors. Unknown roles get the least."""
    person = Person("", role if role in vocab.ROLES else "")
    roots = shared_roots(person)
    shown = {
        "my_work": True,
        "queues": bool(person.role),
        "search": True,
        "mentions": MENTIONS in roots or EVERYTHING in roots,
        "dashboard": person.is_supervisor,
    }
    return tuple(page for page in PAGES if shown[page])


def shortcut_of(page: str) -> str:
    return f"Ctrl+{PAGES.index(page) + 1}"


def page_title(page: str) -> str:
    titles = {
        "my_work": QCoreApplication.translate("Rail", "My work"),
        "queues": QCoreApplication.translate("Rail", "Queues"),
        "search": QCoreApplication.translate("Rail", "Search"),
        "mentions": QCoreApplication.translate("Rail", "Mentions"),
        "dashboard": QCoreApplication.translate("Rail", "Dashboard"),
    }
    return titles[page]


class NavigationRail(QFrame):
    page_chosen = Signal(str)

    def __init__(self, pages: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rail")
        self.setAccessibleName(self.tr("Navigation"))
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[str, QToolButton] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 12, 8, 12)
        layout.setSpacing(4)
        brand = QLabel(self.tr("Caseworker"))
        brand.setProperty("role", "heading")
        brand.setContentsMargins(6, 0, 6, 12)
        layout.addWidget(brand)
        for page in pages:
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setIcon(icons.icon(_ICONS[page], "rail_text", "rail_selected_text"))
            button.setIconSize(QSize(22, 22))
            button.setText(f"{page_title(page)}  ({shortcut_of(page)})")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
            button.setAccessibleName(f"{page_title(page)} ({shortcut_of(page)})")
            button.setAccessibleDescription(self._description(page))
            button.setToolTip(f"{self._description(page)} ({shortcut_of(page)})")
            button.clicked.connect(lambda _checked=False, p=page: self.page_chosen.emit(p))
            self._group.addButton(button)
            self.buttons[page] = button
            layout.addWidget(button)
        layout.addStretch(1)

    def set_current(self, page: str) -> None:
        button = self.buttons.get(page)
        if button is not None:
            button.setChecked(True)

    def _description(self, page: str) -> str:
        return {
            "my_work": self.tr("Your open cases, soonest due first."),
            "queues": self.tr("The open cases waiting in a queue."),
            "search": self.tr("Everyone and every case the search box found."),
            "mentions": self.tr("Social-media mentions of the council, to triage."),
            "dashboard": self.tr("Workload and service levels at a glance."),
        }[page]


class LaterPage(QWidget):
    """An honest page for what a later release brings: no placeholder figures, no fake data."""

    def __init__(self, page: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(page)
        heading = QLabel(page_title(page))
        heading.setProperty("role", "title")
        what = {
            "mentions": self.tr(
                "Social-media mentions of the council will be triaged here: linked to a "
                "citizen, turned into a case, or dismissed."
            ),
            "dashboard": self.tr(
                "Queues, workload and service levels at a glance, and performance figures "
                "that citizens can read, will be shown here."
            ),
        }[page]
        body = QLabel(
            what
            + "\n\n"
            + self.tr(
                "This arrives with a later release of Caseworker. Until then "
                "nothing is shown here, rather than anything made up."
            )
        )
        body.setWordWrap(True)
        body.setProperty("role", "muted")
        body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        body.setAccessibleName(page_title(page))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch(1)

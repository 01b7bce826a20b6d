"""The navigation rail down the left of the window, and which pages each role sees."""

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
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
from caseworker.access.people import Person
from ui import icons

# Every page the rail can offer, in order, with its icon and its Ctrl+digit shortcut. Only
# pages that are built (a page that says "later" is not offered).
PAGES = ("my_work", "queues", "search", "board", "routing", "mentions", "service_levels")
_ICONS = {
    "my_work": "nav-my-work",
    "queues": "nav-queues",
    "search": "nav-search",
    "board": "nav-dashboard",
    "routing": "nav-routing",
    "mentions": "nav-mentions",
    "service_levels": "nav-service-levels",
}


def pages_for(role: str, mentions: bool = False) -> tuple[str, ...]:
    """The pages a role works with: cases in queues for every known role, search for anyone;
    the mentions inbox for those who hold the mentions channel (``mentions``: supervisors,
    admins, agents of a social-media queue; not the role alone). Unknown roles get the least."""
    person = Person("", role if role in vocab.ROLES else "")
    shown = {"my_work": True, "queues": bool(person.role), "search": True}
    shown["board"] = person.is_supervisor
    shown["routing"] = person.is_supervisor
    shown["mentions"] = mentions and bool(person.role)
    shown["service_levels"] = person.is_supervisor
    return tuple(page for page in PAGES if shown[page])


def shortcut_of(page: str) -> str:
    return f"Ctrl+{PAGES.index(page) + 1}"


def page_title(page: str) -> str:
    titles = {
        "my_work": QCoreApplication.translate("Rail", "My work"),
        "queues": QCoreApplication.translate("Rail", "Queues"),
        "search": QCoreApplication.translate("Rail", "Search"),
        "board": QCoreApplication.translate("Rail", "Board"),
        "routing": QCoreApplication.translate("Rail", "Routing"),
        "mentions": QCoreApplication.translate("Rail", "Mentions"),
        "service_levels": QCoreApplication.translate("Rail", "Service levels"),
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

    def sizeHint(self) -> QSize:
        """Wide enough for the chosen page's words, which are drawn in bold (the stylesheet's
        ``:checked``) while the buttons measure themselves in the regular weight."""
        hint = super().sizeHint()
        extra = 0
        for button in self.buttons.values():
            bold = QFont(button.font())
            bold.setWeight(QFont.Weight.DemiBold)
            text = button.text()
            wider = QFontMetrics(bold).horizontalAdvance(text)
            extra = max(extra, wider - button.fontMetrics().horizontalAdvance(text))
        return QSize(hint.width() + extra + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.sizeHint().width(), super().minimumSizeHint().height())

    def set_current(self, page: str) -> None:
        button = self.buttons.get(page)
        if button is not None:
            button.setChecked(True)

    def _description(self, page: str) -> str:
        return {
            "my_work": self.tr("Your open cases, soonest due first."),
            "queues": self.tr("The open cases waiting in a queue."),
            "search": self.tr("Everyone and every case the search box found."),
            "board": self.tr("Workload, breaches and trends of the cases on this laptop."),
            "routing": self.tr("Which queue new cases go to, and who works each queue."),
            "mentions": self.tr("Social-media posts that mention the council, to triage."),
            "service_levels": self.tr(
                "Escalation rules, and the council calendar due times are counted on."
            ),
        }[page]

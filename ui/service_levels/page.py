"""The supervisors' Service levels page: the council's escalation rules and its calendar, in
two tabs (Alt+E, Alt+C). Shown to supervisors and admins only; the services refuse anyone else
in any case."""

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from ui.context import UiContext
from ui.service_levels.calendar_panel import CalendarPanel
from ui.service_levels.escalation_panel import EscalationPanel


class ServiceLevelsPage(QWidget):
    def __init__(self, ctx: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("service-levels")
        heading = QLabel(self.tr("Service levels"))
        heading.setProperty("role", "heading")
        self.escalation = EscalationPanel(ctx)
        self.calendar = CalendarPanel(ctx)
        self.tabs = QTabWidget()
        about = self.tr("Escalation rules (Alt+E) and the council calendar (Alt+C).")
        self.tabs.setAccessibleName(self.tr("Service levels"))
        self.tabs.setAccessibleDescription(about)
        self.tabs.tabBar().setAccessibleName(self.tr("Service levels tabs"))
        self.tabs.tabBar().setAccessibleDescription(about)
        self.tabs.addTab(self.escalation, self.tr("&Escalation rules"))
        self.tabs.addTab(self.calendar, self.tr("Council &calendar"))
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.escalation)
        self.tabs.currentChanged.connect(lambda _i: self.tabs.currentWidget().setFocus())

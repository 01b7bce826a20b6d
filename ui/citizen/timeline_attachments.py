"""The attachments of the entry being read: each listed with its name, kind and size; a picture
previewed (decoded and scaled on the database thread); Enter or Alt+O opens one, Alt+Y saves a
copy. Hidden when the entry has none, or where no database worker is at hand.

Answers that arrive after the reader moved on to another entry are dropped (a generation
count), so a slow picture never shows under the wrong entry.
"""

import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QImage, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui import labels
from ui.citizen.timeline_files import (
    AttachmentInfo,
    content,
    read_attachments,
    safe_name,
    scaled_image,
    write_copy,
)
from ui.dialogs.shared import alive, plain_error
from ui.worker import DbWorker

PREVIEW = QSize(240, 135)
_INFO_ROLE = Qt.ItemDataRole.UserRole + 1


class _FileList(QListWidget):
    """Enter opens the current attachment (as Enter opens an entry's case in the list)."""

    open_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentItem():
            self.open_requested.emit()
            return
        super().keyPressEvent(event)


class AttachmentPane(QWidget):
    opened = Signal(str)  # the path handed to the desktop to open
    saved = Signal(str)  # the path a copy was written to

    def __init__(self, worker: DbWorker | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.worker = worker
        self.doc_id: str | None = None
        self._generation = 0
        self._folder: tempfile.TemporaryDirectory[str] | None = None

        self.files = _FileList(self)
        self.files.setAccessibleName(self.tr("Attachments"))
        self.files.setAccessibleDescription(
            self.tr("Photos and files attached to this entry. Enter opens one; Alt+Y saves a copy.")
        )
        self.files.setMaximumHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.files.currentItemChanged.connect(lambda *_: self._current_changed())
        self.files.open_requested.connect(self.open_current)
        self.preview = QLabel()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.preview.setAccessibleDescription(self.tr("The selected picture, made smaller."))
        self.preview.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.preview.setWordWrap(True)
        self.preview.setMinimumHeight(self.fontMetrics().lineSpacing() * 2)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setProperty("role", "muted")
        self.status.setAccessibleName(self.tr("About the attachment"))
        self.status.setAccessibleDescription(self.tr("What happened to the last open or save."))
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setAccessibleName(self.tr("Open the attachment"))
        self.open_button.setAccessibleDescription(
            self.tr("Opens a picture, PDF or text file in the program your computer uses.")
        )
        self.open_button.clicked.connect(self.open_current)
        self.save_button = QPushButton(self.tr("Save a cop&y…"))
        self.save_button.setAccessibleName(self.tr("Save a copy of the attachment"))
        self.save_button.setAccessibleDescription(
            self.tr("Asks where to save a copy of the selected attachment.")
        )
        self.save_button.clicked.connect(self._ask_and_save)

        title = QLabel(self.tr("A&ttachments:"))
        title.setBuddy(self.files)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(title)
        layout.addWidget(self.files)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        QWidget.setTabOrder(self.files, self.open_button)
        QWidget.setTabOrder(self.open_button, self.save_button)
        self.hide()

    # -- what is shown ------------------------------------------------------------------------
    def show_entry(self, doc_id: str | None) -> None:
        self._generation += 1
        self.doc_id = doc_id
        self.files.clear()
        self._clear_preview()
        if doc_id is None or self.worker is None:
            self.hide()
            return
        generation = self._generation
        self.worker.read(
            lambda session: read_attachments(session, doc_id),
            lambda found: self._listed(generation, found),
            lambda error: self._failed(generation, error),
        )

    def current(self) -> AttachmentInfo | None:
        item = self.files.currentItem()
        info = item.data(_INFO_ROLE) if item is not None else None
        return info if isinstance(info, AttachmentInfo) else None

    def describe(self, info: AttachmentInfo) -> str:
        size = (
            QLocale().formattedDataSize(
                info.length, 1, QLocale.DataSizeFormat.DataSizeTraditionalFormat
            )
            if info.length is not None
            else self.tr("size not known")
        )
        text = f"{labels.shown(info.name)} — {labels.shown(info.content_type)}, {size}"
        if not info.held:
            text = self.tr("%1 (not on this laptop yet)").replace("%1", text)
        return text

    def _listed(self, generation: int, found: list[AttachmentInfo]) -> None:
        if not alive(self) or generation != self._generation:
            return
        for info in found:
            item = QListWidgetItem(self.describe(info))
            item.setData(_INFO_ROLE, info)
            self.files.addItem(item)
        self.setVisible(bool(found))
        if found:
            self.files.setCurrentRow(0)

    def _failed(self, generation: int, error: Exception) -> None:
        if alive(self) and generation == self._generation:
            self.status.setText(plain_error(error))
            self.show()

    def _clear_preview(self) -> None:
        self.preview.clear()
        self.preview.setAccessibleName(self.tr("Preview"))
        self.status.clear()
        self.open_button.setEnabled(False)
        self.save_button.setEnabled(False)

    def _current_changed(self) -> None:
        self._generation += 1
        self._clear_preview()
        info = self.current()
        if info is None:
            return
        self.open_button.setEnabled(info.openable)
        self.save_button.setEnabled(info.held)
        if not info.held:
            self.preview.setText(self.tr("The content has not reached this laptop yet."))
            return
        if not info.is_image:
            self.preview.setText(self.tr("No preview: this is not a picture."))
            return
        if self.worker is None or info.digest is None:
            return
        self.preview.setText(self.tr("Loading the picture…"))
        generation, digest = self._generation, info.digest
        self.worker.read(
            lambda session: scaled_image(content(session, digest), PREVIEW),
            lambda image: self._previewed(generation, info, image),
            lambda error: self._failed(generation, error),
        )

    def _previewed(self, generation: int, info: AttachmentInfo, image: QImage | None) -> None:
        if not alive(self) or generation != self._generation:
            return
        if image is None:
            self.preview.setText(self.tr("This picture cannot be shown: it may be damaged."))
            self.open_button.setEnabled(False)
            return
        self.preview.setPixmap(QPixmap.fromImage(image))
        self.preview.setAccessibleName(
            self.tr("Picture: %1").replace("%1", labels.shown(info.name))
        )

    # -- open and save ------------------------------------------------------------------------
    def open_current(self) -> None:
        info = self.current()
        if info is None or not info.openable or info.digest is None or self.worker is None:
            if info is not None and info.held:
                self.status.setText(
                    self.tr("This kind of file is not opened from here: save a copy instead.")
                )
            return
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="caseworker-")
        path = Path(self._folder.name) / safe_name(info.name)
        self._write(info.digest, path, self._opened)

    def save_to(self, path: Path) -> None:
        """A copy of the current attachment written to ``path`` (off the GUI thread)."""
        info = self.current()
        if info is None or info.digest is None or not info.held or self.worker is None:
            return
        self._write(info.digest, path, self._saved)

    def _ask_and_save(self) -> None:
        info = self.current()
        if info is None:
            return
        chosen, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Save a copy of the attachment"), safe_name(info.name)
        )
        if chosen:
            self.save_to(Path(chosen))

    def _write(self, digest: str, path: Path, done: Callable[[Path], None]) -> None:
        assert self.worker is not None
        self.worker.read(lambda session: write_copy(session, digest, path), done, self._error)

    def _error(self, error: Exception) -> None:
        if alive(self):
            self.status.setText(plain_error(error))

    def _opened(self, path: Path) -> None:
        if not alive(self):
            return
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))
        self.opened.emit(str(path))

    def _saved(self, path: Path) -> None:
        if not alive(self):
            return
        self.status.setText(self.tr("Saved a copy as %1").replace("%1", str(path)))
        self.saved.emit(str(path))

"""What a timeline entry has attached, read on the database thread: the stubs in the
document's ``_attachments`` (as any member or server wrote them: nothing is trusted), the
content by digest, a picture decoded and scaled there too, and a copy written to a file.

The GUI thread only receives small results (a list, a scaled QImage, a path).
"""

import re
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QImage, QImageReader
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from caseworker.models import Attachment, StoredDocument
from caseworker.store import docstore, replication
from caseworker.store.writer import chunks

# Opening hands the file to another program: only kinds that cannot run anything.
OPENABLE = frozenset({"application/pdf", "text/plain"})
_UNSAFE = re.compile(r"[^\w.\- ()]+")
_MAX_NAME = 120


@dataclass(frozen=True)
class AttachmentInfo:
    name: str
    content_type: str
    length: int | None  # as the stub says (a peer may leave it out)
    digest: str | None
    held: bool  # whether the content is on this laptop

    @property
    def is_image(self) -> bool:
        return self.content_type.startswith("image/")

    @property
    def openable(self) -> bool:
        return self.held and (self.is_image or self.content_type in OPENABLE)


def safe_name(name: str, fallback: str = "attachment") -> str:
    """A file name that stays in the folder it is written to (no path, no control codes)."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")[:_MAX_NAME]
    return base or fallback


def read_attachments(session: Session, doc_id: str) -> list[AttachmentInfo]:
    """The attachments of a document's winning revision, in name order; malformed stubs are
    listed by name (without content) rather than dropped or trusted."""
    doc = docstore.get(session, doc_id)
    stubs = doc.get("_attachments") if doc else None
    if not isinstance(stubs, dict) or not stubs:
        return []
    found: list[tuple[str, str, int | None, str | None]] = []
    for name, stub in sorted(stubs.items(), key=lambda kv: str(kv[0])):
        stub = stub if isinstance(stub, dict) else {}
        kind = stub.get("content_type")
        length = stub.get("length")
        digest = stub.get("digest")
        found.append(
            (
                str(name),
                kind if isinstance(kind, str) and kind else "application/octet-stream",
                length if type(length) is int and length >= 0 else None,
                digest if isinstance(digest, str) and digest else None,
            )
        )
    digests = {d for *_, d in found if d}
    rows = session.execute(
        select(Attachment.digest, Attachment.length).where(Attachment.digest.in_(digests))
    )
    held: dict[str, int] = {digest: length for digest, length in rows}
    return [
        AttachmentInfo(
            name,
            kind,
            held.get(digest or "", length),  # what is held is the truth
            digest,
            (digest or "") in held,
        )
        for name, kind, length, digest in found
    ]


def with_attachments(session: Session, ids: list[str]) -> set[str]:
    """Which of these documents have attachments (for a mark in the list), a query per 900."""
    found: set[str] = set()
    attached = func.json_extract(StoredDocument.body, "$._attachments")
    for chunk in chunks(ids):
        found.update(
            session.scalars(
                select(StoredDocument.id).where(
                    StoredDocument.id.in_(chunk), attached.is_not(None), attached != "{}"
                )
            )
        )
    return found


def content(session: Session, digest: str) -> bytes | None:
    return replication.attachment_data(session, [digest]).get(digest)


def scaled_image(data: bytes | None, box: QSize) -> QImage | None:
    """The picture scaled to fit ``box`` (decoded at that size where the format allows), or
    None if it is not a picture Qt can read. Runs off the GUI thread (QImage may)."""
    if not data:
        return None
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)
    size = reader.size()
    if size.isValid() and (size.width() > box.width() or size.height() > box.height()):
        reader.setScaledSize(size.scaled(box, Qt.AspectRatioMode.KeepAspectRatio))
    image = reader.read()
    if image.isNull():
        return None
    if image.width() > box.width() or image.height() > box.height():
        image = image.scaled(
            box, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
        )
    return image


def write_copy(session: Session, digest: str, path: Path) -> Path:
    """The content written to ``path``; raises if it is not on this laptop."""
    data = content(session, digest)
    if data is None:
        raise FileNotFoundError("the attachment's content is not on this laptop")
    path.write_bytes(data)
    return path

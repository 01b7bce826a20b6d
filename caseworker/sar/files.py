"""Files attached to the person's records (photos a resident sent, scanned letters): listed in
the export and copied beside it, each under a plain numbered name (an attachment's own name is
free text, and is redacted like any other)."""

import mimetypes
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Attached:
    doc_id: str
    name: str
    content_type: str
    digest: str


def attached(docs: Iterable[Mapping[str, Any]]) -> list[Attached]:
    """Every attachment of the documents, by document then name."""
    found = []
    for doc in docs:
        atts = doc.get("_attachments")
        if not isinstance(atts, Mapping):
            continue
        for name, att in atts.items():
            if isinstance(att, Mapping) and isinstance(att.get("digest"), str):
                kind = att.get("content_type")
                kind = kind if isinstance(kind, str) else "application/octet-stream"
                found.append(Attached(str(doc["_id"]), str(name), kind, att["digest"]))
    return sorted(found, key=lambda a: (a.doc_id, a.name))


def file_name(folder: str, index: int, att: Attached) -> str:
    ext = mimetypes.guess_extension(att.content_type.split(";")[0].strip()) or ".bin"
    return f"{folder}/{index + 1:03d}{ext}"


def gather(
    atts: list[Attached],
    folder: str,
    read: Callable[[list[Attached]], Mapping[str, bytes]],
    redact_name: Callable[[int, Attached], str],
) -> tuple[list[dict[str, Any]], dict[str, bytes]]:
    """(the listing for the JSON, the contents by relative path). ``read`` gives content by
    digest; one it cannot give is listed as not held here."""
    data = read(atts) if atts else {}
    listing: list[dict[str, Any]] = []
    contents: dict[str, bytes] = {}
    for n, att in enumerate(atts):
        entry: dict[str, Any] = {
            "document": att.doc_id,
            "name": redact_name(n, att),
            "content_type": att.content_type,
        }
        content = data.get(att.digest)
        if content is None:
            entry["file"] = None  # not held where this export was made
        else:
            entry["file"] = file_name(folder, n, att)
            entry["length"] = len(content)
            contents[entry["file"]] = content
        listing.append(entry)
    return listing, contents

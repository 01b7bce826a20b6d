"""What the "mention_links" job decides a ``_changes`` batch of mentions on, read for all of them
at once rather than per mention: which of their automatic links exist already, how many
citizens hold each author's handle (and how many citizens there are), and the candidates under
the handles few enough hold, with their merges and erasures. A batch whose candidates pass
``CANDIDATES`` is read in parts, in the feed's order, so what is held at once stays bounded."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from caseworker.access.merge_rules import merge_id_of
from caseworker.display import visible
from caseworker.documents.codec import Document, check
from caseworker.documents.schema import DocumentError
from caseworker.identity import PersonRecord
from caseworker.identity.matcher import MAX_BLOCK
from caseworker.mentions.autolink import AUTO_LINKER, linkable
from sync.gateway.couch import Couch
from sync.worker.by_id import live_documents
from sync.worker.mention_view import DESIGN_ID, VIEW

VIEW_PATH = f"/{DESIGN_ID}/_view/{VIEW}"
CANDIDATES = 1000  # citizens read at once for a batch's mentions

Found = tuple[str, Document | str]  # a feed row's id, and its mention or why it is skipped


@dataclass
class Known:
    """What some mentions of a batch are decided on."""

    links: set[str]  # their automatic links that exist already
    holding: dict[str, int]  # citizens holding each of their authors' handles
    population: int  # citizens of the council
    holders: dict[str, set[str]] = field(default_factory=dict)  # who, under the usable handles
    docs: dict[str, Document] = field(default_factory=dict)  # the candidates and their merges
    erased: set[str] = field(default_factory=set)  # candidates an erasure names

    def counted(self, contact: PersonRecord) -> tuple[dict[str, int], int]:
        return {h: self.holding.get(h, 0) for h in contact.handles}, self.population

    def usable(self, contact: PersonRecord) -> list[str]:
        """The contact's handles held by someone, and by few enough to read them all."""
        return [h for h in sorted(contact.handles) if 0 < self.holding.get(h, 0) <= MAX_BLOCK]


def mention_of(row: dict[str, Any]) -> Document | str:
    """The feed row's mention, or why it is skipped."""
    if row.get("deleted") is True:
        return "deleted"
    doc = row.get("doc")
    try:
        if not isinstance(doc, dict):
            raise DocumentError("no body in the feed")
        if check(doc).name != "mention":
            raise DocumentError("not a mention")
    except DocumentError as exc:
        return visible(str(exc))[:300]
    return doc


def claimed(mention: Document) -> bool:
    """Triaged by this worker to a citizen (whose link may not be written yet)."""
    return (
        mention.get("state") == "linked"
        and mention.get("triaged_by") == AUTO_LINKER
        and isinstance(mention.get("citizen_id"), str)
    )


def parts(
    found: list[Found], waiting: Mapping[str, PersonRecord], known: Known
) -> list[list[Found]]:
    """The batch in order, cut where the candidates to read at once would pass CANDIDATES."""
    cut: list[list[Found]] = []
    size = 0
    for doc_id, mention in found:
        contact = waiting.get(mention["_id"]) if isinstance(mention, dict) else None
        if contact is None:
            n = 0
        elif isinstance(mention, dict) and linkable(mention):
            n = sum(known.holding.get(h, 0) for h in known.usable(contact))
        else:
            n = 1  # a claim's citizen
        if not cut or (size and size + n > CANDIDATES):
            cut.append([])
            size = 0
        cut[-1].append((doc_id, mention))
        size += n
    return cut


async def candidates(
    couch: Couch, part: list[Found], waiting: Mapping[str, PersonRecord], known: Known
) -> Known:
    """``known`` with the candidates of the mentions of ``part`` still waiting: the citizens
    under their usable handles, or the one a claim names; at most three reads."""
    mentions = [m for _, m in part if isinstance(m, dict) and m["_id"] in waiting]
    handles = sorted({h for m in mentions if linkable(m) for h in known.usable(waiting[m["_id"]])})
    holders: dict[str, set[str]] = {}
    for row in await view_rows(couch, [f"h:{h}" for h in handles]):
        if isinstance(row.get("id"), str):
            holders.setdefault(str(row.get("key"))[2:], set()).add(row["id"])
    ids = sorted(
        {i for held in holders.values() for i in held}
        | {m["citizen_id"] for m in mentions if not linkable(m)}
    )
    if not ids:
        return Known(known.links, known.holding, known.population, holders)
    docs = await live_documents(couch, ids + [merge_id_of(i) for i in ids])
    erased = {str(r.get("key"))[2:] for r in await view_rows(couch, [f"x:{i}" for i in ids])}
    return Known(known.links, known.holding, known.population, holders, docs, erased)


async def view_rows(couch: Couch, keys: list[str]) -> list[dict[str, Any]]:
    """The unreduced rows under ``keys``: at most MAX_BLOCK + 1 per key are ever asked for
    (the handles are counted first)."""
    if not keys:
        return []
    answer = await couch.post(VIEW_PATH, {"keys": keys}, params={"reduce": "false"})
    rows = answer.get("rows", []) if isinstance(answer, dict) else []
    return [r for r in rows if isinstance(r, dict)]

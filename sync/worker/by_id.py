"""Reading which of some ids are live documents, or those documents, in one ``_all_docs``
request: the central jobs' way to read what they are about to compare or write over."""

from caseworker.documents.codec import Document
from sync.gateway.couch import Couch


async def live_documents(couch: Couch, ids: list[str]) -> dict[str, Document]:
    """The live documents among ``ids``, by id (a deleted or missing one is not there)."""
    answer = await couch.post("/_all_docs", {"keys": ids}, params={"include_docs": "true"})
    found: dict[str, Document] = {}
    for row in answer.get("rows", []) if isinstance(answer, dict) else []:
        doc = row.get("doc") if isinstance(row, dict) else None
        if isinstance(doc, dict) and isinstance(doc.get("_rev"), str) and not doc.get("_deleted"):
            found[str(doc.get("_id"))] = doc
    return found


async def live_ids(couch: Couch, ids: list[str]) -> set[str]:
    """The ids among ``ids`` of live documents (without reading them)."""
    answer = await couch.post("/_all_docs", {"keys": ids})
    rows = answer.get("rows", []) if isinstance(answer, dict) else []
    return {
        r["id"]
        for r in rows
        if isinstance(r, dict)
        and isinstance(r.get("value"), dict)
        and not r["value"].get("deleted")
    }

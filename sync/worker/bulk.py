"""Reading a ``_bulk_docs`` answer. CouchDB answers in the order the documents were sent;
PouchDB Server does not always (a conflict can come after the writes that followed it), so a
job matches each answer to its document by id, never by position."""

from typing import Any


def results_by_id(answer: object) -> dict[str, dict[str, Any]]:
    """Each document's result by its id (a document the answer does not mention: absent)."""
    if not isinstance(answer, list):
        return {}
    return {r["id"]: r for r in answer if isinstance(r, dict) and isinstance(r.get("id"), str)}


def error_of(results: dict[str, dict[str, Any]], doc_id: str) -> str | None:
    """The error a document's write met ("conflict", ...), "no answer", or None if written."""
    result = results.get(doc_id)
    if result is None:
        return "no answer"
    error = result.get("error")
    return None if error is None else str(error)

"""A central job's own view (a design document it needs), installed when missing or changed."""

from typing import Any

from sync.gateway.couch import Couch, CouchError


async def install_design(couch: Couch, design_id: str, wanted: dict[str, Any]) -> None:
    """Put ``wanted`` as ``design_id`` unless its views are already those; a 409 means another
    worker installed it first."""
    current = await couch.get_or_none("/" + design_id)
    if isinstance(current, dict) and current.get("views") == wanted["views"]:
        return
    if isinstance(current, dict):
        wanted = {**wanted, "_rev": current.get("_rev")}
    try:
        await couch.put("/" + design_id, wanted)
    except CouchError as exc:
        if exc.status != 409:
            raise

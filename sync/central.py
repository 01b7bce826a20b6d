"""Setting up the central database: the database, its ``_security``, the design document with
Caseworker's ``validate_doc_update``, and staff users with roles. Run as a server admin.

Roles: ``agent``, ``field_officer``, ``supervisor``, ``admin`` (members of the database);
``admin`` also administers it. A user's staff id is the role ``staff:<staff id>``, which the
validation function reads (an agent may assign a case to themselves only).
"""

from importlib import resources
from typing import Any
from urllib.parse import quote

from caseworker import vocab
from sync.errors import RequestError, SyncError
from sync.http import CouchClient

DESIGN_ID = "_design/caseworker"
MEMBER_ROLES = list(vocab.ROLES)
ADMIN_ROLES = ["admin"]
STAFF_ROLE_PREFIX = "staff:"


def validate_source() -> str:
    """The shipped ``validate_doc_update`` function, without its leading comment (some servers
    evaluate it as ``return <source>``, where a comment line would end the statement)."""
    text = resources.files("sync").joinpath("design/validate_doc_update.js").read_text("utf-8")
    return text[text.index("function") :].strip() + "\n"


def design_document() -> dict[str, Any]:
    return {"_id": DESIGN_ID, "language": "javascript", "validate_doc_update": validate_source()}


def security_object() -> dict[str, Any]:
    return {
        "admins": {"names": [], "roles": ADMIN_ROLES},
        "members": {"names": [], "roles": MEMBER_ROLES},
    }


def init(client: CouchClient) -> list[str]:
    """Create (or bring up to date) the central database; what was done, one line each."""
    done = []
    try:
        client.put("", {})
        done.append(f"created the database {client.db_url}")
    except RequestError as exc:
        if exc.status != 412:
            raise
        done.append(f"the database {client.db_url} already exists")
    client.put("/_security", security_object())
    done.append(f"members: roles {', '.join(MEMBER_ROLES)}; admins: roles {', '.join(ADMIN_ROLES)}")
    done.append(install_design(client))
    return done


def install_design(client: CouchClient) -> str:
    wanted = design_document()
    current = client.get_or_none("/" + DESIGN_ID)
    if isinstance(current, dict):
        if all(current.get(k) == v for k, v in wanted.items()):
            return "the validation rules are up to date"
        wanted["_rev"] = current["_rev"]
    client.put("/" + DESIGN_ID, wanted)
    return "installed the validation rules (_design/caseworker)"


def add_user(client: CouchClient, name: str, password: str, role: str, staff_id: str) -> str:
    """Create or update a staff user (``_users``) with their role and staff id."""
    if role not in vocab.ROLES:
        raise SyncError(f"unknown role {role!r}: choose one of {', '.join(vocab.ROLES)}")
    if not name or not password:
        raise SyncError("a user needs a name and a password")
    path = "/_users/" + quote(f"org.couchdb.user:{name}", safe=":")
    current = client.get_or_none(path, server=True)
    doc: dict[str, Any] = {
        "_id": f"org.couchdb.user:{name}",
        "name": name,
        "type": "user",
        "password": password,
        "roles": [role, STAFF_ROLE_PREFIX + staff_id],
    }
    if isinstance(current, dict):
        doc["_rev"] = current["_rev"]
    client.request("PUT", path, body=doc, server=True)
    verb = "updated" if current else "created"
    return f"{verb} user {name} ({role}, staff id {staff_id})"

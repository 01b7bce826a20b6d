"""Setting up the central database: the database, its ``_security``, the access views the
gateway reads (``caseworker.access.views``), and staff users with roles. Run as a server admin.

Laptops reach the database only through the gateway (``caseworker central serve``), which
judges every write with ``caseworker.access``: the database's only members are server admins
(the gateway signs in as one). The JavaScript ``validate_doc_update`` that laptops were held to
before is removed from a database being set up: CouchDB runs it for every write, the gateway's
too, it lets a server admin's writes through unchecked, and with it a push through the gateway
took 24.3 s instead of 6.9 s (10,000 documents, Apache CouchDB 3.4.3, ``caseworker bench
gateway``). ``caseworker bench gateway`` still installs it on its own baseline database
(``baseline_rules``), to measure a push against what it cost.

A user's role is one of ``agent``, ``field_officer``, ``supervisor``, ``admin`` in their
``_users`` document, and their staff id the role ``staff:<staff id>``.
"""

from importlib import resources
from typing import Any
from urllib.parse import quote

from caseworker import vocab
from caseworker.access import views
from sync.errors import RequestError, SyncError
from sync.http import CouchClient

DESIGN_ID = "_design/caseworker"
MEMBER_ROLES = list(vocab.ROLES)
ADMIN_ROLES = ["admin"]
STAFF_ROLE_PREFIX = "staff:"
SERVER_ADMIN = "_admin"


def validate_source() -> str:
    """The ``validate_doc_update`` of before the gateway (the benchmark's baseline), without
    its leading comment (some servers evaluate it as ``return <source>``, where a comment line
    would end the statement)."""
    text = resources.files("sync").joinpath("design/validate_doc_update.js").read_text("utf-8")
    return text[text.index("\nfunction") + 1 :].strip() + "\n"  # after the comment lines


def baseline_rules() -> dict[str, Any]:
    """The design document with the ``validate_doc_update`` of before the gateway."""
    return {"_id": DESIGN_ID, "language": "javascript", "validate_doc_update": validate_source()}


def members_security() -> dict[str, Any]:
    """The ``_security`` of before the gateway: every staff role a member (the benchmark's
    baseline, where laptops wrote into the database themselves)."""
    return {
        "admins": {"names": [], "roles": ADMIN_ROLES},
        "members": {"names": [], "roles": MEMBER_ROLES},
    }


def gateway_only_security() -> dict[str, Any]:
    """Nobody but a server admin (the gateway) reads or writes the database itself."""
    return {
        "admins": {"names": [], "roles": []},
        "members": {"names": [], "roles": [SERVER_ADMIN]},
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
    client.put("/_security", gateway_only_security())
    done.append("members: server admins only (laptops sync through caseworker central serve)")
    done.append(remove_design(client))
    done.append(install_access_views(client))
    return done


def remove_design(client: CouchClient) -> str:
    current = client.get_or_none("/" + DESIGN_ID)
    if not isinstance(current, dict):
        return "no validation rules (the gateway judges every write)"
    client.request("DELETE", "/" + DESIGN_ID, params={"rev": str(current["_rev"])})
    return f"removed the validation rules ({DESIGN_ID}): the gateway judges every write"


def install_baseline(client: CouchClient) -> None:
    """The database as it was before the gateway (benchmark only): staff roles as members and
    the old validation rules."""
    client.put("/_security", members_security())
    wanted = baseline_rules()
    current = client.get_or_none("/" + DESIGN_ID)
    if isinstance(current, dict):
        wanted["_rev"] = current["_rev"]
    client.put("/" + DESIGN_ID, wanted)


def install_access_views(client: CouchClient) -> str:
    """The views the gateway finds a person's cases and a root's documents with."""
    wanted = views.design_document()
    current = client.get_or_none("/" + views.DESIGN_ID)
    if isinstance(current, dict):
        if all(current.get(k) == v for k, v in wanted.items()):
            return f"the access views are up to date ({views.DESIGN_ID})"
        wanted["_rev"] = current["_rev"]
    client.put("/" + views.DESIGN_ID, wanted)
    return f"installed the access views ({views.DESIGN_ID})"


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

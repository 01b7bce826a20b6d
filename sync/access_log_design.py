"""The access-log database's shape: its name, ``_security``, and its design document.

    log_db_name("caseworker")       # "caseworker-access-log", beside the central database
    design = design_document()      # {"_id": DESIGN_ID, "validate_doc_update": ..., "views": ...}

An entry (written by ``sync.gateway.access_log``, one per answer that served documents)::

    {"_id": "<at>-<random>", "at": "2026-12-02T08:15:02.123+00:00", "user": "ann",
     "device": "laptop-17" | null, "how": "get" | "bulk_get" | "all_docs" | "changes" | "open",
     "doc_ids": [...], "roots": [root of each of doc_ids, or null], "reason": "..." (if given)}

- ``validate_doc_update``: append-only. An entry is only ever created; a change, a deletion, or
  a revision given by the writer (``new_edits: false``, the way round an append-only rule: the
  server hands the function no ``oldDoc`` for a branch it has never seen) is refused.
- view ``by_root``: one row per entry and case or citizen it touched, keyed
  ``[root, at, _id]`` (oldest first within a root), its value the entry's who, device and how
  with the ``doc_ids`` under that root. A directory summary (``directory:<key>``) is also
  listed under its citizen (``citizen:<key>``). Entries without ``roots`` (written before
  there were any) are placed by the ids that are their own root.
- view ``by_user``: ``[user, at, _id]`` to how, device and how many documents.

Only server admins read or write the database (``SECURITY``). ES5 only, as in
``caseworker.access.views``.
"""

from collections.abc import Mapping
from typing import Any

from caseworker.access.channels import is_id_of

SUFFIX = "-access-log"
DESIGN_ID = "_design/access-log"
BY_ROOT = "by_root"
BY_USER = "by_user"
SECURITY = {
    "admins": {"names": [], "roles": ["_admin"]},
    "members": {"names": [], "roles": ["_admin"]},
}
APPEND_ONLY = (
    "function (newDoc, oldDoc, userCtx) {\n"
    "  if (oldDoc || newDoc._deleted || newDoc._rev || newDoc._revisions) {\n"
    "    throw({forbidden: 'the access log is append-only'});\n"
    "  }\n"
    "}\n"
)

_BY_ROOT_MAP = """function (doc) {
  if (typeof doc.at !== 'string' || !Array.isArray(doc.doc_ids)) {
    return;
  }
  function isIdOf(value, prefix) {
    return typeof value === 'string' && value.indexOf(prefix + ':') === 0 &&
      value.length > prefix.length + 1;
  }
  var roots = Array.isArray(doc.roots) ? doc.roots : [];
  var found = {};
  var order = [];
  function add(key, id) {
    if (!Object.prototype.hasOwnProperty.call(found, key)) {
      found[key] = [];
      order.push(key);
    }
    found[key].push(id);
  }
  for (var i = 0; i < doc.doc_ids.length; i++) {
    var id = doc.doc_ids[i];
    if (typeof id !== 'string') {
      continue;
    }
    var root = i < roots.length ? roots[i] : null;
    if (typeof root !== 'string') {
      root = (isIdOf(id, 'case') || isIdOf(id, 'citizen')) ? id : null;
    }
    if (isIdOf(root, 'case') || isIdOf(root, 'citizen')) {
      add(root, id);
    }
    if (isIdOf(id, 'directory')) {
      add('citizen:' + id.slice('directory:'.length), id);
    }
  }
  for (var j = 0; j < order.length; j++) {
    var value = {user: doc.user, device: doc.device, how: doc.how, doc_ids: found[order[j]]};
    if (typeof doc.reason === 'string') {
      value.reason = doc.reason;
    }
    emit([order[j], doc.at, doc._id], value);
  }
}"""

_BY_USER_MAP = """function (doc) {
  if (typeof doc.at === 'string' && Array.isArray(doc.doc_ids)) {
    emit([doc.user, doc.at, doc._id], {how: doc.how, device: doc.device,
                                       documents: doc.doc_ids.length});
  }
}"""


def log_db_name(db: str) -> str:
    """The access log's database for the central database ``db``."""
    return db + SUFFIX


def design_document() -> dict[str, Any]:
    """The log database's design document (without ``_rev``)."""
    return {
        "_id": DESIGN_ID,
        "language": "javascript",
        "validate_doc_update": APPEND_ONLY,
        "views": {BY_ROOT: {"map": _BY_ROOT_MAP}, BY_USER: {"map": _BY_USER_MAP}},
    }


def is_current(design: Any) -> bool:
    """Whether a stored design document is this version's (``_rev`` aside)."""
    wanted = design_document()
    return isinstance(design, dict) and all(design.get(k) == v for k, v in wanted.items())


def by_root_rows(entry: Mapping[str, Any]) -> list[tuple[list[str], dict[str, Any]]]:
    """What the ``by_root`` map function emits for an entry, in Python (a test checks both
    agree on a real server)."""
    at, doc_ids = entry.get("at"), entry.get("doc_ids")
    if not isinstance(at, str) or not isinstance(doc_ids, list):
        return []
    roots = entry.get("roots")
    roots = roots if isinstance(roots, list) else []
    found: dict[str, list[str]] = {}
    for i, doc_id in enumerate(doc_ids):
        if not isinstance(doc_id, str):
            continue
        root = roots[i] if i < len(roots) else None
        if not isinstance(root, str):
            root = doc_id if is_id_of(doc_id, "case") or is_id_of(doc_id, "citizen") else None
        if is_id_of(root, "case") or is_id_of(root, "citizen"):
            found.setdefault(root, []).append(doc_id)
        if is_id_of(doc_id, "directory"):
            found.setdefault("citizen:" + doc_id[len("directory:") :], []).append(doc_id)
    rows = []
    for root, ids in found.items():
        value = {
            "user": entry.get("user"),
            "device": entry.get("device"),
            "how": entry.get("how"),
            "doc_ids": ids,
        }
        if isinstance(entry.get("reason"), str):
            value["reason"] = entry["reason"]
        rows.append(([root, at, str(entry.get("_id"))], value))
    return rows

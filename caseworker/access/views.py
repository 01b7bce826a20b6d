"""The routing of ``channels``, rendered as the central database's one access view.

    design = design_document()      # {"_id": DESIGN_ID, "language": "javascript", "views": ...}
    couch.post(VIEW_PATH, {"keys": [...]}, params=ROWS)

View ``access`` holds two kinds of rows, told apart by their keys:

- a root (``case:...``, ``citizen:...``, ``catalogue``...): every live document with a root,
  keyed by it (a merge by each of its two citizens), with its leaf revisions (the winner
  first) as the value: a gateway lists everything under a root without reading the council.
- a case key (``queue=``, ``assignee=``, ``area=``, ``citizen=``; ``is_case_key``): every case,
  keyed by each of its case keys and by its citizen (``citizen_key``), with its citizen (or
  null) as the value: a gateway finds the cases a person holds from their own keys, and what is
  held about one person (their access log, their export, an erasure). No root and no person's
  key can take the form of another kind's key (tested).

Rows are read with ``reduce=false`` (``ROWS``); the ``_count`` reduce, ``group=true`` over roots,
tells how many documents a person's roots hold, e.g. before a first sync.

One view, not four: PouchDB Server (the development and CI server) keeps one index per view
and runs the map function in a fresh JavaScript context for every document (two thirds of its
indexing time in a profile), so after the 1,001 revisions of a 500-case gesture each view cost
it about 1.5 s while the officers' pulls waited. CouchDB indexes a design in one pass anyway,
and now runs one function per document, not four.

The JavaScript is made here from the Python tables (``ROUTES``, the open statuses) and mirrors
``root_of``, ``district`` and ``case_keys`` line by line; ``roots_rows`` and ``cases_rows`` are
what the map function emits, in Python, so a test can check both agree on a real server.
ES5 only: CouchDB's JavaScript engine may be old.
"""

import json
from collections.abc import Mapping
from typing import Any

from caseworker import vocab
from caseworker.access.channels import ROUTES, case_keys, is_id_of, roots_of

DESIGN_ID = "_design/caseworker-access"
VIEW = "access"
VIEW_PATH = f"/{DESIGN_ID}/_view/{VIEW}"
ROWS = {"reduce": "false"}  # the view's rows, not its count
CITIZEN_PREFIX = "citizen="  # the key of a citizen's cases
CASE_KEY_PREFIXES = ("queue=", "assignee=", "area=", CITIZEN_PREFIX)


def _routes_table() -> dict[str, dict[str, Any]]:
    return {
        name: {
            "own": r.own,
            "fixed": r.fixed,
            "parents": [list(p) for p in r.parents],
            "orphans": r.orphans,
            "every": r.every,
        }
        for name, r in sorted(ROUTES.items())
    }


# Used by the map function. ``has`` guards against inherited names ("constructor").
_COMMON = """
  var ROUTES = %(routes)s;
  var OPEN = %(open)s;
  function has(obj, key) {
    return Object.prototype.hasOwnProperty.call(obj, key);
  }
  function isIdOf(value, prefix) {
    return typeof value === 'string' && value.indexOf(prefix + ':') === 0 &&
      value.length > prefix.length + 1;
  }
  function rootOf(doc) {
    var id = doc._id;
    if (typeof id !== 'string' || id.charAt(0) === '_') {
      return null;
    }
    var type = doc.type;
    if (typeof type !== 'string') {
      var prefix = id.split(':')[0];
      for (var name in ROUTES) {
        if (has(ROUTES, name) && ROUTES[name].own === prefix && isIdOf(id, prefix)) {
          return id;
        }
      }
      return null;
    }
    if (!has(ROUTES, type)) {
      return null;
    }
    var route = ROUTES[type];
    if (route.own !== null) {
      return isIdOf(id, route.own) ? id : null;
    }
    if (route.fixed !== null) {
      return route.fixed;
    }
    var orphan = true;
    for (var i = 0; i < route.parents.length; i++) {
      var value = doc[route.parents[i][0]];
      if (isIdOf(value, route.parents[i][1])) {
        return value;
      }
      if (value !== undefined && value !== null) {
        orphan = false;
      }
    }
    return orphan && route.orphans !== null ? route.orphans : null;
  }
  function rootsOf(doc) {
    var first = rootOf(doc);
    if (first === null) {
      return [];
    }
    var found = [first];
    var route = typeof doc.type === 'string' && has(ROUTES, doc.type) ? ROUTES[doc.type] : null;
    if (route !== null && route.every) {
      for (var i = 0; i < route.parents.length; i++) {
        var value = doc[route.parents[i][0]];
        if (isIdOf(value, route.parents[i][1]) && found.indexOf(value) === -1) {
          found.push(value);
        }
      }
    }
    return found;
  }
  function district(postcode) {
    var text = postcode.replace(/[ \\t\\n\\r\\f\\v]+/g, '');
    if (!/^[A-Za-z0-9]{5,7}$/.test(text)) {
      return null;
    }
    return text.slice(0, -3).toUpperCase();
  }
  function caseKeys(doc) {
    var keys = [];
    if (typeof doc.queue_id === 'string' && doc.queue_id !== '') {
      keys.push('queue=' + doc.queue_id);
    }
    if (typeof doc.assignee_id === 'string' && doc.assignee_id !== '') {
      keys.push('assignee=' + doc.assignee_id);
    }
    var loc = doc.location;
    if (typeof doc.status === 'string' && OPEN.indexOf(doc.status) !== -1 &&
        loc !== null && typeof loc === 'object' && !Array.isArray(loc)) {
      var area = typeof loc.postcode === 'string' ? district(loc.postcode) : null;
      if (area) {
        keys.push('area=' + area);
      }
    }
    return keys;
  }
"""

_MAP = """function (doc) {%(common)s
  var roots = rootsOf(doc);
  for (var r = 0; r < roots.length; r++) {
    emit(roots[r], [doc._rev].concat(doc._conflicts || []));
  }
  if (doc.type === 'case' && rootOf(doc) === doc._id) {
    var keys = caseKeys(doc);
    var citizen = typeof doc.citizen_id === 'string' ? doc.citizen_id : null;
    for (var i = 0; i < keys.length; i++) {
      emit(keys[i], citizen);
    }
    if (isIdOf(doc.citizen_id, 'citizen')) {
      emit(%(citizen_prefix)s + doc.citizen_id, citizen);
    }
  }
}"""


def _common() -> str:
    return _COMMON % {
        "routes": json.dumps(_routes_table(), sort_keys=True),
        "open": json.dumps(sorted(vocab.OPEN_STATUSES)),
    }


def design_document() -> dict[str, Any]:
    """The design document ``caseworker central init`` installs (without ``_rev``)."""
    source = _MAP % {"common": _common(), "citizen_prefix": json.dumps(CITIZEN_PREFIX)}
    return {
        "_id": DESIGN_ID,
        "language": "javascript",
        "views": {VIEW: {"map": source, "reduce": "_count"}},
    }


def is_current(design: Any) -> bool:
    """Whether an installed design document has this version's views: a gateway must not
    judge by other map functions (an older one has no citizen keys, and would find no case of
    an erased citizen, or no view of this name)."""
    return isinstance(design, dict) and design.get("views") == design_document()["views"]


def is_case_key(key: Any) -> bool:
    """Whether a row of the view is keyed by a case key (else by a root)."""
    return isinstance(key, str) and key.startswith(CASE_KEY_PREFIXES)


def citizen_key(citizen_id: str) -> str:
    """The view's key for the cases of one citizen."""
    return CITIZEN_PREFIX + citizen_id


def citizen_of_key(key: Any) -> str | None:
    """The citizen a key of the view names, or None for any other key."""
    if isinstance(key, str) and key.startswith(CITIZEN_PREFIX):
        return key[len(CITIZEN_PREFIX) :]
    return None


def roots_rows(doc: Mapping[str, Any]) -> list[tuple[str, list[str]]]:
    """The rows keyed by a root the map function emits for a live document (``_conflicts`` as
    the server adds it to what map functions see)."""
    doc_id = doc.get("_id")
    if not isinstance(doc_id, str):
        return []
    revs = [doc["_rev"], *(doc.get("_conflicts") or [])]
    return [(root, list(revs)) for root in roots_of(doc_id, doc)]


def cases_rows(doc: Mapping[str, Any]) -> list[tuple[str, str | None]]:
    """The rows keyed by a case key the map function emits for a live document."""
    doc_id = doc.get("_id")
    if doc.get("type") != "case" or not is_id_of(doc_id, "case"):
        return []
    citizen = doc.get("citizen_id")
    value = citizen if isinstance(citizen, str) else None
    rows = [(key, value) for key in sorted(case_keys(doc))]
    if isinstance(citizen, str) and is_id_of(citizen, "citizen"):
        rows.append((citizen_key(citizen), value))
    return rows

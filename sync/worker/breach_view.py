"""The central database's index of due times, for the "breaches" job.

View ``due`` of ``_design/caseworker-breaches``: every open case that is not paused, keyed by
each due time it can still breach (its resolution's, and its first response's while nobody has
started on it), in UTC as ``YYYY-MM-DDTHH:MM:SS.sssZ`` whatever zone the case was written in,
with the target as the value. The key is ``[due time, case id]``, so a page ends on a whole
key and the next starts after it (many cases fall due at the same instant). The job reads it
in key order, from where it got to, so a pass reads only the cases that fell due since the
last one, never the council's million cases. Mirrors ``caseworker.escalation.due_time``; ES5 only.
"""

import json
from typing import Any

from caseworker import vocab
from caseworker.escalation import DUE_FIELD, PAUSED, RESPONSE_PENDING

DESIGN_ID = "_design/caseworker-breaches"
DUE_VIEW = "due"

_MAP = """function (doc) {
  var OPEN = %(open)s;
  var PENDING = %(pending)s;
  if (doc.type !== 'case' || OPEN.indexOf(doc.status) < 0 || doc.status === %(paused)s) {
    return;
  }
  function utc(value) {
    if (typeof value !== 'string') { return null; }
    var t = new Date(value);
    return isNaN(t.getTime()) ? null : t.toISOString();
  }
  var resolve = utc(doc[%(resolve)s]);
  if (resolve !== null) { emit([resolve, doc._id], 'resolve'); }
  if (PENDING.indexOf(doc.status) >= 0) {
    var response = utc(doc[%(response)s]);
    if (response !== null) { emit([response, doc._id], 'response'); }
  }
}"""


def design_document() -> dict[str, Any]:
    source = _MAP % {
        "open": json.dumps(sorted(vocab.OPEN_STATUSES)),
        "pending": json.dumps(sorted(RESPONSE_PENDING)),
        "paused": json.dumps(PAUSED),
        "resolve": json.dumps(DUE_FIELD["resolve"]),
        "response": json.dumps(DUE_FIELD["response"]),
    }
    return {"_id": DESIGN_ID, "language": "javascript", "views": {DUE_VIEW: {"map": source}}}

"""The central database's index of who holds which social handle, for the "mention_links" job.

View ``handles`` of ``_design/caseworker-mention-links``, reduced with ``_count``:
- ``"h:<@user@host>"`` for each social identifier of each live citizen (``normalise.handle``
  mirrored: lower case, format characters dropped, from ``@user@host``, ``user@host`` or
  ``https://host/@user``; a bare ``@user`` is no handle);
- ``"x:<citizen id>"`` for each erasure naming a citizen, in any state (a citizen asked to be
  forgotten is never linked to a new post, even while the erasure waits or has failed);
- ``"#"`` once per live citizen, so the council's size is one reduced read.

Why keyed by handle alone: a mention carries a handle and a display name, never a postcode or
a birth date, and every name blocking key (``caseworker.identity.keys``) needs one of those,
so on a laptop too a mention's candidates are found by its handle; a name alone cannot reach
the automatic threshold in any case. Reading one key is one index range: bounded whatever
the council's size. ES5 only.
"""

from typing import Any

DESIGN_ID = "_design/caseworker-mention-links"
VIEW = "handles"
POPULATION_KEY = "#"

_MAP = r"""function (doc) {
  function handle(text) {
    if (typeof text !== 'string' || !text) { return null; }
    var FORMAT = /[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e]/g;
    var MORE_FORMAT = /[\u2060-\u2064\u2066-\u206f\ufeff]/g;
    var value = text.replace(FORMAT, '').replace(MORE_FORMAT, '');
    value = value.trim().toLowerCase().substring(0, 300);
    var m = /^(?:https?:\/\/)?([^\/@\s]+)\/@([^\/@\s]+)\/?$/.exec(value);
    if (m) { return '@' + m[2] + '@' + m[1]; }
    m = /^@?([^@\s\/]+)@([^@\s\/]+)$/.exec(value);
    return m ? '@' + m[1] + '@' + m[2] : null;
  }
  if (doc.type === 'erasure' && typeof doc.citizen_id === 'string') {
    emit('x:' + doc.citizen_id, null);
    return;
  }
  if (doc.type !== 'citizen' || doc._id.indexOf('citizen:') !== 0) { return; }
  emit('#', null);
  var idents = Array.isArray(doc.identifiers) ? doc.identifiers : [];
  var seen = {};
  for (var i = 0; i < idents.length; i++) {
    var ident = idents[i];
    if (ident && ident.kind === 'social') {
      var h = handle(ident.value);
      if (h !== null && !seen[h]) { seen[h] = true; emit('h:' + h, null); }
    }
  }
}"""


def design_document() -> dict[str, Any]:
    return {
        "_id": DESIGN_ID,
        "language": "javascript",
        "views": {VIEW: {"map": _MAP, "reduce": "_count"}},
    }

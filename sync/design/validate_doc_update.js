// The validate_doc_update that laptops were held to before the central gateway (issue 9).
// It is no longer installed: `caseworker central init` removes it, and the gateway judges every
// write with caseworker/access/ instead (this function could be walked round with a forged
// revision branch, and CouchDB runs it for every write, the gateway's too). It is kept only as
// the baseline `caseworker bench gateway` measures a push against.
//
// `oldDoc` is the revision being replaced: the parent in CouchDB, the current winner in PouchDB
// Server. Keep to ES5: CouchDB's JavaScript engine may be old.
function (newDoc, oldDoc, userCtx, secObj) {
  var TYPES = ['citizen', 'service', 'queue', 'staff', 'case', 'case_event', 'note',
               'interaction', 'mention', 'audit_event'];
  var APPEND_ONLY = ['case_event', 'note', 'interaction', 'audit_event'];
  var roles = userCtx.roles || [];

  function has(role) {
    return roles.indexOf(role) !== -1;
  }
  function refuse(why) {
    throw({forbidden: why});
  }

  if (has('_admin')) {
    return;
  }
  if (newDoc._id.indexOf('_design/') === 0) {
    refuse('only a server administrator changes design documents');
  }
  var old = oldDoc && !oldDoc._deleted ? oldDoc : null;
  if (old && APPEND_ONLY.indexOf(old.type) !== -1) {
    refuse(old.type + ' records are append-only: they cannot be changed or deleted');
  }
  if (newDoc._deleted) {
    return;  // deleting a mutable record, e.g. the losing branch of a resolved conflict
  }
  if (typeof newDoc.type !== 'string' || TYPES.indexOf(newDoc.type) === -1) {
    refuse('every document needs a known type');
  }
  if (typeof newDoc.schema !== 'number' || newDoc.schema % 1 !== 0 || newDoc.schema < 1) {
    refuse('every document needs an integer schema version');
  }
  if (old && old.type !== newDoc.type) {
    refuse('a document cannot change its type');
  }
  if (newDoc.type === 'case' && !(has('supervisor') || has('admin'))) {
    var staffId = null;
    for (var i = 0; i < roles.length; i++) {
      if (roles[i].indexOf('staff:') === 0) {
        staffId = roles[i].substring(6);
      }
    }
    if (old && (newDoc.queue_id || null) !== (old.queue_id || null)) {
      refuse('only a supervisor can move a case to another queue');
    }
    var assignee = newDoc.assignee_id || null;
    var before = old ? (old.assignee_id || null) : null;
    if (assignee !== before) {
      if (assignee !== null && assignee !== staffId) {
        refuse('only a supervisor can assign a case to someone else');
      }
      if (assignee === null && before !== staffId) {
        refuse('only a supervisor can take a case from someone else');
      }
    }
  }
}

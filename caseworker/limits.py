"""Named limits on what a peer may send, shared by the laptop's store and the central gateway.

A document or attachment over a limit is never stored whole: it is kept as a problem (its id,
revision and the reason), and replication carries on with the rest.
"""

# CouchDB's default ``max_document_size``: the JSON of one document, attachments excluded.
MAX_DOCUMENT_BYTES = 8_000_000
# Objects and arrays inside objects and arrays: deeper than any real record, shallow enough
# that no recursive reader (json, a template, a debugger) runs out of stack.
MAX_NESTING_DEPTH = 64
# The decoded content of one attachment (a photo, a scanned letter).
MAX_ATTACHMENT_BYTES = 20_000_000
# A document id (the store's column is this wide) and a revision id ("N-" and a hash).
MAX_ID_LENGTH = 200
MAX_REV_LENGTH = 80
# Revisions of one document's history that are kept (CouchDB's ``_revs_limit``).
REV_LIMIT = 1000

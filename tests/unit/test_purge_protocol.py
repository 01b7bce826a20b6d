"""The window learns of purged records as of any other write: a ``Written`` marked ``purged``
(and ``deleted``, so views that drop deleted records drop it) crosses the sync agent's pipe
intact, and a row from an agent that does not know of purges still reads as before."""

import io
import json

from caseworker.services.context import ChangeSet
from caseworker.store.docstore import Written
from sync.agent import _Out, written_from_json


def test_a_purged_record_crosses_the_pipe_marked_purged() -> None:
    written = [
        Written("case:1", "case", "3-abc", True, True, False, True),
        Written("note:2", "note", "1-def", False, True, False),
    ]
    stream = io.StringIO()
    _Out(stream).written(ChangeSet(list(written)))
    assert written_from_json(json.loads(stream.getvalue())["written"]).written == written


def test_a_row_of_six_is_not_purged() -> None:
    (read,) = written_from_json([["case:1", "case", "2-abc", True, True, False]]).written
    assert read.deleted and not read.purged

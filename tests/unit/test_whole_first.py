"""A document sent beside its change is taken as it is only when it is that document's first and
only revision, whole; the pull and the gateway's feed both ask ``incoming.whole_first``."""

from typing import Any

import pytest

from caseworker.store.incoming import whole_first

REV = "1-" + "a" * 32
DOC = {"_id": "note:1", "_rev": REV, "type": "note", "text": "hello"}


def test_a_first_revision_that_is_its_row_is_whole() -> None:
    assert whole_first("note:1", [{"rev": REV}], DOC)


@pytest.mark.parametrize(
    ("doc_id", "changes", "doc"),
    [
        pytest.param("note:1", [{"rev": "2-" + "b" * 32}], {**DOC, "_rev": "2-" + "b" * 32},
                     id="a later revision"),
        pytest.param("note:1", [{"rev": REV}, {"rev": "1-" + "c" * 32}], DOC, id="a conflict"),
        pytest.param("note:1", [{"rev": REV}], {**DOC, "_rev": "1-" + "f" * 32},
                     id="another revision"),
        pytest.param("note:2", [{"rev": REV}], DOC, id="another document"),
        pytest.param("note:1", [{"rev": REV}], {**DOC, "_revisions": {"start": 1, "ids": ["x"]}},
                     id="a claimed history"),
        pytest.param("note:1", [{"rev": REV}], {**DOC, "_deleted": True}, id="a deletion"),
        pytest.param("note:1", [{"rev": REV}], ["not", "a", "document"], id="not an object"),
        pytest.param(7, [{"rev": REV}], DOC, id="an id that is not text"),
        pytest.param("note:1", [{"rev": 1}], DOC, id="a revision that is not text"),
        pytest.param("note:1", "1-abc", DOC, id="changes that are not a list"),
        pytest.param("note:1", [], DOC, id="no revision"),
    ],
)  # fmt: skip
def test_anything_else_is_read_the_long_way(doc_id: Any, changes: Any, doc: Any) -> None:
    assert not whole_first(doc_id, changes, doc)

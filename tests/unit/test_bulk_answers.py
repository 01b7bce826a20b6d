"""A ``_bulk_docs`` answer is matched to its documents by id: PouchDB Server can answer out of
order, and a job must never take one document's conflict for another's success."""

from sync.worker.bulk import error_of, results_by_id


def test_an_answer_out_of_order_is_matched_by_id() -> None:
    answer = [{"id": "case:b", "ok": True, "rev": "2-x"}, {"id": "case:a", "error": "conflict"}]
    results = results_by_id(answer)
    assert error_of(results, "case:a") == "conflict"
    assert error_of(results, "case:b") is None


def test_a_document_the_answer_leaves_out_or_garbles_is_not_taken_as_written() -> None:
    results = results_by_id([{"id": 7, "ok": True}, "nonsense", {"ok": True}])
    assert error_of(results, "case:a") == "no answer"
    assert results_by_id({"error": "bad_request"}) == {}
    assert error_of(results_by_id(None), "case:a") == "no answer"

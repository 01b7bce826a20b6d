"""While a bulk job (a pull, a scan, a recompute) runs, the cycle collector runs less often;
the usual threshold comes back when the last job ends, even one that failed, and nothing
changes where collection is off."""

import gc
import threading
from collections.abc import Iterator

import pytest

from caseworker.collector import EASED, fewer_collections


@pytest.fixture(autouse=True)
def usual_threshold() -> Iterator[None]:
    before, enabled = gc.get_threshold(), gc.isenabled()
    gc.set_threshold(700, 10, 10)
    gc.enable()
    yield
    gc.set_threshold(*before)
    (gc.enable if enabled else gc.disable)()


def test_a_pull_eases_the_collector_and_gives_it_back() -> None:
    with fewer_collections():
        assert gc.get_threshold() == (EASED, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_the_threshold_comes_back_after_a_failed_pull() -> None:
    with pytest.raises(RuntimeError), fewer_collections():
        raise RuntimeError("the server went away")
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_pulls_give_it_back_when_the_last_ends() -> None:
    first_in, second_done = threading.Event(), threading.Event()

    def other_pull() -> None:
        with fewer_collections():
            first_in.set()
            second_done.wait(10)

    other = threading.Thread(target=other_pull)
    other.start()
    assert first_in.wait(10)
    with fewer_collections():
        pass
    assert gc.get_threshold() == (EASED, 10, 10)  # the other pull still runs
    second_done.set()
    other.join(10)
    assert gc.get_threshold() == (700, 10, 10)


def test_where_collection_is_off_nothing_changes() -> None:
    gc.disable()
    with fewer_collections():
        assert gc.get_threshold() == (700, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)

"""Fixtures of the gateway tests: the central server (the pinned PouchDB Server, or the Apache
CouchDB that ``CASEWORKER_TEST_COUCHDB`` names) and one gateway per module in front of a new
central database of ``gateway_council``. A module that needs a fresh gateway per test defines
its own ``gateway``."""

from collections.abc import Iterator

import pytest

from tests.support.gateway import Gateway, Server, central_server, running_gateway


@pytest.fixture(scope="module")
def server(request: pytest.FixtureRequest) -> Server:
    return central_server(request)


@pytest.fixture(scope="module")
def gateway(server: Server) -> Iterator[Gateway]:
    with running_gateway(server) as gateway:
        yield gateway

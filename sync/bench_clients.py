"""``caseworker bench clients``: many live clients long-polling one gateway process.

    caseworker bench clients [--clients 500] [--rounds 5]
    caseworker bench clients --server http://admin:PASSWORD@127.0.0.1:5984   # Apache CouchDB

Half the clients are agents of one queue, half of another; each is its own device, signed in
with its own session cookie (as laptops sign in), and waits on ``_changes?feed=longpoll`` at the
gateway, as live sync does. Each round, a new case is written into the first queue straight into
the database (as another gateway would write a laptop's push), and the figure is how long it
takes to reach each client of that queue (target: p99 under 2 s). The other half must get
nothing. The gateway's memory (resident set) is read idle, with every client waiting, and after
the rounds: it must stay bounded. The clients run in this process, on one event loop, so the
gateway gets a core of its own on a 2-core machine.
"""

import argparse
import asyncio
import os
import statistics
import time
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any

import httpx

from caseworker.cli.app import Context, positive_int
from caseworker.documents.codec import new_document
from caseworker.documents.types import STAFF
from caseworker.errors import CaseworkerError
from sync import central
from sync.bench_docs import case_docs, fill_database
from sync.bench_target import BenchServer, BenchUsers, from_args, say
from sync.gateway.process import GatewayProcess
from sync.http import CouchClient

GROUPS = ("queue:bench-a", "queue:bench-b")  # the change goes to the first
CASES_PER_QUEUE = 200
SIGN_IN_AT_ONCE = 8
ROUND_TIMEOUT = 30.0
QUIET_SECONDS = 3.0  # no answer for this long: every client is waiting again


def configure(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clients", type=positive_int, default=500, help="default: 500")
    parser.add_argument("--rounds", type=positive_int, default=5, help="changes (default: 5)")
    parser.add_argument(
        "--users", type=positive_int, default=20, help="distinct users the clients sign in as"
    )
    parser.add_argument("--server", help="a CouchDB server's root URL with an admin in it")
    parser.add_argument("--user", help="the --server admin's name (default: from the URL)")
    parser.add_argument("--password-stdin", action="store_true")
    parser.add_argument("--allow-http", action="store_true")
    parser.set_defaults(handler=run)


@dataclass
class Client:
    number: int
    queue: str
    credentials: tuple[str, str]
    cookie: str = ""
    since: str = "0"
    waiting: bool = False
    arrivals: dict[str, float] = field(default_factory=dict)  # doc id -> when it arrived
    refusals: list[int] = field(default_factory=list)  # statuses other than 200


def rss_mb(pid: int | None) -> float:
    """A process's resident memory in MB (Linux), 0.0 when it cannot be read."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        pass
    return 0.0


def _staff(client: CouchClient, users: BenchUsers, count: int) -> list[tuple[str, tuple[str, str]]]:
    """``count`` agents, alternately in each group's queue: (queue, (name, password))."""
    made = []
    for number in range(count):
        queue = GROUPS[number % 2]
        staff_id = f"staff:bench-agent-{number}"
        client.put(
            "/" + staff_id,
            new_document(
                STAFF,
                staff_id,
                {
                    "name": f"Bench agent {number}",
                    "username": staff_id[6:],
                    "role": "agent",
                    "queue_ids": [queue],
                    "active": True,
                },
            ),
        )
        name, password = users.add("agent", staff_id, suffix=str(number))
        made.append((queue, (name, password)))
    return made


def _cases(count: int, queue: str, seed: int) -> list[dict[str, Any]]:
    docs = case_docs(count, seed=seed)
    for doc in docs:
        doc["queue_id"] = queue
    return docs


async def _sign_in(
    http: httpx.AsyncClient, gateway: GatewayProcess, client: Client, gate: asyncio.Semaphore
) -> None:
    """Sign in as a laptop does (a session cookie), then catch up with the feed."""
    async with gate:
        name, password = client.credentials
        answer = await http.post(
            f"{gateway.url}/_session", json={"name": name, "password": password}
        )
        cookie = answer.cookies.get("AuthSession")
        if answer.status_code != 200 or not cookie:
            raise CaseworkerError(f"bench clients: sign-in answered {answer.status_code}")
        client.cookie = cookie
        first = await http.get(
            f"{gateway.db_url}/_changes", headers={"Cookie": f"AuthSession={cookie}"}
        )
        if first.status_code != 200:
            raise CaseworkerError(f"bench clients: the first _changes answered {first.status_code}")
        client.since = first.json()["last_seq"]


class Quiet:
    """When the last long-poll was answered: the clients are all waiting once it is a while."""

    def __init__(self) -> None:
        self.last = time.perf_counter()

    async def wait(self, limit: float = 600.0) -> None:
        started = time.perf_counter()
        while time.perf_counter() - self.last < QUIET_SECONDS:
            if time.perf_counter() - started > limit:
                raise CaseworkerError(
                    f"bench clients: the clients never all waited ({limit:.0f} s)"
                )
            await asyncio.sleep(0.2)


async def _follow(
    http: httpx.AsyncClient, db_url: str, client: Client, stop: asyncio.Event, quiet: Quiet
) -> None:
    """Long-poll until ``stop``, as live sync does; arrivals timed as they land."""
    while not stop.is_set():
        client.waiting = True
        try:
            answer = await http.get(
                f"{db_url}/_changes",
                params={"feed": "longpoll", "since": client.since, "timeout": "60000"},
                headers={"Cookie": f"AuthSession={client.cookie}"},
            )
        except httpx.HTTPError:
            client.refusals.append(0)
            await asyncio.sleep(1)
            continue
        finally:
            client.waiting = False
        now = quiet.last = time.perf_counter()
        if answer.status_code != 200:
            client.refusals.append(answer.status_code)
            await asyncio.sleep(1)
            continue
        body = answer.json()
        for row in body.get("results", []):
            client.arrivals.setdefault(row["id"], now)
        client.since = body["last_seq"]


def _own_http(timeout: httpx.Timeout) -> httpx.AsyncClient:
    http = httpx.AsyncClient(limits=httpx.Limits(max_connections=1), timeout=timeout)
    http.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # its header only
    return http


async def _write(
    http: httpx.AsyncClient, server: BenchServer, source: str, number: int, held: list[str]
) -> str:
    """Round ``number``'s change, straight into the database: a new case in the first queue
    (even rounds) or an edit of one it holds (odd); its id."""
    if number % 2 == 0:
        doc = _cases(1, GROUPS[0], seed=900 + number)[0]
    else:
        url = f"{source}/{held[number % len(held)]}"
        doc = (await http.get(url, auth=server.auth, timeout=60.0)).json()
        doc["summary"] = f"edited in round {number}"
    answer = await http.put(f"{source}/{doc['_id']}", json=doc, auth=server.auth, timeout=60.0)
    if answer.status_code not in (201, 202):
        raise CaseworkerError(f"bench clients: the write answered {answer.status_code}")
    return str(doc["_id"])


async def _measure(
    server: BenchServer,
    gateway: GatewayProcess,
    source: str,
    clients: list[Client],
    rounds: int,
    held: list[str],  # the first queue's cases
) -> dict[str, Any]:
    limits = httpx.Limits(max_connections=None, max_keepalive_connections=None)
    timeout = httpx.Timeout(120.0)
    async with httpx.AsyncClient(limits=limits, timeout=timeout) as http:
        # Each client sends its own cookie; one jar shared by all would mix them up.
        http.cookies.jar.set_policy(DefaultCookiePolicy(allowed_domains=[]))
        gate = asyncio.Semaphore(SIGN_IN_AT_ONCE)
        started = time.perf_counter()
        await asyncio.gather(*(_sign_in(http, gateway, c, gate) for c in clients))
        sign_in_s = time.perf_counter() - started
        say(f"{len(clients)} clients signed in and caught up in {sign_in_s:.1f} s")
        rss_idle = rss_mb(gateway.pid)
        stop, quiet = asyncio.Event(), Quiet()
        # A connection pool of its own per client, as each laptop has: one pool of 500
        # connections costs httpcore O(connections) per request, and the bench's own CPU
        # would be what is measured.
        own = [_own_http(timeout) for _ in clients]
        followers = [
            asyncio.create_task(_follow(mine, gateway.db_url, c, stop, quiet))
            for mine, c in zip(own, clients, strict=True)
        ]
        await quiet.wait()
        rss_waiting = 0.0
        concerned = [c for c in clients if c.queue == GROUPS[0]]
        others = [c for c in clients if c.queue != GROUPS[0]]
        latencies: list[float] = []
        missed = 0
        warm_up_s = 0.0
        changed: set[str] = set()
        for number in range(rounds + 1):
            # Round 0 warms up: every client's first long-poll looks the person up in full.
            # Then new cases (the clients' scope grows) alternate with edits of held ones.
            written = time.perf_counter()
            doc_id = await _write(http, server, source, number, held)
            changed.add(doc_id)
            deadline = written + ROUND_TIMEOUT
            while time.perf_counter() < deadline:
                if all(doc_id in c.arrivals for c in concerned):
                    break
                await asyncio.sleep(0.02)
            got = [c.arrivals.pop(doc_id) - written for c in concerned if doc_id in c.arrivals]
            what = "a new case" if number % 2 == 0 else "an edit"
            say(
                f"round {number}/{rounds} ({what}{', warm-up' if number == 0 else ''}): "
                f"{len(got)}/{len(concerned)} clients in {max(got, default=0):.2f} s "
                f"(median {statistics.median(got or [0]):.2f} s)"
            )
            if number == 0:
                warm_up_s = max(got, default=ROUND_TIMEOUT)
                await quiet.wait()
                rss_waiting = rss_mb(gateway.pid)  # every client back and waiting
            else:
                missed += len(concerned) - len(got)
                latencies.extend(got)
            await quiet.wait()
        rss_after = rss_mb(gateway.pid)
        stop.set()
        for task in followers:
            task.cancel()
        await asyncio.gather(*followers, return_exceptions=True)
        await asyncio.gather(*(mine.aclose() for mine in own))
    leaked = sum(1 for c in others for doc_id in c.arrivals if doc_id in changed)
    refusals = [status for c in clients for status in c.refusals]
    ordered = sorted(latencies) or [0.0]
    return {
        "clients": len(clients),
        "rounds": rounds,
        "sign_in_s": round(sign_in_s, 1),
        "warm_up_s": round(warm_up_s, 2),
        "change_p50_s": round(statistics.median(ordered), 3),
        "change_p99_s": round(ordered[min(len(ordered) - 1, round(0.99 * (len(ordered) - 1)))], 3),
        "change_max_s": round(ordered[-1], 3),
        "missed": missed,
        "leaked_to_others": leaked,
        "refused_polls": len(refusals),
        "refused_statuses": sorted(set(refusals)),
        "gateway_rss_mb": {"idle": rss_idle, "waiting": rss_waiting, "after": rss_after},
    }


def measure(args: argparse.Namespace, server: BenchServer) -> dict[str, Any]:
    source = server.new_db("clients")
    admin = CouchClient(source, *server.auth, allow_http=server.allow_http)
    users_client = CouchClient(server.url + "/_users", *server.auth, allow_http=server.allow_http)
    users = BenchUsers(server, users_client)
    try:
        central.init(admin)
        seeded = {queue: _cases(CASES_PER_QUEUE, queue, n) for n, queue in enumerate(GROUPS)}
        for docs in seeded.values():
            fill_database(server.admin.session(), source, docs)
        held = [doc["_id"] for doc in seeded[GROUPS[0]]]
        say(f"making {args.users} users on {server.description}")
        staff = _staff(admin, users, min(args.users, args.clients))
        clients = [Client(number, *staff[number % len(staff)]) for number in range(args.clients)]
        with GatewayProcess(source, *server.auth) as gateway:
            figures = asyncio.run(_measure(server, gateway, source, clients, args.rounds, held))
        return {"server": server.description, **figures, "load_after": list(os.getloadavg())}
    finally:
        users.remove_all()
        users_client.close()
        admin.close()


def run(args: argparse.Namespace, ctx: Context) -> int:
    from caseworker.cli.bench import machine
    from caseworker.cli.output import print_json

    with from_args(args) as server:
        figures = measure(args, server)
    if args.json:
        print_json({"bench": "clients", "machine": machine(), **figures})
        return 0
    memory = figures["gateway_rss_mb"]
    print(f"{figures['clients']} clients long-polling one gateway in front of {figures['server']}")
    print(
        f"  a change reached its {figures['clients'] // 2} clients: p50 "
        f"{figures['change_p50_s']:.2f} s, p99 {figures['change_p99_s']:.2f} s, max "
        f"{figures['change_max_s']:.2f} s ({figures['rounds']} changes; {figures['missed']} missed)"
    )
    print(f"  reached the clients it did not concern: {figures['leaked_to_others']} times")
    print(
        f"  all {figures['clients']} signed in and caught up in {figures['sign_in_s']:.1f} s; the "
        f"warm-up change (every client's first long-poll) took {figures['warm_up_s']:.2f} s"
    )
    print(f"  long-polls refused: {figures['refused_polls']} {figures['refused_statuses'] or ''}")
    print(
        f"  gateway memory: {memory['idle']} MB idle, {memory['waiting']} MB with every client "
        f"waiting, {memory['after']} MB after"
    )
    return 0

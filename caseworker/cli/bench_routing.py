"""``caseworker bench routing``: how long routing a new case takes (target: under 5 ms).

On a small seeded store (routing does not depend on how many citizens there are), each
sample is what ``open_case`` asks: the rules (compiled once per revision), the active queues,
the citizen's address when the case has no location, and the first matching rule. Measured on
the demo council's rules, then on 10,000 rules (``--rules``) of which none matches:

- ``rules_N``: each for a service nobody offers (the index by service finds none to try);
- ``rules_N_adverse``: built against the index: a third fail only on service, a third only on
  channel, a third only on area, so whichever list is shortest still holds two thirds of the
  rules, every one tried before the service default.
"""

import argparse
import json
import random
import shutil
import time
from typing import Any

from sqlalchemy import select

from caseworker import vocab
from caseworker.cli.app import Context, positive_int
from caseworker.cli.bench import machine, seeded_store, summary
from caseworker.models import Case, Service
from caseworker.routing import store as routing
from caseworker.services.context import Actor
from caseworker.store.store import STORE_FILENAME, Store


def _samples(store: Store, count: int, rng: random.Random) -> list[tuple[str, Any, Any, str]]:
    channels = [c for c in vocab.CHANNELS if c != _UNUSED_CHANNEL]
    with store.read() as s:
        codes = list(s.scalars(select(Service.code)))
        cases = s.execute(select(Case.location_postcode, Case.citizen_id).limit(2000)).all()
    return [(rng.choice(codes), *rng.choice(cases), rng.choice(channels)) for _ in range(count)]


def _time(store: Store, samples: list[tuple[str, Any, Any, str]]) -> list[float]:
    """The first read of the rules after a change, then each sample's routing."""
    times = []
    with store.read() as s:
        services = {svc.code: svc for svc in s.scalars(select(Service))}
        started = time.perf_counter()
        routing.load(s)  # the first read after a change compiles the rules, once per revision
        times.append((time.perf_counter() - started) * 1000)
        for code, postcode, citizen_id, channel in samples:
            started = time.perf_counter()
            routing.queue_for_new_case(s, services[code], postcode, citizen_id, channel)
            times.append((time.perf_counter() - started) * 1000)
    return times


# The samples never use this channel, so the adverse rules that ask for it never match.
_UNUSED_CHANNEL = "letter"


def _many_rules(store: Store, count: int, adverse: bool) -> None:
    """Replace the rules with ``count`` that never match."""
    rules: list[dict[str, Any]] = []
    for n in range(count):
        rule: dict[str, Any] = {"name": f"rule {n}", "queue_id": "queue:contact"}
        if not adverse:
            rule |= {"service_codes": [f"no-such-{n}"], "areas": ["CF10"], "channels": ["phone"]}
        elif n % 3 == 0:
            rule["service_codes"] = [f"no-such-{n}"]
        elif n % 3 == 1:
            rule["channels"] = [_UNUSED_CHANNEL]
        else:
            rule["areas"] = ["ZZ9"]
        rules.append(rule)
    with store.write() as s:
        routing.save_rules(s, Actor("staff:admin", "admin"), rules, "benchmark")


def _bench_routing(args: argparse.Namespace, ctx: Context) -> int:
    rng = random.Random(2026)
    target = seeded_store(None, args.citizens)
    figures: dict[str, Any] = {"bench": "routing", "machine": machine()}
    try:
        store = Store(target / STORE_FILENAME)
        try:
            samples = _samples(store, args.samples, rng)
            for name in ("demo_rules", f"rules_{args.rules}", f"rules_{args.rules}_adverse"):
                if name != "demo_rules":
                    _many_rules(store, args.rules, adverse=name.endswith("adverse"))
                first, *times = _time(store, samples)
                figures[name] = {**summary(times), "first_after_change_ms": round(first, 3)}
        finally:
            store.close()
    finally:
        shutil.rmtree(target, ignore_errors=True)
    if args.json:
        print(json.dumps(figures))
        return 0
    labels = (
        ("demo_rules", "demo rules"),
        (f"rules_{args.rules}", f"{args.rules:,} rules"),
        (f"rules_{args.rules}_adverse", f"{args.rules:,} rules against the index"),
    )
    for name, label in labels:
        f = figures[name]
        print(
            f"routing a new case, {label}: p50 {f['p50_ms']} ms, p95 {f['p95_ms']} ms, "
            f"p99 {f['p99_ms']} ms, max {f['max_ms']} ms ({f['n']:,} cases; target under 5 ms); "
            f"first case after the rules change {f['first_after_change_ms']} ms"
        )
    return 0


def configure_routing(p: argparse.ArgumentParser) -> None:
    p.add_argument("--citizens", type=positive_int, default=1_000)
    p.add_argument("--samples", type=positive_int, default=2_000)
    p.add_argument("--rules", type=positive_int, default=10_000)
    p.set_defaults(handler=_bench_routing)

"""``caseworker central access-log``: who was served a citizen's documents, when, from which
device, and how.

    caseworker central access-log --server DB_URL --user ADMIN --password-stdin --citizen ID
        [--since WHEN] [--json]

Lists, oldest first, every entry of the access log (``sync.access_log_design``) that served
a document of the citizen: their own record and what hangs off it, their directory summary,
and each case of theirs (the central database's access view, by citizen key) with what
hangs off it. A table by default; ``--json``: one JSON array of entries (``at``, ``user``,
``device``, ``how``, ``doc_ids``, ``reason`` when given, ``entry``: the entry's id).

The log is for server admins only: anyone else is told so in one line, as is a wrong password,
a database without a log yet, and an id that names no citizen and has nothing recorded.
Every value shown came from a client or the database: shown escaped, never obeyed.
"""

import argparse
import datetime
import heapq
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote, unquote, urlsplit

from caseworker.access.channels import is_id_of
from caseworker.access.views import DESIGN_ID as ACCESS_DESIGN_ID
from caseworker.access.views import ROWS, VIEW_PATH, citizen_key, is_current
from caseworker.cli.app import Context
from caseworker.display import visible
from caseworker.errors import CaseworkerError
from caseworker.limits import MAX_ID_LENGTH
from sync.access_log_design import BY_ROOT, DESIGN_ID, log_db_name
from sync.cli import _client, _server_options
from sync.errors import AuthError, ForbiddenError, RequestError
from sync.http import CouchClient, doc_path

PAGE = 1000  # view rows per request
VIEW_WAIT = 600.0  # seconds a view may take to answer (it brings its index up to date first)
PREFIX = "citizen:"


def configure(parser: argparse.ArgumentParser) -> None:
    _server_options(parser, "a server admin of the central database")
    parser.add_argument(
        "--citizen",
        required=True,
        type=citizen_id,
        help="the citizen's id (citizen:KEY, or KEY alone)",
    )
    parser.add_argument(
        "--since",
        type=since_time,
        help="only entries from this date or time on (e.g. 2026-12-01 or 2026-12-01T09:30; "
        "UTC unless a zone is given)",
    )
    parser.add_argument("--json", action="store_true", help="one JSON array, for machines")
    parser.set_defaults(handler=run)


def citizen_id(text: str) -> str:
    """An argparse type: ``citizen:KEY`` as given, or ``KEY`` alone made one."""
    value = text if text.startswith(PREFIX) else PREFIX + text
    if ":" in text and not text.startswith(PREFIX):
        raise argparse.ArgumentTypeError(f"not a citizen's id: {visible(text)[:100]}")
    if not is_id_of(value, "citizen") or len(value) > MAX_ID_LENGTH:
        raise argparse.ArgumentTypeError(f"not a citizen's id: {visible(text)[:100]}")
    return value


def since_time(text: str) -> str:
    """An argparse type: a date or time, as the log's own ``at`` (UTC, milliseconds)."""
    try:
        when = datetime.datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected a date or time such as 2026-12-01T09:30, not {visible(text)[:60]!r}"
        ) from None
    if when.tzinfo is None:
        when = when.replace(tzinfo=datetime.UTC)
    return when.astimezone(datetime.UTC).isoformat(timespec="milliseconds")


@dataclass
class Entry:
    """One access-log entry as it concerns the citizen: the documents of theirs it served."""

    entry: str
    at: str
    user: Any
    device: Any
    how: Any
    reason: Any = None
    doc_ids: list[str] = field(default_factory=list)

    def as_json(self) -> dict[str, Any]:
        out = {"at": self.at, "user": self.user, "device": self.device, "how": self.how}
        out |= {"doc_ids": self.doc_ids, "entry": self.entry}
        if self.reason is not None:
            out["reason"] = self.reason
        return out


class Listing:
    """The reads behind the command, on a client signed in as a server admin."""

    def __init__(self, client: CouchClient) -> None:
        self.client = client
        path = urlsplit(client.db_url).path.rstrip("/")
        self.db = unquote(path.rsplit("/", 1)[1])
        self.log_path = "/" + quote(log_db_name(self.db), safe="")

    def check_log(self) -> None:
        """The log database is there and this user may read it."""
        try:
            self.client.request("GET", self.log_path, server=True)
        except (AuthError, ForbiddenError) as exc:
            said = 401 if isinstance(exc, AuthError) else 403
            raise CaseworkerError(
                f"{self.client.user} may not read the access log (the server said {said}): "
                "it is for server admins only"
            ) from None
        except RequestError as exc:
            if exc.status != 404:
                raise
            raise CaseworkerError(
                f"there is no access log for {self.db} yet (the database "
                f"{log_db_name(self.db)}): caseworker central serve makes it when it starts"
            ) from None

    def citizen(self, citizen: str) -> tuple[bool, list[str]]:
        """Whether the citizen's record is in the central database, and their cases."""
        try:
            self.client.get("")
        except RequestError as exc:
            if exc.status != 404:
                raise
            raise CaseworkerError(f"there is no database {self.db}") from None
        found = self.client.get_or_none(doc_path(citizen)) is not None
        if not is_current(self.client.get_or_none("/" + ACCESS_DESIGN_ID)):
            # Older views have no citizen keys: the list of cases would be silently empty.
            raise CaseworkerError(
                f"{self.db} has no up-to-date access views: run caseworker central init"
            )
        key = json.dumps(citizen_key(citizen))
        answer = self.client.get(VIEW_PATH, params={"key": key, **ROWS}, timeout=VIEW_WAIT)
        rows = answer.get("rows") if isinstance(answer, dict) else None
        cases = [
            r["id"] for r in rows or () if isinstance(r, dict) and is_id_of(r.get("id"), "case")
        ]
        return found, sorted(set(cases))

    def rows(self, root: str, since: str | None) -> Iterator[tuple[tuple[str, str], Entry]]:
        """The log's rows under ``root``, oldest first, a page at a time."""
        path = f"{self.log_path}/{DESIGN_ID}/_view/{BY_ROOT}"
        start: list[Any] = [root, since or ""]
        skip = "0"
        while True:
            params = {
                "startkey": json.dumps(start),
                "endkey": json.dumps([root, {}]),
                "limit": str(PAGE),
                "skip": skip,
            }
            try:
                answer = self.client.get(path, params=params, server=True, timeout=VIEW_WAIT)
            except RequestError as exc:
                if exc.status != 404:
                    raise
                raise CaseworkerError(
                    f"the access log of {self.db} cannot be listed by citizen yet: start "
                    "caseworker central serve of this version once (it adds the view)"
                ) from None
            found = answer.get("rows") if isinstance(answer, dict) else None
            if not isinstance(found, list):
                raise CaseworkerError("the access log's view answered no rows")
            for row in found:
                entry = _entry(row)
                if entry is not None:
                    yield (entry.at, entry.entry), entry
            if len(found) < PAGE:
                return
            start, skip = found[-1]["key"], "1"  # keys are unique: [root, at, entry id]


def _entry(row: Any) -> Entry | None:
    key = row.get("key") if isinstance(row, dict) else None
    value = row.get("value") if isinstance(row, dict) else None
    if not (isinstance(key, list) and len(key) == 3 and isinstance(value, dict)):
        return None
    at, entry_id = key[1], key[2]
    ids = value.get("doc_ids")
    if not (isinstance(at, str) and isinstance(entry_id, str) and isinstance(ids, list)):
        return None
    return Entry(
        entry=entry_id,
        at=at,
        user=value.get("user"),
        device=value.get("device"),
        how=value.get("how"),
        reason=value.get("reason"),
        doc_ids=[i for i in ids if isinstance(i, str)],
    )


def entries(listing: Listing, roots: list[str], since: str | None) -> list[Entry]:
    """The entries under any of ``roots``, oldest first; an entry under several roots once,
    with all the documents it served under them."""
    merged = heapq.merge(*(listing.rows(root, since) for root in roots), key=lambda r: r[0])
    out: list[Entry] = []
    for _, entry in merged:
        if out and out[-1].entry == entry.entry:
            known = out[-1].doc_ids
            known += [i for i in entry.doc_ids if i not in known]
        else:
            out.append(entry)
    return out


def _text(value: Any) -> str:
    return "-" if value is None else visible(str(value))


def table(citizen: str, cases: list[str], found: list[Entry]) -> list[str]:
    """The entries as lines of a table (every value escaped onto its line)."""
    of = f" and {len(cases)} case{'s' if len(cases) != 1 else ''} of theirs" if cases else ""
    lines = [f"access to {visible(citizen)}{of}, oldest first (times in UTC):"]
    rows = [("when", "who", "device", "how", "documents")]
    for e in found:
        when = e.at.replace("T", " ").removesuffix("+00:00")
        documents = ", ".join(visible(i) for i in e.doc_ids)
        if e.reason is not None:
            documents += f" (reason: {_text(e.reason)})"
        rows.append((visible(when), _text(e.user), _text(e.device), _text(e.how), documents))
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    for r in rows:
        lines.append("  ".join([*(c.ljust(w) for c, w in zip(r, widths, strict=False)), r[4]]))
    return lines


def run(args: argparse.Namespace, ctx: Context) -> int:
    citizen: str = args.citizen
    client = _client(args)
    try:
        client.deadline = max(client.deadline, VIEW_WAIT)
        client.sign_in()
        listing = Listing(client)
        listing.check_log()
        known, cases = listing.citizen(citizen)
        found = entries(listing, [citizen, *cases], args.since)
    finally:
        client.close()
    if not known and not cases and not found:
        raise CaseworkerError(
            f"no citizen {visible(citizen)} in {listing.db}, and no access to that id is recorded"
        )
    if not known:
        print(
            f"caseworker: {visible(citizen)} is no longer in {listing.db}: "
            "listed are the entries naming it and its cases still there",
            file=sys.stderr,
        )
    if args.json:
        print(json.dumps([e.as_json() for e in found]))
    elif not found:
        since = f" since {args.since}" if args.since else ""
        print(f"no access to {visible(citizen)} or its cases is recorded{since}")
    else:
        print("\n".join(table(citizen, cases, found)))
    return 0

"""One HTTP exchange with the central service, read whole under a deadline and a size cap.

``requests`` alone cannot keep either: its read timeout is per socket read, so a reply that
trickles a byte a second never trips it, and it inflates a gzip reply whole (a few MB of gzip
that unpacks to 1 GiB took a client to 4 GB). Here every exchange

- has a wall-clock deadline: a watchdog shuts the socket down when it passes, whether the
  server is slow with its headers or with its body;
- reads the body itself, undecoded, in small pieces, and inflates gzip or deflate with a cap
  on the decoded bytes (``MAX_REPLY_BYTES``), so memory stays bounded;
- never follows a redirect (the caller sees the 3xx and refuses it: credentials and records
  stay with the origin).
"""

import contextlib
import socket
import threading
import time
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import requests
import urllib3
from requests.adapters import HTTPAdapter
from requests.cookies import extract_cookies_to_jar
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from caseworker.limits import MAX_ATTACHMENT_BYTES, MAX_DOCUMENT_BYTES
from sync.errors import MalformedResponse, NetworkError, ReplyTooLarge

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0  # the longest wait for any one piece of a reply
# The largest reply read: one document at its limits (its JSON, an attachment in base64, its
# revision history) fits; a ``_bulk_get`` of many documents over it is asked for in halves.
MAX_REPLY_BYTES = 2 * (MAX_DOCUMENT_BYTES + MAX_ATTACHMENT_BYTES)
_PIECE = 64 * 1024
_ENCODINGS = {"gzip": 16 + zlib.MAX_WBITS, "x-gzip": 16 + zlib.MAX_WBITS, "deflate": zlib.MAX_WBITS}


class Expired(Exception):
    """The exchange's deadline passed (or its stop flag was set) before the reply was read."""


@dataclass
class Reply:
    status: int
    reason: str
    headers: Mapping[str, str]  # case-insensitive
    content: bytes


STOP_LOOK = 0.25  # seconds between looks at an exchange's stop flag


class _Watch:
    """Shuts the exchange's socket down at its deadline, which ends any read blocked on it."""

    def __init__(self, deadline: float, stop: threading.Event | None = None) -> None:
        self.deadline = deadline
        self.stop = stop
        self.fired = False
        self._sock: socket.socket | None = None
        self._lock = threading.Lock()
        self._timer = self._start_timer()

    def _start_timer(self) -> threading.Timer:
        # With a stop flag, look at it every so often: a stop ends a wait for the reply's
        # very first byte too (a long-poll whose server sends nothing until it answers).
        wait = max(0.0, self.deadline - time.monotonic())
        timer = threading.Timer(min(wait, STOP_LOOK) if self.stop else wait, self._tick)
        timer.daemon = True
        timer.start()
        return timer

    def _tick(self) -> None:
        if self.stop is None or self.stop.is_set() or time.monotonic() >= self.deadline:
            self._fire()
            return
        with self._lock:
            if not self.cancelled:
                self._timer = self._start_timer()

    def attach(self, sock: socket.socket) -> None:
        with self._lock:
            self._sock = sock
            if self.fired:
                _shut(sock)

    def _fire(self) -> None:
        with self._lock:
            self.fired = True
            if self._sock is not None:
                _shut(self._sock)

    def expired(self) -> bool:
        return self.fired or time.monotonic() >= self.deadline

    cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            self._timer.cancel()


def _shut(sock: socket.socket) -> None:
    # The plain socket's shutdown, also for TLS: only the descriptor is touched.
    with contextlib.suppress(OSError):
        socket.socket.shutdown(sock, socket.SHUT_RDWR)


_current = threading.local()  # the watch of the exchange this thread is in


class _Watched(HTTPConnection):
    """A connection whose socket the current exchange's watch can shut at the deadline."""

    def getresponse(self, *args: Any, **kwargs: Any) -> Any:
        watch: _Watch | None = getattr(_current, "watch", None)
        if watch is not None and self.sock is not None:
            watch.attach(self.sock)
        return super().getresponse(*args, **kwargs)


class _WatchedHTTP(_Watched):
    pass


class _WatchedHTTPS(_Watched, HTTPSConnection):
    pass


class _Pool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTP


class _TLSPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPS


_WATCHED = {"http": _Pool, "https": _TLSPool}


class _Adapter(HTTPAdapter):
    def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = _WATCHED

    def proxy_manager_for(self, proxy: str, **kwargs: Any) -> Any:
        manager = super().proxy_manager_for(proxy, **kwargs)
        if type(manager) is urllib3.ProxyManager:  # an HTTP(S) proxy; SOCKS pools differ
            manager.pool_classes_by_scheme = _WATCHED
        return manager


def new_session(verify: bool | str) -> requests.Session:
    """A keep-alive session whose connections the watchdog can end."""
    http = requests.Session()
    http.verify = verify
    http.mount("http://", _Adapter())
    http.mount("https://", _Adapter())
    # Only encodings inflated here under the cap (not brotli or zstd, which requests would
    # otherwise offer when their packages happen to be installed).
    http.headers.update({"Accept": "application/json", "Accept-Encoding": "gzip, deflate"})
    return http


def exchange(
    http: requests.Session,
    method: str,
    url: str,
    *,
    params: Mapping[str, str] | None,
    data: bytes | None,
    headers: Mapping[str, str],
    deadline: float,
    read_timeout: float,
    what: str,
    cap: int | None = None,
    stop: threading.Event | None = None,
) -> Reply:
    """Send one request and read its whole reply by ``deadline`` (monotonic); ``Expired`` if
    it passes first or ``stop`` is set. Connection failures raise ``requests`` exceptions;
    a reply over ``cap`` or in an encoding not asked for raises a ``SyncError``."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        raise Expired
    watch = _Watch(deadline, stop)
    _current.watch = watch
    try:
        try:
            response = _send(http, method, url, params, data, headers, remaining, read_timeout)
        except requests.RequestException:
            if watch.expired():  # (a read timeout cut to the deadline counts as the deadline)
                raise Expired from None
            raise
        with response:
            if 300 <= response.status_code < 400:
                content = b""  # a redirect is refused unread
            else:
                content = _read(response, cap or MAX_REPLY_BYTES, watch, stop, what)
            return Reply(response.status_code, response.reason or "", response.headers, content)
    finally:
        watch.cancel()
        _current.watch = None


def _send(
    http: requests.Session,
    method: str,
    url: str,
    params: Mapping[str, str] | None,
    data: bytes | None,
    headers: Mapping[str, str],
    remaining: float,
    read_timeout: float,
) -> requests.Response:
    """``Session.request`` without its redirect machinery, which parses a ``Location`` even
    when not following it (and lets a malformed one escape as a ValueError)."""
    prepared = http.prepare_request(
        requests.Request(method, url, params=params, data=data, headers=dict(headers))
    )
    # The session's own verify is given: requests lets REQUESTS_CA_BUNDLE override it else.
    settings = http.merge_environment_settings(prepared.url, {}, True, http.verify, None)
    response = http.get_adapter(prepared.url or url).send(
        prepared,
        stream=True,
        timeout=(min(CONNECT_TIMEOUT, remaining), min(read_timeout, remaining)),
        verify=True if settings["verify"] is None else settings["verify"],
        cert=settings["cert"],
        proxies=settings["proxies"],
    )
    extract_cookies_to_jar(http.cookies, prepared, response.raw)  # type: ignore[no-untyped-call]
    return response


def _read(
    response: requests.Response,
    cap: int,
    watch: _Watch,
    stop: threading.Event | None,
    what: str,
) -> bytes:
    encoding = response.headers.get("Content-Encoding", "").strip().lower()
    if encoding in ("", "identity"):
        inflate = None
    elif encoding in _ENCODINGS:
        inflate = zlib.decompressobj(_ENCODINGS[encoding])
    else:
        raise MalformedResponse(f"the central service sent {what} in an encoding not asked for")
    too_large = ReplyTooLarge(
        f"the central service's reply to {what} is larger than {cap // 1_000_000} MB"
    )
    out = bytearray()
    received = 0
    while True:
        if (stop is not None and stop.is_set()) or time.monotonic() > watch.deadline:
            raise Expired
        try:
            data = response.raw.read1(_PIECE, decode_content=False)
        except (urllib3.exceptions.HTTPError, OSError, ValueError) as exc:
            if watch.expired():
                raise Expired from None
            raise NetworkError(f"the reply to {what} broke off") from exc
        if not data:
            break
        received += len(data)
        if received > cap:
            raise too_large
        if inflate is None:
            out += data
            continue
        room = cap - len(out)
        try:
            out += inflate.decompress(data, room + 1)
        except zlib.error as exc:
            raise MalformedResponse(f"the central service's reply to {what} is corrupt") from exc
        if len(out) > cap:
            raise too_large
        if inflate.unused_data:  # more after the end: not one stream (a bomb spread out?)
            raise MalformedResponse(f"the central service's reply to {what} is corrupt")
    if watch.fired:  # a shut-down socket reads as the end of a reply framed by closing
        raise Expired
    if inflate is not None:
        out += inflate.flush()
        if len(out) > cap:
            raise too_large
        if not inflate.eof:
            raise MalformedResponse(f"the central service's reply to {what} was cut short")
    return bytes(out)

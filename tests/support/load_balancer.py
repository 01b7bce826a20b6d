"""A round-robin HTTP load balancer on 127.0.0.1: each request goes to the next upstream in
turn, so one client's requests (its checkpoints, its change-feed tokens, its ``_bulk_get``)
land on every gateway process.

    with RoundRobin([first.url, second.url]) as balancer:
        laptop.sync(balancer.rewrite(first.db_url))
        balancer.served        # {upstream url: requests it answered}

One upstream connection per request; bodies are buffered (no continuous feeds).
"""

import http.client
import itertools
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.support.background_server import BackgroundServer

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "accept-encoding"}


class RoundRobin(BackgroundServer):
    def __init__(self, upstreams: list[str]) -> None:
        self.upstreams = [u.rstrip("/") for u in upstreams]
        self.served: Counter[str] = Counter()
        self.paths: list[tuple[str, str]] = []  # (upstream, "METHOD path") in order
        self._turn = itertools.cycle(self.upstreams)
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def rewrite(self, url: str) -> str:
        """``url`` (of any upstream) through the balancer."""
        for upstream in self.upstreams:
            if url.startswith(upstream):
                return self.url + url[len(upstream) :]
        raise ValueError(f"{url} is not behind this balancer")

    def _next(self, what: str) -> str:
        with self._lock:
            upstream = next(self._turn)
            self.served[upstream] += 1
            self.paths.append((upstream, what))
            return upstream

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        balancer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                upstream = urlsplit(balancer._next(f"{self.command} {self.path}"))
                conn = http.client.HTTPConnection(
                    upstream.hostname or "127.0.0.1", upstream.port or 80, timeout=120
                )
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                    headers["Accept-Encoding"] = "identity"
                    conn.request(self.command, self.path, body=body, headers=headers)
                    response = conn.getresponse()
                    status, got, content = response.status, response.getheaders(), response.read()
                finally:
                    conn.close()
                self.send_response(status)
                for name, value in got:
                    if name.lower() not in _HOP and name.lower() not in ("date", "server"):
                        self.send_header(name, value)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _any

        return Handler

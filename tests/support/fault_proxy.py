"""A small fault-injecting HTTP proxy on 127.0.0.1, between a sync client and the test server.

    with FaultProxy(server.url) as proxy:
        proxy.inject("_bulk_get", "truncate")           # spoil the next matching request
        proxy.inject("_changes", "500", times=3)
        client = CouchClient(proxy.rewrite(db_url))

Faults, for requests whose path contains the given text (and method, if given):
  "500"       answer 500 with a CouchDB-style JSON error (the request is not forwarded)
  "404"       answer 404 {"error": "not_found"} (an endpoint the server lacks)
  "hang"      forward nothing, answer nothing, until the proxy stops (a client timeout)
  "truncate"  forward, then send half the body without a length and close (looks complete)
  "malformed" forward, then answer 200 with a body that is not JSON
  "empty"     forward, then answer 200 with an empty JSON object (none of what was asked)
  "drop"      forward, then send the headers and a little of the body and close mid-response
Everything else is forwarded untouched (one upstream connection per request).
"""

import http.client
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

from tests.support.background_server import BackgroundServer

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "accept-encoding"}


@dataclass
class Fault:
    path: str
    kind: str
    method: str | None = None
    times: int = 1


class FaultProxy(BackgroundServer):
    def __init__(self, upstream: str) -> None:
        parts = urlsplit(upstream)
        self.upstream_host = parts.hostname or "127.0.0.1"
        self.upstream_port = parts.port or 80
        self.upstream = f"{parts.scheme}://{parts.netloc}"
        self.faults: list[Fault] = []
        self.spoiled: list[str] = []  # "KIND METHOD PATH" of each request spoiled
        self.requests = 0
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        super().__init__()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def rewrite(self, url: str) -> str:
        """The same URL through the proxy."""
        return url.replace(self.upstream, self.url, 1)

    def inject(self, path: str, kind: str, *, method: str | None = None, times: int = 1) -> None:
        with self._lock:
            self.faults.append(Fault(path, kind, method, times))

    def clear(self) -> None:
        with self._lock:
            self.faults.clear()

    def _take(self, method: str, path: str) -> str | None:
        with self._lock:
            self.requests += 1
            for fault in self.faults:
                if fault.path in path and fault.method in (None, method) and fault.times > 0:
                    fault.times -= 1
                    self.spoiled.append(f"{fault.kind} {method} {path}")
                    return fault.kind
        return None

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                fault = proxy._take(self.command, self.path)
                if fault == "500":
                    return self._reply(500, b'{"error":"internal_error","reason":"injected"}')
                if fault == "404":
                    return self._reply(404, b'{"error":"not_found","reason":"missing"}')
                if fault == "hang":
                    proxy._stopping.wait(60)
                    self.close_connection = True
                    return None
                status, headers, content = self._forward(body)
                if fault == "truncate":
                    self.send_response(status)
                    self._copy_headers(headers)
                    self.send_header("Connection", "close")
                    self.end_headers()
                    self.wfile.write(content[: max(1, len(content) // 2)])
                    self.close_connection = True
                    return None
                if fault == "malformed":
                    return self._reply(200, b'{"results": [{"id": "x", "changes": [}\n')
                if fault == "empty":
                    return self._reply(200, b"{}")
                if fault == "drop":
                    self.send_response(status)
                    self._copy_headers(headers)
                    self.send_header("Content-Length", str(len(content)))
                    self.end_headers()
                    self.wfile.write(content[: min(10, len(content) // 2)])
                    self.wfile.flush()
                    self.close_connection = True
                    return None
                return self._reply(status, content, headers)

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = _any

            def _forward(self, body: bytes | None) -> tuple[int, list[tuple[str, str]], bytes]:
                conn = http.client.HTTPConnection(
                    proxy.upstream_host, proxy.upstream_port, timeout=60
                )
                try:
                    headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP}
                    headers["Accept-Encoding"] = "identity"
                    conn.request(self.command, self.path, body=body, headers=headers)
                    response = conn.getresponse()
                    return response.status, response.getheaders(), response.read()
                finally:
                    conn.close()

            def _copy_headers(self, headers: list[tuple[str, str]]) -> None:
                for name, value in headers:
                    if name.lower() not in _HOP and name.lower() not in ("date", "server"):
                        self.send_header(name, value)

            def _reply(
                self, status: int, content: bytes, headers: list[tuple[str, str]] | None = None
            ) -> None:
                self.send_response(status)
                if headers is None:
                    self.send_header("Content-Type", "application/json")
                else:
                    self._copy_headers(headers)
                self.send_header("Content-Length", str(len(content)))
                self.end_headers()
                self.wfile.write(content)

        return Handler

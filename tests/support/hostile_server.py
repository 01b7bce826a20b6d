"""A hostile stand-in for the central service, on 127.0.0.1: it answers what a test scripts and
forwards everything else to a real server (or answers 404 when it has none).

    with HostileServer(couch_server.url) as hostile:
        hostile.on("_changes", Reply(200, {"results": [...], "last_seq": 0}))
        hostile.on("_bulk_get", lambda request: mangle(hostile.forward(request)))
        hostile.on("/_session", Reply(307, headers={"Location": elsewhere}), method="POST")
        client = CouchClient(hostile.rewrite(db_url))

A ``Reply`` is sent as scripted: any status and headers, a body as bytes (or anything else as
JSON), framed with a length, chunked, or ended by closing the connection; ``trickle`` sends it
one byte at a time, that many seconds apart, and then keeps trickling spaces until the client
gives up or the server stops. ``requests`` lists every request received (with its headers and
body), so a test can tell that nothing reached a server it must not reach.
"""

import http.client
import json
import ssl
import struct
import threading
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, Literal
from urllib.parse import parse_qsl, urlsplit

from tests.support.background_server import BackgroundServer

_HOP = {"connection", "keep-alive", "transfer-encoding", "content-length", "accept-encoding"}


@dataclass
class Request:
    method: str
    path: str  # without the query
    query: dict[str, str]
    headers: dict[str, str]  # names in lower case
    body: bytes
    target: str  # the path with its query, as received

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Reply:
    status: int = 200
    body: Any = b""  # bytes are sent as they are; anything else as JSON
    headers: dict[str, str] = field(default_factory=dict)
    framing: Literal["length", "chunked", "close"] = "length"
    trickle: float | None = None  # seconds between bytes; then spaces until the client gives up

    def content(self) -> bytes:
        if isinstance(self.body, bytes):
            return self.body
        return json.dumps(self.body).encode()


Script = Reply | Callable[[Request], Reply | None]


class _Quiet(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        import sys

        if not isinstance(sys.exc_info()[1], ConnectionError | ssl.SSLError):
            super().handle_error(request, client_address)  # type: ignore[arg-type]
        # a client that gave up (a deadline, a cap) is what these tests are about


@dataclass
class _Rule:
    path: str
    script: Script
    method: str | None
    times: int | None


class HostileServer(BackgroundServer):
    def __init__(self, upstream: str | None = None, *, tls: ssl.SSLContext | None = None) -> None:
        self.upstream = upstream
        self.scheme = "https" if tls is not None else "http"
        self.requests: list[Request] = []
        self._rules: list[_Rule] = []
        self._lock = threading.Lock()
        self._server = _Quiet(("127.0.0.1", 0), self._handler())
        if tls is not None:
            self._server.socket = tls.wrap_socket(self._server.socket, server_side=True)
        super().__init__()

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self._server.server_address[1]}"

    def rewrite(self, url: str) -> str:
        """The same URL on this server (the upstream's scheme and host replaced)."""
        parts = urlsplit(url)
        return url.replace(f"{parts.scheme}://{parts.netloc}", self.url, 1)

    def on(
        self, path: str, script: Script, *, method: str | None = None, times: int | None = None
    ) -> None:
        """Answer requests whose path contains ``path`` (and method, if given) with ``script``
        (``times`` times, or always); a callable may return None to pass the request on."""
        with self._lock:
            self._rules.append(_Rule(path, script, method, times))

    def clear(self) -> None:
        with self._lock:
            self._rules.clear()

    def seen(self, path: str = "") -> list[Request]:
        with self._lock:
            return [r for r in self.requests if path in r.path]

    def forward(self, request: Request) -> Reply:
        """What the upstream server answers to ``request`` (a 404 without one)."""
        if self.upstream is None:
            return Reply(404, {"error": "not_found", "reason": "missing"})
        parts = urlsplit(self.upstream)
        conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=60)
        try:
            headers = {k: v for k, v in request.headers.items() if k not in _HOP}
            headers["accept-encoding"] = "identity"
            conn.request(request.method, request.target, body=request.body or None, headers=headers)
            response = conn.getresponse()
            kept = {
                k: v
                for k, v in response.getheaders()
                if k.lower() not in _HOP and k.lower() not in ("date", "server")
            }
            return Reply(response.status, response.read(), kept)
        finally:
            conn.close()

    def _script_for(self, request: Request) -> Script | None:
        with self._lock:
            self.requests.append(request)
            for rule in self._rules:
                if rule.path in request.path and rule.method in (None, request.method):
                    if rule.times is not None:
                        if rule.times <= 0:
                            continue
                        rule.times -= 1
                    return rule.script
        return None

    def _answer(self, request: Request) -> Reply:
        script = self._script_for(request)
        reply = script(request) if callable(script) else script
        return reply if reply is not None else self.forward(request)

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                pass

            def _any(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                parts = urlsplit(self.path)
                request = Request(
                    self.command,
                    parts.path,
                    dict(parse_qsl(parts.query)),
                    {k.lower(): v for k, v in self.headers.items()},
                    body,
                    self.path,
                )
                try:
                    self._send(server._answer(request))
                except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
                    self.close_connection = True

            do_GET = do_PUT = do_POST = do_DELETE = do_HEAD = do_COPY = _any

            def _send(self, reply: Reply) -> None:
                content = reply.content()
                self.send_response(reply.status)
                names = {k.lower() for k in reply.headers}
                for name, value in reply.headers.items():
                    self.send_header(name, value)
                if "content-type" not in names:
                    self.send_header("Content-Type", "application/json")
                if reply.framing == "length":
                    # A trickle promises far more than it will ever send.
                    size = 10**9 if reply.trickle is not None else len(content)
                    self.send_header("Content-Length", str(size))
                elif reply.framing == "chunked":
                    self.send_header("Transfer-Encoding", "chunked")
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if reply.trickle is not None:
                    return self._trickle(content, reply.trickle, reply.framing == "chunked")
                if reply.framing == "chunked":
                    if content:
                        self.wfile.write(b"%x\r\n%s\r\n" % (len(content), content))
                    self.wfile.write(b"0\r\n\r\n")
                else:
                    self.wfile.write(content)

            def _trickle(self, content: bytes, pause: float, chunked: bool) -> None:
                self.close_connection = True
                index = 0
                while not server._stopping.wait(pause):
                    byte = content[index : index + 1] or b" "
                    index += 1
                    self.wfile.write(b"1\r\n%s\r\n" % byte if chunked else byte)
                    self.wfile.flush()

        return Handler


def gzip_bomb(mebibytes: int = 1024) -> bytes:
    """A valid gzip stream of about a thousandth of its size that inflates to ``mebibytes`` MiB
    of zeros: after a full flush every further MiB compresses to the same bytes."""
    zeros = b"\0" * (1 << 20)
    deflate = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    again = deflate.compress(zeros) + deflate.flush(zlib.Z_FULL_FLUSH)
    crc = 0
    for _ in range(mebibytes):
        crc = zlib.crc32(zeros, crc)
    last = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS).flush()  # an empty final block
    size = (mebibytes << 20) & 0xFFFFFFFF
    return first + again * (mebibytes - 1) + last + struct.pack("<II", crc, size)


def self_signed(folder: Path) -> tuple[ssl.SSLContext, str]:
    """A TLS context for a server on 127.0.0.1 and the certificate file a client trusts."""
    import datetime
    import ipaddress

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file = folder / "cert.pem"
    key_file = folder / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert_file, key_file)
    return context, str(cert_file)

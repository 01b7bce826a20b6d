"""A local stand-in for GOV.UK Notify's API, for tests and a development run: a stdlib
``ThreadingHTTPServer`` answering the documented shapes of

- ``POST /v2/notifications/email`` and ``/sms`` (201, ``{"id", "reference", "content",
  "uri", "template"}``),
- ``GET /v2/notifications/{id}`` (the notification, with its ``status``),
- ``GET /v2/notifications?reference=...`` (``{"notifications": [...], "links": {...}}``),

each checking the client's JSON Web Token as Notify does (``iss`` the service id, ``iat``
within 30 seconds, HS256 signed with the key's secret), and answering errors as
``{"status_code", "errors": [{"error", "message"}]}``.

    with NotifyStandIn() as notify:
        notify.api_key, notify.url, notify.email_template, notify.sms_template
        notify.sent                      # every notification accepted, oldest first
        notify.set_status(id, "delivered")
        notify.gate.clear()              # hold each send until set (to crash a worker mid-send)
        notify.drop_held = True          # ... and then forget it, as if it never arrived

``python -m sync.notify.standin [--port P]`` runs one and prints its key and template ids.
"""

import argparse
import contextlib
import json
import re
import threading
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any, Self
from urllib.parse import parse_qs, urlsplit

import jwt

BOUND = 30  # seconds an ``iat`` may be from now (Notify's own bound)
MAX_REQUEST = 1_000_000  # bytes of a request body
SMS_MAX = 918  # characters of a text message
_PLACEHOLDER = re.compile(r"\(\(([^()]*)\)\)")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
STATUSES = (
    "created", "sending", "pending", "sent", "delivered",
    "permanent-failure", "temporary-failure", "technical-failure",
)  # fmt: skip


@dataclass(frozen=True)
class Template:
    id: str
    type: str  # "email" or "sms"
    subject: str
    body: str


@dataclass
class Notification:
    id: str
    type: str
    recipient: str
    template: Template
    personalisation: dict[str, str]
    reference: str | None
    created_at: str
    status: str = "sending"
    subject: str = ""
    body: str = ""

    def fill(self) -> None:
        def put(m: re.Match[str]) -> str:
            return self.personalisation.get(m.group(1).strip(), m.group(0))

        self.subject = _PLACEHOLDER.sub(put, self.template.subject)
        self.body = _PLACEHOLDER.sub(put, self.template.body)


class _Refused(Exception):
    def __init__(self, status: int, error: str, message: str) -> None:
        super().__init__(message)
        self.status, self.error, self.message = status, error, message


@dataclass
class NotifyStandIn:
    """Notify for one service, with one email and one SMS template whose content is the
    rendered reply (``((subject))`` and ``((body))``)."""

    host: str = "127.0.0.1"
    port: int = 0
    service_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    secret: str = field(default_factory=lambda: str(uuid.uuid4()))
    sent: list[Notification] = field(default_factory=list)
    email_template: str = field(default_factory=lambda: str(uuid.uuid4()))
    sms_template: str = field(default_factory=lambda: str(uuid.uuid4()))

    def __post_init__(self) -> None:
        self._lock = threading.Lock()
        # Tests: a send waits here while the gate is shut (``held`` counts the waiting), and
        # is forgotten unrecorded once let through if ``drop_held``.
        self.gate = threading.Event()
        self.gate.set()
        self.held = 0
        self.drop_held = False
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.templates = {
            self.email_template: Template(self.email_template, "email", "((subject))", "((body))"),
            self.sms_template: Template(self.sms_template, "sms", "", "((body))"),
        }

    @property
    def api_key(self) -> str:
        """The key as Notify hands it out: ``<name>-<service id>-<secret>``."""
        return f"caseworker_test-{self.service_id}-{self.secret}"

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    def start(self) -> Self:
        handler = type("Handler", (_Handler,), {"notify": self})
        self._server = ThreadingHTTPServer((self.host, self.port), handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self, kind: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.stop()

    def set_status(self, notification_id: str, status: str) -> None:
        assert status in STATUSES
        with self._lock:
            next(n for n in self.sent if n.id == notification_id).status = status

    def forget(self, notification_id: str) -> None:
        """As Notify does once a notification is past its retention (7 days by default)."""
        with self._lock:
            self.sent = [n for n in self.sent if n.id != notification_id]

    def to(self, recipient: str) -> list[Notification]:
        with self._lock:
            return [n for n in self.sent if n.recipient == recipient]

    # -- what the handler asks -------------------------------------------------------------

    def authorise(self, header: str | None) -> None:
        if not header or not header.startswith("Bearer "):
            raise _Refused(401, "AuthError", "Unauthorized: authentication token must be provided")
        token = header[len("Bearer ") :]
        try:
            claims = jwt.decode(
                token,
                self.secret,
                algorithms=["HS256"],
                options={"require": ["iss", "iat"], "verify_iat": False},
            )
        except jwt.InvalidTokenError:
            raise _Refused(
                403, "AuthError", "Invalid token: signature, api token not found"
            ) from None
        if claims.get("iss") != self.service_id:
            raise _Refused(403, "AuthError", "Invalid token: service not found")
        iat = claims.get("iat")
        if not isinstance(iat, int | float) or abs(time.time() - iat) > BOUND:
            raise _Refused(
                403, "AuthError", "Error: Your system clock must be accurate to within 30 seconds"
            )

    def create(self, kind: str, body: Any) -> dict[str, Any]:
        if not isinstance(body, dict):
            raise _Refused(400, "BadRequestError", "Invalid JSON supplied in POST data")
        address_field = "email_address" if kind == "email" else "phone_number"
        recipient = body.get(address_field)
        if not isinstance(recipient, str) or not recipient.strip():
            raise _Refused(400, "ValidationError", f"{address_field} is a required property")
        if kind == "email" and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", recipient):
            raise _Refused(400, "ValidationError", "email_address Not a valid email address")
        if kind == "sms" and not re.fullmatch(
            r"(\+44|0044|0)7\d{9}", re.sub(r"[\s()-]", "", recipient)
        ):
            raise _Refused(400, "ValidationError", "phone_number Not a UK mobile number")
        template = self.templates.get(str(body.get("template_id")))
        if template is None or template.type != kind:
            raise _Refused(400, "BadRequestError", "Template not found")
        personalisation = body.get("personalisation") or {}
        if not isinstance(personalisation, dict):
            raise _Refused(400, "ValidationError", "personalisation is not of type object")
        needed = _PLACEHOLDER.findall(template.subject + template.body)
        absent = [p for p in needed if p not in personalisation]
        if absent:
            raise _Refused(400, "BadRequestError", f"Missing personalisation: {', '.join(absent)}")
        reference = body.get("reference")
        if reference is not None and not isinstance(reference, str):
            raise _Refused(400, "ValidationError", "reference is not of type string")
        values = {str(k): str(v) for k, v in personalisation.items()}
        made = Notification(str(uuid.uuid4()), kind, recipient, template, values, reference, _now())
        made.fill()
        if kind == "sms" and len(made.body) > SMS_MAX:
            raise _Refused(
                400,
                "BadRequestError",
                f"Text messages cannot be longer than {SMS_MAX} characters. "
                f"Your message is {len(made.body)} characters long.",
            )
        with self._lock:
            self.sent.append(made)
        content = {"body": made.body}
        content.update(
            {"subject": made.subject, "from_email": "council@notifications.service.gov.uk"}
            if kind == "email"
            else {"from_number": "CWMGLAS"}
        )
        return {
            "id": made.id,
            "reference": reference,
            "content": content,
            "uri": f"{self.url}/v2/notifications/{made.id}",
            "template": self._template_ref(template),
        }

    def one(self, notification_id: str) -> dict[str, Any]:
        if not _UUID.match(notification_id):
            raise _Refused(400, "ValidationError", "notification_id is not a valid UUID")
        with self._lock:
            found = next((n for n in self.sent if n.id == notification_id), None)
            if found is None:
                raise _Refused(404, "NoResultFound", "No result found")
            return self._shape(found)

    def listed(self, query: dict[str, list[str]]) -> dict[str, Any]:
        reference = query["reference"][0] if query.get("reference") else None
        status = set(query.get("status") or ())
        kind = query["template_type"][0] if query.get("template_type") else None
        with self._lock:
            found = [
                self._shape(n)
                for n in reversed(self.sent)  # newest first, as Notify lists them
                if (reference is None or n.reference == reference)
                and (not status or n.status in status)
                and (kind is None or n.type == kind)
            ]
        return {"notifications": found, "links": {"current": f"{self.url}/v2/notifications"}}

    def _template_ref(self, template: Template) -> dict[str, Any]:
        return {"id": template.id, "version": 1, "uri": f"{self.url}/v2/template/{template.id}"}

    def _shape(self, n: Notification) -> dict[str, Any]:
        return {
            "id": n.id,
            "reference": n.reference,
            "email_address": n.recipient if n.type == "email" else None,
            "phone_number": n.recipient if n.type == "sms" else None,
            "line_1": None,
            "postcode": None,
            "type": n.type,
            "status": n.status,
            "template": self._template_ref(n.template),
            "body": n.body,
            "subject": n.subject if n.type == "email" else None,
            "created_at": n.created_at,
            "created_by_name": None,
            "sent_at": n.created_at,
            "completed_at": n.created_at if n.status == "delivered" else None,
        }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


class _Handler(BaseHTTPRequestHandler):
    notify: NotifyStandIn
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        self._answer(lambda: self._post())

    def do_GET(self) -> None:
        self._answer(lambda: self._get())

    def _post(self) -> tuple[int, Any]:
        self.notify.authorise(self.headers.get("Authorization"))
        path = urlsplit(self.path).path
        kind = {"/v2/notifications/email": "email", "/v2/notifications/sms": "sms"}.get(path)
        if kind is None:
            raise _Refused(404, "NotFound", "Not found")
        length = int(self.headers.get("Content-Length") or 0)
        if length > MAX_REQUEST:
            raise _Refused(413, "BadRequestError", "Request too large")
        try:
            body = json.loads(self.rfile.read(length) or b"null")
        except ValueError:
            raise _Refused(400, "BadRequestError", "Invalid JSON supplied in POST data") from None
        if not self.notify.gate.is_set():
            with self.notify._lock:
                self.notify.held += 1
            self.notify.gate.wait()
            if self.notify.drop_held:
                raise _Refused(503, "ServiceUnavailable", "Dropped by the test")
        return 201, self.notify.create(kind, body)

    def _get(self) -> tuple[int, Any]:
        self.notify.authorise(self.headers.get("Authorization"))
        parts = urlsplit(self.path)
        if parts.path == "/v2/notifications":
            return 200, self.notify.listed(parse_qs(parts.query))
        if parts.path.startswith("/v2/notifications/"):
            return 200, self.notify.one(parts.path.rsplit("/", 1)[1])
        raise _Refused(404, "NotFound", "Not found")

    def _answer(self, work: Any) -> None:
        try:
            status, body = work()
        except _Refused as refused:
            status = refused.status
            body = {
                "status_code": refused.status,
                "errors": [{"error": refused.error, "message": refused.message}],
            }
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main() -> None:
    parser = argparse.ArgumentParser(description="a local stand-in for GOV.UK Notify's API")
    parser.add_argument("--port", type=int, default=0)
    args = parser.parse_args()
    with NotifyStandIn(port=args.port) as notify:
        print(f"listening on {notify.url}", flush=True)
        print(f"api key: {notify.api_key}")
        print(f"email template: {notify.email_template}")
        print(f"sms template: {notify.sms_template}", flush=True)
        with contextlib.suppress(KeyboardInterrupt):
            threading.Event().wait()


if __name__ == "__main__":
    main()

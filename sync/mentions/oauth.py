"""Connecting the council's Mastodon account: OAuth app registration and the out-of-band code.

    app = register(api)                      # POST /api/v1/apps
    print(authorise_url(api, app))           # a person signs in there and copies the code
    token = exchange(api, app, code)         # POST /oauth/token

The code is shown by the instance (``urn:ietf:wg:oauth:2.0:oob``), so no web server listens
for a redirect. The scopes are what the collector reads and what the outbox posts with.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from sync.mentions.adapter import NetworkError
from sync.mentions.api import Api

OOB = "urn:ietf:wg:oauth:2.0:oob"
SCOPES = "read:notifications write:statuses"
CLIENT_NAME = "Caseworker"


@dataclass(frozen=True)
class App:
    client_id: str
    client_secret: str


def register(api: Api, website: str | None = None) -> App:
    form = {"client_name": CLIENT_NAME, "redirect_uris": OOB, "scopes": SCOPES}
    if website:
        form["website"] = website
    reply = api.post("/api/v1/apps", form)
    body = reply.body if reply.status == 200 and isinstance(reply.body, dict) else {}
    client_id, secret = body.get("client_id"), body.get("client_secret")
    if not isinstance(client_id, str) or not isinstance(secret, str) or not client_id:
        raise NetworkError(f"{api.host} did not register the app (answered {reply.status})")
    return App(client_id, secret)


def authorise_url(api: Api, app: App) -> str:
    query = urlencode(
        {"client_id": app.client_id, "scope": SCOPES, "redirect_uri": OOB, "response_type": "code"}
    )
    return f"{api.base}/oauth/authorize?{query}"


def exchange(api: Api, app: App, code: str) -> str:
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "client_id": app.client_id,
        "client_secret": app.client_secret,
        "redirect_uri": OOB,
        "scope": SCOPES,
    }
    reply = api.post("/oauth/token", form)
    body = reply.body if reply.status == 200 and isinstance(reply.body, dict) else {}
    token = body.get("access_token")
    if not isinstance(token, str) or not token:
        raise NetworkError(f"{api.host} did not accept the code (answered {reply.status})")
    return token

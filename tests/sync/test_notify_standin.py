"""The Notify stand-in answers GOV.UK Notify's documented shapes to Notify's own Python client,
and refuses what Notify refuses: a token not signed with the key, from another service, or
from a clock more than 30 seconds out."""

import time
from collections.abc import Iterator

import jwt
import pytest
import requests
from notifications_python_client.errors import HTTPError
from notifications_python_client.notifications import NotificationsAPIClient

from sync.notify.standin import NotifyStandIn


@pytest.fixture
def notify() -> Iterator[NotifyStandIn]:
    with NotifyStandIn() as stand_in:
        yield stand_in


def test_an_email_is_accepted_found_by_id_and_by_reference(notify: NotifyStandIn) -> None:
    client = NotificationsAPIClient(notify.api_key, base_url=notify.url)
    answer = client.send_email_notification(
        "carys@example.org",
        notify.email_template,
        personalisation={"subject": "Eich achos", "body": "Annwyl Carys"},
        reference="message:1",
    )
    assert set(answer) == {"id", "reference", "content", "uri", "template"}
    assert answer["content"]["subject"] == "Eich achos"
    assert answer["content"]["body"] == "Annwyl Carys"
    assert answer["reference"] == "message:1"
    one = client.get_notification_by_id(answer["id"])
    assert (one["type"], one["status"], one["email_address"]) == (
        "email",
        "sending",
        "carys@example.org",
    )
    notify.set_status(answer["id"], "delivered")
    listed = client.get_all_notifications(reference="message:1")["notifications"]
    assert [(n["id"], n["status"]) for n in listed] == [(answer["id"], "delivered")]
    assert client.get_all_notifications(reference="message:2")["notifications"] == []


def test_a_text_message_needs_a_uk_mobile_and_its_template_filled(notify: NotifyStandIn) -> None:
    client = NotificationsAPIClient(notify.api_key, base_url=notify.url)
    answer = client.send_sms_notification(
        "07700 900123", notify.sms_template, personalisation={"body": "Hi"}
    )
    assert answer["content"]["body"] == "Hi"
    with pytest.raises(HTTPError) as landline:
        client.send_sms_notification("01248 123456", notify.sms_template, {"body": "Hi"})
    with pytest.raises(HTTPError) as unfilled:
        client.send_email_notification("a@example.org", notify.email_template, {"body": "x"})
    assert landline.value.status_code == 400 and unfilled.value.status_code == 400
    assert "subject" in str(unfilled.value.message)


@pytest.mark.parametrize(
    "claims_and_key",
    [
        ("other-service", 0, None),  # iss: another service
        (None, -60, None),  # iat: a minute ago
        (None, 60, None),  # iat: a minute ahead
        (None, 0, "not-the-secret-of-this-service-at-all"),  # signed with another key
    ],
)
def test_a_token_notify_would_refuse_is_refused(
    notify: NotifyStandIn, claims_and_key: tuple[str | None, int, str | None]
) -> None:
    iss, skew, key = claims_and_key
    claims = {"iss": iss or notify.service_id, "iat": int(time.time()) + skew}
    token = jwt.encode(claims, key or notify.secret, algorithm="HS256")
    answer = requests.get(
        f"{notify.url}/v2/notifications", headers={"Authorization": f"Bearer {token}"}, timeout=5
    )
    assert answer.status_code == 403
    assert answer.json()["errors"][0]["error"] == "AuthError"
    assert requests.get(f"{notify.url}/v2/notifications", timeout=5).status_code == 401
    assert notify.sent == []

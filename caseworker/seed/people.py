"""Citizens of the demo council: names, addresses, phones, emails, handles and consents."""

import random
from collections.abc import Callable
from typing import Any

from caseworker.documents.types import CITIZEN
from caseworker.seed.reference import EMAIL_DOMAINS, MASTODON_HOST, People, iso, landline, mobile

_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"  # the letters UK postcodes use in the inward code
_VERIFY = ("unverified", "sms_code", "email_link", "call_back", "council_record", "app_login")
# (purpose, lawful basis, source, the channel it lets the council contact them on)
_CONSENTS = (
    ("Council tax and benefits administration", "public_task", "council record", None),
    ("Service updates by text message", "consent", "phone call", "sms"),
    ("Case updates by email", "consent", "web form", "email"),
    ("Housing tenancy management", "contract", "tenancy agreement", None),
)


def make_citizen(
    rng: random.Random, ids: Callable[[str], str], ppl: People, n: int, created_ms: int
) -> dict[str, Any]:
    welsh = rng.random() < 0.15
    given = rng.choice(ppl.given_cy if welsh or rng.random() < 0.2 else ppl.given_en)
    family = rng.choice(ppl.family)
    created = iso(created_ms)
    idents: list[dict[str, Any]] = []

    def ident(kind: str, value: str, **extra: Any) -> None:
        method = rng.choice(_VERIFY)
        entry = {
            "id": f"i{len(idents) + 1}",
            "kind": kind,
            "value": value,
            "verified_by": method,
            "added_at": created,
        }
        if method != "unverified":
            entry["verified_at"] = created
        entry.update(extra)
        idents.append(entry)

    town, outward = rng.choice(ppl.towns)
    postcode = f"{outward} {rng.randint(1, 9)}{rng.choice(_LETTERS)}{rng.choice(_LETTERS)}"
    if rng.random() < 0.95:
        address = f"{rng.randint(1, 180)} {rng.choice(ppl.streets)}, {town}"
        ident("address", address, postcode=postcode, uprn=f"{100100000000 + n:012d}", label="home")
    if rng.random() < 0.85:
        ident("phone", mobile(rng.randrange(1000)), label="mobile")
    if rng.random() < 0.25:
        ident("phone", landline(rng.randrange(1000)), label="home")
    handle = f"{given}.{family}".lower().replace("'", "").replace(" ", "")
    if rng.random() < 0.7:
        ident("email", f"{handle}{n}@{rng.choice(EMAIL_DOMAINS)}")
    if rng.random() < 0.08:
        ident("social", f"@{handle.replace('.', '_')}{n % 997}@{MASTODON_HOST}")
    if rng.random() < 0.2:
        ident("app_account", f"app-{n:08d}")
    consents = []
    for i, (purpose, basis, source, channel) in enumerate(_CONSENTS):
        if i == 0 or rng.random() < 0.25:
            entry = {
                "id": f"c{i + 1}",
                "purpose": purpose,
                "lawful_basis": basis,
                "source": source,
                "valid_from": created,
            }
            if channel is not None:  # replies on it need it (caseworker.access.consent)
                entry["channel"] = channel
            consents.append(entry)
    doc: dict[str, Any] = {
        "_id": ids(CITIZEN.id_prefix),
        "type": "citizen",
        "schema": CITIZEN.schema_version,
        "given_name": given,
        "family_name": family,
        "language": "cy" if welsh else "en",
        "identifiers": idents,
        "consents": consents,
        "created_at": created,
        "updated_at": created,
    }
    if rng.random() < 0.6:
        year = rng.randint(1935, 2006)
        doc["date_of_birth"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    return doc


def postcode_of(citizen: dict[str, Any]) -> tuple[str | None, str | None]:
    for ident in citizen["identifiers"]:
        if ident["kind"] == "address":
            return ident["value"], ident["postcode"]
    return None, None

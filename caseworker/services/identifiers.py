"""Checking what a person typed as a phone, email, address, social handle or app account."""

import re

from caseworker.errors import ValidationError
from caseworker.store import normalise

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE = re.compile(r"^@?[A-Za-z0-9_.]{1,30}(@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?$")


def clean(kind: str, value: str, postcode: str | None = None) -> tuple[str, str | None]:
    """The value as it should be stored, and the canonical postcode for addresses.

    Raises ValidationError with a message fit to show beside the field.
    """
    value = " ".join(value.split())
    if not value:
        raise ValidationError(f"the {kind.replace('_', ' ')} is empty")
    if kind == "phone":
        digits = normalise.phone_digits(value)
        if not (digits.startswith("0") and len(digits) in (10, 11)):
            raise ValidationError(f"{value!r} is not a UK phone number (10 or 11 digits from 0)")
        return value, None
    if kind == "email":
        if not _EMAIL.match(value):
            raise ValidationError(f"{value!r} is not an email address")
        return value.lower(), None
    if kind == "address":
        code = normalise.postcode(postcode or "")
        if code is None:
            raise ValidationError(f"{postcode or ''!r} is not a UK postcode (e.g. CF10 1AB)")
        return value, code
    if kind == "social":
        if not _HANDLE.match(value):
            raise ValidationError(f"{value!r} is not a social handle (e.g. @name@instance.social)")
        return value if value.startswith("@") else f"@{value}", None
    if kind == "app_account":
        if len(value) > 100:
            raise ValidationError("an app account id is at most 100 characters")
        return value, None
    raise ValidationError(f"unknown kind of identifier {kind!r}")

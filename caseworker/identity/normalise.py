"""Canonical forms of what identifies a person, for comparing two records.

Every function takes whatever a colleague, a web form or another network typed (empty text,
garbage, 10,000 characters, emoji, right-to-left marks) and returns a canonical form or None:
none of them raises on bad input. Postcodes reuse the store's own normaliser.
"""

import re
import unicodedata

import phonenumbers

from caseworker.store import normalise as store_normalise

# Longer than any real value of its kind: what is past this is noise, not identity.
MAX_NAME = 100
_MAX_PHONE = 40
_MAX_EMAIL = 254
_MAX_HANDLE = 300

_SPACES = re.compile(r"\s+")
_NOT_NAME = re.compile(r"[^a-z\u00c0-\u024f\u0100-\u017f ]")  # folded letters and spaces only
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_HANDLE_URL = re.compile(r"^(?:https?://)?([^/@\s]+)/@([^/@\s]+)/?$")
_HANDLE = re.compile(r"^@?([^@\s/]+)@([^@\s/]+)$")
_UPRN = re.compile(r"^\d{1,12}$")
_GMAIL = frozenset({"gmail.com", "googlemail.com"})


def _visible(text: str) -> str:
    """Without format characters (right-to-left and zero-width marks, BOMs): they change
    nothing a person reads, so they must change nothing that is compared."""
    return "".join(c for c in text if unicodedata.category(c) not in ("Cf", "Cc"))


def fold_name(text: str | None) -> str:
    """A name in lower case, accents dropped (Siân and Sian agree: the circumflex is often
    left out when typed), hyphens as spaces, apostrophes and other marks gone, spaces single.
    Welsh digraphs (ll, dd, ff, rh, ch) stay as written. Empty when nothing name-like is left."""
    if not text:
        return ""
    plain = unicodedata.normalize("NFKD", _visible(text[: MAX_NAME * 4]).casefold())
    plain = "".join(c for c in plain if not unicodedata.combining(c))
    plain = plain.replace("-", " ").replace("'", "").replace("\u2019", "")
    plain = _NOT_NAME.sub("", plain)
    return _SPACES.sub(" ", plain).strip()[:MAX_NAME]


# Welsh digraphs sound as one consonant: spelled out first so the key does not split them.
_WELSH = (("ll", "l"), ("dd", "th"), ("ff", "f"), ("ph", "f"), ("rh", "r"))
_CODES = {
    **dict.fromkeys("bfpv", "1"),
    **dict.fromkeys("cgjkqsxz", "2"),
    **dict.fromkeys("dt", "3"),
    "l": "4",
    **dict.fromkeys("mn", "5"),
    "r": "6",
}


def sound_key(folded: str) -> str:
    """A Soundex-style key of a folded name (first letter and three consonant classes), so
    spellings that sound alike (Llewelyn, Llywelyn; Davies, Davis) block together."""
    word = folded.replace(" ", "")
    if not word:
        return ""
    for digraph, sound in _WELSH:
        word = word.replace(digraph, sound)
    first, codes, last = word[0], [], _CODES.get(word[0], "")
    for c in word[1:]:
        code = _CODES.get(c, "")
        if code and code != last:
            codes.append(code)
        if c not in "hw":  # as in Soundex: h and w do not separate equal codes
            last = code
    return (first + "".join(codes) + "000")[:4]


def phone(text: str | None) -> str | None:
    """E.164 ("+447700900123") read with the UK as the default region, or None when it
    cannot be a phone number."""
    if not text:
        return None
    raw = _visible(text)[:_MAX_PHONE]
    try:
        number = phonenumbers.parse(raw, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def email(text: str | None) -> str | None:
    """Lower case and trimmed; for Gmail only (gmail.com, googlemail.com), dots and a +tag in
    the local part are dropped, because Gmail delivers them all to one mailbox. Other
    providers may treat them as different mailboxes, so they are kept."""
    if not text:
        return None
    value = _visible(text).strip().lower()[:_MAX_EMAIL]
    if not _EMAIL.match(value):
        return None
    local, domain = value.rsplit("@", 1)
    if domain in _GMAIL:
        local = local.split("+", 1)[0].replace(".", "")
        domain = "gmail.com"
        if not local:
            return None
    return f"{local}@{domain}"


def handle(text: str | None) -> str | None:
    """A fediverse handle as ``@user@host`` in lower case, from ``@user@host``, ``user@host``
    or a profile address ``https://host/@user``. A bare ``@user`` names no server, so it is
    None: the same user name on two servers is two people."""
    if not text:
        return None
    value = _visible(text).strip().lower()[:_MAX_HANDLE]
    match = _HANDLE_URL.match(value) or None
    if match:
        host, user = match.group(1), match.group(2)
    else:
        match = _HANDLE.match(value)
        if not match:
            return None
        user, host = match.group(1), match.group(2)
    return f"@{user}@{host}"


def postcode(text: str | None) -> str | None:
    """The store's canonical postcode ("CF10 1AB"), or None."""
    if not text:
        return None
    return store_normalise.postcode(_visible(text)[:20])


def district(code: str) -> str:
    """The outward code of a canonical postcode ("CF10")."""
    return code.split(" ", 1)[0]


def sector(code: str) -> str:
    """Outward code and the inward digit ("CF10 1"): a few streets."""
    return code[:-2]


def uprn(text: str | None) -> str | None:
    """A Unique Property Reference Number without leading zeros, or None."""
    if not text:
        return None
    value = _visible(text).strip()
    if not _UPRN.match(value):
        return None
    return value.lstrip("0") or None


_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def date_of_birth(text: str | None) -> str | None:
    """An ISO date (YYYY-MM-DD) with a month 1-12 and a day 1-31, or None."""
    if not text:
        return None
    match = _DATE.match(text.strip())
    if not match or not (1 <= int(match.group(2)) <= 12 and 1 <= int(match.group(3)) <= 31):
        return None
    return match.group(0)


def address_line(text: str | None) -> str:
    """The first line of an address, folded as the store folds it."""
    if not text:
        return ""
    return store_normalise.first_line(_visible(text)[:500])

"""How identifiers are normalised for exact matching and for the search index."""

import re
import unicodedata

_NON_DIGITS = re.compile(r"\D")
_POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$")


def phone_digits(text: str) -> str:
    """UK national digits: "+44 (0)7700 900123" and "07700 900123" both give "07700900123"."""
    digits = _NON_DIGITS.sub("", text)
    if digits.startswith("440"):
        digits = digits[2:]
    elif digits.startswith("44") and len(digits) >= 12:
        digits = "0" + digits[2:]
    return digits


def postcode(text: str) -> str | None:
    """Canonical UK postcode ("CF10 1AB") or None when it is not shaped like one."""
    match = _POSTCODE.match(text.strip().upper())
    if not match:
        return None
    return f"{match.group(1)} {match.group(2)}"


_NOT_WORD = re.compile(r"[^0-9a-z]+")
_HOUSE_NUMBER = re.compile(r"\d+ ?[a-z]?")


def first_line(address: str) -> str:
    """An address's first line (up to the first comma or line break; a house number alone
    there takes the street after it), in lower case with punctuation and repeated spaces gone:
    "12, Heol-y-Bont" and "12 heol y bont" agree."""
    # Accents go (NFKD, marks dropped): "Tŷ Gwyn" and "Ty Gwyn" are one street. Plain ASCII
    # has none (the duplicate scan reads hundreds of thousands of addresses).
    plain = address
    if not address.isascii():
        plain = "".join(
            c for c in unicodedata.normalize("NFKD", address) if not unicodedata.combining(c)
        )
    parts = [" ".join(_NOT_WORD.sub(" ", p.lower()).split()) for p in re.split(r"[,\n]", plain)]
    parts = [p for p in parts if p]
    if len(parts) > 1 and _HOUSE_NUMBER.fullmatch(parts[0]):
        return f"{parts[0]} {parts[1]}"
    return parts[0] if parts else ""


def identifier(kind: str, value: str) -> str:
    if kind == "phone":
        return phone_digits(value)
    if kind == "address":
        return " ".join(value.lower().split())
    return value.strip().lower()


def search_terms(kind: str, value: str, code: str | None = None) -> list[str]:
    """What the trigram index should hold for one identifier, so fragments typed either way hit."""
    if kind == "phone":
        return [phone_digits(value)]
    if kind == "address":
        terms = []
        if code:
            terms += [code.lower(), code.replace(" ", "").lower()]
        return terms
    return [value.strip().lower()]

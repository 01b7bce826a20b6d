"""Postcode areas, districts and sectors, as routing rules name them.

A rule's area is a prefix at one of three levels: an area ("CF"), a district ("CF10") or a
sector ("SA1 4"). It matches a postcode at that level exactly, never as text: "CF1" is a
district of its own and does not match "CF10 1AA", and "B" (Birmingham) does not match "BA1".
ASCII only, as postcodes are.
"""

import re
from functools import lru_cache

_AREA = re.compile(r"[A-Z]{1,2}")
_DISTRICT = re.compile(r"[A-Z]{1,2}\d[A-Z\d]?")
_SECTOR = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?) (\d)")
_FULL = re.compile(r"([A-Z]{1,2}\d[A-Z\d]?) ?(\d)[A-Z]{2}")
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
_LETTERS = re.compile(r"[A-Z]+")


def _plain(text: str) -> str:
    return _SPACES.sub(" ", text).strip().upper()


@lru_cache(maxsize=4096)  # rules repeat their areas; 10,000 rules are checked in one go
def prefix_key(text: str) -> str | None:
    """The canonical form of a rule's area ("cf10" -> "CF10", " sa1   4 " -> "SA1 4"), or None
    when it is not an area, district or sector (an empty one would match everything)."""
    plain = _plain(text)
    if _AREA.fullmatch(plain) or _DISTRICT.fullmatch(plain):
        return plain
    sector = _SECTOR.fullmatch(plain)
    if sector:
        return f"{sector.group(1)} {sector.group(2)}"
    return None


def postcode_keys(postcode: str | None) -> frozenset[str]:
    """The area, district and (for a full postcode) sector a postcode lies in: what a rule's
    area is compared with. Empty for anything not shaped like a postcode or an outward code."""
    if not postcode:
        return frozenset()
    plain = _plain(postcode)
    full = _FULL.fullmatch(plain)
    if full:
        district, sector = full.group(1), f"{full.group(1)} {full.group(2)}"
    elif _DISTRICT.fullmatch(plain):
        district, sector = plain, None
    else:
        return frozenset()
    letters = _LETTERS.match(district)
    assert letters is not None  # a district starts with its area's letters
    keys = {letters.group(0), district}
    if sector:
        keys.add(sector)
    return frozenset(keys)

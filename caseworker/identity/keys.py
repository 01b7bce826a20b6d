"""Blocking keys: the few exact keys under which two records of one person are likely to meet.

Each key is a short string with a one-letter prefix for its rule. A citizen is stored under
``record_keys``; a contact is looked up under ``query_keys``, which add the keys of the names
read the other way round. A pair that shares no key is never compared: that is the recall
blocking costs, and the benchmark measures it.
"""

from caseworker.identity import normalise
from caseworker.identity.names import name_root
from caseworker.identity.records import PersonRecord

MAX_KEY = 300  # the column's length; a key past it is cut, which only widens its block


def _name_keys(r: PersonRecord, given: str, family: str) -> set[str]:
    keys: set[str] = set()
    roots = {name_root(n) for n in (given, r.preferred_name) if n}
    sound = normalise.sound_key(family)
    for code in r.postcodes:
        if sound:
            keys.add(f"n:{sound}:{code}")  # family name (as it sounds) at one postcode
            keys |= {f"s:{sound}:{root}:{normalise.district(code)}" for root in roots}
        keys |= {f"g:{root}:{code}" for root in roots}  # same given name, same postcode
    if r.date_of_birth:
        keys |= {f"d:{r.date_of_birth}:{root}" for root in roots}  # moved, or new surname
        if sound:
            keys.add(f"f:{r.date_of_birth}:{sound}")  # another form of the given name
            given_sound = normalise.sound_key(given)
            if given_sound:
                # Both names as they sound, in either order: the names typed the wrong way
                # round (a stored record is never looked up swapped, only a contact is).
                low, high = sorted((given_sound, sound))
                keys.add(f"w:{r.date_of_birth}:{low}:{high}")
    return keys


def _phone_keys(r: PersonRecord, given: str, family: str) -> set[str]:
    """A phone with a name: a number a whole family, a block of flats or a made-up range
    shares is too common to block on alone, but not with the given-name form or the family
    name's sound beside it."""
    keys: set[str] = set()
    sound = normalise.sound_key(family)
    roots = {name_root(n) for n in (given, r.preferred_name) if n}
    for phone in r.phones:
        keys |= {f"q:{phone}:{root}" for root in roots}
        if sound:
            keys.add(f"r:{phone}:{sound}")
        if r.date_of_birth:
            keys.add(f"t:{phone}:{r.date_of_birth}")  # moved and a new name, same phone
    return keys


def record_keys(r: PersonRecord) -> set[str]:
    """The keys a citizen is stored under."""
    keys = _name_keys(r, r.given_name, r.family_name)
    keys |= _phone_keys(r, r.given_name, r.family_name)
    keys |= {f"p:{v}" for v in r.phones}
    keys |= {f"e:{v}" for v in r.emails}
    keys |= {f"h:{v}" for v in r.handles}
    keys |= {f"u:{v}" for v in r.uprns}
    return {k[:MAX_KEY] for k in keys}


def query_keys(r: PersonRecord) -> set[str]:
    """The keys to look a contact up under: its own, and with given and family swapped."""
    swapped = _name_keys(r, r.family_name, r.given_name)
    swapped |= _phone_keys(r, r.family_name, r.given_name)
    return record_keys(r) | {k[:MAX_KEY] for k in swapped}


def identifier_keys(r: PersonRecord) -> dict[str, str]:
    """The keys of a record's phones, emails and handles, by value (to count who holds them)."""
    keys = {v: f"p:{v}" for v in r.phones}
    keys.update({v: f"e:{v}" for v in r.emails})
    keys.update({v: f"h:{v}" for v in r.handles})
    return keys

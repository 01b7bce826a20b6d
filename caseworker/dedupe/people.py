"""Citizens read for the scan: the records ``load_people`` gives, read faster.

The scan reads hundreds of thousands of citizens a chunk at a time, and ``load_people`` (the
ORM, and every value normalised afresh) cost it more than the scoring: about 110 µs a citizen
on the million-citizen demo council, most of a full scan's time. This reader takes the rows
through the driver's cursor and remembers the normal forms of values that repeat across
citizens (names, phones, postcodes, birth dates), so a common name is folded once. What it
builds is the same ``PersonRecord`` (a test holds the two readers to that).
"""

from collections.abc import Callable, Iterable

from sqlalchemy.engine.interfaces import DBAPIConnection

from caseworker.identity import normalise
from caseworker.identity.records import PersonRecord, present

_IN = 500  # ids per query
_REMEMBERED = 50_000  # normal forms kept per kind of value, then forgotten (bounded memory)


class _Remembered(dict[str | None, str | None]):
    """One normaliser with a bounded memory of what it gave (a hit is a dict lookup in C)."""

    def __init__(self, fn: Callable[[str | None], str | None]) -> None:
        super().__init__()
        self.fn = fn

    def __missing__(self, value: str | None) -> str | None:
        if len(self) >= _REMEMBERED:
            self.clear()
        found = self[value] = self.fn(value)
        return found


class PeopleReader:
    """Reads citizens not merged into another, by id, from the store's connection."""

    def __init__(self, con: DBAPIConnection) -> None:
        self.con = con
        self.name = _Remembered(normalise.fold_name)
        self.dob = _Remembered(normalise.date_of_birth)
        self.phone = _Remembered(normalise.phone)
        self.postcode = _Remembered(normalise.postcode)

    def read(self, ids: Iterable[str]) -> dict[str, PersonRecord]:
        wanted = sorted(set(ids))
        out: dict[str, PersonRecord] = {}
        cursor = self.con.cursor()
        try:
            for start in range(0, len(wanted), _IN):
                chunk = wanted[start : start + _IN]
                marks = ",".join("?" * len(chunk))
                cursor.execute(
                    "SELECT id, given_name, family_name, preferred_name, date_of_birth "
                    f"FROM citizens WHERE id IN ({marks}) AND merged_into IS NULL",
                    chunk,
                )
                citizens = cursor.fetchall()
                if not citizens:
                    continue
                held: dict[str, list[tuple[str, str, str | None, str | None]]] = {
                    row[0]: [] for row in citizens
                }
                cursor.execute(
                    "SELECT citizen_id, kind, value, postcode, uprn FROM identifiers "
                    f"WHERE citizen_id IN ({marks})",
                    chunk,
                )
                for citizen_id, kind, value, postcode, uprn in cursor.fetchall():
                    if citizen_id in held:
                        held[citizen_id].append((kind, value, postcode, uprn))
                for row in citizens:
                    out[row[0]] = self._record(row, held[row[0]])
        finally:
            cursor.close()
        return out

    def _record(
        self,
        row: tuple[str, str | None, str | None, str | None, str | None],
        identifiers: list[tuple[str, str, str | None, str | None]],
    ) -> PersonRecord:
        citizen_id, given, family, preferred, born = row
        postcodes, uprns, lines = set(), set(), set()
        phones, emails, handles = set(), set(), set()
        for kind, value, postcode, uprn in identifiers:
            if kind == "address":
                postcodes.add(self.postcode[postcode])
                uprns.add(normalise.uprn(uprn))
                lines.add(normalise.address_line(value or ""))
            elif kind == "phone":
                phones.add(self.phone[value])
            elif kind == "email":
                emails.add(normalise.email(value or ""))
            elif kind == "social":
                handles.add(normalise.handle(value or ""))
        return PersonRecord(
            id=citizen_id,
            given_name=self.name[given] or "",
            family_name=self.name[family] or "",
            preferred_name=self.name[preferred] or "",
            date_of_birth=self.dob[born],
            postcodes=present(postcodes),
            uprns=present(uprns),
            addresses=present(lines),
            phones=present(phones),
            emails=present(emails),
            handles=present(handles),
        )

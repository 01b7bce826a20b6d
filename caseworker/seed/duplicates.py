"""Near-duplicate citizens and namesakes in the demo council, with the seed's answer key.

Real councils hold one person twice: a typo, a nickname or the Welsh form of a name, a new
surname after marriage, a move, given and family names the wrong way round, a missing or
mistyped birth date. And they hold different people with the same name at the same postcode
(a father and son, two neighbours), sometimes born in the same year. Some seeded citizens are
made into such copies of an earlier citizen of their chunk; what is true is written to the
seed's answer key (``seed-answer-key.json`` beside the store), which is the seed's, not data
about anyone: the matcher's benchmark measures itself against it.
"""

import json
import os
import random
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from caseworker.seed.reference import People, landline, mobile

ANSWER_KEY = "seed-answer-key.json"
DUPLICATE_SHARE = 0.04
NAMESAKE_SHARE = 0.02
ALTERED_SHARE = DUPLICATE_SHARE + NAMESAKE_SHARE
FIRST_ALTERED = 20  # the first citizens (the benchmarks' frequent contacts) stay as they are

# Welsh and English forms of one given name, both ways (the matcher's own list is in
# caseworker/data/given_names.json; this is only what the seed writes).
_WELSH = {
    "John": "Siôn",
    "David": "Dafydd",
    "William": "Gwilym",
    "Jane": "Siân",
    "Evan": "Ieuan",
    "Thomas": "Tomos",
    "Hugh": "Huw",
    "Catherine": "Catrin",
    "Henry": "Harri",
    "Mary": "Mair",
    "Margaret": "Marged",
    "Elizabeth": "Bethan",
    "Owen": "Owain",
    "Richard": "Rhisiart",
    "Edward": "Iorwerth",
    "George": "Siôr",
    "Charles": "Siarl",
    "Daniel": "Deiniol",
    "Stephen": "Steffan",
    "Laura": "Lowri",
    "Ellen": "Elin",
    "Ellis": "Elis",
    "Roderick": "Rhodri",
    "Tudor": "Tudur",
}
_WELSH.update({cy: en for en, cy in list(_WELSH.items())})
_NICKNAMES = {
    "William": ("Bill", "Will", "Liam"),
    "James": ("Jim", "Jamie"),
    "Thomas": ("Tom", "Tommy"),
    "Daniel": ("Dan", "Danny"),
    "Samuel": ("Sam",),
    "Joseph": ("Joe",),
    "Benjamin": ("Ben",),
    "Alexander": ("Alex",),
    "Edward": ("Ted", "Eddie"),
    "Henry": ("Harry",),
    "Charlie": ("Charles",),
    "Oliver": ("Ollie",),
    "Joshua": ("Josh",),
    "Jacob": ("Jake",),
    "Isabella": ("Bella", "Izzy"),
    "Sophia": ("Sophie",),
    "Sophie": ("Sophia",),
    "Elizabeth": ("Liz", "Beth"),
    "Margaret": ("Peggy", "Maggie"),
    "Jessica": ("Jess",),
    "Dafydd": ("Dai", "Dewi"),
    "Catrin": ("Cadi",),
    "Siân": ("Sioned",),
    "Megan": ("Meg",),
    "Archie": ("Archibald",),
    "Theo": ("Theodore",),
    "Muhammad": ("Mohammed",),
    "Mohammed": ("Muhammad",),
    "Ellie": ("Eleanor",),
    "Rosie": ("Rose",),
    "Evie": ("Eve",),
    "Millie": ("Amelia",),
    "Amelia": ("Millie",),
    "Alfie": ("Alfred",),
    "Matilda": ("Tilly",),
}
CHANGES = (
    "typo_given",
    "typo_family",
    "other_form",  # a nickname or the Welsh form
    "married",
    "moved",
    "swapped",
    "no_birth_date",
    "birth_date_typo",
    "new_contacts",
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_POSTCODE_LETTERS = "ABDEFGHJLNPQRSTUWXYZ"


@dataclass
class Answers:
    """What the seed made: (duplicate, original, changes) and (namesake, namesake) pairs."""

    duplicates: list[tuple[str, str, tuple[str, ...]]]
    namesakes: list[tuple[str, str]]

    def extend(self, other: "Answers") -> None:
        self.duplicates += other.duplicates
        self.namesakes += other.namesakes


def _typo(rng: random.Random, name: str) -> str:
    if len(name) < 4:
        return name + rng.choice("aeiy")
    i = rng.randrange(1, len(name) - 1)
    kind = rng.randrange(4)
    if kind == 0:  # a letter swapped for another
        return name[:i] + rng.choice(_LETTERS) + name[i + 1 :]
    if kind == 1:  # a letter left out
        return name[:i] + name[i + 1 :]
    if kind == 2:  # a letter doubled
        return name[:i] + name[i] + name[i:]
    return name[:i] + name[i + 1] + name[i] + name[i + 2 :]  # two letters the wrong way round


def _other_form(rng: random.Random, name: str) -> str | None:
    forms = [*_NICKNAMES.get(name, ()), *([_WELSH[name]] if name in _WELSH else [])]
    forms = [f for f in forms if f != name]
    return rng.choice(forms) if forms else None


def _renumber(identifiers: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**ident, "id": f"i{n}"} for n, ident in enumerate(identifiers, start=1)]


def _new_home(rng: random.Random, ppl: People, n: int, added_at: str) -> dict[str, Any]:
    town, outward = rng.choice(ppl.towns)
    code = f"{outward} {rng.randint(1, 9)}{rng.choice(_POSTCODE_LETTERS)}"
    return {
        "kind": "address",
        "value": f"{rng.randint(1, 180)} {rng.choice(ppl.streets)}, {town}",
        "postcode": code + rng.choice(_POSTCODE_LETTERS),
        "uprn": f"{200100000000 + n:012d}",
        "label": "home",
        "verified_by": "unverified",
        "added_at": added_at,
    }


def make_duplicate(
    rng: random.Random, ppl: People, doc: dict[str, Any], original: dict[str, Any], n: int
) -> tuple[str, ...]:
    """Make ``doc`` (a fresh citizen, id and dates kept) a copy of ``original`` typed again
    with one to three changes; the changes made."""
    count = 1 if rng.random() < 0.55 else 2 if rng.random() < 0.78 else 3
    changes = rng.sample(CHANGES, count)
    given, family = original["given_name"], original["family_name"]
    dob = original.get("date_of_birth")
    kept = {"address": 0.9, "phone": 0.7, "email": 0.6, "social": 0.8, "app_account": 0.0}
    identifiers = [
        {k: v for k, v in i.items() if k not in ("verified_at",)}
        | {"verified_by": "unverified", "added_at": doc["created_at"]}
        for i in original["identifiers"]
        if rng.random() < kept[i["kind"]]
    ]
    done: list[str] = []
    for change in changes:
        if change == "typo_given":
            given = _typo(rng, given)
        elif change == "typo_family":
            family = _typo(rng, family)
        elif change == "other_form":
            form = _other_form(rng, given)
            if form is None:
                given, change = _typo(rng, given), "typo_given"
            else:
                given = form
        elif change == "married":
            family = rng.choice([f for f in ppl.family if f != family])
        elif change == "moved":
            identifiers = [i for i in identifiers if i["kind"] != "address"]
            identifiers.append(_new_home(rng, ppl, n, doc["created_at"]))
        elif change == "swapped":
            given, family = family, given
        elif change == "no_birth_date":
            dob = None
        elif change == "birth_date_typo" and not dob:
            family, change = _typo(rng, family), "typo_family"
        elif change == "birth_date_typo" and dob:
            year, month, day = dob.split("-")
            if int(day) <= 12 and day != month:
                dob = f"{year}-{day}-{month}"
            else:
                dob = f"{year}-{month}-{(int(day) % 28) + 1:02d}"
        elif change == "new_contacts":
            identifiers = [i for i in identifiers if i["kind"] not in ("phone", "email")]
            identifiers.append(
                {
                    "kind": "phone",
                    "value": mobile(rng.randrange(1000)),
                    "label": "mobile",
                    "verified_by": "unverified",
                    "added_at": doc["created_at"],
                }
            )
        else:
            continue
        done.append(change)
    if not _recognisable(original, identifiers, dob):
        # A copy with nothing left to know it by (no birth date, no shared number, address
        # or email) is a stranger with the same name to anyone: keep one way to tell.
        keep = next((i for i in original["identifiers"] if i["kind"] in ("email", "phone")), None)
        if keep is not None:
            identifiers.append({**keep, "verified_by": "unverified", "added_at": doc["created_at"]})
        elif original.get("date_of_birth"):
            dob = original["date_of_birth"]
    doc.update(given_name=given, family_name=family, identifiers=_renumber(identifiers))
    doc.pop("preferred_name", None)
    if dob:
        doc["date_of_birth"] = dob
    else:
        doc.pop("date_of_birth", None)
    return tuple(done)


def _recognisable(
    original: dict[str, Any], identifiers: list[dict[str, Any]], dob: str | None
) -> bool:
    if dob and original.get("date_of_birth"):
        return True
    theirs = {(i["kind"], i["value"]) for i in original["identifiers"]}
    return any((i["kind"], i["value"]) in theirs for i in identifiers)


def make_namesake(rng: random.Random, doc: dict[str, Any], other: dict[str, Any]) -> bool:
    """Make ``doc`` a different person with ``other``'s name at ``other``'s postcode: a
    neighbour (another house number), or a parent or child in the same house, sharing the
    landline; a third of them born in the same year as ``other``. False (and ``doc`` left
    as it was) when ``other`` has no address."""
    home = next((i for i in other["identifiers"] if i["kind"] == "address"), None)
    if home is None:
        return False
    doc["given_name"], doc["family_name"] = other["given_name"], other["family_name"]
    born = other.get("date_of_birth")
    same_house = born is not None and rng.random() < 0.3
    if born:
        year = int(born[:4])
        if same_house:
            year += rng.choice((-1, 1)) * rng.randint(20, 35)
        elif rng.random() < 0.33:
            pass  # the same year, another day
        else:
            year += rng.choice((-1, 1)) * rng.randint(1, 30)
        doc["date_of_birth"] = f"{year}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
        if doc["date_of_birth"] == born:
            doc["date_of_birth"] = f"{year}-{born[5:7]}-{(int(born[8:]) % 28) + 1:02d}"
    mine = [i for i in doc["identifiers"] if i["kind"] not in ("address", "social")]
    place = dict(home, verified_by="unverified", added_at=doc["created_at"])
    place.pop("verified_at", None)
    if not same_house:
        street = home["value"].split(" ", 1)[1] if " " in home["value"] else home["value"]
        place["value"] = f"{rng.randint(181, 300)} {street}"
        place.pop("uprn", None)
    elif rng.random() < 0.5:
        shared = landline(rng.randrange(1000))
        mine.append(
            {
                "kind": "phone",
                "value": shared,
                "label": "home",
                "verified_by": "unverified",
                "added_at": doc["created_at"],
            }
        )
    doc["identifiers"] = _renumber([place, *mine])
    doc.pop("preferred_name", None)
    return True


def write_answer_key(folder: Path, answers: Answers, random_seed: int) -> Path:
    """The seed's answer key, private like the store beside it."""
    path = folder / ANSWER_KEY
    data = {
        "about": (
            "The demo seed's answer key: which seeded citizens are one person typed twice "
            "(duplicates) and which share a name and postcode but are different people "
            "(namesakes). Made up by the seed for measuring the matcher; not real data."
        ),
        "random_seed": random_seed,
        "duplicates": [
            {"duplicate": d, "original": o, "changes": list(c)} for d, o, c in answers.duplicates
        ],
        "namesakes": [list(pair) for pair in answers.namesakes],
    }
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        json.dump(data, out, ensure_ascii=False)
    return path


def read_answer_key(folder: Path) -> Answers | None:
    path = folder / ANSWER_KEY
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    return Answers(
        [(d["duplicate"], d["original"], tuple(d["changes"])) for d in data["duplicates"]],
        [(a, b) for a, b in data["namesakes"]],
    )

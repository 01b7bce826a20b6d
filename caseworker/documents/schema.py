"""A small declarative schema for JSON documents, with validation that explains itself.

Each document type lists its fields once; the codec validates what it reads against that list
and the projection copies the same fields into the typed tables.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

from caseworker.timeutil import from_iso

Kind = Literal[
    "str", "int", "float", "bool", "datetime", "date", "enum", "strings", "object", "objects"
]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class DocumentError(ValueError):
    """A document does not match its schema; the message names the document and the field."""


@dataclass(frozen=True)
class Field:
    name: str
    kind: Kind
    required: bool = False
    choices: tuple[str, ...] = ()
    max_length: int = 10_000
    item: "Schema | None" = None  # for kind "object" and "objects"


@dataclass(frozen=True)
class Schema:
    fields: tuple[Field, ...]
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})


def s(name: str, required: bool = False, max_length: int = 10_000) -> Field:
    return Field(name, "str", required, max_length=max_length)


def enum(name: str, choices: Sequence[str], required: bool = False) -> Field:
    return Field(name, "enum", required, tuple(choices))


def when(name: str, required: bool = False) -> Field:
    return Field(name, "datetime", required)


def validate(schema: Schema, data: Mapping[str, Any], where: str) -> None:
    """Raise DocumentError naming the first field that does not fit; unknown fields are kept."""
    for spec in schema.fields:
        value = data.get(spec.name)
        if value is None:
            if spec.required:
                raise DocumentError(f"{where}: required field '{spec.name}' is missing")
            continue
        _check(spec, value, f"{where}.{spec.name}")


def _check(spec: Field, value: object, where: str) -> None:
    kind = spec.kind
    if kind in ("str", "enum", "datetime", "date"):
        if not isinstance(value, str):
            raise DocumentError(f"{where}: expected text, got {type(value).__name__}")
        if len(value) > spec.max_length:
            raise DocumentError(f"{where}: longer than {spec.max_length} characters")
        if kind == "enum" and value not in spec.choices:
            raise DocumentError(f"{where}: {value!r} is not one of {', '.join(spec.choices)}")
        if kind == "datetime":
            try:
                from_iso(value)
            except ValueError as exc:
                raise DocumentError(f"{where}: not an ISO 8601 time with zone: {value!r}") from exc
        if kind == "date" and not _DATE.match(value):
            raise DocumentError(f"{where}: not a date (YYYY-MM-DD): {value!r}")
    elif kind == "int":
        if isinstance(value, bool) or not isinstance(value, int):
            raise DocumentError(f"{where}: expected a whole number")
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DocumentError(f"{where}: expected a number")
    elif kind == "bool":
        if not isinstance(value, bool):
            raise DocumentError(f"{where}: expected true or false")
    elif kind == "strings":
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DocumentError(f"{where}: expected a list of text")
    elif kind == "object":
        if not isinstance(value, dict):
            raise DocumentError(f"{where}: expected an object")
        assert spec.item is not None
        validate(spec.item, value, where)
    elif kind == "objects":
        if not isinstance(value, list):
            raise DocumentError(f"{where}: expected a list")
        assert spec.item is not None
        for i, item in enumerate(value):
            if not isinstance(item, dict):
                raise DocumentError(f"{where}[{i}]: expected an object")
            validate(spec.item, item, f"{where}[{i}]")

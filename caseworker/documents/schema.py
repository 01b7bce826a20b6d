"""A small declarative schema for JSON documents, with validation that explains itself.

Each document type lists its fields once; the codec validates what it reads against that list
and the projection copies the same fields into the typed tables.
"""

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Literal

from caseworker.errors import ValidationError
from caseworker.timeutil import from_iso

Kind = Literal[
    "str", "int", "float", "bool", "datetime", "date", "enum", "strings", "object", "objects"
]
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# What SQLite can hold in an INTEGER column: a larger number would fail the whole write.
_INT_RANGE = range(-(2**63), 2**63)


class DocumentError(ValidationError, ValueError):
    """A document does not match its schema; the message names the document and the field.

    A ValidationError, so a person sees one line; still a ValueError for older callers."""


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
    # (name, required, a quick test that accepts the common valid values, field): the quick
    # test passing is enough; failing, the full check decides and explains.
    quick: tuple[tuple[str, bool, Callable[[Any], bool], Field], ...] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})
        quick = tuple((f.name, f.required, _quick(f), f) for f in self.fields)
        object.__setattr__(self, "quick", quick)


def _quick(spec: Field) -> Callable[[Any], bool]:
    """A fast yes for values that certainly fit ``spec`` (validation runs on every replicated
    document); anything it does not accept goes through ``_check``."""
    limit, kind = spec.max_length, spec.kind
    if kind == "str":
        return lambda v: type(v) is str and len(v) <= limit
    if kind == "enum":
        choices = frozenset(spec.choices)
        return lambda v: type(v) is str and v in choices
    if kind == "datetime":
        return lambda v: type(v) is str and len(v) <= limit and _zoned_time(v)
    if kind == "int":
        return lambda v: type(v) is int and v in _INT_RANGE
    if kind == "bool":
        return lambda v: type(v) is bool
    if kind == "strings":
        return lambda v: type(v) is list and all(type(x) is str for x in v)
    return lambda v: False


def _zoned_time(text: str) -> bool:
    try:
        return datetime.fromisoformat(text).tzinfo is not None
    except ValueError:
        return False


def s(name: str, required: bool = False, max_length: int = 10_000) -> Field:
    return Field(name, "str", required, max_length=max_length)


def enum(name: str, choices: Sequence[str], required: bool = False) -> Field:
    return Field(name, "enum", required, tuple(choices))


def when(name: str, required: bool = False) -> Field:
    return Field(name, "datetime", required)


def validate(schema: Schema, data: Mapping[str, Any], where: str) -> None:
    """Raise DocumentError naming the first field that does not fit; unknown fields are kept."""
    for name, required, quick, spec in schema.quick:
        value = data.get(name)
        if value is None:
            if required:
                raise DocumentError(f"{where}: required field '{name}' is missing")
        elif not quick(value):
            _check(spec, value, f"{where}.{name}")


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
        if isinstance(value, bool) or not isinstance(value, int) or value not in _INT_RANGE:
            raise DocumentError(f"{where}: expected a whole number")
    elif kind == "float":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise DocumentError(f"{where}: expected a number")
        if (isinstance(value, int) and value not in _INT_RANGE) or not math.isfinite(value):
            raise DocumentError(f"{where}: not a number that can be stored")
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

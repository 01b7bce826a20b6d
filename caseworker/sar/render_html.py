"""The readable export: one self-contained HTML page, English and Welsh side by side.

Inline CSS, no scripts, no remote resources (a Content-Security-Policy forbids them anyway);
every value is HTML-escaped, as every value came from a person or another system.
"""

from collections.abc import Iterable, Mapping
from html import escape
from typing import Any

from caseworker.sar import labels
from caseworker.sar.export import Export

_CSS = """
body{font-family:system-ui,sans-serif;margin:2rem;color:#0b0c0c;background:#fff;line-height:1.4}
h1,h2,h3{margin:1.2em 0 .4em} .cy{color:#3d3d3d} .pair{display:grid;
grid-template-columns:1fr 1fr;gap:1rem} table{border-collapse:collapse;margin:.4em 0 1em;
width:100%} th,td{border:1px solid #b1b4b6;padding:.25em .5em;text-align:left;
vertical-align:top;overflow-wrap:anywhere} th{background:#f3f2f1} .note{border-left:5px solid
#1d70b8;padding:.5em 1em;background:#f3f2f1} section.case{border-top:2px solid #0b0c0c}
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _e(value: Any) -> str:
    return escape(str(value), quote=True)


def both(key: str) -> str:
    """A label in both languages."""
    en, cy = labels.text(key, "en"), labels.text(key, "cy")
    return f'<span lang="en">{_e(en)}</span> / <span lang="cy" class="cy">{_e(cy)}</span>'


def _type_heading(doc_type: str) -> str:
    en, cy = labels.type_label(doc_type, "en"), labels.type_label(doc_type, "cy")
    extra = "" if labels.known_type(doc_type) else f" ({_e(doc_type)})"
    return f'<span lang="en">{_e(en)}</span> / <span lang="cy" class="cy">{_e(cy)}</span>{extra}'


def _shown(value: Any, staff: Mapping[str, str]) -> str:
    if isinstance(value, str) and value in staff:
        return f"{_e(staff[value])} ({_e(value)})"
    if isinstance(value, Mapping):
        return _fields(value, staff)
    if isinstance(value, list):
        if all(isinstance(v, Mapping) for v in value) and value:
            return "".join(_fields(v, staff) for v in value)
        return _e(", ".join(str(v) for v in value))
    if value is None:
        return ""
    return _e(value)


def _key(key: str) -> str:
    en, cy = labels.field_label(key)
    return _e(en) + (f' / <span lang="cy" class="cy">{_e(cy)}</span>' if cy else "")


def _fields(doc: Mapping[str, Any], staff: Mapping[str, str]) -> str:
    rows = "".join(
        f'<tr><th scope="row">{_key(k)}</th><td>{_shown(v, staff)}</td></tr>'
        for k, v in sorted(doc.items())
        if k not in ("_rev", "schema")
    )
    return f"<table>{rows}</table>"


def _group(docs: Iterable[dict[str, Any]], staff: Mapping[str, str], level: int) -> list[str]:
    by_type: dict[str, list[dict[str, Any]]] = {}
    for d in docs:
        by_type.setdefault(str(d.get("type")), []).append(d)
    out: list[str] = []
    for doc_type in sorted(by_type, key=lambda t: (not labels.known_type(t), t)):
        out.append(f"<h{level}>{_type_heading(doc_type)}</h{level}>")
        out.extend(_fields(d, staff) for d in by_type[doc_type])
    return out


def _access_log(export: Export) -> list[str]:
    out = [f"<h2>{both('access_log')}</h2>"]
    if export.access_log is None:
        return [*out, f'<p class="note">{both("no_access_log")}</p>']
    if not export.access_log:
        return [*out, f"<p>{both('none')}</p>"]
    head = "".join(f"<th>{both(k)}</th>" for k in ("when", "who", "device", "how", "documents"))
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{_e(e.get(k) if e.get(k) is not None else '')}</td>"
            for k in ("at", "user", "device", "how")
        )
        + f"<td>{_e(', '.join(str(i) for i in e.get('doc_ids') or ()))}</td></tr>"
        for e in export.access_log
    )
    return [*out, f"<table><tr>{head}</tr>{rows}</table>"]


def _files(export: Export) -> list[str]:
    if not export.files:
        return []
    head = "".join(f"<th>{both(k)}</th>" for k in ("documents", "name", "file"))
    rows = "".join(
        f"<tr><td>{_e(f['document'])}</td><td>{_e(f['name'])}</td>"
        f"<td>{_e(f['file']) if f['file'] else both('not_held')}</td></tr>"
        for f in export.files
    )
    return [f"<h2>{both('files')}</h2>", f"<table><tr>{head}</tr>{rows}</table>"]


def _redactions(export: Export) -> list[str]:
    out = [f"<h2>{both('redactions')}</h2>", f"<p>{both('redactions_note')}</p>"]
    counts: dict[str, int] = {}
    for r in export.redactions:
        counts[r.kind] = counts.get(r.kind, 0) + 1
    if not counts:
        return [*out, f"<p>{both('none')}</p>"]
    rows = "".join(
        f"<tr><td>{_e(labels.REDACTION_KINDS[k]['en'])} / "
        f'<span lang="cy" class="cy">{_e(labels.REDACTION_KINDS[k]["cy"])}</span></td>'
        f"<td>{n}</td></tr>"
        for k, n in sorted(counts.items())
    )
    return [*out, f"<table><tr><th>{both('kind')}</th><th>{both('count')}</th></tr>{rows}</table>"]


def _completeness(export: Export) -> list[str]:
    c = export.completeness
    if c.complete:
        return [f'<p class="note">{both("complete")}</p>']
    out = []
    if not c.access_log:
        out.append(f'<p class="note">{both("central_note")}</p>')
    if not c.whole_store:
        items = "".join(
            f'<li><span lang="en">{_e(m["en"])}</span> / '
            f'<span lang="cy" class="cy">{_e(m["cy"])}</span></li>'
            for m in c.may_be_missing
        )
        out.append(
            f'<div class="note"><p>{both("partial")}</p><ul>{items}</ul><p>{_e(c.why)}</p></div>'
        )
    return out


def render(export: Export) -> str:
    staff = export.staff
    record = export.record()
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        f"<title>{_e(labels.text('title', 'en'))} / {_e(labels.text('title', 'cy'))}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>{both('title')}</h1>",
        '<div class="pair">',
        f'<p lang="en">{_e(labels.text("intro", "en"))}</p>',
        f'<p lang="cy" class="cy">{_e(labels.text("intro", "cy"))}</p></div>',
        "<table>",
        f"<tr><th>{both('reference')}</th><td>{_e(export.citizen_id)}</td></tr>",
        f"<tr><th>{both('made')}</th><td>{_e(export.made_at)}</td></tr>",
        f"<tr><th>{both('made_by')}</th><td>{_shown(export.made_by, staff)}</td></tr>",
        "</table>",
        *_completeness(export),
        f"<h2>{both('record')}</h2>",
    ]
    if record is not None:
        plain = {k: v for k, v in record.items() if k not in ("identifiers", "consents")}
        parts.append(_fields(plain, staff))
        parts.append(f"<h3>{both('identifiers')}</h3>")
        parts.extend(
            _fields(i, staff) for i in record.get("identifiers") or () if isinstance(i, Mapping)
        )
        parts.append(f"<h3>{both('consents')}</h3>")
        parts.extend(
            _fields(c, staff) for c in record.get("consents") or () if isinstance(c, Mapping)
        )
    by_id = {d["_id"]: d for d in export.documents}
    parts.append(f"<h2>{both('cases')}</h2>")
    if not export.cases:
        parts.append(f"<p>{both('none')}</p>")
    for case_id in export.cases:
        case = by_id.get(case_id)
        if case is None:
            continue
        title = f"{both('case')} {_e(case.get('reference', case_id))}"
        parts.append(f'<section class="case"><h3>{title}</h3>{_fields(case, staff)}')
        parts.extend(_group(export.under_case(case_id), staff, 4))
        parts.append("</section>")
    parts.extend(_group((d for d in export.outside_cases() if d.get("type") != "case"), staff, 2))
    parts.extend(_files(export))
    parts.extend(_access_log(export))
    parts.extend(_redactions(export))
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"

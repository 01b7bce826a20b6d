"""The publication's web page, one per language: headings, a chart beside a table for each
service, what it covers and when it was made. Everything from the store is escaped."""

from collections.abc import Sequence
from html import escape

from caseworker.kpis import labels
from caseworker.kpis.chart import bar_chart
from caseworker.kpis.tables import MEASURES, NO_CASES, ServiceMonth

PAGES = {"en": "index.html", "cy": "index.cy.html"}
INDEX_CSV = {"en": "index.csv", "cy": "index.cy.csv"}

_STYLE = (
    "body{font-family:sans-serif;color:#0b0c0c;background:#fff;margin:1rem 2rem;"
    "max-width:80rem;line-height:1.4}"
    ".service{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:flex-start}"
    "table{border-collapse:collapse}th,td{border:1px solid #6f777b;padding:.2rem .5rem}"
    "td{text-align:right}th{text-align:left}a{color:#1d4f91}"
)


def _figure(value: int | float | str | None, language: str) -> str:
    if value is None:
        return escape(labels.text("suppressed", language))
    if value == NO_CASES:
        return ""
    return escape(f"{value:,}" if isinstance(value, int) else str(value))


def _share(item: ServiceMonth) -> float | None:
    row = item.all_channels
    resolved, within = row.figures["resolved"], row.figures["within"]
    if resolved is None or within is None or resolved == 0:
        return None
    return round(100 * within / resolved, 1)


def _service(index: int, months: Sequence[ServiceMonth], language: str) -> str:
    service = months[0].service
    t = labels.text
    received = [(str(m.month), m.all_channels.figures["received"]) for m in months]
    shares = [(str(m.month), _share(m)) for m in months]
    head = (
        "".join(
            f'<th scope="col">{escape(labels.column(k, language))}</th>'
            for k in ("month", *MEASURES, "median_days")
        )
        + f'<th scope="col">{escape(t("share", language))}</th>'
    )
    body = []
    for item, (_, share) in zip(months, shares, strict=True):
        row = item.all_channels
        cells = "".join(f"<td>{_figure(row.figures[m], language)}</td>" for m in MEASURES)
        cells += f"<td>{_figure(row.median_days, language)}</td>"
        cells += f"<td>{'' if share is None else escape(str(share))}</td>"
        body.append(f'<tr><th scope="row">{item.month}</th>{cells}</tr>')
    name = escape(service.name(language))
    return (
        f'<section aria-labelledby="s{index}"><h2 id="s{index}">{name}</h2>'
        f'<div class="service"><div>'
        f"<h3>{escape(t('received_chart', language))}</h3>"
        + bar_chart(
            f"c{index}r", f"{service.name(language)}: {t('received_chart', language)}", received
        )
        + f"<h3>{escape(t('within_chart', language))}</h3>"
        + bar_chart(
            f"c{index}w",
            f"{service.name(language)}: {t('within_chart', language)}",
            shares,
            top=100,
        )
        + f"</div><table><caption>{name} ({escape(labels.channel('all', language))})</caption>"
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div></section>"
    )


def html_page(
    services: Sequence[Sequence[ServiceMonth]],
    language: str,
    coverage: str,
    made: str,
    first: str,
    last: str,
) -> str:
    """The page in ``language``; ``services`` each a list of one service's months in order."""
    t = labels.text
    other = "cy" if language == "en" else "en"
    sections = "".join(_service(i, months, language) for i, months in enumerate(services))
    if not services:
        sections = f"<p>{escape(t('no_services', language))}</p>"
    return (
        f'<!DOCTYPE html>\n<html lang="{language}"><head><meta charset="utf-8">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(t('title', language))}</title><style>{_STYLE}</style></head><body>"
        f'<p><a href="{PAGES[other]}" lang="{other}" hreflang="{other}">'
        f"{escape(t('other_language', language))}</a></p>"
        f"<main><h1>{escape(t('title', language))}</h1><p>{escape(t('intro', language))}</p>"
        f"<h2>{escape(t('covers', language))}</h2><dl>"
        f"<dt>{escape(t('cases', language))}</dt><dd>{escape(t(coverage, language))}</dd>"
        f"<dt>{escape(t('months', language))}</dt><dd>{first} – {last}</dd>"
        f"<dt>{escape(t('made', language))}</dt><dd>{escape(made)}</dd></dl>"
        f"<p>{escape(t('suppression', language))}</p>"
        f"<h2>{escape(t('data', language))}</h2><p>{escape(t('data_note', language))} "
        f'<a href="{INDEX_CSV[language]}">{INDEX_CSV[language]}</a>, '
        f'<a href="index.json">index.json</a>.</p>'
        f"{sections}</main></body></html>\n"
    )

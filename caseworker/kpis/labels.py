"""Every word a publication uses, in English and Welsh (the files are not Qt's: no tr())."""

from caseworker.kpis.figures import OTHER

LANGUAGES = ("en", "cy")

COLUMNS: dict[str, dict[str, str]] = {
    "service_code": {"en": "Service code", "cy": "Cod y gwasanaeth"},
    "service": {"en": "Service", "cy": "Gwasanaeth"},
    "month": {"en": "Month", "cy": "Mis"},
    "channel": {"en": "Channel", "cy": "Sianel"},
    "received": {"en": "Requests received", "cy": "Ceisiadau a ddaeth i law"},
    "resolved": {"en": "Resolved", "cy": "Wedi'u datrys"},
    "within": {"en": "Resolved within target", "cy": "Wedi'u datrys o fewn y targed"},
    "median_days": {
        "en": "Median days to resolve",
        "cy": "Nifer canolrif y diwrnodau i'w datrys",
    },
    "coverage": {"en": "Coverage", "cy": "Cwmpas"},
    "csv_en": {"en": "CSV in English", "cy": "CSV yn Saesneg"},
    "csv_cy": {"en": "CSV in Welsh", "cy": "CSV yn Gymraeg"},
    "json": {"en": "JSON", "cy": "JSON"},
}

CHANNELS: dict[str, dict[str, str]] = {
    "phone": {"en": "Phone", "cy": "Ffôn"},
    "email": {"en": "Email", "cy": "E-bost"},
    "web_form": {"en": "Web form", "cy": "Ffurflen ar y we"},
    "app": {"en": "App", "cy": "Ap"},
    "walk_in": {"en": "In person", "cy": "Wyneb yn wyneb"},
    "letter": {"en": "Letter", "cy": "Llythyr"},
    "social": {"en": "Social media", "cy": "Cyfryngau cymdeithasol"},
    OTHER: {"en": "Other", "cy": "Arall"},
    "all": {"en": "All channels", "cy": "Pob sianel"},
}

TEXT: dict[str, dict[str, str]] = {
    "suppressed": {"en": "suppressed", "cy": "wedi'i atal"},
    "whole": {"en": "The whole council", "cy": "Y cyngor cyfan"},
    "partial": {
        "en": "Covers only the cases held on this laptop",
        "cy": "Yn cynnwys dim ond yr achosion sydd ar y gliniadur hwn",
    },
    "title": {
        "en": "How the council handles requests",
        "cy": "Sut mae'r cyngor yn delio â cheisiadau",
    },
    "intro": {
        "en": "Requests from the public each month, by service: how many came in, how many "
        "were resolved, how many of those within the target time, and the median days to "
        "resolve.",
        "cy": "Ceisiadau gan y cyhoedd bob mis, fesul gwasanaeth: faint a ddaeth i law, faint "
        "a gafodd eu datrys, faint o'r rheini o fewn yr amser targed, a nifer canolrif y "
        "diwrnodau i'w datrys.",
    },
    "covers": {"en": "What this covers", "cy": "Beth mae hwn yn ei gynnwys"},
    "months": {"en": "Months", "cy": "Misoedd"},
    "made": {"en": "Made on", "cy": "Wedi'i greu ar"},
    "cases": {"en": "Cases", "cy": "Achosion"},
    "suppression": {
        "en": "Counts from 1 to 4 are suppressed, and so is any figure from which one could be "
        "worked out, so that nobody can be identified. No personal data is published.",
        "cy": "Mae cyfrifon o 1 i 4 wedi'u hatal, a hefyd unrhyw ffigur y gellid cyfrifo un "
        "ohonynt ohono, fel na ellir adnabod neb. Ni chyhoeddir unrhyw ddata personol.",
    },
    "received_chart": {
        "en": "Requests received each month",
        "cy": "Ceisiadau a ddaeth i law bob mis",
    },
    "within_chart": {
        "en": "Share resolved within target each month (per cent)",
        "cy": "Cyfran a ddatryswyd o fewn y targed bob mis (y cant)",
    },
    "share": {"en": "Per cent within target", "cy": "Y cant o fewn y targed"},
    "data": {"en": "Download the data", "cy": "Lawrlwytho'r data"},
    "data_note": {
        "en": "A CSV and a JSON file for each service and month, listed in",
        "cy": "Ffeil CSV a ffeil JSON ar gyfer pob gwasanaeth a mis, wedi'u rhestru yn",
    },
    "other_language": {"en": "Cymraeg", "cy": "English"},
    "no_services": {
        "en": "No service had requests in these months.",
        "cy": "Nid oedd gan unrhyw wasanaeth geisiadau yn y misoedd hyn.",
    },
}


def column(key: str, language: str) -> str:
    return COLUMNS[key][language]


def channel(key: str, language: str) -> str:
    return CHANNELS[key][language]


def text(key: str, language: str) -> str:
    return TEXT[key][language]

"""Every word of a subject access report, in English and Welsh (the report is not Qt's: no
tr(), as ``caseworker.kpis.labels``). A record type or field without a label here is shown
by its name, under "Other records" for a type."""

LANGUAGES = ("en", "cy")

TEXT: dict[str, dict[str, str]] = {
    "title": {
        "en": "Your personal information held by the council",
        "cy": "Eich gwybodaeth bersonol sydd gan y cyngor",
    },
    "intro": {
        "en": "This is a copy of the personal information the council holds about you, made "
        "in answer to your subject access request. Information about other people has been "
        "removed and marked as such.",
        "cy": "Dyma gopi o'r wybodaeth bersonol sydd gan y cyngor amdanoch chi, wedi'i wneud "
        "mewn ateb i'ch cais am wybodaeth. Mae gwybodaeth am bobl eraill wedi'i thynnu allan "
        "a'i marcio felly.",
    },
    "made": {"en": "Made on", "cy": "Wedi'i wneud ar"},
    "made_by": {"en": "Made by", "cy": "Wedi'i wneud gan"},
    "reference": {"en": "Record id", "cy": "Rhif y cofnod"},
    "complete": {
        "en": "This copy is complete.",
        "cy": "Mae'r copi hwn yn gyflawn.",
    },
    "central_note": {
        "en": "The access log and records this laptop does not hold are completed centrally.",
        "cy": "Caiff y log mynediad a'r cofnodion nad ydynt ar y gliniadur hwn eu cwblhau'n "
        "ganolog.",
    },
    "partial": {
        "en": "This laptop holds only part of the record. What may be missing:",
        "cy": "Dim ond rhan o'r cofnod sydd ar y gliniadur hwn. Beth allai fod ar goll:",
    },
    "record": {"en": "Your record", "cy": "Eich cofnod"},
    "identifiers": {
        "en": "How we contact and recognise you",
        "cy": "Sut rydym yn cysylltu â chi ac yn eich adnabod",
    },
    "consents": {
        "en": "What you agreed to, and why we hold your data",
        "cy": "Yr hyn y cytunoch iddo, a pham mae gennym eich data",
    },
    "cases": {"en": "Your cases", "cy": "Eich achosion"},
    "case": {"en": "Case", "cy": "Achos"},
    "access_log": {
        "en": "Who opened your record",
        "cy": "Pwy agorodd eich cofnod",
    },
    "no_access_log": {
        "en": "Not on this laptop: completed centrally.",
        "cy": "Nid yw ar y gliniadur hwn: caiff ei gwblhau'n ganolog.",
    },
    "no_access": {"en": "No access is recorded.", "cy": "Ni chofnodwyd unrhyw fynediad."},
    "redactions": {"en": "What was removed", "cy": "Beth a dynnwyd allan"},
    "redactions_note": {
        "en": "Pieces of information about other people were replaced by "
        "“[redacted: another person]”. Staff names are shown: they acted for the council.",
        "cy": "Cafodd darnau o wybodaeth am bobl eraill eu disodli gan "
        "“[redacted: another person]” (wedi'i olygu: person arall). Dangosir enwau staff: "
        "roeddent yn gweithredu ar ran y cyngor.",
    },
    "none": {"en": "None.", "cy": "Dim."},
    "field": {"en": "Field", "cy": "Maes"},
    "value": {"en": "Value", "cy": "Gwerth"},
    "when": {"en": "When", "cy": "Pryd"},
    "who": {"en": "Who", "cy": "Pwy"},
    "device": {"en": "Device", "cy": "Dyfais"},
    "how": {"en": "How", "cy": "Sut"},
    "documents": {"en": "Records", "cy": "Cofnodion"},
    "kind": {"en": "Kind", "cy": "Math"},
    "count": {"en": "How many", "cy": "Faint"},
    "files": {
        "en": "Files attached to your records",
        "cy": "Ffeiliau sydd ynghlwm wrth eich cofnodion",
    },
    "file": {"en": "File", "cy": "Ffeil"},
    "name": {"en": "Name", "cy": "Enw"},
    "not_held": {
        "en": "Not on this laptop: completed centrally.",
        "cy": "Nid yw ar y gliniadur hwn: caiff ei gwblhau'n ganolog.",
    },
    "other_language": {"en": "Cymraeg", "cy": "English"},
}

TYPES: dict[str, dict[str, str]] = {
    "citizen": {"en": "Records merged into yours", "cy": "Cofnodion a unwyd â'ch un chi"},
    "case": {"en": "Cases", "cy": "Achosion"},
    "case_event": {"en": "Case history", "cy": "Hanes yr achos"},
    "note": {"en": "Notes", "cy": "Nodiadau"},
    "interaction": {"en": "Contacts with the council", "cy": "Cysylltiadau â'r cyngor"},
    "message": {"en": "Messages sent to you", "cy": "Negeseuon a anfonwyd atoch"},
    "verification": {
        "en": "Verification codes sent to you (never the code itself)",
        "cy": "Codau dilysu a anfonwyd atoch (byth y cod ei hun)",
    },
    "mention": {"en": "Social media posts", "cy": "Negeseuon ar y cyfryngau cymdeithasol"},
    "marker": {"en": "Warning markers", "cy": "Marcwyr rhybudd"},
    "directory": {"en": "Directory entry", "cy": "Cofnod yn y cyfeiriadur"},
    "audit_event": {"en": "Actions on your record", "cy": "Camau ar eich cofnod"},
    "other": {"en": "Other records", "cy": "Cofnodion eraill"},
}

REDACTION_KINDS: dict[str, dict[str, str]] = {
    "name": {"en": "another person's name", "cy": "enw person arall"},
    "phone": {"en": "a phone number not yours", "cy": "rhif ffôn nad yw'n eiddo i chi"},
    "email": {"en": "an email address not yours", "cy": "cyfeiriad e-bost nad yw'n eiddo i chi"},
    "handle": {
        "en": "a social media handle not yours",
        "cy": "enw cyfryngau cymdeithasol nad yw'n eiddo i chi",
    },
    "citizen_id": {"en": "another person's record id", "cy": "rhif cofnod person arall"},
}


# Field names of the records, as a reader would say them (a field without one is shown by its
# name: a new field still comes out).
FIELDS: dict[str, dict[str, str]] = {
    "given_name": {"en": "Given name", "cy": "Enw cyntaf"},
    "family_name": {"en": "Family name", "cy": "Cyfenw"},
    "preferred_name": {"en": "Preferred name", "cy": "Enw dewisol"},
    "date_of_birth": {"en": "Date of birth", "cy": "Dyddiad geni"},
    "language": {"en": "Language", "cy": "Iaith"},
    "created_at": {"en": "Created", "cy": "Crëwyd"},
    "updated_at": {"en": "Updated", "cy": "Diweddarwyd"},
    "kind": {"en": "Kind", "cy": "Math"},
    "value": {"en": "Value", "cy": "Gwerth"},
    "label": {"en": "Label", "cy": "Label"},
    "postcode": {"en": "Postcode", "cy": "Cod post"},
    "verified_by": {"en": "How it was checked", "cy": "Sut y cafodd ei wirio"},
    "verified_at": {"en": "When it was checked", "cy": "Pryd y cafodd ei wirio"},
    "added_at": {"en": "Added", "cy": "Ychwanegwyd"},
    "purpose": {"en": "Purpose", "cy": "Diben"},
    "lawful_basis": {"en": "Lawful basis", "cy": "Sail gyfreithlon"},
    "channel": {"en": "Channel", "cy": "Sianel"},
    "source": {"en": "Source", "cy": "Ffynhonnell"},
    "valid_from": {"en": "From", "cy": "O"},
    "valid_to": {"en": "To", "cy": "Hyd at"},
    "reference": {"en": "Reference", "cy": "Cyfeirnod"},
    "summary": {"en": "Summary", "cy": "Crynodeb"},
    "description": {"en": "Description", "cy": "Disgrifiad"},
    "status": {"en": "Status", "cy": "Statws"},
    "opened_at": {"en": "Opened", "cy": "Agorwyd"},
    "due_at": {"en": "Due", "cy": "Erbyn"},
    "text": {"en": "Text", "cy": "Testun"},
    "at": {"en": "When", "cy": "Pryd"},
    "by": {"en": "By", "cy": "Gan"},
    "direction": {"en": "Direction", "cy": "Cyfeiriad"},
    "reason": {"en": "Reason", "cy": "Rheswm"},
    "body": {"en": "Message", "cy": "Neges"},
    "subject": {"en": "Subject", "cy": "Pwnc"},
    "content_text": {"en": "Post", "cy": "Neges"},
}


def field_label(key: str) -> tuple[str, str]:
    found = FIELDS.get(key)
    if found is None:
        return key.replace("_", " "), ""
    return found["en"], found["cy"]


MISSING: dict[str, dict[str, str]] = {
    "cases": {
        "en": "cases of theirs this laptop does not hold, with their history, notes, contacts "
        "and messages",
        "cy": "eu hachosion nad ydynt ar y gliniadur hwn, gyda'u hanes, nodiadau, cysylltiadau "
        "a negeseuon",
    },
    "merged": {
        "en": "records merged into theirs that are held only with cases this laptop does not hold",
        "cy": "cofnodion a unwyd â'u rhai nhw sydd ond gydag achosion nad ydynt ar y gliniadur hwn",
    },
    "access_log": {
        "en": "the central access log of who opened their record",
        "cy": "y log mynediad canolog o bwy agorodd eu cofnod",
    },
    "channel": {
        "en": "{type} (the {channel} channel, which {role} laptops do not hold)",
        "cy": "{type} (y sianel {channel}, nad yw ar liniaduron {role})",
    },
}

ROLES: dict[str, dict[str, str]] = {
    "agent": {"en": "agent", "cy": "asiant"},
    "field_officer": {"en": "field officer", "cy": "swyddog maes"},
    "supervisor": {"en": "supervisor", "cy": "goruchwyliwr"},
    "admin": {"en": "admin", "cy": "gweinyddwr"},
}


def both_languages(table: dict[str, dict[str, str]], key: str) -> dict[str, str]:
    return {language: table[key][language] for language in LANGUAGES}


def text(key: str, language: str) -> str:
    return TEXT[key][language]


def type_label(doc_type: str, language: str) -> str:
    return TYPES.get(doc_type, TYPES["other"])[language]


def known_type(doc_type: str) -> bool:
    return doc_type in TYPES and doc_type != "other"

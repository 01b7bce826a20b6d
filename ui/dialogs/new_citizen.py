"""A new citizen, from a search that found no one: pre-filled from what was typed, asking only
for a name (everything else optional), and showing who is already on file with the same phone
number, email, or name and date of birth before anything is saved.

The likely matches are looked up on the database thread a moment after typing stops, and
again on Save: a first Save that finds matches shows them instead of saving, so nobody saves a
duplicate without having seen them. Enter on a match opens that record instead.
"""

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from caseworker import vocab
from caseworker.services import citizens
from caseworker.services.callers import (
    LikelyMatch,
    email_address,
    likely_matches,
    read_typed,
    uk_phone,
)
from caseworker.services.citizens import NewConsent, NewIdentifier
from caseworker.store import normalise
from ui import labels
from ui.context import UiContext
from ui.dialogs.base import FormDialog, Job
from ui.dialogs.shared import alive

MATCH_ROLE = Qt.ItemDataRole.UserRole + 1
LOOKUP_DELAY_MS = 300
# Why the council holds a caller's details: recorded with the record (UK GDPR Art. 6(1)(e)).
PURPOSE = "Dealing with the caller's enquiry"
SOURCE = "Recorded by the contact centre for a new caller"

# phone, email, given, family, date of birth, postcode
Key = tuple[str, str, str, str, str | None, str]


def parse_date(text: str) -> str | None:
    """An ISO date from "02/04/1980", "2/4/1980" or "1980-04-02"; None when it is none."""
    text = text.strip()
    try:
        if "/" in text:
            day, month, year = (int(p) for p in text.split("/"))
            if year < 1000:
                return None
            return date(year, month, day).isoformat()
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


class NewCitizenDialog(FormDialog):
    """Saves through ``citizens.create_citizen``; ``result_value`` is (citizen id, ChangeSet).
    ``open_match_requested`` carries the ``LikelyMatch`` the agent chose to open instead."""

    open_match_requested = Signal(object)
    matches_shown = Signal(int)

    def __init__(self, ctx: UiContext, typed: str = "", parent: QWidget | None = None) -> None:
        super().__init__(ctx, self.tr("New citizen"), parent)
        self.set_intro(
            self.tr(
                "Only a name is needed. Ask for a phone number or email if the council will "
                "need to reach them. The details are held to deal with their enquiry."
            )
        )
        self.given = self._line(
            "given",
            self.tr("&Given name:"),
            self.tr("Given name"),
            self.tr("Required: the caller's first name."),
            100,
        )
        self.family = self._line(
            "family",
            self.tr("&Family name:"),
            self.tr("Family name"),
            self.tr("Required: the caller's surname."),
            100,
        )
        self.birth = self._line(
            "birth",
            self.tr("Date of &birth:"),
            self.tr("Date of birth"),
            self.tr("Optional: day/month/year. Helps tell people with the same name apart."),
            10,
        )
        self.birth.setPlaceholderText(self.tr("e.g. 02/04/1980"))
        self.phone = self._line(
            "phone",
            self.tr("&Phone:"),
            self.tr("Phone number"),
            self.tr("Optional: a UK phone number to reach them on."),
            30,
        )
        self.phone.setPlaceholderText(self.tr("e.g. 07700 900123"))
        self.email = self._line(
            "email",
            self.tr("&Email:"),
            self.tr("Email address"),
            self.tr("Optional: an email address to reach them at."),
            200,
        )
        self.postcode = self._line(
            "postcode",
            self.tr("P&ostcode:"),
            self.tr("Postcode"),
            self.tr("Optional: the postcode of their home."),
            10,
        )
        self.postcode.setPlaceholderText(self.tr("e.g. CF10 1AB"))
        self.language = QComboBox()
        for code in vocab.LANGUAGES:
            self.language.addItem(labels.language(code), code)
        self.add_field(
            "language",
            self.tr("&Language:"),
            self.language,
            self.tr("Preferred language"),
            self.tr("The language the caller would like the council to use."),
        )
        self.matches_label = QLabel(self.tr("&Already on file?"))
        self.matches = QListWidget()
        self.matches_label.setBuddy(self.matches)
        self.matches.setAccessibleName(self.tr("Likely matches already on file"))
        self.matches.setAccessibleDescription(
            self.tr(
                "People on file with the same phone, email, or name and date of birth. "
                "Enter opens one instead of making a new record."
            )
        )
        self.matches.itemActivated.connect(self._open_match)
        self.matches.setMaximumHeight(self.matches.fontMetrics().lineSpacing() * 7 + 12)
        self.matches_label.setProperty("role", "error")
        self.matches_label.setWordWrap(True)
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        index = layout.indexOf(self.buttons)
        layout.insertWidget(index, self.matches_label)
        layout.insertWidget(index + 1, self.matches)
        self.matches_label.hide()
        self.matches.hide()

        self._shown_for: Key | None = None  # the details whose matches are on screen
        self._save_after_lookup = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(LOOKUP_DELAY_MS)
        self._timer.timeout.connect(self.look_up)
        for line in (self.given, self.family, self.birth, self.phone, self.email, self.postcode):
            line.textChanged.connect(lambda _t: self._timer.start())
        self._fill(typed)

    def _line(
        self, name: str, label: str, accessible: str, description: str, length: int
    ) -> QLineEdit:
        line = QLineEdit()
        line.setMaxLength(length)
        self.add_field(name, label, line, accessible, description)
        return line

    def _fill(self, typed: str) -> None:
        read = read_typed(typed)
        self.given.setText(read.given_name)
        self.family.setText(read.family_name)
        self.phone.setText(read.phone)
        self.email.setText(read.email)
        self.postcode.setText(read.postcode)
        first_empty = next((w for w in (self.given, self.family) if not w.text()), self.phone)
        first_empty.setFocus()
        if read.phone or read.email:
            self.look_up()

    # -- likely matches -----------------------------------------------------------------------
    def key(self) -> Key:
        return (
            self.phone.text().strip(),
            self.email.text().strip(),
            self.given.text().strip(),
            self.family.text().strip(),
            parse_date(self.birth.text()),
            self.postcode.text().strip(),
        )

    def look_up(self) -> None:
        self._timer.stop()
        key = self.key()
        phone, email, given, family, born, code = key

        def find(session: Session) -> list[LikelyMatch]:
            return likely_matches(
                session,
                phone=phone,
                email=email,
                given_name=given,
                family_name=family,
                date_of_birth=born,
                postcode=code,
            )

        self.ctx.worker.read(find, lambda found: self._found(key, found), self._lookup_failed)

    def _found(self, key: Key, found: list[LikelyMatch]) -> None:
        if not alive(self) or key != self.key():
            return  # the details changed meanwhile: a newer look-up answers for them
        new_matches = bool(found) and key != self._shown_for
        self._shown_for = key
        self.matches.clear()
        for match in found:
            item = QListWidgetItem(self._describe(match))
            item.setData(MATCH_ROLE, match)
            self.matches.addItem(item)
        grows = bool(found) and not self.matches.isVisibleTo(self)
        self.matches_label.setVisible(bool(found))
        self.matches.setVisible(bool(found))
        if found:
            self.matches.setCurrentRow(0)
            self.matches_label.setText(
                self.tr("&Already on file? %n likely match(es): Enter opens one.", "", len(found))
            )
        self.save_button.setText(self.tr("&Save as new anyway") if found else self.tr("&Save"))
        if grows:
            self.adjustSize()  # room for the list without squeezing the fields
        self.matches_shown.emit(len(found))
        if self._save_after_lookup:
            self._save_after_lookup = False
            if new_matches:
                self.matches.setFocus()  # seen first; Save again saves a new record anyway
            else:
                super().submit()

    def _lookup_failed(self, _error: Exception) -> None:
        if alive(self) and self._save_after_lookup:
            self._save_after_lookup = False
            super().submit()  # a failed look-up must not stop a caller being recorded

    def _describe(self, match: LikelyMatch) -> str:
        why = {
            "phone": self.tr("same phone number"),
            "email": self.tr("same email"),
            "name_and_birth": self.tr("same name and date of birth"),
        }.get(match.reason, match.reason)
        if match.probability is not None:  # identity resolution's score and its reasons
            likely = self.tr("%1% likely").replace("%1", str(int(match.probability * 100)))
            shown = "; ".join(labels.identity_reason(code) for code in match.reasons[:3])
            why = f"{likely}: {shown}" if shown else likely
        text = self.tr("%1 — %2").replace("%1", labels.shown(match.name)).replace("%2", why)
        if match.detail:
            text += " · " + labels.shown(match.detail)
        born = QDate.fromString(match.date_of_birth or "", Qt.DateFormat.ISODate)
        if born.isValid():
            shape = QLocale().dateFormat(QLocale.FormatType.ShortFormat)
            if "yyyy" not in shape:  # a birth year in two digits is ambiguous
                shape = shape.replace("yy", "yyyy")
            text += " · " + QLocale().toString(born, shape)
        if not match.held:
            text += " " + self.tr("(directory summary)")
        return text

    def _open_match(self, item: QListWidgetItem) -> None:
        match = item.data(MATCH_ROLE)
        if isinstance(match, LikelyMatch):
            self.open_match_requested.emit(match)
            self.reject()

    # -- saving -------------------------------------------------------------------------------
    def submit(self) -> None:
        if self.saving or self._save_after_lookup:
            return
        self.clear_errors()
        problems = self.check()
        if problems:
            for name, message in reversed(problems.items()):
                self.show_error(message, name)  # each takes the focus: the first keeps it
            return
        if self._shown_for != self.key():
            self._save_after_lookup = True  # matches first, then save if there are none new
            self.look_up()
            return
        super().submit()

    def check(self) -> dict[str, str]:
        problems: dict[str, str] = {}
        if not self.given.text().strip():
            problems["given"] = self.tr("Enter the caller's given name.")
        if not self.family.text().strip():
            problems["family"] = self.tr("Enter the caller's family name.")
        typed_birth = self.birth.text().strip()
        born = parse_date(typed_birth)
        if typed_birth and (born is None or born > date.today().isoformat()):
            problems["birth"] = self.tr("Enter the date of birth as day/month/year.")
        phone = self.phone.text().strip()
        if phone and uk_phone(phone) is None:
            problems["phone"] = self.tr(
                "%1 is not a whole UK phone number (10 or 11 digits from 0)."
            ).replace("%1", phone)
        email = self.email.text().strip()
        if email and email_address(email) is None:
            problems["email"] = self.tr("%1 is not an email address.").replace("%1", email)
        code = self.postcode.text().strip()
        if code and normalise.postcode(code) is None:
            problems["postcode"] = self.tr("%1 is not a UK postcode (e.g. CF10 1AB).").replace(
                "%1", code
            )
        return problems

    def job(self) -> Job:
        actor = self.ctx.actor
        given, family = self.given.text().strip(), self.family.text().strip()
        born = parse_date(self.birth.text())
        language = self.language.currentData()
        found: list[NewIdentifier] = []
        phone, email = self.phone.text().strip(), self.email.text().strip()
        if phone:
            found.append(NewIdentifier("phone", uk_phone(phone) or phone))
        if email:
            found.append(NewIdentifier("email", email))
        code = normalise.postcode(self.postcode.text())
        if code:
            found.append(NewIdentifier("address", code, postcode=code))
        identifiers = tuple(found)

        def save(session: Session) -> object:
            return citizens.create_citizen(
                session,
                actor,
                given,
                family,
                language=language,
                date_of_birth=born,
                identifiers=identifiers,
                consents=(NewConsent(PURPOSE, "public_task", SOURCE),),
            )

        return save

    def field_for(self, message: str) -> str | None:
        lowered = message.lower()
        for word, field in (
            ("phone", "phone"),
            ("email", "email"),
            ("postcode", "postcode"),
            ("given name", "given"),
            ("family name", "family"),
        ):
            if word in lowered:
                return field
        return None

"""What the Notify worker needs to reach GOV.UK Notify: the key, held by the central worker
alone (from the environment or a file, never from or into the database), the API's address,
and the ids of the two Notify templates whose content is the rendered reply.

The email template in Notify reads ``((subject))`` as its subject and ``((body))`` as its
body; the text-message template reads ``((body))``.
"""

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from caseworker.errors import CaseworkerError

KEY_VARIABLE = "CASEWORKER_NOTIFY_API_KEY"
NOTIFY_URL = "https://api.notifications.service.gov.uk"


@dataclass(frozen=True)
class NotifySettings:
    api_key: str = field(repr=False)  # never in a line, a document or a traceback's repr
    email_template: str
    sms_template: str
    url: str = NOTIFY_URL


def read_key(key_file: Path | None) -> str:
    """The Notify API key: from ``key_file`` (readable by its owner alone), else from the
    environment variable ``CASEWORKER_NOTIFY_API_KEY``."""
    if key_file is not None:
        try:
            mode = key_file.stat().st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                raise CaseworkerError(
                    f"{key_file} can be read by others: chmod 600 it (it holds the Notify key)"
                )
            key = key_file.read_text("utf-8").strip()
        except OSError as exc:
            raise CaseworkerError(f"cannot read the Notify key from {key_file}: {exc}") from None
    else:
        key = os.environ.get(KEY_VARIABLE, "").strip()
    # <name>-<service id: 36>-<secret: 36>, as Notify makes them
    if len(key) < 74 or key[-37] != "-" or key[-74] != "-":
        where = str(key_file) if key_file is not None else KEY_VARIABLE
        raise CaseworkerError(f"no usable GOV.UK Notify API key in {where}")
    return key

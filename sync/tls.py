"""TLS certificate checks cannot be turned off silently.

Every HTTPS request to the central service checks the server's certificate against the
system's authorities, or against a council's own authority given as a CA bundle file
(``--ca-bundle FILE``). There is no command-line flag or setting that turns checking off: a
server on this computer can be reached over plain ``http://127.0.0.1`` instead. A caller that
passes ``verify=False`` itself (code, not a person) is refused for any other machine, and for
this machine a warning is printed every time.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

from sync.errors import InsecureConnection
from sync.urls import is_loopback, origin_of

Verify = bool | str


def checked_verify(url: str, verify: Verify) -> Verify:
    """What ``requests`` is given as ``verify`` for ``url``: True, a CA bundle that exists,
    or (this machine only, with a warning) False."""
    if verify is True:
        return True
    if isinstance(verify, str):
        if not verify or not Path(verify).is_file():
            raise InsecureConnection(
                f"no CA bundle file at {verify!r}: certificates cannot be checked"
            )
        return verify
    origin = origin_of(url)
    if not is_loopback(urlsplit(url).hostname or ""):
        raise InsecureConnection(
            f"certificate checks cannot be turned off for {origin}: give the council's "
            "authority as a CA bundle (--ca-bundle FILE) instead"
        )
    print(
        f"caseworker: WARNING: TLS certificates are not checked for {origin} (this computer)",
        file=sys.stderr,
    )
    return False

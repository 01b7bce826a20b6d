"""``caseworker status``: where the data folder's store is and whether it is encrypted at rest.

It reads only the file's first bytes (``engine.file_kind``), so it needs no key and works on a
locked-away encrypted store as on a plain one. A plain store made before stores were encrypted
by default keeps working; this is where it says so, with what to do about it.
"""

import argparse
import json

from caseworker.cli.app import Context
from caseworker.errors import StoreError
from caseworker.security.policy import machine_policy
from caseworker.store.engine import file_kind
from caseworker.store.store import STORE_FILENAME

PLAIN = (
    "no: anyone with this disk can read it (made before stores were encrypted by default, or "
    "asked for plain). To encrypt it: send what waits (caseworker sync --once), sync into a "
    "new folder (caseworker --data-dir NEW_FOLDER sync ...), which makes an encrypted store, "
    "then delete this folder"
)
ENCRYPTED = "yes (SQLCipher): it opens with its key from the OS keyring, or its passphrase"


def _status(args: argparse.Namespace, ctx: Context) -> int:
    path = ctx.data_dir / STORE_FILENAME
    if not path.exists():
        raise StoreError(f"no Caseworker store in {ctx.data_dir} (make one with init or sync)")
    kind = file_kind(path)
    if kind not in ("sqlite", "encrypted"):
        raise StoreError(f"{path} is not a Caseworker store")
    encrypted = kind == "encrypted"
    new_encrypted = machine_policy().encrypt_new_stores
    if args.json:
        shown = {"store": str(path), "encrypted": encrypted, "new_stores_encrypted": new_encrypted}
        print(json.dumps(shown))
        return 0
    print(f"store: {path}")
    print(f"encrypted at rest: {ENCRYPTED if encrypted else PLAIN}")
    policy = "encrypted" if new_encrypted else "plain (this machine's policy says so)"
    print(f"new stores on this machine: {policy}")
    return 0


def configure(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(handler=_status)

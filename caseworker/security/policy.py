"""The machine's security policy, set by an admin (not by the person at the keyboard).

A JSON file, ``policy.json``, in the machine-wide configuration folder (on Linux
``/etc/xdg/caseworker``). Today it says one thing: whether a new store made for real work (by
the window, ``caseworker init`` or ``caseworker sync``) is encrypted (``"encrypt_new_stores"``,
true unless set to false). The store is made before anyone signs in, so before the role is
known: every such store is encrypted, which covers the field officers whose laptops leave the
building. A file that cannot be read or understood is the default: encrypted (a broken policy
never weakens it). On the command line ``--unencrypted`` asks for a plain store in so many
words; demo stores (``seed``, the window's ``--demo``) hold made-up people and are plain.
"""

import json
from dataclasses import dataclass
from pathlib import Path

POLICY_FILENAME = "policy.json"


@dataclass(frozen=True)
class Policy:
    encrypt_new_stores: bool = True


def load_policy(folder: Path) -> Policy:
    try:
        data = json.loads((folder / POLICY_FILENAME).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return Policy()
    if isinstance(data, dict) and data.get("encrypt_new_stores") is False:
        return Policy(encrypt_new_stores=False)
    return Policy()


def machine_policy() -> Policy:
    """The policy in this machine's configuration folder (``platformdirs``' site folder)."""
    from platformdirs import site_config_dir

    return load_policy(Path(site_config_dir("caseworker", "Caseworker")))


def encrypt_new(*, unencrypted: bool = False, encrypted: bool = False) -> bool:
    """Whether a store made now on the command line is encrypted: asked for either way, or
    else what the machine's policy says (encrypted unless an admin turned it off)."""
    if encrypted:
        return True
    return not unencrypted and machine_policy().encrypt_new_stores

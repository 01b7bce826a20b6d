"""What the window's status bar reads about replication: how far the last push got.

``pushed_seq_reader(data_dir)`` is None when the data folder syncs with no central service;
otherwise a function of a Session giving the local sequence the last push checkpointed (the
status bar counts the documents changed since: what waits to be sent).
"""

from collections.abc import Callable
from pathlib import Path

from sqlalchemy.orm import Session

from caseworker.models import StoreSetting
from caseworker.store import docstore
from sync import config
from sync.checkpoint import STORE_ID_KEY, replication_id


def pushed_seq_reader(data_dir: Path) -> Callable[[Session], int] | None:
    central = config.load(data_dir)
    if central is None:
        return None

    def pushed_seq(session: Session) -> int:
        row = session.get(StoreSetting, STORE_ID_KEY)
        if row is None:
            return 0
        rep_id = replication_id(row.value, central.server, "push")
        checkpoint = docstore.get_checkpoint(session, f"_local/{rep_id}")
        seq = checkpoint.get("last_seq") if checkpoint else 0
        return seq if isinstance(seq, int) and not isinstance(seq, bool) else 0

    return pushed_seq

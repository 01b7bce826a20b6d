"""What the window's status bar reads about replication: how far the last push got.

``pushed_seq_reader(server)`` is a function of a Session giving the local sequence the last
push to that central database checkpointed (the status bar counts the documents changed since:
what waits to be sent).
"""

from collections.abc import Callable

from sqlalchemy.orm import Session

from caseworker.models import StoreSetting
from caseworker.store import docstore
from sync.checkpoint import STORE_ID_KEY, replication_id


def pushed_seq_reader(server: str) -> Callable[[Session], int]:
    def pushed_seq(session: Session) -> int:
        row = session.get(StoreSetting, STORE_ID_KEY)
        if row is None:
            return 0
        rep_id = replication_id(row.value, server, "push")
        checkpoint = docstore.get_checkpoint(session, f"_local/{rep_id}")
        seq = checkpoint.get("last_seq") if checkpoint else 0
        return seq if isinstance(seq, int) and not isinstance(seq, bool) else 0

    return pushed_seq

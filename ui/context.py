"""What every view needs: who is signed in, the database worker and the change bus."""

from dataclasses import dataclass

from caseworker.services.context import Actor
from ui.bus import ChangeBus
from ui.worker import DbWorker


@dataclass(frozen=True)
class UiContext:
    actor: Actor
    staff_name: str
    worker: DbWorker
    bus: ChangeBus
    # Holds the mentions channel (supervisors, admins, agents of a social-media queue): the
    # Mentions page is theirs (``mentions.inbox.holds_inbox``, read when they sign in).
    holds_mentions: bool = False

    @property
    def can_supervise(self) -> bool:
        return self.actor.is_supervisor

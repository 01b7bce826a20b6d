"""``caseworker mention reply|cancel-reply|replies``: public replies to social-media mentions,
drafted on this laptop (no server needed) through the same service the window would use; the
council's central poster posts them (``caseworker central mentions post``), and ``replies``
shows where each one is."""

import argparse
import sys
from typing import Any

from caseworker import vocab
from caseworker.cli.app import Context, UsageError
from caseworker.cli.edit import acting, configure_acting
from caseworker.cli.output import print_json, table, when
from caseworker.display import visible
from caseworker.models import MentionReply
from caseworker.replies import public
from caseworker.services import mention_replies
from caseworker.services.cases import load_case_doc


def _reply(args: argparse.Namespace, ctx: Context) -> int:
    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise UsageError("give the reply's text: --text TEXT (or --text - to read it from stdin)")
    with ctx.store().write() as session:
        reply_id, _ = mention_replies.draft_reply(
            session,
            acting(session, args),
            args.mention,
            text,
            visibility=args.visibility,
            language=args.language,
        )
    print(visible(f"{reply_id}: queued, to be posted by the council's central service"))
    return 0


def _cancel(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().write() as session:
        mention_replies.cancel_reply(session, acting(session, args), args.reply)
    print(visible(f"{args.reply}: cancelled"))
    return 0


def _list(args: argparse.Namespace, ctx: Context) -> int:
    with ctx.store().read() as session:
        case_id = load_case_doc(session, args.case)["_id"]
        rows = mention_replies.case_mention_replies(session, case_id)
    if args.json:
        print_json([_record(r) for r in rows])
    elif not rows:
        print("no public replies on this case")
    else:
        table([(r.id, when(r.at), r.state, r.status_url or r.failure or "") for r in rows])
    return 0


def _record(r: MentionReply) -> dict[str, Any]:
    return {
        "id": r.id,
        "mention_id": r.mention_id,
        "state": r.state,
        "by": r.by,
        "at": r.at,
        "visibility": r.visibility,
        "text": r.text,
        "status_url": r.status_url,
        "failure": r.failure,
    }


def configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("case", help="case id or reference")
    p.add_argument("--json", action="store_true", help="print JSON (with each reply's text)")
    p.set_defaults(handler=_list)


def configure_reply(p: argparse.ArgumentParser) -> None:
    p.add_argument("mention", help="the mention's id (mention:...)")
    p.add_argument(
        "--text",
        required=True,
        help=f"the public reply, at most {public.TEXT_MAX} characters ('-': read from stdin)",
    )
    p.add_argument("--visibility", choices=public.VISIBILITIES, default="public")
    p.add_argument("--language", choices=vocab.LANGUAGES, default="en")
    configure_acting(p)
    p.set_defaults(handler=_reply)


def configure_cancel(p: argparse.ArgumentParser) -> None:
    p.add_argument("reply", help="the reply's id (mreply:...)")
    configure_acting(p)
    p.set_defaults(handler=_cancel)

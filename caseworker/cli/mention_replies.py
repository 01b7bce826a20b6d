"""``caseworker mention reply|cancel-reply``: public replies to social-media mentions, drafted
on this laptop (no server needed) through the same service as the window; the council's
central poster posts them (``caseworker central mentions post``)."""

import argparse
import sys

from caseworker import vocab
from caseworker.cli.app import Context, UsageError
from caseworker.cli.edit import acting, configure_acting
from caseworker.display import visible
from caseworker.replies import public
from caseworker.services import mention_replies


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

"""``caseworker central worker`` refuses, in one line, to start where it cannot work."""

import subprocess

from tests.support.couch_server import CouchServer
from tests.sync.worker_support import SCRIPT


def worker(server: str, user: str, password: str, *extra: str) -> subprocess.CompletedProcess[str]:
    command = [str(SCRIPT), "central", "worker", "--server", server, "--user", user]
    return subprocess.run(
        [*command, "--password-stdin", *extra],
        input=password + "\n",
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_a_wrong_password_an_uninitialised_database_or_credentials_in_the_url_are_one_line(
    couch_server: CouchServer, couch_db: str
) -> None:
    user, password = couch_server.admin_auth
    wrong = worker(couch_db, user, "not-the-password")
    bare = worker(couch_db, user, password)  # no `central init`: no access views
    in_url = worker(couch_db.replace("http://", f"http://{user}:{password}@"), user, password)
    for done, says in (
        (wrong, "may not administer"),
        (bare, "run caseworker central init"),
        (in_url, "put no credentials in --server"),
    ):
        assert done.returncode != 0 and done.stdout == ""
        assert done.stderr.count("\n") == 1 and says in done.stderr, done.stderr
        assert password not in done.stderr


def test_unknown_jobs_and_silly_lease_times_are_refused(couch_db: str) -> None:
    for extra in (("--rebuild", "everything"), ("--lease-seconds", "0"), ("--lease-seconds", "x")):
        done = worker(couch_db, "admin", "pw", *extra)
        assert done.returncode == 2, (extra, done.stderr)

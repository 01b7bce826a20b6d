"""New stores are encrypted unless an admin's policy file says otherwise; a policy that
cannot be read never weakens that."""

from pathlib import Path

import pytest

from caseworker.security.policy import POLICY_FILENAME, load_policy


def test_no_policy_file_means_new_stores_are_encrypted(tmp_path: Path) -> None:
    assert load_policy(tmp_path).encrypt_new_stores
    assert load_policy(tmp_path / "missing").encrypt_new_stores


def test_an_admin_can_turn_it_off_in_so_many_words(tmp_path: Path) -> None:
    (tmp_path / POLICY_FILENAME).write_text('{"encrypt_new_stores": false}', encoding="utf-8")
    assert not load_policy(tmp_path).encrypt_new_stores


@pytest.mark.parametrize(
    "written",
    [
        '{"encrypt_new_stores": "false"}',
        '{"encrypt_new_stores": 0}',
        '{"encrypt_new_stores": null}',
        "[false]",
        "not json",
        "",
        '{"encrypt_new_stores": false',
    ],
)
def test_anything_else_keeps_new_stores_encrypted(tmp_path: Path, written: str) -> None:
    (tmp_path / POLICY_FILENAME).write_text(written, encoding="utf-8")
    assert load_policy(tmp_path).encrypt_new_stores


def test_an_unreadable_policy_keeps_new_stores_encrypted(tmp_path: Path) -> None:
    (tmp_path / POLICY_FILENAME).mkdir()  # a folder where the file should be
    assert load_policy(tmp_path).encrypt_new_stores

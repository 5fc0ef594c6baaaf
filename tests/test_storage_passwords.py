"""The staff password: hashing, constant-time verification, the hash-password command."""

from __future__ import annotations

import hmac
import io
import sys
import tomllib

import pytest

import storage.passwords as passwords
from storage import hash_password, is_hash, verify_password
from storage.cli import main


@pytest.mark.parametrize("scheme", ["scrypt", "pbkdf2_sha256"])
def test_a_hash_verifies_its_password_only(scheme: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(passwords, "PBKDF2_ITERATIONS", 1000)  # fast; the iterations are in the string
    stored = hash_password("Lielvārde 2019", scheme)
    assert stored.startswith(scheme + "$") and is_hash(stored)
    assert verify_password("Lielvārde 2019", stored)
    assert not verify_password("lielvārde 2019", stored)
    assert not verify_password("", stored)


def test_each_hash_has_its_own_salt() -> None:
    assert hash_password("x") != hash_password("x")


def test_the_comparison_is_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    compared = []
    real = hmac.compare_digest
    monkeypatch.setattr(hmac, "compare_digest", lambda a, b: compared.append((a, b)) or real(a, b))
    assert verify_password("x", hash_password("x"))
    assert len(compared) == 1


@pytest.mark.parametrize("stored", [
    None, "", "geheim", "scrypt$16384$8$1$c2FsdA", "scrypt$1000$8$1$c2FsdA$" + "A" * 43,
    "scrypt$1048576000$8$1$c2FsdA$" + "A" * 43, "pbkdf2_sha256$x$c2FsdA$" + "A" * 43, "md5$abc$def",
    "pbkdf2_sha256$1000$c2FsdA$short",
])  # fmt: skip
def test_a_malformed_hash_matches_no_password(stored: str | None) -> None:
    assert not is_hash(stored)
    assert not verify_password("geheim", stored)


def test_the_command_prints_the_line_for_env_or_secrets(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("Lielvārde 2019\n"))
    assert main(["hash-password"]) == 0
    line = capsys.readouterr().out.strip()
    name, _, quoted = line.partition("=")
    assert name == "COWORKING_ADMIN_PASSWORD_HASH" and quoted[0] == quoted[-1] == "'"
    assert verify_password("Lielvārde 2019", quoted[1:-1])
    assert tomllib.loads(line) == {name: quoted[1:-1]}  # the same line works in .streamlit/secrets.toml


def test_the_command_refuses_an_empty_password(monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    monkeypatch.setattr(sys, "stdin", io.StringIO("\n"))
    assert main(["hash-password"]) == 1
    assert capsys.readouterr().out == ""

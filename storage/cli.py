"""``python -m storage hash-password [--scheme scrypt|pbkdf2_sha256] [--lang lv|en]``.

Asks for the staff password twice (or reads one line from standard input when it is not a
terminal) and prints the one line to put in the environment or in ``.streamlit/secrets.toml``::

    COWORKING_ADMIN_PASSWORD_HASH='scrypt$32768$8$1$...'

The prompts go to the terminal, so ``python -m storage hash-password >> .streamlit/secrets.toml``
appends just that line.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from config.settings import ENV_ADMIN_PASSWORD_HASH
from i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from loaders.memory import return_freed_memory
from storage.passwords import SCHEMES, SCRYPT, hash_password


def _read_password(lang: str) -> str | None:
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass(t("data.cli.password", lang))
    if first != getpass.getpass(t("data.cli.again", lang)):
        print(t("data.cli.differ", lang), file=sys.stderr)
        return None
    return first


def main(argv: list[str] | None = None) -> int:
    return_freed_memory()  # the process-wide allocator setup of every entry point (loaders/memory.py)
    parser = argparse.ArgumentParser(prog="python -m storage", description=t("data.cli.description", "lv"))
    commands = parser.add_subparsers(dest="command", required=True)
    hasher = commands.add_parser("hash-password", help=t("data.cli.hash_help", "lv"))
    hasher.add_argument("--scheme", choices=SCHEMES, default=SCRYPT)
    hasher.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)

    password = _read_password(args.lang)
    if password is None:
        return 1
    if not password:
        print(t("data.cli.empty", args.lang), file=sys.stderr)
        return 1
    print(f"{ENV_ADMIN_PASSWORD_HASH}='{hash_password(password, args.scheme)}'")
    return 0

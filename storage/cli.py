"""``python -m storage hash-password|make-key|rekey``: the operator's commands on the server.

``python -m storage hash-password [--scheme scrypt|pbkdf2_sha256] [--lang lv|en]`` asks for the staff
password twice (or reads one line from standard input when it is not a
terminal) and prints the one line to put in the environment or in ``.streamlit/secrets.toml``::

    COWORKING_ADMIN_PASSWORD_HASH='scrypt$32768$8$1$...'

The prompts go to the terminal, so ``python -m storage hash-password >> .streamlit/secrets.toml``
appends just that line.

``python -m storage make-key [--lang lv|en]`` prints a new pseudonym key's line
(``COWORKING_PSEUDONYM_KEY='...'``) to standard output, a note on keeping it safe to standard error.

``python -m storage rekey OLD NEW DIR [--lang lv|en]`` re-keys every ``P-`` id of the data folder
``DIR`` with the new key ``NEW`` (:mod:`storage.rekey`; one backed-up save) and prints the chain
``OLD NEW`` to configure instead of ``OLD``. Exit status: 0 done (or nothing to re-key), 1 the data
has errors or the change was refused or failed (nothing written), 2 wrong keys or ``DIR`` not a folder.
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from config.settings import ENV_ADMIN_PASSWORD_HASH, ENV_PSEUDONYM_KEY, load_settings
from i18n import DEFAULT_LANGUAGE, LANGUAGES, t
from loaders import Problem
from loaders.memory import return_freed_memory
from storage.errors import StaleData, StorageError
from storage.passwords import SCHEMES, SCRYPT, hash_password
from storage.pseudonyms import MIN_KEY_LENGTH, KeyChain, KeyProblem, make_key
from storage.rekey import ID_COLUMNS, RekeyRefused, rekey_folder
from storage.settings import StorageSettings

EXIT_OK, EXIT_REFUSED, EXIT_USAGE = 0, 1, 2
#: how many of the data's errors ``rekey`` lists
_SHOWN_PROBLEMS = 10


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
    maker = commands.add_parser("make-key", help=t("data.cli.make_key_help", "lv"))
    maker.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    rekey = commands.add_parser("rekey", help=t("data.cli.rekey_help", "lv"))
    rekey.add_argument("old", metavar="OLD", help=t("data.cli.rekey_old", "lv"))
    rekey.add_argument("new", metavar="NEW", help=t("data.cli.rekey_new", "lv"))
    rekey.add_argument("folder", metavar="DIR", help=t("data.cli.rekey_dir", "lv"))
    rekey.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    args = parser.parse_args(argv)

    if args.command == "make-key":
        return _make_key(args.lang)
    if args.command == "rekey":
        return _rekey(args.old, args.new, Path(args.folder), args.lang)
    return _hash_password(args.scheme, args.lang)


def _setting_line(name: str, value: str) -> str:
    return f"{name}='{value}'"


def _make_key(lang: str) -> int:
    print(_setting_line(ENV_PSEUDONYM_KEY, make_key()))
    print(t("data.cli.key_note", lang), file=sys.stderr)
    return EXIT_OK


def _parse_key(text: str, which: str, lang: str) -> KeyChain | None:
    try:
        return KeyChain.parse(text)
    except KeyProblem as problem:
        print(t(f"data.cli.key_{problem.rule}", lang, which=which, min=MIN_KEY_LENGTH), file=sys.stderr)
        return None


def _problem_line(problem: Problem, lang: str) -> str:
    where = problem.file or problem.table
    if problem.row is not None:
        where = f"{where}:{problem.row}"
    return f"  {where}: {problem.message(lang)}" if where else f"  {problem.message(lang)}"


def _refused(refused: RekeyRefused, folder: Path, lang: str) -> int:
    if refused.rule == "not_a_folder":
        print(t("data.cli.not_a_folder", lang, folder=folder), file=sys.stderr)
        return EXIT_USAGE
    if refused.rule == "new_in_chain":
        print(t("data.cli.new_in_chain", lang), file=sys.stderr)
        return EXIT_USAGE
    if refused.rule == "data_errors":
        print(t("data.cli.data_errors", lang, errors=len(refused.problems), folder=folder), file=sys.stderr)
        for problem in refused.problems[:_SHOWN_PROBLEMS]:
            print(_problem_line(problem, lang), file=sys.stderr)
        if len(refused.problems) > _SHOWN_PROBLEMS:
            print(t("data.cli.more_problems", lang, count=len(refused.problems) - _SHOWN_PROBLEMS), file=sys.stderr)
        return EXIT_REFUSED
    print(t("data.cli.collision", lang, ids=", ".join(refused.ids)), file=sys.stderr)
    return EXIT_REFUSED


def _rekey(old_text: str, new_text: str, folder: Path, lang: str) -> int:
    old = _parse_key(old_text, "OLD", lang)
    new = _parse_key(new_text, "NEW", lang)
    if old is None or new is None:
        return EXIT_USAGE
    if len(new.keys) != 1:
        print(t("data.cli.new_not_single", lang), file=sys.stderr)
        return EXIT_USAGE
    configured = os.environ.get(ENV_PSEUDONYM_KEY, "").split()
    if configured and tuple(configured) != old.keys:
        print(t("data.cli.not_configured", lang), file=sys.stderr)
    settings = StorageSettings.from_settings(load_settings(os.environ))
    try:
        result = rekey_folder(folder, old, new.keys[0], settings)
    except RekeyRefused as refused:
        return _refused(refused, folder, lang)
    except StaleData:
        print(t("data.cli.stale", lang), file=sys.stderr)
        return EXIT_REFUSED
    except StorageError as error:
        reason = t(f"data.error.{error.rule}", lang, **error.params)
        print(t("data.cli.save_failed", lang, reason=reason), file=sys.stderr)
        return EXIT_REFUSED
    if not result.changed:
        print(t("data.cli.nothing_to_rekey", lang))
        return EXIT_OK
    print(t("data.cli.rekeyed", lang, ids=result.ids))
    for table, count in result.counts.items():
        print(t("data.cli.rekeyed_table", lang, table=table, column=ID_COLUMNS[table], count=count))
    print(t("data.cli.rekey_backup", lang, backup=folder / ".history" / result.entry_id))
    print(t("data.cli.rekey_setting", lang))
    print(_setting_line(ENV_PSEUDONYM_KEY, result.chain.setting))
    print(t("data.cli.rekey_keep_old", lang))
    return EXIT_OK


def _hash_password(scheme: str, lang: str) -> int:
    password = _read_password(lang)
    if password is None:
        return 1
    if not password:
        print(t("data.cli.empty", lang), file=sys.stderr)
        return 1
    print(_setting_line(ENV_ADMIN_PASSWORD_HASH, hash_password(password, scheme)))
    return 0

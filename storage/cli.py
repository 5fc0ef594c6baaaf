"""``python -m storage hash-password|make-key|rekey``: the operator's commands on the server.

``python -m storage hash-password [--scheme scrypt|pbkdf2_sha256] [--lang lv|en]`` asks for the staff
password twice (or reads one line from standard input when it is not a
terminal) and prints the one line to put in the environment or in ``.streamlit/secrets.toml``::

    COWORKING_ADMIN_PASSWORD_HASH='scrypt$32768$8$1$...'

The prompts go to the terminal, so ``python -m storage hash-password >> .streamlit/secrets.toml``
appends just that line.

``python -m storage make-key [--lang lv|en]`` prints a new pseudonym key's line
(``COWORKING_PSEUDONYM_KEY='...'``) to standard output, a note on keeping it safe to standard error.

``python -m storage db init|add-lag|import|export …``: the PostgreSQL backend
(:mod:`storage.postgres`): ``db init ADMIN_URL --app-password-env VAR --network-password-env VAR``,
``db add-lag ADMIN_URL CODE [--name NAME]``, ``db import DIR URL --lag CODE`` (the folder validated,
then one ``import`` revision replacing the LAG's tables; errors are printed as by
``python -m loaders check`` and nothing is written), ``db export URL --lag CODE DIR [--force]`` (the
LAG's tables as Latvian Excel CSV files; a folder that is not empty only with ``--force``). Passwords
come from the environment, never the command line, and a URL is only ever printed redacted.
Exit status: 0 done, 1 refused (data errors, a concurrent save, an unknown LAG, a database error),
2 usage (a missing variable, not a URL, a folder that is not empty).

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
from storage.postgres.url import is_database_url, split_lag
from storage.pseudonyms import MIN_KEY_LENGTH, KeyChain, KeyProblem, make_key
from storage.rekey import ID_COLUMNS, RekeyRefused, RekeyResult, rekey_folder, rekey_store
from storage.settings import StorageSettings
from storage.store import DatabaseStore

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
    _db_parser(commands)
    args = parser.parse_args(argv)

    if args.command == "db":
        return _db(args)
    if args.command == "make-key":
        return _make_key(args.lang)
    if args.command == "rekey":
        return _rekey(args.old, args.new, args.folder, args.lang)
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


def _refused(refused: RekeyRefused, folder: Path | str, lang: str) -> int:
    if refused.rule == "no_lag":
        print(t("data.cli.db.no_lag", lang), file=sys.stderr)
        return EXIT_USAGE
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


def _rekey_in(where: str, old: KeyChain, new_key: str, settings: StorageSettings) -> RekeyResult:
    """Re-key a folder, or one LAG of the database (``postgresql://…?lag=CODE``)."""
    if not is_database_url(where):
        return rekey_folder(Path(where), old, new_key, settings)
    url, lag = split_lag(where)
    if not lag:
        raise RekeyRefused("no_lag")
    return rekey_store(DatabaseStore(url, lag), old, new_key, settings)


def _rekey(old_text: str, new_text: str, where: str, lang: str) -> int:
    """``where``: a data folder, or ``postgresql://…?lag=CODE`` (one LAG of the database)."""
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
    in_database = is_database_url(where)
    folder = Path(where)
    try:
        result = _rekey_in(where, old, new.keys[0], settings)
    except RekeyRefused as refused:
        return _refused(refused, where if in_database else folder, lang)
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
    if in_database:
        print(t("data.cli.rekey_revision", lang, revision=result.entry_id))
    else:
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


# --- python -m storage db … (the PostgreSQL backend) ---------------------------------------------


def _db_parser(commands: argparse._SubParsersAction) -> None:
    def help_(key: str) -> str:
        return t(f"data.cli.db.{key}", "lv")

    db = commands.add_parser("db", help=help_("help"))
    actions = db.add_subparsers(dest="action", required=True)
    init = actions.add_parser("init", help=help_("init_help"))
    init.add_argument("admin_url", metavar="ADMIN_URL", help=help_("admin_url"))
    init.add_argument("--app-password-env", required=True, metavar="VAR", help=help_("password_env"))
    init.add_argument("--network-password-env", required=True, metavar="VAR", help=help_("password_env"))
    add = actions.add_parser("add-lag", help=help_("add_lag_help"))
    add.add_argument("admin_url", metavar="ADMIN_URL", help=help_("admin_url"))
    add.add_argument("code", metavar="CODE", help=help_("lag"))
    add.add_argument("--name", default="", help=help_("name"))
    imp = actions.add_parser("import", help=help_("import_help"))
    imp.add_argument("folder", metavar="DIR", help=help_("dir"))
    imp.add_argument("url", metavar="URL", help=help_("url"))
    imp.add_argument("--lag", metavar="CODE", help=help_("lag"))
    exp = actions.add_parser("export", help=help_("export_help"))
    exp.add_argument("url", metavar="URL", help=help_("url"))
    exp.add_argument("folder", metavar="DIR", help=help_("dir"))
    exp.add_argument("--lag", metavar="CODE", help=help_("lag"))
    exp.add_argument("--force", action="store_true", help=help_("force"))
    for parser in (init, add, imp, exp):
        parser.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)


def _db(args: argparse.Namespace) -> int:
    import psycopg

    from storage.postgres.store import UnknownLag, secret_free
    from storage.postgres.url import is_database_url, redacted

    lang = args.lang
    url = args.admin_url if args.action in ("init", "add-lag") else args.url
    if not is_database_url(url):
        print(t("data.cli.db.not_a_url", lang, url=redacted(url)), file=sys.stderr)
        return EXIT_USAGE
    try:
        if args.action == "init":
            return _db_init(args, lang)
        if args.action == "add-lag":
            return _db_add_lag(args, lang)
        if args.action == "import":
            return _db_import(args, lang)
        return _db_export(args, lang)
    except UnknownLag as unknown:
        print(t("data.cli.db.unknown_lag", lang, lag=unknown.args[0]), file=sys.stderr)
        return EXIT_REFUSED
    except (psycopg.Error, RuntimeError) as failed:
        reason = secret_free(f"{type(failed).__name__}: {str(failed).strip()}", url)
        print(t("data.cli.db.failed", lang, url=redacted(url), reason=reason), file=sys.stderr)
        return EXIT_REFUSED


def _env_password(name: str, lang: str) -> str | None:
    value = os.environ.get(name, "")
    if not value:
        print(t("data.cli.db.env_missing", lang, name=name), file=sys.stderr)
        return None
    return value


def _db_init(args: argparse.Namespace, lang: str) -> int:
    from storage.postgres.admin import init_database
    from storage.postgres.url import redacted

    app = _env_password(args.app_password_env, lang)
    network = _env_password(args.network_password_env, lang)
    if app is None or network is None:
        return EXIT_USAGE
    init_database(args.admin_url, app_password=app, network_password=network)
    print(t("data.cli.db.initialised", lang, url=redacted(args.admin_url)))
    return EXIT_OK


def _db_add_lag(args: argparse.Namespace, lang: str) -> int:
    from storage.postgres.admin import add_lag
    from storage.postgres.url import redacted

    add_lag(args.admin_url, args.code, args.name)
    print(t("data.cli.db.lag_added", lang, lag=args.code, url=redacted(args.admin_url)))
    return EXIT_OK


def _store(args: argparse.Namespace, lang: str):
    from storage.postgres.store import PostgresStore

    try:
        return PostgresStore(args.url, args.lag)
    except ValueError as wrong:
        key = "data.cli.db.no_lag" if "no LAG" in str(wrong) else "data.cli.db.bad_lag"
        print(t(key, lang, reason=wrong), file=sys.stderr)
        return None


def _db_import(args: argparse.Namespace, lang: str) -> int:
    from loaders.cli import result_as_text
    from storage.errors import InvalidChange, NothingToSave
    from storage.staging import load_files, snapshot

    folder = Path(args.folder)
    if not folder.is_dir():
        print(t("data.cli.db.not_a_folder", lang, folder=folder), file=sys.stderr)
        return EXIT_USAGE
    store = _store(args, lang)
    if store is None:
        return EXIT_USAGE
    files = snapshot(folder).files  # an interrupted save of the folder rolled back first
    result = load_files(files)
    result.folder = folder
    if not result.ok:
        print(result_as_text(result, lang))
        print(t("data.cli.db.data_errors", lang), file=sys.stderr)
        return EXIT_REFUSED
    try:
        revision = store.save(files, (), store.fingerprint(), kind="import", author="python -m storage db import",
                              validated=result)
    except NothingToSave:
        print(t("data.cli.db.nothing_to_import", lang, lag=store.lag))
        return EXIT_OK
    except StaleData:
        print(t("data.cli.db.stale", lang), file=sys.stderr)
        return EXIT_REFUSED
    except InvalidChange as invalid:  # not after the check above; kept for a mistake elsewhere
        result.problems = invalid.problems
        print(result_as_text(result, lang))
        return EXIT_REFUSED
    except StorageError as error:
        reason = t(f"data.error.{error.rule}", lang, **error.params)
        print(t("data.cli.db.failed", lang, url=store.source, reason=reason), file=sys.stderr)
        return EXIT_REFUSED
    assert result.dataset is not None
    rows = sum(len(result.dataset.table(name)) for name in result.files)
    print(t("data.cli.db.imported", lang, lag=store.lag, tables=len(result.files), rows=rows,
            revision=revision.fingerprint))
    return EXIT_OK


def _db_export(args: argparse.Namespace, lang: str) -> int:
    from storage.atomic import replace_atomically
    from storage.names import table_of

    folder = Path(args.folder)
    if folder.exists() and not folder.is_dir():
        print(t("data.cli.db.not_a_folder", lang, folder=folder), file=sys.stderr)
        return EXIT_USAGE
    if folder.is_dir() and any(folder.iterdir()) and not args.force:
        print(t("data.cli.db.not_empty", lang, folder=folder), file=sys.stderr)
        return EXIT_USAGE
    store = _store(args, lang)
    if store is None:
        return EXIT_USAGE
    files, fingerprint = store.export_files()
    folder.mkdir(parents=True, exist_ok=True)
    for old in sorted(folder.iterdir()):  # with --force: another file of a table would be the table twice
        if old.is_file() and not old.is_symlink() and table_of(old.name) is not None and old.name not in files:
            old.unlink()
            print(t("data.cli.db.removed_old", lang, file=old.name))
    for name, data in files.items():
        try:
            replace_atomically(folder / name, data)
        except OSError as exc:
            print(t("data.cli.db.write_failed", lang, path=folder / name, reason=exc.strerror or exc), file=sys.stderr)
            return EXIT_REFUSED
    print(t("data.cli.db.exported", lang, lag=store.lag, fingerprint=fingerprint, count=len(files), folder=folder))
    return EXIT_OK

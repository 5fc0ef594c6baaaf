"""``python -m loaders check DIR [--lang lv|en] [--json]``.

``DIR`` may also be a database, ``postgresql://…?lag=CODE``: the LAG's tables are read from it
(:mod:`storage.postgres`; only validated data is ever saved there, so it reports its tables).

Exit status: 0 no errors (warnings allowed), 1 errors, 2 DIR missing or not a folder (or the
database cannot be read).
Whatever the files hold, the command ends with a report, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from i18n import LANGUAGES, t
from loaders.dataset import LoadResult, load_dataset
from loaders.memory import return_freed_memory
from loaders.problems import error

EXIT_OK, EXIT_ERRORS, EXIT_USAGE = 0, 1, 2


def result_as_json(result: LoadResult, lang: str) -> dict[str, Any]:
    return {
        "ok": result.ok,
        "tables": {
            name: {"file": info.file, "rows": info.rows, "encoding": info.encoding, "separator": info.separator}
            for name, info in result.files.items()
        },
        "problems": [p.as_dict(lang) for p in result.problems],
    }


def _table(rows: list[list[str]], header: list[str]) -> str:
    widths = [max(len(str(cell)) for cell in column) for column in zip(header, *rows, strict=False)]
    widths = [min(w, 40) for w in widths[:-1]] + [0]  # the last column (the message) is never cut

    def line(cells: list[str]) -> str:
        return "  ".join(
            (str(c) if w == 0 else str(c)[:w]).ljust(w) for c, w in zip(cells, widths, strict=False)
        ).rstrip()

    return "\n".join([line(header), line(["-" * (w or len(header[-1])) for w in widths]), *(line(r) for r in rows)])


def result_as_text(result: LoadResult, lang: str) -> str:
    parts = [t("cli.folder", lang, folder=result.folder)]
    if result.files:
        parts.append(
            _table(
                [[i.table, i.file, str(i.rows), i.encoding, i.separator or "–"] for i in result.files.values()],
                [t(f"cli.col.{c}", lang) for c in ("table", "file", "rows", "encoding", "separator")],
            )
        )
    if result.problems:
        parts.append(
            _table(
                [
                    [t(f"severity.{p.severity}", lang), p.file or p.table, "" if p.row is None else str(p.row),
                     p.column or "", p.value or "", p.message(lang)]
                    for p in result.problems
                ],
                [t(f"cli.col.{c}", lang) for c in ("severity", "file", "row", "column", "value", "message")],
            )
        )
    parts.append(t("cli.summary", lang, errors=len(result.errors), warnings=len(result.warnings)))
    parts.append(t("cli.ok", lang) if result.ok else t("cli.not_ok", lang))
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    return_freed_memory()  # the process-wide allocator setup of every entry point (loaders/memory.py)
    parser = argparse.ArgumentParser(prog="python -m loaders", description=t("cli.description", "en"))
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help=t("cli.check_help", "en"))
    check.add_argument("folder")
    check.add_argument("--lang", choices=LANGUAGES, default="lv")
    check.add_argument("--json", action="store_true", help=t("cli.json_help", "en"))
    args = parser.parse_args(argv)

    if _is_database_url(args.folder):
        return _check_database(args.folder, args.lang, as_json=args.json)
    folder = Path(args.folder)
    if not folder.is_dir():
        message = t("cli.not_a_folder", args.lang, folder=folder)
        if args.json:
            print(json.dumps({"ok": False, "tables": {}, "problems": [
                error("", "folder_missing", value=str(folder)).as_dict(args.lang)]}, ensure_ascii=False))
        else:
            print(message, file=sys.stderr)
        return EXIT_USAGE
    try:
        from storage import recover  # the command, not the loaders, depends on storage

        recovered = recover(folder)  # a save killed half way is rolled back before the check
        if recovered is not None:
            print(recovered.message(args.lang), file=sys.stderr)
        result = load_dataset(folder)
    except Exception as exc:  # the promise: a report, never a traceback
        result = LoadResult(folder=folder, dataset=None,
                            problems=[error("", "internal_error", value=type(exc).__name__)])
    if args.json:
        print(json.dumps(result_as_json(result, args.lang), ensure_ascii=False, indent=2))
    else:
        print(result_as_text(result, args.lang))
    return EXIT_OK if result.ok else EXIT_ERRORS


def _is_database_url(text: str) -> bool:
    from storage.postgres.url import is_database_url  # the command, not the loaders, depends on storage

    return is_database_url(text)


def _check_database(url: str, lang: str, *, as_json: bool) -> int:
    from storage.postgres.store import load_source, source_error

    try:
        result = load_source(url)
    except Exception as exc:  # the promise: a report, never a traceback
        message = source_error(exc, url, lang)
        if as_json:
            print(json.dumps({"ok": False, "tables": {}, "problems": [
                error("", "internal_error", value=message).as_dict(lang)]}, ensure_ascii=False))
        else:
            print(message, file=sys.stderr)
        return EXIT_USAGE
    if as_json:
        print(json.dumps(result_as_json(result, lang), ensure_ascii=False, indent=2))
    else:
        print(result_as_text(result, lang))
    return EXIT_OK if result.ok else EXIT_ERRORS

"""``python -m reports DIR --project CODE [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--public]
[--lang lv|en] --format json|xlsx|docx|pdf|csv [--out FILE]``: a project's report;
``python -m reports DIR --year YYYY --format … [--public] [--lang en] [--out FILE]``: the network's
annual report of a calendar year (every event of the year, with or without a project).

JSON goes to standard output when ``--out`` is not given; the other formats are saved as
``--out`` or, without it, under their default name in the current folder. Word and PDF show the
logos of ``DIR/logos/`` (:mod:`reports.logos`; a file left out is said on standard error).

``DIR`` may also be a database, ``postgresql://…?lag=CODE`` (:mod:`storage.postgres`): the LAG's
tables are read from it (no logos: they are files of a data folder).

Exit status: 0 done; 1 the data folder has errors (they are printed); 2 unknown project (the
known codes are printed), a bad period, ``--year`` with ``--project`` (or neither), a missing
folder or a usage error; 3 the file could not be written or an unexpected failure.
Whatever happens, a message, never a traceback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from config import Settings, load_settings
from i18n import LANGUAGES, t
from loaders import LoadResult
from loaders.cli import result_as_text
from loaders.memory import return_freed_memory
from loaders.snapshot import load_folder
from reports.assemble import UnknownProject, assemble_network_report, assemble_report
from reports.build import FORMATS, WITH_CHARTS, build, file_name
from reports.chart_images import render_charts
from reports.logos import read_logos
from storage import recover
from storage.postgres.url import is_database_url

EXIT_OK, EXIT_DATA_ERRORS, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(t("report.cli.bad_date", "en", value=value)) from None


def _parser() -> argparse.ArgumentParser:
    def help_(key: str) -> str:
        return t(f"report.cli.help.{key}", "en")

    parser = argparse.ArgumentParser(prog="python -m reports", description=t("report.cli.description", "en"))
    parser.add_argument("folder", metavar="DIR", help=help_("folder"))
    parser.add_argument("--project", metavar="CODE", help=help_("project"))
    parser.add_argument("--year", type=int, metavar="YYYY", help=help_("year"))
    parser.add_argument("--from", dest="start", type=_date, metavar="YYYY-MM-DD", help=help_("from"))
    parser.add_argument("--to", dest="end", type=_date, metavar="YYYY-MM-DD", help=help_("to"))
    parser.add_argument("--public", action="store_true", help=help_("public"))
    parser.add_argument("--lang", choices=LANGUAGES, default="lv", help=help_("lang"))
    parser.add_argument("--format", required=True, choices=FORMATS, help=help_("format"))
    parser.add_argument("--out", metavar="FILE", help=help_("out"))
    return parser


def _error(message: str) -> None:
    print(message, file=sys.stderr)


def main(argv: list[str] | None = None) -> int:
    return_freed_memory()  # the process-wide allocator setup of every entry point (loaders/memory.py)
    settings = load_settings(os.environ)
    args = _parser().parse_args(argv)
    lang = args.lang
    if args.year is not None and args.project is not None:
        _error(t("report.cli.year_and_project", lang))
        return EXIT_USAGE
    if args.year is None and args.project is None:
        _error(t("report.cli.project_or_year", lang))
        return EXIT_USAGE
    if args.year is not None and (args.start is not None or args.end is not None):
        _error(t("report.cli.year_and_period", lang))
        return EXIT_USAGE
    database = is_database_url(args.folder)
    folder = Path(args.folder)
    if not database and not folder.is_dir():
        _error(t("cli.not_a_folder", lang, folder=folder))
        return EXIT_USAGE
    try:
        return _run(args, None if database else folder, lang, settings)
    except Exception as exc:  # the promise: a message, never a traceback
        _error(t("report.cli.failed", lang, reason=f"{type(exc).__name__}: {exc}"))
        return EXIT_FAILED


def _assemble(args: argparse.Namespace, ds, fingerprint: str, settings: Settings):
    """The network's annual report (``--year``) or the project's report."""
    if args.year is not None:
        return assemble_network_report(ds, args.year, public=args.public, lang=args.lang, fingerprint=fingerprint,
                                       territory=settings.territory)
    return assemble_report(ds, args.project, args.start, args.end, public=args.public, lang=args.lang,
                           fingerprint=fingerprint, territory=settings.territory)


def _load(args: argparse.Namespace, folder: Path | None, lang: str) -> LoadResult | None:
    """The data folder (an interrupted save rolled back first) or the database URL, loaded."""
    if folder is None:
        from storage.postgres.store import load_source, source_error

        try:
            return load_source(args.folder)
        except Exception as exc:
            _error(source_error(exc, args.folder, lang))
            return None
    recovered = recover(folder)  # a save killed half way is rolled back before the folder is read
    if recovered is not None:
        print(recovered.message(lang), file=sys.stderr)
    return load_folder(folder)  # an unchanged folder from its typed snapshot


def _run(args: argparse.Namespace, folder: Path | None, lang: str, settings: Settings) -> int:
    result = _load(args, folder, lang)
    if result is None:
        return EXIT_USAGE
    if not result.ok or result.dataset is None:
        _error(t("report.cli.cannot_load", lang))
        _error(result_as_text(result, lang))
        return EXIT_DATA_ERRORS
    try:
        report = _assemble(args, result.dataset, result.fingerprint, settings)
    except UnknownProject as unknown:
        _error(t("report.cli.unknown_project", lang, code=unknown.code))
        _error("\n".join(f"  {code}" for code in unknown.known) or f"  {t('report.cli.no_projects', lang)}")
        return EXIT_USAGE
    except ValueError:
        _error(t("report.cli.bad_period", lang, start=args.start, end=args.end))
        return EXIT_USAGE

    images, strip = None, []
    if args.format in WITH_CHARTS:
        images = render_charts(report, settings.browser_path)
        if images.missing_reason:
            _error(t("report.charts_missing", lang, reason=images.missing_reason))
        strip, left_out = read_logos(folder) if folder is not None else ([], [])
        for item in left_out:
            _error(t("report.logo.left_out", lang, file=item.name, reason=item.reason.message(lang)))
    data = build(report, args.format, images, logos=strip)
    if args.out is None and args.format == "json":
        sys.stdout.write(data.decode("utf-8") + "\n")
        return EXIT_OK
    out = Path(args.out) if args.out else Path.cwd() / file_name(report, args.format)
    try:
        out.write_bytes(data)
    except OSError as exc:
        _error(t("report.cli.write_failed", lang, path=out, reason=exc.strerror or exc))
        return EXIT_FAILED
    print(t("report.cli.saved", lang, path=out))
    return EXIT_OK

"""Every setting of the app and its commands: its name, type and default, read in one place.

The names are the ones staff and operators set (the README's *Settings* table). :func:`load_settings`
builds the one :class:`Settings` from a mapping of environment variables (and, in the app,
Streamlit's secrets); nothing else reads ``os.environ``. The app builds it once per server process
(``ui/settings.py``), each command at its start. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_DATA_DIR = "COWORKING_DATA_DIR"
ENV_ADMIN_PASSWORD_HASH = "COWORKING_ADMIN_PASSWORD_HASH"
#: the partnership's secret key for the keyed pseudonyms of names (``storage/pseudonyms.py``)
ENV_PSEUDONYM_KEY = "COWORKING_PSEUDONYM_KEY"
#: the PostgreSQL data source instead of a folder: ``postgresql://user:pw@host/db?lag=CODE`` (one LAG,
#: the app role) or without ``lag`` with the network role (every LAG, read only)
ENV_DATABASE_URL = "COWORKING_DATABASE_URL"
#: the settings Streamlit's secrets may hold (they win over the environment)
SECRET_SETTINGS = (ENV_ADMIN_PASSWORD_HASH, ENV_PSEUDONYM_KEY, ENV_DATABASE_URL)
ENV_MAX_UPLOAD_MB = "COWORKING_MAX_UPLOAD_MB"
ENV_KEEP_BACKUPS = "COWORKING_KEEP_BACKUPS"
ENV_TERRITORY = "COWORKING_TERRITORY"
#: the same name kaleido (through choreographer) reads
ENV_BROWSER_PATH = "BROWSER_PATH"
#: the Chromium used when ``BROWSER_PATH`` is not set: Debian's, under either of its names
BROWSER_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
ENV_MONITORING_YEARS = "COWORKING_MONITORING_YEARS"
ENV_MONITORING_DUE = "COWORKING_MONITORING_DUE"
ENV_MONITORING_FIRST_YEAR = "COWORKING_MONITORING_FIRST_YEAR"
ENV_MONITORING_BUSINESS_PROJECTS = "COWORKING_MONITORING_BUSINESS_PROJECTS"
ENV_MONITORING_BUSINESS_FIRST_YEAR = "COWORKING_MONITORING_BUSINESS_FIRST_YEAR"
ENV_MONITORING_BUSINESS_DUE = "COWORKING_MONITORING_BUSINESS_DUE"

DEFAULT_MAX_UPLOAD_MB = 10
DEFAULT_KEEP_BACKUPS = 20
DEFAULT_TERRITORY: tuple[str, ...] = ("Mārupes novads", "Olaines novads")
#: post-project monitoring (``metrics/monitoring.py``; the sources of these defaults: README, *Settings*):
#: the period's length in years after the final payment, ...
DEFAULT_MONITORING_YEARS = 5
#: ... a yearly report due by this (day, month) ...
DEFAULT_MONITORING_DUE: tuple[int, int] = (30, 3)
#: ... from this year of the period on (1 = the calendar year after the final payment's) ...
DEFAULT_MONITORING_FIRST_YEAR = 1
#: ... and, for business projects, from the fourth
DEFAULT_MONITORING_BUSINESS_FIRST_YEAR = 4


@dataclass(frozen=True)
class Settings:
    #: the data folder (``None``: the demo data shipped in ``data/``)
    data_dir: Path | None = None
    #: the staff password's hash string (``''``: none, the Data page is read-only); secrets win
    admin_password_hash: str = field(default="", repr=False)
    #: the pseudonym key (or the chain ``OLD NEW`` after a re-keying; ``''``: none, no sign-in import); secrets win
    pseudonym_key: str = field(default="", repr=False)
    #: the database instead of ``data_dir`` (``''``: the folder); holds a password, so never printed; secrets win
    database_url: str = field(default="", repr=False)
    #: largest accepted upload, in MB (also each file in a zip)
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB
    #: backup folders kept in ``.history/``
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    #: the partnership's territory on the map: municipality names (names not on the map are left out there)
    territory: tuple[str, ...] = DEFAULT_TERRITORY
    #: the Chromium that draws the report charts (``None``: Debian's ``/usr/bin/chromium`` if there)
    browser_path: str | None = None
    #: post-project monitoring: the period's years after the final payment
    monitoring_years: int = DEFAULT_MONITORING_YEARS
    #: the yearly report's due date as ``(day, month)``
    monitoring_due: tuple[int, int] = DEFAULT_MONITORING_DUE
    #: the period's year of the first report (1 = the calendar year after the final payment's)
    monitoring_first_year: int = DEFAULT_MONITORING_FIRST_YEAR
    #: the codes of business projects, whose first report comes later
    monitoring_business_projects: tuple[str, ...] = ()
    #: the period's year of a business project's first report
    monitoring_business_first_year: int = DEFAULT_MONITORING_BUSINESS_FIRST_YEAR
    #: a business project's due date (``None``: the same as ``monitoring_due``)
    monitoring_business_due: tuple[int, int] | None = None


def load_settings(environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None) -> Settings:
    """The settings from ``environ`` (e.g. ``os.environ``) and ``secrets`` (Streamlit's, in the app).

    Unset or empty values keep their default; a value that is not a positive whole number (for the
    upload limit, the backups kept and the monitoring years) or no day and month (``30.03``) for a
    due date is ignored, so the default applies.
    """
    data_dir = environ.get(ENV_DATA_DIR, "").strip()
    names = tuple(name.strip() for name in environ.get(ENV_TERRITORY, "").split(";") if name.strip())
    return Settings(
        data_dir=Path(data_dir).expanduser() if data_dir else None,
        admin_password_hash=_secret(ENV_ADMIN_PASSWORD_HASH, environ, secrets),
        pseudonym_key=_secret(ENV_PSEUDONYM_KEY, environ, secrets),
        database_url=_secret(ENV_DATABASE_URL, environ, secrets),
        max_upload_mb=_positive_int(environ.get(ENV_MAX_UPLOAD_MB)) or DEFAULT_MAX_UPLOAD_MB,
        keep_backups=_positive_int(environ.get(ENV_KEEP_BACKUPS)) or DEFAULT_KEEP_BACKUPS,
        territory=names or DEFAULT_TERRITORY,
        browser_path=environ.get(ENV_BROWSER_PATH, "").strip() or None,
        monitoring_years=_positive_int(environ.get(ENV_MONITORING_YEARS)) or DEFAULT_MONITORING_YEARS,
        monitoring_due=_day_month(environ.get(ENV_MONITORING_DUE)) or DEFAULT_MONITORING_DUE,
        monitoring_first_year=_positive_int(environ.get(ENV_MONITORING_FIRST_YEAR)) or DEFAULT_MONITORING_FIRST_YEAR,
        monitoring_business_projects=_codes(environ.get(ENV_MONITORING_BUSINESS_PROJECTS)),
        monitoring_business_first_year=(_positive_int(environ.get(ENV_MONITORING_BUSINESS_FIRST_YEAR))
                                        or DEFAULT_MONITORING_BUSINESS_FIRST_YEAR),
        monitoring_business_due=_day_month(environ.get(ENV_MONITORING_BUSINESS_DUE)),
    )


def _secret(name: str, environ: Mapping[str, str], secrets: Mapping[str, Any] | None) -> str:
    """The secrets' value when it is set (not empty), else the environment's."""
    value = secrets.get(name) if secrets else None
    if not value:
        value = environ.get(name, "")
    return str(value).strip()


def _positive_int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None


def _day_month(text: str | None) -> tuple[int, int] | None:
    """``30.03`` (or ``30.3``, ``30.03.``) → ``(30, 3)``; ``None`` for anything else.

    A day that is not in every year (29 February) is refused too: a due date must exist each year.
    """
    parts = (text or "").strip().removesuffix(".").split(".")
    if len(parts) != 2 or not all(part.strip().isascii() and part.strip().isdigit() for part in parts):
        return None
    day, month = (int(part) for part in parts)
    try:
        dt.date(2001, month, day)  # not a leap year
    except ValueError:
        return None
    return day, month


def _codes(text: str | None) -> tuple[str, ...]:
    """Project codes separated by ``;``, trimmed, blanks and repeats left out."""
    return tuple(dict.fromkeys(code.strip() for code in (text or "").split(";") if code.strip()))

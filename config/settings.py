"""Every setting of the app and its commands: its name, type and default, read in one place.

The names are the ones staff and operators set (the README's *Settings* table). :func:`load_settings`
builds the one :class:`Settings` from a mapping of environment variables (and, in the app,
Streamlit's secrets); nothing else reads ``os.environ``. The app builds it once per server process
(``ui/settings.py``), each command at its start. No Streamlit here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ENV_DATA_DIR = "COWORKING_DATA_DIR"
ENV_ADMIN_PASSWORD_HASH = "COWORKING_ADMIN_PASSWORD_HASH"
ENV_MAX_UPLOAD_MB = "COWORKING_MAX_UPLOAD_MB"
ENV_KEEP_BACKUPS = "COWORKING_KEEP_BACKUPS"
ENV_TERRITORY = "COWORKING_TERRITORY"
#: the same name kaleido (through choreographer) reads
ENV_BROWSER_PATH = "BROWSER_PATH"

DEFAULT_MAX_UPLOAD_MB = 10
DEFAULT_KEEP_BACKUPS = 20
DEFAULT_TERRITORY: tuple[str, ...] = ("Mārupes novads", "Olaines novads")


@dataclass(frozen=True)
class Settings:
    #: the data folder (``None``: the demo data shipped in ``data/``)
    data_dir: Path | None = None
    #: the staff password's hash string (``''``: none, the Data page is read-only); secrets win
    admin_password_hash: str = field(default="", repr=False)
    #: largest accepted upload, in MB (also each file in a zip)
    max_upload_mb: int = DEFAULT_MAX_UPLOAD_MB
    #: backup folders kept in ``.history/``
    keep_backups: int = DEFAULT_KEEP_BACKUPS
    #: the partnership's territory on the map: municipality names (names not on the map are left out there)
    territory: tuple[str, ...] = DEFAULT_TERRITORY
    #: the Chromium that draws the report charts (``None``: Debian's ``/usr/bin/chromium`` if there)
    browser_path: str | None = None


def load_settings(environ: Mapping[str, str], secrets: Mapping[str, Any] | None = None) -> Settings:
    """The settings from ``environ`` (e.g. ``os.environ``) and ``secrets`` (Streamlit's, in the app).

    Unset or empty values keep their default; a value that is not a positive whole number (for the
    upload limit and the backups kept) is ignored, so the default applies.
    """
    data_dir = environ.get(ENV_DATA_DIR, "").strip()
    names = tuple(name.strip() for name in environ.get(ENV_TERRITORY, "").split(";") if name.strip())
    return Settings(
        data_dir=Path(data_dir).expanduser() if data_dir else None,
        admin_password_hash=_password_hash(environ, secrets),
        max_upload_mb=_positive_int(environ.get(ENV_MAX_UPLOAD_MB)) or DEFAULT_MAX_UPLOAD_MB,
        keep_backups=_positive_int(environ.get(ENV_KEEP_BACKUPS)) or DEFAULT_KEEP_BACKUPS,
        territory=names or DEFAULT_TERRITORY,
        browser_path=environ.get(ENV_BROWSER_PATH, "").strip() or None,
    )


def _password_hash(environ: Mapping[str, str], secrets: Mapping[str, Any] | None) -> str:
    """The secrets' value when it is set (not empty), else the environment's."""
    value = secrets.get(ENV_ADMIN_PASSWORD_HASH) if secrets else None
    if not value:
        value = environ.get(ENV_ADMIN_PASSWORD_HASH, "")
    return str(value).strip()


def _positive_int(text: str | None) -> int | None:
    try:
        value = int((text or "").strip())
    except ValueError:
        return None
    return value if value > 0 else None

"""The one Settings object: built from an environment (and the app's secrets), defaults, bad values."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from config import DEFAULT_TERRITORY, Settings, load_settings
from reports.chart_images import BROWSER_CANDIDATES, browser_path
from storage import StorageSettings
from storage.settings import MB

HASH = "COWORKING_ADMIN_PASSWORD_HASH"
EVERYTHING = {
    "COWORKING_DATA_DIR": "/srv/pierigas-dati",
    HASH: "scrypt$32768$8$1$c2FsdA$aGFzaA",
    "COWORKING_MAX_UPLOAD_MB": "25",
    "COWORKING_KEEP_BACKUPS": "5",
    "COWORKING_TERRITORY": "Ogres novads;Ķekavas novads",
    "BROWSER_PATH": "/opt/chromium/chrome",
}


def test_without_anything_set_every_setting_has_its_default() -> None:
    settings = load_settings({})
    assert settings == Settings()
    assert (settings.data_dir, settings.admin_password_hash, settings.max_upload_mb, settings.keep_backups,
            settings.territory, settings.browser_path) == (None, "", 10, 20, DEFAULT_TERRITORY, None)
    assert DEFAULT_TERRITORY == ("Mārupes novads", "Olaines novads")


def test_every_variable_sets_its_setting() -> None:
    assert load_settings(EVERYTHING) == Settings(
        data_dir=Path("/srv/pierigas-dati"), admin_password_hash="scrypt$32768$8$1$c2FsdA$aGFzaA", max_upload_mb=25,
        keep_backups=5, territory=("Ogres novads", "Ķekavas novads"), browser_path="/opt/chromium/chrome",
    )


def test_values_are_trimmed_and_blank_ones_keep_the_default() -> None:
    padded = {name: f"  {value} " for name, value in EVERYTHING.items()}
    assert load_settings(padded) == load_settings(EVERYTHING)
    assert load_settings(dict.fromkeys(EVERYTHING, "  ")) == Settings()
    assert load_settings({"COWORKING_DATA_DIR": "~/dati"}).data_dir == Path("~/dati").expanduser()


@pytest.mark.parametrize("bad", ["many", "0", "-3", "2.5", "10 MB", ""])
def test_a_limit_that_is_no_positive_whole_number_is_ignored(bad: str) -> None:
    settings = load_settings({"COWORKING_MAX_UPLOAD_MB": bad, "COWORKING_KEEP_BACKUPS": bad})
    assert (settings.max_upload_mb, settings.keep_backups) == (10, 20)


def test_the_storage_limits_come_from_the_settings() -> None:
    assert StorageSettings.from_settings(Settings()) == StorageSettings()
    limits = StorageSettings.from_settings(load_settings(EVERYTHING))
    assert (limits.max_file_bytes, limits.keep_backups, limits.max_file_mb) == (25 * MB, 5, 25)


def test_the_territory_is_split_at_semicolons() -> None:
    assert load_settings({"COWORKING_TERRITORY": " Ogres novads ;; Ķekavas novads ;"}).territory == (
        "Ogres novads", "Ķekavas novads")
    assert load_settings({"COWORKING_TERRITORY": " ; ;"}).territory == DEFAULT_TERRITORY


def test_the_secrets_hash_wins_over_the_environment() -> None:
    environ = {HASH: "from-env"}
    assert load_settings(environ, {HASH: " from-secrets "}).admin_password_hash == "from-secrets"
    assert load_settings(environ, {HASH: ""}).admin_password_hash == "from-env"  # empty in secrets: not set
    assert load_settings(environ, {}).admin_password_hash == "from-env"
    assert load_settings(environ, None).admin_password_hash == "from-env"
    assert load_settings({}, {"other": "x"}).admin_password_hash == ""


def test_the_hash_is_not_in_the_settings_repr() -> None:
    assert "scrypt" not in repr(load_settings(EVERYTHING))


def test_the_browser_setting_wins_over_debians_chromium() -> None:
    assert browser_path("/opt/chromium/chrome") == "/opt/chromium/chrome"
    assert browser_path(None) == next((p for p in BROWSER_CANDIDATES if Path(p).is_file()), None)


# --------------------------------------------------------------------------- the app: once per server process


def test_the_app_reads_the_environment_once_until_reloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.settings import current_settings, reload_settings

    monkeypatch.setenv("COWORKING_MAX_UPLOAD_MB", "3")
    reload_settings()
    assert current_settings().max_upload_mb == 3
    monkeypatch.setenv("COWORKING_MAX_UPLOAD_MB", "4")
    assert current_settings().max_upload_mb == 3  # read once per process
    reload_settings()
    assert current_settings().max_upload_mb == 4


def test_the_app_takes_the_hash_from_the_current_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Secrets are looked up on every call: a hash added to secrets.toml counts after a page reload."""
    from ui.settings import current_settings, reload_settings

    monkeypatch.setenv(HASH, "from-env")
    reload_settings()
    monkeypatch.setattr(st, "secrets", {})
    assert current_settings().admin_password_hash == "from-env"
    monkeypatch.setattr(st, "secrets", {HASH: "from-secrets"})
    assert current_settings().admin_password_hash == "from-secrets"

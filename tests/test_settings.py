"""The one Settings object: built from an environment (and the app's secrets), defaults, bad values."""

from __future__ import annotations

from pathlib import Path

import pytest
import streamlit as st

from config import DEFAULT_TERRITORY, Settings, load_settings
from config.settings import BROWSER_CANDIDATES
from reports.chart_images import browser_path
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
    "COWORKING_MONITORING_YEARS": "3",
    "COWORKING_MONITORING_DUE": "01.07",
    "COWORKING_MONITORING_FIRST_YEAR": "2",
    "COWORKING_MONITORING_BUSINESS_PROJECTS": "23-00-U31523.0-000003;18-00-A019.333-000015",
    "COWORKING_MONITORING_BUSINESS_FIRST_YEAR": "3",
    "COWORKING_MONITORING_BUSINESS_DUE": "31.05",
}
MONITORING_DEFAULTS = {"monitoring_years": 5, "monitoring_due": (30, 3), "monitoring_first_year": 1,
                       "monitoring_business_projects": (), "monitoring_business_first_year": 4,
                       "monitoring_business_due": None}


def test_without_anything_set_every_setting_has_its_default() -> None:
    settings = load_settings({})
    assert settings == Settings()
    assert (settings.data_dir, settings.admin_password_hash, settings.max_upload_mb, settings.keep_backups,
            settings.territory, settings.browser_path) == (None, "", 10, 20, DEFAULT_TERRITORY, None)
    assert DEFAULT_TERRITORY == ("Mārupes novads", "Olaines novads")
    assert {name: getattr(settings, name) for name in MONITORING_DEFAULTS} == MONITORING_DEFAULTS


def test_every_variable_sets_its_setting() -> None:
    assert load_settings(EVERYTHING) == Settings(
        data_dir=Path("/srv/pierigas-dati"), admin_password_hash="scrypt$32768$8$1$c2FsdA$aGFzaA", max_upload_mb=25,
        keep_backups=5, territory=("Ogres novads", "Ķekavas novads"), browser_path="/opt/chromium/chrome",
        monitoring_years=3, monitoring_due=(1, 7), monitoring_first_year=2,
        monitoring_business_projects=("23-00-U31523.0-000003", "18-00-A019.333-000015"),
        monitoring_business_first_year=3, monitoring_business_due=(31, 5),
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


@pytest.mark.parametrize("bad", ["many", "0", "-3", "2.5", "five", ""])
def test_monitoring_years_that_are_no_positive_whole_number_are_ignored(bad: str) -> None:
    settings = load_settings({"COWORKING_MONITORING_YEARS": bad, "COWORKING_MONITORING_FIRST_YEAR": bad,
                              "COWORKING_MONITORING_BUSINESS_FIRST_YEAR": bad})
    assert (settings.monitoring_years, settings.monitoring_first_year, settings.monitoring_business_first_year) == (
        5, 1, 4)


@pytest.mark.parametrize(("text", "due"), [
    ("30.03", (30, 3)), ("30.3", (30, 3)), ("30.03.", (30, 3)), (" 1.7 ", (1, 7)), ("31.12", (31, 12)),
])
def test_a_due_date_is_a_day_and_a_month(text: str, due: tuple[int, int]) -> None:
    settings = load_settings({"COWORKING_MONITORING_DUE": text, "COWORKING_MONITORING_BUSINESS_DUE": text})
    assert (settings.monitoring_due, settings.monitoring_business_due) == (due, due)


@pytest.mark.parametrize("bad", ["31.04", "29.02", "30", "30-03", "2027-03-30", "30.03.2027", "marts", "0.3",
                                 "30.13", "3٠.03", "", " . "])
def test_a_due_date_that_is_not_in_every_year_falls_back_to_the_default(bad: str) -> None:
    settings = load_settings({"COWORKING_MONITORING_DUE": bad, "COWORKING_MONITORING_BUSINESS_DUE": bad})
    assert (settings.monitoring_due, settings.monitoring_business_due) == ((30, 3), None)


def test_the_business_projects_are_split_at_semicolons() -> None:
    settings = load_settings({"COWORKING_MONITORING_BUSINESS_PROJECTS": " B-1 ;; B-2 ; B-1 ;"})
    assert settings.monitoring_business_projects == ("B-1", "B-2")
    assert load_settings({"COWORKING_MONITORING_BUSINESS_PROJECTS": " ; "}).monitoring_business_projects == ()


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

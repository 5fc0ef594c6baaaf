"""One installation for many partnerships (``COWORKING_DATABASE_URL`` without ``?lag=``, accounts in the
secrets): sign in with a partnership's password or OpenID Connect, see only that partnership, save with
its staff password; a viewer looks only; the network compares. Skipped without PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from i18n import t
from storage import hash_password, throttle
from storage.postgres.store import PostgresStore
from storage.staging import snapshot
from tests.storage_helpers import FakeClock, with_event
from ui import accounts

PROJECT_DIR = Path(__file__).resolve().parents[1]
ALPHA_STAFF, BETA_VIEWER, NETWORK = "alfa-personāls-1", "beta-skatīties-2", "tīkls-3"


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(throttle, "STAFF_PASSWORD", throttle.PasswordThrottle(clock=fake))
    return fake


@pytest.fixture(scope="module")
def hashes() -> dict[str, str]:
    return {password: hash_password(password) for password in (ALPHA_STAFF, BETA_VIEWER, NETWORK)}


@pytest.fixture
def installation(pg_database, monkeypatch: pytest.MonkeyPatch, hashes: dict[str, str]) -> dict:
    """alpha: the demo data and one more event (122); beta: the demo data (121); the secrets."""
    files = snapshot(PROJECT_DIR / "data").files
    for lag in ("alpha", "beta"):
        store = PostgresStore(pg_database.app, lag)
        store.save(files, (), store.fingerprint(), kind="import", author="test")
    alpha = PostgresStore(pg_database.app, "alpha")
    now = alpha.snapshot()  # the tables as the database writes them (UTF-8)
    alpha.save({"events.csv": with_event(now.files, "E2026-900")}, (), now.fingerprint, author="test")
    monkeypatch.setenv("COWORKING_DATABASE_URL", pg_database.app)
    monkeypatch.delenv("COWORKING_ADMIN_PASSWORD_HASH", raising=False)
    return {
        "coworking_lags": {
            "alpha": {"name": "Alfa partnerība", "staff_password_hash": hashes[ALPHA_STAFF]},
            "beta": {"name": "Beta partnerība", "viewer_password_hash": hashes[BETA_VIEWER]},
        },
        "coworking_network": {"password_hash": hashes[NETWORK], "database_url": pg_database.network},
        "coworking_users": {"Anna@Alfa.lv": "alpha:staff", "liga@tikls.lv": "network", "x@y.lv": "gamma:staff"},
        "app_url": pg_database.app,
    }


def sign_in(app, secrets: dict, lag: str, password: str, page: str | None = None) -> AppTest:
    at = app(page, secrets=secrets, period="all")
    assert at.subheader[0].value == t("gate.title", "lv") and not at.metric
    at.selectbox(key=accounts.LAG_KEY).set_value(lag)
    at.text_input(key=accounts.PASSWORD_KEY).input(password)
    next(b for b in at.button if b.label == t("gate.sign_in", "lv")).click().run()
    assert not at.exception
    return at


def kpi(at: AppTest, key: str) -> str:
    return next(m.value for m in at.metric if m.label == t(f"kpi.{key}", "lv"))


def test_nothing_is_shown_before_signing_in(app, installation: dict) -> None:
    at = app(None, secrets=installation)
    assert at.subheader[0].value == t("gate.title", "lv")
    assert not at.metric and not at.dataframe
    assert at.selectbox(key=accounts.LAG_KEY).options == ["Alfa partnerība", "Beta partnerība",
                                                          t("gate.network", "lv")]


def test_staff_see_and_save_only_their_own_partnership(app, installation: dict) -> None:
    at = sign_in(app, installation, "alpha", ALPHA_STAFF)
    assert kpi(at, "events") == "122"
    assert t("gate.signed_in.staff", "lv", lag="Alfa partnerība") in "\n".join(c.value for c in at.caption)
    at.switch_page("app_pages/data.py").run()
    assert t("data.access.viewer", "lv") not in "\n".join(i.value for i in at.info)  # staff: may change
    at.session_state["data-tab"] = t("entry.tab.edit", "lv")
    at.run()
    at.selectbox(key="entry-editor-table").set_value("events").run()
    at.session_state["data-editor-grid-events-0"] = {"edited_rows": {0: {"title": "Alfas atklāšana"}},
                                                      "added_rows": [], "deleted_rows": []}
    at.run()
    at.text_input(key="data-editor-save-password").input(ALPHA_STAFF)
    at.button(key="data-save-editor").click().run()
    assert at.success
    alpha_titles = PostgresStore(installation["app_url"], "alpha").load().dataset.events["title"]
    beta_titles = PostgresStore(installation["app_url"], "beta").load().dataset.events["title"]
    assert "Alfas atklāšana" in set(alpha_titles) and "Alfas atklāšana" not in set(beta_titles)


def test_a_viewer_looks_and_cannot_change(app, installation: dict) -> None:
    at = sign_in(app, installation, "beta", BETA_VIEWER, "app_pages/data.py")
    assert t("data.access.viewer", "lv") in "\n".join(i.value for i in at.info)
    at.switch_page("app_pages/overview.py").run()
    assert kpi(at, "events") == "121"


def test_a_wrong_password_signs_nobody_in(app, installation: dict) -> None:
    at = sign_in(app, installation, "alpha", BETA_VIEWER)  # beta's password is not alpha's
    assert at.error and not at.metric


def test_the_network_compares_the_partnerships(app, installation: dict) -> None:
    at = sign_in(app, installation, "network", NETWORK, "app_pages/network.py")
    assert len(at.dataframe[0].value) == 3
    at.switch_page("app_pages/overview.py").run()
    assert kpi(at, "events") == "243"


def test_openid_connect_users_are_mapped_to_their_access(app, installation: dict,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    installation = dict(installation, auth={"redirect_uri": "http://localhost:8501/oauth2callback"})
    monkeypatch.setattr(accounts, "_user_email", lambda: "anna@alfa.lv")
    at = app(None, secrets=installation, period="all")
    assert kpi(at, "events") == "122"  # no password: the e-mail says alpha, staff
    monkeypatch.setattr(accounts, "_user_email", lambda: "nobody@else.lv")
    at = app(None, secrets=installation, period="all")
    assert t("gate.unknown_user", "lv") in "\n".join(e.value for e in at.error) and not at.metric

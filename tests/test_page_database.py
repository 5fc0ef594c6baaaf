"""The app on PostgreSQL (``COWORKING_DATABASE_URL=…?lag=alpha``): the pages show the LAG's data, the
Data page's editor saves into the database as one revision, the history lists it and Undo restores
it; another LAG's app sees none of it. Skipped without a PostgreSQL server (fails under ``CI=true``)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from streamlit.testing.v1 import AppTest

import metrics
from i18n import t
from i18n.formatting import fmt_int
from storage import hash_password, throttle
from storage.postgres.store import PostgresStore
from storage.staging import snapshot
from tests.storage_helpers import FakeClock

PROJECT_DIR = Path(__file__).resolve().parents[1]
PASSWORD = "Lielvārde-2019"


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> FakeClock:
    fake = FakeClock()
    monkeypatch.setattr(throttle, "STAFF_PASSWORD", throttle.PasswordThrottle(clock=fake))
    return fake


@pytest.fixture
def alpha(pg_database, monkeypatch: pytest.MonkeyPatch) -> PostgresStore:
    """The demo data imported into LAG ``alpha``; the app configured for it with a staff password."""
    store = PostgresStore(pg_database.app, "alpha")
    store.save(snapshot(PROJECT_DIR / "data").files, (), store.fingerprint(), kind="import", author="test")
    monkeypatch.setenv("COWORKING_DATABASE_URL", f"{pg_database.app}?lag=alpha")
    monkeypatch.setenv("COWORKING_ADMIN_PASSWORD_HASH", hash_password(PASSWORD))
    return store


def kpi(at: AppTest, key: str) -> str:
    return next(m.value for m in at.metric if m.label == t(f"kpi.{key}", "lv"))


def test_the_overview_shows_the_lag_s_data(app, alpha: PostgresStore) -> None:
    at = app(None, period="all")
    expected = metrics.unique_participants(alpha.load().dataset, metrics.Filters())
    assert kpi(at, "unique_participants") == fmt_int(expected, "lv")


def test_an_edit_is_saved_into_the_database_and_undone(app, alpha: PostgresStore) -> None:
    at = app("app_pages/data.py")
    history = at.dataframe[1].value  # the Files tab: status, then the history (the import)
    assert t("data.history.kind.import", "lv") in history.to_string()
    at.session_state["data-tab"] = t("entry.tab.edit", "lv")
    at.run()
    at.selectbox(key="entry-editor-table").set_value("events").run()
    at.session_state["data-editor-grid-events-0"] = {"edited_rows": {0: {"title": "Atklāšana (datubāzē)"}},
                                                      "added_rows": [], "deleted_rows": []}
    at.run()
    assert not at.exception
    at.text_input(key="data-editor-save-password").input(PASSWORD)
    at.button(key="data-save-editor").click().run()
    assert not at.exception and at.success
    assert alpha.load().dataset.events.loc[0, "title"] == "Atklāšana (datubāzē)"
    assert [r.kind for r in alpha.history()] == ["save", "import"]

    at.session_state["data-tab"] = t("entry.tab.files", "lv")
    at.run()
    at.text_input(key="data-undo-password").input(PASSWORD)
    at.button(key="data-undo").click().run()
    assert not at.exception and at.success
    assert alpha.load().dataset.events.loc[0, "title"] != "Atklāšana (datubāzē)"
    assert [r.kind for r in alpha.history()] == ["undo", "save", "import"]


def test_another_lag_s_app_sees_none_of_it(app, alpha: PostgresStore, pg_database,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    assert alpha.load().dataset.events.shape[0] > 0
    monkeypatch.setenv("COWORKING_DATABASE_URL", f"{pg_database.app}?lag=beta")
    at = app(None, period="all", allow_exception=False)
    assert not at.metric or kpi(at, "events") == "0"


def test_a_database_that_cannot_be_reached_is_a_message(app, alpha: PostgresStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    del alpha
    monkeypatch.setenv("COWORKING_DATABASE_URL", "postgresql://coworking_app:secret@127.0.0.1:1/nothing?lag=alpha")
    at = app(None)
    shown = "\n".join(e.value for e in at.error)
    assert "secret" not in shown
    assert t("problem.database_unreachable", "lv").split("{")[0] in shown or at.error


def test_the_network_compares_the_lags_and_picks_one(app, alpha: PostgresStore, pg_database,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """The network role's URL (no ?lag=): a Network page, a partnership picker, the Data page read only."""
    beta = PostgresStore(pg_database.app, "beta")
    beta.save(snapshot(PROJECT_DIR / "data").files, (), beta.fingerprint(), kind="import", author="test")
    monkeypatch.setenv("COWORKING_DATABASE_URL", pg_database.network)
    at = app("app_pages/network.py", period="all")
    table = at.dataframe[0].value
    assert len(table) == 3  # alpha, beta and all partnerships
    one = fmt_int(metrics.event_count(alpha.load().dataset, metrics.Filters()), "lv")
    both = fmt_int(2 * metrics.event_count(alpha.load().dataset, metrics.Filters()), "lv")
    assert table[t("network.col.events", "lv")].tolist() == [one, one, both]

    at.switch_page("app_pages/overview.py").run()
    assert kpi(at, "events") == both  # all partnerships together
    at.selectbox(key="network-lag").set_value("beta").run()
    assert kpi(at, "events") == one
    at.switch_page("app_pages/data.py").run()
    assert t("network.read_only", "lv") in "\n".join(i.value for i in at.info)


def test_a_url_naming_two_lags_is_a_message(app, alpha: PostgresStore, pg_database,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    del alpha
    monkeypatch.setenv("COWORKING_DATABASE_URL", f"{pg_database.app}?lag=alpha&lag=beta")
    at = app(None)
    password = urlsplit(pg_database.app).password
    assert at.error and password and password not in "\n".join(e.value for e in at.error)

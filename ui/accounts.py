"""Signing in to an installation for many partnerships: who sees which LAG, in which role.

Active when the data source is a database URL without ``?lag=`` and the secrets list the
partnerships (:mod:`config.accounts`). Before any page, a person signs in:

* with **OpenID Connect** (``st.login``) when the secrets have an ``[auth]`` section: their e-mail
  is looked up in ``[coworking_users]`` (``"anna@pierigas.lv" = "pierigas:staff"``); an address not
  listed sees nothing;
* or with a **password per partnership** (its staff or viewer password, or the network's), throttled
  like the staff password (:mod:`storage.throttle`).

The session then keeps only the access (LAG and role), never the password.
"""

from __future__ import annotations

from typing import Any

import streamlit as st

from config.accounts import NETWORK, STAFF, Access, Accounts, load_accounts
from i18n import t
from storage import throttle, verify_password
from storage.postgres.url import is_database_url, split_lag
from ui.settings import current_settings

ACCESS_KEY = "_signed-in-access"
PASSWORD_KEY = "signin-gate-password"
LAG_KEY = "signin-gate-lag"
_SECRET_TABLES = ("coworking_lags", "coworking_network", "coworking_users")


def _secrets() -> dict[str, Any]:
    try:
        return {name: st.secrets.get(name) for name in (*_SECRET_TABLES, "auth")}
    except (FileNotFoundError, KeyError):
        return {}


def accounts() -> Accounts | None:
    """The partnerships' accounts, when this installation serves many (else ``None``)."""
    url = current_settings().database_url
    if not is_database_url(url):
        return None
    try:
        if split_lag(url)[1] is not None:
            return None
    except ValueError:
        return None
    return load_accounts(_secrets())


def oidc_configured() -> bool:
    return bool(_secrets().get("auth"))


def _user_email() -> str | None:
    """The signed-in OpenID Connect user's e-mail (``None``: nobody signed in that way)."""
    user = st.user
    return user.get("email") if user.get("is_logged_in") else None


def signed_in(found: Accounts) -> Access | None:
    """This session's access: from OpenID Connect (looked up every run) or the password sign-in."""
    if oidc_configured():
        email = _user_email()
        if email is not None:
            return found.user_access(email)
    access = st.session_state.get(ACCESS_KEY)
    return access if isinstance(access, Access) else None


def _check(found: Accounts, lag: str | None, password: str) -> Access | None:
    for role, stored in found.hashes_for(lag):
        if verify_password(password, stored):
            return Access(lag, role)
    return None


def _sign_in_clicked(lang: str) -> None:
    from ui.data_page.staff import refusal, session_id

    found = accounts()
    choice = st.session_state.get(LAG_KEY)
    password = st.session_state.get(PASSWORD_KEY, "")
    st.session_state[PASSWORD_KEY] = ""  # never kept
    if found is None:
        return
    lag = None if choice == NETWORK else choice
    granted: list[Access] = []

    def check() -> bool:
        access = _check(found, lag, password)
        if access is not None:
            granted.append(access)
        return access is not None

    attempt = throttle.STAFF_PASSWORD.attempt(session_id(), check)
    if granted:
        st.session_state[ACCESS_KEY] = granted[0]
    else:
        st.session_state["signin-gate-refusal"] = refusal(attempt, lang)


def sign_in_page(found: Accounts, lang: str) -> None:
    """The page shown instead of the dashboard until the person signs in."""
    st.title(t("app.title", lang))
    st.subheader(t("gate.title", lang))
    if oidc_configured():
        if _user_email() is not None:  # signed in, but not given any partnership
            st.error(t("gate.unknown_user", lang), icon=":material/person_off:")
            st.button(t("gate.sign_out", lang), on_click=st.logout, icon=":material/logout:")
        else:
            st.button(t("gate.oidc", lang), on_click=st.login, type="primary", icon=":material/login:")
        st.caption(t("gate.or_password", lang))
    refusal = st.session_state.pop("signin-gate-refusal", None)
    if refusal:
        st.error(refusal, icon=":material/error:")
    network = found.network_password_hash and found.network_database_url
    options = [*found.lags, *([NETWORK] if network else [])]
    with st.form("signin-gate", enter_to_submit=True):
        st.selectbox(t("gate.partnership", lang), options, key=LAG_KEY,
                     format_func=lambda c: t("gate.network", lang) if c == NETWORK else found.lags[c].name)
        st.text_input(t("gate.password", lang), type="password", key=PASSWORD_KEY, autocomplete="current-password",
                      width=360)
        st.form_submit_button(t("gate.sign_in", lang), type="primary", icon=":material/login:",
                              on_click=_sign_in_clicked, args=(lang,))


def sign_out(lang: str, access: Access, found: Accounts) -> None:
    """The sidebar's line: who is signed in for which partnership, and a button to sign out."""
    where = t("gate.network", lang) if access.is_network else found.lags[access.lag].name
    st.sidebar.caption(t(f"gate.signed_in.{access.role}", lang, lag=where))
    if st.sidebar.button(t("gate.sign_out", lang), icon=":material/logout:", key="gate-sign-out"):
        st.session_state.pop(ACCESS_KEY, None)
        if oidc_configured() and _user_email() is not None:
            st.logout()
        st.rerun()


def staff_hash(access: Access | None, found: Accounts | None) -> str | None:
    """The staff password's hash for saves in this session (``None``: not a many-partnership sign-in;
    ``''``: read only, as a viewer or the network)."""
    if access is None or found is None:
        return None
    if access.role != STAFF or access.lag not in found.lags:
        return ""
    return found.lags[access.lag].staff_password_hash

"""Who may change the data: the staff password's hash from Streamlit secrets or the environment.

``COWORKING_ADMIN_PASSWORD_HASH`` (see ``python -m storage hash-password``) is looked up in
``st.secrets`` first, then in the environment (:mod:`ui.settings`). No hash, or a malformed one: the
Data page is read-only. Every save and undo asks for the password again; nothing is remembered in the session
but a random id for :mod:`storage.throttle`, which makes wrong passwords cost a growing wait and
then a lock-out, per session and for the whole server process.
"""

from __future__ import annotations

import math
import secrets
from enum import Enum

import streamlit as st

from i18n import t
from storage import is_hash, throttle, verify_password
from ui.accounts import accounts, signed_in, staff_hash
from ui.settings import current_settings

#: the session's random id for the throttle's records (nothing about the person)
SESSION_ID_KEY = "_staff-session-id"


class Access(Enum):
    #: no hash configured: read-only
    NOT_CONFIGURED = "not_configured"
    #: something is configured but it is not a hash string we understand: read-only
    INVALID = "invalid"
    #: saving and undo are possible with the password
    PASSWORD = "password"
    #: signed in to look (a partnership's viewer, or the network): read-only
    VIEWER = "viewer"


def configured_hash() -> str:
    """The configured hash string ('' when none): secrets win over the environment. In an installation
    for many partnerships, the signed-in partnership's staff password (:mod:`ui.accounts`)."""
    return _configured(_signed_in_hash())


def _configured(signed: str | None) -> str:
    """The signed-in partnership's staff hash, or (no many-partnership sign-in) the configured one."""
    return current_settings().admin_password_hash if signed is None else signed


def _signed_in_hash() -> str | None:
    found = accounts()
    return None if found is None else staff_hash(signed_in(found), found)


def access() -> Access:
    signed = _signed_in_hash()
    if signed == "":
        return Access.VIEWER
    stored = _configured(signed)
    if not stored:
        return Access.NOT_CONFIGURED
    return Access.PASSWORD if is_hash(stored) else Access.INVALID


def session_id() -> str:
    if SESSION_ID_KEY not in st.session_state:
        st.session_state[SESSION_ID_KEY] = secrets.token_hex(8)
    return st.session_state[SESSION_ID_KEY]


def try_password(password: str | None) -> throttle.Attempt:
    """Check ``password`` (constant-time comparison of the hashes) unless this session or the server has to
    wait after wrong passwords: then it is refused unchecked, even the right one."""
    stored = configured_hash()
    return throttle.STAFF_PASSWORD.attempt(session_id(), lambda: verify_password(password or "", stored))


def wait_text(seconds: float) -> str:
    """``45 s``, ``2 min 5 s``, ``15 min`` (rounded up to whole seconds; the same in Latvian and English)."""
    whole = max(1, math.ceil(seconds - 1e-9))
    minutes, rest = divmod(whole, 60)
    if not minutes:
        return f"{rest} s"
    return f"{minutes} min {rest} s" if rest else f"{minutes} min"


def refusal(attempt: throttle.Attempt, lang: str) -> str:
    """What a person is told after a wrong or refused password: what happened and how long to wait."""
    wait = wait_text(attempt.wait.seconds) if attempt.wait else ""
    if attempt.refused:
        return t("data.password_refused_locked" if attempt.wait.locked else "data.password_refused", lang, wait=wait)
    wrong = t("data.password_wrong", lang)
    if not attempt.wait:
        return wrong
    return f"{wrong} {t('data.password_locked' if attempt.wait.locked else 'data.password_wait', lang, wait=wait)}"

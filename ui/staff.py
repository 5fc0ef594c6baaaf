"""Who may change the data: the staff password's hash from Streamlit secrets or the environment.

``COWORKING_ADMIN_PASSWORD_HASH`` (see ``python -m storage hash-password``) is looked up in
``st.secrets`` first, then in the environment. No hash, or a malformed one: the Data page is
read-only. Every save and undo asks for the password again; nothing is remembered in the session.
"""

from __future__ import annotations

import os
from enum import Enum

import streamlit as st

from storage import is_hash, verify_password
from storage.cli import ENV_PASSWORD_HASH


class Access(Enum):
    #: no hash configured: read-only
    NOT_CONFIGURED = "not_configured"
    #: something is configured but it is not a hash string we understand: read-only
    INVALID = "invalid"
    #: saving and undo are possible with the password
    PASSWORD = "password"


def configured_hash() -> str:
    """The configured hash string ('' when none): secrets win over the environment."""
    try:
        value = st.secrets.get(ENV_PASSWORD_HASH)
    except (FileNotFoundError, KeyError):  # no secrets file at all
        value = None
    if not value:
        value = os.environ.get(ENV_PASSWORD_HASH, "")
    return str(value).strip()


def access() -> Access:
    stored = configured_hash()
    if not stored:
        return Access.NOT_CONFIGURED
    return Access.PASSWORD if is_hash(stored) else Access.INVALID


def password_ok(password: str | None) -> bool:
    """Whether ``password`` is the staff password (constant-time comparison of the hashes)."""
    return verify_password(password or "", configured_hash())

"""Who may see which partnership in one installation for many (PostgreSQL, ``COWORKING_DATABASE_URL``
without ``?lag=``): the accounts, read from Streamlit's secrets. No Streamlit here.

.. code-block:: toml

    [coworking_lags.pierigas]               # one table per partnership (its LAG code)
    name = "Pierīgas partnerība"
    staff_password_hash = "scrypt$…"        # sign in and save (python -m storage hash-password)
    viewer_password_hash = "scrypt$…"       # optional: sign in to look, never to change

    [coworking_network]                     # optional: network staff, every partnership, read only
    password_hash = "scrypt$…"
    database_url = "postgresql://coworking_network:…@db/coworking"

    [coworking_users]                       # optional, with st.login (OpenID Connect): e-mail → access
    "anna@pierigas.lv" = "pierigas:staff"
    "liga@tikls.lv" = "network"

Roles: ``viewer`` (the pages, read only), ``staff`` (also the Data page's changes, each with the
partnership's staff password), ``network`` (every partnership, read only, with the comparison).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

VIEWER, STAFF, NETWORK = "viewer", "staff", "network"
ROLES = (VIEWER, STAFF, NETWORK)


@dataclass(frozen=True)
class LagAccount:
    code: str
    name: str
    staff_password_hash: str = field(default="", repr=False)
    viewer_password_hash: str = field(default="", repr=False)


@dataclass(frozen=True)
class Access:
    """What one signed-in person may see: a partnership (``None`` for the network) and a role."""

    lag: str | None
    role: str

    @property
    def is_network(self) -> bool:
        return self.role == NETWORK


@dataclass(frozen=True)
class Accounts:
    lags: dict[str, LagAccount]
    network_password_hash: str = field(default="", repr=False)
    network_database_url: str = field(default="", repr=False)
    #: e-mail (lower case) → access, for sign-in with OpenID Connect
    users: dict[str, Access] = field(default_factory=dict, repr=False)

    def hashes_for(self, lag: str | None) -> list[tuple[str, str]]:
        """The (role, hash) pairs a password for ``lag`` (``None``: the network) is checked against."""
        if lag is None:
            return [(NETWORK, self.network_password_hash)] if self.network_password_hash else []
        account = self.lags.get(lag)
        if account is None:
            return []
        return [(role, value) for role, value in ((STAFF, account.staff_password_hash),
                                                  (VIEWER, account.viewer_password_hash)) if value]

    def user_access(self, email: str | None) -> Access | None:
        return self.users.get((email or "").strip().lower())


def _access(text: str, lags: Mapping[str, LagAccount]) -> Access | None:
    """``pierigas:staff``, ``pierigas`` (a viewer) or ``network``; ``None`` for anything else."""
    value = text.strip()
    if value == NETWORK:
        return Access(None, NETWORK)
    lag, _, role = value.partition(":")
    role = role or VIEWER
    if lag not in lags or role not in (VIEWER, STAFF):
        return None
    return Access(lag, role)


def load_accounts(secrets: Mapping[str, Any] | None) -> Accounts | None:
    """The accounts in ``secrets`` (``None`` when there is no ``coworking_lags`` table: one LAG per
    installation, or the network's read-only view). Malformed entries are left out."""
    tables = (secrets or {}).get("coworking_lags")
    if not isinstance(tables, Mapping) or not tables:
        return None
    lags = {}
    for code, table in tables.items():
        if isinstance(table, Mapping):
            lags[str(code)] = LagAccount(str(code), str(table.get("name") or code),
                                         str(table.get("staff_password_hash") or ""),
                                         str(table.get("viewer_password_hash") or ""))
    network = secrets.get("coworking_network")
    network = network if isinstance(network, Mapping) else {}
    users_table = secrets.get("coworking_users")
    users = {}
    for email, text in (users_table.items() if isinstance(users_table, Mapping) else ()):
        access = _access(str(text), lags)
        if access is not None:
            users[str(email).strip().lower()] = access
    return Accounts(lags, str(network.get("password_hash") or ""), str(network.get("database_url") or ""), users)

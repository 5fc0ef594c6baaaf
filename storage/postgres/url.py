"""``postgresql://…?lag=CODE``: a data source that is a database, and the LAG it is for.

A data source setting is either a folder or a libpq connection URL (``postgresql://`` or
``postgres://``). The URL may carry one extra query parameter, ``lag``: the partnership the
connection works for. libpq does not know it, so :func:`split_lag` takes it out before connecting;
everything else in the URL (host, port, ``sslmode`` …) is kept exactly as written.

:func:`redacted` hides the password, for messages and logs. No psycopg here.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

_SCHEMES = ("postgresql://", "postgres://")
#: the query parameters that hold a secret (libpq's ``password``; never shown)
_SECRET_PARAMS = frozenset({"password", "sslpassword"})
_REDACTED = "***"


def is_database_url(text: object) -> bool:
    """Whether a data source setting is a libpq URL (``postgresql://`` or ``postgres://``), not a folder."""
    return isinstance(text, str) and text.startswith(_SCHEMES)


def _split(url: str) -> tuple[str, str, str]:
    """``url`` as (everything before the query, the query without ``?``, ``#fragment`` or '')."""
    rest, hash_mark, fragment = url.partition("#")
    base, _, query = rest.partition("?")
    return base, query, hash_mark + fragment


def split_lag(url: str) -> tuple[str, str | None]:
    """The URL without its ``lag`` query parameter, and that parameter's (percent-decoded) value.

    ``postgresql://u:p@h:5432/db?lag=pierigas&sslmode=disable`` →
    ``("postgresql://u:p@h:5432/db?sslmode=disable", "pierigas")``. Without ``lag`` the URL comes back
    unchanged with ``None``; ``?lag=`` gives ``""`` (the caller says an empty code is wrong). The
    other parameters are kept verbatim, in order. Two different ``lag`` values raise ``ValueError``.
    """
    if not is_database_url(url):
        raise ValueError("not a postgresql:// URL")
    base, query, fragment = _split(url)
    if not query:
        return url, None
    kept: list[str] = []
    values: list[str] = []
    for item in query.split("&"):
        key, _, value = item.partition("=")
        if unquote(key) == "lag":
            values.append(unquote(value))
        else:
            kept.append(item)
    if not values:
        return url, None
    if len(set(values)) > 1:
        raise ValueError("the URL names more than one LAG (lag=…)")
    rebuilt = base + ("?" + "&".join(kept) if kept else "") + fragment
    return rebuilt, values[0]


def redacted(url: str) -> str:
    """``url`` with its password replaced by ``***`` (in the user info and in ``password=``), for
    messages and logs. A ``key=value`` connection string has its ``password=…`` hidden too."""
    if not is_database_url(url):
        return re.sub(r"(\b(?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)", r"\1" + _REDACTED, url)
    scheme, _, rest = url.partition("://")
    end = len(rest)
    for mark in "/?#":
        index = rest.find(mark)
        if index != -1:
            end = min(end, index)
    authority, tail = rest[:end], rest[end:]
    userinfo, at, hosts = authority.rpartition("@")
    if at and ":" in userinfo:
        user = userinfo.split(":", 1)[0]
        authority = f"{user}:{_REDACTED}@{hosts}"
    base, query, fragment = _split(tail)
    if query:
        items = []
        for item in query.split("&"):
            key, equals, _ = item.partition("=")
            items.append(f"{key}={_REDACTED}" if equals and unquote(key) in _SECRET_PARAMS else item)
        query = "&".join(items)
    return f"{scheme}://{authority}{base}" + ("?" + query if query else "") + fragment


def with_lag(url: str, lag: str) -> str:
    """``url`` naming ``lag`` (``?lag=CODE`` added to the other parameters; a LAG code is plain text)."""
    base, _ = split_lag(url)
    return f"{base}{'&' if '?' in base else '?'}lag={quote(lag, safe='')}"

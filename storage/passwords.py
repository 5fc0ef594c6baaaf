"""The staff password: hashed with scrypt (or PBKDF2-SHA256), checked in constant time.

Hash strings (what goes into ``COWORKING_ADMIN_PASSWORD_HASH``)::

    scrypt$<n>$<r>$<p>$<salt>$<hash>          e.g. scrypt$32768$8$1$...$...
    pbkdf2_sha256$<iterations>$<salt>$<hash>

salt and hash in URL-safe base64 without padding (no characters a shell or TOML would mind).
Only the hash is ever stored; a malformed hash string matches no password.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import secrets

SCRYPT = "scrypt"
PBKDF2 = "pbkdf2_sha256"
SCHEMES = (SCRYPT, PBKDF2)

SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**15, 8, 1
PBKDF2_ITERATIONS = 600_000
_SALT_BYTES, _KEY_BYTES = 16, 32
#: parameters beyond these are refused (a hash string must not make one check take minutes)
_MAX_SCRYPT_N, _MAX_SCRYPT_R, _MAX_SCRYPT_P, _MAX_ITERATIONS = 2**20, 32, 16, 10_000_000


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode("utf-8"), salt=salt, n=n, r=r, p=p, dklen=_KEY_BYTES, maxmem=128 * r * n * p + 2**20
    )


def _pbkdf2(password: str, salt: bytes, iterations: int) -> bytes:
    return hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations, dklen=_KEY_BYTES)


def hash_password(password: str, scheme: str = SCRYPT) -> str:
    """A new hash string for ``password`` (a fresh random salt every time)."""
    if not password:
        raise ValueError("the password is empty")
    salt = secrets.token_bytes(_SALT_BYTES)
    if scheme == SCRYPT:
        key = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
        return f"{SCRYPT}${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(key)}"
    if scheme == PBKDF2:
        key = _pbkdf2(password, salt, PBKDF2_ITERATIONS)
        return f"{PBKDF2}${PBKDF2_ITERATIONS}${_b64(salt)}${_b64(key)}"
    raise ValueError(f"unknown scheme {scheme!r}; use one of {', '.join(SCHEMES)}")


def _parse(stored: str) -> tuple[str, tuple[int, ...], bytes, bytes] | None:
    """``(scheme, numeric parameters, salt, key)``, or ``None`` if ``stored`` is not a hash string."""
    parts = stored.strip().split("$")
    try:
        if parts[0] == SCRYPT and len(parts) == 6:
            n, r, p = (int(x) for x in parts[1:4])
            power_of_two = 2 <= n <= _MAX_SCRYPT_N and n & (n - 1) == 0
            if not (power_of_two and 1 <= r <= _MAX_SCRYPT_R and 1 <= p <= _MAX_SCRYPT_P):
                return None
            return SCRYPT, (n, r, p), _unb64(parts[4]), _unb64(parts[5])
        if parts[0] == PBKDF2 and len(parts) == 4:
            iterations = int(parts[1])
            if not 1 <= iterations <= _MAX_ITERATIONS:
                return None
            return PBKDF2, (iterations,), _unb64(parts[2]), _unb64(parts[3])
    except (ValueError, binascii.Error):
        return None
    return None


def is_hash(stored: str | None) -> bool:
    """Whether ``stored`` is a well-formed hash string (so a password can ever match it)."""
    parsed = _parse(stored or "")
    return parsed is not None and len(parsed[2]) > 0 and len(parsed[3]) == _KEY_BYTES


def verify_password(password: str, stored: str | None) -> bool:
    """Whether ``password`` matches the hash string ``stored`` (compared in constant time)."""
    if not password or not is_hash(stored):
        return False
    scheme, params, salt, key = _parse(stored or "")  # type: ignore[misc]
    candidate = _scrypt(password, salt, *params) if scheme == SCRYPT else _pbkdf2(password, salt, *params)
    return hmac.compare_digest(candidate, key)

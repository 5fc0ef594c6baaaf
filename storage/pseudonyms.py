"""Keyed pseudonyms: a person's name becomes a short id (``P-7K3QX9``), the same at every event.

The id is the HMAC-SHA-256 of the *normalised* name (:func:`normalise_name`) with the partnership's
secret key, its first 30 bits written as six Crockford base-32 characters. Without the key nobody
can tell which name an id stands for, or compute the id of a name; with it, the same name always
gives the same id, so a person is counted once however many sign-in lists they are on.

Changing the key (because it leaked, say) cannot recompute ids from names: the names are never
stored. Instead the existing ids are re-keyed (``python -m storage rekey``): each ``P-`` id becomes
the HMAC of that id with the new key, and the key setting becomes the *chain* ``OLD NEW``. A name
then goes through every key of the chain in turn (:meth:`KeyChain.pseudonym`), which gives exactly
the re-keyed ids, so old and new sign-in lists still match; the stored ids cannot be linked to a name
without the newest key.

Six characters are 2³⁰ ≈ 1,07 milliards values: among 5 000 people the chance that two share an id
is about 1 %. No Streamlit here, and nothing here logs or keeps a name.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from dataclasses import dataclass, field

#: Crockford's base 32 (no I, L, O, U: nothing to mistake for 1, 0 or a word)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PREFIX = "P-"
LENGTH = 6
ID_PATTERN = re.compile(rf"^{PREFIX}[{ALPHABET}]{{{LENGTH}}}$")
#: a key shorter than this is refused (``make_key`` gives 43 characters)
MIN_KEY_LENGTH = 20

_SEPARATORS = re.compile(r"[\s\-‐‑‒–—_.,;:()\[\]'‘’`´\"“”„«»]+")


class KeyProblem(ValueError):
    """Why a configured key cannot be used: ``entry.key.<rule>`` in the catalogue."""

    def __init__(self, rule: str) -> None:
        super().__init__(rule)
        self.rule = rule


def make_key() -> str:
    """A new random key: 32 bytes from the operating system, URL-safe base 64 (43 characters)."""
    return secrets.token_urlsafe(32)


def normalise_name(name: str) -> str:
    """The form of a name that identifies a person: ``"  BĒRZIŅA-Kalniņa,  anna "`` → ``"berzina kalnina anna"``.

    Letter case, diacritics (a sheet typed without a Latvian keyboard), the Mac's decomposed letters,
    invisible characters pasted with a name, spaces, hyphens, dots, commas, brackets and quotes do not
    matter; the order of the words does.
    """
    decomposed = unicodedata.normalize("NFKD", name)
    # no combining marks (diacritics), no invisible format characters (soft hyphen, zero-width space, BOM)
    letters = "".join(ch for ch in decomposed if not unicodedata.combining(ch) and unicodedata.category(ch) != "Cf")
    return _SEPARATORS.sub(" ", letters.casefold()).strip()


def _encode(digest: bytes) -> str:
    bits = int.from_bytes(digest[:4], "big") >> (32 - 5 * LENGTH)
    chars = [ALPHABET[(bits >> (5 * (LENGTH - 1 - i))) & 31] for i in range(LENGTH)]
    return PREFIX + "".join(chars)


def _hmac_id(key: str, message: str) -> str:
    return _encode(hmac.new(key.encode("utf-8"), message.encode("utf-8"), hashlib.sha256).digest())


def is_pseudonym(text: object) -> bool:
    """Whether ``text`` has the form of a keyed id (``P-`` and six base-32 characters)."""
    return isinstance(text, str) and ID_PATTERN.fullmatch(text) is not None


def rekeyed(new_key: str, old_id: str) -> str:
    """The id ``old_id`` gets when the key ``new_key`` is added to the chain."""
    return _hmac_id(new_key, old_id)


@dataclass(frozen=True)
class KeyChain:
    """The configured keys, oldest first (one key unless the ids have been re-keyed)."""

    keys: tuple[str, ...] = field(repr=False)

    @classmethod
    def parse(cls, text: str | None) -> KeyChain:
        """The keys of a setting (separated by spaces); :class:`KeyProblem` ``missing`` or ``short``."""
        keys = tuple((text or "").split())
        if not keys:
            raise KeyProblem("missing")
        if any(len(key) < MIN_KEY_LENGTH for key in keys):
            raise KeyProblem("short")
        return cls(keys)

    def pseudonym(self, name: str) -> str:
        """The id of the person called ``name``; :class:`ValueError` for a name without letters or digits."""
        normalised = normalise_name(name)
        if not any(ch.isalnum() for ch in normalised):
            raise ValueError("a name needs a letter or a digit")
        current = _hmac_id(self.keys[0], normalised)
        for key in self.keys[1:]:
            current = rekeyed(key, current)
        return current

    def with_key(self, new_key: str) -> KeyChain:
        """This chain with ``new_key`` added, as after ``python -m storage rekey``."""
        return KeyChain.parse(" ".join((*self.keys, new_key)))

    @property
    def setting(self) -> str:
        """The value to configure: the keys separated by spaces."""
        return " ".join(self.keys)

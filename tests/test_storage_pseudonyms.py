"""Keyed pseudonyms (storage/pseudonyms.py): the normalised name, the id's form, the key chain.

Every ``P-`` id in the partnership's data depends on the exact scheme: the pinned value below must
never change (if it has to, every id must be re-made, and old sign-in lists no longer match).
"""

from __future__ import annotations

import hashlib
import hmac
import unicodedata

import pytest

from storage.pseudonyms import (
    ALPHABET,
    ID_PATTERN,
    MIN_KEY_LENGTH,
    KeyChain,
    KeyProblem,
    is_pseudonym,
    make_key,
    normalise_name,
    rekeyed,
)

K1 = "k1" * 10
K2 = "k2" * 12
KEY = "pierigas-partneriba-test-key-0001"


def chain(*keys: str) -> KeyChain:
    return KeyChain(tuple(keys))


# --- the normalised name -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "normalised"),
    [
        ("Anna Bērziņa", "anna berzina"),
        ("ANNA BĒRZIŅA", "anna berzina"),  # case
        ("anna berzina", "anna berzina"),  # typed without a Latvian keyboard
        ("  Anna   Bērziņa  ", "anna berzina"),  # double and outer spaces
        ("Anna\tBērziņa\xa0", "anna berzina"),  # a tab, a no-break space
        ("Bērziņa-Kalniņa Anna", "berzina kalnina anna"),  # hyphen
        ("Bērziņa–Kalniņa Anna", "berzina kalnina anna"),  # en dash
        ("Bērziņa, Anna", "berzina anna"),  # comma
        ("J. Ozoliņš", "j ozolins"),  # dot
        ("O’Brien Šķēle", "o brien skele"),  # apostrophe
        ("Ģirts Ļoļa Žīgurs Čakste", "girts lola zigurs cakste"),
    ],
)
def test_normalise_name(typed: str, normalised: str) -> None:
    assert normalise_name(typed) == normalised


def test_decomposed_letters_as_macos_writes_them_are_the_same_name() -> None:
    composed = "Anna Bērziņa"
    decomposed = unicodedata.normalize("NFD", composed)
    assert decomposed != composed and len(decomposed) > len(composed)
    assert normalise_name(decomposed) == normalise_name(composed)
    assert chain(KEY).pseudonym(decomposed) == chain(KEY).pseudonym(composed)


def test_word_order_matters() -> None:
    assert normalise_name("Anna Bērziņa") != normalise_name("Bērziņa Anna")
    assert chain(KEY).pseudonym("Anna Bērziņa") != chain(KEY).pseudonym("Bērziņa Anna")


# --- the id --------------------------------------------------------------------------------------


def test_the_same_name_gives_the_same_id_however_typed() -> None:
    ids = {chain(KEY).pseudonym(name) for name in ("Anna Bērziņa", "ANNA BERZINA", " anna  bērziņa ")}
    assert len(ids) == 1


def test_another_key_gives_another_id() -> None:
    assert chain(K1).pseudonym("Anna Bērziņa") != chain(K2).pseudonym("Anna Bērziņa")


def test_other_people_get_other_ids() -> None:
    names = [f"Persona {i}" for i in range(200)]
    assert len({chain(KEY).pseudonym(name) for name in names}) == len(names)


def test_the_form_of_an_id() -> None:
    assert set(ALPHABET) & set("ILOU") == set()
    assert len(ALPHABET) == 32 and len(set(ALPHABET)) == 32
    for i in range(300):
        pid = chain(KEY).pseudonym(f"Cilvēks Nr {i}")
        assert is_pseudonym(pid) and ID_PATTERN.match(pid)
        assert pid.startswith("P-") and len(pid) == 8
        assert set(pid[2:]) <= set(ALPHABET)
    for text in ("R0001", "P-7K3QX", "P-7K3QX99", "p-7k3qx9", "P-7K3QXI", "P-7K3QXO", "P-7K3QXL", "P-7K3QXU",
                 "P_7K3QX9", " P-7K3QX9", None, 123):
        assert not is_pseudonym(text), text
    assert is_pseudonym("P-7K3QX9")


def test_pinned_value_so_the_scheme_cannot_change_by_accident() -> None:
    # by hand: HMAC-SHA-256 of the normalised name, first 30 bits, six base-32 characters
    digest = hmac.new(KEY.encode("utf-8"), b"anna berzina", hashlib.sha256).digest()
    bits = int.from_bytes(digest[:4], "big") >> 2
    by_hand = "P-" + "".join(ALPHABET[(bits >> (5 * (5 - i))) & 31] for i in range(6))
    assert by_hand == "P-9D9NBK"
    assert chain(KEY).pseudonym("Anna Bērziņa") == "P-9D9NBK"
    assert chain(KEY, K2).pseudonym("Anna Bērziņa") == "P-RJ9XDW"


@pytest.mark.parametrize("name", ["", "   ", "-", ", .", "’–"])
def test_a_name_without_letters_is_refused(name: str) -> None:
    with pytest.raises(ValueError):
        chain(KEY).pseudonym(name)


# --- keys and chains -----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [None, "", "   "])
def test_a_missing_key(text: str | None) -> None:
    with pytest.raises(KeyProblem) as problem:
        KeyChain.parse(text)
    assert problem.value.rule == "missing"


@pytest.mark.parametrize("text", ["x" * (MIN_KEY_LENGTH - 1), f"{K1} short"])
def test_a_short_key(text: str) -> None:
    with pytest.raises(KeyProblem) as problem:
        KeyChain.parse(text)
    assert problem.value.rule == "short"


def test_a_setting_parses_to_its_chain() -> None:
    assert KeyChain.parse(f"  {K1}   {K2} ").keys == (K1, K2)
    assert KeyChain.parse(f"{K1} {K2}").setting == f"{K1} {K2}"
    assert KeyChain.parse("x" * MIN_KEY_LENGTH).keys == ("x" * MIN_KEY_LENGTH,)


def test_made_keys_are_long_enough_and_differ() -> None:
    first, second = make_key(), make_key()
    assert first != second
    assert len(first) >= MIN_KEY_LENGTH and KeyChain.parse(first).keys == (first,)


def test_the_key_is_not_in_the_repr() -> None:
    assert K1 not in repr(chain(K1))


def test_a_chain_gives_the_rekeyed_id() -> None:
    name = "Anna Bērziņa"
    extended = chain(K1).with_key(K2)
    assert extended.keys == (K1, K2)
    assert extended.setting == f"{K1} {K2}"
    assert extended.pseudonym(name) == rekeyed(K2, chain(K1).pseudonym(name))
    assert is_pseudonym(extended.pseudonym(name))
    assert extended.pseudonym(name) != chain(K1).pseudonym(name)
    assert extended.pseudonym(name) != chain(K2).pseudonym(name)


def test_a_chain_of_three() -> None:
    k3 = "k3" * 11
    name = "Jānis Ozoliņš"
    assert chain(K1, K2).with_key(k3).pseudonym(name) == rekeyed(k3, rekeyed(K2, chain(K1).pseudonym(name)))


def test_with_key_refuses_a_short_key() -> None:
    with pytest.raises(KeyProblem):
        chain(K1).with_key("short")

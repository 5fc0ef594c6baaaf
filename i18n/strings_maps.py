"""Strings of the maps feature: {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {}

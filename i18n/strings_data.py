"""Strings of the data feature: {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {}

"""Strings of the reports feature: {key: {"lv": ..., "en": ...}}."""

STRINGS: dict[str, dict[str, str]] = {}

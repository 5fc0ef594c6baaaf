"""Strings of the printable sign-in sheet (PDF and Excel) of an event."""

STRINGS: dict[str, dict[str, str]] = {
}

"""Strings of data entry in the browser: the table editor, the new-event form, the sign-in import, keys."""

STRINGS: dict[str, dict[str, str]] = {
}

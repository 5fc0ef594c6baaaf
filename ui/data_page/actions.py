"""Save and undo, as button callbacks: password, the storage call, caches, a message to show.

Callbacks run before the next script run, with the arguments the page was drawn with: the
upload the person reviewed (its token) and the folder fingerprint they saw. So a save can only
write what was on the screen, and refuses if someone else changed the data meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable

import streamlit as st

from i18n import t
from i18n.formatting import fmt_datetime
from storage import Proposal, StorageError, StorageSettings
from storage.store import save_checked
from ui.data_page import staff
from ui.data_page.changes import change_summary
from ui.loading import clear_caches, session_data
from ui.settings import current_settings
from ui.text import md

FLASH_KEY = "data-flash"
PROPOSAL_KEY = "data-proposals"
UNDO_PASSWORD_KEY = "data-undo-password"


#: where a change is made and its outcome shown, beside the button that caused it: an upload, the
#: table editor, the new-event form, a sign-in import, the new-resident form; undo in the history
UPLOAD, EDITOR, EVENT, SIGNIN, RESIDENT, HISTORY = "upload", "editor", "event", "signin", "resident", "history"


def flash(place: str, kind: str, message: str) -> None:
    st.session_state[FLASH_KEY] = (place, kind, message)


def show_flash(place: str) -> None:
    """The outcome of the last save (``UPLOAD``) or undo (``HISTORY``), once, in its place."""
    if st.session_state.get(FLASH_KEY, (None,))[0] != place:
        return
    _, kind, message = st.session_state.pop(FLASH_KEY)
    if kind == "success":
        st.success(message, icon=":material/check_circle:")
    elif kind == "error":
        st.error(message, icon=":material/error:")


def _round_key(place: str) -> str:
    return f"data-{place}-round"


def widget_key(place: str, name: str) -> str:
    """The key of a widget that a save at ``place`` empties (the uploader, the editor's grid, …):
    a new round after each save gives new widgets."""
    return f"data-{place}-{name}-{st.session_state.get(_round_key(place), 0)}"


def result_key(place: str) -> str:
    """Where ``place`` keeps what it made for the save (the sign-in import's ids), until the save."""
    return f"data-{place}-result"


def next_round(place: str) -> None:
    """Empty the widgets of ``place`` and forget its proposal and result: after a save, a finished import."""
    st.session_state[_round_key(place)] = st.session_state.get(_round_key(place), 0) + 1
    st.session_state.get(PROPOSAL_KEY, {}).pop(place, None)
    st.session_state.pop(result_key(place), None)


def upload_key() -> str:
    """The uploader's key; a new one after a save empties the uploader."""
    return f"data-upload-{st.session_state.get(_round_key(UPLOAD), 0)}"


def save_password_key(place: str) -> str:
    return "data-save-password" if place == UPLOAD else f"data-{place}-save-password"


def cached_proposal(token: str, place: str = UPLOAD) -> Proposal | None:
    cached = st.session_state.get(PROPOSAL_KEY, {}).get(place)
    return cached[1] if cached is not None and cached[0] == token else None


def remember_proposal(token: str, proposal: Proposal, place: str = UPLOAD) -> None:
    """One checked change per place (so the editor and an upload can be open side by side)."""
    st.session_state.setdefault(PROPOSAL_KEY, {})[place] = (token, proposal)


def error_message(exc: StorageError, lang: str) -> str:
    """The message for a flash (markdown): the error's values (file names, reasons, paths) escaped."""
    return t(f"data.error.{exc.rule}", lang, **{key: md(value) for key, value in exc.params.items()})


def password_given(key: str, place: str, lang: str) -> bool:
    """Whether the password typed in ``key`` is the staff password (the field is emptied; a refusal
    is flashed at ``place``)."""
    password = st.session_state.get(key, "")
    st.session_state[key] = ""  # never kept in the session
    attempt = staff.try_password(password)
    if attempt.ok:
        return True
    flash(place, "error", staff.refusal(attempt, lang))
    return False


def save_clicked(token: str, place: str, lang: str) -> None:
    if not password_given(save_password_key(place), place, lang):
        return
    proposal = cached_proposal(token, place)
    if proposal is None:
        flash(place, "error", t("data.error.expired", lang))
        return
    try:
        entry = save_checked(session_data().store, proposal, StorageSettings.from_settings(current_settings()))
    except StorageError as exc:
        flash(place, "error", error_message(exc, lang))
        return
    clear_caches()
    st.session_state.pop(PROPOSAL_KEY, None)  # every place's check was against the data before this save
    next_round(place)
    changes = "; ".join(
        f"{t(f'table.{diff.table}', lang)}: {change_summary(diff, lang)}" for diff in proposal.diffs or []
    )
    flash(place, "success", t("data.saved", lang, files=files_text(entry.files, lang, name=md),
                               changes=changes or "–", backup=f".history/{entry.id}"))


def undo_clicked(expected_fingerprint: str, lang: str) -> None:
    if not password_given(UNDO_PASSWORD_KEY, HISTORY, lang):
        return
    store = session_data().store
    undone = store.last_undoable()
    try:
        entry = store.undo(expected_fingerprint, StorageSettings.from_settings(current_settings()))
    except StorageError as exc:
        flash(HISTORY, "error", error_message(exc, lang))
        return
    clear_caches()
    st.session_state.pop(PROPOSAL_KEY, None)
    flash(HISTORY, "success", t("data.undone", lang, files=files_text(entry.files, lang, name=md),
                       when=fmt_datetime(undone.created if undone else entry.created, lang),
                       backup=f".history/{entry.id}"))


def files_text(files: dict[str, str], lang: str, name: Callable[[str], str] = str) -> str:
    """``events.xlsx (pievienots), events.csv (noņemts)``; ``name=md`` for markdown (a flash, a caption)."""
    return ", ".join(f"{name(file)} ({t(f'data.action.{action}', lang)})" for file, action in files.items())

"""Sign-in lists: print an event's sheet, import the typed list as pseudonymous attendance.

The steps on the screen: choose the event (and print its sheet), give the list (a file, or cells
pasted from Excel), check its columns, decide about names that look like one person's, then the
staff password turns the names into keyed ids. From then on the import is an ordinary change of
the attendance table: its check, its changes ("24 people, 3 new") and Save.

Names are only in the uploaded file (Streamlit keeps it in memory) and the pasted text while the
list is being checked; the widgets that hold them get new keys as soon as the ids are made, which
drops both. Nothing with a name goes to session state, a cache, a file or a log: the decisions
are keyed by row numbers, the columns by their position.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path

import streamlit as st

from i18n import t
from i18n.formatting import fmt_date, fmt_int
from loaders import Dataset
from loaders.signin import SigninList, read_signin_file, read_signin_paste
from storage import IncomingFile, Intake, StorageSettings, stage
from storage.editing import table_file_bytes
from storage.pseudonyms import KeyChain, KeyProblem
from storage.signin import (
    ColumnMap,
    ImportedList,
    NameGroup,
    attendance_after,
    guess_columns,
    known_ids,
    near_duplicates,
    people_of,
    pseudonymise,
    remember_columns,
    remembered_columns,
)
from ui.data_page.actions import (
    SIGNIN,
    cached_proposal,
    flash,
    next_round,
    password_given,
    remember_proposal,
    result_key,
    show_flash,
    widget_key,
)
from ui.data_page.changes import plural_form
from ui.data_page.editor import editable_of
from ui.data_page.staff import Access
from ui.data_page.upload import review, uploader_in_language
from ui.loading import DataState, session_data
from ui.settings import current_settings
from ui.text import md
from ui.widgets import problems_table

PASSWORD_KEY = "signin-password"
ROLES_SHOWN = ("name", "first_name", "surname", "gender", "birth_year", "municipality")


def key_chain() -> KeyChain | KeyProblem:
    try:
        return KeyChain.parse(current_settings().pseudonym_key)
    except KeyProblem as problem:
        return problem


def event_options(dataset: Dataset, lang: str) -> tuple[list[str], dict[str, str]]:
    """The events, newest first, as ``18.03.2019 · Title (E2019-006)``."""
    events = dataset.events.sort_values(["starts_on", "event_id"], ascending=False)
    labels = {
        str(row.event_id): f"{fmt_date(row.starts_on.date(), lang)} · {row.title} ({row.event_id})"
        for row in events.itertuples()
    }
    return list(labels), labels


def today() -> dt.date:
    return dt.date.today()


def signin_lists(data: DataState, access: Access, settings: StorageSettings, lang: str) -> None:
    """The Sign-in lists tab."""
    show_flash(SIGNIN)
    dataset = data.latest.dataset
    if dataset is None or not data.latest.ok:
        st.info(t("entry.editor.needs_clean", lang), icon=":material/info:")
        return
    ids, labels = event_options(dataset, lang)
    if not ids:
        st.info(t("entry.signin.no_events", lang), icon=":material/info:")
        return
    event_id = st.selectbox(t("entry.signin.event", lang), ids, format_func=labels.get, key="signin-event")
    _printable_sheet(data, dataset, event_id, lang)

    st.markdown("#### " + t("entry.signin.import_title", lang))
    st.caption(t("entry.signin.privacy", lang))
    result = st.session_state.get(result_key(SIGNIN))
    if result is not None and result[0].event_id == event_id:
        _imported(data, *result, access, lang)
        return
    chain = key_chain()
    if isinstance(chain, KeyProblem):
        with st.container(key="signin-no-key"):
            st.warning(t(f"entry.key.{chain.rule}", lang), icon=":material/key_off:")
        return
    _list_widgets(settings, lang)
    listed = _given_list(settings)
    if listed is None:
        return
    if not listed.ok:
        problems_table(listed.problems, lang)
        return
    _check_and_convert(data, dataset, event_id, listed, access, lang)


def _printable_sheet(data: DataState, dataset: Dataset, event_id: str, lang: str) -> None:
    from exports.signin_sheet import sheet_event, signin_sheet_pdf, signin_sheet_xlsx
    from reports.logos import logos

    event = sheet_event(dataset, event_id, lang)
    name = f"{t('entry.signin.sheet_file', lang)}_{re.sub(r'[^0-9A-Za-z._-]', '_', event_id)}"  # an id is data
    found = logos(data.files_folder)
    st.caption(t("entry.signin.sheet_intro", lang))
    left, right = st.columns(2, width=520)
    left.download_button(t("entry.signin.sheet_pdf", lang), lambda: signin_sheet_pdf(event, lang, found),
                         file_name=f"{name}.pdf", mime="application/pdf", icon=":material/print:",
                         key="signin-sheet-pdf", on_click="ignore")
    right.download_button(t("entry.signin.sheet_xlsx", lang), lambda: signin_sheet_xlsx(event, lang, found),
                          file_name=f"{name}.xlsx", icon=":material/table:", key="signin-sheet-xlsx", on_click="ignore",
                          mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


def _list_widgets(settings: StorageSettings, lang: str) -> None:
    uploader_in_language(lang)
    st.file_uploader(t("entry.signin.file", lang), type=["csv", "xlsx", "txt"], key=widget_key(SIGNIN, "file"),
                     max_upload_size=settings.max_file_mb, help=t("entry.signin.file_help", lang))
    st.text_area(t("entry.signin.paste", lang), key=widget_key(SIGNIN, "paste"), height=120,
                 placeholder=t("entry.signin.paste_placeholder", lang))


def _given_list(settings: StorageSettings) -> SigninList | None:
    """The list from the uploaded file or the pasted cells (the file wins), read in memory."""
    upload = st.session_state.get(widget_key(SIGNIN, "file"))
    pasted = st.session_state.get(widget_key(SIGNIN, "paste")) or ""
    if upload is not None:
        return read_signin_file(upload.name, upload.getvalue(), settings.zip_limits)
    if pasted.strip():
        return read_signin_paste(pasted)
    return None


def _column_choice(listed: SigninList, folder: Path | None, lang: str) -> ColumnMap:
    """The columns of the list: as remembered for its header, else guessed; staff may change them."""
    remembered = remembered_columns(folder, listed.header) if folder is not None else None
    start = remembered or guess_columns(listed.header)
    positions = [None, *range(len(listed.header))]
    letters = [_letter(i) for i in range(len(listed.header))]

    def shown(position: int | None) -> str:
        if position is None:
            return t("entry.signin.col.none", lang)
        return f"{letters[position]}: {listed.header[position] or '–'}"

    layout = hashlib.sha256("\x1f".join(listed.header).encode("utf-8")).hexdigest()[:12]
    chosen = {}
    rows = [st.columns(3), st.columns(3)]  # a row each for the name and the details: in order on a phone too
    for i, role in enumerate(ROLES_SHOWN):
        default = getattr(start, role)
        chosen[role] = rows[i // 3][i % 3].selectbox(
            t(f"entry.signin.col.{role}", lang), positions, index=positions.index(default), format_func=shown,
            key=f"signin-col-{layout}-{role}")
    return ColumnMap(**chosen)


def _letter(position: int) -> str:
    """The spreadsheet's column letter: 0 → A, 26 → AA."""
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _check_and_convert(data: DataState, dataset: Dataset, event_id: str, listed: SigninList, access: Access,
                       lang: str) -> None:
    st.markdown(t("entry.signin.columns_title", lang, row=listed.header_row))
    columns = _column_choice(listed, data.files_folder, lang)
    if not columns.has_name:
        st.warning(t("entry.signin.no_name_column", lang), icon=":material/warning:")
        return
    people, problems = people_of(listed, columns, today())
    named = sum(1 for p in people if not p.anonymous)
    st.markdown(t("entry.signin.rows", lang, people=fmt_int(len(people), lang), named=fmt_int(named, lang),
                  anonymous=fmt_int(len(people) - named, lang)))
    if problems:
        st.caption(t("entry.signin.problems", lang))
        problems_table(problems, lang)
    groups = near_duplicates(people)
    namesakes = _namesake_decisions(groups, lang) if groups else set()
    of_event = dataset.attendance["event_id"].astype(str) == event_id
    replace = True  # an event without a list: nothing to replace
    if of_event.any():  # adding is the default: an import never deletes rows unless staff say so
        replace = st.radio(t("entry.signin.existing", lang, count=fmt_int(int(of_event.sum()), lang)), [False, True],
                           format_func=lambda r: t("entry.signin.replace" if r else "entry.signin.add", lang),
                           key="signin-replace", horizontal=True)
    if not people:
        return
    if access is not Access.PASSWORD:
        st.info(t("data.review.read_only", lang), icon=":material/lock:")
        return
    layouts_folder = None if data.is_demo else data.files_folder
    with st.form("signin-convert-form", enter_to_submit=True):
        st.markdown(t("entry.signin.convert_intro", lang))
        st.text_input(t("data.password", lang), type="password", key=PASSWORD_KEY, autocomplete="current-password",
                      width=360)
        st.form_submit_button(
            t("entry.signin.convert", lang), type="primary", icon=":material/shield_person:", key="signin-convert",
            on_click=_convert_clicked,
            args=(layouts_folder, event_id, columns, frozenset(namesakes), replace, lang))


def _convert_clicked(folder: Path | None, event_id: str, columns: ColumnMap, namesakes: frozenset[int],
                     replace: bool, lang: str) -> None:  # noqa: FBT001
    """With the staff password: the names of the list (read again from the widgets) become ids."""
    if not password_given(PASSWORD_KEY, SIGNIN, lang):
        return
    chain = key_chain()
    listed = _given_list(StorageSettings.from_settings(current_settings()))
    dataset = session_data().latest.dataset
    if isinstance(chain, KeyProblem) or listed is None or not listed.ok or dataset is None:
        flash(SIGNIN, "error", t("entry.signin.expired", lang))
        return
    # who is in the data already: the residents and the lists of the other events (or of every event, when adding)
    known = known_ids(dataset.attendance, dataset.residents, except_event=event_id if replace else None)
    residents = set(dataset.residents["resident_id"].astype(str))
    people, _ = people_of(listed, columns, today())
    imported = pseudonymise(event_id, people, chain, known, residents, set(namesakes))
    del people  # the names: gone with this call
    if folder is not None:  # the demo data and the database keep no layouts
        remember_columns(folder, listed.header, columns, today())
    next_round(SIGNIN)  # new keys for the uploader and the text area: the file and the pasted names are dropped
    st.session_state[result_key(SIGNIN)] = (imported, replace)


def _namesake_decisions(groups: list[NameGroup], lang: str) -> set[int]:
    """For each group of names that give one id: one person (default) or namesakes; the groups'
    first rows that are namesakes."""
    with st.container(border=True, key="signin-near-duplicates"):
        st.markdown(t("entry.signin.near_title", lang, count=fmt_int(len(groups), lang)))
        st.caption(t("entry.signin.near_help", lang))
        namesakes = set()
        for group in groups:
            rows = ", ".join(str(r) for r in group.rows)
            spellings = " · ".join(f"«{md(s)}»" for s in group.spellings)
            choice = st.radio(
                t("entry.signin.near_group", lang, rows=rows, names=spellings), [False, True], horizontal=True,
                format_func=lambda d: t("entry.signin.namesakes" if d else "entry.signin.one_person", lang),
                key=f"signin-near-{group.rows[0]}")
            if choice:
                namesakes.add(group.rows[0])
    return namesakes


def _imported(data: DataState, imported: ImportedList, replace: bool, access: Access, lang: str) -> None:  # noqa: FBT001
    """The list as ids: the counts, then the attendance table's check, changes and Save."""
    with st.container(border=True, key="signin-summary"):
        people = t(f"entry.signin.people.{plural_form(imported.people, lang)}", lang,
                   people=fmt_int(imported.people, lang))
        new = t(f"entry.signin.new.{plural_form(imported.new, lang)}", lang, new=fmt_int(imported.new, lang))
        st.markdown(f"### {people}, {new}", help=t("entry.signin.summary_help", lang))
        details = [t("entry.signin.summary_residents", lang, count=fmt_int(imported.residents, lang))]
        if imported.anonymous:
            details.append(t("entry.signin.summary_anonymous", lang, count=fmt_int(imported.anonymous, lang)))
        if imported.merged:
            details.append(t("entry.signin.summary_merged", lang, count=fmt_int(imported.merged, lang)))
        st.caption(" · ".join(details))
        if st.button(t("entry.signin.discard", lang), icon=":material/close:", key="signin-discard"):
            next_round(SIGNIN)
            st.rerun()
    current = editable_of(data, "attendance")
    after, skipped = attendance_after(current.frame, imported, replace=replace)
    if skipped:
        st.caption(t("entry.signin.skipped", lang, count=fmt_int(skipped, lang)))
    data_bytes = table_file_bytes("attendance", after, current.file_name, current.extra_columns,
                                  original=current.original_columns if current.exists else None)
    token = f"{hashlib.sha256(data_bytes).hexdigest()}:{data.latest.fingerprint}"
    proposal = cached_proposal(token, SIGNIN)
    if proposal is None:
        source = t("entry.signin.source", lang)
        intake = Intake(files={"attendance": IncomingFile("attendance", current.file_name, source, data_bytes)})
        proposal = stage(data.store, intake, data.latest)
        remember_proposal(token, proposal, SIGNIN)
    review(token, proposal, access, lang, place=SIGNIN)

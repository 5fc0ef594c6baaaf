"""Quick forms: a new event, a new resident (whose id is made from their name with the key).

Each form adds one row to its table's file and then goes the editor's way: checked with the other
tables, the changes shown, Save with the password. Dates are typed as in Excel (``18.03.2019``)
and read by the loaders' own rules, so a wrong date is named like one in a file.
"""

from __future__ import annotations

import hashlib
import re

import pandas as pd
import streamlit as st

from i18n import t
from i18n.labels import code_label
from loaders import Dataset
from loaders.contract import EVENT_TYPES, GENDERS, OCCUPATIONS
from loaders.municipalities import OFFICIAL
from storage import IncomingFile, Intake, stage
from storage.editing import table_file_bytes
from storage.pseudonyms import KeyProblem
from ui.data_page.actions import (
    EVENT,
    RESIDENT,
    cached_proposal,
    flash,
    next_round,
    password_given,
    remember_proposal,
    result_key,
    show_flash,
    widget_key,
)
from ui.data_page.editor import editable_of, labelled_ids
from ui.data_page.signin import key_chain
from ui.data_page.staff import Access
from ui.data_page.upload import review
from ui.loading import DataState, session_data

RESIDENT_PASSWORD_KEY = "resident-password"
_EVENT_ID = re.compile(r"^E(\d{4})-(\d+)$")


def next_event_id(events: pd.DataFrame, year: int) -> str:
    """``E2026-013``: the year's next number in the ``E<year>-<nnn>`` ids (the demo's and the templates' form)."""
    numbers = [int(m.group(2)) for i in events["event_id"].astype(str) if (m := _EVENT_ID.match(i)) and
               int(m.group(1)) == year]
    existing = set(events["event_id"].astype(str))
    number = max(numbers, default=0) + 1
    while f"E{year}-{number:03d}" in existing:
        number += 1
    return f"E{year}-{number:03d}"


def _choice(label: str, options: list[str | None], shown: dict[str, str], key: str, lang: str) -> str | None:
    return st.selectbox(label, options, key=key,
                        format_func=lambda v: t("entry.form.none", lang) if v is None else shown.get(v, v))


def _staged(data: DataState, table: str, row: dict, place: str, lang: str) -> None:
    """Add ``row`` to ``table``'s file and check it: the proposal is kept for the review."""
    current = editable_of(data, table)
    frame = pd.concat([current.frame, pd.DataFrame([row]).reindex(columns=current.frame.columns)], ignore_index=True)
    data_bytes = table_file_bytes(table, frame, current.file_name, current.extra_columns,
                                  original=current.original_columns if current.exists else None)
    token = f"{hashlib.sha256(data_bytes).hexdigest()}:{data.latest.fingerprint}"
    source = t("entry.form.source", lang, table=t(f"table.{table}", lang))
    intake = Intake(files={table: IncomingFile(table, current.file_name, source, data_bytes)})
    remember_proposal(token, stage(data.store, intake, data.latest), place)
    st.session_state[result_key(place)] = token


def _review_staged(access: Access, place: str, lang: str) -> bool:
    """The check and Save of the form's row, if one is waiting; whether one was."""
    token = st.session_state.get(result_key(place))
    proposal = cached_proposal(token, place) if token else None
    if proposal is None:
        return False
    review(token, proposal, access, lang, place=place)
    if st.button(t("entry.form.discard", lang), icon=":material/close:", key=f"{place}-discard"):
        next_round(place)
        st.rerun()
    return True


def new_event_form(data: DataState, dataset: Dataset, access: Access, lang: str) -> None:
    """A form for the common case: an event at a space or elsewhere, with its date, type and head count."""
    show_flash(EVENT)
    if _review_staged(access, EVENT, lang):
        return
    spaces = labelled_ids(dataset, "spaces")
    projects = labelled_ids(dataset, "projects")
    with st.form(widget_key(EVENT, "form"), enter_to_submit=False):
        title = st.text_input(t("entry.event.title", lang), max_chars=300)
        left, right = st.columns(2)
        event_type = left.selectbox(t("entry.event.type", lang), list(EVENT_TYPES),
                                    format_func=lambda c: code_label("event_type", c, lang))
        starts = right.text_input(t("entry.event.starts_on", lang), placeholder=t("entry.date_placeholder", lang))
        ends = left.text_input(t("entry.event.ends_on", lang), placeholder=t("entry.date_placeholder", lang))
        participants = right.number_input(t("entry.event.participants", lang), min_value=0, step=1, value=None,
                                          help=t("entry.event.participants_help", lang))
        with left:
            space = _choice(t("entry.event.space", lang), [None, *spaces], spaces, "event-space", lang)
        with right:
            municipality = _choice(t("entry.event.municipality", lang), [None, *OFFICIAL], {}, "event-municipality",
                                   lang)
        with left:
            project = _choice(t("entry.event.project", lang), [None, *projects], projects, "event-project", lang)
        description = st.text_area(t("entry.event.description", lang), height=80, max_chars=2000)
        submitted = st.form_submit_button(t("entry.event.add", lang), icon=":material/event:", type="primary")
    if not submitted:
        return
    starts_text = starts.strip()
    year = next((int(part) for part in re.split(r"[.\-]", starts_text) if len(part) == 4 and part.isdigit()), 0)
    row = {
        "event_id": next_event_id(dataset.events, year), "title": title, "event_type": event_type,
        "starts_on": starts_text, "ends_on": ends, "space_id": space, "municipality": municipality,
        "project_code": project, "participants": participants, "description": description,
    }
    _staged(data, "events", row, EVENT, lang)
    st.rerun()


def new_resident_form(dataset: Dataset, access: Access, lang: str) -> None:
    """A new resident, their id made from their name with the key (so sign-in lists find them)."""
    show_flash(RESIDENT)
    if _review_staged(access, RESIDENT, lang):
        return
    chain = key_chain()
    if isinstance(chain, KeyProblem):
        st.caption(t(f"entry.key.{chain.rule}", lang))
        return
    if access is not Access.PASSWORD:
        st.info(t("data.review.read_only", lang), icon=":material/lock:")
        return
    spaces = labelled_ids(dataset, "spaces")
    with st.form(widget_key(RESIDENT, "form"), enter_to_submit=False, clear_on_submit=True):
        st.text_input(t("entry.resident.name", lang), key=widget_key(RESIDENT, "name"),
                      help=t("entry.resident.name_help", lang), autocomplete="off")
        left, right = st.columns(2)
        with left:
            _choice(t("entry.resident.space", lang), list(spaces), spaces, widget_key(RESIDENT, "space"), lang)
        right.text_input(t("entry.resident.joined_on", lang), placeholder=t("entry.date_placeholder", lang),
                         key=widget_key(RESIDENT, "joined_on"))
        left.selectbox(t("entry.resident.gender", lang), list(GENDERS), key=widget_key(RESIDENT, "gender"),
                       index=GENDERS.index("unknown"),
                       format_func=lambda c: code_label("gender", c, lang))
        right.number_input(t("entry.resident.birth_year", lang), min_value=1900, max_value=2100, step=1, value=None,
                           key=widget_key(RESIDENT, "birth_year"))
        with left:
            _choice(t("entry.resident.home", lang), [None, *OFFICIAL], {}, widget_key(RESIDENT, "home"), lang)
        right.selectbox(t("entry.resident.occupation", lang), list(OCCUPATIONS), index=len(OCCUPATIONS) - 1,
                        key=widget_key(RESIDENT, "occupation"), format_func=lambda c: code_label("occupation", c, lang))
        st.text_input(t("data.password", lang), type="password", key=RESIDENT_PASSWORD_KEY,
                      autocomplete="current-password", width=360)
        st.form_submit_button(t("entry.resident.add", lang), icon=":material/person_add:", type="primary",
                              on_click=_resident_clicked, args=(lang,))


def _resident_clicked(lang: str) -> None:
    """With the password: the name becomes the id, and is then gone (the field is emptied)."""
    state = st.session_state
    if not password_given(RESIDENT_PASSWORD_KEY, RESIDENT, lang):
        state[widget_key(RESIDENT, "name")] = ""
        return
    name = state.get(widget_key(RESIDENT, "name"), "")
    chain = key_chain()
    try:
        if isinstance(chain, KeyProblem):
            raise ValueError(chain.rule)
        resident_id = chain.pseudonym(name)
    except ValueError:
        flash(RESIDENT, "error", t("entry.resident.no_name", lang))
        return
    finally:
        state[widget_key(RESIDENT, "name")] = ""
    data = session_data()
    if resident_id in set(data.latest.dataset.residents["resident_id"].astype(str)):
        flash(RESIDENT, "error", t("entry.resident.exists", lang, id=resident_id))
        return
    row = {
        "resident_id": resident_id, "space_id": state.get(widget_key(RESIDENT, "space")),
        "joined_on": state.get(widget_key(RESIDENT, "joined_on"), ""),
        "gender": state.get(widget_key(RESIDENT, "gender")),
        "birth_year": state.get(widget_key(RESIDENT, "birth_year")),
        "home_municipality": state.get(widget_key(RESIDENT, "home")),
        "occupation": state.get(widget_key(RESIDENT, "occupation")),
    }
    _staged(data, "residents", row, RESIDENT, lang)

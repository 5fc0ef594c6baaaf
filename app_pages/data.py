"""Data: what is loaded, upload and check, edit in the browser, sign-in lists, history, templates.

Three tabs, each run only when open: the files (status, upload, history, templates), the table
editor with the new-event form, and the sign-in lists with the new-resident form. Every change
goes the same way: checked with the current tables, its changes shown, Save with the staff password.
"""

import streamlit as st

from i18n import t
from storage import StorageSettings
from ui import context
from ui.data_page import staff
from ui.data_page.about import about_installation
from ui.data_page.actions import HISTORY, UPLOAD, show_flash
from ui.data_page.downloads import data_zip_button, templates
from ui.data_page.editor import table_editor
from ui.data_page.forms import new_event_form, new_resident_form
from ui.data_page.history import history
from ui.data_page.signin import signin_lists
from ui.data_page.status import loaded_files
from ui.data_page.upload import proposal_for, review, uploader
from ui.settings import current_settings
from ui.widgets import page_header

ctx = context.current()
lang, data = ctx.lang, ctx.data
settings = StorageSettings.from_settings(current_settings())
access = staff.access()

page_header(ctx, "page.data")
if data.store is None:  # the network view: every partnership's data, read only
    st.info(t("network.read_only", lang), icon=":material/visibility:")
    st.stop()
if access is not staff.Access.PASSWORD:
    with st.container(key="read-only"):
        st.info(t(f"data.access.{access.value}", lang), icon=":material/lock:")

files_tab, edit_tab, signin_tab = st.tabs(
    [t("entry.tab.files", lang), t("entry.tab.edit", lang), t("entry.tab.signin", lang)],
    key="data-tab", on_change="rerun",
)

if files_tab.open:
    with files_tab:
        st.subheader(t("data.status.title", lang))
        loaded_files(data, lang)
        data_zip_button(data.store, lang)

        st.subheader(t("data.upload.title", lang))
        show_flash(UPLOAD)
        uploads = uploader(lang, settings)
        if uploads:
            token, proposal = proposal_for(data.store, uploads, data.latest, settings, lang)
            review(token, proposal, access, lang)

        st.subheader(t("data.history.title", lang))
        show_flash(HISTORY)
        history(data, access, lang)

        st.subheader(t("data.templates.title", lang))
        templates(lang)

if edit_tab.open:
    with edit_tab:
        st.subheader(t("entry.editor.title", lang))
        table_editor(data, access, lang)
        if data.latest.dataset is not None and data.latest.ok:
            st.subheader(t("entry.event.form_title", lang))
            new_event_form(data, data.latest.dataset, access, lang)

if signin_tab.open:
    with signin_tab:
        st.subheader(t("entry.signin.title", lang))
        signin_lists(data, access, settings, lang)
        if data.latest.dataset is not None and data.latest.ok:
            st.subheader(t("entry.resident.form_title", lang))
            new_resident_form(data.latest.dataset, access, lang)

about_installation(data, lang)

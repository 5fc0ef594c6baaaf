"""Data: what is loaded, upload and check, changes, save and undo (staff password), templates."""

import streamlit as st

from i18n import t
from storage import StorageSettings
from ui import context
from ui.data_page import staff
from ui.data_page.about import about_installation
from ui.data_page.actions import HISTORY, UPLOAD, show_flash
from ui.data_page.downloads import data_zip_button, templates
from ui.data_page.history import history
from ui.data_page.status import loaded_files
from ui.data_page.upload import proposal_for, review, uploader
from ui.settings import current_settings
from ui.widgets import page_header

ctx = context.current()
lang, data = ctx.lang, ctx.data
settings = StorageSettings.from_settings(current_settings())
access = staff.access()

page_header(ctx, "page.data")
if access is not staff.Access.PASSWORD:
    with st.container(key="read-only"):
        st.info(t(f"data.access.{access.value}", lang), icon=":material/lock:")

st.subheader(t("data.status.title", lang))
loaded_files(data, lang)
data_zip_button(data.folder, lang)

st.subheader(t("data.upload.title", lang))
show_flash(UPLOAD)
uploads = uploader(lang, settings)
if uploads:
    token, proposal = proposal_for(data.folder, uploads, data.latest, settings, lang)
    review(data.folder, token, proposal, access, lang)

st.subheader(t("data.history.title", lang))
show_flash(HISTORY)
history(data, access, lang)

st.subheader(t("data.templates.title", lang))
templates(lang)

about_installation(data, lang)

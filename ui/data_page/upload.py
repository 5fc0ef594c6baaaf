"""Upload, check and review: the uploader, the problems, the changes per table and the Save form."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

import streamlit as st

from i18n import t
from i18n.formatting import fmt_int
from loaders import LoadResult, Problem
from storage import Proposal, StorageSettings, stage, take_uploads
from storage.store import DataStore
from ui.data_page.actions import UPLOAD, cached_proposal, remember_proposal, save_clicked, save_password_key, upload_key
from ui.data_page.changes import table_changes
from ui.data_page.staff import Access
from ui.text import md
from ui.widgets import problems_table


def _css_string(text: str) -> str:
    """``text`` as a CSS string: every character but letters, digits and spaces as an escape."""
    return '"' + "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):06x}" for ch in text) + '"'


def uploader_in_language(lang: str) -> None:
    """The uploader's own texts (Streamlit 1.67 has them in English only, streamlit/streamlit#13500):
    its "Upload" button reads in the page's language, and its "10MB per file • CSV, XLSX, ZIP" line
    gives way to the uploader's label, which says the same. Screen readers still hear "Upload"."""
    st.html(
        "<style>"
        '[data-testid="stFileUploaderDropzoneInstructions"] { display: none; }'
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { font-size: 0; }'
        '[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p::after {'
        f" content: {_css_string(t('data.upload.button', lang))}; font-size: 0.875rem; }}"
        "</style>"
    )


def uploader(lang: str, settings: StorageSettings) -> list:
    uploader_in_language(lang)
    return st.file_uploader(
        t("data.upload.label", lang, limit=settings.max_file_mb),
        type=["csv", "xlsx", "zip"],
        accept_multiple_files=True,
        key=upload_key(),
        max_upload_size=settings.max_file_mb,
        help=t("data.upload.help", lang),
    ) or []


def proposal_for(
    store: DataStore, uploads: list, latest: LoadResult, settings: StorageSettings, lang: str
) -> tuple[str, Proposal]:
    """The upload checked against the current files; computed once per upload and data version."""
    digest = hashlib.sha256()
    for upload in uploads:
        digest.update(upload.name.encode("utf-8") + b"\0" + upload.getvalue() + b"\0")
    token = f"{digest.hexdigest()}:{latest.fingerprint}"
    proposal = cached_proposal(token)
    if proposal is None:
        with st.spinner(t("data.upload.checking", lang)):
            intake = take_uploads([(u.name, u.getvalue()) for u in uploads], settings)
            proposal = stage(store, intake, latest)
        remember_proposal(token, proposal)
    return token, proposal


def review(
    token: str, proposal: Proposal, access: Access, lang: str, *, place: str = UPLOAD,
    shown_problems: Callable[[list[Problem]], list[Problem]] | None = None,
) -> None:
    """The check's problems, the changes per table and the Save form (with the password) of ``place``.

    ``shown_problems`` may restate the problems for where the change was made (the editor's rows).
    """
    errors = [p for p in proposal.problems if p.severity == "error"]
    if errors:
        with st.container(key="upload-refused"):
            st.error(t("data.review.refused", lang, count=fmt_int(len(errors), lang)), icon=":material/block:")
    elif proposal.problems:
        st.warning(t("data.review.warnings", lang, count=fmt_int(len(proposal.problems), lang)),
                   icon=":material/warning:")
    if proposal.problems:
        problems_table(shown_problems(proposal.problems) if shown_problems else proposal.problems, lang)
    if not proposal.ok:
        return
    _changes(proposal, lang)
    if not proposal.has_changes:
        st.info(t("data.review.same_files", lang), icon=":material/done_all:")
        return
    if access is Access.PASSWORD:
        _save_form(token, place, lang)
    else:
        st.info(t("data.review.read_only", lang), icon=":material/lock:")


def _changes(proposal: Proposal, lang: str) -> None:
    st.markdown("#### " + t("data.review.changes_title", lang))
    files = proposal.intake.files
    if proposal.diffs is None:
        st.info(t("data.review.cannot_compare", lang, files=md(", ".join(f.name for f in files.values()))))
    else:
        for diff in proposal.diffs:
            table_changes(diff, files[diff.table].source, lang)
    for name in proposal.removes:
        st.caption(t("data.review.replaces", lang, old=md(name)))


def _save_form(token: str, place: str, lang: str) -> None:
    suffix = "" if place == UPLOAD else f"-{place}"
    with st.form(f"data-save-form{suffix}", enter_to_submit=True):
        st.markdown(t("data.review.save_intro", lang))
        st.text_input(t("data.password", lang), type="password", key=save_password_key(place),
                      autocomplete="current-password", width=360)
        st.form_submit_button(t("data.save", lang), type="primary", icon=":material/save:", key=f"data-save{suffix}",
                              on_click=save_clicked, args=(token, place, lang))

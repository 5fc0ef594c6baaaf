"""The Reports page's files: each made when its button is pressed, then downloaded; a failure is said.

``st.download_button(data=callable)`` would build the file on the click, but in a thread of its own
where no Streamlit command works: when the build raises, Streamlit 1.67 logs it and the button shows
its own English "Failed to generate file for download" for five seconds, and the page cannot say
anything in its language. So each format has a button that makes the file in the page's run (the
button spins meanwhile); a failure becomes an error message in the UI language (the traceback goes to
the server's log), and a made file is kept in the session, for the report shown, and offered by a
download button in the same place.

The Word and PDF files carry the logo strip of the data folder's ``logos/`` (:mod:`reports.logos`);
the page names the logos it found and says why a file was left out.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

import streamlit as st

from i18n import t
from reports.build import FORMATS, MIME_TYPES, build, file_name
from reports.logos import Logo, read_logos
from reports.model import Report
from ui.settings import current_settings
from ui.text import md

log = logging.getLogger(__name__)

ICONS = {"xlsx": ":material/table_view:", "docx": ":material/description:", "pdf": ":material/picture_as_pdf:",
         "json": ":material/data_object:", "csv": ":material/list:"}
#: ``(the report's identity, {format: bytes})`` of the files made in this session
FILES_KEY = "report-files"
#: the format whose button was pressed (set by the button's callback, taken by the next run)
REQUEST_KEY = "report-file-requested"
#: the format whose file could not be made (said once, in the run after)
FAILED_KEY = "report-file-failed"


def identity(report: Report, fingerprint: str | None, logos: Sequence[Logo] = ()) -> tuple:
    """What a made file depends on: the same choice on the same data and logos gives the same file."""
    return (report.scope, report.year, report.project_code, report.start, report.end, report.public, report.lang,
            fingerprint,
            tuple(logo.png for logo in logos))


def make_file(report: Report, fmt: str, logos: Sequence[Logo] = ()) -> bytes | None:
    """The file's bytes, or ``None`` when it cannot be built (logged with its traceback)."""
    try:
        return build(report, fmt, browser=current_settings().browser_path, logos=logos)
    except Exception:
        log.exception("the %s file of report %s could not be built", fmt, report.project_code or report.year)
        return None


def _made_files(report: Report, fingerprint: str | None, logos: Sequence[Logo]) -> dict[str, bytes]:
    key = identity(report, fingerprint, logos)
    kept = st.session_state.get(FILES_KEY)
    if kept is None or kept[0] != key:  # another project, period, version, language or data
        kept = st.session_state[FILES_KEY] = (key, {})
    return kept[1]


def _request(fmt: str) -> None:
    st.session_state[REQUEST_KEY] = fmt


def logo_strip(folder: Path | None, lang: str) -> list[Logo]:
    """The data folder's logos for Word and PDF, named under the buttons; a file left out is said."""
    found, left_out = read_logos(folder)
    if found:
        st.caption(t("report.page.logos", lang, files=", ".join(md(logo.name) for logo in found)))
    for item in left_out:
        st.warning(t("report.logo.left_out", lang, file=md(item.name), reason=item.reason.message(lang)),
                   icon=":material/image_not_supported:")
    return found


def downloads(report: Report, fingerprint: str | None, lang: str, folder: Path | None = None) -> None:
    """A button per format that makes the file; once made, its download button; an error if it failed."""
    with st.container(key="report-logos"):
        logos = logo_strip(folder, lang)
    files = _made_files(report, fingerprint, logos)
    requested = st.session_state.pop(REQUEST_KEY, None)
    failed = st.session_state.pop(FAILED_KEY, None)
    with st.container(key="report-downloads", horizontal=True):
        for fmt in FORMATS:
            slot = st.empty()
            label = t(f"report.download.{fmt}", lang)
            if fmt == requested and fmt not in files:
                # the same button, spinning, while the file is made (a spinner element would shift the row)
                slot.button(t("report.page.preparing", lang, file=label), key=f"report-prepare-{fmt}",
                            icon="spinner", disabled=True)
                data = make_file(report, fmt, logos if fmt in ("docx", "pdf") else ())
                if data is None:
                    st.session_state[FAILED_KEY] = fmt
                    st.rerun()  # the button back as it was, and the message below the row
                files[fmt] = data
            if fmt in files:
                slot.download_button(
                    t("report.page.download_ready", lang, file=label), data=files[fmt],
                    file_name=file_name(report, fmt), mime=MIME_TYPES[fmt], on_click="ignore",
                    icon=":material/download:", type="primary", key=f"report-download-{fmt}",
                )
            else:
                slot.button(label, key=f"report-prepare-{fmt}", icon=ICONS[fmt], on_click=_request, args=(fmt,))
    if failed in FORMATS:
        st.error(t("report.page.build_failed", lang, file=t(f"report.download.{failed}", lang)),
                 icon=":material/error:")

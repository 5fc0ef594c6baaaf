"""The report's events list as CSV, the way Latvian Excel opens it as it is.

Translated headers and event types; text cleaned of what a text file should not carry
(:func:`reports.clean_text.xml_text`: NUL, ESC, other control characters, lone surrogates); then
written by :func:`exports.spreadsheet_csv.spreadsheet_csv` like every CSV download (``;``-separated
UTF-8 with BOM, CRLF, dates ``dd.mm.yyyy`` in Latvian or ISO in English, formula-like text
neutralised).
"""

from __future__ import annotations

import pandas as pd

from exports.spreadsheet_csv import spreadsheet_csv
from i18n import t
from reports.clean_text import xml_text
from reports.labels import code_label
from reports.model import Report


def build_csv(report: Report) -> bytes:
    lang = report.lang
    frame = pd.DataFrame(
        [
            {
                t("report.col.event_id", lang): xml_text(event.event_id),
                t("col.starts_on", lang): event.starts_on,
                t("col.title", lang): xml_text(event.title),
                t("col.event_type", lang): code_label("event_type", event.event_type, lang),
                t("col.venue", lang): xml_text(event.venue),
                t("col.participations", lang): event.participations,
            }
            for event in report.events
        ],
        columns=[t(key, lang) for key in ("report.col.event_id", "col.starts_on", "col.title", "col.event_type",
                                          "col.venue", "col.participations")],
        dtype=object,
    )
    return spreadsheet_csv(frame, lang)

"""An iCalendar file (RFC 5545) of all-day events: the monitoring reports' due dates.

Written here rather than with a library: what is needed is a few lines of RFC 5545 — a VCALENDAR
with PRODID and VERSION:2.0, one VEVENT per date (UID, DTSTAMP, DTSTART;VALUE=DATE and DTEND the
day after, SUMMARY, DESCRIPTION), text values escaped (section 3.3.11: ``\\``, ``;``, ``,`` and
newlines), lines ended by CRLF and folded at 75 octets (section 3.1) without splitting a UTF-8
character. No Streamlit here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

CRLF = "\r\n"
#: the longest line in octets, without its CRLF (RFC 5545, 3.1)
LINE_OCTETS = 75
PRODID = "-//Biedriba Pierigas partneriba//Koprades telpu parskats//LV"
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


@dataclass(frozen=True)
class AllDayEvent:
    #: unique and stable: the same report gets the same UID in every export (calendars update it)
    uid: str
    day: dt.date
    summary: str
    description: str = ""


def escape_text(value: str) -> str:
    """A TEXT value (RFC 5545, 3.3.11): ``\\`` ``;`` ``,`` escaped, newlines as ``\\n``, control characters out."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _CONTROL.sub("", value)
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """``line`` folded into lines of at most 75 octets (UTF-8), each continuation starting with a space."""
    parts: list[str] = []
    current, size, limit = [], 0, LINE_OCTETS
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, LINE_OCTETS - 1  # the leading space counts
        current.append(char)
        size += octets
    parts.append("".join(current))
    return (CRLF + " ").join(parts)


def _date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def calendar(events: Iterable[AllDayEvent], stamp: dt.datetime, *, name: str | None = None,
             prodid: str = PRODID) -> bytes:
    """The ``.ics`` file's bytes (UTF-8). ``stamp``: when it was made (DTSTAMP, written in UTC)."""
    utc = stamp.astimezone(dt.UTC) if stamp.tzinfo else stamp.replace(tzinfo=dt.UTC)
    stamp_text = utc.strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", f"PRODID:{escape_text(prodid)}", "VERSION:2.0", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{escape_text(event.uid)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{_date(event.day)}",
            f"DTEND;VALUE=DATE:{_date(event.day + dt.timedelta(days=1))}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        lines += ["TRANSP:TRANSPARENT", "END:VEVENT"]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines).encode("utf-8")

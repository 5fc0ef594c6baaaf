"""The iCalendar writer (RFC 5545): parsed back by hand, line by line, as a calendar program reads it."""

from __future__ import annotations

import datetime as dt

import pytest

from exports.ics import LINE_OCTETS, AllDayEvent, calendar, escape_text, fold
from i18n import t
from metrics.monitoring import MonitoringReport, Status
from ui.report_page.monitoring import calendar_file, uid

STAMP = dt.datetime(2026, 12, 2, tzinfo=dt.UTC)


def unfold(data: bytes) -> list[str]:
    """The content lines: CRLF only, continuation lines (a leading space) joined."""
    text = data.decode("utf-8")
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", ""), "a bare LF"
    assert "\r" not in text.replace("\r\n", ""), "a bare CR"
    physical = text.split("\r\n")[:-1]
    for line in physical:
        assert len(line.encode("utf-8")) <= LINE_OCTETS, line
    lines: list[str] = []
    for line in physical:
        if line.startswith(" "):
            lines[-1] += line[1:]
        else:
            lines.append(line)
    return lines


def unescape(value: str) -> str:
    out, chars = [], iter(value)
    for char in chars:
        if char == "\\":
            following = next(chars)
            out.append("\n" if following in "nN" else following)
        else:
            assert char not in ",;", f"unescaped {char!r} in {value!r}"
            out.append(char)
    return "".join(out)


def events_of(lines: list[str]) -> list[dict[str, str]]:
    events, current = [], None
    for line in lines:
        if line == "BEGIN:VEVENT":
            current = {}
        elif line == "END:VEVENT":
            events.append(current)
            current = None
        elif current is not None:
            name, value = line.split(":", 1)
            current[name] = value
    return events


def test_a_calendar_of_two_events() -> None:
    long_title = "Sadarbības projekts par koprades telpām laukos; Ogre, Lielvārde \\ Ķegums\notrā rinda " * 3
    data = calendar([AllDayEvent("a@x", dt.date(2022, 3, 30), "Pārskats 1", long_title),
                     AllDayEvent("b@x", dt.date(2023, 3, 30), "Pārskats 2")], STAMP, name="Termiņi")
    lines = unfold(data)
    assert lines[:3] == ["BEGIN:VCALENDAR", lines[1], "VERSION:2.0"]
    assert lines[1].startswith("PRODID:")
    assert lines[-1] == "END:VCALENDAR"
    assert "X-WR-CALNAME:Termiņi" in lines
    first, second = events_of(lines)
    assert first["UID"] == "a@x"
    assert first["DTSTAMP"] == "20261202T000000Z"
    assert first["DTSTART;VALUE=DATE"] == "20220330"
    assert first["DTEND;VALUE=DATE"] == "20220331"
    assert unescape(first["SUMMARY"]) == "Pārskats 1"
    assert unescape(first["DESCRIPTION"]) == long_title  # folded over many lines, escaped, read back whole
    assert "DESCRIPTION" not in second
    assert max(len(line.encode()) for line in data.decode().split("\r\n")) == LINE_OCTETS


def test_escaping() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\rg") == "a\\,b\\;c\\\\d\\ne\\nf\\ng"
    assert escape_text("tab\there\x00\x1f") == "tab\there"


@pytest.mark.parametrize("text", ["x" * 200, "ā" * 100, "x" + "ā" * 100, "€" * 60, "a" * 75, "a" * 76])
def test_folding_keeps_75_octets_and_whole_characters(text: str) -> None:
    folded = fold("DESCRIPTION:" + text)
    parts = folded.split("\r\n")
    assert all(len(part.encode("utf-8")) <= LINE_OCTETS for part in parts)
    assert all(part.startswith(" ") for part in parts[1:])
    assert parts[0] + "".join(part[1:] for part in parts[1:]) == "DESCRIPTION:" + text
    assert len(parts[0].encode()) >= LINE_OCTETS - 2 or len(parts) == 1  # no needless short first line


def test_a_short_line_is_not_folded() -> None:
    assert fold("VERSION:2.0") == "VERSION:2.0"


def report(code: str, number: int, status: Status = Status.OVERDUE) -> MonitoringReport:
    return MonitoringReport(project_code=code, title="Koprades telpa, Ogre; 2021", number=number, reports=5,
                            period_year=number, year_covered=2020 + number,
                            due_on=dt.date(2021 + number, 3, 30), business=False, status=status)


@pytest.mark.parametrize("lang", ["lv", "en"])
def test_the_monitoring_calendar_one_event_per_open_report_with_stable_uids(lang: str) -> None:
    reports = [report("18-00-A019.333-000015", n) for n in range(1, 6)]
    reports[1] = report("18-00-A019.333-000015", 2, Status.DONE)
    data = calendar_file(reports, lang, STAMP)
    events = events_of(unfold(data))
    assert len(events) == 4  # the submitted one is not in the calendar
    assert [e["UID"] for e in events] == [f"monitoring-18-00-A019.333-000015-{n}@pierigas-partneriba.lv"
                                          for n in (1, 3, 4, 5)]
    assert [e["DTSTART;VALUE=DATE"] for e in events] == ["20220330", "20240330", "20250330", "20260330"]
    assert unescape(events[0]["SUMMARY"]) == t("monitoring.ics.summary", lang, number=1, reports=5, year=2021,
                                               code="18-00-A019.333-000015")
    assert "Koprades telpa, Ogre; 2021" in unescape(events[0]["DESCRIPTION"])
    assert "30.03.2022" in unescape(events[0]["DESCRIPTION"]) or lang == "en"
    # the same report, made again another day: the same UID
    again = events_of(unfold(calendar_file(reports, lang, STAMP + dt.timedelta(days=3))))
    assert [e["UID"] for e in again] == [e["UID"] for e in events]
    assert uid(reports[0]) == events[0]["UID"]

"""What the loaders report back: problems (errors and warnings) and what was detected per file."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from i18n import t
from loaders.contract import TABLES

Severity = Literal["error", "warning"]


@dataclass(frozen=True)
class Problem:
    """One finding about the input, located as precisely as we can.

    ``row`` is the spreadsheet row number (the header is row 1); ``rule`` is a stable code
    (also the key of the translated message); ``params`` fill the message's placeholders.
    """

    severity: Severity
    table: str
    rule: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    file: str | None = None
    params: dict[str, Any] = field(default_factory=dict)

    def message(self, lang: str = "lv") -> str:
        return t(
            f"problem.{self.rule}",
            lang,
            table=self.table,
            row="" if self.row is None else self.row,
            column=self.column or "",
            value=self.value or "",
            file=self.file or "",
            **self.params,
        )

    def as_dict(self, lang: str = "lv") -> dict[str, Any]:
        """The machine-readable form used by the CLI's ``--json`` and the UI's table."""
        return {
            "severity": self.severity,
            "table": self.table,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "rule": self.rule,
            "message": self.message(lang),
        }


def error(table: str, rule: str, **kwargs: Any) -> Problem:
    return Problem("error", table, rule, **kwargs)


def warning(table: str, rule: str, **kwargs: Any) -> Problem:
    return Problem("warning", table, rule, **kwargs)


#: rows listed per (table, column, rule); beyond that one problem says how many more there are
#: (a million broken dates would otherwise be a million lines nobody reads, and memory)
MAX_ROWS_PER_RULE = 1000


def cap_rows(problems: list[Problem], limit: int = MAX_ROWS_PER_RULE) -> list[Problem]:
    """At most ``limit`` problems per (table, column, rule), then one ``more_rows`` problem."""
    counts: dict[tuple[str, str | None, str], int] = {}
    kept: list[Problem] = []
    for problem in problems:
        key = (problem.table, problem.column, problem.rule)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] <= limit:
            kept.append(problem)
    first = {(p.table, p.column, p.rule): p for p in reversed(kept)}
    for key, count in counts.items():
        if count > limit:
            example = first[key]
            kept.append(
                Problem(example.severity, example.table, "more_rows", column=example.column, file=example.file,
                        params={"count": count - limit, "rule": example.rule})
            )
    return kept


def sort_key(problem: Problem) -> tuple:
    """Errors first, then by table, row and column, the order a person fixes them in."""
    order = list(TABLES)
    return (
        problem.severity != "error",
        order.index(problem.table) if problem.table in order else len(order),
        problem.table,
        problem.row if problem.row is not None else 1 << 62 if problem.rule == "more_rows" else 0,
        problem.column or "",
    )


@dataclass(frozen=True)
class FileInfo:
    """What was detected about one table's file."""

    table: str
    file: str
    rows: int
    encoding: str
    separator: str | None

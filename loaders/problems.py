"""What the loaders report back: problems (errors and warnings) and what was detected per file."""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Literal

import numpy as np

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


@dataclass(frozen=True)
class Cells:
    """Many cells with the same problem, kept as arrays: a million broken dates cost two arrays, and
    a :class:`Problem` is made only for the ones that will be listed (:meth:`ProblemLog.finish`)."""

    severity: Severity
    table: str
    rule: str
    column: str
    rows: np.ndarray
    #: the cell text per row (``None``: no value to quote)
    values: Sequence[object] | None
    file: str | None
    params: dict[str, Any]
    #: reported only where no other check has already reported the same cell (e.g. an empty
    #: required cell whose date did not parse)
    secondary: bool = False


class ProblemLog:
    """Every problem of one load, collected as it is found and finished in one pass.

    Checks add single problems (:meth:`add`) or whole columns of failing cells (:meth:`cells`)
    and may ask which cells are already reported (:meth:`rows`). :meth:`finish` then drops the
    secondary reports of cells reported before, removes repeats, lists at most
    :data:`MAX_ROWS_PER_RULE` rows per (table, column, rule) with one ``more_rows`` problem for the
    rest, and sorts the list in the order a person fixes it.
    """

    def __init__(self) -> None:
        self._single: list[Problem] = []
        self._cells: list[Cells] = []

    def add(self, problem: Problem) -> None:
        self._single.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self._single.extend(problems)

    def cells(self, severity: Severity, table: str, rule: str, column: str, rows: Sequence[int] | np.ndarray,
              values: Sequence[object] | None = None, *, file: str | None = None,
              params: dict[str, Any] | None = None, secondary: bool = False) -> None:
        rows = np.asarray(rows, dtype=np.int64)
        if len(rows):
            self._cells.append(Cells(severity, table, rule, column, rows, values, file, params or {}, secondary))

    def merge(self, other: ProblemLog) -> None:
        self._single.extend(other._single)
        self._cells.extend(other._cells)

    def rows(self, table: str, column: str, rules: Iterable[str] | None = None) -> set[int]:
        """The rows of ``table`` with a problem in ``column`` so far (of ``rules``, if given)."""
        wanted = None if rules is None else set(rules)
        found = {p.row for p in self._single if p.table == table and p.column == column and p.row is not None
                 and (wanted is None or p.rule in wanted)}
        for batch in self._cells:
            if batch.table == table and batch.column == column and (wanted is None or batch.rule in wanted):
                found.update(batch.rows.tolist())
        return found

    def discard(self, table: str, rules: Iterable[str], rows: Iterable[int]) -> None:
        """Forget the problems of ``rules`` at ``rows`` (a better explanation replaces them)."""
        rules, rows = set(rules), set(rows)
        self._single = [p for p in self._single if not (p.table == table and p.rule in rules and p.row in rows)]
        kept = []
        for batch in self._cells:
            if batch.table == table and batch.rule in rules:
                keep = ~np.isin(batch.rows, list(rows))
                if not keep.all():
                    values = None if batch.values is None else [v for v, k in zip(batch.values, keep, strict=True) if k]
                    batch = dataclasses.replace(batch, rows=batch.rows[keep], values=values)
            kept.append(batch)
        self._cells = kept

    @property
    def has_errors(self) -> bool:
        return any(p.severity == "error" for p in self._single) or any(b.severity == "error" for b in self._cells)

    def finish(self, limit: int = MAX_ROWS_PER_RULE,
               polish: Callable[[Problem], Problem] = lambda p: p) -> list[Problem]:
        """The problems to show: repeats and secondary reports dropped, capped per rule, sorted;
        ``polish`` is applied to each listed problem (e.g. hiding personal data it quotes)."""
        listed: list[Problem] = []
        for (table, column, rule), group in self._groups().items():
            listed += group.listed(limit, polish)
            if group.count > limit:
                listed.append(Problem(group.severity, table, "more_rows", column=column, file=group.file,
                                      params={"count": group.count - limit, "rule": rule}))
        return sorted(listed, key=sort_key)

    def _groups(self) -> dict[tuple[str, str | None, str], _Group]:
        """The problems per (table, column, rule), repeats removed and secondary reports of cells
        reported by another check left out (as arrays: a million cells are not a million objects)."""
        reported: dict[tuple[str, str], list[np.ndarray]] = {}
        for problem in self._single:
            if problem.row is not None and problem.column is not None:
                reported.setdefault((problem.table, problem.column), []).append(np.array([problem.row]))
        for batch in self._cells:
            if not batch.secondary:
                reported.setdefault((batch.table, batch.column), []).append(batch.rows)
        groups: dict[tuple[str, str | None, str], _Group] = {}
        seen: set[tuple] = set()
        for problem in self._single:
            key = (problem.table, problem.row, problem.column, problem.rule, problem.value)
            if key not in seen:
                seen.add(key)
                groups.setdefault((problem.table, problem.column, problem.rule), _Group()).singles.append(problem)
        for batch in self._cells:
            keep = np.ones(len(batch.rows), dtype=bool)
            if batch.secondary and (batch.table, batch.column) in reported:
                keep = ~np.isin(batch.rows, np.concatenate(reported[(batch.table, batch.column)]))
            groups.setdefault((batch.table, batch.column, batch.rule), _Group()).add(batch, np.flatnonzero(keep))
        return groups


@dataclass
class _Group:
    """The problems of one (table, column, rule): single ones, and cells of batches (batch, positions)."""

    singles: list[Problem] = field(default_factory=list)
    batches: list[tuple[Cells, np.ndarray]] = field(default_factory=list)

    def add(self, batch: Cells, positions: np.ndarray) -> None:
        if len(positions):
            self.batches.append((batch, positions))

    @functools.cached_property
    def cells(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Every batch cell once (the first report of a row), as (rows, batch number, position); read
        once every batch is added."""
        if not self.batches:
            empty = np.zeros(0, dtype=np.int64)
            return empty, empty, empty
        rows = np.concatenate([batch.rows[positions] for batch, positions in self.batches])
        which = np.concatenate([np.full(len(positions), i) for i, (_, positions) in enumerate(self.batches)])
        where = np.concatenate([positions for _, positions in self.batches])
        _, first = np.unique(rows, return_index=True)
        first.sort()
        return rows[first], which[first], where[first]

    @property
    def count(self) -> int:
        return len(self.singles) + len(self.cells[0])

    @property
    def severity(self) -> Severity:
        return self.singles[0].severity if self.singles else self.batches[0][0].severity

    @property
    def file(self) -> str | None:
        return self.singles[0].file if self.singles else self.batches[0][0].file

    def listed(self, limit: int, polish: Callable[[Problem], Problem]) -> list[Problem]:
        """The first ``limit`` problems by row (file-level ones first), made into problems."""
        rows, which, where = self.cells
        orders = np.concatenate([np.array([-1 if p.row is None else p.row for p in self.singles], dtype=np.int64),
                                 rows])
        listed = []
        for i in np.argsort(orders, kind="stable")[:limit].tolist():
            if i < len(self.singles):
                listed.append(polish(self.singles[i]))
            else:
                cell = i - len(self.singles)
                listed.append(polish(_problem_of(self.batches[which[cell]][0], int(where[cell]))))
        return listed


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


def _problem_of(batch: Cells, i: int) -> Problem:
    value = None if batch.values is None else batch.values[i]
    value = None if value is None or (isinstance(value, float) and value != value) or value == "" else str(value)
    return Problem(batch.severity, batch.table, batch.rule, row=int(batch.rows[i]), column=batch.column,
                   value=value, file=batch.file, params=dict(batch.params))


@dataclass(frozen=True)
class FileInfo:
    """What was detected about one table's file."""

    table: str
    file: str
    rows: int
    encoding: str
    separator: str | None

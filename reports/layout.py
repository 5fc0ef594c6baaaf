"""The report as text tables: what Word, PDF and the page's preview print, in the same order.

Nothing is computed here: every value comes from the assembled :class:`~reports.model.Report`
and is only formatted for its language. Column widths are not set here: each document sizes its
columns to their content (:func:`reports.text_width.fit_columns` over :func:`table_cells`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from i18n import t
from i18n.formatting import fmt_count, fmt_date, period_text
from i18n.labels import code_label
from metrics.privacy import Shown
from reports.contract_terms import contract_term
from reports.labels import bands_text, fte, generated_text, indicator_label, mode_text, money, ratio, row_label
from reports.model import BREAKDOWN_TABLES, BREAKDOWN_TOTALS, INDICATOR_KEYS, Report
from reports.text_width import Cell


@dataclass(frozen=True)
class TextTable:
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    #: per column: right-aligned figures
    numeric: tuple[bool, ...]
    #: indices of the rows set in bold (totals)
    bold_rows: frozenset[int] = frozenset()


def table_cells(table: TextTable, clean: Callable[[str], str] = str) -> list[list[Cell]]:
    """Per column, its cells as ``(text, bold)`` (the header in bold), to size the columns by; ``clean``:
    what the document does to a text before it prints it (the PDF cuts long ones)."""
    rows = [(table.header, True), *((row, i in table.bold_rows) for i, row in enumerate(table.rows))]
    return [[(clean(row[col]), bold) for row, bold in rows] for col in range(len(table.header))]


def pair_cells(rows: list[tuple[str, str]], clean: Callable[[str], str] = str) -> list[list[Cell]]:
    """The two columns of a label–value table (labels in bold), as :func:`table_cells`."""
    return [[(clean(label), True) for label, _ in rows], [(clean(value), False) for _, value in rows]]


def identification_rows(report: Report) -> list[tuple[str, str]]:
    ident, lang = report.identification, report.lang
    if report.network:
        return [(t("report.id.year", lang), str(report.year)),
                (t("report.id.report_period", lang), period_text(report.start, report.end, lang)),
                (t("report.id.scope", lang), t("report.network.scope", lang)),
                (t("report.id.beneficiary", lang), t("report.lag", lang))]
    rows = [
        ("report.id.project_code", ident.project_code),
        ("report.id.title", ident.title),
        ("report.id.programme", contract_term("programme", ident.programme, lang)),
        ("report.id.measure", contract_term("measure", ident.measure, lang)),
        ("report.id.funder", contract_term("funder", ident.funder, lang)),
        ("report.id.project_period", period_text(ident.starts_on, ident.ends_on, lang)),
        ("report.id.budget", money(ident.budget_eur, lang)),
        ("report.id.report_period", period_text(report.start, report.end, lang)),
        ("report.id.beneficiary", t("report.lag", lang)),
    ]
    return [(t(key, lang), value if value else "–") for key, value in rows]


def indicator_keys(report: Report) -> tuple[str, ...]:
    """The rows of the indicator table: the version-1 indicators, then (version 2) jobs, businesses and
    the population covered."""
    if not report.version_2:
        return INDICATOR_KEYS
    extra = tuple(key for key in ("jobs_fte", "businesses") if report.outcomes is not None or key in report.targets)
    return (*INDICATOR_KEYS, *extra, "population_covered")


def indicator_value(report: Report, key: str) -> Shown | float | None:
    """An indicator's achieved value (``None``: no data)."""
    out = report.outcomes
    if key == "jobs_fte":
        return None if out is None else out.jobs_created_fte
    if key == "businesses":
        return None if out is None else out.businesses_started + out.businesses_supported
    if key == "population_covered":
        return report.population_covered
    return report.indicators[key]


def _figure_text(key: str, value: Shown | float | None, lang: str) -> str:
    if value is None:
        return t("report.no_data", lang)
    return fte(float(value), lang) if key == "jobs_fte" else fmt_count(value, lang)  # type: ignore[arg-type]


def indicator_table(report: Report) -> TextTable:
    lang = report.lang
    rows = []
    for key in indicator_keys(report):
        target = report.targets.get(key)
        rows.append(
            (
                indicator_label(report, key),
                _figure_text(key, indicator_value(report, key), lang),
                _figure_text(key, target.target, lang) if target else t("report.no_target", lang),
                ratio(target.ratio, lang) if target else t("report.no_target", lang),
            )
        )
    if report.network:  # the network has no targets: the figures only
        return TextTable((t("report.col.indicator", lang), t("report.col.value", lang)),
                         tuple(row[:2] for row in rows), (False, True))
    header = tuple(t(f"report.col.{c}", lang) for c in ("indicator", "achieved", "target", "percent"))
    return TextTable(header, tuple(rows), (False, True, True, True))


@dataclass(frozen=True)
class Line:
    """A labelled figure of the results or the costs: ``kind`` says how to print it (``fte``, ``count``,
    ``money``, ``percent``); ``None`` = not computable."""

    key: str
    label: str
    value: float | int | None
    kind: str


def line_text(line: Line, lang: str) -> str:
    if line.value is None:
        return "–"
    if line.kind == "fte":
        return fte(float(line.value), lang)
    if line.kind == "money":
        return money(float(line.value), lang)
    if line.kind == "percent":
        return ratio(float(line.value), lang)
    return fmt_count(int(line.value), lang)


def outcome_lines(report: Report) -> list[Line]:
    """The section "Results": jobs (FTE) in all, by gender and under 30, businesses started and supported."""
    out, lang = report.outcomes, report.lang
    if out is None:
        return []
    lines = [Line("jobs_created_fte", t("report.outcome.jobs_fte", lang), out.jobs_created_fte, "fte")]
    lines += [Line(f"jobs_created_fte_by_gender.{gender}", t(f"report.outcome.jobs_gender.{gender}", lang), value,
                   "fte") for gender, value in out.jobs_created_fte_by_gender.items()]
    lines.append(Line("jobs_created_fte_under_30", t("report.outcome.jobs_under_30", lang),
                      out.jobs_created_fte_under_30, "fte"))
    lines.append(Line("businesses_started", t("report.outcome.started", lang), out.businesses_started, "count"))
    lines.append(Line("businesses_supported", t("report.outcome.supported", lang), out.businesses_supported, "count"))
    return lines


def cost_lines(report: Report) -> list[Line]:
    """The section "Costs": spent, budget, absorbed, and the costs per unit of the basis (spent or budget)."""
    costs, lang = report.costs, report.lang
    if costs is None:
        return []
    basis = t(f"report.cost.basis_short.{costs.basis}", lang)
    lines = [Line("spent_eur", t("report.cost.spent", lang), costs.spent_eur, "money"),
             Line("budget_eur", t("report.cost.budget", lang), costs.budget_eur, "money"),
             Line("budget_absorbed", t("report.cost.absorbed", lang), costs.budget_absorbed, "percent")]
    lines += [Line(key, t(f"report.cost.{key}", lang, basis=basis), getattr(costs, key), "money")
              for key in ("cost_per_participation", "cost_per_unique_participant", "cost_per_job_fte",
                          "cost_per_event")]
    return lines


def cost_basis_text(report: Report) -> str:
    """What the costs per unit divide: the amount spent, or (no spent figure) the budget."""
    return t(f"report.cost.basis.{report.costs.basis}", report.lang) if report.costs else ""


def progress_note(report: Report) -> str | None:
    """In the public version: the person-count targets whose progress is not charted (and why)."""
    left_out = [key for key in ("participations", "unique_participants") if key in report.targets]
    if not (report.public and report.version_2 and left_out):
        return None
    return t("report.progress.public_note", report.lang)


def population_note(report: Report) -> str | None:
    """Which of the territory's municipalities have no population figure (left out of the sum)."""
    if not report.population_missing:
        return None
    return t("report.population_missing", report.lang, names=", ".join(report.population_missing))


def lines_table(report: Report, lines: list[Line]) -> TextTable:
    header = (t("report.col.indicator", report.lang), t("report.col.value", report.lang))
    return TextTable(header, tuple((line.label, line_text(line, report.lang)) for line in lines), (False, True))


def projects_table(report: Report) -> TextTable:
    """The network's annual report: each project's events in the year, spent, budget and absorbed."""
    lang = report.lang
    # the code and the title in one column: the title wraps at its words beside the code's unbroken width
    rows = tuple((f"{row.project_code} · {row.title}", fmt_count(row.events, lang), money(row.spent_eur, lang),
                  money(row.budget_eur, lang), ratio(row.budget_absorbed, lang) if row.budget_absorbed is not None
                  else "–") for row in report.projects)
    header = tuple(t(f"report.col.{c}", lang) for c in ("project_both", "project_events", "spent", "budget",
                                                          "absorbed"))
    return TextTable(header, rows, (False, True, True, True, True))


@dataclass(frozen=True)
class FigureRow:
    label: str
    #: one value per breakdown of the table
    values: tuple[Shown, ...]
    bold: bool = False


def breakdown_title(report: Report, kind: str) -> str:
    return t(f"report.table.{kind}", report.lang)


def breakdown_header(report: Report, kind: str) -> tuple[str, ...]:
    columns = dict(BREAKDOWN_TABLES)[kind]
    return (t(f"report.key.{kind}", report.lang),
            *(t(f"report.indicator.{BREAKDOWN_TOTALS[key]}", report.lang) for key in columns))


def breakdown_rows(report: Report, kind: str) -> list[FigureRow]:
    """One row per code (of any breakdown of the table), the total; for age bands, those under 30."""
    lang, columns = report.lang, dict(BREAKDOWN_TABLES)[kind]
    cells = [report.breakdowns[key] for key in columns]
    codes = list(dict.fromkeys(code for breakdown in cells for code in breakdown))
    rows = [FigureRow(row_label(kind, code, lang), tuple(breakdown.get(code, 0) for breakdown in cells))
            for code in codes]
    rows.append(FigureRow(t("report.total", lang), tuple(report.indicators[BREAKDOWN_TOTALS[key]] for key in columns),
                          bold=True))
    if kind == "age_band":
        rows.append(FigureRow(t("report.under_30", lang),
                              tuple(report.under_30[BREAKDOWN_TOTALS[key]] for key in columns)))
    return rows


def breakdown_table(report: Report, kind: str) -> TextTable:
    rows = breakdown_rows(report, kind)
    header = breakdown_header(report, kind)
    figures = len(header) - 1
    return TextTable(
        header,
        tuple((row.label, *(fmt_count(value, report.lang) for value in row.values)) for row in rows),
        (False, *([True] * figures)), bold_rows=frozenset(i for i, row in enumerate(rows) if row.bold),
    )


def space_table(report: Report) -> TextTable:
    """The spaces involved: their events, study-visit stops and the participations of their events."""
    lang = report.lang
    rows = tuple((space.name, fmt_count(space.events, lang), fmt_count(space.visits, lang),
                  fmt_count(space.participations, lang)) for space in report.by_space)
    header = tuple(t(f"report.col.{c}", lang) for c in ("space", "space_events", "space_visits",
                                                          "space_participations"))
    return TextTable(header, rows, (False, True, True, True))


def events_table(report: Report) -> TextTable:
    lang = report.lang
    rows = tuple(
        (
            fmt_date(event.starts_on, lang),
            event.title,
            code_label("event_type", event.event_type, lang),
            event.venue or "–",
            fmt_count(event.participations, lang),
        )
        for event in report.events
    )
    header = tuple(t(f"col.{c}", lang) for c in ("starts_on", "title", "event_type", "venue", "participations"))
    return TextTable(header, rows, (False, False, False, False, True))


def provenance_rows(report: Report) -> list[tuple[str, str]]:
    lang, prov = report.lang, report.provenance
    rows = [
        (t("report.prov.fingerprint", lang), prov.fingerprint or "–"),
        (t("report.prov.generated", lang), generated_text(report)),
        (t("report.prov.project", lang), report.project_code) if not report.network
        else (t("report.prov.scope", lang), t("report.network.scope", lang)),
        (t("report.prov.period", lang), period_text(report.start, report.end, lang)),
        (t("report.prov.mode", lang), mode_text(report)),
        (t("report.prov.age_bands", lang), bands_text(report.age_bands, lang)),
    ]
    if report.public:
        rows += [("<5", t("report.prov.small", lang)), ("≥5", t("report.prov.secondary", lang))]
    return rows


def counting_rules(report: Report) -> list[str]:
    return [sentence for _, sentence in report.provenance.counting_rules]

"""Cost per result and budget absorbed (contract version 2).

* **Cost per unit** = ``spent_eur`` ÷ participations, ÷ unique participants, ÷ jobs created (FTE),
  ÷ events. When ``spent_eur`` is empty the project's ``budget_eur`` is divided instead, and the
  figure is labelled as per budget (:attr:`Costs.basis`). A cost whose divisor is 0 is not computable
  (``None``), never infinite or 0.
* **Budget absorbed** = ``spent_eur`` ÷ ``budget_eur`` (``None`` without both, or with a zero budget).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

SPENT = "spent"
BUDGET = "budget"


@dataclass(frozen=True)
class Costs:
    spent_eur: float | None
    budget_eur: float | None
    #: what the costs per unit divide: ``"spent"``, ``"budget"`` (no spent figure), or ``None`` (neither)
    basis: str | None
    budget_absorbed: float | None
    cost_per_participation: float | None
    cost_per_unique_participant: float | None
    cost_per_job_fte: float | None
    cost_per_event: float | None


def _amount(value: object) -> float | None:
    if value is None or (isinstance(value, float) and math.isnan(value)) or pd.isna(value):
        return None
    return float(value)


def _per(amount: float | None, divisor: float) -> float | None:
    return None if amount is None or not divisor else round(amount / divisor, 2)


def project_costs(project: pd.Series | None, *, participations: int, unique_participants: int,
                  jobs_fte: float, events: int) -> Costs:
    """The costs of ``project`` (its ``projects`` row, or ``None``) against the figures achieved."""
    spent = _amount(project.get("spent_eur")) if project is not None else None
    budget = _amount(project.get("budget_eur")) if project is not None else None
    amount, basis = (spent, SPENT) if spent is not None else (budget, BUDGET if budget is not None else None)
    absorbed = round(spent / budget, 4) if spent is not None and budget else None
    return Costs(
        spent_eur=spent, budget_eur=budget, basis=basis, budget_absorbed=absorbed,
        cost_per_participation=_per(amount, participations),
        cost_per_unique_participant=_per(amount, unique_participants),
        cost_per_job_fte=_per(amount, jobs_fte),
        cost_per_event=_per(amount, events),
    )

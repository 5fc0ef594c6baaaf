"""What the network's work led to (contract version 2): jobs in full-time equivalents, businesses
started and supported, and their breakdowns by the linked resident's gender and youth.

* **Jobs created** = the sum of ``fte`` of the ``job_created`` outcomes recorded in the period.
* **Businesses started / supported** = the counts of those outcomes in the period.
* An outcome is in scope when its ``recorded_on`` is in the period and it matches the selections
  that apply to it: a project (its ``project_code``), a space (its ``space_id``, for the sidebar's
  space and the profile's venue alike) and a municipality (its space's municipality). The event-type
  selection does not apply to outcomes (they are not events); an outcome with no project is outside
  every project's scope, and one with no space outside every space's and municipality's.
* The breakdowns take gender and birth year from the linked resident (``residents.csv``); no
  resident = ``unknown``; youth = age in the year of ``recorded_on`` below 30.

Outcome figures are not person counts (FTE is a sum of working time): a public view shows them exact.
"""

from __future__ import annotations

import pandas as pd

from loaders import Dataset
from loaders.contract import GENDERS
from loaders.fast import is_in
from metrics.filters import Filters
from metrics.people import YOUTH_AGE
from metrics.scope import in_period, per_view

JOB = "job_created"
STARTED = "business_started"
SUPPORTED = "business_supported"


def has_outcomes(ds: Dataset) -> bool:
    """Whether the folder has an ``outcomes`` table with rows (else the figures are "no data", not 0)."""
    return not ds.outcomes.empty


@per_view
def scoped_outcomes(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The outcomes recorded in the period that match the project, space and municipality selections."""
    outcomes = ds.outcomes
    mask = in_period(outcomes["recorded_on"], filters)
    if filters.projects:
        mask &= is_in(outcomes["project_code"], filters.projects)
    chosen = [set(selection) for selection in (filters.spaces, filters.venues) if selection]
    if chosen:
        mask &= is_in(outcomes["space_id"], tuple(set.intersection(*chosen)))
    if filters.municipalities:
        in_municipalities = ds.spaces.loc[ds.spaces["municipality"].isin(filters.municipalities), "space_id"]
        mask &= is_in(outcomes["space_id"], in_municipalities)
    return outcomes[mask]


def _jobs(ds: Dataset, filters: Filters) -> pd.DataFrame:
    outcomes = scoped_outcomes(ds, filters)
    return outcomes[outcomes["outcome_type"] == JOB]


def jobs_created_fte(ds: Dataset, filters: Filters) -> float:
    """The full-time equivalents of the jobs created in scope (0 when there are none)."""
    return round(float(_jobs(ds, filters)["fte"].sum()), 4)


def businesses(ds: Dataset, filters: Filters) -> dict[str, int]:
    """``{"business_started": n, "business_supported": n}`` in scope."""
    types = scoped_outcomes(ds, filters)["outcome_type"]
    return {kind: int((types == kind).sum()) for kind in (STARTED, SUPPORTED)}


def _linked_residents(ds: Dataset, jobs: pd.DataFrame) -> pd.DataFrame:
    """The jobs with their resident's gender and birth year (``unknown`` / missing when not linked)."""
    people = ds.residents[["resident_id", "gender", "birth_year"]]
    linked = jobs[["resident_id", "recorded_on", "fte"]].merge(people, on="resident_id", how="left")
    linked["gender"] = linked["gender"].astype("object").fillna("unknown")
    return linked


def jobs_created_fte_by_gender(ds: Dataset, filters: Filters) -> dict[str, float]:
    """FTE of the jobs in scope by the linked resident's gender (``female``, ``male``, ``other``,
    ``unknown``); the values add up to :func:`jobs_created_fte`."""
    linked = _linked_residents(ds, _jobs(ds, filters))
    sums = linked.groupby("gender")["fte"].sum()
    return {gender: round(float(sums.get(gender, 0.0)), 4) for gender in GENDERS}


def jobs_created_fte_under_30(ds: Dataset, filters: Filters) -> float:
    """FTE of the jobs in scope whose resident was under 30 in the year the job was recorded."""
    linked = _linked_residents(ds, _jobs(ds, filters))
    age = linked["recorded_on"].dt.year - linked["birth_year"].astype("Float64")
    young = (age >= 0) & (age < YOUTH_AGE)
    return round(float(linked.loc[young.fillna(value=False).astype(bool), "fte"].sum()), 4)

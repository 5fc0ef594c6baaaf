"""Unique participants by gender, age band and home municipality, and the youth figures.

The contract's rule: each distinct person in scope is counted once, with the fields of their
first participation in scope (events ordered by ``starts_on``, then ``event_id``; residents.csv
wins for residents); each anonymous attendance row is one person with its own fields; head
counts of events without a list are ``unknown``. So each breakdown sums to *unique
participants*. Age = the year of that first participation − birth year.

**Youth**: ``under_30`` = participations and unique participants whose age is under 30 (the
Latvian Youth Law's bound; people of unknown age are not counted as young).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from loaders import Dataset
from loaders.contract import GENDERS
from metrics.age import DEFAULT_AGE_BANDS, AgeBand, age_band, band_labels
from metrics.events import by_person_field
from metrics.filters import Filters
from metrics.scope import per_view, scoped_attendance

#: the youth bound of the Latvian Youth Law (it was 25 before; the age bands show both)
YOUTH_AGE = 30


@per_view
def first_participations(ds: Dataset, filters: Filters) -> pd.DataFrame:
    """The attendance rows in scope that stand for one person each: a named person's first, every anonymous row."""
    rows = scoped_attendance(ds, filters)
    order = np.argsort(rows["event_order"].to_numpy(), kind="stable")
    code = rows["person_code"].to_numpy()[order]
    first = (code < 0) | ~pd.Series(code).duplicated().to_numpy()
    return rows.iloc[np.sort(order[first])]


def unique_participants_by_gender(ds: Dataset, filters: Filters) -> pd.Series:
    """Unique participants per gender code (female, male, other, unknown)."""
    return by_person_field(ds, filters, first_participations(ds, filters)["gender"], list(GENDERS))


def unique_participants_by_age_band(
    ds: Dataset, filters: Filters, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS
) -> pd.Series:
    """Unique participants per age band (age at their first participation in scope), ``unknown`` last."""
    rows = first_participations(ds, filters)
    return by_person_field(ds, filters, age_band(rows["age"], bands), band_labels(bands))


def unique_participants_by_municipality(ds: Dataset, filters: Filters) -> pd.Series:
    """Unique participants per home municipality, largest first, ``unknown`` last."""
    return by_person_field(ds, filters, first_participations(ds, filters)["home_municipality"], None)


def _young(ages: pd.Series) -> int:
    values = ages.to_numpy(dtype="float64", na_value=np.nan)
    return int(((values >= 0) & (values < YOUTH_AGE)).sum())


def under_30(ds: Dataset, filters: Filters) -> dict[str, int]:
    """``{"participations": n, "unique_participants": n}`` of people under 30."""
    return {
        "participations": _young(scoped_attendance(ds, filters)["age"]),
        "unique_participants": _young(first_participations(ds, filters)["age"]),
    }

"""Age bands (configurable). Age = event year − birth year."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

UNKNOWN = "unknown"


@dataclass(frozen=True)
class AgeBand:
    label: str
    low: int | None  # inclusive; None = no lower bound
    high: int | None  # inclusive; None = no upper bound


#: The contract's default bands; their ASCII labels are the keys of machine-readable output.
DEFAULT_AGE_BANDS: tuple[AgeBand, ...] = (
    AgeBand("<25", None, 24),
    AgeBand("25-29", 25, 29),
    AgeBand("30-39", 30, 39),
    AgeBand("40-54", 40, 54),
    AgeBand("55-64", 55, 64),
    AgeBand("65+", 65, None),
)


def band_labels(bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS) -> list[str]:
    return [band.label for band in bands] + [UNKNOWN]


def age_band(ages: pd.Series, bands: tuple[AgeBand, ...] = DEFAULT_AGE_BANDS) -> pd.Series:
    """The band label of each age (``unknown`` for a missing or negative age, or one outside every band)."""
    values = ages.astype("float64").to_numpy()
    labels = np.full(len(values), UNKNOWN, dtype=object)
    for band in bands:
        inside = ~np.isnan(values) & (values >= 0)  # a birth year after the event is not an age
        if band.low is not None:
            inside &= values >= band.low
        if band.high is not None:
            inside &= values <= band.high
        labels[inside & (labels == UNKNOWN)] = band.label
    return pd.Series(pd.Categorical(labels, categories=band_labels(bands)), index=ages.index)

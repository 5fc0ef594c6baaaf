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
    values = ages.to_numpy(dtype="float64", na_value=np.nan)
    labels = band_labels(bands)
    codes = np.full(len(values), len(bands), dtype=np.int64)  # unknown
    for position in range(len(bands) - 1, -1, -1):  # the first band an age falls in wins
        band = bands[position]
        inside = values >= 0  # a birth year after the event is not an age (NaN is never inside)
        if band.low is not None:
            inside &= values >= band.low
        if band.high is not None:
            inside &= values <= band.high
        codes[inside] = position
    return pd.Series(pd.Categorical.from_codes(codes, categories=labels), index=ages.index)

"""Reach against the population (contract version 2).

* **Population covered** by a set of municipalities (the partnership territory) = the sum of their
  ``population``; a municipality without a figure is named in :attr:`Coverage.missing` and adds
  nothing (so the figure is never made up).
* **Per 1 000 inhabitants** = figure × 1000 ÷ the municipality's population, only where a population
  is given (``None`` otherwise, and for a population of 0): never against a missing population.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from loaders import Dataset


@dataclass(frozen=True)
class Coverage:
    #: inhabitants of the municipalities that have a figure (``None``: no ``municipalities`` table)
    population: int | None
    #: the municipalities asked about that have no figure
    missing: tuple[str, ...]


def populations(ds: Dataset) -> dict[str, int]:
    """Municipality → inhabitants, from the ``municipalities`` table (empty without one)."""
    table = ds.municipalities
    return {str(name): int(count) for name, count in zip(table["municipality"], table["population"], strict=True)}


def population_covered(ds: Dataset, municipalities: Iterable[str]) -> Coverage:
    """The population of ``municipalities`` (the territory) and which of them have no figure."""
    if ds.municipalities.empty:
        return Coverage(None, tuple(municipalities))
    known = populations(ds)
    names = list(dict.fromkeys(municipalities))
    return Coverage(sum(known[name] for name in names if name in known),
                    tuple(name for name in names if name not in known))


def per_thousand(value: float, population: int | None) -> float | None:
    """``value`` per 1 000 inhabitants, to one decimal; ``None`` without a (non-zero) population."""
    return None if not population else round(value * 1000 / population, 1)

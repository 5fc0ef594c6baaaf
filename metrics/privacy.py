"""Small-count protection for public views: the one place that decides what a public view may show.

The contract (*Small-count protection, exact*): a public view is one screen in presentation mode
or one public export file; every person count in it comes from one protected set of figures, so
that no hidden count can be worked out from any combination of figures in that view.

* :data:`PERSON_COUNTS` lists the figures that count people (events, spaces and FTE do not).
* A view gathers its exact person counts and how they add up in a :class:`View`: totals,
  breakdowns of a total, nested and two-way tables.
* :func:`protect` turns the whole view into the figures it may show: exact in an internal view;
  in a public one ``other`` and ``unknown`` of a gender breakdown merged first
  (:func:`gender_cells`), every count from 1 to 4 shown as ``<5``, and the cells that would let
  one be worked out shown as ``≥5`` (:mod:`metrics.disclosure`). Zero stays 0.
* How a shown value is printed is :func:`i18n.formatting.fmt_count`.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import compress

import numpy as np
import pandas as pd

from metrics.disclosure import THRESHOLD, Relation, hidden_mask

__all__ = [
    "OTHER_OR_UNKNOWN", "PERSON_COUNTS", "SECONDARY", "SMALL", "THRESHOLD", "Protected", "Shown", "View",
    "gender_cells", "is_person_count", "is_suppressed", "protect", "protect_breakdown", "shown_number",
]  # fmt: skip

SMALL = "<5"
#: a cell of 5 or more hidden only so that a small cell cannot be worked out from the others
SECONDARY = "≥5"
#: ``other`` and ``unknown`` of a gender breakdown, merged in public views
OTHER_OR_UNKNOWN = "other_or_unknown"

Shown = int | str
Key = Hashable

#: every figure that counts people, by the names pages, maps and reports use for it
PERSON_COUNTS: frozenset[str] = frozenset(
    {
        "participations", "unique_participants", "under_30",
        "active_residents", "new_residents", "left_residents",
        # the report's names for the residents figures, and the map's measure of residents by home
        "residents_active_at_end", "residents_new", "residents",
    }
)  # fmt: skip


def is_person_count(figure: str) -> bool:
    return figure in PERSON_COUNTS


def is_suppressed(value: Shown) -> bool:
    return value in (SMALL, SECONDARY)


def shown_number(value: Shown) -> int:
    """A number to sort, colour or size by that tells no more than the shown value: ``<5`` → 1, ``≥5`` → 5."""
    if value == SMALL:
        return 1
    if value == SECONDARY:
        return THRESHOLD
    return int(value)


def gender_cells(cells: Mapping[str, int], *, public: bool) -> dict[str, int]:
    """A gender breakdown as a view shows it: in a public view ``other`` + ``unknown`` → ``other_or_unknown``."""
    cells = {str(code): int(value) for code, value in cells.items()}
    if not public:
        return cells
    merged = {code: value for code, value in cells.items() if code not in ("other", "unknown")}
    merged[OTHER_OR_UNKNOWN] = cells.get("other", 0) + cells.get("unknown", 0)
    return merged


@dataclass
class View:
    """The exact person counts of one view and the ways they add up.

    Keys: a figure's name for a single count (``"participations"``), ``(breakdown, code)`` for a
    breakdown's cells, any tuple for other cells (``("flows", home, space)``).
    """

    values: dict[Key, int] = field(default_factory=dict)
    #: counts the view does not show but that are part of a relation (e.g. "events without a venue")
    unpublished: set[Key] = field(default_factory=set)
    relations: list[Relation] = field(default_factory=list)
    _breakdowns: dict[str, list[str]] = field(default_factory=dict)
    #: each key's number: its place in ``values``
    _number: dict[Key, int] = field(default_factory=dict, repr=False)
    #: each relation's keys by number, total first (what :func:`metrics.disclosure.hidden_mask` reads)
    _members: list[np.ndarray] = field(default_factory=list, repr=False)

    def count(self, key: Key, value: int, *, published: bool = True) -> Key:
        value = int(value)
        if value < 0:
            raise ValueError(f"a count cannot be negative: {key!r} = {value}")
        if key in self.values:
            if self.values[key] != value:
                raise ValueError(f"{key!r} counted twice with different values ({self.values[key]}, {value})")
        else:
            self._number[key] = len(self.values)
            self.values[key] = value
        if not published:
            self.unpublished.add(key)
        return key

    def count_cells(self, keys: Sequence[Key], values: Sequence[int] | np.ndarray,
                    published: Sequence[bool] | np.ndarray | None = None) -> np.ndarray:
        """Many counts at once, as :meth:`count` each (a two-way table of a few hundred thousand cells).
        Returns their numbers (for :meth:`adds_up_by`)."""
        counts = np.asarray(values, dtype=np.int64)
        shown = np.ones(len(keys), dtype=bool) if published is None else np.asarray(published, dtype=bool)
        if len(set(keys)) != len(keys) or not self.values.keys().isdisjoint(keys) or (counts < 0).any():
            for key, value, public in zip(keys, counts.tolist(), shown.tolist(), strict=True):
                self.count(key, value, published=public)  # the careful way, with its errors
            return np.fromiter((self._number[key] for key in keys), dtype=np.int64, count=len(keys))
        start = len(self.values)
        self.values.update(zip(keys, counts.tolist(), strict=True))
        self._number.update(zip(keys, range(start, start + len(keys)), strict=True))
        self.unpublished.update(compress(keys, (~shown).tolist()))
        return np.arange(start, start + len(keys), dtype=np.int64)

    def adds_up(self, total: Key, parts: Iterable[Key]) -> None:
        """``total`` = the sum of ``parts`` (all already counted)."""
        parts = tuple(parts)
        numbers = [self._number[p] for p in parts]
        if sum(self.values[p] for p in parts) != self.values[total]:
            raise ValueError(f"the parts of {total!r} do not add up to it")
        self.relations.append(Relation(total, parts))
        self._members.append(np.array([self._number[total], *numbers], dtype=np.int64))

    def adds_up_by(self, cells: Sequence[Key], groups: Sequence[Hashable], total: Callable[[Hashable], Key],
                   numbers: np.ndarray | None = None) -> None:
        """For each group of ``cells`` (``groups[i]`` is the group of ``cells[i]``; groups in the order
        they first appear, each group's cells in their order): ``total(group)`` = the sum of its cells.
        The same relations as :meth:`adds_up` for each group, without a Python loop over the cells.
        ``numbers``: the cells' numbers as :meth:`count_cells` returned them."""
        if not len(cells):
            return
        codes, labels = pd.factorize(pd.Series(groups, dtype="object"), sort=False)
        if (codes < 0).any():
            raise ValueError("every cell needs a group")
        if numbers is None:
            numbers = np.fromiter((self._number[key] for key in cells), dtype=np.int64, count=len(cells))
        counts = np.fromiter(self.values.values(), dtype=np.int64, count=len(self.values))[numbers]
        sums = np.bincount(codes, weights=counts, minlength=len(labels)).astype(np.int64)
        by_group = np.argsort(codes, kind="stable")
        bounds = np.cumsum(np.bincount(codes, minlength=len(labels)))[:-1]
        for label, members, added in zip(labels.tolist(), np.split(by_group, bounds), sums.tolist(), strict=True):
            key = total(label)
            if added != self.values[key]:
                raise ValueError(f"the parts of {key!r} do not add up to it")
            self.relations.append(Relation(key, tuple(map(cells.__getitem__, members.tolist()))))
            self._members.append(np.concatenate(([self._number[key]], numbers[members])))

    def breakdown(self, name: str, cells: Mapping[str, int], total: Key | None = None, *,
                  rest: str | None = None) -> list[Key]:
        """The cells ``(name, code)``; with ``total``, they add up to it. ``rest``: the code of an
        unpublished cell holding what the shown cells leave out of the total."""
        self._breakdowns[name] = [str(code) for code in cells]
        keys = [self.count((name, str(code)), value) for code, value in cells.items()]
        if total is not None:
            if rest is not None:
                left = self.values[total] - sum(self.values[k] for k in keys)
                keys.append(self.count((name, rest), left, published=False))
            self.adds_up(total, keys)
        return keys


@dataclass(frozen=True)
class Protected:
    """The figures of a view as they may be shown (ints, or ``<5`` / ``≥5`` in a public view)."""

    shown: Mapping[Key, Shown]
    breakdown_codes: Mapping[str, list[str]]

    def __getitem__(self, key: Key) -> Shown:
        return self.shown[key]

    def cells(self, name: str) -> dict[str, Shown]:
        """A breakdown's cells in the order they were given."""
        return {code: self.shown[(name, code)] for code in self.breakdown_codes[name]}


def protect(view: View, *, public: bool) -> Protected:
    """Every published count of ``view`` as it may be shown (exact unless ``public``)."""
    keys = list(view.values)
    published = np.ones(len(keys), dtype=bool)
    published[[view._number[key] for key in view.unpublished]] = False
    shown_keys = list(compress(keys, published.tolist()))
    if not public:
        return Protected({key: view.values[key] for key in shown_keys}, dict(view._breakdowns))
    value = np.fromiter(view.values.values(), dtype=np.int64, count=len(keys))
    order = np.where(published, np.cumsum(published) - 1, -1)
    hidden = hidden_mask(value, order, view._members)
    small = (value > 0) & (value < THRESHOLD)
    # one pass over the view's counts, not a Python test per count: <5, ≥5 or the count
    shown_values = np.where(small, SMALL, np.where(hidden, SECONDARY, None))
    exact = ~small & ~hidden
    shown_values[exact] = value[exact].tolist()
    return Protected(dict(zip(shown_keys, shown_values[published].tolist(), strict=True)), dict(view._breakdowns))


def protect_breakdown(cells: Mapping[str, int], *, public: bool = True) -> dict[str, Shown]:
    """One breakdown shown with its total, as a view of its own (the total is the cells' sum)."""
    view = View()
    view.count("total", sum(int(v) for v in cells.values()))
    view.breakdown("cells", cells, "total")
    return protect(view, public=public).cells("cells")

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

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field

from metrics.disclosure import THRESHOLD, Relation, hidden_cells, is_sensitive

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

    def count(self, key: Key, value: int, *, published: bool = True) -> Key:
        value = int(value)
        if value < 0:
            raise ValueError(f"a count cannot be negative: {key!r} = {value}")
        if key in self.values and self.values[key] != value:
            raise ValueError(f"{key!r} counted twice with different values ({self.values[key]}, {value})")
        self.values[key] = value
        if not published:
            self.unpublished.add(key)
        return key

    def adds_up(self, total: Key, parts: Iterable[Key]) -> None:
        """``total`` = the sum of ``parts`` (all already counted)."""
        parts = tuple(parts)
        if sum(self.values[p] for p in parts) != self.values[total]:
            raise ValueError(f"the parts of {total!r} do not add up to it")
        self.relations.append(Relation(total, parts))

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
    published = [key for key in view.values if key not in view.unpublished]
    if not public:
        return Protected({key: view.values[key] for key in published}, dict(view._breakdowns))
    hidden = hidden_cells(view.values, view.relations, published)
    shown: dict[Key, Shown] = {}
    for key in published:
        value = view.values[key]
        shown[key] = SMALL if is_sensitive(value) else SECONDARY if key in hidden else value
    return Protected(shown, dict(view._breakdowns))


def protect_breakdown(cells: Mapping[str, int], *, public: bool = True) -> dict[str, Shown]:
    """One breakdown shown with its total, as a view of its own (the total is the cells' sum)."""
    view = View()
    view.count("total", sum(int(v) for v in cells.values()))
    view.breakdown("cells", cells, "total")
    return protect(view, public=public).cells("cells")

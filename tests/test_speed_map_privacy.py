"""The array version of secondary suppression (metrics.disclosure) and the bulk View methods give the
rules' results: hand-worked cases, bridges against their definition, bulk against one by one."""

import random

import folium
import numpy as np
import pytest

from maps.spaces import _SpaceCluster
from metrics.disclosure import Relation, _bridges, hidden_cells
from metrics.privacy import SECONDARY, SMALL, View, protect


def test_the_smallest_other_cell_is_hidden_and_the_first_of_two_equal_ones() -> None:
    values = {"total": 37, "a": 20, "b": 3, "c": 7, "d": 7}
    relations = [Relation("total", ("a", "b", "c", "d"))]
    assert hidden_cells(values, relations, ["total", "a", "b", "c", "d"]) == {"b", "c"}
    assert hidden_cells(values, relations, ["total", "a", "b", "d", "c"]) == {"b", "d"}


def test_an_unpublished_rest_is_unknown_to_the_viewer_so_it_protects_a_small_cell() -> None:
    # participations 30 = space x 3 + space y 20 + events without a venue (rest, unpublished) 7
    values = {"total": 30, "x": 3, "y": 20, "rest": 7}
    relations = [Relation("total", ("x", "y", "rest"))]
    assert hidden_cells(values, relations, ["total", "x", "y"]) == {"x"}
    # published, the rest would give x away (30 − 20 − 7): the smaller of y and the rest goes too
    assert hidden_cells(values, relations, ["total", "x", "y", "rest"]) == {"x", "rest"}


def test_a_two_way_table_closes_the_cheapest_rectangle() -> None:
    # rows a, b; columns x, y, z; margins published. a·x = 2 needs a cycle: a·y (9) and b·x, b·y
    # (cheaper than through z: a·z 30)
    cells = {("a", "x"): 2, ("a", "y"): 9, ("a", "z"): 30, ("b", "x"): 8, ("b", "y"): 6, ("b", "z"): 40}
    values: dict = {("c", *k): v for k, v in cells.items()}
    relations = []
    for row in "ab":
        values[("r", row)] = sum(v for (r, _), v in cells.items() if r == row)
        relations.append(Relation(("r", row), tuple(("c", row, col) for col in "xyz")))
    for col in "xyz":
        values[("k", col)] = sum(v for (_, c), v in cells.items() if c == col)
        relations.append(Relation(("k", col), tuple(("c", row, col) for row in "ab")))
    hidden = hidden_cells(values, relations, list(values))
    assert hidden == {("c", "a", "x"), ("c", "a", "y"), ("c", "b", "x"), ("c", "b", "y")}


def test_a_hidden_total_in_three_relations_hides_every_non_zero_count_around_it() -> None:
    values = {"t": 3, "a1": 1, "a2": 2, "b1": 3, "b2": 0, "c1": 0, "c2": 3}
    relations = [Relation("t", ("a1", "a2")), Relation("t", ("b1", "b2")), Relation("t", ("c1", "c2"))]
    assert hidden_cells(values, relations, list(values)) == {"t", "a1", "a2", "b1", "c2"}


def _bridges_by_definition(edges: list[tuple[int, int]]) -> set[int]:
    """The edges whose removal leaves their ends unconnected."""
    def connected(skip: int, start: int, goal: int) -> bool:
        seen, stack = {start}, [start]
        while stack:
            node = stack.pop()
            for i, (u, v) in enumerate(edges):
                if i == skip or node not in (u, v):
                    continue
                other = v if node == u else u
                if other not in seen:
                    seen.add(other)
                    stack.append(other)
        return goal in seen
    return {i for i, (u, v) in enumerate(edges) if u != v and not connected(i, u, v)}


@pytest.mark.parametrize("seed", range(40))
def test_bridges_are_the_edges_on_no_cycle(seed: int) -> None:
    rng = random.Random(seed)
    nodes = rng.randint(1, 12)
    edges = [(rng.randrange(nodes), rng.randrange(nodes)) for _ in range(rng.randint(0, 16))]
    u = np.array([e[0] for e in edges], dtype=np.int64)
    v = np.array([e[1] for e in edges], dtype=np.int64)
    found = set(np.flatnonzero(_bridges(nodes, u, v)).tolist())
    assert found == _bridges_by_definition(edges)


@pytest.mark.parametrize("seed", range(10))
def test_a_table_counted_at_once_is_protected_as_cell_by_cell(seed: int) -> None:
    rng = random.Random(seed)
    homes, spaces = ["h1", "h2", "h3", "unknown"], ["s1", "s2", "s3", "s4"]
    table = [(h, s, rng.choice([1, 2, 3, 6, 9])) for h in homes for s in spaces if rng.random() < 0.7]

    def view(*, bulk: bool) -> View:
        result = View()
        result.count("total", sum(n for _, _, n in table))
        result.breakdown("space", {s: sum(n for _, x, n in table if x == s) for s in spaces}, "total")
        result.breakdown("home", {h: sum(n for x, _, n in table if x == h) for h in homes}, "total")
        keys = [("cell", h, s) for h, s, _ in table]
        if bulk:
            numbers = result.count_cells(keys, [n for _, _, n in table], [h != "unknown" for h, _, _ in table])
            result.adds_up_by(keys, [s for _, s, _ in table], lambda s: ("space", s), numbers)
            result.adds_up_by(keys, [h for h, _, _ in table], lambda h: ("home", h), numbers)
        else:
            for key, (h, _, n) in zip(keys, table, strict=True):
                result.count(key, n, published=h != "unknown")
            for s in dict.fromkeys(s for _, s, _ in table):
                result.adds_up(("space", s), [k for k in keys if k[2] == s])
            for h in dict.fromkeys(h for h, _, _ in table):
                result.adds_up(("home", h), [k for k in keys if k[1] == h])
        return result

    bulk, one_by_one = view(bulk=True), view(bulk=False)
    assert bulk.relations == one_by_one.relations and bulk.unpublished == one_by_one.unpublished
    assert protect(bulk, public=True).shown == protect(one_by_one, public=True).shown
    assert set(protect(bulk, public=True).shown.values()) - {SMALL, SECONDARY} <= {n for *_, n in table} | set(
        protect(bulk, public=False).shown.values())


def test_counting_cells_at_once_keeps_the_errors_of_counting_them_one_by_one() -> None:
    view = View()
    view.count(("cell", "a"), 3)
    with pytest.raises(ValueError, match="counted twice"):
        view.count_cells([("cell", "a"), ("cell", "b")], [4, 1])
    with pytest.raises(ValueError, match="negative"):
        View().count_cells([("cell", "c")], [-1])
    with pytest.raises(ValueError, match="do not add up"):
        other = View()
        other.count("total", 5)
        numbers = other.count_cells([("cell", "x")], [4])
        other.adds_up_by([("cell", "x")], ["g"], lambda _: "total", numbers)


def test_the_space_cluster_writes_what_folium_writes() -> None:
    rows = [(56.9 + i / 100, 24.1, "#123456", f"Telpa {i}", f"<b>Telpa {i}</b>\r\nrinda") for i in range(30)]
    pages = []
    for cluster in (_SpaceCluster, folium.plugins.FastMarkerCluster):
        m = folium.Map(location=(56.9, 24.1), tiles=None)
        layer = cluster(rows, callback="function (row) { return L.marker([row[0], row[1]]); }", name="x")
        layer._id = "0" * 32
        layer.add_to(m)
        m._id = "1" * 32
        pages.append(m.get_root().render())
    new, old = (page.replace(m.get_root()._id, "") for page in pages)
    assert new == old
    # Jinja's own syntax in a text: branca's usual way, so the same page either way
    m = folium.Map(tiles=None)
    _SpaceCluster([(56.9, 24.1, "#000", "{{ x }}", "p")], callback="function (row) { return null; }").add_to(m)
    assert "var fast_marker_cluster" in m.get_root().render()

"""Which cells of a public view to hide so that no small count can be worked out (secondary suppression).

A view publishes counts that add up: a total and its breakdown, per-space and per-municipality
figures of the same total, a home × space table with both margins. Each such fact is a
:class:`Relation` ``total = sum(parts)``. A cell is *sensitive* when its count is 1–4; it is
shown hidden (``<5``), and so is every count the view does not publish at all (e.g. the
participations of events without a venue, which are the rest of "participations by space").

A hidden count can be worked out exactly when the published counts determine it through the
relations. When every hidden count is in at most two relations and the relations can be signed
consistently (true of totals, breakdowns, nested breakdowns and two-way tables), the relations
are a graph: one node per relation plus one "ground" node, one edge per hidden count (between
its two relations, or its relation and ground). A hidden count is then determined exactly when
its edge is a *bridge* (on no cycle of hidden edges), the classic result for tables with
margins. So: hide the sensitive cells, then, while a sensitive cell is a bridge, hide the
published cells of the cheapest way round it (in a single breakdown: its smallest other non-zero
cell, the contract's rule), until no sensitive cell is a bridge.

Where the graph does not apply (a hidden total shared by three breakdowns, or relations that
cannot be signed consistently) the part of the view concerned is kept safe without it: if every
published count in it is 0, nothing there can be worked out (the relations then only say that
sums of hidden counts are 0); otherwise every non-zero count in it is hidden.
"""

from __future__ import annotations

import heapq
from collections.abc import Hashable, Mapping, Sequence
from dataclasses import dataclass

Key = Hashable
#: the smallest count that may be shown; 1 … THRESHOLD − 1 are sensitive
THRESHOLD = 5


@dataclass(frozen=True)
class Relation:
    """``total = sum(parts)``: a fact a viewer of the view knows."""

    total: Key
    parts: tuple[Key, ...]

    @property
    def keys(self) -> tuple[Key, ...]:
        return (self.total, *self.parts)


def is_sensitive(value: int) -> bool:
    return 0 < value < THRESHOLD


def hidden_cells(
    values: Mapping[Key, int], relations: Sequence[Relation], published: Sequence[Key]
) -> set[Key]:
    """The published keys to show hidden: the sensitive ones and what protects them.

    ``values`` holds every count of the view, published or not; ``published`` the ones shown, in
    the order ties are broken in (the first of two equally small cells is hidden).
    """
    order = {key: i for i, key in enumerate(published)}
    hidden = {key for key in values if key not in order or is_sensitive(values[key])}
    roles: dict[Key, list[tuple[int, bool]]] = {}
    for index, relation in enumerate(relations):
        for key in relation.keys:
            roles.setdefault(key, []).append((index, key == relation.total))
    while True:
        added = _protect_round(values, relations, roles, hidden, order)
        if not added:
            return hidden & order.keys()
        hidden |= added


def _protect_round(
    values: Mapping[Key, int], relations: Sequence[Relation], roles: Mapping[Key, list[tuple[int, bool]]],
    hidden: set[Key], order: Mapping[Key, int],
) -> set[Key]:
    """One pass: the cells to hide next (none when every sensitive cell is safe).

    For each sensitive cell that is a bridge, the cheapest way round it: a path between its two
    relations over hidden cells (free) and published non-zero cells (costing their count), whose
    published cells are then hidden too. In a single breakdown that is its smallest other cell; in
    a two-way table it closes a rectangle of hidden cells.
    """
    added: set[Key] = set()
    component_of: dict[int, list[int]] = {}
    graphable: set[int] = set()
    for members in _components(len(relations), roles, hidden):
        component_of.update(dict.fromkeys(members, members))
        if _is_graph(members, relations, roles, hidden):
            graphable.update(members)
        else:
            added.update(_published_around(values, relations, members, hidden))
    edges = _edges(roles, graphable, ground=len(relations))
    hidden_edges = [key for key in hidden if key in edges]
    bridges = _bridges(len(relations) + 1, [edges[key] for key in hidden_edges])
    sensitive = sorted((hidden_edges[e] for e in bridges if is_sensitive(values[hidden_edges[e]])),
                       key=lambda key: (values[key], order.get(key, len(order))))
    if sensitive:
        added |= _ways_round(values, relations, sensitive, edges, hidden, added, order, component_of)
    return added - hidden


def _edges(roles: Mapping[Key, list[tuple[int, bool]]], graphable: set[int], ground: int
           ) -> dict[Key, tuple[int, int]]:
    """Each count in at most two relations of the graph, as an edge between them (or a relation and ground)."""
    edges: dict[Key, tuple[int, int]] = {}
    for key, memberships in roles.items():
        ends = [index for index, _ in memberships]
        if len(ends) <= 2 and all(index in graphable for index in ends):
            edges[key] = (ends[0], ends[1] if len(ends) == 2 else ground)
    return edges


def _ways_round(
    values: Mapping[Key, int], relations: Sequence[Relation], sensitive: list[Key],
    edges: Mapping[Key, tuple[int, int]], hidden: set[Key], added: set[Key], order: Mapping[Key, int],
    component_of: Mapping[int, list[int]],
) -> set[Key]:
    """The published cells to hide so that each ``sensitive`` bridge is on a cycle: the cheapest path
    round it, over hidden cells (free) and published non-zero ones (their count)."""
    cost = {key: 0 if key in hidden else values[key] for key in edges
            if key in hidden or (values[key] > 0 and key not in added)}
    adjacent: dict[int, list[tuple[int, Key]]] = {}
    for key in cost:
        u, v = edges[key]
        adjacent.setdefault(u, []).append((v, key))
        adjacent.setdefault(v, []).append((u, key))
    more: set[Key] = set()
    for key in sensitive:
        path = _cheapest_path(adjacent, cost, order, *edges[key], avoid=key)
        if path is None:  # no way round it: hide what is published in its part of the view
            more.update(_published_around(values, relations, component_of[edges[key][0]], hidden))
            continue
        for cell in path:
            if cost[cell]:
                cost[cell] = 0
                more.add(cell)
    return more


def _cheapest_path(adjacent: Mapping[int, list[tuple[int, Key]]], cost: Mapping[Key, int], order: Mapping[Key, int],
                   start: int, goal: int, avoid: Key) -> list[Key] | None:
    """The cells of the cheapest path from ``start`` to ``goal`` not using ``avoid`` (Dijkstra)."""
    best = {start: (0, 0)}
    came: dict[int, tuple[int, Key]] = {}
    queue = [(0, 0, start)]
    while queue:
        spent, steps, node = heapq.heappop(queue)
        if node == goal:
            path = []
            while node != start:
                node, cell = came[node]
                path.append(cell)
            return path
        if (spent, steps) > best[node]:
            continue
        for nxt, cell in sorted(adjacent.get(node, ()), key=lambda item: order.get(item[1], -1)):
            if cell == avoid:
                continue
            candidate = (spent + cost[cell], steps + 1)
            if nxt not in best or candidate < best[nxt]:
                best[nxt] = candidate
                came[nxt] = (node, cell)
                heapq.heappush(queue, (*candidate, nxt))
    return None


def _published_around(values: Mapping[Key, int], relations: Sequence[Relation], members: list[int],
                      hidden: set[Key]) -> set[Key]:
    """The non-zero published counts of these relations (hiding them all leaves nothing to work out from)."""
    return {key for index in members for key in relations[index].keys if key not in hidden and values[key] > 0}


def _components(count: int, roles: Mapping[Key, list[tuple[int, bool]]], hidden: set[Key]) -> list[list[int]]:
    """Relations joined by hidden counts they share (union-find)."""
    parent = list(range(count))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for key in hidden:
        indices = [index for index, _ in roles.get(key, ())]
        for other in indices[1:]:
            parent[find(other)] = find(indices[0])
    groups: dict[int, list[int]] = {}
    for i in range(count):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def _is_graph(members: list[int], relations: Sequence[Relation], roles: Mapping[Key, list[tuple[int, bool]]],
              hidden: set[Key]) -> bool:
    """True when the hidden counts of these relations are edges of a consistently signed graph.

    Each relation reads ``total − parts = 0``; a count in two relations must end up with opposite
    signs once some relations are negated: relations sharing a part (or a total) get opposite
    signs, a relation whose total is a part of the other the same sign. A 2-colouring does it,
    or an odd cycle shows it cannot be done.
    """
    colour: dict[int, bool] = {}
    for start in members:
        if start in colour:
            continue
        colour[start] = False
        stack = [start]
        while stack:
            index = stack.pop()
            for key in relations[index].keys:
                if key not in hidden:
                    continue
                memberships = roles[key]
                if len(memberships) > 2:
                    return False
                if len(memberships) < 2:
                    continue
                (a, a_total), (b, b_total) = memberships
                other, mine, theirs = (b, a_total, b_total) if a == index else (a, b_total, a_total)
                wanted = colour[index] if mine != theirs else not colour[index]
                if other not in colour:
                    colour[other] = wanted
                    stack.append(other)
                elif colour[other] != wanted:
                    return False
    return True


def _bridges(node_count: int, edges: Sequence[tuple[int, int]]) -> set[int]:
    """Indices of the edges on no cycle (Tarjan, iterative; parallel edges form a cycle)."""
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(node_count)]
    for index, (u, v) in enumerate(edges):
        adjacent[u].append((v, index))
        adjacent[v].append((u, index))
    found = [-1] * node_count
    low = [0] * node_count
    clock = 0
    bridges: set[int] = set()
    for root in range(node_count):
        if found[root] != -1 or not adjacent[root]:
            continue
        found[root] = low[root] = clock
        clock += 1
        stack = [(root, -1, iter(adjacent[root]))]
        while stack:
            node, via, neighbours = stack[-1]
            for nxt, edge in neighbours:
                if edge == via:
                    continue
                if found[nxt] == -1:
                    found[nxt] = low[nxt] = clock
                    clock += 1
                    stack.append((nxt, edge, iter(adjacent[nxt])))
                    break
                low[node] = min(low[node], found[nxt])
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
                    low[parent] = min(low[parent], low[node])
                    if low[node] > found[parent]:
                        bridges.add(via)
    return bridges

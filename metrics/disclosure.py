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

import numpy as np

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
    keys = list(values)
    index = {key: i for i, key in enumerate(keys)}
    value = np.fromiter((int(v) for v in values.values()), dtype=np.int64, count=len(keys))
    order = np.full(len(keys), -1, dtype=np.int64)
    for position, key in enumerate(published):
        i = index.get(key)
        if i is not None:
            order[i] = position
    members = [np.fromiter((index[key] for key in relation.keys), dtype=np.int64, count=1 + len(relation.parts))
               for relation in relations]
    hidden = hidden_mask(value, order, members, published_count=len(set(published)))
    return {keys[i] for i in np.flatnonzero(hidden & (order >= 0)).tolist()}


def hidden_mask(value: np.ndarray, order: np.ndarray, members: Sequence[np.ndarray], *,
                published_count: int | None = None) -> np.ndarray:
    """:func:`hidden_cells` on numbered counts: ``value[i]`` the ``i``-th count, ``order[i]`` its place
    among the published ones (``-1``: not published), ``members[r]`` the numbers of relation ``r``'s
    total and parts. Returns which counts are hidden (a mask, unpublished ones included)."""
    hidden = (np.asarray(order) < 0) | ((np.asarray(value) > 0) & (np.asarray(value) < THRESHOLD))
    if not len(members):  # nothing adds up: only the sensitive counts are hidden
        return hidden
    cells = _Cells(value, order, members,
                   int((order >= 0).sum()) if published_count is None else published_count)
    while True:
        added = _protect_round(cells, hidden)
        if not added.any():
            return hidden
        hidden |= added


class _Cells:
    """The view as integer arrays: count ``i``, relation ``r``, and each (relation, count) pair a
    *membership*, in the order of the relations, each relation's total first.

    The rules work on whole arrays (numpy): a view of a few hundred thousand counts (the map of
    5 000 spaces with its home × space flows) takes milliseconds a round instead of seconds. Where
    the order of counts decides a tie it is the order the rules always used: the place in the
    published order, then the order counts first appear in the relations.
    """

    def __init__(self, value: np.ndarray, order: np.ndarray, members: Sequence[np.ndarray],
                 published_count: int) -> None:
        n = len(value)
        self.count_number = n
        self.value = np.asarray(value, dtype=np.int64)
        self.order = np.asarray(order, dtype=np.int64)
        self.published_count = published_count
        self.relation_count = len(members)
        sizes = np.fromiter((len(m) for m in members), dtype=np.int64, count=len(members))
        member_key = np.concatenate(members).astype(np.int64) if len(members) else np.zeros(0, dtype=np.int64)
        member_relation = np.repeat(np.arange(len(members), dtype=np.int64), sizes)
        starts = np.cumsum(sizes) - sizes
        # a count is a relation's total wherever it is that count (also if it is among the parts too)
        member_total = member_key == member_key[starts][member_relation]
        self.member_key, self.member_relation = member_key, member_relation
        # each count's memberships in the order of the relations (stable sort)
        by_key = np.argsort(member_key, kind="stable")
        self.membership_count = np.bincount(member_key, minlength=n)
        offset = np.cumsum(self.membership_count) - self.membership_count
        in_any = self.membership_count > 0
        first = np.full(n, -1, dtype=np.int64)
        first[in_any] = by_key[offset[in_any]]
        two = self.membership_count >= 2
        second = np.full(n, -1, dtype=np.int64)
        second[two] = by_key[offset[two] + 1]
        #: the relation of each count's first and second membership (-1: none) and whether it is their total
        self.first_relation = np.where(in_any, member_relation[np.maximum(first, 0)], -1)
        self.second_relation = np.where(two, member_relation[np.maximum(second, 0)], -1)
        self.first_total = in_any & member_total[np.maximum(first, 0)]
        self.second_total = two & member_total[np.maximum(second, 0)]
        #: each count's place in the order counts first appear in the relations
        self.appearance = np.where(in_any, first, len(member_key))
        # every membership's count's first relation (to join all relations of a count)
        self.member_first_relation = self.first_relation[member_key]

    def published_around(self, relations: np.ndarray, hidden: np.ndarray) -> np.ndarray:
        """The non-zero published counts of these relations (a mask over relations): hiding them all
        leaves nothing to work out from."""
        members = relations[self.member_relation]
        keys = self.member_key[members]
        result = np.zeros(self.count_number, dtype=bool)
        result[keys[~hidden[keys] & (self.value[keys] > 0)]] = True
        return result


def _protect_round(cells: _Cells, hidden: np.ndarray) -> np.ndarray:
    """One pass: the cells to hide next (none when every sensitive cell is safe), as a mask.

    For each sensitive cell that is a bridge, the cheapest way round it: a path between its two
    relations over hidden cells (free) and published non-zero cells (costing their count), whose
    published cells are then hidden too. In a single breakdown that is its smallest other cell; in
    a two-way table it closes a rectangle of hidden cells.
    """
    count = cells.relation_count
    component = _components(cells, hidden)
    bad = _not_graph(cells, hidden, component)
    added = cells.published_around(bad, hidden)
    graphable = ~bad
    ground = count
    # each count in at most two relations of the graph, as an edge between them (or a relation and ground)
    in_graph = (cells.membership_count >= 1) & (cells.membership_count <= 2)
    in_graph &= graphable[np.maximum(cells.first_relation, 0)]
    two = cells.membership_count == 2
    in_graph &= ~two | graphable[np.maximum(cells.second_relation, 0)]
    u = cells.first_relation
    v = np.where(two, cells.second_relation, ground)
    hidden_edges = np.flatnonzero(hidden & in_graph)
    bridge = _bridges(count + 1, u[hidden_edges], v[hidden_edges])
    sensitive = hidden_edges[bridge]
    sensitive = sensitive[(cells.value[sensitive] > 0) & (cells.value[sensitive] < THRESHOLD)]
    if len(sensitive):
        rank = np.where(cells.order[sensitive] >= 0, cells.order[sensitive], cells.published_count)
        sensitive = sensitive[np.lexsort((sensitive, rank, cells.value[sensitive]))]
        added |= _ways_round(cells, sensitive, in_graph & ~added, u, v, hidden, component)
    return added & ~hidden


def _ways_round(cells: _Cells, sensitive: np.ndarray, usable: np.ndarray, u: np.ndarray, v: np.ndarray,
                hidden: np.ndarray, component: np.ndarray) -> np.ndarray:
    """The published cells to hide so that each ``sensitive`` bridge is on a cycle: the cheapest path
    round it, over hidden cells (free) and published non-zero ones (their count)."""
    free = hidden & usable
    paid = usable & ~hidden & (cells.value > 0)
    edge_keys = np.flatnonzero(free | paid)
    edge_keys = edge_keys[np.argsort(cells.appearance[edge_keys], kind="stable")]
    cost = np.where(hidden, 0, cells.value).tolist()
    # both ends' adjacency, each node's list in the order of the edges, then sorted by the cell's
    # place in ``published`` (unpublished cells first), as the rules always went through them
    source = np.column_stack((u[edge_keys], v[edge_keys])).ravel()
    target = np.column_stack((v[edge_keys], u[edge_keys])).ravel()
    cell = np.repeat(edge_keys, 2)
    sequence = np.arange(len(cell))
    sort = np.lexsort((sequence, cells.order[cell], source))
    source, target, cell = source[sort], target[sort], cell[sort]
    node_count = cells.relation_count + 1
    pointer = np.searchsorted(source, np.arange(node_count + 1)).tolist()
    targets, via = target.tolist(), cell.tolist()
    more = np.zeros(cells.count_number, dtype=bool)
    for key in sensitive.tolist():
        path = _cheapest_path(pointer, targets, via, cost, int(u[key]), int(v[key]), avoid=key)
        if path is None:  # no way round it: hide what is published in its part of the view
            more |= cells.published_around(component == component[u[key]], hidden)
            continue
        for step in path:
            if cost[step]:
                cost[step] = 0
                more[step] = True
    return more


def _cheapest_path(pointer: list[int], targets: list[int], via: list[int], cost: list[int], start: int, goal: int,
                   avoid: int) -> list[int] | None:
    """The cells of the cheapest path from ``start`` to ``goal`` not using ``avoid`` (Dijkstra; ties:
    fewer steps, then the node's number, then the adjacency's order)."""
    best = {start: (0, 0)}
    came: dict[int, tuple[int, int]] = {}
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
        for position in range(pointer[node], pointer[node + 1]):
            cell = via[position]
            if cell == avoid:
                continue
            nxt = targets[position]
            candidate = (spent + cost[cell], steps + 1)
            if nxt not in best or candidate < best[nxt]:
                best[nxt] = candidate
                came[nxt] = (node, cell)
                heapq.heappush(queue, (*candidate, nxt))
    return None


def _components(cells: _Cells, hidden: np.ndarray) -> np.ndarray:
    """Each relation's component (its lowest relation): relations joined by hidden counts they share."""
    joins = hidden[cells.member_key] & (cells.member_first_relation != cells.member_relation)
    return _component_labels(cells.relation_count, cells.member_first_relation[joins], cells.member_relation[joins])


def _component_labels(node_count: int, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each node's component in the graph of edges ``a[i]``–``b[i]``, as its lowest node (each edge
    hooks the higher of its ends' roots under the lower, then paths are halved until flat)."""
    label = np.arange(node_count, dtype=np.int64)
    while len(a):
        low = np.minimum(label[a], label[b])
        hooked = label.copy()
        np.minimum.at(hooked, label[a], low)
        np.minimum.at(hooked, label[b], low)
        while True:
            flatter = hooked[hooked]
            if np.array_equal(flatter, hooked):
                break
            hooked = flatter
        if np.array_equal(hooked, label):
            break
        label = hooked
    return label


def _not_graph(cells: _Cells, hidden: np.ndarray, component: np.ndarray) -> np.ndarray:
    """The relations (a mask) of the components whose hidden counts are not the edges of a
    consistently signed graph.

    Each relation reads ``total − parts = 0``; a count in two relations must end up with opposite
    signs once some relations are negated: relations sharing a part (or a total) get opposite
    signs, a relation whose total is a part of the other the same sign. Such a signing exists when
    no relation is joined to its own negation in the doubled graph (relation ``r`` signed + is node
    ``r``, signed − node ``r + count``); a hidden count in three or more relations rules it out.
    """
    count = cells.relation_count
    bad_component = np.zeros(count, dtype=bool)
    many = hidden & (cells.membership_count > 2)
    bad_component[component[cells.first_relation[many]]] = True
    two = np.flatnonzero(hidden & (cells.membership_count == 2))
    a, b = cells.first_relation[two], cells.second_relation[two]
    opposite = (cells.first_total[two] == cells.second_total[two]).astype(np.int64)
    label = _component_labels(2 * count, np.concatenate((a, a + count)),
                              np.concatenate((b + opposite * count, b + (1 - opposite) * count)))
    inconsistent = np.flatnonzero(label[:count] == label[count:])
    bad_component[component[inconsistent]] = True
    return bad_component[component]


def _bridges(node_count: int, u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """Which edges ``u[i]``–``v[i]`` are on no cycle (a mask; parallel edges form a cycle).

    A breadth-first spanning forest holds every bridge; its edge above node ``c`` is one unless an
    edge outside the forest joins ``c``'s subtree to the rest: each such edge adds 1 at both its
    ends and −2 at their lowest common ancestor, so the sum over ``c``'s subtree is 0 exactly for a
    bridge.
    """
    edges = len(u)
    result = np.zeros(edges, dtype=bool)
    if edges == 0:
        return result
    u, v = u.astype(np.int64), v.astype(np.int64)
    label = _component_labels(node_count, u, v)
    parent = np.full(node_count, -1, dtype=np.int64)
    frontier = np.flatnonzero(label == np.arange(node_count))  # one root per component
    parent[frontier] = frontier
    order = [frontier]
    source, target = np.concatenate((u, v)), np.concatenate((v, u))
    reached = np.zeros(node_count, dtype=bool)
    while len(frontier):
        reached[frontier] = True
        step = reached[source] & (parent[target] == -1)
        found, first = np.unique(target[step], return_index=True)
        parent[found] = source[step][first]
        order.append(found)
        frontier = found
    bfs = np.concatenate(order)
    child = bfs[parent[bfs] != bfs]  # every node but the roots, parents before children
    width = node_count
    code = np.minimum(u, v) * width + np.maximum(u, v)
    by_code = np.argsort(code, kind="stable")
    tree_code = np.minimum(parent[child], child) * width + np.maximum(parent[child], child)
    tree_edge = by_code[np.searchsorted(code[by_code], tree_code)]  # the first of parallel edges
    in_tree = np.zeros(edges, dtype=bool)
    in_tree[tree_edge] = True
    depth = np.zeros(node_count, dtype=np.int64)
    for level, nodes in enumerate(order):
        depth[nodes] = level
    a, b = u[~in_tree], v[~in_tree]
    common = _lowest_common_ancestor(parent, depth, a, b)
    weight = np.zeros(node_count, dtype=np.int64)
    np.add.at(weight, a, 1)
    np.add.at(weight, b, 1)
    np.add.at(weight, common, -2)
    for nodes in reversed(order[1:]):  # each level's sums into the level above
        np.add.at(weight, parent[nodes], weight[nodes])
    result[tree_edge[weight[child] == 0]] = True
    return result


def _lowest_common_ancestor(parent: np.ndarray, depth: np.ndarray, a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Each pair's lowest common ancestor in the forest (``parent``: a root is its own; binary lifting)."""
    if len(a) == 0:
        return a
    jumps = [parent]
    while (1 << len(jumps)) <= int(depth.max()):
        jumps.append(jumps[-1][jumps[-1]])
    swap = depth[a] < depth[b]
    a, b = np.where(swap, b, a), np.where(swap, a, b)  # ``a`` the deeper one
    difference = depth[a] - depth[b]
    for level, jump in enumerate(jumps):
        a = np.where((difference >> level) & 1 == 1, jump[a], a)
    for jump in reversed(jumps):
        differ = jump[a] != jump[b]
        a, b = np.where(differ, jump[a], a), np.where(differ, jump[b], b)
    return np.where(a == b, a, parent[a])

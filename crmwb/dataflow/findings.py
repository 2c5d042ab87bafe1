"""The analyses of the client's data map (DOMAIN.md §5): the findings a consultant should look at
(use cases missing data or fed by hand, flows no use case needs, single points of failure,
personal data without a legal basis or an owner, the journey's collection points missing from
the map), each with its rule, and the coverage matrix of the use cases' data.

Pure: a :class:`~crmwb.dataflow.model.DataMap` (and the journey) in; findings and the matrix
out."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from crmwb.core.i18n import Lang, match_key, number, quoted, t
from crmwb.dataflow.model import DataMap, MapGraph, Method, UseCaseNeed, flow_label
from crmwb.journey.model import Journey, journey_order, missing_collection_points
from crmwb.plan.checks import LabelKey, Severity


@dataclass(frozen=True)
class DataFinding:
    """Something a consultant should look at in the data map. ``rule`` names the check (its
    message is the label ``dataflow.finding.<rule>``), ``subject`` what it is about (a use case,
    a system, a flow written "source → target", a touchpoint id), ``values`` the placeholders
    of its message (names, tuples of names, :class:`~crmwb.plan.checks.LabelKey`)."""

    rule: str
    subject: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    severity: Severity = "warning"

    @property
    def key(self) -> str:
        """The i18n key of the message."""
        return f"dataflow.finding.{self.rule}"


def finding_text(finding: DataFinding, lang: Lang) -> str:
    """The finding's message in ``lang``: label ``dataflow.finding.<rule>`` with ``{subject}``
    and the values; a name is quoted the language's way, a tuple of names joined by commas, a
    :class:`~crmwb.plan.checks.LabelKey` shown as its label, a number with the locale's separators.

    >>> finding_text(DataFinding("no_collection_point", "T07", {"data": "e-mail"}), "en")
    "Touchpoint 'T07' collects data ('e-mail') but does not say where: give it a collection point."
    """
    values = {name: _render(value, lang) for name, value in finding.values.items()}
    return t(finding.key, lang, subject=finding.subject, **values)


def _render(value: object, lang: Lang) -> str:
    if isinstance(value, LabelKey):
        return t(value, lang)
    if isinstance(value, tuple | list):
        return ", ".join(_render(item, lang) for item in value)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value, lang)
    return quoted(str(value), lang)


def _objects(objects: tuple[str, ...]) -> object:
    return objects or LabelKey("dataflow.finding.no_object")


def flows_serving_no_use_case(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Flows no use case needs: candidates to remove (rule ``flow_serves_no_use_case``, info).

    The rule: a flow serves a use case when it carries at least one of the data objects the use
    case needs and its target system reaches, through flows (in their direction, in any number
    of steps, none when the target is that system), the use case's system, or any activation
    system when the use case names none. A flow that serves no use case is reported, in the
    order of the Flows sheet. Data objects are compared with case and accents ignored. When
    the map declares no use case there is nothing to judge flows against: nothing is reported.
    """
    if not data_map.use_cases:
        return ()
    graph = MapGraph(data_map)
    return tuple(
        DataFinding(
            "flow_serves_no_use_case",
            flow_label(flow),
            {"objects": _objects(flow.data_objects)},
            severity="info",
        )
        for flow in data_map.flows
        if not any(graph.serves(flow, need) for need in data_map.use_cases)
    )


def use_cases_missing_data(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Use cases that lack data (rule ``use_case_missing_data``), with what is missing.

    The rule: a data object a use case needs is missing when no flow carrying it ends at the
    use case's system (or, the system left blank, at any activation system) and that system
    does not hold it itself (a field of the data dictionary with that data object). One finding
    per use case, listing its missing objects in the order it needs them.
    """
    graph = MapGraph(data_map)
    findings = []
    for need in data_map.use_cases:
        missing = tuple(o for o in need.data_objects if not graph.providers(need, o))
        if missing:
            where: object = need.system or LabelKey("dataflow.finding.an_activation_system")
            findings.append(
                DataFinding(
                    "use_case_missing_data", need.name, {"objects": missing, "system": where}
                )
            )
    return tuple(findings)


def use_cases_fed_by_hand(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Use cases whose data only arrives through manual flows (rule ``use_case_fed_by_hand``).

    The rule, for each data object a use case needs: its **origins** are the systems that hold
    it (data dictionary) and the systems no flow carrying it comes into (it is created there).
    It arrives automatically in a system reached from an origin through flows that all carry
    it and none of which is manual. The object is fed by hand when the use case's system (or,
    blank, an activation system) receives it by a flow and does not hold it itself, none of the
    systems receiving it is reached automatically, and a manual flow lies on the way (among the
    flows carrying it upstream of them): every path bringing it in has a manual flow. One
    finding per use case, listing these objects. A missing object is reported by
    :func:`use_cases_missing_data`, not here.
    """
    graph = MapGraph(data_map)
    findings = []
    for need in data_map.use_cases:
        by_hand = tuple(o for o in need.data_objects if _fed_by_hand(graph, need, o))
        if by_hand:
            where: object = need.system or LabelKey("dataflow.finding.an_activation_system")
            findings.append(
                DataFinding(
                    "use_case_fed_by_hand", need.name, {"objects": by_hand, "system": where}
                )
            )
    return tuple(findings)


def _fed_by_hand(graph: MapGraph, need: UseCaseNeed, data_object: str) -> bool:
    key = match_key(data_object)
    targets = graph.targets(need)
    if any(key in graph.holds[s] for s in targets):
        return False
    receiving = [s for s in targets if any(graph.carries(f, key) for f in graph.into[s])]
    if not receiving:
        return False  # missing, not fed by hand
    carrying = [f for f in graph.map.flows if graph.carries(f, key)]
    received = {f.target for f in carrying}
    origins = {s for s in graph.names if key in graph.holds[s] or s not in received}
    automatic = set(origins)
    todo = list(origins)
    while todo:
        system = todo.pop()
        for flow in graph.out[system]:
            if flow.method is not Method.MANUAL and graph.carries(flow, key):
                if flow.target not in automatic:
                    automatic.add(flow.target)
                    todo.append(flow.target)
    if automatic & set(receiving):
        return False
    upstream = set(receiving)
    todo = list(receiving)
    manual = False
    while todo:
        system = todo.pop()
        for flow in graph.into[system]:
            if graph.carries(flow, key):
                manual = manual or flow.method is Method.MANUAL
                if flow.source not in upstream:
                    upstream.add(flow.source)
                    todo.append(flow.source)
    return manual


def articulation_points(nodes: Sequence[str], edges: Iterable[tuple[str, str]]) -> tuple[str, ...]:
    """The articulation points of the undirected graph ``nodes`` x ``edges``: the nodes whose
    removal splits their connected component in two or more (Tarjan's low-link algorithm,
    iterative; self-loops and repeated edges change nothing). In the order of ``nodes``.

    >>> articulation_points("ABCD", [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D")])
    ('C',)
    """
    neighbours: dict[str, list[str]] = {node: [] for node in nodes}
    for a, b in edges:
        if a != b and b not in neighbours[a]:
            neighbours[a].append(b)
            neighbours[b].append(a)
    depth: dict[str, int] = {}
    low: dict[str, int] = {}
    found: set[str] = set()
    for root in nodes:
        if root in depth:
            continue
        depth[root] = low[root] = 0
        children = 0
        stack: list[tuple[str, str | None, Iterator[str]]] = [(root, None, iter(neighbours[root]))]
        while stack:
            node, parent, rest = stack[-1]
            child = next(rest, None)
            if child is None:
                stack.pop()
                if parent is not None:
                    low[parent] = min(low[parent], low[node])
                    if parent != root and low[node] >= depth[parent]:
                        found.add(parent)
                continue
            if child == parent:
                continue
            if child in depth:
                low[node] = min(low[node], depth[child])
            else:
                depth[child] = low[child] = depth[node] + 1
                if node == root:
                    children += 1
                stack.append((child, node, iter(neighbours[child])))
        if children >= 2:
            found.add(root)
    return tuple(node for node in nodes if node in found)


def single_points_of_failure(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Systems whose failure would cut use cases off their data. Two rules:

    - ``single_point_of_failure``: a system that is an articulation point of the flow graph
      taken undirected (removing it splits the systems it connects into separate groups) and
      lies on the way of at least one use case's data (an end of a flow serving it, as in
      :func:`flows_serving_no_use_case`, or its system). The use cases are listed.
    - ``only_source`` (info): the only system a data object some use case needs comes from:
      the only one holding it in the data dictionary or, when the dictionary does not mention
      it, the only one sending it by a flow without receiving it by one. The objects and the
      use cases needing them are listed.

    Systems in the order of the Systems sheet, articulation points first.
    """
    graph = MapGraph(data_map)
    edges = [(f.source, f.target) for f in data_map.flows]
    findings = []
    ways = {need.name: set(graph.on_the_way(need)) for need in data_map.use_cases}
    for system in articulation_points(graph.names, edges):
        uses = tuple(need.name for need in data_map.use_cases if system in ways[need.name])
        if uses:
            findings.append(DataFinding("single_point_of_failure", system, {"use_cases": uses}))
    required: dict[str, tuple[str, list[str]]] = {}
    for need in data_map.use_cases:
        for data_object in need.data_objects:
            spelt, uses_of = required.setdefault(match_key(data_object), (data_object, []))
            if need.name not in uses_of:
                uses_of.append(need.name)
    only: dict[str, tuple[list[str], list[str]]] = {}
    for key, (spelt, uses_of) in required.items():
        sources = tuple(s for s in graph.names if key in graph.holds[s])
        if not sources:
            carrying = [f for f in data_map.flows if graph.carries(f, key)]
            received = {f.target for f in carrying}
            sources = graph.sorted(f.source for f in carrying if f.source not in received)
        if len(sources) == 1:
            objects, uses_list = only.setdefault(sources[0], ([], []))
            objects.append(spelt)
            uses_list += [u for u in uses_of if u not in uses_list]
    for system in graph.sorted(only):
        objects, uses_list = only[system]
        findings.append(
            DataFinding(
                "only_source",
                system,
                {"objects": tuple(objects), "use_cases": tuple(uses_list)},
                severity="info",
            )
        )
    return tuple(findings)


def personal_flows_without_legal_basis(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Flows of personal data that state no legal basis (rule
    ``personal_flow_without_legal_basis``): every processing of personal data needs one of the
    six lawful bases of GDPR art. 6(1). In the order of the Flows sheet."""
    return tuple(
        DataFinding(
            "personal_flow_without_legal_basis",
            flow_label(f),
            {"objects": _objects(f.data_objects)},
        )
        for f in data_map.flows
        if f.personal_data and f.legal_basis is None
    )


def personal_data_without_owner(data_map: DataMap) -> tuple[DataFinding, ...]:
    """Systems hosting personal data with no owner (rule ``personal_data_without_owner``).

    A system hosts personal data when it is flagged so on the Systems sheet, holds a personal
    or sensitive field in the data dictionary, or receives or sends a flow of personal data
    (the reasons are listed). Someone must answer for it (GDPR accountability). In the order of
    the Systems sheet.
    """
    graph = MapGraph(data_map)
    findings = []
    for system in data_map.systems:
        reasons = graph.hosts_personal_data(system.name)
        if reasons and not system.owner.strip():
            findings.append(
                DataFinding("personal_data_without_owner", system.name, {"reasons": reasons})
            )
    return tuple(findings)


def collection_points_missing_from_map(
    data_map: DataMap, journey: Journey
) -> tuple[DataFinding, ...]:
    """The journey's collection points the data map does not have. Two rules, touchpoints in
    journey order:

    - ``collection_point_not_in_map`` (info): a touchpoint's collection point that is the name
      of no system of the map (case, accents and spaces ignored; a qualifier in brackets after
      the name, as in "E-commerce platform (baskets)", is allowed): the data collected there
      goes nowhere the audit knows of; add the system, or write its name as on the Systems
      sheet.
    - ``no_collection_point``: a touchpoint that collects data (data collected filled in) but
      does not say where.
    """
    names = {match_key(name) for name in (s.name for s in data_map.systems)}
    findings = []
    for tp in journey_order(journey):
        point = tp.collection_point.strip()
        system = point.split("(", 1)[0]
        if point and match_key(point) not in names and match_key(system) not in names:
            findings.append(
                DataFinding(
                    "collection_point_not_in_map",
                    tp.id,
                    {"collection_point": point},
                    severity="info",
                )
            )
    findings += [
        DataFinding("no_collection_point", tp.id, {"data": tp.data_collected.strip()})
        for tp in missing_collection_points(journey, collecting_only=True)
    ]
    return tuple(findings)


def data_findings(data_map: DataMap, journey: Journey | None = None) -> tuple[DataFinding, ...]:
    """Every check of the data map, in this order: use cases missing data, use cases fed by
    hand, flows serving no use case, single points of failure (and only sources), personal
    flows without a legal basis, personal data without an owner, then, given the journey, its
    collection points missing from the map. See each function for its rule."""
    findings = [
        *use_cases_missing_data(data_map),
        *use_cases_fed_by_hand(data_map),
        *flows_serving_no_use_case(data_map),
        *single_points_of_failure(data_map),
        *personal_flows_without_legal_basis(data_map),
        *personal_data_without_owner(data_map),
    ]
    if journey is not None:
        findings += collection_points_missing_from_map(data_map, journey)
    return tuple(findings)


# --- the coverage matrix -----------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageMatrix:
    """Use cases (rows) x the data objects they need (columns): which systems provide each one.
    A cell exists only where the use case needs the object; an empty one is missing data."""

    use_cases: tuple[str, ...]
    data_objects: tuple[str, ...]
    """Every data object some use case needs, in the order first needed (spelt as first
    written)."""
    cells: Mapping[tuple[str, str], tuple[str, ...]]
    """(use case, data object) -> the systems providing it, in the order of the Systems sheet."""

    def providers(self, use_case: str, data_object: str) -> tuple[str, ...] | None:
        """The systems providing ``data_object`` to ``use_case``; None when it does not need
        it."""
        return self.cells.get((use_case, data_object))

    @property
    def missing(self) -> tuple[tuple[str, str], ...]:
        """(use case, data object) needed and provided by no system, in matrix order."""
        return tuple(pair for pair, systems in self.cells.items() if not systems)


def coverage_matrix(data_map: DataMap) -> CoverageMatrix:
    """The coverage matrix: for each use case and each data object it needs, the systems that
    provide it: the use case's system (or, blank, every activation system) when it holds the
    object (data dictionary), and the source of every flow bringing the object to it. Data
    objects are matched with case and accents ignored and shown as first written."""
    graph = MapGraph(data_map)
    spelling: dict[str, str] = {}
    for need in data_map.use_cases:
        for data_object in need.data_objects:
            spelling.setdefault(match_key(data_object), data_object)
    cells: dict[tuple[str, str], tuple[str, ...]] = {}
    for need in data_map.use_cases:
        for data_object in need.data_objects:
            column = spelling[match_key(data_object)]
            cells[need.name, column] = graph.providers(need, data_object)
    return CoverageMatrix(
        tuple(need.name for need in data_map.use_cases),
        tuple(spelling.values()),
        MappingProxyType(cells),
    )

"""The client's data map: systems, the flows between them, the data dictionary and the data each
use case needs (DOMAIN.md §5, seeds 001 and 002).

A consultant inventories where customer data lives (ERP, e-commerce, CRM, e-mailing tool,
call centre, spreadsheets ...), how it flows (source, target, data objects, frequency, method,
volume, personal data and its legal basis) and what each CRM use case needs, then looks for the
flows no use case needs, the use cases missing data or fed by hand, the single points of
failure, personal data without a legal basis or an owner, and drafts the record of processing
activities (GDPR art. 30) for the client's DPO.

This module is pure: the objects below and the analyses of the map. Reading them from the
workbook is :mod:`crmwb.dataflow.sheets`'s job, drawing the map :mod:`crmwb.dataflow.flow_map`'s.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

from crmwb.core.errors import InputError, Quoted, msg
from crmwb.core.i18n import Lang, number, quoted, t
from crmwb.journey.model import Journey, journey_order, missing_collection_points
from crmwb.plan.model import LabelKey, Severity


class SystemType(StrEnum):
    ERP = "erp"
    ECOMMERCE = "ecommerce"
    CRM = "crm"
    EMAILING = "emailing"
    CALL_CENTRE = "call_centre"
    SPREADSHEET = "spreadsheet"
    OTHER = "other"


class Role(StrEnum):
    """Where a system sits in the map: it creates data (source), consolidates it (hub: the CRM,
    a data warehouse, a CDP) or uses it to reach customers (activation)."""

    SOURCE = "source"
    HUB = "hub"
    ACTIVATION = "activation"


class Method(StrEnum):
    API = "api"
    FILE = "file"
    ETL = "etl"
    MANUAL = "manual"


class FlowFrequency(StrEnum):
    REAL_TIME = "real_time"
    HOURLY = "hourly"
    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"
    ON_DEMAND = "on_demand"


class LegalBasis(StrEnum):
    """The lawful bases of GDPR art. 6(1)."""

    CONSENT = "consent"
    CONTRACT = "contract"
    LEGAL_OBLIGATION = "legal_obligation"
    VITAL_INTERESTS = "vital_interests"
    PUBLIC_TASK = "public_task"
    LEGITIMATE_INTERESTS = "legitimate_interests"


class CustomerRole(StrEnum):
    """What a column of the client's customer file holds (labels ``customer_role.*``): the
    Customer file sheet maps the client's columns to these roles, the audit reads them."""

    RECORD_ID = "record_id"
    EMAIL = "email"
    PHONE = "phone"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    POSTCODE = "postcode"
    CITY = "city"
    COUNTRY = "country"
    LAST_ACTIVITY = "last_activity"
    OPT_IN = "opt_in"
    UNDELIVERABLE = "undeliverable"
    # What else tells customers apart (the deduplication compares each one mapped).
    CIVILITY = "civility"
    BIRTH_NAME = "birth_name"
    BIRTH_DATE = "birth_date"
    BIRTH_DAY = "birth_day"
    BIRTH_MONTH = "birth_month"
    BIRTH_YEAR = "birth_year"
    PHONE_2 = "phone_2"
    STREET_NUMBER = "street_number"
    ADDRESS = "address"
    ADDRESS_2 = "address_2"
    CUSTOMER_NUMBER = "customer_number"
    LOYALTY_NUMBER = "loyalty_number"
    EXTERNAL_ID = "external_id"
    COMPANY_NAME = "company_name"
    COMPANY_ID = "company_id"
    VAT_NUMBER = "vat_number"


@dataclass(frozen=True)
class System:
    """A place where data lives. ``location`` is where it is hosted (a country, "EU", "US" ...;
    blank: unknown) — the register's transfers outside the EU come from it; ``retention`` is how
    long it keeps personal data (free text, e.g. "3 years after the last purchase")."""

    name: str
    type: SystemType = SystemType.OTHER
    role: Role = Role.SOURCE
    owner: str = ""
    personal_data: bool = False
    location: str = ""
    retention: str = ""


@dataclass(frozen=True)
class Flow:
    """Data moving from ``source`` to ``target``: the data objects it carries ("customers",
    "orders" ...), how often, how, how many records a run, whether it carries personal data and
    on which legal basis (None: not stated)."""

    source: str
    target: str
    data_objects: tuple[str, ...]
    frequency: FlowFrequency = FlowFrequency.DAILY
    method: Method = Method.API
    volume: int | None = None
    personal_data: bool = False
    legal_basis: LegalBasis | None = None

    def __post_init__(self) -> None:
        if self.volume is not None and self.volume < 0:
            raise InputError(
                msg("dataflow.err.volume", flow=Quoted(flow_label(self))), found=str(self.volume)
            )


@dataclass(frozen=True)
class DataField:
    """A field of the data dictionary: which system holds it, what it means, which data object
    it belongs to, and whether it is personal (or sensitive: GDPR art. 9) data."""

    system: str
    field: str
    meaning: str = ""
    data_object: str = ""
    personal: bool = False
    sensitive: bool = False


@dataclass(frozen=True)
class UseCaseNeed:
    """A CRM use case (from the relationship plan: ``programme``) and the data objects it needs,
    in the system that runs it (``system``; blank: any activation system)."""

    name: str
    programme: str = ""
    data_objects: tuple[str, ...] = ()
    system: str = ""


@dataclass(frozen=True)
class DataMap:
    """The whole map; names are checked to refer to each other (a flow to an unknown system
    raises :class:`InputError`; the sheet reader checks the same with the cell named). Cycles of
    flows are allowed (a CRM and an e-mailing tool exchange data both ways)."""

    systems: tuple[System, ...]
    flows: tuple[Flow, ...] = ()
    dictionary: tuple[DataField, ...] = ()
    use_cases: tuple[UseCaseNeed, ...] = ()

    def __post_init__(self) -> None:
        names = [s.name for s in self.systems]
        seen: set[str] = set()
        for name in names:
            if name in seen:
                raise InputError(
                    msg("dataflow.err.system_once"),
                    found=msg("dataflow.err.found.twice", name=Quoted(name)),
                )
            seen.add(name)
        known = tuple(Quoted(name) for name in names)
        for flow in self.flows:
            for end in (flow.source, flow.target):
                if end not in seen:
                    raise InputError(
                        msg("dataflow.err.flow_system", flow=Quoted(flow_label(flow)), names=known),
                        found=Quoted(end),
                    )
        for entry in self.dictionary:
            if entry.system not in seen:
                raise InputError(
                    msg("dataflow.err.field_system", field=Quoted(entry.field), names=known),
                    found=Quoted(entry.system),
                )
        for need in self.use_cases:
            if need.system and need.system not in seen:
                raise InputError(
                    msg("dataflow.err.use_case_system", use_case=Quoted(need.name), names=known),
                    found=Quoted(need.system),
                )

    def system(self, name: str) -> System:
        """The system ``name`` (KeyError if there is none)."""
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(name)


# --- the analyses ------------------------------------------------------------------------------

EU_EEA: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "AT": ("Autriche", "Austria"),
        "BE": ("Belgique", "Belgium"),
        "BG": ("Bulgarie", "Bulgaria"),
        "HR": ("Croatie", "Croatia"),
        "CY": ("Chypre", "Cyprus"),
        "CZ": ("Tchéquie", "Czechia"),
        "DK": ("Danemark", "Denmark"),
        "EE": ("Estonie", "Estonia"),
        "FI": ("Finlande", "Finland"),
        "FR": ("France", "France"),
        "DE": ("Allemagne", "Germany"),
        "GR": ("Grèce", "Greece"),
        "HU": ("Hongrie", "Hungary"),
        "IE": ("Irlande", "Ireland"),
        "IT": ("Italie", "Italy"),
        "LV": ("Lettonie", "Latvia"),
        "LT": ("Lituanie", "Lithuania"),
        "LU": ("Luxembourg", "Luxembourg"),
        "MT": ("Malte", "Malta"),
        "NL": ("Pays-Bas", "Netherlands"),
        "PL": ("Pologne", "Poland"),
        "PT": ("Portugal", "Portugal"),
        "RO": ("Roumanie", "Romania"),
        "SK": ("Slovaquie", "Slovakia"),
        "SI": ("Slovénie", "Slovenia"),
        "ES": ("Espagne", "Spain"),
        "SE": ("Suède", "Sweden"),
        "IS": ("Islande", "Iceland"),
        "LI": ("Liechtenstein", "Liechtenstein"),
        "NO": ("Norvège", "Norway"),
    }
)
"""The countries of the European Economic Area (the 27 of the EU, then Iceland, Liechtenstein and
Norway): ISO 3166 code -> (French name, English name). Personal data hosted anywhere else is
transferred outside the EU (GDPR chapter V), adequacy decision or not."""

_EU_ALIASES = (
    "EU",
    "UE",
    "EEA",
    "EEE",
    "EL",  # Greece, in the EU's own codes
    "European Union",
    "Union européenne",
    "European Economic Area",
    "Espace économique européen",
    "Czech Republic",
    "République tchèque",
    "Holland",
    "Hollande",
)


def match_key(text: str) -> str:
    """``text`` with case, accents and repeated spaces ignored (names are matched this way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("\u00a0", " ").split()).casefold()


_EU_KEYS = frozenset(
    match_key(name) for code, names in EU_EEA.items() for name in (code, *names)
) | frozenset(match_key(alias) for alias in _EU_ALIASES)


def in_eu(location: str) -> bool | None:
    """Whether a system's location is in the EU/EEA: None when blank (unknown), True when it is
    an EU/EEA country's ISO code or name (French or English, case and accents ignored) or "EU",
    "UE", "EEA", "EEE", "European Union", "Union européenne" ...; False for anything else
    ("US", "India", "Europe", which may be outside the EEA, "cloud" ...): the DPO checks it.

    >>> in_eu("fr"), in_eu("Union européenne"), in_eu("US"), in_eu(" ")
    (True, True, False, None)
    """
    if not location.strip():
        return None
    return match_key(location) in _EU_KEYS


@dataclass(frozen=True)
class DataFinding:
    """Something a consultant should look at in the data map. ``rule`` names the check (its
    message is the label ``dataflow.finding.<rule>``), ``subject`` what it is about (a use case,
    a system, a flow written "source → target", a touchpoint id), ``values`` the placeholders
    of its message (names, tuples of names, :class:`~crmwb.plan.model.LabelKey`)."""

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
    :class:`~crmwb.plan.model.LabelKey` shown as its label, a number with the locale's separators.

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


def flow_label(flow: Flow) -> str:
    """How a flow is named in findings: ``"ERP → CRM"``."""
    return f"{flow.source} → {flow.target}"


class _Graph:
    """The map as a directed graph of systems, with the lookups the analyses share. Data objects
    and names are compared with case, accents and spaces ignored."""

    def __init__(self, data_map: DataMap) -> None:
        self.map = data_map
        self.names = tuple(s.name for s in data_map.systems)
        self.order = {name: i for i, name in enumerate(self.names)}
        self.into_index: dict[str, list[int]] = {name: [] for name in self.names}
        for i, flow in enumerate(data_map.flows):
            self.into_index[flow.target].append(i)
        self.out: dict[str, list[Flow]] = {name: [] for name in self.names}
        self.into: dict[str, list[Flow]] = {name: [] for name in self.names}
        for flow in data_map.flows:
            self.out[flow.source].append(flow)
            self.into[flow.target].append(flow)
        self.holds: dict[str, set[str]] = {name: set() for name in self.names}
        for entry in data_map.dictionary:
            if entry.data_object.strip():
                self.holds[entry.system].add(match_key(entry.data_object))
        self.activation = tuple(s.name for s in data_map.systems if s.role is Role.ACTIVATION)
        self._reach: dict[str, frozenset[str]] = {}

    def sorted(self, names: Iterable[str]) -> tuple[str, ...]:
        """Systems in the order of the Systems sheet, each once."""
        return tuple(sorted(set(names), key=self.order.__getitem__))

    def targets(self, need: UseCaseNeed) -> tuple[str, ...]:
        """The systems a use case runs in: its own, or every activation system."""
        return (need.system,) if need.system else self.activation

    def reach(self, start: str) -> frozenset[str]:
        """The systems ``start`` reaches through flows, itself included."""
        if start not in self._reach:
            seen = {start}
            todo = [start]
            while todo:
                for flow in self.out[todo.pop()]:
                    if flow.target not in seen:
                        seen.add(flow.target)
                        todo.append(flow.target)
            self._reach[start] = frozenset(seen)
        return self._reach[start]

    @staticmethod
    def carries(flow: Flow, data_object: str) -> bool:
        return match_key(data_object) in {match_key(o) for o in flow.data_objects}

    def serves(self, flow: Flow, need: UseCaseNeed) -> bool:
        """The flow carries a data object the use case needs and its target reaches, through
        flows, the use case's system (or an activation system when it names none)."""
        needed = {match_key(o) for o in need.data_objects}
        if not needed & {match_key(o) for o in flow.data_objects}:
            return False
        return bool(self.reach(flow.target) & set(self.targets(need)))

    def serving(self, need: UseCaseNeed) -> tuple[Flow, ...]:
        return tuple(flow for flow in self.map.flows if self.serves(flow, need))

    def providers(self, need: UseCaseNeed, data_object: str) -> tuple[str, ...]:
        """The systems that provide ``data_object`` to the use case: its system(s) holding it
        (dictionary), and the sources of the flows bringing it to them."""
        found: list[str] = []
        for target in self.targets(need):
            if match_key(data_object) in self.holds[target]:
                found.append(target)
            found += [f.source for f in self.into[target] if self.carries(f, data_object)]
        return self.sorted(found)

    def on_the_way(self, need: UseCaseNeed) -> tuple[str, ...]:
        """The systems on the way of the use case's data: both ends of the flows serving it,
        its own system, and its system(s) holding one of its data objects."""
        names: set[str] = {need.system} if need.system else set()
        for flow in self.serving(need):
            names |= {flow.source, flow.target}
        needed = {match_key(o) for o in need.data_objects}
        names |= {s for s in self.targets(need) if self.holds[s] & needed}
        return self.sorted(names)

    def lineage(self, need: UseCaseNeed) -> tuple[tuple[int, ...], tuple[str, ...]]:
        """Where the use case's data comes from, object by object: from the use case's system
        (or each activation system holding or receiving one of its objects, when it names
        none) back along the flows carrying that object, step by step. Returns those flows
        (their indexes on the Flows sheet, in order) and the systems they link, with the use
        case's own system (Systems sheet order). A flow carrying other objects, or bringing an
        object further than where the use case reads it, is not part of it."""
        starts = set(self.targets(need)) if need.system else set()
        flows: set[int] = set()
        systems: set[str] = set(starts)
        for data_object in need.data_objects:
            key = match_key(data_object)
            todo = [
                name
                for name in self.targets(need)
                if key in self.holds[name] or any(self.carries(f, key) for f in self.into[name])
            ]
            seen = set(todo)
            while todo:
                for i in self.into_index[todo.pop()]:
                    flow = self.map.flows[i]
                    if self.carries(flow, key):
                        flows.add(i)
                        if flow.source not in seen:
                            seen.add(flow.source)
                            todo.append(flow.source)
            systems |= seen
        return tuple(sorted(flows)), self.sorted(systems)

    def hosts_personal_data(self, name: str) -> tuple[LabelKey, ...]:
        """Why ``name`` hosts personal data (empty: it does not)."""
        reasons = []
        if self.map.system(name).personal_data:
            reasons.append(LabelKey("dataflow.reason.flag"))
        if any(e.system == name and (e.personal or e.sensitive) for e in self.map.dictionary):
            reasons.append(LabelKey("dataflow.reason.fields"))
        if any(f.personal_data for f in (*self.into[name], *self.out[name])):
            reasons.append(LabelKey("dataflow.reason.flows"))
        return tuple(reasons)


def hosts_personal_data(data_map: DataMap, name: str) -> bool:
    """Whether the system ``name`` hosts personal data: flagged so on the Systems sheet, or
    holding a personal (or sensitive) field in the data dictionary, or receiving or sending a
    flow of personal data."""
    return bool(_Graph(data_map).hosts_personal_data(name))


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
    graph = _Graph(data_map)
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
    graph = _Graph(data_map)
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
    graph = _Graph(data_map)
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


def _fed_by_hand(graph: _Graph, need: UseCaseNeed, data_object: str) -> bool:
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
    graph = _Graph(data_map)
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
    graph = _Graph(data_map)
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
    graph = _Graph(data_map)
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


# --- the record of processing activities -------------------------------------------------------


class DataSubject(StrEnum):
    """Categories of people whose data is processed (labels ``dataflow.register.people.*``)."""

    CUSTOMERS = "customers"
    PROSPECTS = "prospects"


class RegisterField(StrEnum):
    """The fields of a processing activity's record (GDPR art. 30(1); the CNIL register's)
    (labels ``dataflow.register.field.*``)."""

    PURPOSES = "purposes"
    PEOPLE = "people"
    CATEGORIES = "categories"
    RECIPIENTS = "recipients"
    TRANSFERS = "transfers"
    RETENTION = "retention"
    SECURITY = "security"
    LEGAL_BASIS = "legal_basis"


SECURITY_TO_COMPLETE = LabelKey("dataflow.register.security_to_complete")
"""The security measures of every draft entry: "to be completed by the DPO"."""

_PROSPECT_WORDS = ("prospect", "lead", "acquisition", "recrutement", "recruitment")
_CUSTOMER_WORDS = (
    "client",
    "customer",
    "acheteur",
    "buyer",
    "adherent",
    "member",
    "membre",
    "fidelit",
    "loyalty",
)


@dataclass(frozen=True)
class DataCategory:
    """A category of personal data a processing uses: a data object its use cases need,
    personal because a field of the dictionary holding it in one of the processing's systems
    is personal, or because a flow of personal data brings it to them. Sensitive (GDPR art. 9)
    only when one of those fields is flagged so; ``fields`` names them, ``systems`` are the
    processing's systems holding or receiving it."""

    name: str
    sensitive: bool
    systems: tuple[str, ...]
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Recipient:
    """A system receiving the data, and its owner ("": to complete)."""

    system: str
    owner: str


@dataclass(frozen=True)
class Transfer:
    """A system hosted outside the EU/EEA, and where."""

    system: str
    location: str


@dataclass(frozen=True)
class RegisterEntry:
    """A draft record of one processing activity, for the DPO to complete and validate."""

    name: str
    """The programme, or the use case when it has none."""
    purposes: tuple[str, ...]
    """The use cases' names."""
    people: tuple[DataSubject, ...]
    people_to_confirm: bool
    """True when no category was found in the text and "customers" was assumed."""
    categories: tuple[DataCategory, ...]
    recipients: tuple[Recipient, ...]
    transfers: tuple[Transfer, ...]
    """Systems involved hosted outside the EU/EEA."""
    unknown_locations: tuple[str, ...]
    """Systems involved whose location is not given: transfers to check."""
    retention: tuple[tuple[str, str], ...]
    """(system, retention) for the systems involved hosting personal data ("": unknown)."""
    legal_bases: tuple[LegalBasis, ...]
    """The legal bases stated on the flows serving the use cases."""
    flows_without_basis: tuple[str, ...]
    """The personal flows serving the use cases that state no legal basis."""
    security: LabelKey = SECURITY_TO_COMPLETE

    @property
    def to_complete(self) -> tuple[RegisterField, ...]:
        """The fields left to complete or confirm: the people when assumed; the categories when
        none was found; the recipients when one has no owner; the transfers when a location is
        unknown; the retention when a period is missing or no system was found; the security
        measures always (the DPO's); the legal basis when none is stated or a personal flow
        has none."""
        fields: list[RegisterField] = []
        if self.people_to_confirm:
            fields.append(RegisterField.PEOPLE)
        if not self.categories:
            fields.append(RegisterField.CATEGORIES)
        if not self.recipients or any(not r.owner for r in self.recipients):
            fields.append(RegisterField.RECIPIENTS)
        if self.unknown_locations:
            fields.append(RegisterField.TRANSFERS)
        if not self.retention or any(not period for _, period in self.retention):
            fields.append(RegisterField.RETENTION)
        fields.append(RegisterField.SECURITY)
        if not self.legal_bases or self.flows_without_basis:
            fields.append(RegisterField.LEGAL_BASIS)
        return tuple(fields)


def processing_register(data_map: DataMap) -> tuple[RegisterEntry, ...]:
    """A draft record of processing activities (GDPR art. 30; the CNIL's register), one entry
    per programme of the use cases (in the order first met), then one per use case without a
    programme. Each entry is drawn from its own use cases only, never from the rest of the map:

    - **purposes**: its use cases' names;
    - **people**: prospects when the programme's or a use case's name speaks of prospects
      (prospect, lead, acquisition ...), customers when it speaks of customers (client,
      customer, buyer, member, loyalty ...); neither: customers, to be confirmed;
    - its **flows and systems**: where its use cases' data comes from, object by object
      (:meth:`_Graph.lineage`: from the use case's system back along the flows carrying each
      object it needs), and the use cases' own systems;
    - **categories of data**: the data objects its use cases need that are personal: held in
      one of its systems by a personal (or sensitive) field of the dictionary, or carried by one
      of its personal-data flows; sensitive (art. 9) only when such a field is flagged so;
    - **recipients**: the systems receiving the data (targets of its flows, and the use cases'
      own systems), with their owners;
    - **transfers outside the EU**: its systems whose location is not an EU/EEA country
      (:func:`in_eu`); a blank location is listed as unknown;
    - **retention**: the retention of each of its systems hosting personal data;
    - **security measures**: to be completed by the DPO;
    - **legal basis**: the bases stated on its personal-data flows.

    :attr:`RegisterEntry.to_complete` says which fields are unknown.
    """
    graph = _Graph(data_map)
    groups: dict[str, list[UseCaseNeed]] = {}
    alone: list[UseCaseNeed] = []
    for need in data_map.use_cases:
        if need.programme.strip():
            groups.setdefault(need.programme.strip(), []).append(need)
        else:
            alone.append(need)
    entries = [_entry(graph, name, needs) for name, needs in groups.items()]
    entries += [_entry(graph, need.name, [need]) for need in alone]
    return tuple(entries)


def _entry(graph: _Graph, name: str, needs: Sequence[UseCaseNeed]) -> RegisterEntry:
    dm = graph.map
    text = match_key(" ".join([name, *(n.name for n in needs)]))
    people = []
    if any(word in text for word in _CUSTOMER_WORDS):
        people.append(DataSubject.CUSTOMERS)
    if any(word in text for word in _PROSPECT_WORDS):
        people.append(DataSubject.PROSPECTS)
    assumed = not people
    involved: set[str] = set()
    indexes: set[int] = set()
    receiving: set[str] = set()
    for need in needs:
        its_flows, its_systems = graph.lineage(need)
        involved |= set(its_systems)
        indexes |= set(its_flows)
        receiving |= {dm.flows[i].target for i in its_flows}
        receiving |= set(graph.targets(need)) & set(its_systems)
    flows = [dm.flows[i] for i in sorted(indexes)]
    categories: dict[str, tuple[str, list[str], list[str], bool]] = {}
    for need in needs:
        for data_object in need.data_objects:
            key = match_key(data_object)
            fields = [
                e
                for e in dm.dictionary
                if e.system in involved
                and match_key(e.data_object) == key
                and (e.personal or e.sensitive)
            ]
            carried = [f for f in flows if f.personal_data and graph.carries(f, key)]
            if not fields and not carried:
                continue
            spelt, where, names, sensitive = categories.get(key, (data_object, [], [], False))
            where += [e.system for e in fields] + [f.target for f in carried]
            names += [e.field for e in fields if e.field not in names]
            categories[key] = (spelt, where, names, sensitive or any(e.sensitive for e in fields))
    systems = [dm.system(s) for s in graph.sorted(involved)]
    personal = [s for s in systems if graph.hosts_personal_data(s.name)]
    bases = tuple(dict.fromkeys(f.legal_basis for f in flows if f.personal_data and f.legal_basis))
    return RegisterEntry(
        name=name,
        purposes=tuple(n.name for n in needs),
        people=tuple(people) if people else (DataSubject.CUSTOMERS,),
        people_to_confirm=assumed,
        categories=tuple(
            DataCategory(spelt, sensitive, graph.sorted(where), tuple(names))
            for spelt, where, names, sensitive in categories.values()
        ),
        recipients=tuple(Recipient(s, dm.system(s).owner.strip()) for s in graph.sorted(receiving)),
        transfers=tuple(
            Transfer(s.name, s.location) for s in systems if in_eu(s.location) is False
        ),
        unknown_locations=tuple(s.name for s in systems if in_eu(s.location) is None),
        retention=tuple((s.name, s.retention.strip()) for s in personal),
        legal_bases=bases,
        flows_without_basis=tuple(
            flow_label(f) for f in flows if f.personal_data and f.legal_basis is None
        ),
    )

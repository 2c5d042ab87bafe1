"""The client's data map: systems, the flows between them, the data dictionary and the data each
use case needs (DOMAIN.md §5, seeds 001 and 002).

A consultant inventories where customer data lives (ERP, e-commerce, CRM, e-mailing tool,
call centre, spreadsheets ...), how it flows (source, target, data objects, frequency, method,
volume, personal data and its legal basis) and what each CRM use case needs, then looks for the
flows no use case needs, the use cases missing data or fed by hand, the single points of
failure, personal data without a legal basis or an owner, and drafts the record of processing
activities (GDPR art. 30) for the client's DPO.

This module is pure: the objects below, names matched with case and accents ignored, where a
system is hosted (in the EU/EEA or not), and the map as a graph of systems the analyses share.
The analyses are :mod:`crmwb.dataflow.findings`'s, the record of processing activities
:mod:`crmwb.dataflow.register`'s. Reading them from the workbook is
:mod:`crmwb.dataflow.sheets`'s job, drawing the map :mod:`crmwb.dataflow.flow_map`'s.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core.countries import EU_EEA
from crmwb.core.errors import InputError, Quoted, msg
from crmwb.core.i18n import match_key
from crmwb.plan.checks import LabelKey


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


# --- names and places -------------------------------------------------------------------------


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


# --- the map as a graph -----------------------------------------------------------------------


def flow_label(flow: Flow) -> str:
    """How a flow is named in findings: ``"ERP → CRM"``."""
    return f"{flow.source} → {flow.target}"


class MapGraph:
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
    return bool(MapGraph(data_map).hosts_personal_data(name))

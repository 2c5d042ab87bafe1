"""The client's data map: systems, the flows between them, the data dictionary and the data each
use case needs (DOMAIN.md §5, seeds 001 and 002).

A consultant inventories where customer data lives (ERP, e-commerce, CRM, e-mailing tool,
call centre, spreadsheets ...), how it flows (source, target, data objects, frequency, method,
volume, personal data and its legal basis) and what each CRM use case needs, then looks for the
flows no use case needs, the use cases missing data or fed by hand, the single points of
failure, personal data without a legal basis or an owner, and drafts the record of processing
activities (GDPR art. 30) for the client's DPO.

This module is pure: the objects below and the analyses of the map. Reading them from the
workbook is :mod:`crmwb.dataflow_sheets`'s job, drawing the map :mod:`crmwb.flow_map`'s.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from crmwb.errors import InputError


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
                f"a volume >= 0 for the flow {self.source} -> {self.target}",
                found=repr(self.volume),
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
                raise InputError("each system once", found=f"{name!r} twice")
            seen.add(name)
        for flow in self.flows:
            for end in (flow.source, flow.target):
                if end not in seen:
                    raise InputError(
                        f"a known system for the flow {flow.source} -> {flow.target}"
                        f" (one of {', '.join(names)})",
                        found=repr(end),
                    )
        for entry in self.dictionary:
            if entry.system not in seen:
                raise InputError(
                    f"a known system for the field {entry.field!r}", found=repr(entry.system)
                )
        for need in self.use_cases:
            if need.system and need.system not in seen:
                raise InputError(
                    f"a known system for the use case {need.name!r}", found=repr(need.system)
                )

    def system(self, name: str) -> System:
        """The system ``name`` (KeyError if there is none)."""
        for system in self.systems:
            if system.name == name:
                return system
        raise KeyError(name)

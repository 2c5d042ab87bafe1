"""The draft record of processing activities (GDPR art. 30; the CNIL's register) drawn from the
client's data map, one entry per programme of the use cases, for the DPO to complete and
validate: purposes, people, categories of data, recipients, transfers outside the EU,
retention, security measures and legal bases, and which of them are left to complete.

Pure: a :class:`~crmwb.dataflow.model.DataMap` in; the entries out."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core.i18n import match_key
from crmwb.dataflow.model import DataMap, LegalBasis, MapGraph, UseCaseNeed, flow_label, in_eu
from crmwb.plan.checks import LabelKey


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
      (:meth:`MapGraph.lineage`: from the use case's system back along the flows carrying each
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
    graph = MapGraph(data_map)
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


def _entry(graph: MapGraph, name: str, needs: Sequence[UseCaseNeed]) -> RegisterEntry:
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

"""The mission's through-line (seeds 000-001): one chain from the customer journey to
the tool. A **moment of truth to fix** is addressed by **relationship-marketing programmes**; a
programme runs **functional use cases**; a use case needs **data objects** (available, missing
or fed by hand) that travel through **systems**, and each shortlisted **vendor** covers it, or
not. Each link is computed by its own analysis (journey, plan, data-flow audit, vendor
comparison); this module follows the chain across them and names its **broken links**.

The use cases are the mission's one list, the vendor comparison's "Use cases" sheet
(:class:`~crmwb.vendors.sheet_layout.UseCaseEntry`: an ID, a name, the programme it serves);
the data audit's "Use-case data" (:class:`~crmwb.dataflow.model.UseCaseNeed`) names them to give
their data, matched by name, case and accents ignored (:func:`~crmwb.core.i18n.match_key`). A
use case of "Use-case data" missing from the list (a workbook of an older template) is known
from that sheet only: its coverage is not judged. A use case belongs to the plan's programme
whose name matches the programme either sheet gives it (same matching). Each **ROI lever** says
the programme or use case (its ID) it comes from: a broken link under it exposes its benefits.

Pure: the journey, the plan, the data map, the vendors' coverage and the levers' values (each
or None) in, a :class:`ThroughLine` out. Reading them from a workbook is
:mod:`crmwb.through_line.reading`'s job.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Literal, get_args

from crmwb.core.i18n import match_key
from crmwb.dataflow.findings import (
    collection_points_missing_from_map,
    use_cases_fed_by_hand,
    use_cases_missing_data,
)
from crmwb.dataflow.model import DataMap, MapGraph, UseCaseNeed
from crmwb.journey.model import DEFAULT_RULE, Journey, MomentRule, journey_order, moments_of_truth
from crmwb.plan.kpis import assess_kpi
from crmwb.plan.model import ProgrammeSummary, RelationshipPlan, programme_summary
from crmwb.vendors.comparison import VendorComparison
from crmwb.vendors.model import Coverage
from crmwb.vendors.sheets import VendorInputs

LinkKind = Literal[
    "moment_not_addressed",
    "programme_without_use_case",
    "programme_without_kpi",
    "use_case_without_programme",
    "use_case_not_on_list",
    "use_case_not_covered",
    "use_case_only_other_vendors",
    "use_case_data_missing",
    "use_case_fed_by_hand",
    "collection_point_not_in_map",
    "lever_without_programme",
    "programme_without_lever",
]
"""What kind of link of the chain is broken (see :class:`BrokenLink`)."""

LINK_KINDS: tuple[LinkKind, ...] = get_args(LinkKind)
"""Every kind of broken link, in the order of the chain."""

MESSAGE_KEYS: Mapping[LinkKind, str] = MappingProxyType(
    {kind: f"through_line.broken.{kind}" for kind in LINK_KINDS}
)
"""The i18n key of each kind's what-to-do text (:mod:`crmwb.through_line.views` writes it)."""

Check = Literal[
    "moments_addressed",
    "programmes_with_use_case",
    "programmes_with_business_kpi",
    "use_cases_with_programme",
    "data_use_cases_on_list",
    "use_cases_covered_by_recommended",
    "use_cases_with_data",
    "collection_points_in_map",
    "levers_with_programme",
    "programmes_with_lever",
]
"""A link the completeness score counts (see :class:`Completeness`)."""

CHECKS: tuple[Check, ...] = get_args(Check)
"""Every check, in the order of the chain."""

Part = Literal["data_map", "vendors", "roi"]
"""An input the chain may lack: the data map, the vendor comparison, the ROI's levers."""

DataStatus = Literal["available", "missing", "manual"]
"""A data object a use case needs: provided automatically, provided by no system, or only
through manual flows (:func:`~crmwb.dataflow.findings.use_cases_fed_by_hand`)."""

Source = Literal["data_map", "vendors"]
"""The sheet a use case is known from: "Use-case data" or the vendors' "Use cases"."""


# --- the vendors' side -----------------------------------------------------------------------


@dataclass(frozen=True)
class VendorUseCase:
    """A use case of the vendor comparison: its programme as the sheet writes it and each
    shortlisted vendor's coverage level."""

    name: str
    programme: str = ""
    levels: Mapping[str, Coverage] = field(default_factory=dict, hash=False)
    id: str = ""


@dataclass(frozen=True)
class ShortlistCoverage:
    """What the through-line needs of the vendor comparison: its use cases with the shortlisted
    vendors' coverage, the shortlist (best first) and the recommended vendor (the weighted sum's
    winner, always shortlisted)."""

    use_cases: tuple[VendorUseCase, ...]
    shortlist: tuple[str, ...]
    recommended: str


def shortlist_coverage(inputs: VendorInputs, comparison: VendorComparison) -> ShortlistCoverage:
    """The vendors' side of the chain from the comparison read from the workbook (``inputs``)
    and its result (``comparison``): every row of the Use cases sheet, in order, with the
    levels of the shortlisted vendors only (a vendor without a level for it is left out)."""
    shortlist = comparison.shortlist
    use_cases = tuple(
        VendorUseCase(
            entry.name,
            entry.programme,
            MappingProxyType({v: entry.coverage[v] for v in shortlist if v in entry.coverage}),
            entry.id,
        )
        for entry in inputs.sheets.use_cases
    )
    return ShortlistCoverage(use_cases, shortlist, comparison.weighted_sum.winner)


def covers(level: Coverage | None) -> bool:
    """Whether a coverage level covers the use case: natively, by configuration or by custom
    development; not when "not covered" or unknown (None)."""
    return level is not None and level is not Coverage.NOT_COVERED


# --- the ROI's side --------------------------------------------------------------------------


@dataclass(frozen=True)
class LeverValue:
    """An ROI benefit lever as the chain needs it: its name, the programme or use case it says
    it comes from (as the ROI sheet writes it; "" when it does not say) and its value: its
    benefits in present value, risk-adjusted (they add up to the ROI's risk-adjusted present
    value of the benefits)."""

    name: str
    comes_from: str
    value: float


# --- the chain -------------------------------------------------------------------------------


@dataclass(frozen=True)
class LeverLink:
    """An ROI lever on the chain: what it comes from, matched to the plan's programme
    (``programme``) or to a use case (``use_case``, its name), neither when it names nothing
    the chain knows."""

    name: str
    comes_from: str
    value: float
    programme: str | None = None
    use_case: str | None = None


@dataclass(frozen=True)
class DataNeed:
    """A data object a use case needs, its status and the systems providing it (empty when
    missing)."""

    data_object: str
    status: DataStatus
    providers: tuple[str, ...] = ()


@dataclass(frozen=True)
class UseCaseLink:
    """A functional use case and what it rests on. ``name`` is as first written (the data
    audit's sheet first); ``programmes`` the programme names its sheets give it, each once;
    ``sources`` the sheets it is known from. ``data`` and ``systems`` (on the way of its data,
    :meth:`~crmwb.dataflow.model.MapGraph.on_the_way`) are empty when the data audit does not
    know it; ``coverage`` (shortlisted vendor -> level) is empty and ``recommended_covers``
    None when the vendor comparison does not. ``id``: its reference on the Use cases sheet
    (empty: not given, or known from the data audit only); ``levers``: the ROI levers that say
    they come from it."""

    name: str
    programmes: tuple[str, ...]
    sources: tuple[Source, ...]
    data: tuple[DataNeed, ...] = ()
    systems: tuple[str, ...] = ()
    coverage: Mapping[str, Coverage] = field(default_factory=dict, hash=False)
    recommended_covers: bool | None = None
    id: str = ""
    levers: tuple[LeverLink, ...] = ()

    def objects(self, status: DataStatus) -> tuple[str, ...]:
        """The data objects of this status, in the order the use case needs them."""
        return tuple(d.data_object for d in self.data if d.status == status)

    @property
    def label(self) -> str:
        """« UC-05 Relance des clients inactifs », or its name alone without an ID."""
        return f"{self.id} {self.name}" if self.id else self.name

    @property
    def covering_vendors(self) -> tuple[str, ...]:
        """The shortlisted vendors covering it, in shortlist order."""
        return tuple(v for v, level in self.coverage.items() if covers(level))


@dataclass(frozen=True)
class ProgrammeLink:
    """A programme of the plan: its KPI and whether it measures a business result (the plan's
    checks ``no_kpi`` and ``not_business_kpi``), the touchpoints it addresses (its own, its
    scenarios' and campaigns'), the moments of truth to fix among them (rank order), its
    use cases and the ROI levers that say they come from it (:attr:`levers`)."""

    name: str
    kpi: str
    business_kpi: bool
    touchpoints: tuple[str, ...]
    moments: tuple[str, ...]
    use_cases: tuple[UseCaseLink, ...]
    levers: tuple[LeverLink, ...] = ()

    @property
    def pulled(self) -> tuple[LeverLink, ...]:
        """The ROI levers it pulls: its own, then its use cases' (each once)."""
        seen: dict[str, LeverLink] = {lever.name: lever for lever in self.levers}
        for use_case in self.use_cases:
            for lever in use_case.levers:
                seen.setdefault(lever.name, lever)
        return tuple(seen.values())


@dataclass(frozen=True)
class MomentLink:
    """A moment of truth to fix (its touchpoint, rank and score) and the programmes addressing
    it, in plan order (none: the chain breaks at once)."""

    touchpoint: str
    description: str
    rank: int
    score: int
    programmes: tuple[ProgrammeLink, ...]


@dataclass(frozen=True)
class BrokenLink:
    """A link of the chain that is missing. ``kind`` says which (:data:`LINK_KINDS`; its
    message key in :data:`MESSAGE_KEYS`), ``subject`` what it is about:

    - ``moment_not_addressed``: a moment of truth to fix no programme addresses (its touchpoint
      id; values ``description``);
    - ``programme_without_use_case``: a programme no use case of either sheet belongs to;
    - ``programme_without_kpi``: a programme with no KPI, or one that is not a business KPI
      (values ``kpi`` and ``reason``, the i18n key of :func:`~crmwb.plan.kpis.assess_kpi`'s
      reason, "" for no KPI);
    - ``use_case_not_on_list``: a use case the data audit gives data to that the Use cases
      list does not have (a name written otherwise, or a use case to add to the list; values
      ``suggestion``, the list's closest name, "" when none is close);
    - ``use_case_not_covered``: a use case of the vendor comparison no shortlisted vendor
      covers;
    - ``use_case_only_other_vendors``: one the recommended vendor does not cover and other
      shortlisted vendors do (values ``recommended`` and ``vendors``, those covering it);
    - ``use_case_data_missing`` / ``use_case_fed_by_hand``: a use case of the data audit with
      data provided by no system / only by hand (values ``objects`` and ``system``);
    - ``collection_point_not_in_map``: a collecting touchpoint whose collection point is no
      system of the data map, or that gives none (its id; values ``collection_point``, ""
      when none, and ``data``, what it collects);
    - ``lever_without_programme``: an ROI lever that names no programme of the plan nor use
      case (values ``comes_from``, what it names, "" for nothing);
    - ``programme_without_lever``: a programme no ROI lever comes from (neither from it nor
      from one of its use cases).

    ``levers`` are the ROI levers whose benefits rest on the link (**benefits exposed**): those
    of the programme, or of the use case and of the programmes it serves, or of the programmes
    addressing the touchpoint; the lever itself when it comes from nothing. ``exposed``: their
    risk-adjusted present value.
    """

    kind: LinkKind
    subject: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    levers: tuple[str, ...] = ()
    exposed: float = 0.0

    @property
    def message_key(self) -> str:
        return MESSAGE_KEYS[self.kind]


@dataclass(frozen=True)
class CheckCount:
    """One check of the completeness score: links present out of links expected."""

    check: Check
    present: int
    expected: int


@dataclass(frozen=True)
class Completeness:
    """How complete the chain is: links present / links expected, summed over the checks that
    can be made (:attr:`checks`):

    - ``moments_addressed``: each moment of truth to fix addressed by a programme;
    - ``programmes_with_use_case``: each programme with a use case (either sheet);
    - ``programmes_with_business_kpi``: each programme with a business KPI;
    - ``use_cases_with_programme``: each use case (either sheet) serving a programme of the
      plan (the programme a sheet gives it is one of the plan's);
    - ``data_use_cases_on_list``: each use case the data audit gives data to found on the Use
      cases list (both sheets needed);
    - ``use_cases_covered_by_recommended``: each use case of the vendor comparison covered by
      the recommended vendor;
    - ``use_cases_with_data``: each use case of the data audit with all its data available and
      automated (neither missing nor fed by hand);
    - ``collection_points_in_map``: each collecting touchpoint (data collected or collection
      point filled in) with its collection point a system of the data map;
    - ``levers_with_programme``: each ROI lever coming from a programme of the plan or a use
      case of the chain;
    - ``programmes_with_lever``: each programme pulling an ROI lever.

    score = sum(present) / sum(expected), None when nothing is expected. A check needing an
    input the workbook lacks is left out of both sums (:attr:`skipped`), and the input is
    named in :attr:`not_assessed`: without a data map, the last two; without a vendor
    comparison, the recommended vendor's coverage; without either, the programmes' use cases
    and the use cases' programmes too; without the ROI's levers, the last two.
    """

    checks: tuple[CheckCount, ...]
    skipped: tuple[Check, ...] = ()
    not_assessed: tuple[Part, ...] = ()

    @property
    def present(self) -> int:
        return sum(c.present for c in self.checks)

    @property
    def expected(self) -> int:
        return sum(c.expected for c in self.checks)

    @property
    def score(self) -> float | None:
        return self.present / self.expected if self.expected else None

    def count(self, check: Check) -> CheckCount | None:
        """The check's count, None when it was not assessed."""
        return next((c for c in self.checks if c.check == check), None)


@dataclass(frozen=True)
class ThroughLine:
    """The whole chain: per moment of truth to fix (rank order) its programmes, their use
    cases, data and vendors' coverage (:attr:`moments`); every programme (plan order),
    every use case (the Use cases sheet's order, then the data audit's use cases it does not
    list); the ROI levers (:attr:`levers`, the sheet's order); the broken links in chain
    order, each with the benefits exposed; the completeness score."""

    moments: tuple[MomentLink, ...]
    programmes: tuple[ProgrammeLink, ...]
    use_cases: tuple[UseCaseLink, ...]
    broken: tuple[BrokenLink, ...]
    completeness: Completeness
    recommended: str | None = None
    shortlist: tuple[str, ...] = ()
    levers: tuple[LeverLink, ...] = ()

    @property
    def benefits(self) -> float:
        """The risk-adjusted present value of every lever's benefits."""
        return math.fsum(lever.value for lever in self.levers)

    @property
    def exposed(self) -> float:
        """The benefits resting on at least one broken link, each lever counted once."""
        names = {name for b in self.broken for name in b.levers}
        return math.fsum(lever.value for lever in self.levers if lever.name in names)

    @property
    def programmes_without_moment(self) -> tuple[ProgrammeLink, ...]:
        """The programmes addressing no moment of truth to fix: chains that start elsewhere."""
        return tuple(p for p in self.programmes if not p.moments)

    @property
    def unattached_use_cases(self) -> tuple[UseCaseLink, ...]:
        """The use cases whose programme (on either sheet) is none of the plan's."""
        attached = {u.name for p in self.programmes for u in p.use_cases}
        return tuple(u for u in self.use_cases if u.name not in attached)

    def of_kind(self, kind: LinkKind) -> tuple[BrokenLink, ...]:
        """The broken links of ``kind``, in chain order."""
        return tuple(b for b in self.broken if b.kind == kind)


# --- computing it ----------------------------------------------------------------------------


def through_line(
    journey: Journey,
    plan: RelationshipPlan,
    data_map: DataMap | None = None,
    vendors: ShortlistCoverage | None = None,
    levers: Sequence[LeverValue] | None = None,
    *,
    rule: MomentRule = DEFAULT_RULE,
) -> ThroughLine:
    """Follow the chain from the journey's moments of truth to fix (``rule``) through the plan's
    programmes, the use cases of the data audit (``data_map``) and of the vendor comparison
    (``vendors``), and name its broken links (:class:`BrokenLink`) and its completeness
    (:class:`Completeness`). ``data_map``, ``vendors`` or ``levers`` (the ROI's) None: that
    part of the chain is not assessed. A lever's ``comes_from`` is matched to a use case's ID,
    then to a programme's name, then to a use case's name (case and accents ignored)."""
    to_fix = [m for m in moments_of_truth(journey, rule) if m.to_fix]
    to_fix_ids = [m.touchpoint.id for m in to_fix]
    summaries = programme_summary(plan)
    without_levers = _use_cases(data_map, vendors)
    lever_links = _lever_links(levers or (), without_levers, summaries)
    use_cases = tuple(
        replace(u, levers=tuple(lv for lv in lever_links if lv.use_case == u.name))
        for u in without_levers
    )

    programmes: list[ProgrammeLink] = []
    for summary in summaries:
        key = match_key(summary.name)
        kpi = assess_kpi(summary.kpi)
        programmes.append(
            ProgrammeLink(
                name=summary.name,
                kpi=summary.kpi,
                business_kpi=bool(summary.kpi.strip()) and kpi.reason is None,
                touchpoints=summary.touchpoints,
                moments=tuple(m for m in to_fix_ids if m in summary.touchpoints),
                use_cases=tuple(
                    u for u in use_cases if key in {match_key(p) for p in u.programmes}
                ),
                levers=tuple(lv for lv in lever_links if lv.programme == summary.name),
            )
        )
    moments = tuple(
        MomentLink(
            m.touchpoint.id,
            m.touchpoint.description,
            m.rank,
            m.score,
            tuple(p for p in programmes if m.touchpoint.id in p.moments),
        )
        for m in to_fix
    )

    checks: list[CheckCount] = []
    broken: list[BrokenLink] = []

    missing = [m for m in moments if not m.programmes]
    broken += [
        BrokenLink("moment_not_addressed", m.touchpoint, {"description": m.description})
        for m in missing
    ]
    checks.append(CheckCount("moments_addressed", len(moments) - len(missing), len(moments)))

    assess_use_cases = data_map is not None or vendors is not None
    if assess_use_cases:
        without = [p for p in programmes if not p.use_cases]
        broken += [BrokenLink("programme_without_use_case", p.name) for p in without]
        checks.append(
            CheckCount("programmes_with_use_case", len(programmes) - len(without), len(programmes))
        )

    bad_kpi = [p for p in programmes if not p.business_kpi]
    broken += [
        BrokenLink(
            "programme_without_kpi",
            p.name,
            {"kpi": p.kpi, "reason": assess_kpi(p.kpi).reason or ""},
        )
        for p in bad_kpi
    ]
    checks.append(
        CheckCount("programmes_with_business_kpi", len(programmes) - len(bad_kpi), len(programmes))
    )

    if assess_use_cases:
        attached = {u.name for p in programmes for u in p.use_cases}
        loose = [u for u in use_cases if u.name not in attached]
        broken += [
            BrokenLink("use_case_without_programme", u.name, {"programmes": u.programmes})
            for u in loose
        ]
        checks.append(
            CheckCount("use_cases_with_programme", len(use_cases) - len(loose), len(use_cases))
        )

    if vendors is not None and data_map is not None:
        data_only = [u for u in use_cases if u.sources == ("data_map",)]
        listed = [u.name for u in use_cases if "vendors" in u.sources]
        broken += [
            BrokenLink("use_case_not_on_list", u.name, {"suggestion": _closest(u.name, listed)})
            for u in data_only
        ]
        on_data = [u for u in use_cases if "data_map" in u.sources]
        checks.append(
            CheckCount("data_use_cases_on_list", len(on_data) - len(data_only), len(on_data))
        )

    if vendors is not None:
        known = [u for u in use_cases if "vendors" in u.sources]
        for u in known:
            if not u.covering_vendors:
                broken.append(BrokenLink("use_case_not_covered", u.name))
            elif not u.recommended_covers:
                values: dict[str, object] = {
                    "recommended": vendors.recommended,
                    "vendors": u.covering_vendors,
                }
                broken.append(BrokenLink("use_case_only_other_vendors", u.name, values))
        covered = sum(1 for u in known if u.recommended_covers)
        checks.append(CheckCount("use_cases_covered_by_recommended", covered, len(known)))

    if data_map is not None:
        missing_data = {f.subject: f.values for f in use_cases_missing_data(data_map)}
        by_hand = {f.subject: f.values for f in use_cases_fed_by_hand(data_map)}
        for need in data_map.use_cases:
            if need.name in missing_data:
                values = dict(missing_data[need.name])
                broken.append(BrokenLink("use_case_data_missing", need.name, values))
            if need.name in by_hand:
                broken.append(
                    BrokenLink("use_case_fed_by_hand", need.name, dict(by_hand[need.name]))
                )
        sound = [n for n in data_map.use_cases if n.name not in missing_data | by_hand]
        checks.append(CheckCount("use_cases_with_data", len(sound), len(data_map.use_cases)))

        not_in_map = collection_point_gaps(data_map, journey)
        broken += not_in_map
        collecting = collecting_touchpoints(journey)
        checks.append(
            CheckCount(
                "collection_points_in_map", len(collecting) - len(not_in_map), len(collecting)
            )
        )

    if levers is not None:
        loose_levers = [lv for lv in lever_links if lv.programme is None and lv.use_case is None]
        broken += [
            BrokenLink("lever_without_programme", lv.name, {"comes_from": lv.comes_from})
            for lv in loose_levers
        ]
        checks.append(
            CheckCount(
                "levers_with_programme", len(lever_links) - len(loose_levers), len(lever_links)
            )
        )
        idle = [p for p in programmes if not p.pulled]
        broken += [BrokenLink("programme_without_lever", p.name) for p in idle]
        checks.append(
            CheckCount("programmes_with_lever", len(programmes) - len(idle), len(programmes))
        )

    not_assessed: list[Part] = []
    skipped: list[Check] = []
    if vendors is None:
        not_assessed.append("vendors")
        skipped.append("use_cases_covered_by_recommended")
    if data_map is None:
        not_assessed.insert(0, "data_map")
        skipped += ["use_cases_with_data", "collection_points_in_map"]
    if not assess_use_cases:
        skipped[:0] = ["programmes_with_use_case", "use_cases_with_programme"]
    if vendors is None or data_map is None:
        skipped.append("data_use_cases_on_list")
    if levers is None:
        not_assessed.append("roi")
        skipped += ["levers_with_programme", "programmes_with_lever"]
    skipped.sort(key=CHECKS.index)

    order = {kind: i for i, kind in enumerate(LINK_KINDS)}
    return ThroughLine(
        moments=moments,
        programmes=tuple(programmes),
        use_cases=use_cases,
        broken=tuple(
            _exposed(b, programmes, use_cases, lever_links)
            for b in sorted(broken, key=lambda b: order[b.kind])
        ),
        completeness=Completeness(tuple(checks), tuple(skipped), tuple(not_assessed)),
        recommended=vendors.recommended if vendors is not None else None,
        shortlist=vendors.shortlist if vendors is not None else (),
        levers=lever_links,
    )


def _closest(name: str, names: Sequence[str]) -> str:
    """The name of ``names`` closest to ``name`` (case and accents ignored), "" when none is
    close."""
    keys = {match_key(n): n for n in names}
    close = difflib.get_close_matches(match_key(name), list(keys), n=1, cutoff=0.6)
    return keys[close[0]] if close else ""


def _lever_links(
    levers: Sequence[LeverValue],
    use_cases: Sequence[UseCaseLink],
    programmes: Sequence[ProgrammeSummary],
) -> tuple[LeverLink, ...]:
    """Each lever with the use case or programme it comes from (see :func:`through_line`)."""
    by_id = {match_key(u.id): u.name for u in use_cases if u.id}
    by_programme = {match_key(p.name): p.name for p in programmes}
    by_name = {match_key(u.name): u.name for u in use_cases}
    links = []
    for lever in levers:
        key = match_key(lever.comes_from) if lever.comes_from.strip() else None
        use_case = by_id.get(key) if key else None
        programme = by_programme.get(key) if key and use_case is None else None
        if key and use_case is None and programme is None:
            use_case = by_name.get(key)
        links.append(LeverLink(lever.name, lever.comes_from, lever.value, programme, use_case))
    return tuple(links)


def _exposed(
    link: BrokenLink,
    programmes: Sequence[ProgrammeLink],
    use_cases: Sequence[UseCaseLink],
    levers: Sequence[LeverLink],
) -> BrokenLink:
    """``link`` with the levers whose benefits rest on it and their value (see
    :class:`BrokenLink`)."""
    resting: tuple[LeverLink, ...] = ()
    kind, subject = link.kind, link.subject
    if kind in ("programme_without_use_case", "programme_without_kpi"):
        resting = next((p.pulled for p in programmes if p.name == subject), ())
    elif kind.startswith("use_case_"):
        use_case = next((u for u in use_cases if match_key(u.name) == match_key(subject)), None)
        if use_case is not None:
            served = {match_key(name) for name in use_case.programmes}
            resting = use_case.levers + tuple(
                lv for p in programmes if match_key(p.name) in served for lv in p.levers
            )
    elif kind == "collection_point_not_in_map":
        resting = tuple(lv for p in programmes if subject in p.touchpoints for lv in p.pulled)
    elif kind == "lever_without_programme":
        resting = tuple(lv for lv in levers if lv.name == subject)
    names = tuple(dict.fromkeys(lv.name for lv in resting))
    value = math.fsum(lv.value for lv in levers if lv.name in names)
    return replace(link, levers=names, exposed=value)


def collecting_touchpoints(journey: Journey) -> tuple[str, ...]:
    """The ids of the touchpoints that collect data (data collected or collection point filled
    in), in journey order."""
    return tuple(
        tp.id
        for tp in journey_order(journey)
        if tp.data_collected.strip() or tp.collection_point.strip()
    )


def collection_point_gaps(data_map: DataMap, journey: Journey) -> list[BrokenLink]:
    """The collecting touchpoints whose collection point is not in the data map, or that give
    none (:func:`~crmwb.dataflow.findings.collection_points_missing_from_map`'s two rules), in
    journey order."""
    found = {f.subject: f for f in collection_points_missing_from_map(data_map, journey)}
    gaps = []
    for tp in journey_order(journey):
        if tp.id in found:
            values = {
                "collection_point": str(found[tp.id].values.get("collection_point", "")),
                "data": tp.data_collected.strip(),
            }
            gaps.append(BrokenLink("collection_point_not_in_map", tp.id, values))
    return gaps


def _use_cases(
    data_map: DataMap | None, vendors: ShortlistCoverage | None
) -> tuple[UseCaseLink, ...]:
    """Every use case: the Use cases sheet's (the mission's one list), in its order, each
    with the data the data audit's "Use-case data" gives it (matched by name), then the data
    audit's use cases the list does not have (a workbook of an older template)."""
    needs: Sequence[UseCaseNeed] = data_map.use_cases if data_map is not None else ()
    entries = vendors.use_cases if vendors is not None else ()
    by_key: dict[str, UseCaseNeed] = {}
    for need in needs:
        by_key.setdefault(match_key(need.name), need)
    data = _data_needs(data_map) if data_map is not None else {}
    graph = MapGraph(data_map) if data_map is not None else None

    def data_of(need: UseCaseNeed | None) -> tuple[tuple[DataNeed, ...], tuple[str, ...]]:
        if need is None:
            return (), ()
        return data[need.name], graph.on_the_way(need) if graph is not None else ()

    links: list[UseCaseLink] = []
    seen: set[str] = set()
    for entry in entries:
        key = match_key(entry.name)
        if key in seen:
            continue
        seen.add(key)
        known = by_key.get(key)
        links.append(
            _link(
                entry.name,
                (entry.programme, known.programme if known else ""),
                ("vendors", "data_map") if known else ("vendors",),
                *data_of(known),
                entry,
                vendors,
            )
        )
    for need in needs:
        key = match_key(need.name)
        if key not in seen:
            seen.add(key)
            links.append(
                _link(need.name, (need.programme,), ("data_map",), *data_of(need), None, vendors)
            )
    return tuple(links)


def _link(
    name: str,
    programmes: Sequence[str],
    sources: tuple[Source, ...],
    data: tuple[DataNeed, ...],
    systems: tuple[str, ...],
    entry: VendorUseCase | None,
    vendors: ShortlistCoverage | None,
) -> UseCaseLink:
    folded: dict[str, str] = {}
    for programme in programmes:
        if programme.strip():
            folded.setdefault(match_key(programme), programme.strip())
    coverage: Mapping[str, Coverage] = MappingProxyType(dict(entry.levels)) if entry else {}
    recommended = None
    if entry is not None and vendors is not None:
        recommended = covers(entry.levels.get(vendors.recommended))
    return UseCaseLink(
        name,
        tuple(folded.values()),
        sources,
        data,
        systems,
        coverage,
        recommended,
        entry.id if entry is not None else "",
    )


def _data_needs(data_map: DataMap) -> dict[str, tuple[DataNeed, ...]]:
    """Use case name -> its data objects with their status and providers."""
    graph = MapGraph(data_map)
    by_hand = {f.subject: _names(f.values.get("objects")) for f in use_cases_fed_by_hand(data_map)}
    needs: dict[str, tuple[DataNeed, ...]] = {}
    for need in data_map.use_cases:
        manual = {match_key(o) for o in by_hand.get(need.name, ())}
        objects = []
        for data_object in need.data_objects:
            providers = graph.providers(need, data_object)
            status: DataStatus = (
                "missing"
                if not providers
                else "manual"
                if match_key(data_object) in manual
                else "available"
            )
            objects.append(DataNeed(data_object, status, providers))
        needs.setdefault(need.name, tuple(objects))
    return needs


def _names(value: object) -> tuple[str, ...]:
    """A finding's tuple of names (anything else: none)."""
    return tuple(str(v) for v in value) if isinstance(value, tuple) else ()

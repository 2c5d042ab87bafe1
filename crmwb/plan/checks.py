"""The relationship plan's checks (DOMAIN.md §2, seeds 000 and 001): each rule of
:func:`check_plan` and the findings it gives (programmes with more than two objectives or no
KPI, KPIs that are not business KPIs, moments of truth no action addresses, the marketing
pressure over its caps, convention gaps), written in the reader's language; the finding's
values that are labels (:class:`LabelKey`) and its severity, which the data-flow findings
share."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from crmwb.core.i18n import Lang, has_message, number, plural_count, t, tn
from crmwb.core.i18n import date as long_date
from crmwb.journey.model import ALL_SEGMENTS, Journey
from crmwb.plan.kpis import assess_kpi, folded_text
from crmwb.plan.model import (
    MAX_OBJECTIVES,
    Campaign,
    Conventions,
    Family,
    Programme,
    RelationshipPlan,
    Scenario,
    unique_in_order,
)
from crmwb.plan.pressure import PressureCalendar, marketing_pressure, plan_segments

Severity = Literal["warning", "info"]
"""``warning``: the plan breaks a rule of the method or misses something it needs; ``info``: a
caveat on what the workbench computed from it."""


class LabelKey(str):
    """A value of a finding that is an i18n key (a KPI's reason, a period, a family ...):
    :func:`finding_text` shows its label in the reader's language; it compares equal to the
    plain key."""

    __slots__ = ()


@dataclass(frozen=True)
class PlanFinding:
    """Something a consultant should look at in the plan. ``rule`` names the check (its message
    is the label ``plan.finding.<rule>``), ``subject`` what it is about (a programme, scenario,
    campaign, touchpoint, segment, channel or communication family; empty for the plan as a
    whole), ``values`` the placeholders of its message."""

    rule: str
    subject: str
    values: Mapping[str, object] = field(default_factory=dict, hash=False)
    severity: Severity = "warning"

    @property
    def key(self) -> str:
        """The i18n key of the message."""
        return f"plan.finding.{self.rule}"


SEGMENT_SUBJECTS = frozenset({"pressure_over_cap", "no_pressure_cap"})
"""The rules whose subject is a segment (:data:`ALL_SEGMENTS` included)."""
FAMILY_SUBJECTS = frozenset({"family_without_sender", "shared_ip"})
"""The rules whose subject is a communication family (:class:`Family`'s value)."""


def finding_text(finding: PlanFinding, lang: Lang) -> str:
    """The finding's message in ``lang``: label ``plan.finding.<rule>`` with ``{subject}`` and
    the values, dates written in words, numbers with the locale's separators (one decimal when
    not whole), :class:`LabelKey` values as their label; counted nouns agree with their number
    (« 1 semaine sur 52 », « 2,3 messages »). A finding about every segment (:data:`ALL_SEGMENTS`)
    has its own wording (``plan.finding.<rule>.all``).

    >>> finding_text(PlanFinding("moment_not_addressed", "T07"), "en")
    "No programme, scenario or campaign addresses the moment of truth 'T07'."
    """
    values = {name: _render(value, lang) for name, value in finding.values.items()}
    key = finding.key
    if finding.rule in SEGMENT_SUBJECTS and finding.subject == ALL_SEGMENTS:
        key += ".all"
    if finding.rule == "pressure_over_cap":
        kind = str(finding.values["period"]).rsplit(".", 1)[-1]
        count = int(finding.values["count"])  # type: ignore[call-overload]
        values["over"] = tn(
            f"plan.finding.periods_over.{kind}",
            count,
            lang,
            count=values["count"],
            periods=values["periods"],
        )
        total = float(finding.values["total"])  # type: ignore[arg-type]
        values["messages"] = tn(
            "plan.count.messages", plural_count(_rounded(total), lang), lang, number=values["total"]
        )
    return t(key, lang, subject=finding_subject(finding, lang), **values)


def finding_subject(finding: PlanFinding, lang: Lang) -> str:
    """What the finding is about, as a reader reads it: a communication family by its label,
    every segment as such (« Tous »), a name as given."""
    if finding.rule in FAMILY_SUBJECTS and finding.subject in {f.value for f in Family}:
        return t(f"plan.family.{finding.subject}", lang)
    if finding.rule in SEGMENT_SUBJECTS and finding.subject == ALL_SEGMENTS:
        return t("journey.all_segments", lang)
    return finding.subject


def finding_title(finding: PlanFinding, lang: Lang) -> str:
    """The name of the finding's rule, for a reader (``plan.finding_title.<rule>``)."""
    key = f"plan.finding_title.{finding.rule}"
    return t(key, lang) if has_message(key) else finding.rule


def _rounded(value: float) -> float:
    """``value`` as :func:`finding_text` shows it: one decimal when not whole."""
    return round(value) if round(value, 1) == round(value) else round(value, 1)


def _render(value: object, lang: Lang) -> str:
    if isinstance(value, LabelKey):
        return t(value, lang)
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return number(value, lang)
    if isinstance(value, float):
        whole = round(value, 1) == round(value)
        return number(value, lang, decimals=0 if whole else 1)
    if isinstance(value, dt.date):
        return long_date(value, lang)
    return str(value)


# --- the checks ----------------------------------------------------------------------------


def check_plan(
    plan: RelationshipPlan,
    journey: Journey | None = None,
    moments: Sequence[str] = (),
    pressure: PressureCalendar | None = None,
) -> tuple[PlanFinding, ...]:
    """Every check of the plan, programme by programme (each programme, then its scenarios,
    then its campaigns), then the moments of truth, the marketing pressure and the
    conventions. The rules (rule name first):

    Programmes (seed 000):

    - ``too_many_objectives``: no more than two objectives per programme (each objective needs
      a KPI, and a KPI is costly to maintain).
    - ``no_objective``: a programme must be tied to at least one objective.
    - ``no_kpi``: a programme needs a main KPI.
    - ``not_business_kpi``: its main KPI must measure a business result, not an open rate nor
      a deployment count (:func:`assess_kpi`; ``reason`` says why).
    - ``unrecognised_kpi`` (info): a KPI none of the rules recognises; check it measures a
      business result.
    - ``programme_without_action``: a programme with neither scenario nor campaign does
      nothing.
    - ``unknown_segment``: a programme, scenario, campaign or pressure cap targets a segment
      that is neither "all" nor a segment of the journey (only when the journey has segments).
    - ``unknown_touchpoint``: a programme, scenario or campaign lists a touchpoint id the
      journey does not have (only when a journey is given).
    - ``scenario_without_estimate`` (info): a scenario with no estimate of messages per month
      is left out of the marketing pressure, which is then too low.

    Journey:

    - ``moment_not_addressed``: each moment of truth (``moments``: touchpoint ids) must be
      listed by a programme, a scenario or a campaign.

    Pressure (computed with :func:`marketing_pressure` and the journey's segments when not
    given and the plan has campaigns):

    - ``pressure_over_cap``: one finding per segment and period kind (weeks, then months) over
      the cap, with how many periods are over, and the busiest one (the largest excess over the
      cap, the earliest on a tie): its start, total and cap.

    Conventions (seed 000):

    - ``inactive_before_active``: "inactive" after fewer months without a purchase than
      "active" lasts: the two definitions overlap.
    - ``no_pressure_cap``: when the plan has campaigns, a segment with no cap of its own nor
      one on "all".
    - ``channel_without_opt_in_rule``: every channel a scenario or campaign uses needs an
      opt-in rule (GDPR).
    - ``family_without_sender``: transactional messages always, campaigns when there are
      campaigns, scenarios when there are scenarios, need a sender (address and IP).
    - ``shared_ip``: transactional messages should not share their IP with campaigns or
      scenarios: a bad reputation of the marketing sends would get order confirmations
      blocked or sent to spam.
    """
    touchpoints = {tp.id for tp in journey.touchpoints} if journey is not None else None
    segments: set[str] | None = None
    if journey is not None and journey.segments:
        segments = {s.name for s in journey.segments} | {ALL_SEGMENTS}

    findings: list[PlanFinding] = []
    for programme in plan.programmes:
        findings += _programme_findings(plan, programme)
        findings += _reference_findings("programme", programme, touchpoints, segments)
        for scenario in plan.scenarios:
            if scenario.programme == programme.name:
                findings += _reference_findings("scenario", scenario, touchpoints, segments)
                if scenario.monthly_rate is None:
                    findings.append(
                        PlanFinding("scenario_without_estimate", scenario.name, severity="info")
                    )
        for campaign in plan.campaigns:
            if campaign.programme == programme.name:
                findings += _reference_findings("campaign", campaign, touchpoints, segments)

    addressed = set(addressed_touchpoints(plan))
    findings += [
        PlanFinding("moment_not_addressed", moment)
        for moment in unique_in_order(moments)
        if moment not in addressed
    ]

    if pressure is None and plan.campaigns:
        journey_segments = [s.name for s in journey.segments] if journey is not None else []
        pressure = marketing_pressure(plan, journey_segments)
    if pressure is not None:
        findings += _pressure_findings(pressure)

    findings += _convention_findings(plan, pressure, segments)
    return tuple(findings)


def _programme_findings(plan: RelationshipPlan, programme: Programme) -> list[PlanFinding]:
    name = programme.name
    findings: list[PlanFinding] = []
    if len(programme.objectives) > MAX_OBJECTIVES:
        values: dict[str, object] = {"count": len(programme.objectives), "max": MAX_OBJECTIVES}
        findings.append(PlanFinding("too_many_objectives", name, values))
    elif not programme.objectives:
        findings.append(PlanFinding("no_objective", name))
    if not programme.kpi.strip():
        findings.append(PlanFinding("no_kpi", name))
    else:
        kpi = assess_kpi(programme.kpi)
        if kpi.reason is not None:
            values = {"kpi": programme.kpi, "reason": LabelKey(kpi.reason)}
            findings.append(PlanFinding("not_business_kpi", name, values))
        elif kpi.kind == "unknown":
            findings.append(
                PlanFinding("unrecognised_kpi", name, {"kpi": programme.kpi}, severity="info")
            )
    has_action = any(s.programme == name for s in plan.scenarios) or any(
        c.programme == name for c in plan.campaigns
    )
    if not has_action:
        findings.append(PlanFinding("programme_without_action", name))
    return findings


def _reference_findings(
    what: str,
    item: Programme | Scenario | Campaign,
    touchpoints: set[str] | None,
    segments: set[str] | None,
) -> list[PlanFinding]:
    findings: list[PlanFinding] = []
    label = LabelKey(f"plan.what.{what}")
    if segments is not None and item.segment is not None and item.segment not in segments:
        values = {"what": label, "segment": item.segment}
        findings.append(PlanFinding("unknown_segment", item.name, values))
    if touchpoints is not None:
        findings += [
            PlanFinding("unknown_touchpoint", item.name, {"what": label, "touchpoint": tp})
            for tp in unique_in_order(item.touchpoints)
            if tp not in touchpoints
        ]
    return findings


def addressed_touchpoints(plan: RelationshipPlan) -> tuple[str, ...]:
    """The touchpoint ids the plan addresses: those its programmes, scenarios and campaigns
    list, in that order, each once."""
    return unique_in_order(
        [
            *(tp for p in plan.programmes for tp in p.touchpoints),
            *(tp for s in plan.scenarios for tp in s.touchpoints),
            *(tp for c in plan.campaigns for tp in c.touchpoints),
        ]
    )


def _pressure_findings(pressure: PressureCalendar) -> list[PlanFinding]:
    findings: list[PlanFinding] = []
    kinds = (
        ("week", pressure.weekly, pressure.weeks),
        ("month", pressure.monthly, pressure.months),
    )
    for kind, cells, periods in kinds:
        for segment in pressure.segments:
            over = [cells[segment, p] for p in periods if cells[segment, p].over_cap]
            if not over:
                continue
            worst = max(over, key=lambda c: (c.total - (c.cap or 0.0), -c.start.toordinal()))
            values = {
                "period": LabelKey(f"plan.period.{kind}"),
                "count": len(over),
                "periods": len(periods),
                "start": worst.start,
                "total": worst.total,
                "cap": worst.cap,
            }
            findings.append(PlanFinding("pressure_over_cap", segment, values))
    return findings


def _convention_findings(
    plan: RelationshipPlan, pressure: PressureCalendar | None, segments: set[str] | None
) -> list[PlanFinding]:
    conventions = plan.conventions
    findings: list[PlanFinding] = []
    active, inactive = conventions.active_months, conventions.inactive_months
    if active is not None and inactive is not None and inactive < active:
        values: dict[str, object] = {"active": active, "inactive": inactive}
        findings.append(PlanFinding("inactive_before_active", "", values))

    if segments is not None:
        cap_label = LabelKey("plan.what.cap")
        findings += [
            PlanFinding("unknown_segment", cap.segment, {"what": cap_label, "segment": cap.segment})
            for cap in conventions.caps
            if cap.segment not in segments
        ]

    if plan.campaigns:
        rows = pressure.segments if pressure is not None else plan_segments(plan) or (ALL_SEGMENTS,)
        findings += [
            PlanFinding("no_pressure_cap", row) for row in rows if conventions.cap_for(row) is None
        ]

    with_rule = {folded_text(rule.channel) for rule in conventions.opt_in}
    actions: list[Scenario | Campaign] = [*plan.scenarios, *plan.campaigns]
    channels = unique_in_order([a.channel.strip() for a in actions])
    seen: set[str] = set()
    for channel in channels:
        folded = folded_text(channel)
        if folded and folded not in with_rule and folded not in seen:
            seen.add(folded)
            findings.append(PlanFinding("channel_without_opt_in_rule", channel))

    used = [Family.TRANSACTIONAL]
    used += [Family.CAMPAIGNS] if plan.campaigns else []
    used += [Family.SCENARIOS] if plan.scenarios else []
    with_sender = {s.family for s in conventions.senders}
    findings += [
        PlanFinding("family_without_sender", family.value, {"family": _family_label(family)})
        for family in used
        if family not in with_sender
    ]

    transactional = _ips(conventions, Family.TRANSACTIONAL)
    for family in (Family.CAMPAIGNS, Family.SCENARIOS):
        shared = [ip for ip in _ips(conventions, family) if ip in transactional]
        if shared:
            values = {"ip": ", ".join(shared), "family": _family_label(family)}
            findings.append(PlanFinding("shared_ip", Family.TRANSACTIONAL.value, values))
    return findings


def _family_label(family: Family) -> LabelKey:
    return LabelKey(f"plan.family.{family.value}")


def _ips(conventions: Conventions, family: Family) -> tuple[str, ...]:
    return unique_in_order(
        [s.ip.strip().lower() for s in conventions.senders if s.family == family and s.ip.strip()]
    )

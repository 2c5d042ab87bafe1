"""The relationship-marketing plan: programmes, scenarios, campaigns and the internal
conventions (DOMAIN.md §2, seeds 000 and 001).

A plan is a set of **programmes** (welcome, reactivation, loyalty ...), each with at most two
objectives, one main business KPI and a target segment, animated by two kinds of actions:
**scenarios** (automated, triggered by a behaviour or an event, with a delay and a frequency
cap) and **campaigns** (one-off sends on a date). The **conventions** say what "active" and
"inactive" mean, cap the marketing pressure per segment per week and per month, set the opt-in
rule per channel and the sender address and IP per communication family.

This module is pure: the objects below and the plan checks (programmes with more than two
objectives or no KPI, KPIs that are not business KPIs, moments of truth no action addresses,
the marketing pressure per segment per week and per month against the caps, convention gaps).
Reading them from the workbook is :mod:`crmwb.journey.sheets`'s job.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Literal

from babel import Locale

from crmwb.core.errors import InputError, Number, Quoted, msg
from crmwb.core.i18n import Lang, babel_locale, has_message, number, t, tn
from crmwb.core.i18n import date as long_date
from crmwb.journey.model import ALL_SEGMENTS, Journey

MAX_OBJECTIVES = 2
"""Seed 000: "no more than two objectives per relationship programme"."""


class OptIn(StrEnum):
    """The consent a channel requires before a commercial message (GDPR / RGPD, CNIL)."""

    OPT_IN = "opt-in"  # prior, explicit consent
    SOFT_OPT_IN = "soft opt-in"  # existing customers, similar products, easy opt-out
    OPT_OUT = "opt-out"  # allowed until the person objects (postal mail, B2B e-mail)


class Family(StrEnum):
    """Communication families, each with its sender address and IP (seed 000)."""

    TRANSACTIONAL = "transactional"
    CAMPAIGNS = "campaigns"
    SCENARIOS = "scenarios"


@dataclass(frozen=True)
class Programme:
    """A relationship programme. ``objectives`` may hold more than two: the plan checks report
    it (a finding, not an error). ``touchpoints`` are the ids of the journey's touchpoints the
    programme addresses (its moments of truth)."""

    name: str
    objectives: tuple[str, ...] = ()
    kpi: str = ""
    segment: str = ALL_SEGMENTS
    touchpoints: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True)
class Scenario:
    """An automated action of a programme: a trigger (an event or a behaviour), a channel, a
    delay after the trigger, and a frequency cap: at most one message per contact every
    ``cap_days`` days (None: no cap). ``monthly_rate`` is the consultant's estimate of the
    messages a contact of the target segment receives from it in a month, before the cap (a
    birthday e-mail: 1/12); None leaves the scenario out of the pressure computation (and the
    checks say so). ``segment`` None means the programme's segment."""

    name: str
    programme: str
    trigger: str
    channel: str
    delay_days: float = 0
    cap_days: float | None = None
    monthly_rate: float | None = None
    segment: str | None = None
    touchpoints: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        name = Quoted(self.name)
        if self.delay_days < 0:
            raise InputError(msg("plan.err.delay", name=name), found=Number(float(self.delay_days)))
        if self.cap_days is not None and self.cap_days <= 0:
            raise InputError(msg("plan.err.cap", name=name), found=Number(float(self.cap_days)))
        if self.monthly_rate is not None and self.monthly_rate < 0:
            raise InputError(
                msg("plan.err.monthly_rate", name=name), found=Number(float(self.monthly_rate))
            )


@dataclass(frozen=True)
class Campaign:
    """A one-off send: one message to every contact of ``segment`` on ``date``."""

    name: str
    programme: str
    date: dt.date
    segment: str = ALL_SEGMENTS
    channel: str = ""
    touchpoints: tuple[str, ...] = ()


@dataclass(frozen=True)
class PressureCap:
    """At most ``per_week`` and ``per_month`` messages to a contact of ``segment`` (None: no
    cap on that period). A cap on :data:`ALL_SEGMENTS` applies to every segment without its
    own."""

    segment: str
    per_week: float | None = None
    per_month: float | None = None


@dataclass(frozen=True)
class OptInRule:
    """The consent rule of a channel."""

    channel: str
    rule: OptIn
    notes: str = ""


@dataclass(frozen=True)
class Sender:
    """The sender address and sending IP (or IP pool) of a communication family."""

    family: Family
    address: str
    ip: str = ""


@dataclass(frozen=True)
class Conventions:
    """The internal conventions: a client is **active** when it bought in the last
    ``active_months`` months, **inactive** after ``inactive_months`` months without a purchase
    (between the two: "at risk"); pressure caps; opt-in rules; senders."""

    active_months: int | None = None
    inactive_months: int | None = None
    caps: tuple[PressureCap, ...] = ()
    opt_in: tuple[OptInRule, ...] = ()
    senders: tuple[Sender, ...] = ()

    def cap_for(self, segment: str) -> PressureCap | None:
        """The pressure cap of ``segment``: its own, else the cap on :data:`ALL_SEGMENTS`, else
        None (the first one when several are given)."""
        own = next((c for c in self.caps if c.segment == segment), None)
        return own or next((c for c in self.caps if c.segment == ALL_SEGMENTS), None)


@dataclass(frozen=True)
class RelationshipPlan:
    """The plan: programmes and their actions, and the conventions."""

    programmes: tuple[Programme, ...]
    scenarios: tuple[Scenario, ...] = ()
    campaigns: tuple[Campaign, ...] = ()
    conventions: Conventions = Conventions()

    def __post_init__(self) -> None:
        names = [p.name for p in self.programmes]
        if len(set(names)) != len(names):
            twice = next(n for n in names if names.count(n) > 1)
            raise InputError(
                msg("journey.err.once", what=msg("journey.err.what.programme")),
                found=msg("journey.err.found.twice", name=Quoted(twice)),
            )
        known = set(names)
        actions: list[Scenario | Campaign] = [*self.scenarios, *self.campaigns]
        for action in actions:
            if action.programme not in known:
                raise InputError(
                    msg(
                        "plan.err.known_programme",
                        action=Quoted(action.name),
                        names=tuple(Quoted(name) for name in names),
                    ),
                    found=Quoted(action.programme),
                )

    def programme(self, name: str) -> Programme:
        """The programme ``name`` (KeyError if there is none)."""
        for programme in self.programmes:
            if programme.name == name:
                return programme
        raise KeyError(name)

    def segment_of(self, scenario: Scenario) -> str:
        """The segment a scenario targets: its own, or its programme's."""
        return scenario.segment or self.programme(scenario.programme).segment


# --- marketing pressure ------------------------------------------------------------------------


@dataclass(frozen=True)
class PressureCell:
    """The messages a contact of ``segment`` receives in one period (an ISO week, starting on
    its Monday, or a calendar month, starting on its 1st): ``campaigns`` counted from the
    campaign calendar, ``scenarios`` estimated from the scenarios' monthly rates, against the
    cap of the conventions (None: no cap)."""

    segment: str
    start: dt.date
    campaigns: int
    scenarios: float
    cap: float | None

    @property
    def total(self) -> float:
        return self.campaigns + self.scenarios

    @property
    def over_cap(self) -> bool:
        return self.cap is not None and self.total > self.cap + 1e-9


@dataclass(frozen=True)
class PressureCalendar:
    """Marketing pressure per segment, per week and per month, over the weeks and months the
    campaign calendar spans (``weeks``: Mondays, ``months``: first days, both in order)."""

    segments: tuple[str, ...]
    weeks: tuple[dt.date, ...]
    months: tuple[dt.date, ...]
    weekly: dict[tuple[str, dt.date], PressureCell]
    monthly: dict[tuple[str, dt.date], PressureCell]

    def over_caps(self) -> list[PressureCell]:
        """Every week and month over its cap, weeks first, in calendar then segment order."""
        return [
            *(
                self.weekly[s, w]
                for w in self.weeks
                for s in self.segments
                if self.weekly[s, w].over_cap
            ),
            *(
                self.monthly[s, m]
                for m in self.months
                for s in self.segments
                if self.monthly[s, m].over_cap
            ),
        ]


# --- the plan checks ---------------------------------------------------------------------------

Severity = Literal["warning", "info"]
"""``warning``: the plan breaks a rule of the method or misses something it needs; ``info``: a
caveat on what the workbench computed from it."""

KpiKind = Literal["business", "operational", "not_business", "unknown"]

DAYS_PER_MONTH = 365.25 / 12
"""30.4375 days: a frequency cap of one message every ``cap_days`` days allows at most
``DAYS_PER_MONTH / cap_days`` messages a month."""

WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12


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


def plural_count(value: float, lang: Lang) -> int:
    """The count that chooses the plural form of a noun after ``value`` as it is shown (a
    rounded decimal): 1,5 takes the singular in French, 1.5 the plural in English.

    >>> plural_count(1.5, "fr"), plural_count(1.5, "en"), plural_count(0, "fr")
    (1, 2, 1)
    """
    return 1 if Locale.parse(babel_locale(lang)).plural_form(value) == "one" else 2


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


# --- KPIs ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KpiAssessment:
    """What kind of indicator a KPI is. ``reason`` is an i18n key (``plan.kpi_reason.<key>``)
    saying why a KPI is not a business KPI, None for a business or unrecognised one."""

    kind: KpiKind
    reason: str | None = None


def _words(*patterns: str) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(patterns) + r")\b")


_NOT_BUSINESS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "open_rate",
        _words(
            r"open(?:ing)? rates?",
            r"opens",
            r"openers",
            r"taux d ouvertures?",
            r"(?:nombre|nb) d ouvertures",
            r"(?:e ?mails?|messages?) ouverts",
            r"ouvreurs",
        ),
    ),
    (
        "click_rate",
        _words(
            r"click ?through(?: rates?)?",
            r"clicks?(?: rates?)?",
            r"clickers",
            r"ctr",
            r"ctor",
            r"taux de clics?",
            r"clics?",
            r"cliqueurs",
        ),
    ),
    (
        "deliverability",
        _words(
            r"deliverability",
            r"delivrabilite",
            r"delivery rates?",
            r"taux de delivrance",
            r"inbox placement",
        ),
    ),
    ("bounce", _words(r"bounces?", r"bounced", r"bounce rates?", r"rebonds?")),
    ("unsubscribe", _words(r"unsubscri\w*", r"opt ?outs?", r"desabonn\w*", r"desinscri\w*")),
    ("impressions", _words(r"impressions?")),
    ("reach", _words(r"reach", r"portee")),
    ("page_views", _words(r"page ?views?", r"pages? vues?")),
    ("social_audience", _words(r"likes?", r"followers?", r"abonnes", r"fans", r"j aime")),
    (
        "send_volume",
        _words(
            r"(?:messages?|e ?mails?|sms|notifications?|newsletters?) (?:sent|envoyes?|envoyees?)",
            r"send(?:ing)? volumes?",
            r"(?:number|volume) of sends",
            r"volumes? d envois?",
            r"(?:nombre|nb) d envois",
        ),
    ),
)

_BUSINESS = _words(
    r"sales?",
    r"ventes?",
    r"revenues?",
    r"turnover",
    r"chiffres? d affaires?",
    r"ca",
    r"reactivat\w*",
    r"reactive(?:e|s|es)?",
    r"retention",
    r"churn",
    r"attrition",
    r"fidelisation",
    r"average (?:basket|order value|order)s?",
    r"aov",
    r"paniers? moyens?",
    r"purchases?",
    r"purchasers?",
    r"buyers?",
    r"acheteurs?",
    r"achats?",
    r"reachats?",
    r"rachats?",
    r"repeat (?:purchases?|orders?|buyers?)",
    r"conversions?",
    r"taux de transformation",
    r"clv",
    r"ltv",
    r"cltv",
    r"lifetime value",
    r"customer value",
    r"valeur (?:vie )?clients?",
    r"up ?sell\w*",
    r"cross ?sell\w*",
    r"ventes? (?:additionnelles?|croisees?)",
    r"nps",
    r"net promoter",
    r"satisfaction",
    r"csat",
    r"margins?",
    r"marges?",
    r"orders?",
    r"commandes?",
)

_ACTIONS = r"(?:scenarios?|campaigns?|campagnes?|use cases?|cas d usage|workflows?|automations?)"
_OPERATIONAL = _words(
    _ACTIONS
    + r" (?:\w+ ){0,3}?(?:deployed|deployes?|deployees?|launched|lances?|lancees?|live|activated"
    r"|actives?|set up|mise?s? en place|improved|ameliore(?:e|s|es)?|delivered|livre(?:e|s|es)?"
    r"|en production|in production)",
    r"(?:deployment|deploiement|mise en place|launch|lancement|roll ?out)s? (?:\w+ ){0,3}?"
    + _ACTIONS,
    r"(?:number of|nombre de|nb de|nb|x|\d+) (?:\w+ )?" + _ACTIONS,
)

_CLICK_AND_COLLECT = re.compile(r"\bclick (?:and |n )?collect\b")


def _fold(text: str) -> str:
    """Lower case, accents stripped, every run of non-letters and non-digits as one space."""
    plain = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^a-z0-9]+", " ", plain.lower()).split())


def assess_kpi(kpi: str) -> KpiAssessment:
    """Whether a KPI measures a business result (seed 000: "le taux d'ouverture d'un message
    n'est pas un indicateur business, à la différence par exemple du nombre de ventes
    additionnelles générées par la campagne").

    The rules read the KPI's words, in French or English, whatever the accents and case:

    - **not business** (with the reason why): open rate / taux d'ouverture, click(-through)
      rate / CTR / taux de clic, deliverability / délivrabilité, bounces / rebonds,
      unsubscribes / désabonnements / désinscriptions, impressions, reach / portée, page views
      / pages vues, likes / followers / abonnés, messages sent / volume d'envoi / nombre
      d'e-mails envoyés. These win over business words: "open rate of the sales newsletter" is
      still an open rate. ("Click and collect" is a way to buy, not a click.)
    - **business**: sales / ventes / revenue / chiffre d'affaires / CA, reactivated /
      réactivés, retention / rétention / churn / attrition, average basket / panier moyen,
      purchases / achats / réachat, conversion, CLV / LTV / valeur client, upsell /
      cross-sell / ventes additionnelles, NPS / satisfaction, margin / marge, orders /
      commandes.
    - **operational** (no business word): scenarios deployed / scénarios déployés / campaigns
      launched / X scénarios. Fine to follow the deployment, not as a programme's main KPI.
    - **unknown**: none of these words (an empty KPI too).

    >>> assess_kpi("Nombre de clients réactivés").kind
    'business'
    >>> assess_kpi("Taux d'ouverture de la newsletter soldes")
    KpiAssessment(kind='not_business', reason='plan.kpi_reason.open_rate')
    >>> assess_kpi("X scénarios déployés").kind
    'operational'
    """
    text = _CLICK_AND_COLLECT.sub("clickcollect", _fold(kpi))
    if not text:
        return KpiAssessment("unknown")
    for key, pattern in _NOT_BUSINESS:
        if pattern.search(text):
            return KpiAssessment("not_business", f"plan.kpi_reason.{key}")
    if _BUSINESS.search(text):
        return KpiAssessment("business")
    if _OPERATIONAL.search(text):
        return KpiAssessment("operational", "plan.kpi_reason.operational")
    return KpiAssessment("unknown")


KPI_REASONS: tuple[str, ...] = (*(key for key, _ in _NOT_BUSINESS), "operational")
"""The reasons :func:`assess_kpi` gives (labels ``plan.kpi_reason.<reason>``)."""


# --- marketing pressure ----------------------------------------------------------------------


def _monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def _first_of_month(day: dt.date) -> dt.date:
    return day.replace(day=1)


def _months(first: dt.date, last: dt.date) -> Iterator[dt.date]:
    month = _first_of_month(first)
    while month <= last:
        yield month
        month = (month + dt.timedelta(days=32)).replace(day=1)


def _unique(names: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def plan_segments(plan: RelationshipPlan) -> tuple[str, ...]:
    """The segments the plan names, other than :data:`ALL_SEGMENTS`, in the order they first
    appear: programmes, scenarios, campaigns, then the pressure caps."""
    named = [
        *(p.segment for p in plan.programmes),
        *(plan.segment_of(s) for s in plan.scenarios),
        *(c.segment for c in plan.campaigns),
        *(c.segment for c in plan.conventions.caps),
    ]
    return _unique([s for s in named if s != ALL_SEGMENTS])


def scenario_monthly_rate(scenario: Scenario) -> float | None:
    """The messages per contact per month a scenario adds to the pressure: its estimate
    ``monthly_rate``, no more than its frequency cap allows (one message every ``cap_days``
    days is at most 30.4375 / ``cap_days`` a month). None when there is no estimate.

    >>> scenario_monthly_rate(Scenario("Cart", "P", "cart abandoned", "email", monthly_rate=4,
    ...                                cap_days=14))
    2.174107142857143
    """
    if scenario.monthly_rate is None:
        return None
    if scenario.cap_days is None:
        return float(scenario.monthly_rate)
    return min(float(scenario.monthly_rate), DAYS_PER_MONTH / scenario.cap_days)


def marketing_pressure(
    plan: RelationshipPlan,
    segments: Sequence[str] = (),
    *,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> PressureCalendar:
    """The messages a contact of each segment receives per ISO week and per calendar month.

    - Rows: the ``segments`` given, then those the plan names (:func:`plan_segments`), in that
      order, never "all"; a single row "all" when there is none.
    - Periods: the ISO weeks (from their Monday) and the calendar months from ``start`` to
      ``end``, by default from the first to the last campaign date. A plan with no campaign
      needs both ``start`` and ``end`` (:class:`InputError` otherwise). Campaigns outside
      [``start``, ``end``] are ignored, even when their week or month is shown.
    - A campaign counts one message in its segment's row, or in every row when it targets
      "all".
    - A scenario adds its :func:`scenario_monthly_rate` to its segment's row (every row for
      "all"): in full to each month, even a month only partly inside [``start``, ``end``], and
      x 12 / 52 to each week. A scenario with no estimate adds nothing (the checks say so).
    - The cap of a row is the segment's :class:`PressureCap`, else the one on "all", else none:
      its ``per_week`` for weeks, its ``per_month`` for months.
    """
    rows = _unique([s for s in segments if s != ALL_SEGMENTS]) + plan_segments(plan)
    rows = _unique(rows) or (ALL_SEGMENTS,)
    dates = [c.date for c in plan.campaigns]
    if (start is None or end is None) and not dates:
        none = msg("err.found.none")
        raise InputError(
            msg("plan.err.pressure_dates"),
            found=msg(
                "plan.err.found.start_end",
                start=start.isoformat() if start else none,
                end=end.isoformat() if end else none,
            ),
        )
    first = start if start is not None else min(dates)
    last = end if end is not None else max(dates)
    if last < first:
        raise InputError(
            msg("plan.err.pressure_end", start=first.isoformat()), found=last.isoformat()
        )
    weeks = tuple(
        _monday(first) + dt.timedelta(weeks=i)
        for i in range((_monday(last) - _monday(first)).days // 7 + 1)
    )
    months = tuple(_months(first, last))

    per_week: Counter[tuple[str, dt.date]] = Counter()
    per_month: Counter[tuple[str, dt.date]] = Counter()
    for campaign in plan.campaigns:
        if not first <= campaign.date <= last:
            continue
        for row in rows if campaign.segment == ALL_SEGMENTS else (campaign.segment,):
            per_week[row, _monday(campaign.date)] += 1
            per_month[row, _first_of_month(campaign.date)] += 1

    scenario_rate = dict.fromkeys(rows, 0.0)
    for scenario in plan.scenarios:
        rate = scenario_monthly_rate(scenario)
        if rate is None:
            continue
        segment = plan.segment_of(scenario)
        for row in rows if segment == ALL_SEGMENTS else (segment,):
            scenario_rate[row] += rate

    weekly: dict[tuple[str, dt.date], PressureCell] = {}
    monthly: dict[tuple[str, dt.date], PressureCell] = {}
    for row in rows:
        cap = plan.conventions.cap_for(row)
        week_rate = scenario_rate[row] * MONTHS_PER_YEAR / WEEKS_PER_YEAR
        for week in weeks:
            weekly[row, week] = PressureCell(
                row, week, per_week[row, week], week_rate, cap.per_week if cap else None
            )
        for month in months:
            monthly[row, month] = PressureCell(
                row,
                month,
                per_month[row, month],
                scenario_rate[row],
                cap.per_month if cap else None,
            )
    return PressureCalendar(rows, weeks, months, weekly, monthly)


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
        for moment in _unique(moments)
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
            for tp in _unique(item.touchpoints)
            if tp not in touchpoints
        ]
    return findings


def addressed_touchpoints(plan: RelationshipPlan) -> tuple[str, ...]:
    """The touchpoint ids the plan addresses: those its programmes, scenarios and campaigns
    list, in that order, each once."""
    return _unique(
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

    with_rule = {_fold(rule.channel) for rule in conventions.opt_in}
    actions: list[Scenario | Campaign] = [*plan.scenarios, *plan.campaigns]
    channels = _unique([a.channel.strip() for a in actions])
    seen: set[str] = set()
    for channel in channels:
        folded = _fold(channel)
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
    return _unique(
        [s.ip.strip().lower() for s in conventions.senders if s.family == family and s.ip.strip()]
    )


# --- programme summary ------------------------------------------------------------------------


@dataclass(frozen=True)
class ProgrammeSummary:
    """One line of the plan's overview: what a programme does, on which channels, for which
    touchpoints, and what kind of KPI follows it."""

    name: str
    segment: str
    objectives: int
    scenarios: int
    campaigns: int
    channels: tuple[str, ...]
    touchpoints: tuple[str, ...]
    kpi: str
    kpi_kind: KpiKind


def programme_summary(plan: RelationshipPlan) -> tuple[ProgrammeSummary, ...]:
    """Per programme, in plan order: its number of objectives, scenarios and campaigns, the
    channels they use (scenarios first, then campaigns, each once), the touchpoints it
    addresses (its own, its scenarios', its campaigns', each once) and its KPI's kind."""
    summaries: list[ProgrammeSummary] = []
    for programme in plan.programmes:
        scenarios = [s for s in plan.scenarios if s.programme == programme.name]
        campaigns = [c for c in plan.campaigns if c.programme == programme.name]
        actions: list[Scenario | Campaign] = [*scenarios, *campaigns]
        summaries.append(
            ProgrammeSummary(
                name=programme.name,
                segment=programme.segment,
                objectives=len(programme.objectives),
                scenarios=len(scenarios),
                campaigns=len(campaigns),
                channels=_unique([a.channel.strip() for a in actions if a.channel.strip()]),
                touchpoints=_unique(
                    [*programme.touchpoints, *(tp for a in actions for tp in a.touchpoints)]
                ),
                kpi=programme.kpi,
                kpi_kind=assess_kpi(programme.kpi).kind,
            )
        )
    return tuple(summaries)

"""The through-line (crmwb.through_line): the chain from the moments of truth to the vendors, its
broken links and its completeness, on a small hand-made mission worked out by hand, then on both
example clients, whose broken links are listed one by one.

The hand-made mission, every link of it:

    Journey (stage Purchase, channel Web), moments of truth = importance >= 4:
      T1 importance 5, disappointment: score 10, to fix; collects "Order" at "Shop (orders)"
      T2 importance 4, friction: score 4, to fix; collects "E-mail address", says not where
      T3 importance 4, satisfaction: score 0, to keep up; collects "Card" at "Till"
    Plan:
      Welcome  KPI "Sales from new customers" (business), addresses T1
      News     KPI "Open rate" (not business), addresses T3 (no moment to fix)
    Data map: Shop (source) --customers--> CRM (hub) --customers--> Mailer (activation),
              Spreadsheet (source) --vouchers, by hand--> Mailer
      use case "Welcome e-mail" (programme "welcome"), in Mailer: customers (via CRM),
      vouchers (only by hand), baskets (from nowhere)
    Vendors: shortlist A (recommended), B; Use cases sheet:
      "Welcome E-MAIL" (programme Welcome): A native, B not covered  -> the same use case
      "Store app" (programme Welcome): A not covered, B not covered
      "Chatbot" (programme Service, not in the plan): A not covered, B configuration
"""

from __future__ import annotations

import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.dataflow.model import DataMap, Flow, Method, Role, System, UseCaseNeed
from crmwb.journey.model import Channel, Journey, Perception, Stage, Touchpoint
from crmwb.plan.model import Programme, RelationshipPlan
from crmwb.through_line.model import (
    LINK_KINDS,
    MESSAGE_KEYS,
    ShortlistCoverage,
    ThroughLine,
    VendorUseCase,
    through_line,
)
from crmwb.through_line.reading import read_through_line
from crmwb.vendors.model import Coverage
from crmwb.workbook.reader import read_workbook

NATIVE, CONFIG, NONE = Coverage.NATIVE, Coverage.CONFIGURATION, Coverage.NOT_COVERED


def touchpoint(
    id: str, importance: int, perception: Perception, data: str, point: str
) -> Touchpoint:
    return Touchpoint(
        id, "Purchase", "Web", f"touchpoint {id}", perception, 0, importance, None, "all", data,
        point,
    )  # fmt: skip


JOURNEY = Journey(
    (Stage("Purchase"),),
    (Channel("Web"),),
    (
        touchpoint("T1", 5, Perception.DISAPPOINTMENT, "Order", "Shop (orders)"),
        touchpoint("T2", 4, Perception.FRICTION, "E-mail address", ""),
        touchpoint("T3", 4, Perception.SATISFACTION, "Card", "Till"),
    ),
)
PLAN = RelationshipPlan(
    (
        Programme("Welcome", ("Recruit",), "Sales from new customers", touchpoints=("T1",)),
        Programme("News", ("Inform",), "Open rate", touchpoints=("T3",)),
    )
)
DATA_MAP = DataMap(
    (
        System("Shop"),
        System("CRM", role=Role.HUB),
        System("Mailer", role=Role.ACTIVATION),
        System("Spreadsheet"),
    ),
    (
        Flow("Shop", "CRM", ("customers",)),
        Flow("CRM", "Mailer", ("customers",)),
        Flow("Spreadsheet", "Mailer", ("vouchers",), method=Method.MANUAL),
    ),
    use_cases=(
        UseCaseNeed("Welcome e-mail", "welcome", ("customers", "vouchers", "baskets"), "Mailer"),
    ),
)
VENDORS = ShortlistCoverage(
    (
        VendorUseCase("Welcome E-MAIL", "Welcome", {"A": NATIVE, "B": NONE}),
        VendorUseCase("Store app", "Welcome", {"A": NONE, "B": NONE}),
        VendorUseCase("Chatbot", "Service", {"A": NONE, "B": CONFIG}),
    ),
    ("A", "B"),
    "A",
)


def links(line: ThroughLine) -> list[tuple[str, str]]:
    return [(b.kind, b.subject) for b in line.broken]


def counts(line: ThroughLine) -> dict[str, tuple[int, int]]:
    return {c.check: (c.present, c.expected) for c in line.completeness.checks}


# --- the hand-made mission -----------------------------------------------------------------------


def test_the_chain_follows_each_moment_to_fix_down_to_the_vendors() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS)
    # T3 is a moment of truth, but satisfied: only T1 and T2 are to fix, most urgent first.
    assert [(m.touchpoint, m.rank, m.score) for m in line.moments] == [("T1", 1, 10), ("T2", 2, 4)]
    t1, t2 = line.moments
    assert [p.name for p in t1.programmes] == ["Welcome"] and t2.programmes == ()
    welcome = t1.programmes[0]
    assert welcome.moments == ("T1",) and welcome.business_kpi
    # "welcome" on the data sheet and "Welcome" on the vendors' are the plan's "Welcome";
    # "Welcome e-mail" and "Welcome E-MAIL" are one use case, known from both sheets.
    assert [u.name for u in welcome.use_cases] == ["Welcome e-mail", "Store app"]
    email = welcome.use_cases[0]
    assert email.sources == ("data_map", "vendors") and email.programmes == ("welcome",)
    assert [(d.data_object, d.status, d.providers) for d in email.data] == [
        ("customers", "available", ("CRM",)),
        ("vouchers", "manual", ("Spreadsheet",)),
        ("baskets", "missing", ()),
    ]
    assert email.objects("missing") == ("baskets",)
    assert email.systems == ("Shop", "CRM", "Mailer", "Spreadsheet")
    assert dict(email.coverage) == {"A": NATIVE, "B": NONE} and email.recommended_covers is True
    # Known from the vendor comparison only: no data, coverage judged.
    store = welcome.use_cases[1]
    assert store.sources == ("vendors",) and store.data == () and store.systems == ()
    assert store.recommended_covers is False and store.covering_vendors == ()
    # News addresses no moment to fix; Chatbot's programme is not the plan's.
    assert [p.name for p in line.programmes_without_moment] == ["News"]
    assert [u.name for u in line.unattached_use_cases] == ["Chatbot"]
    assert line.recommended == "A" and line.shortlist == ("A", "B")


def test_every_kind_of_broken_link_is_found_once_in_chain_order() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS)
    assert links(line) == [
        ("moment_not_addressed", "T2"),  # no programme lists T2
        ("programme_without_use_case", "News"),  # no use case names News on either sheet
        ("programme_without_kpi", "News"),  # an open rate is not a business KPI
        ("use_case_without_programme", "Chatbot"),  # Service is no programme of the plan
        ("use_case_not_covered", "Store app"),  # neither A nor B covers it
        ("use_case_only_other_vendors", "Chatbot"),  # B covers it, A (recommended) does not
        ("use_case_data_missing", "Welcome e-mail"),  # baskets come from nowhere
        ("use_case_fed_by_hand", "Welcome e-mail"),  # vouchers only come by hand
        ("collection_point_not_in_map", "T2"),  # collects, says not where
        ("collection_point_not_in_map", "T3"),  # "Till" is no system of the map
    ]
    assert {b.kind for b in line.broken} == set(LINK_KINDS)
    by_kind = {b.kind: dict(b.values) for b in line.broken}
    assert by_kind["programme_without_kpi"] == {
        "kpi": "Open rate",
        "reason": "plan.kpi_reason.open_rate",
    }
    assert by_kind["use_case_only_other_vendors"] == {"recommended": "A", "vendors": ("B",)}
    assert by_kind["use_case_without_programme"] == {"programmes": ("Service",)}
    assert by_kind["use_case_data_missing"] == {"objects": ("baskets",), "system": "Mailer"}
    assert by_kind["use_case_fed_by_hand"] == {"objects": ("vouchers",), "system": "Mailer"}
    assert dict(line.of_kind("collection_point_not_in_map")[1].values) == {
        "collection_point": "Till",
        "data": "Card",
    }
    assert line.broken[0].message_key == "through_line.broken.moment_not_addressed"
    assert set(MESSAGE_KEYS) == set(LINK_KINDS)


def test_the_completeness_score_by_hand() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS)
    # moments to fix addressed:            T1 of T1, T2                          1 / 2
    # programmes with a use case:          Welcome of Welcome, News              1 / 2
    # programmes with a business KPI:      Welcome of Welcome, News              1 / 2
    # use cases serving a plan programme:  Welcome e-mail, Store app of them and Chatbot  2 / 3
    # vendor use cases covered by A:       Welcome e-mail of it, Store app, Chatbot  1 / 3
    # data use cases with all their data available and automated: none of 1    0 / 1
    # collecting touchpoints in the map:   T1 of T1, T2, T3                      1 / 3
    # score = (1 + 1 + 1 + 2 + 1 + 0 + 1) / (2 + 2 + 2 + 3 + 3 + 1 + 3) = 7 / 16
    assert counts(line) == {
        "moments_addressed": (1, 2),
        "programmes_with_use_case": (1, 2),
        "programmes_with_business_kpi": (1, 2),
        "use_cases_with_programme": (2, 3),
        "use_cases_covered_by_recommended": (1, 3),
        "use_cases_with_data": (0, 1),
        "collection_points_in_map": (1, 3),
    }
    completeness = line.completeness
    assert (completeness.present, completeness.expected) == (7, 16)
    assert completeness.score == pytest.approx(7 / 16)
    assert completeness.skipped == () and completeness.not_assessed == ()


def test_a_part_missing_is_left_out_of_both_counts_and_named() -> None:
    # Journey and plan only: the moments (1 / 2) and the KPIs (1 / 2): 2 / 4.
    alone = through_line(JOURNEY, PLAN)
    assert counts(alone) == {"moments_addressed": (1, 2), "programmes_with_business_kpi": (1, 2)}
    assert alone.completeness.score == pytest.approx(2 / 4)
    assert alone.completeness.not_assessed == ("data_map", "vendors")
    assert alone.completeness.skipped == (
        "programmes_with_use_case",
        "use_cases_with_programme",
        "use_cases_covered_by_recommended",
        "use_cases_with_data",
        "collection_points_in_map",
    )
    assert links(alone) == [("moment_not_addressed", "T2"), ("programme_without_kpi", "News")]
    assert alone.recommended is None and alone.use_cases == ()

    # With the vendors only: their use cases give Welcome its own (Store app, Welcome E-MAIL),
    # Chatbot serves no programme of the plan, none is judged for data:
    # 1 + 1 + 1 + 2 + 1 of 2 + 2 + 2 + 3 + 3 = 6 / 12.
    vendors = through_line(JOURNEY, PLAN, vendors=VENDORS)
    assert counts(vendors)["programmes_with_use_case"] == (1, 2)
    assert counts(vendors)["use_cases_with_programme"] == (2, 3)
    assert vendors.completeness.score == pytest.approx(6 / 12)
    assert vendors.completeness.not_assessed == ("data_map",)
    welcome = vendors.programmes[0]
    assert [u.name for u in welcome.use_cases] == ["Welcome E-MAIL", "Store app"]
    assert welcome.use_cases[0].data == ()

    # With the data map only: no coverage judged, its one use case serves Welcome:
    # 1 + 1 + 1 + 1 + 0 + 1 of 2 + 2 + 2 + 1 + 1 + 3 = 5 / 11.
    data = through_line(JOURNEY, PLAN, DATA_MAP)
    assert counts(data)["programmes_with_use_case"] == (1, 2)
    assert data.completeness.score == pytest.approx(5 / 11)
    assert data.completeness.not_assessed == ("vendors",)
    assert data.use_cases[0].recommended_covers is None and not data.use_cases[0].coverage


def test_a_whole_chain_is_complete() -> None:
    plan = RelationshipPlan(
        (
            Programme("Welcome", ("Recruit",), "Sales", touchpoints=("T1", "T2")),
            Programme("News", ("Inform",), "Additional sales", touchpoints=("T3",)),
        )
    )
    data_map = DataMap(
        (System("Shop"), System("Till"), System("Mailer", role=Role.ACTIVATION)),
        (Flow("Shop", "Mailer", ("customers",)),),
        use_cases=(UseCaseNeed("Welcome e-mail", "Welcome", ("customers",), "Mailer"),),
    )
    vendors = ShortlistCoverage((VendorUseCase("Newsletter", "News", {"A": CONFIG}),), ("A",), "A")
    journey = Journey(
        JOURNEY.stages,
        JOURNEY.channels,
        (*JOURNEY.touchpoints[::2], touchpoint("T2", 4, Perception.FRICTION, "", "")),
    )
    line = through_line(journey, plan, data_map, vendors)
    assert line.broken == ()
    assert line.completeness.score == 1.0


# --- the examples --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def northwind() -> ThroughLine:
    return read_through_line(read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx"))


@pytest.fixture(scope="module")
def lenoir() -> ThroughLine:
    return read_through_line(read_workbook(EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx"))


def test_northwind_broken_links(northwind: ThroughLine) -> None:
    assert links(northwind) == [
        # Of its 10 moments to fix, two no programme, scenario or campaign lists.
        ("moment_not_addressed", "T28"),
        ("moment_not_addressed", "T06"),
        # No use case of either sheet names them (the vendors' Use cases sheet names
        # programmes the plan does not have: Onboarding, Loyalty, Service ...).
        ("programme_without_use_case", "First to second purchase"),
        ("programme_without_use_case", "Birthday"),
        ("programme_without_use_case", "Newsletter"),
        ("programme_without_use_case", "Seasonal events"),
        ("programme_without_kpi", "Birthday"),  # no KPI
        ("programme_without_kpi", "Newsletter"),  # "Open rate"
        # The vendors' Use cases sheet gives its 8 use cases programmes the plan does not have
        ("use_case_without_programme", "Welcome journey for new subscribers"),  # Onboarding
        ("use_case_without_programme", "Single profile across stores and web"),
        ("use_case_without_programme", "Loyalty points and tiers"),
        ("use_case_without_programme", "Abandoned basket reminders"),
        ("use_case_without_programme", "Reactivation of lapsed customers"),
        ("use_case_without_programme", "Clienteling app for store staff"),
        ("use_case_without_programme", "Customer service cases and complaints"),  # Service
        ("use_case_without_programme", "Consent and preference centre (GDPR)"),
        # Splio, recommended, does not cover it; Salesforce and Brevo do. Every other vendor use
        # case is covered by Splio (Clienteling by custom development, which covers it).
        ("use_case_only_other_vendors", "Customer service cases and complaints"),
        ("use_case_data_missing", "Abandoned basket reminder"),
        ("use_case_fed_by_hand", "Trade account follow-up calls"),
        # In journey order: no collection point (T03, T27, T31, T40) or none in the map.
        ("collection_point_not_in_map", "T03"),
        ("collection_point_not_in_map", "T19"),
        ("collection_point_not_in_map", "T20"),
        ("collection_point_not_in_map", "T27"),
        ("collection_point_not_in_map", "T31"),
        ("collection_point_not_in_map", "T28"),
        ("collection_point_not_in_map", "T39"),
        ("collection_point_not_in_map", "T40"),
    ]
    values = {(b.kind, b.subject): dict(b.values) for b in northwind.broken}
    assert values["use_case_only_other_vendors", "Customer service cases and complaints"] == {
        "recommended": "Splio",
        "vendors": ("Salesforce Sales + Marketing Cloud", "Brevo"),
    }
    assert values["use_case_data_missing", "Abandoned basket reminder"]["objects"] == ("baskets",)
    assert values["use_case_fed_by_hand", "Trade account follow-up calls"]["objects"] == (
        "trade accounts",
    )
    assert values["programme_without_kpi", "Newsletter"]["reason"] == "plan.kpi_reason.open_rate"
    assert values["collection_point_not_in_map", "T03"]["collection_point"] == ""
    assert values["collection_point_not_in_map", "T19"]["collection_point"] == (
        "Store pick-up tablet"
    )


def test_northwind_chain(northwind: ThroughLine) -> None:
    assert len(northwind.moments) == 10 and len(northwind.programmes) == 10
    assert northwind.recommended == "Splio"
    assert northwind.shortlist == ("Splio", "Salesforce Sales + Marketing Cloud", "Brevo")
    # No use-case name is on both sheets yet: 6 from the data audit, then 8 from the vendors'.
    assert [u.sources for u in northwind.use_cases] == [("data_map",)] * 6 + [("vendors",)] * 8
    assert len(northwind.unattached_use_cases) == 8  # the vendors' programmes are not the plan's
    t15 = next(m for m in northwind.moments if m.touchpoint == "T15")
    assert [p.name for p in t15.programmes] == ["Welcome", "Loyalty club"]
    t08 = next(m for m in northwind.moments if m.touchpoint == "T08")
    (trade,) = t08.programmes
    (calls,) = trade.use_cases
    assert [(d.data_object, d.status) for d in calls.data] == [
        ("trade accounts", "manual"),
        ("orders", "available"),
    ]
    assert "Trade desk spreadsheets" in calls.systems


def test_northwind_completeness(northwind: ThroughLine) -> None:
    # moments to fix addressed 8 / 10 (T28, T06 not); programmes with a use case 6 / 10;
    # with a business KPI 8 / 10; use cases serving a plan programme 6 / 14 (the data audit's
    # 6 do, the vendors' 8 do not); vendor use cases Splio covers 7 / 8; data use cases with all
    # their data available and automated 4 / 6; collecting touchpoints (37) with their
    # collection point in the map 29 / 37 (8 broken).
    # score = (8 + 6 + 8 + 6 + 7 + 4 + 29) / (10 + 10 + 10 + 14 + 8 + 6 + 37) = 68 / 95 = 0.716
    assert counts(northwind) == {
        "moments_addressed": (8, 10),
        "programmes_with_use_case": (6, 10),
        "programmes_with_business_kpi": (8, 10),
        "use_cases_with_programme": (6, 14),
        "use_cases_covered_by_recommended": (7, 8),
        "use_cases_with_data": (4, 6),
        "collection_points_in_map": (29, 37),
    }
    assert northwind.completeness.score == pytest.approx(68 / 95)
    assert northwind.completeness.not_assessed == ()


def test_lenoir_broken_links_and_completeness(lenoir: ThroughLine) -> None:
    # T07 (online order and payment) is to fix and no programme lists it. "Temps forts
    # commerciaux" is the only programme no vendor use case names (no data map: the vendors'
    # sheet is the only source of use cases). Every KPI is a business one, and Sellsy, the
    # recommended vendor, covers the six use cases (the loyalty card by custom development).
    # No data map: neither the use cases' data nor the collection points are judged.
    assert links(lenoir) == [
        ("moment_not_addressed", "T07"),
        ("programme_without_use_case", "Temps forts commerciaux"),
    ]
    assert lenoir.recommended == "Sellsy"
    # moments 5 / 6, programmes with a use case 6 / 7, business KPIs 7 / 7, use cases serving a
    # plan programme 6 / 6, covered by Sellsy 6 / 6:
    # (5 + 6 + 7 + 6 + 6) / (6 + 7 + 7 + 6 + 6) = 30 / 32
    assert counts(lenoir) == {
        "moments_addressed": (5, 6),
        "programmes_with_use_case": (6, 7),
        "programmes_with_business_kpi": (7, 7),
        "use_cases_with_programme": (6, 6),
        "use_cases_covered_by_recommended": (6, 6),
    }
    assert lenoir.completeness.score == pytest.approx(30 / 32)
    assert lenoir.completeness.not_assessed == ("data_map",)
    assert lenoir.completeness.skipped == ("use_cases_with_data", "collection_points_in_map")
    assert lenoir.unattached_use_cases == ()

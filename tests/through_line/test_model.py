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
      use case "Store ap" (programme "Welcome"), in Mailer: customers (a typo: not on the list)
    Vendors: shortlist A (recommended), B; Use cases sheet (the one list):
      UC-1 "Welcome E-MAIL" (programme Welcome): A native, B not covered  -> the same use case
      UC-2 "Store app" (programme Welcome): A not covered, B not covered
      UC-3 "Chatbot" (programme Service, not in the plan): A not covered, B configuration
    ROI levers (risk-adjusted present value), and where they say they come from:
      Voucher sales      1 000  "uc-1"     -> UC-1 by its ID (case ignored)
      Welcome revenue      500  "welcome"  -> the programme Welcome
      Bot savings          200  "Chatbot"  -> the use case by its name
      Someday              300  "Loyalty"  -> nothing the chain knows
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
    LeverValue,
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
        UseCaseNeed("Store ap", "Welcome", ("customers",), "Mailer"),
    ),
)
VENDORS = ShortlistCoverage(
    (
        VendorUseCase("Welcome E-MAIL", "Welcome", {"A": NATIVE, "B": NONE}, "UC-1"),
        VendorUseCase("Store app", "Welcome", {"A": NONE, "B": NONE}, "UC-2"),
        VendorUseCase("Chatbot", "Service", {"A": NONE, "B": CONFIG}, "UC-3"),
    ),
    ("A", "B"),
    "A",
)
LEVERS = (
    LeverValue("Voucher sales", "uc-1", 1000),
    LeverValue("Welcome revenue", "welcome", 500),
    LeverValue("Bot savings", "Chatbot", 200),
    LeverValue("Someday", "Loyalty", 300),
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
    # "welcome" on the data sheet and "Welcome" on the list are the plan's "Welcome";
    # "Welcome e-mail" and "Welcome E-MAIL" are one use case, the list's, known from both sheets.
    assert [u.name for u in welcome.use_cases] == ["Welcome E-MAIL", "Store app", "Store ap"]
    email = welcome.use_cases[0]
    assert email.sources == ("vendors", "data_map") and email.programmes == ("Welcome",)
    assert email.id == "UC-1"
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
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS, LEVERS)
    assert links(line) == [
        ("moment_not_addressed", "T2"),  # no programme lists T2
        ("programme_without_use_case", "News"),  # no use case names News on either sheet
        ("programme_without_kpi", "News"),  # an open rate is not a business KPI
        ("use_case_without_programme", "Chatbot"),  # Service is no programme of the plan
        ("use_case_not_on_list", "Store ap"),  # the data audit's, not the list's
        ("use_case_not_covered", "Store app"),  # neither A nor B covers it
        ("use_case_only_other_vendors", "Chatbot"),  # B covers it, A (recommended) does not
        ("use_case_data_missing", "Welcome e-mail"),  # baskets come from nowhere
        ("use_case_fed_by_hand", "Welcome e-mail"),  # vouchers only come by hand
        ("collection_point_not_in_map", "T2"),  # collects, says not where
        ("collection_point_not_in_map", "T3"),  # "Till" is no system of the map
        ("lever_without_programme", "Someday"),  # "Loyalty" is neither programme nor use case
        ("programme_without_lever", "News"),  # no lever comes from News nor its use cases
    ]
    assert {b.kind for b in line.broken} == set(LINK_KINDS)
    by_kind = {b.kind: dict(b.values) for b in line.broken}
    assert by_kind["programme_without_kpi"] == {
        "kpi": "Open rate",
        "reason": "plan.kpi_reason.open_rate",
    }
    assert by_kind["use_case_only_other_vendors"] == {"recommended": "A", "vendors": ("B",)}
    assert by_kind["use_case_without_programme"] == {"programmes": ("Service",)}
    assert by_kind["use_case_not_on_list"] == {"suggestion": "Store app"}
    assert by_kind["use_case_data_missing"] == {"objects": ("baskets",), "system": "Mailer"}
    assert by_kind["use_case_fed_by_hand"] == {"objects": ("vouchers",), "system": "Mailer"}
    assert dict(line.of_kind("collection_point_not_in_map")[1].values) == {
        "collection_point": "Till",
        "data": "Card",
    }
    assert by_kind["lever_without_programme"] == {"comes_from": "Loyalty"}
    assert line.broken[0].message_key == "through_line.broken.moment_not_addressed"
    assert set(MESSAGE_KEYS) == set(LINK_KINDS)


def test_the_levers_are_tied_to_their_use_case_or_programme() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS, LEVERS)
    tied = {lv.name: (lv.programme, lv.use_case) for lv in line.levers}
    assert tied == {
        "Voucher sales": (None, "Welcome E-MAIL"),  # "uc-1" is UC-1's ID
        "Welcome revenue": ("Welcome", None),
        "Bot savings": (None, "Chatbot"),  # no ID matches: the use case's name does
        "Someday": (None, None),
    }
    welcome, news = line.programmes
    assert [lv.name for lv in welcome.levers] == ["Welcome revenue"]
    assert [lv.name for lv in welcome.pulled] == ["Welcome revenue", "Voucher sales"]
    assert news.pulled == ()
    assert line.benefits == 2000


def test_benefits_exposed_by_hand_each_lever_counted_once() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS, LEVERS)
    exposed = {(b.kind, b.subject): (b.levers, b.exposed) for b in line.broken}
    # News pulls no lever: nothing rests on its broken links; T2 no programme addresses.
    assert exposed["programme_without_kpi", "News"] == ((), 0)
    assert exposed["moment_not_addressed", "T2"] == ((), 0)
    # Chatbot: its own lever (its programme Service is not the plan's).
    assert exposed["use_case_without_programme", "Chatbot"] == (("Bot savings",), 200)
    assert exposed["use_case_only_other_vendors", "Chatbot"] == (("Bot savings",), 200)
    # Store app: no lever of its own, but Welcome's own lever rests on its use cases: 500.
    assert exposed["use_case_not_covered", "Store app"] == (("Welcome revenue",), 500)
    # Welcome e-mail (UC-1): its lever 1 000 + Welcome's 500 = 1 500, twice (missing, by hand).
    both = (("Voucher sales", "Welcome revenue"), 1500)
    assert exposed["use_case_data_missing", "Welcome e-mail"] == both
    assert exposed["use_case_fed_by_hand", "Welcome e-mail"] == both
    assert exposed["lever_without_programme", "Someday"] == (("Someday",), 300)
    # Store ap (not on the list) serves Welcome: Welcome's own lever, 500
    assert exposed["use_case_not_on_list", "Store ap"] == (("Welcome revenue",), 500)
    # each lever once: 1 000 + 500 + 200 + 300 = 2 000, not the sum of the rows
    # (200 + 500 + 200 + 500 + 1 500 + 1 500 + 300 = 4 700)
    assert sum(b.exposed for b in line.broken) == 4700
    assert line.exposed == 2000


def test_the_completeness_score_by_hand() -> None:
    line = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS)
    # moments to fix addressed:            T1 of T1, T2                          1 / 2
    # programmes with a use case:          Welcome of Welcome, News              1 / 2
    # programmes with a business KPI:      Welcome of Welcome, News              1 / 2
    # use cases serving a plan programme:  Welcome e-mail, Store app, Store ap of them and
    #                                      Chatbot                               3 / 4
    # data use cases on the list:          Welcome e-mail of it and Store ap     1 / 2
    # vendor use cases covered by A:       Welcome e-mail of it, Store app, Chatbot  1 / 3
    # data use cases with all their data available and automated: Store ap of 2  1 / 2
    # collecting touchpoints in the map:   T1 of T1, T2, T3                      1 / 3
    # score = (1 + 1 + 1 + 3 + 1 + 1 + 1 + 1) / (2 + 2 + 2 + 4 + 2 + 3 + 2 + 3) = 10 / 20
    assert counts(line) == {
        "moments_addressed": (1, 2),
        "programmes_with_use_case": (1, 2),
        "programmes_with_business_kpi": (1, 2),
        "use_cases_with_programme": (3, 4),
        "data_use_cases_on_list": (1, 2),
        "use_cases_covered_by_recommended": (1, 3),
        "use_cases_with_data": (1, 2),
        "collection_points_in_map": (1, 3),
    }
    completeness = line.completeness
    assert (completeness.present, completeness.expected) == (10, 20)
    assert completeness.score == pytest.approx(10 / 20)
    assert completeness.not_assessed == ("roi",)
    # with the levers: 3 of 4 come from the chain, 1 of 2 programmes pulls one: 14 / 26
    with_levers = through_line(JOURNEY, PLAN, DATA_MAP, VENDORS, LEVERS)
    assert counts(with_levers)["levers_with_programme"] == (3, 4)
    assert counts(with_levers)["programmes_with_lever"] == (1, 2)
    assert with_levers.completeness.score == pytest.approx(14 / 26)


def test_a_part_missing_is_left_out_of_both_counts_and_named() -> None:
    # Journey and plan only: the moments (1 / 2) and the KPIs (1 / 2): 2 / 4.
    alone = through_line(JOURNEY, PLAN)
    assert counts(alone) == {"moments_addressed": (1, 2), "programmes_with_business_kpi": (1, 2)}
    assert alone.completeness.score == pytest.approx(2 / 4)
    assert alone.completeness.not_assessed == ("data_map", "vendors", "roi")
    assert alone.completeness.skipped == (
        "programmes_with_use_case",
        "use_cases_with_programme",
        "data_use_cases_on_list",
        "use_cases_covered_by_recommended",
        "use_cases_with_data",
        "collection_points_in_map",
        "levers_with_programme",
        "programmes_with_lever",
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
    assert vendors.completeness.not_assessed == ("data_map", "roi")
    welcome = vendors.programmes[0]
    assert [u.name for u in welcome.use_cases] == ["Welcome E-MAIL", "Store app"]
    assert welcome.use_cases[0].data == ()

    # With the data map only: no coverage judged, no list to be on, its two use cases serve
    # Welcome, Store ap has its data: 1 + 1 + 1 + 2 + 1 + 1 of 2 + 2 + 2 + 2 + 2 + 3 = 7 / 13.
    data = through_line(JOURNEY, PLAN, DATA_MAP)
    assert counts(data)["programmes_with_use_case"] == (1, 2)
    assert "data_use_cases_on_list" in data.completeness.skipped
    assert data.completeness.score == pytest.approx(7 / 13)
    assert data.completeness.not_assessed == ("vendors", "roi")
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
    vendors = ShortlistCoverage(
        (
            VendorUseCase("Newsletter", "News", {"A": CONFIG}),
            VendorUseCase("Welcome e-mail", "Welcome", {"A": NATIVE}),
        ),
        ("A",),
        "A",
    )
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
    """Northwind's workbook has a broken link of every kind planted (data/examples/
    build_examples.py says where); each is found, and nothing else."""
    assert links(northwind) == [
        # Of its 10 moments to fix, two no programme, scenario or campaign lists.
        ("moment_not_addressed", "T28"),
        ("moment_not_addressed", "T06"),
        # No use case of the list serves them.
        ("programme_without_use_case", "Birthday"),
        ("programme_without_use_case", "Seasonal events"),
        ("programme_without_kpi", "Birthday"),  # no KPI
        ("programme_without_kpi", "Newsletter"),  # "Open rate"
        # UC-02 names "Customer knowledge", which the plan does not have
        ("use_case_without_programme", "Single customer profile across stores and web"),
        # the data audit writes UC-10 "Post-purchase NPS survey", the list "...surveys"
        ("use_case_not_on_list", "Post-purchase NPS survey"),
        # UC-09: Salesforce, Splio and Brevo (the shortlist) do not cover it
        ("use_case_not_covered", "Trade account follow-up calls"),
        # UC-07: Splio, recommended, does not cover it; Salesforce and Brevo do.
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
        # The NPAI lever says nothing of where it comes from.
        ("lever_without_programme", "Catalogue mailings not returned (NPAI)"),
        # 6 of the 10 programmes pull no lever (the ROI quantifies 4)
        ("programme_without_lever", "Welcome"),
        ("programme_without_lever", "Post-purchase satisfaction"),
        ("programme_without_lever", "Abandoned basket"),
        ("programme_without_lever", "Birthday"),
        ("programme_without_lever", "Seasonal events"),
        ("programme_without_lever", "Trade accounts"),
    ]
    assert {b.kind for b in northwind.broken} == set(LINK_KINDS)
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


def test_northwind_benefits_exposed(northwind: ThroughLine) -> None:
    # Each lever's risk-adjusted present value: they add up to the ROI report's risk-adjusted
    # present value of the benefits (861 269, tests/roi).
    values = {lv.name: round(lv.value) for lv in northwind.levers}
    assert values == {
        "Win-back of dormant clients": 187_440,
        "Next-best-offer in store and online": 130_167,
        "Loyalty programme follow-up": 196_016,
        "Catalogue mailings not returned (NPAI)": 86_355,
        "Customer view for 40 users": 123_467,
        "Activity reports and unsubscribes": 137_824,
    }
    assert round(northwind.benefits) == 861_269
    exposed = {(b.kind, b.subject): (b.levers, round(b.exposed)) for b in northwind.broken}
    # UC-08 (consents) serves Newsletter, whose KPI is no business KPI
    assert exposed["programme_without_kpi", "Newsletter"] == (
        ("Activity reports and unsubscribes",),
        137_824,
    )
    assert exposed[
        "use_case_without_programme", "Single customer profile across stores and web"
    ] == (
        ("Customer view for 40 users",),
        123_467,
    )
    # T40 (members' evenings: the guest list) is addressed by the Loyalty club
    assert exposed["collection_point_not_in_map", "T40"] == (
        ("Loyalty programme follow-up",),
        196_016,
    )
    assert exposed["lever_without_programme", "Catalogue mailings not returned (NPAI)"] == (
        ("Catalogue mailings not returned (NPAI)",),
        86_355,
    )
    # 137 824 + 123 467 + 196 016 + 86 355 = 543 662, each lever once
    assert round(northwind.exposed) == 543_662
    # the abandoned-basket reminder's missing data exposes nothing: no lever comes from it
    assert exposed["use_case_data_missing", "Abandoned basket reminder"] == ((), 0)


def test_northwind_chain(northwind: ThroughLine) -> None:
    assert len(northwind.moments) == 10 and len(northwind.programmes) == 10
    assert northwind.recommended == "Splio"
    assert northwind.shortlist == ("Splio", "Salesforce Sales + Marketing Cloud", "Brevo")
    # The one list (UC-01 to UC-10), five of them with their data on the data audit's sheet,
    # then the data audit's sixth, which the list writes otherwise.
    assert [u.id for u in northwind.use_cases] == [f"UC-{n:02}" for n in range(1, 11)] + [""]
    assert sum(u.sources == ("vendors", "data_map") for u in northwind.use_cases) == 5
    assert northwind.use_cases[-1].name == "Post-purchase NPS survey"
    assert [u.name for u in northwind.unattached_use_cases] == [
        "Single customer profile across stores and web"
    ]
    t15 = next(m for m in northwind.moments if m.touchpoint == "T15")
    assert [p.name for p in t15.programmes] == ["Welcome", "Loyalty club"]
    t08 = next(m for m in northwind.moments if m.touchpoint == "T08")
    (trade,) = t08.programmes
    (calls,) = trade.use_cases
    assert calls.id == "UC-09"
    assert [(d.data_object, d.status) for d in calls.data] == [
        ("trade accounts", "manual"),
        ("orders", "available"),
    ]
    assert "Trade desk spreadsheets" in calls.systems


def test_northwind_completeness(northwind: ThroughLine) -> None:
    # moments to fix addressed 8 / 10 (T28, T06 not); programmes with a use case 8 / 10;
    # with a business KPI 8 / 10; use cases serving a plan programme 10 / 11 (UC-02 not);
    # data use cases on the list 5 / 6 (the NPS survey not); use cases Splio covers 8 / 10
    # (UC-07, UC-09 not); data use cases with all their data available and automated 4 / 6;
    # collecting touchpoints with their collection point in the map 29 / 37; levers from a
    # programme or use case 5 / 6; programmes pulling a lever 4 / 10.
    # score = (8 + 8 + 8 + 10 + 5 + 8 + 4 + 29 + 5 + 4)
    #       / (10 + 10 + 10 + 11 + 6 + 10 + 6 + 37 + 6 + 10) = 89 / 116 = 0.767
    assert counts(northwind) == {
        "moments_addressed": (8, 10),
        "programmes_with_use_case": (8, 10),
        "programmes_with_business_kpi": (8, 10),
        "use_cases_with_programme": (10, 11),
        "data_use_cases_on_list": (5, 6),
        "use_cases_covered_by_recommended": (8, 10),
        "use_cases_with_data": (4, 6),
        "collection_points_in_map": (29, 37),
        "levers_with_programme": (5, 6),
        "programmes_with_lever": (4, 10),
    }
    assert northwind.completeness.score == pytest.approx(89 / 116)
    assert northwind.completeness.not_assessed == ()


def test_lenoir_broken_links_and_completeness(lenoir: ThroughLine) -> None:
    # T07 (online order and payment) is to fix and no programme lists it. "Temps forts
    # commerciaux" is the only programme no use case of the list serves. Every KPI is a
    # business one, and Sellsy, the recommended vendor, covers the six use cases (the loyalty
    # card by custom development). No data map: neither the use cases' data nor the collection
    # points are judged. Its three ROI levers come from Demandes de conseil, Fidélité and UC-02
    # (Réactivation): four programmes pull none.
    assert links(lenoir) == [
        ("moment_not_addressed", "T07"),
        ("programme_without_use_case", "Temps forts commerciaux"),
        ("programme_without_lever", "Bienvenue"),
        ("programme_without_lever", "Satisfaction"),
        ("programme_without_lever", "Anniversaire"),
        ("programme_without_lever", "Temps forts commerciaux"),
    ]
    assert lenoir.recommended == "Sellsy"
    # moments 5 / 6, programmes with a use case 6 / 7, business KPIs 7 / 7, use cases serving a
    # plan programme 6 / 6, covered by Sellsy 6 / 6, levers tied 3 / 3, programmes with a
    # lever 3 / 7: (5 + 6 + 7 + 6 + 6 + 3 + 3) / (6 + 7 + 7 + 6 + 6 + 3 + 7) = 36 / 42
    assert counts(lenoir) == {
        "moments_addressed": (5, 6),
        "programmes_with_use_case": (6, 7),
        "programmes_with_business_kpi": (7, 7),
        "use_cases_with_programme": (6, 6),
        "use_cases_covered_by_recommended": (6, 6),
        "levers_with_programme": (3, 3),
        "programmes_with_lever": (3, 7),
    }
    assert lenoir.completeness.score == pytest.approx(36 / 42)
    assert lenoir.completeness.not_assessed == ("data_map",)
    assert lenoir.completeness.skipped == (
        "data_use_cases_on_list",
        "use_cases_with_data",
        "collection_points_in_map",
    )
    assert lenoir.unattached_use_cases == ()
    # Temps forts commerciaux's missing use case exposes nothing: no lever comes from it
    assert lenoir.exposed == 0

"""The data map's analyses (crmwb.dataflow: model, analyses, register): each rule on small hand-made
maps, positive and negative, with the reason worked out by hand next to each expectation.

Most tests use three systems in a line, a source feeding a hub feeding an activation tool:

    Shop (source) --customers--> CRM (hub) --customers--> Mailer (activation)

and one use case, "Welcome", run in Mailer and needing "customers"; each test changes one thing.
"""

from __future__ import annotations

import pytest

from crmwb.core.countries import EU_EEA
from crmwb.core.errors import InputError
from crmwb.core.i18n import LANGUAGES, has_message
from crmwb.dataflow.findings import (
    DataFinding,
    articulation_points,
    collection_points_missing_from_map,
    coverage_matrix,
    data_findings,
    finding_text,
    flows_serving_no_use_case,
    personal_data_without_owner,
    personal_flows_without_legal_basis,
    single_points_of_failure,
    use_cases_fed_by_hand,
    use_cases_missing_data,
)
from crmwb.dataflow.model import (
    DataField,
    DataMap,
    Flow,
    LegalBasis,
    Method,
    Role,
    System,
    SystemType,
    UseCaseNeed,
    hosts_personal_data,
    in_eu,
)
from crmwb.dataflow.register import (
    DataCategory,
    DataSubject,
    Recipient,
    RegisterField,
    Transfer,
    processing_register,
)
from crmwb.journey.model import Channel, Journey, Perception, Stage, Touchpoint
from crmwb.plan.checks import LabelKey

SHOP = System("Shop", SystemType.ECOMMERCE, Role.SOURCE, "Digital", location="FR")
CRM = System("CRM", SystemType.CRM, Role.HUB, "Marketing", location="EU")
MAILER = System("Mailer", SystemType.EMAILING, Role.ACTIVATION, "CRM team", location="US")
LINE = (SHOP, CRM, MAILER)
TO_CRM = Flow("Shop", "CRM", ("customers",))
TO_MAILER = Flow("CRM", "Mailer", ("customers",))
WELCOME = UseCaseNeed("Welcome", "Onboarding", ("customers",), "Mailer")


def line(*flows: Flow, use_cases: tuple[UseCaseNeed, ...] = (WELCOME,), **kw: object) -> DataMap:
    return DataMap(LINE, flows or (TO_CRM, TO_MAILER), use_cases=use_cases, **kw)  # type: ignore[arg-type]


def rules(findings: tuple[DataFinding, ...]) -> list[tuple[str, str]]:
    return [(f.rule, f.subject) for f in findings]


# --- the objects -------------------------------------------------------------------------------


def test_the_map_checks_its_names_and_allows_cycles() -> None:
    with pytest.raises(InputError) as twice:
        DataMap((SHOP, SHOP))
    assert twice.value.message("en") == "each system once; found 'Shop' twice"
    assert twice.value.message("fr") == (
        "chaque système une seule fois\u202f; trouvé\u00a0: «\u202fShop\u202f» deux fois"
    )
    with pytest.raises(InputError) as unknown:
        DataMap(LINE, (Flow("Shop", "ERP", ("orders",)),))
    assert unknown.value.message("en") == (
        "a known system for the flow 'Shop → ERP' (one of 'Shop', 'CRM', 'Mailer'); found 'ERP'"
    )
    with pytest.raises(InputError) as negative:
        Flow("Shop", "CRM", (), volume=-1)
    assert negative.value.message("en") == "a volume >= 0 for the flow 'Shop → CRM'; found -1"
    assert negative.value.message("fr").startswith(
        "un volume ≥ 0 pour le flux «\u202fShop → CRM\u202f»"
    )
    both_ways = DataMap(LINE, (TO_CRM, Flow("CRM", "Shop", ("customers",))))
    assert len(both_ways.flows) == 2


# --- flows serving no use case -----------------------------------------------------------------


def test_a_flow_carrying_nothing_a_use_case_needs_serves_none() -> None:
    stock = Flow("Shop", "CRM", ("stock",))
    found = flows_serving_no_use_case(line(TO_CRM, TO_MAILER, stock))
    # "stock" is needed by no use case: only that flow is reported
    assert rules(found) == [("flow_serves_no_use_case", "Shop → CRM")]
    assert found[0].values["objects"] == ("stock",) and found[0].severity == "info"


def test_a_flow_whose_target_does_not_reach_the_use_case_serves_none() -> None:
    archive = System("Archive", role=Role.SOURCE)
    to_archive = Flow("CRM", "Archive", ("customers",))
    dm = DataMap((*LINE, archive), (TO_CRM, TO_MAILER, to_archive), use_cases=(WELCOME,))
    # Archive has no flow out: it reaches only itself, not Mailer
    assert rules(flows_serving_no_use_case(dm)) == [("flow_serves_no_use_case", "CRM → Archive")]


def test_a_flow_upstream_of_the_use_case_serves_it() -> None:
    # Shop -> CRM carries customers and CRM reaches Mailer (through CRM -> Mailer): it serves,
    # even though the hub could transform the data on the way; CRM -> Mailer ends at Mailer
    assert flows_serving_no_use_case(line()) == ()
    # a use case with no system is served by a flow reaching any activation system
    anywhere = UseCaseNeed("Welcome", data_objects=("Customers ",))
    assert flows_serving_no_use_case(line(use_cases=(anywhere,))) == ()


def test_a_flow_going_back_up_in_a_cycle_still_reaches_the_use_case() -> None:
    back = Flow("Mailer", "Shop", ("customers",))
    # Shop reaches Mailer through Shop -> CRM -> Mailer: the flow back serves "Welcome"
    assert flows_serving_no_use_case(line(TO_CRM, TO_MAILER, back)) == ()


def test_without_use_cases_no_flow_is_judged() -> None:
    assert flows_serving_no_use_case(line(use_cases=())) == ()


def test_a_flow_with_no_data_object_serves_none() -> None:
    empty = Flow("Shop", "CRM", ())
    found = flows_serving_no_use_case(line(TO_CRM, TO_MAILER, empty))
    assert rules(found) == [("flow_serves_no_use_case", "Shop → CRM")]
    assert found[0].values["objects"] == LabelKey("dataflow.finding.no_object")


# --- use cases missing data --------------------------------------------------------------------


def test_a_needed_object_no_flow_brings_is_missing() -> None:
    welcome = UseCaseNeed("Welcome", "", ("customers", "orders", "consents"), "Mailer")
    orders_to_crm = Flow("Shop", "CRM", ("orders",))
    found = use_cases_missing_data(line(TO_CRM, TO_MAILER, orders_to_crm, use_cases=(welcome,)))
    # customers comes into Mailer from CRM; orders only reaches CRM, not Mailer; consents
    # nowhere
    assert rules(found) == [("use_case_missing_data", "Welcome")]
    assert found[0].values == {"objects": ("orders", "consents"), "system": "Mailer"}


def test_an_object_the_system_holds_itself_is_not_missing() -> None:
    welcome = UseCaseNeed("Welcome", "", ("customers", "orders"), "Mailer")
    held = (DataField("Mailer", "last_order", data_object="Orders"),)
    # no flow brings orders, but Mailer has a field of the data object "Orders"
    assert use_cases_missing_data(line(use_cases=(welcome,), dictionary=held)) == ()


def test_objects_are_matched_ignoring_case_and_accents() -> None:
    need = UseCaseNeed("Welcome", "", ("Préférences",), "Mailer")
    flows = (TO_CRM, Flow("CRM", "Mailer", ("preferences ",)))
    assert use_cases_missing_data(line(*flows, use_cases=(need,))) == ()


def test_a_use_case_without_system_looks_at_every_activation_system() -> None:
    need = UseCaseNeed("Win-back", "", ("customers",))
    assert use_cases_missing_data(line(use_cases=(need,))) == ()  # Mailer gets it
    no_activation = DataMap((SHOP, CRM), (TO_CRM,), use_cases=(need,))
    (found,) = use_cases_missing_data(no_activation)
    # no activation system at all: nothing can bring it anywhere
    assert found.values["system"] == LabelKey("dataflow.finding.an_activation_system")
    assert "an activation system" in finding_text(found, "en")
    assert "un système d'activation" in finding_text(found, "fr")


# --- use cases fed by hand ---------------------------------------------------------------------


def manual(flow: Flow) -> Flow:
    return Flow(flow.source, flow.target, flow.data_objects, method=Method.MANUAL)


def test_a_manual_flow_into_the_use_case_feeds_it_by_hand() -> None:
    found = use_cases_fed_by_hand(line(TO_CRM, manual(TO_MAILER)))
    assert rules(found) == [("use_case_fed_by_hand", "Welcome")]
    assert found[0].values == {"objects": ("customers",), "system": "Mailer"}


def test_a_manual_flow_further_up_feeds_it_by_hand() -> None:
    # Shop (origin: nothing brings it customers) -manual-> CRM -api-> Mailer: the only path
    # has a manual step
    assert rules(use_cases_fed_by_hand(line(manual(TO_CRM), TO_MAILER))) == [
        ("use_case_fed_by_hand", "Welcome")
    ]


def test_an_automatic_path_besides_the_manual_one_is_enough() -> None:
    direct = Flow("Shop", "Mailer", ("customers",))
    # Shop -api-> Mailer reaches Mailer with no manual step
    assert use_cases_fed_by_hand(line(manual(TO_CRM), TO_MAILER, direct)) == ()


def test_an_automatic_cycle_does_not_hide_a_manual_entry() -> None:
    back = Flow("Mailer", "CRM", ("customers",))
    # CRM and Mailer feed each other automatically, but the customers only enter the cycle
    # through Shop -manual-> CRM: Shop is the only origin, and no automatic path leaves it
    assert rules(use_cases_fed_by_hand(line(manual(TO_CRM), TO_MAILER, back))) == [
        ("use_case_fed_by_hand", "Welcome")
    ]


def test_no_manual_flow_no_finding() -> None:
    assert use_cases_fed_by_hand(line()) == ()
    # a cycle with no origin and no manual flow either: nothing says it is fed by hand
    loop = DataMap(LINE, (TO_MAILER, Flow("Mailer", "CRM", ("customers",))), use_cases=(WELCOME,))
    assert use_cases_fed_by_hand(loop) == ()


def test_held_or_missing_data_is_not_fed_by_hand() -> None:
    held = (DataField("Mailer", "email", data_object="customers"),)
    assert use_cases_fed_by_hand(line(TO_CRM, manual(TO_MAILER), dictionary=held)) == ()
    missing = UseCaseNeed("Welcome", "", ("orders",), "Mailer")
    assert use_cases_fed_by_hand(line(manual(TO_CRM), TO_MAILER, use_cases=(missing,))) == ()


# --- articulation points and single points of failure ------------------------------------------


def test_articulation_points_of_a_graph_with_a_cycle() -> None:
    # A-B-C form a triangle (no cut inside it); C-D and D-E hang off it: removing C cuts D and
    # E off the triangle, removing D cuts E off; F is alone
    edges = [("A", "B"), ("B", "C"), ("C", "A"), ("C", "D"), ("D", "E"), ("E", "D")]
    assert articulation_points("ABCDEF", edges) == ("C", "D")
    # closing D-E back onto the triangle (E-A) makes one big cycle with a chord: no cut
    assert articulation_points("ABCDE", [*edges, ("E", "A")]) == ()


def test_articulation_points_root_and_components() -> None:
    # the search starts at Y, which has two children (X and Z): removing it splits them
    assert articulation_points("YXZ", [("X", "Y"), ("Y", "Z")]) == ("Y",)
    # two separate stars; a self-loop changes nothing
    edges = [("h1", "a"), ("h1", "b"), ("h2", "c"), ("h2", "d"), ("a", "a")]
    assert articulation_points(["a", "b", "c", "d", "h1", "h2"], edges) == ("h1", "h2")
    assert articulation_points(["a", "b"], [("a", "b"), ("b", "a")]) == ()


def spofs(dm: DataMap) -> list[DataFinding]:
    return [f for f in single_points_of_failure(dm) if f.rule == "single_point_of_failure"]


def test_a_hub_on_the_way_of_a_use_case_is_a_single_point_of_failure() -> None:
    found = spofs(line())
    # CRM is the middle of Shop - CRM - Mailer, and both flows serve "Welcome"
    assert [f.subject for f in found] == ["CRM"]
    assert found[0].values == {"use_cases": ("Welcome",)}
    assert found[0].severity == "warning"


def test_a_second_path_removes_the_single_point_of_failure() -> None:
    direct = Flow("Shop", "Mailer", ("customers",))
    # Shop - CRM - Mailer - Shop is a cycle: no articulation point
    assert spofs(line(TO_CRM, TO_MAILER, direct)) == []


def test_an_articulation_point_on_no_use_case_s_way_is_not_reported() -> None:
    stock, depot = System("Stock"), System("Depot")
    flows = (Flow("Stock", "Depot", ("stock",)), Flow("Depot", "Shop", ("stock",)))
    dm = DataMap((*LINE, stock, depot), (*flows, TO_CRM, TO_MAILER), use_cases=(WELCOME,))
    # Stock - Depot - Shop - CRM - Mailer is a line: Depot, Shop and CRM are articulation
    # points. Shop and CRM are ends of flows serving Welcome; Depot's flows carry stock, which
    # Welcome does not need: Depot is on no use case's way
    assert articulation_points(
        [s.name for s in dm.systems],
        [("Stock", "Depot"), ("Depot", "Shop"), ("Shop", "CRM"), ("CRM", "Mailer")],
    ) == ("Shop", "CRM", "Depot")
    assert [f.subject for f in spofs(dm)] == ["Shop", "CRM"]
    # no use case: nothing is on anybody's way
    assert single_points_of_failure(line(use_cases=())) == ()


def test_the_only_source_of_a_needed_object() -> None:
    held = (DataField("Shop", "email", data_object="customers"),)
    found = single_points_of_failure(line(dictionary=held))
    # only Shop holds customers in the dictionary
    assert ("only_source", "Shop") in rules(found)
    only = next(f for f in found if f.rule == "only_source")
    assert only.values == {"objects": ("customers",), "use_cases": ("Welcome",)}
    assert only.severity == "info"
    # without a dictionary entry, the origin by the flows: Shop sends customers, receives none
    assert ("only_source", "Shop") in rules(single_points_of_failure(line()))
    twice = (*held, DataField("CRM", "mail", data_object="customers"))
    assert "only_source" not in {f.rule for f in single_points_of_failure(line(dictionary=twice))}


# --- personal data -----------------------------------------------------------------------------


def test_personal_flows_without_a_legal_basis() -> None:
    no_basis = Flow("Shop", "CRM", ("customers",), personal_data=True)
    stated = Flow(
        "CRM", "Mailer", ("customers",), personal_data=True, legal_basis=LegalBasis.CONSENT
    )
    not_personal = Flow("Shop", "Mailer", ("stock",))
    found = personal_flows_without_legal_basis(line(no_basis, stated, not_personal))
    assert rules(found) == [("personal_flow_without_legal_basis", "Shop → CRM")]
    assert "GDPR art. 6" in finding_text(found[0], "en")


def test_systems_hosting_personal_data_without_an_owner() -> None:
    flagged = System("Loyalty", personal_data=True)
    with_fields = System("Sheets", SystemType.SPREADSHEET)
    by_flow = System("Call centre", SystemType.CALL_CENTRE)
    owned = System("Data lake", owner="IT", personal_data=True)
    innocent = System("Stock")
    dm = DataMap(
        (flagged, with_fields, by_flow, owned, innocent),
        (Flow("Call centre", "Data lake", ("calls",), personal_data=True),),
        dictionary=(DataField("Sheets", "phone", personal=True),),
    )
    found = personal_data_without_owner(dm)
    # Loyalty by its flag, Sheets by its field, Call centre by its personal flow; Data lake
    # has an owner; Stock hosts nothing personal
    assert rules(found) == [
        ("personal_data_without_owner", "Loyalty"),
        ("personal_data_without_owner", "Sheets"),
        ("personal_data_without_owner", "Call centre"),
    ]
    assert found[2].values == {"reasons": (LabelKey("dataflow.reason.flows"),)}
    assert "personal-data flows" in finding_text(found[2], "en")
    assert hosts_personal_data(dm, "Data lake") and not hosts_personal_data(dm, "Stock")


# --- collection points -------------------------------------------------------------------------


def test_collection_points_missing_from_the_map() -> None:
    def tp(id: str, point: str, data: str = "") -> Touchpoint:
        return Touchpoint(
            id, "Buy", "Web", "", Perception.SATISFACTION, 0, 3,
            data_collected=data, collection_point=point,
        )  # fmt: skip

    journey = Journey(
        (Stage("Buy"),),
        (Channel("Web"),),
        (
            tp("T1", " crm ", "email"),  # CRM, whatever the case and spaces
            tp("T2", "Till", "basket"),  # no system called Till
            tp("T3", "Formulaire été"),  # matches "Formulaire Ete", accents ignored
            tp("T4", "", "postcode"),  # collects, says nowhere
            tp("T5", ""),  # collects nothing: nothing to say
        ),
    )
    dm = DataMap((*LINE, System("Formulaire Ete")))
    found = collection_points_missing_from_map(dm, journey)
    assert rules(found) == [("collection_point_not_in_map", "T2"), ("no_collection_point", "T4")]
    assert found[0].values == {"collection_point": "Till"} and found[0].severity == "info"
    assert finding_text(found[1], "fr") == (
        "Le point de contact «\u202fT4\u202f» collecte des données («\u202fpostcode\u202f») "
        "sans point de collecte indiqué\u00a0: précisez dans quel système elles sont enregistrées."
    )


# --- all the checks ----------------------------------------------------------------------------


def test_data_findings_in_order() -> None:
    need = UseCaseNeed("Welcome", "", ("customers", "orders"), "Mailer")
    flows = (
        Flow("Shop", "CRM", ("customers",), method=Method.MANUAL, personal_data=True),
        TO_MAILER,
    )
    journey = Journey((Stage("Buy"),), (Channel("Web"),))
    found = data_findings(line(*flows, use_cases=(need,)), journey)
    assert [f.rule for f in found] == [
        "use_case_missing_data",  # orders
        "use_case_fed_by_hand",  # customers, through the manual Shop -> CRM
        "single_point_of_failure",  # CRM
        "only_source",  # Shop, of customers
        "personal_flow_without_legal_basis",  # Shop -> CRM
    ]


def test_every_rule_has_a_message_in_both_languages() -> None:
    values: dict[str, dict[str, object]] = {
        "flow_serves_no_use_case": {"objects": ("stock",)},
        "use_case_missing_data": {"objects": ("orders",), "system": "Mailer"},
        "use_case_fed_by_hand": {"objects": ("orders",), "system": "Mailer"},
        "single_point_of_failure": {"use_cases": ("Welcome", "Win-back")},
        "only_source": {"objects": ("orders",), "use_cases": ("Welcome",)},
        "personal_flow_without_legal_basis": {"objects": ("customers",)},
        "personal_data_without_owner": {"reasons": (LabelKey("dataflow.reason.flag"),)},
        "collection_point_not_in_map": {"collection_point": "Till"},
        "no_collection_point": {"data": "email"},
    }
    for rule, placeholders in values.items():
        finding = DataFinding(rule, "X", placeholders)
        assert has_message(finding.key)
        assert has_message(f"dataflow.rule.{rule}")  # its title, in the Findings sheet
        for lang in LANGUAGES:
            text = finding_text(finding, lang)
            assert "{" not in text and "X" in text, text
    welcome = DataFinding("single_point_of_failure", "CRM", values["single_point_of_failure"])
    assert "«\u202fWelcome\u202f», «\u202fWin-back\u202f»" in finding_text(welcome, "fr")
    assert "'Welcome', 'Win-back'" in finding_text(welcome, "en")


# --- the coverage matrix -----------------------------------------------------------------------


def test_coverage_matrix() -> None:
    welcome = UseCaseNeed("Welcome", "", ("customers", "consents"), "Mailer")
    winback = UseCaseNeed("Win-back", "", ("Customers", "orders"))
    flows = (TO_CRM, TO_MAILER, Flow("Shop", "Mailer", ("customers", "orders")))
    held = (DataField("Mailer", "optin", data_object="consents"),)
    matrix = coverage_matrix(line(*flows, use_cases=(welcome, winback), dictionary=held))
    assert matrix.use_cases == ("Welcome", "Win-back")
    # objects in the order first needed, as first written ("Customers" is "customers")
    assert matrix.data_objects == ("customers", "consents", "orders")
    # customers reach Mailer from Shop and from CRM (Systems sheet order); Mailer holds the
    # consents itself; Win-back (no system: Mailer, the only activation system) gets orders
    # from Shop
    assert matrix.providers("Welcome", "customers") == ("Shop", "CRM")
    assert matrix.providers("Welcome", "consents") == ("Mailer",)
    assert matrix.providers("Welcome", "orders") is None  # not needed
    assert matrix.providers("Win-back", "customers") == ("Shop", "CRM")
    assert matrix.providers("Win-back", "orders") == ("Shop",)
    assert matrix.missing == ()
    gap = coverage_matrix(line(TO_CRM, TO_MAILER, use_cases=(winback,)))
    assert gap.missing == (("Win-back", "orders"),)


# --- the record of processing activities -------------------------------------------------------


def test_in_eu() -> None:
    assert len(EU_EEA) == 30  # the 27, Iceland, Liechtenstein, Norway
    assert [in_eu(x) for x in ("FR", "de", "Allemagne", "Norway", "Union européenne", "UE")] == [
        True
    ] * 6
    assert [in_eu(x) for x in ("US", "United Kingdom", "Suisse", "Europe")] == [False] * 4
    assert in_eu("") is None


def register_map() -> DataMap:
    shop = System("Shop", SystemType.ECOMMERCE, Role.SOURCE, "Digital", True, "FR", "3 years")
    crm = System("CRM", SystemType.CRM, Role.HUB, "", True, "", "")
    mailer = System("Mailer", SystemType.EMAILING, Role.ACTIVATION, "CRM team", False, "US", "")
    stock = System("Stock", SystemType.ERP, Role.SOURCE, "Ops", False, "FR")
    contract = LegalBasis.CONTRACT
    flows = (
        Flow("Shop", "CRM", ("customers", "orders"), personal_data=True, legal_basis=contract),
        Flow("CRM", "Mailer", ("customers",), personal_data=True),
        Flow("Stock", "CRM", ("stock",)),
    )
    dictionary = (
        DataField("CRM", "email", data_object="customers", personal=True),
        DataField("CRM", "allergies", data_object="customers", personal=True, sensitive=True),
        DataField("Shop", "birth_date", personal=True),
        DataField("Stock", "sku", data_object="stock"),
    )
    needs = (
        UseCaseNeed("Welcome new customers", "Onboarding", ("customers",), "Mailer"),
        UseCaseNeed("Post-purchase survey", "Onboarding", ("orders",), "CRM"),
        UseCaseNeed("Lead nurturing", "", ("customers",), "Mailer"),
        UseCaseNeed("Store stock alert", "", ("stock",), "Stock"),
    )
    return DataMap((shop, crm, mailer, stock), flows, dictionary, needs)


def test_register_one_entry_per_programme_then_per_use_case() -> None:
    entries = processing_register(register_map())
    assert [e.name for e in entries] == [
        "Onboarding",
        "Lead nurturing",
        "Store stock alert",
    ]
    assert entries[0].purposes == ("Welcome new customers", "Post-purchase survey")


def test_register_fields_of_a_programme() -> None:
    onboarding = processing_register(register_map())[0]
    # "customers" in "Welcome new customers": customers, found in the text
    assert onboarding.people == (DataSubject.CUSTOMERS,) and not onboarding.people_to_confirm
    # its flows: customers reach the Mailer by CRM -> Mailer, and the CRM by Shop -> CRM;
    # orders reach the CRM by Shop -> CRM. Stock -> CRM carries stock, which they do not need:
    # Stock is not part of it. Its categories are the objects its use cases need: customers
    # (fields email and allergies in the CRM, allergies sensitive; brought to the CRM and the
    # Mailer by personal flows) and orders (no personal field, but carried by the personal
    # flow Shop -> CRM). Shop's birth_date belongs to no object it needs: not listed.
    assert onboarding.categories == (
        DataCategory("customers", True, ("CRM", "Mailer"), ("email", "allergies")),
        DataCategory("orders", False, ("CRM",), ()),
    )
    # receiving: CRM (Shop -> CRM, and the survey's own system) and Mailer; CRM has no owner
    assert onboarding.recipients == (Recipient("CRM", ""), Recipient("Mailer", "CRM team"))
    assert onboarding.transfers == (Transfer("Mailer", "US"),)
    assert onboarding.unknown_locations == ("CRM",)
    # the systems involved hosting personal data: Shop (flag), CRM (fields, flows), Mailer
    # (a personal flow comes in)
    assert onboarding.retention == (("Shop", "3 years"), ("CRM", ""), ("Mailer", ""))
    assert onboarding.legal_bases == (LegalBasis.CONTRACT,)
    assert onboarding.flows_without_basis == ("CRM → Mailer",)
    assert onboarding.security == LabelKey("dataflow.register.security_to_complete")
    assert onboarding.to_complete == (
        RegisterField.RECIPIENTS,  # CRM's owner
        RegisterField.TRANSFERS,  # CRM's location
        RegisterField.RETENTION,  # CRM's and Mailer's
        RegisterField.SECURITY,  # always the DPO's
        RegisterField.LEGAL_BASIS,  # CRM -> Mailer has none
    )


def test_register_people_and_empty_fields() -> None:
    entries = processing_register(register_map())
    lead = entries[1]
    # "Lead nurturing": prospects (a lead is a prospect)
    assert lead.people == (DataSubject.PROSPECTS,) and not lead.people_to_confirm
    stock = entries[2]
    # nothing about people in "Store stock alert": customers, to be confirmed; Stock holds no
    # personal field and no flow serves it: no category, no retention, no legal basis
    assert stock.people == (DataSubject.CUSTOMERS,) and stock.people_to_confirm
    assert (stock.categories, stock.retention, stock.legal_bases) == ((), (), ())
    assert stock.recipients == (Recipient("Stock", "Ops"),)
    assert stock.to_complete == (
        RegisterField.PEOPLE,
        RegisterField.CATEGORIES,
        RegisterField.RETENTION,
        RegisterField.SECURITY,
        RegisterField.LEGAL_BASIS,
    )
    for field in RegisterField:
        assert has_message(f"dataflow.register.field.{field.value}")
    for subject in DataSubject:
        assert has_message(f"dataflow.register.people.{subject.value}")


def test_a_collection_point_may_qualify_the_system_in_brackets():
    data_map = DataMap((System("E-commerce platform"),))
    journey = Journey(
        (Stage("Purchase"),),
        (Channel("Web site"),),
        (
            Touchpoint(
                "T1",
                "Purchase",
                "Web site",
                "Basket",
                Perception.SATISFACTION,
                0,
                3,
                collection_point="E-commerce platform (baskets)",
            ),
            Touchpoint(
                "T2",
                "Purchase",
                "Web site",
                "Pick-up",
                Perception.SATISFACTION,
                0,
                3,
                collection_point="Store pick-up tablet",
            ),
        ),
    )
    findings = collection_points_missing_from_map(data_map, journey)
    assert [f.subject for f in findings] == ["T2"]


def disjoint_map() -> DataMap:
    """Two use cases that share nothing: loyalty e-mails fed from the shop through the CRM, in
    France; after-sales calls fed from the repair desk, in India, with health notes."""
    systems = (
        System("Shop", SystemType.ECOMMERCE, Role.SOURCE, "Digital", True, "FR", "3 years"),
        System("CRM", SystemType.CRM, Role.HUB, "Marketing", True, "FR", "5 years"),
        System("Mailer", SystemType.EMAILING, Role.ACTIVATION, "CRM team", True, "DE", "1 year"),
        System("Repair desk", SystemType.OTHER, Role.SOURCE, "Service", True, "IN", "2 years"),
        System("Call centre", SystemType.CALL_CENTRE, Role.ACTIVATION, "", True, "", "6 months"),
    )
    flows = (
        Flow(
            "Shop",
            "CRM",
            ("customers", "orders"),
            personal_data=True,
            legal_basis=LegalBasis.CONTRACT,
        ),
        Flow(
            "CRM",
            "Mailer",
            ("customers", "points"),
            personal_data=True,
            legal_basis=LegalBasis.CONSENT,
        ),
        Flow("Repair desk", "Call centre", ("repairs",), personal_data=True),
    )
    dictionary = (
        DataField("CRM", "email", data_object="customers", personal=True),
        DataField("CRM", "points_balance", data_object="points", personal=True),
        DataField(
            "Repair desk", "injury_notes", data_object="repairs", personal=True, sensitive=True
        ),
    )
    needs = (
        UseCaseNeed("Loyalty e-mails", "Loyalty", ("customers", "points"), "Mailer"),
        UseCaseNeed("After-sales calls", "After-sales", ("repairs",), "Call centre"),
    )
    return DataMap(systems, flows, dictionary, needs)


def test_register_entries_of_use_cases_sharing_nothing_share_nothing() -> None:
    loyalty, after_sales = processing_register(disjoint_map())
    # loyalty: the Mailer's customers and points, from the CRM, whose customers come from Shop
    assert [c.name for c in loyalty.categories] == ["customers", "points"]
    assert not any(c.sensitive for c in loyalty.categories)
    assert loyalty.recipients == (Recipient("CRM", "Marketing"), Recipient("Mailer", "CRM team"))
    assert (loyalty.transfers, loyalty.unknown_locations) == ((), ())  # FR and DE
    assert loyalty.retention == (("Shop", "3 years"), ("CRM", "5 years"), ("Mailer", "1 year"))
    assert loyalty.legal_bases == (LegalBasis.CONTRACT, LegalBasis.CONSENT)
    assert loyalty.flows_without_basis == ()
    # after-sales: the repairs, sensitive (injury notes), from the repair desk hosted in India
    assert after_sales.categories == (
        DataCategory("repairs", True, ("Repair desk", "Call centre"), ("injury_notes",)),
    )
    assert after_sales.recipients == (Recipient("Call centre", ""),)
    assert after_sales.transfers == (Transfer("Repair desk", "IN"),)
    assert after_sales.unknown_locations == ("Call centre",)
    assert after_sales.retention == (("Repair desk", "2 years"), ("Call centre", "6 months"))
    assert after_sales.legal_bases == ()
    assert after_sales.flows_without_basis == ("Repair desk → Call centre",)
    # nothing of one in the other
    systems = lambda e: {r.system for r in e.recipients} | {s for s, _ in e.retention}  # noqa: E731
    assert not systems(loyalty) & systems(after_sales)
    assert not {c.name for c in loyalty.categories} & {c.name for c in after_sales.categories}


def test_a_sensitive_field_is_flagged_only_where_its_object_is_used() -> None:
    # The example's case: call notes (contact history) are sensitive; the CRM receives them
    # from the call centre and sends customers back to it. A welcome e-mail that needs only
    # customers must not list contact history, let alone as sensitive data; a complaint
    # follow-up that needs the contact history lists it, flagged art. 9.
    systems = (
        System("CRM", SystemType.CRM, Role.HUB, "CRM team", True, "FR"),
        System("Call centre", SystemType.CALL_CENTRE, Role.ACTIVATION, "Service", True, "FR"),
        System("Mailer", SystemType.EMAILING, Role.ACTIVATION, "CRM team", True, "FR"),
    )
    flows = (
        Flow("CRM", "Call centre", ("customers",), personal_data=True),
        Flow("Call centre", "CRM", ("contact history",), personal_data=True),
        Flow("CRM", "Mailer", ("customers",), personal_data=True),
    )
    dictionary = (
        DataField("CRM", "email", data_object="customers", personal=True),
        DataField(
            "Call centre",
            "call_notes",
            data_object="contact history",
            personal=True,
            sensitive=True,
        ),
    )
    needs = (
        UseCaseNeed("Welcome", "", ("customers",), "Mailer"),
        UseCaseNeed("Complaint follow-up", "", ("customers", "contact history"), "CRM"),
    )
    welcome, complaints = processing_register(DataMap(systems, flows, dictionary, needs))
    assert welcome.categories == (DataCategory("customers", False, ("CRM", "Mailer"), ("email",)),)
    assert [s for s, _ in welcome.retention] == ["CRM", "Mailer"]  # not the call centre
    assert complaints.categories == (
        DataCategory("customers", False, ("CRM",), ("email",)),
        DataCategory("contact history", True, ("CRM", "Call centre"), ("call_notes",)),
    )

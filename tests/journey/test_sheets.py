"""The journey's and the relationship plan's sheets (crmwb.journey.sheets): written, read back
into a Journey and a RelationshipPlan, every bad cell reported with the file, sheet and cell,
and the journey saved back from the workshop keeping the rest of the workbook.

Each test writes a valid workbook into tmp_path with build_workbook(..., journey=JOURNEY,
plan=PLAN), damages cells with openpyxl, and reads it back. Layout, in English (header row 5,
data from row 6 on every table sheet):

* Stages: A Stage, B Description; Discovery A6, Purchase A7, Loyalty A8.
* Channels: Web site A6, Store A7, E-mail A8.
* Segments: A Segment, B Description, C Channels used, D Stages gone through; New customers
  row 6, VIP row 7.
* Touchpoints: A ID, B Stage, C Channel, D Description, E Segment, F Perception, G Emotion,
  H Importance, I Performance, J Data collected, K Collection point, L Owner; T01-T03 rows 6-8.
* Personas: A Persona, B Segment, C Description; Claire row 6, Marc row 7.
* Paths: A Persona, B Step, C Touchpoint; Claire steps 1-3 rows 6-8, Marc step 1 row 9.
* Programmes: A Programme, B Objectives, C Main KPI, D Target segment, E Touchpoints addressed,
  F Description; Welcome row 6, Reactivation row 7.
* Scenarios: A Scenario, B Programme, C Trigger, D Channel, E Delay, F Frequency cap, G Messages
  per contact per month, H Segment, I Touchpoints addressed; rows 6-7.
* Campaigns: A Campaign, B Programme, C Date, D Segment, E Channel, F Touchpoints; rows 6-7.
* Conventions: B4 active months, B5 inactive months; caps header row 9; opt-in rules and
  senders further down (found by their header).

Read-only files: the tests run as root in CI containers, where os.access says every file is
writable whatever its mode; the read-only refusal is tested by making os.access say no (the
check saves through os.replace, which would silently replace a read-only file on Linux).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import WorkbookError, render
from crmwb.core.i18n import Lang
from crmwb.journey.model import (
    ALL_SEGMENTS,
    Channel,
    Journey,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
)
from crmwb.journey.model import Path as PersonaPath
from crmwb.journey.saving import save_journey
from crmwb.journey.sheets import has_journey, read_journey
from crmwb.plan.model import (
    Campaign,
    Conventions,
    Family,
    OptIn,
    OptInRule,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
    Sender,
)
from crmwb.plan.sheets import MONTHLY_FORMAT, has_plan, read_plan
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings
from crmwb.tco.sheets import TcoInputs
from crmwb.workbook import save as workbook_save
from crmwb.workbook.about import About
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.template import build_workbook

JOURNEY = Journey(
    stages=(Stage("Discovery", "Finds the brand"), Stage("Purchase"), Stage("Loyalty")),
    channels=(Channel("Web site"), Channel("Store", "120 stores"), Channel("E-mail")),
    segments=(
        Segment("New customers", "First purchase this year", channels=("Web site", "E-mail")),
        Segment("VIP", stages=("Purchase", "Loyalty")),
    ),
    touchpoints=(
        Touchpoint(
            "T01",
            "Discovery",
            "Web site",
            "Looks up a store",
            Perception.SATISFACTION,
            1,
            3,
            4,
            data_collected="postcode",
            collection_point="store locator",
            owner="Digital",
        ),
        Touchpoint(
            "T02",
            "Purchase",
            "Store",
            "Pays at the till",
            Perception.FRICTION,
            -1,
            5,
            2,
            segment="VIP",
        ),
        Touchpoint(
            "T03",
            "Loyalty",
            "E-mail",
            "Receives the newsletter",
            Perception.DISAPPOINTMENT,
            -2,
            4,
            segment="New customers",
        ),
    ),
    personas=(Persona("Claire", "New customers", "34, buys online"), Persona("Marc")),
    paths=(PersonaPath("Claire", ("T01", "T02", "T03")), PersonaPath("Marc", ("T02",))),
)
PLAN = RelationshipPlan(
    programmes=(
        Programme(
            "Welcome",
            ("Convert first-time buyers", "Collect preferences"),
            "Second purchases within 90 days",
            "New customers",
            ("T01", "T03"),
            "From the first purchase",
        ),
        Programme("Reactivation", ("Win back inactive clients",), "Reactivated clients"),
    ),
    scenarios=(
        Scenario("Welcome series", "Welcome", "Account created", "E-mail", 0, 7, 2, None, ("T01",)),
        Scenario(
            "Win-back",
            "Reactivation",
            "No purchase for 180 days",
            "E-mail",
            1.5,
            30,
            1 / 12,
            "VIP",
            ("T03",),
        ),
    ),
    campaigns=(
        Campaign(
            "Winter sale", "Reactivation", dt.date(2027, 1, 10), ALL_SEGMENTS, "E-mail", ("T03",)
        ),
        Campaign("Spring newsletter", "Welcome", dt.date(2027, 3, 15), "New customers"),
    ),
    conventions=Conventions(
        active_months=12,
        inactive_months=24,
        caps=(PressureCap(ALL_SEGMENTS, 2, 6), PressureCap("VIP", 3)),
        opt_in=(
            OptInRule("E-mail", OptIn.SOFT_OPT_IN, "existing customers"),
            OptInRule("Store", OptIn.OPT_OUT),
        ),
        senders=(
            Sender(Family.TRANSACTIONAL, "orders@brand.com", "10.0.0.1"),
            Sender(Family.CAMPAIGNS, "news@brand.com"),
        ),
    ),
)
TCO = TcoInputs(
    TcoSettings(horizon_years=3, users=5),
    (CostLine("SaaS", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT, 1000),),
)
JOURNEY_SHEETS = {
    "en": ["Stages", "Channels", "Segments", "Touchpoints", "Personas", "Paths"],
    "fr": ["Étapes", "Canaux", "Segments", "Points de contact", "Personas", "Parcours"],
}
PLAN_SHEETS = {
    "en": ["Programmes", "Scenarios", "Campaigns", "Conventions"],
    "fr": ["Programmes", "Scénarios", "Campagnes", "Conventions"],
}


def write_workbook(
    folder: Path,
    lang: Lang = "en",
    journey: Journey | None = JOURNEY,
    plan: RelationshipPlan | None = PLAN,
) -> Path:
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, lang, about, tco=TCO, journey=journey, plan=plan)
    return path


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_workbook(tmp_path)


def damage(path: Path, sheet: str, cells: dict[str, object]) -> None:
    """Overwrite cells, the way a consultant would in Excel, and save."""
    overwrite(path, sheet, cells)


def journey_error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_journey(read_workbook(path))
    return info.value


def plan_error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_plan(read_workbook(path))
    return info.value


def said(text: object, error: WorkbookError) -> str:
    """A part of ``error`` as the consultant reads it: in the workbook's language."""
    return render(text, error.lang or "en")


def assert_at(error: WorkbookError, path: Path, sheet: str, cell: str, found: str) -> None:
    assert (error.file, error.sheet, error.cell) == (str(path), sheet, cell), str(error)
    assert error.found is not None and found in said(error.found, error), str(error)


def values(path: Path, skip: set[str]) -> dict[str, dict[str, object]]:
    """Every cell value of every sheet but ``skip``, formulas as written."""
    wb = load_workbook(path)
    return {
        ws.title: {
            c.coordinate: c.value for row in ws.iter_rows() for c in row if c.value is not None
        }
        for ws in wb.worksheets
        if ws.title not in skip
    }


# --- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path, lang):
    path = write_workbook(tmp_path, lang)
    reader = read_workbook(path)
    assert has_journey(reader) and has_plan(reader)
    assert read_journey(reader) == JOURNEY
    assert read_plan(reader) == PLAN
    names = load_workbook(path).sheetnames
    start = names.index(JOURNEY_SHEETS[lang][0])  # the data map's sheets follow the plan's
    assert names[start : start + 10] == JOURNEY_SHEETS[lang] + PLAN_SHEETS[lang]


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_template_sheets(tmp_path, lang):
    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, lang)
    reader = read_workbook(path)
    assert not has_journey(reader)
    assert not has_plan(reader)
    wb = load_workbook(path)
    touchpoints = wb[JOURNEY_SHEETS[lang][3]]
    header = [c.value for c in touchpoints[5]][:6]
    assert (
        header
        == {
            "en": ["ID", "Stage", "Channel", "Description", "Segment", "Perception"],
            "fr": ["ID", "Étape", "Canal", "Description", "Segment", "Perception"],
        }[lang]
    )
    assert touchpoints["A5"].comment is not None  # the help, as a comment on the header
    drop_downs = {
        (str(dv.sqref).split(":")[0], dv.formula1)
        for dv in touchpoints.data_validations.dataValidation
    }
    assert {("B6", "stage_names"), ("C6", "channel_names"), ("F6", "list_perception")} <= drop_downs
    assert ("H6", "1") in drop_downs  # importance 1-5
    assert {"stage_names", "touchpoint_ids", "programme_names", "list_opt_in"} <= set(
        wb.defined_names.keys()
    )
    lists = wb[{"en": "Lists", "fr": "Listes"}[lang]]
    column = next(c.column for c in lists[1] if c.value == "list_perception")
    perceptions = [lists.cell(row=r, column=column).value for r in (2, 3, 4)]
    disappointment = {"en": "disappointment", "fr": "déception"}[lang]
    assert perceptions == ["satisfaction", "friction", disappointment]
    with pytest.raises(WorkbookError) as info:
        read_journey(reader)
    assert str(info.value).endswith(  # in the workbook's language
        {
            "en": "Stages!A6: at least one stage under the header row 5; found no stage",
            "fr": "Étapes!A6\u00a0: on attend au moins une ligne d'étape sous la ligne d'en-tête 5"
            "\u202f; trouvé\u00a0: aucune ligne d'étape",
        }[lang]
    )


def test_empty_optional_sheets(tmp_path):
    """A journey of stages and channels only, a plan of one programme."""
    journey = Journey((Stage("Discovery"),), (Channel("Web"),))
    plan = RelationshipPlan((Programme("Welcome"),))
    path = write_workbook(tmp_path, journey=journey, plan=plan)
    reader = read_workbook(path)
    assert read_journey(reader) == journey
    assert read_plan(reader) == plan


def test_sheets_missing_from_an_old_workbook(path):
    wb = load_workbook(path)
    for name in (
        "Segments",
        "Touchpoints",
        "Personas",
        "Paths",
        "Scenarios",
        "Campaigns",
        "Conventions",
    ):
        del wb[name]
    wb.save(path)
    reader = read_workbook(path)
    journey = read_journey(reader)
    assert (journey.stages, journey.touchpoints, journey.paths) == (JOURNEY.stages, (), ())
    plan = read_plan(reader)
    assert (plan.scenarios, plan.conventions) == ((), Conventions())
    wb = load_workbook(path)
    del wb["Stages"]
    del wb["Programmes"]
    wb.save(path)
    reader = read_workbook(path)
    assert not has_journey(reader) and not has_plan(reader)


# --- what a consultant types -------------------------------------------------------------------


def test_french_values_typed_in_excel(path):
    damage(
        path,
        "Touchpoints",
        {"F6": "Déception", "F7": " FRICTION ", "E6": "tous", "E8": "Tous", "B6": "discovery"},
    )
    damage(path, "Personas", {"B6": "new  customers"})
    journey = read_journey(read_workbook(path))
    t01, t02, t03 = journey.touchpoints
    assert (t01.perception, t02.perception) == (Perception.DISAPPOINTMENT, Perception.FRICTION)
    assert (t01.segment, t03.segment, t01.stage) == (ALL_SEGMENTS, ALL_SEGMENTS, "Discovery")
    assert journey.personas[0].segment == "New customers"


def test_three_objectives_are_read(path):
    damage(path, "Programmes", {"B6": "Convert buyers\nCollect preferences\nGrow the basket"})
    damage(path, "Programmes", {"B7": "Win back; Reduce churn ;Learn why"})
    welcome, reactivation = read_plan(read_workbook(path)).programmes
    assert welcome.objectives == ("Convert buyers", "Collect preferences", "Grow the basket")
    assert reactivation.objectives == ("Win back", "Reduce churn", "Learn why")


def test_lists_of_names(path):
    damage(path, "Segments", {"C6": "web site, e-mail", "D7": "Purchase\nLoyalty"})
    damage(path, "Programmes", {"E6": "t01 ; T03", "D7": "all", "E7": "T09"})
    damage(path, "Scenarios", {"D6": "e-mail", "H6": "tous"})
    reader = read_workbook(path)
    segments = read_journey(reader).segments
    assert segments[0].channels == ("Web site", "E-mail")
    assert segments[1].stages == ("Purchase", "Loyalty")
    plan = read_plan(reader)
    # matched to the journey's spelling; an unknown ID is kept for the plan checks to report
    assert [p.touchpoints for p in plan.programmes] == [("T01", "T03"), ("T09",)]
    assert plan.programmes[1].segment == ALL_SEGMENTS
    assert (plan.scenarios[0].channel, plan.scenarios[0].segment) == ("E-mail", ALL_SEGMENTS)


def test_paths_are_ordered_by_step(path):
    damage(path, "Paths", {"B6": 30, "B7": 10, "B8": 20})
    journey = read_journey(read_workbook(path))
    assert journey.paths[0] == PersonaPath("Claire", ("T02", "T03", "T01"))


@pytest.mark.parametrize(
    "typed,expected",
    [
        ("2027-03-15", dt.date(2027, 3, 15)),
        ("15/03/2027", dt.date(2027, 3, 15)),
        ("03/15/2027", dt.date(2027, 3, 15)),
        ("05.05.2027", dt.date(2027, 5, 5)),
    ],
)
def test_campaign_dates_typed_as_text(path, typed, expected):
    damage(path, "Campaigns", {"C7": typed})
    assert read_plan(read_workbook(path)).campaigns[1].date == expected


def test_monthly_rate_as_a_fraction_and_inactivity_before_activity(path):
    """1/12 typed in the fraction-formatted cell is a number; an inactivity shorter than the
    activity is a finding of the plan checks, not a reading error."""
    wb = load_workbook(path)
    assert wb["Scenarios"]["G7"].number_format == MONTHLY_FORMAT
    damage(path, "Conventions", {"B4": 24, "B5": 12})
    conventions = read_plan(read_workbook(path)).conventions
    assert (conventions.active_months, conventions.inactive_months) == (24, 12)


# --- bad cells: the journey --------------------------------------------------------------------


def test_touchpoint_on_an_unknown_stage(path):
    damage(path, "Touchpoints", {"B7": "Purchse"})
    error = journey_error(path)
    assert_at(error, path, "Touchpoints", "B7", "'Purchse'")
    assert said(error.hint, error) == "did you mean 'Purchase'?"
    assert "a stage of the Stages sheet" in said(error.expected, error)


def test_errors_of_a_french_workbook_are_in_french(tmp_path):
    """Sheets and columns named as the workbook shows them, the rest in French."""
    path = write_workbook(tmp_path, "fr")
    damage(path, "Points de contact", {"B7": "Purchse"})
    error = journey_error(path)
    assert (error.sheet, error.cell, error.lang) == ("Points de contact", "B7", "fr")
    assert str(error) == (
        f"{path}, Points de contact!B7\u00a0: on attend un nom d'étape de la feuille "
        "«\u202fÉtapes\u202f» (parmi «\u202fDiscovery\u202f», «\u202fPurchase\u202f», "
        "«\u202fLoyalty\u202f»)\u202f; trouvé\u00a0: le texte «\u202fPurchse\u202f» (vouliez-vous "
        "dire «\u202fPurchase\u202f»\u202f?)"
    )
    damage(path, "Points de contact", {"B7": "Purchase", "A8": "T01"})
    assert str(journey_error(path)).endswith(
        "Points de contact!A8\u00a0: on attend chaque ID de point de contact une seule fois"
        "\u202f; trouvé\u00a0: «\u202fT01\u202f» de nouveau, déjà en Points de contact!A6 (une "
        "ligne par ID de point de contact\u00a0: fusionnez les deux lignes ou renommez-en une)"
    )
    damage(path, "Scénarios", {"E7": -3})
    assert str(plan_error(path)).endswith(
        "Scénarios!E7\u00a0: on attend un nombre ≥ 0 pour «\u202fDélai (jours)\u202f»\u202f; "
        "trouvé\u00a0: -3 (un délai se compte après le déclencheur)"
    )


def test_touchpoint_on_an_unknown_channel(path):
    damage(path, "Touchpoints", {"C8": "SMS"})
    error = journey_error(path)
    assert_at(error, path, "Touchpoints", "C8", "'SMS'")
    assert "'Web site', 'Store', 'E-mail'" in said(error.expected, error)


def test_touchpoint_on_an_unknown_segment(path):
    damage(path, "Touchpoints", {"E7": "VIPs"})
    error = journey_error(path)
    assert_at(error, path, "Touchpoints", "E7", "'VIPs'")
    assert said(error.hint, error) == "did you mean 'VIP'?"


def test_path_through_a_touchpoint_that_does_not_exist(path):
    damage(path, "Paths", {"C8": "T3"})
    error = journey_error(path)
    assert_at(error, path, "Paths", "C8", "'T3'")
    assert said(error.hint, error) == "did you mean 'T03'?"


def test_unknown_persona_in_paths(path):
    damage(path, "Paths", {"A9": "Marco"})
    error = journey_error(path)
    assert_at(error, path, "Paths", "A9", "'Marco'")
    assert said(error.hint, error) == "did you mean 'Marc'?"


def test_duplicate_step(path):
    damage(path, "Paths", {"B8": 2})
    error = journey_error(path)
    assert_at(error, path, "Paths", "B8", "step 2 again, already in Paths!B7")


@pytest.mark.parametrize("value,found", [(0, "0"), (6, "6"), (2.5, "2.5"), ("high", "'high'")])
def test_importance_outside_1_to_5(path, value, found):
    damage(path, "Touchpoints", {"H6": value})
    assert_at(journey_error(path), path, "Touchpoints", "H6", found)


@pytest.mark.parametrize("value", [3, -3])
def test_emotion_outside_minus_2_to_plus_2(path, value):
    damage(path, "Touchpoints", {"G7": value})
    error = journey_error(path)
    assert_at(error, path, "Touchpoints", "G7", str(value))
    assert "between -2 and 2" in said(error.expected, error)


def test_performance_outside_1_to_5(path):
    damage(path, "Touchpoints", {"I6": 9})
    assert_at(journey_error(path), path, "Touchpoints", "I6", "9")


def test_unknown_perception(path):
    damage(path, "Touchpoints", {"F6": "happy"})
    assert_at(journey_error(path), path, "Touchpoints", "F6", "'happy'")


@pytest.mark.parametrize(
    "sheet,cell,value,found",
    [
        ("Touchpoints", "A8", "t01", "'t01' again, already in Touchpoints!A6"),
        ("Stages", "A8", "Discovery", "'Discovery' again, already in Stages!A6"),
        ("Channels", "A7", "web site", "'web site' again, already in Channels!A6"),
        ("Segments", "A7", "New customers", "again, already in Segments!A6"),
        ("Personas", "A7", "Claire", "'Claire' again, already in Personas!A6"),
    ],
)
def test_duplicate_ids_and_names(path, sheet, cell, value, found):
    damage(path, sheet, {cell: value})
    assert_at(journey_error(path), path, sheet, cell, found)


@pytest.mark.parametrize(
    "sheet,cell,found",
    [
        ("Touchpoints", "B6", "an empty cell"),  # stage
        ("Touchpoints", "F7", "an empty cell"),  # perception
        ("Touchpoints", "H8", "an empty cell"),  # importance
        ("Paths", "B7", "an empty cell"),  # step
        ("Paths", "C9", "an empty cell"),  # touchpoint
    ],
)
def test_missing_required_cells(path, sheet, cell, found):
    damage(path, sheet, {cell: None})
    assert_at(journey_error(path), path, sheet, cell, found)


def test_row_without_its_name(path):
    damage(path, "Touchpoints", {"A7": None})
    assert_at(journey_error(path), path, "Touchpoints", "A7", "an empty cell")


def test_segment_channel_unknown(path):
    damage(path, "Segments", {"C6": "Web site, Mail"})
    error = journey_error(path)
    assert_at(error, path, "Segments", "C6", "'Mail'")


def test_segment_named_all_is_refused(path):
    damage(path, "Segments", {"A7": "Tous"})
    assert_at(journey_error(path), path, "Segments", "A7", "'Tous'")


def test_blank_rows_are_skipped(path):
    wb = load_workbook(path)
    ws = wb["Touchpoints"]
    ws.move_range("A8:L8", rows=5)  # T03 after four blank rows
    wb.save(path)
    assert read_journey(read_workbook(path)) == JOURNEY


def test_columns_are_found_by_their_header(path):
    """Headers in the other language, in another order."""
    wb = load_workbook(path)
    ws = wb["Stages"]
    for row in range(5, 9):
        a, b = ws[f"A{row}"].value, ws[f"B{row}"].value
        ws[f"A{row}"], ws[f"B{row}"] = a, b
    ws["A5"], ws["B5"] = "Étape", "Description"
    wb.save(path)
    assert read_journey(read_workbook(path)).stage_names == JOURNEY.stage_names


# --- bad cells: the plan -----------------------------------------------------------------------


def test_scenario_on_an_unknown_programme(path):
    damage(path, "Scenarios", {"B7": "Reactivaton"})
    error = plan_error(path)
    assert_at(error, path, "Scenarios", "B7", "'Reactivaton'")
    assert said(error.hint, error) == "did you mean 'Reactivation'?"


def test_campaign_on_an_unknown_programme(path):
    damage(path, "Campaigns", {"B6": "Loyalty"})
    error = plan_error(path)
    assert_at(error, path, "Campaigns", "B6", "'Loyalty'")
    assert "'Welcome', 'Reactivation'" in said(error.expected, error)


@pytest.mark.parametrize(
    "typed,found,hint",
    [
        ("next week", "'next week'", "2027-03-15"),
        ("03/04/2027", "'03/04/2027'", "3 April 2027 (day first) or 4 March 2027"),
        ("31/02/2027", "'31/02/2027'", "2027-03-15"),
        (12, "the date 1900-01-12", "type the date itself"),
    ],
)
def test_campaign_date_that_is_not_a_date(path, typed, found, hint):
    damage(path, "Campaigns", {"C7": typed})
    error = plan_error(path)
    assert_at(error, path, "Campaigns", "C7", found)
    assert hint in said(error.hint, error)


def test_campaign_without_a_date(path):
    damage(path, "Campaigns", {"C6": None})
    assert_at(plan_error(path), path, "Campaigns", "C6", "an empty cell")


def test_scenario_with_a_negative_delay(path):
    damage(path, "Scenarios", {"E7": -3})
    error = plan_error(path)
    assert_at(error, path, "Scenarios", "E7", "-3")
    assert "a number >= 0 for 'Delay (days)'" in said(error.expected, error)


def test_scenario_with_a_zero_cap(path):
    damage(path, "Scenarios", {"F6": 0})
    assert_at(plan_error(path), path, "Scenarios", "F6", "0")


def test_monthly_rate_taken_for_a_date(path):
    damage(path, "Scenarios", {"G7": dt.datetime(2027, 1, 12)})
    error = plan_error(path)
    assert_at(error, path, "Scenarios", "G7", "the date 2027-01-12")
    assert "=1/12 or 0.083" in said(error.hint, error)


@pytest.mark.parametrize(
    "sheet,cell,value,found",
    [
        ("Programmes", "A7", "welcome", "'welcome' again, already in Programmes!A6"),
        ("Scenarios", "A7", "Welcome series", "again, already in Scenarios!A6"),
    ],
)
def test_duplicate_plan_names(path, sheet, cell, value, found):
    damage(path, sheet, {cell: value})
    assert_at(plan_error(path), path, sheet, cell, found)


def test_duplicate_campaign(path):
    damage(
        path,
        "Campaigns",
        {
            "A7": "Winter sale",
            "B7": "Reactivation",
            "C7": dt.date(2027, 1, 10),
            "D7": "all",
            "E7": "E-mail",
        },
    )
    assert_at(plan_error(path), path, "Campaigns", "A7", "again, already in Campaigns!A6")


def test_scenario_without_a_trigger(path):
    damage(path, "Scenarios", {"C6": None})
    assert_at(plan_error(path), path, "Scenarios", "C6", "an empty cell")


def test_conventions_tables(path):
    reader = read_workbook(path)
    ws = reader.sheet("sheet.conventions")
    rows = {c.value: c.row for c in ws["A"] if c.value in ("Segment", "Channel", "Family")}
    assert rows["Segment"] == 9
    # a third cap, and a rule typed in French
    damage(path, "Conventions", {"A12": "New customers", "C12": 4})
    damage(path, "Conventions", {f"B{rows['Channel'] + 1}": "Opt-In"})
    conventions = read_plan(read_workbook(path)).conventions
    assert conventions.caps[-1] == PressureCap("New customers", None, 4)
    assert conventions.opt_in[0].rule is OptIn.OPT_IN
    damage(path, "Conventions", {f"A{rows['Family'] + 2}": "Transactionnel"})
    error = plan_error(path)
    assert_at(error, path, "Conventions", f"A{rows['Family'] + 2}", "again, already in")
    damage(path, "Conventions", {f"B{rows['Channel'] + 2}": "double opt-in"})
    assert_at(plan_error(path), path, "Conventions", f"B{rows['Channel'] + 2}", "'double opt-in'")


def test_no_programme(tmp_path):
    path = write_workbook(tmp_path, plan=None)
    assert not has_plan(read_workbook(path))
    error = plan_error(path)
    assert (error.sheet, error.cell, said(error.found, error)) == (
        "Programmes",
        "A6",
        "no programme",
    )


# --- saving the journey from the workshop ------------------------------------------------------

EDITED = dataclasses.replace(
    JOURNEY,
    stages=(*JOURNEY.stages, Stage("Advocacy", "Recommends the brand")),
    touchpoints=JOURNEY.touchpoints[:2],
    paths=(PersonaPath("Claire", ("T02", "T01")),),
)


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_save_journey_round_trip_keeps_the_rest(tmp_path, lang):
    path = write_workbook(tmp_path, lang)
    others = values(path, set(JOURNEY_SHEETS[lang]))
    before = load_workbook(path)
    message = save_journey(path, EDITED)
    reader = read_workbook(path)
    assert read_journey(reader) == EDITED
    assert read_plan(reader) == PLAN  # the plan's sheets untouched
    assert values(path, set(JOURNEY_SHEETS[lang])) == others  # cell by cell
    after = load_workbook(path)
    assert after.sheetnames == before.sheetnames
    touchpoints = after[JOURNEY_SHEETS[lang][3]]
    assert {str(dv.sqref) for dv in touchpoints.data_validations.dataValidation} == {
        str(dv.sqref) for dv in before[JOURNEY_SHEETS[lang][3]].data_validations.dataValidation
    }
    assert touchpoints["A8"].value is None  # T03's row cleared
    assert touchpoints["A5"].comment is not None
    assert after[JOURNEY_SHEETS[lang][5]]["A7"].value == "Claire"
    assert after[JOURNEY_SHEETS[lang][5]]["A8"].value is None
    assert set(after.defined_names.keys()) == set(before.defined_names.keys())
    said = render(message, lang)
    assert {"en": "saved the journey (4 stages, 3 channels,", "fr": "(4 étapes, 3 canaux,"}[
        lang
    ] in said
    assert "backups" in said


def test_save_journey_backs_up_the_previous_file(path):
    old = path.read_bytes()
    message = save_journey(path, EDITED)
    backups = list((path.parent / "backups").iterdir())
    assert len(backups) == 1
    (backup,) = backups
    assert backup.name.startswith("workbook-") and backup.suffix == ".xlsx"
    assert len(backup.stem) == len("workbook-YYYYMMDD-HHMMSS")
    assert backup.read_bytes() == old
    assert f"backups/{backup.name}" in render(message, "en")
    # a second save in the same second gets its own backup
    save_journey(path, JOURNEY)
    assert len(list((path.parent / "backups").iterdir())) == 2
    assert read_journey(read_workbook(path)) == JOURNEY


def test_save_journey_into_another_backup_folder(path, tmp_path):
    elsewhere = tmp_path / "kept"
    save_journey(path, EDITED, backup_dir=elsewhere)
    assert len(list(elsewhere.iterdir())) == 1
    assert not (path.parent / "backups").exists()


def test_save_journey_into_a_workbook_made_before_the_journey_sheets(tmp_path):
    path = tmp_path / "workbook.xlsx"
    about = About("Maison Dupont", "fr", "EUR")
    wb = build_workbook("fr", about, tco=TCO)
    for name in [*JOURNEY_SHEETS["fr"], *PLAN_SHEETS["fr"]]:
        del wb[name]
    for name in [n for n in wb.defined_names if n.endswith(("_names", "_ids"))]:
        del wb.defined_names[name]
    lists = wb["Listes"]
    for column in list(lists.iter_cols(min_row=1, max_row=1)):
        if column[0].value in ("list_perception", "list_opt_in", "list_sender_family"):
            del wb.defined_names[column[0].value]
            lists.delete_cols(column[0].column)
    save_workbook(wb, path)
    others = values(path, set())
    save_journey(path, JOURNEY)
    after = load_workbook(path)
    assert after.sheetnames[-6:] == JOURNEY_SHEETS["fr"]
    assert read_journey(read_workbook(path)) == JOURNEY
    assert "list_perception" in after.defined_names
    kept = values(path, set(JOURNEY_SHEETS["fr"]))
    assert {name: cells for name, cells in kept.items() if name != "Listes"} == {
        name: cells for name, cells in others.items() if name != "Listes"
    }
    drop_downs = {dv.formula1 for dv in after["Points de contact"].data_validations.dataValidation}
    assert {"stage_names", "channel_names", "list_perception"} <= drop_downs


@pytest.mark.parametrize("lock", ["~$workbook.xlsx", ".~lock.workbook.xlsx#"])
def test_save_journey_refused_when_the_workbook_is_open(path, lock):
    (path.parent / lock).write_text("owner")
    old = path.read_bytes()
    with pytest.raises(WorkbookError) as info:
        save_journey(path, EDITED)
    error = info.value
    assert error.file == str(path)
    assert lock in said(error.found, error)
    assert "nothing was written" in said(error.hint, error)
    assert path.read_bytes() == old
    assert not (path.parent / "backups").exists()


@pytest.mark.parametrize("target", ["file", "folder"])
def test_save_journey_refused_when_read_only(path, monkeypatch, target):
    """As root, os.access says a chmod 444 file is writable: the refusal is tested by making
    os.access say what it says to a normal user of a read-only file (or folder)."""
    read_only = path if target == "file" else path.parent
    path.chmod(0o444)
    real_access = os.access

    def access(p: object, mode: int) -> bool:
        if mode == os.W_OK and Path(str(p)) == read_only:
            return False
        return real_access(p, mode)  # type: ignore[arg-type]

    monkeypatch.setattr(workbook_save.os, "access", access)
    old = path.read_bytes()
    try:
        with pytest.raises(WorkbookError) as info:
            save_journey(path, EDITED)
    finally:
        path.chmod(0o644)
    assert "read-only" in said(info.value.found, info.value)
    assert path.read_bytes() == old
    assert not (path.parent / "backups").exists()


def test_save_journey_into_a_missing_workbook(tmp_path):
    with pytest.raises(WorkbookError) as info:
        save_journey(tmp_path / "workbook.xlsx", JOURNEY)
    assert said(info.value.found, info.value) == "no such file"

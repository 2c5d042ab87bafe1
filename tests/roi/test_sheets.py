"""The ROI sheet of the client workbook (crmwb.roi.sheets): written, read back into a RoiCase
with the TCO's horizon and costs, and every bad cell reported with the file, sheet and cell.

Each test writes a valid workbook into tmp_path with build_workbook(..., roi=SHEET), damages
one cell with openpyxl, and reads it back. Layout of the ROI sheet, in English:

* Parameters in B: B4 discount rate, B5 TCO option, B6 project team days, B7 day cost, B8
  training hours per user, B9 loaded hourly cost, B10 change management, B11 cost risk.
* Header row 14: A Lever, B Name, C Input, D Low, E Most likely, F High, G-I Ramp-up years 1-3,
  J Risk adjustment, K Notes.
* Rows 15-19: Time saved "Search" (users, minutes a day 10/15/20, working days, loaded hourly
  cost, productive share; ramp-up 50 % / 100 % and risk 10 % on row 15).
  Rows 20-23: Reactivated dormant clients "Win-back" (dormant clients, reactivation rate,
  average basket, gross margin rate). Row 24: a qualitative benefit.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
import math
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import WorkbookError, render
from crmwb.core.i18n import Lang
from crmwb.core.uncertainty import Pert
from crmwb.roi.levers import QualitativeBenefit, ReactivatedDormantClients, TimeSaved
from crmwb.roi.model import analyse_roi
from crmwb.roi.sheets import RoiSheet, has_roi, read_roi
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings, compare_options
from crmwb.tco.sheets import TcoInputs, read_tco
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.workbook.about import About
from crmwb.workbook.reader import read_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"

TCO = TcoInputs(
    TcoSettings(horizon_years=3, users=5),
    (
        CostLine("SaaS", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT, 1000),
        CostLine("SaaS", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 3000),
    ),
)
SEARCH = TimeSaved(
    name="Search",
    users=5,
    minutes_a_day=Pert(10, 15, 20),
    working_days=200,
    loaded_hourly_cost=40,
    productive_share=0.5,
    ramp_up=(0.5, 1.0),
    risk_adjustment=0.1,
    comes_from="UC-01",
)
WIN_BACK = ReactivatedDormantClients(
    name="Win-back",
    dormant_clients=1000,
    reactivation_rate=0.05,
    average_basket=200,
    gross_margin_rate=0.4,
)
SHEET = RoiSheet(
    tco_option="SaaS",
    levers=(SEARCH, WIN_BACK),
    qualitative=(QualitativeBenefit("Shared history", "Everyone sees past exchanges."),),
    discount_rate=0.10,
    team_days=10,
    day_cost=500,
    training_hours=7,
    hourly_cost=40,
    change_management=2000,
    cost_risk=0.1,
)


def write_workbook(
    folder: Path, sheet: RoiSheet | None = SHEET, lang: Lang = "en", tco: TcoInputs | None = TCO
) -> Path:
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, lang, about, tco=tco, roi=sheet)
    return path


def damage(path: Path, cells: dict[str, object], sheet: str = "ROI") -> None:
    """Overwrite cells, the way a consultant would in Excel, and save."""
    overwrite(path, sheet, cells)


def error_at(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_roi(read_workbook(path))
    return info.value


def assert_at(error: WorkbookError, path: Path, cell: str, sheet: str = "ROI") -> None:
    assert (error.file, error.sheet, error.cell) == (str(path), sheet, cell), str(error)


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


def english(part: object) -> str:
    """A part of an error (expected, found, hint) as English writes it."""
    return render(part, "en")


# --- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path, lang):
    path = write_workbook(tmp_path, lang=lang)
    reader = read_workbook(path)
    assert has_roi(reader)
    case = read_roi(reader)
    assert case.levers == (SEARCH, WIN_BACK)
    assert case.qualitative == SHEET.qualitative
    assert (case.settings.horizon_years, case.settings.discount_rate) == (3, 0.10)
    # TCO SaaS: 3000 set-up at t=0, 1000 a year; team 10 x 500, training 5 users x 7 h x 40
    assert [(english(c.name), c.per_period, c.risk_adjustment) for c in case.costs] == [
        ("TCO: SaaS", (3000.0, 1000.0, 1000.0, 1000.0), 0.1),
        ("Internal project team", (5000.0, 0.0, 0.0, 0.0), 0.1),
        ("Users' training time", (1400.0, 0.0, 0.0, 0.0), 0.1),
        ("Change management", (2000.0, 0.0, 0.0, 0.0), 0.1),
    ]
    # the cost lines are written in the deliverable's language, whatever the workbook's
    assert [render(c.name, "fr") for c in case.costs] == [
        "TCO de l'option SaaS",
        "Équipe projet interne",
        "Temps de formation des utilisateurs",
        "Conduite du changement",
    ]
    # 5 x 15 / 60 x 200 x 40 x 0.5 = 5000 (half in year 1); 1000 x 0.05 x 200 x 0.4 = 4000
    analysis = analyse_roi(case)
    benefits = analysis.unadjusted.table.row("benefits").per_period
    assert benefits == (0.0, 6500.0, 9000.0, 9000.0)
    # each lever's risk-adjusted present value; together, the risk-adjusted benefits':
    # Search 2500/1.1 + 5000/1.1^2 + 5000/1.1^3 = 10 161.53, less 10 % = 9 145.38;
    # Win-back 4000 x (1/1.1 + 1/1.1^2 + 1/1.1^3) = 9 947.41
    search, win_back = analysis.lever_present_values()
    assert (search, win_back) == (
        pytest.approx(9145.38, abs=0.01),
        pytest.approx(9947.41, abs=0.01),
    )
    assert search + win_back == pytest.approx(analysis.risk_adjusted.pv_benefits)


def test_where_a_lever_comes_from_is_read_on_any_one_of_its_rows(tmp_path):
    path = write_workbook(tmp_path)
    ws = load_workbook(path)["ROI"]
    assert ws["L14"].value == "Comes from" and ws["L15"].value == "UC-01"  # Search's first row
    damage(path, {"L15": None, "L17": "uc-01", "L20": "Welcome"})  # Win-back's first row: 20
    case = read_roi(read_workbook(path))
    assert [lever.comes_from for lever in case.levers] == ["uc-01", "Welcome"]


def test_a_lever_that_comes_from_two_places(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"L16": "Welcome"})
    error = error_at(path)
    assert_at(error, path, "L16")
    assert str(error).endswith(
        "ROI!L16: one programme or use case of origin for lever 'Search' (Time saved); "
        "found another one than 'UC-01' on ROI!L15 (give it on one row of the lever)"
    )


def test_the_same_name_on_two_rows_groups_one_lever_and_blank_names_take_the_label(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {f"B{row}": None for row in range(20, 24)})
    case = read_roi(read_workbook(path))
    assert [lever.label for lever in case.levers] == ["Search", "Reactivated dormant clients"]


def test_inputs_are_written_with_their_labels_in_the_workbook_s_language(tmp_path):
    english_path = write_workbook(tmp_path / "en", lang="en")
    french_path = write_workbook(tmp_path / "fr", lang="fr")
    english_ws, french_ws = (load_workbook(p)["ROI"] for p in (english_path, french_path))
    assert [english_ws[f"C{row}"].value for row in range(15, 18)] == [
        "Users",
        "Minutes saved a day",
        "Working days a year",
    ]
    assert [french_ws[f"C{row}"].value for row in range(15, 18)] == [
        "Utilisateurs",
        "Minutes gagnées par jour",
        "Jours travaillés par an",
    ]


@pytest.mark.parametrize(
    "typed",
    [
        "minutes a day",  # as workbooks written before the labels have it
        "minutes_a_day",  # the field's name
        "Minutes gagnées par jour",  # the French label in an English workbook
        "MINUTES SAVED A DAY",
    ],
)
def test_inputs_are_read_by_their_label_in_any_language_or_their_former_name(tmp_path, typed):
    path = write_workbook(tmp_path)
    damage(path, {"C16": typed, "A20": "Clients dormants réactivés"})
    assert read_roi(read_workbook(path)).levers == (SEARCH, WIN_BACK)


# --- the template and the examples -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_template_roi_sheet(tmp_path, lang):
    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, lang)
    wb = load_workbook(path)
    assert wb.sheetnames[9] == "ROI"  # after the vendor sheets, before the journey's
    ws = wb["ROI"]
    assert ws["B4"].value is None  # the discount rate left blank: the TCO sheet's
    assert ws["A14"].value == {"fr": "Levier", "en": "Lever"}[lang]
    assert ws["A14"].comment is not None
    assert {"list_roi_lever", "list_roi_input"} <= set(wb.defined_names.keys())
    drop_downs = {
        (str(dv.sqref).split(":")[0], dv.formula1) for dv in ws.data_validations.dataValidation
    }
    assert {("A15", "list_roi_lever"), ("C15", "list_roi_input")} <= drop_downs
    assert not has_roi(read_workbook(path))  # an empty sheet: nothing to analyse
    # the Input drop-down offers the inputs' labels in the workbook's language, each once
    lists = wb[{"fr": "Listes", "en": "Lists"}[lang]]
    column = next(c[0].column for c in lists.iter_cols(max_row=1) if c[0].value == "list_roi_input")
    inputs = [c.value for c in next(lists.iter_cols(min_col=column, max_col=column))][1:]
    inputs = [value for value in inputs if value is not None]
    assert len(inputs) == len(set(inputs)) == 34
    wanted = {"fr": "Minutes gagnées par jour", "en": "Minutes saved a day"}[lang]
    assert wanted in inputs and "minutes a day" not in inputs


def _load_build_examples():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_examples_read_and_give_a_finite_npv(slug):
    reader = read_workbook(EXAMPLES / slug / "workbook.xlsx")
    assert has_roi(reader)
    case = read_roi(reader)
    assert case.levers == _load_build_examples().ROI[slug].levers
    analysis = analyse_roi(case)
    assert math.isfinite(analysis.unadjusted.npv)
    assert math.isfinite(analysis.risk_adjusted.npv)
    tco = read_tco(reader)
    # the examples take the option the TCO recommends (the cheapest over the horizon)
    cheapest = compare_options(tco.lines, tco.settings).cheapest
    assert english(case.costs[0].name) == f"TCO: {cheapest.option}"
    assert case.settings.horizon_years == tco.settings.horizon_years


# --- bad input: each names the file, the sheet and the cell -----------------------------------


def test_a_discount_rate_typed_as_a_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B4": 25})
    error = error_at(path)
    assert_at(error, path, "B4")
    assert "did you mean 25%" in str(error)


@pytest.mark.parametrize("rate", [-1, -1.5])
def test_a_discount_rate_of_minus_100_percent_or_less(tmp_path, rate):
    path = write_workbook(tmp_path)
    damage(path, {"B4": rate})
    error = error_at(path)
    assert_at(error, path, "B4")
    assert english(error.expected) == "a fraction > -1 for 'Discount rate'"


def test_a_ramp_up_over_100_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"H15": 1.2})
    error = error_at(path)
    assert_at(error, path, "H15")
    assert str(error).endswith(
        "ROI!H15: a share realised between 0 and 100% for 'Ramp-up year 2'; found 1.2"
        " (shown as 120%) (a lever realises at most 100% of its yearly value)"
    )


def test_a_ramp_up_over_100_percent_in_a_french_workbook(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, {"H15": 1.2})
    error = error_at(path)
    assert_at(error, path, "H15")
    assert plain(str(error)).endswith(
        "ROI!H15 : on attend une part réalisée comprise entre 0 et 100 % pour"
        " « Montée en charge an 2 » ; trouvé : 1,2 (affiché 120 %)"
        " (un levier réalise au plus 100 % de sa valeur annuelle)"
    )


def test_a_ramp_up_typed_as_a_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"G15": 50})
    assert "did you mean 50%? type 50% or 0.5, not 50" in str(error_at(path))


def test_a_negative_volume(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"E15": -5})  # users
    error = error_at(path)
    assert_at(error, path, "E15")
    assert str(error).endswith(
        "ROI!E15: a number >= 0 for 'Most likely'; found -5"
        " (volumes, amounts and rates are entered as positive numbers)"
    )


def test_a_rate_input_typed_as_a_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"E21": 5})  # reactivation rate
    error = error_at(path)
    assert_at(error, path, "E21")
    assert str(error).endswith(
        "ROI!E21: a fraction between 0 and 1 for the rate 'Reactivation rate'; found 5"
        " (did you mean 5%? type 5% or 0.05, not 5)"
    )


def test_a_lever_whose_input_is_missing_names_the_lever_and_the_input(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {f"{col}18": None for col in "ABCDEFGHIJK"})  # Search's loaded hourly cost
    error = error_at(path)
    assert_at(error, path, "C15")  # the lever's first row
    assert english(error.expected) == (
        "a row for the input 'Loaded hourly cost' of lever 'Search' (Time saved)"
        " (lever rows from row 15)"
    )
    assert english(error.found) == (
        "only 'Users', 'Minutes saved a day', 'Working days a year',"
        " 'Share of the time saved turned productive'"
    )


def test_a_french_workbook_names_the_lever_and_the_input_in_french(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, {f"{col}18": None for col in "ABCDEFGHIJK"}, sheet="ROI")
    error = error_at(path)
    assert_at(error, path, "C15")
    assert plain(str(error)).startswith(
        f"{path}, ROI!C15 : on attend une ligne pour la donnée « Coût horaire chargé » du"
        " levier « Search » (Temps gagné) (lignes du levier à partir de la ligne 15) ;"
        " trouvé : seulement « Utilisateurs », « Minutes gagnées par jour »"
    )


def test_an_unknown_input_suggests_the_closest(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"C16": "minutes saved a dya"})
    error = error_at(path)
    assert_at(error, path, "C16")
    assert english(error.expected).startswith("one of 'Users', 'Minutes saved a day', ")
    assert english(error.expected).endswith("for 'Input' (an input of lever 'Search' (Time saved))")
    assert english(error.hint) == "did you mean 'Minutes saved a day'?"


def test_an_unknown_input_in_a_french_workbook_suggests_the_french_label(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, {"C16": "minutes gagnées par jours"})
    error = error_at(path)
    assert_at(error, path, "C16")
    assert plain(str(error)).endswith(
        "pour « Donnée » (une donnée du levier « Search » (Temps gagné)) ; trouvé : le texte"
        " « minutes gagnées par jours » (vouliez-vous dire « Minutes gagnées par jour » ?)"
    )


def test_an_input_given_twice(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"C16": "users"})
    error = error_at(path)
    assert_at(error, path, "C16")
    assert english(error.expected) == "each input of lever 'Search' (Time saved) once"
    assert english(error.found) == "'users' again, already in ROI!C15"


def test_low_without_high(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"F16": None})
    assert_at(error_at(path), path, "F16")


def test_an_unknown_lever(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"A20": "Reactivated dormant client"})
    error = error_at(path)
    assert_at(error, path, "A20")
    assert english(error.hint) == "did you mean 'Reactivated dormant clients'?"
    assert english(error.expected).startswith("one of 'Reactivated dormant clients', ")
    assert english(error.expected).endswith(", 'Qualitative' for 'Lever'")


def test_no_tco_sheet(tmp_path):
    path = write_workbook(tmp_path)
    wb = load_workbook(path)
    del wb["TCO"]
    wb.save(path)
    error = error_at(path)
    assert_at(error, path, "B5")
    assert str(error).endswith(
        "ROI!B5: an option of the 'TCO' sheet; found no 'TCO' sheet (fill the 'TCO' sheet"
        " first: the ROI takes its horizon and an option's costs)"
    )


def test_a_tco_sheet_without_cost_lines(tmp_path):
    path = write_workbook(tmp_path, tco=None)  # the template's empty TCO sheet
    error = error_at(path)
    assert_at(error, path, "B5")
    assert "found a 'TCO' sheet with no cost line (fill the 'TCO' sheet first" in str(error)


def test_a_tco_sheet_without_cost_lines_in_a_french_workbook(tmp_path):
    path = write_workbook(tmp_path, tco=None, lang="fr")
    error = error_at(path)
    assert_at(error, path, "B5")
    assert plain(str(error)).endswith(
        "ROI!B5 : on attend une option de l'onglet « TCO » ; trouvé : un onglet « TCO » sans"
        " ligne de coût (remplissez d'abord l'onglet « TCO » : le ROI reprend son horizon et"
        " les coûts d'une option)"
    )


def test_an_option_the_tco_does_not_have(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B5": "Saas Pro"})
    error = error_at(path)
    assert_at(error, path, "B5")
    assert english(error.expected) == "one of 'SaaS' for 'TCO option'"
    assert english(error.hint) == "did you mean 'SaaS'?"


def test_no_option_chosen_names_the_cheapest(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B5": None})
    error = error_at(path)
    assert_at(error, path, "B5")
    assert english(error.hint) == "the TCO's cheapest option over the horizon is 'SaaS'"


def test_training_hours_without_an_hourly_cost(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B9": None})
    error = error_at(path)
    assert_at(error, path, "B9")
    assert english(error.expected) == (
        "a value for 'Loaded hourly cost', since 'Training hours per user' is 7"
    )


def test_training_hours_without_users_on_the_tco_sheet(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, {"B6": None}, sheet="TCO")  # the TCO's users
    error = error_at(path)
    assert_at(error, path, "B8")
    assert plain(str(error)).endswith(
        "ROI!B8 : on attend un nombre d'utilisateurs (« Utilisateurs » dans l'onglet « TCO ») :"
        " ce sont les utilisateurs formés ; trouvé : 0 ou une cellule vide (renseignez"
        " « Utilisateurs » dans l'onglet « TCO », ou laissez « Heures de formation par"
        " utilisateur » vide)"
    )


def test_the_roi_can_take_a_priced_vendor_s_tco_as_its_costs(tmp_path):
    """ROI!B5 may name a vendor of the Pricing sheet instead of an option of the TCO sheet."""
    import shutil

    from openpyxl import load_workbook as _load

    from crmwb.core.workspace import EXAMPLES_DIR
    from crmwb.workbook.reader import read_workbook as _read

    path = tmp_path / "workbook.xlsx"
    shutil.copy(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx", path)
    wb = _load(path)
    wb["ROI"]["B5"] = "Splio"
    wb.save(path)
    reader = _read(path)
    case = read_roi(reader)
    splio = read_vendor_comparison(reader).study.comparison.option("Splio")
    tco_line = case.costs[0]
    # the first cost line is Splio's TCO, period by period (no cost risk in the example: or
    # increased by it, the same factor on every period)
    ratio = tco_line.per_period[0] / splio.per_period[0]
    assert [round(a / ratio, 2) for a in tco_line.per_period] == [
        round(a, 2) for a in splio.per_period
    ]
    # the vendor's TCO as the vendor comparison gives it, at the TCO sheet's rate
    assert case.tco is not None and case.tco.vendor
    assert (case.tco.total, case.tco.present_value) == pytest.approx(
        (splio.total, splio.present_value)
    )


# --- one set of assumptions: the rate and the costs of the TCO ----------------------------------


def test_a_blank_discount_rate_is_the_tco_sheet_s(tmp_path):
    tco = TcoInputs(TcoSettings(horizon_years=3, discount_rate=0.08, users=5), TCO.lines)
    path = write_workbook(tmp_path, dataclasses.replace(SHEET, discount_rate=None), tco=tco)
    assert load_workbook(path)["ROI"]["B4"].value is None
    case = read_roi(read_workbook(path))
    assert case.settings.discount_rate == 0.08 and not case.own_discount_rate
    assert case.tco is not None and case.tco.discount_rate == 0.08


def test_a_discount_rate_of_its_own_is_kept_beside_the_tco_s(tmp_path):
    case = read_roi(read_workbook(write_workbook(tmp_path)))  # 10 %, the TCO sheet's 0 %
    assert case.settings.discount_rate == 0.10 and case.own_discount_rate
    assert case.tco is not None and case.tco.discount_rate == 0.0


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_the_roi_s_costs_reconcile_with_the_tco_report(slug):
    reader = read_workbook(EXAMPLES / slug / "workbook.xlsx")
    case = read_roi(reader)
    tco = read_tco(reader)
    option = compare_options(tco.lines, tco.settings).option(
        _load_build_examples().ROI[slug].tco_option
    )
    # the basis is the option as the TCO report computes it
    assert case.tco is not None
    assert (case.tco.option, case.tco.discount_rate) == (option.option, tco.settings.discount_rate)
    assert (case.tco.total, case.tco.present_value) == pytest.approx(
        (option.total, option.present_value)
    )
    # the ROI's TCO line has the option's amounts, period by period, in both results
    analysis = analyse_roi(case)
    for result in (analysis.unadjusted, analysis.risk_adjusted):
        line = result.table.cost_lines[0]
        assert line.per_period == pytest.approx(option.per_period)
        assert line.total == pytest.approx(option.total)
        if not case.own_discount_rate:
            assert line.present_value == pytest.approx(option.present_value)
    # the adjustment of the costs is its own line: the costs reconcile line by line
    adjusted = analysis.risk_adjusted.table
    summed = math.fsum(row.total or 0.0 for row in adjusted.cost_lines)
    assert summed == pytest.approx(adjusted.row("costs").total)


def test_the_examples_rates_literie_its_own_northwind_the_tco_s():
    """Literie's TCO keeps the guide's undiscounted comparison and its ROI is meant at 10 %;
    Northwind's ROI sheet leaves the rate blank: the TCO's 8 %."""
    lenoir = read_roi(read_workbook(EXAMPLES / "literie-lenoir" / "workbook.xlsx"))
    assert (lenoir.settings.discount_rate, lenoir.own_discount_rate) == (0.10, True)
    northwind = read_roi(read_workbook(EXAMPLES / "northwind-retail" / "workbook.xlsx"))
    assert (northwind.settings.discount_rate, northwind.own_discount_rate) == (0.08, False)

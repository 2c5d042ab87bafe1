"""The ROI sheet of the client workbook (crmwb.roi_sheets): written, read back into a RoiCase
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

import datetime as dt
import importlib.util
import math
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.errors import WorkbookError
from crmwb.i18n import Lang
from crmwb.roi import (
    QualitativeBenefit,
    ReactivatedDormantClients,
    TimeSaved,
    analyse_roi,
)
from crmwb.roi_sheets import RoiSheet
from crmwb.tco import Basis, Category, CostLine, Frequency, TcoSettings, compare_options
from crmwb.uncertainty import Pert
from crmwb.workbook import About, TcoInputs, build_workbook, read_workbook, save_workbook

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"

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
    save_workbook(build_workbook(lang, about, tco, None, sheet), path)
    return path


def damage(path: Path, cells: dict[str, object], sheet: str = "ROI") -> None:
    """Overwrite cells, the way a consultant would in Excel, and save."""
    wb = load_workbook(path)
    for cell, value in cells.items():
        wb[sheet][cell] = value
    wb.save(path)


def error_at(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_workbook(path).read_roi()
    return info.value


def assert_at(error: WorkbookError, path: Path, cell: str, sheet: str = "ROI") -> None:
    assert (error.file, error.sheet, error.cell) == (str(path), sheet, cell), str(error)


# --- round trip ------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path, lang):
    path = write_workbook(tmp_path, lang=lang)
    reader = read_workbook(path)
    assert reader.has_roi()
    case = reader.read_roi()
    assert case.levers == (SEARCH, WIN_BACK)
    assert case.qualitative == SHEET.qualitative
    assert (case.settings.horizon_years, case.settings.discount_rate) == (3, 0.10)
    # TCO SaaS: 3000 set-up at t=0, 1000 a year; team 10 x 500, training 5 users x 7 h x 40
    assert [(c.name, c.per_period, c.risk_adjustment) for c in case.costs] == [
        ("TCO: SaaS", (3000.0, 1000.0, 1000.0, 1000.0), 0.1),
        ("Internal project team", (5000.0, 0.0, 0.0, 0.0), 0.1),
        ("Users' training time", (1400.0, 0.0, 0.0, 0.0), 0.1),
        ("Change management", (2000.0, 0.0, 0.0, 0.0), 0.1),
    ]
    # 5 x 15 / 60 x 200 x 40 x 0.5 = 5000 (half in year 1); 1000 x 0.05 x 200 x 0.4 = 4000
    benefits = analyse_roi(case).unadjusted.table.row("benefits").per_period
    assert benefits == (0.0, 6500.0, 9000.0, 9000.0)


def test_the_same_name_on_two_rows_groups_one_lever_and_blank_names_take_the_label(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {f"B{row}": None for row in range(20, 24)})
    case = read_workbook(path).read_roi()
    assert [lever.label for lever in case.levers] == ["Search", "Reactivated dormant clients"]


def test_inputs_are_read_by_their_field_name_too(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"C16": "minutes_a_day", "A20": "Clients dormants réactivés"})
    assert read_workbook(path).read_roi().levers == (SEARCH, WIN_BACK)


# --- the template and the examples -----------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_template_roi_sheet(tmp_path, lang):
    path = tmp_path / "workbook.xlsx"
    save_workbook(build_workbook(lang), path)
    wb = load_workbook(path)
    assert wb.sheetnames[9] == "ROI"  # after the vendor sheets, before the journey's
    ws = wb["ROI"]
    assert ws["B4"].value == 0.10  # the default discount rate
    assert ws["A14"].value == {"fr": "Levier", "en": "Lever"}[lang]
    assert ws["A14"].comment is not None
    assert {"list_roi_lever", "list_roi_input"} <= set(wb.defined_names.keys())
    drop_downs = {
        (str(dv.sqref).split(":")[0], dv.formula1) for dv in ws.data_validations.dataValidation
    }
    assert {("A15", "list_roi_lever"), ("C15", "list_roi_input")} <= drop_downs
    assert not read_workbook(path).has_roi()  # an empty sheet: nothing to analyse


def _load_build_examples():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_examples_read_and_give_a_finite_npv(slug):
    reader = read_workbook(EXAMPLES / slug / "workbook.xlsx")
    assert reader.has_roi()
    case = reader.read_roi()
    assert case.levers == _load_build_examples().ROI[slug].levers
    analysis = analyse_roi(case)
    assert math.isfinite(analysis.unadjusted.npv)
    assert math.isfinite(analysis.risk_adjusted.npv)
    tco = reader.read_tco()
    # the examples take the option the TCO recommends (the cheapest over the horizon)
    cheapest = compare_options(tco.lines, tco.settings).cheapest
    assert case.costs[0].name == f"TCO: {cheapest.option}"
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
    assert "> -1" in error.expected


def test_a_ramp_up_over_100_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"H15": 1.2})
    error = error_at(path)
    assert_at(error, path, "H15")
    assert "between 0 and 100 %" in error.expected and "120%" in str(error.found)


def test_a_ramp_up_typed_as_a_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"G15": 50})
    assert "did you mean 50%" in str(error_at(path))


def test_a_negative_volume(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"E15": -5})  # users
    error = error_at(path)
    assert_at(error, path, "E15")
    assert ">= 0" in error.expected


def test_a_rate_input_typed_as_a_percent(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"E21": 5})  # reactivation rate
    error = error_at(path)
    assert_at(error, path, "E21")
    assert "did you mean 5%" in str(error)


def test_a_lever_whose_input_is_missing_names_the_lever_and_the_input(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {f"{col}18": None for col in "ABCDEFGHIJK"})  # Search's loaded hourly cost
    error = error_at(path)
    assert_at(error, path, "C15")  # the lever's first row
    assert "'loaded hourly cost'" in error.expected and "'Search'" in error.expected


def test_an_unknown_input_suggests_the_closest(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"C16": "minutes a dya"})
    error = error_at(path)
    assert_at(error, path, "C16")
    assert error.hint == "did you mean 'minutes a day'?"


def test_an_input_given_twice(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"C16": "users"})
    error = error_at(path)
    assert_at(error, path, "C16")
    assert "ROI!C15" in str(error.found)


def test_low_without_high(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"F16": None})
    assert_at(error_at(path), path, "F16")


def test_an_unknown_lever(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"A20": "Reactivated dormant client"})
    error = error_at(path)
    assert_at(error, path, "A20")
    assert error.hint == "did you mean 'Reactivated dormant clients'?"


def test_no_tco_sheet(tmp_path):
    path = write_workbook(tmp_path)
    wb = load_workbook(path)
    del wb["TCO"]
    wb.save(path)
    error = error_at(path)
    assert_at(error, path, "B5")
    assert "fill the TCO sheet first" in str(error)


def test_a_tco_sheet_without_cost_lines(tmp_path):
    path = write_workbook(tmp_path, tco=None)  # the template's empty TCO sheet
    error = error_at(path)
    assert_at(error, path, "B5")
    assert "fill the TCO sheet first" in str(error)


def test_an_option_the_tco_does_not_have(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B5": "Saas Pro"})
    error = error_at(path)
    assert_at(error, path, "B5")
    assert error.hint == "did you mean 'SaaS'?"


def test_no_option_chosen_names_the_cheapest(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B5": None})
    error = error_at(path)
    assert_at(error, path, "B5")
    assert "'SaaS'" in str(error.hint)


def test_training_hours_without_an_hourly_cost(tmp_path):
    path = write_workbook(tmp_path)
    damage(path, {"B9": None})
    assert_at(error_at(path), path, "B9")


def test_the_roi_can_take_a_priced_vendor_s_tco_as_its_costs(tmp_path):
    """ROI!B5 may name a vendor of the Pricing sheet instead of an option of the TCO sheet."""
    import shutil

    from openpyxl import load_workbook as _load

    from crmwb.paths import EXAMPLES_DIR
    from crmwb.workbook import read_workbook as _read

    path = tmp_path / "workbook.xlsx"
    shutil.copy(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx", path)
    wb = _load(path)
    wb["ROI"]["B5"] = "Splio"
    wb.save(path)
    reader = _read(path)
    case = reader.read_roi()
    splio = reader.read_vendor_comparison().study.comparison.option("Splio")
    tco_line = case.costs[0]
    # the first cost line is Splio's TCO, period by period (no cost risk in the example: or
    # increased by it, the same factor on every period)
    ratio = tco_line.per_period[0] / splio.per_period[0]
    assert [round(a / ratio, 2) for a in tco_line.per_period] == [
        round(a, 2) for a in splio.per_period
    ]

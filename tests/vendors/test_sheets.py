"""The vendor comparison's sheets of the client workbook (crmwb.vendors.sheets): written, read
back, and every bad cell reported with the file, the sheet and the cell.

Each test writes a valid workbook into tmp_path with build_workbook(..., vendors=SHEETS),
damages one cell with openpyxl, and reads it back. Layout of SHEETS, in English:

* Vendors: header row 5; Alpha A6, Beta A7, Gamma A8 (B = market type).
* Criteria: scale low B4, scale high B5, weighting method B6; header row 9; rows 10-12 =
  Functional/Features, Functional/Support, Cost/Price (C = direction, D = measure, E = weight).
* Pairwise: header row 5; row 6 = Groups | Functional | Cost | 3; row 7 = Functional | Features
  | Support | 2 (D = value). Weights by hand: groups 3/4 and 1/4, Features 2/3 and Support 1/3
  of Functional, so Features 0.5, Support 0.25, Price 0.25.
* Scores: header row 5, columns A vendor, B criterion, C Ann, D Bob; rows 6-14 = Alpha, Beta,
  Gamma x Features, Support, Price (Beta/Support by Bob is "n/e"; the prices are Ann's only).
* Use cases: header row 5, A use case, B programme, C priority, D must have, E Alpha, F Beta,
  G Gamma; rows 6-7.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import WorkbookError
from crmwb.core.i18n import Lang
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings
from crmwb.tco.sheets import TcoInputs, read_tco
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.model import (
    Coverage,
    Criterion,
    Direction,
    MarketType,
    Measure,
    Score,
    ScoreSheet,
    scores_from_table,
)
from crmwb.vendors.ranking import weighted_sum
from crmwb.vendors.sheet_layout import (
    CRITERIA_HEADER_ROW,
    GROUPS_SCOPE,
    TABLE_HEADER_ROW,
    Comparison,
    CriterionEntry,
    CriterionMeasure,
    UseCaseEntry,
    VendorEntry,
    WeightingMethod,
)
from crmwb.vendors.sheets import VendorSheets, has_vendor_comparison, read_vendor_comparison
from crmwb.workbook.about import About, read_about
from crmwb.workbook.reader import read_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"
BEN, COST = Direction.BENEFIT, Direction.COST

VENDORS = (
    VendorEntry("Alpha", MarketType.ECOSYSTEM, "Integrator needed"),
    VendorEntry("Beta", MarketType.INTERMEDIATE),
    VendorEntry("Gamma", MarketType.CAMPAIGN_MANAGER),
)
CRITERIA = (
    CriterionEntry("Functional", "Features", BEN, knock_out_minimum=2),
    CriterionEntry("Functional", "Support", BEN),
    CriterionEntry("Cost", "Price", COST, CriterionMeasure.AMOUNT),
)
# vendor -> criterion -> (Ann, Bob); prices are Ann's only
SCORES = (
    *scores_from_table(
        {
            "Alpha": {"Features": [4, 5], "Support": [2, 3]},
            "Beta": {"Features": [3, 3], "Support": [4, None]},
            "Gamma": {"Features": [5, 4], "Support": [4, 4]},
        },
        ["Ann", "Bob"],
    ),
    *scores_from_table(
        {v: {"Price": [p]} for v, p in (("Alpha", 30_000), ("Beta", 20_000), ("Gamma", 40_000))},
        ["Ann"],
    ),
)
COMPARISONS = (
    Comparison(GROUPS_SCOPE, "Functional", "Cost", 3),
    Comparison("Functional", "Features", "Support", 2),
)
USE_CASES = (
    UseCaseEntry(
        "Welcome journey",
        3,
        True,
        "Onboarding",
        {"Alpha": Coverage.NATIVE, "Beta": Coverage.CONFIGURATION, "Gamma": Coverage.NATIVE},
        "UC-01",
    ),
    UseCaseEntry(
        "Loyalty points",
        1,
        False,
        "",
        {
            "Alpha": Coverage.CUSTOM_DEVELOPMENT,
            "Beta": Coverage.NOT_COVERED,
            "Gamma": Coverage.CONFIGURATION,
        },
    ),
)
SHEETS = VendorSheets(
    vendors=VENDORS,
    criteria=CRITERIA,
    scores=SCORES,
    scale=(0, 5),
    weighting=WeightingMethod.AHP,
    comparisons=COMPARISONS,
    use_cases=USE_CASES,
    evaluators=("Ann", "Bob"),
)
TCO = TcoInputs(
    TcoSettings(horizon_years=5),
    (CostLine("SaaS", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT, 1000),),
)


# --- helpers -------------------------------------------------------------------------------


def write_workbook(folder: Path, sheets: VendorSheets = SHEETS, lang: Lang = "en") -> Path:
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, lang, about, tco=TCO, vendors=sheets)
    return path


def damage(path: Path, sheet: str, cell: str, value: object) -> None:
    """Overwrite one cell, the way a consultant would in Excel, and save."""
    overwrite(path, sheet, {cell: value})


def error(path: Path) -> str:
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(read_workbook(path))
    return str(info.value)


def without_sources(scores: tuple[Score, ...]) -> list[Score]:
    return [dataclasses.replace(s, source="") for s in scores]


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_workbook(tmp_path)


def test_layout_assumed_by_these_tests(path):
    wb = load_workbook(path)
    assert TABLE_HEADER_ROW == 5 and CRITERIA_HEADER_ROW == 9
    assert [wb["Vendors"][f"A{r}"].value for r in (5, 6, 7, 8)] == [
        "Vendor",
        "Alpha",
        "Beta",
        "Gamma",
    ]
    criteria = wb["Criteria"]
    assert [criteria[c].value for c in ("A4", "B4", "B5", "B6")] == ["Scale low", 0, 5, "AHP"]
    assert [criteria[f"B{r}"].value for r in (9, 10, 11, 12)] == [
        "Criterion",
        "Features",
        "Support",
        "Price",
    ]
    assert criteria["C12"].value == "Cost"
    pairwise = wb["Pairwise"]
    assert [c.value for c in pairwise[6]][:4] == ["Groups", "Functional", "Cost", 3]
    assert [c.value for c in pairwise[7]][:4] == ["Functional", "Features", "Support", 2]
    scores = wb["Scores"]
    assert [c.value for c in scores[5]][:4] == ["Vendor", "Criterion", "Ann", "Bob"]
    assert [c.value for c in scores[9]][:4] == ["Beta", "Features", 3, 3]
    assert [c.value for c in scores[10]][:4] == ["Beta", "Support", 4, "n/e"]
    assert [c.value for c in scores[8]][:4] == ["Alpha", "Price", 30_000, None]
    use_cases = wb["Use cases"]
    assert [c.value for c in use_cases[5]][:8] == [
        "ID",
        "Use case",
        "Programme",
        "Priority",
        "Must have",
        "Alpha",
        "Beta",
        "Gamma",
    ]
    assert [c.value for c in use_cases[6]][1:6] == [
        "Welcome journey",
        "Onboarding",
        3,
        "Yes",
        "Native",
    ]


# --- round trips ---------------------------------------------------------------------------


def test_round_trip_ahp(path):
    inputs = read_vendor_comparison(read_workbook(path))
    read = inputs.sheets
    # what the sheets say comes back as written (each record says where it was read)
    assert read.vendors == VENDORS
    assert read.criteria == CRITERIA
    assert read.scale == (0.0, 5.0)
    assert read.weighting is WeightingMethod.AHP
    assert read.evaluators == ("Ann", "Bob")
    assert read.use_cases == USE_CASES
    assert [dataclasses.replace(c, source="") for c in read.comparisons] == list(COMPARISONS)
    assert [c.source for c in read.comparisons] == ["Pairwise!D6", "Pairwise!D7"]
    # scores: row by row, Ann then Bob; Beta/Support by Bob is "n/e"
    assert sorted(without_sources(read.scores), key=repr) == sorted(SCORES, key=repr)
    assert read.scores[0].source == "Scores!C6"
    # groups 3:1 -> 0.75 / 0.25; Features:Support 2:1 within Functional
    assert dict(inputs.group_weights) == pytest.approx({"Functional": 0.75, "Cost": 0.25})
    assert inputs.weights == pytest.approx({"Features": 0.5, "Support": 0.25, "Price": 0.25})
    assert inputs.ahp is not None
    assert set(inputs.ahp) == {GROUPS_SCOPE, "Functional"}  # Cost has one criterion
    assert dict(inputs.ahp["Functional"].priorities) == pytest.approx(
        {"Features": 2 / 3, "Support": 1 / 3}
    )
    assert inputs.ahp[GROUPS_SCOPE].consistency_ratio == 0.0  # two items: always consistent
    assert inputs.normalisation_notice is None
    assert inputs.warnings == ()
    # the same ScoreSheet as one built by hand from the scores and those weights
    weights = inputs.weights
    expected = ScoreSheet(
        (
            Criterion("Features", "Functional", BEN, weights["Features"], knock_out_minimum=2),
            Criterion("Support", "Functional", BEN, weights["Support"]),
            Criterion("Price", "Cost", COST, weights["Price"], measure=Measure.AMOUNT),
        ),
        tuple(v.vendor for v in VENDORS),
        tuple(without_sources(read.scores)),
        (0, 5),
    )
    assert dataclasses.replace(inputs.score_sheet, scores=expected.scores) == expected
    assert inputs.score_sheet.evaluator_scores("Beta", "Support") == {"Ann": 4.0, "Bob": None}
    assert inputs.score_sheet.mean("Alpha", "Features") == 4.5
    # weighted sum by hand: Alpha 0.5 x 4.5/5 + 0.25 x 2.5/5 + 0.25 x 20 000/30 000 = 0.7417;
    # Beta 0.5 x 3/5 + 0.25 x 4/5 + 0.25 x 1 = 0.75; Gamma 0.45 + 0.2 + 0.125 = 0.775
    ranking = weighted_sum(inputs.score_sheet)
    assert [(v.vendor, round(v.score, 4)) for v in ranking.vendors] == [
        ("Gamma", 0.775),
        ("Beta", 0.75),
        ("Alpha", 0.7417),
    ]
    # the coverage sheet
    assert inputs.coverage is not None
    assert [u.name for u in inputs.coverage.use_cases] == ["Welcome journey", "Loyalty points"]
    assert inputs.coverage.use_cases[0].must_have is True
    assert inputs.coverage.levels["Beta"]["Loyalty points"] is Coverage.NOT_COVERED
    assert inputs.vendor_notes == {"Alpha": "Integrator needed"}


def test_round_trip_direct_weights_in_french(tmp_path):
    sheets = dataclasses.replace(
        SHEETS,
        weighting=WeightingMethod.DIRECT,
        criteria=(
            dataclasses.replace(CRITERIA[0], weight=50),
            dataclasses.replace(CRITERIA[1], weight=20),
            dataclasses.replace(CRITERIA[2], weight=30),
        ),
        comparisons=(),
    )
    path = write_workbook(tmp_path, sheets, "fr")
    wb = load_workbook(path)
    assert wb["Critères"]["B6"].value == "Directe"  # really French
    assert wb["Éditeurs"]["B8"].value == "Gestionnaire de campagnes"
    assert wb["Notes"]["D10"].value == "n/e"
    assert wb["Cas d'usage"]["E6"].value == "Oui"
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.sheets == dataclasses.replace(sheets, scores=inputs.sheets.scores)
    assert sorted(without_sources(inputs.sheets.scores), key=repr) == sorted(SCORES, key=repr)
    # points out of 100: normalised, and the report is told so
    assert inputs.weights == pytest.approx({"Features": 0.5, "Support": 0.2, "Price": 0.3})
    assert dict(inputs.group_weights) == pytest.approx({"Functional": 0.7, "Cost": 0.3})
    notice = inputs.normalisation_notice
    assert notice is not None
    assert notice.text("fr") == (
        "les poids totalisaient 100\u00a0: ils ont été ramenés à une somme de 1"
    )
    assert notice.text("en") == "weights summed to 100, normalised to 1"
    assert inputs.ahp is None
    assert inputs.coverage is not None


def test_english_labels_typed_in_a_french_workbook(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "Éditeurs", "B6", "campaign manager")
    damage(path, "Comparaisons", "A6", "Groups")  # the English scope in a French sheet
    damage(path, "Notes", "D10", "not evaluated")
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.sheets.vendors[0].market_type is MarketType.CAMPAIGN_MANAGER
    assert inputs.weights == pytest.approx({"Features": 0.5, "Support": 0.25, "Price": 0.25})
    assert inputs.score_sheet.evaluator_scores("Beta", "Support")["Bob"] is None


# --- the example client --------------------------------------------------------------------


def _load_build_examples():
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_northwind_vendor_comparison_reads():
    inputs = read_vendor_comparison(read_workbook(EXAMPLES / "northwind-retail" / "workbook.xlsx"))
    sheet = inputs.score_sheet
    assert len(sheet.vendors) == 5
    assert {v.market_type for v in sheet.vendors} == set(MarketType)
    assert len(sheet.criteria) == 10
    assert list(inputs.group_weights) == [
        "Features",
        "Costs",
        "Ease of use & support",
        "Integration",
    ]
    assert inputs.evaluators == ("Alex Morgan", "Sam Patel")
    assert inputs.weighting is WeightingMethod.AHP
    assert inputs.ahp is not None
    assert set(inputs.ahp) == {
        GROUPS_SCOPE,
        "Features",
        "Costs",
        "Ease of use & support",
        "Integration",
    }
    for scope, result in inputs.ahp.items():
        assert result.consistency_ratio < 0.10, scope
        assert result.warning is None
    assert sum(inputs.weights.values()) == pytest.approx(1)
    assert inputs.tco_criteria == ("5-year TCO",)
    assert sheet.criterion("5-year TCO").measure is Measure.AMOUNT
    assert sheet.evaluator_scores("Microsoft Dynamics 365", "Loyalty programme") == {
        "Alex Morgan": 2.0,
        "Sam Patel": None,  # "n/e"
    }
    assert inputs.coverage is not None and len(inputs.coverage.use_cases) == 10
    assert inputs.warnings == ()
    comparison = compare_vendors(sheet, inputs.coverage, draws=0)
    assert comparison.exclusions == ()
    assert len(comparison.ranked_vendors) == 5


def test_empty_vendor_sheets_name_the_french_sheet(tmp_path):
    path = tmp_path / "workbook.xlsx"
    about = About("Maison Dupont", "fr", "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, "fr", about, tco=TCO)  # no vendors: the blank sheets
    reader = read_workbook(path)
    assert has_vendor_comparison(reader)
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(reader)
    # a French workbook: its errors in French, naming its French sheet
    assert (
        "Éditeurs!A6\u00a0: on attend au moins un éditeur sous la ligne d'en-tête 5\u202f; "
        "trouvé\u00a0: aucun éditeur"
    ) in str(info.value)


# --- Pairwise ------------------------------------------------------------------------------


def test_reciprocal_comparisons_that_disagree(path):
    damage(path, "Pairwise", "D7", 3)  # Features/Support = 3 ...
    wb = load_workbook(path)
    for col, value in zip("ABCD", ["Functional", "Support", "Features", 3], strict=True):
        wb["Pairwise"][f"{col}8"] = value  # ... and Support/Features = 3 too
    wb.save(path)
    message = error(path)
    assert message.startswith(f"{path}, Pairwise!D8: ")
    assert "Support/Features = 1/3, the reciprocal of Pairwise!D7 where Features/Support = 3" in (
        message
    )
    assert "found Support/Features = 3" in message


def test_reciprocal_comparisons_that_agree_are_accepted(path):
    wb = load_workbook(path)
    for col, value in zip("ABCD", ["Functional", "Support", "Features", 0.5], strict=True):
        wb["Pairwise"][f"{col}8"] = value
    wb.save(path)
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.weights == pytest.approx({"Features": 0.5, "Support": 0.25, "Price": 0.25})


@pytest.mark.parametrize(
    "value,found,hint",
    [
        (0, "found 0", "comparisons are ratios > 0"),
        (10, "found 10", "the strongest preference is 9"),
        (0.1, "found 1/10", "the weakest is 1/9"),
    ],
)
def test_comparison_off_saaty_scale(path, value, found, hint):
    damage(path, "Pairwise", "D7", value)
    message = error(path)
    assert f"{path}, Pairwise!D7: a value on Saaty's scale, between 1/9 and 9" in message
    assert found in message
    assert hint in message


def test_comparison_typed_as_text_fraction(path):
    damage(path, "Pairwise", "D6", "1/3")  # Functional is 3 times less important than Cost
    inputs = read_vendor_comparison(read_workbook(path))
    assert dict(inputs.group_weights) == pytest.approx({"Functional": 0.25, "Cost": 0.75})


def test_comparison_that_excel_turned_into_a_date(path):
    damage(path, "Pairwise", "D7", dt.datetime(2026, 2, 1))  # "1/2" typed in a General cell
    message = error(path)
    assert f"{path}, Pairwise!D7: " in message
    assert "found the date 2026-02-01" in message
    assert "format the cell as a fraction" in message


def test_missing_pair(path):
    damage(path, "Pairwise", "A7", None)
    damage(path, "Pairwise", "B7", None)
    damage(path, "Pairwise", "C7", None)
    damage(path, "Pairwise", "D7", None)
    message = error(path)
    assert f"{path}, Pairwise!A7: " in message  # the first free row, where it goes
    assert "a comparison of 'Features' with 'Support' in scope 'Functional'" in message
    assert "found no such row" in message


def test_criterion_compared_in_the_wrong_scope(path):
    damage(path, "Pairwise", "C7", "Price")
    message = error(path)
    assert f"{path}, Pairwise!C7: a criterion of group 'Functional'" in message
    assert "'Price' is in group 'Cost'" in message


# --- Scores --------------------------------------------------------------------------------


def test_score_outside_the_scale(path):
    damage(path, "Scores", "C6", 7)  # Alpha, Features, Ann
    message = error(path)
    assert message.startswith(f"{path}, Scores!C6: a score between 0 and 5; ")
    assert "found 7 for 'Alpha' on 'Features'" in message


def test_missing_score_is_an_error(path):
    damage(path, "Scores", "D9", None)  # Beta, Features, Bob
    message = error(path)
    assert message.startswith(f"{path}, Scores!D9: a score for every vendor on every criterion")
    assert "found no score for 'Beta' on 'Features' by 'Bob'" in message
    assert "type n/e to mark it not evaluated" in message


def test_not_evaluated_is_accepted(path):
    damage(path, "Scores", "D9", "n/e")  # Beta, Features, Bob: not evaluated on purpose
    sheet = read_vendor_comparison(read_workbook(path)).score_sheet
    assert sheet.evaluator_scores("Beta", "Features") == {"Ann": 3.0, "Bob": None}
    assert sheet.mean("Beta", "Features") == 3.0  # Ann's alone


def test_row_nobody_scored(path):
    damage(path, "Scores", "C12", None)  # Gamma, Features: Ann ...
    damage(path, "Scores", "D12", None)  # ... and Bob
    message = error(path)
    assert f"{path}, Scores!C12: " in message
    assert "found no score for 'Gamma' on 'Features'" in message


def test_unknown_vendor_in_scores(path):
    damage(path, "Scores", "A6", "Alpah")
    message = error(path)
    assert message.startswith(f"{path}, Scores!A6: a vendor of the Vendors sheet")
    assert "found the text 'Alpah' (did you mean 'Alpha'?)" in message


def test_unknown_criterion_in_scores(path):
    damage(path, "Scores", "B7", "Suport")
    message = error(path)
    assert f"{path}, Scores!B7: a criterion of the Criteria sheet" in message
    assert "did you mean 'Support'?" in message


def test_text_in_a_score_cell(path):
    damage(path, "Scores", "C6", "4/5")
    message = error(path)
    assert f"{path}, Scores!C6: a score from 0 to 5" in message
    assert "found the text '4/5'" in message


def test_scores_typed_in_a_column_without_header(path):
    damage(path, "Scores", "E6", 4)
    message = error(path)
    assert f"{path}, Scores!E5: a header (the evaluator's name)" in message


# --- Vendors, Criteria, Use cases ----------------------------------------------------------


def test_duplicate_vendor_names(path):
    damage(path, "Vendors", "A8", " alpha ")  # Gamma renamed: case and spaces do not matter
    message = error(path)
    assert message.startswith(f"{path}, Vendors!A8: unique vendor names; ")
    assert "found 'alpha' again, already in Vendors!A6" in message


def test_duplicate_criterion_names(path):
    damage(path, "Criteria", "B11", "Features")
    message = error(path)
    assert f"{path}, Criteria!B11: unique criterion names" in message


def test_unknown_vendor_column_in_use_cases(path):
    damage(path, "Use cases", "H5", "Gama")
    message = error(path)
    assert message.startswith(f"{path}, Use cases!H5: the name of a vendor of the Vendors sheet")
    assert "found the text 'Gama' (did you mean 'Gamma'?)" in message


def test_use_cases_are_read_with_their_id(path):
    inputs = read_vendor_comparison(read_workbook(path))
    assert [(u.id, u.name) for u in inputs.sheets.use_cases] == [
        ("UC-01", "Welcome journey"),
        ("", "Loyalty points"),  # an ID is not required (a workbook of template 3 has none)
    ]
    assert load_workbook(path)["Use cases"]["A6"].value == "UC-01"


def test_an_id_given_twice(path):
    damage(path, "Use cases", "A7", "uc-01")
    message = error(path)
    assert message.startswith(f"{path}, Use cases!A7: unique use case IDs")
    assert "found 'uc-01' again, already in Use cases!A6" in message
    assert message.endswith("(one ID per use case: give one of the two another)")


def test_missing_coverage_level(path):
    damage(path, "Use cases", "G7", None)
    message = error(path)
    assert f"{path}, Use cases!G7: a value for 'coverage by Beta'; found an empty cell" in message


def test_price_criterion_marked_benefit_is_a_warning(path):
    damage(path, "Criteria", "C12", "Benefit")  # Price, more is better?
    inputs = read_vendor_comparison(read_workbook(path))  # no error
    (warning,) = inputs.warnings
    assert warning.location == "Criteria!C12"
    assert warning.file == str(path)
    assert "criterion 'Price' looks like a price but its direction is 'Benefit'" in str(warning)
    assert "set the direction to 'Cost' if less is better" in str(warning)
    assert str(warning).startswith(f"{path}, Criteria!C12: ")
    assert warning.text("fr", with_file=False) == (
        "Criteria!C12\u00a0: le critère «\u202fPrice\u202f» ressemble à un prix mais son sens "
        "est «\u202fBénéfice\u202f»\u00a0: l'éditeur le plus cher obtiendrait la meilleure "
        "note\u202f; choisissez le sens «\u202fCoût\u202f» si moins est mieux"
    )
    assert inputs.score_sheet.criterion("Price").direction is BEN


def test_tco_criterion_marked_benefit_is_a_warning(path):
    damage(path, "Criteria", "D11", "TCO")  # Support measured by the TCO, more is better?
    inputs = read_vendor_comparison(read_workbook(path))
    (warning,) = inputs.warnings
    assert warning.location == "Criteria!C11"
    assert "criterion 'Support' is measured by the TCO but its direction is 'Benefit'" in (
        warning.text()
    )
    assert inputs.tco_criteria == ("Support",)
    assert inputs.score_sheet.criterion("Support").measure is Measure.AMOUNT


def test_direct_weighting_needs_every_weight(path):
    damage(path, "Criteria", "B6", "Direct")
    damage(path, "Criteria", "E10", 60)
    damage(path, "Criteria", "E11", 40)  # no weight for Price (E12)
    message = error(path)
    assert f"{path}, Criteria!E12: a weight for criterion 'Price'" in message
    assert "found an empty cell" in message


def test_scale_high_below_scale_low(path):
    damage(path, "Criteria", "B5", 0)
    message = error(path)
    assert f"{path}, Criteria!B5: a scale high above the scale low (0); found 0" in message


def test_knock_out_minimum_on_a_cost_criterion(path):
    damage(path, "Criteria", "F12", 25_000)
    message = error(path)
    assert f"{path}, Criteria!F12: no knock-out minimum on cost criterion 'Price'" in message


def test_errors_of_a_french_workbook_are_french(tmp_path):
    """A French workbook's errors are written in French and name its sheets and columns as it
    shows them (« Éditeurs », « Maximum éliminatoire »), with the French decimal sign."""
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "Notes", "A6", "Alpah")
    assert error(path) == (
        f"{path}, Notes!A6\u00a0: on attend un éditeur de la feuille «\u202fÉditeurs\u202f»"
        "\u202f; trouvé\u00a0: le texte «\u202fAlpah\u202f» (vouliez-vous dire "
        "«\u202fAlpha\u202f»\u202f?)"
    )
    damage(path, "Notes", "A6", "Alpha")
    damage(path, "Critères", "F12", 2.5)
    assert error(path) == (
        f"{path}, Critères!F12\u00a0: on attend un minimum éliminatoire vide pour le critère de "
        "coût «\u202fPrice\u202f»\u202f; trouvé\u00a0: 2,5 (un critère de coût élimine "
        "au-dessus d'un plafond\u00a0: utilisez la colonne «\u202fMaximum éliminatoire\u202f»)"
    )


def test_missing_criteria_sheet(path):
    wb = load_workbook(path)
    del wb["Criteria"]
    wb.save(path)
    reader = read_workbook(path)
    assert read_tco(reader).lines  # the other analyses still load
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(reader)
    message = str(info.value)
    assert message.startswith(f"{path}: a sheet named 'Criteria'")
    assert "found the sheets 'About', 'TCO', 'Lists', 'Vendors', 'Pairwise'" in message


def test_workbook_without_vendor_sheets_still_loads(path):
    """A workbook made before the vendor sheets: the TCO reads, the comparison says what is
    missing only when asked for."""
    wb = load_workbook(path)
    for name in ("Vendors", "Criteria", "Pairwise", "Scores", "Use cases"):
        del wb[name]
    wb.save(path)
    reader = read_workbook(path)
    assert read_about(reader).client_name == "Maison Dupont"
    assert read_tco(reader).lines
    assert not has_vendor_comparison(reader)
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(reader)
    assert "a sheet named 'Vendors'" in str(info.value)


def test_use_cases_sheet_is_optional(path):
    wb = load_workbook(path)
    del wb["Use cases"]
    wb.save(path)
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.coverage is None
    assert inputs.sheets.use_cases == ()


# --- the template --------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_template_vendor_sheets(tmp_path, lang):
    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, lang)
    wb = load_workbook(path)
    names = {
        "fr": ["Éditeurs", "Critères", "Comparaisons", "Notes", "Cas d'usage", "Tarifs"],
        "en": ["Vendors", "Criteria", "Pairwise", "Scores", "Use cases", "Pricing"],
    }[lang]
    assert wb.sheetnames[3:9] == names
    assert {"vendor_names", "criterion_names", "list_market_type", "list_coverage"} <= set(
        wb.defined_names.keys()
    )
    criteria = wb[names[1]]
    assert (criteria["B4"].value, criteria["B5"].value) == (0, 5)  # default scale 0-5
    drop_downs = {
        (ws.title, str(dv.sqref).split(":")[0], dv.formula1)
        for ws in wb.worksheets
        for dv in ws.data_validations.dataValidation
    }
    assert (names[0], "B6", "list_market_type") in drop_downs
    assert (names[1], "B6", "list_weighting") in drop_downs
    assert (names[1], "C10", "list_direction") in drop_downs
    assert (names[3], "A6", "vendor_names") in drop_downs
    assert (names[4], "F6", "list_coverage") in drop_downs
    scores = wb[names[3]]
    evaluator = {"fr": "Évaluateur", "en": "Evaluator"}[lang]
    assert [c.value for c in scores[5]][2:5] == [f"{evaluator} {n}" for n in (1, 2, 3)]
    assert scores["C5"].comment is not None  # the help, as a comment on the header
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(read_workbook(path))
    expected = {
        "fr": "Éditeurs!A6\u00a0: on attend au moins un éditeur",
        "en": "Vendors!A6: at least one vendor",
    }[lang]
    assert expected in str(info.value)


def test_unused_template_columns_are_ignored(tmp_path):
    """Evaluator and vendor columns of the template left as they are do not count."""
    path = write_workbook(tmp_path, dataclasses.replace(SHEETS, use_cases=()))
    wb = load_workbook(path)
    wb["Scores"]["E5"] = "Evaluator 3"  # an unused template column
    use_cases = wb["Use cases"]
    use_cases["I5"] = "Vendor 4"
    for row, values in ((6, USE_CASES[0]), (7, USE_CASES[1])):
        use_cases[f"B{row}"] = values.name
        use_cases[f"D{row}"] = values.priority
        for col, vendor in zip("FGH", ("Alpha", "Beta", "Gamma"), strict=True):
            use_cases[f"{col}{row}"] = values.coverage[vendor].value.replace("_", " ")
    wb.save(path)
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.evaluators == ("Ann", "Bob")
    assert inputs.coverage is not None
    assert inputs.coverage.vendor_names == ("Alpha", "Beta", "Gamma")


def test_inputs_of_the_other_method_are_flagged(path):
    """Weights typed under AHP, or comparisons left under direct weighting, are not used: said
    so, not silently ignored."""
    damage(path, "Criteria", "E11", 40)
    inputs = read_vendor_comparison(read_workbook(path))
    assert [w.location for w in inputs.warnings] == ["Criteria!E11"]
    assert "the Weight column is not used" in str(inputs.warnings[0])
    damage(path, "Criteria", "B6", "Direct")
    damage(path, "Criteria", "E10", 40)
    damage(path, "Criteria", "E12", 20)
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.weights == pytest.approx({"Features": 0.4, "Support": 0.4, "Price": 0.2})
    assert [w.location for w in inputs.warnings] == ["Pairwise!A6"]
    assert "the Pairwise sheet's comparisons are not used" in str(inputs.warnings[0])

"""The Pricing sheet of the client workbook (crmwb.vendors.pricing_sheet): volumes and vendor price
lists written, read back into crmwb.vendors.pricing objects, costed into the TCO criterion, and
every bad cell reported with the file, the sheet and the cell.

Layout of SHEETS, in English (TCO sheet: 3 years, no discount, no escalation):

* Pricing: users B4, user growth B5, contacts B6, contact growth B7, messages B8, message
  growth B9, storage B10, storage growth B11; header row 14; columns A vendor, B item, C name,
  D price, E up to, F per, G rate, H year, I end year, J low, K high, L notes; rows:
  15-16 Alpha editions Standard (50, up to 10, range 90 %-120 %) and Pro (80); 17 Alpha module
  Loyalty (100 a month from year 2); 18 Alpha service Set-up (10 000, 8 000-15 000);
  19-20 Beta contact tiers (0.50 up to 1 000, then 0.40, per year); 21 Beta message tier (1.00
  per thousand); 22 Beta licence Server (3 000, 20 %); 23 Beta storage (2.00 per GB a month
  above 10 GB); 24 Beta minimum commitment (5 000 a year).
* Scores: header row 5, A vendor, B criterion, C Ann; rows 6-11 = Alpha, Beta, Gamma x
  Features, TCO; the TCO is typed for Gamma only (C11 = 30 000), Alpha and Beta are priced.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import InputError, WorkbookError
from crmwb.core.i18n import Lang
from crmwb.core.uncertainty import Pert
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings
from crmwb.tco.sheets import TcoInputs
from crmwb.vendors.comparison import compare_vendors as rank_vendors
from crmwb.vendors.costs import HiddenCostKind, compare_vendors
from crmwb.vendors.model import Direction, MarketType, Score
from crmwb.vendors.pricing import (
    ContactPricing,
    Edition,
    LicencePurchase,
    MessagePricing,
    MinimumCommitment,
    Module,
    OneOffService,
    PricePeriod,
    StoragePricing,
    Tier,
    UserPricing,
    VendorPricing,
    Volume,
    Volumes,
)
from crmwb.vendors.pricing_sheet import PRICING_HEADER_ROW
from crmwb.vendors.sheet_layout import (
    CriterionEntry,
    CriterionMeasure,
    VendorEntry,
    WeightingMethod,
)
from crmwb.vendors.sheets import VendorSheets, read_vendor_comparison
from crmwb.workbook.about import About
from crmwb.workbook.reader import read_workbook

EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"

VOLUMES = Volumes(
    users=Volume(8, 0.5), contacts=Volume(900, 0.2), messages=Volume(100_000), storage_gb=Volume(12)
)
PRICING = (
    VendorPricing(
        "Alpha",
        users=UserPricing(
            (Edition("Standard", 50, max_users=10), Edition("Pro", 80)),
            uncertainty=Pert(0.9, 1.0, 1.2),
        ),
        modules=(Module("Loyalty", 100, start_year=2),),
        services=(OneOffService("Set-up", Pert(8000, 10_000, 15_000)),),
    ),
    VendorPricing(
        "Beta",
        contacts=ContactPricing((Tier(1000, 0.5), Tier(None, 0.4)), PricePeriod.YEAR),
        messages=MessagePricing((Tier(None, 1.0),)),
        licences=(LicencePurchase(3000, 0.20, description="Server"),),
        storage=StoragePricing(10, 2.0),
        minimum=MinimumCommitment(5000),
    ),
)
SHEETS = VendorSheets(
    vendors=(
        VendorEntry("Alpha", MarketType.ECOSYSTEM),
        VendorEntry("Beta", MarketType.INTERMEDIATE),
        VendorEntry("Gamma", MarketType.CAMPAIGN_MANAGER),
    ),
    criteria=(
        CriterionEntry("Functional", "Features", Direction.BENEFIT, weight=60),
        CriterionEntry("Cost", "TCO", Direction.COST, CriterionMeasure.TCO, weight=40),
    ),
    scores=(
        Score("Alpha", "Features", 4, "Ann"),
        Score("Beta", "Features", 3, "Ann"),
        Score("Gamma", "Features", 2, "Ann"),
        Score("Gamma", "TCO", 30_000, "Ann"),
    ),
    weighting=WeightingMethod.DIRECT,
    pricing=PRICING,
    volumes=VOLUMES,
)
TCO = TcoInputs(
    TcoSettings(horizon_years=3, users=8),
    (CostLine("SaaS", Category.SUBSCRIPTION, Frequency.YEARLY, Basis.FLAT, 1000),),
)
# By hand, over 3 years. Alpha: seats 8, 12, 18: Standard 8 x 50 x 12 = 4 800, then Pro (12 > 10
# users) 12 x 80 x 12 = 11 520 and 18 x 80 x 12 = 17 280; Loyalty 1 200 in years 2 and 3;
# set-up 10 000: 46 000. Beta: the usage (contacts 450, 432, 518.4; messages 100 a year;
# storage 2 GB x 2 x 12 = 48) is topped up to the minimum 5 000 each year: 15 000; licence
# 3 000 + maintenance 600 x 3: 4 800; in all 19 800.
ALPHA_TCO, BETA_TCO = 46_000, 19_800


def write_workbook(folder: Path, sheets: VendorSheets = SHEETS, lang: Lang = "en") -> Path:
    path = folder / "workbook.xlsx"
    write_workbook_file(path, lang, About("Maison Dupont", lang), tco=TCO, vendors=sheets)
    return path


def damage(path: Path, cells: dict[str, object], sheet: str = "Pricing") -> None:
    overwrite(path, sheet, cells)


def error(path: Path) -> str:
    with pytest.raises(WorkbookError) as info:
        read_vendor_comparison(read_workbook(path))
    return str(info.value)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_workbook(tmp_path)


def test_layout_assumed_by_these_tests(path):
    ws = load_workbook(path)["Pricing"]
    assert PRICING_HEADER_ROW == 14
    assert [ws[f"A{r}"].value for r in (4, 5, 10, 11)] == [
        "Users",
        "User growth",
        "Storage (GB)",
        "Storage growth",
    ]
    assert [c.value for c in ws[14]] == [
        "Vendor",
        "Item",
        "Name",
        "Price",
        "Up to",
        "Per",
        "Rate",
        "Year",
        "End year",
        "Low",
        "High",
        "Notes",
    ]
    assert [c.value for c in ws[15]][:11] == [
        "Alpha",
        "User edition",
        "Standard",
        50,
        10,
        "Month",
        None,
        None,
        None,
        0.9,
        1.2,
    ]
    assert [c.value for c in ws[18]][:11] == [
        "Alpha",
        "Service",
        "Set-up",
        10_000,
        None,
        None,
        None,
        0,
        None,
        8000,
        15_000,
    ]
    assert [ws[f"B{r}"].value for r in range(19, 25)] == [
        "Contact tier",
        "Contact tier",
        "Message tier",
        "Licence",
        "Storage",
        "Minimum commitment",
    ]
    assert ws["G22"].value == 0.2
    assert ws["A25"].value is None
    assert load_workbook(path)["Scores"]["C11"].value == 30_000


# --- round trips ---------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path, lang):
    inputs = read_vendor_comparison(read_workbook(write_workbook(tmp_path, lang=lang)))
    assert inputs.pricing == PRICING
    assert inputs.sheets.pricing == PRICING
    assert inputs.volumes == VOLUMES
    assert inputs.tco_settings == TCO.settings
    assert inputs.warnings == ()
    assert inputs.tco_amounts() == pytest.approx({"Alpha": ALPHA_TCO, "Beta": BETA_TCO})
    # the TCO criterion: computed for the priced vendors, as typed for Gamma
    sheet = inputs.score_sheet
    assert {v: sheet.mean(v, "TCO") for v in sheet.vendor_names} == pytest.approx(
        {"Alpha": ALPHA_TCO, "Beta": BETA_TCO, "Gamma": 30_000}
    )
    tab = "Pricing" if lang == "en" else "Tarifs"
    assert [s.source for s in sheet.scores if s.criterion == "TCO"][-2:] == [
        f"{tab}!A15",
        f"{tab}!A19",
    ]
    study = inputs.study
    assert study is not None
    alpha = study.vendor("Alpha")
    assert [(h.kind, h.year) for h in alpha.hidden_costs] == [
        (HiddenCostKind.FORCED_EDITION, 2),
        (HiddenCostKind.FORCED_EDITION, 3),
    ]


def test_volumes_default_to_the_tco_sheet(tmp_path):
    path = write_workbook(tmp_path, dataclasses.replace(SHEETS, volumes=None))
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.volumes.users == Volume(8)  # the TCO sheet's users, without growth
    assert inputs.volumes.contacts == Volume(0)
    assert inputs.sheets.volumes == inputs.volumes


def test_no_pricing_keeps_the_typed_amounts(tmp_path):
    typed = (
        *SHEETS.scores,
        Score("Alpha", "TCO", 40_000, "Ann"),
        Score("Beta", "TCO", 20_000, "Ann"),
    )
    path = write_workbook(tmp_path, dataclasses.replace(SHEETS, scores=typed, pricing=()))
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.pricing == () and inputs.study is None and inputs.tco_settings is None
    assert inputs.score_sheet.mean("Alpha", "TCO") == 40_000
    assert inputs.sheets.volumes == VOLUMES


def test_an_amount_typed_for_a_priced_vendor_is_replaced_and_said(path):
    damage(path, {"C7": 99_999}, sheet="Scores")  # Alpha's TCO
    inputs = read_vendor_comparison(read_workbook(path))
    assert inputs.score_sheet.mean("Alpha", "TCO") == pytest.approx(ALPHA_TCO)
    assert [w.location for w in inputs.warnings] == ["Scores!C7"]
    assert "replaced by its TCO computed from the Pricing sheet (46,000)" in str(inputs.warnings[0])


def test_with_tco(path):
    inputs = read_vendor_comparison(read_workbook(path))
    amounts = {**inputs.tco_amounts(discounted=True), "Gamma": 25_000}
    sheet = inputs.with_tco(amounts, source="present values")
    assert {v: sheet.mean(v, "TCO") for v in sheet.vendor_names} == pytest.approx(amounts)
    assert sheet.mean("Alpha", "Features") == 4  # the other criteria are untouched
    assert rank_vendors(sheet, draws=0).ranked_vendors
    with pytest.raises(InputError) as info:
        inputs.with_tco(inputs.tco_amounts())
    assert "a TCO amount for vendor 'Gamma' (criterion 'TCO')" in str(info.value)
    with pytest.raises(InputError) as info:
        inputs.with_tco({**amounts, "Gama": 1})
    assert "found an amount for 'Gama'" in str(info.value)


def test_northwind_pricing_gives_one_tco_per_vendor():
    inputs = read_vendor_comparison(read_workbook(EXAMPLES / "northwind-retail" / "workbook.xlsx"))
    assert inputs.warnings == ()
    assert len(inputs.pricing) == 5
    assert inputs.volumes.users == Volume(40, 0.05)
    assert inputs.volumes.contacts == Volume(180_000, 0.08)
    assert inputs.volumes.messages == Volume(2_400_000, 0.10)
    settings = inputs.tco_settings
    assert settings is not None and settings.horizon_years == 5
    study = compare_vendors(inputs.pricing, settings, inputs.volumes)
    totals = {o.option: o.total for o in study.comparison.options}
    assert list(totals) == [p.vendor for p in inputs.pricing]
    assert totals == pytest.approx(inputs.tco_amounts())
    sheet = inputs.score_sheet
    assert {v: sheet.mean(v, "5-year TCO") for v in sheet.vendor_names} == pytest.approx(totals)
    kinds = {(vendor, h.kind) for vendor, h in study.hidden_costs}
    assert ("Salesforce Sales + Marketing Cloud", HiddenCostKind.FORCED_EDITION) in kinds
    assert ("Splio", HiddenCostKind.TIER_JUMP) in kinds
    assert ("Brevo", HiddenCostKind.MINIMUM_COMMITMENT) in kinds
    assert rank_vendors(sheet, inputs.coverage, draws=0).exclusions == ()


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_template_pricing_sheet(tmp_path, lang):
    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, lang)
    wb = load_workbook(path)
    name = {"fr": "Tarifs", "en": "Pricing"}[lang]
    ws = wb[name]
    assert ws["A14"].value == {"fr": "Éditeur", "en": "Vendor"}[lang]
    assert ws["D14"].comment is not None  # the help, as a comment on the header
    assert ws["D13"].value  # and in the help row
    drop_downs = {
        (str(dv.sqref).split(":")[0], dv.formula1) for dv in ws.data_validations.dataValidation
    }
    assert {("A15", "vendor_names"), ("B15", "list_price_item"), ("F15", "list_price_period")} <= (
        drop_downs
    )
    assert ("B5", "list_price_item") not in drop_downs
    assert ws["J15"].number_format == "[<=10]0%;#,##0"


# --- bad input: file, sheet and cell -------------------------------------------------------


@pytest.mark.parametrize(
    "cells, where, expected",
    [
        ({"A15": "Alpah"}, "A15", "a vendor of the Vendors sheet; found the text 'Alpah'"),
        ({"E20": 800}, "E20", "contact tiers in increasing order"),
        ({"E19": None}, "E19", "an 'Up to' on every contact tier of 'Beta' but the last"),
        ({"E16": 5}, "E16", "user editions in increasing order (maxima of users"),
        ({"D15": -50}, "D15", "a number >= 0 for 'Price'"),
        ({"G22": 20}, "G22", "a fraction for 'Rate', such as 0.2 or 20%"),
        ({"J18": 16_000}, "J18", "a Low <= the High (15000)"),
        ({"J15": 1.3}, "J15", "a Low <= the High (1.2)"),
        ({"J18": 11_000, "K18": 12_000}, "J18", "a low amount <= the price (10000"),
        ({"K15": 140}, "K15", "a High multiplier >= 100% (140%); found 140 (shown as 14,000%)"),
        ({"J15": 1.05}, "J15", "a Low multiplier <= 100%"),
        ({"K15": None}, "K15", "both Low and High for an uncertainty range"),
        (
            {"J16": 0.8, "K16": 1.3},
            "J16",
            "one uncertainty range for the user editions of 'Alpha', as in Pricing!J15",
        ),
        ({"D16": None}, "D16", "a price for the user edition 'Pro' of Alpha"),
        ({"C17": None}, "C17", "a name for the module"),
        ({"G17": 0.2}, "G17", "no 'Rate' for a module (leave the cell empty)"),
        ({"E15": 9.5}, "E15", "a maximum of users, a whole number >= 1"),
        ({"F21": "Month"}, "F21", "message tiers on the messages per year"),
        ({"F20": "Month"}, "F20", "one period for the contact tiers of 'Beta', as in Pricing!F19"),
        ({"H17": 4}, "H17", "a year between 1 and the horizon (3, TCO sheet) for a module"),
        ({"I17": 1}, "I17", "an end year between the year (2) and the horizon (3"),
        ({"A25": "Beta", "B25": "Storage", "D25": 1}, "B25", "one storage row per vendor"),
        (
            {"A25": "Gamma", "B25": "Minimum commitment", "D25": 1000},
            "B25",
            "a usage-based item (edition, tier, module or storage) for the minimum commitment"
            " of 'Gamma'",
        ),
        (
            {"C18": "Loyalty", "B18": "Module", "J18": None, "K18": None, "H18": None},
            "C18",
            "unique module names; found 'Loyalty' again",
        ),
        ({"B5": 5}, "B5", "a fraction for 'User growth', such as 0.2 or 20%"),
        ({"B4": -1}, "B4", "a number >= 0 for 'Users'"),
    ],
)
def test_bad_pricing_cells(path, cells, where, expected):
    damage(path, cells)
    message = error(path)
    assert message.startswith(f"{path}, Pricing!{where}: {expected}"), message


def test_hints_for_common_mistakes(path):
    damage(path, {"A15": "Alpah"})
    assert "did you mean 'Alpha'?" in error(path)
    damage(path, {"A15": "Alpha", "G22": 20})
    assert "did you mean 20%? type 20% or 0.2, not 20" in error(path)
    damage(path, {"G22": 0.2, "K15": 140})
    assert "did you mean 140%? type 140% or 1.4, not 140" in error(path)


def test_pricing_needs_the_tco_horizon(path):
    damage(path, {"B4": None}, sheet="TCO")
    message = error(path)
    assert message.startswith(f"{path}, TCO!B4: a value for 'Horizon"), message


# --- a French workbook: its errors in French, naming its sheets and columns as it shows them ---


@pytest.mark.parametrize(
    "cells, where, expected",
    [
        (
            {"A15": "Alpah"},
            "A15",
            "on attend un éditeur de la feuille «\u202fÉditeurs\u202f»\u202f; trouvé\u00a0: le "
            "texte «\u202fAlpah\u202f» (vouliez-vous dire «\u202fAlpha\u202f»\u202f?)",
        ),
        (
            {"G17": 0.2},
            "G17",
            "on attend une cellule «\u202fTaux\u202f» vide pour une ligne «\u202fModule\u202f» "
            "(cette colonne ne la concerne pas)\u202f; trouvé\u00a0: 0,2 («\u202fTaux\u202f» "
            "sert aux lignes «\u202fLicence\u202f»)",
        ),
        (
            {"J15": 1.3},
            "J15",
            "on attend une valeur «\u202fBas\u202f» ≤ la valeur «\u202fHaut\u202f» (1,2)\u202f; "
            "trouvé\u00a0: 1,3",
        ),
        (
            {"D16": None},
            "D16",
            "on attend un prix pour la ligne «\u202fÉdition\u202f» «\u202fPro\u202f» d'Alpha",
        ),
        (
            {"K15": 140},
            "K15",
            "on attend un multiplicateur «\u202fHaut\u202f» ≥ 100\u00a0% (par exemple "
            "140\u00a0%)\u202f; trouvé\u00a0: 140 (affiché 14\u202f000\u00a0%) (vouliez-vous "
            "dire 140\u00a0%\u202f? tapez 140\u00a0% ou 1,4, pas 140)",
        ),
    ],
)
def test_bad_pricing_cells_in_a_french_workbook(tmp_path, cells, where, expected):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, cells, sheet="Tarifs")
    message = error(path)
    assert message.startswith(f"{path}, Tarifs!{where}\u00a0: {expected}"), message

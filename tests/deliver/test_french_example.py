"""The French example client, Literie Lenoir (data/examples/literie-lenoir): a fictitious bedding
retailer with 4 CRM users, and its comparison of the four CRMs the source guide prices (DOMAIN.md
§3; 2015 prices per month, excluding VAT), each costed over the TCO sheet's horizon (7 years,
0 % discount, no escalation) from the Pricing sheet, read back from the committed workbook.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.plan.sheets import read_plan
from crmwb.tco.model import TcoSettings
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.costs import vendor_costs
from crmwb.vendors.pricing import Volume, Volumes
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.workbook.about import read_about
from crmwb.workbook.reader import read_workbook

WORKBOOK = Path(__file__).resolve().parents[2] / "data" / "examples" / "literie-lenoir"
WORKBOOK = WORKBOOK / "workbook.xlsx"
USERS, MONTHS, YEARS = 4, 12, 7

# Each vendor's TCO over 7 years, by hand from the guide's prices:
EXPECTED_TCO = {
    # 30 € per user per month (prospecting and loyalty edition): 30 x 4 x 12 x 7 = 10 080
    "Sage CRM (abonnement)": 10_080,
    # bought outright 3 900 €, maintenance 20 % a year (the TCO sheet's rate) from year 1:
    # 3 900 + 7 x 780 = 3 900 + 5 460 = 9 360
    "Sage CRM (achat)": 9_360,
    # 7,50 € per user per month: 7.50 x 4 x 12 x 7 = 2 520
    "Simple CRM": 2_520,
    # 35 € a month for the administrator + 10 € per additional user (3 of them):
    # (35 + 3 x 10) x 12 x 7 = 65 x 84 = 5 460
    "Sellsy": 5_460,
    # 30 € a month for the company (read as a flat subscription): 30 x 12 x 7 = 2 520
    "GRC Contact": 2_520,
}


@pytest.fixture(scope="module")
def reader():
    return read_workbook(WORKBOOK)


@pytest.fixture(scope="module")
def inputs(reader):
    return read_vendor_comparison(reader)


def test_about_names_the_client_and_the_consultant(reader):
    about = read_about(reader)
    assert about.client_name == "Literie Lenoir"
    assert about.consultant == "Camille Roussel"
    assert about.language == "fr" and about.currency == "EUR"


def test_no_internal_reference_in_the_workbook():
    """Nothing the client reads cites the source guides ("seed 004") or the old slug."""
    for ws in load_workbook(WORKBOOK).worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    text = cell.value.casefold()
                    assert "seed" not in text, f"{ws.title}!{cell.coordinate}: {cell.value}"
                    assert "exemple du guide" not in text, f"{ws.title}!{cell.coordinate}"


def test_senders_use_the_client_s_domain(reader):
    senders = [s.address for s in read_plan(reader).conventions.senders]
    assert senders == [
        "commandes@literie-lenoir.example",
        "newsletter@literie-lenoir.example",
        "bonjour@literie-lenoir.example",
    ]


def test_the_vendors_are_costed_on_the_tco_sheet_s_horizon_and_users(inputs):
    assert inputs.warnings == () and inputs.normalisation_notice is None
    assert inputs.tco_settings == TcoSettings(horizon_years=YEARS, discount_rate=0.0, users=USERS)
    assert inputs.volumes.users == Volume(USERS)
    assert [p.vendor for p in inputs.pricing] == list(EXPECTED_TCO)


def test_each_vendor_s_tco_over_seven_years(inputs):
    assert inputs.tco_amounts() == pytest.approx(EXPECTED_TCO)
    # no discount: the present value is the total
    assert inputs.tco_amounts(discounted=True) == pytest.approx(EXPECTED_TCO)
    # the TCO criterion of the score sheet holds them
    sheet = inputs.score_sheet
    assert inputs.tco_criteria == ("Coût total sur l'horizon",)
    tco = {v: sheet.mean(v, "Coût total sur l'horizon") for v in sheet.vendor_names}
    assert tco == pytest.approx(EXPECTED_TCO)


def test_year_by_year_costs(inputs):
    study = inputs.study
    assert study is not None
    # index 0 is the initial period: only Sage's licence is paid then
    assert study.vendor("Sage CRM (achat)").per_period == pytest.approx((3900,) + (780,) * 7)
    assert study.vendor("Sage CRM (abonnement)").per_period == pytest.approx((0,) + (1440,) * 7)
    assert study.vendor("Simple CRM").per_period == pytest.approx((0,) + (360,) * 7)
    assert study.vendor("Sellsy").per_period == pytest.approx((0,) + (780,) * 7)  # 65 x 12
    assert study.vendor("GRC Contact").per_period == pytest.approx((0,) + (360,) * 7)
    assert study.hidden_costs == ()


@pytest.mark.parametrize(("users", "monthly"), [(1, 35), (4, 65), (6, 85)])
def test_sellsy_is_35_for_the_administrator_then_10_per_additional_user(inputs, users, monthly):
    """The Pricing sheet has no fee that includes users: 35 + 10 x (n - 1) is typed as
    25 + 10 x n, the same for any number of users n >= 1."""
    (sellsy,) = [p for p in inputs.pricing if p.vendor == "Sellsy"]
    settings = TcoSettings(horizon_years=3, users=users)
    costs = vendor_costs(sellsy, settings, Volumes(users=Volume(users)))
    assert costs.per_period == pytest.approx((0,) + (monthly * 12,) * 3)


def test_the_ranking_by_hand(inputs):
    """Weights 35 % features, 20 % TCO, 20 % ease of use, 10 % support, 15 % integration;
    scores on 0-5 rescaled by / 5, the TCO as cheapest / TCO (2 520 / 5 460 = 0.4615 for Sellsy).
    Sellsy: 0.35 x 0.8 + 0.20 x 0.4615 + 0.20 x 0.8 + 0.10 x 0.6 + 0.15 x 0.6 = 0.6823;
    Simple CRM: 0.35 x 0.4 + 0.20 x 1 + 0.20 x 1 + 0.10 x 0.6 + 0.15 x 0.4 = 0.66."""
    comparison = compare_vendors(inputs.score_sheet, inputs.coverage, draws=0)
    assert comparison.exclusions == ()
    scores = comparison.weighted_sum.scores
    assert scores["Sellsy"] == pytest.approx(0.28 + 0.2 * 2520 / 5460 + 0.16 + 0.06 + 0.09)
    assert scores["Simple CRM"] == pytest.approx(0.66)
    assert comparison.weighted_sum.winner == "Sellsy"
    assert inputs.coverage is not None and len(inputs.coverage.use_cases) == 6

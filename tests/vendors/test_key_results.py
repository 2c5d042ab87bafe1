"""The vendor comparison's key results as data, on tests/vendors/test_views.py's example
computed by hand (two criteria 0.6 / 0.4: A 0.68, B 0.60, C 0.52) and on the Northwind example
(its vendors' TCO, as its report shows them)."""

from __future__ import annotations

import dataclasses

import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.result_items import slug
from crmwb.deliver.results import items
from crmwb.deliver.views import Context
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.key_results import key_results
from crmwb.vendors.model import (
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    Vendor,
    scores_from_table,
)
from crmwb.vendors.results import VendorAnalysis, analyse_vendors
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.workbook.reader import read_workbook

CRITERIA = (
    Criterion("Features", "Functional", Direction.BENEFIT, 0.6),
    Criterion("Support", "Service", Direction.BENEFIT, 0.4),
)
VENDORS = (
    Vendor("Ä Corp", MarketType.ECOSYSTEM),
    Vendor("B", MarketType.INTERMEDIATE),
    Vendor("C", MarketType.CAMPAIGN_MANAGER),
)
TABLE = {
    "Ä Corp": {"Features": 5, "Support": 1},
    "B": {"Features": 3, "Support": 3},
    "C": {"Features": 1, "Support": 5},
}


def ctx(lang: str) -> Context:
    return Context("Client", lang, "EUR")


def analysis(criteria=CRITERIA) -> VendorAnalysis:
    sheet = ScoreSheet(criteria, VENDORS, scores_from_table(TABLE), (0, 5))
    comparison = compare_vendors(sheet, None, shortlist_size=2, draws=2000, seed=7)
    return VendorAnalysis(None, sheet, comparison)  # type: ignore[arg-type]  # inputs unused


def test_the_recommended_vendor_the_scores_and_the_ranking():
    results = key_results(analysis(), ctx("en"))
    assert results.analysis == "vendor_comparison"
    (rec,) = results.recommendations
    assert (rec.key, rec.label, rec.value, rec.id) == (
        "vendors.recommended",
        "Recommended vendor",
        "Ä Corp",
        "a-corp",  # the name as an id: accents, case and spaces ignored
    )
    scores = {f.key: f.value for f in results.figures if f.key.startswith("vendors.score.")}
    # A 0.6 x 1.0 + 0.4 x 0.2 = 0.68; B 0.6 x 0.6 + 0.4 x 0.6 = 0.60; C 0.6 x 0.2 + 0.4 = 0.52
    assert scores == pytest.approx(
        {"vendors.score.a-corp": 0.68, "vendors.score.b": 0.60, "vendors.score.c": 0.52}
    )
    assert results.figure("vendors.score.b").label == "Weighted score: B"
    assert [(i.id, i.label, i.detail) for i in items(results, "ranking")] == [
        ("a-corp", "Ä Corp", "1"),
        ("b", "B", "2"),
        ("c", "C", "3"),
    ]
    assert [i.id for i in items(results, "shortlist")] == ["a-corp", "b"]
    assert items(results, "excluded") == ()
    robustness = results.figure("vendors.robustness")
    assert robustness is not None and 0.5 < robustness.value <= 1  # A first in most draws


def test_a_knocked_out_vendor_is_listed_with_its_reason_and_has_no_score():
    # Support at least 2: A (Support 1) is knocked out; B 0.60 then wins
    knock_out = (CRITERIA[0], dataclasses.replace(CRITERIA[1], knock_out_minimum=2))
    results = key_results(analysis(knock_out), ctx("en"))
    assert results.recommendations[0].id == "b"
    assert "vendors.score.a-corp" not in {f.key for f in results.figures}
    (excluded,) = items(results, "excluded")
    assert excluded.id == "a-corp" and "below the minimum" in excluded.detail


@pytest.fixture(scope="module")
def northwind() -> VendorAnalysis:
    inputs = read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx")
    return analyse_vendors(read_vendor_comparison(inputs), draws=1000, tco_draws=1000)


def test_northwind_s_tco_per_vendor_and_the_same_keys_and_ids_in_both_languages(northwind):
    fr, en = key_results(northwind, ctx("fr")), key_results(northwind, ctx("en"))
    tco = {f.key: f.value for f in en.figures if f.key.startswith("vendors.tco.")}
    # the report's TCO table (tests/vendors/test_views.py compares it with tco_totals)
    assert tco == pytest.approx(
        {f"vendors.tco.{slug(name)}": v for name, v in northwind.tco_totals.items()}
    )
    assert "vendors.tco.salesforce-sales-marketing-cloud" in tco  # « Salesforce Sales + ... »
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    assert [(r.key, r.id, r.value) for r in fr.recommendations] == [
        (r.key, r.id, r.value) for r in en.recommendations
    ]
    for key in ("ranking", "shortlist", "excluded"):
        assert [i.id for i in items(fr, key)] == [i.id for i in items(en, key)]
    assert fr.recommendations[0].label == "Éditeur recommandé"
    assert [i.label for i in items(en, "ranking")] == list(
        northwind.comparison.weighted_sum.ranking
    )

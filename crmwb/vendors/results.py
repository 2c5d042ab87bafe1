"""The vendor comparison, end to end: the workbook's inputs in, every result the report needs out
Pure: it only chains the domain modules (:mod:`crmwb.vendors.comparison`,
:mod:`crmwb.vendors.costs`, :mod:`crmwb.vendors.tco_risk`)."""

from __future__ import annotations

from dataclasses import dataclass

from crmwb.vendors.comparison import VendorComparison, compare_vendors
from crmwb.vendors.costs import VendorStudy
from crmwb.vendors.model import ScoreSheet
from crmwb.vendors.sheets import VendorInputs
from crmwb.vendors.tco_risk import MonteCarloResult, simulate

DEFAULT_SEED = 2026
"""Seed of the Monte Carlo draws: the same workbook always gives the same report."""


@dataclass(frozen=True)
class VendorAnalysis:
    """Everything the vendor comparison report shows."""

    inputs: VendorInputs
    sheet: ScoreSheet
    comparison: VendorComparison
    tco: VendorStudy | None = None
    """The vendors' TCO from the Pricing sheet (None when nothing is priced)."""
    tco_risk: MonteCarloResult | None = None
    """The Monte Carlo on the uncertain cost lines: P10 / P50 / P90, P(cheapest)."""

    @property
    def shortlist(self) -> tuple[str, ...]:
        return self.comparison.shortlist

    @property
    def tco_totals(self) -> dict[str, float]:
        """Each priced vendor's most likely TCO over the horizon (undiscounted)."""
        if self.tco is None:
            return {}
        return {o.option: o.total for o in self.tco.comparison.options}


def analyse_vendors(
    inputs: VendorInputs,
    *,
    shortlist_size: int = 3,
    draws: int = 10_000,
    tco_draws: int = 20_000,
    seed: int = DEFAULT_SEED,
) -> VendorAnalysis:
    """Knock-outs, weighted sum, TOPSIS, coverage, shortlist, sensitivity and the Monte Carlo
    on the weights, for the vendors of ``inputs``; with the Pricing sheet, the vendors' TCO
    (which the reader has already put into the TCO criteria) and its Monte Carlo."""
    sheet = inputs.score_sheet
    comparison = compare_vendors(
        sheet, inputs.coverage, shortlist_size=shortlist_size, draws=draws, seed=seed
    )
    risk = None
    if inputs.study is not None and inputs.tco_settings is not None and tco_draws:
        risk = simulate(inputs.study.vendors, inputs.tco_settings, draws=tco_draws, seed=seed)
    return VendorAnalysis(inputs, sheet, comparison, inputs.study, risk)

"""The vendor comparison, end to end: the workbook's inputs in, every result the report needs
out. Pure: it only chains the domain modules (:mod:`crmwb.vendors`, :mod:`crmwb.pricing`)."""

from __future__ import annotations

from dataclasses import dataclass

from crmwb.vendor_sheets import VendorInputs
from crmwb.vendors import ScoreSheet, VendorComparison, compare_vendors

DEFAULT_SEED = 2026
"""Seed of the Monte Carlo draws: the same workbook always gives the same report."""


@dataclass(frozen=True)
class VendorAnalysis:
    """Everything the vendor comparison report shows."""

    inputs: VendorInputs
    sheet: ScoreSheet
    comparison: VendorComparison

    @property
    def shortlist(self) -> tuple[str, ...]:
        return self.comparison.shortlist


def analyse_vendors(
    inputs: VendorInputs,
    *,
    shortlist_size: int = 3,
    draws: int = 10_000,
    seed: int = DEFAULT_SEED,
) -> VendorAnalysis:
    """Knock-outs, weighted sum, TOPSIS, coverage, shortlist, sensitivity and the Monte Carlo
    on the weights, for the vendors of ``inputs``."""
    sheet = inputs.score_sheet
    comparison = compare_vendors(
        sheet, inputs.coverage, shortlist_size=shortlist_size, draws=draws, seed=seed
    )
    return VendorAnalysis(inputs=inputs, sheet=sheet, comparison=comparison)

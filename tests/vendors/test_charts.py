"""The vendor comparison's charts read back: every bar, line, point, cell and label a chart draws
is compared with the model's numbers (computed by the package, not typed again), and, where a
number can be checked by hand, with that number.

Hand-checkable example (``hand``): three vendors, three benefit criteria scored 0-5, one
evaluator, weights 0.5 / 0.3 / 0.2, rescaled score = x / 5:
  A: 5, 1, 2 -> 0.5 x 1.0 + 0.3 x 0.2 + 0.2 x 0.4 = 0.64
  B: 3, 4, 3 -> 0.5 x 0.6 + 0.3 x 0.8 + 0.2 x 0.6 = 0.66
  C: 2, 5, 5 -> 0.5 x 0.4 + 0.3 x 1.0 + 0.2 x 1.0 = 0.70
so C ranks first, then B, then A.
"""

from __future__ import annotations

import math

import pytest
from matplotlib.colors import to_rgba

from crmwb.core.uncertainty import Pert
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.tco.model import TcoSettings
from crmwb.vendors import charts
from crmwb.vendors.comparison import compare_vendors
from crmwb.vendors.costs import compare_vendors as compare_pricing
from crmwb.vendors.model import (
    Coverage,
    CoverageSheet,
    Criterion,
    Direction,
    MarketType,
    ScoreSheet,
    UseCase,
    Vendor,
    scores_from_table,
)
from crmwb.vendors.pricing import Edition, UserPricing, VendorPricing
from crmwb.vendors.results import VendorAnalysis, analyse_vendors
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.vendors.tco_risk import simulate
from crmwb.workbook.reader import read_workbook

CTX = Context("Client", "fr", "EUR")

HAND = {
    "A": {"Fonctionnalités": 5, "Support": 1, "Intégration": 2},
    "B": {"Fonctionnalités": 3, "Support": 4, "Intégration": 3},
    "C": {"Fonctionnalités": 2, "Support": 5, "Intégration": 5},
}


@pytest.fixture(scope="module")
def hand():
    criteria = (
        Criterion("Fonctionnalités", "Fonctionnel", Direction.BENEFIT, 0.5),
        Criterion("Support", "Service", Direction.BENEFIT, 0.3),
        Criterion("Intégration", "Service", Direction.BENEFIT, 0.2),
    )
    vendors = tuple(Vendor(name, MarketType.INTERMEDIATE) for name in HAND)
    sheet = ScoreSheet(criteria, vendors, scores_from_table(HAND), (0, 5))
    coverage = CoverageSheet(
        (UseCase("Bienvenue", 2), UseCase("Relance des inactifs", 1), UseCase("Fidélité", 1)),
        {
            "A": {
                "Bienvenue": "native",
                "Relance des inactifs": "not_covered",
                "Fidélité": "native",
            },
            "B": {
                "Bienvenue": "configuration",
                "Relance des inactifs": "native",
                "Fidélité": "custom_development",
            },
            "C": {"Bienvenue": "native", "Relance des inactifs": "native", "Fidélité": "native"},
        },
    )
    return sheet, coverage, compare_vendors(sheet, coverage, draws=1000, seed=3)


def _example(slug: str) -> VendorAnalysis:
    inputs = read_vendor_comparison(read_workbook(EXAMPLES_DIR / slug / "workbook.xlsx"))
    return analyse_vendors(inputs, draws=2000, tco_draws=2000)


@pytest.fixture(scope="module")
def northwind() -> VendorAnalysis:
    return _example("northwind-retail")


@pytest.fixture(scope="module")
def lenoir() -> VendorAnalysis:
    return _example("literie-lenoir")


def _texts(items) -> list[str]:
    return [t.get_text() for t in items]


def _legend(fig) -> list[str]:
    legends = [*fig.legends, *(ax.get_legend() for ax in fig.axes if ax.get_legend())]
    return [t.get_text() for legend in legends for t in legend.get_texts()]


# --- names ------------------------------------------------------------------------------------


def test_a_vendor_is_named_on_two_lines_at_most_the_same_way_in_every_chart():
    assert charts.vendor_label("Brevo") == "Brevo"
    assert charts.vendor_label("Salesforce Sales + Marketing Cloud") == (
        "Salesforce Sales +\nMarketing Cloud"
    )
    # a longer name keeps its first and last words: names of one family stay distinct
    forty = [f"Plateforme relationnelle omnicanale n° {i:02d}" for i in range(1, 31)]
    labels = [charts.vendor_label(name) for name in forty]
    assert labels[11] == "Plateforme\n… omnicanale n° 12"
    assert len(set(labels)) == 30
    long = "Solution de gestion de la relation client pour les enseignes"
    assert charts.vendor_label(long) == "Solution de gestion\n… pour les enseignes"
    for label in [*labels, charts.vendor_label(long), charts.vendor_label("X" * 50)]:
        assert label.count("\n") <= 1 and all(len(line) <= 20 for line in label.split("\n"))


# --- weighted scores ---------------------------------------------------------------------------


def _bars_by_group(ax):
    """{group: [(y centre, left, width, colour)]} from the stacked bars' containers."""
    out = {}
    for container in ax.containers:
        out[container.get_label()] = [
            (p.get_y() + p.get_height() / 2, p.get_x(), p.get_width(), p.get_facecolor())
            for p in container
        ]
    return out


@pytest.mark.parametrize("example", ["hand", "northwind"])
def test_weighted_scores_stack_each_vendors_group_contributions(example, hand, northwind):
    ranking = hand[2].weighted_sum if example == "hand" else northwind.comparison.weighted_sum
    fig = charts.weighted_scores(ranking, CTX)
    ax = fig.axes[0]
    vendors = list(ranking.ranking)
    assert _texts(ax.get_yticklabels()) == [charts.vendor_label(v) for v in vendors]
    groups = list(ranking.vendors[0].group_contributions)
    assert _legend(fig) == groups
    bars = _bars_by_group(ax)
    assert list(bars) == groups
    for y, vendor in enumerate(vendors):
        left = 0.0
        for group in groups:
            centre, x, width, _ = bars[group][y]
            assert centre == pytest.approx(y)
            assert x == pytest.approx(left)
            assert width == pytest.approx(ranking.vendor(vendor).group_contributions[group])
            left += width
        assert left == pytest.approx(ranking.vendor(vendor).score)
    # one colour per group, the legend's
    handles = fig.legends[0].legend_handles
    for group, handle in zip(groups, handles, strict=True):
        assert {c for *_, c in bars[group]} == {handle.get_facecolor()}
    # each total written at the end of its bar
    totals = [(t.get_text(), t.xy) for t in ax.texts]
    assert totals == [
        (
            f"{ranking.vendor(v).score:.2f}".replace(".", ","),
            (pytest.approx(ranking.vendor(v).score), y),
        )
        for y, v in enumerate(vendors)
    ]
    if example == "hand":  # the module docstring: C 0.70, B 0.66, A 0.64
        assert vendors == ["C", "B", "A"]
        assert [t for t, _ in totals] == ["0,70", "0,66", "0,64"]


# --- shortlist radar ---------------------------------------------------------------------------


def test_the_radar_draws_each_shortlisted_vendors_rescaled_scores(hand, northwind):
    for ranking, shortlist in (
        (hand[2].weighted_sum, hand[2].shortlist),
        (northwind.comparison.weighted_sum, northwind.comparison.shortlist),
    ):
        fig = charts.shortlist_radar(ranking, shortlist, CTX)
        ax = fig.axes[0]
        criteria = list(ranking.vendor(shortlist[0]).rescaled)
        n = len(criteria)
        assert [t.replace("\n", " ") for t in _texts(ax.get_xticklabels())] == criteria
        assert list(ax.get_xticks()) == pytest.approx([2 * math.pi * i / n for i in range(n)])
        assert _legend(fig) == [charts.vendor_label(v) for v in shortlist]
        assert len(ax.lines) == len(shortlist)
        for line, vendor in zip(ax.lines, shortlist, strict=True):
            angles, radii = line.get_xdata(), line.get_ydata()
            expected = [ranking.vendor(vendor).rescaled[c] for c in criteria]
            assert list(radii) == pytest.approx([*expected, expected[0]])  # closed
            assert list(angles) == pytest.approx([2 * math.pi * i / n for i in range(n)] + [0])
    # by hand: C scores 2, 5, 5 out of 5 -> 0.4, 1, 1
    fig = charts.shortlist_radar(hand[2].weighted_sum, ["C"], CTX)
    assert list(fig.axes[0].lines[0].get_ydata()) == pytest.approx([0.4, 1.0, 1.0, 0.4])


# --- coverage matrix ---------------------------------------------------------------------------


def _cells(ax):
    """{(column, row): colour} of the matrix's cells."""
    return {(round(p.get_x()), round(p.get_y())): p.get_facecolor() for p in ax.patches}


@pytest.mark.parametrize("example", ["hand", "northwind"])
def test_the_coverage_matrix_colours_each_cell_by_its_level(example, hand, northwind):
    if example == "hand":
        coverage, vendors = hand[1], ["C", "A", "B"]
    else:
        coverage, vendors = northwind.inputs.coverage, list(northwind.comparison.ranked_vendors)
    fig = charts.coverage_matrix(coverage, vendors, CTX)
    ax = fig.axes[0]
    cells = _cells(ax)
    assert len(cells) == len(vendors) * len(coverage.use_cases)
    for row, use_case in enumerate(coverage.use_cases):
        for col, vendor in enumerate(vendors):
            level = coverage.levels[vendor][use_case.name]
            assert cells[(col, row)] == to_rgba(charts.COVERAGE_COLOURS[level]), (vendor, use_case)
    assert _texts(ax.get_xticklabels()) == [charts.vendor_label(v) for v in vendors]
    assert [t.replace("\n", " ") for t in _texts(ax.get_yticklabels())] == [
        u.name for u in coverage.use_cases
    ]
    legend = fig.legends[0]
    assert [h.get_facecolor() for h in legend.legend_handles] == [
        to_rgba(c) for c in charts.COVERAGE_COLOURS.values()
    ]
    assert _texts(legend.get_texts()) == [
        "Natif",
        "Paramétrage",
        "Développement spécifique",
        "Non couvert",
    ]
    if example == "hand":  # A (second column) does not cover the reactivation (second row)
        assert cells[(1, 1)] == to_rgba(charts.COVERAGE_COLOURS[Coverage.NOT_COVERED])


# --- weight sensitivity ------------------------------------------------------------------------


def test_the_sensitivity_chart_draws_each_criterions_weight_and_the_weight_that_flips(
    hand, northwind
):
    for comparison in (hand[2], northwind.comparison):
        fig = charts.weight_sensitivity(comparison, CTX)
        ax = fig.axes[0]
        items = sorted(
            comparison.sensitivity,
            key=lambda s: abs(s.nearest.change) if s.nearest is not None else 2.0,
        )
        assert _texts(ax.get_yticklabels()) == [s.criterion for s in items]
        dots = [tuple(line.get_xydata()[0]) for line in ax.lines]
        assert dots == [(pytest.approx(s.current_weight), y) for y, s in enumerate(items)]
        arrows = [a for a in ax.texts if a.get_text() == "" and a.arrow_patch is not None]
        labels = [a for a in ax.texts if a.get_text() != ""]
        moved = [(y, s) for y, s in enumerate(items) if s.nearest is not None]
        assert [(a.xy, a.xyann) for a in arrows] == [
            (
                (pytest.approx(s.nearest.new_weight), y),
                (pytest.approx(s.current_weight), y),
            )
            for y, s in moved
        ]
        assert [(a.get_text(), a.xy[1]) for a in labels] == [
            (charts.vendor_label(s.nearest.new_winner), y)
            if s.nearest is not None
            else ("jamais", y)
            for y, s in enumerate(items)
        ]
    # by hand (docstring): with t the weight of Fonctionnalités (50 %), the others rescaled,
    # S_i(t) = t r_i + (1 - t) B_i with B_i = (S_i - 0.5 r_i) / 0.5: C 1.0, B 0.72, A 0.28;
    # A (r = 1.0) catches up with C (r = 0.4) where 0.6 t = 0.72 (1 - t): t = 0.72 / 1.32
    fig = charts.weight_sensitivity(hand[2], CTX)
    ax = fig.axes[0]
    row = _texts(ax.get_yticklabels()).index("Fonctionnalités")
    (arrow,) = [a for a in ax.texts if a.get_text() == "" and a.xy[1] == row]
    assert arrow.xy[0] == pytest.approx(0.72 / 1.32)
    (label,) = [a for a in ax.texts if a.get_text() != "" and a.xy[1] == row]
    assert label.get_text() == "A"


# --- TCO bands ---------------------------------------------------------------------------------


def _band(collection, periods: int):
    """(lower edge, upper edge) of a fill_between band, year by year: what the eye sees."""
    vertices = collection.get_paths()[0].vertices
    lower = [min(y for x, y in vertices if x == t) for t in range(periods)]
    upper = [max(y for x, y in vertices if x == t) for t in range(periods)]
    return lower, upper


def test_tco_bands_draw_each_vendors_cumulative_cost_and_its_p10_p90(northwind):
    study, risk = northwind.tco, northwind.tco_risk
    fig = charts.vendor_tco_bands(study, risk, CTX)
    ax = fig.axes[0]
    dearest_first = sorted(study.comparison.options, key=lambda o: -o.total)
    assert _legend(fig) == [charts.vendor_label(o.option) for o in dearest_first]
    periods = len(dearest_first[0].cumulative)
    for line, band, option in zip(ax.lines, ax.collections, dearest_first, strict=True):
        assert list(line.get_xdata()) == list(range(periods))
        assert list(line.get_ydata()) == pytest.approx(option.cumulative)
        lower, upper = _band(band, periods)
        cumulative = risk.vendor(option.option).cumulative
        assert lower == pytest.approx(list(cumulative.p10))
        assert upper == pytest.approx(list(cumulative.p90))
        assert to_rgba(line.get_color())[:3] == pytest.approx(band.get_facecolor()[0][:3])
    # the uncertain prices do widen the bands: P10 < P90 at the horizon for some vendor
    assert any(r.total.p10 < r.total.p90 for r in risk.vendors)


def test_vendors_with_the_same_costs_share_one_line_named_after_both(lenoir):
    # README: Simple CRM and GRC Contact 2 520 € each over 7 years (4 users x 7.50 € x 12 x 7)
    fig = charts.vendor_tco_bands(lenoir.tco, lenoir.tco_risk, CTX)
    ax = fig.axes[0]
    assert "Simple CRM\nGRC Contact" in _legend(fig)
    ends = sorted(round(line.get_ydata()[-1]) for line in ax.lines)
    assert ends == [2520, 5460, 9360, 10080]
    # Sage CRM bought outright: 3 900 € at the start (README), then 780 € a year
    (bought,) = [line for line in ax.lines if line.get_label() == "Sage CRM (achat)"]
    assert list(bought.get_ydata()[:3]) == pytest.approx([3900, 4680, 5460])


def test_tco_bands_draw_only_the_vendors_asked_for():
    settings = TcoSettings(horizon_years=3, users=2)
    spread = Pert(0.9, 1.0, 1.3)
    pricings = [
        VendorPricing(name, users=UserPricing((Edition("Standard", price),), uncertainty=spread))
        for name, price in {"A": 10.0, "B": 20.0, "C": 30.0}.items()
    ]
    study = compare_pricing(pricings, settings)
    risk = simulate(study.vendors, settings, draws=500, seed=1)
    fig = charts.vendor_tco_bands(study, risk, CTX, ["C", "A"])
    # 2 users x 12 months x 3 years: C 30 -> 2 160, A 10 -> 720; C first (dearest)
    assert _legend(fig) == ["C", "A"]
    assert [line.get_ydata()[-1] for line in fig.axes[0].lines] == pytest.approx([2160, 720])


# --- value map ---------------------------------------------------------------------------------


def test_the_value_map_puts_each_vendor_at_its_tco_and_score(lenoir, northwind):
    for analysis in (lenoir, northwind):
        ranking, totals = analysis.comparison.weighted_sum, analysis.tco_totals
        fig = charts.value_map(ranking, totals, CTX)
        ax = fig.axes[0]
        vendors = [v for v in ranking.ranking if v in totals]
        points = [tuple(c.get_offsets()[0]) for c in ax.collections]
        assert points == [
            (pytest.approx(totals[v]), pytest.approx(ranking.vendor(v).score)) for v in vendors
        ]
        assert [(t.get_text(), t.xy) for t in ax.texts] == [
            (charts.vendor_label(v), (totals[v], ranking.vendor(v).score)) for v in vendors
        ]
        vertical, horizontal = ax.lines
        assert list(vertical.get_xdata()) == pytest.approx([sum(totals.values()) / len(totals)] * 2)
        mean_score = sum(ranking.vendor(v).score for v in vendors) / len(vendors)
        assert list(horizontal.get_ydata()) == pytest.approx([mean_score] * 2)
    # README: Sellsy 5 460 € and Simple CRM 2 520 € over 7 years
    fig = charts.value_map(lenoir.comparison.weighted_sum, lenoir.tco_totals, CTX)
    where = {t.get_text(): t.xy[0] for t in fig.axes[0].texts}
    assert where["Sellsy"] == pytest.approx(5460) and where["Simple CRM"] == pytest.approx(2520)


def test_beyond_eight_vendors_the_value_map_numbers_its_points_with_their_rank(northwind):
    ranking = northwind.comparison.weighted_sum
    many = {f"V{i}": 1000.0 * (i + 1) for i in range(9)}
    from crmwb.vendors.ranking import VendorScore, WeightedSumResult

    fake = WeightedSumResult(
        tuple(VendorScore(v, 0.9 - 0.05 * i, i + 1, {}, {}, {}) for i, v in enumerate(many))
    )
    fig = charts.value_map(fake, many, CTX)
    assert [t.get_text() for t in fig.axes[0].texts] == [str(i + 1) for i in range(9)]
    assert ranking  # the real ranking has five vendors: names (previous test)


def _label_boxes(fig):
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    renderer = canvas.get_renderer()
    return [(t.get_text(), t.get_window_extent(renderer)) for t in fig.axes[0].texts]


def test_the_value_maps_labels_do_not_overlap_and_vendors_at_one_point_share_a_label(
    lenoir, northwind
):
    from crmwb.vendors.ranking import VendorScore, WeightedSumResult

    # the one-criterion case: three vendors tied at 0.8, two of them near in TCO, two at the
    # same point (Simple CRM and GRC Contact: same score, same 2 520 €)
    tied = WeightedSumResult(
        tuple(
            VendorScore(v, s, r, {}, {}, {})
            for v, s, r in [
                ("Sage CRM (abonnement)", 0.8, 1),
                ("Sage CRM (achat)", 0.8, 1),
                ("Sellsy", 0.8, 1),
                ("Simple CRM", 0.4, 4),
                ("GRC Contact", 0.4, 4),
            ]
        )
    )
    totals = {"Sage CRM (abonnement)": 10080, "Sage CRM (achat)": 9360, "Sellsy": 5460}
    totals |= {"Simple CRM": 2520, "GRC Contact": 2520}
    fig = charts.value_map(tied, totals, CTX)
    assert "Simple CRM\nGRC Contact" in [t.get_text() for t in fig.axes[0].texts]
    for figure in (
        fig,
        charts.value_map(lenoir.comparison.weighted_sum, lenoir.tco_totals, CTX),
        charts.value_map(northwind.comparison.weighted_sum, northwind.tco_totals, CTX),
    ):
        boxes = _label_boxes(figure)
        for i, (a, box) in enumerate(boxes):
            for b, other in boxes[i + 1 :]:
                assert not box.overlaps(other), (a, b)

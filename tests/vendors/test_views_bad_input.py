"""The vendor comparison on the workbooks a client could hand over (issue 12, « Bad input »): one
vendor, one criterion, 30 vendors with 40-character names, no use case, no price list. Each is
made from the French example (Literie Lenoir) with its sheets edited, written as a workbook and
read back as ``crmwb run`` reads it; each report section then says what there is to say — a
sentence where there is nothing to rank, profile, test or price — and stays legible.

Run as a script to write the workbooks as client folders, for a look at their PDF:
``python tests/vendors/test_views_bad_input.py FOLDER`` then
``crmwb run FOLDER/* --only vendor_comparison``.
"""

from __future__ import annotations

import dataclasses
import itertools
import re
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from crmwb.core.uncertainty import Pert
from crmwb.core.workspace import EXAMPLES_DIR, WORKBOOK_NAME
from crmwb.deliver.report import save_tables
from crmwb.deliver.views import Chart, Context, Section, Table, Text
from crmwb.tco.sheets import TcoInputs, read_tco
from crmwb.vendors import charts, tco_views
from crmwb.vendors import excel as vendor_excel
from crmwb.vendors import views as vendor_views
from crmwb.vendors.model import Coverage, MarketType, Score
from crmwb.vendors.pricing import Edition, UserPricing, VendorPricing
from crmwb.vendors.results import VendorAnalysis, analyse_vendors
from crmwb.vendors.sheet_layout import CriterionMeasure, VendorEntry
from crmwb.vendors.sheets import VendorSheets, read_vendor_comparison
from crmwb.workbook.about import About, read_about
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.template import build_workbook

LENOIR = EXAMPLES_DIR / "literie-lenoir" / WORKBOOK_NAME
TCO_CRITERION = "Coût total sur l'horizon"
FEATURES = "Fonctionnalités"


def _lenoir() -> tuple[About, TcoInputs, VendorSheets]:
    reader = read_workbook(LENOIR)
    return read_about(reader), read_tco(reader), read_vendor_comparison(reader).sheets


def keep_vendors(sheets: VendorSheets, names: set[str]) -> VendorSheets:
    return dataclasses.replace(
        sheets,
        vendors=tuple(v for v in sheets.vendors if v.name in names),
        scores=tuple(s for s in sheets.scores if s.vendor in names),
        use_cases=tuple(
            dataclasses.replace(u, coverage={k: v for k, v in u.coverage.items() if k in names})
            for u in sheets.use_cases
        ),
        pricing=tuple(p for p in sheets.pricing if p.vendor in names),
    )


def one_vendor(sheets: VendorSheets) -> VendorSheets:
    return keep_vendors(sheets, {"Sellsy"})


def one_criterion(sheets: VendorSheets) -> VendorSheets:
    (features,) = [c for c in sheets.criteria if c.name == FEATURES]
    return dataclasses.replace(
        sheets,
        criteria=(dataclasses.replace(features, weight=1.0),),
        scores=tuple(s for s in sheets.scores if s.criterion == FEATURES),
    )


def no_use_cases(sheets: VendorSheets) -> VendorSheets:
    return dataclasses.replace(sheets, use_cases=())


def no_pricing(sheets: VendorSheets) -> VendorSheets:
    """No Pricing sheet: the TCO criterion's amounts typed on the Scores sheet instead."""
    typed = {"Sage CRM (abonnement)": 10080, "Sage CRM (achat)": 9360, "Simple CRM": 2520}
    typed |= {"Sellsy": 5460, "GRC Contact": 2520}
    return dataclasses.replace(
        sheets,
        pricing=(),
        scores=(
            *sheets.scores,
            *(Score(v, TCO_CRITERION, a, sheets.evaluator_names[0]) for v, a in typed.items()),
        ),
    )


def some_priced(sheets: VendorSheets) -> VendorSheets:
    """Sellsy and GRC Contact without a price list: their TCO typed on the Scores sheet."""
    unpriced = {"Sellsy": 5460, "GRC Contact": 2520}
    return dataclasses.replace(
        sheets,
        pricing=tuple(p for p in sheets.pricing if p.vendor not in unpriced),
        scores=(
            *sheets.scores,
            *(Score(v, TCO_CRITERION, a, sheets.evaluator_names[0]) for v, a in unpriced.items()),
        ),
    )


MANY = 30


def many_vendors(sheets: VendorSheets) -> VendorSheets:
    """30 vendors with 40-character names, scored, covering the use cases and priced (a user
    price from 5 to 34 € a month, every third one with a range)."""
    names = [f"Plateforme relationnelle omnicanale n° {i:02d}" for i in range(1, MANY + 1)]
    assert all(len(n) == 41 for n in names)
    levels = list(Coverage)
    criteria = [c.name for c in sheets.criteria if c.measure is CriterionMeasure.SCORE]
    (evaluator,) = sheets.evaluator_names
    scores = tuple(
        Score(name, criterion, float((i * 7 + j * 3) % 6), evaluator)
        for i, name in enumerate(names)
        for j, criterion in enumerate(criteria)
    )
    use_cases = tuple(
        dataclasses.replace(
            u,
            must_have=False,
            coverage={n: levels[(i + k) % len(levels)] for i, n in enumerate(names)},
        )
        for k, u in enumerate(sheets.use_cases)
    )
    pricing = tuple(
        VendorPricing(
            name,
            users=UserPricing(
                (Edition("Standard", 5.0 + i),),
                uncertainty=Pert(0.9, 1.0, 1.3) if i % 3 == 0 else None,
            ),
        )
        for i, name in enumerate(names)
    )
    return dataclasses.replace(
        sheets,
        vendors=tuple(VendorEntry(n, MarketType.INTERMEDIATE) for n in names),
        scores=scores,
        use_cases=use_cases,
        pricing=pricing,
    )


CASES: dict[str, Callable[[VendorSheets], VendorSheets]] = {
    "un-editeur": one_vendor,
    "un-critere": one_criterion,
    "trente-editeurs": many_vendors,
    "sans-cas-d-usage": no_use_cases,
    "sans-tarifs": no_pricing,
    "tarifs-partiels": some_priced,
}


def write_client(folder: Path, case: str) -> Path:
    """The client folder of ``case``: Literie Lenoir with its vendor sheets edited."""
    about, tco, sheets = _lenoir()
    about = dataclasses.replace(about, client_name=f"Literie Lenoir ({case})")
    save_workbook(
        build_workbook("fr", about, tco=tco, vendors=CASES[case](sheets)),
        folder / case / WORKBOOK_NAME,
    )
    return folder / case


@pytest.fixture(scope="module")
def analyses(tmp_path_factory: pytest.TempPathFactory) -> dict[str, VendorAnalysis]:
    folder = tmp_path_factory.mktemp("vendors")
    out = {}
    for case in CASES:
        inputs = read_vendor_comparison(read_workbook(write_client(folder, case) / WORKBOOK_NAME))
        out[case] = analyse_vendors(inputs, draws=2000, tco_draws=2000)
    return out


CTX = Context("Literie Lenoir", "fr", "EUR")


def _parts(part: Section | None) -> list[object]:
    assert part is not None
    return list(part.parts)


def _text(part: Section | None) -> str:
    return " ".join(p for x in _parts(part) if isinstance(x, Text) for p in x.paragraphs)


def _sections(analysis: VendorAnalysis) -> list[Section]:
    found = [
        vendor_views.recommendation_section(analysis, CTX),
        vendor_views.ranking_section(analysis, CTX),
        vendor_views.shortlist_section(analysis, CTX),
        vendor_views.weights_section(analysis, CTX),
        vendor_views.scores_section(analysis, CTX),
        vendor_views.coverage_section(analysis, CTX),
        vendor_views.sensitivity_section(analysis, CTX),
        tco_views.tco_section(analysis, CTX),
        vendor_views.value_section(analysis, CTX),
        vendor_views.method_section(analysis, CTX),
    ]
    return [s for s in found if s is not None]


@pytest.mark.parametrize("case", list(CASES))
def test_no_section_is_empty_and_no_table_only_a_header(analyses, case):
    for part in _sections(analyses[case]):
        assert part.parts, part.title
        for inner in part.parts:
            if isinstance(inner, Table):
                assert inner.rows, (part.title, inner.name)
                assert all(c.title.strip() for c in inner.columns), inner.name
        html = part._repr_html_()
        assert not re.search(r"\bnan\b|\{", html), part.title


def test_one_vendor_is_assessed_not_ranked(analyses):
    analysis = analyses["un-editeur"]
    # Sellsy: (0.35 x 4 + 0.20 x 4 + 0.10 x 3 + 0.15 x 3) / 5 + 0.20 x 1 (the only price)
    score = (0.35 * 4 + 0.20 * 4 + 0.10 * 3 + 0.15 * 3) / 5 + 0.20
    assert analysis.comparison.weighted_sum.vendor("Sellsy").score == pytest.approx(score)
    figures = vendor_views.key_figures(analysis.comparison, CTX).figures
    assert [(f.label, f.value) for f in figures] == [("Seul éditeur évalué", "Sellsy")]
    (sentence,) = vendor_views.recommendation(analysis.comparison, CTX).paragraphs
    assert sentence.startswith(
        "**Sellsy** est le seul éditeur évalué (score pondéré de 0,79 sur 1)"
    )
    ranking = vendor_views.ranking_section(analysis, CTX)
    assert not [p for p in ranking.parts if isinstance(p, Chart | Table)]
    assert "il n'y a ni classement, ni profil comparé, ni sensibilité aux poids" in _text(ranking)
    assert vendor_views.shortlist_section(analysis, CTX) is None  # no radar of one
    assert vendor_views.sensitivity_section(analysis, CTX) is None
    # its TCO alone: 65 € a month x 12 x 7 years (README: Sellsy 5 460 €), no « cheapest »
    tco = _text(tco_views.tco_section(analysis, CTX))
    assert (
        "**Sellsy**, seul éditeur dont la grille tarifaire est saisie, coûte 5\u202f460\u00a0€"
        in tco
    )
    assert "moins cher" not in tco
    assert vendor_views.value_section(analysis, CTX) is None
    names = [t.name for t in vendor_excel.excel_tables(analysis, CTX)]
    assert "Robustesse du choix" not in names and "TOPSIS" not in names


def test_one_criterion_has_no_profile_and_no_weight_to_test(analyses):
    analysis = analyses["un-critere"]
    assert "le profil se réduirait à un point" in _text(
        vendor_views.shortlist_section(analysis, CTX)
    )
    assert _text(vendor_views.sensitivity_section(analysis, CTX)) == (
        "Un seul critère porte tout le poids\u00a0: aucune variation des poids ne peut changer le "
        "gagnant."
    )
    figures = vendor_views.key_figures(analysis.comparison, CTX).figures
    assert "Robustesse" not in [f.label for f in figures]
    ranking = vendor_views.ranking_table(analysis.comparison, CTX)
    assert "Probabilité d'être en tête" not in [c.title for c in ranking.columns]
    # scores keep their two decimals, as the chart and the text write them: « 0,80 », « 1,00 »
    first = [
        ranking.cell_text(v, c.kind, j)
        for j, (c, v) in enumerate(zip(ranking.columns, ranking.rows[0], strict=True))
    ]
    assert first[1:5] == ["0,80", "1", "1,00", "1"]
    text = vendor_views.recommendation(analysis.comparison, CTX).paragraphs
    assert any(p.startswith("Un seul critère étant pondéré") for p in text)
    # on Fonctionnalités alone, both Sage CRM and Sellsy score 4 out of 5: a tie, not a lead
    assert text[0] == (
        "**Sage CRM (abonnement)**, **Sage CRM (achat)** et **Sellsy** sont à égalité en tête "
        "avec un score pondéré de 0,80 sur 1\u00a0: les poids retenus ne les départagent pas."
    )
    assert figures[0].note == (
        "score pondéré 0,80 sur 1, à égalité avec Sage CRM (achat) et Sellsy"
    )
    assert not any("tirages" in p for p in text)


def test_no_use_case_says_so_and_drops_the_coverage(analyses):
    analysis = analyses["sans-cas-d-usage"]
    assert _text(vendor_views.coverage_section(analysis, CTX)) == (
        "Aucun cas d'usage n'est renseigné\u00a0: la couverture fonctionnelle des éditeurs n'est "
        "pas évaluée."
    )
    ranking = vendor_views.ranking_table(analysis.comparison, CTX)
    assert "Couverture fonctionnelle" not in [c.title for c in ranking.columns]
    names = [t.name for t in vendor_excel.excel_tables(analysis, CTX)]
    assert "Couverture des cas d'usage" not in names


def test_no_price_list_says_so_and_has_no_value_map(analyses):
    analysis = analyses["sans-tarifs"]
    assert analysis.tco is None
    assert _text(tco_views.tco_section(analysis, CTX)) == (
        "Aucune grille tarifaire n'est saisie\u00a0: le coût total de possession par éditeur et le "
        "rapport qualité-prix ne sont pas calculés."
    )
    assert vendor_views.value_section(analysis, CTX) is None
    # the TCO typed on the Scores sheet still counts in the ranking (and in its own sheet)
    tables = {t.name: t for t in vendor_excel.excel_tables(analysis, CTX)}
    assert "Coût total de possession par" not in tables
    amounts = tables["Montants par critère"]
    assert ("Coût total sur l'horizon", "Sellsy", 5460) in amounts.rows
    assert not any(
        "coût total de possession sur" in c.lower() for c in vendor_excel.conventions(analysis, CTX)
    )


def test_vendors_without_a_price_list_are_named_in_the_tco_section(analyses):
    analysis = analyses["tarifs-partiels"]
    assert sorted(analysis.tco_totals) == [
        "Sage CRM (abonnement)",
        "Sage CRM (achat)",
        "Simple CRM",
    ]
    text = _text(tco_views.tco_section(analysis, CTX))
    assert "Sellsy et GRC Contact n'ont pas de grille tarifaire" in text
    # README: Simple CRM 2 520 € over 7 years, the cheapest of the three priced
    assert text.startswith("Sur 7\u00a0ans, **Simple CRM** est le moins cher (2\u202f520\u00a0€).")
    value = vendor_views.value_section(analysis, CTX)
    assert value is not None and any(isinstance(p, Chart) for p in value.parts)


def test_thirty_vendors_stay_legible(analyses):
    analysis = analyses["trente-editeurs"]
    comparison = analysis.comparison
    assert len(comparison.ranked_vendors) == MANY
    # the scores: six tables of five vendors, each saying which
    tables = vendor_views.scores_tables(analysis.sheet, comparison, CTX)
    assert [len(t.columns) - 1 for t in tables] == [5] * 6
    assert [t.caption for t in tables][:2] == ["Éditeurs 1 à 5 sur 30", "Éditeurs 6 à 10 sur 30"]
    # the coverage: as many vendors a matrix as their names fit side by side (four here)
    vendors = list(comparison.weighted_sum.ranking)
    columns = charts.coverage_columns(analysis.inputs.coverage, vendors)
    assert columns == 4
    coverage = vendor_views.coverage_section(analysis, CTX)
    assert len([p for p in coverage.parts if isinstance(p, Chart)]) == 8  # 4 x 6 + 3 x 2
    fig = charts.coverage_matrix(analysis.inputs.coverage, vendors[:columns], CTX)
    heads = _tick_boxes(fig, "x")
    assert len(heads) == columns
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(heads))
    # every vendor label on two lines of 20 characters at most, in every chart
    fig = charts.weighted_scores(comparison.weighted_sum, CTX)
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(set(labels)) == MANY  # distinct: « Plateforme / … omnicanale n° 12 »
    assert all(len(line) <= 20 for label in labels for line in label.split("\n"))
    assert fig.get_figheight() <= 10.5  # one page
    names = _tick_boxes(fig, "y")
    assert not any(a.overlaps(b) for a, b in itertools.pairwise(names))
    # the TCO chart: seven lines (the shortlist, then the cheapest), said above it
    shown = tco_views.tco_chart_vendors(analysis)
    assert len(shown) == tco_views.TCO_LINES
    assert set(comparison.shortlist) <= set(shown)
    totals = analysis.tco_totals
    others = [v for v in shown if v not in comparison.shortlist]
    assert max(totals[v] for v in others) <= min(
        totals[v] for v in totals if v not in shown and v not in comparison.shortlist
    )
    tco = tco_views.tco_section(analysis, CTX)
    assert "Le graphique montre 7\u00a0éditeurs" in _text(
        tco
    ) or "Le graphique montre 7 éditeurs" in _text(tco)
    # the value map numbers its points with their rank, and says so
    value = vendor_views.value_section(analysis, CTX)
    assert _text(value) == "Chaque point porte le rang de l'éditeur dans le tableau de classement."


def _tick_boxes(fig, axis: str) -> list:
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    ax = fig.axes[0]
    labels = ax.get_xticklabels() if axis == "x" else ax.get_yticklabels()
    return [t.get_window_extent(canvas.get_renderer()) for t in labels]


@pytest.mark.parametrize("case", list(CASES))
def test_the_excel_deliverable_is_data(analyses, case, tmp_path):
    analysis = analyses[case]
    path = save_tables(
        tmp_path,
        "vendor_comparison",
        vendor_excel.excel_tables(analysis, CTX),
        "fr",
        conventions=vendor_excel.conventions(analysis, CTX),
    )
    assert path is not None
    book = load_workbook(path)
    assert book.sheetnames[0] == "Lisez-moi"
    readme = [c for row in book["Lisez-moi"].iter_rows(values_only=True) for c in row if c]
    assert vendor_excel.conventions(analysis, CTX)[0] in readme
    for ws in book.worksheets[1:]:
        headers = [c.value for c in ws[1]]
        assert all(isinstance(h, str) and h.strip() for h in headers), ws.title
        assert ws.max_row > 1 and ws.auto_filter.ref, ws.title
        for column in ws.iter_cols(min_row=2, values_only=True):
            kinds = {type(v).__name__ for v in column if v is not None}
            assert len(kinds - {"int", "float"}) == 0 or kinds == {"str"}, (ws.title, kinds)


def test_each_coverage_matrix_of_a_long_list_is_titled_with_its_vendors(analyses):
    analysis = analyses["trente-editeurs"]
    vendors = list(analysis.comparison.weighted_sum.ranking)
    fig = charts.coverage_matrix(
        analysis.inputs.coverage, vendors[4:8], CTX, "Éditeurs 5 à 8 sur 30"
    )
    assert fig._suptitle is not None and fig._suptitle.get_text() == "Éditeurs 5 à 8 sur 30"
    charts_ = [
        p for p in vendor_views.coverage_section(analysis, CTX).parts if isinstance(p, Chart)
    ]
    assert [c.alt for c in charts_[:2]] == ["Éditeurs 1 à 4 sur 30", "Éditeurs 5 à 8 sur 30"]


if __name__ == "__main__":
    target = Path(sys.argv[1])
    for name in CASES:
        print(write_client(target, name))

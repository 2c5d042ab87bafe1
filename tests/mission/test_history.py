"""The mission's history: one line per run, oldest first, with its counts, marks, latest and
headline figures, from run folders made by hand (manifests of every age)."""

from __future__ import annotations

from pathlib import Path

import pytest
from mission_runs import make_run, mark, point_latest

from crmwb.deliver.results import Figure, Recommendation, Results
from crmwb.mission.history import Headline, figure_text, history, history_text

NB, NN = "\u00a0", "\u202f"

TCO_1 = Results(
    "tco",
    "fr",
    figures=(
        Figure("tco.licence.total", "Licence, total sur 7 ans", 13200, "EUR", "lower"),
        Figure("tco.cheapest.total", "Option la moins chère", 13200, "EUR", "lower"),
    ),
)
ROI_1 = Results(
    "roi",
    "fr",
    figures=(
        Figure("roi.npv", "VAN", 41000, "EUR", "higher"),
        Figure("roi.roi", "ROI", 1.5, "%", "higher"),
    ),
)
VENDORS_1 = Results(
    "vendor_comparison",
    "fr",
    recommendations=(Recommendation("vendors.recommended", "Éditeur recommandé", "Splio"),),
)
TCO_4 = Results(  # the cheapest option could not be computed: the next TCO figure is shown
    "tco",
    "fr",
    figures=(
        Figure("tco.cheapest.total", "Option la moins chère", None, "EUR"),
        Figure("tco.saas.total", "SaaS, total sur 7 ans", 19280, "EUR"),
    ),
)


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    """Four runs of « acme »: a failed one, a complete one (a manifest older than carrying
    over), an interrupted one without a manifest, and the latest, carrying two analyses over."""
    acme = tmp_path / "reports" / "acme"
    make_run(
        acme,
        "20261105-101500",
        "failed",
        analyses={"tco": {"status": "failed"}, "roi": {"status": "ok"}},
    )
    make_run(
        acme,
        "20261105-103000",
        analyses={
            "tco": {"status": "ok"},
            "roi": {"status": "ok"},
            "vendor_comparison": {"status": "ok"},
            "journey_mapping": {"status": "skipped"},
        },
        results=(TCO_1, ROI_1, VENDORS_1),
    )
    make_run(acme, "20261201-090400", "interrupted", manifest=False)
    carried = {"status": "ok", "mode": "carried", "run_id": "20261105-103000"}
    make_run(
        acme,
        "20261205-172452",
        analyses={
            "tco": {"status": "ok", "mode": "executed", "out_of_date": False},
            "roi": carried,
            "vendor_comparison": carried,
            # skipped for want of data: neither executed nor carried
            "data_flow_audit": {**carried, "status": "skipped"},
            "journey_mapping": {"status": "skipped", "mode": "executed"},
        },
        results=(TCO_4,),
        files={"results/broken.json": b"{not json"},
    )
    point_latest(acme, "20261205-172452")
    mark(acme, {"20261105-103000": ["CoPil 1"], "20261205-172452": ["CoPil 2", "CoPil 2 bis"]})
    return acme


def test_history_lists_the_runs_oldest_first_with_their_counts_marks_and_latest(reports):
    rows = history(reports)
    assert [(r.run_id, r.status, r.executed, r.carried) for r in rows] == [
        ("20261105-101500", "failed", 2, 0),
        ("20261105-103000", "ok", 3, 0),
        ("20261201-090400", "interrupted", 0, 0),
        ("20261205-172452", "ok", 1, 2),
    ]
    assert [r.marks for r in rows] == [(), ("CoPil 1",), (), ("CoPil 2", "CoPil 2 bis")]
    assert [r.latest for r in rows] == [False, False, False, True]
    assert [r.headlines for r in rows][1] == (
        Headline("tco.cheapest.total", "Option la moins chère", 13200, "EUR"),
        Headline("roi.roi", "ROI", 1.5, "%"),
        Headline("vendors.recommended", "Éditeur recommandé", "Splio"),
    )


def test_history_in_french(reports):
    assert history_text("acme", history(reports), "fr").splitlines() == [
        f"acme{NB}: 4 exécutions, de la plus ancienne à la plus récente",
        "  5 nov. 2026 10:15 · 20261105-101500 · en échec · 2 analyses exécutées",
        "  5 nov. 2026 10:30 · 20261105-103000 · réussie · 3 analyses exécutées"
        f" · présentée{NB}: «{NN}CoPil 1{NN}»"
        f" · Option la moins chère{NB}: 13{NN}200{NB}€ · ROI{NB}: 150{NB}%"
        f" · Éditeur recommandé{NB}: Splio",
        "  1er déc. 2026 09:04 · 20261201-090400 · interrompue · 0 analyse exécutée",
        "  5 déc. 2026 17:24 · 20261205-172452 · réussie"
        " · 1 analyse exécutée, 2 reprises telles quelles"
        f" · présentée{NB}: «{NN}CoPil 2{NN}», «{NN}CoPil 2 bis{NN}» · dernière publiée"
        f" · SaaS, total sur 7 ans{NB}: 19{NN}280{NB}€ · ROI{NB}: 150{NB}%"
        f" · Éditeur recommandé{NB}: Splio",
    ]


def test_history_in_english(reports):
    lines = history_text("acme", history(reports), "en").splitlines()
    assert lines[0] == "acme: 4 runs, oldest first"
    assert lines[3] == "  1 Dec 2026 09:04 · 20261201-090400 · interrupted · 0 analyses executed"
    assert lines[4] == (
        "  5 Dec 2026 17:24 · 20261205-172452 · complete · 1 analysis executed, 2 carried over"
        " · presented: 'CoPil 2', 'CoPil 2 bis' · latest"
        " · SaaS, total sur 7 ans: €19,280 · ROI: 150% · Éditeur recommandé: Splio"
    )


def test_a_client_without_runs(tmp_path):
    assert history(tmp_path / "nobody") == []
    assert history_text("nobody", [], "fr") == f"nobody{NB}: aucune exécution pour l'instant."


@pytest.mark.parametrize(
    ("value", "unit", "fr", "en"),
    [
        (2.5, "years", f"2,5{NB}ans", "2.5 years"),
        (1.5, "years", f"1,5{NB}an", "1.5 years"),
        (37, "months", f"37{NB}mois", "37 months"),
        (1, "days", f"1{NB}jour", "1 day"),
        (1234, "count", f"1{NN}234", "1,234"),
        (0.123, "ratio", "0,12", "0.12"),
        ("Splio", "", "Splio", "Splio"),
    ],
)
def test_a_figure_is_written_by_its_unit(value, unit, fr, en):
    headline = Headline("k", "label", value, unit)
    assert (figure_text(headline, "fr"), figure_text(headline, "en")) == (fr, en)

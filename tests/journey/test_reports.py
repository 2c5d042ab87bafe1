"""The journey map, relationship plan, project plan and governance notebooks run end to end on
a new client's sparse workbook (no persona, no campaign, no performance score, the template's
RACI and plan): every report is sentences where there is nothing to show, never a table with
only its header, and says what comes from the template."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from deliverable_text import pdf_text
from openpyxl import load_workbook

from crmwb.core.i18n import t
from crmwb.journey.model import Channel, Journey, Perception, Stage, Touchpoint
from crmwb.plan.model import Programme, RelationshipPlan
from crmwb.project.sheets import ProjectSheets
from crmwb.run import batch
from crmwb.run.summary import summary as run_summary
from crmwb.workbook.about import About
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.template import build_workbook

ANALYSES = ("journey_mapping", "relationship_plan", "project_plan", "governance")
SPARSE = Journey(
    (Stage("Découverte"), Stage("Achat")),
    (Channel("Site web"), Channel("Magasin")),
    (
        Touchpoint("T1", "Découverte", "Site web", "Recherche", Perception.FRICTION, -1, 5),
        Touchpoint("T2", "Achat", "Magasin", "Caisse", Perception.SATISFACTION, 1, 3),
    ),
)


@pytest.fixture(scope="module")
def reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sparse")
    client = root / "clients" / "maison-dupont"
    client.mkdir(parents=True)
    about = About("Maison Dupont", "fr", "EUR", "Alex", dt.date(2026, 11, 23))
    plan = RelationshipPlan((Programme("Bienvenue", ("Activer",), "Ventes additionnelles"),))
    project = ProjectSheets(start=dt.date(2026, 9, 1), as_of=dt.date(2026, 11, 23))
    wb = build_workbook("fr", about, journey=SPARSE, plan=plan, project=project)
    save_workbook(wb, client / "workbook.xlsx")
    runs = batch.run(
        [client],
        [batch.ANALYSES[name] for name in ANALYSES],
        jobs=2,
        reports_dir=root / "reports",
    )
    assert all(r.ok for r in runs), run_summary(runs)
    assert all(not r.skipped for run in runs for r in run.results)
    return root / "reports" / "maison-dupont" / "latest"


@pytest.mark.parametrize("analysis", ANALYSES)
def test_no_report_shows_a_table_with_only_its_header(reports: Path, analysis: str) -> None:
    page = (reports / f"{analysis}.html").read_text(encoding="utf-8")
    for table in re.findall(r'<table class="crmwb-table">.*?</table>', page, re.DOTALL):
        assert "<td" in table, table[:200]
    assert "0 / 0" not in page
    assert "Maison Dupont" in pdf_text(reports / f"{analysis}.pdf")
    wb = load_workbook(reports / f"{analysis}.xlsx")
    for ws in wb.worksheets[1:]:
        assert ws.max_row > 1 and all(c.value for c in ws[1]), (analysis, ws.title)


@pytest.mark.parametrize(
    ("analysis", "keys"),
    [
        (
            "journey_mapping",
            ("journey.empty.personas", "journey.empty.rated", "journey.no_segment"),
        ),
        (
            "relationship_plan",
            ("plan.no_campaign_pressure", "plan.no_scenario", "plan.no_campaign"),
        ),
        ("project_plan", ("project.seed_plan", "project.rule.checklist_blank")),
        ("governance", ("governance.seed_raci", "governance.no_steering")),
    ],
)
def test_what_is_missing_or_from_the_template_is_said(
    reports: Path, analysis: str, keys: tuple[str, ...]
) -> None:
    text = " ".join(pdf_text(reports / f"{analysis}.pdf").split())
    for key in keys:
        # the sentence's first words (a PDF line may break the rest)
        start = " ".join(t(key, "fr").split()[:6])
        assert start in text, key

"""The project plan's and the governance's key results as data. The plan: planning's worked
example, the default plan (seed 001) from 6 January 2025: 289 days, last day 21 October 2025,
data flows with 61 days of slack (tests/project/test_views.py). The governance: the template's
RACI (seed 002: 23 tasks, 3 teams, 10 points to review) and a KPI and an action behind."""

from __future__ import annotations

import datetime as dt

from crmwb.deliver.results import items
from crmwb.deliver.views import Context
from crmwb.project import views as project_views
from crmwb.project.governance import Action, KpiTrack, seed_raci
from crmwb.project.key_results import governance_results, plan_results
from crmwb.project.planning import default_plan
from crmwb.project.planning_sheets import ProjectPlanInputs, StepProgress, StepStatus
from crmwb.project.steering_sheets import SteeringInputs

INPUTS = ProjectPlanInputs(
    default_plan("en"),  # the English template's phases, as typed in its workbook
    dt.date(2025, 1, 6),
    as_of=dt.date(2025, 3, 20),
    checklist=(StepProgress(1, StepStatus.DONE), StepProgress(2, StepStatus.IN_PROGRESS)),
)


def plan(lang: str):
    return plan_results(project_views.analyse_plan(INPUTS, Context("C", lang)))


def test_the_plan_s_dates_duration_critical_path_and_checklist():
    results = plan("en")
    assert results.analysis == "project_plan"
    got = {f.key: f.value for f in results.figures}
    assert got["project.start"] == "2025-01-06"
    assert got["project.end"] == "2025-10-21"  # the last day (the schedule's end is exclusive)
    # 46 + 107 + 61 + 61 + 14 = 289 days (data flows, 46, alongside); 289 / 30.4375 = 9.5
    assert got["project.duration_days"] == 289 and got["project.duration_months"] == 9.5
    assert got["project.phases"] == 6
    assert got["project.critical_phases"] == 5  # every phase but the data flows (61 d of slack)
    assert [i.id for i in items(results, "critical_path")] == [
        "relationship-marketing-plan",  # the phases' names as typed, as ids
        "crm-software-choice",
        "software-set-up",
        "use-cases-batch-1",
        "use-cases-batch-2",
    ]
    steps = items(results, "checklist")
    assert len(steps) == 17 and steps[0].id == "step-1"
    assert [s.detail for s in steps[:3]] == ["done", "in progress", "to do"]  # as the report
    # the phases are the template's typical plan: the report says so, a point to review
    assert [i.id for i in items(results, "findings")] == ["seed_plan"]


def test_the_plan_s_keys_values_and_ids_in_french_and_english():
    fr, en = plan("fr"), plan("en")
    assert [(f.key, f.value) for f in fr.figures] == [(f.key, f.value) for f in en.figures]
    for key in ("critical_path", "checklist", "findings"):
        assert [i.id for i in items(fr, key)] == [i.id for i in items(en, key)]
    assert items(fr, "critical_path")[0].label == "Relationship marketing plan"  # as typed


def governance(lang: str, steering: bool = True):
    track = KpiTrack(
        "Reactivation",
        "Reactivated clients",
        "business",
        "clients",
        targets={dt.date(2025, 2, 1): 120},
        actuals={dt.date(2025, 2, 1): 90},
    )
    inputs = SteeringInputs(
        tracks=(track,), actions=(Action("Welcome scenario", "Welcome", dt.date(2025, 2, 1)),)
    )
    report = project_views.analyse_governance(
        seed_raci(lang),
        Context("C", lang),
        plan=INPUTS,
        steering=inputs if steering else None,
    )
    return governance_results(report)


def test_the_governance_s_raci_checks_and_the_steering_committee_s_gaps():
    results = governance("en")
    got = {f.key: f.value for f in results.figures}
    # seed 002's RACI: 23 tasks, 3 teams; 7 tasks with no A, 3 with neither R nor A
    assert (got["governance.tasks"], got["governance.teams"]) == (23, 3)
    assert got["governance.raci_findings"] == 10
    # on 20 March 2025: the KPI at 90 against 120 (-25 %, beyond the 10 % tolerance), the
    # action planned on 1 February not done
    assert got["governance.kpis"] == 1 and got["governance.kpis_behind"] == 1
    assert got["governance.late_actions"] == 1
    ids = [i.id for i in items(results, "findings")]
    assert len(ids) == len(set(ids)) == 10 + got["governance.gaps"]
    assert "kpi_behind_target/reactivated-clients" in ids
    assert "action_late/welcome-scenario" in ids
    assert "governance.gaps" not in {f.key for f in governance("en", steering=False).figures}


def test_the_governance_s_ids_in_french_and_english():
    # the same workbook read in two languages: the English template's RACI
    en = governance("en")
    report = project_views.analyse_governance(seed_raci("en"), Context("C", "fr"), plan=INPUTS)
    fr = governance_results(report)
    assert [i.id for i in items(fr, "findings")] == [i.id for i in items(en, "findings")][:10]
    assert fr.figure("governance.tasks").label == "Tâches du RACI"

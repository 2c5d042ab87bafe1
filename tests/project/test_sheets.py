"""The project plan's and the governance's sheets (crmwb.project.sheets, planning_sheets,
raci_sheet, steering_sheets): written, read back into planning and governance objects, every bad
cell reported with the file, sheet and cell.

Each test writes a valid workbook into tmp_path with build_workbook(..., project=PROJECT),
damages cells with openpyxl, and reads it back. Layout, in English:

* Project plan: B4 Start date, B5 Reference date; header row 8, A Phase, B Duration, C Unit,
  D Depends on, E Batch, F Owner; Scoping, Vendor choice, "Data flows, mapping", Set-up,
  Go-live in rows 9-13.
* Checklist: header row 5 (A No., B Step, C Phase, D Status, E Date), steps 1-17 in rows 6-22.
* RACI: header row 5, A Group, B Task, then the teams C Marketing, D CRM, E Data, F Editorial
  team, G External providers; tasks in rows 6-8.
* KPI tracking: header row 5, A Programme, B KPI, C Kind, D Unit, E Direction, F Month,
  G Target, H Actual; Welcome sales (January, February) in rows 6-7, Unsubscribe rate
  (February, March) in rows 8-9.
* Actions: header row 5, A Action, B Programme, C Planned date, D Done date, E Status; rows 6-8.
* Adoption: header row 5, A Month, B Active users, C Licensed users, D Fill rate: e-mail,
  E Fill rate: phone; March and April in rows 6-7.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import InputError, WorkbookError, render
from crmwb.core.i18n import Lang
from crmwb.project import raci_sheet
from crmwb.project.governance import (
    Action,
    ActionStatus,
    Adoption,
    KpiTrack,
    Raci,
    RaciTask,
    seed_raci,
)
from crmwb.project.planning import DEFAULT_PLAN, Phase, months, phase_label, schedule, weeks
from crmwb.project.planning_sheets import (
    DurationUnit,
    ProjectPlanInputs,
    StepProgress,
    StepStatus,
    has_project_plan,
    read_project_plan,
    shown_duration,
    to_days,
)
from crmwb.project.raci_sheet import has_raci, read_raci
from crmwb.project.sheets import ProjectSheets
from crmwb.project.steering_sheets import SteeringInputs, has_steering, read_steering
from crmwb.workbook.about import About
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.template import build_workbook

START = dt.date(2026, 1, 5)
AS_OF = dt.date(2026, 6, 30)
PHASES = (
    Phase("Scoping", 10, owner="CRM"),
    Phase("Vendor choice", months(3.5), ("Scoping",)),
    Phase("Data flows, mapping", weeks(3), ("Scoping",), owner="Data"),
    Phase("Set-up", months(2), ("Vendor choice", "Data flows, mapping"), batch="1"),
    Phase("Go-live", 1, ("Set-up",), batch="2", owner="Marketing"),
)
CHECK = (
    StepProgress(1, StepStatus.DONE, dt.date(2026, 1, 20)),
    StepProgress(4, StepStatus.IN_PROGRESS),
    StepProgress(5, StepStatus.TO_DO, dt.date(2026, 3, 1)),
)
TEAMS = ("Marketing", "CRM", "Data", "Editorial team", "External providers")
RACI = Raci(
    (
        RaciTask(
            "Strategy", "Define the segments", {"Marketing": "R", "CRM": "C", "Editorial team": "I"}
        ),
        RaciTask("Campaigns", "Write the brief", {"Marketing": "R/A", "External providers": "C"}),
        RaciTask("", "Tool training", {"CRM": "R"}),
    ),
    TEAMS,
)
JAN, FEB, MAR, APR = (dt.date(2026, month, 1) for month in (1, 2, 3, 4))
KPIS = (
    KpiTrack("Welcome", "Welcome sales", "business", "sales", {JAN: 100, FEB: 120}, {JAN: 90}),
    KpiTrack("Newsletter", "Unsubscribe rate", "operational", "%", {FEB: 0.5}, {MAR: 0.7}, "lower"),
)
ACTIONS = (
    Action("Welcome series live", "Welcome", dt.date(2026, 3, 1), dt.date(2026, 3, 10)),
    Action("Newsletter template", "Newsletter", dt.date(2026, 4, 1), None, ActionStatus.IN_PLACE),
    Action("Win-back", "", dt.date(2026, 6, 1)),
)
ADOPTIONS = (
    Adoption(MAR, 40, 50, {"e-mail": 0.9, "phone": 0.6}),
    Adoption(APR, 35, 50, {"e-mail": 0.92}),
)
PROJECT = ProjectSheets(PHASES, START, AS_OF, RACI, KPIS, ACTIONS, ADOPTIONS, CHECK)
SHEETS = {
    "en": ["Project plan", "Checklist", "RACI", "KPI tracking", "Actions", "Adoption"],
    "fr": [
        "Planning projet",
        "Check-list de déploiement",
        "RACI",
        "Suivi des KPI",
        "Actions",
        "Adoption",
    ],
}


def write_workbook(
    folder: Path, lang: Lang = "en", project: ProjectSheets | None = PROJECT
) -> Path:
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR")
    return write_workbook_file(path, lang, about, project=project)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    return write_workbook(tmp_path_factory.mktemp("project")).read_bytes()


@pytest.fixture
def path(tmp_path: Path, saved: bytes) -> Path:
    target = tmp_path / "workbook.xlsx"
    target.write_bytes(saved)
    return target


def damage(path: Path, sheet: str, cells: dict[str, object]) -> None:
    """Overwrite cells, the way a consultant would in Excel, and save."""
    overwrite(path, sheet, cells)


READERS = {"project_plan": read_project_plan, "raci": read_raci, "steering": read_steering}
"""The readers :func:`error_of` names (each in the module of its sheets)."""


def error_of(path: Path, what: str) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        READERS[what](read_workbook(path))
    return info.value


def said(text: object, error: WorkbookError) -> str:
    """A part of ``error`` as the consultant reads it: in the workbook's language."""
    return render(text, error.lang or "en")


def assert_at(error: WorkbookError, path: Path, sheet: str, cell: str, found: str) -> None:
    assert (error.file, error.sheet, error.cell) == (str(path), sheet, cell), str(error)
    assert error.found is not None and found in said(error.found, error), str(error)


# --- round trip and template -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path: Path, lang: Lang) -> None:
    path = write_workbook(tmp_path, lang)
    reader = read_workbook(path)
    assert has_project_plan(reader) and has_raci(reader) and has_steering(reader)
    assert read_project_plan(reader) == ProjectPlanInputs(PHASES, START, AS_OF, CHECK)
    assert read_raci(reader) == RACI
    assert read_steering(reader) == SteeringInputs(KPIS, ACTIONS, ADOPTIONS)
    assert load_workbook(path).sheetnames[-6:] == SHEETS[lang]  # after the Customer file


def test_durations_are_written_in_the_unit_that_gives_them_back() -> None:
    assert [shown_duration(p.duration_days) for p in PHASES] == [
        (10, DurationUnit.DAYS),
        (3.5, DurationUnit.MONTHS),
        (3, DurationUnit.WEEKS),
        (2, DurationUnit.MONTHS),
        (1, DurationUnit.DAYS),
    ]
    assert [to_days(1.5, DurationUnit.MONTHS), to_days(2, DurationUnit.WEEKS)] == [46, 14]
    assert to_days(2.5) == 3  # days rounded half up


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_template_starts_from_the_default_plan_and_the_seed_raci(
    tmp_path: Path, lang: Lang
) -> None:
    path = tmp_path / "workbook.xlsx"
    save_workbook(build_workbook(lang), path)
    reader = read_workbook(path)
    assert not has_project_plan(reader)  # no start date yet
    assert has_raci(reader) and not has_steering(reader)
    assert read_raci(reader) == seed_raci(lang)
    assert read_steering(reader) == SteeringInputs()
    plan_sheet, checklist = SHEETS[lang][0], SHEETS[lang][1]
    empty = {"en": "an empty cell", "fr": "une cellule vide"}[lang]
    assert_at(error_of(path, "project_plan"), path, plan_sheet, "B4", empty)
    damage(path, plan_sheet, {"B4": START})
    plan = read_project_plan(read_workbook(path))
    # A phase is read under its displayed name: the default plan's, in the workbook's language.
    assert plan.phases == tuple(
        Phase(
            phase_label(p.name, lang),
            p.duration_days,
            tuple(phase_label(d, lang) for d in p.depends_on),
            p.batch,
            p.owner,
        )
        for p in DEFAULT_PLAN
    )
    assert schedule(plan.phases, START).end == schedule(DEFAULT_PLAN, START).end
    assert plan.checklist == ()
    wb = load_workbook(path)
    ws = wb[plan_sheet]
    assert [ws["B10"].value, ws["C10"].value] == [3.5, {"en": "months", "fr": "mois"}[lang]]
    steps = wb[checklist]
    assert [steps.cell(row=r, column=1).value for r in range(6, 23)] == list(range(1, 18))
    assert steps["B6"].value and steps["C6"].value == phase_label("relationship_plan", lang)
    drop_downs = {
        (ws.title, str(dv.sqref).split(":")[0], dv.formula1)
        for ws in wb.worksheets
        for dv in ws.data_validations.dataValidation
    }
    kpis, actions, raci = SHEETS[lang][3], SHEETS[lang][4], SHEETS[lang][2]
    assert {
        (plan_sheet, "C9", "list_duration_unit"),
        (checklist, "D6", "list_step_status"),
        (raci, "C6", '"R,A,C,I,R/A"'),
        (kpis, "A6", "programme_names"),
        (kpis, "C6", "list_kpi_kind"),
        (kpis, "E6", "list_kpi_direction"),
        (actions, "E6", "list_action_status"),
    } <= drop_downs
    assert wb[raci]["A5"].comment is not None  # the help, as a comment on the header


def test_optional_sheets_missing(path: Path) -> None:
    wb = load_workbook(path)
    for name in ("Checklist", "KPI tracking", "Actions", "Adoption"):
        del wb[name]
    wb.save(path)
    reader = read_workbook(path)
    assert read_project_plan(reader).checklist == ()
    assert not has_steering(reader) and read_steering(reader) == SteeringInputs()
    wb = load_workbook(path)
    del wb["Project plan"]
    del wb["RACI"]
    wb.save(path)
    reader = read_workbook(path)
    assert not has_project_plan(reader) and not has_raci(reader)


# --- the project plan --------------------------------------------------------------------------


@pytest.mark.parametrize("duration", [0, -2])
def test_a_duration_of_zero_or_less(path: Path, duration: int) -> None:
    damage(path, "Project plan", {"B10": duration})
    error = error_of(path, "project_plan")
    assert_at(error, path, "Project plan", "B10", str(duration))
    assert "a number > 0 for 'Duration'" in str(error)


def test_a_duration_under_a_day_once_rounded(path: Path) -> None:
    damage(path, "Project plan", {"B13": 0.4, "C13": "jours"})
    error = error_of(path, "project_plan")
    assert_at(error, path, "Project plan", "B13", "0.4 days (0 days once rounded)")


def test_units_and_separators_a_consultant_types(path: Path) -> None:
    damage(path, "Project plan", {"B9": 2, "C9": "Semaines", "C13": None, "D12": "vendor CHOICE"})
    damage(path, "Project plan", {"D12": "vendor choice;Data flows, mapping"})
    phases = read_project_plan(read_workbook(path)).phases
    assert phases[0].duration_days == 14 and phases[4].duration_days == 1  # empty unit: days
    assert phases[3].depends_on == ("Vendor choice", "Data flows, mapping")


def test_an_unknown_dependency(path: Path) -> None:
    damage(path, "Project plan", {"D10": "Scopin"})
    error = error_of(path, "project_plan")
    assert_at(error, path, "Project plan", "D10", "'Scopin'")
    assert said(error.hint, error) == "did you mean 'Scoping'?"


def test_a_cycle_is_named_at_one_of_its_phases(path: Path) -> None:
    damage(path, "Project plan", {"D9": "Go-live"})
    error = error_of(path, "project_plan")
    cycle = "the cycle Scoping -> Vendor choice -> Set-up -> Go-live -> Scoping"
    assert_at(error, path, "Project plan", "D9", cycle)
    assert "Project plan!D9" in str(error) and "circular dependencies" in str(error)


def test_a_phase_depending_on_itself(path: Path) -> None:
    damage(path, "Project plan", {"D13": "Go-live"})
    assert_at(error_of(path, "project_plan"), path, "Project plan", "D13", "Go-live -> Go-live")


def test_a_phase_named_twice(path: Path) -> None:
    damage(path, "Project plan", {"A10": "scoping"})
    error = error_of(path, "project_plan")
    assert_at(error, path, "Project plan", "A10", "already in Project plan!A9")


def test_a_plan_without_a_phase(path: Path) -> None:
    damage(path, "Project plan", {f"{c}{r}": None for c in "ABCDEF" for r in range(9, 14)})
    assert not has_project_plan(read_workbook(path))
    assert_at(error_of(path, "project_plan"), path, "Project plan", "A9", "no phase")


def test_checklist_status_and_numbers(path: Path) -> None:
    damage(path, "Checklist", {"D7": "EN COURS", "E8": dt.datetime(2026, 2, 1, 9, 30)})
    steps = read_project_plan(read_workbook(path)).checklist
    assert StepProgress(2, StepStatus.IN_PROGRESS) in steps
    assert StepProgress(3, StepStatus.TO_DO, dt.date(2026, 2, 1)) in steps  # empty: to do
    damage(path, "Checklist", {"D7": "finished"})
    assert_at(error_of(path, "project_plan"), path, "Checklist", "D7", "'finished'")
    damage(path, "Checklist", {"D7": None, "A7": 1})
    assert_at(error_of(path, "project_plan"), path, "Checklist", "A7", "already in Checklist!A6")


# --- the RACI ----------------------------------------------------------------------------------


def test_a_bad_raci_letter(path: Path) -> None:
    damage(path, "RACI", {"C6": "X"})
    error = error_of(path, "raci")
    assert_at(error, path, "RACI", "C6", "'X'")
    assert "team 'Marketing' on task 'Define the segments'" in str(error)
    damage(path, "RACI", {"C6": "RA"})
    error = error_of(path, "raci")
    assert said(error.hint, error) == "did you mean 'R/A'?"


def test_errors_of_a_french_workbook_are_in_french(tmp_path: Path) -> None:
    path = write_workbook(tmp_path, "fr")
    damage(path, "RACI", {"C6": "RA"})
    error = error_of(path, "raci")
    assert str(error).endswith(
        "RACI!C6\u00a0: on attend R, A, C, I ou R/A (ou une cellule vide) pour l'équipe "
        "«\u202fMarketing\u202f» sur la tâche «\u202fDefine the segments\u202f»\u202f; "
        "trouvé\u00a0: le texte «\u202fRA\u202f» (vouliez-vous dire «\u202fR/A\u202f»\u202f?)"
    )
    damage(path, "RACI", {"C6": "R"})
    damage(path, "Actions", {"E8": "fait"})
    assert str(error_of(path, "steering")).endswith(
        "Actions!D8\u00a0: on attend une date de réalisation pour l'action «\u202fWin-back"
        "\u202f», dont le statut est «\u202ffait\u202f»\u202f; trouvé\u00a0: une cellule vide "
        "(tapez la date de réalisation, ou changez son statut)"
    )


def test_raci_cells_a_consultant_types(path: Path) -> None:
    damage(path, "RACI", {"C6": " r ", "D6": "a/r", "E6": "-", "H5": None})
    task = read_raci(read_workbook(path)).tasks[0]
    assert task.roles == {"Marketing": "R", "CRM": "R/A", "Editorial team": "I"}


def test_a_team_added_in_the_header(path: Path) -> None:
    damage(path, "RACI", {"H5": "Agency", "H7": "I"})
    raci = read_raci(read_workbook(path))
    assert raci.teams == (*TEAMS, "Agency")
    assert raci.tasks[1].roles_of("Agency") == RaciTask("", "", {"x": "I"}).roles_of("x")


def test_an_empty_team_header_between_teams(path: Path) -> None:
    damage(path, "RACI", {"E5": None})
    error = error_of(path, "raci")
    assert_at(error, path, "RACI", "E5", "an empty cell")
    assert "between the teams" in str(error)


def test_a_team_named_twice_and_no_team(path: Path) -> None:
    damage(path, "RACI", {"E5": "crm"})
    assert_at(error_of(path, "raci"), path, "RACI", "E5", "already in RACI!D5")
    damage(path, "RACI", {f"{c}5": None for c in "CDEFG"})
    assert_at(error_of(path, "raci"), path, "RACI", "C5", "an empty cell")


def test_an_unknown_team_through_governance(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The sheet cannot name an unknown team (its teams are its header); the domain object can.
    with pytest.raises(InputError) as info:
        Raci((RaciTask("Campaigns", "Write the brief", {"Agency": "R"}),), ("Marketing", "CRM"))
    message = info.value.message("en")
    assert "task 'Write the brief' to name teams of the RACI ('Marketing', 'CRM')" in message
    assert "found team 'Agency'" in message

    # Its error goes through the reader as a WorkbookError naming the file and the sheet.
    def fewer_teams(tasks: tuple[RaciTask, ...], teams: tuple[str, ...]) -> Raci:
        return Raci(tasks, teams[:-1])

    monkeypatch.setattr(raci_sheet, "Raci", fewer_teams)
    error = error_of(path, "raci")
    assert (error.file, error.sheet) == (str(path), "RACI")
    assert said(error.found, error) == "team 'External providers'"


# --- the steering committee --------------------------------------------------------------------


def test_a_kpi_month_outside_the_plan(path: Path) -> None:
    damage(path, "KPI tracking", {"F9": dt.date(2027, 1, 15)})  # the plan ends on 3 July 2026
    error = error_of(path, "steering")
    assert_at(error, path, "KPI tracking", "F9", "the month January 2027")
    assert (
        "KPI 'Unsubscribe rate' (Newsletter): a value (actual) for a month of the plan"
        " (January 2026 to July 2026)"
    ) in str(error)
    assert said(error.hint, error) == (
        "the project runs from 5 January 2026 to 2 July 2026 (the Project plan sheet):"
        " fix the month, or the plan"
    )
    damage(path, "Project plan", {"B4": None})  # without a plan, the month is not checked
    assert read_steering(read_workbook(path)).tracks[1].actuals == {dt.date(2027, 1, 1): 0.7}


def test_any_day_of_the_month_is_its_month(path: Path) -> None:
    damage(path, "KPI tracking", {"F6": dt.date(2026, 1, 31), "C7": None, "D7": None})
    damage(path, "Adoption", {"A6": dt.date(2026, 3, 17)})
    steering = read_steering(read_workbook(path))
    assert steering.tracks == KPIS and steering.adoptions == ADOPTIONS


def test_a_kpi_row_contradicting_another(path: Path) -> None:
    damage(path, "KPI tracking", {"E7": "moins = mieux"})
    error = error_of(path, "steering")
    assert_at(error, path, "KPI tracking", "E7", "'moins = mieux'")
    assert "as in KPI tracking!E6" in str(error)
    damage(path, "KPI tracking", {"E7": None, "F7": dt.date(2026, 1, 9)})
    assert_at(error_of(path, "steering"), path, "KPI tracking", "F7", "already in")


def test_an_action_status_and_its_done_date(path: Path) -> None:
    damage(path, "Actions", {"E8": "fait"})
    error = error_of(path, "steering")
    assert_at(error, path, "Actions", "D8", "an empty cell")
    damage(path, "Actions", {"E8": None, "E6": "planned"})
    assert_at(error_of(path, "steering"), path, "Actions", "E6", "'planned'")
    damage(path, "Actions", {"E6": None})  # empty: done, since it has a done date
    assert read_steering(read_workbook(path)).actions == ACTIONS


def test_adoption_figures(path: Path) -> None:
    damage(path, "Adoption", {"B7": 51})
    assert_at(error_of(path, "steering"), path, "Adoption", "B7", "51")
    damage(path, "Adoption", {"B7": 35, "D7": 92})
    error = error_of(path, "steering")
    assert_at(error, path, "Adoption", "D7", "92")
    assert "92%" in said(error.hint, error)
    damage(path, "Adoption", {"D7": 0.92, "F5": "Taux de remplissage :  code postal", "F6": 0.5})
    damage(path, "Adoption", {"G5": "Notes", "G6": "new export"})
    adoptions = read_steering(read_workbook(path)).adoptions
    assert adoptions[0].fill_rates == {"e-mail": 0.9, "phone": 0.6, "code postal": 0.5}
    damage(path, "Adoption", {"F5": "Fill rate:"})
    assert_at(error_of(path, "steering"), path, "Adoption", "F5", "'Fill rate:'")

"""The project plan: duration helpers, the schedule's dates (checked by hand in the comments),
slack and critical path, the governance milestones, the errors and the deployment checklist."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from messages import raises_en

from crmwb.core.i18n import LANGUAGES, has_message, message_keys
from crmwb.project.planning import (
    CHECKLIST,
    DEFAULT_PLAN,
    Phase,
    add_months,
    batch_label,
    months,
    operational_points,
    phase_label,
    schedule,
    steering_committees,
    weeks,
)

D = dt.date


def test_duration_helpers_round_half_up_on_30_4375_day_months() -> None:
    assert weeks(2) == 14
    assert weeks(0.5) == 4  # 3.5 rounded half up
    assert months(1) == 30  # 30.4375
    assert months(1.5) == 46  # 45.656
    assert months(2) == 61  # 60.875
    assert months(3.5) == 107  # 106.53
    assert months(12) == 365  # 365.25


def test_add_months_clamps_to_the_end_of_the_month() -> None:
    assert add_months(D(2025, 1, 31), 1) == D(2025, 2, 28)
    assert add_months(D(2024, 1, 31), 1) == D(2024, 2, 29)
    assert add_months(D(2025, 11, 30), 3) == D(2026, 2, 28)
    assert add_months(D(2025, 10, 15), 3) == D(2026, 1, 15)


def test_default_plan_dates_from_a_monday() -> None:
    plan = schedule(DEFAULT_PLAN, D(2025, 1, 6))
    dates = {p.name: (p.start, p.finish, p.slack_days) for p in plan.phases}
    # relationship plan: 6 Jan + 46 days = 21 Feb (25 days to 31 Jan, 21 more).
    assert dates["relationship_plan"] == (D(2025, 1, 6), D(2025, 2, 21), 0)
    # software choice: 21 Feb + 107 = 8 Jun (8 days to 1 Mar, then 31 + 30 + 31 to 1 Jun, + 7).
    assert dates["software_choice"] == (D(2025, 2, 21), D(2025, 6, 8), 0)
    # data flows, alongside: 21 Feb + 46 = 8 Apr (8 to 1 Mar, 31 to 1 Apr, + 7); slack to 8 Jun
    # = 23 days of April + 31 of May + 7 of June = 61.
    assert dates["data_flows"] == (D(2025, 2, 21), D(2025, 4, 8), 61)
    # set-up waits for both: 8 Jun + 61 = 8 Aug (30 to 8 Jul, 31 to 8 Aug).
    assert dates["software_setup"] == (D(2025, 6, 8), D(2025, 8, 8), 0)
    # batch 1: 8 Aug + 61 = 8 Oct (31 to 8 Sep, 30 to 8 Oct); batch 2: + 14 = 22 Oct.
    assert dates["use_cases_batch_1"] == (D(2025, 8, 8), D(2025, 10, 8), 0)
    assert dates["use_cases_batch_2"] == (D(2025, 10, 8), D(2025, 10, 22), 0)
    assert plan.end == D(2025, 10, 22)
    assert plan.phase("use_cases_batch_2").last_day == D(2025, 10, 21)
    # 46 + 107 + 61 + 61 + 14 = 289 days on the critical path.
    assert plan.duration_days == 289
    assert plan.critical_path == (
        "relationship_plan",
        "software_choice",
        "software_setup",
        "use_cases_batch_1",
        "use_cases_batch_2",
    )


def test_default_plan_length_against_the_seeds() -> None:
    """Seed 001's observed durations add up to about 9.5 months even with the data flows run
    alongside the software choice: inside the seeds' 3-month to 2-year range, above their 6-8
    month average (the average project is shorter than the sum of the typical phases)."""
    months_long = schedule(DEFAULT_PLAN, D(2025, 1, 6)).duration_months
    assert 3 <= months_long <= 24
    assert 9 < months_long < 10
    # Run one after the other, the phases would take 335 days, about 11 months.
    assert sum(p.duration_days for p in DEFAULT_PLAN) == 335


def diamond(b: int = 20, c: int = 5) -> list[Phase]:
    return [
        Phase("A", 10),
        Phase("B", b, ("A",)),
        Phase("C", c, ("A",)),
        Phase("D", 3, ("B", "C")),
    ]


def test_diamond_critical_path_and_slack() -> None:
    plan = schedule(diamond(), D(2025, 3, 3))
    # A: 3 Mar + 10 = 13 Mar; B: 13 Mar + 20 = 2 Apr; C: 13 Mar + 5 = 18 Mar;
    # D starts on the later of B and C, 2 Apr, + 3 = 5 Apr.
    assert plan.phase("A").finish == D(2025, 3, 13)
    assert plan.phase("B").finish == D(2025, 4, 2)
    assert plan.phase("C").finish == D(2025, 3, 18)
    assert plan.phase("D").start == D(2025, 4, 2)
    assert plan.end == D(2025, 4, 5)
    assert plan.critical_path == ("A", "B", "D")
    # C may start as late as 2 Apr - 5 = 28 Mar: slack = B - C = 20 - 5 = 15 days.
    assert plan.phase("C").latest_start == D(2025, 3, 28)
    assert plan.phase("C").slack_days == 15
    assert [p.slack_days for p in plan.phases] == [0, 0, 15, 0]


def test_tied_branches_are_both_critical() -> None:
    plan = schedule(diamond(b=7, c=7), D(2025, 3, 3))
    assert plan.critical_path == ("A", "B", "C", "D")


def test_order_is_topological_and_otherwise_as_given() -> None:
    phases = [
        Phase("Go-live", 5, ("Build",)),
        Phase("Kick-off", 3),
        Phase("Build", 10, ("Kick-off",)),
    ]
    plan = schedule(phases, D(2025, 1, 1))
    assert [p.name for p in plan.phases] == ["Kick-off", "Build", "Go-live"]
    # 1 Jan + 3 = 4 Jan; + 10 = 14 Jan; + 5 = 19 Jan.
    assert plan.end == D(2025, 1, 19)


def test_parallel_independent_phases_end_on_the_longest() -> None:
    plan = schedule([Phase("A", 30), Phase("B", 10)], D(2025, 1, 1))
    assert plan.end == D(2025, 1, 31)
    assert plan.phase("B").slack_days == 20
    assert plan.critical_path == ("A",)


def test_milestones_of_a_seven_month_project() -> None:
    # 1 Jan 2025 + 212 days (31 + 28 + 31 + 30 + 31 + 30 + 31) = 1 Aug 2025.
    plan = schedule([Phase("Project", 212)], D(2025, 1, 1))
    assert plan.end == D(2025, 8, 1)
    # CoPil every 3 months after the start, before the end, then a closing one on the end.
    assert plan.steering_committees == (D(2025, 4, 1), D(2025, 7, 1), D(2025, 8, 1))
    # Operational points at + 14k days while before the end: 15 x 14 = 210 < 212 < 224.
    points = plan.operational_points
    assert len(points) == 15
    assert points[0] == D(2025, 1, 15)
    assert points[1] == D(2025, 1, 29)
    assert points[-1] == D(2025, 7, 30)  # 1 Jan + 210
    assert all((b - a).days == 14 for a, b in itertools.pairwise(points))


def test_milestones_never_repeat_the_end() -> None:
    # Exactly 3 months: 1 Jan to 1 Apr is 90 days; the quarterly CoPil is the closing one.
    assert steering_committees(D(2025, 1, 1), D(2025, 4, 1)) == (D(2025, 4, 1),)
    # 28 days: one point at + 14, none on the end itself.
    assert operational_points(D(2025, 1, 1), D(2025, 1, 29)) == (D(2025, 1, 15),)


def test_cycle_is_named() -> None:
    phases = [Phase("A", 1, ("C",)), Phase("B", 1, ("A",)), Phase("C", 1, ("B",))]
    with raises_en("A -> B -> C -> A") as err:
        schedule(phases, D(2025, 1, 1))
    assert "cycle" in str(err.value)


def test_cycle_behind_a_sound_phase_and_self_loop() -> None:
    phases = [Phase("Start", 2), Phase("X", 1, ("Start", "Y")), Phase("Y", 1, ("X",))]
    with raises_en("X -> Y -> X"):
        schedule(phases, D(2025, 1, 1))
    with raises_en("Solo -> Solo"):
        schedule([Phase("Solo", 1, ("Solo",))], D(2025, 1, 1))


def test_unknown_dependency_is_named() -> None:
    with raises_en(r"'Build'.*unknown phase 'Desing'"):
        schedule([Phase("Design", 5), Phase("Build", 5, ("Desing",))], D(2025, 1, 1))


@pytest.mark.parametrize("days", [0, -3])
def test_zero_or_negative_duration_names_the_phase(days: int) -> None:
    with raises_en(f"phase 'Training'.*found {days}"):
        Phase("Training", days)


@pytest.mark.parametrize("days", [1.5, True, "10"])
def test_duration_must_be_whole_days(days: object) -> None:
    with raises_en("'Training'"):
        Phase("Training", days)  # type: ignore[arg-type]


def test_a_phase_twice_and_an_empty_plan() -> None:
    with raises_en("phase 'A' twice"):
        schedule([Phase("A", 1), Phase("A", 2)], D(2025, 1, 1))
    with raises_en("at least one phase"):
        schedule([], D(2025, 1, 1))
    with raises_en("phase name"):
        Phase("  ", 3)


def test_unknown_phase_lookup() -> None:
    with raises_en("'Z'"):
        schedule(diamond(), D(2025, 1, 1)).phase("Z")


def test_a_single_dependency_given_as_a_string() -> None:
    phase = Phase("B", 1, "A")  # type: ignore[arg-type]
    assert phase.depends_on == ("A",)


def test_checklist_has_seed_004s_17_steps_in_both_languages() -> None:
    assert [s.number for s in CHECKLIST] == list(range(1, 18))
    names = {p.name for p in DEFAULT_PLAN}
    assert {s.phase for s in CHECKLIST} <= names
    # Steps follow the plan's order: their phases never go back in time.
    order = [p.name for p in schedule(DEFAULT_PLAN, D(2025, 1, 6)).phases]
    positions = [order.index(s.phase) for s in CHECKLIST]
    assert positions == sorted(positions)
    for lang in LANGUAGES:
        titles = [s.title(lang) for s in CHECKLIST]
        assert all(titles)
    assert CHECKLIST[0].title("fr").startswith("Analyser la situation actuelle")
    assert CHECKLIST[11].title("en") == "Train the users"


def test_labels_of_phases_and_batches() -> None:
    assert phase_label("software_choice", "fr") == "Choix du logiciel CRM"
    assert phase_label("software_choice", "en") == "CRM software choice"
    assert phase_label("My own phase", "fr") == "My own phase"
    assert batch_label("", "fr") == "Socle commun"
    assert batch_label("2", "fr") == "Lot 2"
    assert batch_label("2", "en") == "Batch 2"
    assert batch_label("Pilot", "en") == "Pilot"


def test_every_planning_label_is_in_both_languages() -> None:
    keys = [k for k in message_keys() if k.startswith("planning.")]
    assert len([k for k in keys if k.startswith("planning.step.")]) == 17
    for key in keys:
        assert has_message(key), key

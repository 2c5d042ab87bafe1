"""Governance: the RACI checks (seed 002's example included) and the steering committee's
follow-up (KPIs vs targets, planned vs done, adoption)."""

from __future__ import annotations

from datetime import date as D

import pytest
from messages import raises_en

from crmwb.core.errors import InputError
from crmwb.core.i18n import LANGUAGES, has_message, t
from crmwb.plan.checks import LabelKey
from crmwb.project.governance import (
    SEED_RACI,
    Action,
    ActionStatus,
    Adoption,
    GovernanceFinding,
    KpiTrack,
    Month,
    Quantity,
    Raci,
    RaciTask,
    Role,
    Share,
    actions_progress,
    adoption_summary,
    check_raci,
    finding_text,
    kpi_gaps,
    load_share,
    seed_raci,
    steering_gaps,
    team_load,
)

TEAMS = ("Marketing", "CRM", "Data")


def raci(*rows: tuple[str, str, str], teams: tuple[str, ...] = TEAMS) -> Raci:
    return Raci(
        tuple(
            RaciTask("G", f"T{i}", dict(zip(teams, row, strict=True))) for i, row in enumerate(rows)
        ),
        teams,
    )


def rules(findings: tuple[GovernanceFinding, ...]) -> list[tuple[str, str]]:
    return [(f.rule, f.subject) for f in findings]


# --- RACI rules ------------------------------------------------------------------------------


def test_a_well_formed_task_has_no_finding() -> None:
    assert check_raci(raci(("R", "A", "I"), ("R/A", "C", ""), ("A/R", "", "I"))) == ()


def test_no_accountable() -> None:
    assert rules(check_raci(raci(("R", "C", "I")))) == [("no_accountable", "T0")]


def test_several_accountable_names_the_teams() -> None:
    (finding,) = check_raci(raci(("A", "R", "A")))
    assert finding.rule == "several_accountable"
    assert finding.values["teams"] == ("Marketing", "Data")
    assert finding.values["count"] == 2


def test_no_responsible() -> None:
    assert rules(check_raci(raci(("A", "C", "I")))) == [("no_responsible", "T0")]


def test_nobody_owns_replaces_the_two_other_findings() -> None:
    assert rules(check_raci(raci(("C", "I", "")))) == [("nobody_owns", "T0")]


def test_several_accountable_and_no_responsible_together() -> None:
    assert rules(check_raci(raci(("A", "A", "I")))) == [
        ("several_accountable", "T0"),
        ("no_responsible", "T0"),
    ]


def test_cells_are_read_loosely_but_one_letter_or_r_a() -> None:
    task = RaciTask("G", "T", {"Marketing": " a / r ", "CRM": "c", "Data": "-"})
    assert task.roles == {"Marketing": "R/A", "CRM": "C"}
    assert task.roles_of("Marketing") == {Role.RESPONSIBLE, Role.ACCOUNTABLE}
    assert task.roles_of("Data") == frozenset()
    with raises_en("'Data' on task 'T'"):
        RaciTask("G", "T", {"Data": "R/C"})


def test_a_task_naming_an_unknown_team_is_an_error() -> None:
    with pytest.raises(InputError) as info:
        Raci((RaciTask("G", "Brief", {"Marketing": "R", "Rédaction": "A"}),))
    assert "'Brief'" in info.value.message("en") and "'Rédaction'" in info.value.message("en")
    assert str(info.value) == (  # no language of its own: French
        "que la tâche «\u202fBrief\u202f» nomme des équipes du RACI («\u202fMarketing\u202f», "
        "«\u202fCRM\u202f», «\u202fData\u202f»)\u202f; trouvé\u00a0: "
        "l'équipe «\u202fRédaction\u202f» (ajoutez l'équipe à celles du RACI, ou corrigez son nom)"
    )


def test_teams_are_configurable() -> None:
    teams = ("Marketing", "CRM", "Data", "Rédaction", "Prestataires externes")
    matrix = Raci((RaciTask("G", "Brief", {"Rédaction": "R", "Marketing": "A"}),), teams)
    assert check_raci(matrix) == ()
    assert team_load(matrix)["Rédaction"][Role.RESPONSIBLE] == 1
    assert load_share(matrix)["Prestataires externes"] == 0.0
    with raises_en("once"):
        Raci((), ("CRM", "CRM"))


# --- the seed's RACI -----------------------------------------------------------------------

# Counted by hand from DOMAIN.md §6's table.
SEED_WITHOUT_A = [
    "objectives",
    "segments",
    "pressure",
    "calendar",
    "brief",
    "follow_up",
    "quarterly",
    "purpose",
    "editorial_charter",
    "graphic_charter",
]
SEED_WITHOUT_R = ["purpose", "editorial_charter", "graphic_charter"]


def test_seed_raci_shape() -> None:
    assert len(SEED_RACI.tasks) == 23
    assert len({task.group for task in SEED_RACI.tasks}) == 5
    assert SEED_RACI.teams == ("Marketing", "CRM", "Data")


def test_seed_raci_findings_counted_by_hand() -> None:
    findings = check_raci(SEED_RACI)
    key = "governance.task."
    without_a = [f.subject.removeprefix(key) for f in findings if f.rule != "no_responsible"]
    without_r = [f.subject.removeprefix(key) for f in findings if f.rule != "no_accountable"]
    assert without_a == SEED_WITHOUT_A
    assert without_r == SEED_WITHOUT_R
    assert [f.rule for f in findings].count("nobody_owns") == 3
    assert [f.rule for f in findings].count("no_accountable") == 7
    assert len(findings) == 10
    assert all(f.rule != "several_accountable" for f in findings)


def test_seed_team_load_counted_by_hand() -> None:
    load = team_load(SEED_RACI)
    assert load["Marketing"] == {
        Role.RESPONSIBLE: 13,
        Role.ACCOUNTABLE: 3,
        Role.CONSULTED: 3,
        Role.INFORMED: 4,
    }
    assert load["CRM"] == {
        Role.RESPONSIBLE: 6,
        Role.ACCOUNTABLE: 6,
        Role.CONSULTED: 8,
        Role.INFORMED: 3,
    }
    assert load["Data"] == {
        Role.RESPONSIBLE: 1,
        Role.ACCOUNTABLE: 4,
        Role.CONSULTED: 2,
        Role.INFORMED: 16,
    }
    shares = load_share(SEED_RACI)
    assert shares == pytest.approx({"Marketing": 16 / 23, "CRM": 12 / 23, "Data": 5 / 23})


def test_r_a_cell_counts_once_in_the_share() -> None:
    matrix = raci(("R/A", "C", "I"), ("I", "R", "A"))
    assert team_load(matrix)["Marketing"][Role.RESPONSIBLE] == 1
    assert team_load(matrix)["Marketing"][Role.ACCOUNTABLE] == 1
    assert load_share(matrix)["Marketing"] == 0.5


@pytest.mark.parametrize("lang", LANGUAGES)
def test_seed_labels_exist_and_seed_raci_in_plain_text(lang: str) -> None:
    plain = seed_raci(lang)  # type: ignore[arg-type]
    assert [type(task.task) for task in plain.tasks] == [str] * 23
    assert check_raci(plain) and len(check_raci(plain)) == 10
    for finding in check_raci(SEED_RACI):
        assert has_message(finding.key)
        text = finding_text(finding, lang)  # type: ignore[arg-type]
        assert "{" not in text and "governance." not in text, text


def test_seed_raci_french_first() -> None:
    assert seed_raci().tasks[0].task == "Fixer les objectifs prioritaires et secondaires"
    assert seed_raci("en").tasks[8].task == (
        "Approve the proof (brief, graphic and editorial charters)"
    )


def test_raci_finding_texts() -> None:
    (finding,) = [f for f in check_raci(SEED_RACI) if f.rule == "nobody_owns"][:1]
    assert finding_text(finding, "fr") == (
        "Personne ne porte la tâche «\u202fPartager la raison d'être, la stratégie et la "
        "vision\u202f» (Management)\u00a0: ni responsable (R) pour la réaliser, ni approbateur "
        "(A) pour la valider."
    )
    several = check_raci(raci(("A", "R", "A")))[0]
    assert finding_text(several, "en") == (
        "Task 'T0' (G) has 2 accountable teams (A): Marketing, Data. Keep only one, so that a "
        "single team has the final say."
    )


# --- KPIs ----------------------------------------------------------------------------------

START, END = D(2026, 1, 1), D(2026, 12, 31)


def sales_track(**changes: object) -> KpiTrack:
    fields: dict[str, object] = {
        "programme": "Réactivation",
        "kpi": "Clients réactivés",
        "kind": "business",
        "unit": "clients",
        "targets": {D(2026, 1, 1): 100.0, D(2026, 2, 1): 200.0, D(2026, 3, 1): 300.0},
        "actuals": {D(2026, 1, 1): 95.0, D(2026, 2, 1): 150.0, D(2026, 3, 1): 269.0},
    }
    fields.update(changes)
    return KpiTrack(**fields)  # type: ignore[arg-type]


def test_kpi_gaps_by_hand() -> None:
    # January: 95 >= 100 - 10 -> within tolerance. February: 150 < 200 - 20 = 180 -> gap 25 %.
    # March: 269 < 300 - 30 = 270 -> gap 31 / 300.
    gaps = kpi_gaps([sales_track()], plan_start=START, plan_end=END)
    assert [(g.month, g.target, g.actual) for g in gaps] == [
        (D(2026, 2, 1), 200.0, 150.0),
        (D(2026, 3, 1), 300.0, 269.0),
    ]
    assert [g.gap for g in gaps] == pytest.approx([0.25, 31 / 300])
    # At 20 % tolerance, only February (150 < 160).
    strict = kpi_gaps([sales_track()], plan_start=START, plan_end=END, tolerance=0.2)
    assert [g.month for g in strict] == [D(2026, 2, 1)]


def test_kpi_gaps_lower_is_better() -> None:
    track = sales_track(
        kpi="Taux de désabonnement",
        unit="%",
        direction="lower",
        targets={D(2026, 1, 1): 0.5, D(2026, 2, 1): 0.5},
        actuals={D(2026, 1, 1): 0.54, D(2026, 2, 1): 0.6},
    )
    # 0.54 <= 0.55 -> fine; 0.6 > 0.55 -> gap (0.6 - 0.5) / 0.5 = 20 %.
    (gap,) = kpi_gaps([track], plan_start=START, plan_end=END)
    assert gap.month == D(2026, 2, 1) and gap.gap == pytest.approx(0.2)


def test_kpi_months_without_target_or_actual_are_not_compared() -> None:
    track = sales_track(actuals={D(2026, 4, 1): 0.0})
    assert kpi_gaps([track], plan_start=START, plan_end=END) == ()


def test_actuals_outside_the_plan_are_an_error() -> None:
    track = sales_track(actuals={D(2027, 1, 1): 10.0})
    with pytest.raises(InputError) as info:
        kpi_gaps([track], plan_start=START, plan_end=END)
    message = info.value.message("en")
    assert "'Clients réactivés'" in message and "January 2027" in message and "actual" in message
    assert "le mois janvier 2027" in info.value.message("fr")
    before = sales_track(actuals={D(2025, 12, 1): 10.0})
    with raises_en("December 2025"):
        kpi_gaps([before], plan_start=D(2026, 1, 15), plan_end=END)


def test_kpi_inputs_are_checked() -> None:
    with raises_en("first day"):
        sales_track(actuals={D(2026, 1, 15): 1.0})
    with raises_en("finite"):
        sales_track(actuals={D(2026, 1, 1): float("nan")})
    with raises_en("business or operational"):
        sales_track(kind="vanity")
    with raises_en("tolerance"):
        kpi_gaps([], plan_start=START, plan_end=END, tolerance=1.5)
    with raises_en("end on or after"):
        kpi_gaps([], plan_start=END, plan_end=START)


# --- actions -------------------------------------------------------------------------------

ACTIONS = (
    Action("Scénario de bienvenue", "Bienvenue", D(2026, 2, 1), D(2026, 1, 25)),  # early
    Action("Relance panier", "Réactivation", D(2026, 2, 15), D(2026, 3, 1)),  # done late
    Action("Campagne de printemps", "Fidélité", D(2026, 3, 1)),  # late by 14 days
    Action("Formation", "Adoption", D(2026, 3, 10), status=ActionStatus.IN_PLACE),  # late 5
    Action("Scénario d'anniversaire", "Fidélité", D(2026, 3, 15)),  # due as of: not late
    Action("Programme VIP", "Fidélité", D(2026, 6, 1)),  # future
)


def test_actions_progress_as_of_a_date() -> None:
    progress = actions_progress(ACTIONS, D(2026, 3, 15))
    assert progress.planned_by_date == 5
    assert progress.done_by_date == 2
    assert progress.completion == pytest.approx(2 / 5)
    assert [(a.name, days) for a, days in progress.late] == [
        ("Campagne de printemps", 14),
        ("Formation", 5),
    ]
    assert [a.name for a in progress.done_early] == ["Scénario de bienvenue"]
    assert [a.name for a in progress.done_late] == ["Relance panier"]
    assert progress.by_status == {
        ActionStatus.PLANNED: 3,
        ActionStatus.IN_PLACE: 1,
        ActionStatus.DONE: 2,
    }


def test_an_action_done_after_as_of_is_late_at_an_earlier_date() -> None:
    progress = actions_progress(ACTIONS, D(2026, 2, 20))
    assert [(a.name, days) for a, days in progress.late] == [("Relance panier", 5)]
    assert progress.done_by_date == 1
    assert actions_progress((), D(2026, 1, 1)).completion is None


def test_action_status_and_done_date_agree() -> None:
    assert Action("A", "P", D(2026, 1, 1), D(2026, 1, 2)).status is ActionStatus.DONE
    with raises_en("'A'"):
        Action("A", "P", D(2026, 1, 1), status=ActionStatus.DONE)
    with raises_en("'A'"):
        Action("A", "P", D(2026, 1, 1), D(2026, 1, 2), status=ActionStatus.PLANNED)


# --- adoption ------------------------------------------------------------------------------

ADOPTION = (
    Adoption(D(2026, 2, 1), 45, 50, {"E-mail": 0.95, "Téléphone": 0.7}),
    Adoption(D(2026, 1, 1), 30, 50, {"E-mail": 0.9, "Téléphone": 0.6}),
    Adoption(D(2026, 3, 1), 20, 50, {"E-mail": 0.92, "Téléphone": 0.75, "Segment": 0.5}),
)


def test_adoption_summary() -> None:
    summary = adoption_summary(ADOPTION)
    assert summary.months == (D(2026, 1, 1), D(2026, 2, 1), D(2026, 3, 1))
    assert summary.active_shares == pytest.approx((0.6, 0.9, 0.4))
    assert summary.trend == pytest.approx(-0.2)
    assert summary.falling
    assert summary.latest_share == pytest.approx(0.4)
    assert summary.low_fields == (("Segment", 0.5), ("Téléphone", 0.75))
    assert adoption_summary(ADOPTION, fill_threshold=0.7).low_fields == (("Segment", 0.5),)
    assert not adoption_summary(ADOPTION[:2]).falling


def test_adoption_inputs_are_checked() -> None:
    with raises_en("active users"):
        Adoption(D(2026, 1, 1), 60, 50)
    with raises_en("between 0 and 1"):
        Adoption(D(2026, 1, 1), 10, 50, {"E-mail": 80.0})
    with raises_en("twice"):
        adoption_summary([ADOPTION[0], ADOPTION[0]])
    with raises_en("at least one"):
        adoption_summary([])


# --- the CoPil's gaps ------------------------------------------------------------------------


def copil() -> tuple[GovernanceFinding, ...]:
    return steering_gaps(
        as_of=D(2026, 3, 15),
        plan_start=START,
        plan_end=END,
        tracks=[sales_track()],
        actions=ACTIONS,
        adoptions=ADOPTION,
    )


def test_steering_gaps() -> None:
    findings = copil()
    assert rules(findings) == [
        ("kpi_behind_target", "Clients réactivés"),
        ("action_late", "Campagne de printemps"),
        ("action_late", "Formation"),
        ("adoption_low", ""),
        ("adoption_falling", ""),
        ("fill_rate_low", "Segment"),
        ("fill_rate_low", "Téléphone"),
    ]
    kpi = findings[0]
    assert kpi.values["behind"] == 2 and kpi.values["compared"] == 3
    assert kpi.values["month"] == D(2026, 3, 1)
    assert kpi.values["actual"] == Quantity(269.0, "clients")
    # January alone: 60 % active (above the default 50 %), only Téléphone under 80 % filled.
    quiet = steering_gaps(
        as_of=D(2026, 1, 2), plan_start=START, plan_end=END, adoptions=ADOPTION[1:2]
    )
    assert rules(quiet) == [("fill_rate_low", "Téléphone")]


def test_kpi_gaps_after_as_of_are_not_discussed_yet() -> None:
    findings = steering_gaps(
        as_of=D(2026, 2, 10), plan_start=START, plan_end=END, tracks=[sales_track()]
    )
    (kpi,) = findings
    assert kpi.values["behind"] == 1 and kpi.values["compared"] == 2


def test_steering_finding_texts_fr_en() -> None:
    by_rule: dict[str, GovernanceFinding] = {}
    for finding in copil():
        by_rule.setdefault(finding.rule, finding)  # the first of each rule
    assert finding_text(by_rule["kpi_behind_target"], "fr") == (
        "Le KPI «\u202fClients réactivés\u202f» (programme «\u202fRéactivation\u202f») "
        "n'atteint pas son objectif 2\u00a0mois sur 3\u202f; dernier écart en mars 2026\u00a0: "
        "269\u00a0clients pour un objectif de 300\u00a0clients (10\u00a0% d'écart)."
    )
    assert finding_text(by_rule["kpi_behind_target"], "en") == (
        "KPI 'Clients réactivés' (programme 'Réactivation') is behind target in 2 of 3 months; "
        "latest gap in March 2026: 269\u00a0clients against a target of 300\u00a0clients (10% off)."
    )
    assert finding_text(by_rule["action_late"], "fr") == (
        "L'action «\u202fCampagne de printemps\u202f» (programme «\u202fFidélité\u202f»), "
        "prévue le 1er mars 2026, n'est toujours pas réalisée au 15 mars 2026\u00a0: "
        "retard de 14\u00a0jours."
    )
    assert finding_text(by_rule["adoption_low"], "en") == (
        "In March 2026, only 40% of licensed users use the tool (20 of 50), below the 50% "
        "threshold."
    )
    assert finding_text(by_rule["adoption_falling"], "fr") == (
        "La part d'utilisateurs actifs baisse\u00a0: 40\u00a0% en mars 2026, contre 90\u00a0% en "
        "février 2026."
    )
    assert finding_text(by_rule["fill_rate_low"], "en") == (
        "Field 'Segment' is filled in only 50% of records in March 2026, below the 80% "
        "threshold: train the users, make it mandatory or remove it."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_steering_finding_has_a_message(lang: str) -> None:
    for finding in copil():
        assert has_message(finding.key)
        text = finding_text(finding, lang)  # type: ignore[arg-type]
        assert "{" not in text and "governance." not in text, text


def test_wrappers_compare_equal_to_plain_values() -> None:
    assert Share(0.5) == 0.5 and Month(2026, 3, 1) == D(2026, 3, 1)
    assert LabelKey("governance.group.strategy") == "governance.group.strategy"
    assert t("governance.status.in_place", "fr") == "en place"

"""The Gantt chart builds for the default plan and for larger plans, in French and in English,
and shows every phase, the critical path, the milestones and the today line."""

from __future__ import annotations

import datetime as dt
import html
import io

import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle
from matplotlib.text import Annotation

from crmwb.i18n import LANGUAGES, Lang, t
from crmwb.planning import DEFAULT_PLAN, Phase, Schedule, phase_label, schedule
from crmwb.project_charts import CRITICAL, gantt
from crmwb.views import Context

START = dt.date(2025, 1, 6)


def svg(fig: Figure) -> str:
    buffer = io.StringIO()
    fig.savefig(buffer, format="svg")
    return html.unescape(buffer.getvalue())


def bars(fig: Figure) -> dict[str, Rectangle]:
    found = {}
    for patch in fig.axes[0].patches:
        gid = patch.get_gid()
        if isinstance(patch, Rectangle) and gid and gid.startswith("phase-"):
            found[gid.removeprefix("phase-")] = patch
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_default_plan_gantt_shows_every_phase(lang: Lang) -> None:
    plan = schedule(DEFAULT_PLAN, START)
    fig = gantt(plan, Context("ACME", lang), today=dt.date(2025, 5, 12))
    assert isinstance(fig, Figure)
    text = svg(fig)
    for phase in DEFAULT_PLAN:
        assert phase_label(phase.name, lang) in text
    for key in ("planning.gantt.critical", "planning.gantt.copil", "planning.gantt.today"):
        assert t(key, lang) in text
    assert t("planning.batch", lang, n=1) in text
    assert fig.get_figwidth() == pytest.approx(7.5)


def test_month_names_follow_the_language() -> None:
    plan = schedule(DEFAULT_PLAN, START)
    assert "juil." in svg(gantt(plan, Context("ACME", "fr")))
    assert "Jul" in svg(gantt(plan, Context("ACME", "en")))


def test_critical_bars_are_outlined_and_others_not() -> None:
    plan = schedule(DEFAULT_PLAN, START)
    found = bars(gantt(plan, Context("ACME", "fr")))
    assert set(found) == {p.name for p in DEFAULT_PLAN}
    for item in plan.phases:
        edge = found[item.name].get_linewidth()
        assert (edge > 0) == item.critical
    assert found["software_choice"].get_edgecolor()[:3] == pytest.approx((0.7529, 0, 0), abs=1e-3)
    assert CRITICAL == "#C00000"


def lines_of(fig: Figure, marker: str) -> list[Line2D]:
    return [line for line in fig.axes[0].lines if line.get_marker() == marker]


def test_milestone_rows_hold_every_copil_and_operational_point() -> None:
    plan = schedule(DEFAULT_PLAN, START)
    fig = gantt(plan, Context("ACME", "en"))
    (diamonds,) = lines_of(fig, "D")
    assert len(diamonds.get_xdata()) == len(plan.steering_committees) == 4
    ticks = [line for line in lines_of(fig, "|") if len(line.get_xdata()) > 1]
    assert len(ticks[0].get_xdata()) == len(plan.operational_points) == 20


def test_today_line_only_when_given_within_the_project() -> None:
    plan = schedule(DEFAULT_PLAN, START)

    def has_today(fig: Figure) -> bool:
        return any(line.get_gid() == "today" for line in fig.axes[0].lines)

    assert has_today(gantt(plan, Context("ACME", "fr"), today=dt.date(2025, 3, 1)))
    assert not has_today(gantt(plan, Context("ACME", "fr")))
    assert not has_today(gantt(plan, Context("ACME", "fr"), today=dt.date(2027, 1, 1)))


def test_dependency_arrows_are_optional() -> None:
    plan = schedule(DEFAULT_PLAN, START)

    def arrows(fig: Figure) -> int:
        return sum(isinstance(c, Annotation) for c in fig.axes[0].texts)

    # 1 + 1 + 2 + 1 + 1 = 6 dependencies in the default plan.
    assert arrows(gantt(plan, Context("ACME", "fr"))) == 6
    assert arrows(gantt(plan, Context("ACME", "fr"), arrows=False)) == 0


def big_plan(count: int = 15) -> Schedule:
    phases = [Phase("Kick-off", 10, batch="")]
    for i in range(1, count):
        phases.append(
            Phase(f"Step {i}", 20 + 3 * i, (phases[-1].name,), batch=str(1 + i // 5), owner="CRM")
        )
    return schedule(phases, dt.date(2025, 9, 1))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_fifteen_phases_build_and_grow_the_figure(lang: Lang) -> None:
    plan = big_plan()
    fig = gantt(plan, Context("ACME", lang), today=dt.date(2026, 1, 5))
    text = svg(fig)
    for item in plan.phases:
        assert item.name in text
    assert (
        fig.get_figheight()
        > gantt(schedule(DEFAULT_PLAN, START), Context("A", lang)).get_figheight()
    )

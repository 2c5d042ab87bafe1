"""What moved in the results: key figures (signed, better or worse), recommendations, items
added to and removed from the lists, analyses in one run only."""

from __future__ import annotations

from made_runs import NB, NN, findings, tco_results

from crmwb.changes.deliverable import figure_line
from crmwb.changes.results import FigureChange, change_text, result_changes
from crmwb.deliver.results import Figure, Results


def test_a_figure_that_moved_has_its_signed_change_and_whether_it_is_better() -> None:
    # SaaS over 7 years: 22 160 € (DOMAIN.md §4), then 34 560 € once the subscription is 60 € more
    found = result_changes({"tco": tco_results()}, {"tco": tco_results(34560)})
    (figure,) = found.figures
    assert (figure.key, figure.old, figure.new, figure.change) == (
        "tco.saas.total",
        22160,
        34560,
        12400,
    )
    assert (figure.sign, figure.verdict) == (1, "worse")  # a cost is better lower
    assert change_text(figure, "fr", "EUR") == f"+12{NN}400{NB}€"
    assert change_text(figure, "en", "EUR") == "+€12,400"
    assert figure_line(figure, "fr", "EUR") == (
        f"Coût total de possession — Coût total SaaS{NB}: 22{NN}160{NB}€ → 34{NN}560{NB}€ "
        f"(+12{NN}400{NB}€, défavorable)"
    )


def test_a_cost_that_falls_is_better_and_signed_with_a_minus() -> None:
    found = result_changes({"tco": tco_results(22160)}, {"tco": tco_results(19280)})
    (figure,) = found.figures
    assert (figure.sign, figure.verdict) == (-1, "better")
    assert change_text(figure, "fr", "EUR") == f"\u22122{NN}880{NB}€"


def test_a_percentage_moves_by_points() -> None:
    def roi(value: float) -> Results:
        return Results("roi", "fr", figures=(Figure("roi.irr", "TRI", value, "%", "higher"),))

    (figure,) = result_changes({"roi": roi(0.085)}, {"roi": roi(0.1)}).figures
    assert figure.verdict == "better"
    assert change_text(figure, "fr", "EUR") == f"+1,5{NB}point"
    assert change_text(figure, "en", "EUR") == "+1.5 points"
    line = figure_line(figure, "fr", "EUR")
    assert line.endswith(f"8,5{NB}% → 10{NB}% (+1,5{NB}point, favorable)")


def test_an_unchanged_figure_is_not_a_change() -> None:
    assert not result_changes({"tco": tco_results()}, {"tco": tco_results()})


def test_a_recommendation_that_changed() -> None:
    found = result_changes({"tco": tco_results()}, {"tco": tco_results(cheaper="SaaS")})
    (rec,) = found.recommendations
    assert (rec.key, rec.label, rec.old, rec.new) == (
        "tco.cheapest",
        "Option la moins chère",
        "Licence",
        "SaaS",
    )


def test_findings_added_and_resolved_by_their_ids() -> None:
    found = result_changes(
        {"project": findings("raci.no_a", "raci.no_r")},
        {"project": findings("raci.no_a", "raci.two_a")},
    )
    (lst,) = found.lists
    assert [i.label for i in lst.added] == ["Une tâche a deux A"]
    assert [i.label for i in lst.removed] == ["Trois tâches de management n'ont pas de R"]


def test_analyses_in_one_run_only() -> None:
    found = result_changes({"tco": tco_results()}, {"project": findings("raci.no_a")})
    assert (found.added, found.removed) == (("project",), ("tco",))


def test_a_figure_that_could_not_be_computed_has_no_signed_change() -> None:
    figure = FigureChange("roi", "roi.irr", "TRI", "%", "higher", 0.08, None)
    assert (figure.change, figure.sign, figure.verdict) == (None, 0, "")

"""The deck made from a run's results: which slides, in which order, with which words and
figures (the numbers are the TCO of seed 004, DOMAIN.md §4: Licence 13 200 € against SaaS
22 160 € over 7 years, break-even at the 37th month)."""

from __future__ import annotations

import datetime as dt

from crmwb.changes.deliverable import Comparison, RunSide
from crmwb.changes.results import result_changes
from crmwb.deck.build import DeckCover, build_deck
from crmwb.deck.model import MAX_BULLETS, Slide
from crmwb.deliver.results import (
    ChartData,
    Figure,
    Item,
    ItemList,
    Recommendation,
    Results,
    Series,
    load_results,
)

NB, NN = "\u00a0", "\u202f"

COVER = DeckCover(
    "Literie Lenoir",
    "fr",
    "EUR",
    "Camille Roussel",
    "Choix et déploiement du CRM",
    dt.date(2026, 12, 10),
)

CUMULATIVE = ChartData(
    "tco.cumulative",
    "Coût cumulé",
    "line",
    ("Année 1", "Année 2"),
    (Series("Licence", (3600.0, 4200.0)), Series("SaaS", (2880.0, 5760.0))),
    "EUR",
)


def tco(saas: float = 22160) -> Results:
    return Results(
        "tco",
        "fr",
        figures=(
            Figure("tco.total.licence", "Coût total : Licence", 13200.0, "EUR", "lower"),
            Figure("tco.total.saas", "Coût total : SaaS", saas, "EUR", "lower"),
            Figure("tco.break_even.month", "Point de bascule", 37, "months"),
            Figure("tco.per_user_month.saas", "Par utilisateur et par mois : SaaS", None, "EUR"),
            Figure("tco.saving", "Économie", saas - 13200, "EUR", "higher"),
        ),
        recommendations=(
            Recommendation("tco.cheapest", "Option la moins chère sur 7 ans", "Licence", "licence"),
        ),
        conclusion=(
            "Sur 7 ans, l'option **Licence** est la moins chère.",
            "L'option **SaaS** coûte moins cher au départ.",
        ),
        charts=(CUMULATIVE,),
    )


def texts(slides: tuple[Slide, ...]) -> list[tuple[str, str]]:
    return [(s.kind, s.title) for s in slides]


def test_a_client_with_only_a_tco_gets_a_deck_about_the_tco_and_no_empty_slide():
    deck = build_deck(COVER, {"tco": tco()})
    assert deck.title == "Literie Lenoir — Choix et déploiement du CRM"
    assert texts(deck.slides) == [
        ("title", "Choix et déploiement du CRM"),
        ("agenda", "Ordre du jour"),
        ("headline", "Sur 7 ans, l'option **Licence** est la moins chère."),
        ("detail", "Coût total de possession"),
        ("closing", "Décisions à prendre"),
    ]
    title, agenda, headline, detail, closing = deck.slides
    assert title.subtitle.split("\n") == [
        "Literie Lenoir",
        "Comité de pilotage du 10 décembre 2026",
        "Présenté par Camille Roussel",
    ]
    assert agenda.bullets == (
        "Coût total de possession",
        "Décisions à prendre et prochaines étapes",
    )
    # the recommendation first, then the figures the reports write, the one not computed left out
    assert [(f.label, f.value) for f in headline.figures] == [
        ("Option la moins chère sur 7 ans", "Licence"),
        ("Coût total : Licence", f"13{NN}200{NB}€"),
        ("Coût total : SaaS", f"22{NN}160{NB}€"),
        ("Point de bascule", f"37{NB}mois"),
    ]
    assert headline.chart == CUMULATIVE and headline.subtitle == "Coût total de possession"
    assert headline.notes == (
        "Sur 7 ans, l'option Licence est la moins chère.\nL'option SaaS coûte moins cher au départ."
    )
    assert detail.bullets == ("L'option **SaaS** coûte moins cher au départ.",)
    assert closing.bullets == (f"Option la moins chère sur 7 ans{NB}: **Licence**",)
    assert all(s.bullets or s.figures or s.chart or s.subtitle for s in deck.slides)


def test_long_lists_are_cut_at_two_slides_saying_how_many_more():
    findings = ItemList(
        "findings",
        "Points à revoir",
        (
            *(Item(f"f{i}", f"Constat {i}", "À corriger") for i in range(1, 21)),
            Item("i1", "Une information", "Pour information"),
        ),
    )
    plan = Results("relationship_plan", "fr", lists=(findings,))
    slides = build_deck(COVER, {"relationship_plan": plan}).slides
    details = [s for s in slides if s.kind == "detail"]
    assert [s.title for s in details] == [
        f"Plan marketing relationnel{NB}: Points à revoir (1/2)",
        f"Plan marketing relationnel{NB}: Points à revoir (2/2)",
    ]
    assert all(len(s.bullets) <= MAX_BULLETS for s in slides)
    # 6 on the first, 5 on the second, then the 10 others (21 - 11) said in the last bullet
    assert details[0].bullets[0] == f"À corriger{NB}: Constat 1"
    assert details[1].bullets[-2] == f"À corriger{NB}: Constat 11"
    assert details[1].bullets[-1] == "… et 10 autres, dans le rapport"
    steps = slides[-1]
    assert (steps.title, steps.bullets) == (
        "Prochaines étapes",
        # the one « pour information » is no step to take
        (f"Plan marketing relationnel{NB}: 20 points à traiter (Points à revoir)",),
    )


def test_the_moments_of_truth_to_address_are_those_to_fix_not_those_to_preserve():
    moments = ItemList(
        "moments_of_truth",
        "Les moments de vérité",
        (Item("t1", "Livraison", "À traiter"), Item("t2", "Essai", "À préserver")),
    )
    journey = Results(
        "journey_mapping",
        "fr",
        figures=(Figure("journey.moments_to_fix", "Moments de vérité à corriger", 1, "count"),),
        lists=(moments,),
    )
    steps = build_deck(COVER, {"journey_mapping": journey}).slides[-1]
    assert steps.bullets == (f"Parcours client{NB}: 1 point à traiter (Les moments de vérité)",)


def test_a_question_is_answered_and_a_long_answer_is_not_a_key_figure():
    verdict = Recommendation(
        "roi.verdict",
        "Le projet est-il rentable\u202f?",
        "Oui, il crée de la valeur (VAN positive après ajustement du risque)",
    )
    roi = Results("roi", "fr", (Figure("roi.irr", "TRI", 0.317, "%", "higher"),), (verdict,))
    slides = build_deck(COVER, {"roi": roi}).slides
    headline = next(s for s in slides if s.kind == "headline")
    assert [(f.label, f.value) for f in headline.figures] == [("TRI", f"31,7{NB}%")]
    assert slides[-1].bullets == (
        "Le projet est-il rentable\u202f? **Oui, il crée de la valeur (VAN positive après "
        "ajustement du risque)**",
    )


def test_the_project_comes_after_the_studies_and_what_changed_first():
    plan = Results(
        "project_plan",
        "fr",
        figures=(Figure("project.start", "Début du projet", "2026-09-01", ""),),
    )
    before, now = {"tco": tco(), "project_plan": plan}, {"tco": tco(34560), "project_plan": plan}
    comparison = Comparison(
        RunSide("20261110-0900", committees=("CoPil 1",)),
        RunSide("20261206-0900"),
        (),
        result_changes(before, now),
    )
    slides = build_deck(COVER, now, comparison).slides
    assert [s.kind for s in slides] == [
        "title",
        "agenda",
        "detail",
        "headline",
        "detail",
        "headline",
        "closing",
    ]
    assert slides[1].bullets == (
        "Ce qui a changé depuis le dernier comité",
        "Coût total de possession",
        f"Le projet{NB}: planning et gouvernance",
        "Décisions à prendre et prochaines étapes",
    )
    changes = slides[2]
    assert changes.title == "Ce qui a changé depuis le dernier comité"
    # SaaS 22 160 € -> 34 560 € once the subscription is 60 € more (as tests/changes)
    assert changes.bullets[0] == (
        f"Coût total de possession — Coût total : SaaS{NB}: 22{NN}160{NB}€ → 34{NN}560{NB}€ "
        f"(+12{NN}400{NB}€, défavorable)"
    )
    assert "CoPil 1" in changes.subtitle
    assert slides[5].figures[0].value == "1er septembre 2026"  # a date, in words


def test_the_examples_decks_follow_their_runs(french_runs):
    for client, mission in (
        ("literie-lenoir", "Choix et déploiement du CRM"),
        ("northwind-retail", "CRM selection and roll-out"),
    ):
        results = load_results(french_runs / client / "latest")
        lang = next(iter(results.values())).lang
        cover = DeckCover(client, lang, mission=mission)
        deck = build_deck(cover, results)
        headlines = [s.analysis for s in deck.slides if s.kind == "headline"]
        studies = [a for a in results if a not in ("project_plan", "governance")]
        # every analysis of the run has its headline, the project's last
        assert sorted(headlines[: len(studies)]) == sorted(studies)
        assert headlines[len(studies) :] == [
            a for a in ("project_plan", "governance") if a in results
        ]
        assert all(len(s.bullets) <= 8 for s in deck.slides)


def test_a_conclusion_too_long_for_a_title_goes_under_the_analysis_name():
    sentence = "Le KPI « Clients réactivés » " + "s'écarte de son objectif " * 8 + "en novembre."
    assert len(sentence) > 150  # three lines of a title at its smallest size
    results = Results("governance", "fr", conclusion=(sentence,))
    headline = next(s for s in build_deck(COVER, {"governance": results}).slides if s.analysis)
    assert (headline.title, headline.bullets) == ("Gouvernance", (sentence,))
    assert headline.subtitle == ""  # the analysis's name once

"""The through-line's views (crmwb.through_line.views) on both example clients: the broken links
table, one row per broken link with what to do written out in full (Lenoir in French, Northwind
in English, and Northwind in French for the kinds Lenoir does not have); the completeness
sentence and the parts not assessed; the chain table's rows for a moment no programme addresses
and for moments with their whole chain."""

from __future__ import annotations

import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Bullets, KeyFigures, Text
from crmwb.deliver.views import Context as ViewContext
from crmwb.through_line import views
from crmwb.through_line.model import ThroughLine
from crmwb.through_line.reading import read_through_line
from crmwb.workbook.reader import read_workbook

NB, NNB = "\u00a0", "\u202f"


def fr(text: str) -> str:
    """French typography from plain spaces: no-break before ':' and '%', narrow no-break
    before ';' and inside « »."""
    text = text.replace(" :", f"{NB}:").replace(" %", f"{NB}%").replace(" ;", f"{NNB};")
    return text.replace("« ", f"«{NNB}").replace(" »", f"{NNB}»")


@pytest.fixture(scope="module")
def northwind() -> ThroughLine:
    return read_through_line(read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx"))


@pytest.fixture(scope="module")
def lenoir() -> ThroughLine:
    return read_through_line(read_workbook(EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx"))


EN = ViewContext("Northwind Retail", "en")
FR = ViewContext("Literie Lenoir", "fr")


def actions(line: ThroughLine, ctx: ViewContext) -> dict[tuple[str, str], str]:
    table = views.broken_table(line, ctx)
    assert len(table.rows) == len(line.broken)  # one row per broken link
    return {(str(kind), str(subject)): str(text) for kind, subject, text, _ in table.rows}


# --- the broken links ------------------------------------------------------------------------


def test_lenoir_broken_links_say_what_to_do_in_french(lenoir: ThroughLine) -> None:
    table = views.broken_table(lenoir, FR)
    assert [c.title for c in table.columns] == [
        "Maillon rompu",
        "Objet",
        "Action à mener",
        "Bénéfices exposés",
    ]
    assert table.rows[:2] == (
        (
            "Moment de vérité non traité",
            "T07",
            fr(
                "Le moment de vérité T07, « Commande et paiement en ligne (paiement en plusieurs "
                "fois peu clair) », n'est traité par aucun programme : rattachez-le à un "
                "programme existant ou créez-en un."
            ),
            None,
        ),
        (
            "Programme sans cas d'usage",
            "Temps forts commerciaux",
            fr(
                "Aucun cas d'usage ne relève du programme « Temps forts commerciaux » : décrivez "
                "les cas d'usage qui le mettent en œuvre en leur donnant ce nom de programme, ou "
                "retirez le programme du plan."
            ),
            None,  # no ROI lever comes from it: nothing exposed
        ),
    )
    assert [row[:2] for row in table.rows[2:]] == [
        ("Programme sans levier du ROI", name)
        for name in ("Bienvenue", "Satisfaction", "Anniversaire", "Temps forts commerciaux")
    ]
    assert table.rows[2][2] == fr(
        "Le programme « Bienvenue » n'actionne aucun levier du ROI : chiffrez ce qu'il rapporte "
        "(un levier qui provient de lui ou de l'un de ses cas d'usage) ou justifiez dans le "
        "dossier d'investissement pourquoi il est conservé sans levier."
    )


def test_northwind_broken_links_say_what_to_do_in_english(northwind: ThroughLine) -> None:
    found = actions(northwind, EN)
    assert len(found) == len(northwind.broken) == 27
    assert found["Use case missing from the list", "Post-purchase NPS survey"] == (
        "The Use-case data sheet gives data to the use case 'Post-purchase NPS survey', which the "
        "Use cases list does not have; the list's 'Post-purchase NPS surveys' is close: if it is "
        "the same use case, write its name as the list does, otherwise add it to the list with "
        "its ID."
    )
    assert found["Use case no vendor covers", "Trade account follow-up calls"] == (
        "No shortlisted vendor covers the use case 'Trade account follow-up calls': check that "
        "it is really needed, then look for a complementary tool or budget a custom development."
    )
    assert found["ROI lever tied to no programme", "Catalogue mailings not returned (NPAI)"] == (
        "The ROI lever 'Catalogue mailings not returned (NPAI)' says nothing of where it comes "
        "from: name in the Comes from column of the ROI sheet the programme, or the use case's "
        "ID, that will deliver it; a benefit no programme carries is a promise nobody keeps."
    )
    assert found["Programme pulling no ROI lever", "Welcome"] == (
        "The programme 'Welcome' pulls no ROI lever: quantify what it brings (a lever that comes "
        "from it or from one of its use cases) or say in the business case why it is kept "
        "without one."
    )
    assert found["Moment of truth not addressed", "T28"] == (
        "The moment of truth T28, 'Waiting time on the customer-service line (12 minutes on "
        "average)', is addressed by no programme: attach it to an existing programme or create "
        "one."
    )
    assert found["Programme without a business KPI", "Birthday"] == (
        "The programme 'Birthday' has no KPI: give it a business one (additional sales, "
        "retention, margin) so that what it brings in can be judged."
    )
    assert found["Programme without a business KPI", "Newsletter"] == (
        "The programme 'Newsletter' is measured by 'Open rate', which is no business result. "
        "It measures whether a message was displayed, not whether it sold anything; and since "
        "2021 Apple Mail Privacy Protection has inflated opens. Track the additional sales it "
        "generates instead."
    )
    assert found[
        "Use case the recommended vendor does not cover", "Customer service cases and complaints"
    ] == (
        "The recommended vendor, Splio, does not cover the use case 'Customer service cases and "
        "complaints', which Salesforce Sales + Marketing Cloud and Brevo cover: ask Splio how it "
        "would meet it and at what cost, or weigh this gap in the choice."
    )
    assert found["Missing data", "Abandoned basket reminder"] == (
        "The use case 'Abandoned basket reminder' needs 'baskets', which no system brings to "
        "'E-mailing tool': find where these data come from and add the flow to the data map, or "
        "narrow the use case."
    )
    assert found["Data fed by hand", "Trade account follow-up calls"] == (
        "The use case 'Trade account follow-up calls' only receives 'trade accounts' by hand, in "
        "'Call-centre software': automate the flow or, failing that, settle who keeps it up and "
        "how often."
    )
    # a collection point outside the map, and none given
    assert found["Collection point outside the data map", "T19"] == (
        "The touchpoint T19 collects 'Order ready time, pick-up time' in 'Store pick-up tablet', "
        "which is no system of the data map: add that system and its flows to the map, or "
        "correct the collection point."
    )
    assert found["Collection point outside the data map", "T40"] == (
        "The touchpoint T40 collects 'Guest list' without saying where: fill in its collection "
        "point and check that these data reach a system of the data map."
    )


def test_northwind_in_french_for_the_kinds_lenoir_does_not_have(northwind: ThroughLine) -> None:
    found = actions(northwind, FR)
    assert found[
        "Cas d'usage non couvert par l'éditeur recommandé", "Customer service cases and complaints"
    ] == fr(
        "L'éditeur recommandé, Splio, ne couvre pas le cas d'usage « Customer service cases and "
        "complaints », que couvrent Salesforce Sales + Marketing Cloud et Brevo : demandez à "
        "Splio comment il y répondrait et à quel coût, ou pesez ce manque dans le choix."
    )
    assert found["Données manquantes", "Abandoned basket reminder"] == fr(
        "Le cas d'usage « Abandoned basket reminder » a besoin des données « baskets », "
        "qu'aucun système n'apporte à « E-mailing tool » : trouvez leur source et ajoutez le "
        "flux à la cartographie des données, ou restreignez le cas d'usage."
    )
    assert found["Programme sans KPI commercial", "Newsletter"] == fr(
        "Le programme « Newsletter » est mesuré par « Open rate », qui n'est pas un résultat "
        "commercial. Il mesure si le message a été affiché, pas s'il a fait vendre quoi que ce "
        "soit ; depuis 2021, la protection de la confidentialité d'Apple Mail gonfle d'ailleurs "
        "les ouvertures. Suivez plutôt les ventes additionnelles générées."
    )
    assert found["Point de collecte hors cartographie", "T03"] == fr(
        "Le point de contact T03 collecte « Attendees' names and e-mail addresses (paper "
        "sign-up sheet) » sans dire où : renseignez son point de collecte et vérifiez que ces "
        "données arrivent dans un système de la cartographie."
    )


# --- the summary -----------------------------------------------------------------------------


def test_northwind_completeness_is_stated_with_its_formula(northwind: ThroughLine) -> None:
    figures, sentences, intro, kinds = views.summary_parts(northwind, EN)
    assert isinstance(figures, KeyFigures) and isinstance(sentences, Text)
    completeness = figures.figures[0]
    # 89 / 116 = 76.7 % (tests/through_line/test_model.py counts them)
    assert (completeness.value, completeness.note) == ("77%", "89 links in place out of 116")
    # the benefits exposed, each lever once (test_model.py: 543 662 of 861 269)
    exposed = figures.figures[2]
    assert (exposed.value, exposed.note) == (
        "€543,662",
        "of €861,269 of risk-adjusted benefits (present value)",
    )
    assert sentences.paragraphs == (
        "The chain is 77% complete: 89 of the 116 links expected are in place (links in place "
        "divided by links expected, over the checks that could be made).",
        "Every part of the chain could be assessed: journey, plan, data map, vendor comparison "
        "and ROI levers.",
        "€543,662 of the €861,269 of risk-adjusted benefits (present value) rest on at least one "
        "broken link, each benefit counted once. The largest share: the €196,016 of 'Loyalty "
        "programme follow-up', which rest on the broken link 'Collection point outside the data "
        "map' ('T40').",
    )
    assert intro == Text(("27 links of the chain are broken, by kind:",))
    assert kinds == Bullets(
        (
            "Moment of truth not addressed: 2",
            "Programme without a use case: 2",
            "Programme without a business KPI: 2",
            "Use case outside the plan: 1",
            "Use case missing from the list: 1",
            "Use case no vendor covers: 1",
            "Use case the recommended vendor does not cover: 1",
            "Missing data: 1",
            "Data fed by hand: 1",
            "Collection point outside the data map: 8",
            "ROI lever tied to no programme: 1",
            "Programme pulling no ROI lever: 6",
        )
    )
    total = views.checks_table(northwind, EN).rows[-1]
    assert total == ("Total", 89, 116, pytest.approx(89 / 116))


def test_lenoir_completeness_names_the_part_not_assessed(lenoir: ThroughLine) -> None:
    figures, sentences, intro, kinds = views.summary_parts(lenoir, FR)
    assert isinstance(figures, KeyFigures)
    assert figures.figures[0].value == fr("86 %")  # 36 / 42 = 85.7 %
    assert sentences == Text(
        (
            fr(
                "La chaîne est complète à 86 % : 36 des 42 maillons attendus sont en place "
                "(maillons en place divisés par maillons attendus, sur les vérifications "
                "possibles)."
            ),
            fr(
                "La cartographie des données n'a pas pu être évaluée (la feuille « Systèmes » ne "
                "liste aucun système) : les données des cas d'usage et les points de collecte "
                "sont exclus du score."
            ),
            # its three levers (31 497 €, tests/roi) rest on no broken link
            fr(
                "Aucun des 31\u202f497\u00a0€ de bénéfices ajustés du risque (valeur actuelle) ne "
                "repose sur un maillon rompu."
            ),
        )
    )
    assert intro == Text((fr("6 maillons de la chaîne sont rompus, par nature :"),))
    assert kinds == Bullets(
        (
            fr("Moment de vérité non traité : 1"),
            fr("Programme sans cas d'usage : 1"),
            fr("Programme sans levier du ROI : 4"),
        )
    )
    # the two checks needing the data map are left out of the table, as of the score
    assert [row[0] for row in views.checks_table(lenoir, FR).rows] == [
        "Moments de vérité à corriger traités par un programme",
        "Programmes dotés d'un cas d'usage",
        "Programmes mesurés par un KPI commercial",
        "Cas d'usage rattachés à un programme du plan",
        "Cas d'usage couverts par l'éditeur recommandé",
        "Leviers du ROI rattachés à un programme ou à un cas d'usage",
        "Programmes qui actionnent un levier du ROI",
        "Total",
    ]


# --- the chain -------------------------------------------------------------------------------

NORTHWIND_SYSTEMS = (
    "ERP, E-commerce platform, Point-of-sale system, Mobile app, Loyalty platform, CRM, "
    "Data warehouse, E-mailing tool, Call-centre software, Survey tool"
)


def test_northwind_chain_rows(northwind: ThroughLine) -> None:
    table = views.chain_table(northwind, EN)
    rows = {row[0]: row for row in table.rows if row[0] != "(none to fix)"}
    # T28, the most urgent moment: no programme, the chain breaks at once
    assert table.rows[0] == (
        "T28",
        "Waiting time on the customer-service line (12 minutes on average)",
        "none",
        "",
        "",
        "",
        "",
        "",
        "",
    )
    # T15: two programmes, their use cases (IDs of the one list), all four data needs
    # available, the systems on the way, the shortlisted vendors covering both use cases
    # (Brevo does not cover UC-03), Splio covering them, the Loyalty club's lever
    assert rows["T15"] == (
        "T15",
        "Queue at the till on spring weekends, loyalty card scanned",
        "Welcome, Loyalty club",
        "UC-01 Welcome series, UC-03 Points balance in the club e-mails",
        "4 available",
        NORTHWIND_SYSTEMS,
        "Splio, Salesforce Sales + Marketing Cloud",
        "Yes",
        "Loyalty programme follow-up (€196,016)",
    )
    assert rows["T08"][4] == "1 available, 1 by hand"
    # then one row per programme addressing no moment to fix, in plan order
    others = [row for row in table.rows if row[0] == "(none to fix)"]
    assert [row[2] for row in others] == [
        "First to second purchase",
        "Reactivation of inactive clients",
        "Abandoned basket",
        "Birthday",
        "Newsletter",
        "Seasonal events",
    ]
    assert others[2][3:5] == ("UC-04 Abandoned basket reminder", "2 available, 1 missing")
    assert len(table.rows) == len(northwind.moments) + 6


def test_lenoir_chain_rows_down_to_the_recommended_vendor(lenoir: ThroughLine) -> None:
    table = views.chain_table(lenoir, FR)
    assert [c.title for c in table.columns] == [
        "Moment de vérité",
        "Description",
        "Programmes",
        "Cas d'usage",
        "Données",
        "Systèmes traversés",
        "Éditeurs qui les couvrent",
        "Couverts par l'éditeur recommandé",
        "Leviers du ROI (valeur ajustée du risque)",
    ]
    # T11, the most urgent: its programme, its use case, every shortlisted vendor covering it,
    # the recommended one included; no data map, so its data are not known
    assert table.rows[0] == (
        "T11",
        "Réclamation ou échange pendant l'essai : attente au téléphone",
        "Satisfaction",
        fr("UC-03 Suivi après-vente : enquête à J+7 et fin des 100 nuits d'essai"),
        "inconnues",
        "",
        "Sellsy, Simple CRM, Sage CRM (abonnement)",
        "Oui",
        "",  # the Satisfaction programme pulls no ROI lever
    )
    rows = {row[0]: row for row in table.rows}
    assert rows["T07"][2:] == ("aucun", "", "", "", "", "", "")
    assert table.rows[-1][:4] == ("(aucun à corriger)", "", "Temps forts commerciaux", "aucun")


def test_a_use_case_outside_the_plan_says_which_programme_it_names(northwind: ThroughLine) -> None:
    (first, *_) = northwind.of_kind("use_case_without_programme")
    assert views.what_to_do(first, EN) == (
        "The use case 'Single customer profile across stores and web' serves 'Customer "
        "knowledge', which is not a programme of the plan: give it the name of the plan's "
        "programme it carries out, or add that programme to the plan."
    )
    assert views.what_to_do(first, FR) == fr(
        "Le cas d'usage « Single customer profile across stores and web » relève de « Customer "
        "knowledge », qui n'est pas un programme du plan : donnez-lui le nom du programme du "
        "plan qu'il met en œuvre, ou ajoutez ce programme au plan."
    )

"""Labels in French and English, and numbers, money and dates formatted by locale (Babel).

Every word a client reads comes from :data:`LABELS`, so a deliverable is wholly in one language.

>>> money(13200, "EUR", "fr") == "13\\u202f200\\u00a0€"
True
>>> money(13200, "EUR", "en")
'€13,200'
>>> percent(0.2, "fr") == "20\\u00a0%"
True
>>> t("tco.title", "en")
'Total cost of ownership'
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from typing import Literal

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

Lang = Literal["fr", "en"]
LANGUAGES: tuple[Lang, ...] = ("fr", "en")
DEFAULT_LANG: Lang = "fr"
_LOCALES: dict[str, str] = {"fr": "fr_FR", "en": "en_GB"}
CURRENCIES: tuple[str, ...] = ("EUR", "USD", "GBP", "CHF", "CAD")


def check_lang(value: object) -> Lang:
    """``value`` as a language code, or ValueError naming the accepted ones."""
    text = str(value).strip().lower()
    if text not in LANGUAGES:
        raise ValueError(f"a language among {', '.join(LANGUAGES)}, found {value!r}")
    return text


def t(key: str, lang: Lang, **values: object) -> str:
    """The label ``key`` in ``lang``, with ``{placeholders}`` filled from ``values``."""
    try:
        text = LABELS[key][lang]
    except KeyError:
        raise KeyError(f"no {lang} label for {key!r}") from None
    return text.format(**values) if values else text


def all_labels(key: str) -> tuple[str, ...]:
    """The label ``key`` in every language (to read back what a workbook says)."""
    return tuple(LABELS[key][lang] for lang in LANGUAGES)


@cache
def _currency_pattern(lang: Lang, decimals: bool) -> str:
    pattern = str(Locale.parse(_LOCALES[lang]).currency_formats["standard"].pattern)
    return pattern if decimals else pattern.replace(".00", "")


def money(amount: float, currency: str, lang: Lang, *, cents: bool = False) -> str:
    """An amount the way the client's locale writes it: ``13 200 €`` or ``€13,200``.

    Whole units by default (deliverables round to the unit); ``cents=True`` for unit prices.
    """
    pattern = _currency_pattern(lang, cents)
    return str(
        format_currency(
            round(amount, 2 if cents else 0) + 0.0,  # + 0.0: no "-0 €"
            currency,
            format=pattern,
            locale=_LOCALES[lang],
            currency_digits=False,
        )
    )


def number(value: float, lang: Lang, *, decimals: int = 0) -> str:
    """A plain number with the locale's separators: ``1 500`` or ``1,500``."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(round(value, decimals) + 0.0, format=fmt, locale=_LOCALES[lang]))


def percent(fraction: float, lang: Lang, *, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.2 -> ``20 %`` (French) or ``20%`` (English)."""
    pattern = str(Locale.parse(_LOCALES[lang]).percent_formats[None].pattern)
    if decimals:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
    return str(format_percent(fraction, format=pattern, locale=_LOCALES[lang]))


def date(value: dt.date, lang: Lang) -> str:
    """A date in words: ``23 novembre 2026`` or ``23 November 2026``."""
    return str(format_date(value, format="long", locale=_LOCALES[lang]))


def excel_money_format(currency: str, lang: Lang) -> str:
    """An Excel number format for whole amounts in ``currency`` (``#,##0 "€"``)."""
    symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "CA$"}.get(
        currency, currency
    )
    if lang == "fr":
        return f'#,##0 "{symbol}";-#,##0 "{symbol}"'
    return f'"{symbol}"#,##0;-"{symbol}"#,##0'


LABELS: dict[str, dict[Lang, str]] = {
    # --- the workbook -------------------------------------------------------------------
    "sheet.about": {"fr": "À propos", "en": "About"},
    "sheet.tco": {"fr": "TCO", "en": "TCO"},
    "sheet.lists": {"fr": "Listes", "en": "Lists"},
    "about.title": {"fr": "Classeur client crmwb", "en": "crmwb client workbook"},
    "about.intro": {
        "fr": "Une ligne par information. Les cellules jaunes sont à remplir.",
        "en": "One line per item. Fill in the yellow cells.",
    },
    "about.client_name": {"fr": "Client", "en": "Client"},
    "about.client_name.help": {
        "fr": "Nom du client tel qu'il apparaît dans les livrables.",
        "en": "The client's name as shown in the deliverables.",
    },
    "about.language": {"fr": "Langue", "en": "Language"},
    "about.language.help": {
        "fr": "Langue des livrables : fr ou en.",
        "en": "Language of the deliverables: fr or en.",
    },
    "about.currency": {"fr": "Devise", "en": "Currency"},
    "about.currency.help": {
        "fr": "Code ISO de la devise des montants (EUR, USD...). Montants HT.",
        "en": "ISO code of the currency of all amounts (EUR, USD...). Amounts excl. VAT.",
    },
    "about.consultant": {"fr": "Consultant", "en": "Consultant"},
    "about.consultant.help": {
        "fr": "Nom du consultant qui signe les livrables.",
        "en": "The consultant who signs the deliverables.",
    },
    "about.date": {"fr": "Date", "en": "Date"},
    "about.date.help": {
        "fr": "Date de référence de l'étude (jj/mm/aaaa).",
        "en": "Reference date of the study (dd/mm/yyyy).",
    },
    "tco.sheet_title": {
        "fr": "TCO : coût total de possession des options (licence, SaaS...)",
        "en": "TCO: total cost of ownership of the options (licence, SaaS...)",
    },
    "tco.sheet_intro": {
        "fr": (
            "Renseignez les hypothèses puis une ligne par coût et par option. Montants HT, prix"
            " de l'année 1. Les coûts ponctuels sont payés au début de leur année (0 = période"
            " initiale, au lancement du projet) ; les coûts récurrents chaque année."
        ),
        "en": (
            "Fill in the assumptions, then one line per cost and per option. Amounts excl. VAT,"
            " at year-1 prices. One-off costs are paid at the start of their year (0 = initial"
            " period, when the project starts); recurring costs every year."
        ),
    },
    "tco.horizon_years": {"fr": "Horizon (années)", "en": "Horizon (years)"},
    "tco.horizon_years.help": {
        "fr": "Nombre d'années comparées, le même pour toutes les options (3 à 10).",
        "en": "Number of years compared, the same for every option (3 to 10).",
    },
    "tco.discount_rate": {"fr": "Taux d'actualisation", "en": "Discount rate"},
    "tco.discount_rate.help": {
        "fr": "Taux annuel pour la valeur actuelle, en % (ex. 8 %).",
        "en": "Yearly rate for present values, as a % (e.g. 8%).",
    },
    "tco.users": {"fr": "Utilisateurs", "en": "Users"},
    "tco.users.help": {
        "fr": "Nombre d'utilisateurs du CRM (quantité par défaut des lignes « par utilisateur »).",
        "en": "Number of CRM users (default quantity of 'per user' lines).",
    },
    "tco.contacts": {"fr": "Contacts en base", "en": "Contacts in the base"},
    "tco.contacts.help": {
        "fr": "Nombre de contacts (quantité par défaut des lignes « par contact »).",
        "en": "Number of contacts (default quantity of 'per contact' lines).",
    },
    "tco.escalation": {"fr": "Hausse annuelle des prix", "en": "Annual price escalation"},
    "tco.escalation.help": {
        "fr": "Hausse par an des prix à partir de l'année 2, en % (0 % si aucune).",
        "en": "Yearly price rise from year 2 on, as a % (0% if none).",
    },
    "tco.col.option": {"fr": "Option", "en": "Option"},
    "tco.col.option.help": {
        "fr": "Nom de l'option comparée (ex. Licence, SaaS).",
        "en": "Name of the option compared (e.g. Licence, SaaS).",
    },
    "tco.col.category": {"fr": "Catégorie", "en": "Category"},
    "tco.col.category.help": {"fr": "Nature du coût (liste).", "en": "What the cost is (list)."},
    "tco.col.description": {"fr": "Description", "en": "Description"},
    "tco.col.description.help": {"fr": "Libellé libre.", "en": "Free text."},
    "tco.col.frequency": {"fr": "Fréquence", "en": "Frequency"},
    "tco.col.frequency.help": {
        "fr": "Ponctuel, mensuel ou annuel (liste).",
        "en": "One-off, monthly or yearly (list).",
    },
    "tco.col.basis": {"fr": "Base", "en": "Basis"},
    "tco.col.basis.help": {
        "fr": "Ce que multiplie le prix : forfait, par utilisateur, par contact, par jour, % de la licence.",
        "en": "What the price multiplies: flat, per user, per contact, per day, % of licence.",
    },
    "tco.col.unit_price": {"fr": "Prix unitaire", "en": "Unit price"},
    "tco.col.unit_price.help": {
        "fr": "Prix par unité et par paiement (par mois pour un coût mensuel), HT, >= 0.",
        "en": "Price per unit and per payment (per month for a monthly cost), excl. VAT, >= 0.",
    },
    "tco.col.quantity": {"fr": "Quantité", "en": "Quantity"},
    "tco.col.quantity.help": {
        "fr": "Vide : utilisateurs ou contacts des hypothèses, 1 pour un forfait. Nombre de jours pour « par jour ».",
        "en": "Empty: users or contacts from the assumptions, 1 for a flat cost. Number of days for 'per day'.",
    },
    "tco.col.rate": {"fr": "Taux (% licence)", "en": "Rate (% of licence)"},
    "tco.col.rate.help": {
        "fr": "Pour la base « % de la licence » (maintenance) : ex. 20 %.",
        "en": "For the '% of licence' basis (maintenance): e.g. 20%.",
    },
    "tco.col.start_year": {"fr": "Année de début", "en": "Start year"},
    "tco.col.start_year.help": {
        "fr": "0 = période initiale. Vide : 0 pour un coût ponctuel, 1 pour un coût récurrent.",
        "en": "0 = initial period. Empty: 0 for a one-off cost, 1 for a recurring cost.",
    },
    "tco.col.end_year": {"fr": "Année de fin", "en": "End year"},
    "tco.col.end_year.help": {
        "fr": "Dernière année d'un coût récurrent. Vide : jusqu'à l'horizon.",
        "en": "Last year of a recurring cost. Empty: up to the horizon.",
    },
    "tco.col.escalation": {"fr": "Hausse annuelle", "en": "Escalation"},
    "tco.col.escalation.help": {
        "fr": "Hausse annuelle propre à cette ligne. Vide : celle des hypothèses.",
        "en": "This line's own yearly escalation. Empty: the assumptions' one.",
    },
    # categories, frequencies, bases
    "category.licence": {"fr": "Licence", "en": "Software licence"},
    "category.subscription": {"fr": "Abonnement SaaS", "en": "SaaS subscription"},
    "category.maintenance": {"fr": "Maintenance", "en": "Maintenance"},
    "category.implementation": {
        "fr": "Intégration et paramétrage",
        "en": "Implementation and integration",
    },
    "category.migration": {"fr": "Reprise des données", "en": "Data migration"},
    "category.training": {"fr": "Formation", "en": "Training"},
    "category.hardware": {"fr": "Matériel", "en": "Hardware"},
    "category.consulting": {"fr": "AMOA / conseil", "en": "AMOA consulting"},
    "category.custom_development": {"fr": "Développements spécifiques", "en": "Custom development"},
    "category.internal_staff": {"fr": "Personnel interne", "en": "Internal staff"},
    "category.other": {"fr": "Autre", "en": "Other"},
    "frequency.one_off": {"fr": "Ponctuel", "en": "One-off"},
    "frequency.monthly": {"fr": "Mensuel", "en": "Monthly"},
    "frequency.yearly": {"fr": "Annuel", "en": "Yearly"},
    "basis.flat": {"fr": "Forfait", "en": "Flat"},
    "basis.per_user": {"fr": "Par utilisateur", "en": "Per user"},
    "basis.per_contact": {"fr": "Par contact", "en": "Per contact"},
    "basis.per_day": {"fr": "Par jour", "en": "Per day"},
    "basis.percent_of_licence": {"fr": "% de la licence", "en": "% of licence"},
    # --- the TCO deliverable ------------------------------------------------------------
    "tco.title": {"fr": "Coût total de possession (TCO)", "en": "Total cost of ownership"},
    "tco.subtitle": {
        "fr": "Comparaison des options sur {horizon} ans",
        "en": "Comparison of the options over {horizon} years",
    },
    "report.prepared_by": {"fr": "Préparé par {consultant}", "en": "Prepared by {consultant}"},
    "report.page": {"fr": "Page", "en": "Page"},
    "tco.section.summary": {"fr": "En bref", "en": "At a glance"},
    "tco.section.assumptions": {"fr": "Hypothèses", "en": "Assumptions"},
    "tco.section.cost_lines": {"fr": "Lignes de coût", "en": "Cost lines"},
    "tco.section.yearly": {"fr": "Coûts par année et cumulés", "en": "Yearly and cumulative costs"},
    "tco.section.cumulative_chart": {"fr": "Coût cumulé", "en": "Cumulative cost"},
    "tco.section.by_category": {"fr": "Coûts par catégorie", "en": "Costs by category"},
    "tco.section.indicators": {"fr": "Indicateurs par option", "en": "Indicators per option"},
    "tco.section.conventions": {
        "fr": "Conventions de calcul",
        "en": "How the figures are computed",
    },
    "tco.period.initial": {"fr": "Initial (t=0)", "en": "Initial (t=0)"},
    "tco.period.year": {"fr": "Année {year}", "en": "Year {year}"},
    "tco.total": {"fr": "Total", "en": "Total"},
    "tco.present_value": {"fr": "Valeur actuelle", "en": "Present value"},
    "tco.yearly_of": {"fr": "{option} – année", "en": "{option} – year"},
    "tco.cumulative_of": {"fr": "{option} – cumulé", "en": "{option} – cumulative"},
    "tco.period": {"fr": "Période", "en": "Period"},
    "tco.assumption": {"fr": "Hypothèse", "en": "Assumption"},
    "tco.value": {"fr": "Valeur", "en": "Value"},
    "tco.years_of_line": {"fr": "Années", "en": "Years"},
    "tco.line_total": {"fr": "Total sur l'horizon", "en": "Total over the horizon"},
    "tco.figure.over_horizon": {
        "fr": "coût total sur {horizon} ans",
        "en": "total cost over {horizon} years",
    },
    "tco.figure.break_even": {"fr": "Point mort", "en": "Break-even"},
    "tco.figure.month": {"fr": "mois {month}", "en": "month {month}"},
    "tco.figure.during_year": {
        "fr": "année {year} : {option} devient la plus chère",
        "en": "year {year}: {option} becomes the dearer option",
    },
    "tco.ind.total": {"fr": "Coût total (non actualisé)", "en": "Total cost (undiscounted)"},
    "tco.ind.present_value": {"fr": "Valeur actuelle à {rate}", "en": "Present value at {rate}"},
    "tco.ind.one_off": {"fr": "dont coûts ponctuels", "en": "of which one-off costs"},
    "tco.ind.recurring": {"fr": "dont coûts récurrents", "en": "of which recurring costs"},
    "tco.ind.per_user_month": {
        "fr": "Coût par utilisateur et par mois",
        "en": "Cost per user per month",
    },
    "tco.ind.option": {"fr": "Option", "en": "Option"},
    "tco.category": {"fr": "Catégorie", "en": "Category"},
    "tco.chart.cumulative_y": {
        "fr": "Coût cumulé ({currency})",
        "en": "Cumulative cost ({currency})",
    },
    "tco.chart.years_x": {
        "fr": "Fin d'année (0 = lancement du projet)",
        "en": "End of year (0 = project start)",
    },
    "tco.chart.break_even": {"fr": "Point mort : mois {month}", "en": "Break-even: month {month}"},
    "tco.chart.total_y": {
        "fr": "Coût total sur {horizon} ans ({currency})",
        "en": "Total cost over {horizon} years ({currency})",
    },
    "tco.range.initial": {"fr": "t=0", "en": "t=0"},
    "tco.range.years": {"fr": "{first} à {last}", "en": "{first} to {last}"},
    "tco.not_applicable": {"fr": "n.d.", "en": "n/a"},
    # conclusion sentences
    "tco.conclusion.cheapest": {
        "fr": "Sur {horizon} ans, l'option **{cheapest}** est la moins chère : {cheapest_total} contre {dearest_total} pour **{dearest}**, soit {gap} d'écart ({gap_pct} de moins).",
        "en": "Over {horizon} years, **{cheapest}** is the cheaper option: {cheapest_total} against {dearest_total} for **{dearest}**, a gap of {gap} ({gap_pct} less).",
    },
    "tco.conclusion.equal": {
        "fr": "Sur {horizon} ans, les options coûtent le même montant : {total}.",
        "en": "Over {horizon} years, the options cost the same: {total}.",
    },
    "tco.conclusion.break_even": {
        "fr": "**{cheaper}** coûte moins cher au départ, mais son coût cumulé dépasse celui de **{dearer}** au cours de l'année {year} (mois {month}) : les courbes se croisent à ce point mort.",
        "en": "**{cheaper}** costs less at first, but its cumulative cost passes **{dearer}**'s during year {year} (month {month}): the curves cross at this break-even point.",
    },
    "tco.conclusion.no_break_even": {
        "fr": "Les courbes de coût cumulé ne se croisent pas sur l'horizon : **{cheapest}** reste la moins chère à chaque instant.",
        "en": "The cumulative cost curves do not cross over the horizon: **{cheapest}** stays the cheaper option throughout.",
    },
    "tco.conclusion.present_value": {
        "fr": "Actualisé à {rate}, l'écart est de {gap} en valeur actuelle ({cheapest_pv} contre {dearest_pv}).",
        "en": "Discounted at {rate}, the gap is {gap} in present value ({cheapest_pv} against {dearest_pv}).",
    },
    "tco.conclusion.present_value_reverses": {
        "fr": "Attention : actualisé à {rate}, c'est **{cheapest}** qui est la moins chère en valeur actuelle ({cheapest_pv} contre {dearest_pv}).",
        "en": "Note: discounted at {rate}, **{cheapest}** is the cheaper option in present value ({cheapest_pv} against {dearest_pv}).",
    },
    "tco.conclusion.per_user": {
        "fr": "Rapporté à {users} utilisateurs, cela fait {cheapest_pupm} par utilisateur et par mois pour {cheapest}, contre {dearest_pupm} pour {dearest}.",
        "en": "For {users} users, that is {cheapest_pupm} per user per month for {cheapest}, against {dearest_pupm} for {dearest}.",
    },
    "tco.convention.initial_period": {
        "fr": "La période initiale (t=0) regroupe les coûts de mise en place payés au lancement du projet ; les années 1 à {horizon} suivent. Toutes les options sont comparées sur le même horizon de {horizon} ans.",
        "en": "The initial period (t=0) holds the set-up costs paid when the project starts; years 1 to {horizon} follow. Every option is compared over the same {horizon}-year horizon.",
    },
    "tco.convention.payment_timing": {
        "fr": "Les coûts ponctuels sont payés au début de leur année ; les coûts récurrents (mensuels ou annuels) sont payés chaque année de leur année de début à leur année de fin. Montants HT, en {currency}.",
        "en": "One-off costs are paid at the start of their year; recurring costs (monthly or yearly prices) are paid every year from their start year to their end year. Amounts excl. VAT, in {currency}.",
    },
    "tco.convention.escalation": {
        "fr": "Les prix sont ceux de l'année 1 ; un coût de l'année t est majoré de (1 + hausse)^(t−1). Hausse par défaut : {escalation} par an.",
        "en": "Prices are year-1 prices; a cost in year t is multiplied by (1 + escalation)^(t−1). Default escalation: {escalation} a year.",
    },
    "tco.convention.discounting": {
        "fr": "Valeur actuelle au taux de {rate} : la période initiale n'est pas actualisée, l'année t l'est en fin d'année, par 1/(1 + taux)^t.",
        "en": "Present value at {rate}: the initial period is not discounted; year t is discounted at its end, by 1/(1 + rate)^t.",
    },
    "tco.convention.break_even": {
        "fr": "Point mort en accumulation mensuelle : au sein d'une année, les coûts récurrents s'accumulent par douzièmes, les coûts ponctuels tombent au début de l'année ; le mois indiqué est celui où le coût cumulé d'une option dépasse celui de l'autre (mois 1 = premier mois de l'année 1).",
        "en": "Break-even under monthly accrual: within a year, recurring costs accrue by twelfths and one-off costs fall at the start of the year; the month given is the one in which one option's cumulative cost passes the other's (month 1 = first month of year 1).",
    },
    # --- the vendor comparison sheets of the workbook (crmwb.vendor_sheets) ----------------
    "sheet.vendors": {"fr": "Éditeurs", "en": "Vendors"},
    "sheet.criteria": {"fr": "Critères", "en": "Criteria"},
    "sheet.pairwise": {"fr": "Comparaisons", "en": "Pairwise"},
    "sheet.scores": {"fr": "Notes", "en": "Scores"},
    "sheet.use_cases": {"fr": "Cas d'usage", "en": "Use cases"},
    "vendors.sheet_title": {"fr": "Éditeurs comparés", "en": "Vendors compared"},
    "vendors.sheet_intro": {
        "fr": "Une ligne par éditeur (ou produit) comparé. Ses noms servent dans les onglets Notes et Cas d'usage : écrivez-les de la même façon.",
        "en": "One line per vendor (or product) compared. The names are used on the Scores and Use cases sheets: type them the same way there.",
    },
    "vendors.col.vendor": {"fr": "Éditeur", "en": "Vendor"},
    "vendors.col.vendor.help": {
        "fr": "Nom de l'éditeur ou du produit, unique (ex. Splio).",
        "en": "Name of the vendor or product, unique (e.g. Splio).",
    },
    "vendors.col.market_type": {"fr": "Type de marché", "en": "Market type"},
    "vendors.col.market_type.help": {
        "fr": "Écosystème (Salesforce, Dynamics), intermédiaire (Splio, Selligent) ou gestionnaire de campagnes (Brevo) (liste).",
        "en": "Ecosystem (Salesforce, Dynamics), intermediate (Splio, Selligent) or campaign manager (Brevo) (list).",
    },
    "vendors.col.notes": {"fr": "Remarques", "en": "Notes"},
    "vendors.col.notes.help": {"fr": "Texte libre.", "en": "Free text."},
    "criteria.sheet_title": {
        "fr": "Critères de comparaison et leur pondération",
        "en": "Comparison criteria and their weights",
    },
    "criteria.sheet_intro": {
        "fr": "L'échelle des notes et la méthode de pondération, puis une ligne par critère, regroupés en familles (fonctionnalités, coûts, facilité d'utilisation et support, intégration). Pondération directe : un poids par critère (points ou fractions, ramenés à une somme de 1). AHP : remplissez l'onglet Comparaisons.",
        "en": "The scale of the scores and the weighting method, then one line per criterion, in groups (features, costs, ease of use and support, integration). Direct weighting: a weight per criterion (points or fractions, normalised to sum 1). AHP: fill in the Pairwise sheet.",
    },
    "criteria.scale_low": {"fr": "Note minimale", "en": "Scale low"},
    "criteria.scale_low.help": {
        "fr": "Note la plus basse de l'échelle (ex. 0).",
        "en": "Lowest score of the scale (e.g. 0).",
    },
    "criteria.scale_high": {"fr": "Note maximale", "en": "Scale high"},
    "criteria.scale_high.help": {
        "fr": "Note la plus haute de l'échelle (ex. 5).",
        "en": "Highest score of the scale (e.g. 5).",
    },
    "criteria.weighting": {"fr": "Méthode de pondération", "en": "Weighting method"},
    "criteria.weighting.help": {
        "fr": "Directe (colonne Poids) ou AHP (comparaisons par paires dans l'onglet Comparaisons) (liste).",
        "en": "Direct (Weight column) or AHP (pairwise comparisons on the Pairwise sheet) (list).",
    },
    "criteria.col.group": {"fr": "Groupe", "en": "Group"},
    "criteria.col.group.help": {
        "fr": "Famille du critère (ex. Fonctionnalités, Coûts). L'AHP pondère les groupes, puis les critères de chaque groupe.",
        "en": "Family of the criterion (e.g. Features, Costs). AHP weights the groups, then the criteria within each group.",
    },
    "criteria.col.criterion": {"fr": "Critère", "en": "Criterion"},
    "criteria.col.criterion.help": {
        "fr": "Nom du critère, unique.",
        "en": "Name of the criterion, unique.",
    },
    "criteria.col.direction": {"fr": "Sens", "en": "Direction"},
    "criteria.col.direction.help": {
        "fr": "Bénéfice : plus c'est haut, mieux c'est (fonctionnalités). Coût : moins c'est mieux (prix) (liste).",
        "en": "Benefit: more is better (features). Cost: less is better (price) (list).",
    },
    "criteria.col.measure": {"fr": "Mesure", "en": "Measure"},
    "criteria.col.measure.help": {
        "fr": "Note : sur l'échelle. Montant : dans son unité (prix, nombre de références). TCO : le coût total de possession de l'éditeur. Vide : note.",
        "en": "Score: on the scale. Amount: in its own unit (price, number of references). TCO: the vendor's total cost of ownership. Empty: score.",
    },
    "criteria.col.weight": {"fr": "Poids", "en": "Weight"},
    "criteria.col.weight.help": {
        "fr": "Pondération directe : importance du critère, >= 0 (points sur 100 ou fractions, ramenés à une somme de 1).",
        "en": "Direct weighting: importance of the criterion, >= 0 (points out of 100 or fractions, normalised to sum 1).",
    },
    "criteria.col.knock_out_minimum": {"fr": "Minimum éliminatoire", "en": "Knock-out minimum"},
    "criteria.col.knock_out_minimum.help": {
        "fr": "Facultatif (critère de bénéfice) : un éditeur dont la note moyenne est inférieure est éliminé.",
        "en": "Optional (benefit criterion): a vendor whose mean score is below it is excluded.",
    },
    "criteria.col.knock_out_maximum": {"fr": "Maximum éliminatoire", "en": "Knock-out maximum"},
    "criteria.col.knock_out_maximum.help": {
        "fr": "Facultatif (critère de coût) : un éditeur dont la note moyenne ou le montant est supérieur est éliminé (plafond de budget).",
        "en": "Optional (cost criterion): a vendor whose mean score or amount is above it is excluded (a budget ceiling).",
    },
    "pairwise.sheet_title": {
        "fr": "Comparaisons par paires (AHP)",
        "en": "Pairwise comparisons (AHP)",
    },
    "pairwise.sheet_intro": {
        "fr": "Pondération AHP seulement. Une ligne par comparaison : portée « Groupes » pour deux groupes de critères, ou le nom d'un groupe pour deux de ses critères. Valeur : combien A est plus important que B (échelle de Saaty) : 1 égal, 3 modérément, 5 fortement, 7 très fortement, 9 extrêmement ; 1/3 si A est modérément moins important. Chaque paire une fois ; un groupe d'un seul critère n'en demande aucune.",
        "en": "AHP weighting only. One line per comparison: scope 'Groups' for two criterion groups, or a group's name for two of its criteria. Value: how much more important A is than B (Saaty's scale): 1 equal, 3 moderately, 5 strongly, 7 very strongly, 9 extremely; 1/3 if A is moderately less important. Each pair once; a group with one criterion needs none.",
    },
    "pairwise.scope.groups": {"fr": "Groupes", "en": "Groups"},
    "pairwise.col.scope": {"fr": "Portée", "en": "Scope"},
    "pairwise.col.scope.help": {
        "fr": "« Groupes » pour comparer les groupes, ou le nom du groupe dont on compare les critères.",
        "en": "'Groups' to compare the groups, or the name of the group whose criteria are compared.",
    },
    "pairwise.col.item_a": {"fr": "Élément A", "en": "Item A"},
    "pairwise.col.item_a.help": {
        "fr": "Un groupe ou un critère, écrit comme dans l'onglet Critères.",
        "en": "A group or a criterion, as on the Criteria sheet.",
    },
    "pairwise.col.item_b": {"fr": "Élément B", "en": "Item B"},
    "pairwise.col.item_b.help": {
        "fr": "L'autre groupe ou critère de la même portée.",
        "en": "The other group or criterion of the same scope.",
    },
    "pairwise.col.value": {"fr": "Valeur", "en": "Value"},
    "pairwise.col.value.help": {
        "fr": "Combien A est plus important que B : 1 à 9, ou 1/2 à 1/9 s'il l'est moins.",
        "en": "How much more important A is than B: 1 to 9, or 1/2 to 1/9 if less.",
    },
    "scores.sheet_title": {"fr": "Notes des éditeurs", "en": "Scores of the vendors"},
    "scores.sheet_intro": {
        "fr": "Une ligne par éditeur et par critère, une colonne par évaluateur (renommez les en-têtes « Évaluateur » ; laissez vides les colonnes inutiles). Une note sur l'échelle de l'onglet Critères, un montant pour un critère Montant ou TCO (dans une seule colonne), « n/e » si non évalué volontairement. Une cellule vide est une note manquante.",
        "en": "One line per vendor and criterion, one column per evaluator (rename the 'Evaluator' headers; leave unused columns empty). A score on the Criteria sheet's scale, an amount for an Amount or TCO criterion (in one column), 'n/e' when not evaluated on purpose. An empty cell is a missing score.",
    },
    "scores.col.vendor": {"fr": "Éditeur", "en": "Vendor"},
    "scores.col.vendor.help": {
        "fr": "Comme dans l'onglet Éditeurs (liste).",
        "en": "As on the Vendors sheet (list).",
    },
    "scores.col.criterion": {"fr": "Critère", "en": "Criterion"},
    "scores.col.criterion.help": {
        "fr": "Comme dans l'onglet Critères (liste).",
        "en": "As on the Criteria sheet (list).",
    },
    "scores.col.evaluator": {"fr": "Évaluateur", "en": "Evaluator"},
    "scores.col.evaluator.help": {
        "fr": "En-tête : le nom de l'évaluateur. Cellules : une note sur l'échelle, un montant, ou n/e (non évalué).",
        "en": "Header: the evaluator's name. Cells: a score on the scale, an amount, or n/e (not evaluated).",
    },
    "scores.evaluator_n": {"fr": "Évaluateur {n}", "en": "Evaluator {n}"},
    "scores.not_evaluated": {"fr": "non évalué", "en": "not evaluated"},
    "use_cases.sheet_title": {
        "fr": "Couverture des cas d'usage fonctionnels",
        "en": "Coverage of the functional use cases",
    },
    "use_cases.sheet_intro": {
        "fr": "Une ligne par cas d'usage du plan relationnel, une colonne par éditeur (en-tête : son nom comme dans l'onglet Éditeurs) indiquant comment il le couvre. Un cas d'usage indispensable non couvert élimine l'éditeur.",
        "en": "One line per use case of the relationship plan, one column per vendor (header: its name as on the Vendors sheet) saying how it covers the use case. A must-have use case not covered excludes the vendor.",
    },
    "use_cases.col.use_case": {"fr": "Cas d'usage", "en": "Use case"},
    "use_cases.col.use_case.help": {
        "fr": "Nom, unique (ex. Scénario de bienvenue).",
        "en": "Name, unique (e.g. Welcome journey).",
    },
    "use_cases.col.programme": {"fr": "Programme", "en": "Programme"},
    "use_cases.col.programme.help": {
        "fr": "Programme du plan relationnel auquel il appartient (facultatif).",
        "en": "Programme of the relationship plan it belongs to (optional).",
    },
    "use_cases.col.priority": {"fr": "Priorité", "en": "Priority"},
    "use_cases.col.priority.help": {
        "fr": "Poids du cas d'usage, > 0 (ex. 1 à 3).",
        "en": "Weight of the use case, > 0 (e.g. 1 to 3).",
    },
    "use_cases.col.must_have": {"fr": "Indispensable", "en": "Must have"},
    "use_cases.col.must_have.help": {
        "fr": "Oui : un éditeur qui ne le couvre pas est éliminé. Vide : non (liste).",
        "en": "Yes: a vendor that does not cover it is excluded. Empty: no (list).",
    },
    "use_cases.col.vendor": {"fr": "Éditeur", "en": "Vendor"},
    "use_cases.col.vendor.help": {
        "fr": "En-tête : le nom de l'éditeur. Cellules : natif, paramétrage, développement spécifique ou non couvert (liste).",
        "en": "Header: the vendor's name. Cells: native, configuration, custom development or not covered (list).",
    },
    "use_cases.vendor_n": {"fr": "Éditeur {n}", "en": "Vendor {n}"},
    # market types, directions, measures, weighting methods, coverage levels, yes/no
    "market_type.ecosystem": {"fr": "Écosystème", "en": "Ecosystem"},
    "market_type.intermediate": {"fr": "Intermédiaire", "en": "Intermediate"},
    "market_type.campaign_manager": {"fr": "Gestionnaire de campagnes", "en": "Campaign manager"},
    "direction.benefit": {"fr": "Bénéfice", "en": "Benefit"},
    "direction.cost": {"fr": "Coût", "en": "Cost"},
    "measure.score": {"fr": "Note", "en": "Score"},
    "measure.amount": {"fr": "Montant", "en": "Amount"},
    "measure.tco": {"fr": "TCO", "en": "TCO"},
    "weighting.direct": {"fr": "Directe", "en": "Direct"},
    "weighting.ahp": {"fr": "AHP", "en": "AHP"},
    "coverage.native": {"fr": "Natif", "en": "Native"},
    "coverage.configuration": {"fr": "Paramétrage", "en": "Configuration"},
    "coverage.custom_development": {"fr": "Développement spécifique", "en": "Custom development"},
    "coverage.not_covered": {"fr": "Non couvert", "en": "Not covered"},
    "yes_no.yes": {"fr": "Oui", "en": "Yes"},
    "yes_no.no": {"fr": "Non", "en": "No"},
    # --- the Pricing sheet of the workbook (crmwb.vendor_sheets) ---------------------------
    "sheet.pricing": {"fr": "Tarifs", "en": "Pricing"},
    "pricing.sheet_title": {
        "fr": "Tarifs des éditeurs et volumes du client",
        "en": "Vendor pricing and the client's volumes",
    },
    "pricing.sheet_intro": {
        "fr": "Les volumes de l'année 1 et leur croissance annuelle, puis une ligne par élément de tarif d'un éditeur. L'horizon, le taux d'actualisation et la hausse annuelle des prix viennent de l'onglet TCO. Le TCO calculé remplace les montants saisis dans l'onglet Notes pour les critères mesurés par le TCO ; un éditeur sans ligne ici garde le montant saisi. Incertitude (Bas / Haut) : pour une prestation, des montants autour du prix (le plus probable) ; pour les autres lignes, des multiplicateurs du prix (90 % / 140 %), avec Bas <= 100 % <= Haut.",
        "en": "The volumes of year 1 and their yearly growth, then one line per price item of a vendor. The horizon, discount rate and yearly price escalation come from the TCO sheet. The TCO computed replaces the amounts typed on the Scores sheet for the criteria measured by the TCO; a vendor without lines here keeps the amount typed. Uncertainty (Low / High): for a service, amounts around its price (the most likely); for the other lines, multipliers of the price (90% / 140%), with Low <= 100% <= High.",
    },
    "pricing.users": {"fr": "Utilisateurs", "en": "Users"},
    "pricing.users.help": {
        "fr": "Utilisateurs CRM en année 1 (vide : ceux de l'onglet TCO).",
        "en": "CRM users in year 1 (empty: those of the TCO sheet).",
    },
    "pricing.user_growth": {"fr": "Croissance des utilisateurs", "en": "User growth"},
    "pricing.user_growth.help": {
        "fr": "Par an, en % (ex. 5 %). Vide : 0.",
        "en": "Per year, as a % (e.g. 5%). Empty: 0.",
    },
    "pricing.contacts": {"fr": "Contacts", "en": "Contacts"},
    "pricing.contacts.help": {
        "fr": "Contacts dans la base en année 1 (vide : ceux de l'onglet TCO).",
        "en": "Contacts in the base in year 1 (empty: those of the TCO sheet).",
    },
    "pricing.contact_growth": {"fr": "Croissance des contacts", "en": "Contact growth"},
    "pricing.contact_growth.help": {
        "fr": "Par an, en % (ex. 8 %). Vide : 0.",
        "en": "Per year, as a % (e.g. 8%). Empty: 0.",
    },
    "pricing.messages": {"fr": "Messages par an", "en": "Messages per year"},
    "pricing.messages.help": {
        "fr": "Messages envoyés (e-mails, SMS) en année 1. Vide : 0.",
        "en": "Messages sent (e-mails, SMS) in year 1. Empty: 0.",
    },
    "pricing.message_growth": {"fr": "Croissance des messages", "en": "Message growth"},
    "pricing.message_growth.help": {
        "fr": "Par an, en % (ex. 10 %). Vide : 0.",
        "en": "Per year, as a % (e.g. 10%). Empty: 0.",
    },
    "pricing.storage_gb": {"fr": "Stockage (Go)", "en": "Storage (GB)"},
    "pricing.storage_gb.help": {
        "fr": "Go stockés en année 1. Vide : 0.",
        "en": "GB stored in year 1. Empty: 0.",
    },
    "pricing.storage_growth": {"fr": "Croissance du stockage", "en": "Storage growth"},
    "pricing.storage_growth.help": {
        "fr": "Par an, en % (ex. 15 %). Vide : 0.",
        "en": "Per year, as a % (e.g. 15%). Empty: 0.",
    },
    "pricing.col.vendor": {"fr": "Éditeur", "en": "Vendor"},
    "pricing.col.vendor.help": {
        "fr": "Un éditeur de l'onglet Éditeurs (liste).",
        "en": "A vendor of the Vendors sheet (list).",
    },
    "pricing.col.item": {"fr": "Élément", "en": "Item"},
    "pricing.col.item.help": {
        "fr": "Édition (par utilisateur), palier de contacts, palier de messages, module, licence, prestation, stockage ou engagement minimum (liste).",
        "en": "User edition, contact tier, message tier, module, licence, service, storage or minimum commitment (list).",
    },
    "pricing.col.name": {"fr": "Nom", "en": "Name"},
    "pricing.col.name.help": {
        "fr": "Nom de l'édition, du module, de la licence ou de la prestation (obligatoire pour une édition, un module, une prestation). Éditions de la plus petite à la plus grande : la première est celle chiffrée, les suivantes sont imposées au-delà de son maximum.",
        "en": "Name of the edition, module, licence or service (required for an edition, a module, a service). Editions from the smallest to the largest: the first is the one quoted, the next ones are forced above its maximum.",
    },
    "pricing.col.price": {"fr": "Prix", "en": "Price"},
    "pricing.col.price.help": {
        "fr": "HT, >= 0. Édition : par utilisateur ; palier de contacts : par contact (toute la base) ; palier de messages : pour 1 000 messages ; module : forfait ; stockage : par Go au-delà de l'inclus ; licence, prestation : montant ; engagement : minimum par an.",
        "en": "Excl. VAT, >= 0. Edition: per user; contact tier: per contact (whole base); message tier: per 1,000 messages; module: flat; storage: per GB above the included; licence, service: amount; commitment: minimum per year.",
    },
    "pricing.col.up_to": {"fr": "Jusqu'à", "en": "Up to"},
    "pricing.col.up_to.help": {
        "fr": "Édition : maximum d'utilisateurs ; palier : borne haute incluse, strictement croissante (vide au dernier palier seulement) ; stockage : Go inclus.",
        "en": "Edition: maximum users; tier: upper bound included, strictly increasing (empty on the last tier only); storage: GB included.",
    },
    "pricing.col.per": {"fr": "Par", "en": "Per"},
    "pricing.col.per.help": {
        "fr": "Mois (par défaut) ou an, pour une édition, un palier de contacts, un module, le stockage (liste). Messages : par an.",
        "en": "Month (default) or year, for an edition, a contact tier, a module, storage (list). Messages: per year.",
    },
    "pricing.col.rate": {"fr": "Taux", "en": "Rate"},
    "pricing.col.rate.help": {
        "fr": "Licence seulement : maintenance annuelle en % de la licence (ex. 20 %).",
        "en": "Licence only: yearly maintenance as a % of the licence (e.g. 20%).",
    },
    "pricing.col.year": {"fr": "Année", "en": "Year"},
    "pricing.col.year.help": {
        "fr": "Licence, prestation : année du paiement (0 = initiale, par défaut). Module, engagement : première année (1 par défaut).",
        "en": "Licence, service: year paid (0 = initial, the default). Module, commitment: first year (1 by default).",
    },
    "pricing.col.end_year": {"fr": "Année de fin", "en": "End year"},
    "pricing.col.end_year.help": {
        "fr": "Module, engagement : dernière année (vide : l'horizon).",
        "en": "Module, commitment: last year (empty: the horizon).",
    },
    "pricing.col.low": {"fr": "Bas", "en": "Low"},
    "pricing.col.low.help": {
        "fr": "Incertitude, avec Haut. Prestation : montant bas (<= prix). Autres : multiplicateur du prix <= 100 % (ex. 90 %). Éditions et paliers : une fourchette pour tous (sur une ligne ou la même sur chacune). Pas pour un engagement.",
        "en": "Uncertainty, with High. Service: low amount (<= price). Others: multiplier of the price <= 100% (e.g. 90%). Editions and tiers: one range for all (on one line or the same on each). Not for a commitment.",
    },
    "pricing.col.high": {"fr": "Haut", "en": "High"},
    "pricing.col.high.help": {
        "fr": "Incertitude, avec Bas. Prestation : montant haut (>= prix). Autres : multiplicateur du prix >= 100 % (ex. 140 %).",
        "en": "Uncertainty, with Low. Service: high amount (>= price). Others: multiplier of the price >= 100% (e.g. 140%).",
    },
    "pricing.col.notes": {"fr": "Remarques", "en": "Notes"},
    "pricing.col.notes.help": {"fr": "Texte libre.", "en": "Free text."},
    "price_item.user_edition": {"fr": "Édition", "en": "User edition"},
    "price_item.contact_tier": {"fr": "Palier de contacts", "en": "Contact tier"},
    "price_item.message_tier": {"fr": "Palier de messages", "en": "Message tier"},
    "price_item.module": {"fr": "Module", "en": "Module"},
    "price_item.licence": {"fr": "Licence", "en": "Licence"},
    "price_item.service": {"fr": "Prestation", "en": "Service"},
    "price_item.storage": {"fr": "Stockage", "en": "Storage"},
    "price_item.minimum_commitment": {"fr": "Engagement minimum", "en": "Minimum commitment"},
    "price_period.month": {"fr": "Mois", "en": "Month"},
    "price_period.year": {"fr": "An", "en": "Year"},
    # --- the ROI sheet of the workbook (crmwb.roi_sheets) ---------------------------------
    "sheet.roi": {"fr": "ROI", "en": "ROI"},
    "roi_sheet.sheet_title": {
        "fr": "Retour sur investissement : leviers de bénéfices",
        "en": "Return on investment: benefit levers",
    },
    "roi_sheet.sheet_intro": {
        "fr": "Les coûts viennent de l'onglet TCO (option choisie, sur son horizon) et des coûts internes ci-dessous. Puis une ligne par donnée d'un levier : les lignes de même Levier et même Nom forment un levier. Bas et Haut (les deux ou aucun) donnent une fourchette. Montée en charge : part réalisée en années 1, 2, 3 (la dernière est conservée ensuite ; vide = 100 % dès l'année 1). Les taux sont des fractions (0,2 ou 20 %). Bénéfice qualitatif : Levier « Qualitatif », le bénéfice dans Nom, sa description dans Notes.",
        "en": "Costs come from the TCO sheet (the chosen option, over its horizon) and the internal costs below. Then one row per input of a lever: rows with the same Lever and Name form one lever. Low and High (both or neither) give a range. Ramp-up: share realised in years 1, 2, 3 (the last one is held afterwards; empty = 100 % from year 1). Rates are fractions (0.2 or 20%). Qualitative benefit: Lever 'Qualitative', the benefit in Name, its description in Notes.",
    },
    "roi_sheet.discount_rate": {"fr": "Taux d'actualisation", "en": "Discount rate"},
    "roi_sheet.discount_rate.help": {
        "fr": "Fraction par an (10 % par défaut, celui de la méthode TEI de Forrester). Supérieur à -100 %.",
        "en": "A fraction a year (10% by default, Forrester TEI's). Above -100%.",
    },
    "roi_sheet.tco_option": {"fr": "Option du TCO", "en": "TCO option"},
    "roi_sheet.tco_option.help": {
        "fr": "Le nom d'une option de l'onglet TCO, ou d'un éditeur de l'onglet Tarifs : ses coûts par période sont ceux du ROI, sur l'horizon du TCO.",
        "en": "The name of an option of the TCO sheet, or of a vendor of the Pricing sheet: its per-period costs are the ROI's, over the TCO's horizon.",
    },
    "roi_sheet.team_days": {"fr": "Jours équipe projet", "en": "Project team days"},
    "roi_sheet.team_days.help": {
        "fr": "Jours passés par l'équipe projet interne (période initiale).",
        "en": "Days spent by the internal project team (initial period).",
    },
    "roi_sheet.day_cost": {"fr": "Coût d'un jour", "en": "Day cost"},
    "roi_sheet.day_cost.help": {
        "fr": "Coût chargé d'un jour de l'équipe projet, HT.",
        "en": "Loaded cost of a project team day, excluding VAT.",
    },
    "roi_sheet.training_hours": {
        "fr": "Heures de formation par utilisateur",
        "en": "Training hours per user",
    },
    "roi_sheet.training_hours.help": {
        "fr": "Temps de formation de chaque utilisateur (les utilisateurs de l'onglet TCO), période initiale.",
        "en": "Training time of each user (the TCO sheet's users), initial period.",
    },
    "roi_sheet.hourly_cost": {"fr": "Coût horaire chargé", "en": "Loaded hourly cost"},
    "roi_sheet.hourly_cost.help": {
        "fr": "Coût chargé d'une heure d'un utilisateur formé.",
        "en": "Loaded cost of an hour of a user in training.",
    },
    "roi_sheet.change_management": {"fr": "Conduite du changement", "en": "Change management"},
    "roi_sheet.change_management.help": {
        "fr": "Montant de la conduite du changement (communication, accompagnement), période initiale.",
        "en": "Amount for change management (communication, support), initial period.",
    },
    "roi_sheet.cost_risk": {
        "fr": "Ajustement du risque sur les coûts",
        "en": "Risk adjustment on costs",
    },
    "roi_sheet.cost_risk.help": {
        "fr": "Fraction dont chaque coût est augmenté dans les résultats ajustés du risque (0,1 = 10 %).",
        "en": "Fraction every cost is increased by in the risk-adjusted results (0.1 = 10%).",
    },
    "roi_sheet.col.lever": {"fr": "Levier", "en": "Lever"},
    "roi_sheet.col.lever.help": {
        "fr": "Le type de levier (liste), ou « Qualitatif » pour un bénéfice sans chiffre.",
        "en": "The kind of lever (list), or 'Qualitative' for a benefit without a number.",
    },
    "roi_sheet.col.name": {"fr": "Nom", "en": "Name"},
    "roi_sheet.col.name.help": {
        "fr": "Votre nom pour ce bénéfice ; les lignes de même levier et même nom forment un levier.",
        "en": "Your name for this benefit; rows with the same lever and name form one lever.",
    },
    "roi_sheet.col.input": {"fr": "Donnée", "en": "Input"},
    "roi_sheet.col.input.help": {
        "fr": "Une donnée de la formule du levier (liste) ; chaque donnée du levier une fois.",
        "en": "An input of the lever's formula (list); each input of the lever once.",
    },
    "roi_sheet.col.low": {"fr": "Bas", "en": "Low"},
    "roi_sheet.col.low.help": {
        "fr": "Valeur basse (facultative, avec Haut) : une fourchette pour les scénarios et le Monte-Carlo.",
        "en": "Low value (optional, with High): a range for the scenarios and the Monte Carlo.",
    },
    "roi_sheet.col.most_likely": {"fr": "Plus probable", "en": "Most likely"},
    "roi_sheet.col.most_likely.help": {
        "fr": "La valeur retenue : un nombre >= 0 ; un taux en fraction (0,05 ou 5 %).",
        "en": "The value used: a number >= 0; a rate as a fraction (0.05 or 5%).",
    },
    "roi_sheet.col.high": {"fr": "Haut", "en": "High"},
    "roi_sheet.col.high.help": {
        "fr": "Valeur haute (facultative, avec Bas).",
        "en": "High value (optional, with Low).",
    },
    "roi_sheet.col.ramp_up_1": {"fr": "Montée en charge an 1", "en": "Ramp-up year 1"},
    "roi_sheet.col.ramp_up_1.help": {
        "fr": "Part du bénéfice réalisée l'année 1 (vide = 100 %), sur une ligne du levier.",
        "en": "Share of the benefit realised in year 1 (empty = 100%), on one row of the lever.",
    },
    "roi_sheet.col.ramp_up_2": {"fr": "Montée en charge an 2", "en": "Ramp-up year 2"},
    "roi_sheet.col.ramp_up_2.help": {
        "fr": "Part réalisée l'année 2 (au plus 100 %).",
        "en": "Share realised in year 2 (at most 100%).",
    },
    "roi_sheet.col.ramp_up_3": {"fr": "Montée en charge an 3", "en": "Ramp-up year 3"},
    "roi_sheet.col.ramp_up_3.help": {
        "fr": "Part réalisée l'année 3, conservée les années suivantes.",
        "en": "Share realised in year 3, held in the following years.",
    },
    "roi_sheet.col.risk": {"fr": "Ajustement du risque", "en": "Risk adjustment"},
    "roi_sheet.col.risk.help": {
        "fr": "Fraction dont le bénéfice est réduit dans les résultats ajustés du risque (0,2 = 20 %).",
        "en": "Fraction the benefit is reduced by in the risk-adjusted results (0.2 = 20%).",
    },
    "roi_sheet.col.notes": {"fr": "Notes", "en": "Notes"},
    "roi_sheet.col.notes.help": {
        "fr": "Source de l'hypothèse ; pour un bénéfice qualitatif, sa description.",
        "en": "Source of the assumption; for a qualitative benefit, its description.",
    },
    "roi_sheet.lever.reactivated_dormant_clients": {
        "fr": "Clients dormants réactivés",
        "en": "Reactivated dormant clients",
    },
    "roi_sheet.lever.higher_average_basket": {
        "fr": "Panier moyen plus élevé",
        "en": "Higher average basket",
    },
    "roi_sheet.lever.cross_and_up_sell": {
        "fr": "Ventes croisées et montées en gamme",
        "en": "Cross-sell and up-sell",
    },
    "roi_sheet.lever.lower_acquisition_cost": {
        "fr": "Coût d'acquisition réduit",
        "en": "Lower acquisition cost",
    },
    "roi_sheet.lever.undeliverable_mail_savings": {
        "fr": "Économies de NPAI",
        "en": "Undeliverable mail (NPAI) savings",
    },
    "roi_sheet.lever.discount_control": {"fr": "Maîtrise des remises", "en": "Discount control"},
    "roi_sheet.lever.time_saved": {"fr": "Temps gagné", "en": "Time saved"},
    "roi_sheet.lever.admin_tasks_automated": {
        "fr": "Tâches administratives automatisées",
        "en": "Admin tasks automated",
    },
    "roi_sheet.lever.shorter_sales_cycle": {
        "fr": "Cycle de vente raccourci",
        "en": "Shorter sales cycle",
    },
    "roi_sheet.lever.first_call_resolution": {
        "fr": "Résolution au premier contact",
        "en": "First-call resolution",
    },
    "roi_sheet.lever.retention": {"fr": "Fidélisation", "en": "Retention"},
    "roi_sheet.lever.qualitative": {"fr": "Qualitatif", "en": "Qualitative"},
    # --- the journey and relationship-plan sheets (crmwb.journey_sheets) ---------------------
    "sheet.stages": {"fr": "Étapes", "en": "Stages"},
    "sheet.channels": {"fr": "Canaux", "en": "Channels"},
    "sheet.segments": {"fr": "Segments", "en": "Segments"},
    "sheet.touchpoints": {"fr": "Points de contact", "en": "Touchpoints"},
    "sheet.personas": {"fr": "Personas", "en": "Personas"},
    "sheet.paths": {"fr": "Parcours", "en": "Paths"},
    "sheet.programmes": {"fr": "Programmes", "en": "Programmes"},
    "sheet.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "sheet.campaigns": {"fr": "Campagnes", "en": "Campaigns"},
    "sheet.conventions": {"fr": "Conventions", "en": "Conventions"},
    "journey_sheet.all": {"fr": "tous", "en": "all"},
    "perception.satisfaction": {"fr": "satisfaction", "en": "satisfaction"},
    "perception.friction": {"fr": "friction", "en": "friction"},
    "perception.disappointment": {"fr": "déception", "en": "disappointment"},
    "opt_in.opt-in": {"fr": "opt-in", "en": "opt-in"},
    "opt_in.soft opt-in": {"fr": "soft opt-in", "en": "soft opt-in"},
    "opt_in.opt-out": {"fr": "opt-out", "en": "opt-out"},
    "sender_family.transactional": {"fr": "transactionnel", "en": "transactional"},
    "sender_family.campaigns": {"fr": "campagnes", "en": "campaigns"},
    "sender_family.scenarios": {"fr": "scénarios", "en": "scenarios"},
    "journey_sheet.stages.sheet_title": {
        "fr": "Étapes du parcours client",
        "en": "Stages of the customer journey",
    },
    "journey_sheet.stages.sheet_intro": {
        "fr": "Une ligne par étape, dans l'ordre du parcours (ex. découverte, considération, achat, livraison, usage, SAV, fidélisation) : ce sont les colonnes de la carte. Les noms servent dans les onglets Segments et Points de contact.",
        "en": "One line per stage, in journey order (e.g. discovery, consideration, purchase, delivery, use, after-sales, loyalty): they are the columns of the map. The names are used on the Segments and Touchpoints sheets.",
    },
    "journey_sheet.stages.col.stage": {"fr": "Étape", "en": "Stage"},
    "journey_sheet.stages.col.stage.help": {
        "fr": "Nom de l'étape, unique. L'ordre des lignes est celui du parcours.",
        "en": "Name of the stage, unique. The order of the lines is the journey's.",
    },
    "journey_sheet.stages.col.description": {"fr": "Description", "en": "Description"},
    "journey_sheet.stages.col.description.help": {
        "fr": "Ce que vit le client à cette étape (texte libre).",
        "en": "What the customer goes through at this stage (free text).",
    },
    "journey_sheet.channels.sheet_title": {
        "fr": "Canaux de la relation client",
        "en": "Channels of the customer relationship",
    },
    "journey_sheet.channels.sheet_intro": {
        "fr": "Une ligne par canal (site web, magasin, centre d'appels, e-mail, réseaux sociaux, moteur de recherche, commercial...) : ce sont les lignes de la carte. Les noms servent dans les onglets Segments, Points de contact, Scénarios, Campagnes et Conventions.",
        "en": "One line per channel (web site, store, call centre, e-mail, social ads, search engine, sales rep...): they are the rows of the map. The names are used on the Segments, Touchpoints, Scenarios, Campaigns and Conventions sheets.",
    },
    "journey_sheet.channels.col.channel": {"fr": "Canal", "en": "Channel"},
    "journey_sheet.channels.col.channel.help": {
        "fr": "Nom du canal, unique (ex. Site web, Magasin).",
        "en": "Name of the channel, unique (e.g. Web site, Store).",
    },
    "journey_sheet.channels.col.description": {"fr": "Description", "en": "Description"},
    "journey_sheet.channels.col.description.help": {
        "fr": "Texte libre.",
        "en": "Free text.",
    },
    "journey_sheet.segments.sheet_title": {
        "fr": "Segments de clientèle",
        "en": "Customer segments",
    },
    "journey_sheet.segments.sheet_intro": {
        "fr": "Une ligne par segment, avec les canaux qu'il utilise et les étapes qu'il parcourt (noms séparés par des virgules ou des points-virgules ; vide = tous). Les trous de couverture en sont déduits. Facultatif : sans segment, tout point de contact sert tous les clients.",
        "en": "One line per segment, with the channels it uses and the stages it goes through (names separated by commas or semicolons; empty = all). Coverage gaps are worked out from them. Optional: without segments, every touchpoint serves every customer.",
    },
    "journey_sheet.segments.col.segment": {"fr": "Segment", "en": "Segment"},
    "journey_sheet.segments.col.segment.help": {
        "fr": "Nom du segment, unique (ex. Nouveaux clients, VIP). « tous » est réservé : il désigne tous les segments.",
        "en": "Name of the segment, unique (e.g. New customers, VIP). 'all' is reserved: it means every segment.",
    },
    "journey_sheet.segments.col.description": {"fr": "Description", "en": "Description"},
    "journey_sheet.segments.col.description.help": {
        "fr": "Qui est dans ce segment (texte libre).",
        "en": "Who is in this segment (free text).",
    },
    "journey_sheet.segments.col.channels": {"fr": "Canaux utilisés", "en": "Channels used"},
    "journey_sheet.segments.col.channels.help": {
        "fr": "Canaux de l'onglet Canaux, séparés par des virgules ou des points-virgules. Vide = tous les canaux.",
        "en": "Channels of the Channels sheet, separated by commas or semicolons. Empty = every channel.",
    },
    "journey_sheet.segments.col.stages": {"fr": "Étapes parcourues", "en": "Stages gone through"},
    "journey_sheet.segments.col.stages.help": {
        "fr": "Étapes de l'onglet Étapes, séparées par des virgules ou des points-virgules. Vide = toutes les étapes.",
        "en": "Stages of the Stages sheet, separated by commas or semicolons. Empty = every stage.",
    },
    "journey_sheet.touchpoints.sheet_title": {
        "fr": "Points de contact (étape x canal)",
        "en": "Touchpoints (stage x channel)",
    },
    "journey_sheet.touchpoints.sheet_intro": {
        "fr": "Une ligne par point de contact : une interaction à une étape sur un canal, qualifiée par le segment servi, la perception du client (satisfaction, friction, déception) et son émotion (-2 à +2), son importance dans l'expérience (1 à 5) et la performance actuelle du client (1 à 5, vide = non notée). Les points importants en friction ou en déception sont les moments de vérité. Chaque point devrait avoir un point de collecte des données.",
        "en": "One line per touchpoint: an interaction at a stage on a channel, qualified by the segment served, the customer's perception (satisfaction, friction, disappointment) and emotion (-2 to +2), its importance in the experience (1 to 5) and how well the client performs it today (1 to 5, empty = not rated). Important touchpoints with friction or disappointment are the moments of truth. Each touchpoint should have a data collection point.",
    },
    "journey_sheet.touchpoints.col.id": {"fr": "ID", "en": "ID"},
    "journey_sheet.touchpoints.col.id.help": {
        "fr": "Référence courte et unique (ex. T01), reprise dans les onglets Parcours, Programmes, Scénarios et Campagnes.",
        "en": "Short unique reference (e.g. T01), used on the Paths, Programmes, Scenarios and Campaigns sheets.",
    },
    "journey_sheet.touchpoints.col.stage": {"fr": "Étape", "en": "Stage"},
    "journey_sheet.touchpoints.col.stage.help": {
        "fr": "Une étape de l'onglet Étapes (liste).",
        "en": "A stage of the Stages sheet (list).",
    },
    "journey_sheet.touchpoints.col.channel": {"fr": "Canal", "en": "Channel"},
    "journey_sheet.touchpoints.col.channel.help": {
        "fr": "Un canal de l'onglet Canaux (liste).",
        "en": "A channel of the Channels sheet (list).",
    },
    "journey_sheet.touchpoints.col.description": {"fr": "Description", "en": "Description"},
    "journey_sheet.touchpoints.col.description.help": {
        "fr": "L'interaction (ex. recherche d'un magasin sur le site).",
        "en": "The interaction (e.g. looking up a store on the web site).",
    },
    "journey_sheet.touchpoints.col.segment": {"fr": "Segment", "en": "Segment"},
    "journey_sheet.touchpoints.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » (vide = tous).",
        "en": "A segment of the Segments sheet, or 'all' (empty = all).",
    },
    "journey_sheet.touchpoints.col.perception": {"fr": "Perception", "en": "Perception"},
    "journey_sheet.touchpoints.col.perception.help": {
        "fr": "Satisfaction, friction ou déception (liste).",
        "en": "Satisfaction, friction or disappointment (list).",
    },
    "journey_sheet.touchpoints.col.emotion": {"fr": "Émotion", "en": "Emotion"},
    "journey_sheet.touchpoints.col.emotion.help": {
        "fr": "Nombre entier de -2 (très négative) à +2 (très positive).",
        "en": "A whole number from -2 (very negative) to +2 (very positive).",
    },
    "journey_sheet.touchpoints.col.importance": {"fr": "Importance", "en": "Importance"},
    "journey_sheet.touchpoints.col.importance.help": {
        "fr": "Poids dans l'expérience globale : nombre entier de 1 (faible) à 5 (fort).",
        "en": "Weight in the whole experience: a whole number from 1 (low) to 5 (high).",
    },
    "journey_sheet.touchpoints.col.performance": {"fr": "Performance", "en": "Performance"},
    "journey_sheet.touchpoints.col.performance.help": {
        "fr": "Ce que le client réussit aujourd'hui : nombre entier de 1 à 5 ; vide = pas encore noté.",
        "en": "How well the client does it today: a whole number from 1 to 5; empty = not rated yet.",
    },
    "journey_sheet.touchpoints.col.data_collected": {
        "fr": "Données collectées",
        "en": "Data collected",
    },
    "journey_sheet.touchpoints.col.data_collected.help": {
        "fr": "Les données recueillies à ce point (ex. e-mail, code postal, panier).",
        "en": "The data collected at this touchpoint (e.g. e-mail, postcode, basket).",
    },
    "journey_sheet.touchpoints.col.collection_point": {
        "fr": "Point de collecte",
        "en": "Collection point",
    },
    "journey_sheet.touchpoints.col.collection_point.help": {
        "fr": "Où elles sont saisies ou stockées (formulaire, caisse, CRM...) : alimente l'audit des flux de données.",
        "en": "Where they are captured or stored (form, till, CRM...): feeds the data-flow audit.",
    },
    "journey_sheet.touchpoints.col.owner": {"fr": "Responsable", "en": "Owner"},
    "journey_sheet.touchpoints.col.owner.help": {
        "fr": "L'équipe ou la personne responsable du point de contact.",
        "en": "The team or person who owns the touchpoint.",
    },
    "journey_sheet.personas.sheet_title": {"fr": "Personas", "en": "Personas"},
    "journey_sheet.personas.sheet_intro": {
        "fr": "Une ligne par persona : un profil de client d'un segment (ou de tous). Leurs parcours sont dans l'onglet Parcours.",
        "en": "One line per persona: a customer profile of a segment (or of all). Their paths are on the Paths sheet.",
    },
    "journey_sheet.personas.col.persona": {"fr": "Persona", "en": "Persona"},
    "journey_sheet.personas.col.persona.help": {
        "fr": "Nom du persona, unique (ex. Claire, 34 ans, cliente web).",
        "en": "Name of the persona, unique (e.g. Claire, 34, web customer).",
    },
    "journey_sheet.personas.col.segment": {"fr": "Segment", "en": "Segment"},
    "journey_sheet.personas.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » (vide = tous).",
        "en": "A segment of the Segments sheet, or 'all' (empty = all).",
    },
    "journey_sheet.personas.col.description": {"fr": "Description", "en": "Description"},
    "journey_sheet.personas.col.description.help": {
        "fr": "Ses attentes, ses habitudes (texte libre).",
        "en": "Their expectations and habits (free text).",
    },
    "journey_sheet.paths.sheet_title": {
        "fr": "Parcours des personas",
        "en": "Paths of the personas",
    },
    "journey_sheet.paths.sheet_intro": {
        "fr": "Une ligne par pas d'un parcours : le persona, le numéro d'ordre du pas (1, 2, 3...) et le point de contact (son ID). Le parcours d'un persona suit l'ordre des numéros, souvent d'un canal à l'autre (moteur de recherche, site web, appel au service client, achat en magasin).",
        "en": "One line per step of a path: the persona, the step number (1, 2, 3...) and the touchpoint (its ID). A persona's path follows the step numbers, often across channels (search engine, web site, call to customer service, purchase in store).",
    },
    "journey_sheet.paths.col.persona": {"fr": "Persona", "en": "Persona"},
    "journey_sheet.paths.col.persona.help": {
        "fr": "Un persona de l'onglet Personas (liste).",
        "en": "A persona of the Personas sheet (list).",
    },
    "journey_sheet.paths.col.step": {"fr": "Ordre", "en": "Step"},
    "journey_sheet.paths.col.step.help": {
        "fr": "Numéro d'ordre du pas (1, 2, 3...), une fois par persona.",
        "en": "Number of the step (1, 2, 3...), once per persona.",
    },
    "journey_sheet.paths.col.touchpoint": {"fr": "Point de contact", "en": "Touchpoint"},
    "journey_sheet.paths.col.touchpoint.help": {
        "fr": "L'ID d'un point de contact de l'onglet Points de contact (liste).",
        "en": "The ID of a touchpoint of the Touchpoints sheet (list).",
    },
    "plan_sheet.programmes.sheet_title": {
        "fr": "Programmes relationnels",
        "en": "Relationship programmes",
    },
    "plan_sheet.programmes.sheet_intro": {
        "fr": "Une ligne par programme (bienvenue, réactivation, fidélisation, satisfaction...) : au plus deux objectifs, un KPI principal orienté business (ex. nombre de clients réactivés, pas un taux d'ouverture), le segment visé et les points de contact traités. Ses actions sont dans les onglets Scénarios et Campagnes.",
        "en": "One line per programme (welcome, reactivation, loyalty, satisfaction...): at most two objectives, one business main KPI (e.g. number of reactivated clients, not an open rate), the target segment and the touchpoints addressed. Its actions are on the Scenarios and Campaigns sheets.",
    },
    "plan_sheet.programmes.col.programme": {"fr": "Programme", "en": "Programme"},
    "plan_sheet.programmes.col.programme.help": {
        "fr": "Nom du programme, unique (ex. Réactivation).",
        "en": "Name of the programme, unique (e.g. Reactivation).",
    },
    "plan_sheet.programmes.col.objectives": {"fr": "Objectifs", "en": "Objectives"},
    "plan_sheet.programmes.col.objectives.help": {
        "fr": "Un objectif par ligne dans la cellule (Alt+Entrée), ou séparés par des points-virgules. Deux au plus.",
        "en": "One objective per line in the cell (Alt+Enter), or separated by semicolons. Two at most.",
    },
    "plan_sheet.programmes.col.kpi": {"fr": "KPI principal", "en": "Main KPI"},
    "plan_sheet.programmes.col.kpi.help": {
        "fr": "Un indicateur business (ventes additionnelles, clients réactivés...).",
        "en": "A business indicator (additional sales, reactivated clients...).",
    },
    "plan_sheet.programmes.col.segment": {"fr": "Segment cible", "en": "Target segment"},
    "plan_sheet.programmes.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » (vide = tous).",
        "en": "A segment of the Segments sheet, or 'all' (empty = all).",
    },
    "plan_sheet.programmes.col.touchpoints": {
        "fr": "Points de contact traités",
        "en": "Touchpoints addressed",
    },
    "plan_sheet.programmes.col.touchpoints.help": {
        "fr": "Les ID des points de contact traités (moments de vérité), séparés par des virgules (ex. T03, T07).",
        "en": "The IDs of the touchpoints addressed (moments of truth), separated by commas (e.g. T03, T07).",
    },
    "plan_sheet.programmes.col.description": {"fr": "Description", "en": "Description"},
    "plan_sheet.programmes.col.description.help": {
        "fr": "Texte libre.",
        "en": "Free text.",
    },
    "plan_sheet.scenarios.sheet_title": {
        "fr": "Scénarios (actions automatisées)",
        "en": "Scenarios (automated actions)",
    },
    "plan_sheet.scenarios.sheet_intro": {
        "fr": "Une ligne par scénario d'un programme : déclenché par un événement ou un comportement (formulaire rempli, anniversaire, inactivité depuis 30 jours), envoyé sur un canal après un délai, au plus un message tous les N jours. Messages par contact par mois : votre estimation avant plafond (un e-mail d'anniversaire : 1/12), pour calculer la pression marketing.",
        "en": "One line per scenario of a programme: triggered by an event or a behaviour (form filled, birthday, inactive for 30 days), sent on a channel after a delay, at most one message every N days. Messages per contact per month: your estimate before the cap (a birthday e-mail: 1/12), to compute the marketing pressure.",
    },
    "plan_sheet.scenarios.col.scenario": {"fr": "Scénario", "en": "Scenario"},
    "plan_sheet.scenarios.col.scenario.help": {
        "fr": "Nom du scénario, unique (ex. Relance panier abandonné).",
        "en": "Name of the scenario, unique (e.g. Abandoned-basket reminder).",
    },
    "plan_sheet.scenarios.col.programme": {"fr": "Programme", "en": "Programme"},
    "plan_sheet.scenarios.col.programme.help": {
        "fr": "Un programme de l'onglet Programmes (liste).",
        "en": "A programme of the Programmes sheet (list).",
    },
    "plan_sheet.scenarios.col.trigger": {"fr": "Déclencheur", "en": "Trigger"},
    "plan_sheet.scenarios.col.trigger.help": {
        "fr": "L'événement ou le comportement qui le déclenche (ex. inactivité depuis 90 jours).",
        "en": "The event or behaviour that triggers it (e.g. no purchase for 90 days).",
    },
    "plan_sheet.scenarios.col.channel": {"fr": "Canal", "en": "Channel"},
    "plan_sheet.scenarios.col.channel.help": {
        "fr": "Un canal de l'onglet Canaux (liste).",
        "en": "A channel of the Channels sheet (list).",
    },
    "plan_sheet.scenarios.col.delay": {"fr": "Délai (jours)", "en": "Delay (days)"},
    "plan_sheet.scenarios.col.delay.help": {
        "fr": "Jours entre le déclencheur et l'envoi, >= 0 (vide = 0).",
        "en": "Days between the trigger and the send, >= 0 (empty = 0).",
    },
    "plan_sheet.scenarios.col.cap": {
        "fr": "Plafond de fréquence (jours)",
        "en": "Frequency cap (days)",
    },
    "plan_sheet.scenarios.col.cap.help": {
        "fr": "Au plus un message par contact tous les N jours (vide = pas de plafond).",
        "en": "At most one message per contact every N days (empty = no cap).",
    },
    "plan_sheet.scenarios.col.monthly_rate": {
        "fr": "Messages par contact par mois",
        "en": "Messages per contact per month",
    },
    "plan_sheet.scenarios.col.monthly_rate.help": {
        "fr": "Estimation avant plafond (1/12 pour un message par an). Vide = le scénario n'entre pas dans le calcul de la pression.",
        "en": "Estimate before the cap (1/12 for one message a year). Empty = the scenario is left out of the pressure computation.",
    },
    "plan_sheet.scenarios.col.segment": {"fr": "Segment", "en": "Segment"},
    "plan_sheet.scenarios.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » ; vide = le segment du programme.",
        "en": "A segment of the Segments sheet, or 'all'; empty = the programme's segment.",
    },
    "plan_sheet.scenarios.col.touchpoints": {
        "fr": "Points de contact traités",
        "en": "Touchpoints addressed",
    },
    "plan_sheet.scenarios.col.touchpoints.help": {
        "fr": "Les ID des points de contact traités, séparés par des virgules.",
        "en": "The IDs of the touchpoints addressed, separated by commas.",
    },
    "plan_sheet.campaigns.sheet_title": {
        "fr": "Calendrier des campagnes",
        "en": "Campaign calendar",
    },
    "plan_sheet.campaigns.sheet_intro": {
        "fr": "Une ligne par envoi ponctuel d'un programme : un message à chaque contact du segment, à la date donnée. Le calendrier sert au calcul de la pression marketing par segment, par semaine et par mois.",
        "en": "One line per one-off send of a programme: one message to every contact of the segment, on the date given. The calendar feeds the marketing pressure per segment, per week and per month.",
    },
    "plan_sheet.campaigns.col.campaign": {"fr": "Campagne", "en": "Campaign"},
    "plan_sheet.campaigns.col.campaign.help": {
        "fr": "Nom de la campagne (ex. Soldes d'hiver).",
        "en": "Name of the campaign (e.g. Winter sale).",
    },
    "plan_sheet.campaigns.col.programme": {"fr": "Programme", "en": "Programme"},
    "plan_sheet.campaigns.col.programme.help": {
        "fr": "Un programme de l'onglet Programmes (liste).",
        "en": "A programme of the Programmes sheet (list).",
    },
    "plan_sheet.campaigns.col.date": {"fr": "Date", "en": "Date"},
    "plan_sheet.campaigns.col.date.help": {
        "fr": "Date d'envoi (JJ/MM/AAAA).",
        "en": "Send date (DD/MM/YYYY).",
    },
    "plan_sheet.campaigns.col.segment": {"fr": "Segment", "en": "Segment"},
    "plan_sheet.campaigns.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » (vide = tous).",
        "en": "A segment of the Segments sheet, or 'all' (empty = all).",
    },
    "plan_sheet.campaigns.col.channel": {"fr": "Canal", "en": "Channel"},
    "plan_sheet.campaigns.col.channel.help": {
        "fr": "Un canal de l'onglet Canaux (liste).",
        "en": "A channel of the Channels sheet (list).",
    },
    "plan_sheet.campaigns.col.touchpoints": {
        "fr": "Points de contact traités",
        "en": "Touchpoints addressed",
    },
    "plan_sheet.campaigns.col.touchpoints.help": {
        "fr": "Les ID des points de contact traités, séparés par des virgules.",
        "en": "The IDs of the touchpoints addressed, separated by commas.",
    },
    "plan_sheet.conventions.sheet_title": {
        "fr": "Conventions internes",
        "en": "Internal conventions",
    },
    "plan_sheet.conventions.sheet_intro": {
        "fr": "Le vocabulaire commun (client actif, client inactif ; entre les deux : client à risque), puis trois tableaux : la pression marketing maximale par segment, la règle de consentement de chaque canal (RGPD) et l'adresse d'expédition et l'IP de chaque famille de communication.",
        "en": "The shared vocabulary (active client, inactive client; in between: client at risk), then three tables: the marketing-pressure caps per segment, the consent rule of each channel (GDPR) and the sender address and IP of each communication family.",
    },
    "plan_sheet.conventions.active_months": {
        "fr": "Client actif : achat depuis moins de (mois)",
        "en": "Active client: bought within (months)",
    },
    "plan_sheet.conventions.active_months.help": {
        "fr": "Un client est actif s'il a acheté dans les N derniers mois (nombre entier).",
        "en": "A client is active when they bought in the last N months (a whole number).",
    },
    "plan_sheet.conventions.inactive_months": {
        "fr": "Client inactif : aucun achat depuis (mois)",
        "en": "Inactive client: no purchase for (months)",
    },
    "plan_sheet.conventions.inactive_months.help": {
        "fr": "Un client est inactif après N mois sans achat (nombre entier, au moins celui du client actif).",
        "en": "A client is inactive after N months without a purchase (a whole number, at least the active one's).",
    },
    "plan_sheet.conventions.caps_title": {
        "fr": "Pression marketing maximale",
        "en": "Marketing-pressure caps",
    },
    "plan_sheet.conventions.opt_in_title": {
        "fr": "Règles de consentement (opt-in)",
        "en": "Opt-in rules",
    },
    "plan_sheet.conventions.senders_title": {
        "fr": "Expéditeurs par famille de communication",
        "en": "Senders per communication family",
    },
    "plan_sheet.caps.col.segment": {"fr": "Segment", "en": "Segment"},
    "plan_sheet.caps.col.segment.help": {
        "fr": "Un segment de l'onglet Segments, ou « tous » : le plafond de tout segment sans plafond propre.",
        "en": "A segment of the Segments sheet, or 'all': the cap of every segment without its own.",
    },
    "plan_sheet.caps.col.per_week": {"fr": "Max. par semaine", "en": "Max per week"},
    "plan_sheet.caps.col.per_week.help": {
        "fr": "Messages par contact et par semaine, au plus (vide = pas de plafond).",
        "en": "Messages per contact per week, at most (empty = no cap).",
    },
    "plan_sheet.caps.col.per_month": {"fr": "Max. par mois", "en": "Max per month"},
    "plan_sheet.caps.col.per_month.help": {
        "fr": "Messages par contact et par mois, au plus (vide = pas de plafond).",
        "en": "Messages per contact per month, at most (empty = no cap).",
    },
    "plan_sheet.opt_in.col.channel": {"fr": "Canal", "en": "Channel"},
    "plan_sheet.opt_in.col.channel.help": {
        "fr": "Un canal de l'onglet Canaux (liste), une fois.",
        "en": "A channel of the Channels sheet (list), once.",
    },
    "plan_sheet.opt_in.col.rule": {"fr": "Règle", "en": "Rule"},
    "plan_sheet.opt_in.col.rule.help": {
        "fr": "Opt-in (consentement préalable), soft opt-in (clients existants, produits analogues) ou opt-out (jusqu'à opposition) (liste).",
        "en": "Opt-in (prior consent), soft opt-in (existing customers, similar products) or opt-out (until the person objects) (list).",
    },
    "plan_sheet.opt_in.col.notes": {"fr": "Remarques", "en": "Notes"},
    "plan_sheet.opt_in.col.notes.help": {
        "fr": "Texte libre (ex. case à cocher non précochée).",
        "en": "Free text (e.g. unticked check box).",
    },
    "plan_sheet.senders.col.family": {"fr": "Famille", "en": "Family"},
    "plan_sheet.senders.col.family.help": {
        "fr": "Transactionnel, campagnes ou scénarios (liste), une fois.",
        "en": "Transactional, campaigns or scenarios (list), once.",
    },
    "plan_sheet.senders.col.address": {"fr": "Adresse d'expédition", "en": "Sender address"},
    "plan_sheet.senders.col.address.help": {
        "fr": "L'adresse e-mail d'expédition (ex. news@marque.fr).",
        "en": "The sender e-mail address (e.g. news@brand.com).",
    },
    "plan_sheet.senders.col.ip": {"fr": "IP", "en": "IP"},
    "plan_sheet.senders.col.ip.help": {
        "fr": "L'IP ou le pool d'IP d'envoi.",
        "en": "The sending IP or IP pool.",
    },
    # --- the data map sheets and the data-flow audit (crmwb.dataflow_sheets, crmwb.dataflow) -----
    "sheet.systems": {"fr": "Systèmes", "en": "Systems"},
    "sheet.flows": {"fr": "Flux", "en": "Flows"},
    "sheet.data_dictionary": {"fr": "Dictionnaire de données", "en": "Data dictionary"},
    "sheet.use_case_data": {"fr": "Données des cas d'usage", "en": "Use-case data"},
    "sheet.customer_file": {"fr": "Fichier clients", "en": "Customer file"},
    "system_type.erp": {"fr": "ERP", "en": "ERP"},
    "system_type.ecommerce": {"fr": "e-commerce", "en": "e-commerce"},
    "system_type.crm": {"fr": "CRM", "en": "CRM"},
    "system_type.emailing": {"fr": "e-mailing", "en": "e-mailing"},
    "system_type.call_centre": {"fr": "centre d'appels", "en": "call centre"},
    "system_type.spreadsheet": {"fr": "tableur", "en": "spreadsheet"},
    "system_type.other": {"fr": "autre", "en": "other"},
    "system_role.source": {"fr": "source", "en": "source"},
    "system_role.hub": {"fr": "pivot", "en": "hub"},
    "system_role.activation": {"fr": "activation", "en": "activation"},
    "flow_frequency.real_time": {"fr": "temps réel", "en": "real time"},
    "flow_frequency.hourly": {"fr": "toutes les heures", "en": "hourly"},
    "flow_frequency.daily": {"fr": "quotidienne", "en": "daily"},
    "flow_frequency.weekly": {"fr": "hebdomadaire", "en": "weekly"},
    "flow_frequency.monthly": {"fr": "mensuelle", "en": "monthly"},
    "flow_frequency.on_demand": {"fr": "à la demande", "en": "on demand"},
    "flow_method.api": {"fr": "API", "en": "API"},
    "flow_method.file": {"fr": "fichier", "en": "file"},
    "flow_method.etl": {"fr": "ETL", "en": "ETL"},
    "flow_method.manual": {"fr": "manuel", "en": "manual"},
    "legal_basis.consent": {"fr": "consentement", "en": "consent"},
    "legal_basis.contract": {"fr": "contrat", "en": "contract"},
    "legal_basis.legal_obligation": {"fr": "obligation légale", "en": "legal obligation"},
    "legal_basis.vital_interests": {"fr": "intérêts vitaux", "en": "vital interests"},
    "legal_basis.public_task": {"fr": "mission d'intérêt public", "en": "public task"},
    "legal_basis.legitimate_interests": {"fr": "intérêt légitime", "en": "legitimate interests"},
    "customer_role.record_id": {"fr": "Identifiant client", "en": "Customer ID"},
    "customer_role.record_id.help": {
        "fr": "L'identifiant unique du client dans le fichier (numéro de compte, de carte...).",
        "en": "The customer's unique identifier in the file (account or card number...).",
    },
    "customer_role.email": {"fr": "E-mail", "en": "E-mail"},
    "customer_role.email.help": {"fr": "L'adresse e-mail.", "en": "The e-mail address."},
    "customer_role.phone": {"fr": "Téléphone", "en": "Phone"},
    "customer_role.phone.help": {
        "fr": "Le numéro de téléphone (fixe ou mobile).",
        "en": "The phone number (landline or mobile).",
    },
    "customer_role.first_name": {"fr": "Prénom", "en": "First name"},
    "customer_role.first_name.help": {"fr": "Le prénom.", "en": "The first name."},
    "customer_role.last_name": {"fr": "Nom", "en": "Last name"},
    "customer_role.last_name.help": {"fr": "Le nom de famille.", "en": "The family name."},
    "customer_role.postcode": {"fr": "Code postal", "en": "Postcode"},
    "customer_role.postcode.help": {
        "fr": "Le code postal de l'adresse.",
        "en": "The postcode of the address.",
    },
    "customer_role.city": {"fr": "Ville", "en": "City"},
    "customer_role.city.help": {"fr": "La ville de l'adresse.", "en": "The city of the address."},
    "customer_role.country": {"fr": "Pays de l'adresse", "en": "Country of the address"},
    "customer_role.country.help": {
        "fr": "Le pays de l'adresse (vide : le pays par défaut ci-dessus).",
        "en": "The country of the address (empty: the default country above).",
    },
    "customer_role.last_activity": {"fr": "Date de dernière activité", "en": "Last activity date"},
    "customer_role.last_activity.help": {
        "fr": "La date du dernier achat, de la dernière visite ou du dernier contact : sert à mesurer la fraîcheur de la base.",
        "en": "The date of the last purchase, visit or contact: measures how fresh the base is.",
    },
    "customer_role.opt_in": {"fr": "Consentement (opt-in)", "en": "Consent (opt-in)"},
    "customer_role.opt_in.help": {
        "fr": "Le consentement à recevoir des communications commerciales (oui / non, ou une date).",
        "en": "Consent to receive marketing (yes / no, or a date).",
    },
    "customer_role.undeliverable": {"fr": "NPAI / adresse invalide", "en": "Undeliverable"},
    "customer_role.undeliverable.help": {
        "fr": "L'indicateur d'adresse invalide : NPAI (n'habite pas à l'adresse indiquée) ou e-mail en erreur.",
        "en": "The undeliverable flag: returned mail or a bounced e-mail.",
    },
    "dataflow_sheet.systems.sheet_title": {
        "fr": "Systèmes : où vivent les données clients",
        "en": "Systems: where customer data lives",
    },
    "dataflow_sheet.systems.sheet_intro": {
        "fr": "Une ligne par lieu de stockage des données : ERP, site e-commerce, CRM, outil d'e-mailing, centre d'appels, tableurs... Le rôle dit s'il crée les données (source), les consolide (pivot : CRM, entrepôt de données, CDP) ou s'en sert pour contacter les clients (activation). Les noms servent dans les onglets Flux, Dictionnaire de données et Données des cas d'usage.",
        "en": "One line per place where data is stored: ERP, e-commerce site, CRM, e-mailing tool, call centre, spreadsheets... The role says whether it creates the data (source), consolidates it (hub: CRM, data warehouse, CDP) or uses it to reach customers (activation). The names are used on the Flows, Data dictionary and Use-case data sheets.",
    },
    "dataflow_sheet.systems.col.name": {"fr": "Nom", "en": "Name"},
    "dataflow_sheet.systems.col.name.help": {
        "fr": "Nom du système, unique (ex. ERP Sage, Shopify, Brevo).",
        "en": "Name of the system, unique (e.g. Sage ERP, Shopify, Brevo).",
    },
    "dataflow_sheet.systems.col.type": {"fr": "Type", "en": "Type"},
    "dataflow_sheet.systems.col.type.help": {
        "fr": "ERP, e-commerce, CRM, e-mailing, centre d'appels, tableur ou autre (liste ; vide = autre).",
        "en": "ERP, e-commerce, CRM, e-mailing, call centre, spreadsheet or other (list; empty = other).",
    },
    "dataflow_sheet.systems.col.role": {"fr": "Rôle", "en": "Role"},
    "dataflow_sheet.systems.col.role.help": {
        "fr": "Source (crée les données), pivot (les consolide) ou activation (contacte les clients) (liste).",
        "en": "Source (creates the data), hub (consolidates it) or activation (reaches customers) (list).",
    },
    "dataflow_sheet.systems.col.owner": {"fr": "Responsable", "en": "Owner"},
    "dataflow_sheet.systems.col.owner.help": {
        "fr": "L'équipe ou la personne qui répond du système et de ses données.",
        "en": "The team or person who answers for the system and its data.",
    },
    "dataflow_sheet.systems.col.personal_data": {
        "fr": "Données personnelles",
        "en": "Hosts personal data",
    },
    "dataflow_sheet.systems.col.personal_data.help": {
        "fr": "Oui si le système héberge des données personnelles (liste ; vide = non).",
        "en": "Yes if the system hosts personal data (list; empty = no).",
    },
    "dataflow_sheet.systems.col.location": {"fr": "Localisation", "en": "Location"},
    "dataflow_sheet.systems.col.location.help": {
        "fr": "Pays ou région d'hébergement (ex. FR, UE, US) : hors de l'UE/EEE, c'est un transfert à déclarer.",
        "en": "Country or region where it is hosted (e.g. FR, EU, US): outside the EU/EEA, it is a transfer to declare.",
    },
    "dataflow_sheet.systems.col.retention": {"fr": "Durée de conservation", "en": "Retention"},
    "dataflow_sheet.systems.col.retention.help": {
        "fr": "Combien de temps il garde les données personnelles (ex. 3 ans après le dernier achat).",
        "en": "How long it keeps personal data (e.g. 3 years after the last purchase).",
    },
    "dataflow_sheet.flows.sheet_title": {
        "fr": "Flux de données entre systèmes",
        "en": "Data flows between systems",
    },
    "dataflow_sheet.flows.sheet_intro": {
        "fr": "Une ligne par flux : d'où partent les données, où elles arrivent, lesquelles (objets séparés par des virgules ou des points-virgules), à quelle fréquence, comment et combien par envoi. Pour des données personnelles, la base légale du traitement. Un flux dans les deux sens s'écrit sur deux lignes.",
        "en": "One line per flow: where the data comes from, where it goes, which data (objects separated by commas or semicolons), how often, how and how many records a run. For personal data, the legal basis of the processing. A flow both ways takes two lines.",
    },
    "dataflow_sheet.flows.col.source": {"fr": "Source", "en": "Source"},
    "dataflow_sheet.flows.col.source.help": {
        "fr": "Le système d'où partent les données (liste de l'onglet Systèmes).",
        "en": "The system the data comes from (list of the Systems sheet).",
    },
    "dataflow_sheet.flows.col.target": {"fr": "Cible", "en": "Target"},
    "dataflow_sheet.flows.col.target.help": {
        "fr": "Le système où arrivent les données (liste de l'onglet Systèmes).",
        "en": "The system the data goes to (list of the Systems sheet).",
    },
    "dataflow_sheet.flows.col.data_objects": {"fr": "Objets de données", "en": "Data objects"},
    "dataflow_sheet.flows.col.data_objects.help": {
        "fr": "Les objets transportés (ex. clients, commandes, consentements), séparés par des virgules ou des points-virgules.",
        "en": "The data objects carried (e.g. customers, orders, consents), separated by commas or semicolons.",
    },
    "dataflow_sheet.flows.col.frequency": {"fr": "Fréquence", "en": "Frequency"},
    "dataflow_sheet.flows.col.frequency.help": {
        "fr": "Temps réel, toutes les heures, quotidienne, hebdomadaire, mensuelle ou à la demande (liste).",
        "en": "Real time, hourly, daily, weekly, monthly or on demand (list).",
    },
    "dataflow_sheet.flows.col.method": {"fr": "Méthode", "en": "Method"},
    "dataflow_sheet.flows.col.method.help": {
        "fr": "API, fichier, ETL ou manuel (liste). Un flux manuel est fragile : export, copier-coller, ressaisie.",
        "en": "API, file, ETL or manual (list). A manual flow is fragile: exports, copy and paste, typing again.",
    },
    "dataflow_sheet.flows.col.volume": {"fr": "Volume par envoi", "en": "Volume per run"},
    "dataflow_sheet.flows.col.volume.help": {
        "fr": "Nombre d'enregistrements par envoi : un nombre entier (vide = inconnu).",
        "en": "Number of records a run: a whole number (empty = unknown).",
    },
    "dataflow_sheet.flows.col.personal_data": {"fr": "Données personnelles", "en": "Personal data"},
    "dataflow_sheet.flows.col.personal_data.help": {
        "fr": "Oui si le flux transporte des données personnelles (liste ; vide = non).",
        "en": "Yes if the flow carries personal data (list; empty = no).",
    },
    "dataflow_sheet.flows.col.legal_basis": {"fr": "Base légale", "en": "Legal basis"},
    "dataflow_sheet.flows.col.legal_basis.help": {
        "fr": "Consentement, contrat, obligation légale, intérêts vitaux, mission d'intérêt public ou intérêt légitime (RGPD art. 6 ; vide = non précisée).",
        "en": "Consent, contract, legal obligation, vital interests, public task or legitimate interests (GDPR art. 6; empty = not stated).",
    },
    "dataflow_sheet.dictionary.sheet_title": {
        "fr": "Dictionnaire de données",
        "en": "Data dictionary",
    },
    "dataflow_sheet.dictionary.sheet_intro": {
        "fr": "Une ligne par champ d'un système : ce qu'il veut dire, l'objet de données auquel il appartient (ex. clients, commandes), s'il est personnel, et sensible (santé, opinions, origine... : RGPD art. 9). Un système détient un objet dès qu'un de ses champs lui appartient.",
        "en": "One line per field of a system: what it means, the data object it belongs to (e.g. customers, orders), whether it is personal, and sensitive (health, opinions, origin...: GDPR art. 9). A system holds a data object as soon as one of its fields belongs to it.",
    },
    "dataflow_sheet.dictionary.col.system": {"fr": "Système", "en": "System"},
    "dataflow_sheet.dictionary.col.system.help": {
        "fr": "Le système qui détient le champ (liste de l'onglet Systèmes).",
        "en": "The system holding the field (list of the Systems sheet).",
    },
    "dataflow_sheet.dictionary.col.field": {"fr": "Champ", "en": "Field"},
    "dataflow_sheet.dictionary.col.field.help": {
        "fr": "Le nom du champ, unique dans son système (ex. email, date_naissance).",
        "en": "The field's name, unique in its system (e.g. email, birth_date).",
    },
    "dataflow_sheet.dictionary.col.meaning": {"fr": "Signification", "en": "Meaning"},
    "dataflow_sheet.dictionary.col.meaning.help": {
        "fr": "Ce que contient le champ (texte libre).",
        "en": "What the field holds (free text).",
    },
    "dataflow_sheet.dictionary.col.data_object": {"fr": "Objet de données", "en": "Data object"},
    "dataflow_sheet.dictionary.col.data_object.help": {
        "fr": "L'objet auquel appartient le champ, écrit comme dans les onglets Flux et Données des cas d'usage.",
        "en": "The object the field belongs to, written as on the Flows and Use-case data sheets.",
    },
    "dataflow_sheet.dictionary.col.personal": {"fr": "Personnel", "en": "Personal"},
    "dataflow_sheet.dictionary.col.personal.help": {
        "fr": "Oui si le champ est une donnée personnelle (liste ; vide = non, oui s'il est sensible).",
        "en": "Yes if the field is personal data (list; empty = no, yes if sensitive).",
    },
    "dataflow_sheet.dictionary.col.sensitive": {"fr": "Sensible", "en": "Sensitive"},
    "dataflow_sheet.dictionary.col.sensitive.help": {
        "fr": "Oui pour une donnée sensible (RGPD art. 9 : santé, opinions, origine...) (liste ; vide = non).",
        "en": "Yes for sensitive data (GDPR art. 9: health, opinions, origin...) (list; empty = no).",
    },
    "dataflow_sheet.use_cases.sheet_title": {
        "fr": "Données nécessaires aux cas d'usage",
        "en": "Data needed by the use cases",
    },
    "dataflow_sheet.use_cases.sheet_intro": {
        "fr": "Une ligne par cas d'usage CRM (issu du plan relationnel) : les objets de données dont il a besoin et le système qui l'exécute. L'audit en déduit les données manquantes, les flux inutiles et les points de défaillance. À ne pas confondre avec l'onglet Cas d'usage, qui note les éditeurs.",
        "en": "One line per CRM use case (from the relationship plan): the data objects it needs and the system that runs it. The audit works out the missing data, the useless flows and the single points of failure from them. Not the Use cases sheet, which scores vendors.",
    },
    "dataflow_sheet.use_cases.col.use_case": {"fr": "Cas d'usage", "en": "Use case"},
    "dataflow_sheet.use_cases.col.use_case.help": {
        "fr": "Nom du cas d'usage, unique (ex. Relance panier abandonné).",
        "en": "Name of the use case, unique (e.g. Abandoned-basket reminder).",
    },
    "dataflow_sheet.use_cases.col.programme": {"fr": "Programme", "en": "Programme"},
    "dataflow_sheet.use_cases.col.programme.help": {
        "fr": "Le programme du plan relationnel qu'il sert (liste de l'onglet Programmes, ou texte libre).",
        "en": "The relationship plan's programme it serves (list of the Programmes sheet, or free text).",
    },
    "dataflow_sheet.use_cases.col.data_objects": {
        "fr": "Objets de données requis",
        "en": "Data objects required",
    },
    "dataflow_sheet.use_cases.col.data_objects.help": {
        "fr": "Les objets de données dont il a besoin, séparés par des virgules ou des points-virgules.",
        "en": "The data objects it needs, separated by commas or semicolons.",
    },
    "dataflow_sheet.use_cases.col.system": {"fr": "Système", "en": "System"},
    "dataflow_sheet.use_cases.col.system.help": {
        "fr": "Le système qui l'exécute (liste de l'onglet Systèmes ; vide = n'importe quel système d'activation).",
        "en": "The system that runs it (list of the Systems sheet; empty = any activation system).",
    },
    "dataflow_sheet.customer_file.sheet_title": {
        "fr": "Fichier clients à auditer",
        "en": "Customer file to audit",
    },
    "dataflow_sheet.customer_file.sheet_intro": {
        "fr": "Où se trouve l'extraction de la base clients et comment la lire : le fichier (CSV ou XLSX) dans le dossier du client, puis, pour chaque rôle, le nom de la colonne correspondante dans le fichier du client, tel qu'il est écrit. Un rôle sans colonne est ignoré.",
        "en": "Where the extract of the customer base is and how to read it: the file (CSV or XLSX) in the client's folder, then, for each role, the name of the matching column in the client's file, as written there. A role with no column is left out.",
    },
    "dataflow_sheet.customer_file.file": {"fr": "Fichier", "en": "File"},
    "dataflow_sheet.customer_file.file.help": {
        "fr": "Chemin du fichier depuis le dossier du client (ex. clients.csv).",
        "en": "Path of the file from the client's folder (e.g. customers.csv).",
    },
    "dataflow_sheet.customer_file.sheet": {"fr": "Onglet", "en": "Sheet"},
    "dataflow_sheet.customer_file.sheet.help": {
        "fr": "Pour un fichier XLSX : l'onglet à lire (vide = le premier).",
        "en": "For an XLSX file: the sheet to read (empty = the first one).",
    },
    "dataflow_sheet.customer_file.country": {"fr": "Pays par défaut", "en": "Default country"},
    "dataflow_sheet.customer_file.country.help": {
        "fr": "Code ISO du pays des adresses et téléphones sans pays (ex. FR, BE ; vide = FR).",
        "en": "ISO code of the country of addresses and phone numbers without one (e.g. FR, BE; empty = FR).",
    },
    "dataflow_sheet.customer_file.reference_date": {
        "fr": "Date de référence",
        "en": "Reference date",
    },
    "dataflow_sheet.customer_file.reference_date.help": {
        "fr": "La date à partir de laquelle l'ancienneté est comptée (vide = aujourd'hui).",
        "en": "The date ages are counted from (empty = today).",
    },
    "dataflow_sheet.customer_file.col.role": {"fr": "Rôle", "en": "Role"},
    "dataflow_sheet.customer_file.col.role.help": {
        "fr": "Ce que contient la colonne (liste).",
        "en": "What the column holds (list).",
    },
    "dataflow_sheet.customer_file.col.column": {"fr": "Colonne du client", "en": "Client's column"},
    "dataflow_sheet.customer_file.col.column.help": {
        "fr": "Le nom de la colonne dans le fichier du client, tel qu'il est écrit (vide = absente).",
        "en": "The column's name in the client's file, as written there (empty = none).",
    },
    "dataflow_sheet.customer_file.col.description": {"fr": "Description", "en": "Description"},
    "dataflow_sheet.customer_file.col.description.help": {
        "fr": "Ce qu'on attend dans cette colonne.",
        "en": "What this column should hold.",
    },
    "dataflow.finding.use_case_missing_data": {
        "fr": "Il manque des données au cas d'usage « {subject} » : aucun flux n'apporte {objects} à {system}, qui ne les détient pas lui-même (dictionnaire de données).",
        "en": "Use case '{subject}' lacks data: no flow brings {objects} to {system}, which does not hold them itself (data dictionary).",
    },
    "dataflow.finding.use_case_fed_by_hand": {
        "fr": "Le cas d'usage « {subject} » ne reçoit {objects} que par des flux manuels : chaque chemin qui les apporte à {system} passe par une opération manuelle. Automatisez-la, ou chiffrez la charge et le risque d'erreur.",
        "en": "Use case '{subject}' only gets {objects} through manual flows: every path bringing them to {system} goes through a manual step. Automate it, or budget the workload and the risk of errors.",
    },
    "dataflow.finding.flow_serves_no_use_case": {
        "fr": "Le flux « {subject} » ({objects}) ne sert aucun cas d'usage : c'est un candidat à la suppression, sauf besoin non recensé.",
        "en": "Flow '{subject}' ({objects}) serves no use case: it is a candidate for removal, unless a need was left out.",
    },
    "dataflow.finding.single_point_of_failure": {
        "fr": "Le système « {subject} » est un point de défaillance unique : sans lui, la cartographie se coupe en morceaux, et il est sur le chemin des données de {use_cases}. Prévoyez un plan de continuité ou un flux de secours.",
        "en": "System '{subject}' is a single point of failure: without it the map falls apart, and it lies on the way of the data of {use_cases}. Plan for continuity or a fallback flow.",
    },
    "dataflow.finding.only_source": {
        "fr": "Le système « {subject} » est la seule source de {objects}, nécessaires à {use_cases} : leur qualité et leur disponibilité dépendent de lui seul.",
        "en": "System '{subject}' is the only source of {objects}, needed by {use_cases}: their quality and availability depend on it alone.",
    },
    "dataflow.finding.personal_flow_without_legal_basis": {
        "fr": "Le flux « {subject} » transporte des données personnelles ({objects}) sans base légale : précisez-la (RGPD art. 6 : consentement, contrat, intérêt légitime...).",
        "en": "Flow '{subject}' carries personal data ({objects}) with no legal basis: state it (GDPR art. 6: consent, contract, legitimate interests...).",
    },
    "dataflow.finding.personal_data_without_owner": {
        "fr": "Le système « {subject} » héberge des données personnelles ({reasons}) mais n'a pas de responsable : désignez qui en répond.",
        "en": "System '{subject}' hosts personal data ({reasons}) but has no owner: name who answers for it.",
    },
    "dataflow.finding.collection_point_not_in_map": {
        "fr": "Le point de collecte du point de contact « {subject} » ({collection_point}) n'est pas un système de la cartographie : ajoutez-le à l'onglet Systèmes, ou écrivez son nom comme dans cet onglet.",
        "en": "The collection point of touchpoint '{subject}' ({collection_point}) is not a system of the data map: add it to the Systems sheet, or write its name as on that sheet.",
    },
    "dataflow.finding.no_collection_point": {
        "fr": "Le point de contact « {subject} » collecte des données ({data}) sans dire où : indiquez son point de collecte.",
        "en": "Touchpoint '{subject}' collects data ({data}) but does not say where: give it a collection point.",
    },
    "dataflow.finding.an_activation_system": {
        "fr": "un système d'activation",
        "en": "an activation system",
    },
    "dataflow.finding.no_object": {
        "fr": "aucun objet de données déclaré",
        "en": "no data object stated",
    },
    "dataflow.reason.flag": {
        "fr": "déclaré dans l'onglet Systèmes",
        "en": "flagged on the Systems sheet",
    },
    "dataflow.reason.fields": {
        "fr": "champs personnels au dictionnaire",
        "en": "personal fields in the dictionary",
    },
    "dataflow.reason.flows": {"fr": "flux de données personnelles", "en": "personal-data flows"},
    "dataflow.register.field.purposes": {"fr": "Finalités", "en": "Purposes"},
    "dataflow.register.field.people": {
        "fr": "Catégories de personnes",
        "en": "Categories of people",
    },
    "dataflow.register.field.categories": {
        "fr": "Catégories de données",
        "en": "Categories of data",
    },
    "dataflow.register.field.recipients": {"fr": "Destinataires", "en": "Recipients"},
    "dataflow.register.field.transfers": {
        "fr": "Transferts hors UE",
        "en": "Transfers outside the EU",
    },
    "dataflow.register.field.retention": {
        "fr": "Durées de conservation",
        "en": "Retention periods",
    },
    "dataflow.register.field.security": {"fr": "Mesures de sécurité", "en": "Security measures"},
    "dataflow.register.field.legal_basis": {"fr": "Base légale", "en": "Legal basis"},
    "dataflow.register.people.customers": {"fr": "clients", "en": "customers"},
    "dataflow.register.people.prospects": {"fr": "prospects", "en": "prospects"},
    "dataflow.register.security_to_complete": {
        "fr": "À compléter par le DPO",
        "en": "To be completed by the DPO",
    },
    "dataflow.register.to_complete": {"fr": "à compléter", "en": "to complete"},
    "dataflow.register.to_confirm": {"fr": "à confirmer", "en": "to be confirmed"},
    "dataflow.register.sensitive": {
        "fr": "sensible (RGPD art. 9)",
        "en": "sensitive (GDPR art. 9)",
    },
    "dataflow.register.unknown_location": {"fr": "localisation inconnue", "en": "location unknown"},
    # --- the project plan (crmwb.planning, crmwb.project_charts) ---------------------------
    "planning.phase.relationship_plan": {
        "fr": "Plan marketing relationnel",
        "en": "Relationship marketing plan",
    },
    "planning.phase.software_choice": {"fr": "Choix du logiciel CRM", "en": "CRM software choice"},
    "planning.phase.data_flows": {"fr": "Flux de données", "en": "Data flows"},
    "planning.phase.software_setup": {"fr": "Paramétrage du logiciel", "en": "Software set-up"},
    "planning.phase.use_cases_batch_1": {
        "fr": "Cas d'usage – lot 1",
        "en": "Use cases – batch 1",
    },
    "planning.phase.use_cases_batch_2": {
        "fr": "Cas d'usage – lot 2",
        "en": "Use cases – batch 2",
    },
    "planning.batch": {"fr": "Lot {n}", "en": "Batch {n}"},
    "planning.batch.none": {"fr": "Socle commun", "en": "Common foundation"},
    "planning.gantt.critical": {"fr": "Chemin critique", "en": "Critical path"},
    "planning.gantt.slack": {"fr": "Marge", "en": "Slack"},
    "planning.gantt.copil": {
        "fr": "Comité de pilotage (trimestriel)",
        "en": "Steering committee (quarterly)",
    },
    "planning.gantt.ops": {
        "fr": "Point opérationnel (toutes les 2 semaines)",
        "en": "Operational point (every 2 weeks)",
    },
    "planning.gantt.copil_row": {"fr": "Comités de pilotage", "en": "Steering committees"},
    "planning.gantt.ops_row": {"fr": "Points opérationnels", "en": "Operational points"},
    "planning.gantt.today": {"fr": "Aujourd'hui", "en": "Today"},
    "planning.gantt.days": {"fr": "{n} j", "en": "{n} d"},
    "planning.checklist.title": {"fr": "Étapes du déploiement", "en": "Deployment checklist"},
    "planning.step.1": {
        "fr": "Analyser la situation actuelle de l'entreprise (problématiques, logiciels existants)",
        "en": "Analyse the company's current situation (issues, existing software)",
    },
    "planning.step.2": {
        "fr": "Définir le but et le périmètre exact du projet dans un ordre de mission écrit ; "
        "nommer les responsables du projet et les membres du groupe de travail",
        "en": "Set the project's goal and exact scope in a written mission statement; "
        "appoint the project owners and the members of the working group",
    },
    "planning.step.3": {
        "fr": "Étudier les besoins auprès des opérationnels",
        "en": "Study the needs with the operational staff",
    },
    "planning.step.4": {
        "fr": "Analyser les logiciels du marché et retenir une liste courte de 3 ou 4 solutions",
        "en": "Scan the software on the market and shortlist 3 or 4 solutions",
    },
    "planning.step.5": {
        "fr": "Recevoir les propositions en réponse aux demandes de devis et appels d'offres",
        "en": "Receive the proposals in answer to the requests for quotes and calls for tenders",
    },
    "planning.step.6": {
        "fr": "Reformuler les besoins pour vérifier qu'ils correspondent bien aux objectifs",
        "en": "Restate the needs to check that they match the objectives",
    },
    "planning.step.7": {
        "fr": "Choisir la solution et obtenir du prestataire un planning de mise en place",
        "en": "Choose the solution, with the provider's set-up schedule",
    },
    "planning.step.8": {
        "fr": "Faire tester la solution par un échantillon d'utilisateurs (bêta-testeurs)",
        "en": "Have a sample of users test the solution (beta testers)",
    },
    "planning.step.9": {
        "fr": "Informer toute l'organisation de l'avancement du projet",
        "en": "Keep the whole organisation informed of the project's progress",
    },
    "planning.step.10": {
        "fr": "Faire finaliser le projet par le prestataire",
        "en": "Have the provider finish the project",
    },
    "planning.step.11": {
        "fr": "Présenter le projet aux salariés de l'entreprise",
        "en": "Present the project to the company's staff",
    },
    "planning.step.12": {"fr": "Former les utilisateurs", "en": "Train the users"},
    "planning.step.13": {"fr": "Mettre en service la solution CRM", "en": "Go live with the CRM"},
    "planning.step.14": {
        "fr": "Faire le bilan du projet un mois après la mise en service",
        "en": "Review the project one month after go-live",
    },
    "planning.step.15": {"fr": "Optimiser la solution", "en": "Optimise the solution"},
    "planning.step.16": {
        "fr": "Organiser une formation de perfectionnement 1 à 2 mois après la mise en service",
        "en": "Run an advanced training course 1 to 2 months after go-live",
    },
    "planning.step.17": {
        "fr": "Optimiser de nouveau la solution",
        "en": "Optimise the solution again",
    },
    # --- the project plan and governance sheets (crmwb.project_sheets) ---------------------
    "sheet.project_plan": {"fr": "Planning projet", "en": "Project plan"},
    "sheet.checklist": {"fr": "Check-list de déploiement", "en": "Checklist"},
    "sheet.raci": {"fr": "RACI", "en": "RACI"},
    "sheet.kpi_tracking": {"fr": "Suivi des KPI", "en": "KPI tracking"},
    "sheet.actions": {"fr": "Actions", "en": "Actions"},
    "sheet.adoption": {"fr": "Adoption", "en": "Adoption"},
    "duration_unit.days": {"fr": "jours", "en": "days"},
    "duration_unit.weeks": {"fr": "semaines", "en": "weeks"},
    "duration_unit.months": {"fr": "mois", "en": "months"},
    "step_status.to_do": {"fr": "à faire", "en": "to do"},
    "step_status.in_progress": {"fr": "en cours", "en": "in progress"},
    "step_status.done": {"fr": "fait", "en": "done"},
    "kpi_kind.business": {"fr": "métier", "en": "business"},
    "kpi_kind.operational": {"fr": "opérationnel", "en": "operational"},
    "kpi_direction.higher": {"fr": "plus = mieux", "en": "higher is better"},
    "kpi_direction.lower": {"fr": "moins = mieux", "en": "lower is better"},
    "action_status.planned": {"fr": "prévu", "en": "planned"},
    "action_status.in_place": {"fr": "en place", "en": "in place"},
    "action_status.done": {"fr": "fait", "en": "done"},
    "project_sheet.plan.sheet_title": {"fr": "Planning du projet CRM", "en": "CRM project plan"},
    "project_sheet.plan.sheet_intro": {
        "fr": "Une ligne par phase du déploiement : sa durée et les phases qui doivent être terminées avant qu'elle commence. Le tableau part du planning type (plan relationnel 1,5 mois, choix du logiciel 3,5 mois, flux de données 1,5 mois en parallèle, paramétrage 2 mois, lot 1 2 mois, lot 2 2 semaines) : ajustez les durées, renommez, ajoutez ou supprimez des phases. Le nom d'une phase, tel qu'il est écrit, sert dans la colonne « Dépend de ». Les durées sont en jours calendaires : une semaine fait 7 jours, un mois 30,4375 jours, arrondis au jour.",
        "en": "One line per phase of the deployment: its duration and the phases that must be finished before it starts. The table starts from the typical plan (relationship plan 1.5 months, software choice 3.5 months, data flows 1.5 months alongside, set-up 2 months, batch 1 2 months, batch 2 2 weeks): adjust the durations, rename, add or delete phases. A phase's name, as written, is what the Depends on column refers to. Durations are in calendar days: a week is 7 days, a month 30.4375 days, rounded to the day.",
    },
    "project_sheet.plan.start": {"fr": "Date de début", "en": "Start date"},
    "project_sheet.plan.start.help": {
        "fr": "Le premier jour du projet (obligatoire) : les phases qui ne dépendent d'aucune autre commencent ce jour-là.",
        "en": "The project's first day (required): the phases that depend on no other start that day.",
    },
    "project_sheet.plan.as_of": {"fr": "Date de référence", "en": "Reference date"},
    "project_sheet.plan.as_of.help": {
        "fr": "La date « à ce jour » du suivi (vide = aujourd'hui) : les retards des actions sont comptés à cette date.",
        "en": "The 'as of' date of the follow-up (empty = today): late actions are counted on that date.",
    },
    "project_sheet.plan.col.phase": {"fr": "Phase", "en": "Phase"},
    "project_sheet.plan.col.phase.help": {
        "fr": "Le nom de la phase, unique (ex. Choix du logiciel CRM).",
        "en": "The phase's name, unique (e.g. CRM software choice).",
    },
    "project_sheet.plan.col.duration": {"fr": "Durée", "en": "Duration"},
    "project_sheet.plan.col.duration.help": {
        "fr": "Un nombre supérieur à 0, dans l'unité de la colonne suivante (ex. 1,5 mois).",
        "en": "A number above 0, in the unit of the next column (e.g. 1.5 months).",
    },
    "project_sheet.plan.col.unit": {"fr": "Unité", "en": "Unit"},
    "project_sheet.plan.col.unit.help": {
        "fr": "Jours, semaines ou mois (liste ; vide = jours).",
        "en": "Days, weeks or months (list; empty = days).",
    },
    "project_sheet.plan.col.depends_on": {"fr": "Dépend de", "en": "Depends on"},
    "project_sheet.plan.col.depends_on.help": {
        "fr": "Les phases à terminer avant celle-ci, séparées par des virgules ou des points-virgules (vide = elle commence à la date de début).",
        "en": "The phases to finish before this one, separated by commas or semicolons (empty = it starts on the start date).",
    },
    "project_sheet.plan.col.batch": {"fr": "Lot", "en": "Batch"},
    "project_sheet.plan.col.batch.help": {
        "fr": "Le lot que la phase livre : 1, 2... (vide = socle commun).",
        "en": "The batch the phase delivers: 1, 2... (empty = common foundation).",
    },
    "project_sheet.plan.col.owner": {"fr": "Responsable", "en": "Owner"},
    "project_sheet.plan.col.owner.help": {
        "fr": "L'équipe ou la personne qui porte la phase.",
        "en": "The team or person in charge of the phase.",
    },
    "project_sheet.checklist.sheet_title": {
        "fr": "Check-list du déploiement CRM",
        "en": "CRM deployment checklist",
    },
    "project_sheet.checklist.sheet_intro": {
        "fr": "Les 17 grandes étapes de la mise en place d'un CRM, chacune rattachée à sa phase du planning type. Indiquez où en est chaque étape (à faire, en cours, fait) et sa date (celle où elle a été faite, ou celle où elle est prévue). Seules les étapes dont le statut ou la date est rempli sont lues ; ne changez pas les numéros.",
        "en": "The 17 main steps of a CRM set-up, each tied to its phase of the typical plan. Say where each step stands (to do, in progress, done) and its date (when it was done, or when it is due). Only the steps with a status or a date are read; do not change the numbers.",
    },
    "project_sheet.checklist.col.number": {"fr": "N°", "en": "No."},
    "project_sheet.checklist.col.number.help": {
        "fr": "Le numéro de l'étape, de 1 à 17.",
        "en": "The step's number, 1 to 17.",
    },
    "project_sheet.checklist.col.step": {"fr": "Étape", "en": "Step"},
    "project_sheet.checklist.col.step.help": {
        "fr": "Ce qu'il faut faire (pour information : non lu).",
        "en": "What to do (for information: not read).",
    },
    "project_sheet.checklist.col.phase": {"fr": "Phase", "en": "Phase"},
    "project_sheet.checklist.col.phase.help": {
        "fr": "La phase du planning type où se situe l'étape (pour information : non lu).",
        "en": "The phase of the typical plan the step falls in (for information: not read).",
    },
    "project_sheet.checklist.col.status": {"fr": "Statut", "en": "Status"},
    "project_sheet.checklist.col.status.help": {
        "fr": "À faire, en cours ou fait (liste ; vide = à faire).",
        "en": "To do, in progress or done (list; empty = to do).",
    },
    "project_sheet.checklist.col.date": {"fr": "Date", "en": "Date"},
    "project_sheet.checklist.col.date.help": {
        "fr": "La date où l'étape a été faite, ou celle où elle est prévue.",
        "en": "The date the step was done, or the date it is due.",
    },
    "project_sheet.raci.sheet_title": {"fr": "Matrice RACI", "en": "RACI matrix"},
    "project_sheet.raci.sheet_intro": {
        "fr": "Pour chaque tâche, le rôle de chaque équipe : R = réalise la tâche et en répond, A = approuve (valide), C = consultée, I = informée, R/A = réalise et approuve ; vide = pas impliquée. Une lettre par case (liste). Les équipes sont les colonnes après « Tâche » : renommez-les, ou ajoutez-en une (ex. Rédaction, Prestataires externes) en tapant son nom dans l'en-tête de la première colonne libre. Le tableau part de l'exemple d'une campagne e-mail menée par le Marketing.",
        "en": "For each task, each team's role: R = does the task and answers for it, A = approves it, C = consulted, I = informed, R/A = does and approves; empty = not involved. One letter per cell (list). The teams are the columns after 'Task': rename them, or add one (e.g. Editorial team, External providers) by typing its name in the header of the first free column. The table starts from the example of an e-mail campaign run by Marketing.",
    },
    "project_sheet.raci.col.group": {"fr": "Groupe", "en": "Group"},
    "project_sheet.raci.col.group.help": {
        "fr": "Le groupe de tâches (ex. Stratégie, Campagnes).",
        "en": "The group of tasks (e.g. Strategy, Campaigns).",
    },
    "project_sheet.raci.col.task": {"fr": "Tâche", "en": "Task"},
    "project_sheet.raci.col.task.help": {
        "fr": "La tâche, une par ligne.",
        "en": "The task, one per line.",
    },
    "project_sheet.raci.col.team": {"fr": "Équipe", "en": "Team"},
    "project_sheet.raci.col.team.help": {
        "fr": "R, A, C, I ou R/A (liste ; vide = pas impliquée). L'en-tête est le nom de l'équipe.",
        "en": "R, A, C, I or R/A (list; empty = not involved). The header is the team's name.",
    },
    "project_sheet.raci.add_team": {
        "fr": "Une équipe de plus ? Tapez son nom dans l'en-tête de cette colonne.",
        "en": "One more team? Type its name in this column's header.",
    },
    "project_sheet.kpis.sheet_title": {
        "fr": "Suivi des KPI : objectifs et réalisé",
        "en": "KPI tracking: targets and actuals",
    },
    "project_sheet.kpis.sheet_intro": {
        "fr": "Une ligne par KPI et par mois : l'objectif du mois et le réalisé, pour comparer le prévu au réalisé en comité de pilotage. Le mois se saisit comme une date : n'importe quel jour vaut pour son mois (le 15/03/2026 est lu comme mars 2026). Le type, l'unité et le sens se saisissent une fois par KPI (ses autres lignes peuvent les laisser vides). Chaque mois doit tomber dans le planning du projet.",
        "en": "One line per KPI and month: the month's target and actual, to compare planned and done at the steering committee. The month is entered as a date: any day stands for its month (15/03/2026 reads as March 2026). The kind, unit and direction are entered once per KPI (its other lines may leave them empty). Every month must fall within the project plan.",
    },
    "project_sheet.kpis.col.programme": {"fr": "Programme", "en": "Programme"},
    "project_sheet.kpis.col.programme.help": {
        "fr": "Le programme du KPI (liste de l'onglet Programmes, ou un autre texte).",
        "en": "The KPI's programme (list of the Programmes sheet, or other text).",
    },
    "project_sheet.kpis.col.kpi": {"fr": "KPI", "en": "KPI"},
    "project_sheet.kpis.col.kpi.help": {
        "fr": "Le nom de l'indicateur (ex. Ventes du programme de bienvenue).",
        "en": "The indicator's name (e.g. Welcome programme sales).",
    },
    "project_sheet.kpis.col.kind": {"fr": "Type", "en": "Kind"},
    "project_sheet.kpis.col.kind.help": {
        "fr": "Métier (ventes, chiffre d'affaires...) ou opérationnel (taux d'ouverture, délivrabilité...) (liste ; vide = métier).",
        "en": "Business (sales, revenue...) or operational (open rate, deliverability...) (list; empty = business).",
    },
    "project_sheet.kpis.col.unit": {"fr": "Unité", "en": "Unit"},
    "project_sheet.kpis.col.unit.help": {
        "fr": "L'unité des valeurs (ex. ventes, €, %).",
        "en": "The values' unit (e.g. sales, €, %).",
    },
    "project_sheet.kpis.col.direction": {"fr": "Sens", "en": "Direction"},
    "project_sheet.kpis.col.direction.help": {
        "fr": "Plus = mieux ou moins = mieux, comme pour un taux de désabonnement (liste ; vide = plus = mieux).",
        "en": "Higher is better, or lower is better as for an unsubscribe rate (list; empty = higher is better).",
    },
    "project_sheet.kpis.col.month": {"fr": "Mois", "en": "Month"},
    "project_sheet.kpis.col.month.help": {
        "fr": "Le mois, saisi comme une date (le 1er ou n'importe quel jour du mois).",
        "en": "The month, entered as a date (the 1st or any day of the month).",
    },
    "project_sheet.kpis.col.target": {"fr": "Objectif", "en": "Target"},
    "project_sheet.kpis.col.target.help": {
        "fr": "L'objectif du mois (vide = pas d'objectif ce mois-là).",
        "en": "The month's target (empty = no target that month).",
    },
    "project_sheet.kpis.col.actual": {"fr": "Réalisé", "en": "Actual"},
    "project_sheet.kpis.col.actual.help": {
        "fr": "Le réalisé du mois (vide = pas encore connu).",
        "en": "The month's actual (empty = not known yet).",
    },
    "project_sheet.actions.sheet_title": {
        "fr": "Actions : prévu et réalisé",
        "en": "Actions: planned and done",
    },
    "project_sheet.actions.sheet_intro": {
        "fr": "Une ligne par action du plan (campagne, scénario, tâche de mise en place) : sa date prévue, sa date de réalisation et son statut (prévu, en place, fait), comme le comité de pilotage les passe en revue. Une action prévue avant la date de référence et pas encore faite est en retard.",
        "en": "One line per action of the plan (campaign, scenario, set-up task): its planned date, its done date and its status (planned, in place, done), as the steering committee reviews them. An action planned before the reference date and not done yet is late.",
    },
    "project_sheet.actions.col.action": {"fr": "Action", "en": "Action"},
    "project_sheet.actions.col.action.help": {
        "fr": "Le nom de l'action.",
        "en": "The action's name.",
    },
    "project_sheet.actions.col.programme": {"fr": "Programme", "en": "Programme"},
    "project_sheet.actions.col.programme.help": {
        "fr": "Le programme de l'action (liste de l'onglet Programmes, ou un autre texte).",
        "en": "The action's programme (list of the Programmes sheet, or other text).",
    },
    "project_sheet.actions.col.planned": {"fr": "Date prévue", "en": "Planned date"},
    "project_sheet.actions.col.planned.help": {
        "fr": "La date à laquelle l'action est prévue.",
        "en": "The date the action is planned for.",
    },
    "project_sheet.actions.col.done": {"fr": "Date de réalisation", "en": "Done date"},
    "project_sheet.actions.col.done.help": {
        "fr": "La date où elle a été faite (vide = pas encore faite).",
        "en": "The date it was done (empty = not done yet).",
    },
    "project_sheet.actions.col.status": {"fr": "Statut", "en": "Status"},
    "project_sheet.actions.col.status.help": {
        "fr": "Prévu, en place ou fait (liste ; vide = fait s'il y a une date de réalisation, prévu sinon). « Fait » va avec une date de réalisation.",
        "en": "Planned, in place or done (list; empty = done when there is a done date, planned otherwise). 'Done' goes with a done date.",
    },
    "project_sheet.adoption.sheet_title": {"fr": "Adoption de l'outil", "en": "Tool adoption"},
    "project_sheet.adoption.sheet_intro": {
        "fr": "Une ligne par mois : les utilisateurs actifs parmi ceux qui ont une licence, puis le taux de remplissage des champs suivis, une colonne par champ. Pour suivre un autre champ, ajoutez une colonne dont l'en-tête commence par « Taux de remplissage : » suivi du nom du champ. Un taux est une part des fiches : 0,85 ou 85 %. Le mois se saisit comme une date : n'importe quel jour vaut pour son mois.",
        "en": "One line per month: the active users among those with a licence, then the fill rate of the tracked fields, one column per field. To track another field, add a column whose header starts with 'Fill rate:' followed by the field's name. A rate is a share of the records: 0.85 or 85%. The month is entered as a date: any day stands for its month.",
    },
    "project_sheet.adoption.col.month": {"fr": "Mois", "en": "Month"},
    "project_sheet.adoption.col.month.help": {
        "fr": "Le mois, saisi comme une date (le 1er ou n'importe quel jour du mois).",
        "en": "The month, entered as a date (the 1st or any day of the month).",
    },
    "project_sheet.adoption.col.active": {"fr": "Utilisateurs actifs", "en": "Active users"},
    "project_sheet.adoption.col.active.help": {
        "fr": "Les utilisateurs qui se sont servis de l'outil dans le mois.",
        "en": "The users who used the tool during the month.",
    },
    "project_sheet.adoption.col.licensed": {
        "fr": "Utilisateurs avec licence",
        "en": "Licensed users",
    },
    "project_sheet.adoption.col.licensed.help": {
        "fr": "Les utilisateurs qui disposent d'une licence (au moins 1).",
        "en": "The users who have a licence (at least 1).",
    },
    "project_sheet.adoption.col.fill_rate": {
        "fr": "Taux de remplissage : {field}",
        "en": "Fill rate: {field}",
    },
    "project_sheet.adoption.col.fill_rate.help": {
        "fr": "La part des fiches où ce champ est rempli ce mois-là (ex. 85 %). L'en-tête nomme le champ après les deux-points.",
        "en": "The share of the records where this field is filled that month (e.g. 85%). The header names the field after the colon.",
    },
    # --- batch and files ----------------------------------------------------------------
    # --- the journey and plan charts (crmwb.journey_charts) ----------------------------------
    "jc.perception.satisfaction": {"fr": "Satisfaction", "en": "Satisfaction"},
    "jc.perception.friction": {"fr": "Friction", "en": "Friction"},
    "jc.perception.disappointment": {"fr": "Déception", "en": "Disappointment"},
    "jc.legend.importance": {"fr": "Importance (de 1 à 5)", "en": "Importance (1 to 5)"},
    "jc.legend.moment": {"fr": "Moment de vérité", "en": "Moment of truth"},
    "jc.path.title": {"fr": "Parcours de la persona : {persona}", "en": "Persona path: {persona}"},
    "jc.path.steps": {"fr": "Étapes du parcours, dans l'ordre", "en": "Path steps, in order"},
    "jc.emotion.axis": {
        "fr": "Émotion du client (de −2 à +2)",
        "en": "Customer emotion (−2 to +2)",
    },
    "jc.ip.performance_axis": {
        "fr": "Performance actuelle (de 1 à 5)",
        "en": "Current performance (1 to 5)",
    },
    "jc.ip.importance_axis": {"fr": "Importance (de 1 à 5)", "en": "Importance (1 to 5)"},
    "jc.ip.concentrate": {"fr": "Priorité d'action", "en": "Concentrate here"},
    "jc.ip.keep_up": {"fr": "Points forts à maintenir", "en": "Keep up the good work"},
    "jc.ip.low_priority": {"fr": "Priorité faible", "en": "Low priority"},
    "jc.ip.overkill": {"fr": "Effort superflu", "en": "Possible overkill"},
    "jc.ip.omitted": {
        "fr": "Non représentés, faute de note de performance : {ids}",
        "en": "Not shown, no performance score yet: {ids}",
    },
    "jc.pressure.scale_week": {
        "fr": "Messages par contact et par semaine",
        "en": "Messages per contact per week",
    },
    "jc.pressure.scale_month": {
        "fr": "Messages par contact et par mois",
        "en": "Messages per contact per month",
    },
    "jc.pressure.over_cap": {"fr": "Au-delà du plafond", "en": "Over the cap"},
    "jc.pressure.cap_week": {"fr": "plafond : {cap}/sem.", "en": "cap {cap}/week"},
    "jc.pressure.cap_month": {"fr": "plafond : {cap}/mois", "en": "cap {cap}/month"},
    "jc.pressure.no_cap": {"fr": "sans plafond", "en": "no cap"},
    # --- the flow map (crmwb.flow_map) ----------------------------------------------------
    "fm.layer.source": {"fr": "Sources", "en": "Sources"},
    "fm.layer.hub": {"fr": "Consolidation", "en": "Hubs"},
    "fm.layer.activation": {"fr": "Activation", "en": "Activation"},
    "fm.type.erp": {"fr": "ERP", "en": "ERP"},
    "fm.type.ecommerce": {"fr": "E-commerce", "en": "E-commerce"},
    "fm.type.crm": {"fr": "CRM", "en": "CRM"},
    "fm.type.emailing": {"fr": "Routage e-mail", "en": "E-mailing"},
    "fm.type.call_centre": {"fr": "Centre d'appels", "en": "Call centre"},
    "fm.type.spreadsheet": {"fr": "Tableur", "en": "Spreadsheet"},
    "fm.owner": {"fr": "Resp. : {owner}", "en": "Owner: {owner}"},
    "fm.badge.pd": {"fr": "DCP", "en": "PD"},
    "fm.freq.real_time": {"fr": "temps réel", "en": "real time"},
    "fm.freq.hourly": {"fr": "horaire", "en": "hourly"},
    "fm.freq.daily": {"fr": "quotidien", "en": "daily"},
    "fm.freq.weekly": {"fr": "hebdomadaire", "en": "weekly"},
    "fm.freq.monthly": {"fr": "mensuel", "en": "monthly"},
    "fm.freq.on_demand": {"fr": "à la demande", "en": "on demand"},
    "fm.legend.flow": {
        "fr": "Flux automatisé (API, fichier, ETL)",
        "en": "Automated flow (API, file, ETL)",
    },
    "fm.legend.pd_flow": {"fr": "Flux de données personnelles", "en": "Personal-data flow"},
    "fm.legend.manual": {"fr": "Flux manuel", "en": "Manual flow"},
    "fm.legend.pd_system": {
        "fr": "Système contenant des données personnelles",
        "en": "System holding personal data",
    },
    "fm.legend.flagged": {"fr": "Système signalé", "en": "Flagged system"},
    "fm.note.no_labels": {
        "fr": "Trop de flux pour les nommer sur la carte : voir l'inventaire des flux.",
        "en": "Too many flows to name them on the map: see the flow inventory.",
    },
    "fm.note.some_labels": {
        "fr": "Certains flux ne sont pas nommés, faute de place : voir l'inventaire des flux.",
        "en": "Some flows are not named, for lack of room: see the flow inventory.",
    },
    "fm.alt": {
        "fr": "Cartographie des flux de données : {systems} systèmes, {flows} flux, dont {pd} de données personnelles et {manual} manuels.",
        "en": "Data-flow map: {systems} systems, {flows} flows, {pd} of them carrying personal data and {manual} manual.",
    },
    # --- governance (crmwb.governance) ------------------------------------------------------
    "governance.role.R": {
        "fr": "Responsable (R) : réalise la tâche et en répond",
        "en": "Responsible (R): does the task and answers for it",
    },
    "governance.role.A": {"fr": "Approbateur (A) : valide", "en": "Accountable (A): approves"},
    "governance.role.C": {"fr": "Consulté (C)", "en": "Consulted (C)"},
    "governance.role.I": {"fr": "Informé (I)", "en": "Informed (I)"},
    "governance.status.planned": {"fr": "prévu", "en": "planned"},
    "governance.status.in_place": {"fr": "en place", "en": "in place"},
    "governance.status.done": {"fr": "fait", "en": "done"},
    "governance.group.strategy": {"fr": "Stratégie", "en": "Strategy"},
    "governance.group.campaigns": {"fr": "Campagnes", "en": "Campaigns"},
    "governance.group.analysis": {"fr": "Analyse des campagnes", "en": "Campaign analysis"},
    "governance.group.review": {"fr": "Revue de la stratégie", "en": "Strategy review"},
    "governance.group.management": {"fr": "Management", "en": "Management"},
    "governance.task.objectives": {
        "fr": "Fixer les objectifs prioritaires et secondaires",
        "en": "Set the priority and secondary objectives",
    },
    "governance.task.segments": {"fr": "Définir les segments", "en": "Define the segments"},
    "governance.task.pressure": {
        "fr": "Définir la pression marketing",
        "en": "Define the marketing pressure",
    },
    "governance.task.calendar": {
        "fr": "Mettre à jour le calendrier des campagnes",
        "en": "Update the campaign calendar",
    },
    "governance.task.brief": {"fr": "Rédiger le brief", "en": "Write the brief"},
    "governance.task.data_available": {
        "fr": "Vérifier que toutes les données sont disponibles dans l'outil",
        "en": "Check that all the data is available in the tool",
    },
    "governance.task.create_email": {
        "fr": "Créer et rédiger l'e-mail",
        "en": "Create and write the e-mail",
    },
    "governance.task.targeting": {"fr": "Créer le ciblage", "en": "Create the targeting"},
    "governance.task.approve_proof": {
        "fr": "Valider le BAT (brief, charte graphique et charte éditoriale)",
        "en": "Approve the proof (brief, graphic and editorial charters)",
    },
    "governance.task.check_sent": {
        "fr": "Vérifier le bon envoi de la campagne",
        "en": "Check that the campaign went out correctly",
    },
    "governance.task.follow_up": {
        "fr": "Remplir le document de suivi à J+5",
        "en": "Fill in the follow-up document at D+5",
    },
    "governance.task.deliverability": {
        "fr": "Contrôler la délivrabilité et la réputation",
        "en": "Check deliverability and reputation",
    },
    "governance.task.statistics": {
        "fr": "Analyser les statistiques de la campagne à J+5",
        "en": "Analyse the campaign statistics at D+5",
    },
    "governance.task.decide": {
        "fr": "Décider à partir de l'analyse (prochain test A/B, relance, prochaine cible)",
        "en": "Decide from the analysis (next A/B test, reminder, next target)",
    },
    "governance.task.dashboard_needs": {
        "fr": "Exprimer les besoins en tableaux de bord",
        "en": "Express the dashboards' needs",
    },
    "governance.task.build_dashboards": {
        "fr": "Construire les tableaux de bord",
        "en": "Build the dashboards",
    },
    "governance.task.data_quality": {
        "fr": "Analyser la qualité des données",
        "en": "Analyse data quality",
    },
    "governance.task.quarterly": {
        "fr": "Analyse trimestrielle de la performance et feuille de route",
        "en": "Quarterly performance analysis and roadmap",
    },
    "governance.task.purpose": {
        "fr": "Partager la raison d'être, la stratégie et la vision",
        "en": "Share the purpose, strategy and vision",
    },
    "governance.task.editorial_charter": {"fr": "Charte éditoriale", "en": "Editorial charter"},
    "governance.task.graphic_charter": {
        "fr": "Charte graphique des e-mails",
        "en": "E-mail graphic charter",
    },
    "governance.task.tool_training": {"fr": "Formation à l'outil", "en": "Tool training"},
    "governance.task.data_model_training": {
        "fr": "Formation continue au modèle de données",
        "en": "Continuous training on the data model",
    },
    "governance.finding.no_accountable": {
        "fr": "La tâche « {subject} » ({group}) n'a pas d'approbateur (A) : désignez une équipe, et une seule, qui la valide.",
        "en": "Task '{subject}' ({group}) has no accountable team (A): name one team, and only one, to approve it.",
    },
    "governance.finding.several_accountable": {
        "fr": "La tâche « {subject} » ({group}) a {count} approbateurs (A) : {teams}. N'en gardez qu'un, pour qu'une seule équipe tranche.",
        "en": "Task '{subject}' ({group}) has {count} accountable teams (A): {teams}. Keep only one, so that a single team has the final say.",
    },
    "governance.finding.no_responsible": {
        "fr": "La tâche « {subject} » ({group}) n'a pas de responsable (R) : aucune équipe n'est chargée de la réaliser.",
        "en": "Task '{subject}' ({group}) has no responsible team (R): no team is in charge of doing it.",
    },
    "governance.finding.nobody_owns": {
        "fr": "Personne ne porte la tâche « {subject} » ({group}) : ni responsable (R) pour la réaliser, ni approbateur (A) pour la valider.",
        "en": "Nobody owns task '{subject}' ({group}): no responsible team (R) to do it, no accountable team (A) to approve it.",
    },
    "governance.finding.kpi_behind_target": {
        "fr": "Le KPI « {subject} » (programme « {programme} ») n'atteint pas son objectif {behind} mois sur {compared} ; dernier écart en {month} : {actual} pour un objectif de {target} ({gap} d'écart).",
        "en": "KPI '{subject}' (programme '{programme}') is behind target in {behind} of {compared} months; latest gap in {month}: {actual} against a target of {target} ({gap} off).",
    },
    "governance.finding.action_late": {
        "fr": "L'action « {subject} » (programme « {programme} »), prévue le {planned}, n'est pas faite au {as_of} : retard de {days} jour(s).",
        "en": "Action '{subject}' (programme '{programme}'), planned for {planned}, is not done as of {as_of}: {days} day(s) late.",
    },
    "governance.finding.adoption_low": {
        "fr": "En {month}, seuls {share} des utilisateurs disposant d'une licence se servent de l'outil ({active} sur {licensed}), sous le seuil de {min}.",
        "en": "In {month}, only {share} of licensed users use the tool ({active} of {licensed}), below the {min} threshold.",
    },
    "governance.finding.adoption_falling": {
        "fr": "La part d'utilisateurs actifs baisse : {latest} en {month}, contre {previous} en {previous_month}.",
        "en": "The share of active users is falling: {latest} in {month}, against {previous} in {previous_month}.",
    },
    "governance.finding.fill_rate_low": {
        "fr": "Le champ « {subject} » n'est rempli que dans {rate} des fiches en {month}, sous le seuil de {threshold} : formez les utilisateurs, rendez-le obligatoire ou supprimez-le.",
        "en": "Field '{subject}' is filled in only {rate} of records in {month}, below the {threshold} threshold: train the users, make it mandatory or remove it.",
    },
    # --- the vendor comparison deliverable ------------------------------------------------
    "vc.title": {"fr": "Comparaison des éditeurs CRM", "en": "CRM vendor comparison"},
    "vc.subtitle": {
        "fr": "{vendors} éditeurs, {criteria} critères, pondération {method}",
        "en": "{vendors} vendors, {criteria} criteria, {method} weighting",
    },
    "vc.method.direct": {"fr": "directe", "en": "direct"},
    "vc.method.ahp": {"fr": "AHP (comparaisons par paires)", "en": "AHP (pairwise comparisons)"},
    "vc.section.recommendation": {"fr": "Recommandation", "en": "Recommendation"},
    "vc.section.ranking": {"fr": "Classement", "en": "Ranking"},
    "vc.section.weights": {"fr": "Critères et pondérations", "en": "Criteria and weights"},
    "vc.section.scores": {"fr": "Notes par critère", "en": "Scores by criterion"},
    "vc.section.shortlist": {"fr": "Profil de la liste restreinte", "en": "Shortlist profile"},
    "vc.section.coverage": {"fr": "Couverture des cas d'usage", "en": "Use-case coverage"},
    "vc.section.sensitivity": {"fr": "Robustesse du choix", "en": "How robust the choice is"},
    "vc.section.method": {"fr": "Méthode", "en": "Method"},
    "vc.col.vendor": {"fr": "Éditeur", "en": "Vendor"},
    "vc.col.group": {"fr": "Groupe", "en": "Group"},
    "vc.col.criterion": {"fr": "Critère", "en": "Criterion"},
    "vc.col.direction": {"fr": "Sens", "en": "Direction"},
    "vc.col.weight": {"fr": "Poids", "en": "Weight"},
    "vc.col.score": {"fr": "Score pondéré", "en": "Weighted score"},
    "vc.col.rank": {"fr": "Rang", "en": "Rank"},
    "vc.col.topsis": {"fr": "TOPSIS (proximité)", "en": "TOPSIS (closeness)"},
    "vc.col.topsis_rank": {"fr": "Rang TOPSIS", "en": "TOPSIS rank"},
    "vc.col.p_first": {"fr": "Probabilité d'être 1er", "en": "Probability of ranking first"},
    "vc.col.coverage": {"fr": "Couverture fonctionnelle", "en": "Functional coverage"},
    "vc.col.use_case": {"fr": "Cas d'usage", "en": "Use case"},
    "vc.col.priority": {"fr": "Priorité", "en": "Priority"},
    "vc.col.current_weight": {"fr": "Poids actuel", "en": "Current weight"},
    "vc.col.flip_weight": {
        "fr": "Poids qui change le gagnant",
        "en": "Weight that changes the winner",
    },
    "vc.col.change": {"fr": "Écart (points)", "en": "Change (points)"},
    "vc.col.new_winner": {"fr": "Nouveau gagnant", "en": "New winner"},
    "vc.col.spread": {"fr": "Écart entre évaluateurs", "en": "Spread between evaluators"},
    "vc.never": {"fr": "jamais", "en": "never"},
    "vc.direction.benefit": {"fr": "plus = mieux", "en": "higher is better"},
    "vc.direction.cost": {"fr": "moins = mieux", "en": "lower is better"},
    "vc.coverage.native": {"fr": "Natif", "en": "Native"},
    "vc.coverage.configuration": {"fr": "Paramétrage", "en": "Configuration"},
    "vc.coverage.custom_development": {
        "fr": "Développement spécifique",
        "en": "Custom development",
    },
    "vc.coverage.not_covered": {"fr": "Non couvert", "en": "Not covered"},
    "vc.figure.winner": {"fr": "Éditeur recommandé", "en": "Recommended vendor"},
    "vc.figure.winner_note": {
        "fr": "score pondéré {score} sur 1",
        "en": "weighted score {score} out of 1",
    },
    "vc.figure.robustness": {"fr": "Robustesse", "en": "Robustness"},
    "vc.figure.robustness_note": {
        "fr": "1er dans {share} de {draws} tirages de poids",
        "en": "first in {share} of {draws} weight draws",
    },
    "vc.figure.agreement": {"fr": "Second avis (TOPSIS)", "en": "Second opinion (TOPSIS)"},
    "vc.figure.agrees": {"fr": "concorde", "en": "agrees"},
    "vc.figure.disagrees": {"fr": "diverge", "en": "disagrees"},
    "vc.figure.agreement_note": {"fr": "tau de Kendall {tau}", "en": "Kendall's tau {tau}"},
    "vc.figure.shortlist": {"fr": "Liste restreinte", "en": "Shortlist"},
    "vc.rec.winner": {
        "fr": "**{winner}** arrive en tête avec un score pondéré de {score} sur 1, devant **{second}** ({second_score}).",
        "en": "**{winner}** ranks first with a weighted score of {score} out of 1, ahead of **{second}** ({second_score}).",
    },
    "vc.rec.alone": {
        "fr": "**{winner}** est le seul éditeur restant après les critères éliminatoires.",
        "en": "**{winner}** is the only vendor left after the knock-out criteria.",
    },
    "vc.rec.topsis_agrees": {
        "fr": "La méthode TOPSIS, utilisée comme second avis, désigne le même éditeur (tau de Kendall entre les deux classements : {tau}).",
        "en": "TOPSIS, used as a second opinion, points to the same vendor (Kendall's tau between the two rankings: {tau}).",
    },
    "vc.rec.topsis_disagrees": {
        "fr": "Attention : la méthode TOPSIS place **{topsis_winner}** en tête (tau de Kendall : {tau}) ; l'écart entre les deux premiers mérite d'être discuté.",
        "en": "Note: TOPSIS puts **{topsis_winner}** first (Kendall's tau: {tau}); the gap between the first two deserves a discussion.",
    },
    "vc.rec.robust": {
        "fr": "Le choix est robuste : en faisant varier les poids autour de ceux retenus ({draws} tirages), **{winner}** reste premier dans {share} des cas.",
        "en": "The choice is robust: with the weights varied around the chosen ones ({draws} draws), **{winner}** stays first in {share} of cases.",
    },
    "vc.rec.fragile": {
        "fr": "Le choix est fragile : en faisant varier les poids autour de ceux retenus ({draws} tirages), **{winner}** n'est premier que dans {share} des cas (**{runner}** : {runner_share}).",
        "en": "The choice is fragile: with the weights varied around the chosen ones ({draws} draws), **{winner}** is first in only {share} of cases (**{runner}**: {runner_share}).",
    },
    "vc.rec.critical": {
        "fr": "Le critère le plus sensible est « {criterion} » : son poids devrait passer de {current} à {flip} pour que **{new_winner}** l'emporte.",
        "en": "The most sensitive criterion is '{criterion}': its weight would have to go from {current} to {flip} for **{new_winner}** to win.",
    },
    "vc.rec.no_critical": {
        "fr": "Aucun changement de poids d'un seul critère ne modifie le gagnant.",
        "en": "No change in the weight of a single criterion changes the winner.",
    },
    "vc.rec.excluded": {
        "fr": "Éliminé : {vendor} ({reason}).",
        "en": "Excluded: {vendor} ({reason}).",
    },
    "vc.exclusion.not_evaluated": {
        "fr": "non évalué sur « {criterion} »",
        "en": "not evaluated on '{criterion}'",
    },
    "vc.exclusion.below_minimum": {
        "fr": "« {criterion} » à {score}, sous le minimum de {threshold}",
        "en": "'{criterion}' at {score}, below the minimum of {threshold}",
    },
    "vc.exclusion.above_maximum": {
        "fr": "« {criterion} » à {score}, au-dessus du maximum de {threshold}",
        "en": "'{criterion}' at {score}, above the maximum of {threshold}",
    },
    "vc.exclusion.not_covered": {
        "fr": "cas d'usage indispensable « {use_case} » non couvert",
        "en": "must-have use case '{use_case}' not covered",
    },
    "vc.ahp.consistency": {
        "fr": "Cohérence des comparaisons « {scope} » : ratio de cohérence {cr} ({verdict} ; seuil 0,10, indice aléatoire de Saaty {ri} pour {n} éléments).",
        "en": "Consistency of the '{scope}' comparisons: consistency ratio {cr} ({verdict}; threshold 0.10, Saaty's random index {ri} for {n} items).",
    },
    "vc.ahp.consistent": {"fr": "cohérent", "en": "consistent"},
    "vc.ahp.inconsistent": {"fr": "incohérent : à revoir", "en": "inconsistent: to review"},
    "vc.chart.tco_axis": {
        "fr": "TCO sur l'horizon (le plus probable)",
        "en": "TCO over the horizon (most likely)",
    },
    "vc.section.tco": {
        "fr": "Coût total de possession par éditeur",
        "en": "Total cost of ownership by vendor",
    },
    "vc.section.value": {"fr": "Valeur pour le prix", "en": "Value for money"},
    "vc.col.ideal": {"fr": "Solution idéale", "en": "Ideal solution"},
    "vc.col.anti_ideal": {"fr": "Solution anti-idéale", "en": "Anti-ideal solution"},
    "vc.col.tco": {"fr": "TCO (le plus probable)", "en": "TCO (most likely)"},
    "vc.col.p10": {"fr": "P10", "en": "P10"},
    "vc.col.p50": {"fr": "P50", "en": "P50"},
    "vc.col.p90": {"fr": "P90", "en": "P90"},
    "vc.col.p_cheapest": {
        "fr": "Probabilité d'être le moins cher",
        "en": "Probability of being the cheapest",
    },
    "vc.tco.text": {
        "fr": "Sur {horizon} ans, **{cheapest}** est le moins cher ({cheapest_total}) ; en tenant compte des incertitudes ({draws} tirages, lois Beta-PERT), il est le moins cher dans {share} des cas. La bande grisée va du P10 au P90.",
        "en": "Over {horizon} years, **{cheapest}** is the cheapest ({cheapest_total}); with the uncertainties ({draws} draws, Beta-PERT distributions), it is the cheapest in {share} of cases. The shaded band runs from P10 to P90.",
    },
    "vc.hidden.title": {"fr": "Coûts cachés repérés", "en": "Hidden costs found"},
    "vc.hidden.forced_edition": {
        "fr": "{vendor}, année {year} : édition supérieure imposée ({detail})",
        "en": "{vendor}, year {year}: next edition forced ({detail})",
    },
    "vc.hidden.tier_jump": {
        "fr": "{vendor}, année {year} : changement de palier ({detail})",
        "en": "{vendor}, year {year}: tier jump ({detail})",
    },
    "vc.hidden.tier_kept": {
        "fr": "{vendor}, année {year} : palier conservé ({detail})",
        "en": "{vendor}, year {year}: tier kept ({detail})",
    },
    "vc.hidden.storage_overage": {
        "fr": "{vendor}, année {year} : dépassement de stockage ({detail})",
        "en": "{vendor}, year {year}: storage overage ({detail})",
    },
    "vc.hidden.minimum_commitment": {
        "fr": "{vendor}, année {year} : engagement minimum appliqué ({detail})",
        "en": "{vendor}, year {year}: minimum commitment applied ({detail})",
    },
    "vc.chart.score_axis": {"fr": "Score pondéré (sur 1)", "en": "Weighted score (out of 1)"},
    "vc.chart.weight_axis": {"fr": "Poids du critère", "en": "Criterion weight"},
    "vc.method.text": {
        "fr": "Les notes sont ramenées sur 0-1 (1 = le meilleur ; inversées pour les critères « moins = mieux ») puis pondérées (somme pondérée). TOPSIS (normalisation vectorielle, distance aux solutions idéale et anti-idéale) sert de second avis. La robustesse est testée de deux façons : pour chaque critère, le poids qui ferait changer le gagnant (les autres poids ajustés proportionnellement, Triantaphyllou et Sánchez 1997), et {draws} tirages de poids selon une loi de Dirichlet centrée sur les poids retenus (graine {seed}).",
        "en": "Scores are rescaled to 0-1 (1 = best; reversed for 'lower is better' criteria) then weighted (weighted sum). TOPSIS (vector normalisation, distances to the ideal and anti-ideal solutions) gives a second opinion. Robustness is tested two ways: for each criterion, the weight that would change the winner (other weights rescaled proportionally, Triantaphyllou and Sánchez 1997), and {draws} weight draws from a Dirichlet distribution centred on the chosen weights (seed {seed}).",
    },
    "analysis.vendor_comparison": {"fr": "Comparaison des éditeurs", "en": "Vendor comparison"},
    # --- the relationship plan's checks (crmwb.plan) -----------------------------------------
    "plan.finding.too_many_objectives": {
        "fr": "Le programme « {subject} » a {count} objectifs : n'en gardez pas plus de {max}, car chaque objectif demande un KPI, et un KPI coûte cher à maintenir.",
        "en": "Programme '{subject}' has {count} objectives: keep no more than {max}, as each objective needs a KPI, and a KPI is costly to maintain.",
    },
    "plan.finding.no_objective": {
        "fr": "Le programme « {subject} » n'a pas d'objectif : rattachez-le à un ou deux objectifs business.",
        "en": "Programme '{subject}' has no objective: tie it to one or two business objectives.",
    },
    "plan.finding.no_kpi": {
        "fr": "Le programme « {subject} » n'a pas de KPI principal : sans lui, impossible de dire s'il atteint son objectif.",
        "en": "Programme '{subject}' has no main KPI: without one, nobody can tell whether it meets its objective.",
    },
    "plan.finding.not_business_kpi": {
        "fr": "Le KPI principal du programme « {subject} » (« {kpi} ») n'est pas un indicateur business. {reason}",
        "en": "The main KPI of programme '{subject}' ('{kpi}') is not a business indicator. {reason}",
    },
    "plan.finding.unrecognised_kpi": {
        "fr": "Le KPI principal du programme « {subject} » (« {kpi} ») n'a pas été reconnu : vérifiez qu'il mesure un résultat business (ventes, clients réactivés, rétention...).",
        "en": "The main KPI of programme '{subject}' ('{kpi}') was not recognised: check that it measures a business result (sales, reactivated customers, retention...).",
    },
    "plan.finding.programme_without_action": {
        "fr": "Le programme « {subject} » n'a ni scénario ni campagne : rien ne l'anime.",
        "en": "Programme '{subject}' has neither a scenario nor a campaign: nothing drives it.",
    },
    "plan.finding.unknown_touchpoint": {
        "fr": "Le point de contact « {touchpoint} », cité par {what} « {subject} », n'existe pas dans le parcours client.",
        "en": "Touchpoint '{touchpoint}', listed by {what} '{subject}', is not in the customer journey.",
    },
    "plan.finding.unknown_segment": {
        "fr": "Le segment « {segment} », visé par {what} « {subject} », n'est ni « all » ni un segment du parcours client.",
        "en": "Segment '{segment}', targeted by {what} '{subject}', is neither 'all' nor a segment of the customer journey.",
    },
    "plan.finding.moment_not_addressed": {
        "fr": "Aucun programme, scénario ni campagne ne traite le moment de vérité « {subject} ».",
        "en": "No programme, scenario or campaign addresses the moment of truth '{subject}'.",
    },
    "plan.finding.scenario_without_estimate": {
        "fr": "Le scénario « {subject} » n'a pas d'estimation du nombre de messages par contact et par mois : il est exclu du calcul de la pression marketing, qui est donc sous-estimée.",
        "en": "Scenario '{subject}' has no estimate of messages per contact per month: it is left out of the marketing pressure, which is therefore underestimated.",
    },
    "plan.finding.pressure_over_cap": {
        "fr": "Segment « {subject} » : pression {period} au-dessus du plafond {count} fois sur {periods} ; la période la plus chargée commence le {start}, avec {total} messages pour un plafond de {cap}.",
        "en": "Segment '{subject}': {period} pressure over the cap in {count} out of {periods} periods; the busiest period starts on {start}, with {total} messages for a cap of {cap}.",
    },
    "plan.finding.inactive_before_active": {
        "fr": "Conventions : un client est « inactif » après {inactive} mois sans achat, mais « actif » s'il a acheté dans les {active} derniers mois : les deux définitions se chevauchent (le délai d'inactivité doit être au moins celui d'activité).",
        "en": "Conventions: a client is 'inactive' after {inactive} months without a purchase, but 'active' if it bought in the last {active} months: the two definitions overlap (the inactivity period must be at least the activity period).",
    },
    "plan.finding.no_pressure_cap": {
        "fr": "Aucun plafond de pression marketing pour le segment « {subject} » (ni pour « all ») : rien ne limite le nombre de messages qu'il reçoit.",
        "en": "No marketing-pressure cap for segment '{subject}' (nor for 'all'): nothing limits how many messages it receives.",
    },
    "plan.finding.channel_without_opt_in_rule": {
        "fr": "Le canal « {subject} » est utilisé par des scénarios ou des campagnes sans règle d'opt-in : précisez le consentement qu'il exige (RGPD).",
        "en": "Channel '{subject}' is used by scenarios or campaigns but has no opt-in rule: state the consent it requires (GDPR).",
    },
    "plan.finding.family_without_sender": {
        "fr": "Aucun expéditeur (adresse et IP d'envoi) n'est défini pour les {family}.",
        "en": "No sender (address and sending IP) is set for {family}.",
    },
    "plan.finding.shared_ip": {
        "fr": "Les messages transactionnels partagent l'IP {ip} avec les {family} : une mauvaise réputation des envois marketing ferait alors bloquer ou classer en spam les confirmations de commande. Donnez-leur une IP à part.",
        "en": "Transactional messages share IP {ip} with {family}: a bad reputation of the marketing sends would then get order confirmations blocked or sent to spam. Give them their own IP.",
    },
    "plan.kpi_reason.open_rate": {
        "fr": "Il mesure si le message a été affiché, pas s'il a fait vendre quoi que ce soit ; depuis 2021, la protection de la confidentialité d'Apple Mail gonfle d'ailleurs les ouvertures. Suivez plutôt les ventes additionnelles générées.",
        "en": "It measures whether a message was displayed, not whether it sold anything; and since 2021 Apple Mail Privacy Protection has inflated opens. Track the additional sales it generates instead.",
    },
    "plan.kpi_reason.click_rate": {
        "fr": "Un clic montre un intérêt, pas un achat : il ne dit pas si la visite a débouché sur une vente. Suivez plutôt les achats ou le chiffre d'affaires attribués au message.",
        "en": "A click shows interest, not a purchase: it does not say whether the visit led to a sale. Track the purchases or revenue attributed to the message instead.",
    },
    "plan.kpi_reason.deliverability": {
        "fr": "La délivrabilité est une mesure technique de l'envoi (les messages arrivent-ils en boîte de réception ?) : l'équipe CRM doit la suivre, mais elle ne mesure aucun résultat commercial.",
        "en": "Deliverability is a technical measure of sending (do messages reach the inbox?): the CRM team must follow it, but it measures no business result.",
    },
    "plan.kpi_reason.bounce": {
        "fr": "Les rebonds (adresses invalides, boîtes pleines) mesurent la qualité de la base et de l'envoi, pas ce que le programme rapporte : c'est un indicateur de qualité des données.",
        "en": "Bounces (invalid addresses, full mailboxes) measure the quality of the database and of the sending, not what the programme brings in: it is a data-quality indicator.",
    },
    "plan.kpi_reason.unsubscribe": {
        "fr": "Les désabonnements mesurent un coût du programme (des contacts perdus), pas son résultat : surveillez-les comme garde-fou de la pression marketing, à côté d'un KPI de ventes ou de rétention.",
        "en": "Unsubscribes measure a cost of the programme (contacts lost), not its result: watch them as a guard-rail on marketing pressure, beside a sales or retention KPI.",
    },
    "plan.kpi_reason.impressions": {
        "fr": "Les impressions comptent les affichages d'un contenu, pas les clients qui ont agi ni ce qu'ils ont acheté.",
        "en": "Impressions count how often content was displayed, not the customers who acted nor what they bought.",
    },
    "plan.kpi_reason.reach": {
        "fr": "La portée mesure combien de personnes ont pu voir le message, pas combien ont acheté ou sont restées clientes.",
        "en": "Reach measures how many people could see the message, not how many bought or stayed customers.",
    },
    "plan.kpi_reason.page_views": {
        "fr": "Les pages vues mesurent le trafic du site, pas les ventes : beaucoup de pages vues peuvent même signaler un parcours difficile.",
        "en": "Page views measure the site's traffic, not sales: many page views can even signal a difficult journey.",
    },
    "plan.kpi_reason.social_audience": {
        "fr": "Les « j'aime », abonnés et followers mesurent une audience, pas des clients : ils ne disent pas si cette audience achète.",
        "en": "Likes and followers measure an audience, not customers: they do not say whether that audience buys.",
    },
    "plan.kpi_reason.send_volume": {
        "fr": "Le nombre de messages envoyés mesure l'effort (et la pression marketing), pas le résultat : envoyer plus n'est pas vendre plus.",
        "en": "The number of messages sent measures effort (and marketing pressure), not results: sending more is not selling more.",
    },
    "plan.kpi_reason.operational": {
        "fr": "C'est un KPI opérationnel : utile pour suivre le déploiement du dispositif (X scénarios déployés), pas comme KPI principal d'un programme, qui doit mesurer un résultat business (ventes, clients réactivés, rétention).",
        "en": "It is an operational KPI: useful to follow the deployment (X scenarios deployed), not as a programme's main KPI, which must measure a business result (sales, reactivated customers, retention).",
    },
    "plan.kpi_kind.business": {"fr": "Business", "en": "Business"},
    "plan.kpi_kind.operational": {"fr": "Opérationnel", "en": "Operational"},
    "plan.kpi_kind.not_business": {"fr": "Non business", "en": "Not business"},
    "plan.kpi_kind.unknown": {"fr": "Non reconnu", "en": "Not recognised"},
    "plan.severity.warning": {"fr": "À corriger", "en": "To fix"},
    "plan.severity.info": {"fr": "Pour information", "en": "For information"},
    "plan.period.week": {"fr": "hebdomadaire", "en": "weekly"},
    "plan.period.month": {"fr": "mensuelle", "en": "monthly"},
    "plan.family.transactional": {"fr": "messages transactionnels", "en": "transactional messages"},
    "plan.family.campaigns": {"fr": "campagnes", "en": "campaigns"},
    "plan.family.scenarios": {"fr": "scénarios", "en": "scenarios"},
    "plan.what.programme": {"fr": "le programme", "en": "the programme"},
    "plan.what.scenario": {"fr": "le scénario", "en": "the scenario"},
    "plan.what.campaign": {"fr": "la campagne", "en": "the campaign"},
    "plan.what.cap": {"fr": "le plafond de pression", "en": "the pressure cap"},
    # --- the ROI deliverable ----------------------------------------------------------------
    "roi.title": {
        "fr": "Retour sur investissement du projet CRM",
        "en": "Return on investment of the CRM project",
    },
    "roi.subtitle": {
        "fr": "Sur {horizon} ans, actualisé à {rate}",
        "en": "Over {horizon} years, discounted at {rate}",
    },
    "roi.section.summary": {"fr": "Synthèse", "en": "Executive summary"},
    "roi.section.cash_flow": {"fr": "Flux de trésorerie", "en": "Cash flows"},
    "roi.section.waterfall": {"fr": "Des bénéfices au gain net", "en": "From benefits to net gain"},
    "roi.section.cumulative": {"fr": "Trésorerie cumulée", "en": "Cumulative cash flow"},
    "roi.section.uncertainty": {"fr": "Incertitude", "en": "Uncertainty"},
    "roi.section.conventions": {
        "fr": "Conventions de calcul",
        "en": "How the figures are computed",
    },
    "roi.section.qualitative": {"fr": "Bénéfices qualitatifs", "en": "Qualitative benefits"},
    "roi.figure.npv": {"fr": "VAN (ajustée du risque)", "en": "NPV (risk-adjusted)"},
    "roi.figure.roi": {"fr": "ROI (ajusté du risque)", "en": "ROI (risk-adjusted)"},
    "roi.figure.payback": {"fr": "Retour sur investissement", "en": "Payback"},
    "roi.figure.months": {"fr": "{months} mois", "en": "{months} months"},
    "roi.figure.never": {"fr": "non atteint", "en": "not reached"},
    "roi.figure.p_positive": {"fr": "Probabilité VAN > 0", "en": "Probability NPV > 0"},
    "roi.figure.unadjusted": {"fr": "non ajusté : {value}", "en": "unadjusted: {value}"},
    "roi.figure.discounted_payback": {"fr": "actualisé : {value}", "en": "discounted: {value}"},
    "roi.figure.draws": {"fr": "{draws} tirages", "en": "{draws} draws"},
    "roi.text.npv": {
        "fr": "Sur {horizon} ans, le projet crée une valeur actuelle nette de **{npv}** après ajustement du risque ({unadjusted} sans ajustement), pour un ROI de {roi} : chaque euro investi (en valeur actuelle) en rapporte {multiple}.",
        "en": "Over {horizon} years, the project creates a net present value of **{npv}** after risk adjustment ({unadjusted} unadjusted), an ROI of {roi}: each euro invested (in present value) returns {multiple}.",
    },
    "roi.text.negative": {
        "fr": "Sur {horizon} ans, le projet ne se rembourse pas : sa valeur actuelle nette est de **{npv}** après ajustement du risque ({unadjusted} sans ajustement).",
        "en": "Over {horizon} years, the project does not pay back: its net present value is **{npv}** after risk adjustment ({unadjusted} unadjusted).",
    },
    "roi.text.payback": {
        "fr": "L'investissement est remboursé au bout de {months} mois (non actualisé ; {discounted} en actualisé).",
        "en": "The investment is paid back after {months} months (undiscounted; {discounted} discounted).",
    },
    "roi.text.irr": {
        "fr": "Le taux de rentabilité interne est de {irr}.",
        "en": "The internal rate of return is {irr}.",
    },
    "roi.text.irr_not_unique": {
        "fr": "Le flux net change de signe plusieurs fois : le taux de rentabilité interne n'est pas unique et n'est pas donné.",
        "en": "The net cash flow changes sign several times: the internal rate of return is not unique and is not given.",
    },
    "roi.text.monte_carlo": {
        "fr": "Avec les fourchettes des hypothèses ({draws} tirages Beta-PERT), la VAN est entre {p10} (P10) et {p90} (P90), médiane {p50} ; elle est positive dans {share} des cas.",
        "en": "With the assumptions' ranges ({draws} Beta-PERT draws), the NPV lies between {p10} (P10) and {p90} (P90), median {p50}; it is positive in {share} of cases.",
    },
    "roi.text.break_even": {
        "fr": "Il suffit que {share} des bénéfices attendus se réalisent pour que la VAN soit nulle.",
        "en": "Realising {share} of the expected benefits is enough for the NPV to break even.",
    },
    "roi.text.top_driver": {
        "fr": "L'hypothèse la plus déterminante est « {input} » ({lever}) : entre ses valeurs basse et haute, la VAN va de {low} à {high}.",
        "en": "The assumption that matters most is '{input}' ({lever}): between its low and high values the NPV goes from {low} to {high}.",
    },
    "roi.row.discounted_payback": {"fr": "Retour actualisé", "en": "Discounted payback"},
    "roi.row.irr": {"fr": "TRI", "en": "IRR"},
    "roi.col.unadjusted": {"fr": "Non ajusté", "en": "Unadjusted"},
    "roi.col.adjusted": {"fr": "Ajusté du risque", "en": "Risk-adjusted"},
    "roi.section.adjusted": {
        "fr": "Avec et sans ajustement",
        "en": "With and without risk adjustment",
    },
    "roi.row.costs": {"fr": "Coûts", "en": "Costs"},
    "roi.row.benefits": {"fr": "Bénéfices", "en": "Benefits"},
    "roi.row.net": {"fr": "Flux net", "en": "Net cash flow"},
    "roi.row.cumulative": {"fr": "Cumul", "en": "Cumulative"},
    "roi.col.line": {"fr": "Ligne", "en": "Line"},
    "roi.col.scenario": {"fr": "Scénario", "en": "Scenario"},
    "roi.col.npv": {"fr": "VAN", "en": "NPV"},
    "roi.col.roi": {"fr": "ROI", "en": "ROI"},
    "roi.col.payback": {"fr": "Retour (mois)", "en": "Payback (months)"},
    "roi.scenario.conservative": {"fr": "Prudent", "en": "Conservative"},
    "roi.scenario.expected": {"fr": "Attendu", "en": "Expected"},
    "roi.scenario.optimistic": {"fr": "Optimiste", "en": "Optimistic"},
    "roi.axis.revenue_and_costs": {"fr": "Chiffre d'affaires et coûts", "en": "Revenue and costs"},
    "roi.axis.staff_efficiency": {"fr": "Efficacité des équipes", "en": "Staff efficiency"},
    "roi.axis.customer_knowledge": {"fr": "Connaissance client", "en": "Customer knowledge"},
    "roi.chart.total": {"fr": "Gain net (VA)", "en": "Net gain (PV)"},
    "roi.chart.costs": {"fr": "Coûts (VA)", "en": "Costs (PV)"},
    "roi.chart.amount": {"fr": "Valeur actuelle ({currency})", "en": "Present value ({currency})"},
    "roi.chart.cumulative_y": {
        "fr": "Trésorerie cumulée ({currency})",
        "en": "Cumulative cash flow ({currency})",
    },
    "roi.chart.payback": {"fr": "Retour : mois {month}", "en": "Payback: month {month}"},
    "roi.chart.npv_x": {"fr": "VAN ({currency})", "en": "NPV ({currency})"},
    "roi.chart.draws_y": {"fr": "Tirages", "en": "Draws"},
    "roi.convention.initial_period": {
        "fr": "La période initiale (t=0) n'est pas actualisée ; l'année t l'est en fin d'année, par 1/(1 + taux)^t, au taux de {rate}. Les bénéfices commencent en année 1.",
        "en": "The initial period (t=0) is not discounted; year t is discounted at its end, by 1/(1 + rate)^t, at {rate}. Benefits start in year 1.",
    },
    "roi.convention.gross_margin": {
        "fr": "Les gains de chiffre d'affaires comptent à la marge brute, jamais au chiffre d'affaires ; les économies comptent en totalité.",
        "en": "Revenue gains count at gross margin, never at revenue; savings count in full.",
    },
    "roi.convention.ramp_up": {
        "fr": "Montée en charge : chaque levier réalise une part de sa valeur annuelle chaque année (la dernière part est conservée ensuite).",
        "en": "Ramp-up: each lever realises a share of its yearly value each year (the last share is held afterwards).",
    },
    "roi.convention.risk_adjustment": {
        "fr": "Ajustement du risque : chaque bénéfice est réduit de son pourcentage de risque, chaque coût augmenté du sien ; les résultats sont donnés avec et sans ajustement.",
        "en": "Risk adjustment: each benefit is reduced by its risk percentage, each cost increased by its own; results are given with and without adjustment.",
    },
    "roi.convention.payback": {
        "fr": "Retour sur investissement : le flux initial tombe à t=0, ceux de l'année t s'accumulent uniformément ; c'est le mois à partir duquel le cumul reste positif (interpolé dans l'année).",
        "en": "Payback: the initial flow falls at t=0, year t's flows accrue evenly; it is the month from which the cumulative stays positive (interpolated within the year).",
    },
    "roi.convention.formulas": {
        "fr": "ROI = (VA des bénéfices − VA des coûts) / VA des coûts ; VAN = VA des bénéfices − VA des coûts ; TRI donné seulement si le flux net change de signe une seule fois.",
        "en": "ROI = (PV benefits − PV costs) / PV costs; NPV = PV benefits − PV costs; IRR given only when the net cash flow changes sign once.",
    },
    "roi.convention.uncertainty": {
        "fr": "Incertitude : les hypothèses données en fourchette (bas, plus probable, haut) suivent une loi Beta-PERT ; scénarios, tornade et Monte Carlo portent sur les chiffres non ajustés du risque (graine {seed}).",
        "en": "Uncertainty: assumptions given as ranges (low, most likely, high) follow a Beta-PERT distribution; scenarios, tornado and Monte Carlo use the figures before risk adjustment (seed {seed}).",
    },
    # --- the journey map deliverable (crmwb.journey_views) -----------------------------------
    "journey.title": {"fr": "Cartographie du parcours client", "en": "Customer journey map"},
    "journey.subtitle": {
        "fr": "{stages} étapes, {channels} canaux, {touchpoints} points de contact, {personas} personas",
        "en": "{stages} stages, {channels} channels, {touchpoints} touchpoints, {personas} personas",
    },
    "journey.all_segments": {"fr": "Tous", "en": "All"},
    "journey.yes": {"fr": "Oui", "en": "Yes"},
    "journey.to_fix": {"fr": "À traiter", "en": "To fix"},
    "journey.to_keep": {"fr": "À préserver", "en": "To keep up"},
    "journey.nothing_stated": {"fr": "(non renseigné)", "en": "(not stated)"},
    "journey.figure.touchpoints": {"fr": "Points de contact", "en": "Touchpoints"},
    "journey.figure.grid": {
        "fr": "{stages} étapes × {channels} canaux",
        "en": "{stages} stages × {channels} channels",
    },
    "journey.figure.moments": {"fr": "Moments de vérité", "en": "Moments of truth"},
    "journey.figure.to_fix": {
        "fr": "dont {count} avec friction ou déception",
        "en": "{count} with friction or disappointment",
    },
    "journey.figure.omnichannel": {"fr": "Parcours omnicanaux", "en": "Omnichannel paths"},
    "journey.figure.switches": {
        "fr": "{switches} changements de canal par parcours",
        "en": "{switches} channel switches per path",
    },
    "journey.figure.collection": {
        "fr": "Sans point de collecte",
        "en": "No collection point",
    },
    "journey.figure.collection_note": {
        "fr": "points de contact à rattacher aux flux",
        "en": "touchpoints to map to a data flow",
    },
    "journey.section.summary": {"fr": "Synthèse", "en": "Summary"},
    "journey.section.grid": {"fr": "La carte du parcours", "en": "The journey map"},
    "journey.section.moments": {"fr": "Les moments de vérité", "en": "Moments of truth"},
    "journey.section.quadrants": {
        "fr": "Importance et performance",
        "en": "Importance and performance",
    },
    "journey.section.personas": {"fr": "Personas et parcours", "en": "Personas and their paths"},
    "journey.section.emotions": {"fr": "Courbes d'émotion", "en": "Emotion curves"},
    "journey.section.path_of": {"fr": "Le parcours de {persona}", "en": "{persona}'s path"},
    "journey.section.gaps": {"fr": "Étapes non couvertes", "en": "Coverage gaps"},
    "journey.section.collection": {
        "fr": "Points de collecte des données",
        "en": "Data collection points",
    },
    "journey.section.perception": {
        "fr": "Perception par étape",
        "en": "Perception by stage",
    },
    "journey.summary.no_moment": {
        "fr": "Aucun point de contact n'atteint l'importance d'un moment de vérité.",
        "en": "No touchpoint is important enough to be a moment of truth.",
    },
    "journey.summary.moments": {
        "fr": "Le parcours compte **{moments} moments de vérité** (les points de contact les plus importants), dont **{to_fix}** suscitent aujourd'hui une friction ou une déception : ce sont les priorités du plan relationnel.",
        "en": "The journey has **{moments} moments of truth** (the most important touchpoints), of which **{to_fix}** cause friction or disappointment today: they are the relationship plan's priorities.",
    },
    "journey.summary.top": {
        "fr": "Le premier est **{id} « {description} »** ({stage}, {channel}) : importance {importance}, {perception}, score {score}.",
        "en": 'The first is **{id} "{description}"** ({stage}, {channel}): importance {importance}, {perception}, score {score}.',
    },
    "journey.summary.concentrate": {
        "fr": "Points de contact importants mais mal exécutés (quadrant « priorité d'action ») : {count}, soit {ids}.",
        "en": 'Touchpoints important but poorly performed (the "concentrate here" quadrant): {count}, namely {ids}.',
    },
    "journey.summary.paths": {
        "fr": "Parcours de persona passant par plusieurs canaux : {omni} sur {paths}. Le dispositif doit reconnaître le client d'un canal à l'autre.",
        "en": "Persona paths crossing several channels: {omni} of {paths}. The set-up must recognise the customer from one channel to the next.",
    },
    "journey.summary.gaps": {
        "fr": "Étapes traversées par un segment sans aucun point de contact sur ses canaux : {count} (détail plus bas).",
        "en": "Stages a segment goes through with no touchpoint on its channels: {count} (see below).",
    },
    "journey.summary.collection": {
        "fr": "Points de contact sans point de collecte : {count}, à traiter dans l'audit des flux de données.",
        "en": "Touchpoints with no collection point: {count}, to be handled in the data-flow audit.",
    },
    "journey.col.channel": {"fr": "Canal", "en": "Channel"},
    "journey.col.stage": {"fr": "Étape", "en": "Stage"},
    "journey.col.where": {"fr": "Étape · canal", "en": "Stage · channel"},
    "journey.col.importance_short": {"fr": "Imp.", "en": "Imp."},
    "journey.col.performance_short": {"fr": "Perf.", "en": "Perf."},
    "journey.rule.bold_to_fix": {
        "fr": "En gras : les moments de vérité à traiter (friction ou déception) ; les autres sont à préserver.",
        "en": "In bold: the moments of truth to fix (friction or disappointment); the others are to keep up.",
    },
    "journey.col.touchpoint": {"fr": "Point de contact", "en": "Touchpoint"},
    "journey.col.segment": {"fr": "Segment", "en": "Segment"},
    "journey.col.perception": {"fr": "Perception", "en": "Perception"},
    "journey.col.emotion": {"fr": "Émotion", "en": "Emotion"},
    "journey.col.importance": {"fr": "Importance", "en": "Importance"},
    "journey.col.performance": {"fr": "Performance", "en": "Performance"},
    "journey.col.moment": {"fr": "Moment de vérité", "en": "Moment of truth"},
    "journey.col.data": {"fr": "Données collectées", "en": "Data collected"},
    "journey.col.collection_point": {"fr": "Point de collecte", "en": "Collection point"},
    "journey.col.owner": {"fr": "Responsable", "en": "Owner"},
    "journey.col.score": {"fr": "Score", "en": "Score"},
    "journey.col.status": {"fr": "Statut", "en": "Status"},
    "journey.col.quadrant": {"fr": "Quadrant", "en": "Quadrant"},
    "journey.col.persona": {"fr": "Persona", "en": "Persona"},
    "journey.col.steps": {"fr": "Pas", "en": "Steps"},
    "journey.col.channels": {"fr": "Canaux", "en": "Channels"},
    "journey.col.switches": {"fr": "Changements", "en": "Switches"},
    "journey.col.backtracks": {"fr": "Retours", "en": "Backtracks"},
    "journey.col.mean_emotion": {"fr": "Émotion moy.", "en": "Mean emotion"},
    "journey.col.lowest": {"fr": "Point bas", "en": "Lowest point"},
    "journey.col.skipped": {"fr": "Étapes non traversées", "en": "Stages not reached"},
    "journey.no_gap": {
        "fr": "Chaque segment trouve au moins un point de contact sur ses canaux à chaque étape qu'il traverse.",
        "en": "Every segment finds at least one touchpoint on its channels at each stage it goes through.",
    },
    "journey.col.segment_channels": {
        "fr": "Canaux du segment sans point de contact",
        "en": "Segment's channels with no touchpoint",
    },
    "journey.col.total": {"fr": "Total", "en": "Total"},
    "journey.rule.moments": {
        "fr": "Règle : un moment de vérité est un point de contact d'importance {min_importance} ou plus (sur 5). Score = importance × insatisfaction (satisfaction {satisfaction}, friction {friction}, déception {disappointment}). À score égal : le plus grand écart importance − performance d'abord (performance non mesurée : écart 0), puis l'émotion la plus basse, puis l'ordre du parcours.",
        "en": "Rule: a moment of truth is a touchpoint of importance {min_importance} or more (out of 5). Score = importance × dissatisfaction (satisfaction {satisfaction}, friction {friction}, disappointment {disappointment}). On equal scores: the larger importance − performance gap first (performance not measured: gap 0), then the lower emotion, then journey order.",
    },
    "journey.rule.crosshair_mean": {
        "fr": "Méthode importance-performance (Martilla et James, 1977) : les axes se croisent à la moyenne des points de contact notés (importance {importance}, performance {performance}) ; un point sur un axe compte comme « élevé ».",
        "en": "Importance-performance analysis (Martilla & James, 1977): the crosshair is at the mean of the rated touchpoints (importance {importance}, performance {performance}); a point on a line counts as high.",
    },
    "journey.rule.crosshair_mid": {
        "fr": "Méthode importance-performance (Martilla et James, 1977) : les axes se croisent au milieu de l'échelle de 1 à 5 (importance {importance}, performance {performance}) ; un point sur un axe compte comme « élevé ».",
        "en": "Importance-performance analysis (Martilla & James, 1977): the crosshair is at the middle of the 1-5 scale (importance {importance}, performance {performance}); a point on a line counts as high.",
    },
    "journey.rule.unrated": {
        "fr": "Performance non encore mesurée, hors graphique : {ids}.",
        "en": "Performance not measured yet, left out of the chart: {ids}.",
    },
    "journey.rule.gaps": {
        "fr": "Une étape est non couverte quand aucun point de contact destiné au segment (ou à tous) n'existe sur les canaux qu'il utilise.",
        "en": "A stage is a gap when no touchpoint serving the segment (or every segment) exists on the channels it uses.",
    },
    "journey.rule.collection": {
        "fr": "En gras : les points de contact qui collectent des données sans dire où elles sont saisies — le cas le plus urgent.",
        "en": "In bold: touchpoints that collect data without saying where it is captured — the most urgent case.",
    },
    "journey.sheet.grid": {"fr": "Carte", "en": "Map"},
    "journey.sheet.touchpoints": {"fr": "Points de contact", "en": "Touchpoints"},
    "journey.sheet.moments": {"fr": "Moments de vérité", "en": "Moments of truth"},
    "journey.sheet.quadrants": {"fr": "Importance-performance", "en": "Importance-performance"},
    "journey.sheet.paths": {"fr": "Parcours", "en": "Paths"},
    "journey.sheet.gaps": {"fr": "Étapes non couvertes", "en": "Coverage gaps"},
    "journey.sheet.collection": {"fr": "Points de collecte", "en": "Collection points"},
    "journey.sheet.perception": {"fr": "Perception par étape", "en": "Perception by stage"},
    "journey.chart.grid_alt": {
        "fr": "Carte du parcours : étapes en colonnes, canaux en lignes",
        "en": "Journey map: stages as columns, channels as rows",
    },
    # --- the relationship-plan deliverable (crmwb.plan_views) ---------------------------------
    "plan.title": {"fr": "Plan marketing relationnel", "en": "Relationship-marketing plan"},
    "plan.subtitle": {
        "fr": "{programmes} programmes, {scenarios} scénarios, {campaigns} campagnes",
        "en": "{programmes} programmes, {scenarios} scenarios, {campaigns} campaigns",
    },
    "plan.subtitle.calendar": {"fr": " du {first} au {last}", "en": " from {first} to {last}"},
    "plan.not_addressed": {"fr": "Non traité", "en": "Not addressed"},
    "plan.not_set": {"fr": "Non défini", "en": "Not set"},
    "plan.figure.programmes": {"fr": "Programmes", "en": "Programmes"},
    "plan.figure.actions": {
        "fr": "{scenarios} scénarios, {campaigns} campagnes",
        "en": "{scenarios} scenarios, {campaigns} campaigns",
    },
    "plan.figure.findings": {"fr": "Points à corriger", "en": "Points to fix"},
    "plan.figure.infos": {"fr": "et {count} pour information", "en": "and {count} for information"},
    "plan.figure.business_kpis": {"fr": "KPI business", "en": "Business KPIs"},
    "plan.figure.business_kpis_note": {
        "fr": "programmes suivis par un KPI business",
        "en": "programmes followed by a business KPI",
    },
    "plan.figure.weeks_over": {"fr": "Semaines hors plafond", "en": "Weeks over a cap"},
    "plan.figure.weeks_over_note": {
        "fr": "semaines où un segment dépasse son plafond",
        "en": "weeks in which a segment exceeds its cap",
    },
    "plan.section.summary": {"fr": "Synthèse", "en": "Summary"},
    "plan.section.programmes": {"fr": "Les programmes", "en": "The programmes"},
    "plan.section.findings": {"fr": "Les points à revoir", "en": "Points to review"},
    "plan.section.kpis": {"fr": "Les KPI des programmes", "en": "The programmes' KPIs"},
    "plan.section.moments": {
        "fr": "Les moments de vérité et les actions qui les traitent",
        "en": "Moments of truth and the actions that address them",
    },
    "plan.section.pressure": {"fr": "La pression marketing", "en": "Marketing pressure"},
    "plan.section.scenarios": {"fr": "Les scénarios", "en": "Scenarios"},
    "plan.section.campaigns": {"fr": "Le calendrier des campagnes", "en": "The campaign calendar"},
    "plan.section.conventions": {"fr": "Les conventions internes", "en": "Internal conventions"},
    "plan.summary.findings": {
        "fr": "La revue du plan relève **{count} points à corriger**, détaillés plus bas.",
        "en": "The review of the plan finds **{count} points to fix**, listed below.",
    },
    "plan.summary.no_finding": {
        "fr": "La revue du plan ne relève aucun point à corriger.",
        "en": "The review of the plan finds nothing to fix.",
    },
    "plan.summary.programmes": {
        "fr": "Programmes : {objectives} avec plus de deux objectifs, {kpis} suivis par un KPI qui n'est pas business (un taux d'ouverture ne dit pas si le programme vend).",
        "en": "Programmes: {objectives} with more than two objectives, {kpis} followed by a KPI that is not a business one (an open rate does not say whether the programme sells).",
    },
    "plan.summary.moments": {
        "fr": "Moments de vérité : {addressed} des {moments} points de contact importants qui déçoivent ou génèrent une friction sont traités par au moins une action.",
        "en": "Moments of truth: {addressed} of the {moments} important touchpoints that cause friction or disappointment are addressed by at least one action.",
    },
    "plan.summary.pressure": {
        "fr": "Pression marketing : le pic est atteint par le segment « {segment} » la semaine du {start}, avec {total} messages par contact pour un plafond de {cap}.",
        "en": "Marketing pressure: the peak is for segment '{segment}' in the week of {start}, with {total} messages per contact against a cap of {cap}.",
    },
    "plan.summary.pressure_ok": {
        "fr": "Pression marketing : aucun segment ne dépasse ses plafonds sur la période du calendrier.",
        "en": "Marketing pressure: no segment exceeds its caps over the calendar.",
    },
    "plan.rule.kpis": {
        "fr": "Un KPI business mesure un résultat (ventes additionnelles, clients réactivés, rétention) ; un indicateur de moyen (taux d'ouverture, de clic, délivrabilité) sert au pilotage opérationnel, pas à juger un programme (seed 000).",
        "en": "A business KPI measures a result (additional sales, reactivated customers, retention); a means indicator (open, click or delivery rates) serves day-to-day operations, not judging a programme (seed 000).",
    },
    "plan.rule.moments": {
        "fr": "Un moment de vérité est traité quand un programme, un scénario ou une campagne cite son identifiant. En gras : ceux à traiter qu'aucune action ne couvre.",
        "en": "A moment of truth is addressed when a programme, scenario or campaign lists its ID. In bold: those to fix that no action covers.",
    },
    "plan.rule.pressure": {
        "fr": "Messages par contact : chaque campagne compte 1 dans son segment (ou dans tous) ; un scénario compte son estimation mensuelle, limitée par son plafond de fréquence (au plus 30,4 / N par mois pour un message tous les N jours), et 12/52 de celle-ci par semaine. Semaines ISO, du lundi au dimanche.",
        "en": "Messages per contact: each campaign counts 1 in its segment (or in every segment); a scenario counts its monthly estimate, limited by its frequency cap (at most 30.4 / N a month for one message every N days), and 12/52 of it a week. ISO weeks, Monday to Sunday.",
    },
    "plan.col.severity": {"fr": "Gravité", "en": "Severity"},
    "plan.col.rule": {"fr": "Règle", "en": "Rule"},
    "plan.col.subject": {"fr": "Objet", "en": "Subject"},
    "plan.col.finding": {"fr": "Constat", "en": "Finding"},
    "plan.col.programme": {"fr": "Programme", "en": "Programme"},
    "plan.col.segment": {"fr": "Segment", "en": "Segment"},
    "plan.col.objectives": {"fr": "Objectifs", "en": "Objectives"},
    "plan.col.kpi": {"fr": "KPI principal", "en": "Main KPI"},
    "plan.col.kpi_kind": {"fr": "Type de KPI", "en": "KPI kind"},
    "plan.col.why": {"fr": "Pourquoi", "en": "Why"},
    "plan.col.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "plan.col.campaigns": {"fr": "Campagnes", "en": "Campaigns"},
    "plan.col.channels": {"fr": "Canaux", "en": "Channels"},
    "plan.col.touchpoints": {"fr": "Points de contact", "en": "Touchpoints"},
    "plan.col.addressed_by": {"fr": "Traité par", "en": "Addressed by"},
    "plan.col.cap_month": {"fr": "Plafond / mois", "en": "Cap / month"},
    "plan.col.week": {"fr": "Semaine", "en": "Week"},
    "plan.col.month": {"fr": "Mois", "en": "Month"},
    "plan.col.week_of": {"fr": "Semaine du", "en": "Week of"},
    "plan.col.period": {"fr": "Période", "en": "Period"},
    "plan.col.starting": {"fr": "Début", "en": "Starting"},
    "plan.col.campaign_messages": {"fr": "Campagnes", "en": "Campaigns"},
    "plan.col.scenario_messages": {"fr": "Scénarios (estim.)", "en": "Scenarios (est.)"},
    "plan.col.total": {"fr": "Total", "en": "Total"},
    "plan.col.cap": {"fr": "Plafond", "en": "Cap"},
    "plan.col.scenario": {"fr": "Scénario", "en": "Scenario"},
    "plan.col.trigger": {"fr": "Déclencheur", "en": "Trigger"},
    "plan.col.channel": {"fr": "Canal", "en": "Channel"},
    "plan.col.delay": {"fr": "Délai (j)", "en": "Delay (d)"},
    "plan.col.cap_days": {"fr": "Plafond (j)", "en": "Cap (d)"},
    "plan.col.rate": {"fr": "Msg / mois", "en": "Msg / month"},
    "plan.col.actions": {"fr": "Actions", "en": "Actions"},
    "plan.actions": {
        "fr": "{scenarios} scén., {campaigns} camp.",
        "en": "{scenarios} scen., {campaigns} camp.",
    },
    "plan.rule.scenarios": {
        "fr": "Délai : jours entre le déclencheur et l'envoi. Plafond : au plus un message par contact tous les N jours. Msg / mois : messages par contact et par mois retenus pour la pression (l'estimation, limitée par le plafond).",
        "en": "Delay: days between the trigger and the send. Cap: at most one message per contact every N days. Msg / month: messages per contact per month counted in the pressure (the estimate, limited by the cap).",
    },
    "plan.col.date": {"fr": "Date", "en": "Date"},
    "plan.col.campaign": {"fr": "Campagne", "en": "Campaign"},
    "plan.col.convention": {"fr": "Convention", "en": "Convention"},
    "plan.col.rule_value": {"fr": "Règle", "en": "Rule"},
    "plan.conv.active": {"fr": "Client actif", "en": "Active client"},
    "plan.conv.inactive": {"fr": "Client inactif", "en": "Inactive client"},
    "plan.conv.months": {
        "fr": "achat dans les {months} derniers mois",
        "en": "a purchase in the last {months} months",
    },
    "plan.conv.cap": {"fr": "Pression : {segment}", "en": "Pressure: {segment}"},
    "plan.conv.per_week": {"fr": "{count} par semaine", "en": "{count} a week"},
    "plan.conv.per_month": {"fr": "{count} par mois", "en": "{count} a month"},
    "plan.conv.opt_in": {"fr": "Consentement : {channel}", "en": "Consent: {channel}"},
    "plan.conv.sender": {"fr": "Expéditeur des {family}", "en": "Sender of {family}"},
    "plan.opt_in.opt_in": {"fr": "Opt-in (consentement préalable)", "en": "Opt-in (prior consent)"},
    "plan.opt_in.soft_opt_in": {
        "fr": "Soft opt-in (clients, produits analogues)",
        "en": "Soft opt-in (customers, similar products)",
    },
    "plan.opt_in.opt_out": {
        "fr": "Opt-out (droit d'opposition)",
        "en": "Opt-out (right to object)",
    },
    "plan.sheet.findings": {"fr": "Constats", "en": "Findings"},
    "plan.sheet.programmes": {"fr": "Programmes", "en": "Programmes"},
    "plan.sheet.kpis": {"fr": "KPI", "en": "KPIs"},
    "plan.sheet.moments": {"fr": "Moments de vérité", "en": "Moments of truth"},
    "plan.sheet.pressure_weeks": {"fr": "Pression par semaine", "en": "Pressure by week"},
    "plan.sheet.pressure_months": {"fr": "Pression par mois", "en": "Pressure by month"},
    "plan.sheet.over_cap": {"fr": "Hors plafond", "en": "Over the cap"},
    "plan.sheet.scenarios": {"fr": "Scénarios", "en": "Scenarios"},
    "plan.sheet.campaigns": {"fr": "Campagnes", "en": "Campaigns"},
    "plan.sheet.conventions": {"fr": "Conventions", "en": "Conventions"},
    "plan.chart.pressure_alt": {
        "fr": "Pression marketing par semaine et par segment",
        "en": "Marketing pressure by week and segment",
    },
    # --- the data-flow audit deliverable (crmwb.dataflow_views, crmwb.quality_views) -------------
    "audit.title": {
        "fr": "Audit des flux et des données clients",
        "en": "Data-flow and customer-data audit",
    },
    "audit.subtitle": {
        "fr": "{systems} systèmes, {flows} flux, {use_cases} cas d'usage",
        "en": "{systems} systems, {flows} flows, {use_cases} use cases",
    },
    "audit.no_finding": {"fr": "Aucun constat.", "en": "No finding."},
    "audit.missing": {"fr": "MANQUANT", "en": "MISSING"},
    "audit.figure.systems": {"fr": "Systèmes", "en": "Systems"},
    "audit.figure.personal": {
        "fr": "{count} hébergent des données personnelles",
        "en": "{count} host personal data",
    },
    "audit.figure.flows": {"fr": "Flux", "en": "Flows"},
    "audit.figure.manual": {"fr": "dont {count} manuels", "en": "{count} of them manual"},
    "audit.figure.use_cases": {"fr": "Cas d'usage alimentés", "en": "Use cases fully fed"},
    "audit.figure.use_cases_note": {
        "fr": "reçoivent toutes les données requises",
        "en": "receive every data object they need",
    },
    "audit.figure.findings": {"fr": "Points à corriger", "en": "Points to fix"},
    "audit.figure.infos": {
        "fr": "et {count} pour information",
        "en": "and {count} for information",
    },
    "audit.section.summary": {"fr": "Synthèse", "en": "Summary"},
    "audit.section.map": {"fr": "La cartographie des flux", "en": "The data-flow map"},
    "audit.section.findings": {"fr": "Les points à corriger", "en": "Points to fix"},
    "audit.section.infos": {"fr": "Pour information", "en": "For information"},
    "audit.section.coverage": {
        "fr": "Couverture des cas d'usage",
        "en": "Use-case coverage",
    },
    "audit.section.inventory": {
        "fr": "Inventaire des systèmes et des flux",
        "en": "Systems and flows",
    },
    "audit.section.register": {
        "fr": "Projet de registre des traitements (RGPD, art. 30)",
        "en": "Draft record of processing activities (GDPR art. 30)",
    },
    "audit.summary.map": {
        "fr": "La cartographie compte {systems} systèmes et {flows} flux. Cas d'usage recevant toutes leurs données : {complete} sur {use_cases}.",
        "en": "The map has {systems} systems and {flows} flows. Use cases receiving all the data they need: {complete} of {use_cases}.",
    },
    "audit.summary.findings": {
        "fr": "Points à corriger : {count}, détaillés plus bas ; les plus lourds de conséquences sont les données manquantes, les flux manuels et les points de défaillance uniques.",
        "en": "Points to fix: {count}, listed below; the weightiest are missing data, manual flows and single points of failure.",
    },
    "audit.col.use_case": {"fr": "Cas d'usage", "en": "Use case"},
    "audit.col.system": {"fr": "Système", "en": "System"},
    "audit.col.type": {"fr": "Type", "en": "Type"},
    "audit.col.role": {"fr": "Rôle", "en": "Role"},
    "audit.col.owner": {"fr": "Responsable", "en": "Owner"},
    "audit.col.personal": {"fr": "Données perso.", "en": "Personal data"},
    "audit.col.location": {"fr": "Localisation", "en": "Location"},
    "audit.col.retention": {"fr": "Conservation", "en": "Retention"},
    "audit.col.flow": {"fr": "Flux", "en": "Flow"},
    "audit.col.data_objects": {"fr": "Données", "en": "Data"},
    "audit.col.frequency": {"fr": "Fréquence", "en": "Frequency"},
    "audit.col.method": {"fr": "Méthode", "en": "Method"},
    "audit.col.volume": {"fr": "Volume", "en": "Volume"},
    "audit.col.legal_basis": {"fr": "Base légale", "en": "Legal basis"},
    "audit.col.activity": {"fr": "Traitement", "en": "Processing activity"},
    "audit.col.to_complete": {"fr": "À compléter", "en": "To complete"},
    "audit.col.field": {"fr": "Rubrique", "en": "Field"},
    "audit.register.none": {"fr": "aucun", "en": "none"},
    "audit.register.flows_without_basis": {
        "fr": "sans base légale : {flows}",
        "en": "no legal basis: {flows}",
    },
    "audit.rule.coverage": {
        "fr": "Chaque case donne les systèmes qui fournissent la donnée au système du cas d'usage : lui-même s'il la détient (dictionnaire de données), et la source de chaque flux qui la lui apporte. MANQUANT : aucun.",
        "en": "Each cell gives the systems providing the data to the use case's system: itself when it holds it (data dictionary), and the source of every flow bringing it. MISSING: none.",
    },
    "audit.rule.manual_bold": {
        "fr": "En gras : les flux manuels.",
        "en": "In bold: the manual flows.",
    },
    "audit.rule.register": {
        "fr": "Projet établi à partir de la cartographie, à compléter et valider par le DPO : en gras, les rubriques à compléter. Un transfert hors UE est un système hébergé hors de l'UE et de l'EEE.",
        "en": "A draft made from the map, for the DPO to complete and validate: in bold, the fields to complete. A transfer outside the EU is a system hosted outside the EU and the EEA.",
    },
    "audit.sheet.findings": {"fr": "Constats", "en": "Findings"},
    "audit.sheet.coverage": {"fr": "Couverture", "en": "Coverage"},
    "audit.sheet.systems": {"fr": "Systèmes", "en": "Systems"},
    "audit.sheet.flows": {"fr": "Flux", "en": "Flows"},
    "audit.sheet.register": {"fr": "Registre (projet)", "en": "Register (draft)"},
    "quality.section.file": {"fr": "Le fichier clients", "en": "The customer file"},
    "quality.section.duplicates": {"fr": "Les doublons", "en": "Duplicates"},
    "quality.figure.score": {"fr": "Score de qualité", "en": "Quality score"},
    "quality.figure.records": {"fr": "{rows} fiches clients", "en": "{rows} customer records"},
    "quality.figure.exact": {"fr": "Doublons exacts", "en": "Exact duplicates"},
    "quality.figure.exact_note": {
        "fr": "{count} fiches partagent un e-mail, un téléphone ou nom + code postal",
        "en": "{count} records share an e-mail, a phone or name + postcode",
    },
    "quality.figure.probable": {"fr": "Taux de doublons", "en": "Duplicate rate"},
    "quality.figure.probable_note": {
        "fr": "estimé, {clusters} groupes de fiches d'une même personne",
        "en": "estimated, {clusters} groups of one person's records",
    },
    "quality.figure.stale": {"fr": "Fiches inactives", "en": "Inactive records"},
    "quality.figure.stale_note": {
        "fr": "sans activité depuis {months} mois",
        "en": "no activity for {months} months",
    },
    "quality.summary.file": {
        "fr": "Le fichier {file} compte {rows} fiches ; son score de qualité est de **{score} sur 100**.",
        "en": "The file {file} holds {rows} records; its quality score is **{score} out of 100**.",
    },
    "quality.summary.duplicates": {
        "fr": "La déduplication probabiliste estime le taux de doublons à **{rate}** : {excess} fiches sont en trop et à fusionner avant la migration vers le nouveau CRM.",
        "en": "Probabilistic deduplication puts the duplicate rate at **{rate}**: {excess} records are surplus and should be merged before the migration to the new CRM.",
    },
    "quality.summary.validity": {
        "fr": "Validité à améliorer : {fields}.",
        "en": "Validity to improve: {fields}.",
    },
    "quality.col.field": {"fr": "Champ", "en": "Field"},
    "quality.col.filled": {"fr": "Renseignés", "en": "Filled"},
    "quality.col.completeness": {"fr": "Complétude", "en": "Completeness"},
    "quality.col.valid": {"fr": "Valides", "en": "Valid"},
    "quality.col.validity": {"fr": "Validité", "en": "Validity"},
    "quality.col.indicator": {"fr": "Indicateur", "en": "Indicator"},
    "quality.col.records": {"fr": "Fiches", "en": "Records"},
    "quality.col.share": {"fr": "Part", "en": "Share"},
    "quality.col.component": {"fr": "Composante", "en": "Component"},
    "quality.col.weight": {"fr": "Poids", "en": "Weight"},
    "quality.col.value": {"fr": "Valeur", "en": "Value"},
    "quality.col.key": {"fr": "Clé", "en": "Key"},
    "quality.col.groups": {"fr": "Groupes", "en": "Groups"},
    "quality.col.excess": {"fr": "Fiches en trop", "en": "Surplus records"},
    "quality.col.group": {"fr": "Groupe", "en": "Group"},
    "quality.col.line": {"fr": "Ligne", "en": "Line"},
    "quality.col.name": {"fr": "Initiales", "en": "Initials"},
    "quality.col.email": {"fr": "E-mail (masqué)", "en": "E-mail (masked)"},
    "quality.col.phone": {"fr": "Téléphone (masqué)", "en": "Phone (masked)"},
    "quality.col.postcode": {"fr": "Code postal", "en": "Postcode"},
    "quality.row.stale": {
        "fr": "Inactives (aucune activité depuis {months} mois)",
        "en": "Inactive (no activity for {months} months)",
    },
    "quality.row.no_date": {"fr": "Sans date d'activité", "en": "No activity date"},
    "quality.row.opt_in_yes": {"fr": "Consentement : oui", "en": "Consent: yes"},
    "quality.row.opt_in_no": {"fr": "Consentement : non", "en": "Consent: no"},
    "quality.row.opt_in_unknown": {"fr": "Consentement : inconnu", "en": "Consent: unknown"},
    "quality.row.undeliverable": {
        "fr": "Adresses en erreur (NPAI, rebonds)",
        "en": "Undeliverable (returned mail, bounces)",
    },
    "quality.part.completeness": {"fr": "Complétude", "en": "Completeness"},
    "quality.part.validity": {"fr": "Validité", "en": "Validity"},
    "quality.part.uniqueness": {"fr": "Unicité", "en": "Uniqueness"},
    "quality.part.freshness": {"fr": "Fraîcheur", "en": "Freshness"},
    "quality.part.consent": {"fr": "Consentement connu", "en": "Consent known"},
    "quality.part.deliverability": {"fr": "Délivrabilité", "en": "Deliverability"},
    "quality.key.email": {"fr": "Même e-mail", "en": "Same e-mail"},
    "quality.key.phone": {"fr": "Même téléphone", "en": "Same phone"},
    "quality.key.name_postcode": {"fr": "Même nom et code postal", "en": "Same name and postcode"},
    "quality.key.probable": {
        "fr": "Doublons probables (probabilité ≥ {threshold})",
        "en": "Probable duplicates (probability ≥ {threshold})",
    },
    "quality.example.cluster": {
        "fr": "Doublon probable {number}",
        "en": "Probable duplicate {number}",
    },
    "quality.rule.validity": {
        "fr": "Validité : e-mail à la syntaxe correcte (sans vérification en ligne) ; téléphone conforme au plan de numérotation du pays (métadonnées de phonenumbers) ; code postal au format du pays ; date lisible.",
        "en": "Validity: an e-mail of correct syntax (no online check); a phone fitting the country's numbering plan (phonenumbers' metadata); a postcode of the country's format; a readable date.",
    },
    "quality.rule.score": {
        "fr": "Score = moyenne pondérée des composantes ({weights}) ; une composante sans colonne associée est retirée et les poids restants sont rééchelonnés.",
        "en": "Score = weighted mean of the components ({weights}); a component with no mapped column is dropped and the other weights rescaled.",
    },
    "quality.rule.duplicates": {
        "fr": "Doublons exacts : e-mail en minuscules, téléphone normalisé, nom + prénom + code postal sans accents. Doublons probables : modèle de Fellegi-Sunter (splink) sur les paires choisies par les règles de blocage ci-dessous ; fiches en trop = fiches des groupes − groupes.",
        "en": "Exact duplicates: lower-case e-mail, normalised phone, first + last name + postcode without accents. Probable duplicates: a Fellegi-Sunter model (splink) on the pairs the blocking rules below choose; surplus = records in groups − groups.",
    },
    "quality.rule.masked": {
        "fr": "Exemples masqués : aucune donnée personnelle complète n'apparaît dans ce rapport.",
        "en": "Masked examples: no complete personal data appears in this report.",
    },
    "quality.rule.clusters_file": {
        "fr": "La liste complète des groupes de doublons (ligne, identifiant client, groupe) est remise à part, dans le fichier {file}, pour le nettoyage : à ne pas diffuser.",
        "en": "The full list of duplicate groups (line, customer ID, group) is handed over separately, in the file {file}, for the cleaning: not for circulation.",
    },
    "quality.rule.blocking": {
        "fr": "Règles de blocage (paires comparées) :",
        "en": "Blocking rules (the pairs compared):",
    },
    "quality.sheet.scorecard": {"fr": "Qualité par champ", "en": "Quality by field"},
    "quality.sheet.indicators": {"fr": "Indicateurs", "en": "Indicators"},
    "quality.sheet.score": {"fr": "Score", "en": "Score"},
    "quality.sheet.duplicates": {"fr": "Doublons", "en": "Duplicates"},
    "quality.sheet.examples": {"fr": "Exemples masqués", "en": "Masked examples"},
    "analysis.data_flow_audit": {"fr": "Audit des données", "en": "Data audit"},
    # --- the deliverable pack (crmwb.pack) ------------------------------------------------------
    "pack.title": {"fr": "Dossier de restitution", "en": "Deliverable pack"},
    "pack.subtitle": {
        "fr": "Synthèse des {count} analyses et accès aux rapports",
        "en": "Summary of the {count} analyses and links to the reports",
    },
    "pack.contents": {"fr": "Sommaire", "en": "Contents"},
    "pack.not_run": {"fr": "Analyses non produites", "en": "Analyses not produced"},
    "pack.status.skipped": {
        "fr": "non réalisée, faute de données",
        "en": "not run: no data for it",
    },
    "pack.status.failed": {"fr": "en échec", "en": "failed"},
    "pack.link.html": {"fr": "Rapport", "en": "Report"},
    "pack.link.pdf": {"fr": "PDF", "en": "PDF"},
    "pack.link.xlsx": {"fr": "Classeur Excel", "en": "Excel workbook"},
    # --- the project plan and governance deliverables (crmwb.project_views) ---------------------
    "project.title": {"fr": "Planning du projet CRM", "en": "CRM project plan"},
    "project.subtitle": {
        "fr": "{phases} phases, du {start} au {end}",
        "en": "{phases} phases, from {start} to {end}",
    },
    "project.copil": {"fr": "Comité de pilotage", "en": "Steering committee"},
    "project.figure.end": {"fr": "Fin du projet", "en": "Project end"},
    "project.figure.start": {"fr": "démarrage le {start}", "en": "starting on {start}"},
    "project.figure.duration": {"fr": "Durée", "en": "Duration"},
    "project.figure.months": {"fr": "{months} mois", "en": "{months} months"},
    "project.figure.phases": {"fr": "{count} phases", "en": "{count} phases"},
    "project.figure.copil": {"fr": "Comités de pilotage", "en": "Steering committees"},
    "project.figure.points": {
        "fr": "et {count} points opérationnels",
        "en": "and {count} operational points",
    },
    "project.figure.now": {"fr": "Au {date}", "en": "On {date}"},
    "project.figure.now_note": {"fr": "phase(s) en cours", "en": "phase(s) under way"},
    "project.summary.dates": {
        "fr": "Le projet démarre le {start} et se termine le **{end}**, soit {months} mois (les guides donnent 6 à 8 mois en moyenne, de 3 mois à 2 ans).",
        "en": "The project starts on {start} and ends on **{end}**, {months} months (the guides give 6 to 8 months on average, from 3 months to 2 years).",
    },
    "project.summary.critical": {
        "fr": "Chemin critique (tout retard y décale la fin du projet) : {phases}.",
        "en": "Critical path (any delay there moves the end of the project): {phases}.",
    },
    "project.summary.slack": {
        "fr": "Phases avec de la marge : {phases}.",
        "en": "Phases with slack: {phases}.",
    },
    "project.section.summary": {"fr": "Synthèse", "en": "Summary"},
    "project.section.gantt": {"fr": "Le planning", "en": "The schedule"},
    "project.section.phases": {"fr": "Les phases", "en": "The phases"},
    "project.section.milestones": {
        "fr": "Les instances de pilotage",
        "en": "Governance milestones",
    },
    "project.section.checklist": {
        "fr": "La check-list de déploiement",
        "en": "The deployment checklist",
    },
    "project.col.phase": {"fr": "Phase", "en": "Phase"},
    "project.col.batch": {"fr": "Lot", "en": "Batch"},
    "project.col.start": {"fr": "Début", "en": "Start"},
    "project.col.end": {"fr": "Fin", "en": "End"},
    "project.col.days": {"fr": "Jours", "en": "Days"},
    "project.col.slack": {"fr": "Marge (j)", "en": "Slack (d)"},
    "project.col.after": {"fr": "Après", "en": "After"},
    "project.col.owner": {"fr": "Responsable", "en": "Owner"},
    "project.col.milestone": {"fr": "Instance", "en": "Meeting"},
    "project.col.date": {"fr": "Date", "en": "Date"},
    "project.col.step": {"fr": "Étape", "en": "Step"},
    "project.col.status": {"fr": "Statut", "en": "Status"},
    "project.rule.dates": {
        "fr": "Jours calendaires ; un mois compte 30,4 jours. Une phase commence le lendemain de la fin de celles dont elle dépend. En gras : le chemin critique.",
        "en": "Calendar days; a month counts 30.4 days. A phase starts the day after the phases it depends on end. In bold: the critical path.",
    },
    "project.rule.milestones": {
        "fr": "Un comité de pilotage par trimestre à compter du démarrage, et un de clôture ; un point opérationnel toutes les deux semaines ({points} au total).",
        "en": "A steering committee every quarter from the start, and a closing one; an operational point every two weeks ({points} in all).",
    },
    "project.sheet.phases": {"fr": "Phases", "en": "Phases"},
    "project.sheet.milestones": {"fr": "Comités", "en": "Committees"},
    "project.sheet.checklist": {"fr": "Check-list", "en": "Checklist"},
    "governance.title": {"fr": "Gouvernance du projet", "en": "Project governance"},
    "governance.subtitle": {
        "fr": "RACI et suivi au comité de pilotage du {date}",
        "en": "RACI and follow-up for the steering committee of {date}",
    },
    "governance.no_finding": {"fr": "Aucun point à revoir.", "en": "Nothing to review."},
    "governance.no_gap": {"fr": "Aucun écart à discuter.", "en": "No gap to discuss."},
    "governance.section.raci": {"fr": "La matrice RACI", "en": "The RACI matrix"},
    "governance.section.raci_findings": {
        "fr": "Points à revoir dans le RACI",
        "en": "RACI points to review",
    },
    "governance.section.load": {"fr": "Charge par équipe", "en": "Load per team"},
    "governance.section.copil": {
        "fr": "Suivi pour le comité de pilotage",
        "en": "Steering-committee follow-up",
    },
    "governance.section.gaps": {"fr": "Écarts à discuter", "en": "Gaps to discuss"},
    "governance.col.group": {"fr": "Domaine", "en": "Area"},
    "governance.col.task": {"fr": "Tâche", "en": "Task"},
    "governance.col.team": {"fr": "Équipe", "en": "Team"},
    "governance.col.share": {"fr": "Part des tâches (R ou A)", "en": "Share of tasks (R or A)"},
    "governance.col.programme": {"fr": "Programme", "en": "Programme"},
    "governance.col.kpi": {"fr": "KPI", "en": "KPI"},
    "governance.col.kind": {"fr": "Type", "en": "Kind"},
    "governance.col.month": {"fr": "Mois", "en": "Month"},
    "governance.col.target": {"fr": "Objectif", "en": "Target"},
    "governance.col.actual": {"fr": "Réalisé", "en": "Actual"},
    "governance.col.gap": {"fr": "Écart", "en": "Gap"},
    "governance.col.action": {"fr": "Action", "en": "Action"},
    "governance.col.planned": {"fr": "Prévue le", "en": "Planned for"},
    "governance.col.days_late": {"fr": "Jours de retard", "en": "Days late"},
    "governance.kind.business": {"fr": "business", "en": "business"},
    "governance.kind.operational": {"fr": "opérationnel", "en": "operational"},
    "governance.rule.raci": {
        "fr": "R : réalise ; A : approuve (un seul par tâche) ; C : consulté ; I : informé. En gras : les tâches à revoir.",
        "en": "R: does it; A: approves (one per task); C: consulted; I: informed. In bold: the tasks to review.",
    },
    "governance.rule.load": {
        "fr": "Nombre de tâches par rôle ; la part compte les tâches que l'équipe réalise ou approuve.",
        "en": "Tasks per role; the share counts the tasks the team does or approves.",
    },
    "governance.sheet.raci": {"fr": "RACI", "en": "RACI"},
    "governance.sheet.load": {"fr": "Charge", "en": "Load"},
    "governance.sheet.kpis": {"fr": "KPI", "en": "KPIs"},
    "governance.sheet.late": {"fr": "Actions en retard", "en": "Late actions"},
    "governance.chart.behind": {
        "fr": "En retard de plus de 10 %",
        "en": "Behind by more than 10 %",
    },
    "governance.chart.kpi_alt": {
        "fr": "Objectifs et réalisé par mois",
        "en": "Targets and actuals by month",
    },
    "analysis.project_plan": {"fr": "Planning du projet", "en": "Project plan"},
    "analysis.governance": {"fr": "Gouvernance", "en": "Governance"},
    "analysis.journey_mapping": {"fr": "Parcours client", "en": "Customer journey"},
    "analysis.relationship_plan": {
        "fr": "Plan marketing relationnel",
        "en": "Relationship-marketing plan",
    },
    "analysis.roi": {"fr": "Retour sur investissement", "en": "Return on investment"},
    "analysis.tco": {"fr": "Coût total de possession", "en": "Total cost of ownership"},
}

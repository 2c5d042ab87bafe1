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
    # --- batch and files ----------------------------------------------------------------
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
    "analysis.roi": {"fr": "Retour sur investissement", "en": "Return on investment"},
    "analysis.tco": {"fr": "Coût total de possession", "en": "Total cost of ownership"},
}

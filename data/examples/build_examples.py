"""Regenerate the example clients' workbooks (``python data/examples/build_examples.py``).

The workbooks are the source of truth (a consultant edits them in Excel); this script records
how they were made and rebuilds them when the workbook layout changes.

* ``seed-example``: the worked example of DOMAIN.md §4 (seed 004), on one 7-year horizon:
  licence 3 000 EUR for 4 users + 20 % maintenance a year + 6 000 EUR of year-1 services,
  training and hardware, against SaaS at 60 EUR per user per month + 2 000 EUR of services.
  Expected: 13 200 EUR (licence) and 22 160 EUR (SaaS), break-even during year 4.
* ``northwind-retail``: a mid-size retailer (40 users, 180 000 contacts), in English, on-premise
  licence against SaaS over 5 years at 8 %, with the costs the seeds say are often forgotten
  (AMOA, migration, custom development at 850 EUR a day, internal staff, refresher training).
  Its vendor comparison (DOMAIN.md §3): 5 vendors of the three market types, 10 criteria in 4
  groups (features, costs, ease of use & support, integration) weighted by AHP (groups, then
  criteria within each group; every consistency ratio below 0.10), scores on 0-5 by two
  evaluators, 8 use cases of the relationship plan with their coverage, and each vendor's price
  list on the Pricing sheet (40 users growing 5 %, 180 000 contacts growing 8 %, 2.4 M messages
  a year growing 10 %, 30 GB growing 15 %): the 5-year TCO criterion is computed from them.
  Ecosystem CRMs: editions per user per month (Salesforce's Enterprise edition is capped at 47
  users, so Unlimited is forced in year 5), modules, a connector licence with maintenance
  (Dynamics), storage overage (Salesforce), expensive integrator services with ranges.
  Intermediate CRMs: contact tiers with a tier jump during the horizon, message tiers. Campaign
  manager: cheap contact tiers, messages, and a minimum commitment topped up every year.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmwb.clients import WORKBOOK_NAME
from crmwb.pricing import (
    ContactPricing,
    Edition,
    LicencePurchase,
    MessagePricing,
    MinimumCommitment,
    Module,
    OneOffService,
    PricePeriod,
    StoragePricing,
    Tier,
    UserPricing,
    VendorPricing,
    Volume,
    Volumes,
)
from crmwb.roi import (
    AdminTasksAutomated,
    HigherAverageBasket,
    QualitativeBenefit,
    ReactivatedDormantClients,
    Retention,
    TimeSaved,
    UndeliverableMailSavings,
)
from crmwb.roi_sheets import RoiSheet
from crmwb.tco import Basis, Category, CostLine, Frequency, TcoSettings
from crmwb.uncertainty import Pert
from crmwb.vendor_sheets import (
    GROUPS_SCOPE,
    Comparison,
    CriterionEntry,
    CriterionMeasure,
    UseCaseEntry,
    VendorEntry,
    VendorSheets,
    WeightingMethod,
)
from crmwb.vendors import Coverage, Direction, MarketType, scores_from_table
from crmwb.workbook import About, TcoInputs, build_workbook, save_workbook

HERE = Path(__file__).resolve().parent
C, F, B = Category, Frequency, Basis

SEED = (
    About("Exemple du guide (seed 004)", "fr", "EUR", "Équipe crmwb", dt.date(2026, 11, 23)),
    TcoInputs(
        TcoSettings(horizon_years=7, discount_rate=0.0, users=4),
        (
            CostLine(
                "Licence",
                C.LICENCE,
                F.ONE_OFF,
                B.FLAT,
                3000,
                description="Licence perpétuelle, 4 utilisateurs",
            ),
            CostLine(
                "Licence",
                C.MAINTENANCE,
                F.YEARLY,
                B.PERCENT_OF_LICENCE,
                rate=0.20,
                description="Maintenance obligatoire (20 % par an)",
            ),
            CostLine(
                "Licence",
                C.IMPLEMENTATION,
                F.ONE_OFF,
                B.FLAT,
                6000,
                description="Prestations, formation et matériel de l'année 1",
            ),
            CostLine(
                "SaaS",
                C.SUBSCRIPTION,
                F.MONTHLY,
                B.PER_USER,
                60,
                description="Abonnement, 60 € par utilisateur et par mois",
            ),
            CostLine(
                "SaaS",
                C.IMPLEMENTATION,
                F.ONE_OFF,
                B.FLAT,
                2000,
                description="Prestations et formation",
            ),
        ),
    ),
)

LIC, SAAS = "On-premise licence", "SaaS"
NORTHWIND = (
    About("Northwind Home Retail", "en", "EUR", "Alex Morgan", dt.date(2026, 11, 23)),
    TcoInputs(
        TcoSettings(
            horizon_years=5, discount_rate=0.08, users=40, contacts=180_000, escalation=0.03
        ),
        (
            CostLine(
                LIC,
                C.LICENCE,
                F.ONE_OFF,
                B.PER_USER,
                1450,
                description="Perpetual named-user licences",
            ),
            CostLine(
                LIC,
                C.MAINTENANCE,
                F.YEARLY,
                B.PERCENT_OF_LICENCE,
                rate=0.20,
                description="Vendor maintenance and upgrades",
            ),
            CostLine(
                LIC,
                C.HARDWARE,
                F.ONE_OFF,
                B.FLAT,
                24000,
                description="Application and database servers, backup",
            ),
            CostLine(
                LIC,
                C.INTERNAL_STAFF,
                F.YEARLY,
                B.FLAT,
                21000,
                description="System administration, 0.3 FTE",
            ),
            CostLine(
                LIC,
                C.IMPLEMENTATION,
                F.ONE_OFF,
                B.FLAT,
                62000,
                description="Integrator: set-up, ERP and e-commerce interfaces",
            ),
            CostLine(
                LIC,
                C.MIGRATION,
                F.ONE_OFF,
                B.FLAT,
                18500,
                description="Legacy data recovery and clean-up",
            ),
            CostLine(
                LIC,
                C.TRAINING,
                F.ONE_OFF,
                B.PER_USER,
                450,
                description="Initial training, one day per user",
            ),
            CostLine(
                LIC,
                C.TRAINING,
                F.ONE_OFF,
                B.PER_USER,
                150,
                start_year=3,
                description="Refresher training after the version upgrade",
            ),
            CostLine(
                LIC,
                C.CONSULTING,
                F.ONE_OFF,
                B.PER_DAY,
                950,
                quantity=25,
                description="AMOA: specification, vendor follow-up, acceptance",
            ),
            CostLine(
                LIC,
                C.CUSTOM_DEVELOPMENT,
                F.ONE_OFF,
                B.PER_DAY,
                850,
                quantity=30,
                description="Loyalty programme and store screens",
            ),
            CostLine(
                LIC,
                C.CUSTOM_DEVELOPMENT,
                F.YEARLY,
                B.PER_DAY,
                850,
                quantity=8,
                start_year=2,
                description="Post-deployment developments",
            ),
            CostLine(
                LIC,
                C.IMPLEMENTATION,
                F.ONE_OFF,
                B.FLAT,
                15000,
                start_year=4,
                description="Major version upgrade project",
            ),
            CostLine(
                SAAS,
                C.SUBSCRIPTION,
                F.MONTHLY,
                B.PER_USER,
                95,
                escalation=0.05,
                description="Enterprise edition, per user per month",
            ),
            CostLine(
                SAAS,
                C.SUBSCRIPTION,
                F.YEARLY,
                B.PER_CONTACT,
                0.10,
                description="Marketing module, per contact in the base",
            ),
            CostLine(
                SAAS, C.OTHER, F.YEARLY, B.FLAT, 2400, description="Extra storage and full sandbox"
            ),
            CostLine(
                SAAS,
                C.INTERNAL_STAFF,
                F.YEARLY,
                B.FLAT,
                10500,
                description="CRM administration, 0.15 FTE",
            ),
            CostLine(
                SAAS,
                C.IMPLEMENTATION,
                F.ONE_OFF,
                B.FLAT,
                48000,
                description="Integrator: configuration and interfaces",
            ),
            CostLine(
                SAAS,
                C.MIGRATION,
                F.ONE_OFF,
                B.FLAT,
                18500,
                description="Legacy data recovery and clean-up",
            ),
            CostLine(SAAS, C.TRAINING, F.ONE_OFF, B.PER_USER, 350, description="Initial training"),
            CostLine(
                SAAS,
                C.CONSULTING,
                F.ONE_OFF,
                B.PER_DAY,
                950,
                quantity=25,
                description="AMOA: specification, vendor follow-up, acceptance",
            ),
            CostLine(
                SAAS,
                C.CUSTOM_DEVELOPMENT,
                F.ONE_OFF,
                B.PER_DAY,
                850,
                quantity=20,
                description="Loyalty programme and store screens",
            ),
            CostLine(
                SAAS,
                C.CUSTOM_DEVELOPMENT,
                F.YEARLY,
                B.PER_DAY,
                850,
                quantity=8,
                start_year=2,
                description="Post-deployment developments",
            ),
        ),
    ),
)


SF, MS, SPLIO, SELLIGENT, BREVO = (
    "Salesforce Sales + Marketing Cloud",
    "Microsoft Dynamics 365",
    "Splio",
    "Selligent",
    "Brevo",
)
FEATURES, COSTS, EASE, INTEGRATION = (
    "Features",
    "Costs",
    "Ease of use & support",
    "Integration",
)
SEGMENTATION, JOURNEYS, LOYALTY = (
    "Customer data and segmentation",
    "Campaigns and journeys",
    "Loyalty programme",
)
TCO_5Y, EFFORT = "5-year TCO", "Implementation effort"
USABILITY, SUPPORT = "Ease of use for marketers", "Vendor support"
APIS, CONNECTORS, FILES = "APIs and web services", "E-commerce and ERP connectors", "File import"
ALEX, SAM = "Alex Morgan", "Sam Patel"
BEN, COST = Direction.BENEFIT, Direction.COST
N, CF, CD, NC = (
    Coverage.NATIVE,
    Coverage.CONFIGURATION,
    Coverage.CUSTOM_DEVELOPMENT,
    Coverage.NOT_COVERED,
)


def _coverage(*levels: Coverage) -> dict[str, Coverage]:
    return dict(zip((SF, MS, SPLIO, SELLIGENT, BREVO), levels, strict=True))


# vendor -> criterion -> (Alex, Sam); the TCO (an amount in EUR) is typed by Alex only
_SCORES: dict[str, dict[str, list[float | None]]] = {
    SF: {
        SEGMENTATION: [5, 4],
        JOURNEYS: [5, 5],
        LOYALTY: [4, 3],
        EFFORT: [5, 4],
        USABILITY: [3, 3],
        SUPPORT: [4, 4],
        APIS: [5, 5],
        CONNECTORS: [4, 5],
        FILES: [4, 4],
    },
    MS: {
        SEGMENTATION: [4, 4],
        JOURNEYS: [4, 3],
        LOYALTY: [2, None],  # Sam did not see the loyalty demo: not evaluated, on purpose
        EFFORT: [4, 4],
        USABILITY: [3, 2],
        SUPPORT: [4, 3],
        APIS: [5, 4],
        CONNECTORS: [5, 4],
        FILES: [4, 4],
    },
    SPLIO: {
        SEGMENTATION: [4, 5],
        JOURNEYS: [4, 4],
        LOYALTY: [5, 5],
        EFFORT: [2, 3],
        USABILITY: [4, 4],
        SUPPORT: [4, 5],
        APIS: [4, 3],
        CONNECTORS: [4, 4],
        FILES: [5, 4],
    },
    SELLIGENT: {
        SEGMENTATION: [4, 4],
        JOURNEYS: [5, 4],
        LOYALTY: [3, 3],
        EFFORT: [3, 3],
        USABILITY: [3, 4],
        SUPPORT: [3, 3],
        APIS: [4, 4],
        CONNECTORS: [3, 3],
        FILES: [4, 4],
    },
    BREVO: {
        SEGMENTATION: [2, 3],
        JOURNEYS: [3, 3],
        LOYALTY: [1, 2],
        EFFORT: [1, 1],
        USABILITY: [5, 5],
        SUPPORT: [3, 2],
        APIS: [3, 3],
        CONNECTORS: [3, 3],
        FILES: [4, 4],
    },
}

# The vendors' price lists (quotes excluding VAT, in EUR), costed on the TCO sheet's 5 years at
# 8 % with a 3 % yearly escalation. Ranges: multipliers (low, 1, high) of a price, or amounts
# (low, most likely, high) for a service.
NORTHWIND_VOLUMES = Volumes(
    users=Volume(40, 0.05),
    contacts=Volume(180_000, 0.08),
    messages=Volume(2_400_000, 0.10),
    storage_gb=Volume(30, 0.15),
)
NORTHWIND_PRICING = (
    VendorPricing(
        SF,
        users=UserPricing(
            (Edition("Enterprise", 150, max_users=47), Edition("Unlimited", 330)),
            uncertainty=Pert(0.95, 1.0, 1.15),
        ),
        modules=(
            Module("Marketing Cloud Account Engagement (Growth)", 1250),
            Module("Loyalty Management", 1500, uncertainty=Pert(0.9, 1.0, 1.4)),
        ),
        services=(
            OneOffService(
                "Integrator: set-up, ERP and e-commerce interfaces", Pert(95_000, 115_000, 170_000)
            ),
            OneOffService("Legacy data migration", Pert(18_000, 22_000, 40_000)),
            OneOffService("Training of 40 users", 14_000),
        ),
        storage=StoragePricing(20, 5.0),
    ),
    VendorPricing(
        MS,
        users=UserPricing((Edition("Sales Enterprise", 105),), uncertainty=Pert(0.95, 1.0, 1.1)),
        modules=(Module("Customer Insights - Journeys", 1500, uncertainty=Pert(0.95, 1.0, 1.3)),),
        licences=(LicencePurchase(18_000, 0.18, description="ERP connector, perpetual licence"),),
        services=(
            OneOffService(
                "Integrator: configuration and interfaces", Pert(80_000, 95_000, 140_000)
            ),
            OneOffService("Legacy data migration", Pert(18_000, 22_000, 40_000)),
            OneOffService("Training of 40 users", 12_000),
        ),
    ),
    VendorPricing(
        SPLIO,
        contacts=ContactPricing(
            (Tier(200_000, 0.25), Tier(400_000, 0.29)), PricePeriod.YEAR, Pert(0.95, 1.0, 1.2)
        ),
        messages=MessagePricing((Tier(3_000_000, 0.60), Tier(None, 0.50))),
        modules=(Module("Loyalty engine", 900),),
        services=(
            OneOffService("Set-up and loyalty programme", Pert(38_000, 45_000, 65_000)),
            OneOffService("Legacy data migration", 18_000),
        ),
    ),
    VendorPricing(
        SELLIGENT,
        contacts=ContactPricing((Tier(200_000, 0.022), Tier(None, 0.020))),
        messages=MessagePricing((Tier(5_000_000, 0.45), Tier(None, 0.40))),
        modules=(Module("Omnichannel journeys (SMS, push)", 600, uncertainty=Pert(0.9, 1.0, 1.5)),),
        services=(
            OneOffService("Integrator: set-up and interfaces", Pert(50_000, 60_000, 90_000)),
            OneOffService("Training", 8_000),
        ),
    ),
    VendorPricing(
        BREVO,
        contacts=ContactPricing((Tier(250_000, 0.004), Tier(None, 0.0035))),
        messages=MessagePricing((Tier(3_000_000, 0.30), Tier(None, 0.25))),
        services=(OneOffService("Onboarding and templates", Pert(5_000, 6_000, 9_000)),),
        minimum=MinimumCommitment(24_000),
    ),
)

NORTHWIND_VENDORS = VendorSheets(
    vendors=(
        VendorEntry(
            SF,
            MarketType.ECOSYSTEM,
            "Broadest scope; needs an integrator; priced per user and per module (Loyalty"
            " Management is an add-on).",
        ),
        VendorEntry(
            MS,
            MarketType.ECOSYSTEM,
            "Sales + Customer Insights - Journeys; fits the Microsoft 365 and Power BI stack.",
        ),
        VendorEntry(
            SPLIO,
            MarketType.INTERMEDIATE,
            "French marketing CRM for retail, loyalty engine built in; priced per contact.",
        ),
        VendorEntry(
            SELLIGENT,
            MarketType.INTERMEDIATE,
            "Marketing cloud (now Marigold), strong on omnichannel journeys; priced per contact.",
        ),
        VendorEntry(
            BREVO,
            MarketType.CAMPAIGN_MANAGER,
            "Formerly Sendinblue: e-mail and SMS campaigns, light CRM; priced per message volume.",
        ),
    ),
    criteria=(
        CriterionEntry(FEATURES, SEGMENTATION, BEN),
        CriterionEntry(FEATURES, JOURNEYS, BEN, knock_out_minimum=3),
        CriterionEntry(FEATURES, LOYALTY, BEN),
        CriterionEntry(COSTS, TCO_5Y, COST, CriterionMeasure.TCO, knock_out_maximum=900_000),
        CriterionEntry(COSTS, EFFORT, COST),
        CriterionEntry(EASE, USABILITY, BEN),
        CriterionEntry(EASE, SUPPORT, BEN),
        CriterionEntry(INTEGRATION, APIS, BEN),
        CriterionEntry(INTEGRATION, CONNECTORS, BEN),
        CriterionEntry(INTEGRATION, FILES, BEN),
    ),
    scores=scores_from_table(_SCORES, [ALEX, SAM]),
    scale=(0, 5),
    weighting=WeightingMethod.AHP,
    comparisons=(
        Comparison(GROUPS_SCOPE, FEATURES, COSTS, 2),
        Comparison(GROUPS_SCOPE, FEATURES, EASE, 3),
        Comparison(GROUPS_SCOPE, FEATURES, INTEGRATION, 2),
        Comparison(GROUPS_SCOPE, COSTS, EASE, 2),
        Comparison(GROUPS_SCOPE, COSTS, INTEGRATION, 1),
        Comparison(GROUPS_SCOPE, EASE, INTEGRATION, 1 / 2),
        Comparison(FEATURES, SEGMENTATION, JOURNEYS, 1 / 2),
        Comparison(FEATURES, SEGMENTATION, LOYALTY, 2),
        Comparison(FEATURES, JOURNEYS, LOYALTY, 3),
        Comparison(COSTS, TCO_5Y, EFFORT, 3),
        Comparison(EASE, USABILITY, SUPPORT, 2),
        Comparison(INTEGRATION, APIS, CONNECTORS, 1),
        Comparison(INTEGRATION, APIS, FILES, 3),
        Comparison(INTEGRATION, CONNECTORS, FILES, 2),
    ),
    use_cases=(
        UseCaseEntry(
            "Welcome journey for new subscribers", 3, True, "Onboarding", _coverage(N, N, N, N, N)
        ),
        UseCaseEntry(
            "Single profile across stores and web",
            3,
            True,
            "Customer knowledge",
            _coverage(CF, CF, N, CF, CD),
        ),
        UseCaseEntry("Loyalty points and tiers", 3, False, "Loyalty", _coverage(CF, CD, N, CD, NC)),
        UseCaseEntry(
            "Abandoned basket reminders", 2, False, "E-commerce", _coverage(N, CF, N, N, N)
        ),
        UseCaseEntry(
            "Reactivation of lapsed customers", 2, False, "Reactivation", _coverage(N, N, N, N, CF)
        ),
        UseCaseEntry(
            "Clienteling app for store staff", 1, False, "Stores", _coverage(CF, CF, CD, NC, NC)
        ),
        UseCaseEntry(
            "Customer service cases and complaints",
            2,
            False,
            "Service",
            _coverage(N, N, NC, NC, CF),
        ),
        UseCaseEntry(
            "Consent and preference centre (GDPR)",
            3,
            True,
            "Compliance",
            _coverage(N, N, N, N, CF),
        ),
    ),
    evaluators=(ALEX, SAM),
    pricing=NORTHWIND_PRICING,
    volumes=NORTHWIND_VOLUMES,
)

VENDORS = {"northwind-retail": NORTHWIND_VENDORS}
"""The examples' vendor comparisons (the seed example has none: its vendor sheets are empty)."""

SEED_ROI = RoiSheet(
    tco_option="Licence",
    levers=(
        TimeSaved(
            name="Recherche d'informations et saisie unique",
            users=4,
            minutes_a_day=20,
            working_days=210,
            loaded_hourly_cost=35,
            productive_share=0.5,
            ramp_up=(0.5, 1.0),
        ),
        UndeliverableMailSavings(
            name="Courriers NPAI évités",
            mailings=6000,
            npai_rate=0.08,
            share_avoided=0.7,
            unit_cost=1.5,
        ),
        ReactivatedDormantClients(
            name="Relance des clients dormants",
            dormant_clients=300,
            reactivation_rate=0.05,
            average_basket=400,
            gross_margin_rate=0.35,
            ramp_up=(0.5, 1.0),
            risk_adjustment=0.2,
        ),
    ),
    qualitative=(
        QualitativeBenefit(
            "Historique client partagé", "Chacun voit les échanges passés, même en congé."
        ),
    ),
    team_days=10,
    day_cost=400,
    training_hours=7,
    hourly_cost=35,
    change_management=1000,
)
"""Seed example: 4 users, the licence option (the TCO's cheapest)."""

RAMP = (0.5, 0.8, 1.0)
NORTHWIND_ROI = RoiSheet(
    tco_option=LIC,
    discount_rate=0.08,
    levers=(
        ReactivatedDormantClients(
            name="Win-back of dormant clients",
            dormant_clients=24_000,
            reactivation_rate=Pert(0.02, 0.04, 0.06),
            average_basket=Pert(140, 180, 220),
            gross_margin_rate=0.38,
            ramp_up=RAMP,
            risk_adjustment=0.15,
        ),
        HigherAverageBasket(
            name="Next-best-offer in store and online",
            orders_a_year=60_000,
            basket_increase=Pert(1, 2, 3.5),
            gross_margin_rate=0.38,
            ramp_up=RAMP,
            risk_adjustment=0.15,
        ),
        Retention(
            name="Loyalty programme follow-up",
            customers=60_000,
            churn_reduction=Pert(0.005, 0.01, 0.015),
            customer_value=320,
            gross_margin_rate=0.38,
            ramp_up=RAMP,
            risk_adjustment=0.2,
        ),
        UndeliverableMailSavings(
            name="Catalogue mailings not returned (NPAI)",
            mailings=360_000,
            npai_rate=Pert(0.04, 0.06, 0.08),
            share_avoided=0.7,
            unit_cost=1.5,
            ramp_up=(0.8, 1.0),
        ),
        TimeSaved(
            name="Customer view for 40 users",
            users=40,
            minutes_a_day=Pert(10, 15, 25),
            working_days=215,
            loaded_hourly_cost=38,
            productive_share=0.5,
            ramp_up=RAMP,
            risk_adjustment=0.1,
        ),
        AdminTasksAutomated(
            name="Activity reports and unsubscribes",
            tasks_a_year=9000,
            minutes_per_task=12,
            loaded_hourly_cost=38,
            share_automated=Pert(0.4, 0.6, 0.75),
            ramp_up=RAMP,
        ),
    ),
    qualitative=(
        QualitativeBenefit(
            "Single customer view for store staff",
            "Advisers see online orders and service history at the till.",
        ),
        QualitativeBenefit(
            "GDPR consent managed in one place",
            "Consents and unsubscribes are traced, which lowers the compliance risk.",
        ),
    ),
    team_days=60,
    day_cost=550,
    training_hours=7,
    hourly_cost=38,
    change_management=25_000,
    cost_risk=0.1,
)
"""Northwind: 40 users, 180 000 contacts, the on-premise licence (the TCO's cheapest)."""

ROI = {"seed-example": SEED_ROI, "northwind-retail": NORTHWIND_ROI}
"""The examples' ROI sheets."""


def main() -> None:
    for slug, (about, tco) in {"seed-example": SEED, "northwind-retail": NORTHWIND}.items():
        path = HERE / slug / WORKBOOK_NAME
        wb = build_workbook(about.language, about, tco, VENDORS.get(slug), ROI.get(slug))
        save_workbook(wb, path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""Regenerate the example clients' workbooks (``python data/examples/build_examples.py``).

The workbooks are the source of truth (a consultant edits them in Excel); this script records
how they were made and rebuilds them when the workbook layout changes.

* ``literie-lenoir``: Literie Lenoir, a fictitious bedding retailer with 4 CRM users, in French
  (consultant Camille Roussel), built on the worked example of DOMAIN.md §4 (seed 004), on one
  7-year horizon: licence 3 000 EUR for 4 users + 20 % maintenance a year + 6 000 EUR of year-1
  services, training and hardware, against SaaS at 60 EUR per user per month + 2 000 EUR of
  services. Expected: 13 200 EUR (licence) and 22 160 EUR (SaaS), break-even during year 4.
  Its vendor comparison (DOMAIN.md §3): the four CRMs seed 004 prices (2015 prices per month,
  excl. VAT: Sage CRM by subscription and Sage CRM bought outright as two vendors, Simple CRM,
  Sellsy, GRC Contact), the guide's five criteria weighted directly by the consultant, one
  evaluator, 6 use cases of the relationship plan; the 7-year TCO criterion is computed from
  the Pricing sheet (4 users, no growth). See ``LENOIR_PRICING`` for how each price is read.
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

``JOURNEYS`` and ``PLANS`` hold each example's customer journey and relationship-marketing plan
(DOMAIN.md §1-2). ``literie-lenoir`` (in French, after seed 001): a bedding retailer's 7 stages x 6
channels, 2 segments, 16 touchpoints, the guide's 40+ buyer (search engine, web site on a desktop
computer, phone call to the service centre, purchase in store) and a young couple buying online;
7 programmes taken from seeds 000 and 001 (welcome, reactivation with "number of reactivated
clients" as KPI, loyalty, satisfaction, birthday ...), the 30-day inactivity scenario, 11
campaigns in 2027. ``northwind-retail``: 7 stages x 8 channels, 3 segments (web-first families,
store regulars, trade & pro customers), 40 touchpoints T01-T40, a persona and an omnichannel
path per segment; 10 programmes, 14 scenarios and 29 campaigns over 2027. Northwind carries the
findings the journey and plan checks must report: the trade segment has no loyalty touchpoint
(a coverage gap); call-centre waiting time (T28) and the online stock check (T06) are moments
of truth no programme addresses; some touchpoints collect data with no collection point, some
collect nothing; the loyalty club has three objectives, the newsletter's KPI is an open rate,
the birthday programme has no KPI, the trade welcome call has no estimate; the week of Black
Friday (from 22 November) takes web-first families and store regulars over 2 messages a week,
the week of 6 December the trade segment over its 1 a week.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from openpyxl import Workbook

from crmwb.core.uncertainty import Pert
from crmwb.core.workspace import WORKBOOK_NAME
from crmwb.customer_file.sheets import CustomerFileSettings
from crmwb.customer_file.synthetic_customers import write_customer_file
from crmwb.dataflow.model import (
    DataField,
    DataMap,
    Flow,
    FlowFrequency,
    LegalBasis,
    Method,
    Role,
    System,
    SystemType,
    UseCaseNeed,
)
from crmwb.journey.model import (
    ALL_SEGMENTS,
    Channel,
    Journey,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
)
from crmwb.journey.model import Path as JourneyPath
from crmwb.plan.model import (
    Campaign,
    Conventions,
    Family,
    OptIn,
    OptInRule,
    PressureCap,
    Programme,
    RelationshipPlan,
    Scenario,
    Sender,
)
from crmwb.project.governance import Action, Adoption, KpiTrack
from crmwb.project.planning import DEFAULT_PLAN, add_months
from crmwb.project.planning_sheets import StepProgress, StepStatus
from crmwb.project.sheets import ProjectSheets
from crmwb.roi.levers import (
    AdminTasksAutomated,
    HigherAverageBasket,
    QualitativeBenefit,
    ReactivatedDormantClients,
    Retention,
    TimeSaved,
    UndeliverableMailSavings,
)
from crmwb.roi.sheets import RoiSheet
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings
from crmwb.tco.sheets import TcoInputs
from crmwb.vendors.model import Coverage, Direction, MarketType, scores_from_table
from crmwb.vendors.pricing import (
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
from crmwb.vendors.sheet_layout import (
    GROUPS_SCOPE,
    Comparison,
    CriterionEntry,
    CriterionMeasure,
    UseCaseEntry,
    VendorEntry,
    WeightingMethod,
)
from crmwb.vendors.sheets import VendorSheets
from crmwb.workbook.about import About
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.template import build_workbook

HERE = Path(__file__).resolve().parent
C, F, B = Category, Frequency, Basis

LENOIR = (
    About(
        "Literie Lenoir",
        "fr",
        "EUR",
        "Camille Roussel",
        dt.date(2026, 11, 23),
        "Choix et déploiement du CRM",
        dt.date(2026, 12, 10),
    ),
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
    About(
        "Northwind Home Retail",
        "en",
        "EUR",
        "Alex Morgan",
        dt.date(2026, 11, 23),
        "CRM selection and roll-out",
        dt.date(2026, 12, 10),
    ),
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
SEGMENTATION, CAMPAIGN_JOURNEYS, LOYALTY = (
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
        CAMPAIGN_JOURNEYS: [5, 5],
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
        CAMPAIGN_JOURNEYS: [4, 3],
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
        CAMPAIGN_JOURNEYS: [4, 4],
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
        CAMPAIGN_JOURNEYS: [5, 4],
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
        CAMPAIGN_JOURNEYS: [3, 3],
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

WELCOME, SECOND, CLUB, WINBACK, AFTER, BASKET, BIRTHDAY, NEWSLETTER, SEASONAL, TRADE = (
    "Welcome",
    "First to second purchase",
    "Loyalty club",
    "Reactivation of inactive clients",
    "Post-purchase satisfaction",
    "Abandoned basket",
    "Birthday",
    "Newsletter",
    "Seasonal events",
    "Trade accounts",
)
"""Northwind's programmes: the plan names them, the use cases and the ROI levers name them."""

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
        CriterionEntry(FEATURES, CAMPAIGN_JOURNEYS, BEN, knock_out_minimum=3),
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
        Comparison(FEATURES, SEGMENTATION, CAMPAIGN_JOURNEYS, 1 / 2),
        Comparison(FEATURES, SEGMENTATION, LOYALTY, 2),
        Comparison(FEATURES, CAMPAIGN_JOURNEYS, LOYALTY, 3),
        Comparison(COSTS, TCO_5Y, EFFORT, 3),
        Comparison(EASE, USABILITY, SUPPORT, 2),
        Comparison(INTEGRATION, APIS, CONNECTORS, 1),
        Comparison(INTEGRATION, APIS, FILES, 3),
        Comparison(INTEGRATION, CONNECTORS, FILES, 2),
    ),
    # The mission's one list of use cases (IDs, named on the data map's Use-case data sheet
    # and by the ROI's levers). Planted for the through-line: UC-02 names a programme the plan
    # does not have, UC-07 only the vendors not recommended cover, UC-09 no shortlisted vendor
    # covers (and its data is fed by hand), UC-04's data is missing, UC-10 is written otherwise
    # on the data map's Use-case data sheet ("Post-purchase NPS survey"); the NPAI lever comes
    # from no programme.
    use_cases=(
        UseCaseEntry("Welcome series", 3, True, WELCOME, _coverage(N, N, N, N, N), "UC-01"),
        UseCaseEntry(
            "Single customer profile across stores and web",
            3,
            True,
            "Customer knowledge",
            _coverage(CF, CF, N, CF, CD),
            "UC-02",
        ),
        UseCaseEntry(
            "Points balance in the club e-mails",
            3,
            False,
            CLUB,
            _coverage(CF, CD, N, CD, NC),
            "UC-03",
        ),
        UseCaseEntry(
            "Abandoned basket reminder", 2, False, BASKET, _coverage(N, CF, N, N, N), "UC-04"
        ),
        UseCaseEntry(
            "Reactivation of inactive clients",
            2,
            False,
            WINBACK,
            _coverage(N, N, N, N, CF),
            "UC-05",
        ),
        UseCaseEntry(
            "Clienteling app for store staff",
            1,
            False,
            SECOND,
            _coverage(CF, CF, CD, NC, NC),
            "UC-06",
        ),
        UseCaseEntry(
            "Customer service cases and complaints",
            2,
            False,
            AFTER,
            _coverage(N, N, NC, NC, CF),
            "UC-07",
        ),
        UseCaseEntry(
            "Consent and preference centre (GDPR)",
            3,
            True,
            NEWSLETTER,
            _coverage(N, N, N, N, CF),
            "UC-08",
        ),
        UseCaseEntry(
            "Trade account follow-up calls",
            1,
            False,
            TRADE,
            _coverage(NC, CD, NC, CD, NC),
            "UC-09",
        ),
        UseCaseEntry(
            "Post-purchase NPS surveys", 1, False, AFTER, _coverage(CF, CF, N, CD, CF), "UC-10"
        ),
    ),
    evaluators=(ALEX, SAM),
    pricing=NORTHWIND_PRICING,
    volumes=NORTHWIND_VOLUMES,
)

# --- Literie Lenoir's vendor comparison (DOMAIN.md §3) ---------------------------------------
#
# The four CRMs seed 004 prices for SMEs, at its 2015 prices per month excluding VAT, costed on
# the TCO sheet's horizon (7 years, no discount, no escalation) for its 4 users. The guide gives
# vendor prices only: no installation, training or hardware is added to any vendor (the TCO
# sheet's licence and SaaS options carry those), so each TCO below is the price list alone.
#
# * Sage CRM, "à partir de 30 € (prospection et fidélisation) et 55 € (gestion d'un SAV) / mois,
#   ou en achat direct 3 900 € HT": read per user per month (Sage CRM's subscription is sold per
#   user), and the purchase as one licence for the client's 4 users. The Pricing sheet cannot
#   offer two ways to pay (nor two editions picked by features: its editions are a ladder by
#   number of users, the first one quoted), so Sage is two vendors: the subscription, quoted
#   in the 30 € edition (the relationship plan is prospecting and loyalty; it has no service
#   desk, which the 55 € edition is for), and the outright purchase, with a maintenance of 20 %
#   a year, the TCO sheet's rate (the guide gives none for Sage; a licence bought without
#   maintenance for 7 years would not be a fair comparison).
#   Subscription: 30 x 4 users x 12 months x 7 years = 10 080.
#   Purchase: 3 900 + 7 years x 20 % x 3 900 (780) = 3 900 + 5 460 = 9 360.
# * Simple CRM, "à partir de 7,50 € / utilisateurs / mois": 7.50 x 4 x 12 x 7 = 2 520.
# * Sellsy, "l'administrateur 35 € / mois, puis 5 ou 10 € / mois par utilisateurs
#   supplémentaires": the sheet has no fee that includes users (nor a flat price on an edition),
#   so 35 + 10 x (n - 1) is typed as its exact equivalent 25 + 10 x n for any n >= 1 users: a
#   module of 25 a month plus an edition of 10 per user, administrator included. 10 € rather
#   than 5 € (the guide does not say which users pay 5 €; the prudent case): 35 + 3 x 10 = 65 a
#   month, 65 x 12 x 7 = 5 460 (with 5 €: 50 a month, 4 200).
# * GRC Contact, "La solution de gestion de contacts simple et pratique pour les PME (30 € /
#   mois)": read as 30 € a month for the company, a module at a flat price. The guide writes
#   "par utilisateur" for Simple CRM and Sellsy and not here (nor for Sage, read per user from
#   Sage's own price list, which the guide does not contradict); for GRC Contact nothing says
#   per user, so this is the literal reading, to confirm with a quote (per user it would be
#   30 x 4 x 12 x 7 = 10 080). 30 x 12 x 7 = 2 520, the same as Simple CRM's 7.50 x 4 users.
SAGE_SUB, SAGE_BUY, SIMPLE, SELLSY, GRC = (
    "Sage CRM (abonnement)",
    "Sage CRM (achat)",
    "Simple CRM",
    "Sellsy",
    "GRC Contact",
)
FONCTIONNEL, COUTS, USAGE, INTEGRATION_FR = (
    "Fonctionnel",
    "Coûts",
    "Utilisation et support",
    "Intégration",
)
FONCTIONNALITES, COUT_TOTAL, FACILITE, SUPPORT_FR, FACILITE_INTEGRATION = (
    "Fonctionnalités",
    "Coût total sur l'horizon",
    "Facilité d'utilisation",
    "Qualité du support",
    "Facilité d'intégration",
)
CAMILLE = "Camille Roussel"

LENOIR_VOLUMES = Volumes(users=Volume(4))
"""The TCO sheet's 4 users, no growth (no contact, message or storage pricing)."""

LENOIR_PRICING = (
    VendorPricing(SAGE_SUB, users=UserPricing((Edition("Prospection et fidélisation", 30),))),
    VendorPricing(
        SAGE_BUY,
        licences=(LicencePurchase(3900, 0.20, description="Licence Sage CRM, achat direct"),),
    ),
    VendorPricing(SIMPLE, users=UserPricing((Edition("Par utilisateur", 7.50),))),
    VendorPricing(
        SELLSY,
        users=UserPricing((Edition("Par utilisateur, administrateur compris", 10),)),
        modules=(Module("Administrateur\u00a0: part fixe (35\u00a0€ moins 10\u00a0€)", 25),),
    ),
    VendorPricing(GRC, modules=(Module("Abonnement de l'entreprise", 30),)),
)

# Direct weights by the consultant: the use cases come first (features 35 %); the price counts
# for 20 % only, since the price lists differ by a few hundred euros a year at 4 users and the
# weighted sum rescales a cost as cheapest / cost (twice as dear scores half).
# vendor -> criterion -> (Camille's score on 0-5); the TCO criterion is computed from the
# Pricing sheet. Sage bought outright is the same software as by subscription, but installed on
# a server the shop must run: harder to connect to the e-commerce site and the tills.
_LENOIR_SCORES: dict[str, dict[str, list[float | None]]] = {
    SAGE_SUB: {FONCTIONNALITES: [4], FACILITE: [3], SUPPORT_FR: [4], FACILITE_INTEGRATION: [4]},
    SAGE_BUY: {FONCTIONNALITES: [4], FACILITE: [3], SUPPORT_FR: [4], FACILITE_INTEGRATION: [3]},
    SIMPLE: {FONCTIONNALITES: [2], FACILITE: [5], SUPPORT_FR: [3], FACILITE_INTEGRATION: [2]},
    SELLSY: {FONCTIONNALITES: [4], FACILITE: [4], SUPPORT_FR: [3], FACILITE_INTEGRATION: [3]},
    GRC: {FONCTIONNALITES: [2], FACILITE: [4], SUPPORT_FR: [3], FACILITE_INTEGRATION: [2]},
}


def _lenoir_coverage(*levels: Coverage) -> dict[str, Coverage]:
    return dict(zip((SAGE_SUB, SAGE_BUY, SIMPLE, SELLSY, GRC), levels, strict=True))


LENOIR_VENDORS = VendorSheets(
    vendors=(
        VendorEntry(
            SAGE_SUB,
            MarketType.ECOSYSTEM,
            "Le CRM de Sage, éditeur de logiciels de comptabilité et de gestion. Abonnement à "
            "partir de 30\u00a0€ par utilisateur et par mois (prospection et fidélisation)\u202f; "
            "55\u00a0€ avec la gestion d'un SAV, non retenu\u00a0: le plan relationnel ne prévoit "
            "pas de gestion des demandes de SAV.",
        ),
        VendorEntry(
            SAGE_BUY,
            MarketType.ECOSYSTEM,
            "Sage CRM en achat direct\u00a0: 3\u202f900\u00a0€ HT pour les 4\u00a0utilisateurs, "
            "plus une maintenance de 20\u00a0% par an (taux de la fiche TCO, le tarif n'en "
            "donne pas). Installation et serveur non chiffrés.",
        ),
        VendorEntry(
            SIMPLE,
            MarketType.INTERMEDIATE,
            "CRM simplifié, pour découvrir le CRM sans sa complexité\u00a0: à partir de "
            "7,50\u00a0€ par utilisateur et par mois.",
        ),
        VendorEntry(
            SELLSY,
            MarketType.INTERMEDIATE,
            "CRM, facturation et gestion de projets en un seul outil\u00a0: 35\u00a0€ par mois "
            "pour l'administrateur, puis 5 ou 10\u00a0€ par mois par utilisateur supplémentaire "
            "(10\u00a0€ retenu). Saisi comme 25\u00a0€ par mois plus 10\u00a0€ par utilisateur, "
            "administrateur compris\u00a0: 25 + 4 × 10 = 35 + 3 × 10 = 65\u00a0€ par mois.",
        ),
        VendorEntry(
            GRC,
            MarketType.INTERMEDIATE,
            "Gestion de contacts simple et pratique pour les PME\u00a0: 30\u00a0€ par mois, lu "
            "comme un abonnement pour l'entreprise (le tarif ne dit pas «\u202fpar "
            "utilisateur\u202f»)\u202f; à confirmer par un devis.",
        ),
    ),
    criteria=(
        CriterionEntry(FONCTIONNEL, FONCTIONNALITES, BEN, weight=0.35),
        CriterionEntry(COUTS, COUT_TOTAL, COST, CriterionMeasure.TCO, weight=0.20),
        CriterionEntry(USAGE, FACILITE, BEN, weight=0.20),
        CriterionEntry(USAGE, SUPPORT_FR, BEN, weight=0.10),
        CriterionEntry(INTEGRATION_FR, FACILITE_INTEGRATION, BEN, weight=0.15),
    ),
    scores=scores_from_table(_LENOIR_SCORES, [CAMILLE]),
    scale=(0, 5),
    weighting=WeightingMethod.DIRECT,
    use_cases=(
        UseCaseEntry(
            "Série de bienvenue des nouveaux inscrits",
            3,
            True,
            "Bienvenue",
            _lenoir_coverage(CF, CF, CF, CF, CD),
            "UC-01",
        ),
        UseCaseEntry(
            "Relance des clients inactifs (30 jours, 18 mois)",
            3,
            True,
            "Réactivation",
            _lenoir_coverage(CF, CF, CF, CF, CF),
            "UC-02",
        ),
        UseCaseEntry(
            "Suivi après-vente\u00a0: enquête à J+7 et fin des 100 nuits d'essai",
            2,
            False,
            "Satisfaction",
            _lenoir_coverage(CF, CF, CD, CF, CD),
            "UC-03",
        ),
        UseCaseEntry(
            "Rappel des demandes de conseil par un conseiller",
            2,
            False,
            "Demandes de conseil",
            _lenoir_coverage(N, N, N, N, N),
            "UC-04",
        ),
        UseCaseEntry(
            "Carte de fidélité et ventes privées des porteurs de carte",
            2,
            False,
            "Fidélité",
            _lenoir_coverage(CD, CD, NC, CD, NC),
            "UC-05",
        ),
        UseCaseEntry(
            "E-mail d'anniversaire",
            1,
            False,
            "Anniversaire",
            _lenoir_coverage(CF, CF, CF, CF, CF),
            "UC-06",
        ),
    ),
    evaluators=(CAMILLE,),
    pricing=LENOIR_PRICING,
    volumes=LENOIR_VOLUMES,
)
"""Literie Lenoir's comparison of the four CRMs seed 004 prices (Sage twice: by subscription
and bought outright), on the guide's criteria, weighted directly by the consultant."""

VENDORS = {"literie-lenoir": LENOIR_VENDORS, "northwind-retail": NORTHWIND_VENDORS}
"""The examples' vendor comparisons."""

LENOIR_ROI = RoiSheet(
    tco_option="Licence",
    discount_rate=0.10,  # the TCO reproduces the guide's undiscounted comparison (0 %)
    levers=(
        TimeSaved(
            name="Recherche d'informations et saisie unique",
            comes_from="Demandes de conseil",
            users=4,
            minutes_a_day=20,
            working_days=210,
            loaded_hourly_cost=35,
            productive_share=0.5,
            ramp_up=(0.5, 1.0),
        ),
        UndeliverableMailSavings(
            name="Courriers NPAI évités",
            comes_from="Fidélité",
            mailings=6000,
            npai_rate=0.08,
            share_avoided=0.7,
            unit_cost=1.5,
        ),
        ReactivatedDormantClients(
            name="Relance des clients dormants",
            comes_from="UC-02",
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
"""Literie Lenoir: 4 users, the licence option (the TCO's cheapest). Its TCO sheet keeps the
guide's undiscounted comparison (0 %); the ROI is meant to be discounted, at TEI's 10 %: the
report shows that rate beside the TCO's and says why their present values differ."""

RAMP = (0.5, 0.8, 1.0)
NORTHWIND_ROI = RoiSheet(
    tco_option=LIC,  # the discount rate left blank: the TCO sheet's 8 %
    levers=(
        ReactivatedDormantClients(
            name="Win-back of dormant clients",
            comes_from="UC-05",
            dormant_clients=24_000,
            reactivation_rate=Pert(0.02, 0.04, 0.06),
            average_basket=Pert(140, 180, 220),
            gross_margin_rate=0.38,
            ramp_up=RAMP,
            risk_adjustment=0.15,
        ),
        HigherAverageBasket(
            name="Next-best-offer in store and online",
            comes_from=SECOND,
            orders_a_year=60_000,
            basket_increase=Pert(1, 2, 3.5),
            gross_margin_rate=0.38,
            ramp_up=RAMP,
            risk_adjustment=0.15,
        ),
        Retention(
            name="Loyalty programme follow-up",
            comes_from=CLUB,
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
            comes_from="UC-02",
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
            comes_from="UC-08",
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

ROI = {"literie-lenoir": LENOIR_ROI, "northwind-retail": NORTHWIND_ROI}
"""The examples' ROI sheets."""


SAT, FRI, DIS = Perception.SATISFACTION, Perception.FRICTION, Perception.DISAPPOINTMENT
WEB_FIRST, STORE_REGULARS, TRADE_PRO = (
    "Web-first families",
    "Store regulars",
    "Trade & pro customers",
)

NORTHWIND_JOURNEY = Journey(
    stages=(
        Stage("Discovery", "The customer has a home or garden project and looks for ideas."),
        Stage("Consideration", "Compares products, prices and availability, asks for advice."),
        Stage("Purchase", "Orders on the web site or the app, at the till or by phone."),
        Stage("Delivery", "Home delivery, click & collect or trade delivery to the site."),
        Stage("Use", "Assembles, plants, uses the product; hires or services equipment."),
        Stage("After-sales", "Returns, refunds, complaints and warranty claims."),
        Stage("Loyalty", "Comes back: loyalty club, member offers, reviews."),
    ),
    channels=(
        Channel("Web site", "northwind-retail.example, desktop and mobile"),
        Channel("Mobile app", "iOS and Android app, with the digital club card"),
        Channel("Store", "14 stores with a garden centre and a trade counter"),
        Channel("Call centre", "Customer service and trade desk, Monday to Saturday"),
        Channel("E-mail", "Transactional, campaign and scenario e-mails"),
        Channel("SMS", "Delivery notifications and club offers"),
        Channel("Social ads", "Meta, Pinterest and YouTube paid campaigns"),
        Channel("Search engine", "Organic results and paid search"),
    ),
    segments=(
        Segment(
            WEB_FIRST,
            "Households of 30-45 who research and mostly buy online, often with home delivery.",
            channels=(
                "Web site",
                "Mobile app",
                "Call centre",
                "E-mail",
                "SMS",
                "Social ads",
                "Search engine",
            ),
        ),
        Segment(
            STORE_REGULARS,
            "Keen gardeners and DIYers of 50+ who buy in store and hold the loyalty card.",
            channels=("Store", "Web site", "Call centre", "E-mail", "SMS", "Search engine"),
        ),
        Segment(
            TRADE_PRO,
            "Landscapers, builders and property managers with a trade account (invoice on "
            "account, trade prices).",
            channels=("Store", "Call centre", "Web site", "E-mail"),
            stages=("Consideration", "Purchase", "Delivery", "After-sales", "Loyalty"),
        ),
    ),
    touchpoints=(
        # Discovery
        Touchpoint(
            "T01",
            "Discovery",
            "Search engine",
            "Organic and paid results for garden and DIY searches",
            SAT,
            1,
            3,
            4,
            data_collected="Search keyword, landing page",
            collection_point="Web analytics (campaign tags)",
            owner="Marketing",
        ),
        Touchpoint(
            "T02",
            "Discovery",
            "Social ads",
            "Seasonal inspiration ads (Instagram, Facebook, Pinterest)",
            SAT,
            1,
            2,
            3,
            segment=WEB_FIRST,
            data_collected="Ad clicks, audience",
            collection_point="Social ads manager (pixel)",
            owner="Marketing",
        ),
        Touchpoint(
            "T03",
            "Discovery",
            "Store",
            "Weekend garden workshops in store",
            SAT,
            2,
            3,
            4,
            segment=STORE_REGULARS,
            data_collected="Attendees' names and e-mail addresses (paper sign-up sheet)",
            owner="Stores",
        ),
        Touchpoint(
            "T04",
            "Discovery",
            "Web site",
            "Home page and seasonal inspiration guides",
            SAT,
            1,
            2,
            4,
            data_collected="Pages viewed (cookies)",
            collection_point="Web analytics",
            owner="E-commerce",
        ),
        # Consideration
        Touchpoint(
            "T05",
            "Consideration",
            "Web site",
            "Product pages, customer reviews and quantity calculators",
            SAT,
            1,
            4,
            4,
            data_collected="Products viewed, wish list",
            collection_point="E-commerce platform (customer account)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T06",
            "Consideration",
            "Web site",
            "Store stock check online (often wrong for garden plants)",
            FRI,
            -1,
            4,
            2,
            data_collected="Store chosen, product",
            collection_point="E-commerce platform (store locator)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T07",
            "Consideration",
            "Mobile app",
            "Barcode scanner and wish list in the app",
            SAT,
            1,
            3,
            None,
            segment=WEB_FIRST,
            data_collected="Wish list",
            collection_point="Mobile app (customer account)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T08",
            "Consideration",
            "Call centre",
            "Advice before buying by phone (sizing a patio, choosing a mower)",
            FRI,
            -1,
            4,
            3,
            data_collected="Call reason, products discussed",
            collection_point="Call-centre software (ticket)",
            owner="Customer service",
        ),
        Touchpoint(
            "T09",
            "Consideration",
            "Store",
            "Advice from garden-department staff",
            SAT,
            2,
            5,
            4,
            owner="Stores",
        ),
        Touchpoint(
            "T10",
            "Consideration",
            "E-mail",
            "Monthly newsletter with seasonal offers",
            SAT,
            0,
            2,
            3,
            data_collected="Opens, clicks",
            collection_point="E-mailing tool",
            owner="CRM team",
        ),
        Touchpoint(
            "T11",
            "Consideration",
            "Social ads",
            "Retargeting ads after a product view",
            FRI,
            -1,
            1,
            2,
            segment=WEB_FIRST,
            data_collected="Ad clicks",
            collection_point="Social ads manager (pixel)",
            owner="Marketing",
        ),
        # Purchase
        Touchpoint(
            "T12",
            "Purchase",
            "Web site",
            "Checkout, account creation and online payment",
            SAT,
            1,
            5,
            4,
            data_collected="Order, delivery address, consents",
            collection_point="E-commerce platform (orders)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T13",
            "Purchase",
            "Web site",
            "Basket left without ordering (delivery costs shown late)",
            FRI,
            -1,
            3,
            2,
            segment=WEB_FIRST,
            data_collected="Basket content",
            collection_point="E-commerce platform (baskets)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T14",
            "Purchase",
            "Mobile app",
            "In-app order and payment",
            SAT,
            1,
            4,
            None,
            segment=WEB_FIRST,
            data_collected="Order",
            collection_point="Mobile app (orders)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T15",
            "Purchase",
            "Store",
            "Queue at the till on spring weekends, loyalty card scanned",
            FRI,
            -1,
            5,
            3,
            segment=STORE_REGULARS,
            data_collected="Receipt lines, loyalty card number",
            collection_point="Point-of-sale system",
            owner="Stores",
        ),
        Touchpoint(
            "T16",
            "Purchase",
            "Store",
            "Trade counter: account prices and invoice on account",
            SAT,
            1,
            5,
            4,
            segment=TRADE_PRO,
            data_collected="Trade account, invoice",
            collection_point="ERP (trade accounts)",
            owner="Stores",
        ),
        Touchpoint(
            "T17",
            "Purchase",
            "Call centre",
            "Phone orders on the trade desk",
            SAT,
            1,
            4,
            4,
            segment=TRADE_PRO,
            data_collected="Order, delivery site",
            collection_point="ERP (sales orders)",
            owner="Customer service",
        ),
        Touchpoint(
            "T18",
            "Purchase",
            "E-mail",
            "Order confirmation e-mail",
            SAT,
            1,
            3,
            5,
            data_collected="Order number, e-mail validity",
            collection_point="E-mailing tool (transactional)",
            owner="E-commerce",
        ),
        # Delivery
        Touchpoint(
            "T19",
            "Delivery",
            "Store",
            "Click & collect: waiting at the pick-up desk (20 minutes on Saturdays)",
            DIS,
            -2,
            5,
            2,
            data_collected="Order ready time, pick-up time",
            collection_point="Store pick-up tablet",
            owner="Stores",
        ),
        Touchpoint(
            "T20",
            "Delivery",
            "SMS",
            "Delivery slot confirmed, then changed by the carrier at short notice",
            DIS,
            -2,
            5,
            2,
            data_collected="Mobile number, slot chosen and changed",
            collection_point="Carrier portal (delivery slots)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T21",
            "Delivery",
            "E-mail",
            "Shipping and tracking e-mails",
            SAT,
            1,
            3,
            4,
            data_collected="Tracking link clicks",
            collection_point="E-mailing tool (transactional)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T22",
            "Delivery",
            "Call centre",
            '"Where is my order?" calls',
            FRI,
            -1,
            4,
            2,
            data_collected="Call reason, order number",
            collection_point="Call-centre software (ticket)",
            owner="Customer service",
        ),
        Touchpoint(
            "T23",
            "Delivery",
            "Mobile app",
            "Delivery tracking and push notifications in the app",
            SAT,
            1,
            3,
            None,
            segment=WEB_FIRST,
            data_collected="Push token, notification opens",
            collection_point="Mobile app (notifications)",
            owner="E-commerce",
        ),
        # Use
        Touchpoint(
            "T24",
            "Use",
            "Web site",
            "How-to guides and project videos",
            SAT,
            1,
            2,
            3,
            owner="Marketing",
        ),
        Touchpoint(
            "T25",
            "Use",
            "E-mail",
            "Care tips after buying plants, a lawn mower or a barbecue",
            SAT,
            1,
            2,
            3,
            data_collected="Clicks, product category",
            collection_point="E-mailing tool",
            owner="CRM team",
        ),
        Touchpoint(
            "T26",
            "Use",
            "Mobile app",
            "Garden planner and watering reminders in the app",
            SAT,
            2,
            3,
            None,
            segment=WEB_FIRST,
            data_collected="Garden profile (size, plants)",
            collection_point="Mobile app (customer account)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T27",
            "Use",
            "Store",
            "Tool hire and mower servicing at the store workshop",
            SAT,
            1,
            3,
            4,
            segment=STORE_REGULARS,
            data_collected="Hire contract, equipment serviced (paper forms)",
            owner="Stores",
        ),
        # After-sales
        Touchpoint(
            "T28",
            "After-sales",
            "Call centre",
            "Waiting time on the customer-service line (12 minutes on average)",
            DIS,
            -2,
            5,
            1,
            data_collected="Call reason, waiting time",
            collection_point="Telephony system (call logs)",
            owner="Customer service",
        ),
        Touchpoint(
            "T29",
            "After-sales",
            "Web site",
            "Online return request",
            FRI,
            -1,
            4,
            3,
            data_collected="Return reason",
            collection_point="E-commerce platform (returns)",
            owner="E-commerce",
        ),
        Touchpoint(
            "T30",
            "After-sales",
            "E-mail",
            "Refund confirmation, up to 14 days after the return",
            DIS,
            -2,
            4,
            2,
            data_collected="Refund date and amount",
            collection_point="ERP (credit notes)",
            owner="Customer service",
        ),
        Touchpoint(
            "T31",
            "After-sales",
            "Store",
            "Returns and exchanges at the store service desk",
            FRI,
            -1,
            4,
            3,
            data_collected="Return reason (written on the return slip)",
            owner="Stores",
        ),
        Touchpoint(
            "T32",
            "After-sales",
            "E-mail",
            "Satisfaction survey after delivery (NPS)",
            SAT,
            0,
            3,
            None,
            data_collected="NPS score, comments",
            collection_point="Survey tool",
            owner="CRM team",
        ),
        Touchpoint(
            "T33",
            "After-sales",
            "Call centre",
            "Trade account manager for disputes and credit notes",
            SAT,
            1,
            4,
            4,
            segment=TRADE_PRO,
            data_collected="Disputes, credit notes",
            collection_point="ERP (trade accounts)",
            owner="Customer service",
        ),
        # Loyalty
        Touchpoint(
            "T34",
            "Loyalty",
            "Mobile app",
            "Loyalty club in the app: points, digital card, rewards",
            SAT,
            1,
            4,
            3,
            segment=WEB_FIRST,
            data_collected="Points balance, rewards used",
            collection_point="Loyalty platform",
            owner="CRM team",
        ),
        Touchpoint(
            "T35",
            "Loyalty",
            "Store",
            "Loyalty card at the till and member prices",
            SAT,
            1,
            4,
            4,
            segment=STORE_REGULARS,
            data_collected="Card number, receipt lines",
            collection_point="Loyalty platform",
            owner="Stores",
        ),
        Touchpoint(
            "T36",
            "Loyalty",
            "E-mail",
            "Monthly points statement and rewards",
            SAT,
            1,
            3,
            3,
            segment=STORE_REGULARS,
            data_collected="Opens, clicks, rewards used",
            collection_point="E-mailing tool",
            owner="CRM team",
        ),
        Touchpoint(
            "T37",
            "Loyalty",
            "SMS",
            "Birthday offer by SMS",
            SAT,
            2,
            2,
            None,
            data_collected="Date of birth",
            collection_point="Loyalty platform (club sign-up form)",
            owner="CRM team",
        ),
        Touchpoint(
            "T38",
            "Loyalty",
            "Social ads",
            "Win-back ads to lapsed club members",
            FRI,
            -1,
            1,
            None,
            segment=WEB_FIRST,
            owner="Marketing",
        ),
        Touchpoint(
            "T39",
            "Loyalty",
            "Web site",
            "Review invitation and published product reviews",
            SAT,
            1,
            2,
            3,
            segment=WEB_FIRST,
            data_collected="Review, rating",
            collection_point="Reviews platform",
            owner="E-commerce",
        ),
        Touchpoint(
            "T40",
            "Loyalty",
            "Store",
            "Members' evening and early access to the spring garden sale",
            SAT,
            2,
            3,
            4,
            segment=STORE_REGULARS,
            data_collected="Guest list",
            owner="Stores",
        ),
    ),
    personas=(
        Persona(
            "Emma, 36, web-first parent",
            WEB_FIRST,
            "Two children, a small garden; browses on her phone in the evening, buys online "
            "and wants delivery on Saturdays.",
        ),
        Persona(
            "Robert, 58, keen gardener",
            STORE_REGULARS,
            "Club member for ten years; researches on the desktop computer, phones before "
            "travelling and buys in store, where he trusts the staff's advice.",
        ),
        Persona(
            "Karim, 44, landscaper",
            TRADE_PRO,
            "Runs a team of four; orders by phone or at the trade counter and needs "
            "deliveries on site at the agreed time.",
        ),
    ),
    paths=(
        JourneyPath(
            "Emma, 36, web-first parent",
            ("T02", "T04", "T05", "T13", "T11", "T12", "T20", "T29", "T30", "T34"),
        ),
        JourneyPath(
            "Robert, 58, keen gardener",
            ("T01", "T05", "T06", "T08", "T09", "T15", "T35", "T27", "T36"),
        ),
        JourneyPath(
            "Karim, 44, landscaper",
            ("T05", "T08", "T17", "T22", "T21", "T28", "T33", "T16"),
        ),
    ),
)
"""Northwind: 40 touchpoints over 7 stages x 8 channels; the trade segment has no loyalty
touchpoint (a coverage gap); call-centre waiting time (T28) and the online stock check (T06)
are moments of truth no programme addresses; several touchpoints collect data with no collection
point (T03, T27, T31, T40) or nothing (T09, T24, T38)."""

NORTHWIND_PLAN = RelationshipPlan(
    programmes=(
        Programme(
            WELCOME,
            ("Turn new web accounts and new club cards into first purchases",),
            "First-purchase rate at 60 days",
            touchpoints=("T12", "T15"),
            description="From the account or card creation to the first purchase.",
        ),
        Programme(
            SECOND,
            ("Bring first-time buyers back for a second purchase within 90 days",),
            "Repeat purchase rate at 90 days",
            WEB_FIRST,
            ("T14", "T25", "T26"),
            "Care tips and a second-purchase offer after the first online order.",
        ),
        Programme(
            CLUB,
            (
                "Increase the purchase frequency of club members",
                "Grow the average basket of club members",
                "Recruit 30 000 new members in store",
            ),
            "Additional sales from the club (members vs non-members)",
            STORE_REGULARS,
            ("T15", "T34", "T35", "T36", "T40"),
            "Points, member prices, early access to the sales, members' evenings.",
        ),
        Programme(
            WINBACK,
            ("Win back clients before they become inactive (no purchase for 24 months)",),
            "Number of reactivated clients",
            touchpoints=("T38",),
            description="At risk after 12 months without a purchase, inactive after 24.",
        ),
        Programme(
            AFTER,
            (
                "Recover customers after a failed delivery, pick-up or refund",
                "Measure satisfaction after every order",
            ),
            "Repeat purchase rate of dissatisfied customers contacted",
            touchpoints=("T19", "T20", "T22", "T29", "T30", "T31", "T32"),
            description="NPS after delivery, apologies and goodwill offers after a failure.",
        ),
        Programme(
            BASKET,
            ("Turn abandoned baskets and wish lists into orders",),
            "Sales from recovered baskets",
            WEB_FIRST,
            ("T07", "T11", "T13"),
        ),
        Programme(
            BIRTHDAY,
            ("Bring club members back in their birthday month",),
            touchpoints=("T37",),
            description="A voucher valid for the birthday month; its KPI is still to agree.",
        ),
        Programme(
            NEWSLETTER,
            ("Keep Northwind top of mind between two projects",),
            "Open rate",
            touchpoints=("T10", "T24"),
            description="One newsletter a month: season, projects, how-to guides.",
        ),
        Programme(
            SEASONAL,
            ("Drive store and web traffic at the seasonal peaks",),
            "Incremental sales in campaign weeks (vs control group)",
            touchpoints=("T01", "T02", "T04"),
            description="January sales, spring garden season, summer, Black Friday, Christmas.",
        ),
        Programme(
            TRADE,
            ("Grow the share of wallet of trade customers",),
            "Sales per active trade account",
            TRADE_PRO,
            ("T08", "T16", "T17", "T33"),
            "Run by the trade desk: price lists, trade days, account follow-up.",
        ),
    ),
    scenarios=(
        Scenario(
            "Welcome series (web account)",
            WELCOME,
            "Account created on the web site or the app",
            "E-mail",
            monthly_rate=0.04,
            segment=WEB_FIRST,
            touchpoints=("T12",),
        ),
        Scenario(
            "Welcome SMS (new club card)",
            WELCOME,
            "Loyalty card created at the till",
            "SMS",
            delay_days=1,
            monthly_rate=0.03,
            segment=STORE_REGULARS,
            touchpoints=("T15",),
        ),
        Scenario(
            "Second-purchase offer",
            SECOND,
            "First purchase",
            "E-mail",
            delay_days=21,
            cap_days=90,
            monthly_rate=0.08,
            touchpoints=("T25",),
        ),
        Scenario(
            "Abandoned basket reminder",
            BASKET,
            "Basket abandoned after 1 hour",
            "E-mail",
            delay_days=0,  # the trigger is the basket left for an hour
            cap_days=7,
            monthly_rate=0.3,
            touchpoints=("T13",),
        ),
        Scenario(
            "Wish-list item back in stock",
            BASKET,
            "Wish-list item back in stock",
            "Mobile app",
            cap_days=60,
            monthly_rate=0.8,
            touchpoints=("T07",),
        ),
        Scenario(
            "Post-delivery survey (NPS)",
            AFTER,
            "Delivery completed + 3 days",
            "E-mail",
            delay_days=3,
            cap_days=30,
            monthly_rate=0.12,
            segment=WEB_FIRST,
            touchpoints=("T20", "T32"),
        ),
        Scenario(
            "Click & collect apology voucher",
            AFTER,
            "Pick-up waiting time over 10 minutes",
            "SMS",
            cap_days=90,
            monthly_rate=0.02,
            segment=STORE_REGULARS,
            touchpoints=("T19",),
        ),
        Scenario(
            "Refund confirmation and goodwill offer",
            AFTER,
            "Return refunded",
            "E-mail",
            monthly_rate=0.03,
            segment=WEB_FIRST,
            touchpoints=("T30",),
        ),
        Scenario(
            "Win-back e-mail (at risk)",
            WINBACK,
            "No purchase for 12 months",
            "E-mail",
            cap_days=90,
            monthly_rate=0.05,
            segment=WEB_FIRST,
        ),
        Scenario(
            "Win-back SMS with a store voucher (inactive)",
            WINBACK,
            "No purchase for 24 months",
            "SMS",
            cap_days=180,
            monthly_rate=0.03,
            segment=STORE_REGULARS,
        ),
        Scenario(
            "Birthday SMS",
            BIRTHDAY,
            "Birthday of a club member",
            "SMS",
            cap_days=365,
            monthly_rate=1 / 12,
            segment=STORE_REGULARS,
            touchpoints=("T37",),
        ),
        Scenario(
            "Birthday notification in the app",
            BIRTHDAY,
            "Birthday of a club member",
            "Mobile app",
            cap_days=365,
            monthly_rate=1 / 12,
            segment=WEB_FIRST,
            touchpoints=("T34",),
        ),
        Scenario(
            "Monthly points statement",
            CLUB,
            "First working day of the month (members with points)",
            "E-mail",
            cap_days=28,
            monthly_rate=1.0,
            touchpoints=("T36",),
        ),
        Scenario(
            "Trade account welcome call",
            TRADE,
            "Trade account opened",
            "Call centre",
            delay_days=2,
            touchpoints=("T17",),
        ),
    ),
    campaigns=(
        Campaign(
            "January sales: up to 50 % off garden furniture",
            SEASONAL,
            dt.date(2027, 1, 5),
            channel="E-mail",
        ),
        Campaign("January sales: last days", SEASONAL, dt.date(2027, 1, 14), STORE_REGULARS, "SMS"),
        Campaign("Trade price list 2027", TRADE, dt.date(2027, 1, 20), TRADE_PRO, "E-mail"),
        Campaign(
            "February newsletter: plan your garden",
            NEWSLETTER,
            dt.date(2027, 2, 3),
            channel="E-mail",
        ),
        Campaign(
            "We miss you: 15 % off your next garden project",
            WINBACK,
            dt.date(2027, 2, 17),
            channel="E-mail",
        ),
        Campaign(
            "Mothering Sunday (7 March): flowers and gifts",
            SEASONAL,
            dt.date(2027, 3, 1),
            WEB_FIRST,
            "E-mail",
        ),
        Campaign(
            "Members' early access to the spring garden sale",
            CLUB,
            dt.date(2027, 3, 4),
            STORE_REGULARS,
            "SMS",
        ),
        Campaign("Spring garden sale", SEASONAL, dt.date(2027, 3, 10), channel="E-mail"),
        Campaign(
            "Trade days: spring landscaping offers",
            TRADE,
            dt.date(2027, 3, 23),
            TRADE_PRO,
            "E-mail",
        ),
        Campaign("April newsletter: lawn care", NEWSLETTER, dt.date(2027, 4, 7), channel="E-mail"),
        Campaign(
            "New garden furniture collection",
            SEASONAL,
            dt.date(2027, 4, 22),
            WEB_FIRST,
            "Social ads",
        ),
        Campaign(
            "May newsletter: barbecue season", NEWSLETTER, dt.date(2027, 5, 5), channel="E-mail"
        ),
        Campaign(
            "June newsletter: summer in the garden",
            NEWSLETTER,
            dt.date(2027, 6, 2),
            channel="E-mail",
        ),
        Campaign(
            "Father's Day (20 June): tools and barbecues",
            SEASONAL,
            dt.date(2027, 6, 14),
            WEB_FIRST,
            "E-mail",
        ),
        Campaign("Summer sale", SEASONAL, dt.date(2027, 7, 7), channel="E-mail"),
        Campaign("Summer sale: last days", SEASONAL, dt.date(2027, 7, 20), WEB_FIRST, "SMS"),
        Campaign(
            "Back to school: home office and storage",
            SEASONAL,
            dt.date(2027, 8, 25),
            WEB_FIRST,
            "E-mail",
        ),
        Campaign(
            "September newsletter: autumn planting and bulbs",
            NEWSLETTER,
            dt.date(2027, 9, 1),
            channel="E-mail",
        ),
        Campaign("Trade autumn offers", TRADE, dt.date(2027, 9, 15), TRADE_PRO, "E-mail"),
        Campaign(
            "Double points week for club members",
            CLUB,
            dt.date(2027, 10, 20),
            STORE_REGULARS,
            "SMS",
        ),
        Campaign(
            "November newsletter: Christmas decorations are in",
            NEWSLETTER,
            dt.date(2027, 11, 3),
            channel="E-mail",
        ),
        Campaign(
            "Black Friday: early access for club members",
            CLUB,
            dt.date(2027, 11, 22),
            STORE_REGULARS,
            "SMS",
        ),
        Campaign(
            "Black Friday preview: wish-list deals",
            SEASONAL,
            dt.date(2027, 11, 23),
            WEB_FIRST,
            "E-mail",
        ),
        Campaign("Black Friday: up to 40 % off", SEASONAL, dt.date(2027, 11, 26), channel="E-mail"),
        Campaign(
            "December newsletter: Christmas trees and lights",
            NEWSLETTER,
            dt.date(2027, 12, 1),
            channel="E-mail",
        ),
        Campaign("Christmas gift guide", SEASONAL, dt.date(2027, 12, 8), channel="E-mail"),
        Campaign(
            "Order before the Christmas closure",
            TRADE,
            dt.date(2027, 12, 9),
            TRADE_PRO,
            "E-mail",
        ),
        Campaign(
            "Last delivery dates before Christmas",
            SEASONAL,
            dt.date(2027, 12, 16),
            WEB_FIRST,
            "SMS",
        ),
        Campaign("End-of-year sale", SEASONAL, dt.date(2027, 12, 27), channel="E-mail"),
    ),
    conventions=Conventions(
        active_months=12,
        inactive_months=24,
        caps=(
            PressureCap(ALL_SEGMENTS, per_week=2, per_month=6),
            PressureCap(TRADE_PRO, per_week=1, per_month=4),
        ),
        opt_in=(
            OptInRule(
                "E-mail",
                OptIn.SOFT_OPT_IN,
                "Customers: similar products, unsubscribe link in every e-mail; prospects "
                "opt in. Trade contacts at their work address: opt-out.",
            ),
            OptInRule("SMS", OptIn.OPT_IN, "Tick box at checkout, at the till or in the app."),
            OptInRule("Mobile app", OptIn.OPT_IN, "Push notifications: the phone's system prompt."),
            OptInRule(
                "Social ads",
                OptIn.OPT_IN,
                "Custom audiences only from contacts who accepted advertising cookies.",
            ),
            OptInRule(
                "Call centre",
                OptIn.OPT_OUT,
                "Outbound sales calls: screen numbers against the Telephone Preference Service.",
            ),
        ),
        senders=(
            Sender(Family.TRANSACTIONAL, "orders@northwind-retail.example", "192.0.2.10"),
            Sender(Family.CAMPAIGNS, "news@northwind-retail.example", "198.51.100.20"),
            Sender(Family.SCENARIOS, "hello@northwind-retail.example", "198.51.100.21"),
        ),
    ),
)
"""Northwind's plan: 10 programmes (the loyalty club has three objectives, the newsletter's KPI
is an open rate, the birthday programme has no KPI), 14 scenarios (the trade welcome call has no
estimate), 29 campaigns in 2027 (Black Friday week and the trade Christmas closure go over the
weekly caps)."""

EN_MAGASIN, EN_LIGNE = "Acheteurs en magasin", "Acheteurs en ligne"
SEARCH, WEB, SHOP, PHONE, MAIL, SOCIAL = (
    "Moteur de recherche",
    "Site web",
    "Magasin",
    "Service client (téléphone)",
    "E-mail",
    "Réseaux sociaux",
)
LENOIR_JOURNEY = Journey(
    stages=(
        Stage("Découverte", "Le client cherche un matelas ou du linge de lit."),
        Stage("Considération", "Il compare les modèles, les avis, les prix et les délais."),
        Stage("Achat", "En magasin ou sur le site."),
        Stage("Livraison", "Retrait en magasin ou livraison à domicile sur rendez-vous."),
        Stage("Utilisation", "Les 100 nuits d'essai, l'entretien."),
        Stage("Service après-vente", "Échanges, retours, réclamations, garantie."),
        Stage("Fidélisation", "Carte de fidélité, ventes privées, parrainage."),
    ),
    channels=(
        Channel(SEARCH, "Résultats naturels et annonces payantes"),
        Channel(WEB, "Site e-commerce, sur ordinateur et sur mobile"),
        Channel(SHOP, "Deux magasins avec salle d'essai"),
        Channel(PHONE, "Deux conseillers, du lundi au samedi"),
        Channel(MAIL, "E-mails transactionnels, campagnes et scénarios"),
        Channel(SOCIAL, "Instagram et Facebook"),
    ),
    segments=(
        Segment(
            EN_MAGASIN,
            "Clients qui veulent essayer avant d'acheter, souvent de 40 ans et plus.",
            channels=(SEARCH, WEB, SHOP, PHONE, MAIL),
        ),
        Segment(
            EN_LIGNE,
            "Jeunes ménages qui achètent sur le site et se font livrer.",
            channels=(SEARCH, WEB, PHONE, MAIL, SOCIAL),
        ),
    ),
    touchpoints=(
        Touchpoint(
            "T01",
            "Découverte",
            SEARCH,
            "Recherche « matelas 160 x 200 » : résultats naturels et annonces",
            SAT,
            1,
            4,
            3,
            data_collected="Mot-clé, page d'arrivée",
            collection_point="Outil de mesure d'audience (balises de campagne)",
            owner="Marketing",
        ),
        Touchpoint(
            "T02",
            "Découverte",
            SOCIAL,
            "Publicités et publications Instagram et Facebook",
            SAT,
            1,
            2,
            3,
            segment=EN_LIGNE,
            data_collected="Clics, audience",
            collection_point="Gestionnaire de publicités",
            owner="Marketing",
        ),
        Touchpoint(
            "T03",
            "Considération",
            WEB,
            "Fiches produits, avis clients et comparateur de matelas",
            FRI,
            -1,
            4,
            2,
            data_collected="Produits consultés",
            collection_point="Site e-commerce (compte client)",
            owner="Responsable web",
        ),
        Touchpoint(
            "T04",
            "Considération",
            PHONE,
            "Appel pour un conseil avant l'achat (fermeté, délais de livraison)",
            FRI,
            -1,
            5,
            3,
            data_collected="Motif de l'appel, coordonnées (notés sur un cahier)",
            owner="Service client",
        ),
        Touchpoint(
            "T05",
            "Considération",
            SHOP,
            "Essai des matelas et conseil du vendeur",
            SAT,
            2,
            5,
            4,
            segment=EN_MAGASIN,
            owner="Magasins",
        ),
        Touchpoint(
            "T06",
            "Achat",
            SHOP,
            "Passage en caisse et création de la fiche client",
            SAT,
            1,
            4,
            4,
            segment=EN_MAGASIN,
            data_collected="Coordonnées, achats, consentements",
            collection_point="Logiciel de caisse",
            owner="Magasins",
        ),
        Touchpoint(
            "T07",
            "Achat",
            WEB,
            "Commande et paiement en ligne (paiement en plusieurs fois peu clair)",
            FRI,
            -1,
            5,
            3,
            segment=EN_LIGNE,
            data_collected="Commande, adresse, consentements",
            collection_point="Site e-commerce (commandes)",
            owner="Responsable web",
        ),
        Touchpoint(
            "T08",
            "Achat",
            MAIL,
            "Confirmation de commande",
            SAT,
            1,
            3,
            5,
            data_collected="Numéro de commande",
            collection_point="Outil d'e-mailing (transactionnel)",
            owner="Responsable web",
        ),
        Touchpoint(
            "T09",
            "Livraison",
            PHONE,
            "Prise de rendez-vous de livraison par téléphone (créneaux de 4 heures)",
            DIS,
            -2,
            5,
            2,
            data_collected="Créneau, adresse de livraison",
            collection_point="Portail du transporteur",
            owner="Service client",
        ),
        Touchpoint(
            "T10",
            "Utilisation",
            MAIL,
            "Conseils d'entretien et rappel des 100 nuits d'essai",
            SAT,
            1,
            2,
            None,
            data_collected="Clics",
            collection_point="Outil d'e-mailing",
            owner="Marketing",
        ),
        Touchpoint(
            "T11",
            "Service après-vente",
            PHONE,
            "Réclamation ou échange pendant l'essai : attente au téléphone",
            DIS,
            -2,
            5,
            1,
            data_collected="Motif de la réclamation",
            collection_point="Tableur du service client",
            owner="Service client",
        ),
        Touchpoint(
            "T12",
            "Service après-vente",
            SHOP,
            "Retour ou échange en magasin",
            FRI,
            -1,
            4,
            3,
            segment=EN_MAGASIN,
            data_collected="Motif du retour (sur le bon de retour papier)",
            owner="Magasins",
        ),
        Touchpoint(
            "T13",
            "Service après-vente",
            MAIL,
            "Enquête de satisfaction après la livraison",
            SAT,
            0,
            3,
            None,
            data_collected="Note de satisfaction, commentaire",
            collection_point="Outil d'enquête",
            owner="Marketing",
        ),
        Touchpoint(
            "T14",
            "Fidélisation",
            MAIL,
            "Newsletter et offres réservées aux clients",
            SAT,
            0,
            2,
            3,
            data_collected="Ouvertures, clics",
            collection_point="Outil d'e-mailing",
            owner="Marketing",
        ),
        Touchpoint(
            "T15",
            "Fidélisation",
            SHOP,
            "Carte de fidélité et invitation aux ventes privées",
            SAT,
            1,
            3,
            4,
            segment=EN_MAGASIN,
            data_collected="Numéro de carte, achats",
            collection_point="Logiciel de caisse",
            owner="Magasins",
        ),
        Touchpoint(
            "T16",
            "Fidélisation",
            SOCIAL,
            "Partage d'avis et parrainage",
            SAT,
            1,
            1,
            None,
            segment=EN_LIGNE,
            owner="Marketing",
        ),
    ),
    personas=(
        Persona(
            "Acheteur de 40 ans et plus",
            EN_MAGASIN,
            "Change de matelas tous les dix ans ; se renseigne sur ordinateur, appelle avant "
            "de se déplacer et veut essayer en magasin.",
        ),
        Persona(
            "Jeune couple qui s'installe",
            EN_LIGNE,
            "Premier appartement ; découvre la marque sur Instagram, achète en ligne et se "
            "fait livrer.",
        ),
    ),
    paths=(
        JourneyPath(
            "Acheteur de 40 ans et plus",
            ("T01", "T03", "T04", "T05", "T06", "T09", "T13", "T15"),
        ),
        JourneyPath(
            "Jeune couple qui s'installe",
            ("T02", "T03", "T07", "T08", "T09", "T11", "T03", "T12", "T14"),
        ),
    ),
)
"""Le parcours de l'exemple (seed 001) : 16 points de contact ; le parcours de l'acheteur de 40
ans et plus est celui du guide (moteur de recherche, site sur ordinateur, appel au service
client, achat en magasin)."""

LENOIR_PLAN = RelationshipPlan(
    programmes=(
        Programme(
            "Bienvenue",
            ("Transformer les nouveaux inscrits en premiers acheteurs",),
            "Taux de premier achat à 90 jours",
            touchpoints=("T06", "T08"),
        ),
        Programme(
            "Demandes de conseil",
            ("Convertir les demandes de rappel en ventes",),
            "Ventes issues des demandes de rappel",
            touchpoints=("T03", "T04"),
            description="Le formulaire « être rappelé par un conseiller » du site.",
        ),
        Programme(
            "Réactivation",
            ("Réactiver les clients inactifs",),
            "Nombre de clients réactivés",
            touchpoints=("T14",),
        ),
        Programme(
            "Fidélité",
            (
                "Augmenter la fréquence d'achat des clients actifs",
                "Augmenter le panier moyen",
            ),
            "Ventes additionnelles des porteurs de carte",
            EN_MAGASIN,
            ("T15",),
        ),
        Programme(
            "Satisfaction",
            (
                "Améliorer la satisfaction après la livraison",
                "Réduire les retours pendant la période d'essai",
            ),
            "Chiffre d'affaires conservé grâce aux retours évités",
            touchpoints=("T09", "T10", "T11", "T12", "T13"),
        ),
        Programme(
            "Anniversaire",
            ("Faire revenir le client le mois de son anniversaire",),
            "Chiffre d'affaires des bons anniversaire utilisés",
        ),
        Programme(
            "Temps forts commerciaux",
            ("Générer du trafic en magasin et sur le site pendant les soldes et les fêtes",),
            "Chiffre d'affaires additionnel des temps forts (contre groupe témoin)",
            touchpoints=("T01", "T02"),
        ),
    ),
    scenarios=(
        Scenario(
            "Série de bienvenue",
            "Bienvenue",
            "Création du compte sur le site ou de la fiche en caisse",
            MAIL,
            monthly_rate=0.05,
            touchpoints=("T06",),
        ),
        Scenario(
            "Rappel par un conseiller",
            "Demandes de conseil",
            "Formulaire de demande de rappel rempli sur le site",
            PHONE,
            delay_days=1,
            monthly_rate=0.02,
            touchpoints=("T04",),
        ),
        Scenario(
            "Relance après 30 jours d'inactivité",
            "Réactivation",
            "Inactivité de 30 jours (ni visite, ni clic, ni achat)",
            MAIL,
            cap_days=90,
            monthly_rate=0.1,
        ),
        Scenario(
            "Offre de retour aux clients inactifs",
            "Réactivation",
            "Aucun achat depuis 18 mois",
            MAIL,
            cap_days=180,
            monthly_rate=0.03,
        ),
        Scenario(
            "Enquête de satisfaction J+7",
            "Satisfaction",
            "Livraison effectuée + 7 jours",
            MAIL,
            delay_days=7,
            cap_days=30,
            monthly_rate=0.06,
            touchpoints=("T13",),
        ),
        Scenario(
            "Fin des 100 nuits d'essai",
            "Satisfaction",
            "Achat d'un matelas + 90 jours",
            MAIL,
            delay_days=90,
            monthly_rate=0.02,
            touchpoints=("T10",),
        ),
        Scenario(
            "E-mail d'anniversaire",
            "Anniversaire",
            "Anniversaire du client",
            MAIL,
            cap_days=365,
            monthly_rate=1 / 12,
        ),
    ),
    campaigns=(
        Campaign(
            "Soldes d'hiver : jusqu'à -40 % sur les matelas",
            "Temps forts commerciaux",
            dt.date(2027, 1, 6),
            channel=MAIL,
        ),
        Campaign(
            "Newsletter : bien choisir son oreiller", "Fidélité", dt.date(2027, 2, 3), channel=MAIL
        ),
        Campaign(
            "Journée du sommeil : diagnostic literie offert en magasin",
            "Fidélité",
            dt.date(2027, 3, 16),
            EN_MAGASIN,
            MAIL,
        ),
        Campaign(
            "Vous nous manquez : -15 % sur votre prochain achat",
            "Réactivation",
            dt.date(2027, 4, 7),
            channel=MAIL,
        ),
        Campaign(
            "Fête des mères (30 mai) : linge de lit et plaids",
            "Temps forts commerciaux",
            dt.date(2027, 5, 19),
            channel=MAIL,
        ),
        Campaign("Soldes d'été", "Temps forts commerciaux", dt.date(2027, 6, 23), channel=MAIL),
        Campaign(
            "Rentrée : literie enfant",
            "Temps forts commerciaux",
            dt.date(2027, 9, 8),
            EN_LIGNE,
            MAIL,
        ),
        Campaign(
            "Ventes privées des porteurs de carte",
            "Fidélité",
            dt.date(2027, 10, 13),
            EN_MAGASIN,
            MAIL,
        ),
        Campaign("Black Friday", "Temps forts commerciaux", dt.date(2027, 11, 26), channel=MAIL),
        Campaign(
            "Noël : idées cadeaux linge de maison",
            "Temps forts commerciaux",
            dt.date(2027, 12, 1),
            channel=MAIL,
        ),
        Campaign(
            "Dernières livraisons avant Noël",
            "Temps forts commerciaux",
            dt.date(2027, 12, 14),
            EN_LIGNE,
            MAIL,
        ),
    ),
    conventions=Conventions(
        active_months=12,
        inactive_months=18,
        caps=(PressureCap(ALL_SEGMENTS, per_week=2, per_month=6),),
        opt_in=(
            OptInRule(
                MAIL,
                OptIn.SOFT_OPT_IN,
                "Clients : produits analogues, lien de désinscription dans chaque e-mail ; "
                "prospects : consentement préalable.",
            ),
            OptInRule("SMS", OptIn.OPT_IN, "Case à cocher en caisse ou à la commande."),
            OptInRule(
                SOCIAL,
                OptIn.OPT_IN,
                "Audiences personnalisées : consentement aux cookies publicitaires.",
            ),
            OptInRule(
                PHONE,
                OptIn.OPT_OUT,
                "Prospection téléphonique : numéros vérifiés dans Bloctel.",
            ),
        ),
        senders=(
            Sender(Family.TRANSACTIONAL, "commandes@literie-lenoir.example", "203.0.113.10"),
            Sender(Family.CAMPAIGNS, "newsletter@literie-lenoir.example", "203.0.113.20"),
            Sender(Family.SCENARIOS, "bonjour@literie-lenoir.example", "203.0.113.20"),
        ),
    ),
)
"""Le plan de l'exemple : 7 programmes tirés des guides (seeds 000 et 001), 7 scénarios dont la
relance après 30 jours d'inactivité, 11 campagnes en 2027."""

JOURNEYS: dict[str, Journey] = {
    "literie-lenoir": LENOIR_JOURNEY,
    "northwind-retail": NORTHWIND_JOURNEY,
}
"""The examples' customer journeys (DOMAIN.md §1)."""

PLANS: dict[str, RelationshipPlan] = {
    "literie-lenoir": LENOIR_PLAN,
    "northwind-retail": NORTHWIND_PLAN,
}
"""The examples' relationship-marketing plans (DOMAIN.md §2)."""


# --- the data map (DOMAIN.md §5) ------------------------------------------------------------

ST, RL, MT, FQ, LB = SystemType, Role, Method, FlowFrequency, LegalBasis


def _flow(
    source: str,
    target: str,
    objects: str,
    frequency: FlowFrequency,
    method: Method,
    volume: int | None = None,
    basis: LegalBasis | None = None,
    *,
    personal: bool = True,
) -> Flow:
    return Flow(
        source,
        target,
        tuple(o.strip() for o in objects.split(",")),
        frequency,
        method,
        volume,
        personal,
        basis,
    )


NORTHWIND_DATA_MAP = DataMap(
    systems=(
        System("ERP", ST.ERP, RL.SOURCE, "Finance IT", True, "FR", "10 years (accounting)"),
        System(
            "E-commerce platform",
            ST.ECOMMERCE,
            RL.SOURCE,
            "E-commerce",
            True,
            "IE",
            "3 years after the last order",
        ),
        System("Point-of-sale system", ST.OTHER, RL.SOURCE, "Stores", True, "FR", "3 years"),
        System("Mobile app", ST.OTHER, RL.SOURCE, "E-commerce", True, "FR", "Account lifetime"),
        System(
            "Loyalty platform",
            ST.OTHER,
            RL.SOURCE,
            "CRM team",
            True,
            "FR",
            "Membership + 3 years",
        ),
        System("Web analytics", ST.OTHER, RL.SOURCE, "E-commerce", True, "US", "13 months"),
        System("Trade desk spreadsheets", ST.SPREADSHEET, RL.SOURCE, "", True, "FR", ""),
        System("CRM", ST.CRM, RL.HUB, "CRM team", True, "FR", "3 years after the last purchase"),
        System("Data warehouse", ST.OTHER, RL.HUB, "Data team", True, "EU", "5 years"),
        System("E-mailing tool", ST.EMAILING, RL.ACTIVATION, "CRM team", True, "US", "3 years"),
        System("SMS gateway", ST.OTHER, RL.ACTIVATION, "CRM team", True, "FR", "1 year"),
        System(
            "Call-centre software",
            ST.CALL_CENTRE,
            RL.ACTIVATION,
            "Customer service",
            True,
            "MA",
            "2 years",
        ),
        System("Social ads manager", ST.OTHER, RL.ACTIVATION, "Marketing", True, "US", ""),
        System("Survey tool", ST.OTHER, RL.ACTIVATION, "Customer service", True, "EU", "1 year"),
        System("BI dashboards", ST.OTHER, RL.ACTIVATION, "Data team", False, "EU", ""),
    ),
    flows=(
        _flow(
            "ERP",
            "Data warehouse",
            "orders, products, customers",
            FQ.DAILY,
            MT.ETL,
            120_000,
            LB.CONTRACT,
        ),
        _flow(
            "E-commerce platform",
            "CRM",
            "customers, orders, baskets",
            FQ.REAL_TIME,
            MT.API,
            None,
            LB.CONTRACT,
        ),
        _flow(
            "E-commerce platform",
            "Data warehouse",
            "orders, web sessions",
            FQ.DAILY,
            MT.ETL,
            40_000,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow("Point-of-sale system", "ERP", "receipts", FQ.DAILY, MT.FILE, 60_000, LB.CONTRACT),
        _flow(
            "Point-of-sale system",
            "CRM",
            "customers, receipts",
            FQ.HOURLY,
            MT.API,
            2_500,
            LB.CONTRACT,
        ),
        _flow(
            "Mobile app",
            "CRM",
            "customers, push tokens, wish lists",
            FQ.REAL_TIME,
            MT.API,
            None,
            LB.CONSENT,
        ),
        _flow(
            "Mobile app",
            "Loyalty platform",
            "loyalty points",
            FQ.REAL_TIME,
            MT.API,
            None,
            LB.CONTRACT,
        ),
        _flow(
            "Loyalty platform",
            "CRM",
            "loyalty points, customers",
            FQ.HOURLY,
            MT.API,
            1_200,
            LB.CONTRACT,
        ),
        _flow(
            "Trade desk spreadsheets", "CRM", "trade accounts, quotes", FQ.WEEKLY, MT.MANUAL, 300
        ),
        _flow(
            "Web analytics", "Data warehouse", "web sessions", FQ.DAILY, MT.ETL, 250_000, LB.CONSENT
        ),
        _flow(
            "CRM",
            "Data warehouse",
            "customers, consents, contact history",
            FQ.DAILY,
            MT.ETL,
            180_000,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow(
            "Data warehouse",
            "CRM",
            "scores, segments",
            FQ.DAILY,
            MT.ETL,
            180_000,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow(
            "CRM",
            "E-mailing tool",
            "customers, segments, consents, loyalty points",
            FQ.HOURLY,
            MT.API,
            5_000,
            LB.CONSENT,
        ),
        _flow(
            "E-mailing tool",
            "CRM",
            "e-mail events, unsubscribes",
            FQ.HOURLY,
            MT.API,
            20_000,
            LB.CONSENT,
        ),
        _flow("CRM", "SMS gateway", "customers, consents", FQ.DAILY, MT.FILE, 3_000, LB.CONSENT),
        _flow(
            "CRM",
            "Call-centre software",
            "customers, orders, trade accounts",
            FQ.REAL_TIME,
            MT.API,
            None,
            LB.CONTRACT,
        ),
        _flow(
            "Call-centre software",
            "CRM",
            "contact history, complaints",
            FQ.DAILY,
            MT.FILE,
            800,
            LB.CONTRACT,
        ),
        _flow(
            "CRM",
            "Survey tool",
            "customers, orders",
            FQ.DAILY,
            MT.FILE,
            1_500,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow(
            "Survey tool",
            "CRM",
            "satisfaction scores",
            FQ.DAILY,
            MT.FILE,
            300,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow(
            "Data warehouse",
            "BI dashboards",
            "orders, scores, campaign results",
            FQ.DAILY,
            MT.ETL,
            personal=False,
        ),
        _flow("CRM", "Social ads manager", "segments, hashed e-mails", FQ.WEEKLY, MT.FILE, 60_000),
        _flow("ERP", "E-commerce platform", "products, stock", FQ.HOURLY, MT.API, personal=False),
        _flow("ERP", "Point-of-sale system", "products, prices", FQ.DAILY, MT.FILE, personal=False),
        _flow(
            "E-mailing tool",
            "Data warehouse",
            "campaign results",
            FQ.DAILY,
            MT.FILE,
            50,
            LB.LEGITIMATE_INTERESTS,
        ),
        _flow(
            "Data warehouse",
            "Trade desk spreadsheets",
            "customer lists",
            FQ.WEEKLY,
            MT.MANUAL,
            2_000,
            LB.LEGITIMATE_INTERESTS,
        ),
    ),
    dictionary=(
        DataField("CRM", "email", "Customer's e-mail address", "customers", personal=True),
        DataField("CRM", "mobile_phone", "Customer's mobile number", "customers", personal=True),
        DataField("CRM", "first_name", "First name", "customers", personal=True),
        DataField("CRM", "last_name", "Last name", "customers", personal=True),
        DataField(
            "CRM", "birth_date", "Date of birth (birthday programme)", "customers", personal=True
        ),
        DataField("CRM", "optin_email", "E-mail consent and its date", "consents", personal=True),
        DataField("CRM", "segment", "Value segment (from the data warehouse)", "segments"),
        DataField(
            "E-commerce platform",
            "basket_lines",
            "Products left in the basket",
            "baskets",
            personal=True,
        ),
        DataField(
            "Loyalty platform",
            "card_number",
            "Loyalty card number",
            "loyalty points",
            personal=True,
        ),
        DataField(
            "Loyalty platform", "points_balance", "Points balance", "loyalty points", personal=True
        ),
        DataField(
            "Call-centre software",
            "call_notes",
            "Agent's notes (may mention health when a customer was hurt by a product)",
            "contact history",
            personal=True,
            sensitive=True,
        ),
        DataField(
            "Trade desk spreadsheets",
            "buyer_name",
            "Trade customer's buyer",
            "trade accounts",
            personal=True,
        ),
        DataField(
            "Survey tool",
            "nps",
            "Net promoter score and comment",
            "satisfaction scores",
            personal=True,
        ),
        DataField(
            "Data warehouse",
            "rfm_score",
            "Recency-frequency-monetary score",
            "scores",
            personal=True,
        ),
    ),
    use_cases=(
        UseCaseNeed("Welcome series", "Welcome", ("customers", "consents"), "E-mailing tool"),
        UseCaseNeed(
            "Abandoned basket reminder",
            "Abandoned basket",
            ("customers", "consents", "baskets"),
            "E-mailing tool",
        ),
        UseCaseNeed(
            "Reactivation of inactive clients",
            "Reactivation of inactive clients",
            ("customers", "consents", "segments"),
            "E-mailing tool",
        ),
        UseCaseNeed(
            "Points balance in the club e-mails",
            "Loyalty club",
            ("customers", "loyalty points"),
            "E-mailing tool",
        ),
        UseCaseNeed(
            "Post-purchase NPS survey",
            "Post-purchase satisfaction",
            ("customers", "orders"),
            "Survey tool",
        ),
        UseCaseNeed(
            "Trade account follow-up calls",
            "Trade accounts",
            ("trade accounts", "orders"),
            "Call-centre software",
        ),
    ),
)
"""Northwind's data map: 15 systems (7 sources, 2 hubs, 6 activation tools), 25 flows (two of
them by hand, with the trade desk's spreadsheets), a data dictionary of 14 fields and the data
6 use cases of the relationship plan need. Planted for the audit: baskets never reach the
e-mailing tool (the abandoned-basket reminder lacks them), trade accounts arrive only by hand,
the spreadsheets have no owner, two personal-data flows state no legal basis, the weekly customer
lists sent to the spreadsheets serve no use case, several systems are hosted outside the EU,
and four collection points of the journey are not in the map."""

DATA_MAPS: dict[str, DataMap] = {"northwind-retail": NORTHWIND_DATA_MAP}


NORTHWIND_CUSTOMER_FILE = CustomerFileSettings(
    path="customers.csv",
    country="FR",
    reference_date=dt.date(2026, 11, 23),
    mapping={
        "record_id": "id_client",
        "email": "email",
        "phone": "telephone",
        "first_name": "prenom",
        "last_name": "nom",
        "postcode": "code_postal",
        "city": "ville",
        "country": "pays",
        "last_activity": "date_derniere_commande",
        "opt_in": "optin_email",
        "undeliverable": "npai",
    },
)
"""Northwind's customer export: a French Excel CSV (semicolons, cp1252, dd/mm/yyyy dates) of
4 000 synthetic customers (:mod:`crmwb.customer_file.synthetic_customers`, seed 2026: 8 % of the
records are copies of another customer, with typos, swapped names, other phone formats ...; invalid
e-mails and phones, missing dates, NPAI markers at known rates), mapped to the audit's roles."""

CUSTOMER_FILES: dict[str, CustomerFileSettings] = {"northwind-retail": NORTHWIND_CUSTOMER_FILE}
CUSTOMER_ROWS, CUSTOMER_SEED = 4_000, 2026


# --- the project plan and governance (DOMAIN.md §6) ----------------------------------------


def _monthly(first: dt.date, values: Sequence[float]) -> dict[dt.date, float]:
    """Values for consecutive months from ``first`` (a month's first day)."""
    return {add_months(first, i): v for i, v in enumerate(values)}


_JUN = dt.date(2026, 6, 1)
NORTHWIND_PROJECT = ProjectSheets(
    phases=tuple(
        replace(phase, owner=owner)
        for phase, owner in zip(
            DEFAULT_PLAN,
            ("CRM team", "CRM team", "Data team", "CRM team", "Marketing", "Marketing"),
            strict=True,
        )
    ),
    start=dt.date(2026, 6, 1),
    as_of=dt.date(2026, 11, 23),
    kpis=(
        KpiTrack(
            "Welcome",
            "First-purchase rate at 60 days",
            "business",
            "%",
            targets=_monthly(dt.date(2026, 9, 1), (8, 10, 12, 14)),
            actuals=_monthly(dt.date(2026, 9, 1), (7.5, 9.8, 9.1)),
        ),
        KpiTrack(
            "Reactivation of inactive clients",
            "Number of reactivated clients",
            "business",
            "clients",
            targets=_monthly(dt.date(2026, 9, 1), (150, 200, 250, 300)),
            actuals=_monthly(dt.date(2026, 9, 1), (160, 190, 170)),
        ),
        KpiTrack(
            "Abandoned basket",
            "Scenarios deployed",
            "operational",
            "scenarios",
            targets=_monthly(dt.date(2026, 9, 1), (1, 2, 3, 4)),
            actuals=_monthly(dt.date(2026, 9, 1), (1, 2, 2)),
        ),
    ),
    actions=(
        Action("Welcome series live", "Welcome", dt.date(2026, 9, 1), dt.date(2026, 9, 8)),
        Action(
            "Reactivation e-mails live",
            "Reactivation of inactive clients",
            dt.date(2026, 9, 15),
            dt.date(2026, 9, 14),
        ),
        Action("Abandoned-basket reminder live", "Abandoned basket", dt.date(2026, 11, 2)),
        Action("Club points in the e-mails", "Loyalty club", dt.date(2026, 12, 1)),
    ),
    adoptions=(
        Adoption(dt.date(2026, 9, 1), 28, 40, {"E-mail": 0.93, "Phone": 0.71}),
        Adoption(dt.date(2026, 10, 1), 33, 40, {"E-mail": 0.94, "Phone": 0.74}),
        Adoption(dt.date(2026, 11, 1), 31, 40, {"E-mail": 0.95, "Phone": 0.76}),
    ),
    checklist=(
        *(StepProgress(n, StepStatus.DONE) for n in range(1, 10)),
        StepProgress(10, StepStatus.IN_PROGRESS),
    ),
)
"""Northwind's project: the seeds' plan from 1 June 2026 (owners added), followed on
23 November 2026: three KPIs of the plan (one behind in November), four actions (one late),
the adoption of the CRM by its 40 users, the checklist's first nine steps done."""

LENOIR_PROJECT = ProjectSheets(start=dt.date(2026, 9, 1), as_of=dt.date(2026, 11, 23))
"""Literie Lenoir: the seeds' default plan and RACI as the template gives them, from
1 September 2026; no follow-up yet."""

PROJECTS: dict[str, ProjectSheets] = {
    "literie-lenoir": LENOIR_PROJECT,
    "northwind-retail": NORTHWIND_PROJECT,
}


def example_workbook(slug: str) -> Workbook:
    """The workbook of the example client ``slug``, every sheet filled from this file."""
    about, tco = {"literie-lenoir": LENOIR, "northwind-retail": NORTHWIND}[slug]
    return build_workbook(
        about.language,
        about,
        tco=tco,
        vendors=VENDORS.get(slug),
        roi=ROI.get(slug),
        journey=JOURNEYS.get(slug),
        plan=PLANS.get(slug),
        data_map=DATA_MAPS.get(slug),
        customer_file=CUSTOMER_FILES.get(slug),
        project=PROJECTS.get(slug),
    )


def main() -> None:
    for slug in ("literie-lenoir", "northwind-retail"):
        path = HERE / slug / WORKBOOK_NAME
        save_workbook(example_workbook(slug), path)
        print(f"wrote {path}")
        if slug in CUSTOMER_FILES:
            export = HERE / slug / CUSTOMER_FILES[slug].path
            write_customer_file(
                export, CUSTOMER_ROWS, seed=CUSTOMER_SEED, today=dt.date(2026, 11, 23)
            )
            print(f"wrote {export}")


if __name__ == "__main__":
    main()

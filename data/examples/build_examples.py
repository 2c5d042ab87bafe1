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
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from crmwb.clients import WORKBOOK_NAME
from crmwb.tco import Basis, Category, CostLine, Frequency, TcoSettings
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


def main() -> None:
    for slug, (about, tco) in {"seed-example": SEED, "northwind-retail": NORTHWIND}.items():
        path = HERE / slug / WORKBOOK_NAME
        save_workbook(build_workbook(about.language, about, tco), path)
        print(f"wrote {path}")


if __name__ == "__main__":
    main()

"""Cases worked by hand, shared by the tests of the TCO's and the ROI's views and charts."""

from __future__ import annotations

from crmwb.core.uncertainty import Pert
from crmwb.roi.levers import TimeSaved
from crmwb.roi.model import CostItem, RoiCase, RoiSettings
from crmwb.tco.model import Basis, Category, CostLine, Frequency

SEED = [
    CostLine("Licence", Category.LICENCE, Frequency.ONE_OFF, Basis.FLAT, 3000),
    CostLine(
        "Licence", Category.MAINTENANCE, Frequency.YEARLY, Basis.PERCENT_OF_LICENCE, rate=0.20
    ),
    CostLine("Licence", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 6000),
    CostLine("SaaS", Category.SUBSCRIPTION, Frequency.MONTHLY, Basis.PER_USER, 60),
    CostLine("SaaS", Category.IMPLEMENTATION, Frequency.ONE_OFF, Basis.FLAT, 2000),
]
"""The guide's licence-or-SaaS example: 13 200 € against 22 160 € over 7 years for
4 users."""

WORKED = RoiCase(
    RoiSettings(horizon_years=3, discount_rate=0.10),
    levers=(
        TimeSaved(
            name="Finding information",
            users=20,
            minutes_a_day=Pert(10, 15, 25),
            working_days=200,
            loaded_hourly_cost=40,
            productive_share=0.5,
            ramp_up=(0.5, 1.0),
        ),
    ),
    costs=(CostItem("Licences and services", (20_000, 2_000, 2_000, 2_000)),),
)
"""20 users saving 15 minutes a day (10 to 25) over 3 years, against 20 000 € then 2 000 € a
year, discounted at 10 %: year 1 saves 20 x 0.25 h x 200 days x 40 € x 0.5 x 0.5 = 10 000 €."""

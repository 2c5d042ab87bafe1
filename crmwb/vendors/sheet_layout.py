"""The vendor comparison's sheets laid out: their vocabulary (how criteria are weighted and
measured), the columns and positions of the Vendors, Criteria, Pairwise, Scores and Use cases
sheets (the Pricing sheet's are in :mod:`.pricing_sheet`), the defined names their drop-downs
use, and their rows as typed (:class:`VendorEntry`, :class:`CriterionEntry`,
:class:`Comparison`, :class:`UseCaseEntry`). Shared by the writer (:mod:`.sheets`) and the
readers (:mod:`.criteria_sheets`, :mod:`.scores_sheets`, :mod:`.pricing_sheet`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core.errors import msg
from crmwb.core.i18n import Lang
from crmwb.vendors.model import Coverage, Direction, MarketType, Measure, UseCase, Vendor
from crmwb.vendors.weights import RECIPROCITY_TOLERANCE, SAATY_SCALE_MIN
from crmwb.workbook.fields import Field, YesNo
from crmwb.workbook.layout import finish_validation

# --- the vocabulary of the sheets ------------------------------------------------------------


class WeightingMethod(StrEnum):
    """How the criteria are weighted (the Criteria sheet's parameter)."""

    DIRECT = "direct"
    """A weight per criterion (points or fractions), normalised to sum 1."""
    AHP = "ahp"
    """Pairwise comparisons of the groups, and of the criteria within each group."""


class CriterionMeasure(StrEnum):
    """How a criterion is measured, as the consultant says it: a score, an amount, or the
    vendor's TCO (an amount that the vendor TCO computation will provide; typed on the Scores
    sheet until then)."""

    SCORE = "score"
    AMOUNT = "amount"
    TCO = "tco"

    @property
    def measure(self) -> Measure:
        """The domain's measure: TCO is an amount."""
        return Measure.SCORE if self is CriterionMeasure.SCORE else Measure.AMOUNT


GROUPS_SCOPE = "Groups"
"""The scope of the comparisons between criterion groups (written "Groupes" in French); a group
may not bear this name."""

NOT_EVALUATED_MARK = "n/e"
"""What a Scores cell says for a score not given on purpose ("not evaluated" and "non évalué"
are read too)."""

SAATY_LOWEST = SAATY_SCALE_MIN * (1 - RECIPROCITY_TOLERANCE)
"""The smallest comparison accepted: 1/9, typed with two decimals (0.11) included."""


# --- the layout, shared by the writer and the readers ----------------------------------------

TABLE_HELP_ROW = 4
"""Template position of the help row of the sheets without parameters (the header is below)."""
TABLE_HEADER_ROW = 5
CRITERIA_HELP_ROW = 8
"""Template positions on the Criteria sheet, below its three parameters (rows 4 to 6)."""
CRITERIA_HEADER_ROW = 9
TEMPLATE_EVALUATORS = 3
"""Evaluator columns of the blank Scores sheet ("Evaluator 1" ..., to be renamed)."""
TEMPLATE_VENDOR_COLUMNS = 5
"""Vendor columns of the blank Use cases sheet ("Vendor 1" ..., to be renamed)."""

VENDOR_COLUMNS: tuple[Field, ...] = (
    Field("vendors.col.vendor", "text", width=36, required=True),
    Field("vendors.col.market_type", "choice", width=24, required=True, choices=MarketType),
    Field("vendors.col.notes", "text", width=70),
)

CRITERIA_PARAMETERS: tuple[Field, ...] = (
    Field("criteria.scale_low", "number", required=True, minimum=None),
    Field("criteria.scale_high", "number", required=True, minimum=None),
    Field("criteria.weighting", "choice", required=True, choices=WeightingMethod),
)

CRITERIA_COLUMNS: tuple[Field, ...] = (
    Field("criteria.col.group", "text", width=26, required=True),
    Field("criteria.col.criterion", "text", width=34, required=True),
    Field("criteria.col.direction", "choice", width=12, required=True, choices=Direction),
    Field("criteria.col.measure", "choice", width=12, choices=CriterionMeasure),
    Field("criteria.col.weight", "number", width=10, hint=msg("criteria.err.hint.zero_weight")),
    Field("criteria.col.knock_out_minimum", "number", width=14, minimum=None),
    Field("criteria.col.knock_out_maximum", "number", width=14, minimum=None),
)

PAIRWISE_COLUMNS: tuple[Field, ...] = (
    Field("pairwise.col.scope", "text", width=26, required=True),
    Field("pairwise.col.item_a", "text", width=34, required=True),
    Field("pairwise.col.item_b", "text", width=34, required=True),
    Field("pairwise.col.value", "saaty", width=10, required=True),
)
SAATY_FORMAT = "# ?/?"
"""Shows 0.333 as 1/3, and makes Excel store 1/3 typed in the cell as 0.333 (not a date)."""

SCORE_COLUMNS: tuple[Field, ...] = (
    Field("scores.col.vendor", "text", width=34, required=True),
    Field("scores.col.criterion", "text", width=34, required=True),
)
EVALUATOR_COLUMN = Field("scores.col.evaluator", "score", width=16)

USE_CASE_COLUMNS: tuple[Field, ...] = (
    Field("use_cases.col.id", "text", width=9, added_in=4, numbered="UC-{:02}"),
    Field("use_cases.col.use_case", "text", width=40, required=True),
    Field("use_cases.col.programme", "text", width=20),
    Field(
        "use_cases.col.priority", "number", width=10, required=True, minimum=0, min_excluded=True
    ),
    Field("use_cases.col.must_have", "choice", width=13, choices=YesNo),
)
COVERAGE_COLUMN = Field("use_cases.col.vendor", "choice", width=20, required=True, choices=Coverage)

VENDOR_NAMES = "vendor_names"
"""Defined name of the Vendors sheet's names (the drop-down of the Scores sheet's Vendor)."""
CRITERION_NAMES = "criterion_names"
"""Defined name of the Criteria sheet's names (the drop-down of the Scores sheet's Criterion)."""


def list_validation(ws: Worksheet, spec: Field, ref: str, name: str, lang: Lang) -> None:
    """A drop-down fed by another sheet's column (behind a defined name)."""
    dv = DataValidation(type="list", formula1=name, allow_blank=True)
    finish_validation(ws, dv, spec, ref, lang)


# --- what the sheets say ---------------------------------------------------------------------


@dataclass(frozen=True)
class VendorEntry:
    """One row of the Vendors sheet."""

    name: str
    market_type: MarketType
    notes: str = ""

    @property
    def vendor(self) -> Vendor:
        return Vendor(self.name, self.market_type)


@dataclass(frozen=True)
class CriterionEntry:
    """One row of the Criteria sheet. ``weight`` is the direct weight as typed (points or a
    fraction; None under AHP); thresholds are on the score scale, or amounts."""

    group: str
    name: str
    direction: Direction
    measure: CriterionMeasure = CriterionMeasure.SCORE
    weight: float | None = None
    knock_out_minimum: float | None = None
    knock_out_maximum: float | None = None


@dataclass(frozen=True)
class Comparison:
    """One row of the Pairwise sheet: in ``scope`` (:data:`GROUPS_SCOPE` or a group's name),
    ``a`` is ``value`` times as important as ``b`` (Saaty's 1/9..9). ``source`` says where it
    was read (``Pairwise!D7``)."""

    scope: str
    a: str
    b: str
    value: float
    source: str = ""


@dataclass(frozen=True)
class UseCaseEntry:
    """One row of the Use cases sheet, the mission's one list of use cases (its ID, name,
    programme, priority and must-have), with each vendor's coverage (vendor -> level)."""

    name: str
    priority: float
    must_have: bool = False
    programme: str = ""
    coverage: Mapping[str, Coverage] = field(default_factory=dict)
    id: str = ""
    """Its reference on the mission's one list of use cases (« UC-03 »); the other sheets name
    the use case by it (empty in a workbook of a template before 4)."""

    @property
    def use_case(self) -> UseCase:
        return UseCase(self.name, self.priority, self.must_have)

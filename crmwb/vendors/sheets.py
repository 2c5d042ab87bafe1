"""The vendor comparison's sheets of the client workbook <-> :mod:`crmwb.vendors.model` and
:mod:`crmwb.vendors.weights` objects.

Five sheets, named in French or English, each with a title, a help row and a header row whose
cells carry the help as a comment; the reader finds headers and labels by their text, in either
language, not by position:

* **Vendors** (*Éditeurs*): Vendor | Market type | Notes.
* **Criteria** (*Critères*): the parameters scale low, scale high and weighting method (direct or
  AHP) in column B, then Group | Criterion | Direction | Measure (score, amount, TCO) | Weight |
  Knock-out minimum | Knock-out maximum. Weights are used by direct weighting only, normalised
  to sum 1 (:func:`crmwb.vendors.weights.normalise_weights`).
* **Pairwise** (*Comparaisons*), for AHP: Scope | Item A | Item B | Value, one comparison per
  row. The scope ``Groups`` (*Groupes*) compares criterion groups, a group's name compares that
  group's criteria; Value is how much more important A is than B on Saaty's scale (1/9 to 9).
  Global weight = group weight x weight within the group
  (:func:`crmwb.vendors.weights.global_weights`).
* **Scores** (*Notes*): Vendor | Criterion | one column per evaluator, whose header is the
  evaluator's name. A cell holds a score on the scale (an amount for an amount or TCO criterion),
  ``n/e`` for "not evaluated" on purpose, or nothing (a missing score, an error).
* **Use cases** (*Cas d'usage*, optional): Use case | Programme | Priority | Must have | one
  column per vendor, whose header is the vendor's name, holding its coverage level.
* **Pricing** (*Tarifs*, optional): the client's volumes in year 1 and their yearly growth in
  column B (users, contacts, messages per year, GB stored; empty users and contacts: the TCO
  sheet's), then one row per price item of a vendor: Vendor | Item | Name | Price | Up to | Per |
  Rate | Year | End year | Low | High | Notes (see :data:`PRICING_RULES`). Each vendor with rows
  gets a :class:`~crmwb.vendors.pricing.VendorPricing`, costed on the TCO sheet's horizon, discount
  rate and escalation; its total (undiscounted) replaces the amounts typed on the Scores sheet
  for the criteria measured by the TCO. A vendor without rows keeps its typed amounts.

The same field specs write the blank template, the example clients (:func:`write_vendor_sheets`,
from a :class:`VendorSheets`) and read a filled workbook back (:func:`read_vendor_comparison`,
into a :class:`VendorInputs`). Every error is a :class:`~crmwb.core.errors.WorkbookError` naming the
file, the sheet and the cell; doubtful but valid input (a price criterion whose direction is
benefit) gives a :class:`SheetWarning` instead.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import (
    InputError,
    Msg,
    Number,
    Percent,
    Quoted,
    Text,
    WorkbookError,
    msg,
    render,
)
from crmwb.core.i18n import DEFAULT_LANG, Lang, t, tn
from crmwb.core.uncertainty import PERT_SHAPE, Pert
from crmwb.tco.model import MAX_HORIZON_YEARS, Category, TcoSettings
from crmwb.tco.sheets import read_tco_settings
from crmwb.vendors.costs import VendorStudy, compare_vendors
from crmwb.vendors.model import (
    Coverage,
    CoverageSheet,
    Criterion,
    Direction,
    MarketType,
    Measure,
    Score,
    ScoreSheet,
    UseCase,
    Vendor,
)
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
from crmwb.vendors.weights import (
    MAX_CRITERIA,
    RECIPROCITY_TOLERANCE,
    SAATY_SCALE_MAX,
    SAATY_SCALE_MIN,
    AhpResult,
    PairwiseComparisons,
    ahp_weights,
    global_weights,
    normalise_weights,
)
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, YesNo, describe, is_blank, normalised, plain, typed_number
from crmwb.workbook.layout import (
    finish_validation,
    format_input,
    write_parameters,
    write_table_header,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import Names, define_column, rows_for, write_sheet_title

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


class PriceItem(StrEnum):
    """What a row of the Pricing sheet prices (its Item drop-down)."""

    USER_EDITION = "user_edition"
    CONTACT_TIER = "contact_tier"
    MESSAGE_TIER = "message_tier"
    MODULE = "module"
    LICENCE = "licence"
    SERVICE = "service"
    STORAGE = "storage"
    MINIMUM_COMMITMENT = "minimum_commitment"


VENDOR_CHOICES: dict[type[StrEnum], str] = {
    MarketType: "market_type",
    Direction: "direction",
    CriterionMeasure: "measure",
    WeightingMethod: "weighting",
    Coverage: "coverage",
    YesNo: "yes_no",
    PriceItem: "price_item",
    PricePeriod: "price_period",
}
"""The vendor sheets' drop-down lists: enum -> prefix of its labels in i18n (a list on the
hidden Lists sheet each, named ``list_<prefix>``)."""

GROUPS_SCOPE = "Groups"
"""The scope of the comparisons between criterion groups (written "Groupes" in French); a group
may not bear this name."""

NOT_EVALUATED_MARK = "n/e"
"""What a Scores cell says for a score not given on purpose ("not evaluated" and "non évalué"
are read too)."""

_NOT_EVALUATED = frozenset(
    normalised(text) for text in ("n/e", "n.e.", "n/é", *i18n.all_labels("scores.not_evaluated"))
)

SAATY_LOWEST = SAATY_SCALE_MIN * (1 - RECIPROCITY_TOLERANCE)
"""The smallest comparison accepted: 1/9, typed with two decimals (0.11) included."""

_PRICE_LIKE = re.compile(r"\b(pric|prix|tco|cost|co[uû]t|tarif)", re.IGNORECASE)
"""A criterion whose name starts a word with these looks like a price (price, pricing, prix,
TCO, cost, coût, tarif...)."""


# --- the layout, shared by the writer and the reader -----------------------------------------

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
    Field("use_cases.col.use_case", "text", width=40, required=True),
    Field("use_cases.col.programme", "text", width=20),
    Field(
        "use_cases.col.priority", "number", width=10, required=True, minimum=0, min_excluded=True
    ),
    Field("use_cases.col.must_have", "choice", width=13, choices=YesNo),
)
COVERAGE_COLUMN = Field("use_cases.col.vendor", "choice", width=20, required=True, choices=Coverage)

PRICING_PARAMETERS: tuple[Field, ...] = tuple(
    spec
    for volume, growth in (
        ("users", "user_growth"),
        ("contacts", "contact_growth"),
        ("messages", "message_growth"),
        ("storage_gb", "storage_growth"),
    )
    for spec in (
        Field(f"pricing.{volume}", "number"),
        Field(f"pricing.{growth}", "rate", minimum=-1, maximum=1, min_excluded=True),
    )
)
"""The volumes of year 1 and their yearly growth (rows 4 to 11 of the template)."""
PRICING_HELP_ROW = 13
PRICING_HEADER_ROW = 14

_NEGATIVE_PRICE = msg("pricing.err.hint.positive_price")
PRICING_COLUMNS: tuple[Field, ...] = (
    Field("pricing.col.vendor", "text", width=30, required=True),
    Field("pricing.col.item", "choice", width=20, required=True, choices=PriceItem),
    Field("pricing.col.name", "text", width=30),
    Field("pricing.col.price", "number", width=13, hint=_NEGATIVE_PRICE),
    Field("pricing.col.up_to", "number", width=13),
    Field("pricing.col.per", "choice", width=9, choices=PricePeriod),
    Field("pricing.col.rate", "fraction", width=9, maximum=1, max_excluded=True),
    Field("pricing.col.year", "whole", width=8, maximum=MAX_HORIZON_YEARS),
    Field("pricing.col.end_year", "whole", width=9, minimum=1, maximum=MAX_HORIZON_YEARS),
    Field("pricing.col.low", "number", width=11),
    Field("pricing.col.high", "number", width=11),
    Field("pricing.col.notes", "text", width=40),
)
_VENDOR, _ITEM, _NAME, _PRICE, _UP_TO, _PER, _RATE, _YEAR, _END, _LOW, _HIGH, _NOTES = (
    spec.key for spec in PRICING_COLUMNS
)
MULTIPLIER_FORMAT = "[<=10]0%;#,##0"
"""Low and High: a multiplier (up to 1000 %) shows as a percentage, a service's amount as one."""
MAX_MULTIPLIER = 10.0
"""A High multiplier above this (1000 %) is taken for a percentage typed as a number (140)."""

_P = "pricing.col."
_USES: dict[PriceItem, frozenset[str]] = {
    item: frozenset(_P + key for key in keys.split())
    for item, keys in {
        PriceItem.USER_EDITION: "name price up_to per low high",
        PriceItem.CONTACT_TIER: "name price up_to per low high",
        PriceItem.MESSAGE_TIER: "name price up_to per low high",
        PriceItem.MODULE: "name price per year end_year low high",
        PriceItem.LICENCE: "name price rate year low high",
        PriceItem.SERVICE: "name price year low high",
        PriceItem.STORAGE: "name price up_to per low high",
        PriceItem.MINIMUM_COMMITMENT: "name price year end_year",
    }.items()
}
"""The columns each item uses (besides Vendor, Item, Notes); another column filled is an error."""
_NAMED = (PriceItem.USER_EDITION, PriceItem.MODULE, PriceItem.SERVICE)
_TIERED = (PriceItem.USER_EDITION, PriceItem.CONTACT_TIER, PriceItem.MESSAGE_TIER)
_ONE_PER_VENDOR = (PriceItem.STORAGE, PriceItem.MINIMUM_COMMITMENT)

PRICING_RULES = """\
The rules of the Pricing sheet (the help row says them to the consultant):

* Every row needs a Vendor of the Vendors sheet, an Item and a Price >= 0 (excluding VAT).
  Editions, modules and services need a Name, unique per vendor and item.
* A column an item does not use must stay empty (a Rate on a module is an error): Up to for
  editions (maximum users, a whole number), tiers (upper bound, included) and storage (GB
  included); Per (month by default, or year) for editions, contact tiers, modules and storage;
  Rate (maintenance, a fraction < 100 %) for a licence; Year for modules and commitments (first
  year, 1 by default) and licences and services (year paid, 0 = initial period by default); End
  year for modules and commitments.
* A vendor's editions and tiers go from the smallest to the largest: bounds strictly
  increasing, empty on the last one only. The first edition listed is the one quoted; the next
  ones are forced when the users exceed its maximum. Message tiers are on the messages per year
  and priced per thousand messages (Per: year or empty). A vendor's contact tiers share one Per.
* Uncertainty, Low and High, both or neither: for a service, amounts around its price (taken
  as the most likely): Low <= Price <= High; for the other items, multipliers of the price:
  Low <= 100 % <= High (90 % / 140 %), a multiplier above 1000 % being a percentage typed as a
  number. Editions and tiers carry one range for the vendor's per-user (per-contact,
  per-message) subscription: on one of their rows, or the same on each. No range on a
  commitment.
* At most one storage row and one minimum commitment per vendor; a minimum commitment needs a
  usage-based item (edition, tier, module or storage) to apply to.
* Not held by the sheet: a vendor's own escalation (the TCO sheet's applies), tiers' flat
  prices, storage included per user, services of a category other than implementation, PERT
  shapes other than 4, volumes given year by year.
"""

VENDOR_NAMES = "vendor_names"
"""Defined name of the Vendors sheet's names (the drop-down of the Scores sheet's Vendor)."""
CRITERION_NAMES = "criterion_names"
"""Defined name of the Criteria sheet's names (the drop-down of the Scores sheet's Criterion)."""


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
    """One row of the Use cases sheet, with each vendor's coverage (vendor -> level)."""

    name: str
    priority: float
    must_have: bool = False
    programme: str = ""
    coverage: Mapping[str, Coverage] = field(default_factory=dict)

    @property
    def use_case(self) -> UseCase:
        return UseCase(self.name, self.priority, self.must_have)


@dataclass(frozen=True)
class VendorSheets:
    """What the vendor comparison's sheets say, as typed: what :func:`write_vendor_sheets`
    writes and :func:`read_vendor_comparison` reads (in :attr:`VendorInputs.sheets`).

    ``scores`` hold one record per filled Scores cell (``value=None`` for ``n/e``; a score
    absent is an empty cell); ``evaluators`` are the Scores columns in order (by default, the
    evaluators of ``scores`` in order of appearance). ``comparisons`` are used under AHP only,
    ``use_cases`` may be empty. ``pricing`` is the Pricing sheet's price items, one
    :class:`~crmwb.vendors.pricing.VendorPricing` per vendor priced, and ``volumes`` its volumes
    (None: left empty, the TCO sheet's users and contacts without growth)."""

    vendors: tuple[VendorEntry, ...]
    criteria: tuple[CriterionEntry, ...]
    scores: tuple[Score, ...] = ()
    scale: tuple[float, float] = (0.0, 5.0)
    weighting: WeightingMethod = WeightingMethod.DIRECT
    comparisons: tuple[Comparison, ...] = ()
    use_cases: tuple[UseCaseEntry, ...] = ()
    evaluators: tuple[str, ...] = ()
    pricing: tuple[VendorPricing, ...] = ()
    volumes: Volumes | None = None

    def __post_init__(self) -> None:
        names = ("vendors", "criteria", "scores", "comparisons", "use_cases", "evaluators")
        for name in (*names, "pricing"):
            object.__setattr__(self, name, tuple(getattr(self, name)))
        object.__setattr__(self, "scale", (float(self.scale[0]), float(self.scale[1])))

    @property
    def evaluator_names(self) -> tuple[str, ...]:
        """The Scores columns: ``evaluators``, or those of the scores in order of appearance."""
        return self.evaluators or tuple(dict.fromkeys(s.evaluator for s in self.scores))

    @property
    def groups(self) -> tuple[str, ...]:
        """The criterion groups, in order of appearance."""
        return tuple(dict.fromkeys(c.group for c in self.criteria))


@dataclass(frozen=True)
class SheetWarning:
    """Something doubtful but valid in the workbook, for the consultant to check.

    ``message`` is written in the reader's language when shown (:meth:`text`); ``lang`` is the
    workbook's, in which ``str()`` writes it."""

    message: Text
    file: str | None = None
    sheet: str | None = None
    cell: str | None = None
    lang: Lang = DEFAULT_LANG

    @property
    def location(self) -> str | None:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet

    def text(self, lang: Lang | None = None, *, with_file: bool = True) -> str:
        """The warning in ``lang`` (default: the workbook's), after where it is (the file too,
        unless ``with_file`` is False: a client's report does not show the consultant's
        folders)."""
        lang = lang or self.lang
        where = ", ".join(
            part for part in (self.file if with_file else None, self.location) if part
        )
        message = render(self.message, lang)
        return t("vs.warning.where", lang, where=where, message=message) if where else message

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class VendorInputs:
    """The vendor comparison read from the workbook, ready for
    :func:`crmwb.vendors.compare_vendors` (``score_sheet``, ``coverage``).

    ``score_sheet`` carries the criteria with their **global** weights (summing to 1);
    ``coverage`` is None without use cases. ``group_weights`` are the groups' weights (the sum
    of their criteria's). ``ahp`` holds, under AHP, the result of each scope that needed
    comparisons (:data:`GROUPS_SCOPE` and each group of two criteria or more), with its
    consistency ratio and warning; None under direct weighting. ``normalisation_notice`` says
    when direct weights did not sum to 1 (e.g. points out of 100). ``warnings`` are the doubts
    raised while reading. ``sheets`` is what the sheets say, as typed.

    ``pricing`` holds a :class:`~crmwb.vendors.pricing.VendorPricing` per vendor with rows on the
    Pricing sheet (empty without), ``volumes`` the client's volumes, ``tco_settings`` the TCO
    sheet's settings and ``study`` the vendors' costs and TCO comparison
    (:func:`crmwb.vendors.costs.compare_vendors`), both None when nothing is priced. In
    ``score_sheet``, the criteria measured by the TCO hold the priced vendors' undiscounted TCO
    (the other vendors' amounts as typed on the Scores sheet); :meth:`with_tco` puts other
    amounts there.
    """

    sheets: VendorSheets
    score_sheet: ScoreSheet
    coverage: CoverageSheet | None
    group_weights: Mapping[str, float]
    ahp: Mapping[str, AhpResult] | None
    normalisation_notice: Msg | None
    warnings: tuple[SheetWarning, ...]
    pricing: tuple[VendorPricing, ...] = ()
    volumes: Volumes = field(default_factory=Volumes)
    tco_settings: TcoSettings | None = None
    study: VendorStudy | None = None
    lang: Lang = DEFAULT_LANG
    """The workbook's language (its sheet tabs'), in which :meth:`with_tco` speaks."""

    @property
    def weighting(self) -> WeightingMethod:
        return self.sheets.weighting

    @property
    def weights(self) -> dict[str, float]:
        """Criterion -> global weight."""
        return self.score_sheet.weights

    @property
    def evaluators(self) -> tuple[str, ...]:
        return self.sheets.evaluator_names

    @property
    def tco_criteria(self) -> tuple[str, ...]:
        """The criteria measured by the vendor's TCO (amounts, in the score sheet)."""
        return tuple(c.name for c in self.sheets.criteria if c.measure is CriterionMeasure.TCO)

    @property
    def vendor_notes(self) -> dict[str, str]:
        return {v.name: v.notes for v in self.sheets.vendors if v.notes}

    @property
    def inconsistent_scopes(self) -> tuple[str, ...]:
        """The AHP scopes whose consistency ratio is above Saaty's 0.10."""
        return tuple(scope for scope, r in (self.ahp or {}).items() if not r.is_consistent)

    def tco_amounts(self, *, discounted: bool = False) -> dict[str, float]:
        """Priced vendor -> its TCO over the horizon (undiscounted total, or present value at
        the TCO sheet's discount rate); empty when nothing is priced."""
        if self.study is None:
            return {}
        return {
            o.option: o.present_value if discounted else o.total
            for o in self.study.comparison.options
        }

    def with_tco(self, amounts: Mapping[str, float], source: str = "") -> ScoreSheet:
        """The score sheet with the criteria measured by the TCO holding ``amounts`` (vendor ->
        amount in the client's currency), in place of any amount typed or computed (e.g.
        ``inputs.with_tco(inputs.tco_amounts(discounted=True))``). Every vendor needs an
        amount: raises :class:`~crmwb.core.errors.InputError` naming a vendor missing or unknown,
        or when no criterion is measured by the TCO.
        """
        tco = self.tco_criteria
        if not tco:
            raise InputError(
                msg("vs.err.tco_criterion", sheet=msg("sheet.criteria")),
                found=msg("err.found.none"),
                hint=msg("vs.err.hint.tco_criterion", tco=Quoted(msg("measure.tco"))),
                lang=self.lang,
            )
        vendors = self.score_sheet.vendor_names
        names = Names(vendors)
        for vendor in amounts:
            if vendor not in vendors:
                raise InputError(
                    msg("vs.err.tco_amounts", sheet=msg("sheet.vendors")),
                    found=msg("vs.err.found.amount_for", vendor=Quoted(vendor)),
                    hint=names.suggest(vendor),
                    lang=self.lang,
                )
        scores = [s for s in self.score_sheet.scores if s.criterion not in tco]
        for criterion in tco:
            for vendor in vendors:
                if vendor not in amounts:
                    raise InputError(
                        msg(
                            "vs.err.tco_amount_for",
                            vendor=Quoted(vendor),
                            criterion=Quoted(criterion),
                        ),
                        found=msg("vs.err.found.no_amount"),
                        hint=msg("vs.err.hint.tco_amount_for", sheet=msg("sheet.pricing")),
                        lang=self.lang,
                    )
                amount = float(amounts[vendor])
                if not math.isfinite(amount):
                    raise InputError(
                        msg("vs.err.tco_amount", vendor=Quoted(vendor)),
                        found=repr(amount),
                        lang=self.lang,
                    )
                scores.append(Score(vendor, criterion, amount, "", source))
        return dataclasses.replace(self.score_sheet, scores=tuple(scores))


# --- writing ---------------------------------------------------------------------------------


def write_vendor_sheets(wb: Workbook, lang: Lang, sheets: VendorSheets | None = None) -> None:
    """Add the vendor comparison's sheets to ``wb`` (after its Lists sheet, whose drop-downs
    they use): empty, with help and checks, when ``sheets`` is None, else filled with it."""
    vendors_ws = wb.create_sheet(t("sheet.vendors", lang))
    _write_vendors(vendors_ws, lang, sheets)
    criteria_ws = wb.create_sheet(t("sheet.criteria", lang))
    _write_criteria(criteria_ws, lang, sheets)
    _write_pairwise(wb.create_sheet(t("sheet.pairwise", lang)), lang, sheets)
    _write_scores(wb.create_sheet(t("sheet.scores", lang)), lang, sheets)
    _write_use_cases(wb.create_sheet(t("sheet.use_cases", lang)), lang, sheets)
    _write_pricing(wb.create_sheet(t("sheet.pricing", lang)), lang, sheets)
    n_vendors = len(sheets.vendors) if sheets else 0
    n_criteria = len(sheets.criteria) if sheets else 0
    define_column(
        wb,
        VENDOR_NAMES,
        vendors_ws,
        TABLE_HEADER_ROW + 1,
        TABLE_HEADER_ROW + rows_for(n_vendors),
        column=1,
    )
    define_column(
        wb,
        CRITERION_NAMES,
        criteria_ws,
        CRITERIA_HEADER_ROW + 1,
        CRITERIA_HEADER_ROW + rows_for(n_criteria),
        column=2,
    )


def _write_row(
    ws: Worksheet, row: int, columns: Sequence[Field], values: Sequence[Any], first_column: int = 1
) -> None:
    for offset, (spec, value) in enumerate(zip(columns, values, strict=True)):
        cell = ws.cell(row=row, column=first_column + offset, value=value)
        format_input(cell, spec)


def _list_validation(ws: Worksheet, spec: Field, ref: str, name: str, lang: Lang) -> None:
    """A drop-down fed by another sheet's column (behind a defined name)."""
    dv = DataValidation(type="list", formula1=name, allow_blank=True)
    finish_validation(ws, dv, spec, ref, lang)


def _write_vendors(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    vendors = sheets.vendors if sheets else ()
    write_sheet_title(ws, "vendors", lang, VENDOR_COLUMNS)
    write_table_header(
        ws,
        VENDOR_COLUMNS,
        lang,
        help_row=TABLE_HELP_ROW,
        header_row=TABLE_HEADER_ROW,
        rows=rows_for(len(vendors)),
    )
    for row, vendor in enumerate(vendors, start=TABLE_HEADER_ROW + 1):
        values = (vendor.name, choice_label(vendor.market_type, lang), vendor.notes or None)
        _write_row(ws, row, VENDOR_COLUMNS, values)
    ws.freeze_panes = ws.cell(row=TABLE_HEADER_ROW + 1, column=2)


def _write_criteria(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    criteria = sheets.criteria if sheets else ()
    write_sheet_title(ws, "criteria", lang, CRITERIA_COLUMNS)
    scale, method = (sheets.scale, sheets.weighting) if sheets else ((0, 5), WeightingMethod.DIRECT)
    values: dict[str, Any] = {
        "criteria.scale_low": scale[0],
        "criteria.scale_high": scale[1],
        "criteria.weighting": choice_label(method, lang),
    }
    write_parameters(ws, CRITERIA_PARAMETERS, values, lang)
    write_table_header(
        ws,
        CRITERIA_COLUMNS,
        lang,
        help_row=CRITERIA_HELP_ROW,
        header_row=CRITERIA_HEADER_ROW,
        rows=rows_for(len(criteria)),
    )
    for row, c in enumerate(criteria, start=CRITERIA_HEADER_ROW + 1):
        cells = (
            c.group,
            c.name,
            choice_label(c.direction, lang),
            choice_label(c.measure, lang),
            c.weight,
            c.knock_out_minimum,
            c.knock_out_maximum,
        )
        _write_row(ws, row, CRITERIA_COLUMNS, cells)
    ws.freeze_panes = ws.cell(row=CRITERIA_HEADER_ROW + 1, column=3)


def _write_pairwise(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    comparisons = sheets.comparisons if sheets else ()
    rows = rows_for(len(comparisons))
    write_sheet_title(ws, "pairwise", lang, PAIRWISE_COLUMNS)
    write_table_header(
        ws, PAIRWISE_COLUMNS, lang, help_row=TABLE_HELP_ROW, header_row=TABLE_HEADER_ROW, rows=rows
    )
    value_spec = PAIRWISE_COLUMNS[3]
    letter = get_column_letter(len(PAIRWISE_COLUMNS))
    first, last = TABLE_HEADER_ROW + 1, TABLE_HEADER_ROW + rows
    dv = DataValidation(
        type="decimal",
        operator="between",
        formula1=f"{SAATY_LOWEST:.4f}",
        formula2=f"{SAATY_SCALE_MAX:g}",
        allow_blank=True,
    )
    finish_validation(ws, dv, value_spec, f"{letter}{first}:{letter}{last}", lang)
    for row in range(first, last + 1):
        ws[f"{letter}{row}"].number_format = SAATY_FORMAT
    groups_label = t("pairwise.scope.groups", lang)
    for row, c in enumerate(comparisons, start=first):
        scope = groups_label if c.scope == GROUPS_SCOPE else c.scope
        _write_row(ws, row, PAIRWISE_COLUMNS[:3], (scope, c.a, c.b))
        ws[f"{letter}{row}"] = c.value
    ws.freeze_panes = ws.cell(row=first, column=1)


def _write_scores(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    evaluators = sheets.evaluator_names if sheets else ()
    if not evaluators:
        evaluators = tuple(
            t("scores.evaluator_n", lang, n=n) for n in range(1, TEMPLATE_EVALUATORS + 1)
        )
    if any(not name.strip() for name in evaluators):
        raise InputError(
            msg("scores.err.evaluator_names", sheet=t("sheet.scores", lang)),
            found=msg("err.found.headers", headers=tuple(Quoted(name) for name in evaluators)),
            lang=lang,
        )
    pairs: list[tuple[str, str]] = []
    if sheets:
        pairs = [(v.name, c.name) for v in sheets.vendors for c in sheets.criteria]
        pairs += [(s.vendor, s.criterion) for s in sheets.scores]
        pairs = list(dict.fromkeys(pairs))
    rows = rows_for(len(pairs))
    k = len(evaluators)
    n_fixed = len(SCORE_COLUMNS)
    write_sheet_title(ws, "scores", lang, (*SCORE_COLUMNS, *[EVALUATOR_COLUMN] * k))
    common: dict[str, Any] = {
        "help_row": TABLE_HELP_ROW,
        "header_row": TABLE_HEADER_ROW,
        "rows": rows,
    }
    write_table_header(ws, SCORE_COLUMNS, lang, **common)
    write_table_header(
        ws, [EVALUATOR_COLUMN] * k, lang, headers=evaluators, first_column=n_fixed + 1, **common
    )
    first, last = TABLE_HEADER_ROW + 1, TABLE_HEADER_ROW + rows
    _list_validation(ws, SCORE_COLUMNS[0], f"A{first}:A{last}", VENDOR_NAMES, lang)
    _list_validation(ws, SCORE_COLUMNS[1], f"B{first}:B{last}", CRITERION_NAMES, lang)
    top = f"{get_column_letter(n_fixed + 1)}{first}"
    marks = ",".join(
        f'{top}="{mark}"' for mark in (NOT_EVALUATED_MARK, *i18n.all_labels("scores.not_evaluated"))
    )
    dv = DataValidation(type="custom", formula1=f"OR(ISNUMBER({top}),{marks})", allow_blank=True)
    ref = f"{top}:{get_column_letter(n_fixed + k)}{last}"
    finish_validation(ws, dv, EVALUATOR_COLUMN, ref, lang)
    values: dict[tuple[str, str, str], float | None] = {}
    for s in sheets.scores if sheets else ():
        values[(s.vendor, s.criterion, s.evaluator)] = s.value
    for row, (vendor, criterion) in enumerate(pairs, start=first):
        _write_row(ws, row, SCORE_COLUMNS, (vendor, criterion))
        for offset, evaluator in enumerate(evaluators):
            key = (vendor, criterion, evaluator)
            value: float | str | None = None  # an empty cell: a missing score
            if key in values:
                value = NOT_EVALUATED_MARK if values[key] is None else values[key]
            ws.cell(row=row, column=n_fixed + 1 + offset, value=value)
    ws.freeze_panes = ws.cell(row=first, column=n_fixed + 1)


def _write_use_cases(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    use_cases = sheets.use_cases if sheets else ()
    vendors: list[str] = [v.name for v in sheets.vendors] if sheets else []
    for use_case in use_cases:
        vendors.extend(name for name in use_case.coverage if name not in vendors)
    if not vendors:
        vendors = [
            t("use_cases.vendor_n", lang, n=n) for n in range(1, TEMPLATE_VENDOR_COLUMNS + 1)
        ]
    n_fixed = len(USE_CASE_COLUMNS)
    common: dict[str, Any] = {
        "help_row": TABLE_HELP_ROW,
        "header_row": TABLE_HEADER_ROW,
        "rows": rows_for(len(use_cases)),
    }
    write_sheet_title(ws, "use_cases", lang, (*USE_CASE_COLUMNS, *[COVERAGE_COLUMN] * 2))
    write_table_header(ws, USE_CASE_COLUMNS, lang, **common)
    write_table_header(
        ws,
        [COVERAGE_COLUMN] * len(vendors),
        lang,
        headers=vendors,
        first_column=n_fixed + 1,
        **common,
    )
    for row, u in enumerate(use_cases, start=TABLE_HEADER_ROW + 1):
        must = choice_label(YesNo.YES if u.must_have else YesNo.NO, lang)
        _write_row(ws, row, USE_CASE_COLUMNS, (u.name, u.programme or None, u.priority, must))
        levels = [choice_label(u.coverage[v], lang) if v in u.coverage else None for v in vendors]
        _write_row(ws, row, [COVERAGE_COLUMN] * len(vendors), levels, first_column=n_fixed + 1)
    ws.freeze_panes = ws.cell(row=TABLE_HEADER_ROW + 1, column=2)


def _write_pricing(ws: Worksheet, lang: Lang, sheets: VendorSheets | None) -> None:
    rows = [row for p in (sheets.pricing if sheets else ()) for row in _price_rows(p, lang)]
    write_sheet_title(ws, "pricing", lang, PRICING_COLUMNS)
    values: dict[str, Any] = {}
    volumes = sheets.volumes if sheets else None
    if volumes is not None:
        for spec, volume in zip(
            PRICING_PARAMETERS[::2],
            (volumes.users, volumes.contacts, volumes.messages, volumes.storage_gb),
            strict=True,
        ):
            if volume.yearly is not None:
                raise InputError(
                    msg("pricing.err.volumes", sheet=t("sheet.pricing", lang)),
                    found=msg("pricing.err.found.yearly", volume=Quoted(t(spec.key, lang))),
                    lang=lang,
                )
            growth = PRICING_PARAMETERS[PRICING_PARAMETERS.index(spec) + 1]
            values[spec.key], values[growth.key] = volume.year_1, volume.growth
    write_parameters(ws, PRICING_PARAMETERS, values, lang)
    n = rows_for(len(rows))
    write_table_header(
        ws, PRICING_COLUMNS, lang, help_row=PRICING_HELP_ROW, header_row=PRICING_HEADER_ROW, rows=n
    )
    first, last = PRICING_HEADER_ROW + 1, PRICING_HEADER_ROW + n
    _list_validation(ws, PRICING_COLUMNS[0], f"A{first}:A{last}", VENDOR_NAMES, lang)
    bounds = [i for i, spec in enumerate(PRICING_COLUMNS, start=1) if spec.key in (_LOW, _HIGH)]
    for row in ws.iter_rows(min_row=first, max_row=last, min_col=bounds[0], max_col=bounds[-1]):
        for cell in row:
            cell.number_format = MULTIPLIER_FORMAT
    for row_number, row_values in enumerate(rows, start=first):
        for col, spec in enumerate(PRICING_COLUMNS, start=1):
            value = row_values.get(spec.key)
            if value is not None:
                ws.cell(row=row_number, column=col, value=value)
    ws.freeze_panes = ws.cell(row=first, column=3)


def _price_rows(p: VendorPricing, lang: Lang) -> list[dict[str, Any]]:
    """The Pricing sheet's rows of one vendor's price list (column key -> value)."""

    def cannot(what: Msg) -> InputError:
        return InputError(
            msg("pricing.err.cannot", sheet=t("sheet.pricing", lang), vendor=Quoted(p.vendor)),
            found=what,
            hint=msg("pricing.err.hint.cannot", sheet=t("sheet.pricing", lang)),
            lang=lang,
        )

    def spread(u: Pert | None) -> dict[str, Any]:
        if u is None:
            return {}
        if u.shape != PERT_SHAPE:
            raise cannot(msg("pricing.err.found.pert_shape", shape=Number(u.shape)))
        return {_LOW: u.low, _HIGH: u.high}

    rows: list[dict[str, Any]] = []

    def add(item: PriceItem, **values: Any) -> None:
        rows.append({_VENDOR: p.vendor, _ITEM: choice_label(item, lang)} | values)

    def per(period: PricePeriod) -> str:
        return choice_label(period, lang)

    if p.escalation is not None:
        raise cannot(msg("pricing.err.found.own_escalation"))
    if p.users is not None:
        if p.users.chosen_index:
            raise cannot(msg("pricing.err.found.chosen_not_first", edition=Quoted(p.users.chosen)))
        for i, e in enumerate(p.users.editions):
            extra = spread(p.users.uncertainty) if i == 0 else {}
            add(
                PriceItem.USER_EDITION,
                **{_NAME: e.name, _PRICE: e.price_per_user_month, _UP_TO: e.max_users},
                **{_PER: per(PricePeriod.MONTH)},
                **extra,
            )
    tiered: list[tuple[PriceItem, ContactPricing | MessagePricing | None]] = [
        (PriceItem.CONTACT_TIER, p.contacts),
        (PriceItem.MESSAGE_TIER, p.messages),
    ]
    for item, pricing in tiered:
        if pricing is None:
            continue
        period = pricing.per if isinstance(pricing, ContactPricing) else None
        for i, tier in enumerate(pricing.tiers):
            if tier.flat_price:
                raise cannot(msg("pricing.err.found.flat_price", price=Number(tier.flat_price)))
            extra = spread(pricing.uncertainty) if i == 0 else {}
            cells: dict[str, Any] = {_PRICE: tier.price, _UP_TO: tier.up_to}
            add(item, **cells, **{_PER: per(period) if period else None}, **extra)
    for m in p.modules:
        cells = {
            _NAME: m.name,
            _PRICE: m.price,
            _PER: per(m.per),
            _YEAR: m.start_year,
        }
        add(PriceItem.MODULE, **cells, **{_END: m.end_year}, **spread(m.uncertainty))
    for lic in p.licences:
        cells = {_NAME: lic.description, _PRICE: lic.amount, _YEAR: lic.year}
        rate = {_RATE: lic.maintenance_rate or None}
        add(PriceItem.LICENCE, **cells, **rate, **spread(lic.uncertainty))
    for service in p.services:
        if service.category is not Category.IMPLEMENTATION:
            raise cannot(
                msg(
                    "pricing.err.found.service_category",
                    category=Quoted(msg(f"category.{service.category.value}")),
                )
            )
        cells = {
            _NAME: service.description,
            _PRICE: service.most_likely,
            _YEAR: service.year,
        }
        amount = service.amount
        extra = spread(amount) if isinstance(amount, Pert) and not amount.is_degenerate else {}
        add(PriceItem.SERVICE, **cells, **extra)
    if p.storage is not None:
        st = p.storage
        if st.included_per_user_gb:
            raise cannot(msg("pricing.err.found.storage_per_user"))
        cells = {_PRICE: st.price_per_gb, _UP_TO: st.included_gb, _PER: per(st.per)}
        add(PriceItem.STORAGE, **cells, **spread(st.uncertainty))
    if p.minimum is not None:
        mc = p.minimum
        cells = {
            _PRICE: mc.amount_per_year,
            _YEAR: mc.first_year,
            _END: mc.last_year,
        }
        add(PriceItem.MINIMUM_COMMITMENT, **cells)
    return rows


# --- reading ---------------------------------------------------------------------------------


@in_workbook_language
def has_vendor_comparison(reader: WorkbookReader) -> bool:
    """Whether the workbook has the vendor comparison's sheets (older ones do not)."""
    return all(reader.has_sheet(key) for key in ("sheet.vendors", "sheet.criteria"))


@in_workbook_language
def has_vendors(reader: WorkbookReader) -> bool:
    """The workbook lists at least one vendor (the template's empty Vendors sheet does not)."""
    if not has_vendor_comparison(reader):
        return False
    ws = reader.sheet("sheet.vendors")
    index, header_row = reader.table(ws, VENDOR_COLUMNS)
    return any(True for _ in reader.rows(ws, index, header_row))


@in_workbook_language
def read_vendor_comparison(reader: WorkbookReader) -> VendorInputs:
    """Read and check the vendor comparison's sheets of an open workbook.

    Vendors, Criteria and Scores are required, Pairwise too under AHP weighting; Use cases is
    optional (no sheet, or no use case: ``coverage`` is None). Raises
    :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
    """
    return _SheetsReader(reader).read()


@dataclass
class _CriteriaSheet:
    ws: Worksheet
    scale: tuple[float, float]
    weighting: WeightingMethod
    entries: list[CriterionEntry]
    rows: list[dict[str, Cell]]
    groups: dict[str, list[str]]  # group -> its criteria, in the sheet's order


@dataclass
class _Priced:
    pricing: tuple[VendorPricing, ...] = ()
    volumes: Volumes | None = None
    settings: TcoSettings | None = None
    study: VendorStudy | None = None
    computed: dict[str, tuple[float, str]] = field(default_factory=dict)
    """Priced vendor -> (its undiscounted TCO, where it comes from: ``Pricing!A15``)."""


@dataclass
class _PriceRow:
    vendor: str
    item: PriceItem
    cells: dict[str, Cell]
    v: dict[str, Any]

    @property
    def name(self) -> str:
        return str(self.v[_NAME] or "")


@dataclass
class _Weights:
    criteria: tuple[Criterion, ...]
    group_weights: dict[str, float]
    comparisons: tuple[Comparison, ...] = ()
    ahp: dict[str, AhpResult] | None = None
    notice: Msg | None = None


class _SheetsReader:
    def __init__(self, reader: WorkbookReader) -> None:
        self.r = reader
        self.warnings: list[SheetWarning] = []

    def read(self) -> VendorInputs:
        vendors = self.vendors()
        criteria = self.criteria()
        weights = self.weights(criteria)
        priced = self.pricing(vendors)
        score_sheet, scores, evaluators = self.scores(
            vendors, criteria, weights.criteria, priced.computed
        )
        use_cases, coverage = self.use_cases(vendors)
        sheets = VendorSheets(
            vendors=vendors,
            criteria=tuple(criteria.entries),
            scores=scores,
            scale=criteria.scale,
            weighting=criteria.weighting,
            comparisons=weights.comparisons,
            use_cases=use_cases,
            evaluators=evaluators,
            pricing=priced.pricing,
            volumes=priced.volumes,
        )
        return VendorInputs(
            sheets=sheets,
            score_sheet=score_sheet,
            coverage=coverage,
            group_weights=weights.group_weights,
            ahp=weights.ahp,
            normalisation_notice=weights.notice,
            warnings=tuple(self.warnings),
            pricing=priced.pricing,
            volumes=priced.volumes or Volumes(),
            tco_settings=priced.settings,
            study=priced.study,
            lang=self.r.lang,
        )

    # -- helpers --

    def error(
        self, ws: Worksheet, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        return self.r.error(ws, cell, expected, found, hint)

    def sheet_error(self, ws: Worksheet, exc: InputError) -> WorkbookError:
        """A domain module's complaint about what a sheet says, placed on the sheet."""
        return self.r.sheet_error(ws, exc)

    def warn(self, ws: Worksheet, cell: Cell | None, message: Text) -> None:
        where = cell.coordinate if cell is not None else None
        self.warnings.append(SheetWarning(message, self.r.file, ws.title, where, self.r.lang))

    def title(self, key: str) -> str:
        """The name of the sheet ``key`` as the workbook shows it (in the workbook's language
        when it has no such sheet)."""
        if self.r.has_sheet(key):
            return str(self.r.sheet(key).title)
        return t(key, self.r.lang)

    def label(self, ws: Worksheet, cell: Cell, spec: Field) -> str:
        """The column (or parameter) of ``cell``, named as the workbook shows it."""
        return self.r.shown_label(ws, cell, spec)

    def values(
        self, ws: Worksheet, row: dict[str, Cell], columns: Sequence[Field]
    ) -> dict[str, Any]:
        return {spec.key: self.r.value(ws, row[spec.key], spec) for spec in columns}

    def unique(
        self, ws: Worksheet, cell: Cell, name: str, seen: dict[str, Cell], what: str
    ) -> None:
        first = seen.get(normalised(name))
        if first is not None:
            raise self.error(
                ws,
                cell,
                msg(f"vs.err.unique.{what}"),
                msg("vs.err.found.again", name=Quoted(name), cell=f"{ws.title}!{first.coordinate}"),
                msg(f"vs.err.hint.unique.{what}"),
            )
        seen[normalised(name)] = cell

    def match(self, ws: Worksheet, cell: Cell, spec: Field, names: Names, expected: Text) -> str:
        text = self.r.value(ws, cell, spec)
        found = names.get(str(text))
        if found is None:
            raise self.error(ws, cell, expected, _found(text), names.suggest(str(text)))
        return found

    def named_columns(
        self, ws: Worksheet, header_row: int, index: dict[str, int]
    ) -> list[tuple[Cell, str]]:
        """The header cells after (or between) the fixed columns, with their text."""
        fixed = set(index.values())
        return [
            (cell, plain(cell.value).strip())
            for cell in ws[header_row]
            if cell.column not in fixed and not is_blank(cell.value)
        ]

    def check_headers(
        self, ws: Worksheet, header_row: int, columns: Iterable[int], what: str
    ) -> None:
        """Every filled cell under the header is in a column with a header (nothing is left
        out silently). ``what`` says what the header holds: ``evaluator`` or ``vendor``."""
        known = set(columns)
        for row in ws.iter_rows(min_row=header_row + 1):
            for cell in row:
                if cell.column not in known and not is_blank(cell.value):
                    raise self.error(
                        ws,
                        ws.cell(row=header_row, column=cell.column),
                        msg(f"vs.err.header.{what}", column=get_column_letter(cell.column)),
                        msg("vs.err.found.empty_header"),
                        msg(
                            "vs.err.hint.holds",
                            cell=f"{ws.title}!{cell.coordinate}",
                            value=_found(cell.value),
                        ),
                    )

    def empty_column(self, ws: Worksheet, column: int, header_row: int) -> bool:
        return all(
            is_blank(row[0].value)
            for row in ws.iter_rows(min_row=header_row + 1, min_col=column, max_col=column)
        )

    def first_free(self, ws: Worksheet, index: dict[str, int], header_row: int) -> int:
        """The first row under the table's last filled row."""
        last = header_row
        for row in self.r.rows(ws, index, header_row):
            last = max(last, next(iter(row.values())).row)
        return last + 1

    # -- Vendors --

    def vendors(self) -> tuple[VendorEntry, ...]:
        ws = self.r.sheet("sheet.vendors")
        index, header_row = self.r.table(ws, VENDOR_COLUMNS)
        entries: list[VendorEntry] = []
        seen: dict[str, Cell] = {}
        for row in self.r.rows(ws, index, header_row):
            v = self.values(ws, row, VENDOR_COLUMNS)
            name: str = v["vendors.col.vendor"]
            self.unique(ws, row["vendors.col.vendor"], name, seen, "vendor")
            entries.append(
                VendorEntry(name, v["vendors.col.market_type"], v["vendors.col.notes"] or "")
            )
        if not entries:
            raise self.error(
                ws,
                ws.cell(row=header_row + 1, column=index["vendors.col.vendor"]),
                msg("vendors.err.none", row=header_row),
                msg("vendors.err.found.none"),
            )
        return tuple(entries)

    # -- Criteria --

    def criteria(self) -> _CriteriaSheet:
        ws = self.r.sheet("sheet.criteria")
        cells = self.r.parameter_cells(ws, CRITERIA_PARAMETERS)
        p = {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in CRITERIA_PARAMETERS}
        low, high = float(p["criteria.scale_low"]), float(p["criteria.scale_high"])
        if not low < high:
            raise self.error(
                ws,
                cells["criteria.scale_high"],
                msg("criteria.err.scale", low=typed_number(low)),
                typed_number(high),
            )
        weighting: WeightingMethod = p["criteria.weighting"]
        index, header_row = self.r.table(ws, CRITERIA_COLUMNS)
        reserved = {normalised(label) for label in i18n.all_labels("pairwise.scope.groups")}
        group_names: dict[str, str] = {}
        groups: dict[str, list[str]] = {}
        seen: dict[str, Cell] = {}
        entries: list[CriterionEntry] = []
        rows: list[dict[str, Cell]] = []
        ignored_weight: Cell | None = None
        for row in self.r.rows(ws, index, header_row):
            v = self.values(ws, row, CRITERIA_COLUMNS)
            group: str = v["criteria.col.group"]
            if normalised(group) in reserved:
                english, french = (t("pairwise.scope.groups", lang) for lang in ("en", "fr"))
                raise self.error(
                    ws,
                    row["criteria.col.group"],
                    msg(
                        "criteria.err.group_reserved",
                        names=msg("err.or", first=Quoted(english), second=Quoted(french)),
                        sheet=self.title("sheet.pairwise"),
                    ),
                    _found(group),
                )
            group = group_names.setdefault(normalised(group), group)
            name: str = v["criteria.col.criterion"]
            self.unique(ws, row["criteria.col.criterion"], name, seen, "criterion")
            direction: Direction = v["criteria.col.direction"]
            measure: CriterionMeasure = v["criteria.col.measure"] or CriterionMeasure.SCORE
            self._check_knock_outs(ws, row, v, name, direction, measure, (low, high))
            weight: float | None = v["criteria.col.weight"]
            if weighting is WeightingMethod.DIRECT and weight is None:
                raise self.error(
                    ws,
                    row["criteria.col.weight"],
                    msg(
                        "criteria.err.weight_missing",
                        criterion=Quoted(name),
                        direct=Quoted(msg("weighting.direct")),
                    ),
                    msg("err.found.empty"),
                    msg("criteria.err.hint.weight_missing", ahp=Quoted(msg("weighting.ahp"))),
                )
            if weighting is WeightingMethod.AHP and weight is not None and ignored_weight is None:
                ignored_weight = row["criteria.col.weight"]
            if direction is Direction.BENEFIT and (
                measure is CriterionMeasure.TCO or _PRICE_LIKE.search(name)
            ):
                why = "tco" if measure is CriterionMeasure.TCO else "price"
                self.warn(
                    ws,
                    row["criteria.col.direction"],
                    msg(
                        f"criteria.warn.benefit_{why}",
                        criterion=Quoted(name),
                        benefit=Quoted(msg("direction.benefit")),
                        cost=Quoted(msg("direction.cost")),
                    ),
                )
            entries.append(
                CriterionEntry(
                    group,
                    name,
                    direction,
                    measure,
                    weight,
                    v["criteria.col.knock_out_minimum"],
                    v["criteria.col.knock_out_maximum"],
                )
            )
            rows.append(row)
            groups.setdefault(group, []).append(name)
        if not entries:
            raise self.error(
                ws,
                ws.cell(row=header_row + 1, column=index["criteria.col.criterion"]),
                msg("criteria.err.none", row=header_row),
                msg("criteria.err.found.none"),
            )
        if ignored_weight is not None:
            self.warn(
                ws,
                ignored_weight,
                msg(
                    "criteria.warn.weight_unused",
                    column=self.label(ws, ignored_weight, CRITERIA_COLUMNS[4]),
                    ahp=Quoted(msg("weighting.ahp")),
                    sheet=self.title("sheet.pairwise"),
                ),
            )
        return _CriteriaSheet(ws, (low, high), weighting, entries, rows, groups)

    def _check_knock_outs(
        self,
        ws: Worksheet,
        row: dict[str, Cell],
        v: dict[str, Any],
        name: str,
        direction: Direction,
        measure: CriterionMeasure,
        scale: tuple[float, float],
    ) -> None:
        low_spec, high_spec = CRITERIA_COLUMNS[5], CRITERIA_COLUMNS[6]
        low_key, high_key = low_spec.key, high_spec.key
        minimum = self.label(ws, row[low_key], low_spec)
        maximum = self.label(ws, row[high_key], high_spec)
        if direction is Direction.COST and v[low_key] is not None:
            raise self.error(
                ws,
                row[low_key],
                msg("criteria.err.minimum_on_cost", criterion=Quoted(name)),
                typed_number(v[low_key]),
                msg("criteria.err.hint.minimum_on_cost", column=maximum),
            )
        if direction is Direction.BENEFIT and v[high_key] is not None:
            raise self.error(
                ws,
                row[high_key],
                msg("criteria.err.maximum_on_benefit", criterion=Quoted(name)),
                typed_number(v[high_key]),
                msg("criteria.err.hint.maximum_on_benefit", column=minimum),
            )
        if measure is CriterionMeasure.SCORE:
            low, high = scale
            for key in (low_key, high_key):
                threshold = v[key]
                if threshold is not None and not low <= threshold <= high:
                    raise self.error(
                        ws,
                        row[key],
                        msg(
                            "criteria.err.threshold_scale",
                            low=typed_number(low),
                            high=typed_number(high),
                            criterion=Quoted(name),
                        ),
                        typed_number(threshold),
                    )

    # -- weights --

    def weights(self, crit: _CriteriaSheet) -> _Weights:
        ws = crit.ws
        if crit.weighting is WeightingMethod.DIRECT:
            entered = {e.name: float(e.weight or 0.0) for e in crit.entries}
            try:
                direct = normalise_weights(entered)
            except InputError as exc:
                raise WorkbookError(
                    exc.expected,
                    file=self.r.file,
                    sheet=ws.title,
                    cell=crit.rows[0]["criteria.col.weight"].coordinate,
                    found=exc.found,
                    hint=exc.hint,
                    lang=self.r.lang,
                ) from None
            weights = dict(direct.weights)
            group_weights = {
                group: math.fsum(weights[name] for name in names)
                for group, names in crit.groups.items()
            }
            criteria = self._criteria(crit, weights)
            if self.r.has_sheet("sheet.pairwise"):
                self._check_pairwise_unused(self.r.sheet("sheet.pairwise"))
            return _Weights(criteria, group_weights, notice=direct.notice)
        comparisons, ahp = self.pairwise(crit)
        group_weights = (
            dict(ahp[GROUPS_SCOPE].priorities)
            if GROUPS_SCOPE in ahp
            else {group: 1.0 for group in crit.groups}
        )
        local = {
            group: dict(ahp[group].priorities) if group in ahp else {names[0]: 1.0}
            for group, names in crit.groups.items()
        }
        weights = global_weights(group_weights, local)
        return _Weights(self._criteria(crit, weights), group_weights, comparisons, ahp)

    def _criteria(
        self, crit: _CriteriaSheet, weights: Mapping[str, float]
    ) -> tuple[Criterion, ...]:
        criteria: list[Criterion] = []
        for entry, row in zip(crit.entries, crit.rows, strict=True):
            try:
                criteria.append(
                    Criterion(
                        entry.name,
                        entry.group,
                        entry.direction,
                        min(weights[entry.name], 1.0),
                        entry.knock_out_minimum,
                        entry.knock_out_maximum,
                        entry.measure.measure,
                    )
                )
            except InputError as exc:  # pragma: no cover - the cell checks come first
                raise self.error(
                    crit.ws,
                    row["criteria.col.criterion"],
                    exc.expected,
                    exc.found or msg("err.found.none"),
                    exc.hint,
                ) from None
        return tuple(criteria)

    def _check_pairwise_unused(self, ws: Worksheet) -> None:
        try:
            index, header_row = self.r.table(ws, PAIRWISE_COLUMNS)
        except WorkbookError:
            return  # a sheet that is not used need not be well formed
        for row in self.r.rows(ws, index, header_row):
            self.warn(
                ws,
                row["pairwise.col.scope"],
                msg(
                    "pairwise.warn.unused",
                    sheet=ws.title,
                    criteria=self.title("sheet.criteria"),
                    direct=Quoted(msg("weighting.direct")),
                ),
            )
            return

    # -- Pairwise --

    def pairwise(self, crit: _CriteriaSheet) -> tuple[tuple[Comparison, ...], dict[str, AhpResult]]:
        scopes: dict[str, list[str]] = {GROUPS_SCOPE: list(crit.groups), **crit.groups}
        if all(len(names) < 2 for names in scopes.values()):
            return (), {}  # one criterion: nothing to compare, no Pairwise sheet needed
        ws = self.r.sheet("sheet.pairwise")
        lang: Lang = "fr" if normalised(ws.title) == normalised(t("sheet.pairwise", "fr")) else "en"
        groups_label = t("pairwise.scope.groups", lang)
        index, header_row = self.r.table(ws, PAIRWISE_COLUMNS)
        scope_spec, a_spec, b_spec, _ = PAIRWISE_COLUMNS
        groups_names = {normalised(label) for label in i18n.all_labels("pairwise.scope.groups")}
        group_names = Names(crit.groups)
        owner = {name: group for group, names in crit.groups.items() for name in names}
        given: dict[str, dict[tuple[str, str], tuple[float, Cell]]] = {}
        comparisons: list[Comparison] = []
        for row in self.r.rows(ws, index, header_row):
            scope_cell = row[scope_spec.key]
            text: str = self.r.value(ws, scope_cell, scope_spec)
            scope = GROUPS_SCOPE if normalised(text) in groups_names else group_names.get(text)
            if scope is None:
                raise self.error(
                    ws,
                    scope_cell,
                    msg(
                        "pairwise.err.scope",
                        groups=Quoted(groups_label),
                        sheet=self.title("sheet.criteria"),
                    ),
                    _found(text),
                    Names([groups_label, *crit.groups]).suggest(text),
                )
            items = Names(scopes[scope])
            a, b = (
                self._item(ws, row[spec.key], spec, scope, items, owner, groups_label)
                for spec in (a_spec, b_spec)
            )
            if a == b:
                raise self.error(
                    ws,
                    row[b_spec.key],
                    msg("pairwise.err.same_groups")
                    if scope == GROUPS_SCOPE
                    else msg("pairwise.err.same_criteria", group=Quoted(scope)),
                    msg("pairwise.err.found.twice", name=Quoted(b)),
                )
            cell = row["pairwise.col.value"]
            value = self._saaty(ws, cell)
            comparisons.append(Comparison(scope, a, b, value, f"{ws.title}!{cell.coordinate}"))
            pairs = given.setdefault(scope, {})
            if (a, b) in pairs:
                before, first = pairs[(a, b)]
                if abs(value / before - 1) > RECIPROCITY_TOLERANCE:
                    raise self.error(
                        ws,
                        cell,
                        msg(
                            "pairwise.err.same_value",
                            cell=f"{ws.title}!{first.coordinate}",
                            a=a,
                            b=b,
                            value=_judgement(before),
                        ),
                        msg("pairwise.err.found.ratio", a=a, b=b, value=_judgement(value)),
                        msg("pairwise.err.hint.one_row"),
                    )
            elif (b, a) in pairs:
                before, first = pairs[(b, a)]
                if abs(value * before - 1) > RECIPROCITY_TOLERANCE:
                    raise self.error(
                        ws,
                        cell,
                        msg(
                            "pairwise.err.reciprocal",
                            cell=f"{ws.title}!{first.coordinate}",
                            a=a,
                            b=b,
                            value=_judgement(1 / before),
                            before=_judgement(before),
                        ),
                        msg("pairwise.err.found.ratio", a=a, b=b, value=_judgement(value)),
                        msg(
                            "pairwise.err.hint.reciprocal",
                            a=a,
                            b=b,
                            value=_judgement(1 / before),
                            before=_judgement(before),
                        ),
                    )
                if value > before:  # keep the judgement >= 1, its reciprocal follows
                    del pairs[(b, a)]
                    pairs[(a, b)] = (value, cell)
            else:
                pairs[(a, b)] = (value, cell)
        free = ws.cell(row=self.first_free(ws, index, header_row), column=index[scope_spec.key])
        ahp: dict[str, AhpResult] = {}
        for scope, names in scopes.items():
            if len(names) < 2:
                continue  # one group, or a group of one criterion: weight 1, nothing to compare
            label = groups_label if scope == GROUPS_SCOPE else scope
            if len(names) > MAX_CRITERIA:
                raise WorkbookError(
                    msg("pairwise.err.too_many", max=MAX_CRITERIA),
                    file=self.r.file,
                    sheet=crit.ws.title,
                    found=msg("pairwise.err.found.too_many", n=len(names), scope=Quoted(label)),
                    hint=msg("pairwise.err.hint.too_many"),
                    lang=self.r.lang,
                )
            ahp[scope] = self._ahp(ws, free, label, names, given.get(scope, {}))
        return tuple(comparisons), ahp

    def _item(
        self,
        ws: Worksheet,
        cell: Cell,
        spec: Field,
        scope: str,
        items: Names,
        owner: Mapping[str, str],
        groups_label: str,
    ) -> str:
        text: str = self.r.value(ws, cell, spec)
        found = items.get(text)
        if found is not None:
            return found
        hint: Text | None
        other = Names(owner).get(text)
        if scope == GROUPS_SCOPE:
            expected = msg("pairwise.err.group_item", sheet=self.title("sheet.criteria"))
            hint = (
                msg(
                    "pairwise.err.hint.criterion_of_group",
                    criterion=Quoted(other),
                    group=Quoted(owner[other]),
                )
                if other
                else items.suggest(text)
            )
        else:
            expected = msg("pairwise.err.criterion_item", group=Quoted(scope))
            if other is not None:
                hint = msg(
                    "pairwise.err.hint.in_group",
                    criterion=Quoted(other),
                    group=Quoted(owner[other]),
                )
            elif text in Names(set(owner.values())):
                hint = msg("pairwise.err.hint.groups_scope", groups=Quoted(groups_label))
            else:
                hint = items.suggest(text)
        raise self.error(ws, cell, expected, _found(text), hint)

    def _saaty(self, ws: Worksheet, cell: Cell) -> float:
        spec = PAIRWISE_COLUMNS[3]
        raw = cell.value
        if is_blank(raw):
            self.r.value(ws, cell, spec)  # raises: required, or a formula with no saved result
        expected = msg("pairwise.err.saaty", name=self.label(ws, cell, spec))
        if isinstance(raw, dt.date):
            raise self.error(
                ws,
                cell,
                expected,
                _found(raw),
                msg("pairwise.err.hint.date", format=SAATY_FORMAT),
            )
        value: float | None = None
        if isinstance(raw, str):
            value = _fraction(raw)
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            value = float(raw)
        if value is None or not math.isfinite(value):
            raise self.error(ws, cell, expected, _found(raw), msg("pairwise.err.hint.number"))
        if value <= 0:
            hint = msg("weights.err.hint.positive_ratio")
        elif value > SAATY_SCALE_MAX * (1 + 1e-9):
            hint = msg("weights.err.hint.strongest")
        elif value < SAATY_LOWEST:
            hint = msg("weights.err.hint.weakest")
        else:
            return value
        raise self.error(ws, cell, expected, _judgement(value), hint)

    def _ahp(
        self,
        ws: Worksheet,
        free: Cell,
        label: str,
        names: Sequence[str],
        pairs: Mapping[tuple[str, str], tuple[float, Cell]],
    ) -> AhpResult:
        n = len(names)
        matrix = [[1.0] * n for _ in range(n)]
        for i in range(n):
            for j in range(i + 1, n):
                a, b = names[i], names[j]
                if (a, b) in pairs:
                    value = pairs[(a, b)][0]
                elif (b, a) in pairs:
                    value = 1 / pairs[(b, a)][0]
                else:
                    raise self.error(
                        ws,
                        free,
                        msg(
                            "pairwise.err.missing",
                            a=Quoted(a),
                            b=Quoted(b),
                            scope=Quoted(label),
                        ),
                        msg("pairwise.err.found.no_row"),
                        msg("pairwise.err.hint.missing", scope=label, a=a, b=b),
                    )
                matrix[i][j], matrix[j][i] = value, 1 / value
        try:
            return ahp_weights(PairwiseComparisons.from_matrix(list(names), matrix))
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.sheet_error(ws, exc) from None

    # -- Scores --

    def scores(
        self,
        vendors: Sequence[VendorEntry],
        crit: _CriteriaSheet,
        criteria: tuple[Criterion, ...],
        computed: Mapping[str, tuple[float, str]],
    ) -> tuple[ScoreSheet, tuple[Score, ...], tuple[str, ...]]:
        ws = self.r.sheet("sheet.scores")
        index, header_row = self.r.table(ws, SCORE_COLUMNS)
        vendor_spec, criterion_spec = SCORE_COLUMNS
        placeholder = _numbered("scores.evaluator_n")
        columns: list[tuple[str, int]] = []
        seen: dict[str, Cell] = {}
        for header, name in self.named_columns(ws, header_row, index):
            if placeholder.match(normalised(name)) and self.empty_column(
                ws, header.column, header_row
            ):
                continue  # a template column nobody used
            self.unique(ws, header, name, seen, "evaluator")
            columns.append((name, header.column))
        full = dict(index) | {f"evaluator {i}": col for i, (_, col) in enumerate(columns)}
        self.check_headers(ws, header_row, full.values(), "evaluator")
        vendor_names = Names(v.name for v in vendors)
        criterion_names = Names(e.name for e in crit.entries)
        rows: dict[tuple[str, str], Cell] = {}
        where: dict[tuple[str, str, str], Cell] = {}
        scores: list[Score] = []
        low, high = crit.scale
        for row in self.r.rows(ws, full, header_row):
            vendor_cell = row[vendor_spec.key]
            vendor = self.match(
                ws,
                vendor_cell,
                vendor_spec,
                vendor_names,
                msg("vs.err.vendor_of_sheet", sheet=self.title("sheet.vendors")),
            )
            criterion = self.match(
                ws,
                row[criterion_spec.key],
                criterion_spec,
                criterion_names,
                msg("vs.err.criterion_of_sheet", sheet=crit.ws.title),
            )
            if (vendor, criterion) in rows:
                raise self.error(
                    ws,
                    vendor_cell,
                    msg("scores.err.one_row"),
                    msg(
                        "scores.err.found.again",
                        vendor=Quoted(vendor),
                        criterion=Quoted(criterion),
                        row=rows[(vendor, criterion)].row,
                    ),
                    msg("scores.err.hint.one_row"),
                )
            rows[(vendor, criterion)] = vendor_cell
            for i, (evaluator, _) in enumerate(columns):
                cell = row[f"evaluator {i}"]
                where[(vendor, criterion, evaluator)] = cell
                present, value = self._score(ws, cell, (low, high))
                if present:
                    scores.append(
                        Score(vendor, criterion, value, evaluator, f"{ws.title}!{cell.coordinate}")
                    )
        evaluators = tuple(name for name, _ in columns)
        scored = self._computed_tco(ws, crit, scores, computed, evaluators)
        try:
            sheet = ScoreSheet(
                criteria, tuple(v.vendor for v in vendors), tuple(scored), (low, high)
            )
        except InputError as exc:
            free = ws.cell(row=self.first_free(ws, full, header_row), column=index[vendor_spec.key])
            raise self._score_error(ws, exc, scores, criteria, vendors, rows, where, free) from None
        return sheet, tuple(scores), evaluators

    def _computed_tco(
        self,
        ws: Worksheet,
        crit: _CriteriaSheet,
        scores: Sequence[Score],
        computed: Mapping[str, tuple[float, str]],
        evaluators: Sequence[str],
    ) -> list[Score]:
        """The scores with the priced vendors' TCO on the criteria measured by the TCO, in
        place of what the Scores sheet says (a typed amount replaced is warned about). The TCO
        is given by the evaluators who typed the other vendors' amounts, so that every vendor
        has the same evaluators on the criterion."""
        tco = [e.name for e in crit.entries if e.measure is CriterionMeasure.TCO]
        if not computed:
            return list(scores)
        if not tco:
            self.warnings.append(
                SheetWarning(
                    msg(
                        "scores.warn.tco_unused",
                        pricing=self.title("sheet.pricing"),
                        criteria=crit.ws.title,
                    ),
                    self.r.file,
                    crit.ws.title,
                    lang=self.r.lang,
                )
            )
            return list(scores)
        kept: list[Score] = []
        for s in scores:
            if s.criterion in tco and s.vendor in computed:
                if s.value is not None:
                    amount = computed[s.vendor][0]
                    self.warnings.append(
                        SheetWarning(
                            msg(
                                "scores.warn.tco_replaced",
                                vendor=Quoted(s.vendor),
                                criterion=Quoted(s.criterion),
                                sheet=self.title("sheet.pricing"),
                                amount=_Amount(amount),
                            ),
                            self.r.file,
                            ws.title,
                            s.source.rsplit("!", 1)[-1],
                            self.r.lang,
                        )
                    )
                continue
            kept.append(s)
        for criterion in tco:
            by = list(dict.fromkeys(s.evaluator for s in kept if s.criterion == criterion))
            for vendor, (amount, source) in computed.items():
                for evaluator in by or list(evaluators[:1]) or [""]:
                    kept.append(Score(vendor, criterion, amount, evaluator, source))
        return kept

    # -- Pricing --

    def pricing(self, vendors: Sequence[VendorEntry]) -> _Priced:
        if not self.r.has_sheet("sheet.pricing"):
            return _Priced()
        ws = self.r.sheet("sheet.pricing")
        cells = self.r.parameter_cells(ws, PRICING_PARAMETERS)
        p = {spec.key: self.r.value(ws, cells.get(spec.key), spec) for spec in PRICING_PARAMETERS}
        index, header_row = self.r.table(ws, PRICING_COLUMNS)
        names = Names(v.name for v in vendors)
        rows: dict[str, list[_PriceRow]] = {}
        for row in self.r.rows(ws, index, header_row):
            vendor = self.match(
                ws,
                row[_VENDOR],
                PRICING_COLUMNS[0],
                names,
                msg("vs.err.vendor_of_sheet", sheet=self.title("sheet.vendors")),
            )
            v = self.values(ws, row, PRICING_COLUMNS[1:])
            rows.setdefault(vendor, []).append(_PriceRow(vendor, v[_ITEM], row, v))
        if not rows:  # volumes typed are kept, an empty block stays None (the template)
            typed = any(value is not None for value in p.values())
            return _Priced(volumes=self._volumes(p, None) if typed else None)
        settings = read_tco_settings(self.r)
        volumes = self._volumes(p, settings)
        pricing = tuple(
            self._vendor_pricing(ws, rows[v.name], settings) for v in vendors if v.name in rows
        )
        try:
            study = compare_vendors(pricing, settings, volumes)
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.sheet_error(ws, exc) from None
        first = {
            vendor: f"{ws.title}!{r[0].cells[_VENDOR].coordinate}" for vendor, r in rows.items()
        }
        computed = {o.option: (o.total, first[o.option]) for o in study.comparison.options}
        return _Priced(pricing, volumes, settings, study, computed)

    def _volumes(self, p: Mapping[str, Any], settings: TcoSettings | None) -> Volumes:
        defaults = {
            "pricing.users": settings.users if settings else 0,
            "pricing.contacts": settings.contacts if settings else 0,
        }
        volumes = []
        for spec, growth in zip(PRICING_PARAMETERS[::2], PRICING_PARAMETERS[1::2], strict=True):
            year_1 = p[spec.key]
            if year_1 is None:
                year_1 = defaults.get(spec.key, 0)
            volumes.append(Volume(float(year_1), p[growth.key] or 0.0))
        return Volumes(*volumes)

    def _vendor_pricing(
        self, ws: Worksheet, rows: Sequence[_PriceRow], settings: TcoSettings
    ) -> VendorPricing:
        horizon = settings.horizon_years
        vendor = rows[0].vendor
        by_item: dict[PriceItem, list[_PriceRow]] = {}
        for row in rows:
            self._check_price_row(ws, row, horizon)
            by_item.setdefault(row.item, []).append(row)
        for item in _NAMED:
            seen: dict[str, Cell] = {}
            for row in by_item.get(item, []):
                self.unique(ws, row.cells[_NAME], row.name, seen, item.value)  # per vendor
        for item in _ONE_PER_VENDOR:
            extra = by_item.get(item, [])[1:]
            if extra:
                raise self.error(
                    ws,
                    extra[0].cells[_ITEM],
                    msg("pricing.err.one_per_vendor", item=_item(item, 1)),
                    msg("pricing.err.found.second", vendor=Quoted(vendor)),
                    msg("pricing.err.hint.merge"),
                )
        minimum = by_item.get(PriceItem.MINIMUM_COMMITMENT, [])
        usage = (*_TIERED, PriceItem.MODULE, PriceItem.STORAGE)
        if minimum and not any(item in by_item for item in usage):
            raise self.error(
                ws,
                minimum[0].cells[_ITEM],
                msg("pricing.err.minimum_alone", vendor=Quoted(vendor)),
                msg("pricing.err.found.minimum_alone"),
                msg("pricing.err.hint.minimum_alone"),
            )
        ranges = {item: self._shared_range(ws, by_item.get(item, [])) for item in _TIERED}
        for item in _TIERED:
            self._check_bounds(ws, by_item.get(item, []), item)
        contact_rows = by_item.get(PriceItem.CONTACT_TIER, [])
        periods = [r for r in contact_rows if r.v[_PER] is not None]
        for row in periods[1:]:
            if row.v[_PER] is not periods[0].v[_PER]:
                raise self.error(
                    ws,
                    row.cells[_PER],
                    msg(
                        "pricing.err.one_period",
                        vendor=Quoted(vendor),
                        item=_item(PriceItem.CONTACT_TIER, 2),
                        cell=f"{ws.title}!{periods[0].cells[_PER].coordinate}",
                    ),
                    _found(row.cells[_PER].value),
                )
        contact_period = periods[0].v[_PER] if periods else PricePeriod.MONTH
        try:
            return VendorPricing(
                vendor,
                users=self._user_pricing(by_item, ranges[PriceItem.USER_EDITION]),
                contacts=ContactPricing(
                    tuple(self._tier(r) for r in contact_rows),
                    contact_period,
                    ranges[PriceItem.CONTACT_TIER],
                )
                if contact_rows
                else None,
                messages=MessagePricing(
                    tuple(self._tier(r) for r in by_item[PriceItem.MESSAGE_TIER]),
                    ranges[PriceItem.MESSAGE_TIER],
                )
                if PriceItem.MESSAGE_TIER in by_item
                else None,
                modules=tuple(
                    Module(
                        r.name,
                        r.v[_PRICE],
                        r.v[_PER] or PricePeriod.MONTH,
                        r.v[_YEAR] if r.v[_YEAR] is not None else 1,
                        r.v[_END],
                        self._range(ws, r),
                    )
                    for r in by_item.get(PriceItem.MODULE, [])
                ),
                licences=tuple(
                    LicencePurchase(
                        r.v[_PRICE],
                        r.v[_RATE] or 0.0,
                        r.v[_YEAR] or 0,
                        r.name or choice_label(PriceItem.LICENCE, self.r.lang),
                        self._range(ws, r),
                    )
                    for r in by_item.get(PriceItem.LICENCE, [])
                ),
                services=tuple(
                    OneOffService(r.name, self._range(ws, r) or r.v[_PRICE], year=r.v[_YEAR] or 0)
                    for r in by_item.get(PriceItem.SERVICE, [])
                ),
                storage=next(
                    (
                        StoragePricing(
                            r.v[_UP_TO] or 0.0,
                            r.v[_PRICE],
                            r.v[_PER] or PricePeriod.MONTH,
                            uncertainty=self._range(ws, r),
                        )
                        for r in by_item.get(PriceItem.STORAGE, [])
                    ),
                    None,
                ),
                minimum=next(
                    (
                        MinimumCommitment(
                            r.v[_PRICE], r.v[_YEAR] if r.v[_YEAR] is not None else 1, r.v[_END]
                        )
                        for r in minimum
                    ),
                    None,
                ),
            )
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.error(
                ws,
                rows[0].cells[_VENDOR],
                exc.expected,
                exc.found or msg("err.found.none"),
                exc.hint,
            ) from None

    def _user_pricing(
        self, by_item: Mapping[PriceItem, list[_PriceRow]], uncertainty: Pert | None
    ) -> UserPricing | None:
        rows = by_item.get(PriceItem.USER_EDITION)
        if not rows:
            return None
        editions = tuple(
            Edition(
                r.name,
                r.v[_PRICE] / (r.v[_PER] or PricePeriod.MONTH).per_year * 12,
                None if r.v[_UP_TO] is None else int(r.v[_UP_TO]),
            )
            for r in rows
        )
        return UserPricing(editions, uncertainty=uncertainty)

    @staticmethod
    def _tier(row: _PriceRow) -> Tier:
        return Tier(row.v[_UP_TO], row.v[_PRICE])

    def _check_price_row(self, ws: Worksheet, row: _PriceRow, horizon: int) -> None:
        """One row's own checks: the columns its item uses, its price, name, years, range."""
        item, v, cells = row.item, row.v, row.cells
        for spec in PRICING_COLUMNS[2:-1]:
            if v[spec.key] is not None and spec.key not in _USES[item]:
                column = self.label(ws, cells[spec.key], spec)
                users = tuple(_item(i, 2) for i in PriceItem if spec.key in _USES[i])
                raise self.error(
                    ws,
                    cells[spec.key],
                    msg("pricing.err.unused_column", column=column, item=_item(item, 1)),
                    _found(cells[spec.key].value),
                    msg("pricing.err.hint.unused_column", column=column, items=users),
                )
        named = "_named" if row.name else ""
        name = Quoted(row.name)
        if item in _NAMED and not row.name:
            raise self.error(ws, cells[_NAME], msg("pricing.err.name", item=_item(item, 1)), _EMPTY)
        if v[_PRICE] is None:
            raise self.error(
                ws,
                cells[_PRICE],
                msg(f"pricing.err.price{named}", item=_item(item, 1), name=name, vendor=row.vendor),
                _EMPTY,
            )
        up_to = v[_UP_TO]
        if up_to is not None:
            if item is PriceItem.USER_EDITION and (up_to < 1 or not float(up_to).is_integer()):
                raise self.error(
                    ws,
                    cells[_UP_TO],
                    msg(f"pricing.err.max_users{named}", item=_item(item, 1), name=name),
                    typed_number(up_to),
                )
            if item in _TIERED and up_to <= 0:
                raise self.error(
                    ws,
                    cells[_UP_TO],
                    msg("pricing.err.tier_bound", item=_item(item, 1)),
                    typed_number(up_to),
                )
        if item is PriceItem.MESSAGE_TIER and v[_PER] is PricePeriod.MONTH:
            raise self.error(
                ws,
                cells[_PER],
                msg(
                    "pricing.err.message_period",
                    item=_item(item, 2),
                    column=self.label(ws, cells[_PER], PRICING_COLUMNS[5]),
                    year=Quoted(msg("price_period.year")),
                ),
                _found(cells[_PER].value),
            )
        self._check_years(ws, row, horizon)
        self._range(ws, row)

    def _check_years(self, ws: Worksheet, row: _PriceRow, horizon: int) -> None:
        v, cells = row.v, row.cells
        first = 0 if row.item in (PriceItem.LICENCE, PriceItem.SERVICE) else 1
        year = v[_YEAR] if v[_YEAR] is not None else first
        tco = self.title("sheet.tco")
        if not first <= year <= horizon:
            raise self.error(
                ws,
                cells[_YEAR],
                msg(
                    "pricing.err.year",
                    first=first,
                    horizon=horizon,
                    sheet=tco,
                    item=_item(row.item, 1),
                ),
                str(year),
                msg("pricing.err.hint.year_0" if first == 0 else "pricing.err.hint.year_1"),
            )
        end = v[_END]
        if end is not None and not year <= end <= horizon:
            raise self.error(
                ws,
                cells[_END],
                msg("pricing.err.end_year", year=year, horizon=horizon, sheet=tco),
                str(end),
            )

    def _range(self, ws: Worksheet, row: _PriceRow) -> Pert | None:
        """The row's uncertainty: a multiplier Pert(low, 1, high), or for a service the amounts
        Pert(low, price, high); None without Low and High."""
        low, high = row.v[_LOW], row.v[_HIGH]
        cells = row.cells
        if low is None and high is None:
            return None
        low_name = self.label(ws, cells[_LOW], PRICING_COLUMNS[9])
        high_name = self.label(ws, cells[_HIGH], PRICING_COLUMNS[10])
        if low is None or high is None:
            empty, given = (_LOW, high_name) if low is None else (_HIGH, low_name)
            raise self.error(
                ws,
                cells[empty],
                msg("pricing.err.both_bounds", given=given, low=low_name, high=high_name),
                _EMPTY,
            )
        if low > high:
            raise self.error(
                ws,
                cells[_LOW],
                msg(
                    "pricing.err.low_above_high",
                    value=typed_number(high),
                    low=low_name,
                    high=high_name,
                ),
                typed_number(low),
                msg("pricing.err.hint.low_high", low=low_name, high=high_name),
            )
        price = row.v[_PRICE]
        if row.item is PriceItem.SERVICE:
            around = msg(
                "pricing.err.hint.service_range",
                item=_item(row.item, 1),
                low=low_name,
                high=high_name,
            )
            if low > price:
                raise self.error(
                    ws,
                    cells[_LOW],
                    msg("pricing.err.service_low", price=typed_number(price)),
                    typed_number(low),
                    around,
                )
            if high < price:
                raise self.error(
                    ws,
                    cells[_HIGH],
                    msg("pricing.err.service_high", price=typed_number(price)),
                    typed_number(high),
                    around,
                )
            return Pert(low, price, high)
        for key, value, bad, expected in (
            (_LOW, low, low > 1, msg("pricing.err.low_multiplier", low=low_name)),
            (
                _HIGH,
                high,
                high < 1 or high > MAX_MULTIPLIER,
                msg("pricing.err.high_multiplier", high=high_name),
            ),
        ):
            if bad:
                typed = typed_number(value)
                shown = msg("err.found.shown_as", value=typed, shown=Percent(value))
                hint = msg("pricing.err.hint.multiplier", low=low_name, high=high_name)
                if value > MAX_MULTIPLIER:  # a percentage typed as a number (90, 140)
                    hint = msg("err.hint.percent", value=typed, fraction=Number(value / 100))
                raise self.error(ws, cells[key], expected, shown, hint)
        return Pert(low, 1.0, high)

    def _shared_range(self, ws: Worksheet, rows: Sequence[_PriceRow]) -> Pert | None:
        """The one range of a vendor's editions (or tiers): given once, or the same on each."""
        found: tuple[Pert, _PriceRow] | None = None
        for row in rows:
            spread = self._range(ws, row)
            if spread is None:
                continue
            if found is None:
                found = (spread, row)
            elif spread != found[0]:
                raise self.error(
                    ws,
                    row.cells[_LOW],
                    msg(
                        "pricing.err.one_range",
                        item=_item(row.item, 2),
                        vendor=Quoted(row.vendor),
                        cell=f"{ws.title}!{found[1].cells[_LOW].coordinate}",
                    ),
                    msg(
                        "pricing.err.found.range",
                        low=typed_number(spread.low),
                        high=typed_number(spread.high),
                    ),
                    msg("pricing.err.hint.one_range"),
                )
        return None if found is None else found[0]

    def _check_bounds(self, ws: Worksheet, rows: Sequence[_PriceRow], item: PriceItem) -> None:
        """Editions and tiers from the smallest to the largest: bounds strictly increasing, the
        last one only without a bound."""
        users = "users" if item is PriceItem.USER_EDITION else "bounds"
        for before, row in itertools.pairwise(rows):
            previous, bound = before.v[_UP_TO], row.v[_UP_TO]
            up_to = self.label(ws, before.cells[_UP_TO], PRICING_COLUMNS[4])
            if previous is None:
                raise self.error(
                    ws,
                    before.cells[_UP_TO],
                    msg(
                        "pricing.err.bound_missing",
                        column=up_to,
                        item=_item(item, 1),
                        items=_item(item, 2),
                        vendor=Quoted(row.vendor),
                    ),
                    msg(
                        "pricing.err.found.bound_missing",
                        cell=f"{ws.title}!{row.cells[_ITEM].coordinate}",
                    ),
                    msg("pricing.err.hint.bound_missing", item=_item(item, 1)),
                )
            if bound is not None and bound <= previous:
                raise self.error(
                    ws,
                    row.cells[_UP_TO],
                    msg(
                        f"pricing.err.increasing_{users}",
                        items=_item(item, 2),
                        column=up_to,
                        value=typed_number(previous),
                        cell=f"{ws.title}!{before.cells[_UP_TO].coordinate}",
                    ),
                    typed_number(bound),
                    msg(
                        "pricing.err.hint.increasing",
                        items=_item(item, 2),
                        vendor=Quoted(row.vendor),
                    ),
                )

    def _score(
        self, ws: Worksheet, cell: Cell, scale: tuple[float, float]
    ) -> tuple[bool, float | None]:
        """(whether the cell holds a score, the score: None for not evaluated)."""
        raw = cell.value
        if is_blank(raw):
            self.r.value(ws, cell, EVALUATOR_COLUMN)  # raises for a formula with no saved result
            return False, None
        if isinstance(raw, str) and normalised(raw) in _NOT_EVALUATED:
            return True, None
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            low, high = scale
            raise self.error(
                ws,
                cell,
                msg(
                    "scores.err.score",
                    low=typed_number(low),
                    high=typed_number(high),
                    amount=Quoted(msg("measure.amount")),
                    tco=Quoted(msg("measure.tco")),
                    mark=Quoted(NOT_EVALUATED_MARK),
                ),
                _found(raw),
                msg("err.hint.number_plain") if isinstance(raw, str) else None,
            )
        return True, float(raw)

    def _score_error(
        self,
        ws: Worksheet,
        exc: InputError,
        scores: Sequence[Score],
        criteria: Sequence[Criterion],
        vendors: Sequence[VendorEntry],
        rows: Mapping[tuple[str, str], Cell],
        where: Mapping[tuple[str, str, str], Cell],
        free: Cell,
    ) -> WorkbookError:
        """The score sheet's complaint, at the cell it is about: the score it names (by its
        cell), or the first missing score (the empty cell, or a free row for a missing row)."""
        if exc.cell is not None:
            return WorkbookError(
                exc.expected,
                file=self.r.file,
                sheet=exc.sheet or ws.title,
                cell=exc.cell,
                found=exc.found,
                hint=exc.hint,
                lang=self.r.lang,
            )
        missing = _first_missing(criteria, [v.name for v in vendors], scores)
        if missing is None:  # pragma: no cover - the other checks are made on the cells
            return self.sheet_error(ws, exc)
        vendor, criterion, evaluator = missing
        if evaluator is not None:
            cell = where[(vendor, criterion, evaluator)]
        elif (vendor, criterion) in rows:
            first = rows[(vendor, criterion)]
            evaluator_cells = [c for (v, k, _), c in where.items() if (v, k) == (vendor, criterion)]
            cell = evaluator_cells[0] if evaluator_cells else first
        else:
            cell = free
        return WorkbookError(
            exc.expected,
            file=self.r.file,
            sheet=ws.title,
            cell=cell.coordinate,
            found=exc.found,
            hint=msg("scores.err.hint.missing", mark=NOT_EVALUATED_MARK),
            lang=self.r.lang,
        )

    # -- Use cases --

    def use_cases(
        self, vendors: Sequence[VendorEntry]
    ) -> tuple[tuple[UseCaseEntry, ...], CoverageSheet | None]:
        if not self.r.has_sheet("sheet.use_cases"):
            return (), None
        ws = self.r.sheet("sheet.use_cases")
        index, header_row = self.r.table(ws, USE_CASE_COLUMNS)
        vendor_names = Names(v.name for v in vendors)
        placeholder = _numbered("use_cases.vendor_n")
        columns: list[tuple[str, int]] = []
        seen: dict[str, Cell] = {}
        for header, text in self.named_columns(ws, header_row, index):
            vendor = vendor_names.get(text)
            if vendor is None:
                if placeholder.match(normalised(text)) and self.empty_column(
                    ws, header.column, header_row
                ):
                    continue  # a template column nobody used
                vendors_sheet = self.title("sheet.vendors")
                raise self.error(
                    ws,
                    header,
                    msg("use_cases.err.vendor_header", sheet=vendors_sheet),
                    _found(text),
                    vendor_names.suggest(text)
                    or msg("use_cases.err.hint.vendor_header", sheet=vendors_sheet),
                )
            self.unique(ws, header, vendor, seen, "vendor_column")
            columns.append((vendor, header.column))
        full = dict(index) | {f"vendor {i}": col for i, (_, col) in enumerate(columns)}
        self.check_headers(ws, header_row, full.values(), "vendor")
        must_spec = USE_CASE_COLUMNS[3]
        fixed = [spec for spec in USE_CASE_COLUMNS if spec is not must_spec]
        entries: list[UseCaseEntry] = []
        names: dict[str, Cell] = {}
        for row in self.r.rows(ws, full, header_row):
            v = self.values(ws, row, fixed)
            name: str = v["use_cases.col.use_case"]
            self.unique(ws, row["use_cases.col.use_case"], name, names, "use_case")
            must = row[must_spec.key].value
            if not isinstance(must, bool):
                must = self.r.value(ws, row[must_spec.key], must_spec) is YesNo.YES
            coverage = {
                vendor: self.r.value(
                    ws,
                    row[f"vendor {i}"],
                    COVERAGE_COLUMN,
                    t("use_cases.err.coverage_by", self.r.lang, vendor=vendor),
                )
                for i, (vendor, _) in enumerate(columns)
            }
            entries.append(
                UseCaseEntry(
                    name,
                    v["use_cases.col.priority"],
                    must,
                    v["use_cases.col.programme"] or "",
                    coverage,
                )
            )
        if not entries:
            return (), None
        present = {vendor for vendor, _ in columns}
        for vendor_entry in vendors:
            if vendor_entry.name not in present:
                last = max(full.values())
                raise self.error(
                    ws,
                    ws.cell(row=header_row, column=last + 1),
                    msg(
                        "use_cases.err.vendor_column",
                        vendor=Quoted(vendor_entry.name),
                        sheet=self.title("sheet.vendors"),
                    ),
                    msg("use_cases.err.found.no_column"),
                    msg("use_cases.err.hint.vendor_column"),
                )
        try:
            sheet = CoverageSheet(
                tuple(e.use_case for e in entries),
                {vendor: {e.name: e.coverage[vendor] for e in entries} for vendor, _ in columns},
            )
        except InputError as exc:  # pragma: no cover - the cell checks come first
            raise self.sheet_error(ws, exc) from None
        return tuple(entries), sheet


# --- helpers ---------------------------------------------------------------------------------


def _numbered(key: str) -> re.Pattern[str]:
    """A pattern for the template's numbered headers ("Evaluator 1", "Éditeur 2"...)."""
    labels = (
        re.escape(normalised(label)).replace(re.escape("{n}"), r"\d+")
        for label in i18n.all_labels(key)
    )
    return re.compile("^(?:" + "|".join(labels) + ")$")


def _fraction(text: str) -> float | None:
    """``"3"``, ``"1/3"``, ``"0,5"`` as a number (None if it is not one)."""
    parts = text.replace(",", ".").split("/")
    try:
        numbers = [float(part.strip()) for part in parts]
    except ValueError:
        return None
    if len(numbers) == 1:
        return numbers[0]
    if len(numbers) == 2 and numbers[1] != 0:
        return numbers[0] / numbers[1]
    return None


def _judgement(value: float) -> Text:
    """A comparison as a consultant types it: 3, 2.5 (2,5 in French), 1/3, 0.4."""
    if 0 < value < 1:
        inverse = 1 / value
        if abs(inverse - round(inverse)) <= 1e-6 * inverse:
            return f"1/{round(inverse)}"
    return Number(float(f"{value:.4g}"))


_EMPTY = msg("err.found.empty")


def _found(value: object) -> Text:
    """What a cell holds, for an error's « found »: a number with the reader's decimal sign
    (0,2), or as :func:`crmwb.workbook.fields.describe` says it (the text « abc »...)."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return typed_number(value)
    return describe(value)


def _item(item: PriceItem, count: int) -> Msg:
    """A row of the Pricing sheet by its item, as a noun (« la ligne « Module » »), in the
    singular (``count`` 1) or the plural."""
    return msg(f"pricing.noun.{item.value}", count=count)


@dataclass(frozen=True)
class _Amount:
    """An amount (no currency) with the reader's digit grouping: 46,000 or 46 000."""

    value: float

    def text(self, lang: Lang) -> str:
        return i18n.number(self.value, lang)


def _first_missing(
    criteria: Sequence[Criterion], vendors: Sequence[str], scores: Sequence[Score]
) -> tuple[str, str, str | None] | None:
    """The first missing score in the order :class:`~crmwb.vendors.ScoreSheet` lists them:
    ``(vendor, criterion, None)`` when nobody scored the cell, ``(..., evaluator)`` when one of
    the criterion's evaluators did not."""
    cells: dict[tuple[str, str], list[str]] = {}
    for s in scores:
        cells.setdefault((s.vendor, s.criterion), []).append(s.evaluator)
    for c in criteria:
        evaluators = list(dict.fromkeys(e for v in vendors for e in cells.get((v, c.name), [])))
        for v in vendors:
            got = cells.get((v, c.name))
            if not got:
                return v, c.name, None
            for e in evaluators:
                if e not in got:
                    return v, c.name, e
    return None


# --- workshop: saving comparisons back ---------------------------------------------------------


def save_pairwise(
    path: Path, scope: str, comparisons: PairwiseComparisons, lang: Lang | None = None
) -> str:
    """Rewrite the Pairwise sheet's comparisons of ``scope`` (``GROUPS_SCOPE`` or a group name)
    with ``comparisons``, one row per pair (A/B, A before B as in ``comparisons.criteria``),
    keeping every other row, cell, sheet, drop-down and format of the workbook. Saved by
    :func:`~crmwb.workbook.save.save_client_workbook` (lock files, read-only, backup, nothing the
    consultant added lost): a failure leaves the consultant's workbook as it was.

    Returns what was done, in a sentence for the workshop form, in ``lang`` (default: the
    workbook's language).
    """
    from openpyxl import load_workbook

    from crmwb.workbook.reader import read_workbook
    from crmwb.workbook.save import check_writable, save_client_workbook

    reader = read_workbook(path)
    lang = lang or reader.lang
    check_writable(Path(path), reader.lang)
    title = reader.sheet("sheet.pairwise").title
    index, header_row = reader.table(reader.sheet("sheet.pairwise"), PAIRWISE_COLUMNS)
    columns = [index[spec.key] for spec in PAIRWISE_COLUMNS]
    wb = load_workbook(path)  # formulas kept: only the values of this sheet's rows change
    ws = wb[title]
    wanted = normalised(scope)
    groups_names = {normalised(label) for label in i18n.all_labels("pairwise.scope.groups")}
    groups_names.add(normalised(GROUPS_SCOPE))
    kept: list[list[Any]] = []
    last = ws.max_row
    for row in range(header_row + 1, last + 1):
        values = [ws.cell(row=row, column=col).value for col in columns]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        key = normalised(str(values[0] or ""))
        same = key == wanted or (key in groups_names and wanted in groups_names)
        if not same:
            kept.append(values)
    shown_scope = scope
    if wanted in groups_names:  # written in the workbook's language, as the template does
        shown_scope = t("pairwise.scope.groups", reader.lang)
    new_rows = [
        [shown_scope, a, b, comparisons.value(a, b)]
        for a, b in itertools.combinations(comparisons.criteria, 2)
    ]
    for offset, values in enumerate([*kept, *new_rows]):
        for col, value in zip(columns, values, strict=True):
            ws.cell(row=header_row + 1 + offset, column=col, value=value)
    for row in range(header_row + 1 + len(kept) + len(new_rows), last + 1):
        for col in columns:
            ws.cell(row=row, column=col, value=None)
    save_client_workbook(wb, Path(path), reader.lang)
    return tn(
        "pairwise.saved",
        len(new_rows),
        lang,
        count=len(new_rows),
        scope=i18n.quoted(shown_scope, lang),
        file=Path(path).name,
    )

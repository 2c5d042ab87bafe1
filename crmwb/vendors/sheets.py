"""The vendor comparison's sheets of the client workbook <-> :mod:`crmwb.vendors.model` and
:mod:`crmwb.vendors.weights` objects.

Six sheets, named in French or English, each with a title, a help row and a header row whose
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
  Rate | Year | End year | Low | High | Notes (see
  :data:`~crmwb.vendors.pricing_sheet.PRICING_RULES`). Each vendor with rows gets a
  :class:`~crmwb.vendors.pricing.VendorPricing`, costed on the TCO sheet's horizon, discount rate
  and escalation; its total (undiscounted) replaces the amounts typed on the Scores sheet for the
  criteria measured by the TCO. A vendor without rows keeps its typed amounts.

The same field specs (:mod:`.sheet_layout`; the Pricing sheet's in :mod:`.pricing_sheet`) write
the blank template, the example clients (:func:`write_vendor_sheets`, from a
:class:`VendorSheets`) and read a filled workbook back (:func:`read_vendor_comparison`, into a
:class:`VendorInputs`): the Vendors sheet here, the Criteria and Pairwise sheets by
:mod:`.criteria_sheets`, the Scores and Use cases sheets by :mod:`.scores_sheets`, the Pricing
sheet by :mod:`.pricing_sheet`, on the base of :mod:`.sheet_reader`. Every error is a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell; doubtful but
valid input (a price criterion whose direction is benefit) gives a
:class:`~crmwb.vendors.sheet_reader.SheetWarning` instead.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import InputError, Msg, Quoted, msg
from crmwb.core.i18n import DEFAULT_LANG, Lang, t
from crmwb.tco.model import TcoSettings
from crmwb.vendors.costs import VendorStudy
from crmwb.vendors.criteria_sheets import CriteriaReader
from crmwb.vendors.model import Coverage, CoverageSheet, Direction, MarketType, Score, ScoreSheet
from crmwb.vendors.pricing import PricePeriod, VendorPricing, Volumes
from crmwb.vendors.pricing_sheet import PriceItem, PricingReader, write_pricing_sheet
from crmwb.vendors.scores_sheets import ScoresReader, UseCasesReader
from crmwb.vendors.sheet_layout import (
    COVERAGE_COLUMN,
    CRITERIA_COLUMNS,
    CRITERIA_HEADER_ROW,
    CRITERIA_HELP_ROW,
    CRITERIA_PARAMETERS,
    CRITERION_NAMES,
    EVALUATOR_COLUMN,
    GROUPS_SCOPE,
    NOT_EVALUATED_MARK,
    PAIRWISE_COLUMNS,
    SAATY_FORMAT,
    SAATY_LOWEST,
    SCORE_COLUMNS,
    TABLE_HEADER_ROW,
    TABLE_HELP_ROW,
    TEMPLATE_EVALUATORS,
    TEMPLATE_VENDOR_COLUMNS,
    USE_CASE_COLUMNS,
    VENDOR_COLUMNS,
    VENDOR_NAMES,
    Comparison,
    CriterionEntry,
    CriterionMeasure,
    UseCaseEntry,
    VendorEntry,
    WeightingMethod,
    list_validation,
)
from crmwb.vendors.sheet_reader import SheetWarning, VendorSheetReader
from crmwb.vendors.weights import SAATY_SCALE_MAX, AhpResult
from crmwb.workbook.choices import choice_label
from crmwb.workbook.fields import Field, YesNo
from crmwb.workbook.layout import (
    finish_validation,
    format_input,
    write_parameters,
    write_table_header,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language
from crmwb.workbook.tables import Names, define_column, rows_for, write_sheet_title

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


# --- what the sheets say ---------------------------------------------------------------------


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
class VendorInputs:
    """The vendor comparison read from the workbook, ready for
    :func:`crmwb.vendors.comparison.compare_vendors` (``score_sheet``, ``coverage``).

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
    write_pricing_sheet(
        wb.create_sheet(t("sheet.pricing", lang)),
        lang,
        sheets.pricing if sheets else (),
        sheets.volumes if sheets else None,
    )
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
    list_validation(ws, SCORE_COLUMNS[0], f"A{first}:A{last}", VENDOR_NAMES, lang)
    list_validation(ws, SCORE_COLUMNS[1], f"B{first}:B{last}", CRITERION_NAMES, lang)
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
        _write_row(
            ws, row, USE_CASE_COLUMNS, (u.id or None, u.name, u.programme or None, u.priority, must)
        )
        levels = [choice_label(u.coverage[v], lang) if v in u.coverage else None for v in vendors]
        _write_row(ws, row, [COVERAGE_COLUMN] * len(vendors), levels, first_column=n_fixed + 1)
    ws.freeze_panes = ws.cell(row=TABLE_HEADER_ROW + 1, column=3)  # the ID and the name


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


class _SheetsReader(VendorSheetReader):
    """Reads the sheets in order: Vendors (here), Criteria and the weights
    (:class:`~crmwb.vendors.criteria_sheets.CriteriaReader`), Pricing
    (:class:`~crmwb.vendors.pricing_sheet.PricingReader`), Scores and Use cases
    (:class:`~crmwb.vendors.scores_sheets.ScoresReader`,
    :class:`~crmwb.vendors.scores_sheets.UseCasesReader`), sharing their warnings."""

    def read(self) -> VendorInputs:
        vendors = self.vendors()
        criteria_reader = CriteriaReader(self.r, self.warnings)
        criteria = criteria_reader.criteria()
        weights = criteria_reader.weights(criteria)
        priced = PricingReader(self.r, self.warnings).pricing(vendors)
        score_sheet, scores, evaluators = ScoresReader(self.r, self.warnings).scores(
            vendors, criteria, weights.criteria, priced.computed
        )
        use_cases, coverage = UseCasesReader(self.r, self.warnings).use_cases(vendors)
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

"""The ROI sheet of the client workbook <-> a :class:`crmwb.roi.RoiCase`.

One sheet, named "ROI" in French and English, with a title, a parameters block and a table of
benefit levers. The reader finds labels and headers by their text, in either language:

* **Parameters** (label in A, value in B, help in C): discount rate (a fraction, 10 % by
  default; -100 % or less refused), the TCO option whose costs the ROI takes (an option name of
  the TCO sheet, whose horizon the ROI shares), then the internal costs, all in the initial
  period: project team days x day cost, users' training hours each x loaded hourly cost (x the
  TCO sheet's users), change management (an amount), and a risk adjustment on every cost line
  (a fraction the costs are increased by in the risk-adjusted results).
* **Levers**, one row per lever input: Lever (a kind, from the drop-down) | Name (the
  consultant's name for the benefit) | Input (an input name of that kind, see
  :func:`input_names`) | Low | Most likely | High (Low and High both or neither: they make a
  :class:`~crmwb.uncertainty.Pert`) | Ramp-up year 1 | year 2 | year 3 (shares realised, the last
  one held afterwards; 100 % from year 1 when empty) | Risk adjustment | Notes. The rows with
  the same Lever and Name form one lever; its ramp-up and risk adjustment may be given on any
  one of its rows. A qualitative benefit is a row whose Lever is "qualitative", with the
  benefit in Name and its description in Notes.

:func:`write_roi_sheet` writes the blank template's sheet or an example's (from a
:class:`RoiSheet`); :func:`read_roi` reads a filled one into a :class:`~crmwb.roi.RoiCase` whose
horizon and costs come from the TCO sheet. Every error is a
:class:`~crmwb.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import dataclasses
import difflib
from dataclasses import dataclass
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import Cell
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation

from crmwb import i18n
from crmwb.errors import CrmwbError, InputError, WorkbookError
from crmwb.i18n import Lang, t
from crmwb.roi import (
    DEFAULT_DISCOUNT_RATE,
    AdminTasksAutomated,
    CostItem,
    CrossAndUpSell,
    DiscountControl,
    FirstCallResolution,
    HigherAverageBasket,
    Lever,
    LowerAcquisitionCost,
    QualitativeBenefit,
    ReactivatedDormantClients,
    Retention,
    RoiCase,
    RoiSettings,
    ShorterSalesCycle,
    TimeSaved,
    UndeliverableMailSavings,
    costs_from_tco,
    project_team_cost,
    training_time_cost,
)
from crmwb.tco import OptionCosts, compare_options
from crmwb.uncertainty import Pert
from crmwb.workbook import (
    TABLE_ROWS,
    TCO_COLUMNS,
    TCO_PARAMETERS,
    Field,
    WorkbookReader,
    _blank,
    _describe,
    _norm,
    _plain,
    _write_parameters,
    _write_table_header,
    _write_title,
    finish_validation,
)

# --- the vocabulary ----------------------------------------------------------------------------

LEVER_KINDS: dict[str, type[Lever]] = {
    "reactivated_dormant_clients": ReactivatedDormantClients,
    "higher_average_basket": HigherAverageBasket,
    "cross_and_up_sell": CrossAndUpSell,
    "lower_acquisition_cost": LowerAcquisitionCost,
    "undeliverable_mail_savings": UndeliverableMailSavings,
    "discount_control": DiscountControl,
    "time_saved": TimeSaved,
    "admin_tasks_automated": AdminTasksAutomated,
    "shorter_sales_cycle": ShorterSalesCycle,
    "first_call_resolution": FirstCallResolution,
    "retention": Retention,
}
"""The Lever drop-down: kind -> lever class (labels ``roi_sheet.lever.<kind>`` in i18n)."""
QUALITATIVE = "qualitative"
"""The Lever of a qualitative benefit (no number: Name and Notes only)."""

LEVER_LIST = "list_roi_lever"
INPUT_LIST = "list_roi_input"
"""Defined names of the drop-downs of the Lever and Input columns (on the hidden Lists sheet)."""


def input_names(kind: type[Lever]) -> tuple[str, ...]:
    """The Input column's names of a lever kind: its dataclass fields, with spaces.

    >>> input_names(TimeSaved)
    ('users', 'minutes a day', 'working days', 'loaded hourly cost', 'productive share')
    """
    return tuple(name.replace("_", " ") for name in kind.input_names())


def _kind_of(lever: Lever) -> str:
    return next(kind for kind, cls in LEVER_KINDS.items() if type(lever) is cls)


def _optional_inputs(cls: type[Lever]) -> frozenset[str]:
    """Inputs with a default (the NPAI's unit cost): a lever may leave them out."""
    return frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.name in cls.input_names() and f.default is not None
    )


# --- the layout ----------------------------------------------------------------------------------

ROI_PARAMETERS: tuple[Field, ...] = (
    Field(
        "roi_sheet.discount_rate",
        "rate",
        minimum=-1,
        maximum=1,
        min_excluded=True,
        max_excluded=True,
    ),
    Field("roi_sheet.tco_option", "text"),
    Field("roi_sheet.team_days", "number"),
    Field("roi_sheet.day_cost", "number"),
    Field("roi_sheet.training_hours", "number"),
    Field("roi_sheet.hourly_cost", "number"),
    Field("roi_sheet.change_management", "number"),
    Field("roi_sheet.cost_risk", "fraction", maximum=1),
)
"""Rows 4 to 11 of the template."""
HELP_ROW = 13
HEADER_ROW = 14
"""Template positions of the levers table (the reader finds the header by its text)."""

_NOT_NEGATIVE = "volumes, amounts and rates are entered as positive numbers"
ROI_COLUMNS: tuple[Field, ...] = (
    Field("roi_sheet.col.lever", "text", width=30),
    Field("roi_sheet.col.name", "text", width=30),
    Field("roi_sheet.col.input", "text", width=22),
    Field("roi_sheet.col.low", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.most_likely", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.high", "number", width=12, hint=_NOT_NEGATIVE),
    Field("roi_sheet.col.ramp_up_1", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.ramp_up_2", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.ramp_up_3", "fraction", width=11, maximum=1),
    Field("roi_sheet.col.risk", "fraction", width=12, maximum=1),
    Field("roi_sheet.col.notes", "text", width=50),
)
_LEVER, _NAME, _INPUT, _LOW, _ML, _HIGH, _R1, _R2, _R3, _RISK, _NOTES = (
    spec.key for spec in ROI_COLUMNS
)
_RAMP = (_R1, _R2, _R3)
_SPEC = {spec.key: spec for spec in ROI_COLUMNS}
_VALUE_FORMAT = "General"
"""Low, Most likely and High hold counts, amounts and rates alike: shown as typed."""


# --- what the sheet says ---------------------------------------------------------------------


@dataclass(frozen=True)
class RoiSheet:
    """What the ROI sheet holds, to write it (the example clients): the TCO option whose costs
    the ROI takes, the levers and qualitative benefits, the discount rate and the internal
    costs (None: left empty). A lever's ramp-up has at most three shares (years 1 to 3)."""

    tco_option: str
    levers: tuple[Lever, ...] = ()
    qualitative: tuple[QualitativeBenefit, ...] = ()
    discount_rate: float = DEFAULT_DISCOUNT_RATE
    team_days: float | None = None
    day_cost: float | None = None
    training_hours: float | None = None
    hourly_cost: float | None = None
    change_management: float | None = None
    cost_risk: float | None = None


# --- writing -----------------------------------------------------------------------------------


def write_roi_sheet(wb: Workbook, lang: Lang, sheet: RoiSheet | None = None) -> None:
    """Add the ROI sheet to ``wb`` (which has its Lists sheet): empty, with help, drop-downs and
    checks, when ``sheet`` is None, else filled with it."""
    _write_lists(wb, lang)
    ws = wb.create_sheet(t("sheet.roi", lang))
    _write_title(
        ws, t("roi_sheet.sheet_title", lang), t("roi_sheet.sheet_intro", lang), len(ROI_COLUMNS)
    )
    ws.row_dimensions[2].height = 80
    values: dict[str, Any] = {"roi_sheet.discount_rate": DEFAULT_DISCOUNT_RATE}
    if sheet is not None:
        values = {
            "roi_sheet.discount_rate": sheet.discount_rate,
            "roi_sheet.tco_option": sheet.tco_option,
            "roi_sheet.team_days": sheet.team_days,
            "roi_sheet.day_cost": sheet.day_cost,
            "roi_sheet.training_hours": sheet.training_hours,
            "roi_sheet.hourly_cost": sheet.hourly_cost,
            "roi_sheet.change_management": sheet.change_management,
            "roi_sheet.cost_risk": sheet.cost_risk,
        }
    _write_parameters(ws, ROI_PARAMETERS, values, lang)
    rows = _sheet_rows(sheet, lang) if sheet is not None else []
    n = max(TABLE_ROWS, len(rows) + 50)
    _write_table_header(ws, ROI_COLUMNS, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
    first, last = HEADER_ROW + 1, HEADER_ROW + n
    for column, name in ((1, LEVER_LIST), (3, INPUT_LIST)):
        letter = get_column_letter(column)
        dv = DataValidation(type="list", formula1=name, allow_blank=True)
        dv.errorStyle = "warning"  # typed text in either language is read too
        finish_validation(ws, dv, ROI_COLUMNS[column - 1], f"{letter}{first}:{letter}{last}", lang)
    for column in (4, 5, 6):
        for row in range(first, last + 1):
            ws.cell(row=row, column=column).number_format = _VALUE_FORMAT
    for row_number, row_values in enumerate(rows, start=first):
        for col, spec in enumerate(ROI_COLUMNS, start=1):
            value = row_values.get(spec.key)
            if value is not None:
                ws.cell(row=row_number, column=col, value=value)
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["C"].width = 26
    ws.freeze_panes = ws.cell(row=first, column=3)


def _write_lists(wb: Workbook, lang: Lang) -> None:
    """The Lever and Input drop-downs, in two new columns of the hidden Lists sheet."""
    lists_ws = wb[t("sheet.lists", lang)]
    kinds = [t(f"roi_sheet.lever.{kind}", lang) for kind in (*LEVER_KINDS, QUALITATIVE)]
    names = list(dict.fromkeys(name for cls in LEVER_KINDS.values() for name in input_names(cls)))
    for name, values in ((LEVER_LIST, kinds), (INPUT_LIST, names)):
        col = lists_ws.max_column + 1
        letter = get_column_letter(col)
        lists_ws.cell(row=1, column=col, value=name)
        for row, value in enumerate(values, start=2):
            lists_ws.cell(row=row, column=col, value=value)
        ref = f"{quote_sheetname(lists_ws.title)}!${letter}$2:${letter}${len(values) + 1}"
        wb.defined_names[name] = DefinedName(name, attr_text=ref)


def _sheet_rows(sheet: RoiSheet, lang: Lang) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for lever in sheet.levers:
        if len(lever.ramp_up) > len(_RAMP):
            raise InputError(
                f"lever {lever.label!r}: a ramp-up of at most {len(_RAMP)} years on the ROI sheet",
                found=repr(lever.ramp_up),
            )
        kind = _kind_of(lever)
        for i, input_name in enumerate(type(lever).input_names()):
            value = getattr(lever, input_name)
            row: dict[str, Any] = {
                _LEVER: t(f"roi_sheet.lever.{kind}", lang),
                _NAME: lever.name or None,
                _INPUT: input_name.replace("_", " "),
            }
            if isinstance(value, Pert):
                row.update({_LOW: value.low, _ML: value.most_likely, _HIGH: value.high})
            else:
                row[_ML] = value
            if i == 0:
                if lever.ramp_up != (1.0,):
                    row.update(zip(_RAMP, lever.ramp_up, strict=False))
                row[_RISK] = lever.risk_adjustment or None
            rows.append(row)
    for benefit in sheet.qualitative:
        rows.append(
            {
                _LEVER: t(f"roi_sheet.lever.{QUALITATIVE}", lang),
                _NAME: benefit.name,
                _NOTES: benefit.description or None,
            }
        )
    return rows


# --- reading -----------------------------------------------------------------------------------


def has_roi(reader: WorkbookReader) -> bool:
    """The workbook has an ROI sheet with at least one lever or benefit row (the template's
    empty sheet has none)."""
    if not reader.has_sheet("sheet.roi"):
        return False
    ws = reader.sheet("sheet.roi")
    try:
        index, header_row = reader._table(ws, ROI_COLUMNS)
    except WorkbookError:
        return False
    return any(True for _ in reader._rows(ws, index, header_row))


def read_roi(reader: WorkbookReader) -> RoiCase:
    """Read and check the ROI sheet of an open workbook: a :class:`~crmwb.roi.RoiCase` on the
    TCO sheet's horizon, costed with the chosen TCO option's per-period costs (increased by the
    sheet's risk adjustment) and the internal costs, with the levers and qualitative benefits.
    Raises :class:`~crmwb.errors.WorkbookError` naming the file, the sheet and the cell."""
    return _RoiReader(reader).read()


@dataclass
class _LeverRows:
    kind: str
    name: str
    rows: list[dict[str, Cell]]
    values: list[dict[str, Any]]


class _RoiReader:
    def __init__(self, reader: WorkbookReader) -> None:
        self.r = reader
        self.ws = reader.sheet("sheet.roi")

    def error(
        self, cell: Cell, expected: str, found: str, hint: str | None = None
    ) -> WorkbookError:
        return self.r._error(self.ws, cell, expected, found, hint)

    def read(self) -> RoiCase:
        ws = self.ws
        cells = self.r._parameter_cells(ws, ROI_PARAMETERS)
        for spec in ROI_PARAMETERS:
            if spec.key not in cells:
                raise WorkbookError(
                    f"a line labelled {t(spec.key, 'en')!r} ({t(spec.key, 'fr')!r}) in column A",
                    file=self.r.file,
                    sheet=ws.title,
                    found="no such label",
                )
        p = {spec.key: self.r.value(ws, cells[spec.key], spec) for spec in ROI_PARAMETERS}
        rate = p["roi_sheet.discount_rate"]
        horizon, costs, users = self.tco_costs(cells["roi_sheet.tco_option"], p)
        costs.extend(self.internal_costs(cells, p, horizon, users))
        levers, qualitative = self.levers()
        try:
            return RoiCase(
                RoiSettings(horizon, DEFAULT_DISCOUNT_RATE if rate is None else rate),
                levers=levers,
                costs=tuple(costs),
                qualitative=qualitative,
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise WorkbookError(
                exc.expected, file=self.r.file, sheet=ws.title, found=exc.found, hint=exc.hint
            ) from None

    # -- costs --

    def tco_costs(self, option_cell: Cell, p: dict[str, Any]) -> tuple[int, list[CostItem], float]:
        """The TCO's horizon, the chosen option's cost line, and the TCO's users."""
        first = "fill the TCO sheet first: the ROI takes its horizon and an option's costs"
        if not self.r.has_sheet("sheet.tco"):
            raise self.error(option_cell, "an option of the TCO sheet", "no TCO sheet", first)
        tco_ws = self.r.sheet("sheet.tco")
        index, header_row = self.r._table(tco_ws, TCO_COLUMNS)
        if not any(True for _ in self.r._rows(tco_ws, index, header_row)):
            raise self.error(
                option_cell,
                f"an option of the TCO sheet ({tco_ws.title!r})",
                "a TCO sheet with no cost line",
                first,
            )
        # the horizon first: a TCO sheet without it has no option to take either
        horizon_cell = self.r._parameter_cells(tco_ws, TCO_PARAMETERS).get("tco.horizon_years")
        if horizon_cell is None or _blank(horizon_cell.value):
            raise self.error(
                option_cell, "an option of the TCO sheet", "a TCO sheet with no horizon", first
            )
        tco = self.r.read_tco()
        comparison = compare_options(tco.lines, tco.settings)
        names = [o.option for o in comparison.options]
        listed = ", ".join(repr(n) for n in names)
        chosen = p["roi_sheet.tco_option"]
        if not chosen:
            raise self.error(
                option_cell,
                f"the TCO option whose costs the ROI takes: one of {listed}",
                "an empty cell",
                f"the TCO's cheapest option over the horizon is {comparison.cheapest.option!r}",
            )
        by_norm = {_norm(n): o for n, o in zip(names, comparison.options, strict=True)}
        option = by_norm.get(_norm(chosen)) or self.priced_vendor(chosen)
        if option is None:
            close = difflib.get_close_matches(_norm(chosen), list(by_norm), n=1, cutoff=0.5)
            hint = f"did you mean {by_norm[close[0]].option!r}?" if close else first
            raise self.error(
                option_cell, f"an option of the TCO sheet: one of {listed}", _describe(chosen), hint
            )
        risk = p["roi_sheet.cost_risk"] or 0.0
        return (
            tco.settings.horizon_years,
            [costs_from_tco(option, risk_adjustment=risk)],
            tco.settings.users,
        )

    def priced_vendor(self, chosen: str) -> OptionCosts | None:
        """The vendor named ``chosen`` on the Pricing sheet, costed over the TCO's horizon (the
        ROI can take a vendor's TCO as well as an option of the TCO sheet)."""
        if not (self.r.has_vendor_comparison() and self.r.has_sheet("sheet.pricing")):
            return None
        try:
            study = self.r.read_vendor_comparison().study
        except CrmwbError:  # no vendor, or a sheet the vendor comparison reports on itself
            return None
        if study is None:
            return None
        return next((o for o in study.comparison.options if _norm(o.option) == _norm(chosen)), None)

    def internal_costs(
        self, cells: dict[str, Cell], p: dict[str, Any], horizon: int, users: float
    ) -> list[CostItem]:
        risk = p["roi_sheet.cost_risk"] or 0.0
        costs: list[CostItem] = []
        for amount_key, price_key in (
            ("roi_sheet.team_days", "roi_sheet.day_cost"),
            ("roi_sheet.training_hours", "roi_sheet.hourly_cost"),
        ):
            if p[amount_key] and p[price_key] is None:
                raise self.error(
                    cells[price_key],
                    f"a value for {t(price_key, 'en')!r}, since "
                    f"{t(amount_key, 'en')!r} is {_plain(p[amount_key])}",
                    "an empty cell",
                )
        if p["roi_sheet.team_days"]:
            costs.append(
                project_team_cost(
                    p["roi_sheet.team_days"],
                    p["roi_sheet.day_cost"],
                    horizon,
                    risk_adjustment=risk,
                )
            )
        if p["roi_sheet.training_hours"]:
            if not users:
                raise self.error(
                    cells["roi_sheet.training_hours"],
                    "a number of users on the TCO sheet, the users trained",
                    "0 or an empty cell",
                    "fill the TCO sheet's users, or leave the training hours empty",
                )
            costs.append(
                training_time_cost(
                    users,
                    p["roi_sheet.training_hours"],
                    p["roi_sheet.hourly_cost"],
                    horizon,
                    risk_adjustment=risk,
                )
            )
        if p["roi_sheet.change_management"]:
            costs.append(
                CostItem.one_off(
                    "Change management",
                    p["roi_sheet.change_management"],
                    horizon,
                    risk_adjustment=risk,
                )
            )
        return costs

    # -- levers --

    def kind(self, cell: Cell, text: str) -> str:
        by_label: dict[str, str] = {}
        for kind in (*LEVER_KINDS, QUALITATIVE):
            labels = [kind, kind.replace("_", " "), *i18n.all_labels(f"roi_sheet.lever.{kind}")]
            if kind in LEVER_KINDS:
                labels.append(LEVER_KINDS[kind].LABEL)
            by_label.update({_norm(label): kind for label in labels})
        found = by_label.get(_norm(text))
        if found is None:
            allowed = ", ".join(
                repr(t(f"roi_sheet.lever.{k}", "en")) for k in (*LEVER_KINDS, QUALITATIVE)
            )
            close = difflib.get_close_matches(_norm(text), list(by_label), n=1, cutoff=0.6)
            hint = (
                f"did you mean {t(f'roi_sheet.lever.{by_label[close[0]]}', 'en')!r}?"
                if close
                else "pick a value from the drop-down list"
            )
            raise self.error(
                cell, f"a lever among {allowed} (or the French labels)", _describe(text), hint
            )
        return found

    def levers(self) -> tuple[tuple[Lever, ...], tuple[QualitativeBenefit, ...]]:
        ws = self.ws
        index, header_row = self.r._table(ws, ROI_COLUMNS)
        groups: dict[tuple[str, str], _LeverRows] = {}
        names: dict[str, tuple[str, Cell]] = {}  # lever name -> its kind, where first given
        qualitative: list[QualitativeBenefit] = []
        lang = self.lang()
        for row in self.r._rows(ws, index, header_row):
            v = {
                spec.key: self.r.value(ws, row[spec.key], self.read_spec(spec))
                for spec in ROI_COLUMNS
            }
            if not v[_LEVER]:
                raise self.error(
                    row[_LEVER], "a lever for this row", "an empty cell", "pick one in the list"
                )
            kind = self.kind(row[_LEVER], v[_LEVER])
            if kind == QUALITATIVE:
                qualitative.append(self.qualitative(row, v))
                continue
            name = v[_NAME] or t(f"roi_sheet.lever.{kind}", lang)
            seen = names.setdefault(_norm(name), (kind, row[_NAME]))
            if seen[0] != kind:
                raise self.error(
                    row[_NAME],
                    "one lever per name (a name given under two lever kinds)",
                    f"{name!r}, already a {t(f'roi_sheet.lever.{seen[0]}', 'en')!r} lever"
                    f" in {ws.title}!{seen[1].coordinate}",
                    "rename one of them",
                )
            group = groups.setdefault((kind, _norm(name)), _LeverRows(kind, name, [], []))
            group.rows.append(row)
            group.values.append(v)
        return tuple(self.lever(g) for g in groups.values()), tuple(qualitative)

    def lang(self) -> Lang:
        try:
            return self.r.read_about().language
        except CrmwbError:
            return i18n.DEFAULT_LANG

    @staticmethod
    def read_spec(spec: Field) -> Field:
        """Ramp-up shares are read as numbers and checked here, with their own message."""
        if spec.key in _RAMP:
            return dataclasses.replace(spec, kind="number", maximum=None)
        return spec

    def qualitative(self, row: dict[str, Cell], v: dict[str, Any]) -> QualitativeBenefit:
        if not v[_NAME]:
            raise self.error(
                row[_NAME], "the qualitative benefit in the Name column", "an empty cell"
            )
        for key in (_INPUT, _LOW, _ML, _HIGH, *_RAMP, _RISK):
            if v[key] is not None and v[key] != "":
                raise self.error(
                    row[key],
                    "nothing but a Name and Notes for a qualitative benefit (no number)",
                    _describe(v[key]),
                    "a benefit with a number is a lever: pick its kind in the Lever column",
                )
        return QualitativeBenefit(v[_NAME], v[_NOTES] or "")

    def lever(self, group: _LeverRows) -> Lever:
        cls = LEVER_KINDS[group.kind]
        label = f"{group.name!r} ({cls.LABEL})"
        allowed = cls.input_names()
        by_norm = {_norm(n.replace("_", " ")): n for n in allowed}
        inputs: dict[str, float | Pert] = {}
        where: dict[str, Cell] = {}
        ramp_up: tuple[float, ...] | None = None
        risk: float | None = None
        for row, v in zip(group.rows, group.values, strict=True):
            text = v[_INPUT]
            if not text:
                raise self.error(
                    row[_INPUT],
                    f"an input of lever {label}: one of {', '.join(input_names(cls))}",
                    "an empty cell",
                )
            input_name = by_norm.get(_norm(text.replace("_", " ")))
            if input_name is None:
                close = difflib.get_close_matches(
                    _norm(text.replace("_", " ")), list(by_norm), n=1, cutoff=0.5
                )
                hint = f"did you mean {close[0]!r}?" if close else None
                raise self.error(
                    row[_INPUT],
                    f"an input of lever {label}: one of {', '.join(input_names(cls))}",
                    _describe(text),
                    hint,
                )
            if input_name in where:
                raise self.error(
                    row[_INPUT],
                    f"each input of lever {label} once",
                    f"{text!r} again, already in {self.ws.title}!{where[input_name].coordinate}",
                )
            where[input_name] = row[_INPUT]
            inputs[input_name] = self.estimate(row, v, input_name, cls)
            shares = self.ramp_up(row, v)
            if shares is not None:
                if ramp_up is not None and shares != ramp_up:
                    raise self.error(
                        row[_R1],
                        f"one ramp-up per lever ({label})",
                        f"another ramp-up than on row {group.rows[0][_R1].row}",
                        "give it on one row of the lever",
                    )
                ramp_up = shares
            if v[_RISK] is not None:
                if risk is not None and v[_RISK] != risk:
                    raise self.error(
                        row[_RISK],
                        f"one risk adjustment per lever ({label})",
                        f"{_plain(v[_RISK])}, another value than on an earlier row",
                        "give it on one row of the lever",
                    )
                risk = v[_RISK]
        first = group.rows[0]
        optional = _optional_inputs(cls)
        for input_name in allowed:
            if input_name not in inputs and input_name not in optional:
                given = ", ".join(n.replace("_", " ") for n in inputs)
                raise self.error(
                    first[_INPUT],
                    f"a row for the input {input_name.replace('_', ' ')!r} of lever {label}"
                    f" (lever rows from row {first[_INPUT].row})",
                    f"only {given}",
                    f"{cls.LABEL}: {' x '.join(input_names(cls))}",
                )
        try:
            return cls(
                name=group.name,
                ramp_up=ramp_up or (1.0,),
                risk_adjustment=risk or 0.0,
                **inputs,
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.error(first[_LEVER], exc.expected, exc.found or "", exc.hint) from None

    def estimate(
        self, row: dict[str, Cell], v: dict[str, Any], input_name: str, cls: type[Lever]
    ) -> float | Pert:
        shown = input_name.replace("_", " ")
        if v[_ML] is None:
            raise self.error(row[_ML], f"a most likely value for {shown!r}", "an empty cell")
        low, high = v[_LOW], v[_HIGH]
        if (low is None) != (high is None):
            missing = _LOW if low is None else _HIGH
            raise self.error(
                row[missing],
                f"both Low and High for {shown!r}, or neither",
                "an empty cell",
                "a range needs its two ends; leave both empty for a certain value",
            )
        if input_name in cls.RATES:
            for key in (_LOW, _ML, _HIGH):
                value = v[key]
                if value is not None and value > 1:
                    hint = (
                        f"did you mean {_plain(value)}%? type {_plain(value)}% or "
                        f"{_plain(value / 100)}"
                        if value <= 100
                        else None
                    )
                    raise self.error(
                        row[key],
                        f"a fraction between 0 and 1 for the rate {shown!r}",
                        _plain(value),
                        hint,
                    )
        if low is None:
            return float(v[_ML])
        try:
            return Pert(float(low), float(v[_ML]), float(high))
        except CrmwbError as exc:
            raise self.error(row[_ML], exc.expected, exc.found or "") from None

    def ramp_up(self, row: dict[str, Cell], v: dict[str, Any]) -> tuple[float, ...] | None:
        shares = [v[key] for key in _RAMP]
        if all(share is None for share in shares):
            return None
        while shares[-1] is None:
            shares.pop()
        for key, share in zip(_RAMP, shares, strict=False):
            if share is None:
                raise self.error(
                    row[key],
                    "a ramp-up share for every year up to the last one given",
                    "an empty cell",
                )
            if share > 1:
                hint = (
                    f"did you mean {_plain(share)}%? type {_plain(share)}% or {_plain(share / 100)}"
                    if 1.5 <= share <= 100
                    else "a lever realises at most 100 % of its yearly value"
                )
                shown = f"{_plain(share)} ({share:.0%})"
                raise self.error(row[key], "a share realised between 0 and 100 %", shown, hint)
        return tuple(float(share) for share in shares)

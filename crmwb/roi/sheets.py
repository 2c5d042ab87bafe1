"""The ROI sheet of the client workbook <-> a :class:`crmwb.roi.model.RoiCase`.

One sheet, named "ROI" in French and English, with a title, a parameters block and a table of
benefit levers. The reader finds labels and headers by their text, in either language:

* **Parameters** (label in A, value in B, help in C): discount rate (a fraction; blank, as in
  the template, means the TCO sheet's rate: one set of assumptions per client; -100 % or less
  refused), the TCO option whose costs the ROI takes (an option name of
  the TCO sheet, whose horizon the ROI shares), then the internal costs, all in the initial
  period: project team days x day cost, users' training hours each x loaded hourly cost (x the
  TCO sheet's users), change management (an amount), and a risk adjustment on every cost line
  (a fraction the costs are increased by in the risk-adjusted results).
* **Levers**, one row per lever input: Lever (a kind, from the drop-down) | Name (the
  consultant's name for the benefit) | Input (an input name of that kind, see
  :func:`~crmwb.roi.sheet_layout.input_names`) | Low | Most likely | High (Low and High both or
  neither: they make a :class:`~crmwb.core.uncertainty.Pert`) | Ramp-up year 1 | year 2 | year 3
  (shares realised, the last one held afterwards; 100 % from year 1 when empty) | Risk
  adjustment | Notes | Comes from (the programme of the plan, or the use case's ID, the benefit
  comes from; a column of template 4, absent from older workbooks). The rows with the same
  Lever and Name form one lever; its ramp-up, risk adjustment and origin may be given on any
  one of its rows. A qualitative benefit is a row whose Lever is
  "qualitative", with the benefit in Name and its description in Notes.

:func:`write_roi_sheet` writes the blank template's sheet or an example's (from a
:class:`RoiSheet`); :func:`read_roi` reads a filled one into a :class:`~crmwb.roi.model.RoiCase`
whose horizon and costs come from the TCO sheet. The sheet's vocabulary and layout, which both
share, are in :mod:`.sheet_layout`. Every error is a :class:`~crmwb.core.errors.WorkbookError`
naming the file, the sheet and the cell.
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

from crmwb.core import i18n
from crmwb.core.errors import CrmwbError, InputError, Msg, Percent, Quoted, Text, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.core.uncertainty import Pert
from crmwb.roi.levers import Lever, QualitativeBenefit, input_label, input_message
from crmwb.roi.model import (
    CostItem,
    RoiCase,
    RoiSettings,
    TcoBasis,
    costs_from_tco,
    project_team_cost,
    training_time_cost,
)
from crmwb.roi.sheet_layout import (
    HEADER_ROW,
    HELP_ROW,
    INPUT_LIST,
    LEVER_KINDS,
    LEVER_LIST,
    QUALITATIVE,
    ROI_COLUMNS,
    ROI_PARAMETERS,
    input_labels,
)
from crmwb.tco.model import OptionCosts, compare_options
from crmwb.tco.sheets import TCO_COLUMNS, TCO_PARAMETERS, has_tco, read_tco
from crmwb.vendors.sheets import has_vendor_comparison, read_vendor_comparison
from crmwb.workbook.about import read_about
from crmwb.workbook.fields import Field, describe, is_blank, normalised, typed_number
from crmwb.workbook.layout import (
    TABLE_ROWS,
    finish_validation,
    write_parameters,
    write_table_header,
    write_title,
)
from crmwb.workbook.reader import WorkbookReader, in_workbook_language

# --- the lever kinds, the table's keys -------------------------------------------------------


def _kind_of(lever: Lever) -> str:
    return next(kind for kind, cls in LEVER_KINDS.items() if type(lever) is cls)


def _optional_inputs(cls: type[Lever]) -> frozenset[str]:
    """Inputs with a default (the NPAI's unit cost): a lever may leave them out."""
    return frozenset(
        f.name
        for f in dataclasses.fields(cls)
        if f.name in cls.input_names() and f.default is not None
    )


_PARAMETER_SPEC = {spec.key: spec for spec in ROI_PARAMETERS}
_LEVER, _NAME, _INPUT, _LOW, _ML, _HIGH, _R1, _R2, _R3, _RISK, _NOTES, _FROM = (
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
    costs (None: left empty; a discount rate left empty is the TCO sheet's). A lever's ramp-up
    has at most three shares (years 1 to 3)."""

    tco_option: str
    levers: tuple[Lever, ...] = ()
    qualitative: tuple[QualitativeBenefit, ...] = ()
    discount_rate: float | None = None
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
    write_title(
        ws, t("roi_sheet.sheet_title", lang), t("roi_sheet.sheet_intro", lang), len(ROI_COLUMNS)
    )
    ws.row_dimensions[2].height = 80
    values: dict[str, Any] = {}  # the discount rate left blank: the TCO sheet's
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
    write_parameters(ws, ROI_PARAMETERS, values, lang)
    rows = _sheet_rows(sheet, lang) if sheet is not None else []
    n = max(TABLE_ROWS, len(rows) + 50)
    write_table_header(ws, ROI_COLUMNS, lang, help_row=HELP_ROW, header_row=HEADER_ROW, rows=n)
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
    names = list(
        dict.fromkeys(name for cls in LEVER_KINDS.values() for name in input_labels(cls, lang))
    )
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
                msg("roi.err.ramp_up_years", lever=Quoted(lever.label), years=len(_RAMP)),
                found=msg(
                    "roi.err.found.ramp_up_years",
                    count=len(lever.ramp_up),
                    years=len(lever.ramp_up),
                ),
            )
        kind = _kind_of(lever)
        for i, input_name in enumerate(type(lever).input_names()):
            value = getattr(lever, input_name)
            row: dict[str, Any] = {
                _LEVER: t(f"roi_sheet.lever.{kind}", lang),
                _NAME: lever.name or None,
                _INPUT: input_label(input_name, lang),
            }
            if i == 0:
                row[_FROM] = lever.comes_from or None
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


@in_workbook_language
def has_roi(reader: WorkbookReader) -> bool:
    """The workbook has an ROI sheet with at least one lever or benefit row (the template's
    empty sheet has none)."""
    if not reader.has_sheet("sheet.roi"):
        return False
    ws = reader.sheet("sheet.roi")
    try:
        index, header_row = reader.table(ws, ROI_COLUMNS)
    except WorkbookError:
        return False
    return any(True for _ in reader.rows(ws, index, header_row))


@in_workbook_language
def has_roi_case(reader: WorkbookReader) -> bool:
    """The ROI sheet has at least one benefit line, and the TCO sheet the costs."""
    return has_roi(reader) and has_tco(reader)


@in_workbook_language
def read_roi(reader: WorkbookReader) -> RoiCase:
    """Read and check the ROI sheet of an open workbook: a :class:`~crmwb.roi.model.RoiCase` on the
    TCO sheet's horizon, costed with the chosen TCO option's per-period costs (increased by the
    sheet's risk adjustment) and the internal costs, with the levers and qualitative benefits.
    Raises :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell."""
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
        self.tco_users: Text = t("tco.users", reader.lang)
        """The TCO sheet's users label, as the workbook shows it (once the TCO sheet is read)."""
        self.tco_title: str = t("sheet.tco", reader.lang)

    def error(
        self, cell: Cell, expected: Text, found: Text, hint: Text | None = None
    ) -> WorkbookError:
        return self.r.error(self.ws, cell, expected, found, hint)

    def shown(self, cell: Cell, key: str) -> str:
        """The label of the parameter or column ``key`` as the workbook shows it for ``cell``."""
        return self.r.shown_label(self.ws, cell, _SPEC.get(key) or _PARAMETER_SPEC[key])

    def where(self, cell: Cell) -> str:
        return f"{self.ws.title}!{cell.coordinate}"

    def read(self) -> RoiCase:
        ws = self.ws
        cells = self.r.parameter_cells(ws, ROI_PARAMETERS)
        for spec in ROI_PARAMETERS:
            if spec.key not in cells:
                raise WorkbookError(
                    msg("err.label_in_column_a", label=t(spec.key, self.r.lang)),
                    file=self.r.file,
                    sheet=ws.title,
                    found=msg("err.found.no_label"),
                    lang=self.r.lang,
                )
        p = {spec.key: self.r.value(ws, cells[spec.key], spec) for spec in ROI_PARAMETERS}
        rate = p["roi_sheet.discount_rate"]
        horizon, costs, users, basis = self.tco_costs(cells["roi_sheet.tco_option"], p)
        costs.extend(self.internal_costs(cells, p, horizon, users))
        levers, qualitative = self.levers()
        try:
            return RoiCase(
                RoiSettings(horizon, basis.discount_rate if rate is None else rate),
                levers=levers,
                costs=tuple(costs),
                qualitative=qualitative,
                tco=basis,
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.r.sheet_error(ws, exc) from None

    # -- costs --

    def tco_costs(
        self, option_cell: Cell, p: dict[str, Any]
    ) -> tuple[int, list[CostItem], float, TcoBasis]:
        """The TCO's horizon, the chosen option's cost line, the TCO's users, and the option as
        the TCO report (or the vendor comparison) gives it, at the TCO sheet's rate."""
        if not self.r.has_sheet("sheet.tco"):
            tco = Quoted(self.tco_title)
            raise self.error(
                option_cell,
                msg("roi.err.tco_option", sheet=tco),
                msg("roi.err.found.no_tco_sheet", sheet=tco),
                msg("roi.err.hint.fill_tco", sheet=tco),
            )
        tco_ws = self.r.sheet("sheet.tco")
        self.tco_title = tco_ws.title
        tco = Quoted(tco_ws.title)
        first = msg("roi.err.hint.fill_tco", sheet=tco)
        index, header_row = self.r.table(tco_ws, TCO_COLUMNS)
        if not any(True for _ in self.r.rows(tco_ws, index, header_row)):
            raise self.error(
                option_cell,
                msg("roi.err.tco_option", sheet=tco),
                msg("roi.err.found.tco_no_line", sheet=tco),
                first,
            )
        # the horizon first: a TCO sheet without it has no option to take either
        parameters = self.r.parameter_cells(tco_ws, TCO_PARAMETERS)
        horizon_cell = parameters.get("tco.horizon_years")
        if horizon_cell is None or is_blank(horizon_cell.value):
            raise self.error(
                option_cell,
                msg("roi.err.tco_option", sheet=tco),
                msg("roi.err.found.tco_no_horizon", sheet=tco),
                first,
            )
        if "tco.users" in parameters:
            self.tco_users = self.r.shown_label(tco_ws, parameters["tco.users"], TCO_PARAMETERS[2])
        tco_inputs = read_tco(self.r)
        comparison = compare_options(tco_inputs.lines, tco_inputs.settings)
        names = [o.option for o in comparison.options]
        options = tuple(Quoted(n) for n in names)
        chosen = p["roi_sheet.tco_option"]
        label = self.shown(option_cell, "roi_sheet.tco_option")
        if not chosen:
            raise self.error(
                option_cell,
                msg("err.choice", allowed=options, name=label),
                msg("err.found.empty"),
                msg("roi.err.hint.cheapest", option=Quoted(comparison.cheapest.option)),
            )
        by_norm = {normalised(n): o for n, o in zip(names, comparison.options, strict=True)}
        option = by_norm.get(normalised(chosen))
        vendor = option is None
        if option is None:
            option = self.priced_vendor(chosen)
        if option is None:
            close = difflib.get_close_matches(normalised(chosen), list(by_norm), n=1, cutoff=0.5)
            hint = (
                msg("err.hint.did_you_mean", name=by_norm[close[0]].option)
                if close
                else msg(
                    "roi.err.hint.option_or_vendor",
                    sheet=tco,
                    pricing=Quoted(t("sheet.pricing", self.r.lang)),
                )
            )
            raise self.error(
                option_cell, msg("err.choice", allowed=options, name=label), describe(chosen), hint
            )
        risk = p["roi_sheet.cost_risk"] or 0.0
        return (
            tco_inputs.settings.horizon_years,
            [costs_from_tco(option, risk_adjustment=risk)],
            tco_inputs.settings.users,
            TcoBasis.of(option, tco_inputs.settings.discount_rate, vendor=vendor),
        )

    def priced_vendor(self, chosen: str) -> OptionCosts | None:
        """The vendor named ``chosen`` on the Pricing sheet, costed over the TCO's horizon (the
        ROI can take a vendor's TCO as well as an option of the TCO sheet)."""
        if not (has_vendor_comparison(self.r) and self.r.has_sheet("sheet.pricing")):
            return None
        try:
            study = read_vendor_comparison(self.r).study
        except CrmwbError:  # no vendor, or a sheet the vendor comparison reports on itself
            return None
        if study is None:
            return None
        return next(
            (o for o in study.comparison.options if normalised(o.option) == normalised(chosen)),
            None,
        )

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
                    msg(
                        "roi.err.value_since",
                        name=self.shown(cells[price_key], price_key),
                        other=self.shown(cells[amount_key], amount_key),
                        value=typed_number(p[amount_key]),
                    ),
                    msg("err.found.empty"),
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
                hours = cells["roi_sheet.training_hours"]
                raise self.error(
                    hours,
                    msg(
                        "roi.err.users_for_training",
                        users=self.tco_users,
                        sheet=Quoted(self.tco_title),
                    ),
                    msg("tco.err.found.zero_or_empty"),
                    msg(
                        "roi.err.hint.users_for_training",
                        users=self.tco_users,
                        sheet=Quoted(self.tco_title),
                        hours=self.shown(hours, "roi_sheet.training_hours"),
                    ),
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
                    msg("roi.cost.change_management"),
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
            by_label.update({normalised(label): kind for label in labels})
        found = by_label.get(normalised(text))
        if found is None:
            lang = self.r.lang
            allowed = tuple(
                Quoted(t(f"roi_sheet.lever.{k}", lang)) for k in (*LEVER_KINDS, QUALITATIVE)
            )
            close = difflib.get_close_matches(normalised(text), list(by_label), n=1, cutoff=0.6)
            hint = (
                msg("err.hint.did_you_mean", name=t(f"roi_sheet.lever.{by_label[close[0]]}", lang))
                if close
                else msg("err.hint.pick_from_list")
            )
            name = self.shown(cell, _LEVER)
            raise self.error(
                cell, msg("err.choice", allowed=allowed, name=name), describe(text), hint
            )
        return found

    def levers(self) -> tuple[tuple[Lever, ...], tuple[QualitativeBenefit, ...]]:
        ws = self.ws
        index, header_row = self.r.table(ws, ROI_COLUMNS)
        groups: dict[tuple[str, str], _LeverRows] = {}
        names: dict[str, tuple[str, Cell]] = {}  # lever name -> its kind, where first given
        qualitative: list[QualitativeBenefit] = []
        lang = self.lang()
        for row in self.r.rows(ws, index, header_row):
            v = {
                spec.key: self.r.value(ws, row.get(spec.key), self.read_spec(spec))
                for spec in ROI_COLUMNS
            }
            if not v[_LEVER]:
                raise self.error(
                    row[_LEVER],
                    msg("err.value_for", name=self.shown(row[_LEVER], _LEVER)),
                    msg("err.found.empty"),
                    msg("err.hint.pick_from_list"),
                )
            kind = self.kind(row[_LEVER], v[_LEVER])
            if kind == QUALITATIVE:
                qualitative.append(self.qualitative(row, v))
                continue
            name = v[_NAME] or t(f"roi_sheet.lever.{kind}", lang)
            seen = names.setdefault(normalised(name), (kind, row[_NAME]))
            if seen[0] != kind:
                raise self.error(
                    row[_NAME],
                    msg("roi.err.one_kind_per_name", name=self.shown(row[_NAME], _NAME)),
                    msg(
                        "roi.err.found.other_kind",
                        name=Quoted(name),
                        kind=Quoted(msg(f"roi_sheet.lever.{seen[0]}")),
                        where=self.where(seen[1]),
                    ),
                    msg("roi.err.hint.rename"),
                )
            group = groups.setdefault((kind, normalised(name)), _LeverRows(kind, name, [], []))
            group.rows.append(row)
            group.values.append(v)
        return tuple(self.lever(g) for g in groups.values()), tuple(qualitative)

    def lang(self) -> Lang:
        """The deliverables' language (the About sheet's), which names a lever left unnamed."""
        try:
            return read_about(self.r).language
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
                row[_NAME],
                msg("roi.err.qualitative_name", name=self.shown(row[_NAME], _NAME)),
                msg("err.found.empty"),
            )
        for key in (_INPUT, _LOW, _ML, _HIGH, *_RAMP, _RISK):
            if v[key] is not None and v[key] != "":
                raise self.error(
                    row[key],
                    msg(
                        "roi.err.qualitative_only",
                        name=self.shown(row[_NAME], _NAME),
                        notes=self.shown(row[_NOTES], _NOTES),
                    ),
                    describe(v[key]),
                    msg("roi.err.hint.qualitative_number", lever=self.shown(row[_LEVER], _LEVER)),
                )
        return QualitativeBenefit(v[_NAME], v[_NOTES] or "")

    def lever(self, group: _LeverRows) -> Lever:
        cls = LEVER_KINDS[group.kind]
        label = msg("roi.err.lever", name=Quoted(group.name), kind=cls.kind_message())
        allowed = cls.input_names()
        by_norm = {normalised(n.replace("_", " ")): n for n in allowed}
        for n in allowed:
            by_norm.update({normalised(text): n for text in i18n.all_labels(f"roi.input.{n}")})
        choices = tuple(Quoted(input_message(n)) for n in allowed)
        inputs: dict[str, float | Pert] = {}
        where: dict[str, Cell] = {}
        ramp_up: tuple[float, ...] | None = None
        risk: float | None = None
        comes_from: tuple[str, Cell] | None = None
        for row, v in zip(group.rows, group.values, strict=True):
            if v[_FROM]:
                if comes_from is not None and normalised(v[_FROM]) != normalised(comes_from[0]):
                    raise self.error(
                        row[_FROM],
                        msg("roi.err.one_comes_from", lever=label),
                        msg(
                            "roi.err.found.other_comes_from",
                            value=Quoted(comes_from[0]),
                            where=self.where(comes_from[1]),
                        ),
                        msg("roi.err.hint.one_row"),
                    )
                comes_from = (v[_FROM], row[_FROM])
            text = v[_INPUT]
            column = self.shown(row[_INPUT], _INPUT)
            if not text:
                raise self.error(
                    row[_INPUT],
                    msg("roi.err.input_of", name=column, lever=label, inputs=choices),
                    msg("err.found.empty"),
                )
            input_name = by_norm.get(normalised(text.replace("_", " ")))
            if input_name is None:
                close = difflib.get_close_matches(
                    normalised(text.replace("_", " ")), list(by_norm), n=1, cutoff=0.5
                )
                hint = (
                    msg("err.hint.did_you_mean", name=input_label(by_norm[close[0]], self.r.lang))
                    if close
                    else msg("err.hint.pick_from_list")
                )
                raise self.error(
                    row[_INPUT],
                    msg("roi.err.input_of", name=column, lever=label, inputs=choices),
                    describe(text),
                    hint,
                )
            if input_name in where:
                raise self.error(
                    row[_INPUT],
                    msg("roi.err.input_once", lever=label),
                    msg(
                        "roi.err.found.again",
                        value=Quoted(text),
                        where=self.where(where[input_name]),
                    ),
                )
            where[input_name] = row[_INPUT]
            inputs[input_name] = self.estimate(row, v, input_name, cls)
            shares = self.ramp_up(row, v)
            if shares is not None:
                if ramp_up is not None and shares != ramp_up:
                    raise self.error(
                        row[_R1],
                        msg("roi.err.one_ramp_up", lever=label),
                        msg("roi.err.found.other_ramp_up", row=group.rows[0][_R1].row),
                        msg("roi.err.hint.one_row"),
                    )
                ramp_up = shares
            if v[_RISK] is not None:
                if risk is not None and v[_RISK] != risk:
                    raise self.error(
                        row[_RISK],
                        msg("roi.err.one_risk", lever=label),
                        msg("roi.err.found.other_risk", value=typed_number(v[_RISK])),
                        msg("roi.err.hint.one_row"),
                    )
                risk = v[_RISK]
        first = group.rows[0]
        optional = _optional_inputs(cls)
        for input_name in allowed:
            if input_name not in inputs and input_name not in optional:
                raise self.error(
                    first[_INPUT],
                    msg(
                        "roi.err.input_row",
                        input=Quoted(input_message(input_name)),
                        lever=label,
                        row=first[_INPUT].row,
                    ),
                    msg(
                        "roi.err.found.only", inputs=tuple(Quoted(input_message(n)) for n in inputs)
                    ),
                    cls.formula_hint(),
                )
        try:
            return cls(
                name=group.name,
                ramp_up=ramp_up or (1.0,),
                risk_adjustment=risk or 0.0,
                comes_from=comes_from[0] if comes_from else "",
                **inputs,
            )
        except CrmwbError as exc:  # pragma: no cover - the checks above come first
            raise self.error(first[_LEVER], exc.expected, exc.found or "", exc.hint) from None

    def estimate(
        self, row: dict[str, Cell], v: dict[str, Any], input_name: str, cls: type[Lever]
    ) -> float | Pert:
        shown = Quoted(input_message(input_name))
        if v[_ML] is None:
            raise self.error(
                row[_ML],
                msg("roi.err.value_of_input", column=self.shown(row[_ML], _ML), input=shown),
                msg("err.found.empty"),
            )
        low, high = v[_LOW], v[_HIGH]
        if (low is None) != (high is None):
            missing = _LOW if low is None else _HIGH
            raise self.error(
                row[missing],
                msg(
                    "roi.err.low_and_high",
                    low=self.shown(row[_LOW], _LOW),
                    high=self.shown(row[_HIGH], _HIGH),
                    input=shown,
                ),
                msg("err.found.empty"),
                msg("roi.err.hint.range"),
            )
        if input_name in cls.RATES:
            for key in (_LOW, _ML, _HIGH):
                value = v[key]
                if value is not None and value > 1:
                    raise self.error(
                        row[key],
                        msg("roi.err.rate_fraction", input=shown),
                        typed_number(value),
                        _percent_hint(value),
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
                    row[key], msg("roi.err.ramp_up_every_year"), msg("err.found.empty")
                )
            if share > 1:
                hint = (
                    _percent_hint(share) if 1.5 <= share <= 100 else msg("roi.err.hint.at_most_100")
                )
                found = msg("err.found.shown_as", value=typed_number(share), shown=Percent(share))
                raise self.error(
                    row[key],
                    msg("roi.err.share_realised", name=self.shown(row[key], key)),
                    found,
                    hint,
                )
        return tuple(float(share) for share in shares)


def _percent_hint(value: float) -> Msg | None:
    """« did you mean 25%? type 25% or 0.25 », for a rate typed as a percent (up to 100)."""
    if value <= 100:
        return msg(
            "err.hint.percent", value=typed_number(value), fraction=typed_number(value / 100)
        )
    return None

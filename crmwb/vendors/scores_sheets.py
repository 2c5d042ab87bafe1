"""The Scores and Use cases sheets read into the score sheet and the use cases' coverage.

:class:`ScoresReader` reads the Scores sheet (one column per evaluator, ``n/e`` for a score not
given on purpose), puts the priced vendors' TCO on the criteria measured by the TCO, and builds
the :class:`~crmwb.vendors.model.ScoreSheet`, placing its complaints (a missing score) on the
cell they are about. :class:`UseCasesReader` reads the optional Use cases sheet (one column per
vendor) into a :class:`~crmwb.vendors.model.CoverageSheet`. Every bad cell is a
:class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import InputError, Quoted, WorkbookError, msg
from crmwb.core.i18n import Lang, t
from crmwb.vendors.criteria_sheets import CriteriaSheet
from crmwb.vendors.model import CoverageSheet, Criterion, Score, ScoreSheet
from crmwb.vendors.sheet_layout import (
    COVERAGE_COLUMN,
    EVALUATOR_COLUMN,
    NOT_EVALUATED_MARK,
    SCORE_COLUMNS,
    USE_CASE_COLUMNS,
    CriterionMeasure,
    UseCaseEntry,
    VendorEntry,
)
from crmwb.vendors.sheet_reader import SheetWarning, VendorSheetReader, found_value
from crmwb.workbook.fields import YesNo, is_blank, normalised, typed_number
from crmwb.workbook.tables import Names

_NOT_EVALUATED = frozenset(
    normalised(text) for text in ("n/e", "n.e.", "n/é", *i18n.all_labels("scores.not_evaluated"))
)


class ScoresReader(VendorSheetReader):
    """Reads the Scores sheet, after the Vendors, Criteria and Pricing sheets."""

    def scores(
        self,
        vendors: Sequence[VendorEntry],
        crit: CriteriaSheet,
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
        crit: CriteriaSheet,
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
                found_value(raw),
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


class UseCasesReader(VendorSheetReader):
    """Reads the optional Use cases sheet."""

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
                    found_value(text),
                    vendor_names.suggest(text)
                    or msg("use_cases.err.hint.vendor_header", sheet=vendors_sheet),
                )
            self.unique(ws, header, vendor, seen, "vendor_column")
            columns.append((vendor, header.column))
        full = dict(index) | {f"vendor {i}": col for i, (_, col) in enumerate(columns)}
        self.check_headers(ws, header_row, full.values(), "vendor")
        must_spec = next(s for s in USE_CASE_COLUMNS if s.key == "use_cases.col.must_have")
        fixed = [spec for spec in USE_CASE_COLUMNS if spec is not must_spec]
        entries: list[UseCaseEntry] = []
        names: dict[str, Cell] = {}
        ids: dict[str, Cell] = {}
        for row in self.r.rows(ws, full, header_row):
            v = self.values(ws, row, fixed)
            name: str = v["use_cases.col.use_case"]
            self.unique(ws, row["use_cases.col.use_case"], name, names, "use_case")
            reference: str = v["use_cases.col.id"] or ""
            if reference:
                self.unique(ws, row["use_cases.col.id"], reference, ids, "use_case_id")
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
                    reference,
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


def _numbered(key: str) -> re.Pattern[str]:
    """A pattern for the template's numbered headers ("Evaluator 1", "Éditeur 2"...)."""
    labels = (
        re.escape(normalised(label)).replace(re.escape("{n}"), r"\d+")
        for label in i18n.all_labels(key)
    )
    return re.compile("^(?:" + "|".join(labels) + ")$")


@dataclass(frozen=True)
class _Amount:
    """An amount (no currency) with the reader's digit grouping: 46,000 or 46 000."""

    value: float

    def text(self, lang: Lang) -> str:
        return i18n.number(self.value, lang)


def _first_missing(
    criteria: Sequence[Criterion], vendors: Sequence[str], scores: Sequence[Score]
) -> tuple[str, str, str | None] | None:
    """The first missing score in the order :class:`~crmwb.vendors.model.ScoreSheet` lists them:
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

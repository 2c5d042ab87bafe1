"""The Criteria and Pairwise sheets read into the criteria and their weights.

The Criteria sheet gives the scale, the weighting method and the criteria (their group,
direction, measure, direct weight and knock-out thresholds); under direct weighting the weights
are normalised to sum 1 (:func:`crmwb.vendors.weights.normalise_weights`), under AHP the Pairwise
sheet's comparisons give each scope's priorities (:func:`crmwb.vendors.weights.ahp_weights`):
global weight = group weight x weight within the group
(:func:`crmwb.vendors.weights.global_weights`). :class:`CriteriaReader` reads both, every bad
cell a :class:`~crmwb.core.errors.WorkbookError` naming the file, the sheet and the cell;
:func:`criteria_for_workshop` reads what the weights workshop starts from, and
:func:`save_pairwise` writes its comparisons back.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.worksheet.worksheet import Worksheet

from crmwb.core import i18n
from crmwb.core.errors import InputError, Msg, Number, Quoted, Text, WorkbookError, msg
from crmwb.core.i18n import Lang, t, tn
from crmwb.vendors.model import Criterion, Direction
from crmwb.vendors.sheet_layout import (
    CRITERIA_COLUMNS,
    CRITERIA_PARAMETERS,
    GROUPS_SCOPE,
    PAIRWISE_COLUMNS,
    SAATY_FORMAT,
    SAATY_LOWEST,
    Comparison,
    CriterionEntry,
    CriterionMeasure,
    WeightingMethod,
)
from crmwb.vendors.sheet_reader import VendorSheetReader, found_value
from crmwb.vendors.weights import (
    MAX_CRITERIA,
    RECIPROCITY_TOLERANCE,
    SAATY_SCALE_MAX,
    AhpResult,
    PairwiseComparisons,
    ahp_weights,
    global_weights,
    normalise_weights,
)
from crmwb.workbook.fields import Field, is_blank, normalised, typed_number
from crmwb.workbook.reader import WorkbookReader, in_workbook_language, read_workbook
from crmwb.workbook.tables import Names

_PRICE_LIKE = re.compile(r"\b(pric|prix|tco|cost|co[uû]t|tarif)", re.IGNORECASE)
"""A criterion whose name starts a word with these looks like a price (price, pricing, prix,
TCO, cost, coût, tarif...)."""


@dataclass
class CriteriaSheet:
    """The Criteria sheet as read: its scale, weighting method and rows (as typed, with their
    cells), and each group's criteria."""

    ws: Worksheet
    scale: tuple[float, float]
    weighting: WeightingMethod
    entries: list[CriterionEntry]
    rows: list[dict[str, Cell]]
    groups: dict[str, list[str]]  # group -> its criteria, in the sheet's order


@dataclass
class CriteriaWeights:
    """The criteria with their global weights, the groups' weights, and under AHP the
    comparisons read and each scope's result; ``notice`` says when direct weights did not sum
    to 1."""

    criteria: tuple[Criterion, ...]
    group_weights: dict[str, float]
    comparisons: tuple[Comparison, ...] = ()
    ahp: dict[str, AhpResult] | None = None
    notice: Msg | None = None


class CriteriaReader(VendorSheetReader):
    """Reads the Criteria sheet (:meth:`criteria`), then the weights (:meth:`weights`): direct,
    or by AHP from the Pairwise sheet (:meth:`pairwise`)."""

    def criteria(self) -> CriteriaSheet:
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
                    found_value(group),
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
        return CriteriaSheet(ws, (low, high), weighting, entries, rows, groups)

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

    def weights(self, crit: CriteriaSheet) -> CriteriaWeights:
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
            return CriteriaWeights(criteria, group_weights, notice=direct.notice)
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
        return CriteriaWeights(self._criteria(crit, weights), group_weights, comparisons, ahp)

    def _criteria(self, crit: CriteriaSheet, weights: Mapping[str, float]) -> tuple[Criterion, ...]:
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

    def pairwise(self, crit: CriteriaSheet) -> tuple[tuple[Comparison, ...], dict[str, AhpResult]]:
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
                    found_value(text),
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
        raise self.error(ws, cell, expected, found_value(text), hint)

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
                found_value(raw),
                msg("pairwise.err.hint.date", format=SAATY_FORMAT),
            )
        value: float | None = None
        if isinstance(raw, str):
            value = _fraction(raw)
        elif isinstance(raw, int | float) and not isinstance(raw, bool):
            value = float(raw)
        if value is None or not math.isfinite(value):
            raise self.error(ws, cell, expected, found_value(raw), msg("pairwise.err.hint.number"))
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

    # -- what a workshop starts from --

    def comparisons_so_far(self, crit: CriteriaSheet) -> WorkshopCriteria:
        """Each scope's comparisons as far as the Pairwise sheet gives them: where a workshop
        starts (criteria listed, some comparisons or none yet). A pair not given, or on a row
        that cannot be read, starts equal (1); never an error, the workshop is where the
        consultant fills them."""
        scopes = {
            scope: names
            for scope, names in {GROUPS_SCOPE: list(crit.groups), **crit.groups}.items()
            if len(names) >= 2
        }
        given = self._pairs_given(scopes, crit) if scopes else {}
        comparisons: dict[str, PairwiseComparisons] = {}
        missing: dict[str, int] = {}
        for scope, names in scopes.items():
            pairs = given.get(scope, {})
            n = len(names)
            matrix = [[1.0] * n for _ in range(n)]
            missing[scope] = 0
            for i, j in itertools.combinations(range(n), 2):
                a, b = names[i], names[j]
                if (a, b) in pairs:
                    value = pairs[(a, b)]
                elif (b, a) in pairs:
                    value = 1 / pairs[(b, a)]
                else:
                    value = 1.0
                    missing[scope] += 1
                matrix[i][j], matrix[j][i] = value, 1 / value
            comparisons[scope] = PairwiseComparisons.from_matrix(list(names), matrix)
        return WorkshopCriteria(dict(crit.groups), comparisons, missing)

    def _pairs_given(
        self, scopes: Mapping[str, Sequence[str]], crit: CriteriaSheet
    ) -> dict[str, dict[tuple[str, str], float]]:
        """The Pairwise sheet's readable rows: scope -> (A, B) -> how much A over B."""
        if not self.r.has_sheet("sheet.pairwise"):
            return {}
        ws = self.r.sheet("sheet.pairwise")
        try:
            index, header_row = self.r.table(ws, PAIRWISE_COLUMNS)
        except WorkbookError:
            return {}
        scope_spec, a_spec, b_spec, _ = PAIRWISE_COLUMNS
        groups_names = {normalised(label) for label in i18n.all_labels("pairwise.scope.groups")}
        group_names = Names(crit.groups)
        given: dict[str, dict[tuple[str, str], float]] = {}
        for row in self.r.rows(ws, index, header_row):
            try:
                text: str = self.r.value(ws, row[scope_spec.key], scope_spec)
                scope = GROUPS_SCOPE if normalised(text) in groups_names else group_names.get(text)
                if scope is None or scope not in scopes:
                    continue
                items = Names(scopes[scope])
                a, b = (
                    items.get(self.r.value(ws, row[spec.key], spec)) for spec in (a_spec, b_spec)
                )
                value = self._saaty(ws, row["pairwise.col.value"])
            except WorkbookError:
                continue
            if a is not None and b is not None and a != b:
                given.setdefault(scope, {})[(a, b)] = value
        return given


@dataclass(frozen=True)
class WorkshopCriteria:
    """What the weights workshop starts from: the criteria by group, each scope's comparisons
    as far as the Pairwise sheet gives them, and how many of each scope's pairs it does not
    give (they start equal)."""

    groups: dict[str, list[str]]
    comparisons: dict[str, PairwiseComparisons]
    missing: dict[str, int]


@in_workbook_language
def criteria_for_workshop(reader: WorkbookReader) -> WorkshopCriteria:
    """The Criteria sheet and what the Pairwise sheet holds so far, read for the weights
    workshop. Raises :class:`~crmwb.core.errors.WorkbookError` (naming the cell) only for what
    the Criteria sheet itself lacks: no criterion yet, a bad cell."""
    criteria_reader = CriteriaReader(reader)
    return criteria_reader.comparisons_so_far(criteria_reader.criteria())


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


# --- workshop: saving comparisons back -------------------------------------------------------


def save_pairwise(
    path: Path, scopes: Mapping[str, PairwiseComparisons], lang: Lang | None = None
) -> str:
    """Rewrite the Pairwise sheet's comparisons of each scope of ``scopes`` (``GROUPS_SCOPE``
    or a group name -> its comparisons), one row per pair (A/B, A before B as in the
    comparisons' order), in one save. A scope's rows stay where its first row was (a scope not
    on the sheet yet goes after the others); every other row, cell, sheet, drop-down and format
    of the workbook is kept. Saved by :func:`~crmwb.workbook.save.save_client_workbook` (lock
    files, read-only, backup, nothing the consultant added lost): a failure leaves the
    consultant's workbook as it was.

    Returns what was done, in a sentence for the workshop, in ``lang`` (default: the
    workbook's language).
    """
    from openpyxl import load_workbook

    from crmwb.workbook.save import check_writable, save_client_workbook

    reader = read_workbook(path)
    lang = lang or reader.lang
    check_writable(Path(path), reader.lang)
    title = reader.sheet("sheet.pairwise").title
    index, header_row = reader.table(reader.sheet("sheet.pairwise"), PAIRWISE_COLUMNS)
    columns = [index[spec.key] for spec in PAIRWISE_COLUMNS]
    wb = load_workbook(path)  # formulas kept: only the values of this sheet's rows change
    ws = wb[title]
    groups_names = {normalised(label) for label in i18n.all_labels("pairwise.scope.groups")}
    groups_names.add(normalised(GROUPS_SCOPE))

    def key(scope: str) -> str:
        return GROUPS_SCOPE if normalised(scope) in groups_names else normalised(scope)

    def rows_of(scope: str) -> list[list[Any]]:
        comparisons = scopes[scope]
        shown = t("pairwise.scope.groups", reader.lang) if key(scope) == GROUPS_SCOPE else scope
        return [
            [shown, a, b, comparisons.value(a, b)]
            for a, b in itertools.combinations(comparisons.criteria, 2)
        ]

    saved = {key(scope): scope for scope in scopes}
    rows: list[list[Any]] = []
    placed: set[str] = set()
    last = ws.max_row
    for row in range(header_row + 1, last + 1):
        values = [ws.cell(row=row, column=col).value for col in columns]
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
            continue
        scope_key = key(str(values[0] or ""))
        if scope_key not in saved:
            rows.append(values)
        elif scope_key not in placed:  # the scope's new rows where its first row was
            placed.add(scope_key)
            rows.extend(rows_of(saved[scope_key]))
    for scope_key, scope in saved.items():
        if scope_key not in placed:
            rows.extend(rows_of(scope))
    for offset, values in enumerate(rows):
        for col, value in zip(columns, values, strict=True):
            ws.cell(row=header_row + 1 + offset, column=col, value=value)
    for row in range(header_row + 1 + len(rows), last + 1):
        for col in columns:
            ws.cell(row=row, column=col, value=None)
    save_client_workbook(wb, Path(path), reader.lang)
    count = sum(len(rows_of(scope)) for scope in scopes)
    return tn("pairwise.saved", count, lang, count=count, file=Path(path).name)

"""The weights workshop: ipywidgets forms that capture the pairwise comparisons of the
criteria with the client, live.

:class:`PairwiseForm` puts one slider per pair of criteria (Saaty's 1-9 scale, from "9 times
more important: A" to "9 times more important: B") and shows, as the sliders move, the
resulting AHP weights and the consistency ratio, with the comparisons to revisit when it is
above 0.10. "Save to workbook" hands the comparisons to a callback (:func:`weight_forms` binds
it to :func:`crmwb.vendors.criteria_sheets.save_pairwise`, which rewrites only that scope's
rows).

Everything is driven from tests by setting widget values and clicking buttons, no browser.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from itertools import combinations
from pathlib import Path as FilePath
from typing import TYPE_CHECKING, Any

from crmwb.core.errors import CrmwbError, Text, msg, render
from crmwb.core.i18n import DEFAULT_LANG, Lang, number, percent, t
from crmwb.vendors.weights import AhpResult, PairwiseComparisons, ahp_weights

if TYPE_CHECKING:
    from crmwb.vendors.sheets import VendorInputs

SAATY_STEPS: tuple[int, ...] = (9, 8, 7, 6, 5, 4, 3, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9)
"""Slider positions, left (A more important) to right (B more important)."""
MIDDLE = SAATY_STEPS.index(1)


def position_to_ratio(position: int) -> float:
    """How much more important A is than B at slider ``position`` (0..16).

    >>> position_to_ratio(0), position_to_ratio(8), position_to_ratio(10)
    (9.0, 1.0, 0.3333333333333333)
    """
    step = SAATY_STEPS[position]
    return float(step) if position <= MIDDLE else 1.0 / step


def ratio_to_position(ratio: float) -> int:
    """The slider position nearest to ``ratio`` (A / B).

    >>> ratio_to_position(3), ratio_to_position(1), ratio_to_position(1 / 5)
    (6, 8, 12)
    """
    positions = range(len(SAATY_STEPS))
    return min(positions, key=lambda p: abs(math.log(position_to_ratio(p)) - math.log(ratio)))


def position_label(position: int, first: str, second: str, lang: Lang = DEFAULT_LANG) -> str:
    """What a slider position means, in words the client understands.

    >>> position_label(6, "Price", "Support", "en")
    'Price ×3'
    """
    step = SAATY_STEPS[position]
    if step == 1:
        return t("workshop.pairwise.equal", lang, first=first, second=second)
    more = first if position < MIDDLE else second
    return t("workshop.pairwise.more", lang, more=more, step=step)


class PairwiseForm:
    """Sliders for every pair of ``items`` (criteria of one group, or the groups), with the
    AHP weights and consistency ratio recomputed at every move."""

    def __init__(
        self,
        items: Sequence[str],
        initial: PairwiseComparisons | None = None,
        on_save: Callable[[PairwiseComparisons], Text] | None = None,
        title: str = "",
        lang: Lang = DEFAULT_LANG,
    ) -> None:
        import ipywidgets as w

        if len(items) < 2:
            raise CrmwbError(msg("workshop.pairwise.too_few"), found=str(len(items)), lang=lang)
        self.lang = lang
        self.items = tuple(items)
        self.pairs = tuple(combinations(self.items, 2))
        self._on_save = on_save
        self.sliders: dict[tuple[str, str], Any] = {}
        rows = []
        for first, second in self.pairs:
            ratio = initial.value(first, second) if initial is not None else 1.0
            slider = w.IntSlider(
                value=ratio_to_position(ratio),
                min=0,
                max=len(SAATY_STEPS) - 1,
                readout=False,
                continuous_update=True,
                layout=w.Layout(width="320px"),
            )
            label = w.Label(
                position_label(slider.value, first, second, lang), layout=w.Layout(width="180px")
            )
            slider.observe(self._moved(label, first, second), names="value")
            self.sliders[(first, second)] = slider
            rows.append(
                w.HBox(
                    [
                        w.Label(first, layout=w.Layout(width="180px")),
                        slider,
                        w.Label(second, layout=w.Layout(width="180px")),
                        label,
                    ]
                )
            )
        self.result_view = w.HTML()
        self.status = w.HTML()
        save = w.Button(description=t("workshop.save", lang), icon="save", button_style="primary")
        save.on_click(lambda _button: self.save())
        header = [w.HTML(f"<h3>{html.escape(title)}</h3>")] if title else []
        self.widget = w.VBox([*header, *rows, self.result_view, w.HBox([save, self.status])])
        self._refresh()

    def _moved(self, label: Any, first: str, second: str) -> Callable[[dict[str, Any]], None]:
        def handler(change: dict[str, Any]) -> None:
            label.value = position_label(change["new"], first, second, self.lang)
            self._refresh()

        return handler

    def comparisons(self) -> PairwiseComparisons:
        """The comparisons the sliders show (reciprocals filled)."""
        upper = [
            [position_to_ratio(self.sliders[(a, b)].value) for b in self.items[i + 1 :]]
            for i, a in enumerate(self.items[:-1])
        ]
        return PairwiseComparisons.from_upper_triangle(self.items, upper)

    def result(self) -> AhpResult:
        return ahp_weights(self.comparisons())

    def _refresh(self) -> None:
        result = self.result()
        lang = self.lang
        rows = "".join(
            f"<tr><td>{html.escape(name)}</td>"
            f"<td style='text-align:right'>{html.escape(percent(weight, lang, decimals=1))}"
            "</td></tr>"
            for name, weight in sorted(result.priorities.items(), key=lambda kv: -kv[1])
        )
        key = "consistent" if result.is_consistent else "inconsistent"
        colour = "#548235" if result.is_consistent else "#C00000"
        verdict = t(
            f"workshop.pairwise.{key}",
            lang,
            ratio=number(result.consistency_ratio, lang, decimals=3),
            threshold=number(0.10, lang, decimals=2),
        )
        warning = f"<p>{html.escape(render(result.warning, lang))}</p>" if result.warning else ""
        self.result_view.value = (
            f"<table>{rows}</table><p style='color:{colour}'>{html.escape(verdict)}</p>{warning}"
        )

    def save(self) -> None:
        """Hand the comparisons to the save callback and show what it says (or its error)."""
        if self._on_save is None:
            self.status.value = html.escape(t("workshop.no_workbook", self.lang))
            return
        try:
            self.status.value = html.escape(render(self._on_save(self.comparisons()), self.lang))
        except CrmwbError as exc:
            message = html.escape(exc.message(self.lang))
            self.status.value = f"<span style='color:#C00000'>{message}</span>"


def weight_forms(
    workbook: FilePath, inputs: VendorInputs, lang: Lang | None = None
) -> list[PairwiseForm]:
    """One pairwise form for the criterion groups, and one per group of two criteria or
    more, started from the workbook's comparisons; each saves its scope back to ``workbook``.
    The forms speak ``lang`` (default: the workbook's language)."""
    from crmwb.vendors.criteria_sheets import save_pairwise
    from crmwb.vendors.sheet_layout import GROUPS_SCOPE
    from crmwb.workbook.reader import read_workbook

    lang = lang or read_workbook(workbook).lang

    groups: dict[str, list[str]] = {}
    for criterion in inputs.score_sheet.criteria:
        groups.setdefault(criterion.group, []).append(criterion.name)
    scopes = {GROUPS_SCOPE: list(groups), **groups}
    forms = []
    for scope, items in scopes.items():
        if len(items) < 2:
            continue
        initial = (inputs.ahp or {}).get(scope)

        def on_save(comparisons: PairwiseComparisons, scope: str = scope) -> Text:
            return save_pairwise(workbook, scope, comparisons, lang)

        forms.append(
            PairwiseForm(
                items,
                initial.comparisons if initial is not None else None,
                on_save,
                title=t("workshop.pairwise.groups", lang) if scope == GROUPS_SCOPE else scope,
                lang=lang,
            )
        )
    return forms

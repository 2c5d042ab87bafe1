"""The weights workshop, driven as the consultant would (sliders moved, buttons clicked), no
browser: Saaty's scale, the weights as the sliders move, the overall weights, undo, one save of
every comparison in place, and a workshop that starts where a first one starts; then the
messages a browser sends, in the order a browser may send them (a click before the last
position of a slider moved just before it)."""

from __future__ import annotations

import asyncio
import html
import re
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite
from widget_messages import click, from_browser, later_from_browser, settled

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.vendors.criteria_sheets import WorkshopCriteria, criteria_for_workshop
from crmwb.vendors.sheets import read_vendor_comparison
from crmwb.vendors.weights import PairwiseComparisons
from crmwb.workbook.reader import read_workbook
from crmwb.workshop.weights import (
    MIDDLE,
    PairwiseForm,
    WeightsWorkshop,
    position_label,
    position_to_ratio,
    ratio_to_position,
    weights_workshop,
)

NB, NNB = "\u00a0", "\u202f"


@pytest.mark.parametrize(("ratio", "position"), [(9, 0), (3, 6), (1, 8), (1 / 3, 10), (1 / 9, 16)])
def test_slider_positions_are_saatys_scale(ratio: float, position: int) -> None:
    assert ratio_to_position(ratio) == position
    assert position_to_ratio(position) == pytest.approx(ratio)


def test_labels_say_which_side_wins() -> None:
    assert position_label(6, "Features", "Price", "en") == "Features ×3"
    assert position_label(12, "Features", "Price", "en") == "Price ×5"
    assert position_label(8, "Features", "Price", "en") == "Features = Price"


def test_moving_sliders_updates_weights_and_consistency_live() -> None:
    form = PairwiseForm(["Features", "Price", "Support"], lang="en")
    # all equal at first: 1/3 each, consistent
    assert form.result().priorities["Features"] == pytest.approx(1 / 3)
    # Features x2 over Price, x6 over Support, Price x3 over Support: consistent by
    # construction (weights 0.6 / 0.3 / 0.1, as 0.6/0.3 = 2, 0.6/0.1 = 6, 0.3/0.1 = 3)
    form.sliders[("Features", "Price")].value = ratio_to_position(2)
    form.sliders[("Features", "Support")].value = ratio_to_position(6)
    form.sliders[("Price", "Support")].value = ratio_to_position(3)
    result = form.result()
    assert [round(result.priorities[c], 3) for c in form.items] == [0.6, 0.3, 0.1]
    assert "Consistency ratio 0.000 (consistent" in form.result_view.value
    # Support now x9 over Features: inconsistent, and the form says so
    form.sliders[("Features", "Support")].value = ratio_to_position(1 / 9)
    assert not form.result().is_consistent
    assert "inconsistent: revisit" in form.result_view.value


def _two_groups(
    lang: str = "en", on_save: Callable[[dict[str, PairwiseComparisons]], str] | None = None
) -> WeightsWorkshop:
    """Groups A (criteria a1, a2) and B (b1); nothing compared yet."""
    equal = PairwiseComparisons.from_upper_triangle
    start = WorkshopCriteria(
        {"A": ["a1", "a2"], "B": ["b1"]},
        {"Groups": equal(["A", "B"], [[1]]), "A": equal(["a1", "a2"], [[1]])},
        {"Groups": 1, "A": 1},
    )
    return WeightsWorkshop(start, on_save, lang=lang)  # type: ignore[arg-type]


def test_the_overall_weights_are_the_groups_weight_times_the_weight_within_it() -> None:
    workshop = _two_groups("fr")
    assert workshop.overall_weights() == {("A", "a1"): 0.25, ("A", "a2"): 0.25, ("B", "b1"): 0.5}
    # A x3 over B: 3/4 and 1/4; a1 x3 over a2 within A: 3/4 and 1/4. Overall: a1 = 3/4 x 3/4 =
    # 0.5625, a2 = 3/4 x 1/4 = 0.1875, b1 = 1/4 x 1 (alone in its group) = 0.25.
    workshop.forms["Groups"].sliders[("A", "B")].value = ratio_to_position(3)
    workshop.forms["A"].sliders[("a1", "a2")].value = ratio_to_position(3)
    assert workshop.overall_weights() == pytest.approx(
        {("A", "a1"): 0.5625, ("A", "a2"): 0.1875, ("B", "b1"): 0.25}
    )
    # what the table shows, in French: the same numbers
    shown = workshop.overall.value
    for cells in (("A", "a1", f"56,2{NB}%"), ("A", "a2", f"18,8{NB}%"), ("B", "b1", f"25,0{NB}%")):
        assert (
            "".join(
                f"<td style='{s}'>{c}</td>"
                for s, c in zip(
                    ("padding:2px 8px", "padding:2px 8px", "text-align:right;padding:2px 8px"),
                    cells,
                    strict=True,
                )
            )
            in shown
        )
    assert "Poids globaux" in shown


def test_undo_puts_back_the_slider_moved_last_a_drag_being_one_step() -> None:
    workshop = _two_groups()
    groups = workshop.forms["Groups"].sliders[("A", "B")]
    within = workshop.forms["A"].sliders[("a1", "a2")]
    for position in (7, 6, 5):  # a drag: three moves of one slider
        groups.value = position
    within.value = 2
    workshop.undo()
    assert (groups.value, within.value) == (5, MIDDLE)
    assert "undone" in workshop.status.value
    assert workshop.overall_weights()[("A", "a1")] == pytest.approx(
        workshop.forms["Groups"].result().priorities["A"] / 2
    )
    workshop.undo()
    assert (groups.value, within.value) == (MIDDLE, MIDDLE)  # before the drag, not its middle
    assert workshop.overall_weights()[("B", "b1")] == pytest.approx(0.5)
    workshop.undo()
    assert "nothing to undo" in workshop.status.value


def _copy(tmp_path: Path, client: str) -> Path:
    return Path(shutil.copy(EXAMPLES_DIR / client / "workbook.xlsx", tmp_path / "workbook.xlsx"))


def _sheet_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book}


def test_a_first_workshop_starts_from_the_criteria_alone_and_saves_every_comparison(
    tmp_path: Path,
) -> None:
    """The French example weighs directly: its Comparaisons sheet is empty. Five criteria in
    four groups, one of two criteria: the groups' 6 pairs and that group's one, all equal."""
    path = _copy(tmp_path, "literie-lenoir")
    workshop = weights_workshop(path)
    assert list(workshop.forms) == ["Groups", "Utilisation et support"]
    assert all(s.value == MIDDLE for f in workshop.forms.values() for s in f.sliders.values())
    note = workshop.widget.children[0].value
    assert f"7 comparaisons ne sont pas encore dans le classeur{NB}: elles partent" in note
    assert workshop.overall_weights()[("Utilisation et support", "Qualité du support")] == 0.125
    groups = workshop.forms["Groups"]
    groups.sliders[("Fonctionnel", "Coûts")].value = ratio_to_position(3)
    workshop.save()
    assert workshop.status.value.endswith(">7 comparaisons enregistrées dans workbook.xlsx</span>")
    assert list((tmp_path / "backups").iterdir())  # the previous file kept
    again = criteria_for_workshop(read_workbook(path))
    assert again.missing == {"Groups": 0, "Utilisation et support": 0}
    assert again.comparisons["Groups"].value("Fonctionnel", "Coûts") == 3
    rows = [r[:4] for r in _sheet_values(path)["Comparaisons"][5:] if any(r)]
    assert rows[0] == ("Groupes", "Fonctionnel", "Coûts", 3)  # the scope as the sheet names it
    assert len(rows) == 7 and rows[-1][0] == "Utilisation et support"


def test_one_save_rewrites_every_scope_in_place_and_keeps_every_other_sheet(
    tmp_path: Path,
) -> None:
    """The Integration scope's rows moved first on the sheet (rows 6 to 8), the Groups' next
    (9 to 14): after the save, each is where it was."""
    path = _copy(tmp_path, "northwind-retail")
    rows = _sheet_values(path)["Pairwise"][5:19]
    moved = rows[11:] + rows[:11]
    overwrite(
        path,
        "Pairwise",
        {
            f"{c}{6 + i}": v
            for i, row in enumerate(moved)
            for c, v in zip("ABCD", row[:4], strict=True)
        },
    )
    before = _sheet_values(path)
    assert before["Pairwise"][5][0] == "Integration"
    workshop = weights_workshop(path)
    assert workshop.lang == "en" and not workshop.status.value
    workshop.forms["Groups"].sliders[("Features", "Costs")].value = ratio_to_position(9)
    integration = workshop.forms["Integration"].sliders
    integration[("APIs and web services", "File import")].value = ratio_to_position(1 / 2)
    workshop.save()
    assert "saved 14 comparisons to workbook.xlsx" in workshop.status.value
    after = _sheet_values(path)
    # every row where it was: the same scopes and pairs, row by row; two values changed
    old, new = before["Pairwise"], after["Pairwise"]
    assert [r[:3] for r in new] == [r[:3] for r in old]
    changed = [(i + 1, o[3], n[3]) for i, (o, n) in enumerate(zip(old, new, strict=True)) if o != n]
    assert changed == [(7, 3, 0.5), (9, 2, 9)]
    assert {k: v for k, v in after.items() if k != "Pairwise"} == {
        k: v for k, v in before.items() if k != "Pairwise"
    }
    ahp = read_vendor_comparison(read_workbook(path)).ahp
    assert ahp is not None and ahp["Groups"].comparisons.value("Features", "Costs") == 9


def test_a_workbook_open_in_excel_is_said_in_the_status_and_left_as_it_was(
    tmp_path: Path,
) -> None:
    path = _copy(tmp_path, "literie-lenoir")
    content = path.read_bytes()
    (tmp_path / "~$workbook.xlsx").write_bytes(b"")  # Excel's lock file
    workshop = weights_workshop(path)
    workshop.save()
    assert "#C00000" in workshop.status.value and "~$workbook.xlsx" in workshop.status.value
    assert path.read_bytes() == content


def test_no_criteria_is_said_in_the_workshop_not_raised(tmp_path: Path) -> None:
    path = _copy(tmp_path, "northwind-retail")
    overwrite(path, "Criteria", {f"{c}{r}": None for c in "ABCDEFG" for r in range(10, 20)})
    workshop = weights_workshop(path)
    assert workshop.forms == {}
    (message,) = workshop.widget.children
    assert "Criteria" in message.value and "#C00000" in message.value


def test_a_single_criterion_leaves_nothing_to_compare_and_says_what_to_do() -> None:
    start = WorkshopCriteria({"Features": ["Campaigns"]}, {}, {})
    workshop = WeightsWorkshop(start, lang="fr")
    (message,) = workshop.widget.children
    text = html.unescape(message.value)
    assert f"Rien à comparer pour l'instant{NB}: listez au moins deux critères" in text
    assert f"«{NNB}Critères{NNB}»" in text


# --- the order of the browser's messages ----------------------------------------------------------
# A slider moved by two key presses, then "Save" or "Undo" clicked at once: the browser holds the
# second position back while the first is in the kernel, and sends the click at once; the kernel
# gets the first position, the click, then the second (crmwb.workshop.gestures).


def test_save_clicked_at_once_after_a_move_saves_the_position_on_screen(tmp_path: Path) -> None:
    """Fonctionnel moved two steps towards "×3" over Coûts (positions 7 then 6 of Saaty's
    scale, the middle 8 being "equal"), Save clicked between the two: the workbook gets 3 for
    Fonctionnel / Coûts, not the 2 of the first step."""
    path = _copy(tmp_path, "literie-lenoir")
    workshop = weights_workshop(path)
    slider = workshop.forms["Groups"].sliders[("Fonctionnel", "Coûts")]
    assert slider.value == MIDDLE == 8

    async def browser() -> None:
        from_browser(slider, value=7)
        click(workshop.save_button)
        later_from_browser(slider, value=6)
        await settled(workshop.gestures)

    asyncio.run(browser())
    assert (position_to_ratio(7), position_to_ratio(6)) == (2, 3)
    rows = [r[:4] for r in _sheet_values(path)["Comparaisons"][5:] if any(r)]
    assert rows[0] == ("Groupes", "Fonctionnel", "Coûts", 3)
    assert [r[3] for r in rows[1:]] == [1] * 6  # the other pairs, untouched: equal
    assert "7 comparaisons enregistrées" in workshop.status.value


def test_undo_clicked_at_once_after_a_move_undoes_that_move() -> None:
    """a1 moved to ×3 over a2 and left there; then A moved two steps towards ×3 over B, Undo
    clicked between the two: A / B is back to equal, a1 / a2 stays at ×3 (3/4 and 1/4), and
    the overall weights say so (a1 = 1/2 x 3/4, b1 = 1/2)."""
    workshop = _two_groups()
    groups = workshop.forms["Groups"].sliders[("A", "B")]
    within = workshop.forms["A"].sliders[("a1", "a2")]

    async def browser() -> None:
        from_browser(within, value=ratio_to_position(3))
        await settled(workshop.gestures)
        from_browser(groups, value=7)
        click(workshop.undo_button)
        later_from_browser(groups, value=6)
        await settled(workshop.gestures)

    asyncio.run(browser())
    assert (groups.value, within.value) == (MIDDLE, ratio_to_position(3))
    assert workshop.overall_weights() == pytest.approx(
        {("A", "a1"): 0.375, ("A", "a2"): 0.125, ("B", "b1"): 0.5}
    )
    assert "undone" in workshop.status.value


def test_positions_held_back_one_after_the_other_all_reach_the_save() -> None:
    """A browser busy or far away: a drag's positions come 0.15 s, then 0.2 s after the one
    before, the last one after the workshop's usual wait: the save gets the last one."""
    saved: list[dict[str, PairwiseComparisons]] = []

    def on_save(comparisons: dict[str, PairwiseComparisons]) -> str:
        saved.append(comparisons)
        return "saved"

    workshop = _two_groups(on_save=on_save)
    slider = workshop.forms["Groups"].sliders[("A", "B")]

    async def browser() -> None:
        from_browser(slider, value=10)  # B x3
        click(workshop.save_button)
        later_from_browser(slider, 0.15, value=11)  # B x4
        later_from_browser(slider, 0.35, value=12)  # B x5
        await settled(workshop.gestures)

    asyncio.run(browser())
    assert [s["Groups"].value("B", "A") for s in saved] == [5]


def _shown_weights(result_html: str) -> dict[str, float]:
    """The weights a form's table shows, as fractions: {"Coûts": 0.182, ...}."""
    cells = re.findall(r"<td[^>]*>([^<]*)</td><td[^>]*>([^<]*)</td>", result_html)
    return {
        name: float(shown.replace(NB, "").rstrip("%").replace(",", ".")) / 100
        for name, shown in cells
    }


def test_an_inconsistent_form_lists_what_to_revise_in_the_words_of_its_sliders() -> None:
    """Literie Lenoir's groups: Fonctionnel x3 over Coûts, Utilisation et support x4 over
    Fonctionnel, the rest equal. The table shows the weights under their headings; the ratio
    is above 0.10, and the three comparisons furthest from the weights are listed, each as its
    slider says it and as the weights shown would: Utilisation et support / Fonctionnel =
    36.8 / 23.5 = 1.6, Fonctionnel / Coûts = 23.5 / 18.2 = 1.3, Utilisation et support / Coûts =
    36.8 / 18.2 = 2."""
    workshop = weights_workshop(EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx")
    form = workshop.forms["Groups"]
    form.sliders[("Fonctionnel", "Coûts")].value = ratio_to_position(3)
    form.sliders[("Fonctionnel", "Utilisation et support")].value = ratio_to_position(1 / 4)
    shown = html.unescape(form.result_view.value)
    assert "<th style='text-align:left;padding:2px 8px'>Groupe</th>" in shown
    assert "<th style='text-align:right;padding:2px 8px'>Poids</th>" in shown
    weights = _shown_weights(shown)
    assert weights == pytest.approx(
        {
            "Utilisation et support": 0.368,
            "Fonctionnel": 0.235,
            "Intégration": 0.216,
            "Coûts": 0.182,
        }
    )
    assert list(weights) == ["Utilisation et support", "Fonctionnel", "Intégration", "Coûts"]
    assert f"Ratio de cohérence 0,236 (incohérent{NB}: à revoir{NNB}; seuil 0,10)" in shown
    assert f"Revoyez d'abord les comparaisons les plus éloignées des poids{NB}:" in shown
    use, functional, costs = (
        weights[n] for n in ("Utilisation et support", "Fonctionnel", "Coûts")
    )
    said = [
        f"{round(r, 1):.1f}".replace(".", ",").removesuffix(",0")
        for r in (use / functional, functional / costs, use / costs)
    ]
    assert said == ["1,6", "1,3", "2"]
    assert re.findall(r"<li>(.*?)</li>", shown) == [
        f"Fonctionnel / Utilisation et support{NB}: Utilisation et support ×4 sur le curseur{NNB}; "
        f"Utilisation et support ×{said[0]} serait cohérent avec les poids",
        f"Fonctionnel / Coûts{NB}: Fonctionnel ×3 sur le curseur{NNB}; "
        f"Fonctionnel ×{said[1]} serait cohérent avec les poids",
        f"Coûts / Utilisation et support{NB}: Coûts = Utilisation et support sur le curseur{NNB}; "
        f"Utilisation et support ×{said[2]} serait cohérent avec les poids",
    ]
    # back to consistent: no list
    form.sliders[("Fonctionnel", "Utilisation et support")].value = MIDDLE
    form.sliders[("Fonctionnel", "Coûts")].value = MIDDLE
    assert "<li>" not in form.result_view.value and "Revoyez" not in form.result_view.value
    # a group's own form says whose criteria it compares, its weights within the group
    within = workshop.forms["Utilisation et support"]
    assert within.widget.children[0].value == (
        f"<h3>Critères du groupe «{NNB}Utilisation et support{NNB}»</h3>"
    )
    assert ">Poids dans le groupe</th>" in within.result_view.value

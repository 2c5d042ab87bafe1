"""The workshop's pairwise sliders, driven as the consultant would, without a browser."""

from __future__ import annotations

import pytest

from crmwb.weights import PairwiseComparisons
from crmwb.widgets import PairwiseForm, position_label, position_to_ratio, ratio_to_position


@pytest.mark.parametrize(("ratio", "position"), [(9, 0), (3, 6), (1, 8), (1 / 3, 10), (1 / 9, 16)])
def test_slider_positions_are_saatys_scale(ratio, position):
    assert ratio_to_position(ratio) == position
    assert position_to_ratio(position) == pytest.approx(ratio)


def test_labels_say_which_side_wins():
    assert position_label(6, "Features", "Price") == "Features x3"
    assert position_label(12, "Features", "Price") == "Price x5"
    assert position_label(8, "Features", "Price") == "Features = Price"


def test_moving_sliders_updates_weights_and_consistency_live():
    form = PairwiseForm(["Features", "Price", "Support"])
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


def test_initial_comparisons_set_the_sliders_and_save_hands_them_over():
    initial = PairwiseComparisons.from_upper_triangle(["A", "B"], [[5]])
    saved: list[PairwiseComparisons] = []

    def on_save(comparisons: PairwiseComparisons) -> str:
        saved.append(comparisons)
        return "saved 1 comparison"

    form = PairwiseForm(["A", "B"], initial, on_save)
    assert form.sliders[("A", "B")].value == ratio_to_position(5)
    form.save()
    assert saved[0].value("A", "B") == 5 and saved[0].value("B", "A") == pytest.approx(0.2)
    assert form.status.value == "saved 1 comparison"


def test_forms_save_their_scope_back_to_the_workbook_and_keep_the_rest(tmp_path):
    import shutil

    from crmwb.paths import EXAMPLES_DIR
    from crmwb.widgets import weight_forms
    from crmwb.workbook import read_workbook

    path = tmp_path / "workbook.xlsx"
    shutil.copy(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx", path)
    before = read_workbook(path).read_vendor_comparison()
    forms = {f.items: f for f in weight_forms(path, before)}
    groups = next(f for f in forms.values() if set(f.items) == set(before.group_weights))
    # the consultant makes the first group 9 times as important as the second
    first, second = groups.items[0], groups.items[1]
    groups.sliders[(first, second)].value = ratio_to_position(9)
    groups.save()
    assert groups.status.value.startswith("saved")
    after = read_workbook(path).read_vendor_comparison()
    assert after.ahp is not None
    assert after.ahp["Groups"].comparisons.value(first, second) == 9
    # the other scopes, the scores and the TCO sheet are as they were
    for scope, result in (before.ahp or {}).items():
        if scope != "Groups":
            assert after.ahp[scope].priorities == pytest.approx(result.priorities)
    assert after.score_sheet.scores == before.score_sheet.scores
    assert (
        read_workbook(path).read_tco()
        == read_workbook(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx").read_tco()
    )

"""The journey workshop, driven as the consultant would, without a browser (the weights
workshop: test_weights_workshop.py)."""

from __future__ import annotations

import base64
import re
import shutil
from dataclasses import replace

from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.journey.model import Channel, Journey, Path, Perception, Persona, Stage, Touchpoint
from crmwb.journey.sheets import read_journey
from crmwb.workbook.reader import read_workbook
from crmwb.workshop.journey import NEW, JourneyEditor, journey_editor, put_touchpoint, remove_item

# --- the journey workshop ------------------------------------------------------------------------


def _journey():
    return Journey(
        stages=(Stage("Discovery"), Stage("Purchase")),
        channels=(Channel("Web site"), Channel("Store")),
        touchpoints=(
            Touchpoint(
                "T01", "Discovery", "Web site", "Product pages", Perception.SATISFACTION, 1, 3
            ),
            Touchpoint("T02", "Purchase", "Store", "Checkout", Perception.FRICTION, -1, 5, 2),
        ),
        personas=(Persona("Anna"),),
        paths=(Path("Anna", ("T01", "T02")),),
    )


def _svg(chart_html: str) -> str:
    """The SVG text of the chart the editor shows (an embedded base64 image)."""
    data = re.search(r"base64,([^\"]+)", chart_html).group(1)
    return base64.b64decode(data).decode()


def _editor(journey=None, saved=None):
    ctx = Context("Client", "en")

    def on_save(j):
        saved.append(j)
        return "saved"

    return JourneyEditor(journey or _journey(), ctx, on_save if saved is not None else None)


def test_adding_a_touchpoint_from_the_form_redraws_the_grid():
    editor = _editor()
    before = editor.redraws
    editor.touchpoint_select.value = NEW
    assert editor.tp_id.value == "T03"  # the next free id is offered
    editor.tp_stage.value, editor.tp_channel.value = "Purchase", "Web site"
    editor.tp_description.value = "Payment page"
    editor.tp_perception.value = "disappointment"
    editor.tp_importance.value, editor.tp_emotion.value = 4, -2
    editor.save_touchpoint()
    added = editor.journey.touchpoint("T03")
    assert (added.stage, added.channel, added.importance, added.performance) == (
        "Purchase",
        "Web site",
        4,
        None,
    )
    assert added.perception is Perception.DISAPPOINTMENT
    assert editor.redraws > before
    assert "T03" in _svg(editor.chart.value)
    assert editor.touchpoint_select.value == "T03"


def test_sliders_of_an_existing_touchpoint_apply_live_and_undo_as_one_step():
    editor = _editor()
    editor.touchpoint_select.value = "T02"
    editor.tp_importance.value = 4
    editor.tp_importance.value = 3
    editor.tp_rated.value = False
    tp = editor.journey.touchpoint("T02")
    assert (tp.importance, tp.performance) == (3, None)
    editor.undo()  # one step: back to importance 5, performance 2
    tp = editor.journey.touchpoint("T02")
    assert (tp.importance, tp.performance) == (5, 2)
    assert editor.tp_importance.value == 5  # the form shows the restored touchpoint


def test_an_invalid_change_is_refused_with_the_reason_and_nothing_changes():
    editor = _editor()
    journey = editor.journey
    editor.stage_select.value = "Purchase"
    editor.remove("stage")  # T02 still sits on it
    assert editor.journey == journey
    assert "stage" in editor.status.value and "#C00000" in editor.status.value
    editor.persona_select.value = "Anna"
    editor.persona_path.value = "T01, T99"
    editor.save_persona()
    assert editor.journey == journey
    assert "T99" in editor.status.value


def test_renaming_a_stage_carries_over_to_its_touchpoints():
    editor = _editor()
    editor.stage_select.value = "Purchase"
    editor.stage_name.value = "Buying"
    editor.save_stage()
    assert editor.journey.stage_names == ("Discovery", "Buying")
    assert editor.journey.touchpoint("T02").stage == "Buying"
    assert list(editor.tp_stage.options) == ["Discovery", "Buying"]


def test_persona_path_and_save_callback():
    saved = []
    editor = _editor(saved=saved)
    editor.persona_select.value = NEW
    editor.persona_name.value = "Bruno"
    editor.persona_path.value = "T02; T01"
    editor.save_persona()
    assert editor.journey.paths[-1] == Path("Bruno", ("T02", "T01"))
    editor.save()
    assert saved == [editor.journey]
    assert "saved" in editor.status.value


def test_remove_touchpoint_leaves_the_paths_through_it():
    journey = _journey()
    after = remove_item(journey, "touchpoint", "T01")
    assert after.paths == (Path("Anna", ("T02",)),)
    assert put_touchpoint(journey, "T01", replace(journey.touchpoint("T01"), id="T10")).paths == (
        Path("Anna", ("T10", "T02")),
    )


JOURNEY_SHEETS = {"Stages", "Channels", "Segments", "Touchpoints", "Personas", "Paths"}


def _values(path):
    """Every cell value of every sheet but the journey's, sheet by sheet."""
    wb = load_workbook(path)
    return {
        ws.title: [[c.value for c in row] for row in ws.iter_rows()]
        for ws in wb.worksheets
        if ws.title not in JOURNEY_SHEETS
    }


def test_workshop_round_trip_keeps_every_other_sheet(tmp_path):
    """Edit in the widgets, save, reload: the journey is what was edited, every other sheet
    (About, TCO, vendors, ROI, the plan, the hidden Lists) has the same values cell by cell,
    and the previous file is in backups/."""
    path = tmp_path / "northwind-retail" / "workbook.xlsx"
    path.parent.mkdir()
    shutil.copy(EXAMPLES_DIR / "northwind-retail" / "workbook.xlsx", path)
    before = _values(path)
    original = path.read_bytes()
    editor = journey_editor(path)
    editor.touchpoint_select.value = "T05"
    editor.tp_importance.value = 1
    editor.touchpoint_select.value = NEW
    editor.tp_stage.value, editor.tp_channel.value = "Delivery", "SMS"
    editor.tp_description.value = "Courier's arrival window by SMS"
    editor.tp_perception.value = "friction"
    editor.save_touchpoint()
    editor.save()
    assert "saved" in editor.status.value.lower()
    reread = read_journey(read_workbook(path))
    assert reread == editor.journey
    assert reread.touchpoint("T05").importance == 1
    assert reread.touchpoint("T41").description == "Courier's arrival window by SMS"
    assert _values(path) == before
    backups = list((path.parent / "backups").glob("workbook-*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == original

"""The journey workshop driven as the consultant would, without a browser: widget values set and
buttons clicked, or the messages a browser sends handed to the kernel's comm manager in the order a
browser may send them (the weights workshop: test_weights_workshop.py)."""

from __future__ import annotations

import asyncio
import base64
import html
import re
import shutil
from dataclasses import replace
from functools import partial

import pytest
from openpyxl import load_workbook
from widget_messages import ROUND_TRIP, click, from_browser, later_from_browser

from crmwb.core.errors import render
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.views import Context
from crmwb.journey.model import (
    ALL_SEGMENTS,
    Channel,
    Journey,
    Path,
    Perception,
    Persona,
    Segment,
    Stage,
    Touchpoint,
)
from crmwb.journey.sheets import read_journey
from crmwb.workbook.reader import read_workbook
from crmwb.workshop.journey import (
    NEW,
    JourneyEditor,
    journey_editor,
    put_touchpoint,
    remove_item,
    still_used,
)


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


def _said(editor):
    """The editor's status line as the consultant reads it."""
    return html.unescape(re.sub("<[^>]+>", "", editor.status.value))


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
    editor.tp_performance.value = 0  # not rated
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
    assert "#C00000" in editor.status.value
    assert _said(editor) == (
        "stage 'Purchase' still holds touchpoint T02: move it to another stage or remove it first"
    )
    editor.stage_name.value = "Discovery"  # a name taken
    editor.save_stage()
    assert editor.journey == journey
    assert _said(editor) == "there is already a stage 'Discovery'"


def test_renaming_a_stage_carries_over_to_its_touchpoints():
    editor = _editor()
    editor.stage_select.value = "Purchase"
    editor.stage_name.value = "Buying"
    editor.save_stage()
    assert editor.journey.stage_names == ("Discovery", "Buying")
    assert editor.journey.touchpoint("T02").stage == "Buying"
    assert [value for _, value in editor.tp_stage.options] == ["Discovery", "Buying"]
    assert _said(editor) == "stage 'Buying' updated"


def test_persona_path_and_save_callback():
    saved = []
    editor = _editor(saved=saved)
    editor.persona_select.value = NEW
    editor.persona_name.value = "Bruno"
    editor.persona_path.value = ["T02", "T01"]
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


# --- the order of the browser's messages ----------------------------------------------------------
# A browser holds a widget's new value back while an earlier update of that widget is in the
# kernel, and sends a button's click at once: the kernel can get "the first letters typed, the
# click, then the rest of the text" (crmwb.workshop.gestures). These tests hand the kernel's comm
# manager the messages a browser sends, in that order, on a running event loop.


async def _settled(editor):
    """Once the editor has done every gesture and every edit waiting for a pause in typing."""
    for _ in range(250):
        await asyncio.sleep(0.02)
        if not editor.gestures.waiting and not editor.typing.waiting:
            return
    raise AssertionError("the editor still waits")


def _type_and_add(editor, kind, box, first, rest, chosen=None):
    """Choose "(new)" in the ``kind`` form (then the drop-downs' values ``chosen``, by
    attribute), type ``first`` then ``rest`` in ``box`` and click "Add / update" at once: the
    kernel gets ``first``, the click, then the text as shown, a round trip later. Returns the
    editor's journey after it all."""

    async def browser():
        from_browser(getattr(editor, f"{kind}_select"), index=0)  # (new)
        await _settled(editor)
        for name, value in (chosen or {}).items():
            getattr(editor, name).value = value
        from_browser(box, value=first)
        click(editor.add_buttons[kind])
        later_from_browser(box, value=first + rest)
        await _settled(editor)

    asyncio.run(browser())
    return editor.journey


@pytest.mark.parametrize(
    ("kind", "box", "names"),
    [
        ("stage", "stage_name", lambda j: j.stage_names),
        ("channel", "channel_name", lambda j: j.channel_names),
        ("segment", "segment_name", lambda j: [s.name for s in j.segments]),
        ("persona", "persona_name", lambda j: [p.name for p in j.personas]),
    ],
)
def test_a_click_arriving_before_the_last_text_typed_adds_the_text_on_screen(kind, box, names):
    editor = _editor()
    journey = _type_and_add(editor, kind, getattr(editor, box), "Loy", "alty")
    assert names(journey)[-1] == "Loyalty"
    assert "Loy" not in names(journey)


def test_a_touchpoint_added_at_once_has_the_description_on_screen():
    editor = _editor()
    chosen = {"tp_stage": "Purchase", "tp_channel": "Web site", "tp_perception": "friction"}
    journey = _type_and_add(editor, "touchpoint", editor.tp_description, "Pay", "ment page", chosen)
    assert journey.touchpoint("T03").description == "Payment page"
    editor.undo()  # added as typed, in one change (not "Pay", then corrected)
    assert [tp.id for tp in editor.journey.touchpoints] == ["T01", "T02"]


def test_save_clicked_while_the_typing_waits_saves_the_text_on_screen():
    """An existing touchpoint's description applies once the typing pauses; "Save" clicked
    before the pause (and before the last letters arrived) saves the whole text."""
    saved = []
    editor = _editor(saved=saved)

    async def browser():
        from_browser(editor.touchpoint_select, index=1)  # T01
        await _settled(editor)
        from_browser(editor.tp_description, value="Product pages, slow")
        click(editor.save_button)
        later_from_browser(editor.tp_description, value="Product pages, slow to load")
        await _settled(editor)

    asyncio.run(browser())
    assert [j.touchpoint("T01").description for j in saved] == ["Product pages, slow to load"]
    editor.undo()  # the typing was one change
    assert editor.journey.touchpoint("T01").description == "Product pages"


def test_text_typed_before_choosing_another_touchpoint_stays_with_the_one_it_was_typed_in():
    editor = _editor()

    async def browser():
        from_browser(editor.touchpoint_select, index=1)  # T01
        await _settled(editor)
        from_browser(editor.tp_description, value="Product pages, slow")
        from_browser(editor.touchpoint_select, index=2)  # T02, before the last letters
        later_from_browser(editor.tp_description, value="Product pages, slow to load")
        await _settled(editor)

    asyncio.run(browser())
    assert editor.journey.touchpoint("T01").description == "Product pages, slow to load"
    assert editor.journey.touchpoint("T02").description == "Checkout"
    assert editor.tp_description.value == "Checkout"  # the form shows T02


def test_typing_applies_once_it_pauses_and_keeps_the_space_typed_last():
    editor = _editor()

    async def browser():
        from_browser(editor.touchpoint_select, index=1)  # T01
        await _settled(editor)
        before = editor.redraws
        for text in ("Product pages,", "Product pages, slow", "Product pages, slow "):
            from_browser(editor.tp_description, value=text)
            await asyncio.sleep(ROUND_TRIP)
        await _settled(editor)
        return before

    before = asyncio.run(browser())
    assert editor.journey.touchpoint("T01").description == "Product pages, slow"
    assert editor.redraws == before + 1  # one redraw for the three keystrokes
    assert editor.tp_description.value == "Product pages, slow "  # as typed: still typing


def test_an_item_chosen_after_the_click_does_not_change_what_the_click_does():
    """The stage Purchase renamed, "Add / update" clicked, then "(new)" chosen before the click's
    action ran: Purchase is renamed (not a stage added), and the form shows "(new)"."""
    editor = _editor()

    async def browser():
        from_browser(editor.stage_select, index=2)  # Purchase
        await _settled(editor)
        from_browser(editor.stage_name, value="Buying")
        click(editor.add_buttons["stage"])
        from_browser(editor.stage_select, index=0)  # (new), at once
        await _settled(editor)

    asyncio.run(browser())
    assert editor.journey.stage_names == ("Discovery", "Buying")
    assert editor.stage_select.value == NEW and editor.stage_name.value == ""


def test_values_held_back_one_after_the_other_all_reach_the_click():
    """A browser busy or far away: the text typed before the click comes in two parts, each
    a slow round trip (0.15 s, then 0.2 s) after the one before, the last one after the
    workshop's usual wait; the stage added is the whole name."""
    editor = _editor()

    async def browser():
        loop = asyncio.get_running_loop()
        from_browser(editor.stage_name, value="Loy")
        click(editor.add_buttons["stage"])
        loop.call_later(0.15, partial(from_browser, editor.stage_name, value="Loyal"))
        loop.call_later(0.35, partial(from_browser, editor.stage_name, value="Loyalty"))
        await _settled(editor)

    asyncio.run(browser())
    assert editor.journey.stage_names[-1] == "Loyalty"


# --- forms a consultant drives with the client watching ---------------------------------------


def _french_editor(journey=None):
    return JourneyEditor(journey or _journey(), Context("Client", "fr"))


def test_a_new_touchpoint_starts_blank_whatever_was_shown_before():
    editor = _french_editor()
    editor.touchpoint_select.value = "T02"  # a friction at the store, importance 5, rated 2
    assert (editor.tp_stage.value, editor.tp_importance.value) == ("Purchase", 5)
    editor.touchpoint_select.value = NEW
    assert editor.tp_id.value == "T03"
    assert (editor.tp_stage.value, editor.tp_channel.value, editor.tp_perception.value) == (
        None,
        None,
        None,
    )
    assert editor.tp_segment.value == ALL_SEGMENTS and editor.tp_segment.label == (
        "Tous les segments"
    )
    assert (editor.tp_emotion.value, editor.tp_importance.value) == (0, 3)
    assert (editor.tp_performance.value, editor.tp_performance.label) == (0, "non notée")
    assert editor.tp_description.value == ""


def test_a_touchpoint_added_without_its_choices_says_which_then_confirms_once_chosen():
    editor = _french_editor()
    journey = editor.journey
    editor.tp_stage.value = "Purchase"
    editor.save_touchpoint()
    assert editor.journey == journey
    assert "#C00000" in editor.status.value
    assert _said(editor) == "encore à choisir pour ce point de contact\u00a0: Canal, Perception"
    editor.tp_channel.value = "Store"  # being put right: the error goes
    assert _said(editor) == ""
    editor.tp_perception.value = "disappointment"
    editor.save_touchpoint()
    assert editor.journey.touchpoint("T03").perception is Perception.DISAPPOINTMENT
    # the error gone, the addition confirmed
    assert _said(editor) == "point de contact «\u202fT03\u202f» ajouté"
    assert "#C00000" not in editor.status.value


def test_perceptions_are_offered_in_the_words_of_the_grid_legend():
    editor = _french_editor()
    assert [label for label, _ in editor.tp_perception.options] == [
        "Satisfaction",
        "Friction",
        "Déception",
    ]


def test_adding_updating_and_removing_are_confirmed_in_the_consultants_words():
    editor = _french_editor()
    editor.stage_select.value = NEW
    editor.stage_name.value = "Fidélisation"
    editor.save_stage()
    assert _said(editor) == "étape «\u202fFidélisation\u202f» ajoutée"
    editor.stage_description.value = "après l'achat"
    editor.save_stage()
    assert _said(editor) == "étape «\u202fFidélisation\u202f» mise à jour"
    editor.remove("stage")
    assert _said(editor) == "étape «\u202fFidélisation\u202f» supprimée"
    assert editor.journey.stage_names == ("Discovery", "Purchase")
    editor.channel_select.value = "Store"
    editor.channel_name.value = "Web site"  # taken
    editor.save_channel()
    assert _said(editor) == "un canal «\u202fWeb site\u202f» existe déjà"


def test_what_still_holds_an_item_is_said_before_removing_it():
    journey = replace(
        _journey(),
        segments=(Segment("Pros", channels=("Store",), stages=("Purchase", "Discovery")),),
        personas=(Persona("Anna", "Pros"),),
        touchpoints=tuple(replace(tp, segment="Pros") for tp in _journey().touchpoints[:1])
        + _journey().touchpoints[1:],
    )
    said = {
        (kind, name): None if why is None else render(why, "fr")
        for kind, name in [
            ("stage", "Purchase"),
            ("channel", "Web site"),
            ("segment", "Pros"),
            ("touchpoint", "T01"),
            ("persona", "Anna"),
        ]
        for why in [still_used(journey, kind, name)]
    }
    assert said == {
        ("stage", "Purchase"): "l'étape «\u202fPurchase\u202f» porte encore le point de contact "
        "T02\u00a0: changez-le d'étape ou supprimez-le d'abord",
        ("channel", "Web site"): "le canal «\u202fWeb site\u202f» porte encore le point de "
        "contact T01\u00a0: changez-le de canal ou supprimez-le d'abord",
        ("segment", "Pros"): "le point de contact T01 sert encore le segment «\u202fPros\u202f»"
        "\u00a0: changez son segment ou supprimez-le d'abord",
        ("touchpoint", "T01"): None,
        ("persona", "Anna"): None,
    }
    # with no touchpoint left on them: the segments covering them, the personas of a segment
    bare = replace(journey, touchpoints=(), paths=())
    assert render(still_used(bare, "stage", "Discovery"), "fr") == (
        "le segment «\u202fPros\u202f» ne couvre que certaines étapes, dont "
        "«\u202fDiscovery\u202f»\u00a0: retirez-la de ses étapes d'abord"
    )
    assert render(still_used(bare, "segment", "Pros"), "en") == (
        "persona 'Anna' still belongs to segment 'Pros': change its segment first"
    )
    two = replace(
        _journey(),
        touchpoints=tuple(replace(tp, stage="Purchase") for tp in _journey().touchpoints),
    )
    assert render(still_used(two, "stage", "Purchase"), "en") == (
        "stage 'Purchase' still holds touchpoints T01, T02: move them to another stage or "
        "remove them first"
    )
    assert still_used(two, "stage", "Discovery") is None


def test_a_segments_channels_and_stages_are_picked_among_the_journeys():
    editor = _french_editor()
    assert editor.segment_channels.allowed_tags == ["Web site", "Store"]
    assert editor.segment_stages.allowed_tags == ["Discovery", "Purchase"]
    assert editor.persona_path.allowed_tags == ["T01", "T02"]
    editor.segment_select.value = NEW
    editor.segment_name.value = "Pros"
    editor.segment_channels.value = ["Store"]
    editor.save_segment()
    assert editor.journey.segments == (Segment("Pros", channels=("Store",)),)
    # a channel renamed: the pick list and the segment's channels follow
    editor.channel_select.value = "Store"
    editor.channel_name.value = "Shop"
    editor.save_channel()
    assert editor.segment_channels.allowed_tags == ["Web site", "Shop"]
    assert editor.journey.segments[0].channels == ("Shop",)
    assert editor.segment_channels.value == ["Shop"]  # the form shows the segment as it is


def test_each_forms_labels_are_as_wide_as_the_longest_of_their_column():
    editor = _french_editor()
    first_column = (editor.touchpoint_select, editor.tp_stage, editor.tp_description)
    # « Point de contact », 16 letters, sets its column: 16 x 0.6 + 1 em
    assert {field.style.description_width for field in first_column} == {"10.6em"}
    # « Identifiant », 11 letters, the second: 11 x 0.6 + 1 em
    assert {f.style.description_width for f in (editor.tp_id, editor.tp_channel)} == {"7.6em"}
    # the ratings on a line of their own: « Performance », 11 letters, in the third column
    assert editor.tp_emotion.style.description_width == "5.2em"  # « Émotion », 7 letters
    assert editor.tp_performance.style.description_width == "7.6em"

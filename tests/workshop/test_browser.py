"""The journey workshop in a real browser, as a consultant uses it: JupyterLab started on a copy
of an example client, the notebook run, a stage typed and added at once, a touchpoint's
description typed and a slider moved, undone, done again, saved; then the workbook read back.

One JupyterLab server and one browser, shared with the weights workshop's browser test
(conftest.py); each language's client in a page of its own. Skipped without Debian's chromium or
the playwright package (``make install`` brings both).
"""

from __future__ import annotations

import pytest
from lab_browser import Workshop, browser_missing, cell_values, message_pattern, workshop_copy

from crmwb.core.i18n import t
from crmwb.journey.sheets import read_journey
from crmwb.run.clients import load_client
from crmwb.workbook.reader import read_workbook

MISSING = browser_missing()
# one worker for both browser modules (conftest.py's server and browser), whatever the group
# tests/conftest.py gives a module's tests
pytestmark = [
    pytest.mark.skipif(MISSING is not None, reason=MISSING or ""),
    pytest.mark.xdist_group("browser"),
]

ONE_WAY = 0.05
"""Seconds each message takes between the browser and the server, as to a remote server
(100 ms there and back): typed fast, a name's last letters then wait in the browser while its
first ones are in the kernel, and the click goes first (the race crmwb.workshop.gestures
handles; with the server on this machine, it comes up about once in ten fast tries)."""

TABS = ("stages", "channels", "segments", "touchpoints", "personas")

CUT_TEXTS = """() => Array.from(document.querySelectorAll(
    '.crmwb-workshop .widget-label, .crmwb-workshop .widget-button,'
    + ' .crmwb-workshop .widget-readout, .crmwb-workshop .widget-html-content div'))
  .filter(el => el.offsetParent !== null && el.scrollWidth > el.clientWidth + 1)
  .map(el => el.textContent.trim())"""
"""The texts of the workshop on screen cut by their box (a label « Point de c… »)."""

GRID_FIT = """() => {
  const grid = document.querySelector('.crmwb-workshop img.crmwb-grid').getBoundingClientRect();
  const output = document.querySelector('.crmwb-workshop').closest('.jp-OutputArea-output');
  const tabs = document.querySelector('.crmwb-workshop .widget-tab').getBoundingClientRect();
  const notebook = document.querySelector('.jp-NotebookPanel-notebook').getBoundingClientRect();
  return {grid_right: grid.right, output_right: output.getBoundingClientRect().right,
          grid_bottom: grid.bottom, form_top: tabs.top, notebook_height: notebook.height};
}"""
"""Where the grid ends, against the notebook's output width and its visible height."""

TYPED = {
    "literie-lenoir": ("Fidélisation après-vente", "revu en atelier, délai trop long"),
    "northwind-retail": ("After-sales loyalty", "reviewed in the workshop: too slow"),
}
"""Per client: the stage added, and the words added to a touchpoint's description."""


def edit(workshop: Workshop, description: str, importance_key: str) -> None:
    """Type ``description`` over the touchpoint's, and move the importance slider one step by
    keyboard (``ArrowRight`` or ``ArrowLeft``)."""
    box = workshop.field("description")
    box.click()
    box.press("Control+A")
    box.press_sequentially(description)
    workshop.handle("importance").focus()
    workshop.page.keyboard.press(importance_key)


@pytest.mark.parametrize("client", ["literie-lenoir", "northwind-retail"])
def test_what_is_typed_in_the_workshop_is_what_the_workbook_gets(lab, browser, client):
    folder, notebook = workshop_copy(lab.root, client)
    workbook = folder / "workbook.xlsx"
    original, before = workbook.read_bytes(), cell_values(workbook)
    lang = load_client(folder).about.language
    journey = read_journey(read_workbook(workbook))
    touchpoint = journey.touchpoints[len(journey.touchpoints) // 2]
    stage, words = TYPED[client]
    description = f"{touchpoint.description} ({words})"
    step = 1 if touchpoint.importance < 5 else -1
    importance = touchpoint.importance + step

    from playwright.sync_api import expect

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        workshop = Workshop.open(page, lab, notebook, lang)
        # on a 1280x720 projector, the file browser open: no word cut in any form, the grid
        # within the notebook's width, and the touchpoint form and the whole grid on screen
        # together
        for name in TABS:
            workshop.tab(name)
            page.wait_for_timeout(200)  # the tab laid out
            assert page.evaluate(CUT_TEXTS) == [], name
        workshop.tab("touchpoints")
        page.wait_for_timeout(200)
        fit = page.evaluate(GRID_FIT)
        assert fit["grid_right"] <= fit["output_right"] + 1, fit
        assert fit["grid_bottom"] - fit["form_top"] <= fit["notebook_height"], fit
        workshop.tab("stages")

        # a new stage typed fast, and added at once, the server as if 100 ms away: the click
        # reaches the kernel before the last letters, which must be there all the same
        lab.link.delay = ONE_WAY
        workshop.field("name").click()
        page.keyboard.type(stage)
        workshop.button("add_update").click()
        expect(workshop.chosen("stage")).to_have_text(stage)
        lab.link.delay = 0.0

        workshop.tab("touchpoints")
        workshop.field("touchpoint").select_option(label=touchpoint.id)
        expect(workshop.field("description")).to_have_value(touchpoint.description)
        readout = workshop.readout("importance")
        edit(workshop, description, "ArrowRight" if step > 0 else "ArrowLeft")
        expect(readout).to_have_text(str(importance))

        workshop.button("undo").click()
        expect(workshop.status).to_have_text(workshop.say("workshop.undone"))
        expect(workshop.field("description")).to_have_value(touchpoint.description)
        expect(readout).to_have_text(str(touchpoint.importance))
        # the touchpoint's edit undone, not the stage added before it
        expect(workshop.field("stage").locator("option", has_text=stage)).to_have_count(1)

        edit(workshop, description, "ArrowRight" if step > 0 else "ArrowLeft")
        workshop.button("save").click()
        expect(workshop.status).to_have_text(message_pattern("journey.saved", lang))
    finally:
        lab.link.delay = 0.0
        page.close()
        lab.stop_kernels()

    after = cell_values(workbook)
    changed = {
        where: (before.get(where), after.get(where))
        for where in before.keys() | after.keys()
        if before.get(where) != after.get(where)
    }
    # three cells changed, in every sheet: the stage's name, the description and importance
    where = {values: cell for cell, values in changed.items()}
    assert len(changed) == 3 and set(where) == {
        (None, stage),
        (touchpoint.description, description),
        (touchpoint.importance, importance),
    }, changed
    touchpoints = t("sheet.touchpoints", lang)
    assert where[None, stage][0] == t("sheet.stages", lang)
    sheet, row, _ = where[touchpoint.description, description]
    assert where[touchpoint.importance, importance][:2] == (sheet, row) == (touchpoints, row)
    assert touchpoint.id in [value for (s, r, _), value in after.items() if (s, r) == (sheet, row)]
    backups = list((folder / "backups").glob("*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == original

"""The weights workshop in a real browser, as a consultant uses it in front of the client:
JupyterLab started on a copy of an example client, the working copy that ``crmwb workshop CLIENT
weights`` writes opened and run, sliders moved by keyboard and by mouse, the weights, consistency
ratio and overall weights read on screen, a move undone, one made again and saved at once (the
server as if 100 ms away); then the workbook read back.

The positions, and where the numbers expected come from: a slider has 17 positions, 0 to 16, the
middle one (8) "equal", each key press one step. Two steps towards A's side (6) say "A ×3": the
workbook gets 3 for A / B; two towards B's (10) "B ×3": 1/3. Every move leaves its form
consistent, so its weights are those the comparisons give exactly: A ×3 over each of the three
others, the others equal, gives 3/6 = 50 % and 1/6 = 16.7 % each; two criteria, one ×3 over the
other: 3/4 and 1/4; ×5: 5/6 and 1/6. An overall weight is its group's weight times its weight
within the group.

One JupyterLab server and one browser, shared with the journey's browser test (conftest.py);
each language's client in a page of its own. Skipped without Debian's chromium or the playwright
package (``make install`` brings both).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Any

import pytest
from lab_browser import Workshop, browser_missing, cell_values, workshop_copy
from openpyxl import load_workbook

from crmwb.core.i18n import number, percent, t, tn
from crmwb.run.clients import load_client
from crmwb.vendors.criteria_sheets import criteria_for_workshop
from crmwb.workbook.reader import read_workbook

MISSING = browser_missing()
# one worker for both browser modules (conftest.py's server and browser), whatever the group
# tests/conftest.py gives a module's tests
pytestmark = [
    pytest.mark.skipif(MISSING is not None, reason=MISSING or ""),
    pytest.mark.xdist_group("browser"),
]

ONE_WAY = 0.05
"""Seconds each message takes between the browser and the server, as to a remote server (100
ms there and back): a slider's second step waits in the browser while its first is in the
kernel, and the click on Save goes first (the race crmwb.workshop.gestures handles)."""

NB = "\u00a0"


@dataclass(frozen=True)
class Moves:
    """What the test does to one client's workshop, and what it must show and save.

    ``keyboard``: (A, B, key, presses, what the slider then says), pairs of the groups' form,
    which leave the groups' weights ``groups`` (exact fractions). ``mouse``: (group, A, B,
    position, what the slider then says), a pair of ``group``'s form dragged to the mark at
    ``position``, which gives A and B the weights ``within``; then undone, back to the weights
    ``undone`` and the slider to ``undone_at`` (position, what it says).
    ``again``: (group, A, B, key, presses), moved by keyboard and saved at once, giving
    ``saved_within``. ``count``: the comparisons saved (every slider's). ``values``: the
    Pairwise sheet's value of every pair written, by (scope as the sheet writes it, A, B)."""

    keyboard: tuple[tuple[str, str, str, int, str], ...]
    groups: dict[str, Fraction]
    mouse: tuple[str, str, str, int, str]
    within: tuple[Fraction, Fraction]
    undone: tuple[Fraction, Fraction]
    undone_at: tuple[int, str]
    again: tuple[str, str, str, str, int]
    saved_within: tuple[Fraction, Fraction]
    count: int
    values: dict[tuple[str, str, str], float]


USE = "Utilisation et support"
EASE = "Ease of use & support"

MOVES = {
    # nothing compared yet: every slider at 8 (equal), every group 25 %
    "literie-lenoir": Moves(
        # Fonctionnel ×3 over each other group (8 -> 6): 3/6, and 1/6 for each of the others
        keyboard=(
            ("Fonctionnel", "Coûts", "ArrowLeft", 2, "Fonctionnel ×3"),
            ("Fonctionnel", USE, "ArrowLeft", 2, "Fonctionnel ×3"),
            ("Fonctionnel", "Intégration", "ArrowLeft", 2, "Fonctionnel ×3"),
        ),
        groups={
            "Fonctionnel": Fraction(1, 2),
            "Coûts": Fraction(1, 6),
            USE: Fraction(1, 6),
            "Intégration": Fraction(1, 6),
        },
        # Qualité du support ×3 (8 -> 10): 1/4 and 3/4; undone: 1/2 each
        mouse=(USE, "Facilité d'utilisation", "Qualité du support", 10, "Qualité du support ×3"),
        within=(Fraction(1, 4), Fraction(3, 4)),
        undone=(Fraction(1, 2), Fraction(1, 2)),
        undone_at=(8, "Facilité d'utilisation = Qualité du support"),
        # the same again, by keyboard this time (8 -> 10), and saved at once
        again=(USE, "Facilité d'utilisation", "Qualité du support", "ArrowRight", 2),
        saved_within=(Fraction(1, 4), Fraction(3, 4)),
        # the groups' 6 pairs, and the 2 criteria of Utilisation et support
        count=7,
        # the sheet was empty: all 7 pairs written, in the order of the criteria
        values={
            ("Groupes", "Fonctionnel", "Coûts"): 3,
            ("Groupes", "Fonctionnel", USE): 3,
            ("Groupes", "Fonctionnel", "Intégration"): 3,
            ("Groupes", "Coûts", USE): 1,
            ("Groupes", "Coûts", "Intégration"): 1,
            ("Groupes", USE, "Intégration"): 1,
            (USE, "Facilité d'utilisation", "Qualité du support"): 1 / 3,
        },
    ),
    # the workbook compares the groups Features / Costs / Ease / Integration as 2, 3, 2, 2, 1,
    # 1/2: all but Features / Ease (3) agree with weights 4 : 2 : 1 : 2
    "northwind-retail": Moves(
        # Features / Ease ×3 -> ×4 (6 -> 5): consistent, 4/9, 2/9, 1/9, 2/9
        keyboard=(("Features", EASE, "ArrowLeft", 1, "Features ×4"),),
        groups={
            "Features": Fraction(4, 9),
            "Costs": Fraction(2, 9),
            EASE: Fraction(1, 9),
            "Integration": Fraction(2, 9),
        },
        # 5-year TCO ×3 -> ×5 (6 -> 4): 5/6 and 1/6; undone: back to 3/4 and 1/4
        mouse=("Costs", "5-year TCO", "Implementation effort", 4, "5-year TCO ×5"),
        within=(Fraction(5, 6), Fraction(1, 6)),
        undone=(Fraction(3, 4), Fraction(1, 4)),
        undone_at=(6, "5-year TCO ×3"),
        # Ease of use for marketers ×2 -> ×4 (7 -> 5): 4/5 and 1/5
        again=(EASE, "Ease of use for marketers", "Vendor support", "ArrowLeft", 2),
        saved_within=(Fraction(4, 5), Fraction(1, 5)),
        # the groups' 6 pairs, Features' 3, Costs' 1, Ease's 1, Integration's 3
        count=14,
        # two values changed, in their rows; Costs' (3) was undone
        values={
            ("Groups", "Features", EASE): 4,
            (EASE, "Ease of use for marketers", "Vendor support"): 4,
        },
    ),
}


def texts(locator: Any) -> list[str]:
    """The text of each element ``locator`` finds, as on screen (no-break spaces kept)."""
    found: list[str] = locator.evaluate_all("found => found.map(e => e.textContent)")
    return found


def table(locator: Any, columns: int) -> dict[tuple[str, ...], str]:
    """A table shown: each row's last cell, by the cells before it."""
    cells = texts(locator.locator("td"))
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    return {tuple(row[:-1]): row[-1] for row in rows}


def wait_for(page: Any, condition: Any, what: str) -> None:
    """Until ``condition()`` holds (the screen shows what a gesture did), or fail saying
    ``what`` was not shown."""
    for _ in range(100):
        if condition():
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"not shown: {what}")


@pytest.mark.parametrize("client", ["literie-lenoir", "northwind-retail"])
def test_the_weights_set_with_the_client_are_what_the_workbook_gets(lab, browser, client):
    from playwright.sync_api import expect

    folder, notebook = workshop_copy(lab.root, client, "weights", under="weights")
    workbook = folder / "workbook.xlsx"
    original, before = workbook.read_bytes(), cell_values(workbook)
    lang = load_client(folder).about.language
    criteria = criteria_for_workshop(read_workbook(workbook)).groups
    moves = MOVES[client]

    def shown(weights: dict[Any, Fraction]) -> dict[Any, str]:
        """``weights`` as the workshop writes them: 16,7 % in French, 16.7% in English."""
        return {key: percent(float(weight), lang, decimals=1) for key, weight in weights.items()}

    def overall(within: dict[str, dict[str, Fraction]]) -> dict[tuple[str, str], str]:
        """The overall weights known exactly: each criterion of a group whose weights within
        are known (``within``, or a group of one criterion: all of it), its group's weight x
        its weight within the group."""
        for group, names in criteria.items():
            if len(names) == 1:
                within = {**within, group: {names[0]: Fraction(1)}}
        return shown(
            {
                (group, name): moves.groups[group] * share
                for group, shares in within.items()
                for name, share in shares.items()
            }
        )

    page = browser.new_page(viewport={"width": 1280, "height": 720})
    try:
        workshop = Workshop.open(page, lab, notebook, lang)
        results, overall_table = workshop.results(), workshop.overall
        at_first = table(results, 2), table(overall_table, 3)
        if client == "literie-lenoir":  # nothing compared yet: the four groups equal
            assert at_first[0] == {(g,): f"25,0{NB}%" for g in moves.groups}

        def consistent(group: str | None) -> None:
            verdict = t(
                "workshop.pairwise.consistent",
                lang,
                ratio=number(0, lang, decimals=3),
                threshold=number(0.10, lang, decimals=2),
            )
            expect(workshop.consistency(group)).to_have_text(verdict)
            assert texts(workshop.consistency(group)) == [verdict]  # its spaces as well

        def weights_shown(group: str | None, expected: dict[str, Fraction]) -> None:
            wanted = {(name,): text for name, text in shown(expected).items()}
            found = workshop.results(group)
            wait_for(page, lambda: table(found, 2) == wanted, f"weights {wanted}")

        def overall_shown(within: dict[str, dict[str, Fraction]]) -> None:
            wanted = overall(within)
            wait_for(
                page,
                lambda: wanted.items() <= table(overall_table, 3).items(),
                f"overall weights {wanted}",
            )

        # the groups compared by keyboard
        for first, second, key, presses, said in moves.keyboard:
            workshop.pair_handle(first, second).focus()
            for _ in range(presses):
                page.keyboard.press(key)
            expect(workshop.meaning(first, second)).to_have_text(said)
        weights_shown(None, moves.groups)
        consistent(None)
        group, first, second, position, said = moves.mouse
        overall_shown({group: dict(zip((first, second), moves.undone, strict=True))})
        assert table(overall_table, 3) != at_first[1]

        # a group's two criteria by mouse: the handle dragged to a mark of the scale
        handle = workshop.pair_handle(first, second, group)
        workshop.drag(handle, workshop.mark(first, second, group, position))
        expect(handle).to_have_attribute("aria-valuenow", f"{position}.0")
        expect(workshop.meaning(first, second, group)).to_have_text(said)
        within = dict(zip((first, second), moves.within, strict=True))
        weights_shown(group, within)
        consistent(group)
        overall_shown({group: within})

        # undone: the slider, the weights and the overall weights as before the drag; the
        # groups as the keyboard left them
        workshop.button("undo").click()
        expect(workshop.status).to_have_text(workshop.say("workshop.undone"))
        expect(handle).to_have_attribute("aria-valuenow", f"{moves.undone_at[0]}.0")
        expect(workshop.meaning(first, second, group)).to_have_text(moves.undone_at[1])
        undone = dict(zip((first, second), moves.undone, strict=True))
        weights_shown(group, undone)
        overall_shown({group: undone})
        weights_shown(None, moves.groups)

        # moved again by keyboard, and saved at once, the server as if 100 ms away: the click
        # reaches the kernel before the slider's last step, which must be saved all the same
        group, first, second, key, presses = moves.again
        assert workshop.workshop.locator(".noUi-handle").count() == moves.count
        lab.link.delay = ONE_WAY
        workshop.pair_handle(first, second, group).focus()
        for _ in range(presses):
            page.keyboard.press(key)
        workshop.button("save").click()
        saved = tn("pairwise.saved", moves.count, lang, count=moves.count, file=workbook.name)
        expect(workshop.status).to_have_text(saved)
        lab.link.delay = 0.0
        weights_shown(group, dict(zip((first, second), moves.saved_within, strict=True)))
    finally:
        lab.link.delay = 0.0
        page.close()
        lab.stop_kernels()

    # the workbook: only the Pairwise sheet's cells of the pairs set changed, to the values
    # of the positions set
    sheet = t("sheet.pairwise", lang)
    after = cell_values(workbook)
    changed = {
        where: (before.get(where), after.get(where))
        for where in before.keys() | after.keys()
        if before.get(where) != after.get(where)
    }
    assert {s for s, _, _ in changed} == {sheet}, changed
    rows = {
        row: tuple(after.get((sheet, row, column)) for column in (1, 2, 3, 4))
        for _, row, _ in changed
    }
    assert {values[:3]: values[3] for values in rows.values()} == pytest.approx(moves.values)
    if changed.keys() <= before.keys():  # pairs already on the sheet: their values alone
        assert {column for _, _, column in changed} == {4}
        assert len(changed) == len(moves.values)
    else:  # an empty sheet under its header: every pair written, in order, after the header
        header = max(row for s, row, _ in before if s == sheet)
        assert sorted(rows) == list(range(header + 1, header + 1 + len(moves.values)))
        assert [rows[row][:3] for row in sorted(rows)] == list(moves.values)
        assert not changed.keys() & before.keys()
    backups = list((folder / "backups").glob("*.xlsx"))
    assert len(backups) == 1 and backups[0].read_bytes() == original
    assert load_workbook(workbook).sheetnames == load_workbook(backups[0]).sheetnames

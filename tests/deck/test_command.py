"""The deck as the consultant gets it: ``crmwb run`` leaves ``deck.pptx`` in every run folder
(listed in the pack's index page), ``crmwb deck`` makes it again for another title, date, run or
template, and never overwrites a deck that is already there."""

from __future__ import annotations

import json

from deck_files import charts_of, overflows
from example_runs import crmwb
from pptx import Presentation

from crmwb.deck.build import DeckCover, build_deck
from crmwb.deck.files import deck_cover
from crmwb.deliver.results import load_results
from crmwb.run.clients import load_client

NB = "\u00a0"


def test_crmwb_run_leaves_a_deck_in_the_run_folder_and_the_pack_links_it(french_runs):
    for client in ("literie-lenoir", "northwind-retail"):
        run = french_runs / client / "latest"
        manifest = json.loads((run / "manifest.json").read_text(encoding="utf-8"))
        assert manifest["deck"]["status"] == "ok", manifest["deck"]
        deck = Presentation(str(run / "deck.pptx"))
        assert len(deck.slides) > 5
        assert 'href="deck.pptx"' in (run / "index.html").read_text(encoding="utf-8")
    first = Presentation(str(french_runs / "literie-lenoir" / "latest" / "deck.pptx")).slides[0]
    texts = [shape.text_frame.text for shape in first.shapes if shape.has_text_frame]
    # the About sheet's mission and committee (data/examples/build_examples.py)
    assert texts[0] == "Choix et déploiement du CRM"
    assert "Comité de pilotage du 10 décembre 2026" in texts[1]


def test_crmwb_deck_never_overwrites_a_deck_and_takes_another_title_and_date(
    french_command, tmp_path
):
    clients, reports = french_command.run_again(tmp_path)
    where = ("--clients-dir", str(clients), "deck", "literie-lenoir", "--reports-dir", str(reports))
    existing = reports / "literie-lenoir" / "latest" / "deck.pptx"
    before = existing.read_bytes()
    refused = crmwb(*where, cwd=tmp_path)
    assert refused.returncode == 2, refused.stderr
    assert "deck.pptx" in refused.stderr and "--force" in refused.stderr
    assert existing.read_bytes() == before  # nothing lost

    target = tmp_path / "copil-3.pptx"
    made = crmwb(
        *where,
        "--output",
        str(target),
        "--title",
        "CoPil n°3",
        "--date",
        "2026-12-17",
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr
    assert f"support écrit{NB}: {target}" in made.stdout
    first = Presentation(str(target)).slides[0]
    texts = [shape.text_frame.text for shape in first.shapes if shape.has_text_frame]
    assert texts[0] == "CoPil n°3" and "Comité de pilotage du 17 décembre 2026" in texts[1]

    # the firm's template (made here: python-pptx's own, its layouts renamed): its layouts used
    template = tmp_path / "cabinet.pptx"
    firm = Presentation()
    for layout in firm.slide_layouts:
        layout.name = f"Cabinet — {layout.name}"
    firm.save(str(template))
    themed = tmp_path / "copil-3-cabinet.pptx"
    made = crmwb(*where, "--output", str(themed), "--template", str(template), cwd=tmp_path)
    assert made.returncode == 0, made.stderr
    used = {slide.slide_layout.name for slide in Presentation(str(themed)).slides}
    assert used and all(name.startswith("Cabinet — ") for name in used), used

    wrong = crmwb(
        *where, "--output", str(tmp_path / "x.pptx"), "--date", "17/12/2026", cwd=tmp_path
    )
    assert wrong.returncode == 2 and "AAAA-MM-JJ" in wrong.stderr
    unknown = crmwb(*where, "--run", "19990101-0000", cwd=tmp_path)
    assert unknown.returncode == 2 and "crmwb run literie-lenoir" in unknown.stderr


def test_the_examples_decks_draw_the_results_numbers_as_native_charts_and_every_text_fits(
    french_runs,
):
    for client in ("literie-lenoir", "northwind-retail"):
        run = french_runs / client / "latest"
        results = load_results(run)
        about = load_client(french_runs.parent / "clients" / client).about
        made: DeckCover = deck_cover(about, next(iter(results.values())).lang)
        deck = build_deck(made, results)  # the first run: nothing to compare with
        prs = Presentation(str(run / "deck.pptx"))
        assert len(prs.slides) == len(deck.slides)
        drawn = 0
        for slide, planned in zip(prs.slides, deck.slides, strict=True):
            chart = planned.chart
            if chart is None:
                assert charts_of(slide) == []
            elif chart.kind == "image":
                assert [s.shape_type for s in slide.shapes].count(13) == 1  # a picture
            elif chart.kind not in ("scatter", "bubble", "waterfall"):
                (native,) = charts_of(slide)
                plot = native.plots[0]
                assert [s.name for s in plot.series] == [s.name for s in chart.series]
                for series, values in zip(plot.series, chart.series, strict=True):
                    assert series.values == values.values, chart.key  # the results' numbers
                drawn += 1
        assert drawn >= 4, client  # TCO, ROI, vendors, journey, plan... as native charts
        assert overflows(run / "deck.pptx") == []

"""An analysis's results as data: written by :func:`save_results`, read back whole by
:func:`load_results` (its conclusion and its charts' series too, None values kept); a chart's
picture saved beside them; nothing written without an output folder."""

from __future__ import annotations

import json

from matplotlib.figure import Figure as MatplotlibFigure

from crmwb.deliver.results import (
    SCHEMA,
    ChartData,
    Figure,
    Item,
    ItemList,
    Recommendation,
    Results,
    Series,
    items,
    load_results,
    save_chart_image,
    save_image,
    save_results,
)

RESULTS = Results(
    "tco",
    "fr",
    figures=(
        Figure("tco.total.licence", "Coût total\u00a0: Licence", 13_200.0, "EUR", "lower"),
        Figure("project.end", "Fin du projet", "2027-06-16"),
        Figure("roi.irr", "TRI", None, "%", "higher"),
    ),
    recommendations=(
        Recommendation("tco.cheapest", "Option la moins chère", "Licence", "licence"),
    ),
    lists=(
        ItemList(
            "findings", "Points à revoir", (Item("no_kpi/welcome", "Pas de KPI", "À corriger"),)
        ),
    ),
    conclusion=("Sur 7\u00a0ans, l'option **Licence** est la moins chère.",),
    charts=(
        ChartData(
            "tco.cumulative",
            "Coût cumulé",
            "line",
            ("0", "1"),
            (Series("Licence", (9_000.0, 9_600.0)), Series("SaaS", (2_000.0, None))),
            "EUR",
            x_title="Fin d'année",
        ),
        ChartData(
            "vendors.value", "Rapport qualité-prix", "scatter", (), (Series("A", (0.7,), x=(1e4,)),)
        ),
        ChartData("journey.grid", "La carte", "image", image="results/journey_mapping.grid.png"),
    ),
)


def test_results_round_trip_through_their_json_file(tmp_path):
    path = save_results(tmp_path, RESULTS)
    assert path == tmp_path / "results" / "tco.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["figures"][0]["value"] == 13_200.0 and data["schema"] == SCHEMA == 2
    assert data["charts"][0]["series"][1]["values"] == [2_000.0, None]
    assert "Coût total\u00a0: Licence" in path.read_text(encoding="utf-8")  # not escaped
    assert load_results(tmp_path) == {"tco": RESULTS}
    assert [i.id for i in items(load_results(tmp_path)["tco"], "findings")] == ["no_kpi/welcome"]


def test_no_file_without_an_output_folder_and_a_damaged_file_is_skipped(tmp_path):
    assert save_results(None, RESULTS) is None
    save_results(tmp_path, RESULTS)
    (tmp_path / "results" / "roi.json").write_text("{not json", encoding="utf-8")
    assert set(load_results(tmp_path)) == {"tco"}
    assert load_results(tmp_path / "elsewhere") == {}


def test_results_of_the_first_layout_read_with_no_conclusion_nor_chart(tmp_path):
    save_results(tmp_path, RESULTS)
    path = tmp_path / "results" / "tco.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    del data["conclusion"], data["charts"]
    data["schema"] = 1
    path.write_text(json.dumps(data), encoding="utf-8")
    read = load_results(tmp_path)["tco"]
    assert (read.schema, read.conclusion, read.charts) == (1, (), ())
    assert read.figures == RESULTS.figures


def test_a_chart_s_picture_is_saved_beside_the_results_named_after_its_key(tmp_path):
    figure = MatplotlibFigure(figsize=(2, 1))
    figure.add_subplot().plot([0, 1], [0, 1])
    path = save_chart_image(tmp_path, "journey_mapping.grid", figure)
    assert path == "results/journey_mapping.grid.png"
    assert (tmp_path / path).read_bytes().startswith(b"\x89PNG")
    assert save_image(tmp_path, "data_flow_audit.map", b"\x89PNG...") == (
        "results/data_flow_audit.map.png"
    )
    # nothing without an output folder (JupyterLab), nor without a picture (none drawn)
    assert save_chart_image(None, "journey_mapping.grid", figure) == ""
    assert save_chart_image(tmp_path, "project_plan.gantt", None) == ""
    assert save_image(None, "data_flow_audit.map", b"") == ""
    assert sorted(p.name for p in (tmp_path / "results").iterdir()) == [
        "data_flow_audit.map.png",
        "journey_mapping.grid.png",
    ]
    assert load_results(tmp_path) == {}  # pictures are not results

"""An analysis's results as data: written by :func:`save_results`, read back whole by
:func:`load_results`; nothing written without an output folder."""

from __future__ import annotations

import json

from crmwb.deliver.results import (
    Figure,
    Item,
    ItemList,
    Recommendation,
    Results,
    items,
    load_results,
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
)


def test_results_round_trip_through_their_json_file(tmp_path):
    path = save_results(tmp_path, RESULTS)
    assert path == tmp_path / "results" / "tco.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["figures"][0]["value"] == 13_200.0 and data["schema"] == 1
    assert "Coût total\u00a0: Licence" in path.read_text(encoding="utf-8")  # not escaped
    assert load_results(tmp_path) == {"tco": RESULTS}
    assert [i.id for i in items(load_results(tmp_path)["tco"], "findings")] == ["no_kpi/welcome"]


def test_no_file_without_an_output_folder_and_a_damaged_file_is_skipped(tmp_path):
    assert save_results(None, RESULTS) is None
    save_results(tmp_path, RESULTS)
    (tmp_path / "results" / "roi.json").write_text("{not json", encoding="utf-8")
    assert set(load_results(tmp_path)) == {"tco"}
    assert load_results(tmp_path / "elsewhere") == {}

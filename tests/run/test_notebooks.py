"""Smoke run of the TCO notebook through papermill, as JupyterLab users and the batch run it."""

from __future__ import annotations

import shutil

import papermill
import pytest

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.deliver.results import items, load_results
from crmwb.deliver.views import Context
from crmwb.journey import views as journey_views
from crmwb.journey.key_results import GRID_IMAGE
from crmwb.journey.key_results import key_results as journey_results
from crmwb.run.batch import ANALYSES, PARAMETERS
from crmwb.run.cli import main
from crmwb.run.clients import load_client
from crmwb.run.folders import runtime_environment


def _outputs_html(nb) -> str:
    return "".join(
        o.get("data", {}).get("text/html", "")
        for c in nb.cells
        if c.cell_type == "code"
        for o in c.get("outputs", [])
    )


def test_every_notebook_declares_the_parameters_the_runner_injects():
    for analysis in ANALYSES.values():
        declared = papermill.inspect_notebook(str(analysis.notebook))
        assert set(PARAMETERS) <= set(declared), analysis.name


@pytest.mark.parametrize("lang", ["en"])
def test_tco_notebook_runs_on_the_seed_example(tmp_path, monkeypatch, lang):
    for name, value in runtime_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    nb = papermill.execute_notebook(
        str(ANALYSES["tco"].notebook),
        str(tmp_path / "tco.ipynb"),
        parameters={
            "client_dir": str(EXAMPLES_DIR / "literie-lenoir"),
            "lang": lang,
            "horizon_years": 6,
            "output_dir": str(tmp_path),
        },
        kernel_name="python3",
        progress_bar=False,
        cwd=str(ANALYSES["tco"].notebook.parent),
    )
    html = _outputs_html(nb)
    # DOMAIN.md §4 on 6 years: licence 3 000 + 6 000 + 6 x 600 = 12 600;
    # SaaS 2 000 + 6 x 2 880 = 19 280.
    assert "€12,600" in html and "€19,280" in html
    assert "during year 4 (month 37)" in html
    assert (tmp_path / "tco.xlsx").exists()
    # the same figures as data, in results/tco.json
    results = load_results(tmp_path)["tco"]
    assert results.figure("tco.total.licence").value == pytest.approx(12_600)
    assert results.figure("tco.total.saas").value == pytest.approx(19_280)
    assert results.figure("tco.break_even.month").value == 37
    assert [(r.key, r.id) for r in results.recommendations] == [("tco.cheapest", "licence")]


def test_the_journey_notebook_writes_its_results_as_the_report_computes_them(tmp_path, monkeypatch):
    for name, value in runtime_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    client_dir = EXAMPLES_DIR / "northwind-retail"
    papermill.execute_notebook(
        str(ANALYSES["journey_mapping"].notebook),
        str(tmp_path / "journey_mapping.ipynb"),
        parameters={"client_dir": str(client_dir), "lang": "fr", "output_dir": str(tmp_path)},
        kernel_name="python3",
        progress_bar=False,
        cwd=str(ANALYSES["journey_mapping"].notebook.parent),
    )
    written = load_results(tmp_path)["journey_mapping"]
    client = load_client(client_dir)
    ctx = Context.of(client.about, "fr")
    # the journey map the report shows, saved as a picture for the deck, its path in the results
    image = f"results/{GRID_IMAGE}.png"
    assert (tmp_path / image).read_bytes().startswith(b"\x89PNG")
    assert written == journey_results(journey_views.analyse(client.journey(), ctx), image)
    assert written.charts[0].image == image
    assert written.lang == "fr" and items(written, "moments_of_truth")
    assert written.figure("journey.touchpoints").value == len(client.journey().touchpoints)


@pytest.mark.parametrize(
    ("workshop", "client"), [("weights", "literie-lenoir"), ("journey", "northwind-retail")]
)
def test_the_workshops_working_copies_run_and_build_their_forms(
    tmp_path, monkeypatch, capsys, workshop, client
):
    """``crmwb workshop CLIENT journey|weights --no-lab`` writes the client's working copy of the
    notebook; run as it is (no parameter given), it builds the workshop's forms on that
    client."""
    for name, value in runtime_environment(tmp_path).items():
        monkeypatch.setenv(name, value)
    clients = tmp_path / "clients"
    shutil.copytree(EXAMPLES_DIR / client, clients / client)
    assert main(["--clients-dir", str(clients), "workshop", client, workshop, "--no-lab"]) == 0
    copy = clients / client / "workshops" / f"{workshop}.ipynb"
    assert str(copy) in capsys.readouterr().out
    nb = papermill.execute_notebook(
        str(copy), str(tmp_path / "ran.ipynb"), kernel_name="python3", progress_bar=False
    )
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert not [o for o in outputs if o.get("output_type") == "error"]
    # the forms are a widget view (the weights workshop's VBox; the journey editor's VBox)
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)

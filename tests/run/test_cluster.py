"""A job is a function of its inputs (crmwb.run.job), so it runs anywhere: here, on a Dask
cluster of worker processes (``crmwb run --scheduler``), with the same deliverables as the local
runner."""

from __future__ import annotations

import datetime as dt
import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from deliverable_text import Visible
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR, WORKBOOK_NAME
from crmwb.deliver.report import ReportInfo
from crmwb.run import batch
from crmwb.run.executors import SCHEDULER
from crmwb.run.incremental import plan_client
from crmwb.run.job import job_input, run_job
from crmwb.run.summary import summary as run_summary

CLIENT = "northwind-retail"  # every analysis, and a customer export beside its workbook


def visible(path: Path) -> list[str]:
    page = Visible.of(path)
    return [*page.texts, *page.charts]


def excel_values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {ws.title: [tuple(row) for row in ws.iter_rows(values_only=True)] for ws in book}


def test_a_job_reads_nothing_of_the_client_folder_once_its_inputs_are_taken(
    tmp_path: Path,
) -> None:
    """The inputs taken, the client's folder is removed: the job runs all the same, and its
    output holds the executed notebook and the reports, as bytes."""
    client = shutil.copytree(EXAMPLES_DIR / CLIENT, tmp_path / CLIENT)
    analysis = batch.ANALYSES["data_flow_audit"]  # reads the customer export too
    plan = plan_client(client, tmp_path / "reports", [analysis], [analysis], lang="fr")
    files = plan.files[analysis.name]
    assert [p.name for p in files] == ["customers.csv"]
    report = ReportInfo("Northwind Retail", "Audit des données", "fr", dt.date(2026, 12, 5))
    workbook = (client / WORKBOOK_NAME).read_bytes()
    job = job_input(client, CLIENT, analysis, "fr", workbook, files, report, "20261205-101010")
    assert set(job.files) == {"customers.csv"} and not job.large_files
    shutil.rmtree(client)
    output = run_job(job)
    assert output.result.ok, output.result.error
    made = {f"data_flow_audit.{kind}" for kind in ("ipynb", "html", "pdf", "xlsx")}
    assert made <= set(output.files)
    assert output.files["data_flow_audit.xlsx"].startswith(b"PK")  # an Excel file, as bytes
    assert output.files["data_flow_audit.pdf"].startswith(b"%PDF")
    assert "Northwind Retail · Audit des données" in output.files["data_flow_audit.html"].decode()
    # the workbook's « Lisez-moi » names the run the job is part of
    book = load_workbook(io.BytesIO(output.files["data_flow_audit.xlsx"]))
    assert "20261205-101010" in [
        c for row in book.worksheets[0].iter_rows(values_only=True) for c in row
    ]


def test_a_job_without_the_margins_text_fails_and_says_why(tmp_path: Path) -> None:
    """An About sheet the runner could not read (report=None): no report is made up; the
    executed notebook is kept and the error names the client's folder, not the job's copy."""
    client = shutil.copytree(EXAMPLES_DIR / CLIENT, tmp_path / CLIENT)
    job = job_input(client, CLIENT, batch.ANALYSES["tco"], "fr", b"not an Excel file")
    output = run_job(job)
    assert not output.result.ok
    assert str(client) in output.result.error and "crmwb-job-" not in output.result.error
    assert "tco.ipynb" in output.files and "tco.pdf" not in output.files


def test_a_large_file_travels_as_a_path(tmp_path: Path) -> None:
    from crmwb.run import job as job_module

    client = shutil.copytree(EXAMPLES_DIR / CLIENT, tmp_path / CLIENT)
    export = client / "customers.csv"
    analysis = batch.ANALYSES["data_flow_audit"]
    small = job_input(client, CLIENT, analysis, "fr", b"", (export,))
    assert small.files["customers.csv"] == export.read_bytes()
    limit = job_module.LARGE_FILE_BYTES
    try:
        job_module.LARGE_FILE_BYTES = export.stat().st_size - 1
        large = job_input(client, CLIENT, analysis, "fr", b"", (export,))
    finally:
        job_module.LARGE_FILE_BYTES = limit
    assert large.files == {} and large.large_files == {"customers.csv": str(export.resolve())}


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    ) as local:
        yield str(local.scheduler_address)


def test_a_cluster_makes_the_same_deliverables_as_the_local_runner(
    cluster: str, french_runs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The session's local French run of the example against the same run on a LocalCluster
    of two worker processes (named by CRMWB_SCHEDULER, as a firm would set it): the same
    files, the same text in every HTML report (charts' texts included), the same values in
    every Excel deliverable."""
    from distributed import Client, get_task_stream

    monkeypatch.setenv(SCHEDULER, cluster)
    local = (french_runs / CLIENT / "latest").resolve()
    # this test's own client watches the tasks; not the default one, as on a consultant's
    # machine, where crmwb run's client is the only one
    with Client(cluster, set_as_default=False) as client, get_task_stream(client) as stream:
        (run,) = batch.run(
            [EXAMPLES_DIR / CLIENT],
            list(batch.ANALYSES.values()),
            lang="fr",
            reports_dir=tmp_path / "reports",
            run_id=local.name,  # the run the Excel files' « Lisez-moi » names
        )
        workers = set(client.scheduler_info()["workers"])
    assert run.ok, run_summary([run])
    executed = [r.analysis for r in run.results if not r.skipped]
    assert len(executed) == len(batch.ANALYSES)
    # every notebook ran on the cluster's workers, none in this process
    tasks = [t for t in stream.data if str(t["key"]).startswith("crmwb-")]
    assert len(tasks) == len(executed)
    assert {t["worker"] for t in tasks} <= workers and len(workers) == 2

    remote = run.folder
    assert remote is not None
    names = sorted(p.relative_to(local).as_posix() for p in local.rglob("*") if p.is_file())
    assert names == sorted(
        p.relative_to(remote).as_posix() for p in remote.rglob("*") if p.is_file()
    )
    for name in batch.ANALYSES:
        assert visible(remote / f"{name}.html") == visible(local / f"{name}.html"), name
        assert excel_values(remote / f"{name}.xlsx") == excel_values(local / f"{name}.xlsx"), name


def test_a_scheduler_that_does_not_answer_is_said_before_anything_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pytest.importorskip("distributed")
    from crmwb.core.errors import CrmwbError
    from crmwb.run import executors

    monkeypatch.setattr(executors, "CONNECT_SECONDS", 1)
    with pytest.raises(CrmwbError) as raised:
        batch.run(
            [EXAMPLES_DIR / CLIENT],
            [batch.ANALYSES["tco"]],
            reports_dir=tmp_path / "reports",
            scheduler="tcp://127.0.0.1:9",  # the discard port: nobody answers
        )
    text = raised.value.message("fr")
    assert "un ordonnanceur Dask qui réponde à l'adresse tcp://127.0.0.1:9" in text
    assert "vérifiez l'adresse donnée par --scheduler ou CRMWB_SCHEDULER" in text
    assert not list((tmp_path / "reports").glob(f"{CLIENT}/.*.partial"))

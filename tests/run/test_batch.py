"""The batch runner, end to end through the `crmwb` command: failure isolation, atomic outputs,
`latest` never replaced by a failed run, exit codes, summary naming the broken cell.

Each `crmwb run` starts real kernels, so the scenario is run once (module fixture) and the tests
read what it left behind.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from deliverable_text import Visible
from example_runs import CommandRun, command_run, crmwb
from openpyxl import load_workbook

from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.customer_file.audit import clusters_file_name
from crmwb.customer_file.sheets import CONFIDENTIAL_DIR

BROKEN_CELL = "TCO!F12"  # unit price of the French example's first cost line


def break_unit_price(workbook: Path) -> None:
    wb = load_workbook(workbook)
    wb["TCO"]["F12"] = "trois mille"
    wb["TCO"]["F14"] = "six mille"  # a second problem on the same sheet
    wb.save(workbook)


@pytest.fixture(scope="module")
def scenario(
    french_command: CommandRun, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, object]:
    """Run 1: two good clients (the session's run of both examples by the command, in French
    with ``--lang fr``).
    Then, on copies of its folders, one client's workbook is broken. Run 2: both again."""
    root = tmp_path_factory.mktemp("batch")
    clients, reports = french_command.run_again(root)
    first_latest = (reports / "literie-lenoir" / "latest").resolve()
    break_unit_price(clients / "literie-lenoir" / "workbook.xlsx")
    second = crmwb(*command_run(clients, reports, "fr"), cwd=root)
    return {
        "root": root,
        "reports": reports,
        "first": french_command.process,
        "second": second,
        "first_latest": first_latest,
    }


def test_a_good_run_exits_0_and_publishes_every_deliverable(scenario):
    first = scenario["first"]
    assert first.returncode == 0, first.stdout + first.stderr
    deliverables = {
        # the French example has no system and no customer file: its data audit is skipped
        "literie-lenoir": [
            "journey_mapping",
            "relationship_plan",
            "tco",
            "roi",
            "project_plan",
            "governance",
            "vendor_comparison",
            "through_line",
        ],
        "northwind-retail": [
            "journey_mapping",
            "relationship_plan",
            "tco",
            "data_flow_audit",
            "roi",
            "project_plan",
            "governance",
            "vendor_comparison",
            "through_line",
        ],
    }
    for slug, analyses in deliverables.items():
        latest = scenario["reports"] / slug / "latest"
        assert latest.is_symlink()
        names = sorted(p.name for p in latest.iterdir())
        expected = [
            *("deck.pptx", "index.html", "inputs", "manifest.json", "pack.pdf", "pages"),
            *("results", "summaries"),
        ] + [f"{a}.{ext}" for a in analyses for ext in ("html", "ipynb", "pdf", "xlsx")]
        if "data_flow_audit" in analyses:  # the cluster file, for the cleaning, apart
            expected.append(CONFIDENTIAL_DIR)
            clusters = clusters_file_name("fr")  # in French, as the run was asked
            assert (latest / CONFIDENTIAL_DIR / clusters).is_file()
            manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
            assert manifest["confidential"] == [f"{CONFIDENTIAL_DIR}/{clusters}"]
        assert names == sorted(expected)
        for analysis in analyses:
            assert (latest / f"{analysis}.pdf").read_bytes().startswith(b"%PDF")
        # each report's pages as its job laid them out, for the pack (crmwb.deliver.pages)
        assert sorted(p.name for p in (latest / "pages").iterdir()) == sorted(
            f"{a}.pdf" for a in analyses
        )
    manifest = json.loads(
        (scenario["reports"] / "literie-lenoir" / "latest" / "manifest.json").read_text(
            encoding="utf-8"
        )
    )
    assert manifest["analyses"]["vendor_comparison"]["status"] == "ok"
    assert manifest["analyses"]["data_flow_audit"]["status"] == "skipped"
    assert manifest["pack"]["status"] == "ok"
    # the summary is in the consultant's language, and says why the data audit did not run
    line = next(x for x in first.stdout.splitlines() if " data_flow_audit " in x)
    assert "non réalisée" in line and "aucun système dans la feuille «\u202fSystèmes\u202f»" in line
    # the pack of the French example summarises what ran and says the data audit did not
    index = (scenario["reports"] / "literie-lenoir" / "latest" / "index.html").read_text("utf-8")
    assert "Coût total de possession" in index and "13\u202f200\u00a0€" in index
    assert '<section class="section pack-entry" id="vendor_comparison">' in index
    assert "Audit des données</strong> — analyse non réalisée, faute de données (aucun" in index
    assert "le dossier de restitution\u00a0: " in first.stdout and "index.html" in first.stdout
    assert "17 analyses réussies sur 17 (1 non réalisée" in first.stdout  # 9 + 8: Lenoir has no map


def test_no_deliverable_shows_a_customer_s_email_or_phone(scenario):
    """Every e-mail and phone of the example's customer file is looked for, as written, in
    every HTML, Excel and notebook deliverable (the PDFs are printed from the HTML)."""
    export = EXAMPLES_DIR / "northwind-retail" / "customers.csv"
    rows = [line.split(";") for line in export.read_text(encoding="cp1252").splitlines()[1:]]
    secrets = {v for row in rows for v in (row[4], row[5]) if len(v.strip()) >= 8}
    latest = scenario["reports"] / "northwind-retail" / "latest"
    texts = [p.read_text(encoding="utf-8") for p in latest.glob("*.html")]
    texts += [p.read_text(encoding="utf-8") for p in latest.glob("*.ipynb")]
    for workbook in latest.glob("*.xlsx"):
        for ws in load_workbook(workbook).worksheets:
            texts.append(" ".join(str(c.value) for row in ws.iter_rows() for c in row))
    found = {s for s in secrets for text in texts if s in text}
    assert len(secrets) > 7000 and found == set()


def test_the_french_example_deliverables_show_the_domain_numbers(scenario):
    # DOMAIN.md §4: 3 000 + 6 000 + 7 x 600 = 13 200; 2 000 + 7 x 4 x 60 x 12 = 22 160.
    html = (scenario["first_latest"] / "tco.html").read_text(encoding="utf-8")
    plain = html.replace("\u202f", " ").replace("\u00a0", " ")
    assert "13 200 €" in plain and "22 160 €" in plain
    assert "au 37e mois (4e année)" in plain
    ws = load_workbook(scenario["first_latest"] / "tco.xlsx")["Indicateurs par option"]
    assert [ws.cell(row=2, column=c).value for c in (2, 3)] == [13200, 22160]


def test_a_broken_workbook_fails_its_client_only_with_exit_code_1(scenario):
    second = scenario["second"]
    assert second.returncode == 1
    # The summary names the client, the analysis and the broken cell.
    line = next(
        x for x in second.stdout.splitlines() if x.startswith("literie-lenoir") and " tco " in x
    )
    # in French, as the workbook is: the cell, what it expected and what it found
    assert "tco" in line and "ÉCHEC" in line and BROKEN_CELL in line
    assert "on attend un nombre pour «\u202fPrix unitaire\u202f»" in line
    assert "le texte «\u202ftrois mille\u202f»" in line
    # The other client's workbook did not change: no new run, its deliverables stay as they were.
    northwind = scenario["reports"] / "northwind-retail"
    assert len([p for p in northwind.iterdir() if p.name[0].isdigit()]) == 1
    assert "northwind-retail\u00a0: rien n'a changé depuis la dernière exécution" in second.stdout
    assert (northwind / "latest" / "tco.pdf").exists()


def test_the_summary_lists_the_other_problems_of_the_sheet(scenario):
    """The run stops at the first bad cell; the summary gives the sheet's others too, so that
    the consultant corrects them all before the next run."""
    lines = scenario["second"].stdout.splitlines()
    at = lines.index("literie-lenoir, tco\u00a0: la même feuille a 1\u00a0autre problème\u00a0:")
    assert "TCO!F14" in lines[at + 1] and "«\u202fsix mille\u202f»" in lines[at + 1]
    seed = scenario["reports"] / "literie-lenoir"
    (failed,) = [p for p in seed.iterdir() if p.name.endswith("-failed")]
    manifest = json.loads((failed / "manifest.json").read_text(encoding="utf-8"))
    (other,) = manifest["analyses"]["tco"]["problems"]
    assert "TCO!F14" in other


def test_a_failed_run_never_replaces_the_last_good_one(scenario):
    seed = scenario["reports"] / "literie-lenoir"
    assert (seed / "latest").resolve() == scenario["first_latest"]
    failed = [p for p in seed.iterdir() if p.name.endswith("-failed")]
    assert len(failed) == 1
    executed = json.loads((failed[0] / "tco.ipynb").read_text(encoding="utf-8"))
    errors = [
        o
        for c in executed["cells"]
        for o in c.get("outputs", [])
        if o.get("output_type") == "error"
    ]
    assert errors and errors[0]["ename"] == "WorkbookError" and BROKEN_CELL in errors[0]["evalue"]
    manifest = json.loads((failed[0] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "failed"
    assert BROKEN_CELL in manifest["analyses"]["tco"]["error"]
    assert not (failed[0] / "tco.pdf").exists()


def test_no_half_written_run_is_left_behind(scenario):
    leftovers = [p for p in scenario["reports"].rglob("*.partial")]
    assert leftovers == []


def test_the_manifest_records_inputs_parameters_versions_and_timings(scenario):
    import hashlib

    manifest = json.loads((scenario["first_latest"] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok"
    assert set(manifest["packages"]) >= {"crmwb", "papermill", "nbconvert", "weasyprint", "python"}
    assert manifest["analyses"]["tco"]["timings_s"]["execute"] > 0
    # The hash is the workbook's as it was for this run (before it was broken).
    assert len(manifest["inputs"]["workbook.xlsx"]) == 64
    assert (
        manifest["inputs"]["workbook.xlsx"]
        == hashlib.sha256(
            (EXAMPLES_DIR / "literie-lenoir" / "workbook.xlsx").read_bytes()
        ).hexdigest()
    )


def test_runtime_files_stay_out_of_the_home_folder(scenario):
    runtime = scenario["reports"] / ".runtime"
    assert (runtime / "jupyter-runtime").is_dir() and (runtime / "ipython").is_dir()
    assert (runtime / "matplotlib").is_dir()


def test_without_lang_each_client_s_deliverables_speak_its_workbook_s_language(tmp_path):
    """No --lang: the English example's deliverables are in English (its workbook says so),
    the command's messages in the consultant's French."""
    shutil.copytree(EXAMPLES_DIR / "northwind-retail", tmp_path / "clients" / "northwind-retail")
    reports = tmp_path / "reports"
    done = crmwb(
        *("--clients-dir", str(tmp_path / "clients"), "run", "--only", "tco", "--quiet"),
        *("--reports-dir", str(reports)),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 analyse réussie sur 1" in done.stdout
    page = Visible.of(reports / "northwind-retail" / "latest" / "tco.html")
    assert "Total cost of ownership" in page.texts and "Coût total de possession" not in page.texts


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("run", "--only", "nope"), "analyses among journey_mapping"),
        (("run", "../etc"), "client folder"),
        (("run", "no-such-client"), "no such folder"),
        (("run", "--jobs", "0"), "--jobs of at least 1"),
        (("new-client", "///"), "at least one letter or digit"),
        (("frobnicate",), "invalid choice"),
    ],
)
def test_usage_errors_exit_with_2(tmp_path, monkeypatch, capsys, args, message):
    """The command's body, in this process (the exit codes 0 and 1 are the real command's,
    above): a usage error is an exit code of 2 and a message on the error stream."""
    from crmwb.run.cli import EXIT_USAGE, main

    (tmp_path / "clients").mkdir()
    shutil.copytree(EXAMPLES_DIR / "literie-lenoir", tmp_path / "clients" / "literie-lenoir")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CRMWB_LANG", "en")
    try:
        code = main(["--clients-dir", str(tmp_path / "clients"), *args])
    except SystemExit as stopped:  # the parser's own errors
        code = stopped.code
    assert code == EXIT_USAGE == 2
    assert message in capsys.readouterr().err

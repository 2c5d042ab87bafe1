"""The customer-file audit of a client, on the shipped example: its export is synthetic, with
known duplicates (crmwb.customer_file.synthetic_customers, seed 2026), so what the audit finds can
be checked."""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from crmwb.core.errors import InputError
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.customer_file.audit import CLUSTERS_FILE, audit_customer_file, clusters_file_name
from crmwb.customer_file.duplicates import evaluate_pairs
from crmwb.customer_file.mapping import CustomerFileError
from crmwb.customer_file.sheets import CustomerFileSettings, read_customer_file_settings
from crmwb.customer_file.synthetic_customers import write_customer_file
from crmwb.workbook.reader import read_workbook

NORTHWIND = EXAMPLES_DIR / "northwind-retail"
LITERIE = EXAMPLES_DIR / "literie-lenoir"  # its workbook has no customer file


def _build_examples():
    spec = importlib.util.spec_from_file_location(
        "build_examples", EXAMPLES_DIR / "build_examples.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def truth_and_audit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("audit")
    module = _build_examples()
    truth = write_customer_file(
        tmp / "customers.csv",
        module.CUSTOMER_ROWS,
        seed=module.CUSTOMER_SEED,
        today=dt.date(2026, 11, 23),
    )
    settings = read_customer_file_settings(read_workbook(NORTHWIND / "workbook.xlsx"))
    audit = audit_customer_file(NORTHWIND, settings, inactive_months=24, output_dir=tmp)
    return tmp, truth, audit


def test_the_shipped_export_is_what_the_generator_makes(truth_and_audit):
    tmp, _truth, _audit = truth_and_audit
    assert (tmp / "customers.csv").read_bytes() == (NORTHWIND / "customers.csv").read_bytes(), (
        "run `python data/examples/build_examples.py` to rebuild the example export"
    )


def test_duplicates_found_match_the_injected_ones(truth_and_audit):
    tmp, truth, audit = truth_and_audit
    # 8 % of the 4 000 records are copies of another customer (the generator's truth)
    assert audit.probable is not None
    assert audit.probable.duplicate_rate == pytest.approx(truth.duplicate_rate, abs=0.01)
    con = duckdb.connect()
    truth.to_duckdb(con, "truth")
    con.execute(
        f"CREATE TABLE found AS SELECT CAST(record_id AS BIGINT) AS record_id, cluster_id "
        f"FROM read_csv('{tmp / CLUSTERS_FILE}', all_varchar=true)"
    )
    con.execute(
        "CREATE TABLE truth2 AS SELECT CAST(record_id AS BIGINT) AS record_id, entity FROM truth"
    )
    result = evaluate_pairs(con, "found", "truth2")
    assert result.precision >= 0.95 and result.recall >= 0.95


def test_the_report_side_is_masked(truth_and_audit):
    _tmp, _truth, audit = truth_and_audit
    text = repr(audit)
    raw = (NORTHWIND / "customers.csv").read_text(encoding="cp1252").splitlines()[1:200]
    emails = {line.split(";")[4] for line in raw if "@" in line.split(";")[4]}
    assert emails and not any(email in text for email in emails)
    assert all("***@" in r.email for group in audit.probable.examples for r in group if r.email)


def test_a_missing_export_names_the_file(tmp_path):
    settings = read_customer_file_settings(read_workbook(NORTHWIND / "workbook.xlsx"))
    with pytest.raises(InputError) as exc:
        audit_customer_file(tmp_path, settings, lang="en")
    assert str(exc.value) == (
        f"{tmp_path / 'customers.csv'}: the customer file named on the 'Customer file' sheet; "
        "found no such file (put the export in the client's folder, or correct its name on the "
        "'Customer file' sheet)"
    )
    with pytest.raises(InputError) as exc:
        audit_customer_file(tmp_path, settings, lang="fr")
    assert "on attend le fichier clients indiqué dans l'onglet «\u202fFichier clients\u202f»" in (
        str(exc.value)
    )


def test_errors_of_the_file_speak_the_clients_language(tmp_path):
    (tmp_path / "customers.csv").write_text("id;mail\n1;a@b.fr\n2;c;d\n", encoding="utf-8")
    settings = CustomerFileSettings("customers.csv", mapping={"email": "mail"})
    with pytest.raises(CustomerFileError) as exc:
        audit_customer_file(tmp_path, settings, lang="fr")
    assert str(exc.value) == (
        "customers.csv, ligne 3\u00a0: on attend 2 champs séparés par «\u202f;\u202f», comme dans "
        "la ligne d'en-tête\u202f; trouvé\u00a0: 3 champs (un séparateur à l'intérieur d'une "
        "valeur doit être entre guillemets doubles)"
    )
    with pytest.raises(CustomerFileError) as exc:
        audit_customer_file(tmp_path, settings, lang="en")
    assert str(exc.value).startswith("customers.csv, line 3: 2 fields separated by ';'")


def test_the_cluster_file_is_named_in_the_clients_language(tmp_path):
    settings = read_customer_file_settings(read_workbook(NORTHWIND / "workbook.xlsx"))
    audit = audit_customer_file(NORTHWIND, settings, output_dir=tmp_path, lang="fr")
    assert audit.clusters_file == tmp_path / clusters_file_name("fr")
    assert audit.clusters_file.name == "groupes_de_doublons.CONFIDENTIEL.csv"
    header = audit.clusters_file.read_text(encoding="utf-8").splitlines()[0]
    assert header == "ligne,id_client,groupe,taille_groupe"
    assert audit.probable is not None
    assert [rule.text("fr") for rule in audit.probable.blocking_rules][:2] == [
        "même e-mail",
        "même numéro de téléphone",
    ]


def test_the_cluster_file_lists_every_clustered_record_ids_as_text(truth_and_audit, tmp_path):
    """Every record of a cluster is a row (as many as the audit counts); an id a spreadsheet
    would take for a formula is written after an apostrophe."""
    settings = read_customer_file_settings(read_workbook(NORTHWIND / "workbook.xlsx"))
    _tmp, _truth, first = truth_and_audit  # the example's export, audited in English
    assert first.probable is not None and first.clusters_file is not None
    rows = first.clusters_file.read_text(encoding="utf-8").splitlines()[1:]
    assert len(rows) == first.probable.records_in_clusters
    line, record_id, cluster, size = rows[0].split(",")
    sizes = [int(r.split(",")[3]) for r in rows if r.split(",")[2] == cluster]
    assert int(size) == len(sizes)  # the cluster's size is its rows
    raw = (NORTHWIND / "customers.csv").read_bytes()
    client = tmp_path / "client"
    client.mkdir()
    (client / "customers.csv").write_bytes(
        raw.replace(f"\n{record_id};".encode(), f"\n=1+{record_id};".encode())
    )
    second = audit_customer_file(client, settings, output_dir=tmp_path / "b", lang="en")
    assert second.clusters_file is not None
    text = second.clusters_file.read_text(encoding="utf-8")
    assert f"{line},'=1+{record_id},".encode() in text.encode(), text[:300]


def test_audit_file_command_prints_masked_figures(tmp_path):
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "crmwb.run.cli",
            "audit-file",
            str(NORTHWIND),
            str(NORTHWIND / "customers.csv"),
            "--clusters",
            str(tmp_path),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "customers.csv: 4,000 records" in done.stdout
    assert "Probable duplicates" in done.stdout
    assert "@orange.fr" not in done.stdout and "@gmail.com" not in done.stdout
    assert (tmp_path / CLUSTERS_FILE).exists()


def test_audit_file_takes_the_mapping_from_options(tmp_path):
    """A file the workbook does not describe (FEBRL 1: names, address, date of birth; neither
    e-mail nor phone), its columns named on the command line: audited and deduplicated."""
    febrl = Path(__file__).parents[1] / "data" / "febrl" / "dataset1.csv"
    roles = {
        "record_id": "rec_id",
        "first_name": "given_name",
        "last_name": "surname",
        "birth_date": "date_of_birth",
        "street_number": "street_number",
        "address": "address_1",
        "city": "suburb",
        "postcode": "postcode",
    }
    command = [sys.executable, "-m", "crmwb.run.cli", "audit-file", str(LITERIE), str(febrl)]
    for role, column in roles.items():
        command += ["--map", f"{role}={column}"]
    done = subprocess.run(
        [*command, "--country", "AU"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CRMWB_LANG": "fr"},
    )
    assert done.returncode == 0, done.stderr
    assert "dataset1.csv\u00a0: 1\u202f000 fiches" in done.stdout
    assert "Date de naissance | 959 | 96\u00a0% |" in done.stdout  # 41 births left blank
    assert "Doublons probables (probabilité ≥ 95\u00a0%)" in done.stdout
    wrong = subprocess.run(
        [*command[:6], "--map", "mail=email"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "CRMWB_LANG": "fr"},
    )
    assert wrong.returncode == 2
    assert "RÔLE=COLONNE avec un rôle parmi record_id, email, phone" in wrong.stderr
    assert "trouvé\u00a0: «\u202fmail=email\u202f»" in wrong.stderr

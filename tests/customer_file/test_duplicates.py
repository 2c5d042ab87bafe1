"""The synthetic customer files (crmwb.customer_file.synthetic_customers) and the probabilistic
deduplication (crmwb.customer_file.duplicates) measured against the duplicates the generator
injected."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import duckdb
import numpy as np
import pandas as pd
import pytest

from crmwb.core.errors import InputError, render
from crmwb.customer_file.dedup_blocking import BLOCKING_BUDGET, COMPARISONS_PER_RECORD
from crmwb.customer_file.dedup_keys import normalise_sql, phone_countries_sql
from crmwb.customer_file.dedup_training import names_share
from crmwb.customer_file.duplicates import (
    DuplicateResult,
    deduplicate,
    evaluate_pairs,
    find_duplicates,
)
from crmwb.customer_file.synthetic_customers import (
    NO_DEFECTS,
    DefectRates,
    write_customer_file,
)
from crmwb.customer_file.synthetic_files import (
    COLUMNS,
    Truth,
    csv_options,
    people_roles,
    truth_path,
)

TODAY = dt.date(2026, 11, 1)
ROWS = 3_000
SEED = 7
# The French export's columns -> the canonical names find_duplicates expects.
CANONICAL_SELECT = """
    SELECT id_client AS record_id, email, telephone AS phone, prenom AS first_name,
           nom AS last_name, code_postal AS postcode, ville AS city
"""


def load(con: duckdb.DuckDBPyConnection, path: Path, table: str = "customers") -> None:
    con.execute(
        f"CREATE OR REPLACE TABLE {table} AS {CANONICAL_SELECT} "
        f"FROM read_csv('{path}', {csv_options()})"
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Truth]:
    path = tmp_path_factory.mktemp("synthetic") / "clients.csv"
    return path, write_customer_file(path, ROWS, seed=SEED, today=TODAY)


@pytest.fixture(scope="module")
def deduplicated(
    generated: tuple[Path, Truth],
) -> Iterator[tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult]]:
    path, truth = generated
    con = duckdb.connect()
    load(con, path)
    truth.to_duckdb(con, "truth")
    yield con, truth, find_duplicates(con, "customers", seed=0)
    con.close()


# --- the generator ----------------------------------------------------------------------------


def test_generator_rows_columns_and_truth(generated: tuple[Path, Truth]) -> None:
    path, truth = generated
    con = duckdb.connect()
    rows = con.execute(f"SELECT count(*) FROM read_csv('{path}', {csv_options()})").fetchall()
    assert rows == [(ROWS,)]
    header = path.read_bytes().split(b"\r\n", 1)[0].decode("cp1252")
    assert tuple(header.split(";")) == COLUMNS
    assert truth.rows == ROWS == truth.record_id.size == truth.is_copy.size
    assert truth.duplicate_rate == round(ROWS * 0.08) / ROWS
    assert int(truth.is_copy.sum()) == ROWS - truth.entities
    assert set(truth.cluster_sizes()) <= {1, 2, 3, 4}  # 1 to 3 extra copies
    ids = con.execute(f"SELECT id_client FROM read_csv('{path}', {csv_options()})").fetchall()
    assert [int(i) for (i,) in ids] == truth.record_id.tolist()


def test_generator_dialects(tmp_path: Path) -> None:
    fr = tmp_path / "fr.csv"
    write_customer_file(fr, 500, seed=1, today=TODAY)
    raw = fr.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # accents written in cp1252
    text = raw.decode("cp1252")
    assert "é" in text and text.count("\r\n") == 501 and ";" in text.splitlines()[1]
    dates = [line.split(";")[9] for line in text.splitlines()[1:]]
    assert all(re.fullmatch(r"\d\d/\d\d/\d{4}", d) for d in dates if d)
    parsed = [dt.datetime.strptime(d, "%d/%m/%Y").date() for d in dates if d]
    assert min(parsed) >= TODAY - dt.timedelta(days=6 * 365) and max(parsed) <= TODAY

    utf8 = tmp_path / "utf8.csv"
    write_customer_file(utf8, 500, seed=1, today=TODAY, dialect="utf8-comma")
    lines = utf8.read_bytes().decode("utf-8").split("\n")
    assert lines[0] == ",".join(COLUMNS)
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\d|", line.split(",")[9]) for line in lines[1:-1])


def test_generator_is_deterministic(tmp_path: Path) -> None:
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    write_customer_file(a, 2_000, seed=3, today=TODAY)
    write_customer_file(b, 2_000, seed=3, today=TODAY)
    write_customer_file(c, 2_000, seed=4, today=TODAY)
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()


def test_generator_defects_are_counted_and_near_the_requested_rates(tmp_path: Path) -> None:
    rows, rates = 20_000, DefectRates()
    path = tmp_path / "defects.csv"
    truth = write_customer_file(path, rows, seed=11, today=TODAY)
    con = duckdb.connect()
    phone_ok = (
        r"^(0\d( \d\d){4}|0\d{9}|0\d(\.\d\d){4}|\+33 \d( \d\d){4}|\+33\d{9}|0033 \d( \d\d){4})$"
    )
    (observed,) = con.execute(
        f"""
        SELECT
            count(*) FILTER (email IS NULL),
            count(*) FILTER (email NOT LIKE '%@%' OR email LIKE '% %' OR email LIKE '%..%'),
            count(*) FILTER (telephone IS NULL),
            count(*) FILTER (NOT regexp_matches(telephone, '{phone_ok}')),
            count(*) FILTER (NOT regexp_matches(code_postal, '^[0-9]{{5}}$')),
            count(*) FILTER (date_derniere_commande IS NULL),
            count(*) FILTER (npai = '1')
        FROM read_csv('{path}', {csv_options()})
        """
    ).fetchall()
    counts = truth.counts
    assert observed == (
        counts["email_missing"] + counts["copy_email_missing"],
        counts["email_invalid"],
        counts["phone_missing"],
        counts["phone_invalid"],
        counts["postcode_invalid"],
        counts["date_missing"],
        counts["npai"],
    )
    for name in ("email_missing", "phone_missing", "phone_invalid", "postcode_invalid", "npai"):
        assert counts[name] / rows == pytest.approx(getattr(rates, name), abs=0.01), name
    # email_invalid applies to the rows that still have an email
    assert counts["email_invalid"] / rows == pytest.approx(rates.email_invalid, abs=0.01)
    assert counts["date_missing"] / rows == pytest.approx(rates.date_missing, abs=0.01)
    # each person's email is their own: as many distinct valid emails as people showing one
    truth.to_duckdb(con, "truth")
    (unique,) = con.execute(
        f"""
        SELECT count(DISTINCT lower(email)), count(DISTINCT entity)
        FROM read_csv('{path}', {csv_options()}) f JOIN truth t ON t.record_id = f.id_client
        WHERE email LIKE '%@%' AND email NOT LIKE '% %' AND email NOT LIKE '%..%'
        """
    ).fetchall()
    assert unique[0] == unique[1]
    clean = tmp_path / "clean.csv"
    clean_truth = write_customer_file(
        clean, 2_000, seed=2, today=TODAY, defects=NO_DEFECTS, duplicate_rate=0.0
    )
    (distinct,) = con.execute(
        f"SELECT count(DISTINCT email), count(DISTINCT telephone), count(*) FILTER (email IS NULL)"
        f" FROM read_csv('{clean}', {csv_options()})"
    ).fetchall()
    assert distinct == (2_000, 2_000, 0)
    assert clean_truth.entities == 2_000 and not any(
        v for k, v in clean_truth.counts.items() if not k.startswith("copy_")
    )


def test_truth_round_trip(generated: tuple[Path, Truth], tmp_path: Path) -> None:
    _, truth = generated
    saved = truth.save(tmp_path / "t.truth.npz")
    loaded = Truth.load(saved)
    assert np.array_equal(loaded.entity, truth.entity)
    assert np.array_equal(loaded.record_id, truth.record_id)
    assert dict(loaded.counts) == dict(truth.counts)
    assert (loaded.dialect, loaded.seed, loaded.path) == (truth.dialect, truth.seed, truth.path)
    assert truth_path(Path("x/clients.csv")) == Path("x/clients.truth.npz")


def test_generator_rejects_bad_arguments(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        write_customer_file(tmp_path / "x.csv", 10, country="BE")
    with pytest.raises(InputError):
        write_customer_file(tmp_path / "x.csv", -1)
    with pytest.raises(InputError):
        write_customer_file(tmp_path / "x.csv", 10, duplicate_rate=0.9)
    with pytest.raises(InputError):
        DefectRates(email_missing=1.5)


# --- the deduplication ------------------------------------------------------------------------


def test_precision_and_recall_against_the_injected_duplicates(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    con, truth, result = deduplicated
    evaluation = evaluate_pairs(con, result.clusters_table, "truth")
    assert evaluation.true == truth.true_pairs
    assert evaluation.found == result.pairs_in_clusters
    assert evaluation.precision >= 0.95, evaluation
    assert evaluation.recall >= 0.95, evaluation
    assert result.duplicate_rate == pytest.approx(truth.duplicate_rate, abs=0.01)


def test_result_shape(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    con, _, result = deduplicated
    assert result.records == ROWS and result.threshold == 0.95
    assert result.clusters == sum(result.size_distribution.values()) > 0
    assert result.records_in_clusters == sum(s * n for s, n in result.size_distribution.items())
    assert min(result.size_distribution) >= 2
    assert result.duplicate_rate == pytest.approx(
        (result.records_in_clusters - result.clusters) / result.records
    )
    # The identifiers first, then the other rules from the cheapest, each within its budget.
    keys = [rule.keys for rule in result.blocking]
    assert keys[:2] == [("email",), ("phone",)]
    others = [rule.pairs for rule in result.blocking[2:]]
    assert others == sorted(others) and max(others) <= COMPARISONS_PER_RECORD * ROWS
    assert sum(rule.pairs for rule in result.blocking) <= BLOCKING_BUDGET * ROWS
    assert ("names",) in keys and ("last_name", "postcode") in keys
    # The cost of « same e-mail », counted by hand: pairs of records sharing an e-mail.
    (by_hand,) = con.execute(
        "SELECT sum(n * (n - 1) // 2) FROM (SELECT count(*) AS n FROM customers "
        "WHERE trim(email) <> '' GROUP BY lower(trim(email)))"
    ).fetchall()[0]
    assert result.blocking[0].pairs == by_hand
    # in the client's language: say what the rule compares
    texts = {rule.keys: rule.text for rule in result.blocking}
    assert render(texts[("names",)], "fr") == "mêmes prénom et nom, dans un ordre ou dans l'autre"
    assert render(texts[("last_name", "postcode")], "fr") == "même nom et même code postal"
    assert render(texts[("last_name", "postcode")], "en") == "same last name and same postcode"
    assert {"normalise", "block", "train", "predict", "cluster", "total"} <= set(result.timings)
    (rows, bad_ids, small) = con.execute(
        f"""
        SELECT count(*),
               count(*) FILTER (cluster_id <> min_id),
               count(*) FILTER (cluster_size < 2)
        FROM (SELECT *, min(record_id) OVER (PARTITION BY cluster_id) AS min_id
              FROM {result.clusters_table})
        """
    ).fetchall()[0]
    assert (rows, bad_ids, small) == (result.records_in_clusters, 0, 0)
    (low,) = con.execute(
        f"SELECT count(*) FROM {result.pairwise_scores} WHERE match_probability < 0.5"
    ).fetchall()[0]
    assert low == 0
    # the working table and splink's tables are gone
    tables = {name for (name,) in con.execute("SHOW TABLES").fetchall()}
    assert not {t for t in tables if t.startswith("__")}


def test_deduplication_is_deterministic(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    con, _, first = deduplicated
    again = find_duplicates(con, "customers", seed=0, output_prefix="again")
    assert again.size_distribution == first.size_distribution
    (differences,) = con.execute(
        f"""
        SELECT count(*) FROM (
            (SELECT record_id, cluster_id FROM {first.clusters_table}
             EXCEPT SELECT record_id, cluster_id FROM {again.clusters_table})
            UNION ALL
            (SELECT record_id, cluster_id FROM {again.clusters_table}
             EXCEPT SELECT record_id, cluster_id FROM {first.clusters_table})
        )
        """
    ).fetchall()[0]
    assert differences == 0


def test_a_file_without_duplicates_gives_about_zero(tmp_path: Path) -> None:
    path = tmp_path / "unique.csv"
    write_customer_file(path, ROWS, seed=SEED, duplicate_rate=0.0, today=TODAY)
    con = duckdb.connect()
    load(con, path)
    result = find_duplicates(con, "customers")
    assert result.duplicate_rate < 0.005


def test_missing_columns_are_skipped(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    con, _, _ = deduplicated
    con.execute(
        "CREATE OR REPLACE TABLE names_only AS "
        "SELECT record_id, first_name, last_name, postcode FROM customers"
    )
    result = find_duplicates(con, "names_only")
    used = {key for rule in result.blocking for key in rule.keys}
    assert used <= {"names", "first_name", "last_name", "postcode", "first_initial", "last_initial"}
    assert [c.split(":")[0] for c in result.comparisons] == ["names", "contact"]
    evaluation = evaluate_pairs(con, result.clusters_table, "truth")
    assert evaluation.precision >= 0.9 and evaluation.found > 0


def test_bad_tables_are_refused() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE no_id AS SELECT 'a@b.fr' AS email")
    con.execute("CREATE TABLE twice AS SELECT '1' AS record_id, 'a@b.fr' AS email FROM range(2)")
    con.execute("CREATE TABLE nothing AS SELECT '1' AS record_id")
    for table in ("no_id", "twice", "nothing", "missing", "x; DROP TABLE twice"):
        with pytest.raises(InputError):
            find_duplicates(con, table)
    with pytest.raises(InputError) as twice:
        find_duplicates(con, "twice")
    assert (
        twice.value.message("en") == "unique record_id values in twice; found 1 repeated record_id"
    )
    with pytest.raises(InputError) as nothing:
        find_duplicates(con, "nothing")
    assert nothing.value.message("fr").startswith(
        "au moins l'une des colonnes email, phone, phone_2, civility, first_name, last_name, "
    )
    assert nothing.value.message("fr").endswith(
        " dans la table nothing\u202f; trouvé\u00a0: les colonnes record_id"
    )
    with pytest.raises(InputError) as threshold:
        find_duplicates(con, "twice", threshold=1.0)
    assert threshold.value.message("fr") == (
        "un seuil de probabilité de correspondance strictement compris entre 0 et 1\u202f; "
        "trouvé\u00a0: 1.0"
    )


def test_tiny_tables() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE one AS SELECT '1' AS record_id, 'a@b.fr' AS email")
    assert find_duplicates(con, "one").clusters == 0


# --- measured by hand and on public data ------------------------------------------------------


def test_the_pair_metric_on_a_table_worked_by_hand() -> None:
    """Clusters {a, b, c} and {d, e} against the truth {a, b}, {c, d, e}, {f}: the clusters
    put 3 + 1 = 4 pairs together, the truth 1 + 3 = 4, both agree on a-b and d-e: precision
    2/4, recall 2/4, F1 0.5."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE found AS SELECT * FROM (VALUES ('a', 'a'), ('b', 'a'), ('c', 'a'), "
        "('d', 'd'), ('e', 'd')) t(record_id, cluster_id)"
    )
    con.execute(
        "CREATE TABLE truth AS SELECT * FROM (VALUES ('a', 1), ('b', 1), ('c', 2), ('d', 2), "
        "('e', 2), ('f', 3)) t(record_id, entity)"
    )
    evaluation = evaluate_pairs(con, "found", "truth")
    assert (evaluation.found, evaluation.true, evaluation.correct) == (4, 4, 2)
    assert (evaluation.precision, evaluation.recall, evaluation.f1) == (0.5, 0.5, 0.5)


FEBRL1 = Path(__file__).parents[1] / "data" / "febrl" / "dataset1.csv"
FEBRL_MAPPING = {  # FEBRL's columns for crmwb's roles (soc_sec_id left out: a CRM has none)
    "record_id": "rec_id",
    "first_name": "given_name",
    "last_name": "surname",
    "street_number": "street_number",
    "address": "address_1",
    "address_2": "address_2",
    "city": "suburb",
    "postcode": "postcode",
    "birth_date": "date_of_birth",
}


def febrl1() -> pd.DataFrame:
    frame = pd.read_csv(FEBRL1, dtype=str, skipinitialspace=True, keep_default_na=False)
    return frame.apply(lambda column: column.str.strip())


def test_febrl1_is_deduplicated_as_published_tools_do() -> None:
    """FEBRL dataset 1 (1 000 records, 500 true pairs, each duplicate with one modified field;
    the ids say the truth: rec-N-org and rec-N-dup-0 are one person), with names, address and
    date of birth, the default configuration: precision >= 0.98 and recall >= 0.95 (measured:
    1.000 and 0.986), every true pair reached by blocking."""
    frame = febrl1()
    found = deduplicate(frame, FEBRL_MAPPING, country="AU")
    entity = frame["rec_id"].str.extract(r"rec-(\d+)-")[0]
    con = duckdb.connect()
    con.register("clusters", found.clusters)
    con.register("truth", pd.DataFrame({"record_id": frame["rec_id"], "entity": entity}))
    evaluation = evaluate_pairs(con, "clusters", "truth")
    assert evaluation.true == 500
    assert evaluation.precision >= 0.98 and evaluation.recall >= 0.95, evaluation
    assert found.result.compared_pairs < 20 * len(frame)
    assert found.result.prior == pytest.approx(500 / (1000 * 999 / 2), rel=0.2)
    assert set(found.pairs.columns) == {
        "record_id_l",
        "record_id_r",
        "match_weight",
        "match_probability",
    }
    assert (found.pairs["match_probability"] >= 0.95).all()
    assert found.result.parameters["comparisons"][0]["output_column_name"] == "names"


def test_febrl1_blocking_reaches_every_true_pair() -> None:
    frame = febrl1()
    con = duckdb.connect()
    con.register("frame", frame)
    columns = ", ".join(f"{column} AS {role}" for role, column in FEBRL_MAPPING.items())
    con.execute(f"CREATE TABLE people AS SELECT {columns} FROM frame")
    con.execute(
        "CREATE TABLE truth AS SELECT rec_id AS record_id, "
        "regexp_extract(rec_id, 'rec-(\\d+)-', 1) AS entity FROM frame"
    )
    result = find_duplicates(con, "people", country="AU", truth_table="truth")
    assert result.blocking_recall == 1.0


def test_the_prior_is_estimated_from_the_file(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    """The probability that two random records are one person: 313 true pairs among
    3 000 x 2 999 / 2 pairs = 6.96e-5; estimated from the model within 30 %."""
    _, truth, result = deduplicated
    assert truth.true_pairs == 313
    assert result.prior == pytest.approx(313 / (ROWS * (ROWS - 1) / 2), rel=0.3)


def test_what_the_model_could_not_learn_is_said_in_words(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    """The synthetic copies never swap a first name for a close one with another last name
    (and a few other ways): the model never sees such a true pair, and says how many ways, in
    the consultant's language — the number the fitted model itself shows."""
    _, _, result = deduplicated
    unseen = [
        level["label_for_charts"]
        for comparison in result.parameters["comparisons"]
        if comparison["output_column_name"] == "names"
        for level in comparison["comparison_levels"]
        if not level.get("is_null_level")
        and "m_probability" not in level
        and "u_probability" in level  # in neither: another sentence
    ]
    assert len(unseen) >= 2
    said = [render(note, "fr") for note in result.training_notes]
    assert (
        f"Prénom et nom\u00a0: {len(unseen)} façons dont deux fiches peuvent se comparer sur "
        "ce point ne sont jamais apparues dans les paires dont le modèle a appris\u202f; une "
        "paire qui se compare ainsi compte comme deux personnes différentes, à vérifier à la "
        "main"
    ) in said, said


def test_deduplicate_takes_a_table_and_a_mapping(generated: tuple[Path, Truth]) -> None:
    path, truth = generated
    mapping = {
        "record_id": "id_client",
        "email": "email",
        "phone": "telephone",
        "first_name": "prenom",
        "last_name": "nom",
        "postcode": "code_postal",
        "city": "ville",
    }
    frame = duckdb.connect().execute(f"SELECT * FROM read_csv('{path}', {csv_options()})").df()
    found = deduplicate(frame, mapping)
    con = duckdb.connect()
    truth.to_duckdb(con, "truth")
    con.register("clusters", found.clusters)
    evaluation = evaluate_pairs(con, "clusters", "truth")
    assert evaluation.precision >= 0.99 and evaluation.recall >= 0.97, evaluation
    with pytest.raises(InputError) as unknown:
        deduplicate(frame, {"record_id": "id_client", "mail": "email"})
    assert "mail" in unknown.value.message("en")


HAND_MADE = [  # id, civility, first, last, birth, number, street, postcode, city, e-mail, phone
    # a couple: one address, one landline, one family e-mail; two people
    (
        "H1",
        "Mme",
        "Claire",
        "Dubreuil",
        "12/03/1961",
        "8",
        "rue des Lilas",
        "44000",
        "Nantes",
        "famille.dubreuil@orange.fr",
        "02 40 11 22 33",
    ),
    (
        "H2",
        "M.",
        "Paul",
        "Dubreuil",
        "05/09/1958",
        "8",
        "rue des Lilas",
        "44000",
        "Nantes",
        "famille.dubreuil@orange.fr",
        "0240112233",
    ),
    # namesakes in two cities, nothing else known: not enough to merge
    ("N1", None, "Jean", "Moreau", None, None, None, "75011", "Paris", None, None),
    ("N2", None, "Jean", "Moreau", None, None, None, "69003", "Lyon", None, None),
    # one man: his first name in initials, no birth date on the second record
    (
        "I1",
        "M.",
        "Jean-Marc",
        "Fabre",
        "14/02/1970",
        "12",
        "rue Pasteur",
        "31000",
        "Toulouse",
        "jm.fabre@laposte.net",
        "06 71 22 33 44",
    ),
    (
        "I2",
        "M.",
        "J.-M.",
        "FABRE",
        None,
        "12",
        "rue Pasteur",
        "31000",
        "Toulouse",
        None,
        "0671223344",
    ),
    # one woman: her last name keyed in the first-name field, the last name left blank
    (
        "P1",
        "Mme",
        "Odile",
        "Vasseur",
        "30/06/1982",
        "5",
        "allée des Pins",
        "33000",
        "Bordeaux",
        "odile.vasseur@free.fr",
        "06 55 44 33 22",
    ),
    (
        "P2",
        "Mme",
        "Vasseur",
        None,
        None,
        None,
        None,
        "33000",
        "Bordeaux",
        "odile.vasseur@free.fr",
        None,
    ),
    # one man: a typo in the name, first and last names swapped, the same birth and address
    (
        "T1",
        "M.",
        "Sébastien",
        "Lefebvre",
        "22/07/1975",
        "3",
        "bd Voltaire",
        "75011",
        "Paris",
        "s.lefebvre@free.fr",
        "06 12 34 56 78",
    ),
    (
        "T2",
        "M.",
        "Lefevre",
        "Sebastien",
        "22/07/1975",
        "3",
        "boulevard Voltaire",
        "75011",
        "Paris",
        None,
        "+33 6 12 34 56 78",
    ),
]


def test_hand_labelled_cases_among_five_thousand_people(tmp_path: Path) -> None:
    """Ten records written by hand among 5 000 synthetic people (households, namesakes, ...):
    a couple sharing address, landline and e-mail stay two people; two Jean Moreau in two
    cities with nothing else known stay apart; J.-M. Fabre and Jean-Marc Fabre with the same
    mobile and address are one man; a last name keyed in the first-name field, with the same
    e-mail, is one woman; a typo with first and last names swapped, the same birth date and
    address, is one person."""
    from crmwb.customer_file.synthetic_people import write_people_file

    path = tmp_path / "people.csv"
    write_people_file(path, 5_000, seed=3, today=TODAY)
    frame = duckdb.connect().execute(f"SELECT * FROM read_csv('{path}', {csv_options()})").df()
    columns = ["id_client", "civilite", "prenom", "nom", "date_naissance", "numero", "adresse"]
    columns += ["code_postal", "ville", "email", "telephone"]
    frame = pd.concat([frame, pd.DataFrame(HAND_MADE, columns=columns)], ignore_index=True)
    found = deduplicate(frame, people_roles("b2c"))
    cluster = dict(zip(found.clusters["record_id"], found.clusters["cluster_id"], strict=True))

    def together(a: str, b: str) -> bool:
        return a in cluster and cluster.get(a) == cluster.get(b)

    assert not together("H1", "H2")
    assert not together("N1", "N2")
    assert together("I1", "I2")
    assert together("P1", "P2")
    assert together("T1", "T2")


def test_colleagues_sharing_an_establishment_stay_apart(tmp_path: Path) -> None:
    """A synthetic B2B file of 5 000 contacts, a fifth of them colleagues sharing address,
    SIRET and often the switchboard: the pairs merged are nearly all one person, and nearly
    every duplicate is found (measured: precision 0.992, recall 0.982; the issue's targets are
    0.99 and 0.97)."""
    from crmwb.customer_file.synthetic_people import write_people_file

    path = tmp_path / "contacts.csv"
    truth = write_people_file(path, 5_000, seed=3, kind="b2b", today=TODAY)
    con = duckdb.connect()
    con.execute(f"CREATE TABLE raw AS SELECT * FROM read_csv('{path}', {csv_options()})")
    columns = ", ".join(f"{c} AS {role}" for role, c in people_roles("b2b").items())
    con.execute(f"CREATE TABLE contacts AS SELECT {columns} FROM raw")
    truth.to_duckdb(con, "truth")
    result = find_duplicates(con, "contacts")
    evaluation = evaluate_pairs(con, result.clusters_table, "truth")
    assert evaluation.precision >= 0.99, evaluation
    assert evaluation.recall >= 0.97, evaluation


def test_the_share_of_namesakes_is_worked_by_hand() -> None:
    """235 people: five Anne Leroy, ten other Anne, twenty other Leroy, 200 other names. Pairs
    sharing the first name: 15 x 14 / 2 = 105; the last name: 25 x 24 / 2 = 300; both:
    5 x 4 / 2 = 10; all pairs 235 x 234 / 2 = 27 495. Namesakes expected by chance:
    105 x 300 / 27 495 = 1.1457 of the 10 pairs named alike, so a share 0.8854 of them are one
    person."""
    rows = [("anne", "leroy")] * 5
    rows += [("anne", f"nom{i}") for i in range(10)]
    rows += [(f"prenom{i}", "leroy") for i in range(20)]
    rows += [(f"autre{i}", f"autre{i}") for i in range(200)]
    con = duckdb.connect()
    con.execute("CREATE TABLE people (first_name VARCHAR, last_name VARCHAR)")
    con.executemany("INSERT INTO people VALUES (?, ?)", rows)
    expected = 1 - 105 * 300 / 27_495 / 10
    assert names_share(con, "people") == pytest.approx(expected)
    con.execute("INSERT INTO people VALUES (NULL, 'leroy'), ('anne', NULL)")  # not counted
    assert names_share(con, "people") == pytest.approx(expected)
    con.execute("DELETE FROM people WHERE first_name LIKE 'autre%'")  # chance explains all
    assert names_share(con, "people") is None


def test_first_names_in_initials() -> None:
    """The names comparison reads a first name written as initials (J.-M., J M, MH) against
    the initials of a full one (Jean-Marc: jm), not a short name (Isa, Léa)."""
    con = duckdb.connect()
    con.execute("CREATE TABLE people (record_id VARCHAR, first_name VARCHAR, last_name VARCHAR)")
    names = ["J.-M.", "J M", "MH", "Jean-Marc", "Marie-Hélène", "Isa", "Léa", "B."]
    con.executemany(
        "INSERT INTO people VALUES (?, ?, 'Fabre')", [(str(i), n) for i, n in enumerate(names)]
    )
    con.execute(normalise_sql("people", "work", {"first_name", "last_name"}, "FR"))
    got = con.execute(
        "SELECT first_abbreviated, first_initials FROM work ORDER BY CAST(record_id AS INT)"
    ).fetchall()
    assert got == [
        (True, "jm"),
        (True, "jm"),
        (True, "mh"),
        (False, "jm"),
        (False, "mh"),
        (False, "i"),
        (False, "l"),
        (True, "b"),
    ]


def test_what_an_email_in_common_weighs_is_not_cancelled_by_the_duplicates(
    deduplicated: tuple[duckdb.DuckDBPyConnection, Truth, DuplicateResult],
) -> None:
    """The u of "the same e-mail and phone" is counted on the file, where nearly every pair
    sharing both is one customer twice (the generator gives each person their own e-mail). Left
    in, those pairs would make u about their number over all pairs, and the level's weight no
    more than the prior takes away; taken out, u counts the pairs of different people: a few
    at most, against the 100+ true pairs sharing both."""
    con, _, result = deduplicated
    total = ROWS * (ROWS - 1) // 2
    (contact,) = [
        c for c in result.parameters["comparisons"] if c["output_column_name"] == "contact"
    ]
    (both,) = [
        lv
        for lv in contact["comparison_levels"]
        if lv.get("label_for_charts") == "All of email, phone"
    ]
    sharing = con.execute(
        "SELECT count(*) FROM customers a JOIN customers b ON a.record_id < b.record_id "
        "AND lower(a.email) = lower(b.email) AND regexp_replace(a.phone, '[^0-9]', '', 'g') = "
        "regexp_replace(b.phone, '[^0-9]', '', 'g')"
    ).fetchone()[0]
    assert sharing >= 100
    assert both["u_probability"] * total <= 5, both["u_probability"] * total


def test_phones_are_read_the_way_of_each_rows_country() -> None:
    """A Belgian row's 02 123 45 67 is the number a French row writes +32 2 123 45 67; a
    French mobile is the same number on a French row, a Belgian row (written +33) and a row
    without country (the file's, France). Numbers as phonenumbers reads them: +32 2 is
    Brussels, 6 12 34 56 78 a French mobile."""
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE t AS SELECT * FROM (VALUES "
        "('1', '+32 2 123 45 67', 'FR'), ('2', '02 123 45 67', 'Belgique'), "
        "('3', '06 12 34 56 78', 'FR'), ('4', '+33 6 12 34 56 78', 'BE'), "
        "('5', '06 12 34 56 78', NULL)) v(record_id, phone, country)"
    )
    countries = [c for (c,) in con.execute(phone_countries_sql("t", "FR")).fetchall()]
    assert countries == ["FR", "BE"]
    con.execute(normalise_sql("t", "w", {"phone", "country"}, "FR", countries))
    got = dict(con.execute("SELECT record_id, phone FROM w").fetchall())
    assert got == {
        "1": "+3221234567",
        "2": "+3221234567",
        "3": "+33612345678",
        "4": "+33612345678",
        "5": "+33612345678",
    }
    con.execute(normalise_sql("t", "w", {"phone", "country"}, "FR"))  # one country: national
    assert con.execute("SELECT phone FROM w WHERE record_id = '3'").fetchone() == ("612345678",)

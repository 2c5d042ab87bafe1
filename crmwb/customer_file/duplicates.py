"""Probabilistic deduplication of a customer table: splink (Fellegi-Sunter) on DuckDB.

:func:`find_duplicates` takes a DuckDB table with a unique ``record_id`` column and any of the
identifying columns of :data:`ROLES` (e-mail, phones, civility, first, last and birth names,
date of birth, street number and address, postcode, city, country, customer, loyalty and
external ids, company name, SIRET/SIREN and VAT number; missing columns are skipped, NULLs
allowed) and leaves two tables in the same connection: the clusters (``record_id, cluster_id,
cluster_size`` for records in clusters of two or more) and the pairwise scores
(``record_id_l, record_id_r, match_weight, match_probability``). :func:`deduplicate` does the
same for a pandas DataFrame, a DuckDB relation or a file, with a mapping from roles to the
table's columns, and returns the clusters, the pairs and the fitted model.
:func:`evaluate_pairs` measures pairwise precision and recall against a truth table. Everything
stays in DuckDB: nothing of size n is built in Python.

**Normalisation** (:mod:`crmwb.customer_file.dedup_keys`): names lower case without accents or
punctuation; phones as national numbers of the file's country (``+33 6 12 34 56 78`` = ``06 12 34 56
78``); postcodes the country's way; dates of birth as ``yyyymmdd`` whatever their format (a typo is
kept: it is still evidence); street lines with their abbreviations written in full (``bd`` =
``boulevard``, ``st`` = ``saint`` in French and ``street`` in English) and their number apart;
company names without their legal form (``SAS``, ``Ltd``...); identifiers without spaces or
punctuation. A value shared by more than :data:`PLACEHOLDER_SHARED` records in an identifying column
(``test@test.fr``, ``0000000000``) is a placeholder, not evidence: it is dropped.

**Blocking** (which pairs are scored; :mod:`crmwb.customer_file.dedup_blocking`) is generated
from the columns present: every identifier alone (e-mail, phone, ids), the strong keys alone
(date of birth, the two names in either order, street and number) and pairs of weak keys (a name
with a postcode, a birth year with a first name...), each rule kept when it compares at most
:data:`COMPARISONS_PER_RECORD` pairs per record, the cheapest first, up to
:data:`BLOCKING_BUDGET` pairs per record in all. The rules and what each costs are in
:attr:`DuplicateResult.blocking`.

**Comparisons** (:mod:`crmwb.customer_file.dedup_comparisons`), each a few levels, the first
that holds wins: names (exact, swapped, Jaro-Winkler on both, a birth name for the other's name,
a first name in initials, one first name missing, a name in the other's other field, one name
only), date of birth (exact, day and month swapped, two of three parts equal, one typo), address
(street and number, Jaro-Winkler levels, same street other number), address complement, location
(postcode, city, Jaro-Winkler city, postcode area), e-mail, phones (any of one's numbers among
the other's), civility, each identifier, the company (SIRET, SIREN, name).

**Training** (:mod:`crmwb.customer_file.dedup_training`), on the file itself: u from random
pairs, except the levels of identifiers and contact, whose u is counted on the file from the
values' frequencies (random sampling almost never sees two records share an e-mail), less the
pairs the model takes for the same person; m by expectation maximisation over sessions blocked
on different keys, chosen so that every comparison is trained in at least one (the session
blocked on the two names with the share of namesakes its pairs hold by chance held fixed:
:func:`names_share`); the prior (the probability that two random records are the same person) as
the fixed point of the model's own predictions (:mod:`crmwb.customer_file.dedup_scoring`). What
could not be trained is said in :attr:`DuplicateResult.training_notes`, in words, never hidden.

Then the blocked pairs are scored, and records are clustered by connected components of the
pairs with ``match_probability >= threshold``.

``duplicate_rate`` = (records in clusters - clusters) / records: the share of records that would
disappear if every cluster were merged into one record.
"""

from __future__ import annotations

import re
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import duckdb

from crmwb.core.errors import InputError, Msg, Quoted, msg
from crmwb.customer_file.dedup_blocking import BlockingRule, blocking_rules, one_row
from crmwb.customer_file.dedup_comparisons import comparisons_for, counted_u
from crmwb.customer_file.dedup_keys import IDENTIFIERS, ROLES, normalise_sql, phone_countries_sql
from crmwb.customer_file.dedup_training import TrainedModel, run_splink
from crmwb.customer_file.field_rules import lit

if TYPE_CHECKING:
    import pandas as pd

CANONICAL_COLUMNS: tuple[str, ...] = ("record_id", *ROLES)


PLACEHOLDER_SHARED = 50
"""An identifier's value shared by more records than this is a placeholder, not evidence."""


_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")


@dataclass(frozen=True)
class DuplicateResult:
    """What :func:`find_duplicates` found. The tables live in the connection it was given."""

    clusters_table: str
    """``record_id, cluster_id, cluster_size``: one row per record in a cluster of >= 2
    (``cluster_id`` is the smallest record_id of the cluster)."""
    pairwise_scores: str
    """Table ``record_id_l, record_id_r, match_weight, match_probability``: every scored pair
    with ``match_probability >= min(threshold, PAIRS_FLOOR)`` (:mod:`.dedup_training`), for
    evaluation (e.g. at other thresholds)."""
    records: int
    clusters: int
    records_in_clusters: int
    duplicate_rate: float
    size_distribution: Mapping[int, int]
    """Number of clusters per cluster size (2, 3, ...)."""
    blocking: tuple[BlockingRule, ...]
    """The rules that chose the pairs compared, with their cost."""
    comparisons: tuple[str, ...]
    threshold: float
    timings: Mapping[str, float]
    """Seconds per step: normalise, block, train, predict, cluster, total."""
    training_notes: tuple[Msg, ...] = ()
    """What the model could not learn from the file, and what it means, in words."""
    prior: float = 0.0
    """The probability that two records drawn at random are the same person, as estimated."""
    parameters: Mapping[str, Any] = field(default_factory=dict)
    """The fitted model (splink's settings with their m and u probabilities)."""
    blocking_recall: float | None = None
    """With a truth table: the share of its true pairs that some blocking rule compares."""

    @property
    def blocking_rules(self) -> tuple[Msg, ...]:
        """What each blocking rule compares, to be written in the reader's language."""
        return tuple(rule.text for rule in self.blocking)

    @property
    def compared_pairs(self) -> int:
        """Pairs the blocking rules compare (a pair two rules share counted once)."""
        return sum(rule.pairs for rule in self.blocking)

    @property
    def pairs_in_clusters(self) -> int:
        """Pairs of records that share a cluster (what a pairwise evaluation counts)."""
        return sum(size * (size - 1) // 2 * n for size, n in self.size_distribution.items())


@dataclass(frozen=True)
class PairEvaluation:
    """Pairs of records put in one cluster, against the pairs that truly are one entity."""

    found: int
    true: int
    correct: int

    @property
    def precision(self) -> float:
        return self.correct / self.found if self.found else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.true if self.true else 1.0

    @property
    def f1(self) -> float:
        both = self.precision + self.recall
        return 2 * self.precision * self.recall / both if both else 0.0


@dataclass(frozen=True)
class Deduplication:
    """What :func:`deduplicate` found: the clusters (``record_id, cluster_id, cluster_size``),
    the pairs scored at or above the threshold (``record_id_l, record_id_r, match_weight,
    match_probability``), and the run's :class:`DuplicateResult` (the model's parameters, the
    blocking rules, the training notes)."""

    clusters: pd.DataFrame
    pairs: pd.DataFrame
    result: DuplicateResult


def deduplicate(
    data: pd.DataFrame | duckdb.DuckDBPyRelation | str | Path,
    mapping: Mapping[str, str],
    *,
    country: str = "FR",
    threshold: float = 0.95,
    seed: int = 0,
) -> Deduplication:
    """Deduplicate ``data`` — a pandas DataFrame, a DuckDB relation or the path of a CSV or
    Parquet file — whose columns ``mapping`` names for each role (``{"record_id": "id",
    "first_name": "prenom", "birth_date": "date_naissance", ...}``; ``record_id`` required,
    roles among :data:`ROLES`). ``country`` (ISO alpha-2) is where the file's phones,
    postcodes and addresses are written, when a row does not say."""
    unknown = sorted(set(mapping) - set(CANONICAL_COLUMNS))
    if unknown:
        raise InputError(
            msg("duplicates.err.roles", roles=CANONICAL_COLUMNS), found=Quoted(", ".join(unknown))
        )
    con = duckdb.connect()
    try:
        if isinstance(data, (str, Path)):
            source = f"read_csv_auto({lit(str(data))}, all_varchar=true)"
            if str(data).endswith(".parquet"):
                source = f"read_parquet({lit(str(data))})"
        else:
            con.register("__crmwb_input", data)
            source = "__crmwb_input"
        columns = ", ".join(
            f"{_quoted_column(column)} AS {role}" for role, column in mapping.items()
        )
        con.execute(f"CREATE TABLE dedup_input AS SELECT {columns} FROM {source}")
        result = find_duplicates(
            con, "dedup_input", threshold=threshold, seed=seed, country=country
        )
        clusters = con.execute(f"SELECT * FROM {result.clusters_table}").df()
        pairs = con.execute(
            f"SELECT * FROM {result.pairwise_scores} WHERE match_probability >= ?", [threshold]
        ).df()
        return Deduplication(clusters=clusters, pairs=pairs, result=result)
    finally:
        con.close()


def find_duplicates(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    threshold: float = 0.95,
    seed: int = 0,
    output_prefix: str | None = None,
    country: str = "FR",
    u_max_pairs: int = 2_000_000,
    em_max_pairs: int = 2_000_000,
    truth_table: str | None = None,
) -> DuplicateResult:
    """Find the records of ``table`` that are the same person (see the module's docstring).

    The result tables are ``<output_prefix>_clusters`` and ``<output_prefix>_pairs`` (default
    prefix: ``<table>_duplicates``), replaced if they exist. ``country`` is the file's (ISO
    alpha-2), used where a row has no country. ``u_max_pairs`` bounds the random pairs sampled
    to estimate u, ``em_max_pairs`` the pairs of each EM session (memory and time stay bounded
    on millions of records). With ``truth_table`` (``record_id, entity``), the blocking recall
    is measured. Same data and seed, same result.
    """
    if not 0.0 < threshold < 1.0:
        raise InputError(msg("duplicates.err.threshold"), found=str(threshold))
    _check_identifier(table, "table")
    prefix = output_prefix or f"{table.replace('.', '_')}_duplicates"
    _check_identifier(prefix, "output_prefix")
    clusters_table, pairs_table = f"{prefix}_clusters", f"{prefix}_pairs"
    work = f"__crmwb_dedup_{re.sub(r'[^A-Za-z0-9_]', '_', prefix)}"
    timings: dict[str, float] = {}
    started = time.perf_counter()

    columns = _columns(con, table)
    _check_record_ids(con, table)
    compared = {c for c in ROLES if c in columns} - {"country"}
    if not compared:
        raise InputError(
            msg("duplicates.err.compared_column", columns=ROLES, table=table),
            found=_listed(columns),
        )
    present = compared | ({"country"} & columns)
    countries = (
        [str(c) for (c,) in con.execute(phone_countries_sql(table, country)).fetchall() if c]
        if "country" in present and present & {"phone", "phone_2"}
        else []
    )
    con.execute(normalise_sql(table, work, present, country, countries))
    _drop_placeholders(con, work, present)
    timings["normalise"] = time.perf_counter() - started
    (records,) = one_row(con, f"SELECT count(*) FROM {work}")
    try:
        started = time.perf_counter()
        blocking = blocking_rules(con, work, present, records)
        recall = _blocking_recall(con, work, blocking, truth_table) if truth_table else None
        timings["block"] = time.perf_counter() - started
        started = time.perf_counter()
        fixed_u = counted_u(con, work, present) if records >= 2 else {}
        comparisons, descriptions = comparisons_for(present, fixed_u)
        fixed_u_seconds = time.perf_counter() - started
        model: TrainedModel
        if records < 2 or not blocking:
            _empty_outputs(con, clusters_table, pairs_table)
            timings.update(train=0.0, predict=0.0, cluster=0.0)
            model = TrainedModel(0.0, {}, ())
        else:
            model = run_splink(
                con,
                work,
                present,
                blocking,
                comparisons,
                threshold=threshold,
                seed=seed,
                u_max_pairs=u_max_pairs,
                em_max_pairs=em_max_pairs,
                records=records,
                clusters_table=clusters_table,
                pairs_table=pairs_table,
                timings=timings,
            )
        timings["train"] += fixed_u_seconds
    finally:
        con.execute(f"DROP TABLE IF EXISTS {work}")
    sizes = {
        int(size): int(n)
        for size, n in con.execute(
            f"SELECT cluster_size, count(DISTINCT cluster_id) FROM {clusters_table} "
            "GROUP BY cluster_size ORDER BY cluster_size"
        ).fetchall()
    }
    clusters = sum(sizes.values())
    in_clusters = sum(size * n for size, n in sizes.items())
    timings["total"] = sum(timings.values())
    return DuplicateResult(
        clusters_table=clusters_table,
        pairwise_scores=pairs_table,
        records=records,
        clusters=clusters,
        records_in_clusters=in_clusters,
        duplicate_rate=(in_clusters - clusters) / records if records else 0.0,
        size_distribution=MappingProxyType(sizes),
        blocking=tuple(blocking),
        comparisons=tuple(descriptions),
        threshold=threshold,
        timings=MappingProxyType(timings),
        training_notes=model.notes,
        prior=model.prior,
        parameters=MappingProxyType(model.parameters),
        blocking_recall=recall,
    )


def evaluate_pairs(
    con: duckdb.DuckDBPyConnection, clusters_table: str, truth_table: str
) -> PairEvaluation:
    """Pairwise precision and recall of ``clusters_table`` (``record_id, cluster_id``, records in
    clusters of >= 2) against ``truth_table`` (``record_id, entity`` for every record)."""
    _check_identifier(clusters_table, "clusters_table")
    _check_identifier(truth_table, "truth_table")
    found, true, correct = one_row(
        con,
        f"""
        WITH sizes AS (SELECT count(*) AS n FROM {clusters_table} GROUP BY cluster_id),
        truth_sizes AS (SELECT count(*) AS n FROM {truth_table} GROUP BY entity),
        both_ AS (
            SELECT count(*) AS n
            FROM {clusters_table} c JOIN {truth_table} t USING (record_id)
            GROUP BY c.cluster_id, t.entity
        )
        SELECT
            (SELECT coalesce(sum(n * (n - 1) // 2), 0) FROM sizes),
            (SELECT coalesce(sum(n * (n - 1) // 2), 0) FROM truth_sizes),
            (SELECT coalesce(sum(n * (n - 1) // 2), 0) FROM both_)
        """,
    )
    return PairEvaluation(found=int(found), true=int(true), correct=int(correct))


# --- internals -----------------------------------------------------------------------------


def _quoted_column(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _check_identifier(name: str, what: str) -> None:
    if not _IDENTIFIER.fullmatch(name):
        raise InputError(msg("duplicates.err.identifier", what=what), found=Quoted(name))


def _listed(columns: set[str]) -> Msg:
    """The columns found, for an error."""
    if not columns:
        return msg("duplicates.err.found.no_column")
    return msg("duplicates.err.found.columns", columns=tuple(sorted(columns)))


def _columns(con: duckdb.DuckDBPyConnection, table: str) -> set[str]:
    try:
        description = con.execute(f"SELECT * FROM {table} LIMIT 0").description
    except duckdb.Error as exc:
        raise InputError(msg("duplicates.err.table", table=table), found=str(exc)) from exc
    names = {str(d[0]) for d in description or ()}
    if "record_id" not in names:
        raise InputError(msg("duplicates.err.record_id", table=table), found=_listed(names))
    return names & set(CANONICAL_COLUMNS)


def _check_record_ids(con: duckdb.DuckDBPyConnection, table: str) -> None:
    rows, non_null, distinct = one_row(
        con,
        f"SELECT count(*), count(record_id), count(DISTINCT record_id) FROM {table}",
    )
    if non_null != rows:
        empty = rows - non_null
        raise InputError(
            msg("duplicates.err.record_id_everywhere", table=table),
            found=msg("duplicates.err.found.empty_ids", count=empty, number=empty),
        )
    if distinct != rows:
        repeated = rows - distinct
        raise InputError(
            msg("duplicates.err.unique_ids", table=table),
            found=msg("duplicates.err.found.repeated_ids", count=repeated, number=repeated),
        )


def _drop_placeholders(con: duckdb.DuckDBPyConnection, work: str, present: set[str]) -> None:
    """Values of identifying columns shared by more than :data:`PLACEHOLDER_SHARED` records
    (``test@test.fr``, ``0000000000``) become NULL: they say nothing about who a record is."""
    columns = [
        c for c in ("email", "email_key", "phone", "phone_2", *IDENTIFIERS) if _in(c, present)
    ]
    if "company_id" in present:
        columns.append("company_id")
    for column in columns:
        con.execute(
            f"UPDATE {work} SET {column} = NULL WHERE {column} IN ("
            f"SELECT {column} FROM {work} WHERE {column} IS NOT NULL GROUP BY {column} "
            f"HAVING count(*) > {PLACEHOLDER_SHARED})"
        )


def _in(column: str, present: set[str]) -> bool:
    return column in present or (column == "email_key" and "email" in present)


def _blocking_recall(
    con: duckdb.DuckDBPyConnection, work: str, rules: list[BlockingRule], truth_table: str
) -> float:
    """The share of the true pairs of ``truth_table`` that at least one rule compares."""
    _check_identifier(truth_table, "truth_table")
    if not rules:
        return 0.0
    any_rule = " OR ".join(f"({rule.sql})" for rule in rules)
    true, reached = one_row(
        con,
        f"""
        WITH pairs AS (
            SELECT a.record_id AS id_l, b.record_id AS id_r
            FROM {truth_table} a JOIN {truth_table} b
              ON a.entity = b.entity AND CAST(a.record_id AS VARCHAR) < CAST(b.record_id AS VARCHAR)
        )
        SELECT count(*), count(*) FILTER (WHERE {any_rule})
        FROM pairs p
        JOIN {work} l ON l.record_id = CAST(p.id_l AS VARCHAR)
        JOIN {work} r ON r.record_id = CAST(p.id_r AS VARCHAR)
        """,
    )
    return int(reached) / int(true) if true else 1.0


def _empty_outputs(con: duckdb.DuckDBPyConnection, clusters_table: str, pairs_table: str) -> None:
    con.execute(
        f"CREATE OR REPLACE TABLE {clusters_table} "
        "(record_id VARCHAR, cluster_id VARCHAR, cluster_size BIGINT)"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {pairs_table} (record_id_l VARCHAR, record_id_r VARCHAR, "
        "match_weight DOUBLE, match_probability DOUBLE)"
    )

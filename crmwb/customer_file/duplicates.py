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

**Blocking** (which pairs are scored) is generated from the columns present: every identifier
alone (e-mail, phone, ids), the strong keys alone (date of birth, the two names in either
order, street and number) and pairs of weak keys (a name with a postcode, a birth year with a
first name...), each rule kept when it compares at most :data:`COMPARISONS_PER_RECORD` pairs
per record, the cheapest first, up to :data:`BLOCKING_BUDGET` pairs per record in all. The
rules and what each costs are in :attr:`DuplicateResult.blocking`.

**Comparisons**, each a few levels, the first that holds wins: names (exact, swapped,
Jaro-Winkler on both, a birth name for the other's name, a first name in initials, one first
name missing, a name in the other's other field, one name only), date of birth (exact,
day and month swapped, two of three parts equal, one typo), address (street and number,
Jaro-Winkler levels, same street other number), address complement, location (postcode, city,
Jaro-Winkler city, postcode area), e-mail, phones (any of one's numbers among the other's),
civility, each identifier, the company (SIRET, SIREN, name).

**Training**, on the file itself: u from random pairs, except the levels of identifiers and
contact, whose u is counted on the file from the values' frequencies (random sampling almost
never sees two records share an e-mail), less the pairs the model takes for the same person;
m by expectation maximisation over sessions blocked on different keys, chosen so that every
comparison is trained in at least one (the session blocked on the two names with the share of
namesakes its pairs hold by chance held fixed: :func:`names_share`); the prior (the
probability that two random records are the same person) as the fixed point of the model's
own predictions (:func:`_prior`). What could not be trained is said in
:attr:`DuplicateResult.training_notes`, in words, never hidden.

Then the blocked pairs are scored, and records are clustered by connected components of the
pairs with ``match_probability >= threshold``.

``duplicate_rate`` = (records in clusters - clusters) / records: the share of records that would
disappear if every cluster were merged into one record.
"""

from __future__ import annotations

import copy
import itertools
import logging
import math
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import duckdb

from crmwb.core.errors import InputError, Msg, Number, Quoted, msg
from crmwb.customer_file.dedup_keys import (
    IDENTIFIERS,
    ROLES,
    Key,
    keys,
    lit,
    normalise_sql,
    phone_countries_sql,
)

if TYPE_CHECKING:
    import pandas as pd
    from splink.internals.comparison_creator import ComparisonCreator

CANONICAL_COLUMNS: tuple[str, ...] = ("record_id", *ROLES)
PAIRS_FLOOR = 0.5  # the pairs table keeps the pairs at or above min(threshold, PAIRS_FLOOR)
EM_MIN_PAIRS = 10  # an EM session needs at least this many blocked pairs
PLACEHOLDER_SHARED = 50
"""An identifier's value shared by more records than this is a placeholder, not evidence."""
COMPARISONS_PER_RECORD = 20.0
"""A blocking rule is kept when it compares at most this many pairs per record."""
BLOCKING_BUDGET = 60.0
"""All blocking rules together compare at most this many pairs per record."""
MAX_COMPARED_PAIRS = 200_000_000
"""And at most this many pairs in all: above 3.3 million records, fewer per record (memory and
time stay within the audit's limits: 5 million records compare 40 per record)."""
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")


@dataclass(frozen=True)
class BlockingRule:
    """One blocking rule: the keys two records must share to be compared (names of
    :class:`crmwb.customer_file.dedup_keys.Key`), the work table's columns they are made of,
    what that means in words, and how many pairs it compares."""

    keys: tuple[str, ...]
    columns: tuple[str, ...]
    text: Msg
    pairs: int

    @property
    def sql(self) -> str:
        """The rule as a condition on a pair (``l.`` and ``r.`` columns of the work table)."""
        return " AND ".join(f"l.{c} = r.{c}" for c in self.columns)


@dataclass(frozen=True)
class DuplicateResult:
    """What :func:`find_duplicates` found. The tables live in the connection it was given."""

    clusters_table: str
    """``record_id, cluster_id, cluster_size``: one row per record in a cluster of >= 2
    (``cluster_id`` is the smallest record_id of the cluster)."""
    pairwise_scores: str
    """Table ``record_id_l, record_id_r, match_weight, match_probability``: every scored pair
    with ``match_probability >= min(threshold, PAIRS_FLOOR)``, for evaluation (e.g. at other
    thresholds)."""
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
    (records,) = _one(con, f"SELECT count(*) FROM {work}")
    try:
        started = time.perf_counter()
        blocking = _blocking(con, work, present, records)
        recall = _blocking_recall(con, work, blocking, truth_table) if truth_table else None
        timings["block"] = time.perf_counter() - started
        started = time.perf_counter()
        fixed_u = _fixed_u(con, work, present) if records >= 2 else {}
        comparisons, descriptions = _comparisons(present, fixed_u)
        fixed_u_seconds = time.perf_counter() - started
        model: _Model
        if records < 2 or not blocking:
            _empty_outputs(con, clusters_table, pairs_table)
            timings.update(train=0.0, predict=0.0, cluster=0.0)
            model = _Model(0.0, {}, ())
        else:
            model = _run_splink(
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
    found, true, correct = _one(
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


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    rows = con.execute(sql).fetchall()
    return tuple(rows[0])


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
    rows, non_null, distinct = _one(
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


# --- blocking ------------------------------------------------------------------------------


def _pairs_sharing(con: duckdb.DuckDBPyConnection, table: str, *columns: str) -> int:
    """Pairs of records of ``table`` that share the values of ``columns`` (all non-NULL)."""
    keys_ = ", ".join(columns)
    known = " AND ".join(f"{c} IS NOT NULL" for c in columns)
    (pairs,) = _one(
        con,
        f"SELECT coalesce(sum(n * (n - 1) // 2), 0) FROM "
        f"(SELECT count(*) AS n FROM {table} WHERE {known} GROUP BY {keys_})",
    )
    return int(pairs)


_REDUNDANT = {
    frozenset({"birth_year", "birth_md"}),  # = the date of birth, a key of its own
    frozenset({"birth_date", "birth_year"}),
    frozenset({"birth_date", "birth_md"}),
    frozenset({"first_name", "first_initial"}),
    frozenset({"last_name", "last_initial"}),
    frozenset({"names", "first_name"}),
    frozenset({"names", "last_name"}),
    frozenset({"names", "first_initial"}),
    frozenset({"names", "last_initial"}),
    frozenset({"street_and_number", "street"}),
    frozenset({"street_and_number", "house_number"}),
    frozenset({"siren", "company_id"}),
    frozenset({"first_name", "last_name"}),  # = the names in either order, a key of its own
    frozenset({"postcode", "city"}),  # both say where: together barely more than one
}
MAX_KEYS = 3  # a blocking rule shares at most this many keys
COSTING_SAMPLE = 200_000
"""Above this many records, a rule's cost is estimated on a sample of this size (the pairs
sharing a key grow with the square of the records)."""


def _candidates(found: list[Key]) -> list[tuple[Key, ...]]:
    """The first rules worth costing: each identifier and strong key alone, and each pair of
    weak keys that are not redundant."""
    rules: list[tuple[Key, ...]] = [(k,) for k in found if k.strength != "weak"]
    weak = [k for k in found if k.strength == "weak"]
    for a, b in itertools.combinations(weak, 2):
        if frozenset({a.name, b.name}) not in _REDUNDANT:
            rules.append((a, b))
    return rules


def _blocking(
    con: duckdb.DuckDBPyConnection, work: str, present: set[str], records: int
) -> list[BlockingRule]:
    """The blocking rules for the roles ``present``: identifiers always; every other rule
    within :data:`COMPARISONS_PER_RECORD` pairs per record, a rule over it narrowed by one
    more weak key (up to :data:`MAX_KEYS`); then the cheapest first within
    :data:`BLOCKING_BUDGET` pairs per record in all."""
    found = keys(present)
    weak = [k for k in found if k.strength == "weak"]
    budget = min(BLOCKING_BUDGET * records, MAX_COMPARED_PAIRS)
    per_rule = min(COMPARISONS_PER_RECORD * records, budget)
    table, scale = work, 1.0
    if records > COSTING_SAMPLE:
        table = f"{work}_sample"
        con.execute(
            f"CREATE OR REPLACE TEMP TABLE {table} AS SELECT * FROM {work} "
            f"USING SAMPLE {COSTING_SAMPLE} ROWS (reservoir, 42)"
        )
        scale = (records / COSTING_SAMPLE) ** 2
    costed: dict[frozenset[str], tuple[bool, int, tuple[Key, ...]]] = {}
    queue = _candidates(found)
    try:
        while queue:
            wider: list[tuple[Key, ...]] = []
            for rule in queue:
                names = frozenset(k.name for k in rule)
                if names in costed:
                    continue
                columns = tuple(c for key in rule for c in key.sql_columns)
                pairs = round(_pairs_sharing(con, table, *columns) * scale)
                identifier = rule[0].strength == "identifier"
                if identifier or pairs <= per_rule:
                    if pairs:
                        costed[names] = (not identifier, pairs, rule)
                elif len(rule) < MAX_KEYS:
                    wider += [
                        (*rule, extra)
                        for extra in weak
                        if extra not in rule
                        and not any(frozenset({k.name, extra.name}) in _REDUNDANT for k in rule)
                    ]
            queue = wider
    finally:
        if table != work:
            con.execute(f"DROP TABLE IF EXISTS {table}")
    chosen: list[BlockingRule] = []
    spent = 0
    for later, pairs, rule in sorted(costed.values(), key=lambda c: (c[0], c[1], len(c[2]))):
        if later and spent + pairs > budget:
            continue
        spent += pairs
        keys_ = tuple(k.name for k in rule)
        columns = tuple(c for key in rule for c in key.sql_columns)
        chosen.append(BlockingRule(keys_, columns, _rule_text(keys_), pairs))
    return chosen


def _rule_text(rule: tuple[str, ...]) -> Msg:
    """What a rule compares, in words: « même date de naissance », « même nom de famille et
    même code postal »."""
    parts = [msg(f"duplicates.key.{key}") for key in rule]
    if len(parts) == 1:
        return parts[0]
    return msg("duplicates.key.all", keys=tuple(parts[:-1]), last=parts[-1])


def _blocking_recall(
    con: duckdb.DuckDBPyConnection, work: str, rules: list[BlockingRule], truth_table: str
) -> float:
    """The share of the true pairs of ``truth_table`` that at least one rule compares."""
    _check_identifier(truth_table, "truth_table")
    if not rules:
        return 0.0
    any_rule = " OR ".join(f"({rule.sql})" for rule in rules)
    true, reached = _one(
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


# --- comparisons ---------------------------------------------------------------------------


def _exact_u(con: duckdb.DuckDBPyConnection, work: str, column: str) -> tuple[int, int]:
    """(pairs of non-NULL values that agree on ``column``, pairs of non-NULL values)."""
    agree, non_null = _one(
        con,
        f"SELECT coalesce(sum(n * (n - 1) // 2), 0), coalesce(sum(n), 0) FROM "
        f"(SELECT count(*) AS n FROM {work} WHERE {column} IS NOT NULL GROUP BY {column})",
    )
    return int(agree), int(non_null) * (int(non_null) - 1) // 2


def _fixed_u(con: duckdb.DuckDBPyConnection, work: str, present: set[str]) -> dict[str, float]:
    """u of the exact-match levels on identifiers (e-mail, phone, ids), computed from the
    values' frequencies: the share of all pairs (both values known) that agree. Random
    sampling cannot see them (two random people almost never share an e-mail), and a level it
    does not observe gets an arbitrary weight. True duplicates are counted too, which only
    makes u a little larger (the weight a little more prudent)."""
    fixed: dict[str, float] = {}

    def share(column: str) -> float:
        agree, pairs = _exact_u(con, work, column)
        return max(agree, 1) / max(pairs, 1)

    fixed.update(_contact_u(con, work, present))
    if {"first_name", "last_name"} <= present:
        (initials,) = _one(
            con,
            f"""
            SELECT coalesce(sum(n * (n - 1) // 2 - (n - a) * (n - a - 1) // 2), 0) FROM (
                SELECT count(*) AS n, count(*) FILTER (WHERE first_abbreviated) AS a
                FROM {work} WHERE first_name IS NOT NULL AND last_name IS NOT NULL
                GROUP BY last_name, first_initial
            )
            """,
        )  # pairs with the same last name and first initial, one first name in initials
        (records,) = _one(con, f"SELECT count(*) FROM {work}")
        fixed["initials"] = max(int(initials), 1) / max(int(records) * (int(records) - 1) // 2, 1)
    for role in IDENTIFIERS:
        if role in present:
            fixed[role] = share(role)
    return fixed


_CONTACT_COLUMNS = {
    "email": ("email",),
    "phone": ("phone",),
    "address": ("street", "house_number"),
    "company": (),  # the company's column: _company_column
}
"""The columns each part of the contact comparison is counted on, for its u."""


def _contact_u(con: duckdb.DuckDBPyConnection, work: str, present: set[str]) -> dict[str, float]:
    """u of the contact comparison's levels on its parts (see :func:`_contact`), from the
    values' frequencies: with N(S) the pairs agreeing on every part of S, the pairs agreeing on
    exactly the parts of S are the sum over T containing S of (-1)^(|T| - |S|) N(T); u of a
    level is its share of all pairs. (An e-mail's keying defects, a second phone and a VAT
    number are left out of the count: u a little smaller than it is.)"""
    names = list(_contact_parts(present))
    if not names:
        return {}
    company = _company_column(present)
    columns = dict(_CONTACT_COLUMNS, company=(company,) if company else ())
    (records,) = _one(con, f"SELECT count(*) FROM {work}")
    total = max(int(records) * (int(records) - 1) // 2, 1)
    subsets = [c for k in range(1, len(names) + 1) for c in itertools.combinations(names, k)]
    shared = {
        subset: _pairs_sharing(con, work, *(c for n in subset for c in columns[n]))
        for subset in subsets
    }
    exactly = {
        subset: sum(
            (-1) ** (len(other) - len(subset)) * shared[other]
            for other in subsets
            if set(subset) <= set(other)
        )
        for subset in subsets
    }
    counts = {name: exactly[(name,)] for name in names}
    if len(names) >= 2:
        counts["all"] = exactly[tuple(names)]
        counts["some"] = sum(n for k, n in exactly.items() if 2 <= len(k) < len(names))
    return {key: max(count, 1) / total for key, count in counts.items()}


def _company_column(present: set[str]) -> str | None:
    """The column that says the company in the contact comparison: the SIRET, else the VAT
    number, else the name (one column, so that its u counted on the file is its own)."""
    return next((c for c in ("company_id", "vat_number", "company_name") if c in present), None)


def _contact_parts(present: set[str]) -> dict[str, str]:
    """The ways to reach a person the file has, as SQL conditions on a pair: ``email`` (the
    same e-mail, keying defects aside), ``phone`` (a number in common), ``address`` (the same
    street and number) and ``company`` (the same SIRET, VAT number or company name: the same
    establishment or company)."""
    parts = {}
    if "email" in present:
        parts["email"] = "(email_l = email_r OR email_key_l = email_key_r)"
    if "phone" in present:
        parts["phone"] = (
            "(phone_l IN (phone_r, phone_2_r) OR phone_2_l IN (phone_r, phone_2_r))"
            if "phone_2" in present
            else "(phone_l = phone_r)"
        )
    if "address" in present:
        parts["address"] = (
            "(street_l = street_r AND (house_number_l = house_number_r OR "
            "house_number_l IS NULL OR house_number_r IS NULL))"
        )
    company = _company_column(present)
    if company is not None:
        parts["company"] = f"({company}_l = {company}_r)"
    return parts


def _contact(present: set[str], fixed_u: Mapping[str, float]) -> tuple[Any, str] | None:
    """One comparison of how the two records reach their person: e-mail, phones, address and
    place together. They are not independent (a household shares its address, its landline
    and often an e-mail; the same street and number means the same postcode): compared apart,
    each would count the same evidence again, and relatives living together would be merged.
    Together, agreeing on all of them weighs what it weighs once, learnt from the file."""
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    parts = _contact_parts(present)
    place = [c for c in ("postcode", "city") if c in present]
    if not parts and not place:
        return None

    def level(sql: str, label: str, u: str | None = None) -> Any:
        made = cll.CustomLevel(sql, label_for_charts=label)
        if u is not None and u in fixed_u:
            made.configure(u_probability=fixed_u[u], fix_u_probability=True)
        return made

    columns = {
        "email": ("email",),
        "phone": ("phone", "phone_2") if "phone_2" in present else ("phone",),
        "address": ("street",),
        "company": tuple(c for c in ("company_id", "vat_number", "company_name") if c in present),
    }
    unknown = [
        " AND ".join(f"({c}_l IS NULL OR {c}_r IS NULL)" for c in columns[name]) for name in parts
    ] + [f"({c}_l IS NULL OR {c}_r IS NULL)" for c in place]
    levels: list[Any] = [
        cll.CustomLevel(" AND ".join(f"({u})" for u in unknown)).configure(is_null_level=True)
    ]
    labels: list[str] = []
    names = list(parts)
    if len(names) >= 2:
        levels.append(level(" AND ".join(parts.values()), "All of " + ", ".join(names), "all"))
        labels.append("all of " + ", ".join(names))
    if len(names) >= 3:
        pairs = [f"({parts[a]} AND {parts[b]})" for a, b in itertools.combinations(names, 2)]
        levels.append(level(" OR ".join(pairs), "Some of " + ", ".join(names), "some"))
        labels.append("at least two of them")
    for name in names:
        levels.append(level(parts[name], f"Same {name} only", name))
        labels.append(f"same {name}")
    same_place = " AND ".join(f"{c}_l = {c}_r" for c in place)
    if "address" in present:
        close = (
            "jaro_winkler_similarity(street_l, street_r) >= 0.9 AND house_number_l = house_number_r"
        )
        levels.append(
            level(f"{close}" + (f" AND {same_place}" if place else ""), "Close street, same number")
        )
        labels.append("close street, same number")
        if place:
            levels.append(
                level(f"street_l = street_r AND {same_place}", "Same street, other number")
            )
            labels.append("same street, other number")
    if place:
        levels.append(level(same_place, "Same " + " and ".join(place)))
        labels.append("same " + " and ".join(place))
        if len(place) == 2:
            levels.append(
                level(
                    "postcode_l = postcode_r OR city_l = city_r OR "
                    "jaro_winkler_similarity(city_l, city_r) >= 0.9",
                    "Same postcode or city",
                )
            )
            labels.append("same postcode or city")
        if "postcode" in present:
            levels.append(level("postcode_area_l = postcode_area_r", "Same postcode area"))
            labels.append("same postcode area")
    levels.append(cll.ElseLevel())
    return (
        cl.CustomComparison(levels, output_column_name="contact"),
        f"contact: {' / '.join(labels)} / other",
    )


def _comparisons(
    present: set[str], fixed_u: Mapping[str, float]
) -> tuple[list[ComparisonCreator], list[str]]:
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    def exact(column: str) -> Any:
        level = cll.ExactMatchLevel(column)
        if column in fixed_u:
            level.configure(u_probability=fixed_u[column], fix_u_probability=True)
        return level

    def custom(sql: str, label: str) -> Any:
        return cll.CustomLevel(sql, label_for_charts=label)

    def counted(level: Any, name: str) -> Any:
        if name in fixed_u:
            level.configure(u_probability=fixed_u[name], fix_u_probability=True)
        return level

    comparisons: list[ComparisonCreator] = []
    text: list[str] = []
    if {"first_name", "last_name"} <= present:
        first, last = "first_name", "last_name"

        def swapped_jw(threshold: float) -> Any:
            return custom(
                f"jaro_winkler_similarity({first}_l, {last}_r) >= {threshold} AND "
                f"jaro_winkler_similarity({last}_l, {first}_r) >= {threshold}",
                f"Swapped, Jaro-Winkler >= {threshold} on both",
            )

        levels: list[Any] = [
            cll.And(cll.NullLevel(first), cll.NullLevel(last)),
            cll.And(cll.ExactMatchLevel(first), cll.ExactMatchLevel(last)).configure(
                tf_adjustment_column=last, tf_adjustment_weight=1.0
            ),
            cll.ColumnsReversedLevel(first, last, symmetrical=True),
        ]
        if "birth_name" in present:
            levels.append(
                custom(
                    "first_name_l = first_name_r AND (birth_name_l = last_name_r OR "
                    "last_name_l = birth_name_r OR birth_name_l = birth_name_r)",
                    "Same first name, one's birth name the other's",
                )
            )
        levels += [
            cll.And(cll.JaroWinklerLevel(first, 0.92), cll.JaroWinklerLevel(last, 0.92)),
            cll.And(cll.JaroWinklerLevel(first, 0.88), cll.JaroWinklerLevel(last, 0.88)),
            swapped_jw(0.88),
            counted(
                custom(
                    "last_name_l = last_name_r AND (first_abbreviated_l OR first_abbreviated_r) "
                    "AND (first_initials_l = first_initials_r OR (left(first_initials_l, 1) = "
                    "left(first_initials_r, 1) AND least(length(first_initials_l), "
                    "length(first_initials_r)) = 1))",
                    "Same last name, a first name in initials that fit the other",
                ),
                "initials",
            ),
            custom(
                "last_name_l = last_name_r AND (first_name_l IS NULL OR first_name_r IS NULL)",
                "Same last name, one first name missing",
            ),
            custom(
                "(first_name_l = last_name_r AND (last_name_l IS NULL OR first_name_r IS NULL "
                "OR left(last_name_l, 1) = left(first_name_r, 1))) OR "
                "(last_name_l = first_name_r AND (first_name_l IS NULL OR last_name_r IS NULL "
                "OR left(first_name_l, 1) = left(last_name_r, 1)))",
                "One's last name the other's first name",
            ),
            cll.And(cll.ExactMatchLevel(last), cll.JaroWinklerLevel(first, 0.7)),
            cll.ExactMatchLevel(last),
            cll.And(cll.ExactMatchLevel(first), cll.JaroWinklerLevel(last, 0.7)),
            cll.ExactMatchLevel(first),
            cll.ElseLevel(),
        ]
        comparisons.append(cl.CustomComparison(levels, output_column_name="names"))
        text.append(
            "names: exact / swapped / (birth name for name) / Jaro-Winkler >= 0.92 on both / "
            ">= 0.88 on both / swapped with Jaro-Winkler >= 0.88 / same last name, a first name "
            "in initials that fit / same last name, a first name missing / one's last name the "
            "other's first name / same last name, first close / same last name / same first "
            "name, last close / same first name / other"
        )
    else:
        for name in ("first_name", "last_name"):
            if name in present:
                comparisons.append(cl.JaroWinklerAtThresholds(name, [0.92, 0.88]))
                text.append(f"{name}: exact / Jaro-Winkler >= 0.92 / >= 0.88 / other")
    if "birth_date" in present:

        def part(side: str, start: int, length: int) -> str:
            return f"substr(birth_date_{side}, {start}, {length})"

        y, m, d = ((1, 4), (5, 2), (7, 2))
        same = {
            name: f"{part('l', *p)} = {part('r', *p)}" for name, p in (("y", y), ("m", m), ("d", d))
        }
        comparisons.append(
            cl.CustomComparison(
                [
                    cll.NullLevel("birth_date"),
                    cll.ExactMatchLevel("birth_date"),
                    custom(
                        f"{same['y']} AND {part('l', *m)} = {part('r', *d)} AND "
                        f"{part('l', *d)} = {part('r', *m)}",
                        "Day and month swapped",
                    ),
                    custom(
                        f"({same['y']} AND {same['m']}) OR ({same['y']} AND {same['d']}) OR "
                        f"({same['m']} AND {same['d']})",
                        "Two of day, month and year equal",
                    ),
                    custom(
                        "damerau_levenshtein(birth_date_l, birth_date_r) <= 1",
                        "One typo",
                    ),
                    cll.ElseLevel(),
                ],
                output_column_name="birth_date",
            )
        )
        text.append(
            "date of birth: exact / day and month swapped / two of three parts equal / one "
            "typo / other"
        )
    contact = _contact(present, fixed_u)
    if contact is not None:
        comparisons.append(contact[0])
        text.append(contact[1])
    if "address_2" in present:
        comparisons.append(cl.JaroWinklerAtThresholds("address_2", [0.88]))
        text.append("address complement: exact / Jaro-Winkler >= 0.88 / other")
    if "civility" in present:
        comparisons.append(
            cl.CustomComparison(
                [cll.NullLevel("civility"), cll.ExactMatchLevel("civility"), cll.ElseLevel()],
                output_column_name="civility",
            )
        )
        text.append("civility: same / other")
    for role in IDENTIFIERS:
        if role in present and role != "vat_number":  # the company's: in the contact
            comparisons.append(
                cl.CustomComparison(
                    [cll.NullLevel(role), exact(role), cll.ElseLevel()], output_column_name=role
                )
            )
            text.append(f"{role}: exact / other")
    return comparisons, text


# --- training ------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Model:
    prior: float
    parameters: dict[str, Any]
    notes: tuple[Msg, ...]


_FEEDS = {
    "names": (
        "first_name",
        "last_name",
        "birth_name",
        "name_lo",
        "name_hi",
        "first_initial",
        "last_initial",
        "first_abbreviated",
        "first_initials",
    ),
    "birth_date": ("birth_date", "birth_year", "birth_md"),
    "contact": (
        "email",
        "email_key",
        "phone",
        "phone_2",
        "street",
        "house_number",
        "postcode",
        "city",
        "postcode_area",
        "company_id",
        "vat_number",
        "company_name",
    ),
    "address_2": ("address_2",),
    "civility": ("civility",),
    **{role: (role,) for role in IDENTIFIERS},
}
"""The work table's columns each comparison reads (a session blocked on one of them cannot
train it)."""


_SESSION_COLUMNS = {"names": ("first_name", "last_name")}
"""The columns an EM session blocks on for a key made of derived columns: splink leaves out of
a session's training the comparisons whose SQL reads a blocking column, and the names
comparison reads first_name and last_name, not the names in either order."""
_NOT_FOR_SESSIONS = frozenset({"first_initial", "last_initial", "birth_year", "birth_md", "siren"})
"""Keys derived from a compared column: a session blocked on them would train that column's
comparison on pairs that all agree on part of it."""


@dataclass(frozen=True)
class _Session:
    """An EM session: the columns it blocks on, its pairs, the comparisons it is chosen to
    train (those no earlier session trained)."""

    columns: tuple[str, ...]
    pairs: int
    trains: frozenset[str]


def _sessions(
    compared: list[str], rules: list[BlockingRule], strengths: Mapping[str, str]
) -> list[_Session]:
    """EM sessions so that each comparison is trained in one, in the order of
    :func:`_session_rank` (a person's keys pair the same person or strangers, which EM tells
    apart well; an address pairs relatives too), each group the most specific first; a session
    kept when it trains a comparison no earlier one trained."""
    untrained = set(compared)
    chosen: list[_Session] = []

    def blocked(columns: tuple[str, ...]) -> set[str]:
        return {c for c in compared if set(_FEEDS.get(c, (c,))) & set(columns)}

    ranked = sorted(rules, key=lambda r: (_session_rank(r.keys, strengths), r.pairs))
    for rule in ranked:
        if rule.pairs < EM_MIN_PAIRS or _NOT_FOR_SESSIONS & set(rule.keys):
            continue
        columns = tuple(
            c
            for key, key_columns in zip(rule.keys, _columns_of(rule), strict=True)
            for c in _SESSION_COLUMNS.get(key, key_columns)
        )
        trains = untrained - blocked(columns)
        if not trains:
            continue
        chosen.append(_Session(columns, rule.pairs, frozenset(trains)))
        untrained -= trains
        if not untrained:
            break
    return chosen


_SHARED_BY_A_GROUP = frozenset({"street_and_number", "company_id", "vat_number", "siren"})
"""Keys a household or a company's staff share: their pairs are as often relatives or
colleagues as the same person, which EM cannot tell apart."""


def _session_rank(keys_: tuple[str, ...], strengths: Mapping[str, str]) -> int:
    """The order EM sessions are tried in: the keys of one person first (date of birth), then
    the identifiers one person has, then the two names (whose pairs are mostly namesakes on
    a large file: see :func:`names_share`), then pairs of weak keys, and last what a group
    shares."""
    if _SHARED_BY_A_GROUP & set(keys_):
        return 4
    if keys_ == ("names",):
        return 2
    return {"strong": 0, "identifier": 1}.get(strengths.get(keys_[0], ""), 3)


def _columns_of(rule: BlockingRule) -> list[tuple[str, ...]]:
    """The work table's columns of each of ``rule``'s keys."""
    found = iter(rule.columns)
    widths = {"names": 2, "street_and_number": 2}
    return [tuple(next(found) for _ in range(widths.get(key, 1))) for key in rule.keys]


class _Notes(logging.Handler):
    """Collects what splink warns about while it trains, to be said in words."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


@contextmanager
def _listening_to_splink() -> Iterator[_Notes]:
    """Splink logs its progress (INFO) and advice (WARNING): its warnings are collected (and
    said in the result's notes), nothing is printed."""
    logger = logging.getLogger("splink")
    level, propagate = logger.level, logger.propagate
    notes = _Notes()
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    logger.addHandler(notes)
    try:
        yield notes
    finally:
        logger.removeHandler(notes)
        logger.setLevel(level)
        logger.propagate = propagate


_NOT_OBSERVED = re.compile(
    r"Level (.*) on comparison (\S+) not observed in dataset, unable to train (m|u) value"
)


def _training_notes(warnings: list[str], parameters: Mapping[str, Any]) -> tuple[Msg, ...]:
    """What could not be trained, in words: each comparison with cases never seen among the
    pairs the model learned m from (such a case then counts strongly against a match: splink
    gives it m = 1e-6), among random pairs (u = 1e-6: strongly for a match) or in neither (it
    says nothing), and any other warning splink gave."""
    unseen: dict[tuple[str, str], set[str]] = {}  # (comparison, "m", "u" or "mu") -> levels
    others = [
        " ".join(text.split())
        for text in warnings
        if not _NOT_OBSERVED.search(text) and "default value for `max_pairs`" not in text
    ]  # a level one session did not see may be trained by another: the model says
    for comparison in parameters.get("comparisons", ()):
        name = str(comparison.get("output_column_name", ""))
        for level in comparison.get("comparison_levels", ()):
            if level.get("is_null_level"):
                continue
            missing = "".join(w for w in ("m", "u") if f"{w}_probability" not in level)
            if missing:  # "mu": neither, a Bayes factor of 1: the level says nothing
                unseen.setdefault((name, missing), set()).add(str(level.get("label_for_charts")))
    notes: list[Msg] = [
        msg(
            f"duplicates.note.unseen_{which}",
            comparison=msg(f"duplicates.comparison.{name}"),
            count=len(levels),
            levels=Number(len(levels)),
        )
        for (name, which), levels in unseen.items()
    ]
    notes += [msg("duplicates.note.other", detail=text) for text in dict.fromkeys(others)]
    return tuple(notes)


def _run_splink(
    con: duckdb.DuckDBPyConnection,
    work: str,
    present: set[str],
    rules: list[BlockingRule],
    comparisons: list[ComparisonCreator],
    *,
    threshold: float,
    seed: int,
    u_max_pairs: int,
    em_max_pairs: int,
    records: int,
    clusters_table: str,
    pairs_table: str,
    timings: dict[str, float],
) -> _Model:
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on
    from splink.clustering import cluster_pairwise_predictions_at_threshold
    from splink.internals.exceptions import SplinkException

    total_pairs = records * (records - 1) // 2
    compared = [c.get_comparison("duckdb").output_column_name for c in comparisons]
    strengths = {k.name: k.strength for k in keys(present)}
    sessions = _sessions(compared, rules, strengths)
    same_names = names_share(con, work) if {"first_name", "last_name"} <= present else None
    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=list(comparisons),
        blocking_rules_to_generate_predictions=[block_on(*rule.columns) for rule in rules],
        probability_two_random_records_match=min(max(len(rules), 1) / max(total_pairs, 1), 0.5),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=True,  # each comparison's weight: _prior
    )
    with _listening_to_splink() as heard:
        started = time.perf_counter()
        db_api = DuckDBAPI(con)
        linker = Linker(db_api.register(work), settings, log_level=None)
        made = [linker]  # every linker built, whose tables are dropped at the end
        try:
            linker.training.estimate_u_using_random_sampling(
                max_pairs=float(max(1, min(u_max_pairs, total_pairs))), seed=seed
            )
            failed: list[tuple[str, ...]] = []
            trained_apart: list[tuple[_Session, dict[str, Any]]] = []
            for session in sessions:
                max_pairs = float(em_max_pairs) if session.pairs > em_max_pairs else None
                try:
                    if session.columns == ("first_name", "last_name") and same_names:
                        apart = _names_session(
                            db_api, work, linker.misc.save_model_to_json(), session,
                            same_names, max_pairs, made,
                        )  # fmt: skip
                        trained_apart.append((session, apart))
                    else:
                        linker.training.estimate_parameters_using_expectation_maximisation(
                            block_on(*session.columns), max_pairs=max_pairs
                        )
                except (ValueError, SplinkException):  # a degenerate session: m of 0 or 1
                    failed.append(session.columns)
            parameters: dict[str, Any] = linker.misc.save_model_to_json()
            for session, apart in trained_apart:
                parameters = _with_m_of(parameters, apart, session.trains)
            if trained_apart:  # the model predicts with the m the sessions apart trained
                linker = Linker(db_api.register(work), _fresh(parameters), log_level=None)
                made.append(linker)
            timings["train"] = time.perf_counter() - started

            started = time.perf_counter()
            # The prior the model predicts with (the settings' starting value: the sessions
            # do not change it), taken out of each weight to leave the pair's evidence.
            trained_prior = float(parameters["probability_two_random_records_match"])
            # Every pair whose evidence points to a match (Bayes factor >= 1): the others
            # weigh nothing next to the true pairs, whatever the prior.
            predictions = linker.inference.predict(
                threshold_match_weight=_logit2(trained_prior), warning_mode="never"
            )
            evidence = "__crmwb_evidence"
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {evidence} AS "
                f"SELECT * EXCLUDE (match_weight, match_probability), "
                f"match_weight - {_logit2(trained_prior)} AS e FROM {predictions.physical_name}"
            )
            first = _prior(con, evidence, total_pairs, "0")
            corrected = _u_without_matches(
                con, evidence, _counted_levels(parameters), first, total_pairs
            )
            more = _evidence_sql(corrected)
            prior = _prior(con, evidence, total_pairs, more)
            _with_u(parameters, corrected)
            floor = min(threshold, PAIRS_FLOOR)
            con.execute(
                f"""
                CREATE OR REPLACE TABLE {pairs_table} AS
                WITH w AS (
                    SELECT record_id_l, record_id_r, e + {more} + {_logit2(prior)} AS match_weight
                    FROM {evidence}
                )
                SELECT record_id_l, record_id_r, match_weight,
                       1 / (1 + pow(2, -match_weight)) AS match_probability
                FROM w WHERE 1 / (1 + pow(2, -match_weight)) >= {floor}
                ORDER BY record_id_l, record_id_r
                """
            )
            con.execute(f"DROP TABLE {evidence}")
            parameters["probability_two_random_records_match"] = prior
            timings["predict"] = time.perf_counter() - started

            started = time.perf_counter()
            clustered = cluster_pairwise_predictions_at_threshold(
                work,
                pairs_table,
                db_api,
                "record_id",
                threshold_match_probability=threshold,
            )
            con.execute(
                f"""
                CREATE OR REPLACE TABLE {clusters_table} AS
                WITH c AS (
                    SELECT record_id, cluster_id,
                           count(*) OVER (PARTITION BY cluster_id) AS cluster_size
                    FROM {clustered.physical_name}
                )
                SELECT record_id, cluster_id, cluster_size FROM c
                WHERE cluster_size >= 2
                ORDER BY cluster_id, record_id
                """
            )
            timings["cluster"] = time.perf_counter() - started
        finally:
            for each in made:
                each.table_management.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]
    notes = _training_notes(heard.records, parameters)
    notes += tuple(msg("duplicates.note.session_failed", keys=", ".join(keys_)) for keys_ in failed)
    return _Model(prior, parameters, notes)


def names_share(con: duckdb.DuckDBPyConnection, table: str) -> float | None:
    """The share of the pairs sharing first and last name that are the same person, estimated
    from the names' frequencies: two different people share a first name and a last name
    independently, so the namesakes expected by chance are (pairs sharing the first name) x
    (pairs sharing the last name) / (all pairs), of records with both names; the rest of the
    pairs sharing both are the same person. None when that leaves too few (under
    :data:`NAMES_SHARE_MIN`) to say.

    Blocked on the two names, EM has nothing but the other comparisons to tell the same person
    from a namesake; when only one of them says much (the contact, on a B2B file), the mixture
    is not identified, and EM settles on "every pair is a match", the namesakes' contact taken
    for the same person's. With the share of matches known, it is."""
    (n, first, last, both) = _one(
        con,
        f"""
        WITH b AS (
            SELECT first_name, last_name FROM {table}
            WHERE first_name IS NOT NULL AND last_name IS NOT NULL
        )
        SELECT (SELECT count(*) FROM b),
               (SELECT coalesce(sum(k * (k - 1) // 2), 0)
                FROM (SELECT count(*) AS k FROM b GROUP BY first_name)),
               (SELECT coalesce(sum(k * (k - 1) // 2), 0)
                FROM (SELECT count(*) AS k FROM b GROUP BY last_name)),
               (SELECT coalesce(sum(k * (k - 1) // 2), 0)
                FROM (SELECT count(*) AS k FROM b GROUP BY first_name, last_name))
        """,
    )
    pairs = int(n) * (int(n) - 1) // 2
    if not pairs or int(both) < EM_MIN_PAIRS:
        return None
    share = 1.0 - int(first) * int(last) / pairs / int(both)
    return min(share, NAMES_SHARE_MAX) if share >= NAMES_SHARE_MIN else None


NAMES_SHARE_MIN = 0.001
NAMES_SHARE_MAX = 0.99


def _names_session(
    db_api: Any,
    work: str,
    model: dict[str, Any],
    session: _Session,
    share: float,
    max_pairs: float | None,
    made: list[Any],
) -> dict[str, Any]:
    """The EM session blocked on the two names, run on a model of its own (the comparisons it
    trains, the u already estimated) with the share of matches among its pairs held at
    ``share`` (see :func:`names_share`): the model's parameters after it."""
    from splink import Linker, block_on

    apart = _fresh(model)
    apart["comparisons"] = [
        c for c in apart["comparisons"] if c["output_column_name"] in session.trains
    ]
    apart["probability_two_random_records_match"] = share
    linker = Linker(db_api.register(work), apart, log_level=None)
    made.append(linker)
    linker.training.estimate_parameters_using_expectation_maximisation(
        block_on(*session.columns),
        fix_probability_two_random_records_match=True,
        max_pairs=max_pairs,
    )
    trained: dict[str, Any] = linker.misc.save_model_to_json()
    return trained


def _fresh(model: Mapping[str, Any]) -> dict[str, Any]:
    """A copy of a saved model for a new linker (its own id: splink names its tables by it)."""
    copied: dict[str, Any] = copy.deepcopy(dict(model))
    copied.pop("linker_uid", None)
    return copied


def _with_m_of(
    model: dict[str, Any], other: Mapping[str, Any], comparisons: frozenset[str]
) -> dict[str, Any]:
    """``model`` with the m of ``comparisons``' levels taken from ``other`` (the same
    comparisons, levels in the same order)."""
    theirs = {c["output_column_name"]: c for c in other.get("comparisons", ())}
    merged = copy.deepcopy(model)
    for comparison in merged["comparisons"]:
        source = theirs.get(comparison["output_column_name"])
        if comparison["output_column_name"] not in comparisons or source is None:
            continue
        for level, their in zip(
            comparison["comparison_levels"], source["comparison_levels"], strict=True
        ):
            if "m_probability" in their:
                level["m_probability"] = their["m_probability"]
            else:
                level.pop("m_probability", None)
    return merged


def _logit2(probability: float) -> float:
    """log2 of the odds: what the prior adds to a pair's match weight."""
    probability = min(max(probability, 1e-300), 1 - 1e-16)
    return math.log2(probability / (1 - probability))


PRIOR_ITERATIONS = 200


@dataclass(frozen=True)
class _Counted:
    """A level whose u was counted on the file: the share of all pairs that agree the way it
    says, the same person's pairs included (see :func:`_fixed_u`); ``position`` among its
    comparison's levels."""

    comparison: str
    position: int
    share: float
    m: float

    @property
    def weight(self) -> float:
        """The level's weight in the predictions (made with u = the share counted)."""
        return math.log2(self.m / self.share)

    def condition(self) -> str:
        """SQL: a predicted pair is at this level (its weight for the comparison is the
        level's)."""
        return f"abs(mw_{self.comparison} - {self.weight!r}) <= {WEIGHT_TOLERANCE}"


WEIGHT_TOLERANCE = 1e-9


def _counted_levels(parameters: Mapping[str, Any]) -> list[_Counted]:
    """The levels of ``parameters`` whose u was counted on the file (held fixed in training)
    and whose m was trained. A pair's level is known by its weight for the comparison (the
    predictions keep each comparison's weight, not its level): a counted level whose weight
    another level of its comparison has too is left as it is."""
    found = []
    for comparison in parameters.get("comparisons", ()):
        levels = comparison["comparison_levels"]
        weights = [
            math.log2(lv["m_probability"] / lv["u_probability"])
            for lv in levels
            if lv.get("m_probability") and lv.get("u_probability")
        ]
        for position, level in enumerate(levels):
            if not (level.get("fix_u_probability") and level.get("m_probability")):
                continue
            counted = _Counted(
                str(comparison["output_column_name"]),
                position,
                float(level["u_probability"]),
                float(level["m_probability"]),
            )
            if sum(abs(w - counted.weight) <= WEIGHT_TOLERANCE for w in weights) == 1:
                found.append(counted)
    return found


def _u_without_matches(
    con: duckdb.DuckDBPyConnection,
    evidence: str,
    counted: list[_Counted],
    prior: float,
    total: int,
) -> dict[_Counted, float]:
    """u of each counted level without the same person's pairs: counted on the file, the
    share of pairs that share an e-mail is mostly the same person's, and left in u it would
    cancel the evidence (an e-mail in common would never say more than "one chance in two").
    The pairs of the level less those the model, under ``prior``, takes for the same person
    (the sum of their match probabilities), over all pairs; at least one pair (a level two
    different people never reach is not proof). The pairs of the level are the more of those
    counted and those predicted (the count reads one column a part, the level more: a second
    phone, an e-mail's keying defects)."""
    if not counted:
        return {}
    sums = ", ".join(
        f"count(*) FILTER (WHERE {c.condition()}), coalesce(sum(CASE WHEN {c.condition()} "
        f"THEN 1 / (1 + pow(2, -(e + {_logit2(prior)}))) END), 0)"
        for c in counted
    )
    found = _one(con, f"SELECT {sums} FROM {evidence}")
    return {
        c: max(max(c.share * total, float(pairs)) - float(matches), 1.0) / max(total, 1)
        for c, pairs, matches in zip(counted, found[::2], found[1::2], strict=True)
    }


def _with_u(parameters: dict[str, Any], corrected: Mapping[_Counted, float]) -> None:
    """Writes in ``parameters`` the u of the counted levels without the same person's pairs."""
    by_key = {(c.comparison, c.position): u for c, u in corrected.items()}
    for comparison in parameters.get("comparisons", ()):
        for position, level in enumerate(comparison["comparison_levels"]):
            u = by_key.get((str(comparison["output_column_name"]), position))
            if u is not None:
                level["u_probability"] = u


def _evidence_sql(corrected: Mapping[_Counted, float]) -> str:
    """SQL: what a pair's evidence gains from the counted levels' u without the same person's
    pairs (it was predicted with u = the share counted)."""
    terms = []
    for name in dict.fromkeys(c.comparison for c in corrected):
        whens = " ".join(
            f"WHEN {c.condition()} THEN {math.log2(c.share) - math.log2(u)!r}"
            for c, u in corrected.items()
            if c.comparison == name
        )
        terms.append(f"(CASE {whens} ELSE 0 END)")
    return " + ".join(terms) or "0"


def _prior(con: duckdb.DuckDBPyConnection, evidence: str, total: int, more: str = "0") -> float:
    """The probability that two records drawn at random are the same person, as the model
    itself sees the file: the fixed point of λ = (sum over the compared pairs of their match
    probability under λ) / (all pairs), the evidence ``e`` of each pair of ``evidence`` being
    its match weight without any prior. (Expectation maximisation of the prior alone, m held:
    the estimate the training sessions give, from blocked samples, is off by orders of
    magnitude on a large file.) Pairs never compared count as non-matches. ``more`` (SQL) is
    what each pair's evidence gains from the counted levels' u once the same person's pairs are
    taken out of it (see :func:`_evidence_sql`)."""
    prior = 1 / max(total, 1)
    for _ in range(PRIOR_ITERATIONS):
        (expected,) = _one(
            con,
            f"SELECT coalesce(sum(1 / (1 + pow(2, -(e + {more} + {_logit2(prior)})))), 0) "
            f"FROM {evidence}",
        )
        new = min(max(float(expected), 1.0) / max(total, 1), 0.5)
        if abs(new - prior) <= 1e-6 * prior:
            return new
        prior = new
    return prior


def _empty_outputs(con: duckdb.DuckDBPyConnection, clusters_table: str, pairs_table: str) -> None:
    con.execute(
        f"CREATE OR REPLACE TABLE {clusters_table} "
        "(record_id VARCHAR, cluster_id VARCHAR, cluster_size BIGINT)"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {pairs_table} (record_id_l VARCHAR, record_id_r VARCHAR, "
        "match_weight DOUBLE, match_probability DOUBLE)"
    )

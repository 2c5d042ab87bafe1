"""Probabilistic deduplication of a customer table: splink (Fellegi-Sunter) on DuckDB.

:func:`find_duplicates` takes a DuckDB table with canonical VARCHAR columns ``record_id``
(required, unique) and any of ``email``, ``phone``, ``first_name``, ``last_name``, ``postcode``,
``city`` (missing columns are skipped, NULLs allowed) and leaves two tables in the same
connection: the clusters (``record_id, cluster_id, cluster_size`` for records in clusters of two
or more) and the pairwise scores (``record_id_l, record_id_r, match_weight, match_probability``,
for evaluation); :func:`evaluate_pairs` measures pairwise precision and recall against a truth
table. Everything stays in DuckDB: nothing of size n is built in Python.

**Normalisation** (SQL, before anything else; empty strings become NULL):

* names and city: ``strip_accents``, lower case, hyphens, apostrophes and dots become spaces,
  runs of spaces collapsed, trimmed ("  JEAN-Pierre " -> "jean pierre");
* email: lower case, trimmed; ``email_key`` is the email without spaces or ``@`` and with
  doubled dots made single (the usual keying defects);
* phone: the last 9 digits of the number's digits when it has at least 10 digits, else NULL.
  That is French numbering: "06 12 34 56 78", "0612345678", "+33 6 12 34 56 78" and
  "0033 6 12 34 56 78" all become "612345678"; a number from another country is reduced the
  same way (its last 9 digits);
* postcode: spaces removed; 4 digits get their leading zero back (Excel drops it); anything but
  5 digits becomes NULL. ``department`` is its first two digits.

**Blocking rules** (the pairs scored are those sharing at least one; rules on missing columns are
skipped; the list is in :attr:`DuplicateResult.blocking_rules`):

1. same email;
2. same phone;
3. same first and last names *in either order* (the sorted pair), and same city (or postcode
   when there is no city column): catches swapped first/last names;
4. same last name, same postcode and same first letter of the first name: catches a typo in the
   first name;
5. same first name, same postcode and same first letter of the last name: catches a typo in
   the last name.

**Comparisons** (Fellegi-Sunter levels, first match wins):

* names: both NULL / exact / swapped / Jaro-Winkler >= 0.92 on both / >= 0.88 on both /
  swapped with Jaro-Winkler >= 0.88 on both (swapped *and* misspelt) / same last name / same
  first name / other (Jaro-Winkler levels alone when only one name column exists);
* email: exact / same ``email_key`` / other. There is no Levenshtein level: addresses are built
  from names, so two namesakes' addresses are often one or two edits apart
  (``jean.martin12@`` / ``jean.martin13@``) and such a level, counted on top of the names,
  merged different people; ``email_key`` catches the keying defects an edit distance was
  meant for;
* phone: exact / other;
* location: same postcode / same city / same department / other.

**Training**:

* ``probability_two_random_records_match`` (the prior): the pairs sharing an email or a phone
  (exact names and place when there is neither), assumed to be 80 % of the true pairs, over
  all pairs;
* u of the exact email, ``email_key`` and phone levels: from the values' frequencies (the share
  of all pairs that agree). Random sampling almost never sees two records share an identifier,
  and splink gives an unseen level an arbitrary default weight. The count includes the true
  duplicates, so u is an upper bound and the weight a prudent one: an identifier shared and
  nothing else known gives about 0.5, not certainty;
* u of the other levels: random sampling of at most ``u_max_pairs`` pairs, seeded;
* m: expectation maximisation on the pairs sharing an email, then on those sharing a phone
  (each session trains the comparisons its rule does not use; at most ``em_max_pairs`` pairs
  each); with neither column, on the pairs sharing a postcode (or city).

Then the blocked pairs are scored, and records are clustered by connected components of the
pairs with ``match_probability >= threshold``.

``duplicate_rate`` = (records in clusters - clusters) / records: the share of records that would
disappear if every cluster were merged into one record.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import duckdb

from crmwb.errors import InputError, Msg, Quoted, msg

if TYPE_CHECKING:
    from splink.internals.comparison_creator import ComparisonCreator

CANONICAL_COLUMNS: tuple[str, ...] = (
    "record_id",
    "email",
    "phone",
    "first_name",
    "last_name",
    "postcode",
    "city",
)
DETERMINISTIC_RECALL = 0.8  # share of the true matches the deterministic rules are assumed to find
PAIRS_FLOOR = 0.5  # the pairs table keeps the pairs at or above min(threshold, PAIRS_FLOOR)
EM_MIN_PAIRS = 10  # an EM session needs at least this many blocked pairs
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)?")


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
    blocking_rules: tuple[Msg, ...]
    """What each blocking rule compares, to be written in the reader's language (« same
    e-mail », « même e-mail »)."""
    comparisons: tuple[str, ...]
    threshold: float
    timings: Mapping[str, float]
    """Seconds per step: normalise, train, predict, cluster, total."""

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


def find_duplicates(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    threshold: float = 0.95,
    seed: int = 0,
    output_prefix: str | None = None,
    u_max_pairs: int = 2_000_000,
    em_max_pairs: int = 2_000_000,
) -> DuplicateResult:
    """Find the records of ``table`` that are the same person (see the module's docstring).

    The result tables are ``<output_prefix>_clusters`` and ``<output_prefix>_pairs`` (default
    prefix: ``<table>_duplicates``), replaced if they exist. ``u_max_pairs`` bounds the random
    pairs sampled to estimate u, ``em_max_pairs`` the pairs of each EM session (memory and time
    stay bounded on millions of records). Same data and seed, same result.
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
    compared = [c for c in CANONICAL_COLUMNS[1:] if c in columns]
    if not compared:
        raise InputError(
            msg("duplicates.err.compared_column", columns=CANONICAL_COLUMNS[1:], table=table),
            found=_listed(columns),
        )
    con.execute(_normalise_sql(table, work, set(compared)))
    timings["normalise"] = time.perf_counter() - started
    (records,) = _one(con, f"SELECT count(*) FROM {work}")
    try:
        started_u = time.perf_counter()
        rules = _blocking_rules(set(compared))
        fixed_u = _fixed_u(con, work, set(compared)) if records >= 2 else {}
        comparisons, descriptions = _comparisons(set(compared), fixed_u)
        fixed_u_seconds = time.perf_counter() - started_u
        if records < 2:
            _empty_outputs(con, clusters_table, pairs_table)
            timings.update(train=0.0, predict=0.0, cluster=0.0)
        else:
            _run_splink(
                con,
                work,
                set(compared),
                rules,
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
    timings["total"] = time.perf_counter() - started
    return DuplicateResult(
        clusters_table=clusters_table,
        pairwise_scores=pairs_table,
        records=records,
        clusters=clusters,
        records_in_clusters=in_clusters,
        duplicate_rate=(in_clusters - clusters) / records if records else 0.0,
        size_distribution=MappingProxyType(sizes),
        blocking_rules=tuple(text for text, _ in rules),
        comparisons=tuple(descriptions),
        threshold=threshold,
        timings=MappingProxyType(timings),
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


def _text(expr: str) -> str:
    """SQL normalising a name or a city: accents, case, punctuation, spaces."""
    cleaned = (
        f"trim(regexp_replace(regexp_replace(lower(strip_accents(CAST({expr} AS VARCHAR))), "
        f"'[-''.]', ' ', 'g'), '\\s+', ' ', 'g'))"
    )
    return f"nullif({cleaned}, '')"


def _normalise_sql(table: str, work: str, present: set[str]) -> str:
    select = ["CAST(record_id AS VARCHAR) AS record_id"]
    if "email" in present:
        select.append("nullif(lower(trim(CAST(email AS VARCHAR))), '') AS email")
    if "phone" in present:
        select.append(
            "CASE WHEN length(regexp_replace(CAST(phone AS VARCHAR), '[^0-9]', '', 'g')) >= 10 "
            "THEN right(regexp_replace(CAST(phone AS VARCHAR), '[^0-9]', '', 'g'), 9) END "
            "AS phone"
        )
    for name in ("first_name", "last_name", "city"):
        if name in present:
            select.append(f"{_text(name)} AS {name}")
    if "postcode" in present:
        pc = "regexp_replace(CAST(postcode AS VARCHAR), '\\s', '', 'g')"
        select.append(
            f"CASE WHEN regexp_full_match({pc}, '[0-9]{{5}}') THEN {pc} "
            f"WHEN regexp_full_match({pc}, '[0-9]{{4}}') THEN '0' || {pc} END AS postcode"
        )
    derived = ["*"]
    if "email" in present:
        derived.append(
            "nullif(replace(regexp_replace(replace(email, '@', ''), '\\s', '', 'g'), '..', '.'), "
            "'') AS email_key"
        )
    if {"first_name", "last_name"} <= present:
        derived += [
            "least(first_name, last_name) AS name_lo",
            "greatest(first_name, last_name) AS name_hi",
            "left(first_name, 1) AS first_initial",
            "left(last_name, 1) AS last_initial",
        ]
    if "postcode" in present:
        derived.append("left(postcode, 2) AS department")
    return (
        f"CREATE OR REPLACE TABLE {work} AS SELECT {', '.join(derived)} FROM "
        f"(SELECT {', '.join(select)} FROM {table})"
    )


Rule = tuple[Msg, Any]  # (what it compares, for people; splink blocking rule creator)


def _blocking_rules(present: set[str]) -> list[Rule]:
    """The blocking rules for the columns ``present``, each with what it compares (a message
    ``duplicates.blocking.*``)."""
    from splink import block_on

    def rule(key: str, *columns: str) -> Rule:
        return msg(f"duplicates.blocking.{key}"), block_on(*columns)

    rules: list[Rule] = []
    if "email" in present:
        rules.append(rule("email", "email"))
    if "phone" in present:
        rules.append(rule("phone", "phone"))
    names = {"first_name", "last_name"} <= present
    place = "city" if "city" in present else "postcode" if "postcode" in present else None
    if names and place:
        rules.append(rule(f"names_either_order_{place}", "name_lo", "name_hi", place))
    if names and "postcode" in present:
        rules.append(rule("last_name_postcode_initial", "last_name", "postcode", "first_initial"))
        rules.append(rule("first_name_postcode_initial", "first_name", "postcode", "last_initial"))
    if names and not place:
        rules.append(rule("names_either_order", "name_lo", "name_hi"))
    if not rules:  # a single name column, or only a place
        only = sorted(present)[0]
        rules.append(rule(only, only))
    return rules


def _exact_u(con: duckdb.DuckDBPyConnection, work: str, column: str) -> tuple[int, int]:
    """(pairs of non-NULL values that agree on ``column``, pairs of non-NULL values)."""
    agree, non_null = _one(
        con,
        f"SELECT coalesce(sum(n * (n - 1) // 2), 0), coalesce(sum(n), 0) FROM "
        f"(SELECT count(*) AS n FROM {work} WHERE {column} IS NOT NULL GROUP BY {column})",
    )
    return int(agree), int(non_null) * (int(non_null) - 1) // 2


def _fixed_u(con: duckdb.DuckDBPyConnection, work: str, present: set[str]) -> dict[str, float]:
    """u of the exact-match levels on identifiers (email, email_key, phone), computed from the
    values' frequencies: the share of all pairs (both values known) that agree. Random sampling
    cannot see them (two random people almost never share an email), and a level it does not
    observe gets an arbitrary weight. True duplicates are counted too, which only makes u a
    little larger (the weight a little more prudent)."""
    fixed: dict[str, float] = {}
    if "phone" in present:
        agree, pairs = _exact_u(con, work, "phone")
        fixed["phone"] = max(agree, 1) / max(pairs, 1)
    if "email" in present:
        agree, pairs = _exact_u(con, work, "email")
        agree_key, pairs_key = _exact_u(con, work, "email_key")
        fixed["email"] = max(agree, 1) / max(pairs, 1)
        # The email_key level is reached only when the emails differ.
        fixed["email_key"] = max(agree_key - agree, 1) / max(pairs_key, 1)
    return fixed


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

    comparisons: list[ComparisonCreator] = []
    text: list[str] = []
    if {"first_name", "last_name"} <= present:
        first, last = "first_name", "last_name"

        def swapped_jw(threshold: float) -> Any:
            return cll.CustomLevel(
                f"jaro_winkler_similarity({first}_l, {last}_r) >= {threshold} AND "
                f"jaro_winkler_similarity({last}_l, {first}_r) >= {threshold}",
                label_for_charts=f"Swapped, Jaro-Winkler >= {threshold} on both",
            )

        comparisons.append(
            cl.CustomComparison(
                [
                    cll.And(cll.NullLevel(first), cll.NullLevel(last)),
                    cll.And(cll.ExactMatchLevel(first), cll.ExactMatchLevel(last)),
                    cll.ColumnsReversedLevel(first, last, symmetrical=True),
                    cll.And(cll.JaroWinklerLevel(first, 0.92), cll.JaroWinklerLevel(last, 0.92)),
                    cll.And(cll.JaroWinklerLevel(first, 0.88), cll.JaroWinklerLevel(last, 0.88)),
                    swapped_jw(0.88),
                    cll.ExactMatchLevel(last),
                    cll.ExactMatchLevel(first),
                    cll.ElseLevel(),
                ],
                output_column_name="names",
            )
        )
        text.append(
            "names: exact / swapped / Jaro-Winkler >= 0.92 on both / >= 0.88 on both / swapped "
            "with Jaro-Winkler >= 0.88 on both / same last name / same first name / other"
        )
    else:
        for name in ("first_name", "last_name"):
            if name in present:
                comparisons.append(cl.JaroWinklerAtThresholds(name, [0.92, 0.88]))
                text.append(f"{name}: exact / Jaro-Winkler >= 0.92 / >= 0.88 / other")
    if "email" in present:
        comparisons.append(
            cl.CustomComparison(
                [
                    cll.NullLevel("email"),
                    exact("email"),
                    exact("email_key"),
                    cll.ElseLevel(),
                ],
                output_column_name="email",
            )
        )
        text.append("email: exact / same once keying defects removed / other")
    if "phone" in present:
        comparisons.append(
            cl.CustomComparison(
                [cll.NullLevel("phone"), exact("phone"), cll.ElseLevel()],
                output_column_name="phone",
            )
        )
        text.append("phone: exact (last 9 digits) / other")
    if {"postcode", "city"} & present:
        levels: list[Any] = []
        if {"postcode", "city"} <= present:
            levels.append(cll.And(cll.NullLevel("postcode"), cll.NullLevel("city")))
        else:
            levels.append(cll.NullLevel("postcode" if "postcode" in present else "city"))
        labels: list[str] = []
        if "postcode" in present:
            levels.append(cll.ExactMatchLevel("postcode"))
            labels.append("same postcode")
        if "city" in present:
            levels.append(cll.ExactMatchLevel("city"))
            labels.append("same city")
        if "postcode" in present:
            levels.append(cll.ExactMatchLevel("department"))
            labels.append("same department")
        levels.append(cll.ElseLevel())
        comparisons.append(cl.CustomComparison(levels, output_column_name="location"))
        text.append(f"location: {' / '.join(labels)} / other")
    return comparisons, text


def _pairs_sharing(con: duckdb.DuckDBPyConnection, work: str, *columns: str) -> int:
    """Pairs of records that share the values of ``columns`` (all non-NULL)."""
    keys = ", ".join(columns)
    known = " AND ".join(f"{c} IS NOT NULL" for c in columns)
    (pairs,) = _one(
        con,
        f"SELECT coalesce(sum(n * (n - 1) // 2), 0) FROM "
        f"(SELECT count(*) AS n FROM {work} WHERE {known} GROUP BY {keys})",
    )
    return int(pairs)


def _deterministic_rules(present: set[str]) -> list[tuple[str, ...]]:
    """Rules that almost only pair true duplicates (for the prior): the identifiers, else the
    exact names (and place)."""
    identifiers: list[tuple[str, ...]] = [(c,) for c in ("email", "phone") if c in present]
    if identifiers:
        return identifiers
    if {"first_name", "last_name"} <= present:
        places = [c for c in ("postcode", "city") if c in present]
        return [("first_name", "last_name", *places[:1])]
    return []


def _prior(con: duckdb.DuckDBPyConnection, work: str, present: set[str], records: int) -> float:
    """``probability_two_random_records_match``: the pairs the deterministic rules find
    (union of at most two rules, by inclusion-exclusion), divided by their assumed recall and
    by the number of pairs; at least one pair, at most one pair in two."""
    total = records * (records - 1) // 2
    rules = _deterministic_rules(present)
    found = sum(_pairs_sharing(con, work, *rule) for rule in rules)
    if len(rules) == 2:
        found -= _pairs_sharing(con, work, *rules[0], *rules[1])
    return min(max(found, 1) / DETERMINISTIC_RECALL / total, 0.5)


def _group(column: str) -> str:
    """The comparison a column feeds."""
    return {"first_name": "names", "last_name": "names", "postcode": "location"}.get(
        column, "location" if column == "city" else column
    )


@contextmanager
def _quiet_splink() -> Iterator[None]:
    """Splink logs its progress (INFO) and advice (WARNING): keep them out of the output."""
    logger = logging.getLogger("splink")
    level = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(level)


def _run_splink(
    con: duckdb.DuckDBPyConnection,
    work: str,
    present: set[str],
    rules: list[Rule],
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
) -> None:
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    total_pairs = records * (records - 1) // 2
    # EM on the pairs sharing an identifier (else a place); a session is useless when its
    # blocking column feeds the only comparison (splink trains no comparison on its own rule).
    groups = {_group(c) for c in present}
    em_columns = [c for c in ("email", "phone") if c in present] or [
        c for c in ("postcode", "city") if c in present
    ][:1]
    em_counts = {c: _pairs_sharing(con, work, c) for c in em_columns if groups - {_group(c)}}

    settings = SettingsCreator(
        link_type="dedupe_only",
        unique_id_column_name="record_id",
        comparisons=list(comparisons),
        blocking_rules_to_generate_predictions=[rule for _, rule in rules],
        probability_two_random_records_match=_prior(con, work, present, records),
        retain_matching_columns=False,
        retain_intermediate_calculation_columns=False,
    )
    with _quiet_splink():
        started = time.perf_counter()
        db_api = DuckDBAPI(con)
        linker = Linker(db_api.register(work), settings, log_level=None)
        try:
            linker.training.estimate_u_using_random_sampling(
                max_pairs=float(max(1, min(u_max_pairs, total_pairs))), seed=seed
            )
            for column, count in em_counts.items():
                if count < EM_MIN_PAIRS:  # too few pairs to learn anything from
                    continue
                linker.training.estimate_parameters_using_expectation_maximisation(
                    block_on(column),
                    max_pairs=float(em_max_pairs) if count > em_max_pairs else None,
                )
            timings["train"] = time.perf_counter() - started

            started = time.perf_counter()
            floor = min(threshold, PAIRS_FLOOR)
            predictions = linker.inference.predict(
                threshold_match_probability=floor, warning_mode="never"
            )
            con.execute(
                f"CREATE OR REPLACE TABLE {pairs_table} AS "
                "SELECT record_id_l, record_id_r, match_weight, match_probability "
                f"FROM {predictions.physical_name} "
                "ORDER BY record_id_l, record_id_r"
            )
            timings["predict"] = time.perf_counter() - started

            started = time.perf_counter()
            clustered = linker.clustering.cluster_pairwise_predictions_at_threshold(
                predictions, threshold_match_probability=threshold
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
            linker.table_management.delete_tables_created_by_splink_from_db()  # type: ignore[no-untyped-call]


def _empty_outputs(con: duckdb.DuckDBPyConnection, clusters_table: str, pairs_table: str) -> None:
    con.execute(
        f"CREATE OR REPLACE TABLE {clusters_table} "
        "(record_id VARCHAR, cluster_id VARCHAR, cluster_size BIGINT)"
    )
    con.execute(
        f"CREATE OR REPLACE TABLE {pairs_table} (record_id_l VARCHAR, record_id_r VARCHAR, "
        "match_weight DOUBLE, match_probability DOUBLE)"
    )

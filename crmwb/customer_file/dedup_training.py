"""Training the deduplication model on the file itself, then running it (:func:`run_splink`): u
from random pairs, m by expectation maximisation over sessions blocked on different keys, chosen
so that every comparison is trained in one (:func:`names_share`: the share of namesakes among the
pairs of the session blocked on the two names, held fixed), what could not be trained said in
words; then the blocked pairs scored (the prior and the counted u of :mod:`.dedup_scoring`) and
the records clustered by connected components of the pairs at or above the threshold."""

from __future__ import annotations

import copy
import logging
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from crmwb.core.errors import Msg, Number, msg
from crmwb.customer_file.dedup_blocking import BlockingRule, one_row
from crmwb.customer_file.dedup_keys import IDENTIFIERS, keys
from crmwb.customer_file.dedup_scoring import (
    counted_levels,
    estimated_prior,
    evidence_sql,
    logit2,
    u_without_matches,
    with_u,
)

if TYPE_CHECKING:
    from splink.internals.comparison_creator import ComparisonCreator

PAIRS_FLOOR = 0.5  # the pairs table keeps the pairs at or above min(threshold, PAIRS_FLOOR)
EM_MIN_PAIRS = 10  # an EM session needs at least this many blocked pairs


@dataclass(frozen=True)
class TrainedModel:
    """What :func:`run_splink` learnt: the prior, the fitted model (splink's settings with
    their m and u probabilities) and what could not be trained, in words."""

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


def run_splink(
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
) -> TrainedModel:
    """Train the model of ``comparisons`` on the work table ``work`` (u from random pairs, m
    by EM sessions chosen among ``rules``), score the pairs ``rules`` compare into
    ``pairs_table`` and cluster those at or above ``threshold`` into ``clusters_table``; the
    seconds of each step go to ``timings`` (train, predict, cluster)."""
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
        retain_intermediate_calculation_columns=True,  # each comparison's weight: estimated_prior
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
                threshold_match_weight=logit2(trained_prior), warning_mode="never"
            )
            evidence = "__crmwb_evidence"
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {evidence} AS "
                f"SELECT * EXCLUDE (match_weight, match_probability), "
                f"match_weight - {logit2(trained_prior)} AS e FROM {predictions.physical_name}"
            )
            first = estimated_prior(con, evidence, total_pairs, "0")
            corrected = u_without_matches(
                con, evidence, counted_levels(parameters), first, total_pairs
            )
            more = evidence_sql(corrected)
            prior = estimated_prior(con, evidence, total_pairs, more)
            with_u(parameters, corrected)
            floor = min(threshold, PAIRS_FLOOR)
            con.execute(
                f"""
                CREATE OR REPLACE TABLE {pairs_table} AS
                WITH w AS (
                    SELECT record_id_l, record_id_r, e + {more} + {logit2(prior)} AS match_weight
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
    return TrainedModel(prior, parameters, notes)


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
    (n, first, last, both) = one_row(
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

"""Which pairs of records the deduplication compares: blocking rules generated from the keys the
columns present give (:func:`crmwb.customer_file.dedup_keys.keys`) — each identifier and strong
key alone, pairs of weak keys, a third weak key for a rule too wide — each costed on the file
(:func:`pairs_sharing`; on a sample above :data:`COSTING_SAMPLE` records) and kept within
:data:`COMPARISONS_PER_RECORD` pairs per record, the cheapest first within
:data:`BLOCKING_BUDGET` pairs per record in all (:func:`blocking_rules`)."""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from typing import Any

import duckdb

from crmwb.core.errors import Msg, msg
from crmwb.customer_file.dedup_keys import Key, keys

COMPARISONS_PER_RECORD = 20.0
"""A blocking rule is kept when it compares at most this many pairs per record."""
BLOCKING_BUDGET = 60.0
"""All blocking rules together compare at most this many pairs per record."""
MAX_COMPARED_PAIRS = 200_000_000
"""And at most this many pairs in all: above 3.3 million records, fewer per record (memory and
time stay within the audit's limits: 5 million records compare 40 per record)."""


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


def one_row(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    """The first row of ``sql`` (a query that counts: one row)."""
    rows = con.execute(sql).fetchall()
    return tuple(rows[0])


def pairs_sharing(con: duckdb.DuckDBPyConnection, table: str, *columns: str) -> int:
    """Pairs of records of ``table`` that share the values of ``columns`` (all non-NULL)."""
    keys_ = ", ".join(columns)
    known = " AND ".join(f"{c} IS NOT NULL" for c in columns)
    (pairs,) = one_row(
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


def blocking_rules(
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
                pairs = round(pairs_sharing(con, table, *columns) * scale)
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

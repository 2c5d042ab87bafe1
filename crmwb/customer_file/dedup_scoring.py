"""What a pair's score is made of once the deduplication model is trained: the prior (the
probability that two records drawn at random are the same person) as the fixed point of the
model's own predictions (:func:`estimated_prior`), and the u of the levels counted on the file,
without the same person's pairs (:func:`counted_levels`, :func:`u_without_matches`,
:func:`evidence_sql`, :func:`with_u`)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import duckdb

from crmwb.customer_file.dedup_blocking import one_row


def logit2(probability: float) -> float:
    """log2 of the odds: what the prior adds to a pair's match weight."""
    probability = min(max(probability, 1e-300), 1 - 1e-16)
    return math.log2(probability / (1 - probability))


PRIOR_ITERATIONS = 200


@dataclass(frozen=True)
class _Counted:
    """A level whose u was counted on the file: the share of all pairs that agree the way it
    says, the same person's pairs included (see :func:`.dedup_comparisons.counted_u`);
    ``position`` among its comparison's levels."""

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


def counted_levels(parameters: Mapping[str, Any]) -> list[_Counted]:
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


def u_without_matches(
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
        f"THEN 1 / (1 + pow(2, -(e + {logit2(prior)}))) END), 0)"
        for c in counted
    )
    found = one_row(con, f"SELECT {sums} FROM {evidence}")
    return {
        c: max(max(c.share * total, float(pairs)) - float(matches), 1.0) / max(total, 1)
        for c, pairs, matches in zip(counted, found[::2], found[1::2], strict=True)
    }


def with_u(parameters: dict[str, Any], corrected: Mapping[_Counted, float]) -> None:
    """Writes in ``parameters`` the u of the counted levels without the same person's pairs."""
    by_key = {(c.comparison, c.position): u for c, u in corrected.items()}
    for comparison in parameters.get("comparisons", ()):
        for position, level in enumerate(comparison["comparison_levels"]):
            u = by_key.get((str(comparison["output_column_name"]), position))
            if u is not None:
                level["u_probability"] = u


def evidence_sql(corrected: Mapping[_Counted, float]) -> str:
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


def estimated_prior(
    con: duckdb.DuckDBPyConnection, evidence: str, total: int, more: str = "0"
) -> float:
    """The probability that two records drawn at random are the same person, as the model
    itself sees the file: the fixed point of λ = (sum over the compared pairs of their match
    probability under λ) / (all pairs), the evidence ``e`` of each pair of ``evidence`` being
    its match weight without any prior. (Expectation maximisation of the prior alone, m held:
    the estimate the training sessions give, from blocked samples, is off by orders of
    magnitude on a large file.) Pairs never compared count as non-matches. ``more`` (SQL) is
    what each pair's evidence gains from the counted levels' u once the same person's pairs are
    taken out of it (see :func:`evidence_sql`)."""
    prior = 1 / max(total, 1)
    for _ in range(PRIOR_ITERATIONS):
        (expected,) = one_row(
            con,
            f"SELECT coalesce(sum(1 / (1 + pow(2, -(e + {more} + {logit2(prior)})))), 0) "
            f"FROM {evidence}",
        )
        new = min(max(float(expected), 1.0) / max(total, 1), 0.5)
        if abs(new - prior) <= 1e-6 * prior:
            return new
        prior = new
    return prior

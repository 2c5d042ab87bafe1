"""How the deduplication compares two records, as splink comparisons (:func:`comparisons_for`):
the names, the date of birth, the contact (e-mail, phones, address, company and place together:
a household shares them, so they count once), the address complement, the civility and each
identifier; and the u of the levels random sampling cannot see (identifiers, contact, a first
name in initials), counted on the file from the values' frequencies (:func:`counted_u`)."""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

import duckdb

from crmwb.customer_file.dedup_blocking import one_row, pairs_sharing
from crmwb.customer_file.dedup_keys import IDENTIFIERS

if TYPE_CHECKING:
    from splink.internals.comparison_creator import ComparisonCreator


def _exact_u(con: duckdb.DuckDBPyConnection, work: str, column: str) -> tuple[int, int]:
    """(pairs of non-NULL values that agree on ``column``, pairs of non-NULL values)."""
    agree, non_null = one_row(
        con,
        f"SELECT coalesce(sum(n * (n - 1) // 2), 0), coalesce(sum(n), 0) FROM "
        f"(SELECT count(*) AS n FROM {work} WHERE {column} IS NOT NULL GROUP BY {column})",
    )
    return int(agree), int(non_null) * (int(non_null) - 1) // 2


def counted_u(con: duckdb.DuckDBPyConnection, work: str, present: set[str]) -> dict[str, float]:
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
        (initials,) = one_row(
            con,
            f"""
            SELECT coalesce(sum(n * (n - 1) // 2 - (n - a) * (n - a - 1) // 2), 0) FROM (
                SELECT count(*) AS n, count(*) FILTER (WHERE first_abbreviated) AS a
                FROM {work} WHERE first_name IS NOT NULL AND last_name IS NOT NULL
                GROUP BY last_name, first_initial
            )
            """,
        )  # pairs with the same last name and first initial, one first name in initials
        (records,) = one_row(con, f"SELECT count(*) FROM {work}")
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
    (records,) = one_row(con, f"SELECT count(*) FROM {work}")
    total = max(int(records) * (int(records) - 1) // 2, 1)
    subsets = [c for k in range(1, len(names) + 1) for c in itertools.combinations(names, k)]
    shared = {
        subset: pairs_sharing(con, work, *(c for n in subset for c in columns[n]))
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


def comparisons_for(
    present: set[str], fixed_u: Mapping[str, float]
) -> tuple[list[ComparisonCreator], list[str]]:
    """The comparisons of the roles ``present`` and what each compares, in words; ``fixed_u``
    the u counted on the file (:func:`counted_u`), held fixed in training."""
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

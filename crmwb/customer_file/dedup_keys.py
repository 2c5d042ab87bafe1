"""The identifying columns of a customer table as the deduplication compares them: one SQL
normalisation per role, the keys blocking can use, and the keys' strength.

Everything here is SQL text for DuckDB (nothing of size n in Python). :func:`normalise_sql`
turns a table with canonical columns (``record_id`` and any of :data:`ROLES`) into the work
table :mod:`crmwb.customer_file.duplicates` compares: normalised values plus derived keys (the
names in either order, the birth date's parts, the street without its number, the SIREN of a
SIRET...)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from crmwb.core.errors import InputError
from crmwb.customer_file.field_rules import (
    lit,
    normalise_country_sql,
    normalise_name_sql,
    normalise_phone_sql,
    phone_plan,
)

ROLES: tuple[str, ...] = (
    "email",
    "phone",
    "phone_2",
    "civility",
    "first_name",
    "last_name",
    "birth_name",
    "birth_date",
    "street_number",
    "address",
    "address_2",
    "postcode",
    "city",
    "country",
    "customer_number",
    "loyalty_number",
    "external_id",
    "company_name",
    "company_id",
    "vat_number",
)
"""The roles the deduplication reads (each the name of a column of the table it is given)."""

IDENTIFIERS: tuple[str, ...] = (
    "customer_number",
    "loyalty_number",
    "external_id",
    "vat_number",
)
"""Roles that name one customer (or one company) by themselves: compared exactly."""

FRENCH_SPEAKING = ("FR", "BE", "CH", "LU", "MC")

# Street words as written in full, from their usual abbreviations (after accents and
# punctuation are removed). "st" is "saint" in French and "street" in English.
_STREET_WORDS_FR = {
    "bd": "boulevard",
    "bld": "boulevard",
    "boul": "boulevard",
    "av": "avenue",
    "ave": "avenue",
    "r": "rue",
    "pl": "place",
    "che": "chemin",
    "chem": "chemin",
    "rte": "route",
    "imp": "impasse",
    "all": "allee",
    "sq": "square",
    "fg": "faubourg",
    "fbg": "faubourg",
    "qu": "quai",
    "crs": "cours",
    "pass": "passage",
    "res": "residence",
    "lot": "lotissement",
    "st": "saint",
    "ste": "sainte",
}
_STREET_WORDS_EN = {
    "st": "street",
    "str": "street",
    "rd": "road",
    "av": "avenue",
    "ave": "avenue",
    "dr": "drive",
    "ln": "lane",
    "pl": "place",
    "ct": "court",
    "cres": "crescent",
    "cl": "close",
    "hwy": "highway",
    "pde": "parade",
    "cct": "circuit",
    "tce": "terrace",
    "blvd": "boulevard",
    "sq": "square",
    "mt": "mount",
}
# Legal forms and filler words left out of a company's name.
_COMPANY_WORDS = (
    "sas sasu sarl eurl sa sci snc scop scs selarl sca gie ei eirl "
    "ltd limited inc incorporated llc llp plc gmbh ag bv nv srl spa sl "
    "co cie compagnie company corp corporation societe ste groupe group "
    "et and the le la les l"
).split()
_CIVILITY = {
    "m": "m",
    "mr": "m",
    "monsieur": "m",
    "mister": "m",
    "h": "m",
    "homme": "m",
    "male": "m",
    "masculin": "m",
    "mme": "f",
    "madame": "f",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "mlle": "f",
    "mademoiselle": "f",
    "f": "f",
    "femme": "f",
    "female": "f",
    "feminin": "f",
}


@dataclass(frozen=True)
class Key:
    """A value two records can share, for blocking: its name (``duplicates.key.<name>`` says
    it in words), the work table's columns it is made of, and how strongly sharing it alone
    points to one person (``"identifier"``: always enough to compare the two; ``"strong"``:
    compared alone when not too frequent; ``"weak"``: only with another key)."""

    name: str
    strength: str
    columns: tuple[str, ...] = ()

    @property
    def sql_columns(self) -> tuple[str, ...]:
        return self.columns or (self.name,)


def _plain_text(expr: str) -> str:
    """SQL: lower case, accents stripped, punctuation read as spaces, blanks collapsed."""
    cleaned = (
        f"trim(regexp_replace(regexp_replace(lower(strip_accents(CAST({expr} AS VARCHAR))), "
        "'[^a-z0-9]+', ' ', 'g'), ' +', ' ', 'g'))"
    )
    return f"nullif({cleaned}, '')"


def _replace_words(expr: str, words: dict[str, str]) -> str:
    """SQL: each whole word of ``words`` replaced (``expr`` is plain text: lower, spaced)."""
    out = f"(' ' || {expr} || ' ')"
    for short, full in words.items():
        out = f"replace({out}, {lit(f' {short} ')}, {lit(f' {full} ')})"
    return f"trim({out})"


def _drop_words(expr: str, words: Iterable[str]) -> str:
    pattern = "\\b(" + "|".join(words) + ")\\b"
    dropped = f"regexp_replace({expr}, {lit(pattern)}, '', 'g')"
    return f"nullif(trim(regexp_replace({dropped}, ' +', ' ', 'g')), '')"


def _street(expr: str, country: str) -> str:
    """SQL: a street line in plain text with its abbreviations written in full, the French or
    the English way after the row's ``country`` (an SQL expression)."""
    plain = _plain_text(expr)
    french = _replace_words(plain, _STREET_WORDS_FR)
    english = _replace_words(plain, _STREET_WORDS_EN)
    codes = ", ".join(lit(c) for c in FRENCH_SPEAKING)
    return f"(CASE WHEN {country} IN ({codes}) THEN {french} ELSE {english} END)"


def _digits(expr: str) -> str:
    return f"nullif(regexp_replace(CAST({expr} AS VARCHAR), '[^0-9]', '', 'g'), '')"


def _identifier(expr: str) -> str:
    return f"nullif(upper(regexp_replace(CAST({expr} AS VARCHAR), '[^0-9A-Za-z]', '', 'g')), '')"


def _birth_date(expr: str) -> str:
    """SQL: a date of birth as ``yyyymmdd`` text, the way it was written (an impossible date
    such as 31/02 is kept: a typo in a date is still evidence): from a DATE, ``yyyy-mm-dd``,
    ``dd/mm/yyyy`` (also with ``-`` or ``.``) or ``yyyymmdd``."""
    s = f"trim(CAST({expr} AS VARCHAR))"
    iso = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})"
    dmy = r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})"

    def part(pattern: str, group: int, width: int) -> str:
        return f"lpad(regexp_extract({s}, {lit(pattern)}, {group}), {width}, '0')"

    return (
        f"(CASE WHEN regexp_matches({s}, {lit(iso)}) "
        f"THEN {part(iso, 1, 4)} || {part(iso, 2, 2)} || {part(iso, 3, 2)} "
        f"WHEN regexp_matches({s}, {lit(dmy)}) "
        f"THEN {part(dmy, 3, 4)} || {part(dmy, 2, 2)} || {part(dmy, 1, 2)} "
        f"WHEN regexp_full_match({s}, '\\d{{8}}') THEN {s} END)"
    )


def _postcode(expr: str, country: str) -> str:
    """SQL: a postcode compared the way of the row's country: without spaces, upper case; a
    French one of 4 digits gets back the leading zero a spreadsheet dropped."""
    pc = f"nullif(upper(regexp_replace(CAST({expr} AS VARCHAR), '[^0-9A-Za-z]', '', 'g')), '')"
    return (
        f"(CASE WHEN {country} = 'FR' AND regexp_full_match({pc}, '[0-9]{{4}}') "
        f"THEN '0' || {pc} ELSE {pc} END)"
    )


def _civility(expr: str) -> str:
    plain = _plain_text(expr)
    whens = " ".join(f"WHEN {lit(k)} THEN {lit(v)}" for k, v in _CIVILITY.items())
    return f"(CASE {plain} {whens} END)"


def phone_countries_sql(table: str, country: str) -> str:
    """SQL: the countries the rows of ``table`` say (its ``country`` column, normalised; the
    file's ``country`` where blank), the most frequent first, at most :data:`PHONE_COUNTRIES`:
    the countries whose way to write a phone :func:`normalise_sql` knows row by row."""
    return (
        f"SELECT c FROM (SELECT {normalise_country_sql('country', country)} AS c FROM {table}) "
        f"GROUP BY c ORDER BY count(*) DESC, c LIMIT {PHONE_COUNTRIES}"
    )


PHONE_COUNTRIES = 30


def _phone(expr: str, country_expr: str, country: str, countries: Sequence[str]) -> str:
    """SQL: a phone number as a key. When every row is of the file's ``country`` (or of a
    country phonenumbers does not know), its national number (``06 12 34 56 78`` ->
    ``612345678``). When ``countries`` holds others, each row's number read the way of its
    country and written internationally, so that the same number matches whoever wrote it: a
    Belgian row's ``02 123 45 67`` and a French row's ``+32 2 123 45 67`` both give
    ``+3221234567``."""

    def international(code: str) -> str:
        plan = phone_plan(code)
        number = normalise_phone_sql(expr, code)
        return (
            f"(CASE WHEN starts_with({number}, '+') THEN {number} "
            f"ELSE {lit('+' + plan.country_code)} || {number} END)"
        )

    known = []
    for other in dict.fromkeys(countries):
        try:
            phone_plan(other)
        except InputError:
            continue
        if other != country:
            known.append(other)
    if not known:
        return normalise_phone_sql(expr, country)
    whens = " ".join(f"WHEN {lit(code)} THEN {international(code)}" for code in known)
    return f"(CASE {country_expr} {whens} ELSE {international(country)} END)"


def normalise_sql(
    table: str, work: str, present: set[str], country: str, countries: Sequence[str] = ()
) -> str:
    """SQL creating ``work`` from ``table``: ``record_id`` and each role of ``present``
    normalised, plus the derived keys (see :func:`keys`). ``country`` (ISO alpha-2) is the
    file's, used where a row says none; ``countries`` the rows' (see
    :func:`phone_countries_sql`), whose phones are read each the way of its country."""
    country_expr = (
        normalise_country_sql("country", country) if "country" in present else lit(country)
    )
    inner = [
        "CAST(record_id AS VARCHAR) AS record_id",
        f"{country_expr} AS country",
    ]
    if "email" in present:
        inner.append("nullif(lower(trim(CAST(email AS VARCHAR))), '') AS email")
    for phone in ("phone", "phone_2"):
        if phone in present:
            raw = f"CAST({phone} AS VARCHAR)"
            inner.append(f"{_phone(raw, country_expr, country, countries)} AS {phone}")
    for name in ("first_name", "last_name", "birth_name"):
        if name in present:
            inner.append(f"{normalise_name_sql(f'CAST({name} AS VARCHAR)')} AS {name}")
    if "city" in present:
        inner.append(f"{_plain_text('city')} AS city")
    if "civility" in present:
        inner.append(f"{_civility('civility')} AS civility")
    if "birth_date" in present:
        inner.append(f"{_birth_date('birth_date')} AS birth_date")
    if "street_number" in present:
        inner.append(f"{_plain_text('street_number')} AS street_number")
    for line in ("address", "address_2"):
        if line in present:
            inner.append(f"CAST({line} AS VARCHAR) AS {line}_raw")
    if "postcode" in present:
        inner.append("postcode AS postcode_raw")
    for role in IDENTIFIERS:
        if role in present:
            inner.append(f"{_identifier(role)} AS {role}")
    if "company_id" in present:
        inner.append(f"{_digits('company_id')} AS company_id")
    if "company_name" in present:
        inner.append(
            f"{_drop_words(_plain_text(_dotless('company_name')), _COMPANY_WORDS)} AS company_name"
        )

    derived = ["*"]
    excluded = [c for c in ("postcode_raw", "address_raw", "address_2_raw") if _has(c, present)]
    if excluded:
        derived = [f"* EXCLUDE ({', '.join(excluded)})"]
    if "postcode" in present:
        derived.append(f"{_postcode('postcode_raw', 'country')} AS postcode")
    if "address" in present:
        street = _street("address_raw", "country")
        leading = r"^(\d+)\s*(bis|ter|quater|[a-z])?\b\s*"
        derived.append(f"nullif(trim(regexp_replace({street}, {lit(leading)}, '')), '') AS street")
        derived.append(
            f"nullif(regexp_extract({street}, {lit(leading)}, 1), '') AS number_in_street"
        )
    if "address_2" in present:
        derived.append(f"{_street('address_2_raw', 'country')} AS address_2")

    keyed = ["*"]
    if "email" in present:
        keyed.append(
            "nullif(replace(regexp_replace(replace(email, '@', ''), '\\s', '', 'g'), '..', '.'), "
            "'') AS email_key"
        )
    if {"first_name", "last_name"} <= present:
        keyed += [
            "least(first_name, last_name) AS name_lo",
            "greatest(first_name, last_name) AS name_hi",
            "left(first_name, 1) AS first_initial",
            "left(last_name, 1) AS last_initial",
        ]
    if "first_name" in present:
        keyed += [
            f"{_ABBREVIATED} AS first_abbreviated",
            f"(CASE WHEN {_ABBREVIATED} THEN regexp_replace(first_name, '[^a-z]', '', 'g') "
            "ELSE array_to_string(list_transform(string_split(trim(regexp_replace("
            "first_name, '[^a-z ]', '', 'g')), ' '), lambda t: left(t, 1)), '') END) "
            "AS first_initials",
        ]
    if "birth_date" in present:
        keyed += [
            "left(birth_date, 4) AS birth_year",
            "right(birth_date, 4) AS birth_md",
        ]
    if "postcode" in present:
        keyed.append("left(postcode, 2) AS postcode_area")
    if "address" in present or "street_number" in present:
        given = "nullif(regexp_extract(street_number, '^\\d+'), '')"
        number = {
            (True, True): f"coalesce({given}, number_in_street)",
            (True, False): given,
            (False, True): "number_in_street",
        }["street_number" in present, "address" in present]
        keyed.append(f"{number} AS house_number")
    if "company_id" in present:
        keyed.append(
            "CASE WHEN length(company_id) IN (9, 14) THEN left(company_id, 9) END AS siren"
        )
    return (
        f"CREATE OR REPLACE TABLE {work} AS SELECT {', '.join(keyed)} FROM "
        f"(SELECT {', '.join(derived)} FROM (SELECT {', '.join(inner)} FROM {table}))"
    )


_ABBREVIATED = (
    "(regexp_full_match(first_name, '[a-z]\\.?( [a-z]\\.?)*') "
    "OR regexp_full_match(first_name, '[b-df-hj-np-tv-xz]{2,3}'))"
)
"""SQL: the (normalised) first name is written as initials: ``J.-M.``, ``J M``, ``MH``."""


def _dotless(column: str) -> str:
    return f"replace(CAST({column} AS VARCHAR), '.', '')"


def _has(raw: str, present: set[str]) -> bool:
    return raw.removesuffix("_raw") in present


def keys(present: set[str]) -> list[Key]:
    """The keys of the work table made from the roles ``present``, strongest first."""
    found: list[Key] = []

    def add(name: str, strength: str, *roles: str, columns: tuple[str, ...] = ()) -> None:
        if set(roles) <= present:
            found.append(Key(name, strength, columns))

    add("email", "identifier", "email")
    add("phone", "identifier", "phone")
    add("phone_2", "identifier", "phone_2")
    for role in IDENTIFIERS:
        add(role, "identifier", role)
    add("company_id", "identifier", "company_id")
    add("birth_date", "strong", "birth_date")
    add("names", "strong", "first_name", "last_name", columns=("name_lo", "name_hi"))
    add("street_and_number", "strong", "address", columns=("street", "house_number"))
    add("last_name", "weak", "last_name")
    add("first_name", "weak", "first_name")
    add("birth_name", "weak", "birth_name")
    add("birth_year", "weak", "birth_date")
    add("birth_md", "weak", "birth_date")
    add("postcode", "weak", "postcode")
    add("city", "weak", "city")
    add("street", "weak", "address")
    if {"street_number", "address"} & present:
        found.append(Key("house_number", "weak"))
    add("first_initial", "weak", "first_name", "last_name")
    add("last_initial", "weak", "first_name", "last_name")
    add("siren", "weak", "company_id")
    add("company_name", "weak", "company_name")
    return found

"""How each field of a customer file is normalised and checked, as SQL for DuckDB (the file is
never loaded in Python): blanks (:func:`clean_sql`), e-mails (:data:`EMAIL_PATTERN`), names,
countries (:data:`COUNTRY_NAMES`), postcodes (:data:`POSTCODE_PATTERNS`), phones against the
country's numbering plan (:func:`phone_plan`: phonenumbers' metadata, offline), dates, dates of
birth, SIRET and SIREN, opt-in answers (:data:`OPT_IN_YES`) and undeliverable markers.

Each ``*_sql`` function takes an SQL expression (such as a quoted column name) and returns one;
:func:`lit` writes a string literal and :func:`let_sql` names a value computed once per row."""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import phonenumbers

from crmwb.core.errors import InputError, Quoted, msg


def lit(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


EMAIL_PATTERN = (
    r"[a-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
    r"@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}"
)
"""The e-mail syntax rule, matched in full on the normalised (lower-case) address, at most 254
characters: a dot-separated local part of letters, digits and ``!#$%&'*+/=?^_`{|}~-``, ``@``, a
domain of dot-separated labels (letters, digits, inner hyphens) ending in a top-level domain of
at least 2 letters. No quoted local parts, no IP-literal domains, no non-ASCII (IDN) addresses,
and no network look-up."""

POSTCODE_PATTERNS: dict[str, str] = {
    "FR": r"\d{5}",
    "BE": r"\d{4}",
    "CH": r"\d{4}",
    "AT": r"\d{4}",
    "DK": r"\d{4}",
    "LU": r"\d{4}",
    "DE": r"\d{5}",
    "ES": r"\d{5}",
    "IT": r"\d{5}",
    "GB": r"GIR ?0AA|[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}",
    "NL": r"\d{4} ?[A-Z]{2}",
    "US": r"\d{5}(?:-\d{4})?",
}
"""Postcode rule per country (ISO code), matched in full on the normalised postcode. A postcode
of any other country is not checked (neither valid nor invalid)."""

COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "FR": ("FRA", "FRANCE"),
    "BE": ("BEL", "BELGIQUE", "BELGIUM", "BELGIE", "BELGIË"),
    "CH": ("CHE", "SUISSE", "SWITZERLAND", "SCHWEIZ"),
    "AT": ("AUT", "AUTRICHE", "AUSTRIA", "OSTERREICH", "ÖSTERREICH"),
    "DK": ("DNK", "DANEMARK", "DENMARK"),
    "LU": ("LUX", "LUXEMBOURG"),
    "DE": ("DEU", "ALLEMAGNE", "GERMANY", "DEUTSCHLAND"),
    "ES": ("ESP", "ESPAGNE", "SPAIN", "ESPANA", "ESPAÑA"),
    "IT": ("ITA", "ITALIE", "ITALY", "ITALIA"),
    "GB": (
        "GBR",
        "UK",
        "ROYAUME-UNI",
        "ROYAUME UNI",
        "UNITED KINGDOM",
        "GRANDE-BRETAGNE",
        "GREAT BRITAIN",
        "ANGLETERRE",
        "ENGLAND",
    ),
    "NL": ("NLD", "PAYS-BAS", "PAYS BAS", "NETHERLANDS", "NEDERLAND", "HOLLANDE"),
    "US": (
        "USA",
        "ETATS-UNIS",
        "ÉTATS-UNIS",
        "ETATS UNIS",
        "ÉTATS UNIS",
        "UNITED STATES",
        "UNITED STATES OF AMERICA",
    ),
}
"""Country names (upper case, with and without accents) and ISO 3166 alpha-3 codes read as the
alpha-2 code; any other value of the country column is kept upper-case as is."""

OPT_IN_YES = ("yes", "y", "oui", "o", "1", "true", "vrai", "t", "x", "ok", "opt-in", "optin")
OPT_IN_NO = ("no", "n", "non", "0", "false", "faux", "f", "opt-out", "optout")
"""Opt-in answers (compared lower-case and trimmed); anything else is unreadable.
``x`` is a ticked box. The "no" answers also mean *not* undeliverable in the marker column."""

_PHONE_TYPES = (
    "fixed_line",
    "mobile",
    "toll_free",
    "premium_rate",
    "shared_cost",
    "personal_number",
    "voip",
    "pager",
    "uan",
    "voicemail",
)


_SIMPLE = re.compile(r'(?:[A-Za-z_][A-Za-z0-9_]*\.)?(?:[A-Za-z_][A-Za-z0-9_]*|"(?:[^"]|"")+")')
_names = itertools.count()


def let_sql(value: str, body: Callable[[str], str]) -> str:
    """SQL: ``body`` applied to ``value`` computed once per row (a one-element
    ``list_transform``, DuckDB's way of naming a value inside an expression); a plain column
    name is used as is."""
    if _SIMPLE.fullmatch(value):
        return body(value)
    name = f"_v{next(_names)}"
    return f"list_transform([{value}], lambda {name}: {body(name)})[1]"


_ODD_BLANKS = "\t\n\r\u00a0\u202f"


def clean_sql(expr: str) -> str:
    """SQL: the text of ``expr`` with tabs, line breaks and (narrow) non-breaking spaces read
    as spaces, trimmed of spaces; NULL when nothing is left (a *blank* value).

    ``expr`` (here and in every ``*_sql`` function) is an SQL expression, such as a quoted
    column name."""

    def body(v: str) -> str:
        odd = " OR ".join(f"contains({v}, chr({ord(c)}))" for c in _ODD_BLANKS)
        return (
            f"nullif(CASE WHEN {odd} THEN trim(regexp_replace({v}, '[\\s\\x{{a0}}\\x{{202f}}]', "
            f"' ', 'g')) ELSE trim({v}) END, '')"
        )

    return let_sql(expr, body)


def filled_sql(expr: str) -> str:
    """SQL: TRUE when ``expr`` is not blank (holds a character other than spaces, tabs, line
    breaks and non-breaking spaces) — the same as ``clean_sql(expr) IS NOT NULL``, faster."""
    return f"coalesce(regexp_matches({expr}, '[^\\s\\x{{a0}}\\x{{202f}}]'), FALSE)"


def normalise_email_sql(expr: str) -> str:
    """SQL: the e-mail as compared and checked — ``lower(trim(expr))``, NULL when blank."""
    return f"lower({clean_sql(expr)})"


def email_valid_sql(normalised: str) -> str:
    """SQL: TRUE when the normalised e-mail (:func:`normalise_email_sql`) matches
    :data:`EMAIL_PATTERN` and is at most 254 characters long, FALSE otherwise, NULL when
    blank."""
    return let_sql(
        normalised,
        lambda v: f"(length({v}) <= 254 AND regexp_full_match({v}, {lit(EMAIL_PATTERN)}))",
    )


def normalise_name_sql(expr: str) -> str:
    """SQL: a first or last name as compared — lower case, accents stripped (``é`` -> ``e``),
    hyphens read as spaces, runs of blanks collapsed to one space, trimmed; NULL when blank.
    ``"  Jean-Luc  LEFÈVRE"`` -> ``"jean luc lefevre"``."""

    def body(v: str) -> str:
        collapsed = (
            f"CASE WHEN contains({v}, '  ') THEN regexp_replace({v}, ' +', ' ', 'g') ELSE {v} END"
        )
        return f"nullif(trim({collapsed}), '')"

    return let_sql(f"replace(strip_accents(lower({clean_sql(expr)})), '-', ' ')", body)


def normalise_country_sql(expr: str, default: str) -> str:
    """SQL: the row's country as an ISO code — ``default`` when the value is blank, the alpha-2
    code for a name or alpha-3 code of :data:`COUNTRY_NAMES` (compared upper-case), else the
    value upper-case."""

    def body(v: str) -> str:
        whens = " ".join(
            f"WHEN {v} IN ({', '.join(lit(n) for n in names)}) THEN {lit(code)}"
            for code, names in COUNTRY_NAMES.items()
        )
        return f"(CASE WHEN {v} IS NULL THEN {lit(default.strip().upper())} {whens} ELSE {v} END)"

    return let_sql(f"upper({clean_sql(expr)})", body)


def normalise_postcode_sql(expr: str, country: str) -> str:
    """SQL: the postcode as checked and compared — ``upper(trim(expr))``, and for France (the
    row's ``country``, an SQL expression giving the ISO code) without any inner space
    (``"750 01"`` -> ``"75001"``); NULL when blank."""
    return let_sql(
        f"upper({clean_sql(expr)})",
        lambda v: f"(CASE WHEN {country} = 'FR' THEN replace({v}, ' ', '') ELSE {v} END)",
    )


def postcode_valid_sql(normalised: str, country: str) -> str:
    """SQL: TRUE / FALSE when the normalised postcode matches / does not match the pattern of
    :data:`POSTCODE_PATTERNS` for the row's ``country``; NULL (not checked) when blank or when
    the country has no pattern."""

    def body(v: str) -> str:
        whens = " ".join(
            f"WHEN {lit(code)} THEN regexp_full_match({v}, {lit(pattern)})"
            for code, pattern in POSTCODE_PATTERNS.items()
        )
        return f"(CASE {country} {whens} ELSE NULL END)"

    return let_sql(normalised, body)


@dataclass(frozen=True)
class PhonePlan:
    """The numbering-plan facts of one country, from phonenumbers' metadata (offline):
    ``country_code`` ("33"), ``national_prefix`` ("0"; "" when the country has none),
    ``international_prefix`` (a pattern: "00"), ``general_pattern`` (any national significant
    number, "[1-9]\\d{8}" for France) with its possible lengths, and ``type_patterns``: (pattern,
    possible lengths) of each number type (fixed line, mobile, toll free, premium rate, shared
    cost, personal, VoIP, pager, UAN, voicemail)."""

    country: str
    country_code: str
    national_prefix: str
    international_prefix: str
    general_pattern: str
    general_lengths: tuple[int, ...]
    type_patterns: tuple[tuple[str, tuple[int, ...]], ...]


def phone_plan(country: str) -> PhonePlan:
    """The :class:`PhonePlan` of ``country`` (ISO 3166 alpha-2, any case).

    >>> plan = phone_plan("fr")
    >>> plan.country_code, plan.national_prefix, plan.general_pattern
    ('33', '0', '[1-9]\\\\d{8}')
    """
    code = country.strip().upper() if isinstance(country, str) else ""
    meta = phonenumbers.PhoneMetadata.metadata_for_region(code) if code else None
    if meta is None or meta.general_desc is None or not meta.general_desc.national_number_pattern:
        raise InputError(msg("quality.err.phone_country"), found=Quoted(str(country)))
    types: list[tuple[str, tuple[int, ...]]] = []
    for name in _PHONE_TYPES:
        desc = getattr(meta, name, None)
        if desc is not None and desc.national_number_pattern:
            types.append((desc.national_number_pattern, tuple(desc.possible_length or ())))
    return PhonePlan(
        country=code,
        country_code=str(meta.country_code),
        national_prefix=meta.national_prefix or "",
        international_prefix=meta.international_prefix or "",
        general_pattern=meta.general_desc.national_number_pattern,
        general_lengths=tuple(meta.general_desc.possible_length or ()),
        type_patterns=tuple(types),
    )


def normalise_phone_sql(expr: str, country: str = "FR") -> str:
    """SQL: the phone number as compared and checked, for numbers of ``country``.

    Rules, in order, on the digits of the value (every other character dropped; NULL when there
    is no digit):

    1. written internationally — ``+`` before the first digit (after blanks or ``(``), or
       digits starting with the country's international prefix (``00`` in France): when the
       country code follows (``33``), what comes after it; another country code gives ``+``
       and the digits (``+4420...``): kept as a key, never valid for ``country``;
    2. otherwise, the country code without ``+`` (``33612345678``) is dropped when the digits
       are not a national number (``general_pattern``) but the rest is;
    3. then a leading national prefix (``0``) is dropped, unless the number is already a
       national number and the rest is not: ``+33 6 12 34 56 78``, ``0033612345678``,
       ``+33 (0)6 12 34 56 78``, ``06 12 34 56 78`` and ``6 12 34 56 78`` all give
       ``612345678``.

    This follows phonenumbers' parsing, except that letters are dropped, never read as keypad
    digits (phonenumbers reads ``06 12 34 AB CD`` as ``06 12 34 22 23``)."""
    plan = phone_plan(country)
    cc, gd, np_ = lit(plan.country_code), lit(plan.general_pattern), plan.national_prefix
    cc_len = len(plan.country_code)
    ip = plan.international_prefix

    def full(x: str) -> str:
        return f"regexp_full_match({x}, {gd})"

    def without_prefix(n: str) -> str:
        if not np_:
            return n
        rest = f"substr({n}, {len(np_) + 1})"
        return (
            f"(CASE WHEN NOT starts_with({n}, {lit(np_)}) THEN {n} "
            f"WHEN {full(rest)} OR NOT {full(n)} THEN {rest} ELSE {n} END)"
        )

    def international(d: str) -> str:  # d: the digits after "+" or the international prefix
        return (
            f"(CASE WHEN starts_with({d}, {cc}) THEN "
            f"{let_sql(f'substr({d}, {cc_len + 1})', without_prefix)} ELSE '+' || {d} END)"
        )

    def national(d: str) -> str:
        rest = f"substr({d}, {cc_len + 1})"
        less_cc = (
            f"(CASE WHEN NOT starts_with({d}, {cc}) THEN {d} "
            f"WHEN NOT {full(d)} AND {full(rest)} THEN {rest} ELSE {d} END)"
        )
        return let_sql(less_cc, without_prefix)

    def from_value(s: str) -> str:
        def from_digits(d: str) -> str:
            branch = ""
            if ip.isdigit():
                after = f"substr({d}, {len(ip) + 1})"
                branch = f"WHEN starts_with({d}, {lit(ip)}) THEN {let_sql(after, international)} "
            elif ip:
                idd = lit(f"^(?:{ip})")
                after = f"regexp_replace({d}, {idd}, '')"
                branch = f"WHEN regexp_matches({d}, {idd}) THEN {let_sql(after, international)} "
            return (
                f"(CASE WHEN {d} IS NULL OR {d} = '' THEN NULL "
                f"WHEN regexp_matches({s}, '^[\\s\\x{{a0}}(]*[+]') THEN {international(d)} "
                f"{branch}ELSE {national(d)} END)"
            )

        return let_sql(f"regexp_replace({s}, '[^0-9]', '', 'g')", from_digits)

    return let_sql(expr, from_value)


def phone_valid_sql(normalised: str, country: str = "FR") -> str:
    """SQL: TRUE when the normalised phone (:func:`normalise_phone_sql`) is a valid number of
    ``country``, FALSE otherwise, NULL when blank. Valid means what phonenumbers'
    ``is_valid_number`` checks for a number of that country: the national significant number
    fully matches the country's ``general_desc.national_number_pattern`` (with one of its
    possible lengths) and the pattern (and lengths) of at least one number type (fixed line,
    mobile, toll free ...)."""
    plan = phone_plan(country)
    by_lengths: dict[tuple[int, ...], list[str]] = {}
    for pattern, lengths in plan.type_patterns:
        by_lengths.setdefault(lengths, []).append(f"(?:{pattern})")

    def body(n: str) -> str:
        def matches(pattern: str, lengths: tuple[int, ...]) -> str:
            check = f"regexp_full_match({n}, {lit(pattern)})"
            if not lengths:
                return check
            sizes = ", ".join(str(k) for k in lengths)
            return f"(CASE WHEN length({n}) IN ({sizes}) THEN {check} ELSE FALSE END)"

        any_type = " OR ".join(matches("|".join(p), lens) for lens, p in by_lengths.items())
        general = matches(plan.general_pattern, plan.general_lengths)
        return (
            f"(CASE WHEN {n} IS NULL THEN NULL WHEN NOT {general} THEN FALSE "
            f"ELSE ({any_type or 'FALSE'}) END)"
        )

    return let_sql(normalised, body)


_ISO_DATE = r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T].*)?$"
_DMY_DATE = r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ T].*)?$"


def parse_date_sql(expr: str) -> str:
    """SQL: the DATE written in ``expr``, NULL when blank or unreadable. Read are ISO dates
    ``yyyy-mm-dd`` (also with ``/`` or ``.``) and day-first dates ``dd/mm/yyyy`` or ``d/m/yy``
    (also with ``-`` or ``.``), either possibly followed by a time after a space or ``T``; a
    two-digit year 00-69 is 2000-2069, 70-99 is 1970-1999. An impossible date (31/02/2024) is
    unreadable. Excel dates of an XLSX are turned into ISO text when the file is read."""

    def num(struct: str, name: str) -> str:
        return f"CAST(struct_extract({struct}, '{name}') AS INTEGER)"

    def from_dmy(d: str) -> str:
        year = (
            f"(CASE WHEN length(struct_extract({d}, 'y')) = 2 THEN {num(d, 'y')} + "
            f"(CASE WHEN {num(d, 'y')} < 70 THEN 2000 ELSE 1900 END) ELSE {num(d, 'y')} END)"
        )
        return (
            f"(CASE WHEN struct_extract({d}, 'y') <> '' "
            f"THEN TRY(make_date({year}, {num(d, 'm')}, {num(d, 'd')})) END)"
        )

    def from_clean(s: str) -> str:
        iso = f"regexp_extract({s}, {lit(_ISO_DATE)}, ['y', 'm', 'd'])"
        dmy = f"regexp_extract({s}, {lit(_DMY_DATE)}, ['d', 'm', 'y'])"
        return let_sql(
            iso,
            lambda i: (
                f"(CASE WHEN struct_extract({i}, 'y') <> '' "
                f"THEN TRY(make_date({num(i, 'y')}, {num(i, 'm')}, {num(i, 'd')})) "
                f"ELSE {let_sql(dmy, from_dmy)} END)"
            ),
        )

    return let_sql(clean_sql(expr), from_clean)


def parse_birth_date_sql(expr: str) -> str:
    """SQL: a date of birth as a DATE — what :func:`parse_date_sql` reads, and ``yyyymmdd``
    (eight digits, as many exports write it); NULL when blank or unreadable."""

    def body(v: str) -> str:
        eight = (
            f"TRY(make_date(CAST(substr({v}, 1, 4) AS INTEGER), "
            f"CAST(substr({v}, 5, 2) AS INTEGER), CAST(substr({v}, 7, 2) AS INTEGER)))"
        )
        return (
            f"(CASE WHEN regexp_full_match({v}, '[0-9]{{8}}') THEN {eight} "
            f"ELSE {parse_date_sql(v)} END)"
        )

    return let_sql(clean_sql(expr), body)


def company_id_valid_sql(expr: str) -> str:
    """SQL: TRUE when ``expr``'s digits are a SIRET (14) or a SIREN (9) whose Luhn check digit
    is right, FALSE otherwise, NULL when blank. (La Poste's establishments, SIREN 356 000 000,
    follow another rule and read as invalid.)"""

    def body(d: str) -> str:
        doubled = (
            f"list_sum(list_transform(range(length({d})), lambda i: CASE "
            f"WHEN (length({d}) - i) % 2 = 0 THEN "
            f"(CASE WHEN 2 * CAST({d}[i + 1] AS INTEGER) > 9 "
            f"THEN 2 * CAST({d}[i + 1] AS INTEGER) - 9 ELSE 2 * CAST({d}[i + 1] AS INTEGER) END) "
            f"ELSE CAST({d}[i + 1] AS INTEGER) END))"
        )
        return (
            f"(CASE WHEN {d} = '' THEN NULL WHEN length({d}) NOT IN (9, 14) THEN FALSE "
            f"ELSE {doubled} % 10 = 0 END)"
        )

    return let_sql(f"regexp_replace(coalesce({clean_sql(expr)}, ''), '[^0-9]', '', 'g')", body)


FIRST_BIRTH = date(1900, 1, 1)
"""A date of birth before this one is not a customer's (a typo, or Excel's day zero)."""


def opt_in_sql(expr: str) -> str:
    """SQL: ``'yes'`` or ``'no'`` for an answer of :data:`OPT_IN_YES` / :data:`OPT_IN_NO`
    (compared lower-case, trimmed), NULL when blank or unreadable."""
    pairs = ", ".join(
        [f"{lit(v)}: 'yes'" for v in OPT_IN_YES] + [f"{lit(v)}: 'no'" for v in OPT_IN_NO]
    )
    return f"MAP {{{pairs}}}[lower({clean_sql(expr)})]"


def undeliverable_sql(expr: str) -> str:
    """SQL: TRUE when the undeliverable marker is set — any non-blank value (``bounced``,
    ``NPAI``, ``x``, a date ...) except an explicit "no" of :data:`OPT_IN_NO` (``0``, ``non``,
    ``false`` ...), which a boolean column uses for "deliverable"."""
    no = ", ".join(lit(v) for v in OPT_IN_NO)
    return f"coalesce(lower({clean_sql(expr)}) NOT IN ({no}), FALSE)"


__all__ = [
    "COUNTRY_NAMES",
    "EMAIL_PATTERN",
    "OPT_IN_NO",
    "OPT_IN_YES",
    "POSTCODE_PATTERNS",
    "PhonePlan",
    "clean_sql",
    "email_valid_sql",
    "filled_sql",
    "normalise_country_sql",
    "normalise_email_sql",
    "normalise_name_sql",
    "normalise_phone_sql",
    "normalise_postcode_sql",
    "opt_in_sql",
    "parse_date_sql",
    "phone_plan",
    "phone_valid_sql",
    "undeliverable_sql",
]

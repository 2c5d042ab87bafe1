"""The customer-file audit: how good is the client's customer base (DOMAIN.md §5)?

The consultant gets a client export — a CSV made by Excel (often French: semicolons,
Windows-1252, a byte-order mark, decimal commas, dates dd/mm/yyyy) or an XLSX with several
sheets — of thousands to millions of rows, and a column mapping from the workbook: the client's
column name for each :class:`FieldRole`. This module reads the file into DuckDB without loading
it in Python, then measures it in a few SQL passes:

* **completeness**: the share of rows where a mapped field is not blank;
* **validity**: e-mail syntax, phone numbers against the country's numbering plan
  (phonenumbers' metadata, offline), postcodes against a per-country pattern, readable dates and
  opt-in answers;
* **staleness**: records whose last activity is older than the "inactive" threshold;
* **opt-in coverage** and the **undeliverable** (bounced / NPAI) share;
* **exact duplicates** on a normalised e-mail, a normalised phone, or first name + last name +
  postcode;
* a **quality score** from 0 to 100 (:data:`SCORE_WEIGHTS`).

What leaves the module for a report is numbers and masked text only: :class:`QualityProfile`
holds counts and shares, :func:`examples` shows duplicate groups with masked e-mails
(``j***@o***.fr``), masked phones (``06 ** ** ** 78``) and initials (``J. D.``).

Reading (:func:`read_customer_file`) is the only I/O. It never writes next to the client's file:
a transcoded copy (for a non-UTF-8 CSV) and DuckDB's spill files go to a private temporary
folder, removed when the :class:`CustomerFile` is closed. Bad input raises
:class:`CustomerFileError` naming the file and the line (CSV) or the sheet and cell (XLSX).
"""

from __future__ import annotations

import codecs
import csv
import difflib
import io
import itertools
import os
import re
import shutil
import tempfile
import unicodedata
import weakref
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from datetime import time as dtime
from encodings import cp1252
from enum import StrEnum
from pathlib import Path
from typing import Any

import duckdb
import phonenumbers

from crmwb.core.errors import CrmwbError, InputError, Msg, Number, Quoted, Text, msg
from crmwb.core.i18n import DEFAULT_LANG, Lang, t
from crmwb.core.office_files import password_protected
from crmwb.dataflow.model import CustomerRole

# --- roles, keys, errors ------------------------------------------------------------------------


FieldRole = CustomerRole
"""What a column of the customer file holds (:class:`crmwb.dataflow.CustomerRole`). ``email``
or ``phone`` (at least one) must be mapped; every other role is optional (``record_id``: the
line number when not mapped)."""


class DuplicateKey(StrEnum):
    """The keys exact duplicates are found on (each on normalised values, blanks never match):
    the e-mail, the phone, or first name + last name + postcode together."""

    EMAIL = "email"
    PHONE = "phone"
    NAME_POSTCODE = "name_postcode"


class CustomerFileError(InputError):
    """The customer file cannot be read as mapped. ``line`` is the CSV line it is about (the
    file's own line number, header = line 1), ``sheet`` and ``cell`` the A1 reference for an
    XLSX. Written in the client's language (``lang``; :func:`read_customer_file` sets it).

    >>> err = CustomerFileError(msg("quality.err.fields", count=3, fields=3, separator="';'"),
    ...                         file="c.csv", line=7, found=msg("quality.err.found.fields",
    ...                         count=4, fields=4))
    >>> err.message("en")
    "c.csv, line 7: 3 fields separated by ';', as in the header; found 4 fields"
    >>> err.message("fr").startswith("c.csv, ligne 7\u00a0: on attend 3 champs")
    True
    """

    def __init__(
        self,
        expected: Text,
        *,
        file: str | None = None,
        line: int | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        found: Text | None = None,
        hint: Text | None = None,
        lang: Lang | None = None,
    ) -> None:
        super().__init__(
            expected, file=file, sheet=sheet, cell=cell, found=found, hint=hint, lang=lang
        )
        self.line = line

    @property
    def location(self) -> str | None:
        """The line (« line 7 », in the error's language), or ``Sheet!Cell`` for an XLSX."""
        return self.place(self.lang or DEFAULT_LANG)

    def place(self, lang: Lang) -> str | None:
        if self.line is not None:
            return t("quality.err.line", lang, line=self.line)
        return super().location

    def __reduce__(self) -> tuple[object, ...]:
        return (
            _file_error,
            (
                self.expected,
                self.file,
                self.line,
                self.sheet,
                self.cell,
                self.found,
                self.hint,
                self.lang,
            ),
        )


def _file_error(
    expected: Text,
    file: str | None,
    line: int | None,
    sheet: str | None,
    cell: str | None,
    found: Text | None,
    hint: Text | None,
    lang: Lang | None,
) -> CustomerFileError:
    return CustomerFileError(
        expected, file=file, line=line, sheet=sheet, cell=cell, found=found, hint=hint, lang=lang
    )


@contextmanager
def in_language(lang: Lang | None) -> Iterator[None]:
    """Errors raised inside are written in ``lang`` (the client's), unless they have one."""
    try:
        yield
    except CrmwbError as exc:
        if lang is not None:
            exc.in_language(lang)
        raise


def _role(role: FieldRole) -> Msg:
    """A role as the Customer file sheet names it (« E-mail », « Téléphone »)."""
    return msg(f"customer_role.{role.value}")


# --- SQL building blocks ----------------------------------------------------------------------


def _lit(text: str) -> str:
    """An SQL string literal."""
    return "'" + text.replace("'", "''") + "'"


def _ident(name: str) -> str:
    """An SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


_BLANKS = " \t\r\n\u00a0\u202f"

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


def _let(value: str, body: Callable[[str], str]) -> str:
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

    return _let(expr, body)


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
    return _let(
        normalised,
        lambda v: f"(length({v}) <= 254 AND regexp_full_match({v}, {_lit(EMAIL_PATTERN)}))",
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

    return _let(f"replace(strip_accents(lower({clean_sql(expr)})), '-', ' ')", body)


def normalise_country_sql(expr: str, default: str) -> str:
    """SQL: the row's country as an ISO code — ``default`` when the value is blank, the alpha-2
    code for a name or alpha-3 code of :data:`COUNTRY_NAMES` (compared upper-case), else the
    value upper-case."""

    def body(v: str) -> str:
        whens = " ".join(
            f"WHEN {v} IN ({', '.join(_lit(n) for n in names)}) THEN {_lit(code)}"
            for code, names in COUNTRY_NAMES.items()
        )
        return f"(CASE WHEN {v} IS NULL THEN {_lit(default.strip().upper())} {whens} ELSE {v} END)"

    return _let(f"upper({clean_sql(expr)})", body)


def normalise_postcode_sql(expr: str, country: str) -> str:
    """SQL: the postcode as checked and compared — ``upper(trim(expr))``, and for France (the
    row's ``country``, an SQL expression giving the ISO code) without any inner space
    (``"750 01"`` -> ``"75001"``); NULL when blank."""
    return _let(
        f"upper({clean_sql(expr)})",
        lambda v: f"(CASE WHEN {country} = 'FR' THEN replace({v}, ' ', '') ELSE {v} END)",
    )


def postcode_valid_sql(normalised: str, country: str) -> str:
    """SQL: TRUE / FALSE when the normalised postcode matches / does not match the pattern of
    :data:`POSTCODE_PATTERNS` for the row's ``country``; NULL (not checked) when blank or when
    the country has no pattern."""

    def body(v: str) -> str:
        whens = " ".join(
            f"WHEN {_lit(code)} THEN regexp_full_match({v}, {_lit(pattern)})"
            for code, pattern in POSTCODE_PATTERNS.items()
        )
        return f"(CASE {country} {whens} ELSE NULL END)"

    return _let(normalised, body)


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
    cc, gd, np_ = _lit(plan.country_code), _lit(plan.general_pattern), plan.national_prefix
    cc_len = len(plan.country_code)
    ip = plan.international_prefix

    def full(x: str) -> str:
        return f"regexp_full_match({x}, {gd})"

    def without_prefix(n: str) -> str:
        if not np_:
            return n
        rest = f"substr({n}, {len(np_) + 1})"
        return (
            f"(CASE WHEN NOT starts_with({n}, {_lit(np_)}) THEN {n} "
            f"WHEN {full(rest)} OR NOT {full(n)} THEN {rest} ELSE {n} END)"
        )

    def international(d: str) -> str:  # d: the digits after "+" or the international prefix
        return (
            f"(CASE WHEN starts_with({d}, {cc}) THEN "
            f"{_let(f'substr({d}, {cc_len + 1})', without_prefix)} ELSE '+' || {d} END)"
        )

    def national(d: str) -> str:
        rest = f"substr({d}, {cc_len + 1})"
        less_cc = (
            f"(CASE WHEN NOT starts_with({d}, {cc}) THEN {d} "
            f"WHEN NOT {full(d)} AND {full(rest)} THEN {rest} ELSE {d} END)"
        )
        return _let(less_cc, without_prefix)

    def from_value(s: str) -> str:
        def from_digits(d: str) -> str:
            branch = ""
            if ip.isdigit():
                after = f"substr({d}, {len(ip) + 1})"
                branch = f"WHEN starts_with({d}, {_lit(ip)}) THEN {_let(after, international)} "
            elif ip:
                idd = _lit(f"^(?:{ip})")
                after = f"regexp_replace({d}, {idd}, '')"
                branch = f"WHEN regexp_matches({d}, {idd}) THEN {_let(after, international)} "
            return (
                f"(CASE WHEN {d} IS NULL OR {d} = '' THEN NULL "
                f"WHEN regexp_matches({s}, '^[\\s\\x{{a0}}(]*[+]') THEN {international(d)} "
                f"{branch}ELSE {national(d)} END)"
            )

        return _let(f"regexp_replace({s}, '[^0-9]', '', 'g')", from_digits)

    return _let(expr, from_value)


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
            check = f"regexp_full_match({n}, {_lit(pattern)})"
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

    return _let(normalised, body)


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
        iso = f"regexp_extract({s}, {_lit(_ISO_DATE)}, ['y', 'm', 'd'])"
        dmy = f"regexp_extract({s}, {_lit(_DMY_DATE)}, ['d', 'm', 'y'])"
        return _let(
            iso,
            lambda i: (
                f"(CASE WHEN struct_extract({i}, 'y') <> '' "
                f"THEN TRY(make_date({num(i, 'y')}, {num(i, 'm')}, {num(i, 'd')})) "
                f"ELSE {_let(dmy, from_dmy)} END)"
            ),
        )

    return _let(clean_sql(expr), from_clean)


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

    return _let(clean_sql(expr), body)


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

    return _let(f"regexp_replace(coalesce({clean_sql(expr)}, ''), '[^0-9]', '', 'g')", body)


FIRST_BIRTH = date(1900, 1, 1)
"""A date of birth before this one is not a customer's (a typo, or Excel's day zero)."""


def opt_in_sql(expr: str) -> str:
    """SQL: ``'yes'`` or ``'no'`` for an answer of :data:`OPT_IN_YES` / :data:`OPT_IN_NO`
    (compared lower-case, trimmed), NULL when blank or unreadable."""
    pairs = ", ".join(
        [f"{_lit(v)}: 'yes'" for v in OPT_IN_YES] + [f"{_lit(v)}: 'no'" for v in OPT_IN_NO]
    )
    return f"MAP {{{pairs}}}[lower({clean_sql(expr)})]"


def undeliverable_sql(expr: str) -> str:
    """SQL: TRUE when the undeliverable marker is set — any non-blank value (``bounced``,
    ``NPAI``, ``x``, a date ...) except an explicit "no" of :data:`OPT_IN_NO` (``0``, ``non``,
    ``false`` ...), which a boolean column uses for "deliverable"."""
    no = ", ".join(_lit(v) for v in OPT_IN_NO)
    return f"coalesce(lower({clean_sql(expr)}) NOT IN ({no}), FALSE)"


# --- masking ----------------------------------------------------------------------------------


def mask_email(value: str) -> str:
    """The e-mail with only its first letter, the domain's first letter and the top-level
    domain left.

    >>> mask_email("jean.dupont@orange.fr")
    'j***@o***.fr'
    >>> mask_email("no-at-sign")
    'n***'
    """
    text = value.strip()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if not at:
        return text[0] + "***"
    masked_domain = domain[:1] + "***"
    if "." in domain:
        masked_domain += "." + domain.rpartition(".")[2]
    return f"{local[:1]}***@{masked_domain}"


def _french_national(value: str, digits: str) -> str | None:
    """A French number as its 10 national digits (0X XX XX XX XX), or None."""
    if re.match(r"^[^0-9]*\+", value) or digits.startswith("00"):
        rest = digits[2:] if digits.startswith("00") else digits
        if not rest.startswith("33"):
            return None
        nsn = rest[2:]
        if len(nsn) == 10 and nsn.startswith("0"):
            return nsn
        return "0" + nsn if len(nsn) == 9 else None
    if len(digits) == 10 and digits.startswith("0"):
        return digits
    if len(digits) == 9:
        return "0" + digits
    if len(digits) == 11 and digits.startswith("33"):
        return "0" + digits[2:]
    return None


def mask_phone(value: str, country: str = "FR") -> str:
    """The phone number with its first two and last two digits left, every other digit (and
    letter) as ``*``. A French number (``country`` FR, 9 national digits however written:
    ``+33 6...``, ``0033 6...``, ``06...``, ``6...``) is shown in national form grouped by two;
    any other keeps its own layout. A value of 5 digits or fewer is fully masked.

    >>> mask_phone("06 12 34 56 78")
    '06 ** ** ** 78'
    >>> mask_phone("+33612345678")
    '06 ** ** ** 78'
    >>> mask_phone("+44 20 7946 0958", "GB")
    '+44 ** **** **58'
    """
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) <= 5:
        return re.sub(r"[0-9A-Za-z]", "*", text)
    if country.strip().upper() == "FR":
        national = _french_national(text, digits)
        if national is not None:
            masked = national[:2] + "*" * 6 + national[-2:]
            return " ".join(masked[i : i + 2] for i in range(0, 10, 2))
    out: list[str] = []
    seen = 0
    for char in text:
        if char.isdigit():
            seen += 1
            out.append(char if seen <= 2 or seen > len(digits) - 2 else "*")
        else:
            out.append("*" if char.isalpha() else char)
    return "".join(out)


def initials(first_name: str | None, last_name: str | None) -> str:
    """A person reduced to initials, ``"J. D."``; a blank part is left out.

    >>> initials("jean", "Dupont"), initials(None, "Élise")
    ('J. D.', 'É.')
    """
    parts = [p.strip() for p in (first_name, last_name) if p and p.strip()]
    return " ".join(f"{p[0].upper()}." for p in parts)


def mask_postcode(value: str | None) -> str:
    """A postcode reduced to its first two characters (the French département).

    >>> mask_postcode("75011")
    '75***'
    """
    text = (value or "").strip()
    return f"{text[:2]}***" if text else ""


# --- reading ----------------------------------------------------------------------------------

_CHUNK = 1 << 20
_HEAD = 1 << 16  # the text the header is read from
MAX_COLUMNS = 1_000
"""Columns a customer export may have: an audit reads about ten; a wider file (an export of
every field of a CRM) is refused with a message rather than read in unbounded memory."""


def duckdb_limits() -> tuple[str, str]:
    """DuckDB's memory limit and the cap of its spill folder: a quarter of the machine's memory
    and 10 GB, or ``CRMWB_AUDIT_MEMORY`` and ``CRMWB_AUDIT_TEMP_MAX`` (« 4GB »)."""
    import psutil

    memory = os.environ.get("CRMWB_AUDIT_MEMORY") or (
        f"{psutil.virtual_memory().total // 4 // 2**20}MB"
    )
    return memory, os.environ.get("CRMWB_AUDIT_TEMP_MAX") or "10GB"


def limit_error(file: str) -> CustomerFileError:
    """The audit of ``file`` reached its memory or temporary-disk limit: said as such, with
    the limits and how to raise them."""
    memory, temp = duckdb_limits()
    return CustomerFileError(
        msg("quality.err.within_limits", memory=memory, disk=temp),
        file=file,
        found=msg("quality.err.found.limit_hit"),
        hint=msg("quality.err.hint.limits"),
    )


def _connect(tmpdir: Path) -> duckdb.DuckDBPyConnection:
    """A DuckDB of bounded memory, spilling to ``tmpdir`` (the system's temporary folder, not
    the client's synced drive) up to a cap."""
    memory, temp = duckdb_limits()
    return duckdb.connect(
        ":memory:",
        config={
            "temp_directory": str(tmpdir / "duckdb"),
            "memory_limit": memory,
            "max_temp_directory_size": temp,
        },
    )


_DELIMITERS = (";", ",", "\t", "|")
_REJECTS = 1000  # bad records DuckDB keeps: the store is capped, the message counts up to it
_LINES_SHOWN = 5  # the bad lines a message lists
_BLANK_LINE = re.compile(r"\n\r?\n(?=[^\r\n])")
_DecodeFn = Callable[[bytes, bool], tuple[str, int]]
_CP1252_TABLE = cp1252.decoding_table


def _decode_utf8(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_8_decode(data, "strict", final)


def _decode_utf16le(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_16_le_decode(data, "strict", final)


def _decode_utf16be(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.utf_16_be_decode(data, "strict", final)


def _decode_cp1252(data: bytes, final: bool) -> tuple[str, int]:
    return codecs.charmap_decode(data, "strict", _CP1252_TABLE)


_DECODERS: dict[str, _DecodeFn] = {
    "utf-8": _decode_utf8,
    "utf-16-le": _decode_utf16le,
    "utf-16-be": _decode_utf16be,
    "cp1252": _decode_cp1252,
}


class _Undecodable(Exception):
    def __init__(self, line: int, raw: bytes, non_ascii_before: bool) -> None:
        super().__init__(line)
        self.line = line
        self.raw = raw
        self.non_ascii_before = non_ascii_before


@dataclass
class _Scan:
    head: str  # the first 64 KiB of text
    has_quotes: bool
    blank_line_inside: bool
    nul_line: int | None = None  # the line of the first NUL character, if any


def _scan(path: Path, encoding: str, skip: int, out: io.BufferedWriter | None) -> _Scan:
    """Stream the file once: decode it (raising :class:`_Undecodable` with the line of the
    first bad byte), note whether it has double quotes and blank lines before its last record,
    and write it as UTF-8 to ``out`` when given."""
    decode = _DECODERS[encoding]
    pending = b""
    lines = 0
    head = ""
    tail = ""
    has_quotes = blank = non_ascii = False
    nul_line: int | None = None
    with path.open("rb") as fh:
        fh.seek(skip)
        while True:
            chunk = fh.read(_CHUNK)
            final = not chunk
            data = pending + chunk
            try:
                text, consumed = decode(data, final)
                if nul_line is None and "\x00" in text:
                    nul_line = 1 + lines + text.count("\n", 0, text.index("\x00"))
            except UnicodeDecodeError as exc:
                good, _ = decode(data[: exc.start], True)
                line = 1 + lines + good.count("\n")
                raise _Undecodable(
                    line, data[exc.start : exc.end], non_ascii or not good.isascii()
                ) from None
            pending = data[consumed:]
            if len(head) < _HEAD:
                head += text[: _HEAD - len(head)]
            lines += text.count("\n")
            non_ascii = non_ascii or not text.isascii()
            has_quotes = has_quotes or '"' in text
            blank = blank or _BLANK_LINE.search(tail + text) is not None
            tail = (tail + text)[-3:]
            if out is not None:
                out.write(text.encode("utf-8"))
            if final:
                break
    return _Scan(head, has_quotes, blank, nul_line)


def _first_lone_lf(path: Path) -> int | None:
    """The first line of a CR LF file that ends with LF alone outside quotes (what DuckDB's
    reader calls « an invalid state »), or None. Read only when DuckDB has refused the file."""
    line, quotes, crlf = 0, 0, None
    with path.open(encoding="utf-8", errors="replace", newline="") as text:
        for raw in text:
            line += 1
            quotes += raw.count('"')
            if quotes % 2 or not raw.endswith("\n"):
                continue  # inside a quoted value, or the last line
            ends_crlf = raw.endswith("\r\n")
            if crlf is None:
                crlf = ends_crlf
            elif crlf and not ends_crlf:
                return line
    return None


@dataclass(frozen=True)
class _Points:
    """Line-number corrections: sorted (index, offset) pairs, an index's offset being that of
    the last pair at or before it."""

    points: tuple[tuple[int, int], ...]

    def offset(self, index: int) -> int:
        result = 0
        for at, off in self.points:
            if at > index:
                break
            result = off
        return result


class CustomerFile:
    """A customer file loaded into DuckDB, ready to be profiled.

    ``connection`` holds the view ``customers``: one row per record, with one column per
    :class:`FieldRole` (the raw text of the mapped column; NULL for an unmapped role;
    ``record_id`` the line number when not mapped) and ``line``: the record's line in the file
    (CSV: the line it starts on, header = line 1; XLSX: the sheet's row number). Close it (or use
    it in a ``with`` block) to free the memory and the temporary folder."""

    def __init__(
        self,
        *,
        path: Path,
        sheet: str | None,
        country: str,
        mapping: Mapping[FieldRole, str],
        columns: tuple[str, ...],
        encoding: str | None,
        delimiter: str | None,
        rows: int,
        connection: duckdb.DuckDBPyConnection,
        tmpdir: Path,
    ) -> None:
        self.path = path
        self.sheet = sheet
        self.country = country
        self.mapping: Mapping[FieldRole, str] = dict(mapping)
        self.columns = columns
        self.encoding = encoding
        self.delimiter = delimiter
        self.rows = rows
        self.connection = connection
        self._tmpdir = tmpdir
        self._prepared = False
        self._finalizer = weakref.finalize(self, _release, connection, tmpdir)

    def __repr__(self) -> str:
        where = f"{self.path.name}" + (f"[{self.sheet}]" if self.sheet else "")
        return f"CustomerFile({where!r}, rows={self.rows}, encoding={self.encoding!r})"

    def mapped(self, role: FieldRole) -> bool:
        """Whether ``role`` is mapped to a column of the file."""
        return role in self.mapping

    def query(self, sql: str, parameters: Sequence[object] | None = None) -> list[tuple[Any, ...]]:
        """Run ``sql`` on the file's connection and fetch every row."""
        return list(self.connection.execute(sql, parameters or []).fetchall())

    def close(self) -> None:
        """Close the DuckDB connection and remove the temporary folder."""
        self._finalizer()

    def __enter__(self) -> CustomerFile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _release(connection: duckdb.DuckDBPyConnection, tmpdir: Path) -> None:
    try:
        connection.close()
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def _norm_header(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.strip().casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", folded)


IDENTIFYING_ROLES = frozenset(FieldRole) - {
    FieldRole.RECORD_ID,
    FieldRole.CIVILITY,
    FieldRole.COUNTRY,
    FieldRole.ADDRESS_2,
    FieldRole.STREET_NUMBER,
    FieldRole.BIRTH_DAY,
    FieldRole.BIRTH_MONTH,
    FieldRole.LAST_ACTIVITY,
    FieldRole.OPT_IN,
    FieldRole.UNDELIVERABLE,
}
"""Roles that tell one customer from another: a customer file maps at least one."""


def _check_mapping(mapping: Mapping[FieldRole, str], file: str) -> dict[FieldRole, str]:
    roles: dict[FieldRole, str] = {}
    for key, column in mapping.items():
        try:
            role = FieldRole(key)
        except ValueError:
            raise CustomerFileError(
                msg("quality.err.role", roles=tuple(Quoted(r.value) for r in FieldRole)),
                file=file,
                found=Quoted(str(key)),
            ) from None
        if not isinstance(column, str) or not column.strip():
            raise CustomerFileError(
                msg("quality.err.column_for_role", role=Quoted(_role(role))),
                file=file,
                found=msg("quality.err.found.no_column"),
            )
        roles[role] = column
    if not set(roles) & IDENTIFYING_ROLES:
        raise CustomerFileError(
            msg(
                "quality.err.identifying_role",
                roles=tuple(Quoted(_role(r)) for r in FieldRole if r in IDENTIFYING_ROLES),
            ),
            file=file,
            found=(
                msg("quality.err.found.roles", roles=tuple(Quoted(_role(r)) for r in roles))
                if roles
                else msg("quality.err.found.no_role")
            ),
        )
    return roles


def _resolve_columns(
    header: Sequence[str],
    roles: Mapping[FieldRole, str],
    *,
    file: str,
    line: int | None = None,
    sheet: str | None = None,
    cell: str | None = None,
) -> dict[FieldRole, int]:
    """Position of each mapped column in the header: the exact name, else the only one equal
    once trimmed, case-folded and without accents."""
    by_norm: dict[str, list[int]] = {}
    for i, name in enumerate(header):
        by_norm.setdefault(_norm_header(name), []).append(i)
    found: dict[FieldRole, int] = {}
    missing: list[tuple[FieldRole, str]] = []
    for role, column in roles.items():
        if column in header:
            found[role] = list(header).index(column)
        elif len(by_norm.get(_norm_header(column), [])) == 1:
            found[role] = by_norm[_norm_header(column)][0]
        else:
            missing.append((role, column))
    if missing:
        names = [h for h in header if h.strip()]
        hints: list[Msg] = []
        for _, column in missing:
            close = difflib.get_close_matches(column, names, n=1, cutoff=0.6)
            if not close:
                norm = {_norm_header(n): n for n in names}
                match = difflib.get_close_matches(_norm_header(column), list(norm), n=1)
                close = [norm[match[0]]] if match else []
            if close:
                hints.append(
                    msg("quality.err.hint.instead", name=Quoted(close[0]), column=Quoted(column))
                )
        what = tuple(
            msg("quality.err.column_mapped", column=Quoted(column), role=Quoted(_role(role)))
            for role, column in missing
        )
        raise CustomerFileError(
            msg("quality.err.columns_in_header", count=len(missing), columns=what),
            file=file,
            line=line,
            sheet=sheet,
            cell=cell,
            found=(
                msg("quality.err.found.columns", columns=tuple(Quoted(n) for n in names))
                if names
                else msg("quality.err.found.no_column_name")
            ),
            hint=msg("quality.err.hint.did_you_mean", pairs=tuple(hints)) if hints else None,
        )
    return found


def read_customer_file(
    path: str | Path,
    mapping: Mapping[FieldRole, str],
    *,
    sheet: str | None = None,
    country: str = "FR",
    lang: Lang | None = None,
) -> CustomerFile:
    """Load the client's customer file (CSV or XLSX) into DuckDB as the view ``customers``.

    ``mapping``: role -> the client's column name (matched exactly, else ignoring case,
    accents and surrounding blanks); ``email`` or ``phone`` at least. ``country``: the ISO code
    phone numbers are read for and postcodes default to (a mapped country column overrides it
    for postcodes). ``sheet``: the sheet of an XLSX (required when it has several).

    A CSV (anything that is not an XLSX zip) is sniffed on its first bytes: a UTF-8 or UTF-16
    byte-order mark, else UTF-8 when the file decodes as UTF-8, else Windows-1252 (the French
    Excel default; a Windows-1252 or UTF-16 file is transcoded to UTF-8 in a temporary folder).
    The separator is the most frequent of ``;`` ``,`` tab ``|`` in the header line (outside
    quotes; ties in that order), the quote ``"`` (doubled inside a quoted field). Every value is
    read as text (leading zeros stay), by DuckDB, streaming.

    An XLSX is streamed with openpyxl (read-only) into a temporary UTF-8 CSV: the header is row
    1, empty rows are skipped, dates become ISO text, and a number in the last-activity column is
    read as an Excel date.

    Raises :class:`CustomerFileError` naming the file and line (sheet and cell for an XLSX) for:
    a missing or 0-byte file, a header-only file, a mapped column not in the header (listing the
    columns found, with a "did you mean"), a record with more or fewer fields than the header (or
    a value right of the last header cell), bytes that cannot be decoded, a missing sheet —
    written in ``lang``, the client's language (None: the reader's)."""
    with in_language(lang):
        return _read_customer_file(Path(path), mapping, sheet, country)


def _read_customer_file(
    file: Path, mapping: Mapping[FieldRole, str], sheet: str | None, country: str
) -> CustomerFile:
    name = file.name
    roles = _check_mapping(mapping, name)
    plan = phone_plan(country)
    if not file.is_file():
        raise CustomerFileError(
            msg("quality.err.existing_file"), file=str(file), found=msg("err.found.no_file")
        )
    if file.stat().st_size == 0:
        raise CustomerFileError(
            msg("quality.err.header_and_record"),
            file=name,
            found=msg("quality.err.found.empty_file_0"),
        )
    with file.open("rb") as fh:
        magic = fh.read(8)
    if magic.startswith(b"\xd0\xcf\x11\xe0") and password_protected(file):
        raise CustomerFileError(
            msg("quality.err.csv_or_xlsx"),
            file=name,
            found=msg("err.found.password"),
            hint=msg("err.hint.password"),
        )
    if magic.startswith(b"\xd0\xcf\x11\xe0"):
        raise CustomerFileError(
            msg("quality.err.csv_or_xlsx"),
            file=name,
            found=msg("quality.err.found.xls"),
            hint=msg("quality.err.hint.save_as"),
        )
    tmpdir = Path(tempfile.mkdtemp(prefix="crmwb-quality-"))
    connection = _connect(tmpdir)
    try:
        if magic.startswith(b"PK\x03\x04"):
            loaded = _load_xlsx(file, roles, sheet, connection, tmpdir)
        else:
            loaded = _load_csv(file, roles, connection, tmpdir)
        _create_view(connection, roles, loaded.used)
        rows = int(connection.execute("SELECT count(*) FROM _data").fetchall()[0][0])
        if rows == 0:
            raise CustomerFileError(
                msg("quality.err.record_below_header"),
                file=name,
                line=None if loaded.sheet else 2,
                sheet=loaded.sheet,
                cell="A2" if loaded.sheet else None,
                found=msg("quality.err.found.only_header"),
            )
    except duckdb.OutOfMemoryException:
        _release(connection, tmpdir)
        raise limit_error(name) from None
    except BaseException:
        _release(connection, tmpdir)
        raise
    return CustomerFile(
        path=file,
        sheet=loaded.sheet,
        country=plan.country,
        mapping=roles,
        columns=loaded.columns,
        encoding=loaded.encoding,
        delimiter=loaded.delimiter,
        rows=rows,
        connection=connection,
        tmpdir=tmpdir,
    )


@dataclass(frozen=True)
class _Loaded:
    columns: tuple[str, ...]
    used: dict[FieldRole, str]  # role -> column of table _data
    encoding: str | None
    delimiter: str | None
    sheet: str | None


def _create_view(
    connection: duckdb.DuckDBPyConnection,
    roles: Mapping[FieldRole, str],
    used: dict[FieldRole, str],
) -> None:
    cols = []
    for role in FieldRole:
        if role in used:
            cols.append(f"{_ident(used[role])} AS {role.value}")
        elif role is FieldRole.RECORD_ID:
            cols.append(f"CAST(line AS VARCHAR) AS {role.value}")
        else:
            cols.append(f"CAST(NULL AS VARCHAR) AS {role.value}")
    connection.execute(f"CREATE VIEW customers AS SELECT {', '.join(cols)}, line FROM _data")


def _sniff_encoding(file: Path) -> tuple[str, int]:
    with file.open("rb") as fh:
        head = fh.read(65536)
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig", 3
    if head.startswith(codecs.BOM_UTF16_LE):
        return "utf-16-le", 2
    if head.startswith(codecs.BOM_UTF16_BE):
        return "utf-16-be", 2
    # UTF-16 without a byte-order mark: ASCII text with every other byte zero.
    if len(head) >= 4 and head.count(0) * 3 > len(head):
        return ("utf-16-le", 0) if head[1] == 0 else ("utf-16-be", 0)
    return "utf-8", 0


def _load_csv(
    file: Path,
    roles: Mapping[FieldRole, str],
    connection: duckdb.DuckDBPyConnection,
    tmpdir: Path,
) -> _Loaded:
    name = file.name
    encoding, skip = _sniff_encoding(file)
    data_path = file

    def undecodable(exc: _Undecodable, enc: str) -> CustomerFileError:
        return CustomerFileError(
            msg("quality.err.encoding", encoding=enc),
            file=name,
            line=exc.line,
            found=msg("quality.err.found.bytes", bytes=exc.raw.hex(" ")),
            hint=msg("quality.err.hint.save_utf8"),
        )

    if encoding in ("utf-8", "utf-8-sig"):
        try:
            scan = _scan(file, "utf-8", skip, None)
        except _Undecodable as exc:
            if encoding == "utf-8-sig" or exc.non_ascii_before:
                raise undecodable(exc, "UTF-8") from None
            encoding = "cp1252"
    if encoding not in ("utf-8", "utf-8-sig"):
        data_path = tmpdir / "data.csv"
        with data_path.open("wb") as out:
            try:
                scan = _scan(file, encoding, skip, out)
            except _Undecodable as exc:
                label = "Windows-1252" if encoding == "cp1252" else "UTF-16"
                raise undecodable(exc, label) from None
    if not scan.head.strip(_BLANKS + "\ufeff"):
        raise CustomerFileError(
            msg("quality.err.header_and_record"),
            file=name,
            found=msg("quality.err.found.empty_file"),
        )
    if scan.nul_line is not None:
        raise CustomerFileError(
            msg("quality.err.text_file"),
            file=name,
            line=scan.nul_line,
            found=msg("quality.err.found.nul"),
            hint=msg("quality.err.hint.export_again"),
        )
    first_line = scan.head.split("\n", 1)[0].rstrip("\r")
    if not first_line.strip():
        raise CustomerFileError(
            msg("quality.err.header_line_1"),
            file=name,
            line=1,
            found=msg("quality.err.found.blank_line"),
        )
    unquoted = re.sub(r'"[^"]*"', "", first_line)
    delimiter = max(_DELIMITERS, key=lambda d: (unquoted.count(d), -_DELIMITERS.index(d)))
    if unquoted.count(delimiter) == 0:
        delimiter = ","
    reader = csv.reader(io.StringIO(scan.head), delimiter=delimiter, quotechar='"')
    header = [h.lstrip("\ufeff") for h in next(reader)]
    first_row = reader.line_num + 1  # the line of the first record (a header may span lines)
    if "\n" not in scan.head and len(scan.head) >= _HEAD:  # a header line longer than we read
        raise CustomerFileError(
            msg("quality.err.columns_at_most", most=Number(MAX_COLUMNS)),
            file=name,
            line=1,
            found=msg("quality.err.found.header_too_long", size=Number(_HEAD // 1024)),
            hint=msg("quality.err.hint.fewer_columns"),
        )
    if len(header) > MAX_COLUMNS:
        raise CustomerFileError(
            msg("quality.err.columns_at_most", most=Number(MAX_COLUMNS)),
            file=name,
            line=1,
            found=msg("quality.err.found.column_count", columns=Number(len(header))),
            hint=msg("quality.err.hint.fewer_columns"),
        )
    positions = _resolve_columns(header, roles, file=name, line=1)
    ncols = len(header)

    _check_head(scan.head, delimiter, ncols, name)
    points: _Points | None = None
    record_points: _Points | None = None
    if scan.blank_line_inside:
        record_points, points = _csv_lines(data_path, delimiter, ncols, name)

    used = {role: f"c{i}" for role, i in positions.items()}
    selected = sorted(set(used.values()), key=lambda c: int(c[1:]))
    newline_count = ""
    if scan.has_quotes and points is None:
        everything = f"concat_ws('', {', '.join(f'c{i}' for i in range(ncols))})"
        newline_count = (
            f", length({everything}) - length(replace({everything}, chr(10), '')) AS _nl"
        )
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(ncols)) + "}"

    def source(options: str) -> str:
        return (
            f"read_csv({_lit(str(data_path))}, columns={columns}, header=true, "
            f"auto_detect=false, delim={_lit(delimiter)}, quote='\"', escape='\"', "
            f"encoding='utf-8', ignore_errors=true, store_rejects=true, {options})"
        )

    first_rejects = (
        "SELECT line, any_value(error_type ORDER BY column_idx), "
        "any_value(error_message ORDER BY column_idx) "
        f"FROM {{}} GROUP BY line ORDER BY line LIMIT {_LINES_SHOWN + 1}"
    )
    try:
        connection.execute(
            f"CREATE TABLE _raw AS SELECT {', '.join(selected)}{newline_count} "
            f"FROM {source(f'rejects_limit={_REJECTS}')}"
        )
        rejects = connection.execute(first_rejects.format("reject_errors")).fetchall()
        bad = connection.execute("SELECT count(DISTINCT line) FROM reject_errors").fetchall()[0][0]
        stored = connection.execute("SELECT count(*) FROM reject_errors").fetchall()[0][0]
        if stored >= _REJECTS:
            # Many bad records, read in parallel: the first ones may not be among those kept.
            # Read again in order, keeping only the first ones.
            options = f"parallel=false, rejects_limit={_LINES_SHOWN + 1}, "
            options += "rejects_table='_first_reject', rejects_scan='_first_scan'"
            connection.execute(f"SELECT count(*) FROM {source(options)}").fetchall()
            rejects = connection.execute(first_rejects.format("_first_reject")).fetchall()
    except duckdb.OutOfMemoryException:
        raise  # a limit reached: said as such by read_customer_file
    except duckdb.Error as exc:
        lone = _first_lone_lf(data_path)
        if lone is not None:
            raise CustomerFileError(
                msg("quality.err.line_endings"),
                file=name,
                line=lone,
                found=msg("quality.err.found.lone_lf"),
                hint=msg("quality.err.hint.line_endings"),
            ) from None
        raise CustomerFileError(
            msg("quality.err.readable_csv"),
            file=name,
            found=str(exc).strip().splitlines()[0],
        ) from None
    if rejects:

        def file_line(record: int) -> int:
            """The file's line of DuckDB's record number (it counts records, blank lines
            included, the header as 1, not lines)."""
            if record_points is not None:
                return record + record_points.offset(record)
            line = record + first_row - 2
            if newline_count:
                before = connection.execute(
                    "SELECT coalesce(sum(_nl), 0) FROM (SELECT _nl FROM _raw WHERE rowid <= ?)",
                    [record - 3],
                ).fetchall()
                line += int(before[0][0])
            return line

        (record, error_type, message), *others = rejects
        lines = [file_line(int(r[0])) for r in others]
        also = _other_bad_lines(lines, int(bad) - 1, at_least=stored >= _REJECTS)
        line = file_line(int(record))
        raise _reject_error(name, line, str(error_type), str(message), ncols, delimiter, also)

    if points is not None:
        _apply_points(connection, points, tmpdir)
    elif newline_count and connection.execute("SELECT max(_nl) > 0 FROM _raw").fetchall()[0][0]:
        connection.execute(
            f"CREATE TABLE _data AS SELECT * EXCLUDE (_nl), rowid + {first_row} + "
            "coalesce(sum(_nl) OVER (ORDER BY rowid ROWS BETWEEN UNBOUNDED PRECEDING "
            "AND 1 PRECEDING), 0) AS line "
            "FROM _raw ORDER BY rowid"
        )
        connection.execute("DROP TABLE _raw")
    else:
        exclude = " EXCLUDE (_nl)" if newline_count else ""
        connection.execute(
            f"CREATE VIEW _data AS SELECT *{exclude}, rowid + {first_row} AS line FROM _raw"
        )
    if data_path != file:
        data_path.unlink(missing_ok=True)
    return _Loaded(tuple(header), used, encoding, delimiter, None)


def _other_bad_lines(lines: Sequence[int], others: int, *, at_least: bool) -> Msg | None:
    """That ``others`` more lines are bad (``at_least`` that many when not every line was
    read, or DuckDB's capped store is full), the first of them listed; None when there are
    none."""
    if not others:
        return None
    shown = tuple(lines[:_LINES_SHOWN])
    if at_least:
        key = "quality.err.found.at_least_lines"
    elif others > len(shown):
        key = "quality.err.found.more_lines"
    else:
        key = "quality.err.found.also_lines"
    return msg(key, count=others, others=Number(others), lines=shown)


def _field_count_error(
    name: str,
    first: Sequence[tuple[int, int]],
    bad: int,
    ncols: int,
    delimiter: str,
    *,
    at_least: bool,
) -> CustomerFileError:
    """Records with the wrong number of fields, found by reading the file with the csv module:
    ``first`` the (line, fields) of the first ones, ``bad`` how many in all (``at_least`` when
    not every record was read)."""
    (line, count), *others = first
    return _reject_error(
        name,
        line,
        "TOO MANY COLUMNS" if count > ncols else "MISSING COLUMNS",
        f"Found: {count}",
        ncols,
        delimiter,
        _other_bad_lines([o[0] for o in others], bad - 1, at_least=at_least),
    )


def _reject_error(
    name: str,
    line: int,
    error_type: str,
    message: str,
    ncols: int,
    delimiter: str,
    also: Msg | None = None,
) -> CustomerFileError:
    """The error of the first bad record, at its ``line``; ``also`` says which others are bad."""
    error = _first_reject_error(name, line, error_type, message, ncols, delimiter)
    if also is not None:
        error.found = msg("quality.err.found.and_lines", found=error.found or "", more=also)
    return error


def _first_reject_error(
    name: str, line: int, error_type: str, message: str, ncols: int, delimiter: str
) -> CustomerFileError:
    shown: Text = msg("quality.err.tab") if delimiter == "\t" else Quoted(delimiter)
    if error_type in ("TOO MANY COLUMNS", "MISSING COLUMNS"):
        count = re.search(r"Found: (\d+)", message)
        return CustomerFileError(
            msg("quality.err.fields", count=ncols, fields=ncols, separator=shown),
            file=name,
            line=line,
            found=(
                msg("quality.err.found.fields", count=int(count.group(1)), fields=count.group(1))
                if count
                else msg("quality.err.found.other_fields")
            ),
            hint=msg("quality.err.hint.quote_separator"),
        )
    if error_type == "UNQUOTED VALUE":
        return CustomerFileError(
            msg("quality.err.quoted_field"),
            file=name,
            line=line,
            found=msg("quality.err.found.after_quote"),
        )
    return CustomerFileError(
        msg("quality.err.well_formed"),
        file=name,
        line=line,
        found=message.strip().splitlines()[0] if message.strip() else error_type.lower(),
    )


def _check_head(head: str, delimiter: str, ncols: int, name: str) -> None:
    """Raise on a record with the wrong number of fields among the first ones (those whole in
    the file's first 64 KiB): a file broken from the start fails at once, with its exact line,
    before DuckDB reads it all."""
    reader = csv.reader(io.StringIO(head), delimiter=delimiter, quotechar='"')
    records: list[tuple[int, int]] = []  # (line, fields) of each non-blank record
    previous = 0
    try:
        for fields in reader:
            if fields:
                records.append((previous + 1, len(fields)))
            previous = reader.line_num
    except csv.Error:
        return  # DuckDB's reading reports it
    cut = len(head) >= _HEAD
    if cut:
        records = records[:-1]  # may be cut
    bad = [(line, count) for line, count in records[1:] if count != ncols]
    if bad:
        raise _field_count_error(name, bad, len(bad), ncols, delimiter, at_least=cut)


def _csv_lines(path: Path, delimiter: str, ncols: int, name: str) -> tuple[_Points, _Points]:
    """For a CSV with blank lines among its records (which DuckDB skips): one pass with the csv
    module giving the line each record starts on, as corrections of DuckDB's record numbers
    (blank lines counted, line breaks inside quotes not) and of the table's row numbers; the
    records with the wrong number of fields raise, the first named, the others counted."""
    duck: list[tuple[int, int]] = []
    rows: list[tuple[int, int]] = []
    first_bad: list[tuple[int, int]] = []  # (line, fields) of the first bad records
    bad = 0
    stopped = False  # by a record the csv module cannot read, after bad ones
    with path.open(newline="", encoding="utf-8") as fh:
        reader = csv.reader(fh, delimiter=delimiter, quotechar='"')
        previous = 0
        record = 0
        rowid = 0
        try:
            for fields in reader:
                start = previous + 1
                previous = reader.line_num
                record += 1
                d_off = start - record
                if not duck or duck[-1][1] != d_off:
                    duck.append((record, d_off))
                if record == 1 or not fields:
                    continue
                if len(fields) != ncols:
                    bad += 1
                    if len(first_bad) <= _LINES_SHOWN:
                        first_bad.append((start, len(fields)))
                    continue
                r_off = start - (rowid + 2)
                if not rows or rows[-1][1] != r_off:
                    rows.append((rowid, r_off))
                rowid += 1
        except csv.Error as exc:
            if first_bad:  # records before it have errors: named; the rest of the file unread
                stopped = True
            else:
                raise CustomerFileError(
                    msg("quality.err.well_formed"), file=name, line=previous + 1, found=str(exc)
                ) from None
    if first_bad:
        raise _field_count_error(name, first_bad, bad, ncols, delimiter, at_least=stopped)
    return _Points(tuple(duck)), _Points(tuple(rows))


def _apply_points(connection: duckdb.DuckDBPyConnection, points: _Points, tmpdir: Path) -> None:
    path = tmpdir / "lines.csv"
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["rid", "off"])
        writer.writerows(points.points)
    connection.execute(
        f"CREATE TABLE _points AS SELECT * FROM read_csv({_lit(str(path))}, header=true, "
        "columns={'rid': 'BIGINT', 'off': 'BIGINT'})"
    )
    connection.execute(
        "CREATE TABLE _data AS SELECT r.* EXCLUDE (rid), r.rid + 2 + p.off AS line "
        "FROM (SELECT rowid AS rid, * FROM _raw) r ASOF JOIN _points p ON r.rid >= p.rid "
        "ORDER BY r.rid"
    )
    connection.execute("DROP TABLE _raw")
    path.unlink(missing_ok=True)


_PHANTOM_DAY = 60
"""Excel's serial number for 29 February 1900, a day that did not exist (Lotus 1-2-3's leap-year
bug, kept by Excel); a date library reads it as the 28th."""


def _cell_text(value: object, as_date: bool, epoch: datetime) -> str:
    """An XLSX cell as the text a CSV export would hold (dates ISO, whole numbers without .0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == dtime() else value.isoformat(sep=" ")
    if isinstance(value, date | dtime):
        return value.isoformat()
    if isinstance(value, int | float):
        if as_date and value == _PHANTOM_DAY and epoch.year == 1899:
            return "1900-02-29"  # Excel's day that never was: read back as the invalid date it is
        if as_date and 0 < value < 2958466:
            from openpyxl.utils.datetime import from_excel

            converted = from_excel(value, epoch=epoch)
            if isinstance(converted, datetime):
                return converted.date().isoformat()
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        return str(value)
    return str(value)


def _load_xlsx(
    file: Path,
    roles: Mapping[FieldRole, str],
    sheet: str | None,
    connection: duckdb.DuckDBPyConnection,
    tmpdir: Path,
) -> _Loaded:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter
    from openpyxl.utils.exceptions import InvalidFileException

    name = file.name
    try:
        wb = load_workbook(file, read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError) as exc:
        raise CustomerFileError(
            msg("quality.err.readable_xlsx"), file=name, found=str(exc)
        ) from None
    try:
        sheets = list(wb.sheetnames)
        listed = tuple(Quoted(s) for s in sheets)
        if sheet is None:
            if len(sheets) != 1:
                raise CustomerFileError(
                    msg("quality.err.sheet_to_read", sheet=Quoted(msg("sheet.customer_file"))),
                    file=name,
                    found=msg(
                        "quality.err.found.sheets",
                        count=len(sheets),
                        number=len(sheets),
                        sheets=listed,
                    ),
                )
            sheet = sheets[0]
        elif sheet not in sheets:
            close = difflib.get_close_matches(sheet, sheets, n=1)
            raise CustomerFileError(
                msg("quality.err.sheet_named", sheet=Quoted(sheet)),
                file=name,
                found=msg("err.found.sheets", names=listed),
                hint=msg("err.hint.did_you_mean", name=close[0]) if close else None,
            )
        ws = wb[sheet]
        ws.reset_dimensions()
        rows: Iterator[tuple[object, ...]] = ws.iter_rows(values_only=True)
        first = next(rows, None)
        raw_header = [("" if v is None else str(v)) for v in (first or ())]
        while raw_header and not raw_header[-1].strip():
            raw_header.pop()
        if not raw_header:
            raise CustomerFileError(
                msg("quality.err.names_in_row_1"),
                file=name,
                sheet=sheet,
                cell="A1",
                found=msg(
                    "quality.err.found.empty_sheet"
                    if first is None
                    else "quality.err.found.empty_row_1"
                ),
            )
        ncols = len(raw_header)
        last = get_column_letter(ncols)
        positions = _resolve_columns(raw_header, roles, file=name, sheet=sheet, cell=f"A1:{last}1")
        indices = sorted(set(positions.values()))
        date_cols = (
            {positions[FieldRole.LAST_ACTIVITY]} if FieldRole.LAST_ACTIVITY in positions else set()
        )
        epoch: datetime = wb.epoch
        path = tmpdir / "sheet.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["line", *(f"c{i}" for i in indices)])
            for number, values in enumerate(rows, start=2):
                if all(v is None or (isinstance(v, str) and not v.strip()) for v in values):
                    continue
                for j in range(ncols, len(values)):
                    v = values[j]
                    if v is not None and not (isinstance(v, str) and not v.strip()):
                        raise CustomerFileError(
                            msg(
                                "quality.err.values_under_names",
                                count=ncols,
                                names=ncols,
                                range=f"A1:{last}1",
                            ),
                            file=name,
                            sheet=sheet,
                            cell=f"{get_column_letter(j + 1)}{number}",
                            found=msg("quality.err.found.value_right"),
                        )
                writer.writerow(
                    [
                        number,
                        *(
                            _cell_text(
                                values[i] if i < len(values) else None, i in date_cols, epoch
                            )
                            for i in indices
                        ),
                    ]
                )
    finally:
        wb.close()
    columns = "{'line': 'BIGINT', " + ", ".join(f"'c{i}': 'VARCHAR'" for i in indices) + "}"
    connection.execute(
        f"CREATE TABLE _data AS SELECT * FROM read_csv({_lit(str(path))}, columns={columns}, "
        "header=true, auto_detect=false, delim=',', quote='\"', escape='\"')"
    )
    path.unlink(missing_ok=True)
    used = {role: f"c{i}" for role, i in positions.items()}
    return _Loaded(tuple(raw_header), used, None, None, sheet)


# --- the profile ------------------------------------------------------------------------------


@dataclass(frozen=True)
class FieldQuality:
    """One mapped field: ``filled`` records where it is not blank, ``completeness`` =
    filled / rows; ``checked`` the filled values a validity rule applies to, ``valid`` those
    passing it, ``validity`` = valid / checked (None: no rule for this field, or nothing to
    check). Rules: e-mail :data:`EMAIL_PATTERN`; phone :func:`phone_valid_sql`; postcode
    :data:`POSTCODE_PATTERNS` (only for the countries listed); last activity: a readable date
    (:func:`parse_date_sql`); opt-in: a readable answer (:func:`opt_in_sql`)."""

    role: FieldRole
    filled: int
    completeness: float
    checked: int | None = None
    valid: int | None = None
    validity: float | None = None


@dataclass(frozen=True)
class Staleness:
    """Last activity: ``dated`` records with a readable date, ``no_date`` the rest (blank or
    unreadable), ``future`` dates after ``today``; with ``inactive_months``, ``stale`` records
    whose last activity is before ``cutoff`` (``today`` less that many calendar months; the day
    clamped to the month's end). Shares are of all rows."""

    today: date
    inactive_months: int | None
    cutoff: date | None
    dated: int
    no_date: int
    future: int
    stale: int | None
    stale_share: float | None
    no_date_share: float


@dataclass(frozen=True)
class OptInCoverage:
    """Opt-in answers (:func:`opt_in_sql`): yes, no, blank, unreadable; shares of all rows
    (``unknown_share`` = blank + unreadable)."""

    yes: int
    no: int
    blank: int
    unreadable: int
    yes_share: float
    no_share: float
    unknown_share: float


@dataclass(frozen=True)
class Undeliverable:
    """Records marked undeliverable (:func:`undeliverable_sql`) and their share of all rows."""

    count: int
    share: float


@dataclass(frozen=True)
class DuplicateStats:
    """Exact duplicates on one key: ``groups`` of 2+ records sharing a normalised value,
    ``records`` in those groups, ``excess`` = records - groups (the copies a merge removes)."""

    key: DuplicateKey
    groups: int
    records: int
    excess: int


@dataclass(frozen=True)
class ScorePart:
    """One component of the quality score: its weight and its value (0 to 1)."""

    name: str
    weight: float
    value: float


SCORE_WEIGHTS: dict[str, float] = {
    "completeness": 20,
    "validity": 25,
    "uniqueness": 20,
    "freshness": 15,
    "consent": 10,
    "deliverability": 10,
}
"""Weights of the quality score, a weighted mean of these components (each 0 to 1), times 100:

* completeness: mean completeness of the mapped fields (record id and undeliverable marker
  excepted);
* validity: mean validity of the mapped e-mail, phone, postcode and last activity;
* uniqueness: 1 - the largest excess (:class:`DuplicateStats`) of any key / rows;
* freshness (last activity mapped): share of rows with a readable date not before the cutoff
  (any readable date when no ``inactive_months``);
* consent (opt-in mapped): share of rows with a readable opt-in answer, yes or no;
* deliverability (marker mapped): 1 - undeliverable share.

A component whose field is not mapped is left out and the other weights count in proportion."""


@dataclass(frozen=True)
class QualityProfile:
    """The audit of a customer file: numbers only, nothing personal.

    ``fields`` one :class:`FieldQuality` per mapped role (in :class:`FieldRole` order);
    ``staleness`` / ``opt_in`` / ``undeliverable`` None when their role is not mapped;
    ``duplicates`` one :class:`DuplicateStats` per key whose fields are mapped;
    ``records_in_duplicates`` records in at least one exact group of any key (union);
    ``score`` 0-100 (:data:`SCORE_WEIGHTS`, one decimal), ``score_parts`` its components."""

    rows: int
    country: str
    fields: tuple[FieldQuality, ...]
    staleness: Staleness | None
    opt_in: OptInCoverage | None
    undeliverable: Undeliverable | None
    duplicates: tuple[DuplicateStats, ...]
    records_in_duplicates: int
    records_in_duplicates_share: float
    score: float
    score_parts: tuple[ScorePart, ...]

    def field(self, role: FieldRole) -> FieldQuality:
        """The quality of one mapped field (KeyError when not mapped)."""
        for item in self.fields:
            if item.role == role:
                return item
        raise KeyError(role)

    def duplicate(self, key: DuplicateKey) -> DuplicateStats:
        """The duplicate counts of one key (KeyError when its fields are not mapped)."""
        for item in self.duplicates:
            if item.key == key:
                return item
        raise KeyError(key)


def _keys(file: CustomerFile) -> list[DuplicateKey]:
    keys = []
    if file.mapped(FieldRole.EMAIL):
        keys.append(DuplicateKey.EMAIL)
    if file.mapped(FieldRole.PHONE):
        keys.append(DuplicateKey.PHONE)
    if all(file.mapped(r) for r in (FieldRole.FIRST_NAME, FieldRole.LAST_NAME, FieldRole.POSTCODE)):
        keys.append(DuplicateKey.NAME_POSTCODE)
    return keys


_KEY_COLUMNS: dict[DuplicateKey, tuple[str, str]] = {
    DuplicateKey.EMAIL: ("email", " AND email_ok"),
    DuplicateKey.PHONE: ("phone", " AND phone_ok"),
    DuplicateKey.NAME_POSTCODE: ("name_key", ""),
}
"""Per key: the column of ``_norm`` it compares, and the condition a value must meet to count
(a valid e-mail or phone: an invalid one is a validity problem, not a duplicate)."""


def _key_column(key: DuplicateKey) -> str:
    return _KEY_COLUMNS[key][0]


def _prepare(file: CustomerFile) -> None:
    """Materialise ``_norm`` (one row per record: normalised values and their checks) and
    ``_dups`` (exact duplicate groups per key), once per file.

    E-mails and phones (nearly one per record) are normalised row by row, a value and its check
    together as a struct; names, postcodes (with the country), dates, opt-in answers and
    undeliverable markers often have few distinct values: when a column has at most one distinct
    value per four records (DuckDB's approximate count), each distinct value is normalised once
    and joined back (several times faster), otherwise row by row."""
    if file._prepared:
        return
    names = DuplicateKey.NAME_POSTCODE in _keys(file)
    stored: list[str] = ["c.line AS line"]
    shown: list[str] = ["line"]
    dicts: list[str] = []
    joins: list[str] = []

    def pair(value: str, check: Callable[[str], str]) -> str:
        return _let(value, lambda v: f"{{'v': {v}, 'ok': {check(v)}}}")

    candidates = [
        role.value
        for role in (
            FieldRole.FIRST_NAME,
            FieldRole.LAST_NAME,
            FieldRole.POSTCODE,
            FieldRole.LAST_ACTIVITY,
            FieldRole.OPT_IN,
            FieldRole.UNDELIVERABLE,
        )
        if file.mapped(role)
    ]
    distinct: dict[str, int] = {}
    if candidates:
        counts = file.query(
            f"SELECT count(*), {', '.join(f'approx_count_distinct({c})' for c in candidates)} "
            "FROM customers"
        )[0]
        distinct = dict(zip(candidates, (int(n) for n in counts[1:]), strict=True))
        total = int(counts[0])

    def dictionary(name: str, columns: Sequence[str], value: Callable[..., str]) -> str:
        """``value`` (an SQL expression of ``columns``) for each record. When the first column
        has few distinct values (at most a quarter of the records), through a CTE computing it
        once per distinct value, joined back; otherwise row by row."""
        if distinct.get(columns[0], total) * 4 > total:
            return value(*(f"c.{col}" for col in columns))
        keys = ", ".join(f"{col} AS k{i}" for i, col in enumerate(columns))
        dicts.append(
            f"d_{name} AS (SELECT *, {value(*(f'k{i}' for i in range(len(columns))))} AS v "
            f"FROM (SELECT DISTINCT {keys} FROM customers WHERE {columns[0]} IS NOT NULL))"
        )
        on = " AND ".join(
            f"c.{col} IS NOT DISTINCT FROM d_{name}.k{i}" if i else f"c.{col} = d_{name}.k{i}"
            for i, col in enumerate(columns)
        )
        joins.append(f"LEFT JOIN d_{name} ON {on}")
        return f"d_{name}.v"

    derived = {FieldRole.EMAIL, FieldRole.POSTCODE}
    if names:
        derived |= {FieldRole.FIRST_NAME, FieldRole.LAST_NAME}
    for role in file.mapping:
        if role not in derived:
            stored.append(f"{filled_sql('c.' + role.value)} AS filled_{role.value}")
            shown.append(f"filled_{role.value}")
    if file.mapped(FieldRole.EMAIL):
        stored.append(f"{pair(normalise_email_sql('c.email'), email_valid_sql)} AS _email")
        shown += [
            "struct_extract(_email, 'v') AS email",
            "struct_extract(_email, 'ok') AS email_ok",
            "struct_extract(_email, 'v') IS NOT NULL AS filled_email",
        ]
    if file.mapped(FieldRole.PHONE):
        phone = pair(
            normalise_phone_sql("c.phone", file.country),
            lambda v: phone_valid_sql(v, file.country),
        )
        stored.append(f"{phone} AS _phone")
        shown += [
            "struct_extract(_phone, 'v') AS phone",
            "struct_extract(_phone, 'ok') AS phone_ok",
        ]
    if names:
        for role in (FieldRole.FIRST_NAME, FieldRole.LAST_NAME):
            value = dictionary(role.value, [role.value], normalise_name_sql)
            stored.append(f"{value} AS {role.value}")
            shown += [role.value, f"{role.value} IS NOT NULL AS filled_{role.value}"]
    if file.mapped(FieldRole.POSTCODE):

        def postcode(code: str, country: str) -> str:
            return _let(
                normalise_country_sql(country, file.country),
                lambda c: pair(normalise_postcode_sql(code, c), lambda p: postcode_valid_sql(p, c)),
            )

        value = dictionary("postcode", ["postcode", "country"], postcode)
        stored.append(f"{value} AS _postcode")
        shown += [
            "struct_extract(_postcode, 'v') AS postcode",
            "struct_extract(_postcode, 'ok') AS postcode_ok",
            "struct_extract(_postcode, 'v') IS NOT NULL AS filled_postcode",
        ]
    if names:
        shown.append(
            "CASE WHEN first_name IS NOT NULL AND last_name IS NOT NULL AND "
            "struct_extract(_postcode, 'v') IS NOT NULL THEN first_name || '|' || last_name || "
            "'|' || struct_extract(_postcode, 'v') END AS name_key"
        )
    if file.mapped(FieldRole.LAST_ACTIVITY):
        value = dictionary("activity", ["last_activity"], parse_date_sql)
        stored.append(f"{value} AS activity")
        shown.append("activity")
    if file.mapped(FieldRole.OPT_IN):
        stored.append(f"{dictionary('opt_in', ['opt_in'], opt_in_sql)} AS opt_in")
        shown.append("opt_in")
    if file.mapped(FieldRole.UNDELIVERABLE):
        value = dictionary("undeliverable", ["undeliverable"], undeliverable_sql)
        stored.append(f"coalesce({value}, FALSE) AS undeliverable")
        shown.append("undeliverable")
    if file.mapped(FieldRole.BIRTH_DATE):
        stored.append(f"{dictionary('birth', ['birth_date'], parse_birth_date_sql)} AS birth")
        shown.append("birth")
    if file.mapped(FieldRole.COMPANY_ID):
        stored.append(f"{company_id_valid_sql('c.company_id')} AS company_id_ok")
        shown.append("company_id_ok")

    con = file.connection
    with_ = f"WITH {', '.join(dicts)} " if dicts else ""
    con.execute(
        f"CREATE TEMP TABLE _norm_t AS {with_}SELECT {', '.join(stored)} "
        f"FROM customers c {' '.join(joins)}"
    )
    con.execute(f"CREATE TEMP VIEW _norm AS SELECT {', '.join(shown)} FROM _norm_t")
    parts = [
        f"SELECT {_lit(key.value)} AS key, {column} AS value, count(*) AS size, "
        f"min(line) AS first_line FROM _norm WHERE {column} IS NOT NULL{valid} "
        f"GROUP BY {column} HAVING count(*) > 1"
        for key in _keys(file)
        for column, valid in [_KEY_COLUMNS[key]]
    ]
    if not parts:
        parts = [
            "SELECT NULL::VARCHAR AS key, NULL::VARCHAR AS value, 0 AS size, 0 AS first_line "
            "WHERE FALSE"
        ]
    con.execute(f"CREATE TEMP TABLE _dups AS {' UNION ALL '.join(parts)}")
    file._prepared = True


def _months_before(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 - months
    year, month = divmod(index, 12)
    month += 1
    next_first = date(year + month // 12, month % 12 + 1, 1)
    last_day = (next_first - date(year, month, 1)).days
    return date(year, month, min(day.day, last_day))


def _share(part: int, whole: int) -> float:
    return part / whole if whole else 0.0


def profile(
    file: CustomerFile, *, inactive_months: int | None = None, today: date
) -> QualityProfile:
    """Measure the customer file: completeness and validity per mapped field, staleness of the
    last activity (against ``inactive_months`` before ``today``), opt-in coverage, the
    undeliverable share, exact duplicates per key and overall, and the quality score
    (:data:`SCORE_WEIGHTS`).

    Three SQL passes: one normalising every record, one grouping the duplicate keys (both kept
    on the file for the next call and for :func:`examples`), one aggregate. Shares are of all
    rows; a duplicate key counts only valid e-mails and phones (an invalid one is a validity
    problem, not a duplicate) and names with a postcode (all three not blank)."""
    if inactive_months is not None and (
        isinstance(inactive_months, bool)
        or not isinstance(inactive_months, int)
        or inactive_months < 1
    ):
        raise InputError(msg("quality.err.inactive_months"), found=str(inactive_months))
    _prepare(file)
    cutoff = _months_before(today, inactive_months) if inactive_months is not None else None
    aggs = ["count(*)"]
    names: list[str] = ["rows"]

    def agg(name: str, sql: str) -> None:
        names.append(name)
        aggs.append(sql)

    for role in file.mapping:
        agg(f"filled_{role.value}", f"count_if(filled_{role.value})")
    if file.mapped(FieldRole.EMAIL):
        agg("valid_email", "count_if(email_ok)")
    if file.mapped(FieldRole.PHONE):
        agg("valid_phone", "count_if(phone_ok)")
    if file.mapped(FieldRole.POSTCODE):
        agg("checked_postcode", "count(postcode_ok)")
        agg("valid_postcode", "count_if(postcode_ok)")
    if file.mapped(FieldRole.LAST_ACTIVITY):
        agg("dated", "count(activity)")
        agg("future", f"count_if(activity > DATE {_lit(today.isoformat())})")
        if cutoff is not None:
            agg("stale", f"count_if(activity < DATE {_lit(cutoff.isoformat())})")
    if file.mapped(FieldRole.OPT_IN):
        agg("yes", "count_if(opt_in = 'yes')")
        agg("no", "count_if(opt_in = 'no')")
    if file.mapped(FieldRole.UNDELIVERABLE):
        agg("undeliverable", "count_if(undeliverable)")
    if file.mapped(FieldRole.BIRTH_DATE):
        agg(
            "valid_birth",
            f"count_if(birth BETWEEN DATE {_lit(FIRST_BIRTH.isoformat())} "
            f"AND DATE {_lit(today.isoformat())})",
        )
    if file.mapped(FieldRole.COMPANY_ID):
        agg("valid_company_id", "count_if(company_id_ok)")
    keys = _keys(file)
    if keys:
        inside = " OR ".join(
            f"{_key_column(k)} IN (SELECT value FROM _dups WHERE key = {_lit(k.value)})"
            for k in keys
        )
        agg("involved", f"count_if({inside})")
    row = file.query(f"SELECT {', '.join(aggs)} FROM _norm")[0]
    got: dict[str, int] = {n: int(v or 0) for n, v in zip(names, row, strict=True)}
    rows = got["rows"]

    fields: list[FieldQuality] = []
    for role in FieldRole:
        if role not in file.mapping:
            continue
        filled = got[f"filled_{role.value}"]
        checked: int | None = None
        valid: int | None = None
        if role is FieldRole.EMAIL:
            checked, valid = filled, got["valid_email"]
        elif role is FieldRole.PHONE:
            checked, valid = filled, got["valid_phone"]
        elif role is FieldRole.POSTCODE:
            checked, valid = got["checked_postcode"], got["valid_postcode"]
        elif role is FieldRole.LAST_ACTIVITY:
            checked, valid = filled, got["dated"]
        elif role is FieldRole.OPT_IN:
            checked, valid = filled, got["yes"] + got["no"]
        elif role is FieldRole.BIRTH_DATE:
            checked, valid = filled, got["valid_birth"]
        elif role is FieldRole.COMPANY_ID:
            checked, valid = filled, got["valid_company_id"]
        validity = valid / checked if checked and valid is not None else None
        fields.append(FieldQuality(role, filled, _share(filled, rows), checked, valid, validity))

    staleness = None
    if file.mapped(FieldRole.LAST_ACTIVITY):
        stale = got["stale"] if cutoff is not None else None
        staleness = Staleness(
            today=today,
            inactive_months=inactive_months,
            cutoff=cutoff,
            dated=got["dated"],
            no_date=rows - got["dated"],
            future=got["future"],
            stale=stale,
            stale_share=_share(stale, rows) if stale is not None else None,
            no_date_share=_share(rows - got["dated"], rows),
        )
    opt_in = None
    if file.mapped(FieldRole.OPT_IN):
        blank = rows - got["filled_opt_in"]
        unreadable = got["filled_opt_in"] - got["yes"] - got["no"]
        opt_in = OptInCoverage(
            yes=got["yes"],
            no=got["no"],
            blank=blank,
            unreadable=unreadable,
            yes_share=_share(got["yes"], rows),
            no_share=_share(got["no"], rows),
            unknown_share=_share(blank + unreadable, rows),
        )
    undeliverable = None
    if file.mapped(FieldRole.UNDELIVERABLE):
        undeliverable = Undeliverable(got["undeliverable"], _share(got["undeliverable"], rows))

    stats = {
        str(k): (int(g), int(r))
        for k, g, r in file.query("SELECT key, count(*), sum(size) FROM _dups GROUP BY key")
    }
    duplicates = tuple(
        DuplicateStats(k, groups, records, records - groups)
        for k in keys
        for groups, records in [stats.get(k.value, (0, 0))]
    )
    involved = got.get("involved", 0)

    parts = _score_parts(fields, staleness, opt_in, undeliverable, duplicates, rows)
    total_weight = sum(p.weight for p in parts)
    score = round(100 * sum(p.weight * p.value for p in parts) / total_weight, 1) if parts else 0.0
    return QualityProfile(
        rows=rows,
        country=file.country,
        fields=tuple(fields),
        staleness=staleness,
        opt_in=opt_in,
        undeliverable=undeliverable,
        duplicates=duplicates,
        records_in_duplicates=involved,
        records_in_duplicates_share=_share(involved, rows),
        score=score,
        score_parts=parts,
    )


def _score_parts(
    fields: Sequence[FieldQuality],
    staleness: Staleness | None,
    opt_in: OptInCoverage | None,
    undeliverable: Undeliverable | None,
    duplicates: Sequence[DuplicateStats],
    rows: int,
) -> tuple[ScorePart, ...]:
    parts: list[ScorePart] = []

    def add(name: str, value: float) -> None:
        parts.append(ScorePart(name, SCORE_WEIGHTS[name], value))

    counted = [f for f in fields if f.role not in (FieldRole.RECORD_ID, FieldRole.UNDELIVERABLE)]
    if counted:
        add("completeness", sum(f.completeness for f in counted) / len(counted))
    checked = [
        f.validity
        for f in fields
        if f.validity is not None
        and f.role
        in (
            FieldRole.EMAIL,
            FieldRole.PHONE,
            FieldRole.POSTCODE,
            FieldRole.LAST_ACTIVITY,
            FieldRole.BIRTH_DATE,
            FieldRole.COMPANY_ID,
        )
    ]
    if checked:
        add("validity", sum(checked) / len(checked))
    if duplicates:
        add("uniqueness", 1 - _share(max(d.excess for d in duplicates), rows))
    if staleness is not None:
        fresh = staleness.dated - (staleness.stale or 0)
        add("freshness", _share(fresh, rows))
    if opt_in is not None:
        add("consent", _share(opt_in.yes + opt_in.no, rows))
    if undeliverable is not None:
        add("deliverability", 1 - undeliverable.share)
    return tuple(parts)


# --- examples ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class MaskedRecord:
    """One record of a duplicate group, masked: its line, e-mail (:func:`mask_email`), phone
    (:func:`mask_phone`), initials (:func:`initials`) and postcode (:func:`mask_postcode`);
    "" for an unmapped or blank field."""

    line: int
    email: str
    phone: str
    name: str
    postcode: str


@dataclass(frozen=True)
class DuplicateExample:
    """One exact duplicate group: the key, its shared value masked, the group's size and its
    first records (masked, by line)."""

    key: DuplicateKey
    value: str
    size: int
    records: tuple[MaskedRecord, ...]


def _mask_key(key: DuplicateKey, value: str, country: str) -> str:
    if key is DuplicateKey.EMAIL:
        return mask_email(value)
    if key is DuplicateKey.PHONE:
        return mask_phone(value, country)
    first, last, postcode = [*value.split("|"), "", "", ""][:3]
    return f"{initials(first, last)} {mask_postcode(postcode)}"


def examples(
    file: CustomerFile, key: DuplicateKey, n: int = 5, *, records: int = 10
) -> tuple[DuplicateExample, ...]:
    """Up to ``n`` exact duplicate groups of ``key`` (largest first, then by first line), each
    with up to ``records`` of its records, masked: never a raw e-mail, phone or name. Empty when
    the key's fields are not mapped or there is no duplicate."""
    key = DuplicateKey(key)
    if key not in _keys(file) or n < 1:
        return ()
    _prepare(file)
    column = _key_column(key)
    email = "k.email" if file.mapped(FieldRole.EMAIL) else "c.email"
    rows = file.query(
        f"WITH top AS (SELECT value, size, first_line FROM _dups WHERE key = ? "
        f"ORDER BY size DESC, first_line LIMIT ?) "
        f"SELECT t.value, t.size, t.first_line, c.line, {email}, c.phone, c.first_name, "
        f"c.last_name, c.postcode FROM top t JOIN _norm k ON k.{column} = t.value "
        f"JOIN customers c ON c.line = k.line "
        f"QUALIFY row_number() OVER (PARTITION BY t.value ORDER BY c.line) <= ? "
        f"ORDER BY t.size DESC, t.first_line, c.line",
        [key.value, n, records],
    )
    groups: dict[str, tuple[int, list[MaskedRecord]]] = {}
    for value, size, _first, line, email, phone, first, last, postcode in rows:
        members = groups.setdefault(value, (int(size), []))[1]
        members.append(
            MaskedRecord(
                line=int(line),
                email=mask_email(email or ""),
                phone=mask_phone(phone or "", file.country),
                name=initials(first, last),
                postcode=mask_postcode(postcode),
            )
        )
    return tuple(
        DuplicateExample(key, _mask_key(key, value, file.country), size, tuple(members))
        for value, (size, members) in groups.items()
    )


__all__ = [
    "COUNTRY_NAMES",
    "EMAIL_PATTERN",
    "OPT_IN_NO",
    "OPT_IN_YES",
    "POSTCODE_PATTERNS",
    "SCORE_WEIGHTS",
    "CustomerFile",
    "CustomerFileError",
    "DuplicateExample",
    "DuplicateKey",
    "DuplicateStats",
    "FieldQuality",
    "FieldRole",
    "MaskedRecord",
    "OptInCoverage",
    "PhonePlan",
    "QualityProfile",
    "ScorePart",
    "Staleness",
    "Undeliverable",
    "clean_sql",
    "email_valid_sql",
    "examples",
    "filled_sql",
    "initials",
    "mask_email",
    "mask_phone",
    "mask_postcode",
    "normalise_country_sql",
    "normalise_email_sql",
    "normalise_name_sql",
    "normalise_phone_sql",
    "normalise_postcode_sql",
    "opt_in_sql",
    "parse_date_sql",
    "phone_plan",
    "phone_valid_sql",
    "profile",
    "read_customer_file",
    "undeliverable_sql",
]

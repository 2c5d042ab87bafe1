"""The customer file's columns as the workbook maps them: what each column holds
(:data:`FieldRole`), the mapping checked (:func:`check_mapping`) and found in an export's
header even when written another way (:func:`resolve_columns`), what the CSV and XLSX readers
leave of an export (:class:`LoadedExport`), and the error raised when a file cannot be read as
mapped (:class:`CustomerFileError`), written in the client's language (:func:`in_language`)."""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum

from crmwb.core.errors import CrmwbError, InputError, Msg, Quoted, Text, msg
from crmwb.core.i18n import DEFAULT_LANG, Lang, t


class CustomerRole(StrEnum):
    """What a column of the client's customer file holds (labels ``customer_role.*``): the
    Customer file sheet maps the client's columns to these roles, the audit reads them."""

    RECORD_ID = "record_id"
    EMAIL = "email"
    PHONE = "phone"
    FIRST_NAME = "first_name"
    LAST_NAME = "last_name"
    POSTCODE = "postcode"
    CITY = "city"
    COUNTRY = "country"
    LAST_ACTIVITY = "last_activity"
    OPT_IN = "opt_in"
    UNDELIVERABLE = "undeliverable"
    # What else tells customers apart (the deduplication compares each one mapped).
    CIVILITY = "civility"
    BIRTH_NAME = "birth_name"
    BIRTH_DATE = "birth_date"
    BIRTH_DAY = "birth_day"
    BIRTH_MONTH = "birth_month"
    BIRTH_YEAR = "birth_year"
    PHONE_2 = "phone_2"
    STREET_NUMBER = "street_number"
    ADDRESS = "address"
    ADDRESS_2 = "address_2"
    CUSTOMER_NUMBER = "customer_number"
    LOYALTY_NUMBER = "loyalty_number"
    EXTERNAL_ID = "external_id"
    COMPANY_NAME = "company_name"
    COMPANY_ID = "company_id"
    VAT_NUMBER = "vat_number"


FieldRole = CustomerRole
"""What a column of the customer file holds (:class:`CustomerRole`). ``email``
or ``phone`` (at least one) must be mapped; every other role is optional (``record_id``: the
line number when not mapped)."""


class CustomerFileError(InputError):
    """The customer file cannot be read as mapped. ``line`` is the CSV line it is about (the
    file's own line number, header = line 1), ``sheet`` and ``cell`` the A1 reference for an
    XLSX. Written in the client's language (``lang``; :func:`.reading.read_customer_file` sets it).

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


def check_mapping(mapping: Mapping[FieldRole, str], file: str) -> dict[FieldRole, str]:
    """The mapping of ``file`` with roles for keys; raises when a key is not a role, a column
    name is blank, or no role of :data:`IDENTIFYING_ROLES` is mapped."""
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


def resolve_columns(
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


@dataclass(frozen=True)
class LoadedExport:
    """What a reader (:mod:`.reading_csv`, :mod:`.reading_xlsx`) leaves of an export: the table
    ``_data`` in the connection, with ``line`` and the mapped columns (``used``: the column of
    each role); ``columns`` the header as written, the CSV's ``encoding`` and ``delimiter`` or
    the XLSX's ``sheet``."""

    columns: tuple[str, ...]
    used: dict[FieldRole, str]  # role -> column of table _data
    encoding: str | None
    delimiter: str | None
    sheet: str | None


__all__ = ["CustomerFileError", "FieldRole"]

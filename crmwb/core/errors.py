"""One exception root for the workbench, with structured fields, written in the reader's language.

Every error a consultant can cause (a bad cell, a missing sheet, an unknown client) is a
:class:`CrmwbError`. Its message says *where* (file, sheet, cell), *what was expected* and *what
was found*, so it can be shown as is, without a traceback from deep inside a library. The parts
are :class:`Msg` values (a catalog key and its values), written in a language only when the error
is shown: the workbook's language when a workbook raised it (:attr:`CrmwbError.lang`).

>>> err = WorkbookError(msg("err.number_min", name="Users", min="0"), file="workbook.xlsx",
...                     sheet="TCO", cell="C7", found=msg("err.found.text", value="abc"))
>>> err.message("en")
"workbook.xlsx, TCO!C7: a number >= 0 for 'Users'; found the text 'abc'"
>>> err.message("fr") == ("workbook.xlsx, TCO!C7\\u00a0: on attend un nombre ≥ 0 pour "
...     "«\\u202fUsers\\u202f»\\u202f; trouvé\\u00a0: le texte «\\u202fabc\\u202f»")
True
>>> err.location
'TCO!C7'
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from crmwb.core.i18n import DEFAULT_LANG, Lang, date_pattern, decimal, percent, quoted, t, tn
from crmwb.core.i18n import date as long_date


@dataclass(frozen=True)
class Msg:
    """A message to be written later, in whatever language the reader reads: the catalog key,
    its values (plain text, numbers, or other messages) and, for a plural message, the count
    that chooses its form."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    count: int | None = None

    def text(self, lang: Lang) -> str:
        values = {name: render(value, lang) for name, value in self.values.items()}
        if self.count is not None:
            return tn(self.key, self.count, lang, **values)
        return t(self.key, lang, **values)


def msg(key: str, /, *, count: int | None = None, **values: object) -> Msg:
    """A :class:`Msg`: ``msg("err.number_for", name="Users")``."""
    return Msg(key, values, count)


@dataclass(frozen=True)
class Quoted:
    """Client text quoted the reader's way: « Acheteur » or 'Buyer'."""

    value: object

    def text(self, lang: Lang) -> str:
        return quoted(render(self.value, lang), lang)


@runtime_checkable
class Written(Protocol):
    """Anything written differently in each language (a message, a quoted name, a percent)."""

    def text(self, lang: Lang) -> str: ...


@dataclass(frozen=True)
class Number:
    """A number as the reader writes it (``0,25`` in French)."""

    value: float

    def text(self, lang: Lang) -> str:
        return decimal(self.value, lang)


@dataclass(frozen=True)
class Percent:
    """A fraction as a percentage the reader's way (« 2 000 % », as Excel shows a cell)."""

    fraction: float

    def text(self, lang: Lang) -> str:
        return percent(self.fraction, lang)


@dataclass(frozen=True)
class WrittenDate:
    """A date in words in the reader's language, as an error's value: « 1er septembre 2026 »,
    or with ``month`` the month alone, « septembre 2026 »."""

    value: dt.date
    month: bool = False

    def text(self, lang: Lang) -> str:
        if self.month:
            return date_pattern(self.value, "LLLL y", lang)
        return long_date(self.value, lang)


Text = str | Written
"""What an error says: a message (or a name, a number) written in the reader's language, or
plain text (client data, a path, a library's words)."""


def render(value: object, lang: Lang) -> str:
    """``value`` as text in ``lang``: a message or a quoted name written in it, a list joined by
    commas, a decimal number with the language's separators; anything else as is.

    >>> render((Quoted("A"), 0.25, 2026), "fr") == "«\u202fA\u202f», 0,25, 2026"
    True
    """
    if isinstance(value, Written):
        return value.text(lang)
    if isinstance(value, tuple | list):
        return ", ".join(render(item, lang) for item in value)
    if isinstance(value, float):
        return decimal(value, lang)
    return str(value)


class CrmwbError(Exception):
    """Root of every error raised on purpose by crmwb.

    ``expected`` is what the workbench needed, ``found`` what it got (already quoted or
    described for a reader), ``hint`` an optional suggestion ("did you mean 20%?"). ``lang`` is
    the language to write it in (None: the default language, French) — the workbook reader sets
    it to the workbook's language for every error raised while it reads.
    """

    def __init__(
        self,
        expected: Text,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        found: Text | None = None,
        hint: Text | None = None,
        lang: Lang | None = None,
    ) -> None:
        self.expected = expected
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.found = found
        self.hint = hint
        self.lang = lang
        super().__init__(expected)

    @property
    def location(self) -> str | None:
        """``Sheet!Cell`` (or just the sheet) where the problem is, when known."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet

    def place(self, lang: Lang) -> str | None:
        """Where in the file, written in ``lang`` (``Sheet!Cell`` here; a line elsewhere)."""
        return self.location

    def message(self, lang: Lang | None = None) -> str:
        """The whole message in ``lang`` (default: the error's own language)."""
        lang = lang or self.lang or DEFAULT_LANG
        where = ", ".join(part for part in (self.file, self.place(lang)) if part)
        expected = render(self.expected, lang)
        text = t("err.frame.where", lang, where=where, expected=expected) if where else expected
        if self.found is not None:
            text += t("err.frame.found", lang, found=render(self.found, lang))
        if self.hint:
            text += t("err.frame.hint", lang, hint=render(self.hint, lang))
        return text

    def in_language(self, lang: Lang) -> CrmwbError:
        """This error, to be written in ``lang`` unless it already has a language."""
        if self.lang is None:
            self.lang = lang
        return self

    def __str__(self) -> str:
        return self.message()

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the structured fields when the error crosses a process boundary.
        return (
            _rebuild,
            (
                type(self),
                self.expected,
                self.file,
                self.sheet,
                self.cell,
                self.found,
                self.hint,
                self.lang,
            ),
        )


def _rebuild(
    cls: type[CrmwbError],
    expected: Text,
    file: str | None,
    sheet: str | None,
    cell: str | None,
    found: Text | None,
    hint: Text | None,
    lang: Lang | None = None,
) -> CrmwbError:
    return cls(expected, file=file, sheet=sheet, cell=cell, found=found, hint=hint, lang=lang)


class WorkbookError(CrmwbError):
    """The client's workbook is missing, unreadable, or holds a value that cannot be used."""


class InputError(CrmwbError):
    """A domain input is inconsistent (for example a horizon out of range)."""


class ClientError(CrmwbError):
    """A client folder cannot be created or found (unsafe name, already exists, missing)."""


class UsageError(CrmwbError):
    """The command line was used wrongly (unknown analysis, bad option)."""


class WorkspaceError(CrmwbError):
    """No workspace holds the clients and reports, or its crmwb.toml cannot be used."""

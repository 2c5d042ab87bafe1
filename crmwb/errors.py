"""One exception root for the workbench, with structured fields.

Every error a consultant can cause (a bad cell, a missing sheet, an unknown client) is a
:class:`CrmwbError`. Its message says *where* (file, sheet, cell), *what was expected* and *what
was found*, so it can be shown as is, without a traceback from deep inside a library.

>>> err = WorkbookError("expected a number >= 0", file="workbook.xlsx", sheet="TCO", cell="C7",
...                     found="'abc'")
>>> str(err)
"workbook.xlsx, TCO!C7: expected a number >= 0; found 'abc'"
>>> err.location
'TCO!C7'
"""

from __future__ import annotations


class CrmwbError(Exception):
    """Root of every error raised on purpose by crmwb.

    ``expected`` is what the workbench needed, ``found`` what it got (already quoted or
    described for a reader), ``hint`` an optional suggestion ("did you mean 20%?").
    """

    def __init__(
        self,
        expected: str,
        *,
        file: str | None = None,
        sheet: str | None = None,
        cell: str | None = None,
        found: str | None = None,
        hint: str | None = None,
    ) -> None:
        self.expected = expected
        self.file = file
        self.sheet = sheet
        self.cell = cell
        self.found = found
        self.hint = hint
        super().__init__(self._message())

    @property
    def location(self) -> str | None:
        """``Sheet!Cell`` (or just the sheet) where the problem is, when known."""
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}"
        return self.sheet

    def _message(self) -> str:
        where = ", ".join(part for part in (self.file, self.location) if part)
        text = f"{where}: {self.expected}" if where else self.expected
        if self.found is not None:
            text += f"; found {self.found}"
        if self.hint:
            text += f" ({self.hint})"
        return text

    def __reduce__(self) -> tuple[object, ...]:
        # Keep the structured fields when the error crosses a process boundary.
        return (
            _rebuild,
            (type(self), self.expected, self.file, self.sheet, self.cell, self.found, self.hint),
        )


def _rebuild(
    cls: type[CrmwbError],
    expected: str,
    file: str | None,
    sheet: str | None,
    cell: str | None,
    found: str | None,
    hint: str | None,
) -> CrmwbError:
    return cls(expected, file=file, sheet=sheet, cell=cell, found=found, hint=hint)


class WorkbookError(CrmwbError):
    """The client's workbook is missing, unreadable, or holds a value that cannot be used."""


class InputError(CrmwbError):
    """A domain input is inconsistent (for example a horizon out of range)."""


class ClientError(CrmwbError):
    """A client folder cannot be created or found (unsafe name, already exists, missing)."""


class UsageError(CrmwbError):
    """The command line was used wrongly (unknown analysis, bad option)."""

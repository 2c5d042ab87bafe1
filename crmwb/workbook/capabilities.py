"""The capabilities, found where they live: every package of crmwb that holds an ``analysis``
module (``crmwb/tco/analysis.py``, ``crmwb/journey/analysis.py``...) declares there its sheets of
the client workbook (``SHEETS``: :class:`Sheets`) and its analyses (``ANALYSES``:
:class:`~crmwb.workbook.analyses.Analysis`). The template, the drop-down lists and the runner
read them from here; no module lists the capabilities by hand.

Adding a capability is adding a package with an ``analysis`` module: nothing else to register.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cache
from types import ModuleType
from typing import Any

from openpyxl import Workbook

import crmwb
from crmwb.core.i18n import Lang
from crmwb.workbook.fields import Field

DECLARATION = "analysis"
"""The module of a capability package that declares its sheets and analyses."""


@dataclass(frozen=True)
class SheetLayout:
    """A sheet's declared cells: its labelled parameters (label in column A, value in B) and its
    tables (each found by the label of its first column). Columns a sheet adds by itself (one
    per vendor, per evaluator, per team) are not declared: their capability checks them."""

    sheet: str  # the sheet's key ("sheet.tco")
    parameters: tuple[Field, ...] = ()
    tables: tuple[tuple[Field, ...], ...] = ()
    checked: bool = True
    """False: ``crmwb check`` leaves the cells to the capability's reading (a sheet whose
    required cells are required only once the consultant uses it)."""


@dataclass(frozen=True)
class Sheets:
    """A capability's sheets in the client workbook.

    ``name`` is the keyword of :func:`~crmwb.workbook.template.build_workbook` that fills them;
    ``order`` their place among the capabilities' sheets (and of their drop-down lists on the
    hidden Lists sheet): a new capability takes a higher number, so the sheets of workbooks
    made before it keep their places. ``write(wb, lang, filled)`` adds them to ``wb``, empty
    (the template) when ``filled`` is None. ``choices``: their drop-down lists, enum -> prefix
    of its labels in the catalogs (a list ``list_<prefix>`` each)."""

    name: str
    order: int
    write: Callable[[Workbook, Lang, Any], None]
    choices: Mapping[type[StrEnum], str] = field(default_factory=dict)
    layouts: tuple[SheetLayout, ...] = ()
    """The sheets' declared cells: what ``crmwb check`` checks cell by cell, and the README's
    sheet reference lists."""


@cache
def declarations() -> tuple[ModuleType, ...]:
    """The ``analysis`` modules of crmwb's packages, imported (in the packages' name order)."""
    found = []
    for package in sorted(pkgutil.iter_modules(crmwb.__path__), key=lambda p: p.name):
        if not package.ispkg:
            continue
        name = f"crmwb.{package.name}.{DECLARATION}"
        if importlib.util.find_spec(name) is not None:
            found.append(importlib.import_module(name))
    return tuple(found)


@cache
def declared_sheets() -> tuple[Sheets, ...]:
    """Every capability's sheets, in the workbook's order."""
    sheets = [s for module in declarations() for s in getattr(module, "SHEETS", ())]
    for s in sheets:
        if not isinstance(s, Sheets):
            raise TypeError(f"{s!r}: a capability's SHEETS holds Sheets")
    orders = [s.order for s in sheets]
    if len(set(orders)) != len(orders):
        raise ValueError(f"two capabilities' sheets share a place: {sorted(orders)}")
    return tuple(sorted(sheets, key=lambda s: s.order))

"""An analysis as the runner knows it (:class:`Analysis`): its name, its notebook, the title of
its report, the sheets it reads and when it applies to a client. Each capability declares its
analyses in its ``analysis`` module (see :mod:`crmwb.workbook.capabilities`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from crmwb.core.i18n import Lang, t
from crmwb.workbook.capabilities import declarations, declared_sheets
from crmwb.workbook.reader import WorkbookReader


@dataclass(frozen=True)
class Analysis:
    """An analysis: its notebook, the label of its report (``title_key``), its place in a run
    (``order``), the capabilities' sheets it reads (``reads``: :attr:`Sheets.name`; the About
    sheet is read by all), whether a client's workbook has what it needs (``applies``; None:
    every client has), with the sheet that says why not (``skip_sheet``, a sheet key: the reason
    is ``run.skipped.<name>``), and the function reading its inputs (``inputs``)."""

    name: str
    notebook: Path
    title_key: str
    order: int
    reads: tuple[str, ...] = ()
    applies: Callable[[WorkbookReader], bool] | None = None
    skip_sheet: str = ""
    inputs: Callable[[WorkbookReader], object] | None = None
    """Reads and checks everything the analysis needs from the workbook (``crmwb check``)."""
    files: Callable[[WorkbookReader], Sequence[str]] | None = None
    """The files beside the workbook it reads (paths relative to the client's folder, as the
    workbook names them): part of its fingerprint (:mod:`crmwb.run.fingerprint`)."""
    outputs: tuple[str, ...] = ()
    """Files it writes in the run folder besides ``<name>.*``, its summary and its results
    (glob patterns relative to the run folder): carried with them to a later run."""

    def skip_reason(self, lang: Lang) -> str:
        """Why the analysis did not run for a client, in ``lang``."""
        return t(f"run.skipped.{self.name}", lang, sheet=t(self.skip_sheet, lang))


@cache
def declared_analyses() -> dict[str, Analysis]:
    """Every capability's analyses by name, in the order a run takes them."""
    analyses = [a for module in declarations() for a in getattr(module, "ANALYSES", ())]
    sheets = {s.name for s in declared_sheets()}
    for a in analyses:
        if not isinstance(a, Analysis):
            raise TypeError(f"{a!r}: a capability's ANALYSES holds Analysis")
        if unknown := set(a.reads) - sheets:
            raise ValueError(f"analysis {a.name} reads undeclared sheets {sorted(unknown)}")
    names = [a.name for a in analyses]
    if len(set(names)) != len(names):
        raise ValueError(f"two analyses share a name: {sorted(names)}")
    return {a.name: a for a in sorted(analyses, key=lambda a: a.order)}

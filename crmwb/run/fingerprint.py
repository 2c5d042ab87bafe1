"""What an analysis's result depends on, as one hash: its fingerprint.

A run re-executes an analysis only when its fingerprint changed since the client's latest run
(:mod:`crmwb.run.batch`). The fingerprint covers:

* the values of the sheets the analysis reads (its capabilities' sheets and the About sheet),
  not the file's bytes: a workbook opened and saved again without a change keeps its
  fingerprint (a formula counts by its text, a number by its value whatever way it is stored);
* the contents of the files it reads beside the workbook (the customer export);
* its notebook, crmwb's version and a hash of crmwb's own files (a fix without a version bump
  re-runs what it touches);
* the language of the reports.

The workbook's values are read once per run (:func:`crmwb.workbook.snapshot.read_snapshot`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import crmwb
from crmwb.core.workspace import TEMPLATES_DIR
from crmwb.workbook.about import ABOUT_SHEET
from crmwb.workbook.analyses import Analysis
from crmwb.workbook.capabilities import declared_sheets
from crmwb.workbook.snapshot import Snapshot, digest


@cache
def sheet_keys(group: str) -> tuple[str, ...]:
    """The sheets' keys of the capability's sheets ``group`` (a :attr:`Sheets.name`)."""
    return next(tuple(lay.sheet for lay in s.layouts) for s in declared_sheets() if s.name == group)


def read_sheets(analysis: Analysis) -> tuple[str, ...]:
    """The keys of every sheet ``analysis`` reads: the About sheet and its capabilities'."""
    keys = [ABOUT_SHEET.sheet, *(k for group in analysis.reads for k in sheet_keys(group))]
    return tuple(dict.fromkeys(keys))


@cache
def source_hash() -> str:
    """A hash of crmwb's own files (its code, catalogs, the reports' styles and layout): a
    change to any of them changes every fingerprint, version bump or not. The blank workbooks
    are left out (no analysis reads them)."""
    digest = hashlib.sha256()
    for root in (Path(crmwb.__file__).parent, TEMPLATES_DIR):
        for path in sorted(root.rglob("*")):
            if (
                "__pycache__" in path.parts
                or path.suffix in {".pyc", ".mo", ".xlsx"}
                or not path.is_file()
            ):
                continue
            digest.update(path.relative_to(root).as_posix().encode())
            digest.update(b"\0")
            digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class FileHashes:
    """The contents' hashes of files, kept between runs by size and modification time (a
    customer export of millions of lines is hashed once, not at every run)."""

    known: dict[str, list[Any]] = field(default_factory=dict)

    def of(self, path: Path) -> str | None:
        try:
            stat = path.stat()
        except OSError:
            return None
        key = str(path.resolve())
        seen = self.known.get(key)
        if seen and seen[0] == stat.st_size and seen[1] == stat.st_mtime_ns:
            return str(seen[2])
        from crmwb.deliver.report import sha256

        digest = sha256(path)
        self.known[key] = [stat.st_size, stat.st_mtime_ns, digest]
        return digest

    @classmethod
    def load(cls, path: Path) -> FileHashes:
        try:
            return cls(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return cls()

    def save(self, path: Path) -> None:
        tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(self.known), encoding="utf-8")
        os.replace(tmp, path)


@dataclass(frozen=True)
class Fingerprint:
    """An analysis's fingerprint (``value``) and what it is made of (``parts``: each sheet's
    and file's hash, the notebook's, crmwb's version and source, the language), so that a
    run can say what changed."""

    value: str
    parts: Mapping[str, Any]

    def changed(self, former: Mapping[str, Any]) -> list[str]:
        """What differs from ``former`` parts: sheets' keys (« sheet.tco »), files' paths,
        « notebook », « crmwb », « lang »."""
        found: list[str] = []
        for group in ("sheets", "files"):
            mine, theirs = self.parts.get(group, {}), former.get(group, {})
            found.extend(k for k in sorted(set(mine) | set(theirs)) if mine.get(k) != theirs.get(k))
        found.extend(
            k for k in ("notebook", "crmwb", "source", "lang") if self.parts.get(k) != former.get(k)
        )
        return found


def fingerprint(
    analysis: Analysis,
    snapshot: Snapshot,
    *,
    lang: str | None,
    files: Sequence[Path] = (),
    client_dir: Path | None = None,
    hashes: FileHashes | None = None,
    version: str | None = None,
) -> Fingerprint:
    """``analysis``'s fingerprint for a client whose workbook's values are ``snapshot``;
    ``files``: the files beside the workbook it reads (shown relative to ``client_dir``)."""
    hashes = hashes or FileHashes()
    shown: Callable[[Path], str] = (
        (lambda p: _relative(p, client_dir)) if client_dir is not None else str
    )
    parts: dict[str, Any] = {
        "sheets": {key: snapshot.sheet_hash(key) for key in read_sheets(analysis)},
        "files": {shown(path): hashes.of(path) for path in files},
        "notebook": _notebook_hash(analysis.notebook),
        "crmwb": version if version is not None else crmwb.__version__,
        "source": source_hash(),
        "lang": lang,
    }
    return Fingerprint(digest(parts), parts)


def _relative(path: Path, folder: Path) -> str:
    try:
        return path.resolve().relative_to(folder.resolve()).as_posix()
    except ValueError:
        return str(path)


def _notebook_hash(notebook: Path) -> str | None:
    try:
        return hashlib.sha256(notebook.read_bytes()).hexdigest()
    except OSError:
        return None

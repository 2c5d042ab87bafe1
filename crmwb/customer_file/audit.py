"""The customer-file audit of a client: its export read with the workbook's column mapping
(:mod:`crmwb.customer_file.reading`), profiled (:mod:`crmwb.customer_file.quality`), deduplicated
exactly and probabilistically (:mod:`crmwb.customer_file.duplicates`), with masked examples only
— and, apart, the file of duplicate clusters the client cleans from (record ids, never shown in a
report). In a run, that file goes to the run's :data:`CONFIDENTIAL_DIR` folder
(:func:`confidential_dir`), never beside the deliverables that are sent."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

import duckdb

from crmwb.core.errors import InputError, Msg, Quoted, msg
from crmwb.core.i18n import SOURCE_LANG, Lang, t
from crmwb.customer_file.dedup_keys import ROLES as DEDUP_ROLES
from crmwb.customer_file.duplicates import find_duplicates
from crmwb.customer_file.field_rules import lit
from crmwb.customer_file.mapping import FieldRole, in_language
from crmwb.customer_file.masking import initials, mask_email, mask_phone, mask_postcode
from crmwb.customer_file.quality import (
    DuplicateExample,
    DuplicateKey,
    MaskedRecord,
    QualityProfile,
    examples,
    profile,
)
from crmwb.customer_file.reading import CustomerFile, limit_error, read_customer_file
from crmwb.customer_file.sheets import CONFIDENTIAL_DIR, CustomerFileSettings
from crmwb.deliver.report import FORMULA_TRIGGERS

CLUSTERS_FILE = "duplicate_clusters.CONFIDENTIAL.csv"
"""The file of probable-duplicate clusters for the client's cleaning: line, the client's record
id, cluster id and size. It names customers by their ids: it is never embedded in a report.
Its name and column headers are in the client's language (:func:`clusters_file_name`): this
is the English one."""

CLUSTERS_COLUMNS = ("line", "record_id", "cluster_id", "cluster_size")
"""The cluster file's columns (headers: the messages ``quality.clusters.col.<column>``)."""


def confidential_dir(output_dir: str | os.PathLike[str]) -> Path:
    """Where a run writes its confidential files: the :data:`CONFIDENTIAL_DIR` folder of its
    output directory ``output_dir``."""
    return Path(output_dir) / CONFIDENTIAL_DIR


def clusters_file_name(lang: Lang | None = None) -> str:
    """The name of the cluster file in ``lang`` (None: English, :data:`CLUSTERS_FILE`)."""
    return t("quality.clusters.file", lang or SOURCE_LANG)


@dataclass(frozen=True)
class ProbableDuplicates:
    """What the probabilistic deduplication found: clusters of records judged to be the same
    person at ``threshold``, with the blocking rules that chose the pairs compared."""

    records: int
    clusters: int
    records_in_clusters: int
    duplicate_rate: float
    size_distribution: tuple[tuple[int, int], ...]
    blocking_rules: tuple[Msg, ...]
    """What each blocking rule compares (« same e-mail »), written in the report's language."""
    threshold: float
    examples: tuple[tuple[MaskedRecord, ...], ...]
    training_notes: tuple[Msg, ...] = ()
    """What the model could not learn from the file and what that means, in words."""


@dataclass(frozen=True)
class CustomerAudit:
    """The audit of one customer file: numbers and masked examples only."""

    file_name: str
    encoding: str | None
    delimiter: str | None
    profile: QualityProfile
    exact_examples: tuple[DuplicateExample, ...]
    probable: ProbableDuplicates | None
    clusters_file: Path | None


def audit_customer_file(
    client_dir: Path,
    settings: CustomerFileSettings,
    *,
    inactive_months: int | None = None,
    today: dt.date | None = None,
    threshold: float = 0.95,
    output_dir: Path | None = None,
    path: Path | None = None,
    lang: Lang | None = None,
) -> CustomerAudit:
    """Audit the customer file of ``settings`` (``path`` overrides its file; a relative one is
    taken from ``client_dir``). With ``output_dir``, the probable-duplicate clusters, if any, are
    written to that folder (created if need be) as :func:`clusters_file_name` (its name and
    headers in ``lang``): a run passes its :func:`confidential_dir`. The client's file is only
    read. ``lang`` is the client's language: the errors (a missing file, a bad line, a column
    not found...) are written in it (None: in the reader's, and the cluster file in English).
    """
    with in_language(lang):
        return _audit(
            client_dir, settings, inactive_months, today, threshold, output_dir, path, lang
        )


def _audit(
    client_dir: Path,
    settings: CustomerFileSettings,
    inactive_months: int | None,
    today: dt.date | None,
    threshold: float,
    output_dir: Path | None,
    path: Path | None,
    lang: Lang | None,
) -> CustomerAudit:
    source = path if path is not None else Path(settings.path)
    if not source.is_absolute():
        source = client_dir / source
    if not source.is_file():
        sheet = Quoted(msg("sheet.customer_file"))
        raise InputError(
            msg("quality.err.customer_file_named", sheet=sheet),
            file=str(source),
            found=msg("err.found.no_file"),
            hint=msg("quality.err.hint.put_export", sheet=sheet),
        )
    mapping = {FieldRole(role): column for role, column in settings.mapping.items() if column}
    with read_customer_file(
        source, mapping, sheet=settings.sheet, country=settings.country
    ) as file:
        try:
            quality = profile(
                file,
                inactive_months=inactive_months,
                today=today or settings.reference_date or dt.date.today(),
            )
            exact = tuple(example for key in DuplicateKey for example in examples(file, key, n=2))
            probable, written = _probable(file, threshold, output_dir, lang)
        except duckdb.OutOfMemoryException:
            raise limit_error(source.name) from None
        except Exception as exc:  # the deduplication's engine wraps DuckDB's error in its own
            if isinstance(exc.__cause__, duckdb.OutOfMemoryException):
                raise limit_error(source.name) from None
            raise
        return CustomerAudit(
            file_name=source.name,
            encoding=file.encoding,
            delimiter=file.delimiter,
            profile=quality,
            exact_examples=exact,
            probable=probable,
            clusters_file=written,
        )


def _write_clusters(
    con: duckdb.DuckDBPyConnection, clusters_table: str, path: Path, lang: Lang
) -> None:
    """The cluster file: each record of a cluster (its line, its id, its cluster and the
    cluster's size), written by DuckDB straight to a file beside ``path`` then put in its
    place (millions of rows never pass through Python; a failed write leaves the previous
    file). An id a spreadsheet would read as a formula (``=``, ``+``, ``-``, ``@``...) is
    written after an apostrophe, as text."""
    names = [t(f"quality.clusters.col.{c}", lang) for c in CLUSTERS_COLUMNS]
    triggers = ", ".join(lit(c) for c in FORMULA_TRIGGERS)
    text_id = "CAST(c.record_id AS VARCHAR)"
    record_id = (
        f"CASE WHEN left({text_id}, 1) IN ({triggers}) "
        f"THEN {lit(chr(39))} || {text_id} ELSE {text_id} END"
    )
    columns = ["c.line", record_id, "k.cluster_id", "k.cluster_size"]
    select = ", ".join(
        f"{column} AS {_sql_name(name)}" for column, name in zip(columns, names, strict=True)
    )
    partial = path.with_name(path.name + ".partial")
    try:
        con.execute(
            f"COPY (SELECT {select} FROM {clusters_table} k JOIN customers c "
            f"ON CAST(c.line AS VARCHAR) = k.record_id ORDER BY k.cluster_id, c.line) "
            f"TO {lit(str(partial))} (FORMAT csv, HEADER true, DELIMITER ',')"
        )
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)


def _sql_name(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _dedup_columns(file: CustomerFile) -> list[str]:
    """SQL selecting, from the file's ``customers`` view, each mapped role the deduplication
    compares; a date of birth in three columns (day, month, year) as one."""
    columns = [
        role for role in DEDUP_ROLES if role != "birth_date" and file.mapped(FieldRole(role))
    ]
    parts = (FieldRole.BIRTH_YEAR, FieldRole.BIRTH_MONTH, FieldRole.BIRTH_DAY)
    if file.mapped(FieldRole.BIRTH_DATE):
        columns.append("birth_date")
    elif all(file.mapped(part) for part in parts):
        columns.append(
            "CASE WHEN birth_year IS NOT NULL THEN trim(birth_year) || '-' || "
            "trim(birth_month) || '-' || trim(birth_day) END AS birth_date"
        )
    return columns


def _probable(
    file: CustomerFile, threshold: float, output_dir: Path | None, lang: Lang | None
) -> tuple[ProbableDuplicates | None, Path | None]:
    """The probabilistic deduplication of the file's records (the line number as their id:
    unique even when the client's ids are not)."""
    columns = _dedup_columns(file)
    if not columns or file.rows < 2:
        return None, None
    con = file.connection
    con.execute(
        "CREATE OR REPLACE TEMP VIEW audit_dedup AS SELECT CAST(line AS VARCHAR) AS record_id, "
        + ", ".join(columns)
        + " FROM customers"
    )
    result = find_duplicates(con, "audit_dedup", threshold=threshold, country=file.country)
    shown = con.execute(
        f"WITH top AS (SELECT cluster_id, min(CAST(record_id AS BIGINT)) AS first "
        f"FROM {result.clusters_table} GROUP BY cluster_id ORDER BY first LIMIT 3) "
        f"SELECT t.cluster_id, c.line, c.email, c.phone, c.first_name, c.last_name, c.postcode "
        f"FROM top t JOIN {result.clusters_table} k ON k.cluster_id = t.cluster_id "
        f"JOIN customers c ON CAST(c.line AS VARCHAR) = k.record_id ORDER BY t.first, c.line"
    ).fetchall()
    groups: dict[object, list[MaskedRecord]] = {}
    for cluster, line, email, phone, first, last, postcode in shown:
        groups.setdefault(cluster, []).append(
            MaskedRecord(
                line=int(line),
                email=mask_email(email or ""),
                phone=mask_phone(phone or "", file.country),
                name=initials(first, last),
                postcode=mask_postcode(postcode),
            )
        )
    written = None
    if output_dir is not None and result.clusters:
        Path(output_dir).mkdir(parents=True, exist_ok=True)
        written = Path(output_dir) / clusters_file_name(lang)
        _write_clusters(con, result.clusters_table, written, lang or SOURCE_LANG)
    return (
        ProbableDuplicates(
            records=result.records,
            clusters=result.clusters,
            records_in_clusters=result.records_in_clusters,
            duplicate_rate=result.duplicate_rate,
            size_distribution=tuple(sorted(result.size_distribution.items())),
            blocking_rules=result.blocking_rules,
            threshold=result.threshold,
            training_notes=result.training_notes,
            examples=tuple(tuple(records) for records in groups.values()),
        ),
        written,
    )

"""The synthetic files as written: their dialects (:data:`Dialect`, :func:`csv_options`), their
columns (:data:`COLUMNS` of a customer file, :data:`PEOPLE_COLUMNS` and :data:`PEOPLE_ROLES` of
a people file), a header and rows written in a dialect, chunk by chunk, and what was injected in
a file (:class:`Truth`, saved beside it: :func:`truth_path`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, cast

import numpy as np
from numpy.typing import NDArray

from crmwb.customer_file.synthetic_tables import StrArray, concat

if TYPE_CHECKING:
    import duckdb

Dialect = Literal["excel-fr", "utf8-comma"]

# The customer files' columns (crmwb.customer_file.synthetic_customers).
COLUMNS: tuple[str, ...] = (
    "id_client",
    "civilite",
    "prenom",
    "nom",
    "email",
    "telephone",
    "code_postal",
    "ville",
    "pays",
    "date_derniere_commande",
    "optin_email",
    "npai",
)
CHUNK_ROWS = 100_000
WRITE_ROWS = 20_000  # rows turned into text and written at a time (bounds the text in memory)
ID_BASE = 100_001  # id_client of the first row; then one more per row

# The people files' kinds and columns (crmwb.customer_file.synthetic_people).
PeopleKind = Literal["b2c", "b2b"]
PEOPLE_KINDS: tuple[PeopleKind, ...] = ("b2c", "b2b")
_PEOPLE_HEAD = ("id_client", "civilite", "prenom", "nom")
_PEOPLE_CONTACT = (
    "numero",
    "adresse",
    "complement",
    "code_postal",
    "ville",
    "pays",
    "email",
    "telephone",
    "mobile",
)
_PEOPLE_TAIL = ("date_derniere_commande", "optin_email", "npai")
PEOPLE_COLUMNS: Mapping[PeopleKind, tuple[str, ...]] = MappingProxyType(
    {
        "b2c": (
            *_PEOPLE_HEAD,
            "nom_naissance",
            "date_naissance",
            *_PEOPLE_CONTACT,
            "carte_fidelite",
            *_PEOPLE_TAIL,
        ),
        "b2b": (
            *_PEOPLE_HEAD,
            *_PEOPLE_CONTACT,
            "raison_sociale",
            "siret",
            "tva_intra",
            *_PEOPLE_TAIL,
        ),
    }
)
PEOPLE_ROLES: Mapping[str, str] = MappingProxyType(
    {
        "record_id": "id_client",
        "civility": "civilite",
        "first_name": "prenom",
        "last_name": "nom",
        "birth_name": "nom_naissance",
        "birth_date": "date_naissance",
        "street_number": "numero",
        "address": "adresse",
        "address_2": "complement",
        "postcode": "code_postal",
        "city": "ville",
        "country": "pays",
        "email": "email",
        "phone": "telephone",
        "phone_2": "mobile",
        "loyalty_number": "carte_fidelite",
        "company_name": "raison_sociale",
        "company_id": "siret",
        "vat_number": "tva_intra",
    }
)
"""The customer-file role (:class:`crmwb.customer_file.mapping.CustomerRole`) of each column of the
people files (:func:`.synthetic_people.write_people_file`; a kind has some of them:
:func:`people_roles`)."""


def people_roles(kind: PeopleKind) -> dict[str, str]:
    """Role -> column for a file of ``kind``: the columns of :data:`PEOPLE_ROLES` it has."""
    return {role: c for role, c in PEOPLE_ROLES.items() if c in PEOPLE_COLUMNS[kind]}


@dataclass(frozen=True, eq=False)
class Truth:
    """What was injected in a generated file: row ``i`` of the file (header excluded) has
    id_client ``record_id[i]`` and belongs to the person ``entity[i]``; ``is_copy[i]`` marks
    the extra copies. ``counts`` holds the exact number of rows given each defect
    (``email_missing``, ``email_invalid``, ...) and each copy variation (``copy_<variation>``).

    ``groups`` (people files, :func:`.synthetic_people.write_people_file`; empty for customer
    files): for each kind of *hard non-duplicate* (``household``, ``colleagues``, ``namesakes``,
    ``twins``) the group of each row, -1 for none. Rows of one group that are different entities
    look alike (a shared address and landline, the same name...) but are different people: a
    deduplication must not merge them. A copy is in its original's groups."""

    path: Path
    dialect: Dialect
    seed: int
    record_id: NDArray[np.int64]
    entity: NDArray[np.int64]
    is_copy: NDArray[np.bool_]
    counts: Mapping[str, int]
    groups: Mapping[str, NDArray[np.int64]] = field(default_factory=lambda: MappingProxyType({}))

    @property
    def rows(self) -> int:
        return int(self.entity.size)

    @property
    def entities(self) -> int:
        """Number of distinct people."""
        return int(np.unique(self.entity).size)

    @property
    def duplicate_rate(self) -> float:
        """(rows - people) / rows: the share of rows that are extra copies."""
        return (self.rows - self.entities) / self.rows if self.rows else 0.0

    def cluster_sizes(self) -> dict[int, int]:
        """Number of people per number of rows (1 = not duplicated)."""
        _, per_entity = np.unique(self.entity, return_counts=True)
        sizes, n = np.unique(per_entity, return_counts=True)
        return {int(s): int(c) for s, c in zip(sizes, n, strict=True)}

    @property
    def true_pairs(self) -> int:
        """Number of pairs of rows that are the same person."""
        _, per_entity = np.unique(self.entity, return_counts=True)
        return int((per_entity * (per_entity - 1) // 2).sum())

    def save(self, target: Path | None = None) -> Path:
        """Write the truth as ``.npz`` (default: :func:`truth_path` of the file); the path."""
        target = truth_path(self.path) if target is None else target
        groups: dict[str, Any] = {f"group_{kind}": group for kind, group in self.groups.items()}
        with open(target, "wb") as out:
            np.savez_compressed(
                out,
                record_id=self.record_id,
                entity=self.entity,
                is_copy=self.is_copy,
                count_names=np.array(list(self.counts), dtype=np.str_),
                count_values=np.array(list(self.counts.values()), dtype=np.int64),
                meta=np.array([str(self.path), self.dialect, str(self.seed)], dtype=np.str_),
                **groups,
            )
        return target

    @classmethod
    def load(cls, path: Path) -> Truth:
        """Read a truth written by :meth:`save`."""
        with np.load(path) as data:
            meta = [str(v) for v in data["meta"]]
            counts = dict(
                zip(
                    (str(n) for n in data["count_names"]),
                    (int(v) for v in data["count_values"]),
                    strict=True,
                )
            )
            return cls(
                path=Path(meta[0]),
                dialect=cast(Dialect, meta[1]),
                seed=int(meta[2]),
                record_id=data["record_id"].astype(np.int64),
                entity=data["entity"].astype(np.int64),
                is_copy=data["is_copy"].astype(np.bool_),
                counts=MappingProxyType(counts),
                groups=MappingProxyType(
                    {
                        key.removeprefix("group_"): data[key].astype(np.int64)
                        for key in data.files
                        if key.startswith("group_")
                    }
                ),
            )

    def to_duckdb(self, con: duckdb.DuckDBPyConnection, table: str) -> None:
        """Create (or replace) ``table(record_id VARCHAR, entity BIGINT)`` in ``con``."""
        view = f"__crmwb_truth_{id(self)}"
        con.register(view, {"record_id": self.record_id, "entity": self.entity})
        try:
            con.execute(
                f'CREATE OR REPLACE TABLE "{table}" AS '
                f"SELECT CAST(record_id AS VARCHAR) AS record_id, entity FROM {view}"
            )
        finally:
            con.unregister(view)


def truth_path(path: Path) -> Path:
    """Where :meth:`Truth.save` puts the truth of ``path``: ``clients.csv`` ->
    ``clients.truth.npz``."""
    return path.with_name(f"{path.stem}.truth.npz")


def csv_options(dialect: Dialect = "excel-fr") -> str:
    """DuckDB ``read_csv`` options that read a file of this dialect as text, e.g.
    ``read_csv('f.csv', {csv_options()})``."""
    if dialect == "excel-fr":
        return "delim=';', header=true, encoding='latin-1', all_varchar=true, quote='\"'"
    return "delim=',', header=true, encoding='utf-8', all_varchar=true, quote='\"'"


# separator, line end, encoding
_DIALECTS: Mapping[Dialect, tuple[str, str, str]] = MappingProxyType(
    {"excel-fr": (";", "\r\n", "cp1252"), "utf8-comma": (",", "\n", "utf-8")}
)


def write_header(out: BinaryIO, columns: Sequence[str], dialect: Dialect) -> None:
    """The header line of ``columns`` in ``dialect``."""
    sep, newline, encoding = _DIALECTS[dialect]
    out.write((sep.join(columns) + newline).encode(encoding))


def write_rows(out: BinaryIO, columns: Sequence[StrArray], dialect: Dialect) -> None:
    """The rows of ``columns`` as lines of ``dialect``, :data:`WRITE_ROWS` at a time. Values
    are written as they are (no quoting): the generators put no separator, quote or line
    break in them."""
    sep, newline, encoding = _DIALECTS[dialect]
    for start in range(0, columns[0].size, WRITE_ROWS):
        part = (column[start : start + WRITE_ROWS].tolist() for column in columns)
        lines = map(sep.join, zip(*part, strict=True))
        out.write((newline.join(lines) + newline).encode(encoding))


def fr_dates(iso: StrArray) -> StrArray:
    """``2026-11-01`` -> ``01/11/2026``."""
    return concat(
        np.strings.slice(iso, 8, 10),
        "/",
        np.strings.slice(iso, 5, 7),
        "/",
        np.strings.slice(iso, 0, 4),
    )

"""Synthetic customer files with injected, *known* defects and duplicates (tests, benchmarks).

:func:`write_customer_file` writes a French-style customer export, streamed to disk in chunks
of 100 000 rows (5 000 000 rows, about 510 MB, take about 50 s and 430 MB of memory here),
vectorised with numpy, and returns a :class:`Truth`: for every row its true entity (so the
duplicate clusters are known) and the exact number of each defect injected. The same arguments
(seed, ``today`` included) give the same bytes.

Columns (``excel-fr``, the default: ``;`` separator, cp1252, dd/mm/yyyy dates, CRLF; ``utf8-comma``:
``,``, UTF-8, ISO dates, LF): id_client; civilite; prenom; nom; email; telephone; code_postal;
ville; pays; date_derniere_commande; optin_email; npai. Every character written is in Latin-1,
so a cp1252 file also reads as ``latin-1`` (DuckDB's ``read_csv`` knows latin-1, not cp1252).

What is in it:

* **People**: ~100 male and ~100 female French first names, ~290 last names (accents, compound
  names), drawn with a skewed (Zipf-like) frequency; 30 % of last names written in capitals.
* **Addresses**: ~165 real postcodes of ~120 French cities (Paris, Lyon and Marseille by
  arrondissement), drawn by population; the country is always "France".
* **Emails** derived from the names (``jean.martin``, ``jmartin``, ``martin.jean``,
  ``jean.martin84``...) at orange.fr, gmail.com, free.fr, laposte.net, hotmail.fr, sfr.fr,
  outlook.fr, yahoo.fr; unique per person across the file. **Phones**: mobiles 06/07 and
  landlines 01-05 (by region), unique per person, written "06 12 34 56 78", "0612345678",
  "06.12.34.56.78", "+33 6 12 34 56 78", "+33612345678" or "0033 6 12 34 56 78".
* **Dates** of last order uniform over the 6 years before ``today``; opt-in 55 %.
* **Defects** (:class:`DefectRates`, independent, on every row, copies included): missing or
  invalid emails (no ``@``, a space, a double dot: each one edit from the valid address),
  missing or too-short phones, bad postcodes (leading zero lost as Excel does, 4 or 6 digits),
  missing dates, NPAI flags (``npai`` = 1).
* **Duplicates**: ``duplicate_rate`` of the rows are extra copies of another person (1 to 3 copies
  per duplicated person: 75 % / 18 % / 7 %), with a new id_client, a date and an opt-in of their
  own, and one to three variations among: a typo (one edit) in the first or the last name,
  first and last names swapped, case changes, extra spaces, accents dropped, the phone in another
  format, the email missing, the email in another case. So
  ``(rows - people) / rows == duplicate_rate`` (up to rounding). Copies are shuffled among the
  rows of their chunk (100 000 rows), not across the whole file.

The tables the files are drawn from are in :mod:`.synthetic_tables`, the copies' variations in
:mod:`.synthetic_variants`, the e-mails and phones in :mod:`.synthetic_identities`, the dialects,
the writing and :class:`~crmwb.customer_file.synthetic_files.Truth` in :mod:`.synthetic_files`.
Harder files, of people or company contacts, with look-alikes that are not duplicates:
:mod:`.synthetic_people`.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     truth = write_customer_file(pathlib.Path(tmp) / "c.csv", 1000, seed=1,
...                                 today=dt.date(2026, 1, 1))
>>> truth.rows, truth.entities, round(truth.duplicate_rate, 2)
(1000, 920, 0.08)
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Number, Quoted, msg
from crmwb.customer_file.synthetic_files import (
    CHUNK_ROWS,
    COLUMNS,
    ID_BASE,
    Dialect,
    Truth,
    fr_dates,
    write_header,
    write_rows,
)
from crmwb.customer_file.synthetic_identities import (
    Registry,
    draw_emails,
    draw_phones,
    format_phones,
)
from crmwb.customer_file.synthetic_tables import (
    ACCENTS,
    OPT_IN_SHARE,
    PHONE_FORMATS,
    UPPERCASE_LAST_NAME_SHARE,
    YEARS_OF_DATES,
    StrArray,
    Tables,
    choice,
    concat,
    string_array,
)
from crmwb.customer_file.synthetic_variants import (
    VARIATIONS_PER_COPY_PROBABILITIES,
    copy_clusters,
    typos,
)

VARIATIONS: tuple[str, ...] = (
    "typo_first_name",
    "typo_last_name",
    "names_swapped",
    "case",
    "spaces",
    "accents_dropped",
    "phone_format",
    "email_missing",
    "email_case",
)
VARIATION_WEIGHTS = (0.15, 0.15, 0.08, 0.12, 0.10, 0.10, 0.12, 0.06, 0.10)


@dataclass(frozen=True)
class DefectRates:
    """Share of rows given each defect, drawn independently on every row (copies included).

    ``email_invalid`` and ``phone_invalid`` apply to rows whose value is not missing, so the
    rate of invalid values among all rows is slightly lower than requested when copies lost
    their email by variation. ``postcode_invalid``: the leading zero lost (departments 01-09)
    or a 4- or 6-digit code.
    """

    email_missing: float = 0.05
    email_invalid: float = 0.03
    phone_missing: float = 0.06
    phone_invalid: float = 0.02
    postcode_invalid: float = 0.02
    date_missing: float = 0.05
    npai: float = 0.03

    def __post_init__(self) -> None:
        for name, value in vars(self).items():
            if not 0.0 <= value <= 1.0:
                raise InputError(
                    msg("synthetic.err.defect_rate", name=name), found=Number(float(value))
                )
        for a, b in (("email_missing", "email_invalid"), ("phone_missing", "phone_invalid")):
            if getattr(self, a) + getattr(self, b) > 1.0:
                raise InputError(
                    msg("synthetic.err.rates_sum", first=a, second=b),
                    found=Number(getattr(self, a) + getattr(self, b)),
                )


NO_DEFECTS = DefectRates(0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0)


def write_customer_file(
    path: Path | str,
    rows: int,
    *,
    seed: int = 0,
    duplicate_rate: float = 0.08,
    country: str = "FR",
    dialect: Dialect = "excel-fr",
    defects: DefectRates | None = None,
    today: dt.date | None = None,
) -> Truth:
    """Write ``rows`` customer rows (plus a header) to ``path``; what was injected.

    ``duplicate_rate`` is the share of rows that are extra copies of another row's person;
    ``defects`` the defect rates (default :class:`DefectRates`); ``today`` the end of the
    6-year window of order dates (default: today's date). Only ``country="FR"`` is known.
    Deterministic: the same arguments give the same bytes.
    """
    if country != "FR":
        raise InputError(msg("synthetic.err.country"), found=Quoted(str(country)))
    if dialect not in ("excel-fr", "utf8-comma"):
        raise InputError(msg("synthetic.err.dialect"), found=Quoted(str(dialect)))
    if rows < 0:
        raise InputError(msg("synthetic.err.rows"), found=str(rows))
    if not 0.0 <= duplicate_rate <= 0.5:
        raise InputError(msg("synthetic.err.duplicate_rate"), found=Number(duplicate_rate))
    rates = DefectRates() if defects is None else defects
    today = dt.date.today() if today is None else today
    path = Path(path)

    tables = Tables()
    registry = Registry()
    record_ids: list[NDArray[np.int64]] = []
    entities: list[NDArray[np.int64]] = []
    copies: list[NDArray[np.bool_]] = []
    counts: dict[str, int] = {}
    entity_offset = 0
    with open(path, "wb") as out:
        write_header(out, COLUMNS, dialect)
        for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
            stop = min(rows, start + CHUNK_ROWS)
            extra = round(stop * duplicate_rate) - round(start * duplicate_rate)
            rng = np.random.default_rng([seed, index])
            chunk = _chunk(
                rng, tables, registry, ID_BASE + start, stop - start, extra, rates, today, dialect
            )
            write_rows(out, chunk.columns, dialect)
            record_ids.append(np.arange(ID_BASE + start, ID_BASE + stop, dtype=np.int64))
            entities.append(chunk.entity + entity_offset)
            copies.append(chunk.is_copy)
            entity_offset += chunk.entities
            for key, value in chunk.counts.items():
                counts[key] = counts.get(key, 0) + value
    empty_i: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
    empty_b: NDArray[np.bool_] = np.zeros(0, dtype=np.bool_)
    return Truth(
        path=path,
        dialect=dialect,
        seed=seed,
        record_id=np.concatenate(record_ids) if record_ids else empty_i,
        entity=np.concatenate(entities) if entities else empty_i,
        is_copy=np.concatenate(copies) if copies else empty_b,
        counts=MappingProxyType(counts),
    )


@dataclass
class _Chunk:
    columns: list[StrArray]
    entity: NDArray[np.int64]  # local person of each row
    is_copy: NDArray[np.bool_]
    entities: int
    counts: dict[str, int]


def _variations(
    rng: np.random.Generator, copy_idx: NDArray[np.int64]
) -> dict[str, NDArray[np.int64]]:
    """For each variation, the rows (among the copies) that get it: 1 to 3 distinct variations
    per copy, drawn by weight (Gumbel top-k)."""
    c = copy_idx.size
    n_var = rng.choice((1, 2, 3), size=c, p=VARIATIONS_PER_COPY_PROBABILITIES)
    keys = np.log(np.asarray(VARIATION_WEIGHTS)) + rng.gumbel(size=(c, len(VARIATIONS)))
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)
    chosen = rank < n_var[:, None]
    return {name: copy_idx[chosen[:, k]] for k, name in enumerate(VARIATIONS)}


def _chunk(
    rng: np.random.Generator,
    t: Tables,
    registry: Registry,
    first_id: int,
    n: int,
    extra: int,
    rates: DefectRates,
    today: dt.date,
    dialect: Dialect,
) -> _Chunk:
    counts: dict[str, int] = {}
    entity, is_copy, people = copy_clusters(rng, n, extra)

    # People.
    female = rng.random(people) < 0.5
    fi = np.where(female, t.male + choice(rng, people, t.p_female), choice(rng, people, t.p_male))
    li = choice(rng, people, t.p_last)
    ci = choice(rng, people, t.p_city)
    emails = draw_emails(rng, t, registry, fi, li)
    phones = draw_phones(rng, registry, t.zone[ci])
    phone_format = choice(rng, people, t.p_format)

    # Rows.
    first, last = t.first[fi[entity]], t.last[li[entity]]
    idx = np.flatnonzero(rng.random(n) < UPPERCASE_LAST_NAME_SHARE)
    last[idx] = np.strings.upper(last[idx])
    email = emails[entity]
    fmt = phone_format[entity]
    civ_draw = rng.random(n)
    is_female = female[entity]
    civilite = np.where(is_female, "Mme", "M.").astype(StringDType())
    civilite[is_female & (civ_draw < 0.03)] = "Mlle"
    civilite[civ_draw > 0.97] = ""

    # Variations of the copies.
    var = _variations(rng, np.flatnonzero(is_copy))
    for name, rows_ in var.items():
        counts[f"copy_{name}"] = int(rows_.size)
    idx = var["names_swapped"]
    first[idx], last[idx] = last[idx], first[idx]
    idx = var["typo_first_name"]
    first[idx] = typos(rng, t, first[idx])
    idx = var["typo_last_name"]
    last[idx] = typos(rng, t, last[idx])
    idx = var["accents_dropped"]
    first[idx] = np.strings.translate(first[idx], ACCENTS)
    last[idx] = np.strings.translate(last[idx], ACCENTS)
    idx = var["case"]
    how = rng.integers(0, 3, idx.size)
    for rows_, col, f in (
        (idx[how == 0], first, np.strings.upper),
        (idx[how != 0], first, np.strings.lower),
        (idx[how == 1], last, np.strings.lower),
        (idx[how == 2], last, np.strings.upper),
    ):
        col[rows_] = f(col[rows_])
    idx = var["spaces"]
    where = rng.integers(0, 3, idx.size)
    first[idx[where == 0]] = concat(first[idx[where == 0]], " ")
    last[idx[where == 1]] = concat(" ", last[idx[where == 1]])
    last[idx[where == 2]] = concat(last[idx[where == 2]], "  ")
    idx = var["phone_format"]
    fmt[idx] = (fmt[idx] + rng.integers(1, len(PHONE_FORMATS), idx.size)) % len(PHONE_FORMATS)
    email[var["email_missing"]] = ""
    idx = var["email_case"]
    idx = idx[email[idx] != ""]
    title = rng.random(idx.size) < 0.7
    email[idx[title]] = np.strings.title(email[idx[title]])
    email[idx[~title]] = np.strings.upper(email[idx[~title]])
    counts["copy_email_case"] = int(idx.size)

    # Defects, on every row.
    u = rng.random(n)
    has_email = email != ""
    e_missing = np.flatnonzero((u < rates.email_missing) & has_email)
    e_invalid = np.flatnonzero(
        (u >= rates.email_missing) & (u < rates.email_missing + rates.email_invalid) & has_email
    )
    counts["email_missing"] = int(e_missing.size)
    counts["email_invalid"] = int(e_invalid.size)
    kind = rng.integers(0, 3, e_invalid.size)
    for k, (old, new) in enumerate((("@", ""), ("@", " @"), (".", ".."))):
        rows_ = e_invalid[kind == k]
        email[rows_] = np.strings.replace(email[rows_], old, new, 1)
    email[e_missing] = ""

    phone = format_phones(t, phones[entity], fmt)
    u = rng.random(n)
    p_missing = np.flatnonzero(u < rates.phone_missing)
    p_invalid = np.flatnonzero(
        (u >= rates.phone_missing) & (u < rates.phone_missing + rates.phone_invalid)
    )
    counts["phone_missing"] = int(p_missing.size)
    counts["phone_invalid"] = int(p_invalid.size)
    short = phone[p_invalid]  # 1 or 2 characters short
    cut = np.strings.str_len(short) - rng.integers(1, 3, p_invalid.size)
    phone[p_invalid] = np.strings.rstrip(np.strings.slice(short, 0, cut), ". ")
    phone[p_missing] = ""

    postcode = t.postcode[ci[entity]]
    bad = np.flatnonzero(rng.random(n) < rates.postcode_invalid)
    counts["postcode_invalid"] = int(bad.size)
    code = postcode[bad]
    how = rng.integers(0, 2, bad.size)
    wrong = np.where(how == 0, np.strings.slice(code, 0, 4), concat(code, t.digits[how]))
    zero = np.flatnonzero(np.strings.startswith(code, "0"))
    wrong[zero] = np.strings.lstrip(code[zero], "0")
    postcode[bad] = wrong

    days = rng.integers(0, YEARS_OF_DATES * 365, n).astype("timedelta64[D]")
    iso = string_array(np.datetime_as_string(np.datetime64(today, "D") - days, unit="D"))
    date = fr_dates(iso) if dialect == "excel-fr" else iso
    no_date = np.flatnonzero(rng.random(n) < rates.date_missing)
    counts["date_missing"] = int(no_date.size)
    date[no_date] = ""
    optin = np.where(rng.random(n) < OPT_IN_SHARE, "1", "0").astype(StringDType())
    npai_flag = rng.random(n) < rates.npai
    counts["npai"] = int(npai_flag.sum())
    npai = np.where(npai_flag, "1", "0").astype(StringDType())

    columns = [
        np.arange(first_id, first_id + n).astype(StringDType()),
        civilite,
        first,
        last,
        email,
        phone,
        postcode,
        t.city[ci[entity]],
        np.full(n, "France", dtype=StringDType()),
        date,
        optin,
        npai,
    ]
    return _Chunk(columns, entity, is_copy, people, counts)

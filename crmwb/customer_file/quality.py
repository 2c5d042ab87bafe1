"""The customer-file quality profile: how good is the client's customer base (DOMAIN.md §5)?

A :class:`~crmwb.customer_file.reading.CustomerFile` (the client's export read into DuckDB by
:mod:`.reading`) is measured in a few SQL passes, with the rules of :mod:`.field_rules`:

* **completeness**: the share of rows where a mapped field is not blank;
* **validity**: e-mail syntax, phone numbers against the country's numbering plan
  (phonenumbers' metadata, offline), postcodes against a per-country pattern, readable dates and
  opt-in answers;
* **staleness**: records whose last activity is older than the "inactive" threshold;
* **opt-in coverage** and the **undeliverable** (bounced / NPAI) share;
* **exact duplicates** on a normalised e-mail, a normalised phone, or first name + last name +
  postcode (:class:`DuplicateKey`);
* a **quality score** from 0 to 100 (:data:`SCORE_WEIGHTS`).

What leaves the module for a report is numbers and masked text only: :class:`QualityProfile`
holds counts and shares, :func:`examples` shows duplicate groups with masked e-mails
(``j***@o***.fr``), masked phones (``06 ** ** ** 78``) and initials (``J. D.``), masked by
:mod:`.masking`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from crmwb.core.errors import InputError, msg
from crmwb.customer_file.field_rules import (
    FIRST_BIRTH,
    company_id_valid_sql,
    email_valid_sql,
    filled_sql,
    let_sql,
    lit,
    normalise_country_sql,
    normalise_email_sql,
    normalise_name_sql,
    normalise_phone_sql,
    normalise_postcode_sql,
    opt_in_sql,
    parse_birth_date_sql,
    parse_date_sql,
    phone_valid_sql,
    postcode_valid_sql,
    undeliverable_sql,
)
from crmwb.customer_file.mapping import FieldRole
from crmwb.customer_file.masking import initials, mask_email, mask_phone, mask_postcode
from crmwb.customer_file.reading import CustomerFile


class DuplicateKey(StrEnum):
    """The keys exact duplicates are found on (each on normalised values, blanks never match):
    the e-mail, the phone, or first name + last name + postcode together."""

    EMAIL = "email"
    PHONE = "phone"
    NAME_POSTCODE = "name_postcode"


@dataclass(frozen=True)
class FieldQuality:
    """One mapped field: ``filled`` records where it is not blank, ``completeness`` =
    filled / rows; ``checked`` the filled values a validity rule applies to, ``valid`` those
    passing it, ``validity`` = valid / checked (None: no rule for this field, or nothing to
    check). Rules (:mod:`.field_rules`): e-mail ``EMAIL_PATTERN``; phone
    :func:`phone_valid_sql`; postcode ``POSTCODE_PATTERNS`` (only for the countries listed); last
    activity: a readable date (:func:`parse_date_sql`); opt-in: a readable answer
    (:func:`opt_in_sql`)."""

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
    if file.prepared:
        return
    names = DuplicateKey.NAME_POSTCODE in _keys(file)
    stored: list[str] = ["c.line AS line"]
    shown: list[str] = ["line"]
    dicts: list[str] = []
    joins: list[str] = []

    def pair(value: str, check: Callable[[str], str]) -> str:
        return let_sql(value, lambda v: f"{{'v': {v}, 'ok': {check(v)}}}")

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
            return let_sql(
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
        f"SELECT {lit(key.value)} AS key, {column} AS value, count(*) AS size, "
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
    file.prepared = True


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
        agg("future", f"count_if(activity > DATE {lit(today.isoformat())})")
        if cutoff is not None:
            agg("stale", f"count_if(activity < DATE {lit(cutoff.isoformat())})")
    if file.mapped(FieldRole.OPT_IN):
        agg("yes", "count_if(opt_in = 'yes')")
        agg("no", "count_if(opt_in = 'no')")
    if file.mapped(FieldRole.UNDELIVERABLE):
        agg("undeliverable", "count_if(undeliverable)")
    if file.mapped(FieldRole.BIRTH_DATE):
        agg(
            "valid_birth",
            f"count_if(birth BETWEEN DATE {lit(FIRST_BIRTH.isoformat())} "
            f"AND DATE {lit(today.isoformat())})",
        )
    if file.mapped(FieldRole.COMPANY_ID):
        agg("valid_company_id", "count_if(company_id_ok)")
    keys = _keys(file)
    if keys:
        inside = " OR ".join(
            f"{_key_column(k)} IN (SELECT value FROM _dups WHERE key = {lit(k.value)})"
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
    "SCORE_WEIGHTS",
    "DuplicateExample",
    "DuplicateKey",
    "DuplicateStats",
    "FieldQuality",
    "MaskedRecord",
    "OptInCoverage",
    "QualityProfile",
    "ScorePart",
    "Staleness",
    "Undeliverable",
    "examples",
    "profile",
]

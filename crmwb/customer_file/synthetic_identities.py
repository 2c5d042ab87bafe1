"""Who the synthetic people are and how they are reached: e-mails and phone numbers unique
across the file (:class:`Registry`), written in several formats (:func:`format_phones`); for the
people files (:class:`PeopleTables`), addresses (:func:`draw_homes`, :func:`render_address`),
first names, dates of birth, and companies with their names, SIRET (Luhn-valid: :func:`siret`,
:func:`luhn_valid`) and VAT number (:func:`tva_key`)."""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

from crmwb.customer_file.synthetic_files import PeopleKind
from crmwb.customer_file.synthetic_tables import (
    ACCENTS,
    ACTIVITIES,
    BIRTH_YEARS,
    BUSINESS_PLACES,
    COMPANY_EMAIL_PATTERNS,
    COMPLEMENT_PLACES,
    EMAIL_DOMAINS,
    EMAIL_PATTERNS,
    EXTRA_FEMALE_FIRST_NAMES,
    EXTRA_FIRST_NAME_RANK,
    EXTRA_MALE_FIRST_NAMES,
    FAMILY_EMAIL_PATTERNS,
    FEMALE_FIRST_NAMES,
    LAST_NAMES,
    LEGAL_FORMS,
    MALE_FIRST_NAMES,
    MAX_STREET_NUMBER,
    PHONE_FORMATS,
    SECTORS,
    SHARED_COMPANY_LOCALS,
    STREET_NAMES,
    STREET_TYPES,
    StrArray,
    Tables,
    ascii_slug,
    choice,
    concat,
    pattern_tokens,
    probabilities,
    string_array,
    zipf,
)
from crmwb.customer_file.synthetic_variants import (
    Ragged,
    nicknames,
    phonetic_variants,
    saint_abbreviated,
)

MOBILE_06_SHARE, MOBILE_07_SHARE = 0.45, 0.25  # the rest: landline of the city's zone


def _hash_strings(values: StrArray) -> NDArray[np.int64]:
    """A stable 64-bit key per string (FNV-like over 8-byte words of the UTF-8 bytes); a
    collision only costs a needless redraw."""
    if values.size == 0:
        return np.zeros(0, dtype=np.int64)
    raw = np.strings.encode(values, "utf-8")
    width = max(8, -(-raw.itemsize // 8) * 8)
    words = raw.astype(f"S{width}").view(np.uint64).reshape(values.size, width // 8)
    h = np.full(values.size, 0xCBF29CE484222325, dtype=np.uint64)
    for k in range(words.shape[1]):
        h ^= words[:, k]
        h *= np.uint64(0x100000001B3)
        h ^= h >> np.uint64(29)
    return h.view(np.int64)


def _taken(keys: NDArray[np.int64], known: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Keys already in the sorted array ``known``, or repeated earlier in ``keys``."""
    taken = np.zeros(keys.size, dtype=np.bool_)
    if keys.size == 0:
        return taken
    order = np.argsort(keys, kind="stable")
    ordered = keys[order]
    taken[order[1:][ordered[1:] == ordered[:-1]]] = True
    if known.size:
        pos = np.searchsorted(known, ordered).clip(max=known.size - 1)
        taken[order[known[pos] == ordered]] = True
    return taken


class Registry:
    """Emails (as 64-bit hashes) and phone numbers already given to someone, sorted, so that
    each person's are unique across the file."""

    def __init__(self) -> None:
        self.emails: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.phones: NDArray[np.int64] = np.zeros(0, dtype=np.int64)

    @staticmethod
    def merged(known: NDArray[np.int64], new: NDArray[np.int64]) -> NDArray[np.int64]:
        new = np.sort(new)
        return np.insert(known, np.searchsorted(known, new), new)


def local_parts(
    rng: np.random.Generator, t: Tables, fi: NDArray[np.int64], li: NDArray[np.int64]
) -> StrArray:
    """E-mail local parts of the people with first names ``fi`` and last names ``li`` (indices
    of ``t``), each by one of :data:`EMAIL_PATTERNS` drawn by weight."""
    n = fi.size
    number = rng.integers(100, 1000, n)
    pattern = choice(rng, n, t.p_pattern)
    out = np.empty(n, dtype=StringDType())
    for k, (name, _) in enumerate(EMAIL_PATTERNS):
        idx = np.flatnonzero(pattern == k)
        if not idx.size:
            continue
        pieces = {
            "p": t.first_slug[fi[idx]],
            "i": t.first_initial[fi[idx]],
            "n": t.last_slug[li[idx]],
            "dd": t.pairs[number[idx] % 100],
            "ddd": concat(t.digits[number[idx] // 100], t.pairs[number[idx] % 100]),
        }
        out[idx] = concat(*pattern_tokens(name, pieces))
    return out


def draw_emails(
    rng: np.random.Generator,
    t: Tables,
    registry: Registry,
    fi: NDArray[np.int64],
    li: NDArray[np.int64],
) -> StrArray:
    """One unique email per person: a clash (with an earlier person of the file) is redrawn
    as ``p.n`` + a number of 3 to 5 digits."""
    emails = concat(local_parts(rng, t, fi, li), t.domain[choice(rng, fi.size, t.p_domain)])
    keys = _hash_strings(emails)
    clash = _taken(keys, registry.emails)
    while clash.any():
        idx = np.flatnonzero(clash)
        num = rng.integers(100, 100_000, idx.size).astype(StringDType())
        local = concat(t.first_slug[fi[idx]], ".", t.last_slug[li[idx]], num)
        emails[idx] = concat(local, t.domain[choice(rng, idx.size, t.p_domain)])
        keys[idx] = _hash_strings(emails[idx])
        clash = _taken(keys, registry.emails)
    registry.emails = Registry.merged(registry.emails, keys)
    return emails


def draw_phones(
    rng: np.random.Generator, registry: Registry, zone: NDArray[np.int64]
) -> NDArray[np.int64]:
    """One unique 9-digit national number per person (06, 07, or the city's landline zone)."""
    n = zone.size
    kind = rng.random(n)
    prefix = np.where(
        kind < MOBILE_06_SHARE, 6, np.where(kind < MOBILE_06_SHARE + MOBILE_07_SHARE, 7, zone)
    )
    numbers = prefix * 100_000_000 + rng.integers(0, 100_000_000, n)
    clash = _taken(numbers, registry.phones)
    while clash.any():
        idx = np.flatnonzero(clash)
        numbers[idx] = prefix[idx] * 100_000_000 + rng.integers(0, 100_000_000, idx.size)
        clash = _taken(numbers, registry.phones)
    registry.phones = Registry.merged(registry.phones, numbers)
    return numbers.astype(np.int64)


def format_phones(t: Tables, numbers: NDArray[np.int64], fmt: NDArray[np.int64]) -> StrArray:
    """The 9-digit national ``numbers`` written as :data:`PHONE_FORMATS` number ``fmt`` says."""
    out = np.empty(numbers.size, dtype=StringDType())
    for k, (pattern, _) in enumerate(PHONE_FORMATS):
        idx = np.flatnonzero(fmt == k)
        if not idx.size:
            continue
        num = numbers[idx]
        pieces = {
            "P": t.digits[num // 100_000_000],
            "A": t.pairs[num // 1_000_000 % 100],
            "B": t.pairs[num // 10_000 % 100],
            "C": t.pairs[num // 100 % 100],
            "D": t.pairs[num % 100],
        }
        out[idx] = concat(*pattern_tokens(pattern, pieces))
    return out


class PeopleTables(Tables):
    """The customer tables, 20 compound first names more, and the people file's own tables."""

    def __init__(self) -> None:
        super().__init__()
        males = MALE_FIRST_NAMES + EXTRA_MALE_FIRST_NAMES
        females = FEMALE_FIRST_NAMES + EXTRA_FEMALE_FIRST_NAMES
        firsts = males + females
        self.male = len(males)
        self.first = string_array(firsts)
        self.first_slug = string_array([ascii_slug(n) for n in firsts])
        self.first_initial = np.strings.slice(self.first_slug, 1)
        extra = 1.0 / (EXTRA_FIRST_NAME_RANK + 5.0)
        self.p_male = probabilities(
            np.concatenate(
                [
                    1.0 / (np.arange(len(MALE_FIRST_NAMES)) + 5.0),
                    [extra] * len(EXTRA_MALE_FIRST_NAMES),
                ]
            )
        )
        self.p_female = probabilities(
            np.concatenate(
                [
                    1.0 / (np.arange(len(FEMALE_FIRST_NAMES)) + 5.0),
                    [extra] * len(EXTRA_FEMALE_FIRST_NAMES),
                ]
            )
        )
        self.nickname = Ragged([nicknames(n) for n in firsts])
        self.first_phonetic = Ragged([phonetic_variants(n) for n in firsts])
        self.last_phonetic = Ragged([phonetic_variants(n) for n in LAST_NAMES])
        self.domain_name = string_array([d for d, _ in EMAIL_DOMAINS])
        self.gmail = [d for d, _ in EMAIL_DOMAINS].index("gmail.com")
        self.street_type = string_array([s for s, _, _ in STREET_TYPES])
        self.street_type_short = string_array([s for _, s, _ in STREET_TYPES])
        self.p_street_type = probabilities([w for _, _, w in STREET_TYPES])
        self.street = string_array(STREET_NAMES)
        self.street_saint = string_array([saint_abbreviated(s) for s in STREET_NAMES])
        self.has_saint = self.street != self.street_saint
        self.street_types = np.concatenate([self.street_type, self.street_type_short])
        self.streets = np.concatenate([self.street, self.street_saint])
        self.p_street = zipf(len(STREET_NAMES))
        # index: suffix (0 none, 1 bis, 2 ter) * 4 + style (3: not written)
        self.number_suffix = string_array(
            ["", "", "", "", " bis", "bis", "B", "", " ter", "ter", "T", ""]
        )
        self.p_number = probabilities(1.0 / (np.arange(MAX_STREET_NUMBER) + 4.0))
        self.place = string_array(COMPLEMENT_PLACES)
        self.business_place = string_array(BUSINESS_PLACES)
        self.activity = string_array(ACTIVITIES)
        self.sector = string_array(SECTORS)
        self.capitals = string_array(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        self.legal_form = string_array([f for f, _, _ in LEGAL_FORMS])
        self.legal_form_dotted = string_array([d for _, d, _ in LEGAL_FORMS])
        self.p_legal_form = probabilities([w for _, _, w in LEGAL_FORMS])
        self.p_family_pattern = probabilities([w for _, w in FAMILY_EMAIL_PATTERNS])
        self.p_company_pattern = probabilities([w for _, w in COMPANY_EMAIL_PATTERNS])
        self.shared_local = string_array(SHARED_COMPANY_LOCALS)
        years = np.arange(BIRTH_YEARS[0], BIRTH_YEARS[1] + 1)
        self.birth_year = years.astype(np.int64)
        self.p_birth_year = probabilities(
            np.interp(years, [1930, 1950, 1990, 2008], [0.3, 1.0, 1.0, 0.4])
        )


class PeopleRegistry(Registry):
    """Emails, phone numbers and SIRENs already given, so that they are unique in the file."""

    def __init__(self) -> None:
        super().__init__()
        self.sirens: NDArray[np.int64] = np.zeros(0, dtype=np.int64)


@dataclass
class _Homes:
    """Addresses, one per home (b2c) or establishment (b2b), or one per row."""

    city: NDArray[np.int64]
    number: NDArray[np.int64]
    suffix: NDArray[np.int64]  # 0 none, 1 bis, 2 ter
    suffix_style: NDArray[np.int64]  # " bis", "bis", "B", not written
    street_type: NDArray[np.int64]
    type_short: NDArray[np.bool_]
    street: NDArray[np.int64]
    saint_short: NDArray[np.bool_]
    placement: NDArray[np.int64]  # the number in: 0 numero, 1 the street line, 2 both
    caps: NDArray[np.bool_]
    complement: StrArray

    def take(self, idx: NDArray[np.int64]) -> _Homes:
        return _Homes(**{f.name: getattr(self, f.name)[idx] for f in fields(self)})

    def put(self, idx: NDArray[np.int64], other: _Homes) -> None:
        for f in fields(self):
            getattr(self, f.name)[idx] = getattr(other, f.name)


def draw_homes(rng: np.random.Generator, t: PeopleTables, n: int, kind: PeopleKind) -> _Homes:
    """``n`` addresses; 15 % with a complement (b2c: apartment, building, staircase, residence,
    lieu-dit; b2b: building, floor, industrial or business zone, PO box)."""
    suffix = choice(rng, n, np.array([0.95, 0.035, 0.015]))
    complement = np.zeros(n, dtype=StringDType())
    has = np.flatnonzero(rng.random(n) < 0.15)
    what = rng.integers(0, 7, has.size)
    number = rng.integers(1, 80, has.size).astype(StringDType())
    letter = t.capitals[rng.integers(0, 6, has.size)]
    place = t.place[rng.integers(0, t.place.size, has.size)]
    zone = t.business_place[rng.integers(0, t.business_place.size, has.size)]
    kinds: tuple[tuple[str, StrArray], ...] = (
        (
            ("Apt ", number),
            ("Appartement ", number),
            ("Bât. ", letter),
            ("Bâtiment ", letter),
            ("Escalier ", letter),
            ("Résidence ", place),
            ("Lieu-dit ", place),
        )
        if kind == "b2c"
        else (
            ("Bât. ", letter),
            ("Bâtiment ", letter),
            ("Étage ", number),
            ("ZI ", zone),
            ("ZA ", zone),
            ("Parc d'activités ", zone),
            ("BP ", number),
        )
    )
    for k, parts in enumerate(kinds):
        rows_ = what == k
        complement[has[rows_]] = concat(parts[0], parts[1][rows_])
    return _Homes(
        city=choice(rng, n, t.p_city),
        number=choice(rng, n, t.p_number) + 1,
        suffix=suffix,
        suffix_style=choice(rng, n, np.array([0.6, 0.15, 0.25])),
        street_type=choice(rng, n, t.p_street_type),
        type_short=rng.random(n) < 0.15,
        street=choice(rng, n, t.p_street),
        saint_short=rng.random(n) < 0.15,
        placement=choice(rng, n, np.array([0.65, 0.30, 0.05])),
        caps=rng.random(n) < 0.10,
        complement=complement,
    )


def render_address(t: PeopleTables, h: _Homes) -> tuple[StrArray, StrArray]:
    """(numero, adresse)."""
    number = concat(h.number.astype(StringDType()), t.number_suffix[h.suffix * 4 + h.suffix_style])
    street_type = t.street_types[h.street_type + h.type_short * t.street_type.size]
    street = t.streets[h.street + h.saint_short * t.street.size]
    line = concat(street_type, " ", street)
    in_line = np.flatnonzero(h.placement >= 1)
    line[in_line] = concat(number[in_line], " ", line[in_line])
    line[h.caps] = np.strings.upper(line[h.caps])
    numero = np.where(h.placement != 1, number, "").astype(StringDType())
    return numero, line


def unique_numbers(
    rng: np.random.Generator, known: NDArray[np.int64], prefix: NDArray[np.int64], span: int
) -> tuple[NDArray[np.int64], NDArray[np.int64]]:
    """``prefix * span + random`` numbers, none in the sorted ``known`` nor repeated; the
    numbers and ``known`` with them."""
    numbers = prefix * span + rng.integers(0, span, prefix.size)
    clash = _taken(numbers, known)
    while clash.any():
        idx = np.flatnonzero(clash)
        numbers[idx] = prefix[idx] * span + rng.integers(0, span, idx.size)
        clash = _taken(numbers, known)
    return numbers.astype(np.int64), Registry.merged(known, numbers)


def unique_emails(
    rng: np.random.Generator, registry: Registry, emails: StrArray, redraw: StrArray
) -> StrArray:
    """``emails`` made unique in the file: a clash gets ``redraw`` + a number before the @."""
    at = np.strings.find(emails, "@")
    keys = _hash_strings(emails)
    clash = _taken(keys, registry.emails)
    while clash.any():
        idx = np.flatnonzero(clash)
        num = rng.integers(2, 10_000, idx.size).astype(StringDType())
        emails[idx] = concat(redraw[idx], num, np.strings.slice(emails[idx], at[idx], None))
        keys[idx] = _hash_strings(emails[idx])
        clash = _taken(keys, registry.emails)
    registry.emails = Registry.merged(registry.emails, keys)
    return emails


def luhn_digit(payload: NDArray[np.int64]) -> NDArray[np.int64]:
    """The digit that makes ``payload * 10 + digit`` Luhn-valid."""
    total = np.zeros(payload.size, dtype=np.int64)
    rest = payload.astype(np.int64)
    for k in range(18):
        digit = rest % 10
        rest = rest // 10
        if k % 2 == 0:  # doubled: second, fourth... from the right of the full number
            digit = np.where(digit * 2 > 9, digit * 2 - 9, digit * 2)
        total += digit
    check: NDArray[np.int64] = (10 - total % 10) % 10
    return check


def siret(siren: NDArray[np.int64], nic: NDArray[np.int64]) -> NDArray[np.int64]:
    """SIREN (9 digits) + NIC (``nic``: 4 digits, then a Luhn digit over the 14)."""
    payload = siren * 10_000 + nic
    full: NDArray[np.int64] = payload * 10 + luhn_digit(payload)
    return full


def distinct_in_group(
    rng: np.random.Generator,
    group: NDArray[np.int64],
    values: NDArray[np.int64],
    ignore: NDArray[np.bool_],
    redraw: Any,
) -> None:
    """Redraw (``redraw(rows) -> new values``) the values repeated within a group (group < 0:
    none), except for the rows ``ignore``."""
    for _ in range(100):
        span = int(values.max() - values.min()) + 1 if values.size else 1
        key = group * span + (values - (values.min() if values.size else 0))
        dup = _taken(key, np.zeros(0, dtype=np.int64)) & (group >= 0) & ~ignore
        if not dup.any():
            return
        idx = np.flatnonzero(dup)
        values[idx] = redraw(idx)


def first_names(
    rng: np.random.Generator, t: PeopleTables, female: NDArray[np.bool_]
) -> NDArray[np.int64]:
    """A first name (an index of ``t``) for each person, by sex, drawn by frequency."""
    n = female.size
    return np.where(female, t.male + choice(rng, n, t.p_female), choice(rng, n, t.p_male))


def birth_days(rng: np.random.Generator, years: NDArray[np.int64]) -> NDArray[np.int64]:
    """A uniform day of each year, as days since 1970-01-01."""
    start = (years - 1970).astype("datetime64[Y]")
    first = start.astype("datetime64[D]").astype(np.int64)
    length = (start + 1).astype("datetime64[D]").astype(np.int64) - first
    days: NDArray[np.int64] = first + (rng.random(years.size) * length).astype(np.int64)
    return days


def ymd(days: NDArray[np.int64]) -> tuple[NDArray[np.int64], ...]:
    """Year, month and day of ``days`` (days since 1970-01-01)."""
    date = days.astype("datetime64[D]")
    month_start = date.astype("datetime64[M]")
    year = date.astype("datetime64[Y]").astype(np.int64) + 1970
    month = month_start.astype(np.int64) % 12 + 1
    day = (date - month_start.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def company_names(rng: np.random.Generator, t: PeopleTables, city: NDArray[np.int64]) -> StrArray:
    """Company names without legal form: "Boulangerie Martin", "Dupont Conseil", "Martin et
    Fils", "Martin-Dubois", "Lyon Nettoyage", "Groupe Moreau", "ADN Services"."""
    n = city.size
    last = t.last[choice(rng, n, t.p_last)]
    last2 = t.last[choice(rng, n, t.p_last)]
    activity = t.activity[rng.integers(0, t.activity.size, n)]
    sector = t.sector[rng.integers(0, t.sector.size, n)]
    acronym = concat(*(t.capitals[rng.integers(0, 26, n)] for _ in range(3)))
    pattern = choice(rng, n, np.array([0.30, 0.30, 0.10, 0.10, 0.10, 0.05, 0.05]))
    out = concat(activity, " ", last)
    for k, parts in enumerate(
        (
            (activity, " ", last),
            (last, " ", sector),
            (last, " et Fils"),
            (last, "-", last2),
            (t.city[city], " ", sector),
            ("Groupe ", last),
            (acronym, " ", sector),
        )
    ):
        idx = np.flatnonzero(pattern == k)
        out[idx] = concat(*(p if isinstance(p, str) else p[idx] for p in parts))
    return out


def slug(values: StrArray) -> StrArray:
    """ASCII, lower case, letters and digits only (for e-mail domains and local parts)."""
    unique, inverse = np.unique(values, return_inverse=True)
    out = np.strings.lower(np.strings.translate(unique, ACCENTS))
    for c in (" ", "-", "'", "."):
        out = np.strings.replace(out, c, "")
    slugs: StrArray = out[inverse]
    return slugs


def luhn_valid(numbers: NDArray[np.int64]) -> NDArray[np.bool_]:
    """Whether each number passes the Luhn check (SIREN, SIRET)."""
    total = np.zeros(numbers.size, dtype=np.int64)
    rest = numbers.astype(np.int64)
    for k in range(19):
        digit = rest % 10
        rest = rest // 10
        if k % 2:
            digit = np.where(digit * 2 > 9, digit * 2 - 9, digit * 2)
        total += digit
    valid: NDArray[np.bool_] = total % 10 == 0
    return valid


def tva_key(siren: NDArray[np.int64]) -> NDArray[np.int64]:
    """The key of a French intra-community VAT number: (12 + 3 × (SIREN mod 97)) mod 97."""
    key: NDArray[np.int64] = (12 + 3 * (siren % 97)) % 97
    return key

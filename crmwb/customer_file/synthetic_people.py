"""Synthetic people files, harder than the customer files of :mod:`.synthetic_customers`.

:func:`write_people_file` writes files of people (b2c) or company contacts (b2b): dates of birth,
maiden names, addresses (street number, street line, complement), landline and mobile, loyalty
card or company (raison sociale, SIRET, VAT number); copies changed in more ways (phonetic
misspellings, nicknames, maiden names, dates of birth, address variants, moves, company names,
SIRETs...: :mod:`.synthetic_variants`); and look-alikes that are *not* duplicates, given in
:attr:`Truth.groups`: households (an address, a landline, a last name, often an e-mail shared),
colleagues, namesakes and twins. Names, addresses, e-mails, phones and companies are drawn by
:mod:`.synthetic_identities` from the tables of :mod:`.synthetic_tables`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Number, Quoted, msg
from crmwb.customer_file.synthetic_files import (
    CHUNK_ROWS,
    ID_BASE,
    PEOPLE_COLUMNS,
    PEOPLE_KINDS,
    Dialect,
    PeopleKind,
    Truth,
    fr_dates,
    write_header,
    write_rows,
)
from crmwb.customer_file.synthetic_identities import (
    PeopleRegistry,
    PeopleTables,
    birth_days,
    company_names,
    distinct_in_group,
    draw_emails,
    draw_homes,
    first_names,
    format_phones,
    local_parts,
    luhn_digit,
    render_address,
    siret,
    slug,
    tva_key,
    unique_emails,
    unique_numbers,
    ymd,
)
from crmwb.customer_file.synthetic_tables import (
    BIRTH_YEARS,
    COMPANY_EMAIL_PATTERNS,
    FAMILY_EMAIL_PATTERNS,
    NO_LEGAL_FORM_SHARE,
    OPT_IN_SHARE,
    PHONE_FORMATS,
    UPPERCASE_LAST_NAME_SHARE,
    YEARS_OF_DATES,
    StrArray,
    choice,
    concat,
    pattern_tokens,
    string_array,
)
from crmwb.customer_file.synthetic_variants import (
    PEOPLE_SUB_VARIATIONS,
    PEOPLE_VARIATIONS,
    VARIATIONS_PER_COPY_PROBABILITIES,
    copy_clusters,
    pick_weighted,
    sub_variation,
    typos,
)

PEOPLE_DUPLICATE_RATE = 0.10
_PEOPLE_STREAM: Mapping[PeopleKind, int] = MappingProxyType({"b2c": 1, "b2b": 2})
# Hard non-duplicates. b2c: people living in a household of 2-4 (same address, landline and
# last name); b2b: contacts with 1-3 colleagues at their establishment (same address,
# switchboard and company).
GROUPED_SHARE: Mapping[PeopleKind, float] = MappingProxyType({"b2c": 0.05, "b2b": 0.20})
GROUP_SIZES = (2, 3, 4)
GROUP_SIZE_PROBABILITIES = (0.5, 0.25, 0.25)
TWINS_SHARE = 0.07  # of 4-person households: the two children are twins
NAMESAKE_SHARE = 0.01  # of people: in a pair of namesakes (half of them renamed)
FAMILY_EMAIL_SHARE = 0.60  # of households (b2b: of colleague groups, a contact@ address)
MAIDEN_NAME_SHARE = 0.25  # of women born before 1996 living alone; partners in a household: 60 %
PARTNER_MAIDEN_NAME_SHARE = 0.60
NO_EMAIL_SHARE = 0.08
LANDLINE_SHARE: Mapping[PeopleKind, float] = MappingProxyType({"b2c": 0.35, "b2b": 0.90})
MOBILE_SHARE: Mapping[PeopleKind, float] = MappingProxyType({"b2c": 0.85, "b2b": 0.60})
WEBMAIL_SHARE_B2B = 0.25  # contacts writing from gmail.com, orange.fr... instead of the company
LOYALTY_CARD_SHARE = 0.60
CIVILITE_BLANK_SHARE = 0.04
COUNTRY_BLANK_SHARE = 0.10
ORDER_DATE_BLANK_SHARE = 0.05
NPAI_SHARE = 0.03
OTHER_ESTABLISHMENT_SHARE = 0.08  # b2b establishments of a company already in the chunk


MISSING_FIELDS: Mapping[PeopleKind, tuple[str, ...]] = MappingProxyType(
    {
        "b2c": ("civilite", "prenom", "date_naissance", "code_postal", "ville", "carte_fidelite"),
        "b2b": ("civilite", "prenom", "code_postal", "ville", "raison_sociale", "siret"),
    }
)


def write_people_file(
    path: Path | str,
    rows: int,
    *,
    seed: int = 0,
    kind: PeopleKind = "b2c",
    duplicate_rate: float = PEOPLE_DUPLICATE_RATE,
    today: dt.date | None = None,
) -> Truth:
    """Write ``rows`` people (``kind="b2c"``) or company contacts (``"b2b"``) to ``path``, a
    French Excel export (``;``, cp1252, CRLF, dd/mm/yyyy), with known duplicates *and* known
    look-alikes that are not duplicates; what was injected (:class:`Truth`, ``groups`` included).

    Columns (:data:`PEOPLE_COLUMNS`), b2c: id_client; civilite (M., Mme, 4 % blank); prenom;
    nom; nom_naissance (the maiden name: filled for 25 % of the women born before 1996 living
    alone and 60 % of the women living with a partner, whose ``nom`` is then the spouse's:
    12 % of the people); date_naissance (1930-2008, most between 1950 and 1990); numero (the
    street number, 5 % with a bis or ter written " bis", "bis" or "B"); adresse ("rue de la
    Paix" when the number is in ``numero`` (65 %), "12 rue de la Paix" with ``numero`` blank
    (30 %), or both (5 %); 15 % of the street types abbreviated "av", "bd"..., 10 % of the
    lines in capitals); complement (apartment, building, residence, lieu-dit: 15 %);
    code_postal and ville (a real pair, drawn by population); pays (FR, 10 % blank); email
    (8 % blank; one per person, unique in the file, except household ones); telephone (a
    landline: 35 % of the people living alone, every household; one per home); mobile (85 %,
    unique); carte_fidelite (13 digits, 60 %, unique); date_derniere_commande (in the 6 years
    before ``today``, 5 % blank); optin_email (1 for 55 %); npai (1 for 3 %). b2b drops
    nom_naissance, date_naissance and carte_fidelite, and adds after mobile raison_sociale
    ("Boulangerie Martin SARL", "SAS Dupont Conseil"...: 8 % without a legal form, 10 %
    written with dots, 20 % in capitals), siret (14 digits, Luhn-valid, whose first 9, the
    SIREN, are Luhn-valid too) and tva_intra (``FR`` + key + SIREN, key = (12 + 3 × (SIREN
    mod 97)) mod 97); 90 % of the establishments have a switchboard (``telephone``), 60 % of
    the contacts a mobile, 75 % an e-mail at the company's domain and the others a webmail
    address; 8 % of the establishments belong to a company already in the file (same SIREN,
    another SIRET).

    **Duplicates**: ``duplicate_rate`` of the rows are extra copies of another row's person
    (1 to 3 copies per duplicated person, 75 / 18 / 7 %), each with an id_client, an order
    date, an opt-in and an NPAI flag of its own and 1 to 3 variations (50 / 35 / 15 %) drawn
    by weight among those that apply to it (:data:`PEOPLE_VARIATIONS`). The share of the copies
    given each one, b2c (b2b), as measured on 1 000 000 rows (``Truth.counts`` holds the
    exact number as ``copy_<variation>``):

    * ``typo_first_name`` 13 % (12.5 %), ``typo_last_name`` 16.5 % (16 %): one insertion,
      deletion, substitution or transposition of adjacent letters;
    * ``phonetic`` 18 % (17.5 %): a misspelling that sounds the same
      (:data:`.synthetic_variants.PHONETIC_RULES`: ph/f, y/i, a consonant doubled or single,
      -ault/-aut/-ot, -aud/-aut, -eau/-eaux, a silent final e, s or x dropped or added, an/en,
      au/o, c/ç/s...), in the last name (70 %) or the first name;
    * ``nickname`` 6 % (5.5 %): Catherine -> Cathy, Philippe -> Phil...
      (:data:`.synthetic_variants.NICKNAMES`); Jean-Pierre -> Jean Pierre, J.-P., JP or Jean;
    * ``names_swapped`` 9.5 % (9 %): first and last names swapped;
    * ``maiden_name`` 4.5 % (b2c): the maiden name as last name, ``nom_naissance`` blank;
    * ``missing_value`` 15 % (14.5 %): one field blanked among civilite, prenom,
      date_naissance, code_postal, ville, carte_fidelite (b2b: civilite, prenom, code_postal,
      ville, raison_sociale, siret with tva_intra);
    * date of birth (b2c): ``date_of_birth_day_month`` 3.3 % (day and month swapped, when
      both are <= 12 and differ), ``date_of_birth_year`` 11.5 % (a year off by one),
      ``date_of_birth_digits`` 7 % (two adjacent digits of the year, or of the day,
      transposed);
    * address: ``address_abbreviation`` 8 % (7.5 %) (rue/r, avenue/av, boulevard/bd,
      place/pl, chemin/che, allée/all, impasse/imp, route/rte, Saint/St), ``address_case``
      5.5 % (5.5 %) (the street line in capitals, or no more), ``address_number`` 5 % (5 %)
      (the number moved between ``numero`` and the street line, or its bis/ter written
      another way or not at all), ``address_moved`` 8 % (7.5 %) (a new address, postcode and
      city, same person; a landline becomes a new number (50 %) or blank; b2b: a new SIRET of
      the same SIREN);
    * e-mail (copies that have one): ``email_case`` 5.5 % (6 %), ``email_gmail_dots`` 1.8 %
      (0.4 %) (the dots of a gmail.com local part removed, or one added), ``email_provider``
      4.5 % (5 %) (the same local part at another provider), ``email_blank`` 4.5 % (5 %);
    * ``phone_format`` 11.5 % (12 %): the phones written another way (06 12 34 56 78,
      0612345678, 06.12.34.56.78, +33 6 12 34 56 78, +33612345678, 0033 6 12 34 56 78);
      ``phones_swapped`` 7 % (7 %): landline and mobile swapped;
    * b2b: ``company_name_legal_form`` 10.5 % (the legal form dropped, added, written with or
      without dots, or moved before or after the name), ``company_name_case`` 7 % (the name
      in capitals or lower case), ``siret`` 10 % (the SIRET of another establishment of the
      same SIREN, at the same address).

    **Hard non-duplicates**, different people who look alike (:attr:`Truth.groups`; ``counts``
    gives ``groups``, ``grouped_people``, ``namesake_pairs`` and ``twin_pairs``):

    * ``household`` (b2c): 5 % of the people live in a household of 2 to 4 (50 / 25 / 25 %)
      at one address with one landline: a couple (born within 6 years of each other) and
      their children (born 20 to 35 years after), with the same last name (the partner's
      maiden name often filled), different first names and dates of birth; 60 % of the
      households have a family e-mail (famille.martin@, lesmartin@, pierre.et.marie@...)
      used by the couple and by each child with a 50 % chance. ``colleagues`` (b2b): 20 % of
      the contacts have 1 to 3 colleagues at their establishment (same address, switchboard,
      company and SIRET, other names); 60 % of those groups have a contact@, accueil@...
      address that each of them uses with a 60 % chance.
    * ``namesakes``: 1 % of the people are in a pair with the same first and last names (and
      sex) but another date of birth and another postcode (on top of the namesakes that the
      Zipf-like name frequencies make by chance).
    * ``twins`` (b2c): 7 % of the 4-person households have twins (same last name, address
      and date of birth, different first names): about 3.5 pairs per 10 000 people.

    Names come from the module's tables (with 20 compound first names added) and their
    Zipf-like frequencies; 30 % of the rows write the last name in capitals. Streamed by
    chunks of :data:`CHUNK_ROWS` rows: households, namesakes and copies stay within a chunk;
    e-mails, phones and SIRENs are unique across the file. 1 000 000 b2c rows (150 MB) take
    about 10 s and 215 MB of memory here (b2b: 185 MB, 14 s, 240 MB). Deterministic: the same
    arguments (``today`` included, default today's date) give the same bytes; ``kind``
    changes the random stream.

    >>> import tempfile, pathlib
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     truth = write_people_file(pathlib.Path(tmp) / "p.csv", 1000, seed=1,
    ...                               today=dt.date(2026, 1, 1))
    >>> truth.rows, truth.entities, sorted(truth.groups)
    (1000, 900, ['household', 'namesakes', 'twins'])
    """
    if kind not in PEOPLE_KINDS:
        raise InputError(
            msg("err.choice", allowed=tuple(Quoted(k) for k in PEOPLE_KINDS), name="kind"),
            found=Quoted(str(kind)),
        )
    if rows < 0:
        raise InputError(msg("synthetic.err.rows"), found=str(rows))
    if not 0.0 <= duplicate_rate <= 0.5:
        raise InputError(msg("synthetic.err.duplicate_rate"), found=Number(duplicate_rate))
    today = dt.date.today() if today is None else today
    path = Path(path)
    dialect: Dialect = "excel-fr"

    tables = PeopleTables()
    registry = PeopleRegistry()
    record_ids: list[NDArray[np.int64]] = []
    entities: list[NDArray[np.int64]] = []
    copies: list[NDArray[np.bool_]] = []
    groups: dict[str, list[NDArray[np.int64]]] = {}
    group_offset: dict[str, int] = {}
    counts: dict[str, int] = {}
    entity_offset = 0
    with open(path, "wb") as out:
        write_header(out, PEOPLE_COLUMNS[kind], dialect)
        for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
            stop = min(rows, start + CHUNK_ROWS)
            extra = round(stop * duplicate_rate) - round(start * duplicate_rate)
            rng = np.random.default_rng([seed, index, _PEOPLE_STREAM[kind]])
            chunk = _people_chunk(
                rng,
                tables,
                registry,
                kind,
                ID_BASE + start,
                entity_offset,
                stop - start,
                extra,
                today,
            )
            write_rows(out, chunk.columns, dialect)
            record_ids.append(np.arange(ID_BASE + start, ID_BASE + stop, dtype=np.int64))
            entities.append(chunk.entity + entity_offset)
            copies.append(chunk.is_copy)
            entity_offset += chunk.entities
            for name, (group, size) in chunk.groups.items():
                offset = group_offset.get(name, 0)
                groups.setdefault(name, []).append(np.where(group >= 0, group + offset, -1))
                group_offset[name] = offset + size
            for key, value in chunk.counts.items():
                counts[key] = counts.get(key, 0) + value
            del chunk  # its columns, before the next chunk is made
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
        groups=MappingProxyType({name: np.concatenate(parts) for name, parts in groups.items()}),
    )


@dataclass
class _PeopleChunk:
    columns: list[StrArray]
    entity: NDArray[np.int64]  # local person of each row
    is_copy: NDArray[np.bool_]
    entities: int
    counts: dict[str, int]
    groups: dict[str, tuple[NDArray[np.int64], int]]  # per row (-1: none), number of groups


def _group_sizes(rng: np.random.Generator, people: int) -> NDArray[np.int64]:
    """Sizes of groups (2-4) holding about ``people`` people (never more)."""
    sizes = rng.choice(GROUP_SIZES, size=people // 2 + 1, p=GROUP_SIZE_PROBABILITIES)
    kept: NDArray[np.int64] = sizes[np.cumsum(sizes) <= people].astype(np.int64)
    return kept


def _people_chunk(
    rng: np.random.Generator,
    t: PeopleTables,
    registry: PeopleRegistry,
    kind: PeopleKind,
    first_id: int,
    first_person: int,
    n: int,
    extra: int,
    today: dt.date,
) -> _PeopleChunk:
    counts: dict[str, int] = {}
    b2c = kind == "b2c"
    entity, is_copy, people = copy_clusters(rng, n, extra)

    # Homes (b2c) or establishments (b2b): the first ones hold the groups of 2-4 people.
    sizes = _group_sizes(rng, round(people * GROUPED_SHARE[kind]))
    groups_, grouped_people = int(sizes.size), int(sizes.sum())
    singles = people - grouped_people
    home = np.concatenate([np.repeat(np.arange(groups_), sizes), groups_ + np.arange(singles)])
    first_member = np.cumsum(sizes) - sizes
    role = np.zeros(people, dtype=np.int64)
    role[:grouped_people] = np.arange(grouped_people) - np.repeat(first_member, sizes)
    grouped = home < groups_
    group_of = np.where(grouped, home, -1)
    homes = draw_homes(rng, t, groups_ + singles, kind)
    counts["grouped_people"] = grouped_people
    counts["groups"] = groups_

    # People.
    maiden = np.full(people, -1, dtype=np.int64)
    twins = np.full(people, -1, dtype=np.int64)
    birth = np.zeros(people, dtype=np.int64)
    if b2c:
        female = rng.random(people) < 0.52
        head = np.repeat(first_member, sizes)
        is_head, is_partner = grouped & (role == 0), grouped & (role == 1)
        female[is_head] = rng.random(int(is_head.sum())) < 0.10
        female[is_partner] = ~female[head[role[:grouped_people] == 1]] ^ (
            rng.random(int(is_partner.sum())) < 0.05
        )
        year = t.birth_year[choice(rng, people, t.p_birth_year)]
        head_year = rng.integers(1935, 1981, groups_)
        partner_year = np.clip(head_year + rng.integers(-6, 7, groups_), BIRTH_YEARS[0], 1986)
        parents = np.repeat(np.maximum(head_year, partner_year), sizes)
        year[:grouped_people] = np.select(
            [role[:grouped_people] == 0, role[:grouped_people] == 1],
            [np.repeat(head_year, sizes), np.repeat(partner_year, sizes)],
            np.minimum(parents + rng.integers(20, 36, grouped_people), BIRTH_YEARS[1]),
        )
        birth = birth_days(rng, year)
        # twins: the two children of some 4-person households
        four = np.flatnonzero((sizes == 4) & (rng.random(groups_) < TWINS_SHARE))
        birth[first_member[four] + 3] = birth[first_member[four] + 2]
        twins[first_member[four] + 2] = twins[first_member[four] + 3] = np.arange(four.size)
        counts["twin_pairs"] = int(four.size)
        second_twin = np.zeros(people, dtype=np.bool_)
        second_twin[first_member[four] + 3] = True
        distinct_in_group(
            rng,
            group_of,
            birth,
            second_twin,
            lambda idx: birth[idx] + rng.integers(30, 400, idx.size),
        )
    else:
        female = rng.random(people) < 0.45
    fi = first_names(rng, t, female)
    distinct_in_group(
        rng, group_of, fi, np.zeros(people, np.bool_), lambda idx: first_names(rng, t, female[idx])
    )
    li = choice(rng, people, t.p_last)
    if b2c:
        li[:grouped_people] = li[head]
        born_before = birth < np.int64((dt.date(1996, 1, 1) - dt.date(1970, 1, 1)).days)
        married = female & np.where(
            grouped,
            (role == 1) & (rng.random(people) < PARTNER_MAIDEN_NAME_SHARE),
            born_before & (rng.random(people) < MAIDEN_NAME_SHARE),
        )
        idx = np.flatnonzero(married)
        maiden[idx] = choice(rng, idx.size, t.p_last)
        same = idx[maiden[idx] == li[idx]]
        maiden[same] = (maiden[same] + 1) % t.last.size
        counts["maiden_names"] = int(idx.size)

    # Namesakes: pairs of people living alone, the second renamed after the first; another
    # date of birth and another postcode.
    single_people = np.flatnonzero(~grouped)
    pairs = min(round(people * NAMESAKE_SHARE / 2), single_people.size // 2)
    chosen = (
        rng.choice(single_people, size=2 * pairs, replace=False) if pairs else single_people[:0]
    )
    a, b = chosen[:pairs], chosen[pairs:]
    female[b], fi[b], li[b] = female[a], fi[a], li[a]
    maiden[b[~female[b] | (maiden[b] == li[b])]] = -1
    namesakes = np.full(people, -1, dtype=np.int64)
    namesakes[a] = namesakes[b] = np.arange(pairs)
    counts["namesake_pairs"] = pairs
    if b2c:
        birth[b] = np.where(birth[b] == birth[a], birth[b] + rng.integers(30, 400, pairs), birth[b])
    same_city = np.flatnonzero(homes.city[home[b]] == homes.city[home[a]])
    while same_city.size:
        homes.city[home[b[same_city]]] = choice(rng, same_city.size, t.p_city)
        same_city = same_city[homes.city[home[b[same_city]]] == homes.city[home[a[same_city]]]]

    # Phones: one landline per home (b2b: switchboard), a mobile per person.
    home_has_line = np.where(
        np.arange(homes.city.size) < groups_,
        rng.random(homes.city.size) < (1.0 if b2c else LANDLINE_SHARE[kind]),
        rng.random(homes.city.size) < LANDLINE_SHARE[kind],
    )
    line_homes = np.flatnonzero(home_has_line)
    landline_of_home = np.zeros(homes.city.size, dtype=np.int64)
    landline_of_home[line_homes], registry.phones = unique_numbers(
        rng, registry.phones, t.zone[homes.city[line_homes]], 100_000_000
    )
    landline = landline_of_home[home]
    has_mobile = np.flatnonzero(rng.random(people) < MOBILE_SHARE[kind])
    mobile = np.zeros(people, dtype=np.int64)
    mobile[has_mobile], registry.phones = unique_numbers(
        rng,
        registry.phones,
        np.where(rng.random(has_mobile.size) < 0.65, 6, 7).astype(np.int64),
        100_000_000,
    )
    phone_format = choice(rng, people, t.p_format)

    # Companies (b2b): one per establishment, some establishments of a company already there.
    company = np.arange(homes.city.size)
    if not b2c:
        other = np.flatnonzero(rng.random(company.size) < OTHER_ESTABLISHMENT_SHARE)
        other = other[other > 0]
        company[other] = (rng.random(other.size) * other).astype(np.int64)  # an earlier one
        company = company[company]  # earlier ones may point further back: one hop suffices
        companies = company.size
        base = company_names(rng, t, homes.city)
        form = np.where(
            rng.random(companies) < NO_LEGAL_FORM_SHARE,
            -1,
            choice(rng, companies, t.p_legal_form),
        )
        dotted = rng.random(companies) < 0.10
        prefix = rng.random(companies) < 0.25
        caps = rng.random(companies) < 0.20
        domain = concat(slug(base), np.where(rng.random(companies) < 0.7, ".fr", ".com"))
        payload, registry.sirens = unique_numbers(
            rng, registry.sirens, rng.integers(3, 10, companies).astype(np.int64), 10_000_000
        )
        siren = payload * 10 + luhn_digit(payload)
        nic = rng.integers(1, 100, homes.city.size).astype(np.int64)
        distinct_in_group(
            rng,
            company,
            nic,
            np.zeros(company.size, np.bool_),
            lambda idx: rng.integers(100, 1000, idx.size),
        )

    # E-mails.
    if b2c:
        emails = draw_emails(rng, t, registry, fi, li)
        family = np.flatnonzero(rng.random(groups_) < FAMILY_EMAIL_SHARE)
        pattern = choice(rng, family.size, t.p_family_pattern)
        family_email: StrArray = np.zeros(family.size, dtype=StringDType())
        head_i, partner_i = first_member[family], first_member[family] + 1
        for k, (name, _) in enumerate(FAMILY_EMAIL_PATTERNS):
            idx = np.flatnonzero(pattern == k)
            pieces = {
                "n": t.last_slug[li[head_i[idx]]],
                "p": t.first_slug[fi[head_i[idx]]],
                "q": t.first_slug[fi[partner_i[idx]]],
            }
            family_email[idx] = concat(*pattern_tokens(name, pieces))
        family_email = concat(family_email, t.domain[choice(rng, family.size, t.p_domain)])
        redraw = concat("famille.", t.last_slug[li[head_i]])
        family_email = unique_emails(rng, registry, family_email, redraw)
        email_of_group = np.zeros(groups_, dtype=StringDType())
        email_of_group[family] = family_email
        takes = grouped & (email_of_group[np.minimum(home, max(groups_ - 1, 0))] != "")
        takes &= (role <= 1) | (rng.random(people) < 0.5)
    else:
        webmail = rng.random(people) < WEBMAIL_SHARE_B2B
        local: StrArray = np.empty(people, dtype=StringDType())
        pattern = choice(rng, people, t.p_company_pattern)
        for k, (name, _) in enumerate(COMPANY_EMAIL_PATTERNS):
            idx = np.flatnonzero(pattern == k)
            pieces = {
                "p": t.first_slug[fi[idx]],
                "i": t.first_initial[fi[idx]],
                "n": t.last_slug[li[idx]],
            }
            local[idx] = concat(*pattern_tokens(name, pieces))
        web = np.flatnonzero(webmail)
        local[web] = local_parts(rng, t, fi[web], li[web])
        emails = concat(local, "@", domain[company[home]])
        emails[web] = concat(local[web], t.domain[choice(rng, web.size, t.p_domain)])
        emails = unique_emails(
            rng, registry, emails, concat(t.first_slug[fi], ".", t.last_slug[li])
        )
        shared = np.flatnonzero(rng.random(groups_) < FAMILY_EMAIL_SHARE)
        shared_email = concat(
            t.shared_local[rng.integers(0, t.shared_local.size, shared.size)],
            "@",
            domain[company[shared]],
        )
        shared_email = unique_emails(
            rng, registry, shared_email, concat("contact", slug(t.city[homes.city[shared]]))
        )
        email_of_group = np.zeros(groups_, dtype=StringDType())
        email_of_group[shared] = shared_email
        takes = grouped & (email_of_group[np.minimum(home, max(groups_ - 1, 0))] != "")
        takes &= rng.random(people) < 0.6
    emails[takes] = email_of_group[home[takes]]
    emails[(rng.random(people) < NO_EMAIL_SHARE) & ~takes] = ""
    civilite = np.where(female, "Mme", "M.").astype(StringDType())
    civilite[rng.random(people) < CIVILITE_BLANK_SHARE] = ""
    country = np.where(rng.random(people) < COUNTRY_BLANK_SHARE, "", "FR").astype(StringDType())
    card = np.zeros(people, dtype=StringDType())
    if b2c:
        has_card = np.flatnonzero(rng.random(people) < LOYALTY_CARD_SHARE)
        serial = ((first_person + has_card) * 7_919_993 + 1_234_567) % 10**11
        card[has_card] = concat(
            "29", np.strings.slice((serial + 10**11).astype(StringDType()), 1, None)
        )

    # Rows, from their person.
    r_fi, r_li, r_maiden = fi[entity], li[entity], maiden[entity]
    first, last = t.first[r_fi], t.last[r_li]
    maiden_name = np.where(r_maiden >= 0, t.last[np.maximum(r_maiden, 0)], "").astype(StringDType())
    address = homes.take(home[entity])
    r_landline, r_mobile = landline[entity], mobile[entity]
    fmt = phone_format[entity]
    email = emails[entity]
    r_birth = birth[entity]
    if not b2c:
        r_company = company[home[entity]]
        r_form, r_dotted, r_prefix, r_caps = (
            form[r_company],
            dotted[r_company],
            prefix[r_company],
            caps[r_company],
        )
        r_nic = nic[home[entity]]

    # Variations of the copies.
    cp = np.flatnonzero(is_copy)
    c = cp.size
    gmail = np.strings.endswith(email[cp], "@gmail.com")
    applies = {
        "nickname": t.nickname.count[r_fi[cp]] > 0,
        "maiden_name": r_maiden[cp] >= 0,
        "email": email[cp] != "",
        "phone_format": (r_landline[cp] > 0) | (r_mobile[cp] > 0),
        "phones_swapped": (r_landline[cp] > 0) | (r_mobile[cp] > 0),
    }
    matrix = np.stack(
        [
            applies.get(name, np.ones(c, np.bool_)) & (kind in kinds)
            for name, _, kinds in PEOPLE_VARIATIONS
        ],
        axis=1,
    ).reshape(c, len(PEOPLE_VARIATIONS))
    how_many = rng.choice((1, 2, 3), size=c, p=VARIATIONS_PER_COPY_PROBABILITIES).astype(np.int64)
    chosen = pick_weighted(rng, [w for _, w, _ in PEOPLE_VARIATIONS], matrix, how_many)
    var = {name: cp[chosen[:, k]] for k, (name, _, _) in enumerate(PEOPLE_VARIATIONS)}
    for name, _, kinds in PEOPLE_VARIATIONS:
        if kind in kinds and name not in PEOPLE_SUB_VARIATIONS:
            counts[f"copy_{name}"] = int(var[name].size)

    # names: maiden name, nickname, phonetic misspelling, typos, swap
    idx = var["maiden_name"]
    last[idx], maiden_name[idx] = maiden_name[idx], ""
    idx = var["nickname"]
    first[idx] = t.nickname.pick(rng, r_fi[idx])
    idx = var["phonetic"]
    on_first = (rng.random(idx.size) < 0.3) & ~np.isin(idx, var["nickname"])
    on_first &= t.first_phonetic.count[r_fi[idx]] > 0
    on_last = ~on_first & (t.last_phonetic.count[r_li[idx]] > 0)
    in_maiden = np.isin(idx, var["maiden_name"])
    rows_ = idx[on_first]
    first[rows_] = t.first_phonetic.pick(rng, r_fi[rows_])
    rows_ = idx[on_last & ~in_maiden]
    last[rows_] = t.last_phonetic.pick(rng, r_li[rows_])
    rows_ = idx[~on_first & in_maiden]
    rows_ = rows_[t.last_phonetic.count[r_maiden[rows_]] > 0]
    last[rows_] = t.last_phonetic.pick(rng, r_maiden[rows_])
    counts["copy_phonetic"] = int(on_first.sum() + (on_last & ~in_maiden).sum() + rows_.size)
    idx = var["typo_first_name"]
    first[idx] = typos(rng, t, first[idx])
    idx = var["typo_last_name"]
    last[idx] = typos(rng, t, last[idx])
    idx = var["names_swapped"]
    first[idx], last[idx] = last[idx], first[idx]

    # date of birth
    year_, month_, day_ = ymd(r_birth)
    if b2c:
        idx = var["date_of_birth"]
        y, m, d = year_[idx], month_[idx], day_[idx]
        yy = y % 100
        year_swap = y - yy + (yy % 10) * 10 + yy // 10
        year_digits = (yy // 10 != yy % 10) & (year_swap >= 1900) & (year_swap <= 2010)
        day_swap = (d % 10) * 10 + d // 10
        day_digits = (d // 10 != d % 10) & (day_swap >= 1) & (day_swap <= 28)
        sub = sub_variation(
            rng,
            counts,
            "date_of_birth",
            idx,
            {"day_month": (d <= 12) & (m <= 12) & (d != m), "digits": year_digits | day_digits},
        )
        rows_ = sub["day_month"]
        day_[rows_], month_[rows_] = month_[rows_], day_[rows_]
        rows_ = sub["year"]
        year_[rows_] += np.where(rng.random(rows_.size) < 0.5, -1, 1)
        rows_ = sub["digits"]
        pos = np.searchsorted(idx, rows_)
        use_year = year_digits[pos] & (~day_digits[pos] | (rng.random(rows_.size) < 0.5))
        year_[rows_[use_year]] = year_swap[pos[use_year]]
        day_[rows_[~use_year]] = day_swap[pos[~use_year]]

    # address
    idx = var["address"]
    sub = sub_variation(rng, counts, "address", idx, {})
    rows_ = sub["abbreviation"]
    saint = t.has_saint[address.street[rows_]] & (rng.random(rows_.size) < 0.5)
    address.saint_short[rows_[saint]] = ~address.saint_short[rows_[saint]]
    address.type_short[rows_[~saint]] = ~address.type_short[rows_[~saint]]
    rows_ = sub["case"]
    address.caps[rows_] = ~address.caps[rows_]
    rows_ = sub["number"]
    restyle = (address.suffix[rows_] > 0) & (rng.random(rows_.size) < 0.5)
    style = address.suffix_style[rows_[restyle]]
    address.suffix_style[rows_[restyle]] = (style + rng.integers(1, 4, style.size)) % 4
    move = rows_[~restyle]
    address.placement[move] = np.where(
        address.placement[move] == 0,
        1,
        np.where(address.placement[move] == 1, 0, rng.integers(0, 2, move.size)),
    )
    moved = sub["moved"]
    new = draw_homes(rng, t, moved.size, kind)
    again = np.flatnonzero(new.city == address.city[moved])
    while again.size:
        new.city[again] = choice(rng, again.size, t.p_city)
        again = again[new.city[again] == address.city[moved[again]]]
    address.put(moved, new)
    had_line = moved[r_landline[moved] > 0]
    keep = had_line[rng.random(had_line.size) < 0.5]
    r_landline[had_line] = 0
    r_landline[keep], registry.phones = unique_numbers(
        rng, registry.phones, t.zone[address.city[keep]], 100_000_000
    )
    if not b2c:
        r_nic[moved] = (r_nic[moved] + rng.integers(1, 900, moved.size)) % 1000 + 1

    # e-mail
    idx = var["email"]
    sub = sub_variation(rng, counts, "email", idx, {"gmail_dots": gmail[np.searchsorted(cp, idx)]})
    rows_ = sub["case"]
    title = rng.random(rows_.size) < 0.7
    email[rows_[title]] = np.strings.title(email[rows_[title]])
    email[rows_[~title]] = np.strings.upper(email[rows_[~title]])
    rows_ = sub["gmail_dots"]
    at = np.strings.find(email[rows_], "@")
    local, rest = np.strings.slice(email[rows_], 0, at), np.strings.slice(email[rows_], at, None)
    dots = np.strings.find(local, ".") >= 0
    cut = 1 + (rng.random(rows_.size) * np.maximum(at - 1, 1)).astype(np.int64)
    email[rows_] = np.where(
        dots,
        concat(np.strings.replace(local, ".", ""), rest),
        concat(np.strings.slice(local, 0, cut), ".", np.strings.slice(local, cut, None), rest),
    )
    rows_ = sub["provider"]
    at = np.strings.find(email[rows_], "@")
    current = np.strings.slice(email[rows_], at + 1, None)
    domain_k = choice(rng, rows_.size, t.p_domain)
    clash = np.flatnonzero(t.domain_name[domain_k] == current)
    domain_k[clash] = (domain_k[clash] + rng.integers(1, t.domain.size, clash.size)) % t.domain.size
    email[rows_] = concat(np.strings.slice(email[rows_], 0, at), t.domain[domain_k])
    email[sub["blank"]] = ""

    # phones
    idx = var["phone_format"]
    fmt[idx] = (fmt[idx] + rng.integers(1, len(PHONE_FORMATS), idx.size)) % len(PHONE_FORMATS)
    idx = var["phones_swapped"]
    r_landline[idx], r_mobile[idx] = r_mobile[idx], r_landline[idx]

    # company
    if not b2c:
        idx = var["company_name"]
        sub = sub_variation(rng, counts, "company_name", idx, {})
        rows_ = sub["legal_form"]
        none = r_form[rows_] < 0
        r_form[rows_[none]] = choice(rng, int(none.sum()), t.p_legal_form)
        some = rows_[~none]
        how = rng.integers(0, 3, some.size)
        r_form[some[how == 0]] = -1
        r_dotted[some[how == 1]] = ~r_dotted[some[how == 1]]
        r_prefix[some[how == 2]] = ~r_prefix[some[how == 2]]
        company_case = sub["case"]
        idx = var["siret"]
        idx = idx[~np.isin(idx, moved)]  # a moved contact has a new SIRET already
        counts["copy_siret"] = int(idx.size)
        r_nic[idx] = (r_nic[idx] + rng.integers(1, 900, idx.size)) % 1000 + 1

    # Rendering.
    upper = np.flatnonzero(rng.random(n) < UPPERCASE_LAST_NAME_SHARE)
    last[upper] = np.strings.upper(last[upper])
    numero, adresse = render_address(t, address)
    has_line, has_mobile_ = np.flatnonzero(r_landline > 0), np.flatnonzero(r_mobile > 0)
    telephone = np.zeros(n, dtype=StringDType())
    telephone[has_line] = format_phones(t, r_landline[has_line], fmt[has_line])
    mobile_s = np.zeros(n, dtype=StringDType())
    mobile_s[has_mobile_] = format_phones(t, r_mobile[has_mobile_], fmt[has_mobile_])
    days = rng.integers(0, YEARS_OF_DATES * 365, n).astype("timedelta64[D]")
    order = fr_dates(
        string_array(np.datetime_as_string(np.datetime64(today, "D") - days, unit="D"))
    )
    order[rng.random(n) < ORDER_DATE_BLANK_SHARE] = ""
    optin = np.where(rng.random(n) < OPT_IN_SHARE, "1", "0").astype(StringDType())
    npai = np.where(rng.random(n) < NPAI_SHARE, "1", "0").astype(StringDType())
    values: dict[str, StrArray] = {
        "id_client": np.arange(first_id, first_id + n).astype(StringDType()),
        "civilite": civilite[entity],
        "prenom": first,
        "nom": last,
        "numero": numero,
        "adresse": adresse,
        "complement": address.complement,
        "code_postal": t.postcode[address.city],
        "ville": t.city[address.city],
        "pays": country[entity],
        "email": email,
        "telephone": telephone,
        "mobile": mobile_s,
        "date_derniere_commande": order,
        "optin_email": optin,
        "npai": npai,
    }
    if b2c:
        values["nom_naissance"] = maiden_name
        values["date_naissance"] = concat(
            t.pairs[day_], "/", t.pairs[month_], "/", year_.astype(StringDType())
        )
        values["carte_fidelite"] = card[entity]
    else:
        name_ = base[r_company]
        name_[r_caps] = np.strings.upper(name_[r_caps])
        form_s = np.where(
            r_dotted,
            t.legal_form_dotted[np.maximum(r_form, 0)],
            t.legal_form[np.maximum(r_form, 0)],
        )
        form_s = form_s.astype(StringDType())
        raison = np.where(
            r_form < 0,
            name_,
            np.where(r_prefix, concat(form_s, " ", name_), concat(name_, " ", form_s)),
        ).astype(StringDType())
        how = rng.random(company_case.size) < 0.7
        raison[company_case[how]] = np.where(
            r_caps[company_case[how]],
            np.strings.lower(raison[company_case[how]]),
            np.strings.upper(raison[company_case[how]]),
        )
        raison[company_case[~how]] = np.strings.lower(raison[company_case[~how]])
        r_siren = siren[r_company]
        values["raison_sociale"] = raison
        values["siret"] = siret(r_siren, r_nic).astype(StringDType())
        values["tva_intra"] = concat("FR", t.pairs[tva_key(r_siren)], r_siren.astype(StringDType()))

    # One field blanked (last, so that nothing fills it again).
    idx = var["missing_value"]
    names = MISSING_FIELDS[kind]
    filled = np.stack([values[f][idx] != "" for f in names], axis=1).reshape(idx.size, len(names))
    which = pick_weighted(rng, [1.0] * len(names), filled, np.ones(idx.size, dtype=np.int64))
    for k, f in enumerate(names):
        values[f][idx[which[:, k]]] = ""
    if not b2c:
        siret_blank = idx[which[:, names.index("siret")]]
        values["tva_intra"][siret_blank] = ""

    groups = {
        ("household" if b2c else "colleagues"): (group_of[entity], groups_),
        "namesakes": (namesakes[entity], pairs),
    }
    if b2c:
        groups["twins"] = (twins[entity], counts["twin_pairs"])
    columns = [values[name] for name in PEOPLE_COLUMNS[kind]]
    return _PeopleChunk(columns, entity, is_copy, people, counts, groups)

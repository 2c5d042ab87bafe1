"""The synthetic people files (crmwb.customer_file.synthetic_people.write_people_file): French Excel
exports of people (b2c) or company contacts (b2b) with known duplicates, each copy changed in known
ways, and known look-alikes that are not duplicates (households, colleagues, namesakes, twins).

The variations are measured from the file itself: every copy is compared with its original
(the row of the same entity that is not a copy, through the Truth), with detectors written
here, independently of the generator's code."""

from __future__ import annotations

import datetime as dt
import hashlib
import math
import re
import subprocess
import sys
import textwrap
import unicodedata
from collections import defaultdict
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path

import numpy as np
import pytest

from crmwb.core.errors import InputError
from crmwb.customer_file.synthetic_customers import write_customer_file
from crmwb.customer_file.synthetic_files import Truth
from crmwb.customer_file.synthetic_people import write_people_file
from crmwb.customer_file.synthetic_tables import CITIES
from crmwb.customer_file.synthetic_variants import NICKNAMES

TODAY = dt.date(2026, 11, 1)
Row = dict[str, str]

B2C_COLUMNS = (
    "id_client;civilite;prenom;nom;nom_naissance;date_naissance;numero;adresse;complement;"
    "code_postal;ville;pays;email;telephone;mobile;carte_fidelite;date_derniere_commande;"
    "optin_email;npai"
).split(";")
B2B_COLUMNS = (
    "id_client;civilite;prenom;nom;numero;adresse;complement;code_postal;ville;pays;email;"
    "telephone;mobile;raison_sociale;siret;tva_intra;date_derniere_commande;optin_email;npai"
).split(";")


def read(path: Path) -> tuple[list[str], list[Row]]:
    text = path.read_bytes().decode("cp1252")
    lines = text.split("\r\n")
    assert lines[-1] == ""
    header = lines[0].split(";")
    rows = [dict(zip(header, line.split(";"), strict=True)) for line in lines[1:-1]]
    return header, rows


@cache
def generated(kind: str, rows: int, seed: int = 0) -> tuple[Path, Truth, list[Row]]:
    """One file per (kind, rows, seed) for the whole module (in the system's temporary
    folder, removed at the end)."""
    path = _folder() / f"{kind}_{rows}_{seed}.csv"
    truth = write_people_file(path, rows, seed=seed, kind=kind, today=TODAY)  # type: ignore[arg-type]
    return path, truth, read(path)[1]


_FOLDER: list[Path] = []


def _folder() -> Path:
    return _FOLDER[0]


@pytest.fixture(scope="module", autouse=True)
def folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    _FOLDER.append(tmp_path_factory.mktemp("people"))
    yield
    _FOLDER.clear()
    generated.cache_clear()


def originals_and_copies(truth: Truth, rows: list[Row]) -> list[tuple[Row, Row]]:
    """(original, copy) for every copy."""
    original = {
        int(e): rows[i] for i, e in enumerate(truth.entity.tolist()) if not truth.is_copy[i]
    }
    return [
        (original[int(truth.entity[i])], rows[i]) for i in np.flatnonzero(truth.is_copy).tolist()
    ]


# --- independent detectors -------------------------------------------------------------------


def strip_accents(s: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", s) if unicodedata.category(c) != "Mn")


def osa(a: str, b: str) -> int:
    """Optimal string alignment distance (edits: insertion, deletion, substitution,
    transposition of adjacent letters)."""
    d = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i][0] = i
    for j in range(len(b) + 1):
        d[0][j] = j
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[len(a)][len(b)]


def sounds(name: str) -> str:
    """A rough French phonetic key: the spellings that sound alike give the same key."""
    s = strip_accents(name.casefold().replace("ç", "s"))
    s = re.sub(r"c(?=[eiy])", "s", s)
    for old, new in (("ph", "f"), ("th", "t"), ("ck", "k"), ("y", "i")):
        s = s.replace(old, new)
    s = re.sub(r"eaux?$", "o", s)
    s = s.replace("au", "o")
    s = re.sub(r"(olt|ot|od)$", "o", s)
    s = re.sub(r"c$", "k", s)
    s = re.sub(r"(?<!e)an(?=[^aeiouny]|$)", "en", s)
    s = re.sub(r"(.)\1", r"\1", s)
    s = re.sub(r"ah$", "a", s)
    s = re.sub(r"e+$", "", s)
    s = re.sub(r"(?<=[aeiou])[sx]$", "", s)
    s = re.sub(r"e+$", "", s)
    return s


def changes(now: str, before: str) -> set[str] | None:
    """How a name was changed: nothing (empty), a phonetic misspelling, a typo (one edit),
    both, or None if none of these explains it."""
    if now == before:
        return set()
    if sounds(now) == sounds(before):
        return {"phonetic"}
    if osa(now, before) == 1:
        return {"typo"}
    if osa(now, before) == 2 and osa(sounds(now), sounds(before)) == 1:
        return {"phonetic", "typo"}
    return None


def nickname_forms(first: str) -> set[str]:
    forms = {f.casefold() for f in NICKNAMES.get(first, ())}
    if "-" in first:
        a, b = first.split("-", 1)
        forms |= {f"{a} {b}", f"{a[0]}.-{b[0]}.", f"{a[0]}{b[0]}", a}
    return {f.casefold() for f in forms}


def digits(phone: str) -> str:
    d = re.sub(r"\D", "", phone)
    if d.startswith("0033"):
        return "0" + d[4:]
    if d.startswith("33") and len(d) == 11:
        return "0" + d[2:]
    return d


STREET_ABBREVIATIONS = {
    "r": "rue",
    "av": "avenue",
    "bd": "boulevard",
    "pl": "place",
    "che": "chemin",
    "all": "allée",
    "imp": "impasse",
    "rte": "route",
}


def street(line: str) -> str:
    """The street line without its number, abbreviations expanded, lower case."""
    s = re.sub(r"^\d+\s*(bis|ter|b|t)?\s+", "", line.casefold())
    s = re.sub(r"\bst-", "saint-", re.sub(r"\bste-", "sainte-", s))
    first, _, rest = s.partition(" ")
    return f"{STREET_ABBREVIATIONS.get(first, first)} {rest}"


def line_number(line: str) -> str:
    """The number at the start of a street line, with its bis/ter as written."""
    found = re.match(r"\d+\s*(bis|ter|b|t)?(?=\s)", line.casefold())
    return found.group(0) if found else ""


def street_number(row: Row) -> str:
    """The number's digits, from ``numero`` or the street line (bis/ter ignored)."""
    found = re.match(r"\d+", row["numero"]) or re.match(r"\d+", row["adresse"])
    return found.group(0) if found else ""


def legal_form_free(name: str) -> str:
    words = name.casefold().replace(".", "").split()
    return " ".join(w for w in words if w not in {"sas", "sarl", "sa", "eurl", "sasu"})


def dmy(date: str) -> tuple[int, int, int] | None:
    found = re.fullmatch(r"(\d\d)/(\d\d)/(\d{4})", date)
    return (int(found[1]), int(found[2]), int(found[3])) if found else None


def one_transposition(a: str, b: str) -> bool:
    diff = [i for i in range(len(a)) if len(a) == len(b) and a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]


def variations(original: Row, copy: Row) -> set[str]:
    """The variations seen on ``copy`` against ``original``."""
    o = {k: v.casefold() for k, v in original.items()}
    c = {k: v.casefold() for k, v in copy.items()}
    seen: set[str] = set()

    # names
    swapped = bool(c["prenom"] and c["nom"]) and osa(c["prenom"], o["nom"]) + osa(
        c["nom"], o["prenom"]
    ) < osa(c["prenom"], o["prenom"]) + osa(c["nom"], o["nom"])
    first, last = (c["nom"], c["prenom"]) if swapped else (c["prenom"], c["nom"])
    if swapped:
        seen.add("names_swapped")
    found = changes(last, o["nom"])
    maiden = o.get("nom_naissance", "")
    if found is None and maiden and (from_maiden := changes(last, maiden)) is not None:
        found = from_maiden | {"maiden_name"}
    seen |= {"typo_last_name" if f == "typo" else f for f in found or ()}
    forms = nickname_forms(original["prenom"])
    found = {"nickname"} if first in forms else changes(first, o["prenom"])
    for form in forms:
        if found is None and (from_nickname := changes(first, form)) is not None:
            found = from_nickname | {"nickname"}
    seen |= {"typo_first_name" if f == "typo" else f for f in found or ()}

    # date of birth
    if (
        "date_naissance" in o
        and (born := dmy(o["date_naissance"]))
        and (now := dmy(c["date_naissance"]))
    ):
        if now == (born[1], born[0], born[2]) and born[0] != born[1]:
            seen.add("date_of_birth_day_month")
        elif now[:2] == born[:2] and abs(now[2] - born[2]) == 1:
            seen.add("date_of_birth_year")
        elif one_transposition(o["date_naissance"], c["date_naissance"]):
            seen.add("date_of_birth_digits")

    # address
    moved = (c["code_postal"] and o["code_postal"] and c["code_postal"] != o["code_postal"]) or (
        c["ville"] and o["ville"] and c["ville"] != o["ville"]
    )
    same_number = c["numero"] == o["numero"] and line_number(c["adresse"]) == line_number(
        o["adresse"]
    )
    if moved:
        seen.add("address_moved")
    elif same_number and copy["adresse"] != original["adresse"]:
        if c["adresse"] == o["adresse"]:
            seen.add("address_case")
        elif street(c["adresse"]) == street(o["adresse"]):
            seen.add("address_abbreviation")
    elif not same_number and street_number(c) == street_number(o):
        if street(c["adresse"]) == street(o["adresse"]):
            seen.add("address_number")

    # e-mail
    if o["email"] and not c["email"]:
        seen.add("email_blank")
    elif copy["email"] != original["email"] and c["email"] == o["email"]:
        seen.add("email_case")
    elif c["email"] and o["email"] and c["email"] != o["email"]:
        local_c, _, domain_c = c["email"].partition("@")
        local_o, _, domain_o = o["email"].partition("@")
        if domain_c == domain_o == "gmail.com" and local_c.replace(".", "") == local_o.replace(
            ".", ""
        ):
            seen.add("email_gmail_dots")
        elif local_c == local_o and domain_c != domain_o:
            seen.add("email_provider")

    # phones
    ct, cm = digits(copy["telephone"]), digits(copy["mobile"])
    ot, om = digits(original["telephone"]), digits(original["mobile"])
    pairs = [(copy["telephone"], original["telephone"]), (copy["mobile"], original["mobile"])]
    if (ct and ct == om) or (cm and cm == ot):
        seen.add("phones_swapped")
        pairs = [(copy["mobile"], original["telephone"]), (copy["telephone"], original["mobile"])]
    if any(a and digits(a) == digits(b) and a != b for a, b in pairs):
        seen.add("phone_format")

    # one field blanked
    fields = (
        ("civilite", "prenom", "date_naissance", "code_postal", "ville", "carte_fidelite")
        if "date_naissance" in o
        else ("civilite", "prenom", "code_postal", "ville", "raison_sociale", "siret")
    )
    if any(o[f] and not c[f] for f in fields):
        seen.add("missing_value")

    # company
    if "siret" in o:
        if (
            copy["raison_sociale"] != original["raison_sociale"]
            and c["raison_sociale"] == o["raison_sociale"]
        ):
            seen.add("company_name_case")
        elif (
            c["raison_sociale"]
            and c["raison_sociale"] != o["raison_sociale"]
            and (legal_form_free(c["raison_sociale"]) == legal_form_free(o["raison_sociale"]))
        ):
            seen.add("company_name_legal_form")
        if (
            not moved
            and c["siret"]
            and c["siret"][:9] == o["siret"][:9] != ""
            and c["siret"] != o["siret"]
        ):
            seen.add("siret")
    return seen


def documented_shares(kind: str) -> dict[str, float]:
    """The share of the copies given each variation, as write_people_file's docstring states
    it: "``name`` b2c % (b2b %)", or "``name`` % " for a variation of one kind only."""
    text = " ".join((write_people_file.__doc__ or "").split())
    shares: dict[str, float] = {}
    for name, b2c, b2b in re.findall(
        r"``(\w+)`` (\d+(?:\.\d+)?) %(?: \((\d+(?:\.\d+)?) %\))?", text
    ):
        shares[name] = float(b2b if kind == "b2b" and b2b else b2c) / 100
    return shares


def luhn(number: str) -> bool:
    total = 0
    for k, ch in enumerate(reversed(number)):
        d = int(ch) * (2 if k % 2 else 1)
        total += d - 9 if d > 9 else d
    return total % 10 == 0


def address_key(row: Row) -> tuple[str, str, str]:
    return (street_number(row), street(row["adresse"]), row["code_postal"])


# --- the file --------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["b2c", "b2b"])
def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, kind: str) -> None:
    a, b, c = tmp_path / "a.csv", tmp_path / "b.csv", tmp_path / "c.csv"
    ta = write_people_file(a, 3_000, seed=3, kind=kind, today=TODAY)  # type: ignore[arg-type]
    tb = write_people_file(b, 3_000, seed=3, kind=kind, today=TODAY)  # type: ignore[arg-type]
    write_people_file(c, 3_000, seed=4, kind=kind, today=TODAY)  # type: ignore[arg-type]
    assert a.read_bytes() == b.read_bytes() != c.read_bytes()
    assert np.array_equal(ta.entity, tb.entity) and dict(ta.counts) == dict(tb.counts)
    for name, group in ta.groups.items():
        assert np.array_equal(group, tb.groups[name])


@pytest.mark.parametrize(("kind", "columns"), [("b2c", B2C_COLUMNS), ("b2b", B2B_COLUMNS)])
def test_a_french_excel_export_with_the_columns_of_its_kind(kind: str, columns: list[str]) -> None:
    path, truth, rows = generated(kind, 20_000)
    raw = path.read_bytes()
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")  # accents in cp1252
    text = raw.decode("cp1252")
    assert text.count("\r\n") == 20_001 and text.count("\n") == 20_001 and "é" in text
    header, _ = read(path)
    assert header == columns
    assert [int(r["id_client"]) for r in rows] == truth.record_id.tolist()
    cities = {(postcode, city) for city, postcode, _, _ in CITIES}
    dates = ["date_derniere_commande"] + (["date_naissance"] if kind == "b2c" else [])
    for row in rows:
        assert row["civilite"] in {"M.", "Mme", ""} and row["pays"] in {"FR", ""}
        assert row["optin_email"] in {"0", "1"} and row["npai"] in {"0", "1"}
        place = (row["code_postal"], row["ville"])
        assert place in cities or "" in place, place
        for column in dates:
            assert re.fullmatch(r"\d\d/\d\d/\d{4}|", row[column]), row[column]
        assert re.fullmatch(r"(\d+( bis| ter|bis|ter|B|T)?)?", row["numero"]), row["numero"]
    originals = [row for row, copy in zip(rows, truth.is_copy.tolist(), strict=True) if not copy]
    # an e-mail or a phone number several people give is their household's (b2b: their
    # establishment's): each person's own are unique in the file
    group = truth.groups["household" if kind == "b2c" else "colleagues"].tolist()
    for column, normal in (("email", str.lower), ("telephone", digits), ("mobile", digits)):
        holders: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for i, row in enumerate(rows):
            if row[column] and not truth.is_copy[i]:
                holders[normal(row[column])].add((group[i], int(truth.entity[i])))
        for value, people in holders.items():
            assert len(people) == 1 or len({g for g, _ in people} - {-1}) == 1 == len(
                {g for g, _ in people}
            ), (column, value, people)
    last: dict[str, int] = defaultdict(int)
    for row in originals:
        last[row["nom"].casefold()] += 1
    assert "martin" in sorted(last, key=last.__getitem__)[-3:]  # Zipf-like: the most common
    if kind == "b2c":
        years = [int(r["date_naissance"][-4:]) for r in originals]
        assert min(years) >= 1930 and max(years) <= 2008
        assert 0.08 < sum(bool(r["nom_naissance"]) for r in originals) / len(originals) < 0.16
    else:
        assert all(re.fullmatch(r"\d{14}|", r["siret"]) for r in rows)


def test_every_siret_and_siren_is_luhn_valid_and_every_vat_key_is_right() -> None:
    _, _, rows = generated("b2b", 20_000)
    sirets = [r for r in rows if r["siret"]]
    assert len(sirets) > 19_000
    for row in sirets:
        siret, siren = row["siret"], row["siret"][:9]
        assert len(siret) == 14 and luhn(siret) and luhn(siren), siret
        key = (12 + 3 * (int(siren) % 97)) % 97
        assert row["tva_intra"] == f"FR{key:02d}{siren}", row
    assert all(not r["tva_intra"] for r in rows if not r["siret"])  # blanked together
    assert len({r["siret"][:9] for r in sirets}) < len({r["siret"] for r in sirets})


@pytest.mark.parametrize("kind", ["b2c", "b2b"])
@pytest.mark.parametrize("rate", [0.10, 0.25, 0.0])
def test_the_duplicate_rate_is_the_requested_one(tmp_path: Path, kind: str, rate: float) -> None:
    truth = write_people_file(
        tmp_path / "p.csv",
        20_000,
        kind=kind,  # type: ignore[arg-type]
        duplicate_rate=rate,
        today=TODAY,
    )
    assert abs(truth.duplicate_rate - rate) <= 0.01
    assert int(truth.is_copy.sum()) == truth.rows - truth.entities
    assert set(truth.cluster_sizes()) <= {1, 2, 3, 4}


# --- the copies' variations ------------------------------------------------------------------

# Detection slack, as a share of the documented rate: a typo can sound like the name (Marie ->
# Mari reads as a phonetic misspelling) and two changes on one name may explain each other.
NAME_SLACK = 0.15
OTHER_SLACK = 0.05
NAME_VARIATIONS = {"typo_first_name", "typo_last_name", "phonetic", "nickname", "maiden_name"}


@pytest.mark.parametrize("kind", ["b2c", "b2b"])
def test_each_variation_is_there_at_its_documented_rate(kind: str) -> None:
    """On 50 000 rows (5 000 copies), the share of the copies showing each variation, found by
    comparing each copy with its original, is within 4 standard errors of a binomial share
    (plus 0.25 point for the docstring's rounding and the detection slack above) of the rate
    write_people_file's docstring states."""
    _, truth, rows = generated(kind, 50_000)
    pairs = originals_and_copies(truth, rows)
    seen: dict[str, int] = defaultdict(int)
    for original, copy in pairs:
        for variation in variations(original, copy):
            seen[variation] += 1
    documented = documented_shares(kind)
    generated_kinds = {k.removeprefix("copy_") for k in truth.counts if k.startswith("copy_")}
    assert generated_kinds <= set(documented), generated_kinds - set(documented)
    assert set(seen) <= generated_kinds, set(seen) - generated_kinds
    failures = []
    for name in sorted(generated_kinds):
        p = documented[name]
        slack = NAME_SLACK if name in NAME_VARIATIONS else OTHER_SLACK
        tolerance = 4 * math.sqrt(p * (1 - p) / len(pairs)) + 0.0025 + slack * p
        share = seen[name] / len(pairs)
        if abs(share - p) > tolerance:
            failures.append(f"{name}: {share:.4f} seen, {p:.4f} documented, ±{tolerance:.4f}")
    assert not failures, failures
    # each copy differs from its original in one way at least
    assert sum(1 for o, c in pairs if not variations(o, c)) < 0.01 * len(pairs)


# --- the look-alikes that are not duplicates -------------------------------------------------


def shared_by_several(
    truth: Truth, rows: list[Row], key: Callable[[Row], tuple[str, ...] | None]
) -> dict[tuple[str, ...], set[int]]:
    """The keys that several people's original rows share: key -> entities."""
    people: dict[tuple[str, ...], set[int]] = defaultdict(set)
    for row, entity, copy in zip(rows, truth.entity.tolist(), truth.is_copy.tolist(), strict=True):
        if not copy and (k := key(row)) is not None:
            people[k].add(entity)
    return {k: v for k, v in people.items() if len(v) > 1}


def landline_and_address(row: Row) -> tuple[str, ...] | None:
    return (digits(row["telephone"]), *address_key(row)) if row["telephone"] else None


def test_households_share_an_address_and_a_landline() -> None:
    """About 5 % of the people (the docstring) share their address and landline with 1 to 3
    others, with the same last name and different first names."""
    _, truth, rows = generated("b2c", 20_000)
    groups = shared_by_several(truth, rows, landline_and_address)
    in_households = sum(len(v) for v in groups.values())
    assert abs(in_households / truth.entities - 0.05) < 0.01, in_households
    assert {len(v) for v in groups.values()} == {2, 3, 4}
    original = {e: rows[i] for i, e in enumerate(truth.entity.tolist()) if not truth.is_copy[i]}
    family_emails = 0
    for entities in groups.values():
        members = [original[e] for e in entities]
        assert len({m["nom"].casefold() for m in members}) == 1
        assert len({m["prenom"] for m in members}) == len(members)
        emails = [m["email"] for m in members if m["email"]]
        family_emails += len(set(emails)) < len(emails)
    assert 0.5 < family_emails / len(groups) < 0.7  # 60 % have a shared e-mail
    # the Truth's groups are the same households
    household = truth.groups["household"]
    assert len(np.unique(household[household >= 0])) == len(groups)


def test_colleagues_share_an_establishment() -> None:
    """b2b: 20 % of the contacts share their establishment's address and SIRET with 1 to 3
    colleagues; 90 % of the establishments have a switchboard, so 18 % share a landline."""
    _, truth, rows = generated("b2b", 20_000)
    by_siret = shared_by_several(
        truth, rows, lambda r: (r["siret"], *address_key(r)) if r["siret"] else None
    )
    by_line = shared_by_several(truth, rows, landline_and_address)
    people = truth.entities
    assert abs(sum(len(v) for v in by_siret.values()) / people - 0.20) < 0.015
    assert abs(sum(len(v) for v in by_line.values()) / people - 0.18) < 0.015


def test_namesakes_have_another_birth_date_and_postcode() -> None:
    """1 % of the people are in a pair of namesakes (the Truth's ``namesakes`` groups): same
    first and last names, another date of birth and postcode."""
    _, truth, rows = generated("b2c", 20_000)
    pairs: dict[int, list[Row]] = defaultdict(list)
    for row, group, copy in zip(
        rows, truth.groups["namesakes"].tolist(), truth.is_copy.tolist(), strict=True
    ):
        if group >= 0 and not copy:
            pairs[group].append(row)
    assert abs(2 * len(pairs) / truth.entities - 0.01) < 0.002, len(pairs)
    for a, b in pairs.values():
        assert (a["prenom"], a["nom"].casefold()) == (b["prenom"], b["nom"].casefold())
        assert a["date_naissance"] != b["date_naissance"]
        assert a["code_postal"] != b["code_postal"]


def test_twins_share_a_name_an_address_and_a_birth_date() -> None:
    """About 3.5 pairs of twins per 10 000 people: same last name, address and date of birth,
    different first names; found in the file, they are the Truth's ``twins``."""
    _, truth, rows = generated("b2c", 100_000)
    twins = shared_by_several(
        truth,
        rows,
        lambda r: (r["nom"].casefold(), r["date_naissance"], *address_key(r)),
    )
    assert all(len(v) == 2 for v in twins.values())
    per_10k = len(twins) / truth.entities * 10_000
    assert 2 <= per_10k <= 5, per_10k
    group = truth.groups["twins"]
    assert len(np.unique(group[group >= 0])) == len(twins) == truth.counts["twin_pairs"]


# --- limits, arguments, the customer file ----------------------------------------------------


def peak_growth_mib(path: Path, rows: int, kind: str) -> tuple[int, int]:
    """How much the peak resident memory (VmHWM) of a fresh process grows while it writes
    ``rows`` rows; the rows written."""
    script = textwrap.dedent(
        f"""
        import datetime as dt
        import re
        from pathlib import Path
        from crmwb.customer_file.synthetic_people import write_people_file

        def peak_kib():
            # this process's own peak (ru_maxrss would keep the forking test process's)
            status = Path("/proc/self/status").read_text()
            return int(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))

        before = peak_kib()
        truth = write_people_file({str(path)!r}, {rows}, kind={kind!r}, today=dt.date(2026, 11, 1))
        print(peak_kib() - before, truth.rows)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    growth_kib, written = (int(v) for v in done.stdout.split())
    return growth_kib // 1024, written


@pytest.mark.parametrize("kind", ["b2c", "b2b"])
def test_300_000_rows_in_bounded_memory(tmp_path: Path, kind: str) -> None:
    """Writing 300 000 rows (3 chunks) grows the process's peak resident memory by less than
    300 MB (about 130 MB b2c, 155 MB b2b here), and by less than 80 MB more than writing
    100 000 rows (one chunk; about 20 MB more here, against 170 MB b2c and 210 MB b2b if the
    300 000 rows were made at once)."""
    growth, written = peak_growth_mib(tmp_path / "p.csv", 300_000, kind)
    assert written == 300_000
    assert growth < 300, growth
    one_chunk, _ = peak_growth_mib(tmp_path / "p.csv", 100_000, kind)
    assert growth - one_chunk < 80, (growth, one_chunk)


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(InputError) as caught:
        write_people_file(_folder() / "x.csv", 10, kind="b2x")  # type: ignore[arg-type]
    assert caught.value.message("en") == "one of 'b2c', 'b2b' for 'kind'; found 'b2x'"
    with pytest.raises(InputError) as caught:
        write_people_file(_folder() / "x.csv", -1)
    assert "rows" in caught.value.message("en")
    with pytest.raises(InputError) as caught:
        write_people_file(_folder() / "x.csv", 10, duplicate_rate=0.6)
    assert "duplicate rate" in caught.value.message("en")


def test_the_truth_keeps_its_groups_when_saved(tmp_path: Path) -> None:
    _, truth, _ = generated("b2c", 20_000)
    loaded = Truth.load(truth.save(tmp_path / "t.truth.npz"))
    assert set(loaded.groups) == {"household", "namesakes", "twins"}
    for name, group in truth.groups.items():
        assert np.array_equal(loaded.groups[name], group)
    assert np.array_equal(loaded.entity, truth.entity)


# sha256 of write_customer_file(path, 2_000, seed=0, today=dt.date(2026, 11, 1)), computed with
# crmwb/synthetic.py as it was before write_people_file was added (commit 4126143): adding the
# people files must not change a byte of the customer files.
CUSTOMER_FILE_SHA256 = "5f573c0a18e739a51518b1df86724dcd97a04f6b8a7c44aa212f02db407e24d6"


def test_write_customer_file_is_unchanged(tmp_path: Path) -> None:
    path = tmp_path / "c.csv"
    write_customer_file(path, 2_000, seed=0, today=TODAY)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == CUSTOMER_FILE_SHA256

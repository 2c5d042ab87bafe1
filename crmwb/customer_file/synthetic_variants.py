"""How a synthetic copy differs from its original: how many copies a duplicated person gets
(:func:`copy_clusters`), which variations each copy gets (:func:`pick_weighted`,
:data:`PEOPLE_VARIATIONS`, :func:`sub_variation`), and the makers of variants: a typo
(:func:`typos`), a short form of a first name (:data:`NICKNAMES`, :func:`nicknames`), a
misspelling that sounds the same (:data:`PHONETIC_RULES`, :func:`phonetic_variants`), Saint
written St (:func:`saint_abbreviated`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from types import MappingProxyType

import numpy as np
from numpy.typing import NDArray

from crmwb.customer_file.synthetic_files import PEOPLE_KINDS, PeopleKind
from crmwb.customer_file.synthetic_tables import StrArray, Tables, concat, string_array

COPIES_PER_CLUSTER = (1, 2, 3)
COPIES_PROBABILITIES = (0.75, 0.18, 0.07)
VARIATIONS_PER_COPY_PROBABILITIES = (0.5, 0.35, 0.15)  # 1, 2 or 3 variations
# Copy variations: (name, weight, kinds). 1 to 3 distinct ones per copy (50 / 35 / 15 %),
# drawn by weight among those that apply to the copy; a variation with sub-kinds then draws
# one of them, by weight, among those that apply.
PEOPLE_VARIATIONS: tuple[tuple[str, float, tuple[PeopleKind, ...]], ...] = (
    ("typo_first_name", 0.07, PEOPLE_KINDS),
    ("typo_last_name", 0.09, PEOPLE_KINDS),
    ("phonetic", 0.10, PEOPLE_KINDS),
    ("nickname", 0.08, PEOPLE_KINDS),
    ("names_swapped", 0.05, PEOPLE_KINDS),
    ("maiden_name", 0.30, ("b2c",)),  # high: it applies to few copies (a maiden name known)
    ("missing_value", 0.08, PEOPLE_KINDS),
    ("date_of_birth", 0.12, ("b2c",)),
    ("address", 0.15, PEOPLE_KINDS),
    ("email", 0.10, PEOPLE_KINDS),
    ("phone_format", 0.07, PEOPLE_KINDS),
    ("phones_swapped", 0.04, PEOPLE_KINDS),
    ("company_name", 0.10, ("b2b",)),
    ("siret", 0.06, ("b2b",)),
)
PEOPLE_SUB_VARIATIONS: Mapping[str, tuple[tuple[str, float], ...]] = MappingProxyType(
    {
        "date_of_birth": (("day_month", 0.40), ("year", 0.35), ("digits", 0.25)),
        "address": (("abbreviation", 0.30), ("case", 0.20), ("number", 0.20), ("moved", 0.30)),
        "email": (("case", 0.25), ("gmail_dots", 0.40), ("provider", 0.20), ("blank", 0.20)),
        "company_name": (("legal_form", 0.60), ("case", 0.40)),
    }
)


# fmt: off
# Short forms; compound names also get "Jean Pierre", "J.-P.", "JP" and "Jean" (see nicknames).
NICKNAMES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "Catherine": ("Cathy", "Cathie"), "Philippe": ("Phil",), "Christophe": ("Chris",),
    "Christian": ("Chris",), "Nicolas": ("Nico",), "Frédéric": ("Fred",), "Stéphane": ("Steph",),
    "Stéphanie": ("Steph", "Stéph"), "Sébastien": ("Seb", "Séb"), "Alexandre": ("Alex",),
    "Maxime": ("Max",), "Benjamin": ("Ben", "Benji"), "Thomas": ("Tom",), "Anthony": ("Tony",),
    "Antoine": ("Tony",), "Emmanuel": ("Manu",), "Jérémy": ("Jérem",), "Florian": ("Flo",),
    "Florence": ("Flo",), "Valérie": ("Val",), "Véronique": ("Véro",), "Isabelle": ("Isa",),
    "Nathalie": ("Nath",), "Sandrine": ("Sandy",), "Caroline": ("Caro",), "Dominique": ("Dom",),
    "Patrick": ("Pat",), "Raphaël": ("Raph",), "Gabriel": ("Gaby",), "Timothée": ("Tim",),
    "Mathieu": ("Matt",), "Daniel": ("Dany",), "Danielle": ("Dany",), "Danièle": ("Dany",),
    "Jacqueline": ("Jacky",), "Jacques": ("Jacky",), "Josiane": ("Josy",), "Mélanie": ("Mel",),
    "Charlotte": ("Charlie",), "Pierre": ("Pierrot",), "Arnaud": ("Arno",),
    "Vincent": ("Vince",), "Mickaël": ("Michaël", "Mika"), "Michèle": ("Michelle",),
    "Ludovic": ("Ludo",), "Grégory": ("Greg", "Grég"), "Jessica": ("Jess",),
    "Margaux": ("Margot",), "Aurélien": ("Aurel",), "Élodie": ("Lodie",),
})
# fmt: on


# Phonetic misspellings: a regular expression (case ignored) and its replacement, applied at the
# first match. Each rule that matches a name gives one of its variants.
PHONETIC_RULES: tuple[tuple[str, str], ...] = (
    (r"ph", "f"),  # Philippe -> Filippe
    (r"(?<=[aeiouéèê])f(?=[aeiouéèêy])", "ph"),  # Lefèvre -> Lephèvre
    (r"y", "i"),  # Leroy -> Leroi
    (r"(?<=[^aeiouéèêëy])i(?=[^aeiouéèêëîïny]|$)", "y"),  # Denis -> Denys, Martin -> Martyn
    (r"([bcdfglmnprst])\1", r"\1"),  # Collet -> Colet, Pierre -> Piere
    (r"(?<=[aeiouéèêy])([lnrtsmp])(?=[aeiouéèêy])", r"\1\1"),  # Colin -> Collin
    (r"ault$", "aut"),  # Thibault -> Thibaut
    (r"ault$", "ot"),  # Renault -> Renot
    (r"aut$", "ault"),
    (r"aud$", "aut"),  # Arnaud -> Arnaut
    (r"ot$", "ault"),  # Perrot -> Perrault
    (r"eau$", "eaux"),  # Moreau -> Moreaux
    (r"(?<=[bcdfgklmnprstvz])e$", ""),  # Lemaire -> Lemair (silent final e)
    (r"(?<=[bdlnrt])$", "e"),  # Brun -> Brune
    (r"(?<=[aeiouéèê])s$", ""),  # Dubois -> Duboi, Georges -> George (silent final s)
    (r"x$", ""),  # Roux -> Rou
    (r"ç", "ss"),  # François -> Franssois
    (r"c(?=[eiy])", "s"),  # Garcia -> Garsia
    (r"(?<!e)an(?=[^aeiouny]|$)", "en"),  # Laurant <-> Laurent (not in Jean)
    (r"en(?=[^aeiouny]|$)", "an"),
    (r"(?<![eé])au(?!lt$|t$|d$)", "o"),  # Gautier -> Gotier
    (r"th", "t"),  # Mathieu -> Matieu
    (r"ck", "k"),  # Franck -> Frank
    (r"(?<=[aeiouïyr])c$", "ck"),  # Loïc -> Loïck, Marc -> Marck
    (r"é$", "ée"),  # André -> Andrée
    (r"(?<=[eéi])a$", "ah"),  # Léa -> Léah
)


def copy_clusters(
    rng: np.random.Generator, n: int, extra: int
) -> tuple[NDArray[np.int64], NDArray[np.bool_], int]:
    """The person of each row and whether it is an extra copy (shuffled); the number of
    people. ``extra`` copies in clusters of 1-3 copies."""
    ks = rng.choice(COPIES_PER_CLUSTER, size=extra + 1, p=COPIES_PROBABILITIES)
    ks = ks[: int(np.searchsorted(np.cumsum(ks), extra)) + 1] if extra else ks[:0]
    if ks.size:
        ks[-1] -= int(ks.sum()) - extra
    people = n - extra
    duplicated = rng.choice(people, size=ks.size, replace=False) if ks.size else ks
    entity = np.concatenate([np.arange(people), np.repeat(duplicated, ks)]).astype(np.int64)
    is_copy = np.concatenate([np.zeros(people, np.bool_), np.ones(extra, np.bool_)])
    order = rng.permutation(n)
    return entity[order], is_copy[order], people


def typos(rng: np.random.Generator, t: Tables, names: StrArray) -> StrArray:
    """One edit per name: substitution, deletion, insertion or transposition of adjacent
    letters, at a random position; an inserted letter follows the name's case."""
    n = names.size
    length = np.strings.str_len(names).astype(np.int64)
    pos = (rng.random(n) * np.maximum(length, 1)).astype(np.int64)
    letter = t.letters[rng.integers(0, 26, n)]
    upper = np.flatnonzero(np.strings.isupper(names))
    letter[upper] = np.strings.upper(letter[upper])
    kind = rng.integers(0, 4, n)
    kind[length < 3] = 0  # short names: substitution only
    pos_t = np.minimum(pos, np.maximum(length - 2, 0))
    head, tail = np.strings.slice(names, 0, pos), np.strings.slice(names, pos + 1, None)
    out = concat(head, tail)  # deletion
    idx = np.flatnonzero(kind == 0)
    out[idx] = concat(head[idx], letter[idx], tail[idx])
    idx = np.flatnonzero(kind == 2)
    out[idx] = concat(head[idx], letter[idx], np.strings.slice(names[idx], pos[idx], None))
    idx = np.flatnonzero(kind == 3)
    sub, p = names[idx], pos_t[idx]
    out[idx] = concat(
        np.strings.slice(sub, 0, p),
        np.strings.slice(sub, p + 1, p + 2),
        np.strings.slice(sub, p, p + 1),
        np.strings.slice(sub, p + 2, None),
    )
    # A substitution by the same letter, or a transposition of equal letters, is no edit: make
    # it a deletion.
    same = np.flatnonzero(out == names)
    out[same] = concat(head[same], tail[same])
    return out


def nicknames(name: str) -> tuple[str, ...]:
    """Other ways to write a first name: its short forms; for a compound name "Jean-Pierre":
    "Jean Pierre", "J.-P.", "JP" and "Jean"."""
    forms = list(NICKNAMES.get(name, ()))
    if "-" in name:
        a, b = name.split("-", 1)
        forms += [f"{a} {b}", f"{a[0]}.-{b[0]}.", f"{a[0]}{b[0]}", a]
    return tuple(forms)


def phonetic_variants(name: str) -> tuple[str, ...]:
    """The names one :data:`PHONETIC_RULES` rule makes of ``name`` (a replaced first letter
    keeps its capital)."""
    out: list[str] = []
    for pattern, replacement in PHONETIC_RULES:
        found = re.search(pattern, name, flags=re.IGNORECASE)
        if found is None:
            continue
        new = found.expand(replacement)
        if found.group(0)[:1].isupper() and new:
            new = new[0].upper() + new[1:].lower()
        variant = name[: found.start()] + new + name[found.end() :]
        if variant.casefold() != name.casefold() and variant not in out:
            out.append(variant)
    return tuple(out)


def saint_abbreviated(street: str) -> str:
    """ "Saint-Michel" -> "St-Michel", "Sainte-Anne" -> "Ste-Anne"."""
    return re.sub(r"\bSainte-", "Ste-", re.sub(r"\bSaint-", "St-", street))


class Ragged:
    """Variants per table entry: entry ``i``'s are ``values[start[i] : start[i] + count[i]]``."""

    def __init__(self, lists: Sequence[Sequence[str]]) -> None:
        self.count = np.array([len(v) for v in lists], dtype=np.int64)
        self.start = (np.cumsum(self.count) - self.count).astype(np.int64)
        self.values = string_array([s for v in lists for s in v] or [""])

    def pick(self, rng: np.random.Generator, idx: NDArray[np.int64]) -> StrArray:
        """One variant of each entry ``idx`` (entries that have some)."""
        k = (rng.random(idx.size) * self.count[idx]).astype(np.int64)
        picked: StrArray = self.values[self.start[idx] + k]
        return picked


def pick_weighted(
    rng: np.random.Generator,
    weights: Sequence[float],
    applies: NDArray[np.bool_],
    how_many: NDArray[np.int64],
) -> NDArray[np.bool_]:
    """For each row of ``applies`` (rows x options), ``how_many`` distinct options among those
    that apply, drawn by weight (Gumbel top-k)."""
    keys = np.log(np.asarray(weights)) + rng.gumbel(size=applies.shape)
    keys[~applies] = -np.inf
    rank = np.argsort(np.argsort(-keys, axis=1), axis=1)
    chosen: NDArray[np.bool_] = (rank < how_many[:, None]) & applies
    return chosen


def sub_variation(
    rng: np.random.Generator,
    counts: dict[str, int],
    name: str,
    rows_: NDArray[np.int64],
    applies: Mapping[str, NDArray[np.bool_]],
) -> dict[str, NDArray[np.int64]]:
    """The rows of each sub-kind of ``name`` (one per row, among those that apply), counted."""
    subs = PEOPLE_SUB_VARIATIONS[name]
    matrix = np.stack(
        [applies.get(sub, np.ones(rows_.size, np.bool_)) for sub, _ in subs], axis=1
    ).reshape(rows_.size, len(subs))
    chosen = pick_weighted(rng, [w for _, w in subs], matrix, np.ones(rows_.size, dtype=np.int64))
    out = {sub: rows_[chosen[:, k]] for k, (sub, _) in enumerate(subs)}
    for sub, idx in out.items():
        counts[f"copy_{name}_{sub}"] = int(idx.size)
    return out

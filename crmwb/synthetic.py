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

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     truth = write_customer_file(pathlib.Path(tmp) / "c.csv", 1000, seed=1,
...                                 today=dt.date(2026, 1, 1))
>>> truth.rows, truth.entities, round(truth.duplicate_rate, 2)
(1000, 920, 0.08)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, Literal, cast

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

from crmwb.errors import InputError, Number, Quoted, msg

if TYPE_CHECKING:
    import duckdb

Dialect = Literal["excel-fr", "utf8-comma"]
StrArray = NDArray[Any]  # of numpy.dtypes.StringDType

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
ID_BASE = 100_001  # id_client of the first row; then one more per row
YEARS_OF_DATES = 6
COPIES_PER_CLUSTER = (1, 2, 3)
COPIES_PROBABILITIES = (0.75, 0.18, 0.07)
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
VARIATIONS_PER_COPY_PROBABILITIES = (0.5, 0.35, 0.15)  # 1, 2 or 3 variations

# fmt: off
MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jean", "Pierre", "Michel", "André", "Philippe", "Alain", "Nicolas", "Bernard", "Jacques",
    "Éric", "Patrick", "Christophe", "Daniel", "Frédéric", "Laurent", "Stéphane", "Julien",
    "Olivier", "Sébastien", "Thomas", "David", "Pascal", "François", "Thierry", "Christian",
    "Gérard", "Dominique", "Vincent", "Guillaume", "Jérôme", "Antoine", "Maxime", "Alexandre",
    "Romain", "Kévin", "Mathieu", "Cédric", "Benoît", "Hervé", "Bruno", "Franck", "Yves",
    "Marc", "Gilles", "Denis", "Rémi", "Loïc", "Hugo", "Lucas", "Louis", "Gabriel", "Arthur",
    "Léo", "Raphaël", "Jules", "Adam", "Nathan", "Théo", "Enzo", "Clément", "Baptiste",
    "Quentin", "Florian", "Anthony", "Jérémy", "Yann", "Fabien", "Cyril", "Grégory",
    "Ludovic", "Arnaud", "Emmanuel", "Joël", "Gaël", "Mickaël", "Benjamin", "Damien",
    "Aurélien", "Valentin", "Bastien", "Timothée", "Mathis", "Noé", "Paul", "Victor",
    "Martin", "Samuel", "Xavier", "Régis", "Lionel", "Marcel", "René", "Roger", "Henri",
    "Georges", "Noël", "Jean-Pierre", "Jean-Luc", "Jean-François", "Jean-Claude", "Aymeric",
    "Anaël", "Édouard", "Jérémie",
)
FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine", "Françoise", "Christine",
    "Monique", "Valérie", "Sandrine", "Véronique", "Nicole", "Sophie", "Martine", "Céline",
    "Stéphanie", "Chantal", "Brigitte", "Anne", "Julie", "Aurélie", "Émilie", "Camille",
    "Laura", "Sarah", "Manon", "Léa", "Chloé", "Emma", "Inès", "Jade", "Louise", "Alice",
    "Lina", "Zoé", "Léna", "Juliette", "Anaïs", "Clara", "Pauline", "Mathilde", "Océane",
    "Marine", "Caroline", "Élodie", "Audrey", "Virginie", "Laëtitia", "Delphine", "Karine",
    "Hélène", "Patricia", "Corinne", "Florence", "Agnès", "Danielle", "Jacqueline", "Odette",
    "Geneviève", "Madeleine", "Josiane", "Claire", "Charlotte", "Lucie", "Margaux", "Justine",
    "Amandine", "Mélanie", "Jessica", "Élise", "Noémie", "Agathe", "Maëlle", "Gaëlle",
    "Solène", "Lucile", "Morgane", "Estelle", "Coralie", "Sabrina", "Vanessa", "Cécile",
    "Béatrice", "Annie", "Michèle", "Danièle", "Yvette", "Colette", "Josette", "Bernadette",
    "Ginette", "Marion", "Éloïse", "Romane", "Maëlys", "Héloïse", "Anne-Marie",
    "Marie-Claude", "Marie-Christine", "Rose", "Ambre", "Bérénice", "Capucine",
)
LAST_NAMES: tuple[str, ...] = (
    "Martin", "Bernard", "Thomas", "Petit", "Robert", "Richard", "Durand", "Dubois", "Moreau",
    "Laurent", "Simon", "Michel", "Lefèvre", "Leroy", "Roux", "David", "Bertrand", "Morel",
    "Fournier", "Girard", "Bonnet", "Dupont", "Lambert", "Fontaine", "Rousseau", "Vincent",
    "Muller", "Lefebvre", "Faure", "André", "Mercier", "Blanc", "Guérin", "Boyer", "Garnier",
    "Chevalier", "François", "Legrand", "Gauthier", "Garcia", "Perrin", "Robin", "Clément",
    "Morin", "Nicolas", "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand",
    "Duval", "Denis", "Dumont", "Marie", "Lemaire", "Noël", "Meyer", "Dufour", "Meunier",
    "Brun", "Blanchard", "Giraud", "Joly", "Rivière", "Lucas", "Brunet", "Gaillard", "Barbier",
    "Arnaud", "Martinez", "Gérard", "Roche", "Renard", "Schmitt", "Roy", "Leroux", "Colin",
    "Vidal", "Caron", "Picard", "Roger", "Fabre", "Aubert", "Lemoine", "Renaud", "Dumas",
    "Lacroix", "Olivier", "Philippe", "Bourgeois", "Pierre", "Benoît", "Rey", "Leclerc",
    "Payet", "Rolland", "Leclercq", "Guillaume", "Lecomte", "Lopez", "Jean", "Dupuy",
    "Guillot", "Hubert", "Berger", "Carpentier", "Sanchez", "Dupuis", "Moulin", "Louis",
    "Deschamps", "Huet", "Vasseur", "Perez", "Boucher", "Fleury", "Royer", "Klein", "Jacquet",
    "Adam", "Paris", "Poirier", "Marty", "Aubry", "Guyot", "Carré", "Charles", "Renault",
    "Charpentier", "Ménard", "Maillard", "Baron", "Bertin", "Bailly", "Hervé", "Schneider",
    "Fernandez", "Le Gall", "Collet", "Léger", "Bouvier", "Julien", "Prévost", "Millet",
    "Perrot", "Daniel", "Le Roux", "Cousin", "Germain", "Breton", "Besson", "Langlois",
    "Rémy", "Le Goff", "Pelletier", "Lévêque", "Perrier", "Leblanc", "Barré", "Lebrun",
    "Marchal", "Weber", "Mallet", "Hamon", "Boulanger", "Jacob", "Monnier", "Michaud",
    "Rodriguez", "Guichard", "Gillet", "Étienne", "Grondin", "Poulain", "Tessier",
    "Chevallier", "Collin", "Chauvin", "Da Silva", "Bouchet", "Gay", "Lemaître", "Bénard",
    "Maréchal", "Humbert", "Reynaud", "Antoine", "Hoarau", "Perret", "Barthélemy", "Cordier",
    "Pichon", "Lejeune", "Gilbert", "Lamy", "Delaunay", "Pasquier", "Carlier", "Laporte",
    "Gomez", "Rousset", "Vallée", "Bouvet", "Hamel", "Texier", "Le Breton", "Riviere",
    "Sauvage", "Bodin", "Besnard", "Lagarde", "Ferrand", "Guillon", "Rossignol", "Desbois",
    "Leduc", "Tanguy", "Gros", "Jourdan", "Morvan", "Rigaud", "Bouchard", "Chapuis",
    "Thibault", "Delmas", "Courtois", "Ollivier", "Laine", "Pons", "Imbert", "Blin",
    "Raynaud", "Fortin", "Navarro", "Duhamel", "Vaillant", "Grégoire", "Joubert", "Labbé",
    "Delorme", "Lefort", "Peltier", "Bousquet", "Benard", "Hébert", "Mahé", "Coulon",
    "Verdier", "Launay", "Barre", "Pineau", "Lebon", "Marchetti", "Rossi", "Costa", "Lemercier",
    "Guérard", "D'Amico", "De Oliveira", "Fabre-Dumas", "Saint-Martin", "Delattre",
    "Guillet", "Prigent", "Le Floch", "Kerbrat", "Salaün", "Quéré", "Bréhat", "Nédélec",
    "Cochet", "Godard", "Gaudin", "Gervais", "Mouton", "Pruvost", "Dhont", "Wattier",
    "Lemarié", "Boisseau", "Auger", "Charrier", "Chéreau", "Paquet", "Poulin", "Régnier",
)
# (city, postcode, thousands of inhabitants, landline zone 1-5)
CITIES: tuple[tuple[str, str, float, int], ...] = (
    *(("Paris", f"750{i:02d}", 105.0, 1) for i in range(1, 21)),
    *(("Marseille", f"130{i:02d}", 54.0, 4) for i in range(1, 17)),
    *(("Lyon", f"6900{i}", 58.0, 4) for i in range(1, 10)),
    ("Toulouse", "31000", 500, 5), ("Nice", "06000", 340, 4), ("Nantes", "44000", 320, 2),
    ("Montpellier", "34000", 300, 4), ("Strasbourg", "67000", 290, 3),
    ("Bordeaux", "33000", 260, 5), ("Lille", "59000", 235, 3), ("Rennes", "35000", 220, 2),
    ("Reims", "51100", 180, 3), ("Toulon", "83000", 180, 4), ("Saint-Étienne", "42000", 175, 4),
    ("Le Havre", "76600", 170, 2), ("Grenoble", "38000", 160, 4), ("Dijon", "21000", 160, 3),
    ("Angers", "49000", 157, 2), ("Villeurbanne", "69100", 155, 4), ("Nîmes", "30000", 150, 4),
    ("Clermont-Ferrand", "63000", 147, 4), ("Aix-en-Provence", "13100", 145, 4),
    ("Le Mans", "72000", 145, 2), ("Brest", "29200", 140, 2), ("Tours", "37000", 137, 2),
    ("Amiens", "80000", 134, 3), ("Limoges", "87000", 130, 5), ("Annecy", "74000", 130, 4),
    ("Perpignan", "66000", 120, 4), ("Boulogne-Billancourt", "92100", 121, 1),
    ("Metz", "57000", 118, 3), ("Besançon", "25000", 117, 3), ("Orléans", "45000", 116, 2),
    ("Rouen", "76000", 114, 2), ("Mulhouse", "68100", 108, 3), ("Caen", "14000", 106, 2),
    ("Nancy", "54000", 104, 3), ("Argenteuil", "95100", 110, 1), ("Montreuil", "93100", 110, 1),
    ("Roubaix", "59100", 98, 3), ("Tourcoing", "59200", 98, 3), ("Avignon", "84000", 91, 4),
    ("Nanterre", "92000", 96, 1), ("Vitry-sur-Seine", "94400", 95, 1),
    ("Créteil", "94000", 92, 1), ("Poitiers", "86000", 89, 5), ("Pau", "64000", 77, 5),
    ("Versailles", "78000", 84, 1), ("Courbevoie", "92400", 82, 1), ("Colombes", "92700", 86, 1),
    ("Aulnay-sous-Bois", "93600", 86, 1), ("Asnières-sur-Seine", "92600", 87, 1),
    ("Rueil-Malmaison", "92500", 78, 1), ("La Rochelle", "17000", 77, 5),
    ("Champigny-sur-Marne", "94500", 77, 1), ("Saint-Maur-des-Fossés", "94100", 75, 1),
    ("Antibes", "06600", 73, 4), ("Cannes", "06400", 74, 4), ("Calais", "62100", 67, 3),
    ("Béziers", "34500", 78, 4), ("Colmar", "68000", 67, 3), ("Drancy", "93700", 71, 1),
    ("Mérignac", "33700", 72, 5), ("Saint-Nazaire", "44600", 71, 2), ("Ajaccio", "20000", 72, 4),
    ("Issy-les-Moulineaux", "92130", 68, 1), ("Noisy-le-Grand", "93160", 69, 1),
    ("Quimper", "29000", 63, 2), ("Valence", "26000", 64, 4), ("Bourges", "18000", 64, 2),
    ("Vénissieux", "69200", 67, 4), ("Cergy", "95000", 66, 1), ("Levallois-Perret", "92300", 64, 1),
    ("Pessac", "33600", 65, 5), ("Troyes", "10000", 62, 3), ("Clichy", "92110", 63, 1),
    ("Ivry-sur-Seine", "94200", 63, 1), ("Chambéry", "73000", 60, 4), ("Lorient", "56100", 57, 2),
    ("Niort", "79000", 59, 5), ("Sarcelles", "95200", 58, 1), ("Villejuif", "94800", 56, 1),
    ("Saint-Quentin", "02100", 53, 3), ("Hyères", "83400", 56, 4),
    ("Épinay-sur-Seine", "93800", 55, 1), ("Beauvais", "60000", 56, 3), ("Cholet", "49300", 54, 2),
    ("Chelles", "77500", 55, 1), ("Vannes", "56000", 54, 2), ("La Roche-sur-Yon", "85000", 55, 2),
    ("Bayonne", "64100", 52, 5), ("Fréjus", "83600", 55, 4), ("Arles", "13200", 51, 4),
    ("Évry-Courcouronnes", "91000", 67, 1), ("Saint-Malo", "35400", 46, 2),
    ("Laval", "53000", 50, 2),
    ("Angoulême", "16000", 42, 5), ("Bourg-en-Bresse", "01000", 42, 4), ("Gap", "05000", 41, 4),
    ("Charleville-Mézières", "08000", 46, 3), ("Digne-les-Bains", "04000", 16, 4),
    ("Moulins", "03000", 19, 4), ("Privas", "07000", 8, 4), ("Foix", "09000", 10, 5),
    ("Laon", "02000", 25, 3), ("Saint-Brieuc", "22000", 44, 2), ("Blois", "41000", 46, 2),
    ("Châteauroux", "36000", 43, 2), ("Auxerre", "89000", 34, 3), ("Alençon", "61000", 26, 2),
    ("Agen", "47000", 32, 5), ("Tarbes", "65000", 42, 5), ("Albi", "81000", 49, 5),
    ("Montauban", "82000", 61, 5), ("Carcassonne", "11000", 46, 4), ("Périgueux", "24000", 30, 5),
    ("Mâcon", "71000", 34, 3), ("Nevers", "58000", 33, 3), ("Évreux", "27000", 47, 2),
    ("Chartres", "28000", 38, 2), ("Cherbourg-en-Cotentin", "50100", 78, 2),
    ("Lens", "62300", 31, 3),
    ("Douai", "59500", 40, 3), ("Dunkerque", "59140", 87, 3),
)
EMAIL_DOMAINS: tuple[tuple[str, float], ...] = (
    ("gmail.com", 30), ("orange.fr", 20), ("hotmail.fr", 12), ("free.fr", 10),
    ("yahoo.fr", 8), ("laposte.net", 7), ("sfr.fr", 7), ("outlook.fr", 6),
)
# fmt: on
# Local parts, from the first name p, its initial i, the last name n, two digits dd and three
# digits ddd (ASCII, lower case, no spaces or apostrophes).
EMAIL_PATTERNS: tuple[tuple[str, float], ...] = (
    ("p.n", 0.30),
    ("p.ndd", 0.15),
    ("in", 0.10),
    ("pn", 0.08),
    ("p_n", 0.05),
    ("n.p", 0.05),
    ("pndd", 0.12),
    ("i.nddd", 0.05),
    ("nidd", 0.05),
    ("p-n", 0.05),
)
# P: the digit after the 0 (6 in 06 12 34 56 78); A, B, C, D: the next four pairs of digits.
PHONE_FORMATS: tuple[tuple[str, float], ...] = (
    ("0P A B C D", 0.45),
    ("0PABCD", 0.25),
    ("0P.A.B.C.D", 0.10),
    ("+33 P A B C D", 0.08),
    ("+33PABCD", 0.07),
    ("0033 P A B C D", 0.05),
)
UPPERCASE_LAST_NAME_SHARE = 0.30
OPT_IN_SHARE = 0.55
MOBILE_06_SHARE, MOBILE_07_SHARE = 0.45, 0.25  # the rest: landline of the city's zone
_ACCENTED = "àâäáãçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ"
_UNACCENTED = "aaaaaceeeeiiiinooooouuuuyyAAAAACEEEEIIIINOOOOOUUUUY"
# A str.translate table (index = code point) for Latin-1: accented letters -> plain ones.
_ACCENTS = "".join(
    _UNACCENTED[_ACCENTED.index(chr(i))] if chr(i) in _ACCENTED else chr(i) for i in range(256)
)


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


@dataclass(frozen=True, eq=False)
class Truth:
    """What was injected in a generated file: row ``i`` of the file (header excluded) has
    id_client ``record_id[i]`` and belongs to the person ``entity[i]``; ``is_copy[i]`` marks
    the extra copies. ``counts`` holds the exact number of rows given each defect
    (``email_missing``, ``email_invalid``, ...) and each copy variation (``copy_<variation>``)."""

    path: Path
    dialect: Dialect
    seed: int
    record_id: NDArray[np.int64]
    entity: NDArray[np.int64]
    is_copy: NDArray[np.bool_]
    counts: Mapping[str, int]

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
        with open(target, "wb") as out:
            np.savez_compressed(
                out,
                record_id=self.record_id,
                entity=self.entity,
                is_copy=self.is_copy,
                count_names=np.array(list(self.counts), dtype=np.str_),
                count_values=np.array(list(self.counts.values()), dtype=np.int64),
                meta=np.array([str(self.path), self.dialect, str(self.seed)], dtype=np.str_),
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
    sep, newline, encoding = (
        (";", "\r\n", "cp1252") if dialect == "excel-fr" else (",", "\n", "utf-8")
    )

    tables = _Tables()
    registry = _Registry()
    record_ids: list[NDArray[np.int64]] = []
    entities: list[NDArray[np.int64]] = []
    copies: list[NDArray[np.bool_]] = []
    counts: dict[str, int] = {}
    entity_offset = 0
    with open(path, "wb") as out:
        out.write((sep.join(COLUMNS) + newline).encode(encoding))
        for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
            stop = min(rows, start + CHUNK_ROWS)
            extra = round(stop * duplicate_rate) - round(start * duplicate_rate)
            rng = np.random.default_rng([seed, index])
            chunk = _chunk(
                rng, tables, registry, ID_BASE + start, stop - start, extra, rates, today, dialect
            )
            lines = map(sep.join, zip(*(column.tolist() for column in chunk.columns), strict=True))
            out.write((newline.join(lines) + newline).encode(encoding))
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


# --- internals -----------------------------------------------------------------------------


def _strings(values: Any) -> StrArray:
    return np.asarray(values, dtype=StringDType())


def _ascii_slug(name: str) -> str:
    """ "Le Gall" -> "legall", "D'Amico" -> "damico", "Jean-Pierre" -> "jeanpierre"."""
    return "".join(c for c in name.translate(_ACCENTS).lower() if c.isalpha())


def _probabilities(weights: Any) -> NDArray[np.float64]:
    w = np.asarray(weights, dtype=np.float64)
    out: NDArray[np.float64] = w / w.sum()
    return out


def _zipf(n: int) -> NDArray[np.float64]:
    return _probabilities(1.0 / (np.arange(n) + 5.0))


class _Tables:
    """The name, city, email and phone tables as numpy arrays (built once per file)."""

    def __init__(self) -> None:
        self.male = len(MALE_FIRST_NAMES)
        firsts = MALE_FIRST_NAMES + FEMALE_FIRST_NAMES
        self.first = _strings(firsts)
        self.first_slug = _strings([_ascii_slug(n) for n in firsts])
        self.first_initial = np.strings.slice(self.first_slug, 1)
        self.p_male = _zipf(len(MALE_FIRST_NAMES))
        self.p_female = _zipf(len(FEMALE_FIRST_NAMES))
        self.last = _strings(LAST_NAMES)
        self.last_slug = _strings([_ascii_slug(n) for n in LAST_NAMES])
        self.p_last = _zipf(len(LAST_NAMES))
        self.city = _strings([c[0] for c in CITIES])
        self.postcode = _strings([c[1] for c in CITIES])
        self.p_city = _probabilities([c[2] for c in CITIES])
        self.zone = np.array([c[3] for c in CITIES], dtype=np.int64)
        self.domain = _strings(["@" + d for d, _ in EMAIL_DOMAINS])
        self.p_domain = _probabilities([w for _, w in EMAIL_DOMAINS])
        self.p_pattern = _probabilities([w for _, w in EMAIL_PATTERNS])
        self.p_format = _probabilities([w for _, w in PHONE_FORMATS])
        self.pairs = _strings([f"{i:02d}" for i in range(100)])
        self.digits = _strings([str(i) for i in range(10)])
        self.letters = _strings(list("abcdefghijklmnopqrstuvwxyz"))


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


class _Registry:
    """Emails (as 64-bit hashes) and phone numbers already given to someone, sorted, so that
    each person's are unique across the file."""

    def __init__(self) -> None:
        self.emails: NDArray[np.int64] = np.zeros(0, dtype=np.int64)
        self.phones: NDArray[np.int64] = np.zeros(0, dtype=np.int64)

    @staticmethod
    def merged(known: NDArray[np.int64], new: NDArray[np.int64]) -> NDArray[np.int64]:
        new = np.sort(new)
        return np.insert(known, np.searchsorted(known, new), new)


@dataclass
class _Chunk:
    columns: list[StrArray]
    entity: NDArray[np.int64]  # local person of each row
    is_copy: NDArray[np.bool_]
    entities: int
    counts: dict[str, int]


def _add(*parts: StrArray | str) -> StrArray:
    out = _strings(parts[0]) if isinstance(parts[0], str) else parts[0]
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


def _choice(rng: np.random.Generator, n: int, p: NDArray[np.float64]) -> NDArray[np.int64]:
    return rng.choice(p.size, size=n, p=p).astype(np.int64)


def _tokens(pattern: str, pieces: Mapping[str, StrArray]) -> list[StrArray | str]:
    """``"p.ndd"`` with pieces p, n, dd -> [p, ".", n, dd] (longest piece names first)."""
    names = sorted(pieces, key=len, reverse=True)
    tokens: list[StrArray | str] = []
    rest = pattern
    while rest:
        name = next((k for k in names if rest.startswith(k)), None)
        if name is None:
            tokens.append(rest[0])
            rest = rest[1:]
        else:
            tokens.append(pieces[name])
            rest = rest[len(name) :]
    return tokens


def _local_parts(
    rng: np.random.Generator, t: _Tables, fi: NDArray[np.int64], li: NDArray[np.int64]
) -> StrArray:
    n = fi.size
    number = rng.integers(100, 1000, n)
    pattern = _choice(rng, n, t.p_pattern)
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
            "ddd": _add(t.digits[number[idx] // 100], t.pairs[number[idx] % 100]),
        }
        out[idx] = _add(*_tokens(name, pieces))
    return out


def _emails(
    rng: np.random.Generator,
    t: _Tables,
    registry: _Registry,
    fi: NDArray[np.int64],
    li: NDArray[np.int64],
) -> StrArray:
    """One unique email per person: a clash (with an earlier person of the file) is redrawn
    as ``p.n`` + a number of 3 to 5 digits."""
    emails = _add(_local_parts(rng, t, fi, li), t.domain[_choice(rng, fi.size, t.p_domain)])
    keys = _hash_strings(emails)
    clash = _taken(keys, registry.emails)
    while clash.any():
        idx = np.flatnonzero(clash)
        num = rng.integers(100, 100_000, idx.size).astype(StringDType())
        local = _add(t.first_slug[fi[idx]], ".", t.last_slug[li[idx]], num)
        emails[idx] = _add(local, t.domain[_choice(rng, idx.size, t.p_domain)])
        keys[idx] = _hash_strings(emails[idx])
        clash = _taken(keys, registry.emails)
    registry.emails = _Registry.merged(registry.emails, keys)
    return emails


def _phones(
    rng: np.random.Generator, registry: _Registry, zone: NDArray[np.int64]
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
    registry.phones = _Registry.merged(registry.phones, numbers)
    return numbers.astype(np.int64)


def _format_phones(t: _Tables, numbers: NDArray[np.int64], fmt: NDArray[np.int64]) -> StrArray:
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
        out[idx] = _add(*_tokens(pattern, pieces))
    return out


def _typos(rng: np.random.Generator, t: _Tables, names: StrArray) -> StrArray:
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
    out = _add(head, tail)  # deletion
    idx = np.flatnonzero(kind == 0)
    out[idx] = _add(head[idx], letter[idx], tail[idx])
    idx = np.flatnonzero(kind == 2)
    out[idx] = _add(head[idx], letter[idx], np.strings.slice(names[idx], pos[idx], None))
    idx = np.flatnonzero(kind == 3)
    sub, p = names[idx], pos_t[idx]
    out[idx] = _add(
        np.strings.slice(sub, 0, p),
        np.strings.slice(sub, p + 1, p + 2),
        np.strings.slice(sub, p, p + 1),
        np.strings.slice(sub, p + 2, None),
    )
    # A substitution by the same letter, or a transposition of equal letters, is no edit: make
    # it a deletion.
    same = np.flatnonzero(out == names)
    out[same] = _add(head[same], tail[same])
    return out


def _clusters(
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
    t: _Tables,
    registry: _Registry,
    first_id: int,
    n: int,
    extra: int,
    rates: DefectRates,
    today: dt.date,
    dialect: Dialect,
) -> _Chunk:
    counts: dict[str, int] = {}
    entity, is_copy, people = _clusters(rng, n, extra)

    # People.
    female = rng.random(people) < 0.5
    fi = np.where(female, t.male + _choice(rng, people, t.p_female), _choice(rng, people, t.p_male))
    li = _choice(rng, people, t.p_last)
    ci = _choice(rng, people, t.p_city)
    emails = _emails(rng, t, registry, fi, li)
    phones = _phones(rng, registry, t.zone[ci])
    phone_format = _choice(rng, people, t.p_format)

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
    first[idx] = _typos(rng, t, first[idx])
    idx = var["typo_last_name"]
    last[idx] = _typos(rng, t, last[idx])
    idx = var["accents_dropped"]
    first[idx] = np.strings.translate(first[idx], _ACCENTS)
    last[idx] = np.strings.translate(last[idx], _ACCENTS)
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
    first[idx[where == 0]] = _add(first[idx[where == 0]], " ")
    last[idx[where == 1]] = _add(" ", last[idx[where == 1]])
    last[idx[where == 2]] = _add(last[idx[where == 2]], "  ")
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

    phone = _format_phones(t, phones[entity], fmt)
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
    wrong = np.where(how == 0, np.strings.slice(code, 0, 4), _add(code, t.digits[how]))
    zero = np.flatnonzero(np.strings.startswith(code, "0"))
    wrong[zero] = np.strings.lstrip(code[zero], "0")
    postcode[bad] = wrong

    days = rng.integers(0, YEARS_OF_DATES * 365, n).astype("timedelta64[D]")
    iso = _strings(np.datetime_as_string(np.datetime64(today, "D") - days, unit="D"))
    if dialect == "excel-fr":
        date = _add(
            np.strings.slice(iso, 8, 10),
            "/",
            np.strings.slice(iso, 5, 7),
            "/",
            np.strings.slice(iso, 0, 4),
        )
    else:
        date = iso
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

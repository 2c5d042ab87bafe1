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

:func:`write_people_file` writes harder files, of people (b2c) or company contacts (b2b):
dates of birth, maiden names, addresses (street number, street line, complement), landline and
mobile, loyalty card or company (raison sociale, SIRET, VAT number); copies changed in more ways
(phonetic misspellings, nicknames, maiden names, dates of birth, address variants, moves,
company names, SIRETs...); and look-alikes that are *not* duplicates, given in
:attr:`Truth.groups`: households (an address, a landline, a last name, often an e-mail shared),
colleagues, namesakes and twins.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as tmp:
...     truth = write_customer_file(pathlib.Path(tmp) / "c.csv", 1000, seed=1,
...                                 today=dt.date(2026, 1, 1))
>>> truth.rows, truth.entities, round(truth.duplicate_rate, 2)
(1000, 920, 0.08)
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, BinaryIO, Literal, cast

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

from crmwb.core.errors import InputError, Number, Quoted, msg

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
WRITE_ROWS = 20_000  # rows turned into text and written at a time (bounds the text in memory)
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
    (``email_missing``, ``email_invalid``, ...) and each copy variation (``copy_<variation>``).

    ``groups`` (people files, :func:`write_people_file`; empty for customer files): for each
    kind of *hard non-duplicate* (``household``, ``colleagues``, ``namesakes``, ``twins``) the
    group of each row, -1 for none. Rows of one group that are different entities look alike
    (a shared address and landline, the same name...) but are different people: a
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

    tables = _Tables()
    registry = _Registry()
    record_ids: list[NDArray[np.int64]] = []
    entities: list[NDArray[np.int64]] = []
    copies: list[NDArray[np.bool_]] = []
    counts: dict[str, int] = {}
    entity_offset = 0
    with open(path, "wb") as out:
        _write_header(out, COLUMNS, dialect)
        for index, start in enumerate(range(0, rows, CHUNK_ROWS)):
            stop = min(rows, start + CHUNK_ROWS)
            extra = round(stop * duplicate_rate) - round(start * duplicate_rate)
            rng = np.random.default_rng([seed, index])
            chunk = _chunk(
                rng, tables, registry, ID_BASE + start, stop - start, extra, rates, today, dialect
            )
            _write_rows(out, chunk.columns, dialect)
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


# separator, line end, encoding
_DIALECTS: Mapping[Dialect, tuple[str, str, str]] = MappingProxyType(
    {"excel-fr": (";", "\r\n", "cp1252"), "utf8-comma": (",", "\n", "utf-8")}
)


def _write_header(out: BinaryIO, columns: Sequence[str], dialect: Dialect) -> None:
    sep, newline, encoding = _DIALECTS[dialect]
    out.write((sep.join(columns) + newline).encode(encoding))


def _write_rows(out: BinaryIO, columns: Sequence[StrArray], dialect: Dialect) -> None:
    """The rows of ``columns`` as lines of ``dialect``, :data:`WRITE_ROWS` at a time. Values
    are written as they are (no quoting): the generators put no separator, quote or line
    break in them."""
    sep, newline, encoding = _DIALECTS[dialect]
    for start in range(0, columns[0].size, WRITE_ROWS):
        part = (column[start : start + WRITE_ROWS].tolist() for column in columns)
        lines = map(sep.join, zip(*part, strict=True))
        out.write((newline.join(lines) + newline).encode(encoding))


def _fr_dates(iso: StrArray) -> StrArray:
    """``2026-11-01`` -> ``01/11/2026``."""
    return _add(
        np.strings.slice(iso, 8, 10),
        "/",
        np.strings.slice(iso, 5, 7),
        "/",
        np.strings.slice(iso, 0, 4),
    )


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
    date = _fr_dates(iso) if dialect == "excel-fr" else iso
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


# --- people files --------------------------------------------------------------------------

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
"""The customer-file role (:class:`crmwb.dataflow.CustomerRole`) of each column of
:func:`write_people_file`'s files (a kind has some of them: :func:`people_roles`)."""


def people_roles(kind: PeopleKind) -> dict[str, str]:
    """Role -> column for a file of ``kind``: the columns of :data:`PEOPLE_ROLES` it has."""
    return {role: c for role, c in PEOPLE_ROLES.items() if c in PEOPLE_COLUMNS[kind]}


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
BIRTH_YEARS = (1930, 2008)
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
MISSING_FIELDS: Mapping[PeopleKind, tuple[str, ...]] = MappingProxyType(
    {
        "b2c": ("civilite", "prenom", "date_naissance", "code_postal", "ville", "carte_fidelite"),
        "b2b": ("civilite", "prenom", "code_postal", "ville", "raison_sociale", "siret"),
    }
)

# fmt: off
EXTRA_MALE_FIRST_NAMES: tuple[str, ...] = (
    "Jean-Marc", "Jean-Michel", "Jean-Louis", "Pierre-Yves", "Jean-Baptiste", "Jean-Paul",
    "Jean-Jacques", "Marc-Antoine", "Jean-Christophe", "Paul-Henri",
)
EXTRA_FEMALE_FIRST_NAMES: tuple[str, ...] = (
    "Marie-Hélène", "Marie-France", "Anne-Sophie", "Marie-Pierre", "Marie-Thérèse",
    "Marie-Laure", "Anne-Laure", "Marie-Noëlle", "Marie-José", "Marie-Odile",
)
EXTRA_FIRST_NAME_RANK = 25  # each extra (compound) name as frequent as the 25th of its table
# Short forms; compound names also get "Jean Pierre", "J.-P.", "JP" and "Jean" (see _nicknames).
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
# (full, abbreviated, weight)
STREET_TYPES: tuple[tuple[str, str, float], ...] = (
    ("rue", "r", 52), ("avenue", "av", 14), ("boulevard", "bd", 7), ("place", "pl", 4),
    ("chemin", "che", 8), ("allée", "all", 6), ("impasse", "imp", 5), ("route", "rte", 4),
)
STREET_NAMES: tuple[str, ...] = (
    "de la République", "Victor Hugo", "Jean Jaurès", "du Général de Gaulle", "Pasteur",
    "de la Paix", "de la Gare", "des Écoles", "de l'Église", "Saint-Michel", "du Moulin",
    "Gambetta", "Voltaire", "du Maréchal Foch", "Émile Zola", "des Tilleuls", "du Château",
    "de Verdun", "de la Liberté", "Saint-Jacques", "de la Mairie", "des Acacias", "Carnot",
    "de Paris", "Sainte-Anne", "des Lilas", "du Stade", "de la Fontaine", "des Peupliers",
    "Jules Ferry", "Anatole France", "de Bretagne", "Saint-Martin", "du Port", "des Vignes",
    "de la Poste", "Jean Moulin", "des Marronniers", "de Lattre de Tassigny", "Sainte-Catherine",
    "du Commerce", "de la Croix", "Saint-Pierre", "des Fleurs", "de Strasbourg",
    "Aristide Briand", "du Président Wilson", "de la Libération", "des Chênes",
    "Georges Clemenceau", "Paul Bert", "Lamartine", "Saint-Honoré", "de Normandie", "des Prés",
    "du Lavoir", "de la Forêt", "Sainte-Thérèse", "des Roses", "du Onze Novembre",
)
BUSINESS_PLACES: tuple[str, ...] = (
    "des Chênes", "du Moulin", "de la Gare", "Nord", "Sud", "Les Portes", "du Centre",
    "de l'Aéroport", "des Landes", "Les Pins",
)
COMPLEMENT_PLACES: tuple[str, ...] = (
    "Les Pins", "Les Tilleuls", "Le Clos", "La Source", "Les Jardins", "Le Hameau",
    "Les Granges", "La Ferme", "Le Parc", "Les Érables", "Le Bourg", "La Chapelle",
)
ACTIVITIES: tuple[str, ...] = (
    "Boulangerie", "Garage", "Pharmacie", "Cabinet", "Transports", "Menuiserie", "Plomberie",
    "Boucherie", "Librairie", "Imprimerie", "Agence", "Atelier", "Restaurant", "Hôtel",
    "Fromagerie", "Électricité",
)
SECTORS: tuple[str, ...] = (
    "Conseil", "Immobilier", "Industrie", "Services", "Bâtiment", "Informatique",
    "Distribution", "Logistique", "Finance", "Ingénierie", "Développement", "Solutions",
    "Technologies", "Médical", "Nettoyage", "Sécurité", "Rénovation", "Environnement",
)
# (legal form, written with dots, weight); no legal form: NO_LEGAL_FORM_SHARE
LEGAL_FORMS: tuple[tuple[str, str, float], ...] = (
    ("SAS", "S.A.S.", 38), ("SARL", "S.A.R.L.", 30), ("SA", "S.A.", 6), ("EURL", "E.U.R.L.", 8),
    ("SASU", "S.A.S.U.", 10),
)
# fmt: on
NO_LEGAL_FORM_SHARE = 0.08
# Household e-mails (n: last name, p and q: the first names of the couple).
FAMILY_EMAIL_PATTERNS: tuple[tuple[str, float], ...] = (
    ("famille.n", 0.45),
    ("famillen", 0.15),
    ("n.famille", 0.10),
    ("lesn", 0.10),
    ("p.et.q", 0.20),
)
COMPANY_EMAIL_PATTERNS: tuple[tuple[str, float], ...] = (
    ("p.n", 0.60),
    ("in", 0.15),
    ("p-n", 0.10),
    ("pn", 0.05),
    ("p", 0.05),
    ("n", 0.05),
)
SHARED_COMPANY_LOCALS: tuple[str, ...] = ("contact", "accueil", "info", "commercial", "secretariat")
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
MAX_STREET_NUMBER = 180


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
    * ``phonetic`` 18 % (17.5 %): a misspelling that sounds the same (:data:`PHONETIC_RULES`:
      ph/f, y/i, a consonant doubled or single, -ault/-aut/-ot, -aud/-aut, -eau/-eaux, a
      silent final e, s or x dropped or added, an/en, au/o, c/ç/s...), in the last name (70 %)
      or the first name;
    * ``nickname`` 6 % (5.5 %): Catherine -> Cathy, Philippe -> Phil... (:data:`NICKNAMES`);
      Jean-Pierre -> Jean Pierre, J.-P., JP or Jean;
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

    tables = _PeopleTables()
    registry = _PeopleRegistry()
    record_ids: list[NDArray[np.int64]] = []
    entities: list[NDArray[np.int64]] = []
    copies: list[NDArray[np.bool_]] = []
    groups: dict[str, list[NDArray[np.int64]]] = {}
    group_offset: dict[str, int] = {}
    counts: dict[str, int] = {}
    entity_offset = 0
    with open(path, "wb") as out:
        _write_header(out, PEOPLE_COLUMNS[kind], dialect)
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
            _write_rows(out, chunk.columns, dialect)
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


# --- people internals ----------------------------------------------------------------------


def _nicknames(name: str) -> tuple[str, ...]:
    """Other ways to write a first name: its short forms; for a compound name "Jean-Pierre":
    "Jean Pierre", "J.-P.", "JP" and "Jean"."""
    forms = list(NICKNAMES.get(name, ()))
    if "-" in name:
        a, b = name.split("-", 1)
        forms += [f"{a} {b}", f"{a[0]}.-{b[0]}.", f"{a[0]}{b[0]}", a]
    return tuple(forms)


def _phonetic_variants(name: str) -> tuple[str, ...]:
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


def _saint_short(street: str) -> str:
    """ "Saint-Michel" -> "St-Michel", "Sainte-Anne" -> "Ste-Anne"."""
    return re.sub(r"\bSainte-", "Ste-", re.sub(r"\bSaint-", "St-", street))


class _Ragged:
    """Variants per table entry: entry ``i``'s are ``values[start[i] : start[i] + count[i]]``."""

    def __init__(self, lists: Sequence[Sequence[str]]) -> None:
        self.count = np.array([len(v) for v in lists], dtype=np.int64)
        self.start = (np.cumsum(self.count) - self.count).astype(np.int64)
        self.values = _strings([s for v in lists for s in v] or [""])

    def pick(self, rng: np.random.Generator, idx: NDArray[np.int64]) -> StrArray:
        """One variant of each entry ``idx`` (entries that have some)."""
        k = (rng.random(idx.size) * self.count[idx]).astype(np.int64)
        picked: StrArray = self.values[self.start[idx] + k]
        return picked


class _PeopleTables(_Tables):
    """The customer tables, 20 compound first names more, and the people file's own tables."""

    def __init__(self) -> None:
        super().__init__()
        males = MALE_FIRST_NAMES + EXTRA_MALE_FIRST_NAMES
        females = FEMALE_FIRST_NAMES + EXTRA_FEMALE_FIRST_NAMES
        firsts = males + females
        self.male = len(males)
        self.first = _strings(firsts)
        self.first_slug = _strings([_ascii_slug(n) for n in firsts])
        self.first_initial = np.strings.slice(self.first_slug, 1)
        extra = 1.0 / (EXTRA_FIRST_NAME_RANK + 5.0)
        self.p_male = _probabilities(
            np.concatenate(
                [
                    1.0 / (np.arange(len(MALE_FIRST_NAMES)) + 5.0),
                    [extra] * len(EXTRA_MALE_FIRST_NAMES),
                ]
            )
        )
        self.p_female = _probabilities(
            np.concatenate(
                [
                    1.0 / (np.arange(len(FEMALE_FIRST_NAMES)) + 5.0),
                    [extra] * len(EXTRA_FEMALE_FIRST_NAMES),
                ]
            )
        )
        self.nickname = _Ragged([_nicknames(n) for n in firsts])
        self.first_phonetic = _Ragged([_phonetic_variants(n) for n in firsts])
        self.last_phonetic = _Ragged([_phonetic_variants(n) for n in LAST_NAMES])
        self.domain_name = _strings([d for d, _ in EMAIL_DOMAINS])
        self.gmail = [d for d, _ in EMAIL_DOMAINS].index("gmail.com")
        self.street_type = _strings([s for s, _, _ in STREET_TYPES])
        self.street_type_short = _strings([s for _, s, _ in STREET_TYPES])
        self.p_street_type = _probabilities([w for _, _, w in STREET_TYPES])
        self.street = _strings(STREET_NAMES)
        self.street_saint = _strings([_saint_short(s) for s in STREET_NAMES])
        self.has_saint = self.street != self.street_saint
        self.street_types = np.concatenate([self.street_type, self.street_type_short])
        self.streets = np.concatenate([self.street, self.street_saint])
        self.p_street = _zipf(len(STREET_NAMES))
        # index: suffix (0 none, 1 bis, 2 ter) * 4 + style (3: not written)
        self.number_suffix = _strings(
            ["", "", "", "", " bis", "bis", "B", "", " ter", "ter", "T", ""]
        )
        self.p_number = _probabilities(1.0 / (np.arange(MAX_STREET_NUMBER) + 4.0))
        self.place = _strings(COMPLEMENT_PLACES)
        self.business_place = _strings(BUSINESS_PLACES)
        self.activity = _strings(ACTIVITIES)
        self.sector = _strings(SECTORS)
        self.capitals = _strings(list("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        self.legal_form = _strings([f for f, _, _ in LEGAL_FORMS])
        self.legal_form_dotted = _strings([d for _, d, _ in LEGAL_FORMS])
        self.p_legal_form = _probabilities([w for _, _, w in LEGAL_FORMS])
        self.p_family_pattern = _probabilities([w for _, w in FAMILY_EMAIL_PATTERNS])
        self.p_company_pattern = _probabilities([w for _, w in COMPANY_EMAIL_PATTERNS])
        self.shared_local = _strings(SHARED_COMPANY_LOCALS)
        years = np.arange(BIRTH_YEARS[0], BIRTH_YEARS[1] + 1)
        self.birth_year = years.astype(np.int64)
        self.p_birth_year = _probabilities(
            np.interp(years, [1930, 1950, 1990, 2008], [0.3, 1.0, 1.0, 0.4])
        )


class _PeopleRegistry(_Registry):
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


@dataclass
class _PeopleChunk:
    columns: list[StrArray]
    entity: NDArray[np.int64]  # local person of each row
    is_copy: NDArray[np.bool_]
    entities: int
    counts: dict[str, int]
    groups: dict[str, tuple[NDArray[np.int64], int]]  # per row (-1: none), number of groups


def _draw_homes(rng: np.random.Generator, t: _PeopleTables, n: int, kind: PeopleKind) -> _Homes:
    """``n`` addresses; 15 % with a complement (b2c: apartment, building, staircase, residence,
    lieu-dit; b2b: building, floor, industrial or business zone, PO box)."""
    suffix = _choice(rng, n, np.array([0.95, 0.035, 0.015]))
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
        complement[has[rows_]] = _add(parts[0], parts[1][rows_])
    return _Homes(
        city=_choice(rng, n, t.p_city),
        number=_choice(rng, n, t.p_number) + 1,
        suffix=suffix,
        suffix_style=_choice(rng, n, np.array([0.6, 0.15, 0.25])),
        street_type=_choice(rng, n, t.p_street_type),
        type_short=rng.random(n) < 0.15,
        street=_choice(rng, n, t.p_street),
        saint_short=rng.random(n) < 0.15,
        placement=_choice(rng, n, np.array([0.65, 0.30, 0.05])),
        caps=rng.random(n) < 0.10,
        complement=complement,
    )


def _render_address(t: _PeopleTables, h: _Homes) -> tuple[StrArray, StrArray]:
    """(numero, adresse)."""
    number = _add(h.number.astype(StringDType()), t.number_suffix[h.suffix * 4 + h.suffix_style])
    street_type = t.street_types[h.street_type + h.type_short * t.street_type.size]
    street = t.streets[h.street + h.saint_short * t.street.size]
    line = _add(street_type, " ", street)
    in_line = np.flatnonzero(h.placement >= 1)
    line[in_line] = _add(number[in_line], " ", line[in_line])
    line[h.caps] = np.strings.upper(line[h.caps])
    numero = np.where(h.placement != 1, number, "").astype(StringDType())
    return numero, line


def _group_sizes(rng: np.random.Generator, people: int) -> NDArray[np.int64]:
    """Sizes of groups (2-4) holding about ``people`` people (never more)."""
    sizes = rng.choice(GROUP_SIZES, size=people // 2 + 1, p=GROUP_SIZE_PROBABILITIES)
    kept: NDArray[np.int64] = sizes[np.cumsum(sizes) <= people].astype(np.int64)
    return kept


def _unique_numbers(
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
    return numbers.astype(np.int64), _Registry.merged(known, numbers)


def _unique_emails(
    rng: np.random.Generator, registry: _Registry, emails: StrArray, redraw: StrArray
) -> StrArray:
    """``emails`` made unique in the file: a clash gets ``redraw`` + a number before the @."""
    at = np.strings.find(emails, "@")
    keys = _hash_strings(emails)
    clash = _taken(keys, registry.emails)
    while clash.any():
        idx = np.flatnonzero(clash)
        num = rng.integers(2, 10_000, idx.size).astype(StringDType())
        emails[idx] = _add(redraw[idx], num, np.strings.slice(emails[idx], at[idx], None))
        keys[idx] = _hash_strings(emails[idx])
        clash = _taken(keys, registry.emails)
    registry.emails = _Registry.merged(registry.emails, keys)
    return emails


def _luhn_digit(payload: NDArray[np.int64]) -> NDArray[np.int64]:
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


def _siret(siren: NDArray[np.int64], nic: NDArray[np.int64]) -> NDArray[np.int64]:
    """SIREN (9 digits) + NIC (``nic``: 4 digits, then a Luhn digit over the 14)."""
    payload = siren * 10_000 + nic
    full: NDArray[np.int64] = payload * 10 + _luhn_digit(payload)
    return full


def _distinct_in_group(
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


def _first_names(
    rng: np.random.Generator, t: _PeopleTables, female: NDArray[np.bool_]
) -> NDArray[np.int64]:
    n = female.size
    return np.where(female, t.male + _choice(rng, n, t.p_female), _choice(rng, n, t.p_male))


def _birth_days(rng: np.random.Generator, years: NDArray[np.int64]) -> NDArray[np.int64]:
    """A uniform day of each year, as days since 1970-01-01."""
    start = (years - 1970).astype("datetime64[Y]")
    first = start.astype("datetime64[D]").astype(np.int64)
    length = (start + 1).astype("datetime64[D]").astype(np.int64) - first
    days: NDArray[np.int64] = first + (rng.random(years.size) * length).astype(np.int64)
    return days


def _ymd(days: NDArray[np.int64]) -> tuple[NDArray[np.int64], ...]:
    date = days.astype("datetime64[D]")
    month_start = date.astype("datetime64[M]")
    year = date.astype("datetime64[Y]").astype(np.int64) + 1970
    month = month_start.astype(np.int64) % 12 + 1
    day = (date - month_start.astype("datetime64[D]")).astype(np.int64) + 1
    return year, month, day


def _pick(
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


def _sub_variation(
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
    chosen = _pick(rng, [w for _, w in subs], matrix, np.ones(rows_.size, dtype=np.int64))
    out = {sub: rows_[chosen[:, k]] for k, (sub, _) in enumerate(subs)}
    for sub, idx in out.items():
        counts[f"copy_{name}_{sub}"] = int(idx.size)
    return out


def _company_names(rng: np.random.Generator, t: _PeopleTables, city: NDArray[np.int64]) -> StrArray:
    """Company names without legal form: "Boulangerie Martin", "Dupont Conseil", "Martin et
    Fils", "Martin-Dubois", "Lyon Nettoyage", "Groupe Moreau", "ADN Services"."""
    n = city.size
    last = t.last[_choice(rng, n, t.p_last)]
    last2 = t.last[_choice(rng, n, t.p_last)]
    activity = t.activity[rng.integers(0, t.activity.size, n)]
    sector = t.sector[rng.integers(0, t.sector.size, n)]
    acronym = _add(*(t.capitals[rng.integers(0, 26, n)] for _ in range(3)))
    pattern = _choice(rng, n, np.array([0.30, 0.30, 0.10, 0.10, 0.10, 0.05, 0.05]))
    out = _add(activity, " ", last)
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
        out[idx] = _add(*(p if isinstance(p, str) else p[idx] for p in parts))
    return out


def _slug(values: StrArray) -> StrArray:
    """ASCII, lower case, letters and digits only (for e-mail domains and local parts)."""
    unique, inverse = np.unique(values, return_inverse=True)
    out = np.strings.lower(np.strings.translate(unique, _ACCENTS))
    for c in (" ", "-", "'", "."):
        out = np.strings.replace(out, c, "")
    slugs: StrArray = out[inverse]
    return slugs


def _people_chunk(
    rng: np.random.Generator,
    t: _PeopleTables,
    registry: _PeopleRegistry,
    kind: PeopleKind,
    first_id: int,
    first_person: int,
    n: int,
    extra: int,
    today: dt.date,
) -> _PeopleChunk:
    counts: dict[str, int] = {}
    b2c = kind == "b2c"
    entity, is_copy, people = _clusters(rng, n, extra)

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
    homes = _draw_homes(rng, t, groups_ + singles, kind)
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
        year = t.birth_year[_choice(rng, people, t.p_birth_year)]
        head_year = rng.integers(1935, 1981, groups_)
        partner_year = np.clip(head_year + rng.integers(-6, 7, groups_), BIRTH_YEARS[0], 1986)
        parents = np.repeat(np.maximum(head_year, partner_year), sizes)
        year[:grouped_people] = np.select(
            [role[:grouped_people] == 0, role[:grouped_people] == 1],
            [np.repeat(head_year, sizes), np.repeat(partner_year, sizes)],
            np.minimum(parents + rng.integers(20, 36, grouped_people), BIRTH_YEARS[1]),
        )
        birth = _birth_days(rng, year)
        # twins: the two children of some 4-person households
        four = np.flatnonzero((sizes == 4) & (rng.random(groups_) < TWINS_SHARE))
        birth[first_member[four] + 3] = birth[first_member[four] + 2]
        twins[first_member[four] + 2] = twins[first_member[four] + 3] = np.arange(four.size)
        counts["twin_pairs"] = int(four.size)
        second_twin = np.zeros(people, dtype=np.bool_)
        second_twin[first_member[four] + 3] = True
        _distinct_in_group(
            rng,
            group_of,
            birth,
            second_twin,
            lambda idx: birth[idx] + rng.integers(30, 400, idx.size),
        )
    else:
        female = rng.random(people) < 0.45
    fi = _first_names(rng, t, female)
    _distinct_in_group(
        rng, group_of, fi, np.zeros(people, np.bool_), lambda idx: _first_names(rng, t, female[idx])
    )
    li = _choice(rng, people, t.p_last)
    if b2c:
        li[:grouped_people] = li[head]
        born_before = birth < np.int64((dt.date(1996, 1, 1) - dt.date(1970, 1, 1)).days)
        married = female & np.where(
            grouped,
            (role == 1) & (rng.random(people) < PARTNER_MAIDEN_NAME_SHARE),
            born_before & (rng.random(people) < MAIDEN_NAME_SHARE),
        )
        idx = np.flatnonzero(married)
        maiden[idx] = _choice(rng, idx.size, t.p_last)
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
        homes.city[home[b[same_city]]] = _choice(rng, same_city.size, t.p_city)
        same_city = same_city[homes.city[home[b[same_city]]] == homes.city[home[a[same_city]]]]

    # Phones: one landline per home (b2b: switchboard), a mobile per person.
    home_has_line = np.where(
        np.arange(homes.city.size) < groups_,
        rng.random(homes.city.size) < (1.0 if b2c else LANDLINE_SHARE[kind]),
        rng.random(homes.city.size) < LANDLINE_SHARE[kind],
    )
    line_homes = np.flatnonzero(home_has_line)
    landline_of_home = np.zeros(homes.city.size, dtype=np.int64)
    landline_of_home[line_homes], registry.phones = _unique_numbers(
        rng, registry.phones, t.zone[homes.city[line_homes]], 100_000_000
    )
    landline = landline_of_home[home]
    has_mobile = np.flatnonzero(rng.random(people) < MOBILE_SHARE[kind])
    mobile = np.zeros(people, dtype=np.int64)
    mobile[has_mobile], registry.phones = _unique_numbers(
        rng,
        registry.phones,
        np.where(rng.random(has_mobile.size) < 0.65, 6, 7).astype(np.int64),
        100_000_000,
    )
    phone_format = _choice(rng, people, t.p_format)

    # Companies (b2b): one per establishment, some establishments of a company already there.
    company = np.arange(homes.city.size)
    if not b2c:
        other = np.flatnonzero(rng.random(company.size) < OTHER_ESTABLISHMENT_SHARE)
        other = other[other > 0]
        company[other] = (rng.random(other.size) * other).astype(np.int64)  # an earlier one
        company = company[company]  # earlier ones may point further back: one hop suffices
        companies = company.size
        base = _company_names(rng, t, homes.city)
        form = np.where(
            rng.random(companies) < NO_LEGAL_FORM_SHARE,
            -1,
            _choice(rng, companies, t.p_legal_form),
        )
        dotted = rng.random(companies) < 0.10
        prefix = rng.random(companies) < 0.25
        caps = rng.random(companies) < 0.20
        domain = _add(_slug(base), np.where(rng.random(companies) < 0.7, ".fr", ".com"))
        payload, registry.sirens = _unique_numbers(
            rng, registry.sirens, rng.integers(3, 10, companies).astype(np.int64), 10_000_000
        )
        siren = payload * 10 + _luhn_digit(payload)
        nic = rng.integers(1, 100, homes.city.size).astype(np.int64)
        _distinct_in_group(
            rng,
            company,
            nic,
            np.zeros(company.size, np.bool_),
            lambda idx: rng.integers(100, 1000, idx.size),
        )

    # E-mails.
    if b2c:
        emails = _emails(rng, t, registry, fi, li)
        family = np.flatnonzero(rng.random(groups_) < FAMILY_EMAIL_SHARE)
        pattern = _choice(rng, family.size, t.p_family_pattern)
        family_email: StrArray = np.zeros(family.size, dtype=StringDType())
        head_i, partner_i = first_member[family], first_member[family] + 1
        for k, (name, _) in enumerate(FAMILY_EMAIL_PATTERNS):
            idx = np.flatnonzero(pattern == k)
            pieces = {
                "n": t.last_slug[li[head_i[idx]]],
                "p": t.first_slug[fi[head_i[idx]]],
                "q": t.first_slug[fi[partner_i[idx]]],
            }
            family_email[idx] = _add(*_tokens(name, pieces))
        family_email = _add(family_email, t.domain[_choice(rng, family.size, t.p_domain)])
        redraw = _add("famille.", t.last_slug[li[head_i]])
        family_email = _unique_emails(rng, registry, family_email, redraw)
        email_of_group = np.zeros(groups_, dtype=StringDType())
        email_of_group[family] = family_email
        takes = grouped & (email_of_group[np.minimum(home, max(groups_ - 1, 0))] != "")
        takes &= (role <= 1) | (rng.random(people) < 0.5)
    else:
        webmail = rng.random(people) < WEBMAIL_SHARE_B2B
        local: StrArray = np.empty(people, dtype=StringDType())
        pattern = _choice(rng, people, t.p_company_pattern)
        for k, (name, _) in enumerate(COMPANY_EMAIL_PATTERNS):
            idx = np.flatnonzero(pattern == k)
            pieces = {
                "p": t.first_slug[fi[idx]],
                "i": t.first_initial[fi[idx]],
                "n": t.last_slug[li[idx]],
            }
            local[idx] = _add(*_tokens(name, pieces))
        web = np.flatnonzero(webmail)
        local[web] = _local_parts(rng, t, fi[web], li[web])
        emails = _add(local, "@", domain[company[home]])
        emails[web] = _add(local[web], t.domain[_choice(rng, web.size, t.p_domain)])
        emails = _unique_emails(rng, registry, emails, _add(t.first_slug[fi], ".", t.last_slug[li]))
        shared = np.flatnonzero(rng.random(groups_) < FAMILY_EMAIL_SHARE)
        shared_email = _add(
            t.shared_local[rng.integers(0, t.shared_local.size, shared.size)],
            "@",
            domain[company[shared]],
        )
        shared_email = _unique_emails(
            rng, registry, shared_email, _add("contact", _slug(t.city[homes.city[shared]]))
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
        card[has_card] = _add(
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
    chosen = _pick(rng, [w for _, w, _ in PEOPLE_VARIATIONS], matrix, how_many)
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
    first[idx] = _typos(rng, t, first[idx])
    idx = var["typo_last_name"]
    last[idx] = _typos(rng, t, last[idx])
    idx = var["names_swapped"]
    first[idx], last[idx] = last[idx], first[idx]

    # date of birth
    year_, month_, day_ = _ymd(r_birth)
    if b2c:
        idx = var["date_of_birth"]
        y, m, d = year_[idx], month_[idx], day_[idx]
        yy = y % 100
        year_swap = y - yy + (yy % 10) * 10 + yy // 10
        year_digits = (yy // 10 != yy % 10) & (year_swap >= 1900) & (year_swap <= 2010)
        day_swap = (d % 10) * 10 + d // 10
        day_digits = (d // 10 != d % 10) & (day_swap >= 1) & (day_swap <= 28)
        sub = _sub_variation(
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
    sub = _sub_variation(rng, counts, "address", idx, {})
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
    new = _draw_homes(rng, t, moved.size, kind)
    again = np.flatnonzero(new.city == address.city[moved])
    while again.size:
        new.city[again] = _choice(rng, again.size, t.p_city)
        again = again[new.city[again] == address.city[moved[again]]]
    address.put(moved, new)
    had_line = moved[r_landline[moved] > 0]
    keep = had_line[rng.random(had_line.size) < 0.5]
    r_landline[had_line] = 0
    r_landline[keep], registry.phones = _unique_numbers(
        rng, registry.phones, t.zone[address.city[keep]], 100_000_000
    )
    if not b2c:
        r_nic[moved] = (r_nic[moved] + rng.integers(1, 900, moved.size)) % 1000 + 1

    # e-mail
    idx = var["email"]
    sub = _sub_variation(rng, counts, "email", idx, {"gmail_dots": gmail[np.searchsorted(cp, idx)]})
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
        _add(np.strings.replace(local, ".", ""), rest),
        _add(np.strings.slice(local, 0, cut), ".", np.strings.slice(local, cut, None), rest),
    )
    rows_ = sub["provider"]
    at = np.strings.find(email[rows_], "@")
    current = np.strings.slice(email[rows_], at + 1, None)
    domain_k = _choice(rng, rows_.size, t.p_domain)
    clash = np.flatnonzero(t.domain_name[domain_k] == current)
    domain_k[clash] = (domain_k[clash] + rng.integers(1, t.domain.size, clash.size)) % t.domain.size
    email[rows_] = _add(np.strings.slice(email[rows_], 0, at), t.domain[domain_k])
    email[sub["blank"]] = ""

    # phones
    idx = var["phone_format"]
    fmt[idx] = (fmt[idx] + rng.integers(1, len(PHONE_FORMATS), idx.size)) % len(PHONE_FORMATS)
    idx = var["phones_swapped"]
    r_landline[idx], r_mobile[idx] = r_mobile[idx], r_landline[idx]

    # company
    if not b2c:
        idx = var["company_name"]
        sub = _sub_variation(rng, counts, "company_name", idx, {})
        rows_ = sub["legal_form"]
        none = r_form[rows_] < 0
        r_form[rows_[none]] = _choice(rng, int(none.sum()), t.p_legal_form)
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
    numero, adresse = _render_address(t, address)
    has_line, has_mobile_ = np.flatnonzero(r_landline > 0), np.flatnonzero(r_mobile > 0)
    telephone = np.zeros(n, dtype=StringDType())
    telephone[has_line] = _format_phones(t, r_landline[has_line], fmt[has_line])
    mobile_s = np.zeros(n, dtype=StringDType())
    mobile_s[has_mobile_] = _format_phones(t, r_mobile[has_mobile_], fmt[has_mobile_])
    days = rng.integers(0, YEARS_OF_DATES * 365, n).astype("timedelta64[D]")
    order = _fr_dates(_strings(np.datetime_as_string(np.datetime64(today, "D") - days, unit="D")))
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
        values["date_naissance"] = _add(
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
            np.where(r_prefix, _add(form_s, " ", name_), _add(name_, " ", form_s)),
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
        values["siret"] = _siret(r_siren, r_nic).astype(StringDType())
        values["tva_intra"] = _add("FR", t.pairs[tva_key(r_siren)], r_siren.astype(StringDType()))

    # One field blanked (last, so that nothing fills it again).
    idx = var["missing_value"]
    names = MISSING_FIELDS[kind]
    filled = np.stack([values[f][idx] != "" for f in names], axis=1).reshape(idx.size, len(names))
    which = _pick(rng, [1.0] * len(names), filled, np.ones(idx.size, dtype=np.int64))
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

"""What the synthetic files are drawn from: French first names (about 100 male and 100 female,
and 20 compound ones), about 290 last names, about 165 postcodes of 120 cities (with their
population and telephone zone), e-mail domains and patterns, phone formats, street types and
names, places, trades, sectors and legal forms of companies, and the shares they are drawn
with; and the helpers of arrays of strings (:func:`string_array`, :func:`concat`,
:func:`pattern_tokens`) and of drawing (:func:`choice`, :func:`zipf`), with the tables as arrays
(:class:`Tables`)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
from numpy.dtypes import StringDType
from numpy.typing import NDArray

StrArray = NDArray[Any]  # of numpy.dtypes.StringDType

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
YEARS_OF_DATES = 6  # dates of last order: within this many years before today
_ACCENTED = "àâäáãçéèêëíìîïñóòôöõúùûüýÿÀÂÄÁÃÇÉÈÊËÍÌÎÏÑÓÒÔÖÕÚÙÛÜÝ"
_UNACCENTED = "aaaaaceeeeiiiinooooouuuuyyAAAAACEEEEIIIINOOOOOUUUUY"
# A str.translate table (index = code point) for Latin-1: accented letters -> plain ones.
ACCENTS = "".join(
    _UNACCENTED[_ACCENTED.index(chr(i))] if chr(i) in _ACCENTED else chr(i) for i in range(256)
)

# The people files' own tables (crmwb.customer_file.synthetic_people).
BIRTH_YEARS = (1930, 2008)
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
MAX_STREET_NUMBER = 180


def string_array(values: Any) -> StrArray:
    """``values`` as a numpy array of strings (StringDType)."""
    return np.asarray(values, dtype=StringDType())


def ascii_slug(name: str) -> str:
    """ "Le Gall" -> "legall", "D'Amico" -> "damico", "Jean-Pierre" -> "jeanpierre"."""
    return "".join(c for c in name.translate(ACCENTS).lower() if c.isalpha())


def probabilities(weights: Any) -> NDArray[np.float64]:
    """``weights`` as probabilities (summing to 1)."""
    w = np.asarray(weights, dtype=np.float64)
    out: NDArray[np.float64] = w / w.sum()
    return out


def zipf(n: int) -> NDArray[np.float64]:
    """Zipf-like probabilities of ``n`` entries, the first the most frequent (1 / (rank + 5))."""
    return probabilities(1.0 / (np.arange(n) + 5.0))


class Tables:
    """The name, city, email and phone tables as numpy arrays (built once per file)."""

    def __init__(self) -> None:
        self.male = len(MALE_FIRST_NAMES)
        firsts = MALE_FIRST_NAMES + FEMALE_FIRST_NAMES
        self.first = string_array(firsts)
        self.first_slug = string_array([ascii_slug(n) for n in firsts])
        self.first_initial = np.strings.slice(self.first_slug, 1)
        self.p_male = zipf(len(MALE_FIRST_NAMES))
        self.p_female = zipf(len(FEMALE_FIRST_NAMES))
        self.last = string_array(LAST_NAMES)
        self.last_slug = string_array([ascii_slug(n) for n in LAST_NAMES])
        self.p_last = zipf(len(LAST_NAMES))
        self.city = string_array([c[0] for c in CITIES])
        self.postcode = string_array([c[1] for c in CITIES])
        self.p_city = probabilities([c[2] for c in CITIES])
        self.zone = np.array([c[3] for c in CITIES], dtype=np.int64)
        self.domain = string_array(["@" + d for d, _ in EMAIL_DOMAINS])
        self.p_domain = probabilities([w for _, w in EMAIL_DOMAINS])
        self.p_pattern = probabilities([w for _, w in EMAIL_PATTERNS])
        self.p_format = probabilities([w for _, w in PHONE_FORMATS])
        self.pairs = string_array([f"{i:02d}" for i in range(100)])
        self.digits = string_array([str(i) for i in range(10)])
        self.letters = string_array(list("abcdefghijklmnopqrstuvwxyz"))


def concat(*parts: StrArray | str) -> StrArray:
    """The ``parts`` (arrays of strings, or strings) joined element by element."""
    out = string_array(parts[0]) if isinstance(parts[0], str) else parts[0]
    for part in parts[1:]:
        out = np.strings.add(out, part)
    return out


def choice(rng: np.random.Generator, n: int, p: NDArray[np.float64]) -> NDArray[np.int64]:
    """``n`` indices of the entries of ``p`` drawn with the probabilities ``p``."""
    return rng.choice(p.size, size=n, p=p).astype(np.int64)


def pattern_tokens(pattern: str, pieces: Mapping[str, StrArray]) -> list[StrArray | str]:
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

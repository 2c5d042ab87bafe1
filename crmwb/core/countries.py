"""Countries the workbench knows by name: those of the European Economic Area (where personal
data may be hosted without a transfer outside the EU, and whose names a consultant may type
for an ISO code)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

EU_EEA: Mapping[str, tuple[str, str]] = MappingProxyType(
    {
        "AT": ("Autriche", "Austria"),
        "BE": ("Belgique", "Belgium"),
        "BG": ("Bulgarie", "Bulgaria"),
        "HR": ("Croatie", "Croatia"),
        "CY": ("Chypre", "Cyprus"),
        "CZ": ("Tchéquie", "Czechia"),
        "DK": ("Danemark", "Denmark"),
        "EE": ("Estonie", "Estonia"),
        "FI": ("Finlande", "Finland"),
        "FR": ("France", "France"),
        "DE": ("Allemagne", "Germany"),
        "GR": ("Grèce", "Greece"),
        "HU": ("Hongrie", "Hungary"),
        "IE": ("Irlande", "Ireland"),
        "IT": ("Italie", "Italy"),
        "LV": ("Lettonie", "Latvia"),
        "LT": ("Lituanie", "Lithuania"),
        "LU": ("Luxembourg", "Luxembourg"),
        "MT": ("Malte", "Malta"),
        "NL": ("Pays-Bas", "Netherlands"),
        "PL": ("Pologne", "Poland"),
        "PT": ("Portugal", "Portugal"),
        "RO": ("Roumanie", "Romania"),
        "SK": ("Slovaquie", "Slovakia"),
        "SI": ("Slovénie", "Slovenia"),
        "ES": ("Espagne", "Spain"),
        "SE": ("Suède", "Sweden"),
        "IS": ("Islande", "Iceland"),
        "LI": ("Liechtenstein", "Liechtenstein"),
        "NO": ("Norvège", "Norway"),
    }
)
"""The countries of the European Economic Area (the 27 of the EU, then Iceland, Liechtenstein and
Norway): ISO 3166 code -> (French name, English name). Personal data hosted anywhere else is
transferred outside the EU (GDPR chapter V), adequacy decision or not."""

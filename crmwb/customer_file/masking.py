"""Personal values as a report may show them, masked: an e-mail (``j***@o***.fr``), a phone
(``06 ** ** ** 78``), a person's initials (``J. D.``) and a postcode (``75***``)."""

from __future__ import annotations

import re


def mask_email(value: str) -> str:
    """The e-mail with only its first letter, the domain's first letter and the top-level
    domain left.

    >>> mask_email("jean.dupont@orange.fr")
    'j***@o***.fr'
    >>> mask_email("no-at-sign")
    'n***'
    """
    text = value.strip()
    if not text:
        return ""
    local, at, domain = text.rpartition("@")
    if not at:
        return text[0] + "***"
    masked_domain = domain[:1] + "***"
    if "." in domain:
        masked_domain += "." + domain.rpartition(".")[2]
    return f"{local[:1]}***@{masked_domain}"


def _french_national(value: str, digits: str) -> str | None:
    """A French number as its 10 national digits (0X XX XX XX XX), or None."""
    if re.match(r"^[^0-9]*\+", value) or digits.startswith("00"):
        rest = digits[2:] if digits.startswith("00") else digits
        if not rest.startswith("33"):
            return None
        nsn = rest[2:]
        if len(nsn) == 10 and nsn.startswith("0"):
            return nsn
        return "0" + nsn if len(nsn) == 9 else None
    if len(digits) == 10 and digits.startswith("0"):
        return digits
    if len(digits) == 9:
        return "0" + digits
    if len(digits) == 11 and digits.startswith("33"):
        return "0" + digits[2:]
    return None


def mask_phone(value: str, country: str = "FR") -> str:
    """The phone number with its first two and last two digits left, every other digit (and
    letter) as ``*``. A French number (``country`` FR, 9 national digits however written:
    ``+33 6...``, ``0033 6...``, ``06...``, ``6...``) is shown in national form grouped by two;
    any other keeps its own layout. A value of 5 digits or fewer is fully masked.

    >>> mask_phone("06 12 34 56 78")
    '06 ** ** ** 78'
    >>> mask_phone("+33612345678")
    '06 ** ** ** 78'
    >>> mask_phone("+44 20 7946 0958", "GB")
    '+44 ** **** **58'
    """
    text = value.strip()
    digits = re.sub(r"\D", "", text)
    if len(digits) <= 5:
        return re.sub(r"[0-9A-Za-z]", "*", text)
    if country.strip().upper() == "FR":
        national = _french_national(text, digits)
        if national is not None:
            masked = national[:2] + "*" * 6 + national[-2:]
            return " ".join(masked[i : i + 2] for i in range(0, 10, 2))
    out: list[str] = []
    seen = 0
    for char in text:
        if char.isdigit():
            seen += 1
            out.append(char if seen <= 2 or seen > len(digits) - 2 else "*")
        else:
            out.append("*" if char.isalpha() else char)
    return "".join(out)


def initials(first_name: str | None, last_name: str | None) -> str:
    """A person reduced to initials, ``"J. D."``; a blank part is left out.

    >>> initials("jean", "Dupont"), initials(None, "Élise")
    ('J. D.', 'É.')
    """
    parts = [p.strip() for p in (first_name, last_name) if p and p.strip()]
    return " ".join(f"{p[0].upper()}." for p in parts)


def mask_postcode(value: str | None) -> str:
    """A postcode reduced to its first two characters (the French département).

    >>> mask_postcode("75011")
    '75***'
    """
    text = (value or "").strip()
    return f"{text[:2]}***" if text else ""


__all__ = ["initials", "mask_email", "mask_phone", "mask_postcode"]

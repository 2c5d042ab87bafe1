"""Every word a client reads, from gettext catalogs; numbers, money and dates by locale (Babel).

The words live in PO catalogs under ``crmwb/locale/<language>/LC_MESSAGES/``, one file per
capability (``tco.po``, ``roi.po``, ...), that a translator opens in any PO editor. A message is
found by its key, the ``msgctxt`` of the catalog entry (``"tco.title"``); its ``msgid`` is the
English source text, so a translator sees what to translate. Plural messages carry one form per
plural category of the language (:func:`tn`). Adding a language is adding its catalogs and its
locale code in :data:`LOCALES` (the README says how).

>>> money(13200, "EUR", "fr") == "13\\u202f200\\u00a0€"
True
>>> money(13200, "EUR", "en")
'€13,200'
>>> percent(0.2, "fr") == "20\\u00a0%"
True
>>> t("tco.title", "en")
'Total cost of ownership'
>>> date(dt.date(2026, 9, 1), "fr")
'1er septembre 2026'
>>> t("tco.title", PSEUDO)
'⟦Total cost of ownership⟧'
"""

from __future__ import annotations

import datetime as dt
import gettext
import os
import string
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import TypeAlias

from babel import Locale
from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from crmwb.core.po_reader import read_po_text

Lang: TypeAlias = str
"""A language code of :data:`LOCALES` (or :data:`PSEUDO`), checked by :func:`check_lang`."""

LOCALES: dict[Lang, str] = {"fr": "fr_FR", "en": "en_GB"}
"""The languages crmwb speaks, each with the locale its numbers, money and dates follow."""

LANGUAGES: tuple[Lang, ...] = tuple(LOCALES)
DEFAULT_LANG: Lang = "fr"
SOURCE_LANG: Lang = "en"
"""The catalogs' ``msgid`` language: the pseudo-locale is made from it."""

PSEUDO: Lang = "qps"
"""A test locale: every catalog string wrapped in :data:`PSEUDO_MARKS`, numbers as in English.

Render a deliverable in it and any visible text outside the marks is a string that does not come
from the catalogs (tests/core/test_pseudo_locale.py)."""
PSEUDO_MARKS = ("⟦", "⟧")

CURRENCIES: tuple[str, ...] = ("EUR", "USD", "GBP", "CHF", "CAD")
CATALOGS = files("crmwb") / "locale"


def check_lang(value: object) -> Lang:
    """``value`` as a language code, or ValueError naming the accepted ones."""
    text = str(value).strip().lower()
    if text not in LOCALES and text != PSEUDO:
        raise ValueError(f"a language among {', '.join(LANGUAGES)}, found {value!r}")
    return text


def babel_locale(lang: Lang) -> str:
    """The Babel locale whose conventions numbers, money and dates follow in ``lang``."""
    return LOCALES.get(lang, LOCALES[SOURCE_LANG])


def user_language(environ: Mapping[str, str] = os.environ) -> Lang:
    """The consultant's language for the command line: ``CRMWB_LANG``, else the first of
    ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` naming a language crmwb speaks, else French.

    >>> user_language({"LANG": "en_GB.UTF-8"})
    'en'
    >>> user_language({"LANG": "C.UTF-8"})
    'fr'
    """
    for variable in ("CRMWB_LANG", "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        for part in environ.get(variable, "").split(":"):
            code = part.split("_")[0].split(".")[0].lower()
            if code in LOCALES:
                return code
    return DEFAULT_LANG


# --- catalogs --------------------------------------------------------------------------------


Text = str | tuple[str, ...]
"""A message: one text, or one text per plural form."""


@dataclass(frozen=True)
class Catalog:
    """The messages of one language, by key, and its rule choosing a plural form."""

    lang: Lang
    messages: Mapping[str, Text]
    plural: Callable[[int], int]


def catalog_files(lang: Lang) -> Iterator[tuple[str, str]]:
    """(file name, text) of each PO file of ``lang``, by name."""
    folder = CATALOGS / lang / "LC_MESSAGES"
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".po"):
            yield entry.name, entry.read_text(encoding="utf-8")


@cache
def catalog(lang: Lang) -> Catalog:
    """The catalog of ``lang``, read once from its PO files (the pseudo-locale is made)."""
    if lang == PSEUDO:
        return _pseudo(catalog(SOURCE_LANG))
    if lang not in LOCALES:
        raise KeyError(f"no catalog for language {lang!r}")
    messages: dict[str, Text] = {}
    plural_expr = "(n != 1)"
    for _, text in catalog_files(lang):
        po = read_po_text(text)
        plural_expr = po.plural or plural_expr
        for message in po.messages:
            if not message.id or not message.context:
                continue
            if message.context in messages:
                raise KeyError(f"message {message.context!r} twice in the {lang} catalogs")
            strings = message.strings
            messages[message.context] = strings if message.plural_id is not None else strings[0]
    return Catalog(lang, messages, gettext.c2py(plural_expr))


def _pseudo(source: Catalog) -> Catalog:
    """The source catalog with every literal part of every message between marks, and its
    placeholders left outside: a value put in a message must itself come from the catalogs, or
    be client data, a number or a date, for the pseudo-locale test to pass."""
    left, right = PSEUDO_MARKS

    def mark(text: str) -> str:
        parts = []
        for literal, field, spec, conversion in string.Formatter().parse(text):
            if literal:
                parts.append(f"{left}{_escape_braces(literal)}{right}")
            if field is not None:
                conv = f"!{conversion}" if conversion else ""
                parts.append(f"{{{field}{conv}{':' + spec if spec else ''}}}")
        return "".join(parts)

    messages = {
        key: tuple(mark(s) for s in text) if isinstance(text, tuple) else mark(text)
        for key, text in source.messages.items()
    }
    return Catalog(PSEUDO, messages, source.plural)


def _escape_braces(text: str) -> str:
    return text.replace("{", "{{").replace("}", "}}")


def _message(key: str, lang: Lang) -> Text:
    try:
        return catalog(lang).messages[key]
    except KeyError:
        raise KeyError(f"no {lang} message for {key!r}") from None


def t(key: str, lang: Lang, **values: object) -> str:
    """The message ``key`` in ``lang``, with its ``{placeholders}`` filled from ``values``.

    A placeholder may ask for French elision: ``{name:de}`` writes « de Marie » or « d'Anne ».
    """
    text = _message(key, lang)
    if isinstance(text, tuple):
        raise KeyError(f"message {key!r} has plural forms: use tn()")
    return _FORMATTER.format(text, **values) if values else text


def tn(key: str, n: int, lang: Lang, **values: object) -> str:
    """The plural message ``key`` in the form ``lang`` uses for ``n`` (« 1 point », « 2 points »).

    ``n`` chooses the form only; the count is shown where the message has its placeholder.
    """
    forms = _message(key, lang)
    if not isinstance(forms, tuple):
        raise KeyError(f"message {key!r} has no plural forms: use t()")
    index = catalog(lang).plural(abs(int(n)))
    return _FORMATTER.format(forms[min(index, len(forms) - 1)], **values)


def has_message(key: str) -> bool:
    """Whether ``key`` is a message of the catalogs."""
    return key in catalog(SOURCE_LANG).messages


def message_keys() -> tuple[str, ...]:
    """Every message key, in the source catalog's order."""
    return tuple(catalog(SOURCE_LANG).messages)


def all_labels(key: str) -> tuple[str, ...]:
    """The label ``key`` in every language, and its former wordings (to read a workbook back,
    whatever its language and whichever version of crmwb wrote it)."""
    labels = [t(key, lang) for lang in LANGUAGES]
    labels.extend(former_labels().get(key, ()))
    return tuple(dict.fromkeys(labels))


@cache
def former_labels() -> dict[str, tuple[str, ...]]:
    """Labels of sheets, columns and choices as earlier versions of crmwb wrote them."""
    import json

    path = CATALOGS / "former_labels.json"
    data: dict[str, list[str]] = json.loads(path.read_text(encoding="utf-8"))
    return {key: tuple(texts) for key, texts in data.items()}


def quoted(text: str, lang: Lang) -> str:
    """A name quoted the language's way: « Acheteur » or 'Buyer'."""
    return t("format.quoted", lang, text=text)


# --- grammar in placeholders -----------------------------------------------------------------

_VOWELS = frozenset("aeiouàâäéèêëîïôöùûüœæh")


def _elide(word: str, full: str, elided: str) -> str:
    """``full + word``, or ``elided + word`` before a vowel or a mute h (French elision)."""
    first = word.lstrip()[:1].casefold()
    return f"{elided}{word}" if first and first in _VOWELS else f"{full}{word}"


class _Formatter(string.Formatter):
    """``str.format`` with grammar specs: ``{name:de}`` -> « de Marie » / « d'Anne »."""

    GRAMMAR: Mapping[str, tuple[str, str]] = {"de": ("de ", "d'"), "que": ("que ", "qu'")}

    def format_field(self, value: object, format_spec: str) -> str:
        if format_spec in self.GRAMMAR:
            return _elide(str(value), *self.GRAMMAR[format_spec])
        return str(super().format_field(value, format_spec))


_FORMATTER = _Formatter()


# --- numbers, money, dates -------------------------------------------------------------------


@cache
def _currency_pattern(lang: Lang, decimals: bool) -> str:
    pattern = str(Locale.parse(babel_locale(lang)).currency_formats["standard"].pattern)
    return pattern if decimals else pattern.replace(".00", "")


def money(amount: float, currency: str, lang: Lang, *, cents: bool = False) -> str:
    """An amount the way the client's locale writes it: ``13 200 €`` or ``€13,200``.

    Whole units by default (deliverables round to the unit); ``cents=True`` for unit prices.
    """
    pattern = _currency_pattern(lang, cents)
    return str(
        format_currency(
            round(amount, 2 if cents else 0) + 0.0,  # + 0.0: no "-0 €"
            currency,
            format=pattern,
            locale=babel_locale(lang),
            currency_digits=False,
        )
    )


def number(value: float, lang: Lang, *, decimals: int = 0) -> str:
    """A plain number with the locale's separators: ``1 500`` or ``1,500``."""
    fmt = "#,##0" + ("." + "0" * decimals if decimals else "")
    return str(format_decimal(round(value, decimals) + 0.0, format=fmt, locale=babel_locale(lang)))


def decimal(value: float, lang: Lang) -> str:
    """A number as typed, with the locale's decimal sign and no trailing zeros: ``0,25``, ``20``.

    >>> decimal(0.25, "fr"), decimal(20.0, "en"), decimal(1500.5, "en")
    ('0,25', '20', '1,500.5')
    """
    return str(format_decimal(value, format="#,##0.######", locale=babel_locale(lang)))


def percent(fraction: float, lang: Lang, *, decimals: int = 0) -> str:
    """A fraction as a percentage: 0.2 -> ``20 %`` (French) or ``20%`` (English)."""
    pattern = str(Locale.parse(babel_locale(lang)).percent_formats[None].pattern)
    if decimals:
        pattern = pattern.replace("#,##0", "#,##0." + "0" * decimals, 1)
    return str(format_percent(fraction, format=pattern, locale=babel_locale(lang)))


def date(value: dt.date, lang: Lang) -> str:
    """A date in words: ``1er septembre 2026``, ``23 novembre 2026`` or ``23 November 2026``.

    The patterns are messages (``format.date``, and ``format.date.first`` for the first day of a
    month, where French writes « 1er »), so each language sets its own.
    """
    key = "format.date.first" if value.day == 1 else "format.date"
    return date_pattern(value, t(key, SOURCE_LANG if lang == PSEUDO else lang), lang)


def date_pattern(value: dt.date, pattern: str, lang: Lang) -> str:
    """``value`` with a CLDR date ``pattern`` (``"MMM y"``) in ``lang``'s month names."""
    return str(format_date(value, format=pattern, locale=babel_locale(lang)))


def excel_money_format(currency: str, lang: Lang) -> str:
    """An Excel number format for whole amounts in ``currency`` (``#,##0 "€"``)."""
    symbol = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF", "CAD": "CA$"}.get(
        currency, currency
    )
    pattern = _currency_pattern(lang, False)
    if pattern.endswith("¤"):  # the symbol after the amount, as French writes it
        return f'#,##0 "{symbol}";-#,##0 "{symbol}"'
    return f'"{symbol}"#,##0;-"{symbol}"#,##0'


def plural_count(value: float, lang: Lang) -> int:
    """The count that chooses the plural form of a noun after ``value`` as it is shown (a
    rounded decimal): 1,5 takes the singular in French, 1.5 the plural in English.

    >>> plural_count(1.5, "fr"), plural_count(1.5, "en"), plural_count(0, "fr")
    (1, 2, 1)
    """
    return 1 if Locale.parse(babel_locale(lang)).plural_form(value) == "one" else 2


def match_key(text: str) -> str:
    """``text`` with case, accents and repeated spaces ignored (names are matched this way)."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.replace("\u00a0", " ").split()).casefold()

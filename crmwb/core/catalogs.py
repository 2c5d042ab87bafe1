"""Keeping the message catalogs whole: templates from the English source, languages merged,
checks that a translation is complete.

The English catalogs (``crmwb/locale/en/LC_MESSAGES/<domain>.po``) are the source: a message is
added there (``msgctxt`` = its key, ``msgid`` = ``msgstr`` = the English text), then
``crmwb catalogs --update`` writes the templates (``crmwb/locale/templates/<domain>.pot``) and
merges them into every other language: a new message arrives untranslated, a message whose
English changed is marked fuzzy with the former English beside it, a message gone is dropped.
:func:`problems` lists what keeps a language from being complete (the tests require none).
"""

from __future__ import annotations

import io
import string
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po, write_po

from crmwb.core import i18n

LOCALE_DIR = Path(str(i18n.CATALOGS))
SOURCE = i18n.SOURCE_LANG

PLURAL_FORMS = {"fr": "nplurals=2; plural=(n > 1);", "en": "nplurals=2; plural=(n != 1);"}
"""Plural rules written in the catalogs' headers (gettext's classic rules; Babel's otherwise)."""

HEADER = """\
crmwb — {language} messages, domain "{domain}".
Every word a client or a consultant reads. The key of a message is its msgctxt; its msgid is the
English source. Placeholders in braces are filled at run time and must stay as they are:
{{name:de}} writes « de Marie » or « d'Anne » (French elision), {{name:que}} likewise with « que ».
French typography: a no-break space before « : » and « % » and between a number and its unit, a
narrow no-break space before « ; ! ? » and inside « guillemets »."""


def po_path(lang: str, domain: str, root: Path = LOCALE_DIR) -> Path:
    return root / lang / "LC_MESSAGES" / f"{domain}.po"


def template_path(domain: str, root: Path = LOCALE_DIR) -> Path:
    return root / "templates" / f"{domain}.pot"


def domains(root: Path = LOCALE_DIR) -> list[str]:
    """The catalog domains (one per capability), as the English source has them."""
    return sorted(p.stem for p in (root / SOURCE / "LC_MESSAGES").glob("*.po"))


def languages(root: Path = LOCALE_DIR) -> list[str]:
    """Every language with catalogs, the source first."""
    found = sorted(
        p.name for p in root.iterdir() if (p / "LC_MESSAGES").is_dir() and p.name != SOURCE
    )
    return [SOURCE, *found]


def read(path: Path, lang: str | None = None) -> Catalog:
    with path.open("rb") as fileobj:
        return read_po(fileobj, locale=lang, domain=path.stem)


def new_catalog(lang: str | None, domain: str) -> Catalog:
    """An empty catalog with crmwb's header for ``lang`` (None: a template)."""
    name = i18n.LOCALES.get(lang, lang) if lang else "template"
    catalog = Catalog(
        locale=lang,
        domain=domain,
        header_comment="\n".join(
            "# " + line if line else "#"
            for line in HEADER.format(language=name, domain=domain).splitlines()
        ),
        project="crmwb",
        version="",
        copyright_holder="crmwb",
        fuzzy=False,
    )
    if lang:
        catalog.mime_headers = [("Plural-Forms", plural_forms(lang))]
    return catalog


def plural_forms(lang: str) -> str:
    if lang in PLURAL_FORMS:
        return PLURAL_FORMS[lang]
    return Catalog(locale=lang).plural_forms


def write(catalog: Catalog, path: Path, *, template: bool = False) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    buffer = io.BytesIO()
    write_po(buffer, catalog, width=0, omit_header=False, include_lineno=False)
    text = buffer.getvalue().decode("utf-8")
    text = "\n".join(line for line in text.splitlines() if not _volatile(line)) + "\n"
    if template:
        text = text.replace('"Language: \\n"\n', "")
    path.write_text(text, encoding="utf-8")


def _volatile(line: str) -> bool:
    """Header lines that would change at every write (dates, tool version) or say nothing."""
    return line.startswith(
        ('"POT-Creation-Date', '"PO-Revision-Date', '"Generated-By', '"Report-Msgid')
    ) or any(filler in line for filler in ("VERSION", "FULL NAME", "LL@li.org"))


# --- update, init ----------------------------------------------------------------------------


def template_of(source: Catalog, domain: str) -> Catalog:
    template = new_catalog(None, domain)
    for message in source:
        if message.id:
            template.add(
                message.id, "", context=message.context, auto_comments=message.auto_comments
            )
    return template


def update(root: Path = LOCALE_DIR) -> list[str]:
    """Write the templates from the English catalogs and merge them into every language.

    Returns one line per change (a message added, changed or dropped, by language)."""
    changes: list[str] = []
    for domain in domains(root):
        source = read(po_path(SOURCE, domain, root), SOURCE)
        for message in source:  # the source language translates itself
            if message.id and message.string != message.id:
                message.string = message.id
        write(source, po_path(SOURCE, domain, root))
        template = template_of(source, domain)
        write(template, template_path(domain, root), template=True)
        for lang in languages(root)[1:]:
            path = po_path(lang, domain, root)
            catalog = read(path, lang) if path.exists() else new_catalog(lang, domain)
            before = {m.context: m.id for m in catalog if m.id}
            catalog.update(template, no_fuzzy_matching=True, update_header_comment=False)
            catalog.obsolete.clear()
            for message in catalog:
                if not message.id:
                    continue
                if message.context not in before:
                    changes.append(f"{lang}/{domain}: new message {message.context}")
                elif before[message.context] != message.id:
                    message.flags.add("fuzzy")
                    message.previous_id = _as_list(before[message.context])
                    changes.append(f"{lang}/{domain}: English changed for {message.context}")
            for key in set(before) - {m.context for m in catalog if m.id}:
                changes.append(f"{lang}/{domain}: dropped {key}")
            write(catalog, path)
    return changes


def init(lang: str, root: Path = LOCALE_DIR) -> list[Path]:
    """Start the catalogs of a new language from the templates (every message to translate)."""
    written = []
    for domain in domains(root):
        path = po_path(lang, domain, root)
        if path.exists():
            raise FileExistsError(path)
        catalog = new_catalog(lang, domain)
        for message in read(template_path(domain, root)):
            if message.id:
                catalog.add(
                    message.id,
                    _empty(message.id, catalog.num_plurals),
                    context=message.context,
                    auto_comments=message.auto_comments,
                )
        write(catalog, path)
        written.append(path)
    return written


def _as_list(msgid: object) -> list[str]:
    return list(_forms(msgid))


def _empty(msgid: object, plurals: int) -> str | tuple[str, ...]:
    return ("",) * plurals if isinstance(msgid, tuple | list) else ""


# --- checks ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    lang: str
    domain: str
    key: str
    what: str

    def __str__(self) -> str:
        return f"{self.lang}/{self.domain}.po, {self.key}: {self.what}"


def placeholders(text: str) -> set[str]:
    """The ``{fields}`` of a message (``{name:de}`` counts as ``name``)."""
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def _forms(value: object) -> tuple[str, ...]:
    """A message's text(s) as a tuple: one per plural form, or the one text."""
    if isinstance(value, tuple | list):
        return tuple(str(text) for text in value)
    return () if value is None else (str(value),)


def problems(root: Path = LOCALE_DIR) -> list[Problem]:
    """What keeps the catalogs from being whole: missing or fuzzy translations, placeholders that
    differ from the English, plural forms missing, a message in one language only, a template
    out of step with the English source."""
    found: list[Problem] = []
    for domain in domains(root):
        source = {str(m.context): m for m in read(po_path(SOURCE, domain, root), SOURCE) if m.id}
        found.extend(_check_source(domain, source))
        pot = template_path(domain, root)
        template = {m.context: m.id for m in read(pot) if m.id} if pot.exists() else {}
        if template != {k: m.id for k, m in source.items()}:
            found.append(
                Problem("templates", domain, "*", "out of step: run crmwb catalogs --update")
            )
        for lang in languages(root)[1:]:
            path = po_path(lang, domain, root)
            if not path.exists():
                found.append(Problem(lang, domain, "*", "no such catalog"))
                continue
            catalog = read(path, lang)
            found.extend(_check_language(lang, domain, catalog, source))
    return found


def _check_source(domain: str, source: dict[str, Message]) -> Iterator[Problem]:
    for key, message in source.items():
        if _forms(message.string) != _forms(message.id):
            yield Problem(SOURCE, domain, key, "the English msgstr differs from its msgid")
        ids = _forms(message.id)
        if len({frozenset(placeholders(text)) for text in ids}) > 1:
            yield Problem(SOURCE, domain, key, "singular and plural have different placeholders")


def _check_language(
    lang: str, domain: str, catalog: Catalog, source: dict[str, Message]
) -> Iterable[Problem]:
    messages = {str(m.context): m for m in catalog if m.id}
    for key in source.keys() - messages.keys():
        yield Problem(lang, domain, key, "missing")
    for key in messages.keys() - source.keys():
        yield Problem(lang, domain, key, "not in the English source")
    for key in source.keys() & messages.keys():
        message, english = messages[key], source[key]
        if message.id != english.id:
            yield Problem(lang, domain, key, "its msgid is not the English source's")
        if message.fuzzy:
            yield Problem(lang, domain, key, "fuzzy: the English changed, review the translation")
        forms = _forms(message.string)
        if isinstance(english.id, tuple) != isinstance(message.string, tuple):
            yield Problem(lang, domain, key, "plural forms where the English has none, or none")
            continue
        if isinstance(message.string, tuple) and len(forms) != catalog.num_plurals:
            yield Problem(
                lang, domain, key, f"{len(forms)} plural forms, not {catalog.num_plurals}"
            )
        if any(not text for text in forms):
            yield Problem(lang, domain, key, "not translated")
            continue
        wanted = placeholders(_forms(english.id)[0])
        for text in forms:
            if placeholders(text) != wanted:
                yield Problem(
                    lang,
                    domain,
                    key,
                    f"placeholders {sorted(placeholders(text))}, the English has {sorted(wanted)}",
                )

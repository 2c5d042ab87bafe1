"""The PO reader of the catalogs (crmwb.core.po_reader) reads what Babel's PO parser reads."""

from __future__ import annotations

import io

import pytest
from babel.messages.pofile import read_po

from crmwb.core.i18n import LOCALES, catalog_files
from crmwb.core.po_reader import PoMessage, read_po_text


def babel_messages(text: str, lang: str) -> tuple[list[PoMessage], str]:
    po = read_po(io.StringIO(text), locale=lang)
    messages = []
    for m in po:
        if m.id == "" and not m.context:
            continue  # the header
        plural = isinstance(m.id, tuple | list)
        strings = tuple(m.string) if plural else (m.string,)
        message_id, plural_id = (m.id[0], m.id[1]) if plural else (m.id, None)
        messages.append(PoMessage(m.context, message_id, plural_id, strings))
    return messages, po.plural_expr


@pytest.mark.parametrize("lang", list(LOCALES))
def test_every_catalog_reads_as_babel_reads_it(lang: str) -> None:
    files = list(catalog_files(lang))
    assert len(files) >= 14
    for name, text in files:
        expected, plural = babel_messages(text, LOCALES[lang])
        po = read_po_text(text)
        assert sorted(po.messages, key=repr) == sorted(expected, key=repr), name
        assert po.plural == plural, name


HAND_MADE = r"""# a translator's comment
msgid ""
msgstr ""
"Language: fr\n"
"Plural-Forms: nplurals=2; plural=(n > 1);\n"

#. extracted comment
#: somewhere.py:12
#, fuzzy, python-format
msgctxt "a.key"
msgid "Say \"hello\"\tthen"
" go"
msgstr ""
"Dites « bonjour »\n"
"puis partez \\ vite"

msgctxt "a.count"
msgid "{n} point"
msgid_plural "{n} points"
msgstr[0] "{n} point"
msgstr[1] "{n} points"
msgid "no context"
msgstr "sans contexte"

#~ msgctxt "gone"
#~ msgid "Obsolete"
#~ msgstr "Obsolète"
"""


def test_a_hand_made_catalog_with_every_kind_of_line() -> None:
    po = read_po_text(HAND_MADE)
    assert po.plural == "(n > 1)"
    assert po.messages == (
        PoMessage(
            "a.key", 'Say "hello"\tthen go', None, ("Dites « bonjour »\npuis partez \\ vite",)
        ),
        PoMessage("a.count", "{n} point", "{n} points", ("{n} point", "{n} points")),
        PoMessage(None, "no context", None, ("sans contexte",)),
    )
    expected, plural = babel_messages(HAND_MADE, "fr_FR")
    assert list(po.messages) == expected and po.plural == plural

"""The message catalogs: whole in every language, placeholders equal, plural forms, French
typography, and the recipe for a third language."""

from __future__ import annotations

import datetime as dt
import re
import shutil
from pathlib import Path

import pytest

from crmwb.core import catalogs, i18n
from crmwb.core.i18n import LANGUAGES, PSEUDO, catalog, t, tn

ROOT = Path(__file__).resolve().parents[2]
FRENCH = catalog("fr").messages


def forms(text: str | tuple[str, ...]) -> tuple[str, ...]:
    return text if isinstance(text, tuple) else (text,)


def french_texts() -> list[tuple[str, str]]:
    return [(key, text) for key, value in FRENCH.items() for text in forms(value)]


def test_the_catalogs_are_whole() -> None:
    # every message in every language, translated, not fuzzy, same placeholders as the English,
    # the right number of plural forms, the templates in step with the English source
    assert [str(p) for p in catalogs.problems()] == []


def test_a_missing_translation_or_a_wrong_placeholder_is_found(tmp_path: Path) -> None:
    root = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE_DIR, root)
    path = catalogs.po_path("fr", "tco", root)
    text = path.read_text(encoding="utf-8")
    text = text.replace('msgstr "Taux d\'actualisation"', 'msgstr ""', 1)
    text = text.replace("{users}\u00a0utilisateurs", "{user}\u00a0utilisateurs", 1)
    path.write_text(text, encoding="utf-8")
    found = {(p.key, p.what.split(" ")[0]) for p in catalogs.problems(root)}
    assert ("tco.discount_rate", "not") in found  # not translated
    assert ("tco.conclusion.per_user", "placeholders") in found


def test_a_third_language_is_a_catalog_and_a_locale_code(tmp_path: Path) -> None:
    root = tmp_path / "locale"
    shutil.copytree(catalogs.LOCALE_DIR, root)
    written = catalogs.init("de", root)
    assert {p.stem for p in written} == set(catalogs.domains(root))
    missing = [p for p in catalogs.problems(root) if p.lang == "de"]
    assert len(missing) == len(i18n.message_keys())  # every message waits for its translation
    assert {p.what for p in missing} == {"not translated"}
    header = catalogs.po_path("de", "tco", root).read_text(encoding="utf-8")
    assert "Plural-Forms: nplurals=2; plural=(n != 1);" in header


def test_every_key_the_code_names_is_in_the_catalogs() -> None:
    literal = re.compile(r"""\b(?:t|tn|ctx\.t|ctx\.tn|self\.t)\(\s*"([a-z_]+(?:\.[\w-]+)+)\"""")
    prefix = re.compile(r"""\b(?:t|tn|ctx\.t|ctx\.tn)\(\s*f"([a-z_]+(?:\.[\w-]+)*\.)\{""")
    keys, prefixes = set(), set()
    sources = [*ROOT.glob("crmwb/**/*.py"), *ROOT.glob("notebooks/*.ipynb")]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        keys |= set(literal.findall(text))
        prefixes |= set(prefix.findall(text))
    known = set(i18n.message_keys())
    assert sorted(keys - known) == []
    assert sorted(p for p in prefixes if not any(k.startswith(p) for k in known)) == []
    assert len(keys) > 400  # the scan sees the code


@pytest.mark.parametrize(
    ("n", "fr", "en"),
    [
        (0, "0 phase", "0 phases"),  # French: 0 and 1 take the singular
        (1, "1 phase", "1 phase"),
        (2, "2 phases", "2 phases"),
    ],
)
def test_plural_forms_follow_each_language(n: int, fr: str, en: str) -> None:
    assert tn("project.figure.phases", n, "fr", count=n) == fr
    assert tn("project.figure.phases", n, "en", count=n) == en


def test_a_plural_message_asks_for_its_count() -> None:
    with pytest.raises(KeyError, match="plural"):
        t("project.figure.phases", "fr", count=2)
    with pytest.raises(KeyError, match="no plural"):
        tn("tco.title", 2, "fr")


@pytest.mark.parametrize(
    ("name", "expected"),
    [("Marie", "de Marie"), ("Anne", "d'Anne"), ("Hélène", "d'Hélène"), ("Éric", "d'Éric")],
)
def test_french_elision_in_a_placeholder(name: str, expected: str) -> None:
    assert i18n._FORMATTER.format("{x:de}", x=name) == expected


def test_dates_write_the_first_of_the_month_as_french_does() -> None:
    assert i18n.date(dt.date(2026, 9, 1), "fr") == "1er septembre 2026"
    assert i18n.date(dt.date(2026, 9, 2), "fr") == "2 septembre 2026"
    assert i18n.date(dt.date(2026, 9, 1), "en") == "1 September 2026"


def test_the_pseudo_locale_marks_every_message() -> None:
    assert t("tco.title", PSEUDO) == "⟦Total cost of ownership⟧"
    # the literal parts are marked, a value put in a message is not: it must be marked itself
    assert tn("project.figure.phases", 2, PSEUDO, count=2) == "2⟦ phases⟧"
    assert set(catalog(PSEUDO).messages) == set(catalog("en").messages)


def test_the_consultants_language_comes_from_the_environment() -> None:
    assert i18n.user_language({"CRMWB_LANG": "en", "LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.user_language({"LANGUAGE": "de:en", "LANG": "fr_FR"}) == "en"
    assert i18n.user_language({}) == "fr"


# --- French as a French consultant writes it (DOMAIN.md §7) -----------------------------------

SPACE_BEFORE = re.compile(r"[^\s\u00a0\u202f]([;!?»])|\S(:)(?=\s|$)|[ \u00a0]([;!?»])|\u202f(:)")
OPEN_QUOTE = re.compile(r"«(?!\u202f)")
PERCENT = re.compile(r"(?:\d|\})(?: |)%")
UNIT = re.compile(r"(?:\d|\}) (?:€|%|mois|jours?|ans|semaines?)\b")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_sloppy_plural_and_no_internal_reference(lang: str) -> None:
    bad = re.compile(
        r"\(s\)|\bseed \d|splink|Fellegi|phonenumbers|DuckDB|matplotlib|Babel|Graphviz|"
        r"crmwb(?! (?:new-client|run|template|examples|catalogs|clients|audit-file|init|"
        r"upgrade|check|diff|workshop)|"
        r"\.i18n|\.toml|_HOME|_SCHEDULER|\[cluster\])",
        re.IGNORECASE,
    )
    # the command line's own messages name its commands (crmwb: error: ...); the workspace's
    # messages name its command (crmwb init), its file (crmwb.toml) and CRMWB_HOME; a run says
    # when a workbook needs crmwb upgrade, a workshop notebook names crmwb workshop (which
    # writes it), and a run on a cluster names its variable
    # (CRMWB_SCHEDULER) and the package to install for it (crmwb[cluster])
    texts = [
        (k, x)
        for k, v in catalog(lang).messages.items()
        if not k.startswith("cli.")
        for x in forms(v)
    ]
    placeholder = re.compile(r"\{[^}]*\}")
    assert [(k, x) for k, x in texts if bad.search(placeholder.sub("", x))] == []


def test_french_typography() -> None:
    wrong = []
    for key, text in french_texts():
        if "http" in text or key.startswith("format.date"):
            continue
        if SPACE_BEFORE.search(text) or OPEN_QUOTE.search(text):
            wrong.append((key, text, "space before ; : ! ? or inside « »"))
        if PERCENT.search(text) or UNIT.search(text):
            wrong.append((key, text, "no-break space before a unit"))
        if '"' in text:
            wrong.append((key, text, "straight double quotes: « »"))
        if re.search(r"\S  ", text):  # (leading spaces indent a line of the command's output)
            wrong.append((key, text, "two spaces"))
    assert wrong == []


def test_french_vocabulary() -> None:
    # English words a French CoPil reads as sloppy, and the finance words DOMAIN.md §7 asks for
    english = re.compile(
        r"\b(business|payback|vendor|touchpoint|use case|dashboard|deliverable|pipeline|"
        r"workflow|forecast|break-even|churn|cleaning|blocking)\b",
        re.IGNORECASE,
    )
    placeholder = re.compile(r"\{[^}]*\}")
    assert [(k, x) for k, x in french_texts() if english.search(placeholder.sub("", x))] == []
    assert "délai de récupération" in t("roi.figure.payback", "fr").lower()
    assert "Retour sur investissement" not in t("roi.figure.payback", "fr")


def test_french_sheet_names_fit_excel() -> None:
    for key in (k for k in FRENCH if k.startswith("sheet.")):
        name = t(key, "fr")
        assert len(name) <= 31 and not set(name) & set(":\\/?*[]"), (key, name)


def test_a_workbook_made_by_an_earlier_version_still_reads() -> None:
    # the Data dictionary's French header was « Personnel » (which reads as "staff"); new
    # workbooks say « Donnée personnelle », and the former header is still read back
    assert t("dataflow_sheet.dictionary.col.personal", "fr") == "Donnée personnelle"
    assert "Personnel" in i18n.all_labels("dataflow_sheet.dictionary.col.personal")
    assert set(i18n.former_labels()) <= set(i18n.message_keys())

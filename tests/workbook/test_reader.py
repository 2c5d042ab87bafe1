"""Reading the client's workbook (crmwb.workbook.reader): every bad cell is reported with the file,
the sheet and the cell, what was expected and what was found.

Each test writes a valid workbook into tmp_path with build_workbook + save_workbook, damages
one cell with openpyxl, and reads it back. Template layout: TCO parameters in column B from
row 4 (horizon B4, discount rate B5, users B6, contacts B7, escalation B8); cost table header
in row 11 (TCO_HEADER_ROW), data from row 12, columns A..K in the order of TCO_COLUMNS
(A option, B category, C description, D frequency, E basis, F unit price, G quantity, H rate,
I start year, J end year, K escalation); About: client name B4, language B5.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import importlib.util
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import WorkbookError
from crmwb.core.i18n import Lang
from crmwb.journey.sheets import read_journey
from crmwb.tco.model import Basis, Category, CostLine, Frequency, TcoSettings, compare_options
from crmwb.tco.sheets import TCO_COLUMNS, TCO_HEADER_ROW, TcoInputs, read_tco
from crmwb.workbook.about import About, read_about
from crmwb.workbook.layout import save_workbook
from crmwb.workbook.reader import read_workbook
from crmwb.workbook.template import check_templates, fingerprint

C, F, B = Category, Frequency, Basis
EXAMPLES = Path(__file__).resolve().parents[2] / "data" / "examples"

SEED_SETTINGS = TcoSettings(horizon_years=7, discount_rate=0.0, users=4)
SEED_LINES = (
    CostLine("Licence", C.LICENCE, F.ONE_OFF, B.FLAT, 3000),  # row 12
    CostLine("Licence", C.MAINTENANCE, F.YEARLY, B.PERCENT_OF_LICENCE, rate=0.20),  # row 13
    CostLine("Licence", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 6000),  # row 14
    CostLine("SaaS", C.SUBSCRIPTION, F.MONTHLY, B.PER_USER, 60),  # row 15
    CostLine("SaaS", C.IMPLEMENTATION, F.ONE_OFF, B.FLAT, 2000),  # row 16
)


# --- helpers -------------------------------------------------------------------------------


def write_workbook(
    folder: Path,
    lang: Lang = "en",
    lines: tuple[CostLine, ...] = SEED_LINES,
    settings: TcoSettings = SEED_SETTINGS,
) -> Path:
    """A valid workbook holding the seed example, in ``folder`` (always a tmp_path)."""
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR", "Alex", dt.date(2026, 11, 23))
    write_workbook_file(path, lang, about, tco=TcoInputs(settings, lines))
    return path


def damage(
    path: Path, cell: str, value: object, sheet: str = "TCO", number_format: str | None = None
) -> None:
    """Overwrite one cell, the way a consultant would in Excel, and save."""
    if number_format is None:
        overwrite(path, sheet, {cell: value})
        return
    wb = load_workbook(path)
    ws = wb[sheet]
    ws[cell] = value
    ws[cell].number_format = number_format
    wb.save(path)


def tco_error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_tco(read_workbook(path))
    return info.value


@pytest.fixture
def seed_path(tmp_path: Path) -> Path:
    return write_workbook(tmp_path)


def test_layout_assumed_by_these_tests(seed_path):
    """The cell addresses used below: header row 11, F = unit price, B4.. = parameters."""
    assert TCO_HEADER_ROW == 11
    assert [f.key for f in TCO_COLUMNS][5] == "tco.col.unit_price"  # 6th column = F
    ws = load_workbook(seed_path)["TCO"]
    assert ws["F11"].value == "Unit price"
    assert ws["A12"].value == "Licence"
    assert ws["F12"].value == 3000
    assert ws["H13"].value == pytest.approx(0.20)
    assert ws["B4"].value == 7
    assert ws["B6"].value == 4


def plain(text: str) -> str:
    return text.replace("\u202f", " ").replace("\u00a0", " ")


# --- a valid workbook ----------------------------------------------------------------------


def test_valid_workbook_is_read(seed_path):
    inputs = read_tco(read_workbook(seed_path))
    assert inputs.settings == SEED_SETTINGS
    assert [dataclasses.replace(line, source="") for line in inputs.lines] == list(SEED_LINES)
    # each line says where it came from: first data row is 12
    assert [line.source for line in inputs.lines] == [f"TCO!A{row}" for row in range(12, 17)]
    study = compare_options(inputs.lines, inputs.settings)
    # 3 000 + 6 000 + 7 x 600 = 13 200; 2 000 + 7 x 60 x 4 x 12 = 22 160
    assert [round(o.total) for o in study.options] == [13_200, 22_160]


def test_about_sheet_is_read(seed_path):
    about = read_about(read_workbook(seed_path))
    assert about == About("Maison Dupont", "en", "EUR", "Alex", dt.date(2026, 11, 23))


def about_date_cell(path: Path) -> str:
    ws = load_workbook(path)["About"]
    (cell,) = [c.coordinate for row in ws.iter_rows() for c in row if isinstance(c.value, dt.date)]
    return cell


@pytest.mark.parametrize(
    ("serial", "found"),
    [
        (60, "found 28 February 1900, or Excel's 29 February 1900, a day that never existed"),
        (59, "found 28 February 1900, or Excel's 29 February 1900, a day that never existed"),
        (12, "found the date 12 January 1900"),
    ],
)
def test_a_date_of_early_1900_is_refused_not_read(seed_path, serial, found):
    """Excel numbers days from 1 January 1900 and counts a 29 February 1900 that did not exist
    (serial 60, which is read back as the 28th); a number typed in a date cell shows as a day
    of early 1900. Each is a mistake, named at its cell; 1 March 1900 (serial 61) is read."""
    cell = about_date_cell(seed_path)
    damage(seed_path, cell, serial, sheet="About", number_format="DD/MM/YYYY")
    with pytest.raises(WorkbookError) as info:
        read_about(read_workbook(seed_path))
    assert info.value.message("en") == (
        f"{seed_path}, About!{cell}: a date from 1 March 1900 for 'Date'; {found} (a number "
        "typed in a date cell shows as a date of 1900: type the date itself)"
    )
    damage(seed_path, cell, 61, sheet="About", number_format="DD/MM/YYYY")
    assert read_about(read_workbook(seed_path)).date == dt.date(1900, 3, 1)


def test_the_workbook_refuses_excel_s_phantom_day_as_it_is_typed(seed_path):
    """The date cells' validation starts after serial 60 (29 February 1900)."""
    ws = load_workbook(seed_path)["About"]
    cell = about_date_cell(seed_path)
    (rule,) = [dv for dv in ws.data_validations.dataValidation if cell in dv.sqref]
    assert (rule.type, rule.operator, rule.formula1) == ("date", "greaterThan", "60")


# --- the file ------------------------------------------------------------------------------


def test_missing_workbook_file(tmp_path):
    path = tmp_path / "nowhere" / "workbook.xlsx"
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    # no workbook to tell its language: the error is in the consultant's language
    message = info.value.message("en")
    assert message.startswith(f"{path}: ")
    assert "a client workbook (workbook.xlsx); found no such file" in message
    assert "crmwb new-client" in message  # what to do about it
    assert plain(str(info.value)) == (
        f"{path} : on attend un classeur client (workbook.xlsx) ; trouvé : aucun fichier à cet"
        " emplacement (créez le client avec la commande crmwb new-client)"
    )


def test_file_that_is_not_xlsx(tmp_path):
    path = tmp_path / "workbook.xlsx"
    path.write_text("Client;Licence;3000\n", encoding="utf-8")
    with pytest.raises(WorkbookError) as info:
        read_workbook(path)
    message = info.value.message("en")
    assert message.startswith(f"{path}: an Excel workbook (.xlsx); found a file")
    assert "save it from Excel or LibreOffice as .xlsx" in message
    assert plain(str(info.value)).startswith(f"{path} : on attend un classeur Excel (.xlsx)")


def test_missing_sheet(seed_path):
    wb = load_workbook(seed_path)
    del wb["TCO"]
    wb.save(seed_path)
    error = tco_error(seed_path)
    message = str(error)
    assert message.startswith(f"{seed_path}: a sheet named 'TCO'")
    # what was found: the sheets that are there
    assert "; found the sheets 'About', 'Lists', 'Vendors'" in message


# --- the TCO table -------------------------------------------------------------------------


def test_missing_required_column(seed_path):
    damage(seed_path, "F11", None)  # blank the "Unit price" header
    error = tco_error(seed_path)
    message = str(error)
    assert f"{seed_path}, TCO!F11: " in message
    assert "a column 'Unit price' in header row 11" in message
    assert (
        "; found the headers 'Option', 'Category', 'Description', 'Frequency', 'Basis'," in message
    )


def test_text_in_a_number_cell(seed_path):
    damage(seed_path, "F12", "abc")
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!F12: a number for 'Unit price'; found the text 'abc'" in message
    assert "without quotes, units or currency" in message


def test_negative_price(seed_path):
    damage(seed_path, "F12", -3000)
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!F12: a number >= 0 for 'Unit price'; found -3000" in message
    assert message.endswith("(costs are entered as positive amounts)")


def test_percent_typed_as_20_for_a_fraction(seed_path):
    damage(seed_path, "B5", 20, number_format="General")  # discount rate "20" meant as 20 %
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B5: " in message
    assert "a fraction for 'Discount rate', such as 0.2 or 20%" in message
    assert "found 20" in message
    assert "did you mean 20%?" in message


def test_percent_typed_as_20_in_a_percent_cell_shows_what_excel_shows(seed_path):
    damage(seed_path, "B5", 20, number_format="0%")  # Excel would display 2000%
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B5: " in message
    assert "found 20 (shown as 2,000%)" in message  # 20 x 100 = 2 000 %
    assert "did you mean 20%?" in message


@pytest.mark.parametrize("number_format", ["General", "0%"])
def test_fraction_0_2_is_accepted(seed_path, number_format):
    damage(seed_path, "B5", 0.2, number_format=number_format)  # 0.2, or 20% typed in Excel
    assert read_tco(read_workbook(seed_path)).settings.discount_rate == pytest.approx(0.2)


def test_maintenance_rate_typed_as_20(seed_path):
    damage(seed_path, "H13", 20, number_format="General")  # the "20 %" maintenance line
    message = str(tco_error(seed_path))
    assert (
        f"{seed_path}, TCO!H13: a fraction for 'Rate (% of licence)', such as 0.2 or 20%" in message
    )
    assert "did you mean 20%?" in message


def test_discount_rate_of_100_percent(seed_path):
    damage(seed_path, "B5", 1, number_format="General")  # "1" typed for 1 %
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B5: " in message
    assert "found 1" in message


def test_escalation_of_100_percent(seed_path):
    damage(seed_path, "B8", 1, number_format="General")
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B8: " in message
    assert "found 1" in message


def test_empty_tco_sheet(tmp_path):
    path = write_workbook(tmp_path, lines=())
    message = str(tco_error(path))
    assert f"{path}, TCO!A12: " in message
    assert "at least one cost line" in message
    assert "found no cost line" in message


@pytest.mark.parametrize("horizon", [0, 50])
def test_horizon_out_of_range(seed_path, horizon):
    damage(seed_path, "B4", horizon)
    message = str(tco_error(seed_path))
    assert (
        f"{seed_path}, TCO!B4: a whole number between 3 and 10 for 'Horizon (years)';"
        f" found {horizon}"
    ) in message


def test_horizon_missing(seed_path):
    damage(seed_path, "B4", None)
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B4: a value for 'Horizon (years)'; found an empty cell" in message


def test_unknown_category(seed_path):
    damage(seed_path, "B12", "Licences")
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B12: one of 'Software licence', " in message
    assert "for 'Category'" in message
    assert "found the text 'Licences'" in message
    assert "drop-down" in message


def test_missing_unit_price(seed_path):
    damage(seed_path, "F14", None)  # the 6 000 of services
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!F14: a unit price; found an empty cell" in message


def test_start_year_beyond_horizon(seed_path):
    damage(seed_path, "I14", 8)  # horizon is 7
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!I14: a start year between 0 and the horizon (7); found 8" in message


def test_per_user_line_without_users(seed_path):
    damage(seed_path, "B6", 0)  # users = 0, and the SaaS subscription (row 15) is per user
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!B6: " in message
    assert "row 15" in message
    assert "found 0 or an empty cell" in message


def test_formula_without_saved_result(seed_path):
    damage(seed_path, "F12", "=1000*3")
    message = str(tco_error(seed_path))
    assert f"{seed_path}, TCO!F12: " in message
    assert "=1000*3" in message
    assert "empty cell" not in message


# --- the About sheet -----------------------------------------------------------------------


def test_about_missing_client_name(seed_path):
    damage(seed_path, "B4", None, sheet="About")
    with pytest.raises(WorkbookError) as info:
        read_about(read_workbook(seed_path))
    assert f"{seed_path}, About!B4: a value for 'Client'; found an empty cell" in str(info.value)


def test_about_unknown_language(seed_path):
    damage(seed_path, "B5", "de", sheet="About")
    with pytest.raises(WorkbookError) as info:
        read_about(read_workbook(seed_path))
    assert f"{seed_path}, About!B5: a language among 'fr', 'en'; found the text 'de'" in str(
        info.value
    )


# --- French and English --------------------------------------------------------------------


def test_french_workbook_is_read(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    ws = load_workbook(path)["TCO"]
    assert ws["F11"].value == "Prix unitaire"  # really French
    assert ws["B12"].value == "Licence"  # French label of Category.LICENCE
    assert ws["E13"].value == "% de la licence"
    reader = read_workbook(path)
    assert read_about(reader).language == "fr"
    inputs = read_tco(reader)
    assert [dataclasses.replace(line, source="") for line in inputs.lines] == list(SEED_LINES)
    study = compare_options(inputs.lines, inputs.settings)
    # 13 200 and 22 160, as in English
    assert [round(o.total) for o in study.options] == [13_200, 22_160]


def test_french_about_sheet_name(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    assert load_workbook(path).sheetnames[0] == "À propos"
    assert read_about(read_workbook(path)).client_name == "Maison Dupont"


def test_english_category_typed_in_a_french_workbook(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "B15", "SaaS subscription")  # English, in a French drop-down column
    damage(path, "D15", "Monthly")
    lines = read_tco(read_workbook(path)).lines
    assert lines[3].category is C.SUBSCRIPTION
    assert lines[3].frequency is F.MONTHLY


def test_french_category_typed_in_an_english_workbook(seed_path):
    damage(seed_path, "B15", "  abonnement   saas ")  # case and spaces do not matter
    assert read_tco(read_workbook(seed_path)).lines[3].category is C.SUBSCRIPTION


def test_errors_in_a_french_workbook_name_the_french_sheet(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "B4", None, sheet="À propos")
    with pytest.raises(WorkbookError) as info:
        read_about(read_workbook(path))
    assert plain(str(info.value)) == (
        f"{path}, À propos!B4 : on attend une valeur pour « Client » ; trouvé : une cellule vide"
    )


def test_tco_errors_in_a_french_workbook_are_french_and_name_the_french_labels(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "B6", 0)  # Utilisateurs = 0, and the SaaS subscription (row 15) is per user
    message = plain(str(tco_error(path)))
    assert message == (
        f"{path}, TCO!B6 : on attend « Utilisateurs » > 0, car la ligne 15 est tarifée"
        " « Par utilisateur » sans indiquer de quantité ; trouvé : 0 ou une cellule vide"
    )


def test_a_negative_price_in_a_french_workbook(tmp_path):
    path = write_workbook(tmp_path, lang="fr")
    damage(path, "F12", -3000)
    message = plain(str(tco_error(path)))
    assert message == (
        f"{path}, TCO!F12 : on attend un nombre ≥ 0 pour « Prix unitaire » ; trouvé : -3000"
        " (les coûts se saisissent en montants positifs)"
    )


# --- the example clients and the templates -------------------------------------------------


def test_example_workbooks_exist():
    names = sorted(p.parent.name for p in EXAMPLES.glob("*/workbook.xlsx"))
    assert names == ["literie-lenoir", "northwind-retail"]


@pytest.mark.parametrize("slug", ["northwind-retail", "literie-lenoir"])
def test_example_workbooks_load(slug):
    reader = read_workbook(EXAMPLES / slug / "workbook.xlsx")
    assert read_about(reader).client_name
    assert read_tco(reader).lines


def test_literie_lenoir_round_trip():
    reader = read_workbook(EXAMPLES / "literie-lenoir" / "workbook.xlsx")
    assert read_about(reader).language == "fr"
    inputs = read_tco(reader)
    assert inputs.settings == TcoSettings(horizon_years=7, discount_rate=0.0, users=4)
    study = compare_options(inputs.lines, inputs.settings)
    # licence 3 000 + 6 000 + 7 x 600 = 13 200; SaaS 2 000 + 7 x 2 880 = 22 160
    assert study.option("Licence").total == pytest.approx(13_200)
    assert study.option("SaaS").total == pytest.approx(22_160)
    (be,) = study.break_evens
    assert (be.month, be.year) == (37, 4)  # 7 000 / 190 = 36.84 months


def test_northwind_example_round_trip():
    reader = read_workbook(EXAMPLES / "northwind-retail" / "workbook.xlsx")
    assert read_about(reader).language == "en"
    inputs = read_tco(reader)
    assert inputs.settings == TcoSettings(
        horizon_years=5, discount_rate=0.08, users=40, contacts=180_000, escalation=0.03
    )
    assert len(inputs.lines) == 22  # 12 licence lines + 10 SaaS lines
    licence = compare_options(inputs.lines, inputs.settings).option("On-premise licence")
    maintenance = licence.by_category[C.MAINTENANCE]
    # 20 % x (40 x 1 450 = 58 000) = 11 600 in year 1; x 1.03 = 11 948 in year 2
    assert maintenance[1] == pytest.approx(11_600)
    assert maintenance[2] == pytest.approx(11_948)


def _load_build_examples():
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("slug", ["literie-lenoir", "northwind-retail"])
def test_example_workbooks_are_up_to_date(tmp_path, slug):
    """The committed example workbooks are what build_examples.py makes of them, every sheet."""
    fresh = tmp_path / "workbook.xlsx"
    save_workbook(_load_build_examples().example_workbook(slug), fresh)
    committed = load_workbook(EXAMPLES / slug / "workbook.xlsx")
    assert fingerprint(committed) == fingerprint(load_workbook(fresh)), (
        f"run `python data/examples/build_examples.py` to rebuild {slug}"
    )


def test_committed_templates_are_up_to_date():
    assert check_templates() == []


def test_check_templates_reports_a_missing_template(tmp_path):
    # an empty folder: both templates are "stale"
    stale = check_templates(tmp_path)
    assert sorted(p.name for p in stale) == ["workbook-en.xlsx", "workbook-fr.xlsx"]


# --- rows Excel hides -----------------------------------------------------------------------


def test_rows_excel_hides_are_read_counted_and_said(tmp_path):
    """Rows 7, 8 and 10 of « Canaux » hidden by hand and row 12 of « Points de contact » by a
    filter: the journey still has its 6 channels and 16 touchpoints (the example's, counted in
    the sheets), and the run's summary says which rows, in the consultant's words."""
    from crmwb.run.batch import ClientRun
    from crmwb.run.summary import summary
    from crmwb.workbook.reader import HiddenRows

    path = tmp_path / "workbook.xlsx"
    wb = load_workbook(EXAMPLES / "literie-lenoir" / "workbook.xlsx")
    for row in (7, 8, 10):
        wb["Canaux"].row_dimensions[row].hidden = True
    wb["Canaux"].row_dimensions[30].hidden = True  # an empty row: nothing to say
    touchpoints = wb["Points de contact"]
    touchpoints.auto_filter.ref = f"A5:L{touchpoints.max_row}"
    touchpoints.row_dimensions[12].hidden = True
    wb.save(path)

    reader = read_workbook(path)
    assert reader.hidden_rows() == (
        HiddenRows("Canaux", (7, 8, 10)),
        HiddenRows("Points de contact", (12,), filtered=True),
    )
    journey = read_journey(reader)
    assert (len(journey.channels), len(journey.touchpoints)) == (6, 16)
    run = ClientRun("literie-lenoir", "20261205-100000", hidden_rows=reader.hidden_rows())
    text = summary([run], "fr")
    assert (
        "Remarque pour literie-lenoir\u00a0: dans la feuille «\u202fCanaux\u202f», les lignes "
        "7\u20138, 10 sont masquées dans Excel\u202f; elles sont lues et comptées comme les autres."
    ) in text
    assert (
        "Remarque pour literie-lenoir\u00a0: dans la feuille «\u202fPoints de contact\u202f», la "
        "ligne 12 est masquée par un filtre dans Excel\u202f; elle est lue et comptée comme les "
        "autres (retirez le filtre pour la voir)."
    ) in text
    assert (
        "in sheet 'Canaux', rows 7\u20138, 10 are hidden in Excel; they are read and counted"
        in summary([run], "en")
    )

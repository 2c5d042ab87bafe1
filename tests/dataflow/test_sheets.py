"""The data map's sheets and the Customer file sheet (crmwb.dataflow.sheets): written, read back
into a DataMap and CustomerFileSettings, every bad cell reported with the file, sheet and cell.

Each test writes a valid workbook into tmp_path with build_workbook(..., data_map=MAP,
customer_file=SETTINGS), damages cells with openpyxl, and reads it back. Layout, in English
(header row 5, data from row 6 on the four table sheets):

* Systems: A Name, B Type, C Role, D Owner, E Hosts personal data, F Location, G Retention;
  Sage ERP, Shopify, CRM, Brevo, Store files in rows 6-10.
* Flows: A Source, B Target, C Data objects, D Frequency, E Method, F Volume per run,
  G Personal data, H Legal basis; rows 6-10 (Brevo -> CRM in row 8 closes a cycle).
* Data dictionary: A System, B Field, C Meaning, D Data object, E Personal, F Sensitive; rows
  6-8.
* Use-case data: A Use case, B Programme, C Data objects required, D System; rows 6-8.
* Customer file: B4 File, B5 Sheet, B6 Default country, B7 Reference date; the header of the
  Role | Client's column table in row 10, one role a row from row 11 (Customer ID, E-mail,
  Phone ...).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from openpyxl import load_workbook
from saved_workbooks import overwrite, write_workbook_file

from crmwb.core.errors import WorkbookError, render
from crmwb.core.i18n import Lang
from crmwb.customer_file.mapping import CustomerRole
from crmwb.customer_file.sheets import (
    CustomerFileSettings,
    has_customer_file,
    read_customer_file_settings,
)
from crmwb.dataflow.model import (
    DataField,
    DataMap,
    Flow,
    FlowFrequency,
    LegalBasis,
    Method,
    Role,
    System,
    SystemType,
    UseCaseNeed,
)
from crmwb.dataflow.sheets import has_data_map, read_data_map
from crmwb.plan.model import Programme, RelationshipPlan
from crmwb.workbook.about import About
from crmwb.workbook.reader import read_workbook

MAP = DataMap(
    systems=(
        System("Sage ERP", SystemType.ERP, Role.SOURCE, "Finance", True, "FR", "10 years"),
        System("Shopify", SystemType.ECOMMERCE, Role.SOURCE, "", True, "US"),
        System("CRM", SystemType.CRM, Role.HUB, "Marketing", True, "EU", "3 years after"),
        System("Brevo", SystemType.EMAILING, Role.ACTIVATION, "CRM team", True, "FR"),
        System("Store files", SystemType.SPREADSHEET),
    ),
    flows=(
        Flow(
            "Sage ERP",
            "CRM",
            ("customers", "orders"),
            FlowFrequency.DAILY,
            Method.ETL,
            12000,
            True,
            LegalBasis.CONTRACT,
        ),
        Flow(
            "CRM",
            "Brevo",
            ("customers", "segments"),
            FlowFrequency.HOURLY,
            Method.API,
            None,
            True,
            LegalBasis.LEGITIMATE_INTERESTS,
        ),
        Flow("Brevo", "CRM", ("unsubscribes",), FlowFrequency.REAL_TIME, Method.API, 50, True),
        Flow("Store files", "CRM", ("store visits",), FlowFrequency.MONTHLY, Method.MANUAL, 300),
        Flow("Shopify", "CRM", (), FlowFrequency.ON_DEMAND, Method.FILE),
    ),
    dictionary=(
        DataField("CRM", "email", "Customer's e-mail", "customers", True),
        DataField("CRM", "allergies", "Food allergies", "customers", True, True),
        DataField("Sage ERP", "order_id", "", "orders"),
    ),
    use_cases=(
        UseCaseNeed("Welcome series", "Welcome", ("customers",), "Brevo"),
        UseCaseNeed("Win-back", "Reactivation", ("customers", "orders")),
        UseCaseNeed("Store traffic", "", ("store visits",), "CRM"),
    ),
)
SETTINGS = CustomerFileSettings(
    path="exports/customers.xlsx",
    sheet="Clients",
    country="BE",
    reference_date=dt.date(2026, 6, 30),
    mapping={"record_id": "ID_CLIENT", "email": "Mail", "opt_in": "Optin newsletter"},
)
SHEETS = {
    "en": ["Systems", "Flows", "Data dictionary", "Use-case data", "Customer file"],
    "fr": [
        "Systèmes",
        "Flux",
        "Dictionnaire de données",
        "Données des cas d'usage",
        "Fichier clients",
    ],
}


def write_workbook(
    folder: Path,
    lang: Lang = "en",
    data_map: DataMap | None = MAP,
    settings: CustomerFileSettings | None = SETTINGS,
    plan: RelationshipPlan | None = None,
) -> Path:
    path = folder / "workbook.xlsx"
    about = About("Maison Dupont", lang, "EUR")
    return write_workbook_file(
        path, lang, about, plan=plan, data_map=data_map, customer_file=settings
    )


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return write_workbook(tmp_path)


def damage(path: Path, sheet: str, cells: dict[str, object]) -> None:
    """Overwrite cells, the way a consultant would in Excel, and save."""
    overwrite(path, sheet, cells)


def map_error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_data_map(read_workbook(path))
    return info.value


def settings_error(path: Path) -> WorkbookError:
    with pytest.raises(WorkbookError) as info:
        read_customer_file_settings(read_workbook(path))
    return info.value


def assert_at(error: WorkbookError, path: Path, sheet: str, cell: str, found: str) -> None:
    """The error is at ``sheet!cell`` of the workbook, and what it found (written in the
    workbook's language) says ``found``."""
    assert (error.file, error.sheet, error.cell) == (str(path), sheet, cell), str(error)
    assert error.found is not None and found in render(error.found, error.lang), str(error)


def said(text: object, error: WorkbookError) -> str:
    """A part of an error (expected, hint) as the workbook's reader reads it."""
    return render(text, error.lang)


# --- round trip --------------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_round_trip(tmp_path: Path, lang: Lang) -> None:
    path = write_workbook(tmp_path, lang)
    reader = read_workbook(path)
    assert has_data_map(reader) and has_customer_file(reader)
    assert read_data_map(reader) == MAP
    assert read_customer_file_settings(reader) == SETTINGS  # the mapping too
    names = load_workbook(path).sheetnames
    start = names.index(SHEETS[lang][0])  # the project's sheets follow the Customer file
    assert names[start : start + 5] == SHEETS[lang]


def test_a_cycle_of_flows_is_read(path: Path) -> None:
    flows = read_data_map(read_workbook(path)).flows
    # CRM -> Brevo (row 7) and Brevo -> CRM (row 8)
    assert {(f.source, f.target) for f in flows} >= {("CRM", "Brevo"), ("Brevo", "CRM")}


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_template_sheets(tmp_path: Path, lang: Lang) -> None:
    path = tmp_path / "workbook.xlsx"
    write_workbook_file(path, lang)
    reader = read_workbook(path)
    assert not has_data_map(reader) and not has_customer_file(reader)
    wb = load_workbook(path)
    systems, flows, dictionary, use_cases, customer_file = (wb[name] for name in SHEETS[lang])
    assert [c.value for c in flows[5]] == {
        "en": ["Source", "Target", "Data objects", "Frequency", "Method", "Volume per run",
               "Personal data", "Legal basis"],
        "fr": ["Source", "Cible", "Objets de données", "Fréquence", "Méthode", "Volume par envoi",
               "Données personnelles", "Base légale"],
    }[lang]  # fmt: skip
    assert systems["A5"].comment is not None  # the help, as a comment on the header
    drop_downs = {
        (ws.title, str(dv.sqref).split(":")[0], dv.formula1)
        for ws in (systems, flows, dictionary, use_cases, customer_file)
        for dv in ws.data_validations.dataValidation
    }
    assert {
        (systems.title, "B6", "list_system_type"),
        (systems.title, "C6", "list_system_role"),
        (systems.title, "E6", "list_yes_no"),
        (flows.title, "A6", "system_names"),
        (flows.title, "B6", "system_names"),
        (flows.title, "D6", "list_flow_frequency"),
        (flows.title, "E6", "list_flow_method"),
        (flows.title, "H6", "list_legal_basis"),
        (dictionary.title, "A6", "system_names"),
        (use_cases.title, "B6", "programme_names"),
        (use_cases.title, "D6", "system_names"),
        (customer_file.title, "A11", "list_customer_role"),
    } <= drop_downs
    assert customer_file["B6"].value == "FR"  # the default country
    roles = [customer_file.cell(row=r, column=1).value for r in range(11, 11 + len(CustomerRole))]
    assert (
        roles[:2] == {"en": ["Customer ID", "E-mail"], "fr": ["Identifiant client", "E-mail"]}[lang]
    )
    assert len(roles) == len(CustomerRole) and customer_file["B11"].value is None
    with pytest.raises(WorkbookError) as info:
        read_data_map(reader)
    expected = {
        "en": "Systems!A6: at least one system under the header row 5; found no system",
        "fr": "Systèmes!A6\u00a0: on attend au moins un système sous la ligne d'en-tête 5\u202f; "
        "trouvé\u00a0: aucun système",
    }[lang]
    assert expected in str(info.value)
    empty = {"en": "an empty cell", "fr": "une cellule vide"}[lang]
    assert_at(settings_error(path), path, SHEETS[lang][4], "B4", empty)


def test_optional_sheets_missing(path: Path) -> None:
    wb = load_workbook(path)
    for name in ("Flows", "Data dictionary", "Use-case data"):
        del wb[name]
    wb.save(path)
    data_map = read_data_map(read_workbook(path))
    assert (data_map.systems, data_map.flows, data_map.use_cases) == (MAP.systems, (), ())
    wb = load_workbook(path)
    del wb["Systems"]
    del wb["Customer file"]
    wb.save(path)
    reader = read_workbook(path)
    assert not has_data_map(reader) and not has_customer_file(reader)


# --- what a consultant types -------------------------------------------------------------------


def test_french_values_and_excel_booleans_in_an_english_workbook(path: Path) -> None:
    damage(path, "Systems", {"B10": None, "C10": "Pivot", "E10": True, "B9": "E-MAILING"})
    damage(path, "Flows", {"D6": "quotidienne", "E6": "manuel", "G6": "non", "H6": "Consentement"})
    damage(path, "Flows", {"A7": "crm ", "C7": "customers; segments,  scores"})
    damage(path, "Data dictionary", {"E8": None, "F8": "oui"})  # sensitive: personal
    damage(path, "Use-case data", {"D7": "brevo"})
    data_map = read_data_map(read_workbook(path))
    files = data_map.system("Store files")
    assert (files.type, files.role, files.personal_data) == (SystemType.OTHER, Role.HUB, True)
    assert data_map.system("Brevo").type is SystemType.EMAILING
    first, second = data_map.flows[:2]
    assert (first.frequency, first.method, first.personal_data) == (
        FlowFrequency.DAILY,
        Method.MANUAL,
        False,
    )
    assert first.legal_basis is LegalBasis.CONSENT
    # semicolons first: "segments,  scores" is one object
    assert (second.source, second.data_objects) == ("CRM", ("customers", "segments,  scores"))
    assert data_map.dictionary[2].personal and data_map.dictionary[2].sensitive
    assert data_map.use_cases[1].system == "Brevo"


def test_a_programme_is_matched_to_the_programmes_sheet(tmp_path: Path) -> None:
    plan = RelationshipPlan((Programme("Welcome"), Programme("Réactivation")))
    path = write_workbook(tmp_path, plan=plan)
    damage(path, "Use-case data", {"B7": "RÉACTIVATION", "B8": "Loyalty club"})
    needs = read_data_map(read_workbook(path)).use_cases
    # spelt as on the Programmes sheet; a programme it does not have is kept as typed
    assert [n.programme for n in needs] == ["Welcome", "Réactivation", "Loyalty club"]


# --- bad input ---------------------------------------------------------------------------------


def test_a_flow_to_an_unknown_system(path: Path) -> None:
    damage(path, "Flows", {"B7": "Brevoo"})
    error = map_error(path)
    assert_at(error, path, "Flows", "B7", "the text 'Brevoo'")
    assert said(error.expected, error) == (
        "a system of the 'Systems' sheet (one of 'Sage ERP', 'Shopify', 'CRM', 'Brevo', "
        "'Store files')"
    )
    assert said(error.hint, error) == "did you mean 'Brevo'?"


def test_a_french_workbook_says_it_in_french(tmp_path: Path) -> None:
    path = write_workbook(tmp_path, "fr")
    damage(path, "Flux", {"B7": "Brevoo"})
    error = map_error(path)
    assert str(error) == (
        f"{path}, Flux!B7\u00a0: on attend un système de l'onglet «\u202fSystèmes\u202f» "
        "(parmi «\u202fSage ERP\u202f», «\u202fShopify\u202f», «\u202fCRM\u202f», "
        "«\u202fBrevo\u202f», «\u202fStore files\u202f»)\u202f; trouvé\u00a0: le texte "
        "«\u202fBrevoo\u202f» (vouliez-vous dire «\u202fBrevo\u202f»\u202f?)"
    )
    damage(path, "Flux", {"B7": "Brevo"})
    damage(path, "Dictionnaire de données", {"B7": "allergies", "E7": "Non"})
    error = map_error(path)
    assert_at(error, path, "Dictionnaire de données", "E7", "le texte «\u202fNon\u202f»")
    assert said(error.expected, error) == (
        "oui dans la colonne «\u202fDonnée personnelle\u202f» pour un champ marqué "
        "«\u202fSensible\u202f» (une donnée sensible est une donnée personnelle)"
    )
    assert said(error.hint, error) == "répondez «\u202fOui\u202f», ou laissez la cellule vide"


def test_a_dictionary_field_or_use_case_on_an_unknown_system(path: Path) -> None:
    damage(path, "Data dictionary", {"A7": "Salesforce"})
    error = map_error(path)
    assert_at(error, path, "Data dictionary", "A7", "the text 'Salesforce'")
    assert error.hint is None  # nothing close
    damage(path, "Data dictionary", {"A7": "CRM"})
    damage(path, "Use-case data", {"D6": "Mailchimp"})
    assert_at(map_error(path), path, "Use-case data", "D6", "the text 'Mailchimp'")


def test_a_system_named_twice(path: Path) -> None:
    damage(path, "Systems", {"A9": "crm"})
    error = map_error(path)
    assert_at(error, path, "Systems", "A9", "'crm' again, already in Systems!A8")
    assert said(error.expected, error) == "each system once"


def test_a_volume_that_is_not_a_number(path: Path) -> None:
    damage(path, "Flows", {"F6": "about 12000"})
    error = map_error(path)
    assert_at(error, path, "Flows", "F6", "the text 'about 12000'")
    assert said(error.expected, error) == "a number for 'Volume per run'"
    damage(path, "Flows", {"F6": 12.5})
    assert_at(map_error(path), path, "Flows", "F6", "12.5")  # a whole number
    damage(path, "Flows", {"F6": -3})
    assert_at(map_error(path), path, "Flows", "F6", "-3")


def test_an_unknown_choice(path: Path) -> None:
    damage(path, "Flows", {"E8": "manul"})
    error = map_error(path)
    assert_at(error, path, "Flows", "E8", "the text 'manul'")
    # as close to "manual" as to "manuel": the workbook's language decides
    assert said(error.hint, error) == "did you mean 'manual'?"
    damage(path, "Flows", {"E8": "API", "D8": "every full moon"})
    error = map_error(path)
    assert_at(error, path, "Flows", "D8", "'every full moon'")
    assert said(error.hint, error) == "pick a value from the drop-down list"
    damage(path, "Flows", {"D8": "daily"})
    damage(path, "Systems", {"C7": "activaton"})
    error = map_error(path)
    assert said(error.hint, error) == "did you mean 'activation'?"


def test_required_cells(path: Path) -> None:
    damage(path, "Flows", {"E9": None})
    assert_at(map_error(path), path, "Flows", "E9", "an empty cell")  # the method
    damage(path, "Flows", {"E9": "manual"})
    damage(path, "Systems", {"C6": None})
    assert_at(map_error(path), path, "Systems", "C6", "an empty cell")  # the role


def test_dictionary_mistakes(path: Path) -> None:
    damage(path, "Data dictionary", {"B7": "EMAIL"})
    error = map_error(path)
    assert_at(error, path, "Data dictionary", "B7", "'CRM / EMAIL' again, already in")
    assert said(error.expected, error) == "each field of a system once"
    damage(path, "Data dictionary", {"B7": "allergies", "E7": "No"})
    error = map_error(path)
    assert_at(error, path, "Data dictionary", "E7", "'No'")
    assert said(error.expected, error) == (
        "yes under 'Personal' for a field marked 'Sensitive' (sensitive data is personal data)"
    )


def test_a_use_case_named_twice(path: Path) -> None:
    damage(path, "Use-case data", {"A8": "win-back"})
    assert_at(map_error(path), path, "Use-case data", "A8", "again, already in Use-case data!A7")


# --- the customer file -------------------------------------------------------------------------


def test_customer_file_defaults(tmp_path: Path) -> None:
    path = write_workbook(tmp_path, settings=None)
    damage(path, "Customer file", {"B4": "customers.csv", "B12": "email", "B6": None})
    settings = read_customer_file_settings(read_workbook(path))
    # empty country: FR; empty reference date: today (None); only the e-mail's column named
    assert settings == CustomerFileSettings("customers.csv", None, "FR", None, {"email": "email"})


def test_customer_file_values_typed(path: Path) -> None:
    damage(path, "Customer file", {"B4": "data\\clients.csv", "B6": "be", "B7": "2026-01-31"})
    settings = read_customer_file_settings(read_workbook(path))
    assert (settings.path, settings.country, settings.reference_date) == (
        "data/clients.csv",
        "BE",
        dt.date(2026, 1, 31),
    )


@pytest.mark.parametrize("typed", ["/home/alex/customers.csv", "C:\\exports\\c.csv", "../c.csv"])
def test_customer_file_outside_the_client_folder(path: Path, typed: str) -> None:
    damage(path, "Customer file", {"B4": typed})
    error = settings_error(path)
    assert_at(error, path, "Customer file", "B4", f"the text '{typed}'")
    assert said(error.expected, error) == (
        "a path relative to the client folder, such as customers.csv"
    )


def test_customer_file_bad_country_and_date(path: Path) -> None:
    damage(path, "Customer file", {"B6": "France"})
    error = settings_error(path)
    assert_at(error, path, "Customer file", "B6", "the text 'France'")
    assert said(error.hint, error) == "did you mean 'FR'?"
    damage(path, "Customer file", {"B6": "FR", "B7": "end of June"})
    error = settings_error(path)
    assert_at(error, path, "Customer file", "B7", "the text 'end of June'")
    assert said(error.expected, error) == "a date for 'Reference date'"


def test_customer_file_roles(path: Path) -> None:
    damage(path, "Customer file", {"A14": "E-mail", "B14": "Mail 2"})
    error = settings_error(path)
    # the role as the workbook names it
    assert_at(error, path, "Customer file", "A14", "'E-mail' again, already in Customer file!A12")
    damage(path, "Customer file", {"A14": None})
    error = settings_error(path)
    assert_at(error, path, "Customer file", "A14", "an empty cell")
    assert said(error.expected, error) == "a role for the client's column 'Mail 2'"
    damage(path, "Customer file", {"A14": "Emial"})
    error = settings_error(path)
    assert said(error.hint, error) == "did you mean 'E-mail'?"
    damage(path, "Customer file", {"A14": "Téléphone", "B14": "Tel"})
    assert read_customer_file_settings(read_workbook(path)).mapping["phone"] == "Tel"

"""The customer file read within bounds whatever it holds (issue 13): a header of 10 000 columns
(a 20 MB file) is refused with a message naming the file and line, in bounded memory; DuckDB runs
with a memory limit and a capped spill folder in the system's temporary folder; a limit reached
is said in the client's language, not as a DuckDB error."""

from __future__ import annotations

import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest

from crmwb.customer_file import reading
from crmwb.customer_file.mapping import CustomerFileError, FieldRole
from crmwb.customer_file.reading import read_customer_file
from crmwb.customer_file.reading_csv import MAX_COLUMNS
from crmwb.customer_file.sheets import read_customer_file_settings

MAPPING = {FieldRole.RECORD_ID: "c0", FieldRole.EMAIL: "c1"}


def wide_csv(path: Path, columns: int, rows: int, name: str = "c{i}") -> Path:
    """``columns`` columns (c0, c1…) and ``rows`` records of 10-character values."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(";".join(name.format(i=i) for i in range(columns)) + "\r\n")
        record = ";".join(f"v{i:09d}"[:10] for i in range(columns)) + "\r\n"
        for _ in range(rows):
            out.write(record)
    return path


def test_a_header_of_ten_thousand_columns_is_refused_in_bounded_memory(tmp_path: Path) -> None:
    """20 MB, 10 000 columns, a header of 160 KiB: refused at once, naming line 1 and the limit;
    the reading process stays under 300 MB at its peak (the former reader cut the header at
    64 KiB, rejected every record and grew DuckDB's rejects store to 24 GB)."""
    path = wide_csv(tmp_path / "export.csv", 10_000, 190, name="Champ client n° {i:05d}")
    assert path.stat().st_size > 20 * 10**6
    script = textwrap.dedent(
        f"""
        import re
        from pathlib import Path
        from crmwb.customer_file.mapping import CustomerFileError, FieldRole
        from crmwb.customer_file.reading import read_customer_file
        try:
            read_customer_file({str(path)!r}, {{FieldRole.EMAIL: "c1"}}, lang="fr")
        except CustomerFileError as exc:
            print(exc.message("fr"))
        # this process's own peak (ru_maxrss would keep the forking test process's, before exec)
        status = Path("/proc/self/status").read_text()
        print(re.search(r"VmHWM:\\s+(\\d+) kB", status).group(1))
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=300, check=True
    )
    message, peak_kib = done.stdout.strip().splitlines()
    assert message == (
        "export.csv, ligne 1\u00a0: on attend un fichier clients d'au plus 1\u202f000 "
        "colonnes\u202f; trouvé\u00a0: une ligne d'en-tête de plus de 64\u00a0Kio (n'exportez "
        "que les colonnes que l'audit lit\u00a0: e-mail, téléphone, noms, code postal, ville, "
        "dernière activité, consentement)"
    ), message
    assert int(peak_kib) < 300 * 1024, peak_kib


@pytest.mark.parametrize("columns", [MAX_COLUMNS + 1, 10_000])
def test_more_columns_than_the_limit_are_refused_with_their_count(
    tmp_path: Path, columns: int
) -> None:
    path = wide_csv(tmp_path / "export.csv", columns, 2)
    with pytest.raises(CustomerFileError) as caught:
        read_customer_file(path, MAPPING, lang="en")
    assert caught.value.line == 1
    assert f"{columns:,} columns on line 1" in caught.value.message("en")


def test_a_file_at_the_limit_is_read(tmp_path: Path) -> None:
    path = wide_csv(tmp_path / "export.csv", MAX_COLUMNS, 3)
    with read_customer_file(path, MAPPING) as file:
        assert file.rows == 3


def test_duckdb_runs_with_a_memory_limit_and_a_capped_spill_folder_outside_the_workspace(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = wide_csv(tmp_path / "export.csv", 3, 3)
    monkeypatch.setenv("CRMWB_AUDIT_MEMORY", "512MB")
    monkeypatch.setenv("CRMWB_AUDIT_TEMP_MAX", "2GB")
    with read_customer_file(path, MAPPING) as file:
        settings = dict(
            file.connection.execute(
                "SELECT name, value FROM duckdb_settings() WHERE name IN "
                "('memory_limit', 'max_temp_directory_size', 'temp_directory')"
            ).fetchall()
        )
        assert settings["memory_limit"] in ("488.2 MiB", "512.0 MB")
        assert settings["max_temp_directory_size"] in ("1.8 GiB", "2.0 GB")
        spill = Path(settings["temp_directory"])
        assert spill.is_relative_to(tempfile.gettempdir()) and not spill.is_relative_to(tmp_path)
        assert spill.parent.is_dir()
    assert not spill.parent.exists()  # removed when the file is closed


def test_the_default_memory_limit_is_a_quarter_of_the_machine(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import psutil

    monkeypatch.delenv("CRMWB_AUDIT_MEMORY", raising=False)
    monkeypatch.delenv("CRMWB_AUDIT_TEMP_MAX", raising=False)
    memory, temp = reading.duckdb_limits()
    assert memory == f"{psutil.virtual_memory().total // 4 // 2**20}MB" and temp == "10GB"


def test_a_limit_reached_is_said_in_the_client_s_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A 12 MB file with 2 MB of memory and 1 MB of spill: DuckDB's « Out of Memory » becomes a
    message naming the file, the limits and what to do."""
    path = wide_csv(tmp_path / "export.csv", 40, 30_000)
    monkeypatch.setenv("CRMWB_AUDIT_MEMORY", "2MB")
    monkeypatch.setenv("CRMWB_AUDIT_TEMP_MAX", "1MB")
    with pytest.raises(CustomerFileError) as caught:
        with read_customer_file(path, MAPPING, lang="fr"):
            pass
    text = caught.value.message("fr")
    assert text.startswith(
        "export.csv\u00a0: on attend un fichier clients qui tienne dans les limites"
    )
    assert "2MB de mémoire, 1MB d'espace disque temporaire" in text
    assert "scindez le fichier" in text


def test_a_limit_reached_while_deduplicating_is_said_not_a_traceback(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The deduplication's engine wraps DuckDB's « Out of Memory » in an error of its own (a 2 GB
    export of 20 million records hit the 10 GB spill cap there, and the consultant got a
    traceback): the audit says it as a limit reached, naming the file (patched engine)."""
    import duckdb

    from crmwb.core.workspace import EXAMPLES_DIR
    from crmwb.customer_file import audit as customer_audit
    from crmwb.workbook.reader import read_workbook

    class EngineError(Exception):
        pass

    def out_of_memory(*args: object, **kwargs: object) -> None:
        try:
            raise duckdb.OutOfMemoryException("failed to offload data block")
        except duckdb.OutOfMemoryException as exc:
            raise EngineError("Error executing the following sql") from exc

    monkeypatch.setattr(customer_audit, "find_duplicates", out_of_memory)
    northwind = EXAMPLES_DIR / "northwind-retail"
    settings = read_customer_file_settings(read_workbook(northwind / "workbook.xlsx"))
    with pytest.raises(CustomerFileError) as caught:
        customer_audit.audit_customer_file(northwind, settings, lang="fr")
    text = caught.value.message("fr")
    assert text.startswith(
        "customers.csv\u00a0: on attend un fichier clients qui tienne dans les limites"
    )
    assert "scindez le fichier" in text

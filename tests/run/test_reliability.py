"""`crmwb run` under interrupts and concurrency (issue 13): a Ctrl-C keeps the run as
``<run-id>-interrupted`` and never moves ``latest``; a second Ctrl-C quits at once; one run per
client at a time (a second one waits, or refuses with ``--no-wait``); ten runs of one client at
once leave ``latest`` a symlink to a complete run.

Signals are sent to a child process the test starts in a session of its own, to the whole
process group as a terminal's Ctrl-C is (its kernels get it too)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from unprivileged import as_a_user, shared_folder

from crmwb.core.errors import CrmwbError
from crmwb.core.workspace import EXAMPLES_DIR
from crmwb.run import batch, folders
from crmwb.run.summary import summary as run_summary

SLUG = "literie-lenoir"


def start(root: Path, *args: str, temporary: Path | None = None) -> subprocess.Popen[str]:
    """``crmwb run`` of the French example, in a session of its own, speaking French (with
    ``temporary`` as the system's temporary folder, if given)."""
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "crmwb.run.cli",
            "--clients-dir",
            str(root / "clients"),
            "run",
            SLUG,
            "--quiet",
            "--jobs",
            "2",
            "--reports-dir",
            str(root / "reports"),
            *args,
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=root,
        env={**os.environ, "CRMWB_LANG": "fr", **({"TMPDIR": str(temporary)} if temporary else {})},
        start_new_session=True,
    )


def finish(process: subprocess.Popen[str], timeout: float = 300) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=timeout)
    return process.returncode, out, err


@pytest.fixture(autouse=True)
def ctrl_c_reaches_the_runs() -> Iterator[None]:
    """The runs these tests start must be able to get a Ctrl-C. A test session started from a
    shell's background job (``make test &``) ignores SIGINT, and a child inherits an ignored
    signal: the tests would then measure the shell, not crmwb. With a handler of its own the
    session's children start with SIGINT's default."""
    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    yield
    if previous is signal.SIG_IGN:
        signal.signal(signal.SIGINT, previous)


@pytest.fixture
def root(tmp_path: Path) -> Path:
    shutil.copytree(EXAMPLES_DIR / SLUG, tmp_path / "clients" / SLUG)
    return tmp_path


def client_reports(root: Path) -> Path:
    return root / "reports" / SLUG


def is_kernel(process: psutil.Process) -> bool:
    """A notebook's kernel: a cold one (``ipykernel``), or one forked by the kernel server."""
    try:
        if "ipykernel" in " ".join(process.cmdline()):
            return True
        return "crmwb.run.kernels" in " ".join(process.parent().cmdline())
    except (psutil.Error, AttributeError):
        return False


def wait_for_kernels(root: Path, process: subprocess.Popen[str], seconds: float = 60) -> None:
    """Until the run has started its notebooks' kernels (children of the run's process)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        if any(client_reports(root).glob(".*.partial")):
            children = psutil.Process(process.pid).children(recursive=True)
            if any(is_kernel(c) for c in children if c.is_running()):
                time.sleep(1.0)  # its kernels are starting
                return
        time.sleep(0.2)
    raise AssertionError("the run started no kernel")


def processes_of(session: int, grace: float = 5) -> list[int]:
    """Processes still alive in the run's session (its kernels, if any were left behind)
    after ``grace`` seconds: Python's resource tracker, left to end with the run, may be
    ending as the run's process has just ended (seen with an empty command line, its parent
    gone)."""
    deadline = time.monotonic() + grace
    while True:
        alive = []
        for pid in psutil.pids():
            try:
                if os.getsid(pid) == session and psutil.Process(pid).status() != "zombie":
                    alive.append(pid)
            except (ProcessLookupError, PermissionError, psutil.Error):
                continue
        if not alive or time.monotonic() > deadline:
            return alive
        time.sleep(0.1)


@pytest.fixture(scope="module")
def good_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A first, complete run (TCO only), made once for the tests that start from one."""
    base = tmp_path_factory.mktemp("good")
    shutil.copytree(EXAMPLES_DIR / SLUG, base / "clients" / SLUG)
    code, _, err = finish(start(base, "--only", "tco"))
    assert code == 0, err
    return base / "reports"


def good_run(root: Path, good_reports: Path) -> Path:
    """The good run copied under ``root``: what ``latest`` designates before the interrupt."""
    shutil.copytree(
        good_reports,
        root / "reports",
        symlinks=True,
        ignore=shutil.ignore_patterns(".runtime", ".*.lock"),
    )
    latest = client_reports(root) / "latest"
    assert latest.is_symlink()
    return latest.resolve()


def test_a_ctrl_c_keeps_the_run_as_interrupted_and_never_moves_latest(
    root: Path, good_reports: Path
) -> None:
    before = good_run(root, good_reports)
    # a short path: the run's sockets are made there (at most 107 bytes for their path)
    temporary = Path(tempfile.mkdtemp(prefix="crmwb-test-"))
    process = start(root, temporary=temporary)
    wait_for_kernels(root, process)
    os.killpg(process.pid, signal.SIGINT)
    code, out, err = finish(process, timeout=120)
    assert code == 130, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    # Python's resource tracker is not stopped with the workers: killed, it was started again
    # at exit and printed a traceback per semaphore of the pool (seen once in CI)
    assert "resource_tracker" not in err, err
    # the workers stopped could not remove their copies of the client's files: the run did
    left = list(temporary.glob("crmwb-job*"))
    shutil.rmtree(temporary, ignore_errors=True)
    assert not left, left
    assert "Interruption\u00a0: aucune autre analyse n'est lancée" in err
    assert "exécution interrompue" in out  # the summary says where the run is kept
    reports = client_reports(root)
    assert (reports / "latest").resolve() == before  # latest untouched
    interrupted = [p for p in reports.iterdir() if p.name.endswith("-interrupted")]
    assert len(interrupted) == 1
    manifest = json.loads((interrupted[0] / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "interrupted"
    statuses = {a["status"] for a in manifest["analyses"].values()}
    assert statuses - {"ok", "skipped"}, statuses  # something never finished
    assert set(manifest["analyses"]) == set(batch.ANALYSES)  # every planned analysis said
    assert not list(reports.glob(".*.partial")) and not list(reports.glob(".latest.*"))
    assert processes_of(process.pid) == []  # no kernel left running


def test_an_interrupt_stops_the_kernels_it_started(root: Path) -> None:
    """``kill -INT`` to the run alone (its kernels do not get it) while every kernel hangs in
    its start-up for ten minutes: the run stops them, so it ends long before they would."""
    startup = root / "reports" / ".runtime" / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-hang.py").write_text("import time\ntime.sleep(600)\n", encoding="utf-8")
    process = start(root)
    wait_for_kernels(root, process)
    os.kill(process.pid, signal.SIGINT)
    code, out, err = finish(process, timeout=45)  # the kernels alone would take 600 s
    assert code == 130, (out, err)
    assert processes_of(process.pid) == []
    assert not (client_reports(root) / "latest").exists()


def test_a_ctrl_c_stops_a_single_notebook_run_and_its_kernel(
    root: Path, good_reports: Path
) -> None:
    """A run executing one notebook runs it in a thread of the runner, with a kernel of its
    own (no worker processes): ``kill -INT`` to the run alone, its kernel hanging in its
    start-up for ten minutes, still ends the run at once, its kernel stopped, ``latest`` kept."""
    before = good_run(root, good_reports)
    startup = root / "reports" / ".runtime" / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True)
    (startup / "00-hang.py").write_text("import time\ntime.sleep(600)\n", encoding="utf-8")
    process = start(root, "--only", "tco", "--force")
    wait_for_kernels(root, process)
    assert not [c for c in psutil.Process(process.pid).children() if not is_kernel(c)]
    os.kill(process.pid, signal.SIGINT)
    code, out, err = finish(process, timeout=45)  # the kernel alone would take 600 s
    assert code == 130, (out, err)
    assert "Traceback" not in err and "Traceback" not in out
    assert processes_of(process.pid) == []
    reports = client_reports(root)
    assert (reports / "latest").resolve() == before
    assert [p.name for p in reports.iterdir() if p.name.endswith("-interrupted")]


def test_a_second_ctrl_c_quits_at_once_and_the_next_run_cleans_up(
    root: Path, good_reports: Path
) -> None:
    before = good_run(root, good_reports)
    process = start(root)
    wait_for_kernels(root, process)
    os.killpg(process.pid, signal.SIGINT)
    time.sleep(0.3)
    os.killpg(process.pid, signal.SIGINT)
    code, out, err = finish(process, timeout=60)
    assert code == 130, (out, err)
    assert "Traceback" not in err
    assert "arrêt immédiat" in err or "Interruption" in err
    assert processes_of(process.pid) == []  # nothing the run started outlives it
    reports = client_reports(root)
    assert (reports / "latest").resolve() == before
    # the next run keeps what the interrupted one left as "-interrupted", then publishes (forced:
    # nothing changed since the good run)
    code, _, err = finish(start(root, "--only", "tco", "--force"))
    assert code == 0, err
    assert not list(reports.glob(".*.partial"))
    assert any(p.name.endswith("-interrupted") for p in reports.iterdir())
    assert (reports / "latest").resolve() != before


def test_a_second_run_of_a_client_waits_for_the_first_or_refuses(root: Path) -> None:
    reports = client_reports(root)
    with folders.client_lock(reports):
        code, out, err = finish(start(root, "--only", "tco", "--no-wait"), timeout=60)
        assert code == 1, (out, err)
        assert "une autre exécution de literie-lenoir est en cours" in err
        assert not (reports / "latest").exists()
        waiting = start(root, "--only", "tco")
        said = ""
        deadline = time.monotonic() + 60
        while "attente" not in said and time.monotonic() < deadline:
            said += _peek_stderr(waiting)
        assert "une autre exécution de ce client est en cours" in said
        assert waiting.poll() is None  # still waiting while the lock is held
    code, out, err = finish(waiting)
    assert code == 0, said + err
    assert (reports / "latest").is_symlink()


def _peek_stderr(process: subprocess.Popen[str]) -> str:
    """What the process has written to stderr so far (its first line is enough here)."""
    import select

    assert process.stderr is not None
    ready, _, _ = select.select([process.stderr], [], [], 0.1)
    return process.stderr.readline() if ready else ""


def test_ten_runs_of_one_client_at_once_leave_latest_a_link_to_a_complete_run(
    root: Path,
) -> None:
    processes = [start(root, "--only", "tco", "--jobs", "1") for _ in range(10)]
    finished = [finish(p, timeout=900) for p in processes]
    assert [code for code, _, _ in finished] == [0] * 10
    # one run executes; each of the others waits for the lock, then finds nothing changed
    unchanged = [out for _, out, _ in finished if "rien n'a changé" in out]
    assert len(unchanged) == 9
    reports = client_reports(root)
    latest = reports / "latest"
    assert latest.is_symlink()
    target = latest.resolve()
    manifest = json.loads((target / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["status"] == "ok"
    assert (target / "tco.pdf").is_file() and (target / "pack.pdf").is_file()
    runs = [p for p in reports.iterdir() if p.is_dir() and not p.is_symlink()]
    assert len(runs) == 1 and all(not p.name.endswith(("-failed", "-interrupted")) for p in runs)
    assert not list(reports.glob(".*.partial")) and not list(reports.glob(".latest.*"))


# --- the pointer and the run ids, without kernels -----------------------------------------------


def test_latest_replaces_a_copy_left_where_links_failed(tmp_path: Path) -> None:
    (tmp_path / "run-1").mkdir()
    (tmp_path / "latest").mkdir()  # a real folder, as the former fallback left it
    folders.point_latest(tmp_path, "run-1")
    assert (tmp_path / "latest").is_symlink()
    assert os.readlink(tmp_path / "latest") == "run-1"


def test_latest_is_a_copy_only_where_links_cannot_be_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "run-1").mkdir()
    (tmp_path / "run-1" / "index.html").write_text("pack", encoding="utf-8")
    monkeypatch.setattr(folders, "symlinks_supported", lambda folder: False)
    folders.point_latest(tmp_path, "run-1")
    latest = tmp_path / "latest"
    assert not latest.is_symlink() and (latest / "index.html").read_text("utf-8") == "pack"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_run_id_is_reserved_once(tmp_path: Path) -> None:
    first = folders.reserve_run_id(tmp_path, "20261205-101010")
    second = folders.reserve_run_id(tmp_path, "20261205-101010")
    assert (first, second) == ("20261205-101010", "20261205-101010-2")
    assert (tmp_path / ".20261205-101010.partial").is_dir()
    (tmp_path / "20261205-101010-3-interrupted").mkdir()
    assert folders.reserve_run_id(tmp_path, "20261205-101010") == "20261205-101010-4"


def test_what_a_killed_run_left_is_cleaned_at_the_next(tmp_path: Path) -> None:
    (tmp_path / ".20261205-101010.partial").mkdir()
    (tmp_path / ".latest.123.abcd.tmp").symlink_to("nowhere")
    folders.clean_stale(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["20261205-101010-interrupted"]


def test_a_run_is_published_only_when_every_planned_analysis_reported() -> None:
    run = batch.ClientRun("c", "r", planned=("tco", "roi"))
    run.results.append(batch.JobResult("c", "tco", ok=True))
    assert not run.ok and run.status == "failed"
    run.results.append(batch.JobResult("c", "roi", skipped=True))
    assert run.ok
    run.interrupted = True
    assert not run.ok and run.status == "interrupted"


# --- file-system errors said in words -------------------------------------------------------------


@pytest.fixture
def shared() -> Iterator[Path]:
    with shared_folder() as base:
        yield base


def run_as_a_user(base: Path, reports: Path) -> subprocess.CompletedProcess[str]:
    """``crmwb run`` of the French example copied under ``base``, without the privilege to
    ignore file permissions, with a home of its own."""
    for folder in (base / "clients", base / "clients" / SLUG):
        folder.chmod(0o755)
    (base / "clients" / SLUG / "workbook.xlsx").chmod(0o644)
    home = base / "home"
    home.mkdir(exist_ok=True)
    home.chmod(0o777)  # the user's own home, writable
    command = [sys.executable, "-m", "crmwb.run.cli", "run", str(base / "clients" / SLUG)]
    return subprocess.run(
        as_a_user([*command, "--quiet", "--only", "tco", "--reports-dir", str(reports)]),
        capture_output=True,
        text=True,
        cwd=base,
        env={**os.environ, "CRMWB_LANG": "fr", "HOME": str(home)},
        timeout=120,
        check=False,
    )


def assert_said_cannot_write(done: subprocess.CompletedProcess[str], where: Path) -> None:
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert f"{where}" in done.stderr
    assert "on attend un dossier où l'atelier peut écrire" in done.stderr
    assert "accès refusé (Permission denied)" in done.stderr
    assert "demandez le droit d'y écrire, ou choisissez un autre dossier" in done.stderr


def test_a_reports_folder_that_cannot_be_written_is_said_not_a_traceback(shared: Path) -> None:
    base = shared
    shutil.copytree(EXAMPLES_DIR / SLUG, base / "clients" / SLUG)
    reports = base / "reports"
    reports.mkdir()
    reports.chmod(0o555)  # read-only
    assert_said_cannot_write(run_as_a_user(base, reports), reports)


def test_a_clients_folder_that_cannot_be_written_is_said_not_a_traceback(shared: Path) -> None:
    clients = shared / "clients"
    clients.mkdir()
    clients.chmod(0o555)  # read-only
    command = [sys.executable, "-m", "crmwb.run.cli", "--clients-dir", str(clients)]
    done = subprocess.run(
        as_a_user([*command, "new-client", "Maison Test"]),
        capture_output=True,
        text=True,
        cwd=shared,
        env={**os.environ, "CRMWB_LANG": "fr"},
        timeout=120,
        check=False,
    )
    assert_said_cannot_write(done, clients / "maison-test")
    assert list(clients.iterdir()) == []


def test_a_runtime_folder_that_cannot_be_written_is_said_and_the_pack_kept(shared: Path) -> None:
    """The reports folder is writable but its ``.runtime`` (where the notebooks' kernels keep
    their files), left read-only by a colleague's run, is not: said in words, naming the file,
    and the last good run stays ``latest``."""
    base = shared
    shutil.copytree(EXAMPLES_DIR / SLUG, base / "clients" / SLUG)
    reports = base / "reports"
    reports.mkdir()
    reports.chmod(0o777)
    first = run_as_a_user(base, reports)
    assert first.returncode == 0, first.stderr
    latest = reports / SLUG / "latest"
    before = latest.resolve()
    runtime = reports / ".runtime"
    for path in [runtime, *runtime.rglob("*")]:
        path.chmod(0o555 if path.is_dir() else 0o444)
    done = run_as_a_user(base, reports)
    assert_said_cannot_write(done, runtime / "share" / "kernels" / "python3" / "kernel.json")
    assert latest.resolve() == before and (before / "manifest.json").is_file()


def test_a_full_disk_keeps_the_run_as_failed_and_says_so(
    root: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The disk fills up while the TCO's reports and the manifest are written (patched writers):
    the run is kept as ``-failed``, nothing ``.partial`` is left, ``latest`` is not made, and
    the summary says « disque plein »."""
    import errno

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(batch, "publish", full)  # where the runner writes what a job made
    monkeypatch.setattr(batch, "write_manifest", full)
    (run,) = batch.run(
        [root / "clients" / SLUG],
        [batch.ANALYSES["tco"]],
        jobs=1,
        reports_dir=root / "reports",
    )
    reports = client_reports(root)
    assert not run.ok and run.folder == reports / f"{run.run_id}-failed"
    assert run.folder.is_dir() and not list(reports.glob(".*.partial"))
    assert not (reports / "latest").exists()
    text = run_summary([run], "fr")
    assert "un disque plein (No space left on device)" in text
    assert "libérez de la place sur ce disque" in text
    assert "ÉCHEC, conservé pour examen" in text


def test_a_ctrl_c_during_a_customer_file_audit_leaves_nothing_behind(tmp_path: Path) -> None:
    """``crmwb audit-file`` on 800 000 records, interrupted: exit 130 with a sentence, and the
    audit's temporary folder (DuckDB's database and spill) removed."""
    clients = tmp_path / "clients"
    shutil.copytree(EXAMPLES_DIR / "northwind-retail", clients / "northwind-retail")
    source = (clients / "northwind-retail" / "customers.csv").read_bytes()  # Windows-1252
    header, *records = source.splitlines()
    big = tmp_path / "big.csv"
    big.write_bytes(b"\r\n".join([header, *(records * 200)]) + b"\r\n")
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    process = subprocess.Popen(
        [
            *(sys.executable, "-m", "crmwb.run.cli", "--clients-dir", str(clients)),
            *("audit-file", "northwind-retail", str(big)),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "CRMWB_LANG": "fr", "TMPDIR": str(scratch)},
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while not any(scratch.glob("crmwb-quality-*")) and time.monotonic() < deadline:
        assert process.poll() is None, process.communicate()
        time.sleep(0.1)
    time.sleep(0.5)  # reading the file
    os.killpg(process.pid, signal.SIGINT)
    code, out, err = finish(process, timeout=60)
    assert code == 130, (out, err)
    assert "Traceback" not in err and "Interruption." in err
    assert list(scratch.glob("crmwb-quality-*")) == []


def test_a_path_too_long_for_the_system_is_said(root: Path) -> None:
    reports = root / ("r" * 300)  # a folder name over the system's 255 bytes
    with pytest.raises(CrmwbError) as caught:
        batch.run([root / "clients" / SLUG], [batch.ANALYSES["tco"]], reports_dir=reports)
    text = caught.value.message("fr")
    assert "on attend un dossier où l'atelier peut écrire" in text
    assert "un chemin trop long pour le système" in text
    assert "choisissez un dossier au chemin plus court" in text
    assert sorted(p.name for p in root.iterdir()) == ["clients"]  # nothing made

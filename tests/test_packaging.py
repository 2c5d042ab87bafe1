"""The install files agree with each other: pyproject.toml and environment.yml list the same
runtime dependencies with the same lower bounds; CI runs the README's test command; the wheel
carries every package and the resources, and works outside the repository (slow)."""

from __future__ import annotations

import json
import os
import re
import shutil
import site
import subprocess
import sys
import sysconfig
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _name(requirement: str) -> tuple[str, str]:
    match = re.match(r"^\s*([A-Za-z0-9_.\-]+)\s*(.*)$", requirement)
    assert match, requirement
    return re.sub(r"[-_.]+", "-", match.group(1)).lower(), match.group(2).replace(" ", "")


def pyproject_dependencies() -> dict[str, str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return dict(_name(r) for r in data["project"]["dependencies"])


def environment_dependencies() -> dict[str, str]:
    deps: dict[str, str] = {}
    in_deps = False
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("dependencies:"):
            in_deps = True
            continue
        item = re.match(r"^  - (\S.*)$", line)  # top-level conda items only, not pip's
        if in_deps and item and not item.group(1).startswith("pip"):
            name, bound = _name(item.group(1))
            if name != "python":
                deps[name] = bound
    return deps


def test_environment_yml_lists_the_runtime_dependencies_of_pyproject():
    assert environment_dependencies() == pyproject_dependencies()


def test_every_runtime_dependency_has_a_lower_bound():
    assert all(bound.startswith(">=") for bound in pyproject_dependencies().values())


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make demo" in readme and "make test" in readme


def test_notebooks_are_committed_without_outputs_and_with_a_parameters_cell():
    import nbformat

    for path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        code = [c for c in nb.cells if c.cell_type == "code"]
        assert any("parameters" in c.metadata.get("tags", []) for c in code), path
        assert all(not c.get("outputs") for c in code), f"{path} has outputs"
        for cell in code:
            for line in cell.source.splitlines():
                assert not line.lstrip().startswith(("def ", "class ")), (
                    f"{path}: logic in notebook"
                )


# --- the wheel -------------------------------------------------------------------------------

PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SETUPTOOLS = PYPROJECT["tool"]["setuptools"]


def test_every_package_of_crmwb_is_in_the_wheel_configuration():
    # pyproject.toml lists the packages (the resources are mapped in from top-level folders):
    # a new crmwb/<capability>/ must be listed there too, or the wheel would go without it
    folders = sorted(
        ".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "crmwb").rglob("__init__.py")
    )
    listed = [p for p in SETUPTOOLS["packages"] if not p.startswith("crmwb.resources.")]
    assert sorted(listed) == folders
    for package, folder in SETUPTOOLS["package-dir"].items():
        assert package in SETUPTOOLS["packages"] and (ROOT / folder).is_dir(), package


WHEEL_IGNORED = shutil.ignore_patterns(
    ".git", ".venv", "build", "dist", "reports", "*.egg-info", "__pycache__", ".*_cache", "out"
)


def _copy_sources(target: Path) -> Path:
    """The repository without its environment, outputs and the consultant's clients: a fresh
    copy, so that nothing left by an earlier build (setuptools' build/) goes into the wheel."""
    shutil.copytree(ROOT, target, ignore=WHEEL_IGNORED)
    clients = target / "data" / "clients"
    for entry in clients.iterdir() if clients.is_dir() else ():
        if entry.name != "README.md":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()
    return target


def _venv_python(venv: Path) -> Path:
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def _venv_command(venv: Path, name: str) -> str:
    return str(venv / ("Scripts" if os.name == "nt" else "bin") / name)


@pytest.mark.slow
def test_the_wheel_works_outside_the_repository(tmp_path):
    """Build the wheel from the repository, install it in a new virtual environment outside it,
    and there make a workspace, a client, copy the examples and run the TCO of one (20 to 60 s:
    the build fetches setuptools from PyPI unless pip has it cached). The new environment gets
    crmwb from the wheel only (--no-deps); its dependencies are this environment's, by a .pth
    line naming this environment's site-packages (a .pth's paths are not searched for more .pth
    files, so an editable crmwb there stays out)."""
    # 1. the wheel, built as pip builds it (isolated, setuptools from pyproject's build-system)
    sources = _copy_sources(tmp_path / "src")
    dist = tmp_path / "dist"
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CRMWB_HOME")}
    env |= {"PYTHONNOUSERSITE": "1", "CRMWB_LANG": "en", "PIP_DISABLE_PIP_VERSION_CHECK": "1"}

    def run(*command, cwd=tmp_path, ok=True):
        done = subprocess.run(
            [str(c) for c in command],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            timeout=900,
            check=False,
        )
        if ok:
            assert done.returncode == 0, f"{command}\n{done.stdout}\n{done.stderr}"
        return done

    run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", dist, sources)
    (wheel,) = dist.glob("crmwb-*.whl")

    # 2. what it carries: every module, the notebooks, templates and example clients, once
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    modules = {p.relative_to(ROOT).as_posix() for p in (ROOT / "crmwb").rglob("*.py")}
    assert modules <= names
    resources = {n.removeprefix("crmwb/resources/") for n in names if "/resources/" in n}
    tracked = {
        p.relative_to(ROOT).as_posix()
        for folder in ("notebooks", "templates", "data/examples")
        for p in (ROOT / folder).rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and ".ipynb_checkpoints" not in p.parts
    }
    assert resources == tracked - {"data/examples/build_examples.py"}
    assert {"crmwb/locale/fr/LC_MESSAGES/run.po", "crmwb/py.typed"} <= names
    assert not [n for n in names if n.startswith(("notebooks/", "templates/", "data/"))]

    # 3. a new environment, outside the repository, with the wheel and this one's dependencies
    venv = tmp_path / "venv"
    run(sys.executable, "-m", "venv", "--without-pip", venv)
    python = _venv_python(venv)
    purelib = run(python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])")
    site_packages = Path(purelib.stdout.strip())
    ours = dict.fromkeys([*site.getsitepackages(), sysconfig.get_paths()["purelib"]])
    (site_packages / "crmwb-test-dependencies.pth").write_text(
        "".join(f"{path}\n" for path in ours), encoding="utf-8"
    )
    # the dependencies' data files, which pip puts under the environment's share/ (nbconvert's
    # templates), as installing them there would
    templates = Path(sys.prefix) / "share" / "jupyter" / "nbconvert"
    if templates.is_dir():
        shutil.copytree(templates, venv / "share" / "jupyter" / "nbconvert")
    run(sys.executable, "-m", "pip", "--python", python, "install", "--no-deps", "-q", wheel)
    where = run(
        python,
        "-c",
        "import crmwb, crmwb.core.workspace as w; print(crmwb.__file__); print(w.CHECKOUT); "
        "print(w.NOTEBOOKS_DIR)",
    ).stdout.split("\n")
    assert Path(where[0]).is_relative_to(site_packages), where  # the wheel's, not the repo's
    assert where[1] == "None"
    assert Path(where[2]) == site_packages / "crmwb" / "resources" / "notebooks"

    # 4. a consultant's folder: init, new-client, examples, run
    crmwb = _venv_command(venv, "crmwb")
    home = tmp_path / "consultant"
    home.mkdir()
    outside = run(crmwb, "clients", cwd=home, ok=False)
    assert outside.returncode == 1 and "crmwb init FOLDER" in outside.stderr
    made = run(crmwb, "init", "workspace", cwd=home)
    assert "Workspace made in" in made.stdout
    ws = home / "workspace"
    run(crmwb, "new-client", "Maison Test", "--lang", "fr", cwd=ws)
    assert (ws / "clients" / "maison-test" / "workbook.xlsx").is_file()
    run(crmwb, "examples", cwd=ws / "clients")  # from a folder inside the workspace
    listed = run(crmwb, "clients", cwd=home, ok=False)  # outside it: no workspace...
    assert listed.returncode == 1
    env["CRMWB_HOME"] = str(ws)  # ...unless CRMWB_HOME names it
    listed = run(crmwb, "clients", cwd=home)
    assert listed.stdout.split() == ["literie-lenoir", "maison-test", "northwind-retail"]
    del env["CRMWB_HOME"]
    run(crmwb, "run", "literie-lenoir", "--only", "tco", "--quiet", cwd=ws)
    latest = ws / "reports" / "literie-lenoir" / "latest"
    for name in ("tco.html", "tco.pdf", "tco.xlsx", "tco.ipynb", "manifest.json", "pack.pdf"):
        assert (latest / name).is_file(), name
    manifest = json.loads((latest / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["analyses"]["tco"]["status"] == "ok"
    html = (latest / "tco.html").read_text(encoding="utf-8")
    assert re.search("13[\u202f\u00a0 ]200", html)  # the licence's 13 200 € (README)

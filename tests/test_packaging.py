"""The install files agree with each other: pyproject.toml and environment.yml list the same
runtime dependencies with the same lower bounds; CI runs the README's test command."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

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

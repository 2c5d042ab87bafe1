"""The house's rules, read from the code itself: no import circle among crmwb's modules, and no
private name (``_name``) taken by one module from another. Every import counts, including those
inside functions and under ``TYPE_CHECKING``: a circle hidden in a function is still a circle."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import crmwb

PACKAGE = Path(crmwb.__file__).parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def resolved(name: str) -> str | None:
    """The crmwb module ``name`` is, or holds (``crmwb.a.b.C`` -> ``crmwb.a.b``)."""
    while name:
        if name in MODULES:
            return name
        name = name.rpartition(".")[0]
    return None


def imports(module: str) -> Iterator[tuple[str, str, int]]:
    """(imported module, name taken from it or "", line) for every crmwb import of ``module``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    package = module if MODULES[module].name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if (target := resolved(alias.name)) is not None:
                    yield target, "", node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package.split(".")[: len(package.split(".")) - node.level + 1])
                base = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                full = f"{base}.{alias.name}"
                if full in MODULES:  # from package import module
                    yield full, "", node.lineno
                elif (target := resolved(base)) is not None:
                    yield target, alias.name, node.lineno


def graph() -> dict[str, set[str]]:
    return {
        m: {target for target, _, _ in imports(m) if target != m and not m.startswith(target + ".")}
        - {m}
        for m in MODULES
    }


def circles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in sorted(edges.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(edges):
        if v not in index:
            visit(v)
    return found


def private_imports() -> list[str]:
    """``module:line takes _name from other`` for every private name crossing a module."""
    out = []
    for m in MODULES:
        for target, name, line in imports(m):
            if name.startswith("_") and not name.startswith("__") and target != m:
                out.append(f"{m}:{line} takes {name} from {target}")
        # module._name through an imported module
        tree = ast.parse(MODULES[m].read_text(encoding="utf-8"))
        aliases = {}
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.module:
                for alias in node.names:
                    if f"{node.module}.{alias.name}" in MODULES:
                        aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
            elif isinstance(node, ast.Import):
                for alias in node.names:
                    if alias.name in MODULES and alias.asname:
                        aliases[alias.asname] = alias.name
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in aliases
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                out.append(f"{m}:{node.lineno} takes {node.attr} from {aliases[node.value.id]}")
    return sorted(set(out))


FOREIGN_PRIVATE_ALLOWED = frozenset({"_exit", "_p", "_rPr", "_sldIdLst", "_base_placeholder"})
"""Private attributes of other libraries crmwb uses on purpose (``os._exit``: a worker's exit
without running the parent's cleanup; python-pptx's XML that it gives no public access to: a
paragraph's ``_p`` for a bullet's indent, a run's ``_rPr`` for its language, the slide list
``_sldIdLst`` to drop a template's sample slides, a placeholder's ``_base_placeholder`` to
read the size its layout gives it)."""


def private_attributes() -> list[str]:
    """``module:line reads x._name`` for every private attribute read on another object than
    ``self``/``cls`` that the module does not define itself (a private method of a class of
    another module). Protocol names (``_repr_html_``) end with an underscore and are allowed."""
    out = []
    for m, path in MODULES.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        defined = {
            node.name
            for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef))
        }
        for node in ast.walk(tree):
            targets = (
                node.targets
                if isinstance(node, ast.Assign)
                else [node.target]
                if isinstance(node, ast.AnnAssign)
                else []
            )
            defined |= {t.attr for t in targets if isinstance(t, ast.Attribute)}
            defined |= {t.id for t in targets if isinstance(t, ast.Name)}
        for node in ast.walk(tree):
            if not isinstance(node, ast.Attribute):
                continue
            name = node.attr
            if not name.startswith("_") or name.endswith("_") or name in defined:
                continue
            if isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"):
                continue
            if name in FOREIGN_PRIVATE_ALLOWED:
                continue
            out.append(f"{m}:{node.lineno} reads {ast.unparse(node)}")
    return sorted(out)


def test_the_circle_finder_finds_a_circle() -> None:
    assert circles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]
    assert circles({"a": {"b"}, "b": set()}) == []


def test_no_import_circle_in_crmwb() -> None:
    assert circles(graph()) == []


def test_no_private_name_crosses_a_module() -> None:
    assert private_imports() == []


def test_no_private_attribute_of_another_module_is_read() -> None:
    assert private_attributes() == []

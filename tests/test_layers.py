"""The layers, enforced: every module's imports, read from its source (AST),
may only point down. The diagram and the reasons are in docs/architecture.md.

| layer | may import |
|---|---|
| connectapp (views, services, urls, commands) | every app |
| worksheets | accounts, activities, helplines, the bottom layer |
| activities, helplines | accounts, the bottom layer |
| accounts | the bottom layer |
| connectapp.lib (the bottom layer) | Django and libraries only |

To let one layer import another, change ALLOWED here and the table in
docs/architecture.md in the same change, with the reason.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
LIB = "connectapp.lib"
TOP = "connectapp"
APPS = ["accounts", "activities", "helplines", "worksheets"]

# Which of our packages each layer may import. Django and libraries are always fine.
ALLOWED = {
    LIB: {LIB},
    "accounts": {LIB, "accounts"},
    "activities": {LIB, "accounts", "activities"},
    "helplines": {LIB, "accounts", "helplines"},
    "worksheets": {LIB, "accounts", "activities", "helplines", "worksheets"},
    TOP: {LIB, TOP, *APPS},
}
OURS = {TOP, *APPS}


def layer_of(module: str) -> str:
    if module == LIB or module.startswith(LIB + "."):
        return LIB
    return module.split(".")[0]


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str]]:
    """(line, absolute module) for every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(), filename=str(path))
    package = module_name(path).split(".")
    if path.name != "__init__.py":
        package = package[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = ".".join([*base, node.module] if node.module else base)
            else:
                target = node.module
            if target == TOP:
                # `from connectapp import lib` names the bottom layer itself.
                found.extend((node.lineno, f"{TOP}.{alias.name}") for alias in node.names)
            else:
                found.append((node.lineno, target))
    return found


def source_files() -> list[Path]:
    return sorted(path for package in OURS for path in (ROOT / package).rglob("*.py"))


def forbidden(path: Path) -> list[str]:
    source = layer_of(module_name(path))
    problems = []
    for line, target in imports(path):
        target_layer = layer_of(target)
        if target_layer not in OURS | {LIB}:
            continue
        if target_layer not in ALLOWED[source]:
            problems.append(f"{path.relative_to(ROOT)}:{line} imports {target}")
    return problems


def test_the_scan_sees_every_app():
    names = {layer_of(module_name(path)) for path in source_files()}
    assert names == {LIB, TOP, *APPS}


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down_the_layers(path):
    assert forbidden(path) == []


def test_the_guard_catches_an_upward_import(monkeypatch):
    bad = ROOT / "accounts" / "_layer_probe.py"
    monkeypatch.setattr(Path, "read_text", lambda self: "from worksheets.models import Share\n")
    assert forbidden(bad) == ["accounts/_layer_probe.py:1 imports worksheets.models"]
    monkeypatch.setattr(Path, "read_text", lambda self: "from connectapp import services\n")
    assert forbidden(ROOT / "connectapp" / "lib" / "_probe.py") == [
        "connectapp/lib/_probe.py:1 imports connectapp.services"
    ]
    monkeypatch.setattr(Path, "read_text", lambda self: "from connectapp import lib\n")
    assert forbidden(ROOT / "helplines" / "_probe.py") == []

"""The package layers hold: checklists < reports < crawler, imports only point down, no
import hides inside a function to dodge a cycle, and only the crawler touches Scrapy.

No exceptions list: a new upward import fails here with the file, line and the import.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LAYERS = {"checklists": 0, "reports": 1, "crawler": 2}
CRAWL_ONLY = ("scrapy", "twisted", "scrapy_playwright", "playwright")


def _sources() -> list[Path]:
    skip = ROOT / "crawler" / "demo_site" / "site"
    return sorted(p for pkg in LAYERS for p in (ROOT / pkg).rglob("*.py")
                  if skip not in p.parents)


def _imports(path: Path) -> list[tuple[ast.stmt, str, bool]]:
    """(node, absolute module, inside a function) for every import of ``path``."""
    package = path.relative_to(ROOT).parent.parts
    out: list[tuple[ast.stmt, str, bool]] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        for child in ast.iter_child_nodes(node):
            nested = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef
                                                                       | ast.Lambda)
            if isinstance(child, ast.Import):
                out.extend((child, alias.name, in_function) for alias in child.names)
            elif isinstance(child, ast.ImportFrom):
                base = package[:len(package) - child.level + 1] if child.level else ()
                module = ".".join((*base, *(child.module or "").split("."))).strip(".")
                out.append((child, module, in_function))
            visit(child, nested)

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return out


SOURCES = _sources()


def test_the_layers_have_modules() -> None:
    assert {p.relative_to(ROOT).parts[0] for p in SOURCES} == set(LAYERS)


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_imports_point_down(path: Path) -> None:
    own = path.relative_to(ROOT).parts[0]
    wrong = []
    for node, module, in_function in _imports(path):
        top = module.split(".")[0]
        where = f"{path.relative_to(ROOT)}:{node.lineno}: {module}"
        if top in LAYERS and LAYERS[top] > LAYERS[own]:
            wrong.append(f"{where} (upward: {own} may not import {top})")
        if top in LAYERS and in_function:
            wrong.append(f"{where} (inside a function: import it at the top of the module)")
        if top in CRAWL_ONLY and own != "crawler":
            wrong.append(f"{where} (only crawler/ may use Scrapy or Twisted)")
    assert not wrong, "\n".join(wrong)



def _exists(module: str) -> bool:
    base = ROOT.joinpath(*module.split("."))
    return base.with_suffix(".py").exists() or (base / "__init__.py").exists()


def _package_names(module: str) -> str:
    init = ROOT.joinpath(*module.split("."), "__init__.py")
    return init.read_text(encoding="utf-8") if init.exists() else ""


TEST_SOURCES = sorted((ROOT / "tests").rglob("*.py"))


@pytest.mark.parametrize("path", SOURCES + TEST_SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_project_imports_resolve_in_this_tree(path: Path) -> None:
    """Every ``crawler``/``checklists``/``reports`` import names a module of this checkout (an
    editable install of another checkout would otherwise answer for a moved module)."""
    missing = []
    for node, module, _ in _imports(path):
        if module.split(".")[0] not in LAYERS:
            continue
        if not _exists(module):
            missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {module}")
            continue
        if isinstance(node, ast.ImportFrom):  # a name of a package: a submodule or in __init__
            names = _package_names(module)
            missing += [f"{path.relative_to(ROOT)}:{node.lineno}: {module}.{a.name}"
                        for a in node.names
                        if names and not _exists(f"{module}.{a.name}") and a.name not in names]
    assert not missing, "\n".join(missing)

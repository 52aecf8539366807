"""Every third-party package the installed code imports is a declared runtime dependency
(or comes with one): `pip install .` on a fresh machine must be enough to run an audit.

numpy was once imported by checklists/textmodel.py while only the test extra (scikit-learn)
brought it in, and README command 1 failed in a fresh clone.
"""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("crawler", "checklists", "reports")
# Developer tools shipped beside the code but never run by an audit: their packages come
# with the `test` extra (`pip install .[test]`), not with `pip install .`.
DEVELOPER_TOOLS = {
    "checklists/train_matcher.py",  # retrains the wording model (scikit-learn)
    "crawler/demo_site/build.py",  # rebuilds the demo site's PDFs (reportlab)
}


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[(]", requirement, maxsplit=1)[0].lower().replace("_", "-")


def _imported_top_names(tools: bool) -> dict[str, str]:
    """Top-level module name -> one file importing it, over the installed packages (only the
    developer tools when ``tools``, everything else otherwise)."""
    found: dict[str, str] = {}
    for package in PACKAGES:
        for path in sorted((ROOT / package).rglob("*.py")):
            if (str(path.relative_to(ROOT)) in DEVELOPER_TOOLS) != tools:
                continue
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    names = [node.module]
                else:
                    continue
                for name in names:
                    found.setdefault(name.split(".")[0], str(path.relative_to(ROOT)))
    return found


def _with_requirements(names: set[str]) -> set[str]:
    """The declared distributions and everything they require, as installed here."""
    seen: set[str] = set()
    todo = list(names)
    while todo:
        name = todo.pop()
        if name in seen:
            continue
        seen.add(name)
        try:
            requires = metadata.requires(name) or []
        except metadata.PackageNotFoundError:
            continue
        todo += [_name(r) for r in requires if "extra ==" not in r]
    return seen


def _undeclared(requirements: list[str], tools: bool) -> list[str]:
    allowed = _with_requirements({_name(r) for r in requirements})
    distributions = metadata.packages_distributions()
    missing = []
    for module, where in sorted(_imported_top_names(tools).items()):
        if module in PACKAGES or module in sys.stdlib_module_names or module == "__future__":
            continue
        dists = {d.lower().replace("_", "-") for d in distributions.get(module, [])}
        if not dists & allowed:
            missing.append(f"{module} ({where}; distribution {sorted(dists) or 'not installed'})")
    return missing


def _project() -> dict:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]


def test_every_imported_package_is_a_declared_dependency() -> None:
    missing = _undeclared(_project()["dependencies"], tools=False)
    assert not missing, "imported but not in [project].dependencies: " + ", ".join(missing)


def test_developer_tools_get_their_packages_from_the_test_extra() -> None:
    project = _project()
    requirements = project["dependencies"] + project["optional-dependencies"]["test"]
    missing = _undeclared(requirements, tools=True)
    assert not missing, "imported but not in the test extra: " + ", ".join(missing)

"""Imports go one way (README, «The house»): programmes ← home ← mentoring_pages ← the
project, and site_project's library modules, which every app may use, import no app. A
newcomer's import the wrong way fails here, not in a review."""

import ast
from pathlib import Path

import pytest

BASE_DIR = Path(__file__).resolve().parents[2]
LIBRARY = {
    "site_project.translation",
    "site_project.spreadsheets",
    "site_project.demo_content",
    "site_project.error_reports",
    "site_project.record_ids",
    "site_project.xml_text",
}
# What each app's modules (tests and migrations aside) may import of ours.
MAY_IMPORT = {
    "programmes": {"programmes", *LIBRARY},
    "home": {"home", "programmes", *LIBRARY},
    "mentoring_pages": {"mentoring_pages", "home", "programmes", *LIBRARY},
}
OURS = ("programmes", "home", "mentoring_pages", "site_project")


def modules_of(package):
    for path in sorted((BASE_DIR / package).rglob("*.py")):
        parts = path.relative_to(BASE_DIR).parts
        if "tests" not in parts and "migrations" not in parts:
            yield path


def our_imports(path):
    """The modules of ours that `path` imports, relative imports resolved."""
    package = ".".join(path.relative_to(BASE_DIR).with_suffix("").parts[:-1])
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            names = [f"{base}.{alias.name}" for alias in node.names]
        else:
            continue
        yield from (name for name in names if name.split(".")[0] in OURS)


def allowed(name, permitted):
    return any(name == allowed or name.startswith(allowed + ".") for allowed in permitted)


@pytest.mark.parametrize("app", MAY_IMPORT)
def test_an_app_imports_only_what_is_below_it(app):
    wrong = [
        f"{path.relative_to(BASE_DIR)}: {name}"
        for path in modules_of(app)
        for name in our_imports(path)
        if not allowed(name, MAY_IMPORT[app])
    ]
    assert wrong == []


def test_the_library_modules_import_no_app():
    wrong = [
        f"{module}: {name}"
        for module in sorted(LIBRARY)
        for name in our_imports(BASE_DIR / (module.replace(".", "/") + ".py"))
        if not allowed(name, LIBRARY)
    ]
    assert wrong == []

"""Our code uses Wagtail's, Django's and every library's public API only (DEVELOPERS.md, rule
7): a name starting with `_` is theirs to change in any release. Tests aside, no module of
ours imports such a name from a library or reads such an attribute, unless we define it
ourselves or Django documents it."""

import ast

from site_project.tests.test_layers import BASE_DIR, OURS, modules_of

# Underscored, yet documented public API: the model's options and its default manager.
DOCUMENTED = {"_meta", "_default_manager"}


def our_modules():
    return [path for package in OURS for path in modules_of(package)]


def syntax_trees():
    return {path: ast.parse(path.read_text(encoding="utf-8")) for path in our_modules()}


def private(name):
    return name.startswith("_") and not name.startswith("__")


def defined_by_us(trees):
    """Underscored names our own code defines: functions, classes and attributes it sets."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store):
                names.add(node.attr)
    return {name for name in names if private(name)}


def test_no_private_name_is_imported_from_a_library():
    imported = [
        f"{path.relative_to(BASE_DIR)}: from {node.module} import {alias.name}"
        for path, tree in syntax_trees().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and not node.level
        if node.module.split(".")[0] not in OURS
        for alias in node.names
        if private(alias.name)
    ]
    assert imported == []


def test_no_private_attribute_of_a_library_is_read():
    trees = syntax_trees()
    ours = defined_by_us(trees) | DOCUMENTED
    read = [
        f"{path.relative_to(BASE_DIR)}:{node.lineno}: .{node.attr}"
        for path, tree in trees.items()
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute) and private(node.attr) and node.attr not in ours
    ]
    assert read == []

"""Our code uses Wagtail's, Django's and every library's public API only (issue «Caching the
Wagtail way»: a name starting with `_` is theirs to change in any release). Tests aside, no
module of ours imports such a name or module from a library, or reads, sets or looks up such
an attribute, unless it is our own or Django documents it."""

import ast

from site_project.tests.test_layers import BASE_DIR, OURS, modules_of

# Underscored, yet documented public API: the model's options and its default manager.
DOCUMENTED = {"_meta", "_default_manager"}
# What our own code remembers on a request for the rest of it (home.accessibility,
# mentoring_pages.roadmap.board.permissions): our names on Django's object.
OUR_REQUEST_MEMOS = {"_accessibility_settings", "_roadmap_board"}
ATTRIBUTE_FUNCTIONS = {"getattr", "hasattr", "setattr", "delattr"}


def syntax_trees():
    return {
        path: ast.parse(path.read_text(encoding="utf-8"))
        for package in OURS
        for path in modules_of(package)
    }


def private(name):
    return name.startswith("_") and not name.startswith("__")


def ours(module):
    return module.split(".")[0] in OURS


def defined_by_us(trees):
    """Underscored names our own classes and modules define: functions, classes, and the
    attributes our methods set on `self` or `cls`."""
    names = set()
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
                names.add(node.name)
            elif (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id in ("self", "cls")
            ):
                names.add(node.attr)
    return {name for name in names if private(name)}


def private_imports(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and not ours(node.module):
            names = [f"{node.module}.{alias.name}" for alias in node.names]
        else:
            continue
        for name in names:
            if not ours(name) and any(private(part) for part in name.split(".")):
                yield node.lineno, name


def attribute_names(tree):
    """(line, name) of every attribute read, set or looked up by name."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute):
            yield node.lineno, node.attr
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ATTRIBUTE_FUNCTIONS
            and len(node.args) > 1
            and isinstance(node.args[1], ast.Constant)
            and isinstance(node.args[1].value, str)
        ):
            yield node.lineno, node.args[1].value


def test_no_private_name_or_module_is_imported_from_a_library():
    imported = [
        f"{path.relative_to(BASE_DIR)}:{line}: {name}"
        for path, tree in syntax_trees().items()
        for line, name in private_imports(tree)
    ]
    assert imported == []


def test_no_private_attribute_of_a_library_is_used():
    trees = syntax_trees()
    allowed = defined_by_us(trees) | DOCUMENTED | OUR_REQUEST_MEMOS
    used = [
        f"{path.relative_to(BASE_DIR)}:{line}: {name}"
        for path, tree in trees.items()
        for line, name in attribute_names(tree)
        if private(name) and name not in allowed
    ]
    assert used == []

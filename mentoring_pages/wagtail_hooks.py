"""The section's admin: the roadmap import, the curator's board and the forms register their own
views, menu items and buttons in these modules."""

from . import board_admin, forms_admin, import_admin  # noqa: F401

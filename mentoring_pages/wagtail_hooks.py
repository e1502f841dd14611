"""The section's admin: the roadmap import and the curator's board register their own
views, menu items and buttons in these modules."""

from . import board_admin, import_admin  # noqa: F401

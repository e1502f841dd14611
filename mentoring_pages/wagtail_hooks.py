"""The section's admin: the roadmap import, the curator's board, the consent report and the
forms register their own views, menu items and buttons in these modules; the log of who saw
personal data registers its actions here."""

from wagtail import hooks

from . import board_admin, consent_admin, forms_admin, import_admin, personal_data_log  # noqa: F401

hooks.register("register_log_actions", personal_data_log.register_actions)

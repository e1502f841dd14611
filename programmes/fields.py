"""Model fields the apps declare alike. Here, in the app every other app builds on, so that
each of them can use it."""

from django.db import models


def optional_link(to, verbose_name, on_delete=models.SET_NULL, **options):
    """A link to a record the object does not own (an image, a document, a page, a
    programme): optional, emptied when the record is deleted unless `on_delete` says
    otherwise, with no way back from the record to the object."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=on_delete,
        related_name="+",
        **options,
    )

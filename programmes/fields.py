"""Model fields the apps declare alike."""

from django.db import models


def optional_link(to, verbose_name):
    """A link to a record the object does not own (an image, a page, a programme): optional,
    emptied when the record is deleted, with no way back from the record to the object."""
    return models.ForeignKey(
        to,
        verbose_name=verbose_name,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

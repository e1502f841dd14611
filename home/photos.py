"""A page's photo with its alt text, for any page type: a news item's picture, a mentor's
portrait, the photo at the top of the home page and the section's landing."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from programmes.fields import optional_link


class PhotoMixin(models.Model):
    """An image with its alt text: the text is the page's, so it is translated with it. The
    image is also what the page shows when it is shared (OpenGraph)."""

    image = optional_link("wagtailimages.Image", _("image"))
    image_alt = models.CharField(
        _("alt text"),
        max_length=300,
        blank=True,
        help_text=_("What the image shows, for those who cannot see it."),
    )

    class Meta:
        abstract = True

    @property
    def og_image(self):
        return self.image

    def clean(self):
        super().clean()
        if self.image_id and not self.image_alt.strip():
            raise ValidationError(
                {"image_alt": _("Describe the image for those who cannot see it.")}
            )


def photo_at_the_top_panel():
    """The editor's panel for the photo a home page or a section's landing opens with."""
    return MultiFieldPanel(
        [FieldRowPanel([FieldPanel("image"), FieldPanel("image_alt")])],
        heading=_("Photo at the top"),
        help_text=_(
            "A wide photo of the school or of its work, shown above the text. A photo in "
            "which people can be recognised belongs in a mentor's profile, a case or a news "
            "item, where their consent is recorded."
        ),
    )

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form, with the alt text required: an image's description is its alt
    text wherever a page gives none (ГОСТ Р 52872-2019: text alternatives)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Alt text")
            description.help_text = _(
                "What the image shows, for those who cannot see it; read out by screen "
                "readers and shown in the version for the visually impaired."
            )
            description.error_messages["required"] = _(
                "Describe the image for those who cannot see it."
            )

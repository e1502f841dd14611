from django.contrib.auth import get_permission_codename
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.forms import BaseImageForm
from wagtail.models import GroupCollectionPermission, Page


class LiveFileMixin:
    """The file of an image or document a published page shows is replaced only by someone
    granted changing the collection's files (a moderator): Wagtail lets an editor replace
    the file of one they uploaded, and the live page would show the new file at once, past
    moderation and past the consent its page was published on."""

    live_file_message = None

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, user=user, **kwargs)
        self.user = user

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if (
            self.instance.pk
            and "file" in self.changed_data
            and not self.may_change_collection()
            and self.shown_on_a_live_page()
        ):
            raise ValidationError(self.live_file_message)
        return file

    def may_change_collection(self):
        """Whether the user is granted changing the files of the collection: any of them,
        not only the ones they uploaded (Wagtail's policy counts those too)."""
        if self.user is None or self.user.is_superuser:
            return True
        model = type(self.instance)
        return GroupCollectionPermission.objects.filter(
            group__user=self.user,
            permission__content_type=ContentType.objects.get_for_model(model),
            permission__codename=get_permission_codename("change", model._meta),
            collection__in=self.instance.collection.get_ancestors(inclusive=True),
        ).exists()

    def shown_on_a_live_page(self):
        return any(
            isinstance(source, Page) and source.live for source, _refs in self.instance.get_usage()
        )


class ImageForm(LiveFileMixin, BaseImageForm):
    """Wagtail's image form, with the alt text required: an image's description is its alt
    text wherever a page gives none (ГОСТ Р 52872-2019: text alternatives)."""

    live_file_message = _(
        "A published page shows this image, so only a moderator may replace its file. Upload "
        "the new picture as a new image and choose it on the page: the change then goes "
        "through moderation."
    )

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


class DocumentForm(LiveFileMixin, BaseDocumentForm):
    live_file_message = _(
        "A published page links to this document, so only a moderator may replace its file. "
        "Upload the new file as a new document and choose it on the page: the change then "
        "goes through moderation."
    )

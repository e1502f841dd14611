"""The schools one installation hosts. A school owns its page tree (its home page and the
home's translations), its collections, its staff's groups and its moderation workflow; its
snippets point at it. What a user may see of which school is decided in
programmes/schools.py."""

from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from programmes.fields import optional_link

INN_VALIDATOR = RegexValidator(
    r"^(\d{10}|\d{12})$", _("An INN is 10 digits for an organisation (12 for a person).")
)


class School(models.Model):
    full_name = models.CharField(_("full name"), max_length=500)
    short_name = models.CharField(
        _("short name"),
        max_length=100,
        unique=True,
        help_text=_("Names the school's groups and collections, e.g. «Школа № 5»."),
    )
    inn = models.CharField(_("INN"), max_length=12, blank=True, validators=[INN_VALIDATOR])
    address = models.CharField(_("address"), max_length=500, blank=True)
    municipality = models.CharField(_("municipality"), max_length=255, blank=True)
    head = models.CharField(
        _("head"), max_length=255, blank=True, help_text=_("Position and name of the head.")
    )
    curator_contact = models.CharField(
        _("curator's contact"),
        max_length=255,
        blank=True,
        help_text=_("The phone or e-mail address of the programme's curator."),
    )
    logo = optional_link("wagtailimages.Image", _("logo"))
    home_page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("home page"),
        on_delete=models.PROTECT,
        related_name="school",
        help_text=_("The root of the school's pages; its translations belong to the school too."),
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection of the site's materials"),
        on_delete=models.PROTECT,
        related_name="school",
    )
    private_collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("private collection of signed consents"),
        on_delete=models.PROTECT,
        related_name="school_of_consents",
    )
    moderation_workflow = models.OneToOneField(
        "wagtailcore.Workflow",
        verbose_name=_("moderation workflow"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="school",
    )

    class Meta:
        verbose_name = _("school")
        verbose_name_plural = _("schools")
        ordering = ["short_name"]

    def __str__(self):
        return self.short_name


class SchoolRole(models.Model):
    """The group that holds one role (see programmes/roles.py) in one school."""

    school = models.ForeignKey(
        School, verbose_name=_("school"), on_delete=models.CASCADE, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=20)
    group = models.OneToOneField(
        "auth.Group", verbose_name=_("group"), on_delete=models.CASCADE, related_name="school_role"
    )

    class Meta:
        verbose_name = _("role in a school")
        verbose_name_plural = _("roles in schools")
        constraints = [
            models.UniqueConstraint(fields=["school", "role"], name="one_group_per_school_role")
        ]

    def __str__(self):
        return self.group.name


def school_foreign_key(related_name):
    """The key from a school's own record (a programme, a consent, a consent text) to it."""
    return models.ForeignKey(
        School,
        verbose_name=_("school"),
        on_delete=models.PROTECT,
        related_name=related_name,
    )

"""Adding a school to the installation: its home page (Russian, with its English translation),
its address (a Wagtail site of its own, or a path under another site), its empty
«Наставничество» section, its site settings, then its School with groups, collections and
workflow (programmes.roles.create_school). Glue here because it builds pages of both page
apps; the `add_school` command and the admin call the one function, `add_school`."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import DomainNameValidator, validate_email, validate_unicode_slug
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page, Site

from home.models import HomePage, SiteSettings
from mentoring_pages.demo.builders import build_empty_section
from programmes.models import School
from programmes.roles import create_school
from programmes.schools import pages_of
from site_project.translation import TranslationMemory, translate

# First segments of addresses the site answers itself, before Wagtail's pages: a school
# under one of them would never be reached.
RESERVED_PATHS = {
    *("admin", "documents", "media", "static", "search", "accessibility", "_util"),
    *("api", "opendata"),
}


def add_school(
    *, full_name, short_name, log, hostname="", path="", under_site=None, english=None, **fields
):
    """Create a school, all or nothing, and return it. `hostname`: its own site; or `path`: its
    home a child of `under_site`'s home page (the default site's if None), at /<path>/.
    `fields`: the School's other details (inn, address, municipality, head,
    curator_contact); `english`: its names and address in English (ENGLISH_DETAILS), for
    its English pages; `log(message)` hears what is made. Raises ValidationError, in the
    active language, on bad input, having changed nothing."""
    english = {name: value for name, value in (english or {}).items() if value}
    hostname = host_as_asked_for(hostname)
    school = School(full_name=full_name, short_name=short_name, **fields)
    errors = {**model_errors(school), **english_errors(english)}
    parent, slug = address_of(hostname, path, under_site, errors)
    if path and not hostname:
        # What would be dropped silently, to be looked for on the English pages.
        for name in ENGLISH_DETAILS_OF_A_SITE:
            if name in english:
                errors.setdefault(name, []).append(
                    _(
                        "A school under a path shows its site's header and footer: only its "
                        "short name in English is used. Leave this empty."
                    )
                )
        english_locale = Locale.objects.get(language_code="en")
        if "short_name_en" in english and parent and not parent.has_translation(english_locale):
            errors.setdefault("short_name_en", []).append(
                _("The site has no English version, so the school has no English pages.")
            )
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        home = parent.add_child(
            instance=HomePage(title=short_name, slug=slug, locale=Locale.get_default())
        )
        home.save_revision().publish()
        if hostname:
            site = Site.objects.create(hostname=hostname, root_page=home, site_name=short_name)
            fill_site_settings(site, school, english)
        english_locale = Locale.objects.get(language_code="en")
        if parent.is_root() or parent.has_translation(english_locale):
            strings = TranslationMemory().english
            if "short_name_en" in english:
                strings = {**strings, short_name: english["short_name_en"]}
            translate(home, english_locale, strings)
        school = create_school(
            home_page=home, **{field: getattr(school, field) for field in DETAILS}
        )
        build_empty_section(home, {"email": email_in(school.curator_contact)}, log)
    log(_("School created: %(school)s") % {"school": school.short_name})
    return school


# The School's fields a user gives (the rest are made with it).
DETAILS = (
    "full_name",
    "short_name",
    "inn",
    "address",
    "municipality",
    "head",
    "curator_contact",
)
# What its English pages name it by (home.SiteSettings's fields); the Russian when empty.
ENGLISH_DETAILS = ("full_name_en", "short_name_en", "address_en")
# Those only a school's own site shows, in its header and footer.
ENGLISH_DETAILS_OF_A_SITE = ("full_name_en", "address_en")


def english_errors(english):
    """{field: [messages]} of the English names too long for the site settings."""
    errors = {}
    for name, value in english.items():
        try:
            SiteSettings._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            errors[name] = error.messages
    return errors


def model_errors(school):
    """{field: [messages]} of the School's own rules (an INN's digits, a unique short name)."""
    try:
        school.full_clean(
            exclude=["home_page", "collection", "private_collection", "moderation_workflow"]
        )
    except ValidationError as error:
        return dict(error.message_dict)
    return {}


def address_of(hostname, path, under_site, errors):
    """(the new home page's parent, its slug); what is wrong goes into `errors`."""
    if bool(hostname) == bool(path):
        errors.setdefault("hostname", []).append(
            _("Give the school either its own host name or a path under a site: one of the two.")
        )
        return None, ""
    if hostname:
        return Page.get_first_root_node(), host_errors(hostname, errors)
    site = under_site or Site.objects.get(is_default_site=True)
    parent = site.root_page
    if path in RESERVED_PATHS or path in dict(settings.WAGTAIL_CONTENT_LANGUAGES):
        errors.setdefault("path", []).append(
            _("The path «%(path)s» is taken by the site itself.") % {"path": path}
        )
    try:
        validate_unicode_slug(path)
    except ValidationError as error:
        errors.setdefault("path", []).extend(error.messages)
    if parent.get_children().filter(slug=path).exists():
        errors.setdefault("path", []).append(
            _("The site already has a page at /%(path)s/.") % {"path": path}
        )
    if Page.objects.filter(pages_of(School.objects.all()), pk=parent.pk).exists():
        # Its pages would be in the other school's tree, and its staff's.
        errors.setdefault("path", []).append(
            _("The site %(site)s is a school's: a school under a path needs the centre's site.")
            % {"site": site.hostname}
        )
    return parent, path


def host_as_asked_for(hostname):
    """The host name as a browser's request names it, which is how Wagtail finds a site: in
    lower case, without a final dot, an internationalised one (школа7.рф) in punycode."""
    host = hostname.strip().rstrip(".").lower()
    try:
        return host.encode("idna").decode("ascii")
    except UnicodeError:
        return host  # not a domain name: the validator says so


def host_errors(hostname, errors):
    """The new home page's slug, from `hostname`; what is wrong with it goes into `errors`."""
    try:
        # Already in punycode where it could be (host_as_asked_for): a name left in Unicode
        # could not, and no browser would ask for it.
        DomainNameValidator(accept_idna=False)(hostname)
    except ValidationError as error:
        errors.setdefault("hostname", []).extend(error.messages)
    # Readable in the admin's tree: школа7рф rather than xn--7-7sb3aeo2dxn--p1ai.
    try:
        readable = hostname.encode("ascii").decode("idna")
    except UnicodeError:
        readable = hostname
    slug = slugify(readable, allow_unicode=True)
    if Site.objects.filter(hostname=hostname).exists():
        errors.setdefault("hostname", []).append(
            _("The site %(hostname)s already exists.") % {"hostname": hostname}
        )
    elif Page.get_first_root_node().get_children().filter(slug=slug).exists():
        errors.setdefault("hostname", []).append(
            _("A home page for %(hostname)s already exists.") % {"hostname": hostname}
        )
    return slug


def email_in(contact):
    """The e-mail address in the curator's contact, if it is one (forms notify it)."""
    try:
        validate_email(contact)
    except ValidationError:
        return ""
    return contact


def fill_site_settings(site, school, english):
    """The header and footer of the school's own site name it, in each language."""
    settings = SiteSettings.for_site(site)
    settings.full_name = school.full_name
    settings.short_name = school.short_name
    settings.address = school.address
    settings.email = email_in(school.curator_contact)
    for field, value in english.items():
        setattr(settings, field, value)
    settings.save()

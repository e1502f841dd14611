"""The demo school's site: settings, home page, a few content pages, in Russian with
English translations. The school is fictional; no real person is named anywhere.

The content is in demo_data/site.json, in the convention of site_project.demo_content."""

from pathlib import Path

from django.utils.translation import gettext
from wagtail.models import Locale, Site

from programmes.roles import set_up_school
from programmes.schools import default_school
from site_project.demo_content import Bilingual, read_demo_data
from site_project.translation import translate

from .demo_pictures import save_image, scene
from .models import ContentPage, HomePage, SiteSettings

SITE_DATA = Path(__file__).resolve().parent / "demo_data" / "site.json"

# The school's names and address are stored in Russian and, beside them, in English.
SCHOOL_TRANSLATED_FIELDS = ("full_name", "short_name", "address")


def school():
    """The demo school as its site settings hold it: {field: value}."""
    data = read_demo_data(SITE_DATA)["school"]
    fields = {}
    for field in SCHOOL_TRANSLATED_FIELDS:
        fields[field] = data[field]["ru"]
        fields[f"{field}_en"] = data[field]["en"]
    return {**fields, "phone": data["phone"], "email": data["email"]}


def english_locale():
    return Locale.objects.get(language_code="en")


def stream_blocks(body, texts):
    """A content page's body, as StreamField (block type, value) pairs."""
    blocks = []
    for block in body:
        if block["type"] == "heading":
            value = {"text": texts.text(block["text"]), "level": block["level"]}
        elif block["type"] == "quote":
            value = texts.fields(block, text=["text", "attribution"])
        else:
            value = texts.rich_text(block["text"])
        blocks.append((block["type"], value))
    return blocks


def name_school(school, site_settings):
    """The first school of a new database is called «Школа» (programmes' migration): the
    demo names it as its site does, and its groups after it."""
    for field in ("full_name", "short_name", "address"):
        setattr(school, field, getattr(site_settings, field))
    school.save()
    set_up_school(school)


def build_school_site(log):
    """Fill the home page and create the content pages once; leave them alone afterwards
    so that a second run never overwrites what editors changed."""
    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    english = english_locale()
    data = read_demo_data(SITE_DATA)
    texts = Bilingual()

    if not isinstance(home, HomePage):
        raise TypeError("The default site's root page is not a HomePage.")
    # The home page's title comes with the site (a migration): the demo only translates it.
    texts.text(data["home_page"]["title"])
    intro = texts.rich_text(data["home_page"]["intro"])
    photo_alt = texts.text(data["home_page"]["photo_alt"])
    if not home.intro:
        home.intro = intro
        home.image_alt = photo_alt
        home.image = save_image(
            home.title, photo_alt, scene(data["home_page"]["photo"], "home"), "home.png"
        )
        home.save_revision().publish()
        log(gettext("home page filled"))

    pages = {}
    for spec in data["pages"]:
        # Read whether the page is built or not: the translations need its texts.
        fields = texts.fields(spec, text=["title", "intro"])
        body = stream_blocks(spec["body"], texts)
        page = home.get_children().filter(slug=spec["slug"]).specific().first()
        if page is None:
            page = ContentPage(
                slug=spec["slug"], body=body, show_in_menus=spec["show_in_menus"], **fields
            )
            home.add_child(instance=page)
            page.save_revision().publish()
            log(gettext("page created: %(title)s") % {"title": page.title})
        pages[spec["slug"]] = page

    if not home.has_translation(english):
        translate(home, english, texts.english)
    for page in pages.values():
        if not page.has_translation(english):
            translate(page, english, texts.english)
            log(gettext("translated: %(title)s") % {"title": page.title})

    site_settings = SiteSettings.for_site(site)
    if not site_settings.full_name:
        for field, value in school().items():
            setattr(site_settings, field, value)
        site_settings.privacy_policy_page = pages[data["privacy_policy_page"]]
        site_settings.save()
        name_school(default_school(), site_settings)
        log(gettext("site settings filled"))
    return home

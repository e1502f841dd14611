"""The demo's municipal mentoring centre: its page, the root of a site of its own, in Russian
and English. Built once; a second run leaves it as editors left it."""

from django.utils.translation import gettext
from wagtail.models import Locale, Page, Site

from mentoring_pages.models import MunicipalCentrePage
from site_project.translation import translate

# *.localhost names the machine itself in browsers: http://centre.localhost:8000/ under
# `make run` (ALLOWED_HOSTS must admit it).
CENTRE_HOSTNAME = "centre.localhost"
TITLE = "Муниципальный центр наставничества"
INTRO_TEXT = (
    "Школы муниципалитета, участвующие в целевой модели наставничества: ход их дорожных "
    "карт, охват обучающихся и педагогов и численность участников."
)
# wagtail-localize translates rich text by its paragraphs' text, without their tags.
ENGLISH = {
    TITLE: "Municipal mentoring centre",
    INTRO_TEXT: (
        "The municipality's schools taking part in the Target Model of Mentoring: their "
        "roadmaps' progress, coverage of pupils and teachers and participant counts."
    ),
}


def build_centre(log):
    """The centre's page and site, unless they exist; returns the page."""
    centre = MunicipalCentrePage.objects.filter(locale=Locale.get_default()).first()
    if centre is not None:
        return centre
    centre = Page.get_first_root_node().add_child(
        instance=MunicipalCentrePage(
            title=TITLE, slug="centre", intro=f"<p>{INTRO_TEXT}</p>", locale=Locale.get_default()
        )
    )
    centre.save_revision().publish()
    Site.objects.create(hostname=CENTRE_HOSTNAME, root_page=centre, site_name=TITLE)
    translate(centre, Locale.objects.get(language_code="en"), ENGLISH)
    log(gettext("municipal centre: %(hostname)s") % {"hostname": CENTRE_HOSTNAME})
    return centre

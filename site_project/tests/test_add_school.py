"""`python manage.py add_school`: a working school at its own host name or under a path of
the centre's site, staff whose permissions end at its tree, and bad input refused in Russian
with nothing made."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import Page, Site

from home.models import HomePage, SiteSettings
from mentoring_pages.models import (
    ApplicationPage,
    MentoringIndexPage,
    NewsIndexPage,
    RoadmapIndexPage,
)
from programmes.models import School
from programmes.roles import CURATOR, EDITOR, MODERATOR
from programmes.schools import default_school
from site_project.translation import translate

pytestmark = pytest.mark.django_db

HOSTS = ["shkola2.localhost", "gimnaziya3.localhost", "centre.localhost"]


@pytest.fixture(autouse=True)
def _hosts(settings):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, *HOSTS]


def add_school(short_name, **options):
    defaults = {"inn": "7701234567", "curator_contact": "kurator@example.org"}
    call_command(
        "add_school",
        full_name=f"Муниципальное общеобразовательное учреждение «{short_name}»",
        short_name=short_name,
        verbosity=0,
        **{**defaults, **options},
    )
    return School.objects.get(short_name=short_name)


def pages_of(school, model):
    return model.objects.descendant_of(school.home_page).filter(locale__language_code="ru")


@pytest.fixture
def centre(english):
    """A site whose home belongs to no school, translated, as the centre's will be."""
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Центр наставничества", slug="centre")
    )
    home.save_revision().publish()
    translate(home, english, {})
    return Site.objects.create(hostname="centre.localhost", root_page=home)


def answers(client, host, *paths):
    return {path: client.get(path, HTTP_HOST=host).status_code for path in paths}


def section_paths(prefix):
    return [
        f"{prefix}{path}"
        for path in (
            "",
            "nastavnichestvo/",
            "nastavnichestvo/dorozhnaya-karta/",
            "nastavnichestvo/novosti/",
            "nastavnichestvo/hochu-stat-nastavnikom/",
        )
    ]


def test_a_school_at_its_own_host_name_answers_in_both_languages(client, site):
    school = add_school("Школа № 2", hostname="shkola2.localhost")

    paths = [*section_paths("/"), *section_paths("/en/")]
    assert answers(client, "shkola2.localhost", *paths) == dict.fromkeys(paths, 200)
    assert "Школа № 2" in client.get("/", HTTP_HOST="shkola2.localhost").text
    # Its pages are its own tree, with one section; the first school's site is as it was.
    assert Site.objects.get(hostname="shkola2.localhost").root_page_id == school.home_page_id
    assert pages_of(school, MentoringIndexPage).count() == 1
    assert pages_of(school, ApplicationPage).exists()
    assert client.get("/", HTTP_HOST="localhost").context["page"].pk == site.root_page_id
    assert school.inn == "7701234567"


@pytest.mark.parametrize(
    ("typed", "asked_for"),
    [
        ("Shkola7.Localhost", "shkola7.localhost"),
        ("shkola7.localhost.", "shkola7.localhost"),
        # A browser sends an internationalised name in punycode.
        ("школа7.рф", "xn--7-7sb3aeo2d.xn--p1ai"),
    ],
)
def test_a_host_name_as_typed_is_the_one_browsers_ask_for(client, settings, typed, asked_for):
    settings.ALLOWED_HOSTS = [asked_for]
    school = add_school("Школа № 7", hostname=typed)

    assert client.get("/", HTTP_HOST=asked_for).context["page"].pk == school.home_page_id


def test_the_same_host_name_in_capitals_is_refused(centre):
    add_school("Школа № 7", hostname="школа7.рф")
    before = everything()

    with pytest.raises(CommandError, match="уже есть"):
        add_school("Школа № 8", hostname="ШКОЛА7.РФ")
    assert everything() == before
    add_school("Гимназия № 7", hostname="гимназия7.рф")  # not taken for the same one


def test_a_school_given_its_names_in_english_is_so_named_on_its_english_pages(client, site):
    add_school(
        "Школа № 2",
        hostname="shkola2.localhost",
        address="123456, пос. Примерный, ул. Садовая, д. 2",
        full_name_en="Municipal school No. 2",
        short_name_en="School No. 2",
        address_en="2 Sadovaya St, Primerny, 123456",
    )

    english = BeautifulSoup(
        client.get("/en/", HTTP_HOST="shkola2.localhost").content, "html.parser"
    )
    russian = client.get("/", HTTP_HOST="shkola2.localhost").content.decode()

    assert english.title.get_text().startswith("School No. 2 — School No. 2")
    assert english.h1.get_text(strip=True) == "Municipal school No. 2"
    assert "2 Sadovaya St, Primerny, 123456" in english.footer.get_text()
    assert "Школа" not in english.title.get_text()
    assert "ул. Садовая" in russian


def test_a_school_under_a_path_of_the_centres_site(client, centre):
    school = add_school("Гимназия № 3", path="gimnaziya-3", site="centre.localhost")

    assert school.home_page.get_parent().pk == centre.root_page_id
    paths = [*section_paths("/gimnaziya-3/"), *section_paths("/en/gimnaziya-3/")]
    assert answers(client, "centre.localhost", *paths) == dict.fromkeys(paths, 200)


@pytest.mark.parametrize("prefix", ["/", "/en/"])
def test_a_school_under_a_path_is_headed_with_its_name_and_its_pages_lead_to_its_section(
    client, centre, prefix
):
    add_school("Гимназия № 3", path="gimnaziya-3", site="centre.localhost")
    SiteSettings.objects.update_or_create(
        site=centre, defaults={"full_name": "Муниципальный центр наставничества"}
    )
    home = client.get(f"{prefix}gimnaziya-3/", HTTP_HOST="centre.localhost").text
    roadmaps = client.get(
        f"{prefix}gimnaziya-3/nastavnichestvo/dorozhnaya-karta/", HTTP_HOST="centre.localhost"
    ).text

    assert BeautifulSoup(home, "html.parser").h1.get_text() == "Гимназия № 3"
    call = BeautifulSoup(roadmaps, "html.parser").select_one(".apply-call a")["href"]
    assert call == f"{prefix}gimnaziya-3/nastavnichestvo/#take-part-heading"


def can_edit(user, page):
    return page.permissions_for_user(user).can_edit()


def test_a_schools_staff_work_in_its_tree_only(user_in):
    first = default_school()
    first_roadmaps = first.home_page.add_child(
        instance=MentoringIndexPage(title="Наставничество", slug="nastavnichestvo")
    ).add_child(instance=RoadmapIndexPage(title="Дорожная карта", slug="dorozhnaya-karta"))
    second = add_school("Школа № 2", hostname="shkola2.localhost")
    third = add_school("Гимназия № 3", hostname="gimnaziya3.localhost")
    roadmaps = pages_of(second, RoadmapIndexPage).get()

    curator = user_in(CURATOR, "kurator2", school=second)
    assert can_edit(curator, roadmaps)
    assert not can_edit(curator, first_roadmaps)
    assert not can_edit(curator, pages_of(third, RoadmapIndexPage).get())
    assert not can_edit(user_in(CURATOR, "kurator1", school=first), roadmaps)

    editor = user_in(EDITOR, "redaktor2", school=second)
    assert pages_of(second, NewsIndexPage).get().permissions_for_user(editor).can_add_subpage()
    assert not pages_of(third, NewsIndexPage).get().permissions_for_user(editor).can_add_subpage()

    moderator = user_in(MODERATOR, "moderator2", school=second)
    assert roadmaps.permissions_for_user(moderator).can_publish()
    assert not first_roadmaps.permissions_for_user(moderator).can_publish()
    assert not first.home_page.permissions_for_user(moderator).can_edit()
    assert set(Group.objects.filter(school_role__school=second).values_list("name", flat=True)) == {
        "Куратор — Школа № 2",
        "Редактор — Школа № 2",
        "Модератор — Школа № 2",
    }


def everything():
    return [model.objects.count() for model in (School, Site, Page, Group)]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"hostname": "shkola2.localhost"}, "shkola2.localhost"),
        ({"hostname": "gimnaziya3.localhost", "inn": "12345"}, "ИНН"),
        ({"hostname": "gimnaziya3.localhost", "inn": "12345678901"}, "ИНН"),
        ({"hostname": "gimnaziya3.localhost", "path": "gimnaziya-3"}, "одно из двух"),
        ({}, "одно из двух"),
        ({"path": "gimnaziya-3"}, "localhost"),
        ({"path": "admin", "site": "centre.localhost"}, "«admin»"),
        ({"path": "en", "site": "centre.localhost"}, "«en»"),
        ({"path": "taken", "site": "centre.localhost"}, "/taken/"),
        ({"hostname": "нет хоста"}, "домен"),
        ({"hostname": "ш" * 70 + ".рф"}, "домен"),
        ({"hostname": "ш" * 60 + ".рф"}, "домен"),  # too long once in punycode
        ({"hostname": "gimnaziya3.localhost", "short_name_en": "S" * 201}, "не более 200"),
        (
            {"path": "gimnaziya-3", "site": "centre.localhost", "address_en": "3 Lesnaya St"},
            "только её краткое название",
        ),
    ],
)
def test_bad_input_is_refused_in_russian_and_changes_nothing(centre, options, message):
    Site.objects.create(hostname="shkola2.localhost", root_page=centre.root_page)
    centre.root_page.add_child(instance=HomePage(title="Занято", slug="taken"))
    before = everything()

    with pytest.raises(CommandError) as refused:
        add_school(**{"short_name": "Гимназия № 3", **options})
    assert message in str(refused.value)
    assert everything() == before


def test_an_english_name_under_a_site_without_english_pages_is_refused(centre):
    """Its English short name would have named no page."""
    russian_only = Page.get_first_root_node().add_child(
        instance=HomePage(title="Сайт без английского", slug="bez-en")
    )
    Site.objects.create(hostname="ru-only.localhost", root_page=russian_only)
    before = everything()

    with pytest.raises(CommandError, match="нет английской версии"):
        add_school(
            "Гимназия № 3", path="gimnaziya-3", site="ru-only.localhost", short_name_en="Gym 3"
        )
    assert everything() == before


def test_a_second_school_of_the_same_name_is_refused(centre):
    before = everything()

    with pytest.raises(CommandError, match="Школа с таким"):
        add_school(default_school().short_name, path="shkola", site="centre.localhost")
    assert everything() == before


def test_a_failure_half_way_leaves_nothing(monkeypatch):
    before = everything()

    def broken(*args, **kwargs):
        raise RuntimeError("the section could not be built")

    monkeypatch.setattr("site_project.schools.build_empty_section", broken)
    with pytest.raises(RuntimeError):
        add_school("Школа № 2", hostname="shkola2.localhost")
    assert everything() == before

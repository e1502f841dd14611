"""The Russian admin speaks Russian: every admin screen of ours (the snippets' listings,
forms, choosers, history and usage, our own views, the page editor, explorer and chooser
for each of our page types, the forms' lists, forms sent empty and the import's preview),
seen by each role, shows no English word, no code name and no name left in the nominative
after a verb. The screens are found from Wagtail's registries, so a new snippet, page type
or admin view is crawled too."""

import re

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.contrib.admin.utils import quote
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, reverse
from wagtail import hooks
from wagtail.contrib.settings.registry import registry as settings_registry
from wagtail.models import get_page_models
from wagtail.snippets.models import get_snippet_models
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from mentoring_pages.models import ApplicationSubmission, RoadmapPage, SectionTag
from mentoring_pages.roadmap.import_views import ImportNewRoadmapView, ImportRoadmapView
from mentoring_pages.tests.factories import (
    ApplicationFormFieldFactory,
    ApplicationPageFactory,
    CasePageFactory,
    MentorPageFactory,
    NewsPageFactory,
    QuestionnaireFieldFactory,
    QuestionnairePageFactory,
    roadmap_with_events,
)
from mentoring_pages.tests.roadmap import ROADMAP_003
from programmes.models import Programme
from programmes.roles import ROLE_GROUP_NAMES, ROLES
from programmes.tests.factories import (
    ConsentFactory,
    ConsentTextFactory,
    MonitoringResultFactory,
    ParticipationFiguresFactory,
    RoleModelFactory,
    TargetIndicatorFactory,
)

pytestmark = pytest.mark.django_db

OUR_APPS = ("home", "mentoring_pages", "programmes", "site_project")
SUPERUSER = "superuser"

# What stays in Latin letters on a Russian screen: names of products and formats, and the
# test site's host name. Any other Latin word is English the interface leaks: an
# untranslated string, a raw value (None, True), a label Wagtail makes from a field's name
# (Locale).
LATIN_NAMES = {
    "Wagtail", "URL", "Word", "Excel", "XLSX", "CSV", "PDF", "ICS", "docx", "xlsx", "xls",
    "QR", "Google", "Authenticator", "FreeOTP", "localhost",
}  # fmt: skip
CODE_NAME = re.compile(
    r"\(\w+\.\w+\)"  # «(mentoring_pages.applicationpage)»
    r"|\b(?:" + "|".join(OUR_APPS) + r")\.\w+"  # an app's label and a model
    r"|\b[a-z]+_[a-z_]+\b"  # a field's or a choice's name: «first_year»
)
# A verb or «на» followed by a feminine name in the nominative, where Russian wants the
# accusative: «Добавить программа», «На программа ссылались» (from Wagtail's
# «Add %(model_name)s» and the like). Not plurals in «-ся» («Удалить обучающиеся, 2021»).
UNDECLINED = re.compile(
    r"\b(?:[Дд]обавить|[Вв]ыбрать|[Пп]равить|[Рр]едактировать|[Сс]оздать|[Сс]охранить"
    r"|[Уу]далить|[Оо]публиковать|[Ии]зменить|[Нн]а)\s+[а-яё]{3,}(?<!с)[ая]\b"
)
LATIN_WORD = re.compile(r"\b[A-Za-z]{2,}\b")
# E-mail addresses, links and pages' paths (a consent lists the pages it allows).
ADDRESS = re.compile(r"\S+@\S+|\b(?:https?://|www\.)\S+|(?<!\w)/\S*")


# What scripts fill in before it is shown: Wagtail's side panel counters hold "None" until
# the checks have counted.
FILLED_BY_SCRIPTS = "[data-side-panel-toggle-counter]"
# What is marked as not to be translated (HTML's translate="no"): the two-factor set-up's
# key, random Latin letters typed in as they stand.
TYPED_VERBATIM = '[translate="no"]'
# Attributes a person reads (or hears from a screen reader) beside the text.
READ_ATTRIBUTES = ("placeholder", "title", "aria-label", "alt")


def readable_text(html):
    """What a person may read of an admin screen, drawers and menus opened: its text and
    the attributes read out, not its scripts and styles."""
    soup = BeautifulSoup(html, "html.parser")
    for code in soup.select(f"script, style, noscript, {FILLED_BY_SCRIPTS}, {TYPED_VERBATIM}"):
        code.decompose()
    attributes = [
        element[name]
        for name in READ_ATTRIBUTES
        for element in soup.select(f"[{name}]")
        if element.name != "input" or element.get("type") != "hidden"
    ]
    return " ".join([soup.get_text(" ", strip=True), *attributes])


def foreign_words(text):
    """The English words, code names and undeclined names in `text`, addresses aside."""
    text = ADDRESS.sub(" ", text)
    found = set(CODE_NAME.findall(text)) | set(UNDECLINED.findall(text))
    return found | set(LATIN_WORD.findall(CODE_NAME.sub(" ", text))) - LATIN_NAMES


@pytest.fixture
def content(section, forms):
    """One of everything our admin shows, in Russian: each page type with its rows, each
    snippet, an application and a questionnaire with an answer."""
    pupils, _teachers = forms
    RoleModelFactory(form=pupils)
    TargetIndicatorFactory(programme=pupils.programme)
    ParticipationFiguresFactory(programme=pupils.programme, form=pupils)
    MonitoringResultFactory(programme=pupils.programme)
    ConsentFactory(is_minor=True)
    SectionTag.objects.create(name="Математика", slug="matematika")
    roadmap_with_events(
        section.roadmaps,
        [{"title": "Собрание наставников"}],
        stages=[("1", "Подготовка")],
        programme=pupils.programme,
    )
    MentorPageFactory(parent=section.mentors)
    case = CasePageFactory(parent=section.cases, form=pupils)
    case.save_revision().publish()
    case.tags.add("Олимпиада")  # a change between two revisions to compare
    case.save_revision().publish()
    news = NewsPageFactory(parent=section.news)
    news.tags.add("Олимпиада")
    news.save_revision().publish()
    application = ApplicationPageFactory(parent=section.landing)
    name = ApplicationFormFieldFactory(page=application, label="Имя").clean_name
    ApplicationSubmission.objects.create(
        page=application,
        form_data={name: "Мария"},
        consent_text=ConsentTextFactory(),
        consented_at="2025-03-01T10:00:00+03:00",
    )
    questionnaire = QuestionnairePageFactory(parent=section.landing, programme=pupils.programme)
    QuestionnaireFieldFactory(page=questionnaire, label="Насколько полезны встречи?")
    return section


def our_pages(home_page):
    """The home page first, then the pages below it."""
    return [
        page
        for page in home_page.get_descendants(inclusive=True).specific()
        if page._meta.app_label in OUR_APPS
    ]


def snippet_urls():
    """Each snippet's listing, forms, history, usage, deletion and chooser."""
    urls = []
    for model in get_snippet_models():
        if model._meta.app_label not in OUR_APPS:
            continue
        viewset = model.snippet_viewset
        urls += [reverse(viewset.get_url_name("list")), reverse(viewset.get_url_name("add"))]
        instance = model.objects.first()
        assert instance is not None, f"no {model._meta.label} to open in the crawl"
        for action in ("edit", "history", "usage", "delete"):
            urls.append(reverse(viewset.get_url_name(action), args=[quote(instance.pk)]))
        urls.append(reverse(viewset.chooser_viewset.get_url_name("choose")))
    return urls


def url_arguments(pattern, pages):
    """What opens the view of `pattern`: a page of the view's type, the application."""
    arguments = {}
    for name in pattern.pattern.converters:
        if name == "page_id":
            # A view of one page type, or of any page (wagtail-localize's «Перевести»).
            page_model = getattr(pattern.callback.view_class, "page_model", None)
            arguments[name] = next(page.pk for page in pages if page_model in (None, type(page)))
        elif name == "translation_source_id":  # «Синхронизировать переводы» of the home page
            arguments[name] = TranslationSource.update_or_create_from_instance(pages[0])[0].pk
        elif name == "app_label":
            arguments[name] = "programmes"
        elif name == "submission_id":
            arguments[name] = ApplicationSubmission.objects.get().pk
        elif name == "model_name":  # wagtail-localize's views of a programme's records
            arguments[name] = "programme"
        elif name == "pk":
            arguments[name] = Programme.objects.first().pk
        else:
            raise AssertionError(f"What does {pattern.name} open? Tell the crawl ({name}).")
    return arguments


def our_admin_view_urls(pages):
    """Our views of the admin (register_admin_urls), those about a page or an application
    opened on one."""
    urls = []
    for register in hooks.get_hooks("register_admin_urls"):
        if register.__module__.split(".")[0] not in OUR_APPS:
            continue
        for pattern in register():
            assert isinstance(pattern, URLPattern), pattern
            if pattern.name is None:  # wagtail-localize's translation editor's own calls
                continue
            if not pattern.pattern.converters:
                urls.append(reverse(pattern.name))
                continue
            urls.append(reverse(pattern.name, kwargs=url_arguments(pattern, pages)))
    return urls


def page_urls(pages):
    """Each page's editor, history, explorer, submissions and changes, and the form to add
    each of our page types under a page that may hold it."""
    urls = []
    for page in pages:
        urls += [
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            reverse("wagtailadmin_pages:history", args=[page.pk]),
            reverse("wagtailadmin_explore", args=[page.pk]),
        ]
        if hasattr(page, "get_submissions"):
            urls.append(reverse("wagtailforms:list_submissions", args=[page.pk]))
        if page.revisions.count() > 1:
            urls.append(
                reverse(
                    "wagtailadmin_pages:revisions_compare", args=[page.pk, "earliest", "latest"]
                )
            )
    # Searches below the home page, there and across the site, and the admin's search of
    # pages count what they found.
    explore = reverse("wagtailadmin_explore", args=[pages[0].pk])
    search = reverse("wagtailadmin_pages:search")
    urls += [
        f"{explore}?q=Наставник",
        f"{explore}?q=Наставник&search_all=1",
        f"{search}?q=Наставник",
        # The page chooser, below the home page and searching.
        reverse("wagtailadmin_choose_page_child", args=[pages[0].pk]),
        reverse("wagtailadmin_choose_page_search") + "?q=Наставник",
    ]
    for model in get_page_models():
        if model._meta.app_label not in OUR_APPS or not model.is_creatable:
            continue
        parent = next(
            (page for page in pages if model in type(page).allowed_subpage_models()), None
        )
        if parent is not None:
            urls.append(
                reverse(
                    "wagtailadmin_pages:add",
                    args=[model._meta.app_label, model._meta.model_name, parent.pk],
                )
            )
    return urls


def settings_urls(site):
    """Our settings of the site (a site's settings are at the site's number)."""
    return [
        reverse(
            "wagtailsettings:edit", args=[model._meta.app_label, model._meta.model_name, site.pk]
        )
        for model in settings_registry
        if model._meta.app_label in OUR_APPS
    ]


def admin_urls(site):
    pages = our_pages(site.root_page)
    return [
        reverse("wagtailadmin_home"),
        reverse("wagtailforms:index"),
        *settings_urls(site),
        *snippet_urls(),
        *our_admin_view_urls(pages),
        *page_urls(pages),
    ]


def left_empty(html):
    """What a browser sends when a person saves the form of `html` (the one with the most
    fields) without filling anything in: its hidden fields and the choices made for them."""
    form = max(
        BeautifulSoup(html, "html.parser").select("form"), key=lambda f: len(f.select("[name]"))
    )
    data = {}
    for field in form.select("input[type=hidden][name], select[name]"):
        if "__prefix__" in field["name"]:
            continue  # an inline panel's empty row, not sent
        chosen = field.select_one("option[selected]") if field.name == "select" else field
        if chosen is not None:
            data[field["name"]] = chosen.get("value", "")
    return data


def sent_forms(site):
    """[(url, data)]: the forms our admin answers with a screen, sent as a person would: a
    school's roadmap to import (the preview), and each snippet's form left empty (None: what
    is missing)."""
    roadmap = RoadmapPage.objects.get()
    sent = [
        (
            reverse(view.url_name, args=[page.pk]),
            {"file": SimpleUploadedFile(ROADMAP_003.name, ROADMAP_003.read_bytes())},
        )
        for view, page in [
            (ImportRoadmapView, roadmap),
            (ImportNewRoadmapView, roadmap.get_parent()),
        ]
    ]
    for model in get_snippet_models():
        if model._meta.app_label in OUR_APPS:
            sent.append((reverse(model.snippet_viewset.get_url_name("add")), None))
    return sent


def send(client, url, data):
    """The response to `data` sent to `url`; None: the form there left empty."""
    if data is None:
        form = client.get(url)
        if form.status_code != 200:
            return form
        data = left_empty(form.content.decode())
    return client.post(url, data)


def screens(client, site):
    """(url, response) of every screen of ours: each address opened, each form sent."""
    for url in admin_urls(site):
        yield url, client.get(url)
    for url, data in sent_forms(site):
        yield f"{url} (sent)", send(client, url, data)


def screen_html(response):
    """The HTML of a screen, or of a modal (a chooser's, sent as JSON); None for a file or
    data (an API's JSON)."""
    content_type = response.get("Content-Type", "")
    if content_type.startswith("text/html"):
        return response.content.decode()
    if content_type.startswith("application/json"):
        data = response.json()
        return data.get("html") if isinstance(data, dict) else None
    return None


@pytest.fixture
def russian_admin_of(client, user_in, django_user_model):
    """`russian_admin_of(role)`: the test client as someone in that role (or a superuser),
    whose admin is in Russian."""

    def log_in(role):
        if role == SUPERUSER:
            user = django_user_model.objects.create_superuser(username="администратор")
        else:
            # Named in Russian: the admin shows the name (the role's key is English).
            user = user_in(role, username=ROLE_GROUP_NAMES[role].lower())
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "ru"
        profile.save()
        client.force_login(user)
        return client

    return log_in


@pytest.mark.parametrize("role", [*ROLES, SUPERUSER])
def test_every_admin_screen_of_ours_is_in_russian(russian_admin_of, content, site, role):
    errors, foreign, seen = [], [], 0
    for url, response in screens(russian_admin_of(role), site):
        if response.status_code >= 500:
            errors.append(f"{url}: {response.status_code}")
        if response.status_code not in (200, 400):
            continue  # refused to this role (a bad form is answered with its errors: 400)
        html = screen_html(response)
        if html is None:
            continue  # a file
        seen += 1
        foreign += [f"{url}: {word}" for word in sorted(foreign_words(readable_text(html)))]
    assert not errors, "\n".join(errors)
    assert seen >= 3, f"only {seen} screens open to {role}"
    assert not foreign, (
        f"English, code names or undeclined names in the Russian admin ({role}):\n"
        + "\n".join(foreign)
    )


def test_what_was_saved_is_named_without_a_gender_to_agree(russian_admin_of, db):
    """Wagtail's Russian says «Тег 'Математика' обновлена»: the name's gender is not the
    message's."""
    tag = SectionTag.objects.create(name="Математика", slug="matematika")
    client = russian_admin_of(SUPERUSER)
    url = reverse(SectionTag.snippet_viewset.get_url_name("edit"), args=[tag.pk])
    form = left_empty(client.get(url).content.decode())

    response = client.post(url, {**form, "name": "Алгебра", "slug": "algebra"}, follow=True)

    assert [
        BeautifulSoup(str(message), "html.parser").get_text(" ", strip=True)
        for message in response.context["messages"]
    ] == ["Тег «Алгебра»: сохранено. Править"]


def test_every_model_of_ours_has_a_russian_name():
    """Wagtail shows a model's names wherever it speaks of one (listings, usage, history,
    messages): Django's default is the class's name in English («source tags»)."""
    unnamed = [
        f"{model._meta.label}: {model._meta.verbose_name} / {model._meta.verbose_name_plural}"
        for model in apps.get_models()
        if model._meta.app_label in OUR_APPS
        and LATIN_WORD.search(f"{model._meta.verbose_name} {model._meta.verbose_name_plural}")
    ]
    assert not unnamed, "\n".join(unnamed)

"""«Кейсы»: the listing with its filters by form and tag and its pages, and a case."""

import datetime
import re
from functools import partial

import pytest
import wagtail_factories
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from wagtail.models import PageViewRestriction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from mentoring_pages.listing import PER_PAGE
from mentoring_pages.models import CaseMaterial
from mentoring_pages.tests.conftest import PAGE_QUERY_LIMIT
from mentoring_pages.tests.factories import CasePageFactory
from mentoring_pages.tests.html import card_titles, page_html
from programmes.tests.factories import RoleModelFactory
from site_project.translation import translate

pytestmark = pytest.mark.django_db


def case(section, title, *, tags=(), days_ago=0, **fields):
    """A published case; `days_ago` sets when, for the listing's order."""
    page = CasePageFactory(parent=section.cases, title=title, **fields)
    if tags:
        page.tags.add(*tags)
        page.save_revision().publish()
    page.first_published_at = timezone.now() - datetime.timedelta(days=days_ago)
    page.save(update_fields=["first_published_at"])
    return page


def document(title="Положение о наставничестве", size=2048, extension="pdf"):
    return wagtail_factories.DocumentFactory(
        title=title,
        file__filename=f"file.{extension}",
        file__data=b"x" * size,
        file_size=size,
    )


# The index


def test_index_lists_cases_newest_first(client, section):
    case(section, "Старый кейс", days_ago=30)
    case(section, "Новый кейс", days_ago=1)
    CasePageFactory(parent=section.cases, title="Черновик", live=False)

    content = page_html(client, section.cases.url)

    assert "<h1>Кейсы</h1>" in content
    assert '<a href="/nastavnichestvo/">Наставничество</a>' in content  # breadcrumbs
    assert card_titles(content) == ["Новый кейс", "Старый кейс"]


def test_the_card_shows_form_role_model_summary_and_duration(client, section, forms):
    pupils, _ = forms
    role_model = RoleModelFactory(form=pupils, title="Успевающий – неуспевающий")
    case(
        section,
        "Кейс",
        form=pupils,
        role_model=role_model,
        summary="Пара поднялась с тройки до пятёрки.",
        duration="9 месяцев",
    )

    content = client.get(section.cases.url).content.decode()

    assert "Ученик – ученик · Успевающий – неуспевающий" in content
    assert "Пара поднялась с тройки до пятёрки." in content
    assert "9 месяцев" in content


def test_english_index_with_an_empty_state(client, english_section):
    content = page_html(client, "/en/nastavnichestvo/cases/", "en")

    assert "<h1>Cases</h1>" in content
    assert "No cases yet." in content


def test_english_index_lists_translated_cases(client, english_section, english):
    page = case(english_section, "Кейс о математике")
    translate(page, english, {"Кейс о математике": "A maths case"})

    response = client.get("/en/nastavnichestvo/cases/")

    assert card_titles(response) == ["A maths case"]
    assert "1 case</h2>" in response.content.decode()


# Filters


def test_filter_by_form(client, section, forms):
    pupils, teachers = forms
    case(section, "Ученики", form=pupils)
    case(section, "Учителя", form=teachers)

    response = client.get(section.cases.url, {"form": pupils.pk})

    assert card_titles(response) == ["Ученики"]
    assert (
        f'<a href="?form={pupils.pk}" aria-current="true">Ученик – ученик</a>'
        in response.content.decode()
    )


def test_filter_by_tag(client, section):
    case(section, "Математика", tags=["математика"])
    case(section, "Чтение", tags=["чтение"])

    response = client.get(section.cases.url, {"tag": "математика"})

    assert card_titles(response) == ["Математика"]
    assert 'aria-current="true">математика</a>' in response.content.decode()


def test_filters_combine(client, section, forms):
    pupils, teachers = forms
    case(section, "Ученики, математика", form=pupils, tags=["математика"])
    case(section, "Ученики, чтение", form=pupils, tags=["чтение"])
    case(section, "Учителя, математика", form=teachers, tags=["математика"])

    response = client.get(section.cases.url, {"form": pupils.pk, "tag": "математика"})

    assert card_titles(response) == ["Ученики, математика"]
    content = response.content.decode()
    # Choosing another tag keeps the form, and the other way round.
    assert f'<a href="?form={pupils.pk}&amp;tag=%D1%87%D1%82%D0%B5%D0%BD%D0%B8%D0%B5">' in content
    assert f'<a href="?form={teachers.pk}&amp;tag=%D0%BC%D0%B0%D1%82' in content


def test_a_combination_without_cases_says_so_and_offers_the_way_back(
    client, english_section, english, forms
):
    pupils, teachers = forms
    translate(pupils.programme, english, {})
    for form in forms:
        translate(form, english, {})
    for title, form, tag in (("A", pupils, "maths"), ("B", teachers, "reading")):
        page = case(english_section, title, form=form, tags=[tag])
        translate(page, english, {})
    english_pupils = pupils.get_translation(english)

    response = client.get(
        "/en/nastavnichestvo/cases/", {"form": english_pupils.pk, "tag": "reading"}
    )

    content = response.content.decode()
    assert card_titles(response) == []
    assert "No cases match the chosen filters." in content
    assert '<a href=".">Show all cases</a>' in content


@pytest.mark.parametrize(
    "params",
    [
        {"form": "abc"},
        {"form": "-1"},
        {"form": "999999"},
        {"form": "²"},
        {"form": "9" * 40},
        {"tag": "no-such-tag"},
        {"tag": "<script>alert(1)</script>"},
        {"tag": ""},
        {"form": "abc", "tag": "no-such-tag", "page": "abc"},
    ],
)
def test_bad_or_unknown_filters_are_ignored(client, section, forms, params):
    case(section, "Первый", form=forms[0], tags=["математика"])
    case(section, "Второй", form=forms[1])

    response = client.get(section.cases.url, params)

    assert response.status_code == 200
    assert sorted(card_titles(response)) == ["Второй", "Первый"]
    assert "<script>alert(1)</script>" not in response.content.decode()


def test_a_private_case_is_not_listed(client, section):
    case(section, "Открытый")
    private = case(section, "Закрытый")
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    assert card_titles(client.get(section.cases.url)) == ["Открытый"]


def test_only_forms_that_some_case_has_are_offered(client, section, forms):
    pupils, teachers = forms
    case(section, "Ученики", form=pupils)

    content = client.get(section.cases.url).content.decode()

    assert "Ученик – ученик" in content
    assert "Учитель – учитель" not in content


# Pagination


def many_cases(section, count, **fields):
    for number in range(count):
        case(section, f"Кейс {number:03}", days_ago=number, **fields)


def test_pagination_splits_the_list(client, section):
    many_cases(section, PER_PAGE + 3)

    first = client.get(section.cases.url)
    second = client.get(section.cases.url, {"page": 2})

    assert card_titles(first)[0] == "Кейс 000"
    assert len(card_titles(first)) == PER_PAGE
    assert card_titles(second) == [f"Кейс {number:03}" for number in range(PER_PAGE, PER_PAGE + 3)]
    assert 'href="?page=2" rel="next"' in first.content.decode()
    assert 'href="?page=1" rel="prev"' in second.content.decode()


@pytest.mark.parametrize(
    ("value", "expected_first"),
    [
        ("abc", "Кейс 000"),
        ("-1", "Кейс 000"),
        ("0", "Кейс 000"),
        ("1.5", "Кейс 000"),
        ("", "Кейс 000"),
        ("999", f"Кейс {PER_PAGE:03}"),  # past the end: the last page
        ("9" * 40, f"Кейс {PER_PAGE:03}"),
    ],
)
def test_a_bad_page_number_gives_a_real_page(client, section, value, expected_first):
    many_cases(section, PER_PAGE + 3)

    response = client.get(section.cases.url, {"page": value})

    assert response.status_code == 200
    assert card_titles(response)[0] == expected_first


def test_pagination_keeps_the_filters(client, section, forms):
    pupils, _ = forms
    many_cases(section, PER_PAGE + 1, form=pupils, tags=["чтение"])
    case(section, "Другой", form=forms[1])

    response = client.get(section.cases.url, {"form": pupils.pk, "tag": "чтение", "junk": "x"})

    pagination = response.content.decode().split('<nav class="pagination"')[1]
    assert (
        f'href="?form={pupils.pk}&amp;tag=%D1%87%D1%82%D0%B5%D0%BD%D0%B8%D0%B5&amp;page=2" rel="next"'
        in pagination
    )
    assert "junk" not in pagination  # only the filters are kept
    second = client.get(section.cases.url, {"form": pupils.pk, "tag": "чтение", "page": 2})
    assert card_titles(second) == [f"Кейс {PER_PAGE:03}"]


# A case


def test_a_case_shows_its_story_materials_and_tags(client, section, forms):
    pupils, _ = forms
    role_model = RoleModelFactory(form=pupils, title="Успевающий – неуспевающий")
    page = case(
        section,
        "Кейс о математике",
        form=pupils,
        role_model=role_model,
        duration="9 месяцев",
        tags=["математика"],
    )
    CaseMaterial.objects.create(
        page=page, document=document("План работы пары", size=1536), locale=page.locale
    )
    CaseMaterial.objects.create(
        page=page,
        document=document("Анкета", extension="docx"),
        title="Анкета наставляемого",
        locale=page.locale,
    )

    response = client.get(page.url)

    content = response.content.decode()
    assert response.status_code == 200
    assert "<h1>Кейс о математике</h1>" in content
    assert '<a href="/nastavnichestvo/cases/">Кейсы</a>' in content  # breadcrumbs
    for text in (
        "Низкая успеваемость по математике.",
        "Поднять средний балл.",
        "Еженедельные занятия пары.",
        "Средний балл вырос с 3,2 до 3,9.",
        "Успевающий – неуспевающий",
        "9 месяцев",
    ):
        assert text in content
    assert f'<a href="/nastavnichestvo/cases/?form={pupils.pk}">Ученик – ученик</a>' in content
    assert re.search(r'>План работы пары</a> <span class="document-meta">\(PDF, 1[,.]5', content)
    assert '>Анкета наставляемого</a> <span class="document-meta">(DOCX' in content
    assert (
        '<a href="/nastavnichestvo/cases/?tag=%D0%BC%D0%B0%D1%82%D0%B5%D0%BC%D0%B0%D1%82%D0%B8%D0%BA%D0%B0">математика</a>'
        in content
    )


def test_a_case_is_described_by_its_summary_for_search_and_sharing(client, section):
    page = case(section, "Кейс", summary="Пара подтянула геометрию.")

    content = client.get(page.url).content.decode()

    assert '<meta name="description" content="Пара подтянула геометрию.">' in content
    assert '<meta property="og:description" content="Пара подтянула геометрию.">' in content


def test_a_case_in_english(client, english_section, english):
    page = case(english_section, "Кейс о математике")
    translate(
        page,
        english,
        {"Кейс о математике": "A maths case", "Поднять средний балл.": "Raise the average mark."},
    )

    content = page_html(client, "/en/nastavnichestvo/cases/" + page.slug + "/", "en")

    assert "<h1>A maths case</h1>" in content
    assert "Raise the average mark." in content
    assert ">The goal</h2>" in content
    assert '<a href="/en/nastavnichestvo/cases/">Cases</a>' in content


# A fixed number of queries, whatever the number of cases


def add_cases(section, forms, count):
    role_model = RoleModelFactory(form=forms[0])
    for number in range(count):
        case(
            section,
            f"Кейс {number}",
            form=forms[number % 2],
            role_model=role_model,
            tags=[f"тег {number % 5}", "общий"],
        )


@pytest.mark.parametrize("filtered", [False, True], ids=["all", "filtered"])
def test_index_queries_do_not_grow_with_the_cases(section, forms, few_and_many, filtered):
    params = {"form": forms[0].pk, "tag": "общий", "page": 2} if filtered else {}

    few, many = few_and_many(section.cases.url, partial(add_cases, section, forms), params)

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many


# Serving a case costs 11 queries in Wagtail itself (site, locale, 7 to route to a page
# four levels down, 2 for view restrictions) and 1 in the header and footer (the language
# switcher's translations); the case's own are 3 (form with role model, tags, materials).


def test_case_queries_do_not_grow_with_its_materials_and_tags(section, forms, few_and_many):
    page = case(section, "Кейс", form=forms[0], role_model=RoleModelFactory(form=forms[0]))

    def add(count):
        for _ in range(count):
            CaseMaterial.objects.create(page=page, document=document(), locale=page.locale)
        page.tags.add(*[f"тег {page.tags.count() + number}" for number in range(count)])
        page.save_revision().publish()

    few, many = few_and_many(page.url, add)

    assert len(few) == len(many) <= PAGE_QUERY_LIMIT, many


# The role model in the editor


def role_model_choices(client, page):
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    soup = BeautifulSoup(response.content.decode(), "html.parser")
    return [option.get_text() for option in soup.select("select[name=role_model] option")][1:]


def test_the_role_model_choices_are_the_pages_language_named_with_their_form(
    admin_client, section, english
):
    pupils = RoleModelFactory(title="Успевающий – неуспевающий")
    teachers = RoleModelFactory(form__title="Учитель – учитель", title="Опытный – молодой")
    translate(pupils.form, english, {"Ученик – ученик": "Pupil – pupil"})
    page = case(section, "Кейс")

    assert role_model_choices(admin_client, page) == [
        f"{pupils.form} — {pupils}",
        f"{teachers.form} — {teachers}",
    ]


def test_a_role_model_of_another_form_is_refused_and_nothing_saved(admin_client, section):
    pupils = RoleModelFactory()
    teachers = RoleModelFactory(form__title="Учитель – учитель", title="Опытный – молодой")
    page = case(section, "Кейс", form=pupils.form)
    revisions = page.revisions.count()
    data = nested_form_data(
        {
            "title": "Кейс",
            "slug": page.slug,
            "form": pupils.form.pk,
            "role_model": teachers.pk,
            "summary": "",
            "problem": rich_text("<p>Проблема.</p>"),
            "goal": rich_text("<p>Цель.</p>"),
            "what_was_done": rich_text("<p>Сделано.</p>"),
            "result": rich_text("<p>Итог.</p>"),
            "duration": "",
            "image_alt": "",
            "tags": "",
            "materials": inline_formset([]),
        }
    )

    response = admin_client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)

    assert response.status_code == 200  # the form again, with the reason
    with translation.override("ru"):
        reason = gettext("Choose a role model of the chosen form of mentoring, «%(form)s».") % {
            "form": pupils.form
        }
    assert reason in response.content.decode()
    page.refresh_from_db()
    assert page.role_model_id is None and page.revisions.count() == revisions
